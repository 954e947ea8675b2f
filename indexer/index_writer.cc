// IndexWriter: a fresh database is built in parallel shards and merged
// (shard_build.h); an existing one is updated in batches analysed in parallel,
// written by one thread, each batch committed as one Xapian transaction.
#include <chancery/index_writer.h>

#include <chancery/error.h>

#include "indexer/database.h"
#include "indexer/document_builder.h"
#include "indexer/schema.h"
#include "indexer/shard_build.h"

#include <xapian.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

namespace chancery {

struct IndexWriter::Internal {
    std::string path;
    IndexOptions options;
    Xapian::WritableDatabase db;
    std::size_t jobs = 1;
    // Declared before what uses it, so that it is destroyed after them.
    std::unique_ptr<Gazetteer> gazetteer;  // shared by every builder
    std::mutex report_mutex;
    std::unique_ptr<detail::ShardBuild> build;  // set while building a fresh database
    std::vector<DocumentBuilder> builders;      // one per analysis thread (updates)
    std::vector<std::pair<Document, SourceLocation>> queue;
    IndexReport report;

    // Analysis results, index-aligned with the queue.
    struct Built {
        Xapian::Document xdoc;
        std::string error;  // set when the document could not be analysed
    };

    std::vector<Built> analyse_queue() {
        std::vector<Built> built(queue.size());
        auto work = [&](std::size_t worker) {
            for (std::size_t i = worker; i < queue.size(); i += builders.size()) {
                try {
                    built[i].xdoc = builders[worker].build(queue[i].first);
                } catch (const std::exception& e) {
                    built[i].error = std::string("cannot analyse: ") + e.what();
                } catch (const Xapian::Error& e) {
                    built[i].error = "cannot analyse: " + e.get_description();
                }
            }
        };
        const std::size_t workers = std::min(builders.size(), queue.size());
        std::vector<std::thread> threads;
        for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
        if (workers > 0) work(0);
        for (auto& thread : threads) thread.join();
        return built;
    }

    void flush() {
        if (queue.empty()) return;
        std::vector<Built> built = analyse_queue();
        std::size_t indexed = 0, replaced = 0;
        std::vector<Rejection> rejections;
        detail::translate_xapian_errors(path, [&] {
            db.begin_transaction();
            try {
                for (std::size_t i = 0; i < queue.size(); ++i) {
                    if (!built[i].error.empty()) {
                        rejections.push_back({queue[i].second, built[i].error});
                        continue;
                    }
                    const std::string id_term = schema::term(schema::kIdPrefix, queue[i].first.id);
                    const bool exists = db.term_exists(id_term);
                    db.replace_document(id_term, built[i].xdoc);
                    ++(exists ? replaced : indexed);
                }
                db.commit_transaction();
            } catch (...) {
                db.cancel_transaction();
                throw;
            }
        });
        queue.clear();
        report.indexed += indexed;
        report.replaced += replaced;
        report.rejected += rejections.size();
        for (auto& rejection : rejections) {
            if (options.on_rejection) options.on_rejection(rejection);
            report.rejections.push_back(std::move(rejection));
        }
        ++report.committed_batches;
        if (options.on_commit) options.on_commit(report);
    }
};

IndexWriter::IndexWriter(const std::string& path, IndexOptions options)
    : internal_(std::make_unique<Internal>()) {
    internal_->path = path;
    internal_->db = detail::open_for_writing(path);
    if (options.batch_size == 0) options.batch_size = 1;
    std::size_t jobs = options.jobs;
    if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
    internal_->jobs = jobs;
    std::vector<std::filesystem::path> extra(options.gazetteer_dirs.begin(),
                                             options.gazetteer_dirs.end());
    internal_->gazetteer = std::make_unique<Gazetteer>(Gazetteer::load_default(extra));
    for (const auto& issue : internal_->gazetteer->issues()) {
        internal_->report.warnings.push_back(issue.describe());
    }
    internal_->options = std::move(options);
    internal_->builders.reserve(jobs);
    for (std::size_t i = 0; i < jobs; ++i) internal_->builders.emplace_back(*internal_->gazetteer);
}

IndexWriter::~IndexWriter() = default;
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

void IndexWriter::add(Document document, SourceLocation where) {
    Internal& in = *internal_;
    // The first document for an empty database starts a parallel build.
    if (!in.build && in.queue.empty() &&
        detail::translate_xapian_errors(in.path, [&] { return in.db.get_doccount() == 0; })) {
        in.build = std::make_unique<detail::ShardBuild>(in.path, in.options, in.jobs,
                                                        *in.gazetteer, in.report_mutex);
    }
    if (internal_->build) {
        internal_->build->add(std::move(document), std::move(where));
        return;
    }
    internal_->queue.emplace_back(std::move(document), std::move(where));
    if (internal_->queue.size() >= internal_->options.batch_size) internal_->flush();
}

void IndexWriter::reject(Rejection rejection) {
    ++internal_->report.rejected;
    {
        std::lock_guard lock(internal_->report_mutex);
        if (internal_->options.on_rejection) internal_->options.on_rejection(rejection);
    }
    internal_->report.rejections.push_back(std::move(rejection));
}

void IndexWriter::commit() {
    Internal& in = *internal_;
    if (!in.build) {
        in.flush();
        return;
    }
    IndexReport built = in.build->finish(in.db);
    in.build.reset();
    in.report.indexed += built.indexed;
    in.report.replaced += built.replaced;
    in.report.rejected += built.rejected;
    in.report.committed_batches += 1;
    for (auto& rejection : built.rejections) in.report.rejections.push_back(std::move(rejection));
    // Go on as an update of the database just built.
    in.db = detail::open_for_writing(in.path);
    if (in.options.on_commit) in.options.on_commit(in.report);
}

std::size_t IndexWriter::remove(const std::vector<std::string>& ids) {
    commit();
    return detail::translate_xapian_errors(internal_->path, [&] {
        std::size_t removed = 0;
        for (const std::string& id : ids) {
            const std::string id_term = schema::term(schema::kIdPrefix, id);
            if (!internal_->db.term_exists(id_term)) continue;
            internal_->db.delete_document(id_term);
            ++removed;
        }
        internal_->db.commit();
        return removed;
    });
}

const IndexReport& IndexWriter::report() const {
    return internal_->report;
}

std::size_t IndexWriter::document_count() const {
    return detail::translate_xapian_errors(internal_->path,
                                           [&] { return std::size_t{internal_->db.get_doccount()}; });
}

}  // namespace chancery
