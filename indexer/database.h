// Opening Chancery databases: Xapian errors translated, the schema mark checked.
#pragma once

#include <xapian.h>

#include <string>

namespace chancery::detail {

// Opens (creating if needed) a database for writing and marks it as Chancery's.
// Throws DatabaseLockedError or IndexError.
[[nodiscard]] Xapian::WritableDatabase open_for_writing(const std::string& path);

// Opens a database (a directory or a stub file) for reading.
// Throws IndexError if it is missing or not a Chancery database.
[[nodiscard]] Xapian::Database open_for_reading(const std::string& path);

// Runs `body`, translating Xapian::Error into chancery::IndexError prefixed by `context`.
template <typename Body>
auto translate_xapian_errors(const std::string& context, Body&& body) -> decltype(body());

}  // namespace chancery::detail

#include "indexer/database_inl.h"
