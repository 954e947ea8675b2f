// Searching the sample corpus: forms, ё, inflection, compounds, operators,
// filters, deterministic order and highlighted snippets.
#include <chancery/chancery.h>

#include "tests/support/indexing.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

namespace chancery {
namespace {

class SampleSearchTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        const IndexReport report = testing::index_files(*dir_ / "db", {testing::sample_corpus()});
        ASSERT_EQ(report.rejected, 0u) << report.rejections.front().reason;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    // Words as typed: these tests are about one language's analysis; the
    // cross-lingual ones say so.
    static SearchResult search(const std::string& query, std::size_t limit = 50,
                               std::size_t offset = 0, bool cross_lingual = false) {
        Searcher searcher({*dir_ / "db"});
        SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.offset = offset;
        request.cross_lingual = cross_lingual;
        return searcher.search(request);
    }

    static std::vector<std::string> ids(const std::string& query) {
        std::vector<std::string> result;
        for (const Hit& hit : search(query).hits) result.push_back(hit.id);
        return result;
    }

    static bool found(const std::string& query, const std::string& id) {
        const auto list = ids(query);
        return std::find(list.begin(), list.end(), id) != list.end();
    }

    static std::vector<std::string> highlighted(const Hit& hit) {
        std::vector<std::string> words;
        for (const Highlight& h : hit.snippet.highlights) {
            words.push_back(hit.snippet.text.substr(h.begin, h.end - h.begin));
        }
        return words;
    }

    static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> SampleSearchTest::dir_;

TEST_F(SampleSearchTest, FindsYoAndYeSpellingsOfAWord) {
    // mid-ru-0008 writes "актёр"; the query without ё must find it, as a word and in a phrase.
    EXPECT_EQ(ids("актер"), std::vector<std::string>{"mid-ru-0008"});
    EXPECT_EQ(ids("актёр"), std::vector<std::string>{"mid-ru-0008"});
    EXPECT_EQ(ids("\"известный актер\""), std::vector<std::string>{"mid-ru-0008"});
    EXPECT_EQ(ids("АКТЕР"), std::vector<std::string>{"mid-ru-0008"});
}

TEST_F(SampleSearchTest, FindsOtherInflectionsOfARussianWord) {
    EXPECT_TRUE(found("Франции", "mid-ru-0009"));  // "Франция"
    EXPECT_TRUE(found("Франция", "mid-ru-0001"));  // "Франции"
}

TEST_F(SampleSearchTest, FindsAPartOfAHyphenatedCompound) {
    const SearchResult result = search("французский");
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, "mid-ru-0001");
    const auto words = highlighted(result.hits.front());
    ASSERT_FALSE(words.empty());
    EXPECT_EQ(words.front(), "французские");  // the part of "российско-французские"
    EXPECT_EQ(ids("российско-французские").front(), "mid-ru-0001");
}

TEST_F(SampleSearchTest, FindsAnEnglishWordInsideARussianDocument) {
    EXPECT_TRUE(found("cybersecurity", "mid-ru-0014"));
    EXPECT_TRUE(found("cybersecurity", "mid-en-0001"));
}

TEST_F(SampleSearchTest, RanksTheDocumentAboutTheQueryFirst) {
    EXPECT_EQ(ids("российско-французские консультации").front(), "mid-ru-0001");
    EXPECT_EQ(ids("Russian-French consultations information security").front(), "mid-en-0001");
    EXPECT_EQ(ids("актер театр фестиваль").front(), "mid-ru-0008");
}

TEST_F(SampleSearchTest, AppliesBooleanOperators) {
    for (const auto& id : ids("OSCE AND OECD")) {
        EXPECT_TRUE(found("OSCE", id) && found("OECD", id)) << id;
    }
    EXPECT_FALSE(found("OSCE -cybersecurity", "mid-en-0001"));
    EXPECT_FALSE(found("OSCE NOT cybersecurity", "mid-en-0001"));
    EXPECT_TRUE(found("OSCE", "mid-en-0001"));
}

TEST_F(SampleSearchTest, FiltersByDateLanguageAndParty) {
    EXPECT_EQ(ids("date:2021-09-28"), (std::vector<std::string>{"mid-en-0001", "mid-ru-0001"}));
    for (const Hit& hit : search("консультации date:2022..2023 lang:ru").hits) {
        EXPECT_EQ(hit.lang, "ru");
        EXPECT_GE(hit.date, "2022-01-01");
        EXPECT_LE(hit.date, "2023-12-31");
    }
    for (const Hit& hit : search("party:FR").hits) {
        EXPECT_NE(std::find(hit.parties.begin(), hit.parties.end(), "FR"), hit.parties.end());
    }
}

TEST_F(SampleSearchTest, OrdersTiesNewestFirstThenById) {
    // A filter-only query scores every match 0: the order is the tie-break's.
    const SearchResult result = search("year:2021");
    ASSERT_GT(result.hits.size(), 3u);
    for (std::size_t i = 1; i < result.hits.size(); ++i) {
        const Hit& a = result.hits[i - 1];
        const Hit& b = result.hits[i];
        EXPECT_TRUE(a.date > b.date || (a.date == b.date && a.id < b.id))
            << a.id << " before " << b.id;
    }
}

TEST_F(SampleSearchTest, PagesNeitherRepeatNorSkip) {
    const SearchResult all = search("консультации OR consultations OR year:2023", 100);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < all.total; offset += 3) {
        for (const Hit& hit : search("консультации OR consultations OR year:2023", 3, offset).hits) {
            paged.push_back(hit.id);
        }
    }
    std::vector<std::string> whole;
    for (const Hit& hit : all.hits) whole.push_back(hit.id);
    EXPECT_EQ(paged, whole);
    EXPECT_TRUE(all.total_exact);
    EXPECT_EQ(all.total, whole.size());
}

TEST_F(SampleSearchTest, CollapsesLanguageVersionsIntoOneHit) {
    Searcher searcher({*dir_ / "db"});
    SearchRequest request;
    request.query = "BRICS OR БРИКС";
    request.limit = 50;
    const SearchResult plain = searcher.search(request);
    request.collapse = true;
    const SearchResult collapsed = searcher.search(request);
    std::size_t with_translations = 0;
    for (const Hit& hit : collapsed.hits) {
        EXPECT_NE(hit.id, "mid-en-0002") << "the English version is listed, not a hit";
        if (hit.id == "mid-ru-0002") {
            ASSERT_EQ(hit.translations.size(), 1u);
            EXPECT_EQ(hit.translations[0].id, "mid-en-0002");
            EXPECT_EQ(hit.translations[0].lang, "en");
            ++with_translations;
        }
    }
    EXPECT_EQ(with_translations, 1u);
    // Without collapsing, each group's later versions are extra hits.
    std::set<std::string> groups;
    std::size_t extra_versions = 0;
    for (const Hit& hit : plain.hits) {
        if (!hit.group.empty() && !groups.insert(hit.group).second) ++extra_versions;
    }
    EXPECT_GT(extra_versions, 0u);
    EXPECT_EQ(collapsed.hits.size(), plain.hits.size() - extra_versions);
}

TEST_F(SampleSearchTest, HighlightsEveryMatchedFormInTheSnippet) {
    const SearchResult result = search("консультация");
    ASSERT_FALSE(result.hits.empty());
    for (const Hit& hit : result.hits) {
        for (const auto& word : highlighted(hit)) {
            EXPECT_EQ(word.rfind("консультац", 0) == 0 || word.rfind("Консультац", 0) == 0, true)
                << hit.id << ": " << word;
        }
    }
    EXPECT_FALSE(highlighted(result.hits.front()).empty());
}

TEST_F(SampleSearchTest, HighlightsStopwordsOnlyWhereTheyMatch) {
    // "on" is a stopword: it does not match, so it is not highlighted...
    const SearchResult words = search("consultations on information security");
    ASSERT_FALSE(words.hits.empty());
    for (const Hit& hit : words.hits) {
        for (const auto& word : highlighted(hit)) EXPECT_NE(word, "on") << hit.id;
    }
    // ...but inside a phrase it does.
    const SearchResult phrase = search("\"consultations on international\"");
    ASSERT_FALSE(phrase.hits.empty());
    const auto marked = highlighted(phrase.hits.front());
    EXPECT_NE(std::find(marked.begin(), marked.end(), "on"), marked.end())
        << phrase.hits.front().snippet.text;
}

TEST_F(SampleSearchTest, CrossLingualSearchIsTheDefaultAndHighlightsTheTranslation) {
    EXPECT_TRUE(SearchRequest().cross_lingual);
    // mid-ru-0005 is in Russian only; the English query finds it through the
    // dictionary and the glossary, and its snippet shows the Russian words.
    const std::string query = "Russian-Chinese talks of foreign ministers";
    const SearchResult plain = search(query);
    EXPECT_TRUE(plain.expansions.empty());
    for (const Hit& hit : plain.hits) EXPECT_EQ(hit.lang, "en") << hit.id;

    const SearchResult crossed = search(query, 50, 0, true);
    ASSERT_FALSE(crossed.expansions.empty());
    const auto hit = std::find_if(crossed.hits.begin(), crossed.hits.end(),
                                  [](const Hit& h) { return h.id == "mid-ru-0005"; });
    ASSERT_NE(hit, crossed.hits.end());
    const auto words = highlighted(*hit);
    EXPECT_TRUE(std::any_of(words.begin(), words.end(), [](const std::string& word) {
        return word.rfind("переговор", 0) == 0 || word.rfind("министр", 0) == 0;
    })) << hit->snippet.text;
    // Each alternative says where it came from.
    for (const QueryExpansion& e : crossed.expansions) {
        EXPECT_FALSE(e.word.empty());
        EXPECT_FALSE(e.added.empty());
        EXPECT_TRUE(e.source == "mueller" || e.source == "mueller-inverted" ||
                    e.source == "glossary" || e.source == "transliteration" ||
                    e.source == "cognate")
            << e.source;
    }
}

}  // namespace
}  // namespace chancery
