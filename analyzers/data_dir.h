// Where Chancery finds its data files (gazetteers, glossary) when the caller names no directory.
#pragma once

#include <filesystem>

namespace chancery {

// The data directory, first of:
//   1. $CHANCERY_DATA_DIR, when set and not empty (used as given, even if missing,
//      so that a wrong setting shows up as an error rather than silently falling back);
//   2. the source tree's corpora/data, when it exists (a build run from its build tree);
//   3. the installed share directory, ${CMAKE_INSTALL_FULL_DATADIR}/chancery.
// Never throws; the caller reports a directory that does not exist.
[[nodiscard]] std::filesystem::path default_data_dir();

// default_data_dir() / "gazetteers".
[[nodiscard]] std::filesystem::path default_gazetteer_dir();

// default_data_dir() / "glossary": the diplomatic glossary of cross-lingual search.
[[nodiscard]] std::filesystem::path default_glossary_dir();

}  // namespace chancery
