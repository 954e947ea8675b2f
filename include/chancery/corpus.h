// Reading corpora: JSON Lines files (optionally gzip-compressed, or standard
// input) into chancery::Document values, with every bad line reported, never thrown.
#pragma once

#include <chancery/document.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace chancery {

// Where a document came from: file name ("-" for standard input) and 1-based line.
struct SourceLocation {
    std::string file;
    std::size_t line = 0;
};

// A line that could not become a document, and why.
struct Rejection {
    SourceLocation where;
    std::string reason;
};

// One line read from a corpus: either a document or a rejection.
struct CorpusRecord {
    SourceLocation where;
    std::optional<Document> document;  // set when the line is a valid document
    std::string reason;                // set when it is not
};

// Reads a JSON Lines corpus (format: corpora/FORMAT.md). Lines are checked for
// valid UTF-8, valid JSON, a string id, a non-empty title or body, the types of
// the known keys and a real calendar date. Blank lines are skipped.
//
// Owns its open file. Not copyable (it holds a file handle); movable.
// Not thread-safe: one reader per thread.
class JsonLinesReader {
  public:
    // Opens `path` ("-" is standard input); gzip input is detected by content.
    // Throws CorpusError if the file cannot be opened.
    explicit JsonLinesReader(const std::string& path);
    ~JsonLinesReader();
    JsonLinesReader(JsonLinesReader&&) noexcept;
    JsonLinesReader& operator=(JsonLinesReader&&) noexcept;
    JsonLinesReader(const JsonLinesReader&) = delete;
    JsonLinesReader& operator=(const JsonLinesReader&) = delete;

    // The next non-blank line, or nullopt at the end of the input.
    // Throws CorpusError if reading fails (a truncated gzip stream, an I/O error).
    [[nodiscard]] std::optional<CorpusRecord> next();

    // Bytes of input consumed so far (compressed bytes for gzip input).
    [[nodiscard]] std::size_t bytes_read() const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

// Parses one JSON Lines line into a document; on failure returns the reason.
// Exposed for tools that read documents from elsewhere.
[[nodiscard]] CorpusRecord parse_document_line(std::string_view line, SourceLocation where);

}  // namespace chancery
