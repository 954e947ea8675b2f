// The Analyzer's behaviour as tables: what a text becomes (forms, positions,
// index stems), Russian and English rows side by side, and the query words that
// must meet the same terms as the document words.
#include "analyzers/analyzer.h"

#include "tests/support/shared_data.h"

#include <chancery/corpus.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace chancery {
namespace {

// A token written as "form@position>stem": "*" after the position marks a
// compound's whole, "~" a link (URL or e-mail) token; an empty stem is a stopword.
std::string describe(const Analyzer& analyzer, const Token& token, std::string_view lang) {
    std::string out = token.form + "@" + std::to_string(token.position);
    if (token.compound) out += "*";
    if (token.link) out += "~";
    return out + ">" + analyzer.index_stem(token, lang);
}

struct TextCase {
    const char* behaviour;
    const char* lang;
    const char* text;
    std::vector<std::string> tokens;
};

std::string case_name(const ::testing::TestParamInfo<TextCase>& param) {
    return std::string(param.param.behaviour) + "_" + param.param.lang;
}

class AnalyzerTableTest : public ::testing::TestWithParam<TextCase> {
  protected:
    Analyzer analyzer_;
};

TEST_P(AnalyzerTableTest, TokenizesAndStems) {
    const TextCase& row = GetParam();
    std::vector<std::string> found;
    for (const Token& token : analyzer_.tokenize(row.text)) {
        found.push_back(describe(analyzer_, token, row.lang));
    }
    EXPECT_EQ(found, row.tokens) << row.text;
}

INSTANTIATE_TEST_SUITE_P(
    Analyzer, AnalyzerTableTest,
    ::testing::Values(
        // ё and е are one letter to Russian readers.
        TextCase{"yo", "ru", "Актёр и актер", {"актер@1>актер", "и@2>", "актер@3>актер"}},
        TextCase{"yo", "en", "Actor and ACTOR", {"actor@1>actor", "and@2>", "actor@3>actor"}},
        // Case folds, capitals included.
        TextCase{"case", "ru", "ЁЛКА ёлка Елка", {"елка@1>елк", "елка@2>елк", "елка@3>елк"}},
        TextCase{"case", "en", "NATO Nato nato", {"nato@1>nato", "nato@2>nato", "nato@3>nato"}},
        // Inflected forms share a stem.
        TextCase{"inflection",
                 "ru",
                 "консультации консультаций консультациями",
                 {"консультации@1>консультац", "консультаций@2>консультац",
                  "консультациями@3>консультац"}},
        TextCase{"inflection",
                 "en",
                 "consultations consultation consulted",
                 {"consultations@1>consult", "consultation@2>consult", "consulted@3>consult"}},
        // A hyphenated compound: the whole, then the parts at their own positions.
        TextCase{"compound",
                 "ru",
                 "российско-французский диалог",
                 {"российско-французский@1*>российско-французск", "российско@1>российск",
                  "французский@2>французск", "диалог@3>диалог"}},
        TextCase{"compound",
                 "en",
                 "Russian-French dialogue",
                 {"russian-french@1*>russian-french", "russian@1>russian", "french@2>french",
                  "dialogue@3>dialogu"}},
        // Unspaced en dashes join like hyphens; spaced dashes separate.
        TextCase{"dash",
                 "ru",
                 "Россия–НАТО — диалог",
                 {"россия-нато@1*>россия-нат", "россия@1>росс", "нато@2>нат", "диалог@3>диалог"}},
        TextCase{
            "dash",
            "en",
            "Russia–NATO — dialogue",
            {"russia-nato@1*>russia-nato", "russia@1>russia", "nato@2>nato", "dialogue@3>dialogu"}},
        // Abbreviations: capitals fold, dots go.
        TextCase{"abbreviation",
                 "ru",
                 "ООН, МИД и С.Ш.А.",
                 {"оон@1>оон", "мид@2>мид", "и@3>", "сша@4>сша"}},
        TextCase{"abbreviation",
                 "en",
                 "U.N., OSCE and U.S.A.",
                 {"un@1>un", "osce@2>osc", "and@3>", "usa@4>usa"}},
        // Other dotted Cyrillic words are compounds: initials, a space missing.
        TextCase{"dotted_words",
                 "ru",
                 "им.Горького года.Президент",
                 {"им.горького@1*>им.горьк", "им@1>", "горького@2>горьк",
                  "года.президент@3*>года.президент", "года@3>год", "президент@4>президент"}},
        TextCase{"dotted_words",
                 "en",
                 "Mr.Smith at HealthCare.gov",
                 {"mr.smith@1*>mr.smith", "mr@1>mr", "smith@2>smith", "at@3>",
                  "healthcare.gov@4~>healthcare.gov"}},
        // Numbers and numeric dates stay whole and unstemmed.
        TextCase{
            "numbers",
            "ru",
            "28.09.2021 в 10:30, рост 3,5%",
            {"28.09.2021@1>28.09.2021", "в@2>", "10@3>10", "30@4>30", "рост@5>рост", "3,5@6>3,5"}},
        TextCase{"numbers",
                 "en",
                 "2021-09-28, growth 3.5%",
                 {"2021-09-28@1*>2021-09-28", "2021@1>2021", "09@2>09", "28@3>28",
                  "growth@4>growth", "3.5@5>3.5"}},
        // Words of the other script take their own script's stemmer.
        TextCase{"mixed_script",
                 "ru",
                 "переговоры по cybersecurity",
                 {"переговоры@1>переговор", "по@2>", "cybersecurity@3>cybersecur"}},
        TextCase{"mixed_script",
                 "en",
                 "talks on безопасности",
                 {"talks@1>talk", "on@2>", "безопасности@3>безопасн"}},
        // A Latin letter in a Cyrillic word, or the reverse, that looks the same.
        TextCase{"lookalike", "ru", "Mосква", {"москва@1>москв"}},
        TextCase{"lookalike", "en", "Mоscоw", {"moscow@1>moscow"}},
        TextCase{"lookalike_compound",
                 "ru",
                 "iPhone-ом",
                 {"iphone-ом@1*>iphone-ом", "iphone@1>iphon", "ом@2>ом"}},
        // Ukrainian words are never Russian-stemmed; Latin words in Ukrainian text still are.
        TextCase{"ukrainian",
                 "uk",
                 "Україна і НАТО провели переговори",
                 {"україна@1>україна", "і@2>і", "нато@3>нато", "провели@4>провели",
                  "переговори@5>переговори"}},
        TextCase{"ukrainian",
                 "ru",
                 "Україна і НАТО провели переговори",
                 {"україна@1>україн", "і@2>і", "нато@3>нат", "провели@4>провел",
                  "переговори@5>переговор"}},
        TextCase{"ukrainian_latin", "uk", "саміт NATO", {"саміт@1>саміт", "nato@2>nato"}},
        // Soft hyphens, zero-width characters and the byte-order mark vanish.
        TextCase{
            "invisible", "ru", "\xEF\xBB\xBFза\u00ADявле\u200Bние\u2060", {"заявление@1>заявлен"}},
        TextCase{"invisible", "en", "co\u00ADoper\u200Dation\u200B", {"cooperation@1>cooper"}},
        // Typographic apostrophes are the ASCII one.
        TextCase{"apostrophe",
                 "ru",
                 "Кот-д’Ивуар",
                 {"кот-д'ивуар@1*>кот-д'ивуар", "кот@1>кот", "д'ивуар@2>д'ивуар"}},
        TextCase{"apostrophe",
                 "en",
                 "Russia’s and Russia's",
                 {"russia's@1>russia", "and@2>", "russia's@3>russia"}},
        // URLs: the whole without scheme and www, then the host; no path words.
        TextCase{"url",
                 "ru",
                 "см. https://www.mid.ru/ru/press/2021/.",
                 {"см@1>см", "mid.ru/ru/press/2021@2*~>mid.ru/ru/press/2021", "mid.ru@2~>mid.ru"}},
        TextCase{"url",
                 "en",
                 "(see http://WhiteHouse.gov/briefing-room/).",
                 {"see@1>see", "whitehouse.gov/briefing-room@2*~>whitehouse.gov/briefing-room",
                  "whitehouse.gov@2~>whitehouse.gov"}},
        TextCase{"bare_domain",
                 "ru",
                 "на сайте kremlin.ru и www.mid.ru",
                 {"на@1>", "сайте@2>сайт", "kremlin.ru@3~>kremlin.ru", "и@4>", "mid.ru@5~>mid.ru"}},
        // E-mail addresses: the whole, then the local part and the domain.
        TextCase{"email",
                 "ru",
                 "пишите: Press.Service@mid.ru",
                 {"пишите@1>пиш", "press.service@mid.ru@2*~>press.service@mid.ru",
                  "press.service@2~>press.service", "mid.ru@3~>mid.ru"}},
        TextCase{"email",
                 "en",
                 "write to ivan-ivanov@state.gov.",
                 {"write@1>write", "to@2>", "ivan-ivanov@state.gov@3*~>ivan-ivanov@state.gov",
                  "ivan-ivanov@3~>ivan-ivanov", "state.gov@4~>state.gov"}},
        // French elided articles and pronouns go, in French text.
        TextCase{"elision",
                 "fr",
                 "l'OSCE et d’Europe qu'il",
                 {"osce@1>osce", "et@2>", "europe@3>europ", "il@4>"}},
        TextCase{"elision_keeps_words", "fr", "aujourd'hui", {"aujourd'hui@1>aujourd'hui"}},
        // Stress marks on Russian vowels do not make another word.
        TextCase{"stress", "ru", "замо́к", {"замок@1>замок"}}),
    case_name);

// A word typed in a query meets the same word in a document: same form or
// same stem. The query side does not know the document's language and uses "".
struct QueryCase {
    const char* behaviour;
    const char* query;
    const char* document;
    const char* lang;  // the document's
};

std::string query_case_name(const ::testing::TestParamInfo<QueryCase>& param) {
    return param.param.behaviour;
}

class AnalyzerQueryTest : public ::testing::TestWithParam<QueryCase> {
  protected:
    Analyzer analyzer_;
};

TEST_P(AnalyzerQueryTest, QueryWordMeetsDocumentWord) {
    const QueryCase& row = GetParam();
    const std::vector<Token> query = analyzer_.tokenize(row.query);
    ASSERT_FALSE(query.empty());
    const std::string query_stem = analyzer_.index_stem(query.front(), "");
    bool met = false;
    for (const Token& token : analyzer_.tokenize(row.document)) {
        if (token.form == query.front().form ||
            (!query_stem.empty() && analyzer_.index_stem(token, row.lang) == query_stem)) {
            met = true;
        }
    }
    EXPECT_TRUE(met) << row.query << " in " << row.document;
}

INSTANTIATE_TEST_SUITE_P(
    Analyzer, AnalyzerQueryTest,
    ::testing::Values(QueryCase{"yo_in_document", "актер", "Народный актёр России", "ru"},
                      QueryCase{"yo_in_query", "АКТЁР", "Народный актер России", "ru"},
                      QueryCase{"inflection_ru", "Франции", "Франция и Россия", "ru"},
                      QueryCase{"inflection_en", "negotiations", "they negotiated", "en"},
                      QueryCase{"english_word_in_russian", "cybersecurity",
                                "консультации по cybersecurity", "ru"},
                      QueryCase{"russian_word_in_english", "ОБСЕ", "talks at the ОБСЕ", "en"},
                      QueryCase{"compound_part_ru", "французский", "российско-французский диалог",
                                "ru"},
                      QueryCase{"compound_part_en", "French", "Russian-French dialogue", "en"},
                      QueryCase{"abbreviation", "U.N.", "the UN Security Council", "en"},
                      QueryCase{"ukrainian_form", "переговори", "Україна провела переговори", "uk"},
                      QueryCase{"host_of_url", "mid.ru", "https://www.mid.ru/ru/press", "ru"},
                      QueryCase{"host_of_email", "may9.ru", "пишите на accredit@may9.ru", "ru"},
                      QueryCase{"url", "https://mid.ru/ru/press/", "see www.mid.ru/ru/press", "en"},
                      QueryCase{"soft_hyphen", "заявление", "за\u00ADявление", "ru"},
                      QueryCase{"apostrophe", "Russia’s", "Russia's position", "en"}),
    query_case_name);

// Every word of real documents, typed alone as a query, becomes the form the
// document was indexed under, and the same stem where the document's language
// stems it as the query side does (the query does not know the language).
TEST(AnalyzerCorpusTest, EveryDocumentWordTypedAsQueryMeetsItsTerms) {
    CHANCERY_REQUIRE_SHARED(corpora, "corpora");
    struct File {
        const char* name;
        int documents;
    };
    const File files[] = {{"kremlin_ru_2024_2025.jsonl.gz", 40},
                          {"1tv_ru_news.jsonl.gz", 300},
                          {"mid_russia_telegram_en_2025_2026.jsonl.gz", 100},
                          {"whitehouse_en_2021_2025.jsonl.gz", 40},
                          {"zelensky_addresses_uk_en_2022.jsonl.gz", 60}};
    Analyzer analyzer;
    std::size_t words = 0;
    std::size_t mismatches = 0;
    for (const File& file : files) {
        JsonLinesReader reader(corpora + "/" + file.name);
        for (int n = 0; n < file.documents;) {
            auto record = reader.next();
            if (!record) break;
            if (!record->document) continue;
            ++n;
            const Document& document = *record->document;
            const std::string text = document.title + "\n" + document.body;
            for (const Token& token : analyzer.tokenize(text)) {
                if (token.compound) continue;  // typed whole, it is a compound again
                ++words;
                const std::vector<Token> query = analyzer.tokenize(
                    std::string_view(text).substr(token.begin, token.end - token.begin));
                bool same = !query.empty() && query.front().form == token.form;
                if (same && document.lang != "uk") {
                    const std::string stem = analyzer.index_stem(token, document.lang);
                    same = stem.empty() || analyzer.index_stem(query.front(), "") == stem;
                }
                if (!same && ++mismatches <= 10) {
                    ADD_FAILURE() << document.id << ": \"" << token.form << "\" typed alone is \""
                                  << (query.empty() ? std::string() : query.front().form) << "\"";
                }
            }
        }
    }
    EXPECT_GT(words, 100000U);
    EXPECT_EQ(mismatches, 0U);
}

TEST(AnalyzerTest, StemmerLanguageFollowsScriptAndText) {
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, "ru"), "russian");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, "en"), "russian");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, ""), "russian");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, "uk"), "");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, "be"), "");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kCyrillic, "bg"), "");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kLatin, "ru"), "english");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kLatin, "uk"), "english");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kLatin, "fr"), "french");
    EXPECT_EQ(Analyzer::stemmer_language(Script::kOther, "ru"), "");
}

TEST(AnalyzerTest, QueryStemsCoverEveryLanguageTheWordMayBeIndexedIn) {
    Analyzer analyzer;
    auto stems_of = [&](std::string_view word) {
        const std::vector<Token> tokens = analyzer.tokenize(word);
        return tokens.empty() ? std::vector<std::string>{} : analyzer.query_stems(tokens.front());
    };
    // Russian stem, and the form Ukrainian text is indexed under.
    EXPECT_EQ(stems_of("переговори"), (std::vector<std::string>{"переговор", "переговори"}));
    // English and French stems of a Latin word, where they differ.
    EXPECT_EQ(stems_of("négociations"), (std::vector<std::string>{"négociat", "négoci"}));
    EXPECT_EQ(stems_of("OSCE"), (std::vector<std::string>{"osc", "osce"}));
    EXPECT_EQ(stems_of("summit"), (std::vector<std::string>{"summit", "summ"}));
    EXPECT_EQ(stems_of("2021"), (std::vector<std::string>{"2021"}));
    EXPECT_TRUE(stems_of("the").empty());
    // What a French document indexes is among them.
    const std::vector<Token> document = analyzer.tokenize("les négociations");
    ASSERT_EQ(document.size(), 2U);
    const std::vector<std::string> stems = stems_of("négociations");
    EXPECT_NE(std::find(stems.begin(), stems.end(), analyzer.index_stem(document[1], "fr")),
              stems.end());
}

TEST(AnalyzerTest, StopwordsKeepTheirFormAndPosition) {
    Analyzer analyzer;
    const std::vector<Token> tokens = analyzer.tokenize("the Treaty of Moscow");
    ASSERT_EQ(tokens.size(), 4U);
    EXPECT_EQ(tokens[2].form, "of");
    EXPECT_EQ(tokens[2].position, 3U);
    EXPECT_TRUE(analyzer.is_stopword("of", Script::kLatin, "en"));
    EXPECT_EQ(analyzer.index_stem(tokens[2], "en"), "");
    EXPECT_FALSE(analyzer.is_stopword("treaty", Script::kLatin, "en"));
}

TEST(AnalyzerTest, PositionsStartWhereAsked) {
    Analyzer analyzer;
    const std::vector<Token> tokens = analyzer.tokenize("визит Лаврова", 101);
    ASSERT_EQ(tokens.size(), 2U);
    EXPECT_EQ(tokens[0].position, 101U);
    EXPECT_EQ(tokens[1].position, 102U);
}

TEST(AnalyzerTest, OffsetsPointIntoTheOriginalText) {
    Analyzer analyzer;
    const std::string text = "Заявление МИД\u00AD России";
    const std::vector<Token> tokens = analyzer.tokenize(text);
    ASSERT_EQ(tokens.size(), 3U);
    EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "МИД\u00AD");
    EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "России");
}

TEST(AnalyzerTest, NormalizesWholeStrings) {
    Analyzer analyzer;
    EXPECT_EQ(analyzer.normalize("ЁЛКА — Ёлка’s"), "елка - елка's");
    EXPECT_EQ(analyzer.normalize("\xEF\xBB\xBFStraße"), "strasse");
    EXPECT_EQ(analyzer.normalize("ﬁnal №5"), "final no5");
    EXPECT_EQ(analyzer.normalize("bad \xFF byte"), "bad \uFFFD byte");
}

// A hyphen chain with no space, as in scraped tables, must not cost time
// quadratic in its length (e-mail and compound detection scan it).
TEST(AnalyzerTest, LongHyphenChainIsOneCompound) {
    Analyzer analyzer;
    std::string text = "x";
    for (int i = 0; i < 50000; ++i) text += "-x";
    const std::vector<Token> tokens = analyzer.tokenize(text);
    ASSERT_EQ(tokens.size(), 50002U);
    EXPECT_TRUE(tokens.front().compound);
    EXPECT_EQ(tokens.back().position, 50001U);
}

TEST(AnalyzerTest, LongTextIsOneTokenPerWord) {
    Analyzer analyzer;
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "слово word ";
    const std::vector<Token> tokens = analyzer.tokenize(text);
    ASSERT_EQ(tokens.size(), 20000U);
    EXPECT_EQ(tokens.back().position, 20000U);
    EXPECT_EQ(tokens.back().form, "word");
}

}  // namespace
}  // namespace chancery
