// Translation group detection on the Zelensky addresses (Ukrainian and English
// versions, 343 groups) with the group field hidden: precision and recall.
#include "indexer/translation_groups.h"

#include <chancery/chancery.h>

#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>

namespace chancery {
namespace {

struct Scores {
    double precision = 0;
    double recall = 0;
};

Scores score(const std::vector<Document>& documents, const std::vector<std::string>& truth,
             const GroupDetectionOptions& options) {
    std::size_t true_pairs = 0;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        for (std::size_t j = i + 1; j < documents.size(); ++j) {
            if (!truth[i].empty() && truth[i] == truth[j]) ++true_pairs;
        }
    }
    const auto pairs = detail::pair_translations(documents, options);
    std::size_t correct = 0;
    for (const auto& [a, b] : pairs) {
        if (!truth[a].empty() && truth[a] == truth[b]) ++correct;
    }
    Scores s;
    s.precision = pairs.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(pairs.size());
    s.recall = static_cast<double>(correct) / static_cast<double>(true_pairs);
    std::printf("min_similarity %.2f min_shared %zu: %zu pairs, %zu correct of %zu: "
                "precision %.3f recall %.3f\n",
                options.min_similarity, options.min_shared, pairs.size(), correct, true_pairs,
                s.precision, s.recall);
    return s;
}

TEST(TranslationGroupsTest, PairsUkrainianAndEnglishVersionsOfZelenskyAddresses) {
    CHANCERY_REQUIRE_SHARED(path, "corpora/zelensky_addresses_uk_en_2022.jsonl.gz");
    std::vector<Document> documents;
    std::vector<std::string> truth;
    JsonLinesReader reader(path);
    while (auto record = reader.next()) {
        ASSERT_TRUE(record->document);
        truth.push_back(record->document->group);
        // Hidden: the group, and the keys that name the other version.
        record->document->group.clear();
        record->document->url.clear();
        record->document->extra_json.clear();
        documents.push_back(std::move(*record->document));
    }
    ASSERT_EQ(documents.size(), 707u);
    for (const double similarity : {0.2, 0.4, 0.6}) {
        GroupDetectionOptions options;
        options.min_similarity = similarity;
        (void)score(documents, truth, options);
    }
    const Scores chosen = score(documents, truth, GroupDetectionOptions{});
    // The figures recorded in bench/RESULTS.md.
    EXPECT_GE(chosen.precision, 0.96);
    EXPECT_GE(chosen.recall, 0.54);
}

TEST(TranslationGroupsTest, GroupsVersionsInADatabaseAndCollapsesThem) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db);
        Document ru;
        ru.id = "ru";
        ru.lang = "ru";
        ru.date = "2022-03-14";
        ru.title = "Переговоры Лаврова и Вучича в Белграде";
        ru.body = "Министр иностранных дел Сергей Лавров 14 марта провёл переговоры с "
                  "Президентом Сербии Александром Вучичем. Обсуждены поставки газа, проект "
                  "Турецкий поток и 2500 мегаватт новых мощностей в Нише и Нови-Саде.";
        Document en = ru;
        en.id = "en";
        en.lang = "en";
        en.title = "Lavrov and Vucic hold talks in Belgrade";
        en.body = "Foreign Minister Sergey Lavrov held talks with President of Serbia Aleksandar "
                  "Vucic on 14 March. They discussed gas supplies, the Turkish Stream project "
                  "and 2500 megawatts of new capacity in Nis and Novi Sad.";
        Document other = en;
        other.id = "other";
        other.title = "Consular notice";
        other.body = "The embassy in Canberra is closed on Monday for a public holiday.";
        writer.add(ru);
        writer.add(en);
        writer.add(other);
        writer.commit();
    }
    GroupDetectionOptions options;
    options.min_shared = 3;
    const GroupDetectionReport report = detect_translation_groups(db, options);
    EXPECT_EQ(report.groups, 1u);
    EXPECT_EQ(report.documents, 2u);
    Searcher searcher({db});
    EXPECT_EQ(searcher.get("ru")->group, searcher.get("en")->group);
    EXPECT_TRUE(searcher.get("other")->group.empty());
    SearchRequest request;
    request.query = "Vucic OR Вучич";
    request.collapse = true;
    const SearchResult result = searcher.search(request);
    ASSERT_EQ(result.hits.size(), 1u);
    ASSERT_EQ(result.hits[0].translations.size(), 1u);
}

}  // namespace
}  // namespace chancery
