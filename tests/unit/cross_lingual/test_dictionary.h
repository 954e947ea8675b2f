// Helpers for the cross-language tests: whether Debian's mueller7-dict is
// installed, and small dictd dictionaries written by the tests themselves.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace chancery::testing {

inline constexpr const char* kMuellerIndex = "/usr/share/dictd/mueller7.index";
inline constexpr const char* kMuellerData = "/usr/share/dictd/mueller7.dict.dz";

inline bool mueller_installed() {
    return std::filesystem::exists(kMuellerIndex) && std::filesystem::exists(kMuellerData);
}

// dictd's base64 numbers, most significant digit first.
inline std::string dictd_number(std::size_t value) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string digits;
    do {
        digits.insert(digits.begin(), kAlphabet[value % 64]);
        value /= 64;
    } while (value > 0);
    return digits;
}

// Writes `base`.index and `base`.dict (uncompressed) holding `articles`
// (headword, text), as dictfmt would.
inline void write_dictd(const std::string& base,
                        const std::vector<std::pair<std::string, std::string>>& articles) {
    std::ofstream index(base + ".index");
    std::ofstream data(base + ".dict", std::ios::binary);
    std::size_t offset = 0;
    for (const auto& [headword, text] : articles) {
        data << text;
        index << headword << '\t' << dictd_number(offset) << '\t' << dictd_number(text.size())
              << '\n';
        offset += text.size();
    }
}

}  // namespace chancery::testing

// Skips the current test when the real dictionary is not installed.
#define CHANCERY_REQUIRE_MUELLER()                                                                 \
    if (!::chancery::testing::mueller_installed()) {                                               \
        GTEST_SKIP() << "Mueller's dictionary not found at " << ::chancery::testing::kMuellerIndex \
                     << " (install Debian's mueller7-dict)";                                       \
    }
