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
    // Lines of the gazetteers that were skipped, as "file:line: reason".
    std::vector<std::string> warnings;
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
    // Gazetteer directories read after the bundled ones, adding or overriding
    // names of parties and forums (the CLI's --gazetteer).
    std::vector<std::string> gazetteer_dirs;
};

// Writes documents to a Xapian database, creating it if needed. Re-adding a
// document with an id that is already in the database replaces it.
//
// Owns the database's write lock until destroyed. Documents added since the
// last commit() are discarded by the destructor, never half-written.
// Not copyable (one writer per database); movable. Not thread-safe.
class IndexWriter {
  public:
    // Opens or creates the database at `path` and loads the gazetteers.
    // Throws DatabaseLockedError if another process is writing to it,
    // IndexError if it cannot be opened or created or is not a Chancery database,
    // and chancery::Error if a gazetteer directory cannot be read.
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

// How translation groups are detected (see detect_translation_groups).
struct GroupDetectionOptions {
    // Versions are released on the same day or up to this many days apart.
    int max_days_apart = 1;
    // Minimum similarity (0..1) to pair two documents: 0.6 x the agreement of
    // their paragraph shapes + 0.4 x the overlap of their names and numbers, or
    // the overlap alone for texts of fewer than three paragraphs.
    double min_similarity = 0.3;
    // Minimum number of shared names and numbers: short headlines never pair.
    std::size_t min_shared = 4;
};

struct GroupDetectionReport {
    std::size_t candidates = 0;  // documents without a group that were compared
    std::size_t groups = 0;      // groups formed
    std::size_t documents = 0;   // documents given a group
};

// Gives documents without a `group` that are language versions of one text a
// shared group ("auto:" + the first version's id), recorded as a derived field.
// Takes the database's write lock. Throws DatabaseLockedError or IndexError.
GroupDetectionReport detect_translation_groups(const std::string& path,
                                               const GroupDetectionOptions& options = {});

}  // namespace chancery
