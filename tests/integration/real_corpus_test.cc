// Indexing real corpora from ../shared and finding what a reader would look for.
#include <chancery/chancery.h>

#include "tests/support/indexing.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>

namespace chancery {
namespace {

class RealCorpusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        kremlin_ = testing::shared_path("corpora/kremlin_ru_2024_2025.jsonl.gz");
        telegram_ = testing::shared_path("corpora/mid_russia_telegram_en_2025_2026.jsonl.gz");
        if (kremlin_.empty() || telegram_.empty()) return;
        dir_ = std::make_unique<testing::TempDir>();
        report_ = testing::index_files(*dir_ / "db", {kremlin_, telegram_});
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override {
        if (!dir_) {
            GTEST_SKIP() << "shared corpora not found in " << testing::shared_dir()
                         << " (kremlin_ru_2024_2025, mid_russia_telegram_en_2025_2026)";
        }
    }

    static std::vector<std::string> top(const std::string& query, std::size_t n) {
        Searcher searcher({*dir_ / "db"});
        SearchRequest request;
        request.query = query;
        request.limit = n;
        std::vector<std::string> ids;
        for (const Hit& hit : searcher.search(request).hits) ids.push_back(hit.id);
        return ids;
    }

    static bool in_top(const std::string& query, std::size_t n, const std::string& id) {
        const auto ids = top(query, n);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    static std::unique_ptr<testing::TempDir> dir_;
    static std::string kremlin_, telegram_;
    static IndexReport report_;
};

std::unique_ptr<testing::TempDir> RealCorpusTest::dir_;
std::string RealCorpusTest::kremlin_, RealCorpusTest::telegram_;
IndexReport RealCorpusTest::report_;

TEST_F(RealCorpusTest, IndexesEveryDocument) {
    EXPECT_EQ(report_.indexed, 705u);
    EXPECT_EQ(report_.rejected, 0u);
    Searcher searcher({*dir_ / "db"});
    EXPECT_EQ(searcher.document_count(), 705u);
}

TEST_F(RealCorpusTest, FindsRussianTalksByAnInflectedQuery) {
    // Titles say "Российско-венесуэльские переговоры"; the query uses other forms.
    EXPECT_EQ(top("российско-венесуэльских переговорах", 1).front(), "kremlin-ru-76860");
    EXPECT_TRUE(in_top("российско-венесуэльских переговорах", 3, "kremlin-ru-76854"));
    EXPECT_TRUE(in_top("Пезешкиан телефонный разговор", 3, "kremlin-ru-76851"));
    EXPECT_TRUE(in_top("Си Цзиньпин переговоры", 5, "kremlin-ru-76870"));
}

TEST_F(RealCorpusTest, FindsEnglishPostsOfTheForeignMinistry) {
    EXPECT_TRUE(in_top("Lavrov Oman telephone conversation", 3, "midtg-28554"));
    EXPECT_EQ(top("Gagarin birthday anniversary", 1), std::vector<std::string>{"midtg-28631"});
}

}  // namespace
}  // namespace chancery

namespace chancery {
namespace {

// Facet counts must equal what counting the whole result list by hand gives.
TEST_F(RealCorpusTest, CountsFacetsExactlyOverTheWholeMatchSet) {
    Searcher searcher({*dir_ / "db"});
    SearchRequest request;
    request.query = "переговоры OR talks OR президент OR president";
    request.facets = {"lang", "year", "month"};
    request.facet_limit = 1000;
    request.snippets = false;
    const SearchResult faceted = searcher.search(request);
    ASSERT_TRUE(faceted.total_exact);
    ASSERT_GT(faceted.total, 100u);

    request.facets.clear();
    request.limit = faceted.total;
    const SearchResult all = searcher.search(request);
    ASSERT_EQ(all.hits.size(), faceted.total);
    std::map<std::string, std::map<std::string, std::size_t>> by_hand;
    for (const Hit& hit : all.hits) {
        ++by_hand["lang"][hit.lang];
        if (!hit.date.empty()) {
            ++by_hand["year"][hit.date.substr(0, 4)];
            ++by_hand["month"][hit.date.substr(0, 7)];
        }
    }
    for (const auto& [facet, counts] : faceted.facets) {
        std::map<std::string, std::size_t> reported;
        for (const FacetCount& count : counts) reported[count.value] = count.count;
        EXPECT_EQ(reported, by_hand[facet]) << facet;
    }
    for (const FacetCount& count : faceted.facets.at("lang")) {
        EXPECT_EQ(count.label, count.value == "ru" ? "Russian" : "English") << count.value;
    }
}

}  // namespace
}  // namespace chancery
