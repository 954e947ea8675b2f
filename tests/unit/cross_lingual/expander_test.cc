// The cross-lingual expander: expressions across stopwords, the inverted
// dictionary, weights, recorded expansions, and English queries finding
// Russian releases of the sample corpus (and the reverse).
#include "searcher/cross_lingual.h"

#include <chancery/chancery.h>

#include "indexer/schema.h"
#include "searcher/query_parser.h"
#include "searcher/snippets.h"
#include "tests/support/indexing.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/cross_lingual/test_dictionary.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <thread>

namespace chancery {
namespace {

bool expanded(const ParsedQuery& parsed, const std::string& word, const std::string& added,
              const std::string& source) {
    return std::any_of(parsed.expansions.begin(), parsed.expansions.end(),
                       [&](const QueryExpansion& e) {
                           return e.word == word && e.added == added && e.source == source;
                       });
}

std::string describe(const ParsedQuery& parsed) {
    std::string text;
    for (const auto& e : parsed.expansions) {
        text.append(e.word).append(" -> ").append(e.added).append(" (").append(e.source).append(
            ")\n");
    }
    return text;
}

// A dictionary and a glossary of a few entries, in the installed formats, so
// that the expander's rules are tested on entries whose senses we know.
class FixtureExpanderTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        testing::write_dictd(
            *dir_ / "mueller",
            {
                {"consultation", "consultation\n   _n.\n   1) консультация\n   2) совещание\n"},
                {"talk",
                 "talk\n   1. _n.\n      1) разговор; беседа\n      2) _pl. переговоры\n"
                 "   2. _v.\n      1) говорить\n"},
                {"go",
                 "go\n   1. _v.\n      1) идти, ходить\n      2) ехать\n   2. _n.\n      1) "
                 "движение\n"},
                {"went", "went\n   _p. от go 1\n"},
                {"run",
                 "run\n   1. _n.\n      1) бег\n      2) поездка\n      3) рейс\n      4) показ\n"
                 "      5) ход\n   2. _v.\n      1) бежать\n      2) двигаться\n      3) ходить\n"},
                {"laurel", "laurel\n   _n.\n   1) лавр\n"},
            });
        std::filesystem::create_directory(*dir_ / "glossary");
        std::ofstream(*dir_ / "glossary/test.tsv")
            << "institution\tMinistry of Foreign Affairs | MFA\tМинистерство иностранных дел | "
               "МИД\n"
               "institution\tSecurity Council\tСовет Безопасности | Совбез\n";
        CrossLingualOptions options;
        options.dictionary_index = *dir_ / "mueller.index";
        options.dictionary_data = *dir_ / "mueller.dict";
        options.glossary_directories = {*dir_ / "glossary"};
        options.max_alternatives = 4;
        expander_ = std::make_unique<CrossLingualExpander>(options);
    }
    static void TearDownTestSuite() {
        expander_.reset();
        dir_.reset();
    }

    static ParsedQuery parse(const std::string& text) {
        const Analyzer analyzer;
        return QueryParser(analyzer, expander_.get()).parse(text);
    }

    static std::unique_ptr<testing::TempDir> dir_;
    static std::unique_ptr<CrossLingualExpander> expander_;
};

std::unique_ptr<testing::TempDir> FixtureExpanderTest::dir_;
std::unique_ptr<CrossLingualExpander> FixtureExpanderTest::expander_;

TEST_F(FixtureExpanderTest, TranslatesEnglishWordsByTheDictionary) {
    const ParsedQuery parsed = parse("consultations");
    EXPECT_TRUE(expanded(parsed, "consultations", "консультация", "mueller")) << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "consultations", "совещание", "mueller")) << describe(parsed);
    // Snippets can highlight the Russian words the query matched.
    EXPECT_EQ(parsed.highlight_terms.count("Zконсультац"), 1u);
}

TEST_F(FixtureExpanderTest, WeightsSensesByRankBelowTheWordTyped) {
    const std::string query = parse("consultations").query.get_description();
    // The word itself at full weight; sense 1 at 0.6, sense 2 at 0.3.
    EXPECT_NE(query.find("Zconsult OR"), std::string::npos) << query;
    EXPECT_NE(query.find("0.59999"), std::string::npos) << query;
    EXPECT_NE(query.find("0.29999"), std::string::npos) << query;
}

TEST_F(FixtureExpanderTest, CapsTheAlternativesOfAWordOfManySenses) {
    const ParsedQuery parsed = parse("run");
    // The cap counts the dictionary's translations; spellings have their own.
    const auto count = std::count_if(parsed.expansions.begin(), parsed.expansions.end(),
                                     [](const auto& e) { return e.source == "mueller"; });
    EXPECT_EQ(count, 4) << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "run", "бег", "mueller")) << describe(parsed);
    EXPECT_FALSE(expanded(parsed, "run", "показ", "mueller")) << describe(parsed);  // sense 4
}

TEST_F(FixtureExpanderTest, TakesThePluralsOwnSenseAndTheVerbOfAPastForm) {
    const ParsedQuery talks = parse("talks");
    EXPECT_TRUE(expanded(talks, "talks", "переговоры", "mueller")) << describe(talks);
    EXPECT_FALSE(expanded(talks, "talks", "говорить", "mueller")) << describe(talks);
    const ParsedQuery went = parse("went");
    EXPECT_TRUE(expanded(went, "went", "идти", "mueller")) << describe(went);
    EXPECT_FALSE(expanded(went, "went", "движение", "mueller")) << describe(went);
}

TEST_F(FixtureExpanderTest, InvertsTheDictionaryForRussianWords) {
    const ParsedQuery parsed = parse("переговоры консультации");
    EXPECT_TRUE(expanded(parsed, "переговоры", "talk", "mueller-inverted")) << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "консультации", "consultation", "mueller-inverted"))
        << describe(parsed);
}

TEST_F(FixtureExpanderTest, MatchesGlossaryExpressionsAcrossStopwords) {
    const ParsedQuery parsed = parse("Ministry of Foreign Affairs statement");
    EXPECT_TRUE(expanded(parsed, "ministry of foreign affairs", "МИД", "glossary"))
        << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "ministry of foreign affairs", "MFA", "glossary"))
        << describe(parsed);
    // The expression's words are not also translated one by one.
    EXPECT_FALSE(std::any_of(parsed.expansions.begin(), parsed.expansions.end(),
                             [](const auto& e) { return e.word == "foreign"; }));
}

TEST_F(FixtureExpanderTest, GivesAGlossaryNameInBothLanguages) {
    const ParsedQuery parsed = parse("Совбез");
    EXPECT_TRUE(expanded(parsed, "совбез", "Security Council", "glossary")) << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "совбез", "Совет Безопасности", "glossary")) << describe(parsed);
}

TEST_F(FixtureExpanderTest, TransliteratesNamesTheDictionaryTakesForWords) {
    // The dictionary knows лавр as a laurel; the name is spelled out too.
    const ParsedQuery parsed = parse("Лавров");
    EXPECT_TRUE(expanded(parsed, "лавров", "lavrov", "transliteration")) << describe(parsed);
    const ParsedQuery english = parse("Zakharova");
    EXPECT_TRUE(expanded(english, "zakharova", "захарова", "transliteration")) << describe(english);
    // All the case forms' stems: Захаровой is stemmed захаров, Захарова too.
    EXPECT_EQ(english.highlight_terms.count("Zзахаров"), 1u);
}

TEST_F(FixtureExpanderTest, LeavesQuestionWordsAndNumbersAlone) {
    const ParsedQuery parsed = parse("сколько 2021");
    EXPECT_TRUE(parsed.expansions.empty()) << describe(parsed);
}

// The real dictionary on the sample corpus, searched as chancery::Searcher does.
class SampleCrossLingualTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!testing::mueller_installed()) return;
        dir_ = std::make_unique<testing::TempDir>();
        const IndexReport report = testing::index_files(*dir_ / "db", {testing::sample_corpus()});
        ASSERT_EQ(report.rejected, 0u) << report.rejections.front().reason;
        CrossLingualOptions options;
        options.glossary_directories = {(testing::source_dir() / "corpora/data/glossary").string()};
        expander_ = std::make_unique<CrossLingualExpander>(options);
    }
    static void TearDownTestSuite() {
        expander_.reset();
        dir_.reset();
    }

    void SetUp() override { CHANCERY_REQUIRE_MUELLER(); }

    static std::vector<std::string> search(const std::string& text, bool cross_lingual = true) {
        const Analyzer analyzer;
        const QueryParser parser(analyzer, cross_lingual ? expander_.get() : nullptr);
        Xapian::Database db(*dir_ / "db");
        Xapian::Enquire enquire(db);
        const Bm25Parameters bm25;
        enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, bm25.min_normlen));
        enquire.set_sort_by_relevance_then_value(schema::kTieBreakSlot, false);
        enquire.set_query(parser.parse(text).query);
        std::vector<std::string> ids;
        const Xapian::MSet mset = enquire.get_mset(0, 50);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            ids.push_back(it.get_document().get_value(schema::kIdSlot));
        }
        return ids;
    }

    static std::ptrdiff_t rank(const std::vector<std::string>& ids, const std::string& id) {
        const auto found = std::find(ids.begin(), ids.end(), id);
        return found == ids.end() ? -1 : found - ids.begin();
    }

    static std::unique_ptr<testing::TempDir> dir_;
    static std::unique_ptr<CrossLingualExpander> expander_;
};

std::unique_ptr<testing::TempDir> SampleCrossLingualTest::dir_;
std::unique_ptr<CrossLingualExpander> SampleCrossLingualTest::expander_;

TEST_F(SampleCrossLingualTest, EnglishQueryFindsTheRussianRelease) {
    EXPECT_EQ(
        rank(search("Russian-French consultations information security", false), "mid-ru-0001"),
        -1);
    EXPECT_GE(rank(search("Russian-French consultations information security"), "mid-ru-0001"), 0);
    EXPECT_GE(rank(search("OSCE consultations"), "mid-ru-0001"), 0);
    EXPECT_GE(rank(search("Security Council humanitarian situation"), "mid-ru-0007"), 0);
}

TEST_F(SampleCrossLingualTest, OwnLanguageMatchRanksAboveItsTranslation) {
    // mid-en-0001 and mid-ru-0001 are the two language versions of one release.
    const auto ids = search("consultations on international information security");
    ASSERT_GE(rank(ids, "mid-ru-0001"), 0);
    ASSERT_GE(rank(ids, "mid-en-0001"), 0);
    EXPECT_LT(rank(ids, "mid-en-0001"), rank(ids, "mid-ru-0001"));
    const auto russian = search("консультации по международной информационной безопасности");
    ASSERT_GE(rank(russian, "mid-en-0001"), 0);
    EXPECT_LT(rank(russian, "mid-ru-0001"), rank(russian, "mid-en-0001"));
}

TEST_F(SampleCrossLingualTest, RussianQueryFindsTheEnglishRelease) {
    EXPECT_GE(rank(search("стратегическая стабильность Женева"), "mid-en-0006"), 0);
    EXPECT_GE(rank(search("Совбез Афганистан"), "un-en-0001"), 0);
}

TEST_F(SampleCrossLingualTest, SnippetHighlightsTheRussianWordsMatched) {
    const Analyzer analyzer;
    const ParsedQuery parsed =
        QueryParser(analyzer, expander_.get()).parse("consultations information security");
    Xapian::Database db(*dir_ / "db");
    const std::string id_term = schema::term(schema::kIdPrefix, "mid-ru-0001");
    const Document document =
        document_from_json(db.get_document(*db.postlist_begin(id_term)).get_data());
    const Snippet snippet = make_snippet(analyzer, document.body, document.lang, parsed, 240);
    std::vector<std::string> words;
    for (const Highlight& h : snippet.highlights)
        words.push_back(snippet.text.substr(h.begin, h.end - h.begin));
    auto highlighted = [&](const std::string& prefix) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
    };
    EXPECT_TRUE(highlighted("консультаци")) << snippet.text;
    EXPECT_TRUE(highlighted("безопасност")) << snippet.text;
}

TEST(SharedCrossLingualExpanderTest, IsLoadedOnceAndServesThreadsAlike) {
    CHANCERY_REQUIRE_MUELLER();
    const auto first = shared_cross_lingual_expander();
    EXPECT_EQ(first, shared_cross_lingual_expander());
    EXPECT_GT(first->statistics().headwords, 40000u);
    EXPECT_GT(first->statistics().glossary_entries, 300u);
    // Threads parsing at once, one of them building the inverted dictionary
    // on its first Russian word, get what one thread alone gets.
    const std::vector<std::string> queries = {"Lavrov OSCE consultations", "переговоры о санкциях",
                                              "Foreign Minister talks", "Совбез ООН"};
    std::vector<std::string> alone(queries.size()), together(queries.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        threads.emplace_back([&, i] {
            const Analyzer analyzer;
            together[i] =
                QueryParser(analyzer, first.get()).parse(queries[i]).query.get_description();
        });
    }
    for (std::thread& thread : threads) thread.join();
    const Analyzer analyzer;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        alone[i] = QueryParser(analyzer, first.get()).parse(queries[i]).query.get_description();
        EXPECT_EQ(together[i], alone[i]) << queries[i];
    }
    const ParsedQuery parsed =
        QueryParser(analyzer, first.get()).parse("Lavrov OSCE consultations");
    EXPECT_TRUE(expanded(parsed, "osce", "ОБСЕ", "glossary")) << describe(parsed);
    EXPECT_TRUE(expanded(parsed, "lavrov", "Лавров", "glossary")) << describe(parsed);
    // The glossary's word for the format, not the dictionary's senses.
    EXPECT_TRUE(expanded(parsed, "consultations", "консультации", "glossary")) << describe(parsed);
    EXPECT_FALSE(expanded(parsed, "consultations", "консультация", "mueller")) << describe(parsed);
}

}  // namespace
}  // namespace chancery
