// Parallel shard building, compaction and the atomic swap into the target directory.
#include "indexer/shard_build.h"

#include "indexer/database.h"
#include "indexer/schema.h"

#include <chancery/error.h>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <functional>

namespace chancery::detail {
namespace {

// Documents waiting per shard: enough to keep a worker busy, few enough to bound memory.
constexpr std::size_t kQueueCapacity = 256;

}  // namespace

struct ShardBuild::Shard {
    explicit Shard(const Gazetteer& gazetteer) : builder(gazetteer) {}

    std::string path;
    Xapian::WritableDatabase db;
    DocumentBuilder builder;
    std::unordered_set<std::size_t> seen;  // id hashes: add_document unless seen before
    std::size_t uncommitted = 0;
    IndexReport report;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<Document, SourceLocation>> queue;
    bool closed = false;
    std::exception_ptr failure;
    std::thread thread;
};

ShardBuild::ShardBuild(std::string target, const IndexOptions& options, std::size_t shards,
                       const Gazetteer& gazetteer, std::mutex& report_mutex)
    : target_(std::move(target)),
      build_dir_(target_ + ".chancery-build"),
      options_(options),
      report_mutex_(report_mutex) {
    std::error_code error;
    std::filesystem::remove_all(build_dir_, error);  // a killed build's leftovers
    std::filesystem::create_directories(build_dir_, error);
    if (error) throw IndexError(build_dir_ + ": cannot create: " + error.message());
    for (std::size_t i = 0; i < shards; ++i) {
        auto shard = std::make_unique<Shard>(gazetteer);
        shard->path = build_dir_ + "/shard-" + std::to_string(i);
        shard->db = translate_xapian_errors(shard->path, [&] {
            // Shards are scratch: a crash discards them, so they need no fsync.
            Xapian::WritableDatabase db(shard->path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
            db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
            return db;
        });
        shards_.push_back(std::move(shard));
    }
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { work(*s); });
}

ShardBuild::~ShardBuild() {
    stop_workers();
    std::error_code ignored;
    std::filesystem::remove_all(build_dir_, ignored);
}

void ShardBuild::stop_workers() {
    for (auto& shard : shards_) {
        {
            std::lock_guard lock(shard->mutex);
            shard->closed = true;
        }
        shard->changed.notify_all();
    }
    for (auto& shard : shards_) {
        if (shard->thread.joinable()) shard->thread.join();
    }
}

void ShardBuild::add(Document document, SourceLocation where) {
    Shard& shard = *shards_[std::hash<std::string>()(document.id) % shards_.size()];
    std::unique_lock lock(shard.mutex);
    shard.changed.wait(lock, [&] { return shard.queue.size() < kQueueCapacity || shard.failure; });
    if (shard.failure) std::rethrow_exception(shard.failure);
    shard.queue.emplace_back(std::move(document), std::move(where));
    lock.unlock();
    shard.changed.notify_all();
}

void ShardBuild::work(Shard& shard) {
    try {
        for (;;) {
            std::unique_lock lock(shard.mutex);
            shard.changed.wait(lock, [&] { return !shard.queue.empty() || shard.closed; });
            if (shard.queue.empty()) break;
            auto [document, where] = std::move(shard.queue.front());
            shard.queue.pop_front();
            lock.unlock();
            shard.changed.notify_all();

            Xapian::Document xdoc;
            std::string error;
            try {
                xdoc = shard.builder.build(document);
            } catch (const std::exception& e) {
                error = std::string("cannot analyse: ") + e.what();
            } catch (const Xapian::Error& e) {
                error = "cannot analyse: " + e.get_description();
            }
            if (!error.empty()) {
                Rejection rejection{std::move(where), std::move(error)};
                {
                    std::lock_guard report_lock(report_mutex_);
                    if (options_.on_rejection) options_.on_rejection(rejection);
                }
                ++shard.report.rejected;
                shard.report.rejections.push_back(std::move(rejection));
                continue;
            }
            translate_xapian_errors(shard.path, [&] {
                if (shard.seen.insert(std::hash<std::string>()(document.id)).second) {
                    shard.db.add_document(xdoc);
                    ++shard.report.indexed;
                } else {
                    // Seen before (or a hash collision): replace, and count only a real one.
                    const std::string id_term = schema::term(schema::kIdPrefix, document.id);
                    const bool exists = shard.db.term_exists(id_term);
                    shard.db.replace_document(id_term, xdoc);
                    ++(exists ? shard.report.replaced : shard.report.indexed);
                }
                if (++shard.uncommitted >= options_.batch_size) {
                    shard.db.commit();
                    shard.uncommitted = 0;
                    ++shard.report.committed_batches;
                }
            });
        }
        translate_xapian_errors(shard.path, [&] { shard.db.commit(); });
    } catch (...) {
        std::lock_guard lock(shard.mutex);
        shard.failure = std::current_exception();
        shard.queue.clear();
        shard.changed.notify_all();
    }
}

IndexReport ShardBuild::finish(Xapian::WritableDatabase& target_lock) {
    stop_workers();
    IndexReport report;
    for (auto& shard : shards_) {
        if (shard->failure) std::rethrow_exception(shard->failure);
        report.indexed += shard->report.indexed;
        report.replaced += shard->report.replaced;
        report.rejected += shard->report.rejected;
        report.committed_batches += shard->report.committed_batches;
        for (auto& rejection : shard->report.rejections) {
            report.rejections.push_back(std::move(rejection));
        }
        shard->db.close();
    }
    const std::string merged = build_dir_ + "/merged";
    translate_xapian_errors(target_, [&] {
        Xapian::Database all;
        for (const auto& shard : shards_) all.add_database(Xapian::Database(shard->path));
        all.compact(merged);
    });
    // Exchange the merged database with the empty target in one step: readers
    // and a kill see either the one or the other, never neither.
    if (renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
        throw IndexError(target_ + ": cannot move the merged database into place: " +
                         std::strerror(errno));
    }
    target_lock.close();
    return report;
}

}  // namespace chancery::detail
