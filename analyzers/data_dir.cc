// The default data directory: environment, then source tree, then install prefix.
#include "analyzers/data_dir.h"

#include <cstdlib>
#include <system_error>

// Both are set by analyzers/CMakeLists.txt for this file only.
#ifndef CHANCERY_SOURCE_DATA_DIR
#error "CHANCERY_SOURCE_DATA_DIR must be defined by the build"
#endif
#ifndef CHANCERY_INSTALLED_DATA_DIR
#error "CHANCERY_INSTALLED_DATA_DIR must be defined by the build"
#endif

namespace chancery {

std::filesystem::path default_data_dir() {
    if (const char* env = std::getenv("CHANCERY_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    const std::filesystem::path source = CHANCERY_SOURCE_DATA_DIR;
    std::error_code ignored;
    if (std::filesystem::is_directory(source, ignored)) return source;
    return CHANCERY_INSTALLED_DATA_DIR;
}

std::filesystem::path default_gazetteer_dir() { return default_data_dir() / "gazetteers"; }

std::filesystem::path default_glossary_dir() { return default_data_dir() / "glossary"; }

}  // namespace chancery
