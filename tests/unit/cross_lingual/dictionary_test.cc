// Mueller's dictionary: dictd files read by their base64 index, and articles
// parsed into senses in the dictionary's order.
#include "searcher/cross_lingual_dictionary.h"

#include <chancery/error.h>

#include "tests/support/temp_dir.h"
#include "tests/unit/cross_lingual/test_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chancery {
namespace {

using Words = std::vector<std::string>;

// The translations of the sense (homograph, block, rank), empty if there is none.
Words sense(const DictionaryEntry& entry, int homograph, int block, int rank) {
    for (const DictionarySense& s : entry.senses) {
        if (s.homograph == homograph && s.block == block && s.rank == rank) return s.translations;
    }
    return {};
}

const DictionarySense* sense_with(const DictionaryEntry& entry, const std::string& translation) {
    for (const DictionarySense& s : entry.senses) {
        if (std::find(s.translations.begin(), s.translations.end(), translation) !=
            s.translations.end()) {
            return &s;
        }
    }
    return nullptr;
}

TEST(MuellerArticleTest, ReadsNumberedSensesInOrderWithoutExamplesOrComments) {
    const DictionaryEntry entry = parse_mueller_entry(
        "consultation\n"
        "   [\u2198k\u0258ns\u025cl\u2197t\u025b\u026a\u0283\u025cn] _n.\n"
        "   1) консультация\n"
        "   2) совещание; to hold a consultation совещаться\n"
        "   3) опрос; popular consultation всенародный опрос\n"
        "   4) консилиум (врачей)\n");
    EXPECT_EQ(entry.headword, "consultation");
    ASSERT_EQ(entry.senses.size(), 4u);
    EXPECT_EQ(sense(entry, 0, 0, 1), Words{"консультация"});
    EXPECT_EQ(sense(entry, 0, 0, 2), Words{"совещание"});  // the example is not a translation
    EXPECT_EQ(sense(entry, 0, 0, 4), Words{"консилиум"});  // nor the comment in parentheses
    EXPECT_EQ(entry.senses.front().pos, PartOfSpeech::kNoun);
}

TEST(MuellerArticleTest, ReadsHomographsAndPartsOfSpeech) {
    const DictionaryEntry entry = parse_mueller_entry(
        "state\n"
        "   _I  [st\u025b\u026at]\n"
        "      1. _n.\n"
        "         1) состояние; state of mind душевное состояние\n"
        "         2) строение, структура, форма\n"
        "      3. _v.\n"
        "         1) заявлять, утверждать\n"
        "   _II [st\u025b\u026at]\n"
        "      1. _n. (тж. S.)\n"
        "         1) государство\n"
        "         2) штат\n");
    EXPECT_EQ(sense(entry, 0, 1, 1), Words{"состояние"});
    EXPECT_EQ(sense(entry, 0, 1, 2), (Words{"строение", "структура", "форма"}));
    EXPECT_EQ(sense(entry, 0, 3, 1), (Words{"заявлять", "утверждать"}));
    EXPECT_EQ(sense(entry, 1, 1, 1), Words{"государство"});
    ASSERT_NE(sense_with(entry, "заявлять"), nullptr);
    EXPECT_EQ(sense_with(entry, "заявлять")->pos, PartOfSpeech::kVerb);
    EXPECT_EQ(sense_with(entry, "государство")->pos, PartOfSpeech::kNoun);
}

TEST(MuellerArticleTest, MarksPluralSpecialFieldAndUnusualSenses) {
    const DictionaryEntry talk = parse_mueller_entry(
        "talk\n   [t\u0258:k]\n   1. _n.\n      1) разговор; беседа\n      2) _pl. переговоры\n");
    ASSERT_NE(sense_with(talk, "переговоры"), nullptr);
    EXPECT_TRUE(sense_with(talk, "переговоры")->plural);
    EXPECT_FALSE(sense_with(talk, "разговор")->plural);

    const DictionaryEntry cell = parse_mueller_entry(
        "cell\n   [s\u025bl]\n   1. _n.\n      1) ячейка; ячея\n      5) _поэт. могила\n"
        "      6) _биол. клетка; клеточка\n      9) _attr. клеточный\n");
    EXPECT_TRUE(sense_with(cell, "клетка")->specialized);
    EXPECT_FALSE(sense_with(cell, "клетка")->unusual);
    EXPECT_TRUE(sense_with(cell, "могила")->unusual);
    EXPECT_TRUE(sense_with(cell, "клеточный")->unusual);
    EXPECT_FALSE(sense_with(cell, "ячейка")->specialized);
}

TEST(MuellerArticleTest, ReadsInflectionsAndReferences) {
    const DictionaryEntry went = parse_mueller_entry("went\n   [w\u025bnt] _p. от go 1\n");
    EXPECT_TRUE(went.senses.empty());
    ASSERT_EQ(went.base_forms.size(), 1u);
    EXPECT_EQ(went.base_forms[0].headword, "go");
    EXPECT_EQ(went.base_forms[0].pos, PartOfSpeech::kVerb);

    const DictionaryEntry children =
        parse_mueller_entry("children\n   [\u2197t\u0283\u026ald\u0279\u025cn] _pl. от child\n");
    ASSERT_EQ(children.base_forms.size(), 1u);
    EXPECT_EQ(children.base_forms[0].headword, "child");
    EXPECT_EQ(children.base_forms[0].pos, PartOfSpeech::kNoun);

    const DictionaryEntry coach = parse_mueller_entry(
        "mail-coach\n   [\u2197m\u025b\u026al\u2197k\u025c\u028at\u0283] = mail-cart 1\n");
    EXPECT_EQ(coach.references, Words{"mail-cart"});
}

TEST(MuellerArticleTest, DropsPlaceholdersAndKeepsDescriptionsWhole) {
    const DictionaryEntry entry = parse_mueller_entry(
        "apoplectic\n   1. _n.\n      1) человек, склонный к апоплексии\n"
        "   2. _v.\n      1) выговаривать (кому-л.), бранить кого-л.\n");
    // "человек" alone is not a translation of apoplectic.
    EXPECT_EQ(sense(entry, 0, 1, 1), Words{"человек склонный к апоплексии"});
    EXPECT_EQ(sense(entry, 0, 2, 1), (Words{"выговаривать", "бранить"}));
}

TEST(MuellerArticleTest, SkipsSensesPastTheRankAsked) {
    const DictionaryEntry entry = parse_mueller_entry(
        "go\n   1. _v.\n      1) идти\n      2) ехать\n      3) пойти\n      4) отправляться\n", 2);
    EXPECT_EQ(entry.senses.size(), 2u);
}

TEST(DictdReaderTest, ReadsArticlesByTheirBase64Offsets) {
    const testing::TempDir dir;
    testing::write_dictd(dir / "fixture",
                         {{"peace", "peace\n   1) мир\n"}, {"war", "war\n   1) война\n"}});
    const std::vector<DictdArticle> articles =
        read_dictd(dir / "fixture.index", dir / "fixture.dict");
    ASSERT_EQ(articles.size(), 2u);
    EXPECT_EQ(articles[0].headword, "peace");
    EXPECT_EQ(articles[1].text, "war\n   1) война\n");
}

TEST(DictdReaderTest, NamesTheLineOfAMalformedIndexEntry) {
    const testing::TempDir dir;
    testing::write_dictd(dir / "fixture", {{"peace", "peace\n   1) мир\n"}});
    {
        std::ofstream index(dir / "fixture.index", std::ios::app);
        index << "war\tA\tZZZZZZ\n";  // points past the end of the articles
    }
    try {
        (void)read_dictd(dir / "fixture.index", dir / "fixture.dict");
        FAIL() << "no error for an entry past the end";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("fixture.index:2:"), std::string::npos) << e.what();
    }
}

TEST(DictdReaderTest, ThrowsForAMissingDictionary) {
    const testing::TempDir dir;
    EXPECT_THROW((void)read_dictd(dir / "none.index", dir / "none.dict.dz"), Error);
}

TEST(MuellerDictionaryTest, ParsesKnownHeadwordsOfTheInstalledDictionary) {
    CHANCERY_REQUIRE_MUELLER();
    const std::vector<DictdArticle> articles =
        read_dictd(testing::kMuellerIndex, testing::kMuellerData);
    EXPECT_GT(articles.size(), 40000u);
    auto entry = [&](const std::string& headword) {
        const auto found =
            std::find_if(articles.begin(), articles.end(),
                         [&](const DictdArticle& a) { return a.headword == headword; });
        EXPECT_NE(found, articles.end()) << headword;
        return found == articles.end() ? DictionaryEntry{} : parse_mueller_entry(found->text);
    };
    const DictionaryEntry consultation = entry("consultation");
    EXPECT_EQ(sense(consultation, 0, 0, 1), Words{"консультация"});
    const DictionaryEntry security = entry("security");
    ASSERT_FALSE(security.senses.empty());
    EXPECT_EQ(security.senses.front().translations.front(), "безопасность");
    const DictionaryEntry talk = entry("talk");
    ASSERT_NE(sense_with(talk, "переговоры"), nullptr);
    EXPECT_TRUE(sense_with(talk, "переговоры")->plural);
    EXPECT_NE(sense_with(entry("ceasefire"), "прекращение огня"), nullptr);
    const DictionaryEntry went = entry("went");
    ASSERT_FALSE(went.base_forms.empty());
    EXPECT_EQ(went.base_forms.front().headword, "go");
    EXPECT_EQ(sense(entry("state"), 1, 1, 1), Words{"государство"});
}

}  // namespace
}  // namespace chancery
