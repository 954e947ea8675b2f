// Snowball's reference vocabularies stemmed through the Analyzer (normalise,
// then stem), as every indexed and queried word is: no word may differ.
#include "analyzers/analyzer.h"

#include "tests/support/shared_data.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace chancery {
namespace {

struct Vocabulary {
    const char* folder;  // under ../shared/testdata/snowball
    const char* lang;    // the document language that selects the stemmer
    Script script;
    std::size_t words;  // lines in voc.txt and output.txt
};

std::string vocabulary_name(const ::testing::TestParamInfo<Vocabulary>& param) {
    std::string name = param.param.folder;
    for (char& c : name) {
        if (c == '-' || c == '/' || c == '.') c = '_';
    }
    return name;
}

class SnowballConformanceTest : public ::testing::TestWithParam<Vocabulary> {};

TEST_P(SnowballConformanceTest, StemsEveryReferenceWordAsSnowballDoes) {
    const Vocabulary& vocabulary = GetParam();
    const std::string folder = std::string("testdata/snowball/") + vocabulary.folder;
    CHANCERY_REQUIRE_SHARED(input_path, folder + "/voc.txt");
    CHANCERY_REQUIRE_SHARED(output_path, folder + "/output.txt");
    std::ifstream input(input_path);
    std::ifstream output(output_path);
    Analyzer analyzer;
    std::size_t words = 0;
    std::size_t mismatches = 0;
    std::string word;
    std::string expected;
    while (std::getline(input, word)) {
        ASSERT_TRUE(std::getline(output, expected)) << "output.txt ends before voc.txt";
        ++words;
        const std::string stem =
            analyzer.stem(analyzer.normalize(word), vocabulary.script, vocabulary.lang);
        if (stem != expected) {
            // Report the first few; the count says how bad it is.
            if (++mismatches <= 10) {
                ADD_FAILURE() << vocabulary.folder << " line " << words << ": " << word << " -> "
                              << stem << ", expected " << expected;
            }
        }
    }
    EXPECT_FALSE(std::getline(output, expected)) << "output.txt is longer than voc.txt";
    EXPECT_EQ(words, vocabulary.words);
    EXPECT_EQ(mismatches, 0U);
}

// Today's Russian reference folds ё to е before stemming, as the Analyzer's
// normaliser does; Xapian 1.4's own reference does not, hence the yo-folded set.
INSTANTIATE_TEST_SUITE_P(
    Snowball, SnowballConformanceTest,
    ::testing::Values(Vocabulary{"russian-yo-folded", "ru", Script::kCyrillic, 49785},
                      Vocabulary{"xapian-1.4/english", "en", Script::kLatin, 29417},
                      Vocabulary{"xapian-1.4/french", "fr", Script::kLatin, 20403}),
    vocabulary_name);

}  // namespace
}  // namespace chancery
