// A fresh database built in parallel: one shard per worker thread, merged with
// Xapian's compactor and swapped into place atomically.
#pragma once

#include "indexer/document_builder.h"

#include <chancery/index_writer.h>

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace chancery::detail {

// Builds shards beside `target` (in target + ".chancery-build") and, on finish(),
// compacts them into a new database that replaces the (empty) target in one
// atomic exchange, so the target is always an openable database: empty before,
// complete after. A kill before finish() leaves the target empty and the build
// directory stale; the next build removes it.
//
// Documents are routed to shards by a hash of their id, so a repeated id always
// meets its earlier version in the same shard and replaces it.
// Not thread-safe: add() and finish() from one thread; the workers are internal.
class ShardBuild {
  public:
    ShardBuild(std::string target, const IndexOptions& options, std::size_t shards,
               const Gazetteer& gazetteer, std::mutex& report_mutex);
    ~ShardBuild();
    ShardBuild(const ShardBuild&) = delete;  // owns threads
    ShardBuild& operator=(const ShardBuild&) = delete;

    // Queues a document for its shard; blocks while the shard's queue is full.
    // Throws IndexError if a worker has failed.
    void add(Document document, SourceLocation where);

    // Waits for the workers, merges the shards and swaps the result into place.
    // `target_lock` is the writer holding the target's lock: it is closed once the
    // swap is done. Returns the build's counts. Throws IndexError.
    IndexReport finish(Xapian::WritableDatabase& target_lock);

  private:
    struct Shard;
    void work(Shard& shard);
    void stop_workers();

    std::string target_;
    std::string build_dir_;
    IndexOptions options_;
    std::mutex& report_mutex_;  // guards options_.on_rejection across workers
    std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace chancery::detail
