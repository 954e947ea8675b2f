// `chancery index`: read JSON Lines corpora and write them to a database.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace chancery::cli {
namespace {

namespace po = boost::program_options;

void print_rejection(const Rejection& rejection) {
    std::cerr << rejection.where.file << ":" << rejection.where.line << ": " << rejection.reason
              << "\n";
}

// --strict: the first bad line of any file, before anything is written.
std::optional<Rejection> first_rejection(const std::vector<std::string>& files) {
    for (const auto& file : files) {
        JsonLinesReader reader(file);
        while (auto record = reader.next()) {
            if (!record->document) return Rejection{record->where, record->reason};
        }
    }
    return std::nullopt;
}

// A one-line progress display on a terminal: documents, MB read, rate and,
// since the input's size is known, the time left. Silent when not a terminal.
class Progress {
  public:
    Progress(const std::vector<std::string>& files, bool enabled) : enabled_(enabled) {
        for (const auto& file : files) {
            struct stat info {};
            if (file != "-" && stat(file.c_str(), &info) == 0) {
                total_bytes_ += static_cast<std::size_t>(info.st_size);
            } else {
                total_bytes_ = 0;  // standard input: size unknown
                break;
            }
        }
    }

    // `bytes` counts input consumed so far (compressed bytes for gzip files).
    void update(std::size_t documents, std::size_t bytes, bool final = false) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!final && now - last_ < std::chrono::milliseconds(500)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(documents) / seconds : 0.0;
        std::fprintf(stderr, "\r%zu documents  %.1f MB  %.0f docs/s", documents,
                     static_cast<double>(bytes) / 1e6, rate);
        if (total_bytes_ > 0 && bytes > 0 && !final) {
            const double left = seconds * static_cast<double>(total_bytes_ - std::min(bytes, total_bytes_)) /
                                static_cast<double>(bytes);
            std::fprintf(stderr, "  ETA %d:%02d", static_cast<int>(left) / 60,
                         static_cast<int>(left) % 60);
        }
        std::fprintf(stderr, "\033[K%s", final ? "\n" : "");
        std::fflush(stderr);
    }

  private:
    bool enabled_;
    std::size_t total_bytes_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_ = start_;
};

}  // namespace

int index_command(const Arguments& args) {
    std::string db;
    std::vector<std::string> files;
    IndexOptions options;
    po::options_description visible("chancery index --db DIR [options] FILE...");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&db)->required(), "database directory (created if missing)")
        ("batch-size", po::value(&options.batch_size)->default_value(options.batch_size),
         "documents per committed batch")
        ("jobs,j", po::value(&options.jobs)->default_value(0),
         "analysis threads (0: one per core)")
        ("gazetteer", po::value(&options.gazetteer_dirs),
         "directory of gazetteer files adding or overriding parties and forums (repeatable)")
        ("strict", "check every line first; index nothing if any line is bad")
        ("quiet,q", "print only errors");
    po::options_description hidden;
    hidden.add_options()("file", po::value(&files));
    po::positional_options_description positional;
    positional.add("file", -1);
    const auto vm = parse_arguments(args, visible, hidden, positional);
    if (!vm) return kOk;
    if (files.empty()) throw po::error("no input files (use - for standard input)");
    const bool quiet = vm->count("quiet") > 0;

    if (vm->count("strict")) {
        if (const auto rejection = first_rejection(files)) {
            print_rejection(*rejection);
            std::cerr << "chancery index: --strict: nothing indexed\n";
            return kRejected;
        }
    }

    Progress progress(files, !quiet && isatty(STDERR_FILENO) == 1);
    std::size_t documents = 0, bytes_done = 0;
    options.on_rejection = [&](const Rejection& rejection) {
        if (!quiet && isatty(STDERR_FILENO) == 1) std::fprintf(stderr, "\r\033[K");
        print_rejection(rejection);
    };
    IndexWriter writer(db, options);
    for (const auto& warning : writer.report().warnings) {
        std::cerr << "chancery index: gazetteer: " << warning << "\n";
    }
    std::size_t unreadable = 0;
    for (const auto& file : files) {
        try {
            JsonLinesReader reader(file);
            while (auto record = reader.next()) {
                progress.update(++documents, bytes_done + reader.bytes_read());
                if (record->document) {
                    writer.add(std::move(*record->document), std::move(record->where));
                } else {
                    writer.reject({std::move(record->where), std::move(record->reason)});
                }
            }
            bytes_done += reader.bytes_read();
        } catch (const CorpusError& e) {
            // An unreadable file loses that file only; what was read of it stays.
            std::cerr << "chancery index: " << e.what() << "\n";
            ++unreadable;
        }
    }
    writer.commit();
    progress.update(documents, bytes_done, /*final=*/true);
    const IndexReport& report = writer.report();
    if (!quiet) {
        std::cout << "indexed " << report.indexed << ", replaced " << report.replaced
                  << ", rejected " << report.rejected;
        if (unreadable > 0) std::cout << ", unreadable files " << unreadable;
        std::cout << "; " << writer.document_count() << " documents in " << db << "\n";
    }
    if (unreadable > 0) return kFailure;
    return report.rejected > 0 ? kRejected : kOk;
}

}  // namespace chancery::cli
