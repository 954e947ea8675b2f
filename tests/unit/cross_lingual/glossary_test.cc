// The diplomatic glossary: its line format, its errors, and the files shipped
// in corpora/data/glossary.
#include "searcher/cross_lingual_glossary.h"


#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace chancery {
namespace {

std::vector<GlossaryEntry> parse(const std::string& text, std::vector<std::string>* skipped = nullptr) {
    std::istringstream in(text);
    std::vector<std::string> ignored;
    return parse_glossary(in, "test.tsv", skipped != nullptr ? *skipped : ignored);
}

TEST(GlossaryTest, ReadsVariantsOfBothLanguages) {
    const auto entries = parse(
        "# comment\n"
        "\n"
        "institution\tSecurity Council | UNSC\tСовет Безопасности | Совбез | СБ ООН\n");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].kind, "institution");
    EXPECT_EQ(entries[0].english, (std::vector<std::string>{"Security Council", "UNSC"}));
    EXPECT_EQ(entries[0].russian,
              (std::vector<std::string>{"Совет Безопасности", "Совбез", "СБ ООН"}));
    EXPECT_EQ(entries[0].where, "test.tsv:3");
}

TEST(GlossaryTest, SkipsAMalformedLineNamingFileAndLineAndReadsTheRest) {
    std::vector<std::string> skipped;
    const auto entries = parse(
        "term\tceasefire\n"
        "term\tceasefire\tперемирие\textra\n"
        "# ok\n"
        "term\t | \tперемирие\n"
        "term\tgrain deal\tзерновая сделка\n",
        &skipped);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].english.front(), "grain deal");
    ASSERT_EQ(skipped.size(), 3u);
    EXPECT_EQ(skipped[0].rfind("test.tsv:1: ", 0), 0u) << skipped[0];
    EXPECT_NE(skipped[1].find("test.tsv:2: ", 0), std::string::npos) << skipped[1];
    EXPECT_NE(skipped[1].find("three fields"), std::string::npos) << skipped[1];
    EXPECT_EQ(skipped[2].rfind("test.tsv:4: ", 0), 0u) << skipped[2];
}

TEST(GlossaryTest, ReadsADirectoryInFileNameOrder) {
    const testing::TempDir dir;
    std::ofstream(dir / "b_user.tsv") << "term\tgrain deal\tзерновая сделка\n";
    std::ofstream(dir / "a_shipped.tsv") << "term\tceasefire\tперемирие\n";
    std::ofstream(dir / "notes.txt") << "not a glossary\n";
    std::vector<std::string> skipped;
    const auto entries = read_glossary_directory(dir.path().string(), skipped);
    EXPECT_TRUE(skipped.empty());
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].english.front(), "ceasefire");
    EXPECT_EQ(entries[1].english.front(), "grain deal");
}

TEST(GlossaryTest, ShippedGlossaryHasTheIssuesTerms) {
    std::vector<std::string> skipped;
    const auto entries = read_glossary_directory(
        (testing::source_dir() / "corpora/data/glossary").string(), skipped);
    EXPECT_TRUE(skipped.empty()) << skipped.front();
    EXPECT_GE(entries.size(), 300u);
    auto has = [&](const std::string& english, const std::string& russian) {
        return std::any_of(entries.begin(), entries.end(), [&](const GlossaryEntry& e) {
            return std::find(e.english.begin(), e.english.end(), english) != e.english.end() &&
                   std::find(e.russian.begin(), e.russian.end(), russian) != e.russian.end();
        });
    };
    EXPECT_TRUE(has("Security Council", "Совбез"));
    EXPECT_TRUE(has("MFA", "МИД"));
    EXPECT_TRUE(has("OSCE", "ОБСЕ"));
    EXPECT_TRUE(has("strategic stability", "стратегическая стабильность"));
    EXPECT_TRUE(has("General Assembly", "Генеральная Ассамблея"));
    EXPECT_TRUE(has("Foreign Minister", "министр иностранных дел"));
    EXPECT_TRUE(has("ceasefire", "прекращение огня"));
    EXPECT_TRUE(has("sanctions", "санкции"));
    EXPECT_TRUE(has("IPCC", "МГЭИК"));
}

}  // namespace
}  // namespace chancery
