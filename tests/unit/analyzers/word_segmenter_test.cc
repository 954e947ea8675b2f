// UAX #29 conformance of the Analyzer's raw word segmentation on Unicode's
// WordBreakTest.txt (Unicode 15.0, the version ICU 72 implements).
#include "analyzers/word_segmenter.h"

#include "tests/support/shared_data.h"

#include <gtest/gtest.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace chancery {
namespace {

// The cases where ICU's root word rules differ from UAX #29: ICU breaks at a
// colon between letters ("a:A"), which UAX #29 (MidLetter) joins, because
// ICU's tailoring keeps "Lausanne:Geneva"-like runs apart. Listed by their
// code points as WordBreakTest.txt writes them, marks removed.
const std::set<std::string> kIcuColonCases = {
    "0041 003A 0041",           "0061 003A 0041",
    "0061 003A 0061 0027",      "0061 003A 0061 0027 2060",
    "0061 003A 0061 002C",      "0061 003A 0061 003A",
    "0061 003A 0061 2060",      "0061 003A 0308 0041",
    "0061 003A 0308 0061 0027", "0061 003A 0308 0061 0027 2060",
    "0061 003A 0308 0061 002C", "0061 003A 0308 0061 003A",
    "0061 003A 0308 0061 2060", "0061 003A 0308 05D0",
    "0061 003A 05D0",
};

struct BreakCase {
    std::size_t line = 0;
    std::string code_points;          // "0061 003A 0061"
    std::string text;                 // UTF-8
    std::vector<std::size_t> breaks;  // byte offsets, 0 and size included
};

std::vector<BreakCase> read_cases(const std::string& path) {
    std::ifstream in(path);
    std::vector<BreakCase> cases;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        BreakCase c;
        c.line = number;
        std::istringstream fields(line);
        std::string field;
        while (fields >> field) {
            if (field == "\u00F7") {  // ÷
                c.breaks.push_back(c.text.size());
            } else if (field == "\u00D7") {  // ×
                continue;
            } else {
                const auto code_point = static_cast<UChar32>(std::stoul(field, nullptr, 16));
                uint8_t buffer[U8_MAX_LENGTH];
                int32_t length = 0;
                UBool error = false;
                U8_APPEND(buffer, length, U8_MAX_LENGTH, code_point, error);
                EXPECT_FALSE(error) << "line " << number << ": " << field;
                c.text.append(reinterpret_cast<const char*>(buffer),
                              static_cast<std::size_t>(length));
                if (!c.code_points.empty()) c.code_points += ' ';
                c.code_points += field;
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

TEST(WordSegmenterTest, MatchesWordBreakTestExceptIcuColonCases) {
    CHANCERY_REQUIRE_SHARED(path, "testdata/unicode/WordBreakTest.txt");
    const std::vector<BreakCase> cases = read_cases(path);
    ASSERT_EQ(cases.size(), 1823U);

    WordSegmenter segmenter;
    std::set<std::string> failed;
    std::size_t passed = 0;
    for (const BreakCase& c : cases) {
        if (segmenter.boundaries(c.text) == c.breaks) {
            ++passed;
        } else {
            failed.insert(c.code_points);
        }
    }
    EXPECT_EQ(passed, 1808U);
    EXPECT_EQ(failed, kIcuColonCases);
    for (const std::string& code_points : failed) {
        EXPECT_NE(code_points.find(" 003A "), std::string::npos) << code_points;
    }
}

TEST(WordSegmenterTest, WordsAreTheSegmentsWithLettersOrDigits) {
    WordSegmenter segmenter;
    const std::string text = "В 2021 г. — «МИД», U.N. и don't.";
    std::vector<WordSegment> words;
    segmenter.words(text, words);
    std::vector<std::string> found;
    for (const WordSegment& word : words)
        found.push_back(text.substr(word.begin, word.end - word.begin));
    EXPECT_EQ(found, (std::vector<std::string>{"В", "2021", "г", "МИД", "U.N", "и", "don't"}));
}

TEST(WordSegmenterTest, EmptyTextHasOneBoundary) {
    WordSegmenter segmenter;
    EXPECT_EQ(segmenter.boundaries(""), (std::vector<std::size_t>{0}));
    std::vector<WordSegment> words{{1, 2}};
    segmenter.words("", words);
    EXPECT_TRUE(words.empty());
}

}  // namespace
}  // namespace chancery
