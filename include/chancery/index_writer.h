// chancery::IndexWriter: analyses documents and writes them to a Xapian
// database in committed batches.
#pragma once

#include <chancery/corpus.h>
#include <chancery/document.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chancery {

// What happened to the documents given to a writer so far.
struct IndexReport {
    std::size_t indexed = 0;   // written as new documents
    std::size_t replaced = 0;  // written over a document with the same id
    std::size_t rejected = 0;  // not written; see rejections
    std::vector<Rejection> rejections;
    std::size_t committed_batches = 0;
};

struct IndexOptions {
    // Documents per committed batch. Each batch is one Xapian transaction: a
    // crash loses at most the batch in progress, never leaves a half batch.
    std::size_t batch_size = 2000;
    // Threads that analyse documents (0: one per core). Writing stays on one thread.
    std::size_t jobs = 0;
    // Called after each committed batch with the report so far (progress display).
    std::function<void(const IndexReport&)> on_commit;
    // Called for each rejected document as it is rejected (error display).
    std::function<void(const Rejection&)> on_rejection;
};

// Writes documents to a Xapian database, creating it if needed. Re-adding a
// document with an id that is already in the database replaces it.
//
// Owns the database's write lock until destroyed. Documents added since the
// last commit() are discarded by the destructor, never half-written.
// Not copyable (one writer per database); movable. Not thread-safe.
class IndexWriter {
  public:
    // Opens or creates the database at `path`.
    // Throws DatabaseLockedError if another process is writing to it, and
    // IndexError if it cannot be opened or created or is not a Chancery database.
    explicit IndexWriter(const std::string& path, IndexOptions options = {});
    ~IndexWriter();
    IndexWriter(IndexWriter&&) noexcept;
    IndexWriter& operator=(IndexWriter&&) noexcept;
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Queues a document, read from `where`; writes and commits a batch when
    // batch_size documents are queued. A document that cannot be indexed is
    // counted in the report's rejections, not thrown.
    // Throws IndexError if writing the batch fails.
    void add(Document document, SourceLocation where = {});

    // Counts a line that the reader rejected, so that one report tells all.
    void reject(Rejection rejection);

    // Writes and commits what is queued. Throws IndexError on failure.
    void commit();

    // Removes the documents with these ids and commits; returns how many existed.
    // Throws IndexError on failure.
    std::size_t remove(const std::vector<std::string>& ids);

    [[nodiscard]] const IndexReport& report() const;
    // Documents in the database, counting committed batches only.
    [[nodiscard]] std::size_t document_count() const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

}  // namespace chancery
