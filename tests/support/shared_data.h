// Locating ../shared (corpora, eval sets, conformance data) from tests.
#pragma once

#include <filesystem>
#include <string>

namespace chancery::testing {

// The shared data directory: $CHANCERY_SHARED_DIR, else ../shared beside the source tree.
inline std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("CHANCERY_SHARED_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    return CHANCERY_SHARED_DIR;
}

// shared_dir() / relative, or "" when it does not exist.
inline std::string shared_path(const std::string& relative) {
    const auto path = shared_dir() / relative;
    return std::filesystem::exists(path) ? path.string() : std::string();
}

inline std::filesystem::path source_dir() { return CHANCERY_SOURCE_DIR; }

}  // namespace chancery::testing

// Skips the current test with a message naming the missing shared file.
#define CHANCERY_REQUIRE_SHARED(var, relative)                                        \
    const std::string var = ::chancery::testing::shared_path(relative);               \
    if (var.empty()) {                                                                \
        GTEST_SKIP() << "shared data not found: " << relative << " (looked in "       \
                     << ::chancery::testing::shared_dir() << "; set CHANCERY_SHARED_DIR)"; \
    }
