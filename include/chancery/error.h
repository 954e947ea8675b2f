// The exceptions the Chancery library throws. Callers never need <xapian.h> or
// ICU headers to catch: every Xapian::Error and failing UErrorCode is translated.
#pragma once

#include <stdexcept>
#include <string>

namespace chancery {

// Base of every exception the library throws.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A corpus file cannot be opened or read (not a bad line: those are values
// in an IndexReport, see index_writer.h).
class CorpusError : public Error {
  public:
    using Error::Error;
};

// A database cannot be created, opened, written or is not a Chancery database.
class IndexError : public Error {
  public:
    using Error::Error;
};

// Another process holds the database's write lock.
class DatabaseLockedError : public IndexError {
  public:
    using IndexError::IndexError;
};

// The query text cannot be parsed. position() is the byte offset in the query
// where the parser gave up.
class QueryError : public Error {
  public:
    QueryError(const std::string& message, std::size_t position)
        : Error(message), position_(position) {}
    [[nodiscard]] std::size_t position() const noexcept { return position_; }

  private:
    std::size_t position_;
};

}  // namespace chancery
