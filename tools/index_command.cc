// `chancery index`: read JSON Lines corpora and write them to a database.
#include "tools/commands.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

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
        ("strict", "check every line first; index nothing if any line is bad")
        ("quiet,q", "print only errors");
    po::options_description hidden;
    hidden.add_options()("file", po::value(&files));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << visible;
        return kOk;
    }
    po::notify(vm);
    if (files.empty()) throw po::error("no input files (use - for standard input)");
    const bool quiet = vm.count("quiet") > 0;

    if (vm.count("strict")) {
        if (const auto rejection = first_rejection(files)) {
            print_rejection(*rejection);
            std::cerr << "chancery index: --strict: nothing indexed\n";
            return kRejected;
        }
    }

    options.on_rejection = print_rejection;
    IndexWriter writer(db, options);
    std::size_t unreadable = 0;
    for (const auto& file : files) {
        try {
            JsonLinesReader reader(file);
            while (auto record = reader.next()) {
                if (record->document) {
                    writer.add(std::move(*record->document), std::move(record->where));
                } else {
                    writer.reject({std::move(record->where), std::move(record->reason)});
                }
            }
        } catch (const CorpusError& e) {
            // An unreadable file loses that file only; what was read of it stays.
            std::cerr << "chancery index: " << e.what() << "\n";
            ++unreadable;
        }
    }
    writer.commit();
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
