// Names across scripts: the spellings ICU transliteration gives each way, the
// case forms of Russian names, and cognates of borrowed words.
#include "searcher/cross_lingual_transliteration.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chancery {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
    std::string text;
    for (const auto& item : list) text.append(text.empty() ? "" : ", ").append(item);
    return text;
}

const NameTransliterator& transliterator() {
    static const NameTransliterator instance;
    return instance;
}

// {Cyrillic spelling, Latin spelling}: each must be among the other's spellings.
struct NamePair {
    const char* cyrillic;
    const char* latin;
};

class LatinToCyrillicTest : public ::testing::TestWithParam<NamePair> {};

TEST_P(LatinToCyrillicTest, SpellsTheNameAsRussianWritesIt) {
    const auto spellings = transliterator().to_cyrillic(GetParam().latin);
    EXPECT_TRUE(contains(spellings, GetParam().cyrillic))
        << GetParam().latin << " -> " << joined(spellings);
}

INSTANTIATE_TEST_SUITE_P(
    Names, LatinToCyrillicTest,
    ::testing::Values(NamePair{"лавров", "lavrov"}, NamePair{"захарова", "zakharova"},
                      NamePair{"зеленский", "zelensky"}, NamePair{"зеленский", "zelenskiy"},
                      NamePair{"зеленский", "zelenskyy"}, NamePair{"джаред", "jared"},
                      NamePair{"шойгу", "shoigu"}, NamePair{"лютер", "luther"},
                      NamePair{"виттенберг", "wittenberg"}, NamePair{"пэнтерс", "panthers"},
                      NamePair{"калифорния", "california"}));

class CyrillicToLatinTest : public ::testing::TestWithParam<NamePair> {};

TEST_P(CyrillicToLatinTest, SpellsTheNameAsEnglishWritesIt) {
    const auto spellings = transliterator().to_latin(GetParam().cyrillic);
    EXPECT_TRUE(contains(spellings, GetParam().latin))
        << GetParam().cyrillic << " -> " << joined(spellings);
}

INSTANTIATE_TEST_SUITE_P(Names, CyrillicToLatinTest,
                         ::testing::Values(NamePair{"лавров", "lavrov"},
                                           NamePair{"захарова", "zakharova"},
                                           NamePair{"зеленский", "zelensky"},   // English practice
                                           NamePair{"зеленский", "zelenskiy"},  // BGN/PCGN
                                           NamePair{"джаред", "jared"}, NamePair{"шойгу", "shoigu"},
                                           NamePair{"шойгу", "shoygu"}, NamePair{"лютер", "luther"},
                                           NamePair{"пэнтерс", "panthers"},
                                           NamePair{"бронкос", "broncos"},
                                           NamePair{"гарвард", "harvard"}));

TEST(RussianNameTest, FindsTheNominativeOfACase) {
    EXPECT_TRUE(contains(russian_name_nominatives("лаврова"), "лавров"));
    EXPECT_TRUE(contains(russian_name_nominatives("лаврова"), "лаврова"));  // or she
    EXPECT_TRUE(contains(russian_name_nominatives("захаровой"), "захарова"));
    EXPECT_TRUE(contains(russian_name_nominatives("зеленского"), "зеленский"));
    EXPECT_TRUE(contains(russian_name_nominatives("аллена"), "аллен"));
    EXPECT_TRUE(contains(russian_name_nominatives("теслой"), "тесла"));
}

TEST(RussianNameTest, GivesTheCaseFormsOfANominative) {
    // Russian stemming does not bring these to one stem, so all are looked for.
    const auto forms = russian_name_forms("лавров");
    for (const char* form : {"лавров", "лаврова", "лаврову", "лавровым", "лаврове"}) {
        EXPECT_TRUE(contains(forms, form)) << form;
    }
    EXPECT_TRUE(contains(russian_name_forms("зеленский"), "зеленского"));
    EXPECT_TRUE(contains(russian_name_forms("захарова"), "захаровой"));
}

TEST(CognateTest, FindsBorrowedWordsByPrefixEachWay) {
    const auto english = transliterator().cognate_prefixes("стратиграфическ", true);
    EXPECT_TRUE(std::any_of(english.begin(), english.end(), [](const std::string& prefix) {
        return std::string("stratigraph").rfind(prefix, 0) == 0;
    })) << joined(english);
    const auto russian = transliterator().cognate_prefixes("immunodefici", false);
    ASSERT_FALSE(russian.empty());
    EXPECT_EQ(std::string("иммунодефицит").rfind(russian.front(), 0), 0u) << russian.front();
    // Short stems would match unrelated words by prefix.
    EXPECT_TRUE(transliterator().cognate_prefixes("war", false).empty());
}

}  // namespace
}  // namespace chancery
