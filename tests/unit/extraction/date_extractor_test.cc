// Dates written in Russian, English and French; the year of a day and month;
// dates in URLs.
#include "analyzers/date_extractor.h"
#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chancery {
namespace {

struct DateCase {
    const char* text;
    std::vector<std::string> dates;  // YYYY-MM-DD; "--MM-DD" without a year
};

std::vector<std::string> dates_in(const std::string& text) {
    const Analyzer analyzer;
    std::vector<std::string> dates;
    for (const DateMention& date : find_dates(analyzer.tokenize(text), text)) {
        dates.push_back(date.year == 0 ? "--" + iso_date(2000, date.month, date.day).substr(5)
                                       : iso_date(date.year, date.month, date.day));
    }
    return dates;
}

class FindDatesTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(FindDatesTest, FindsTheDates) {
    EXPECT_EQ(dates_in(GetParam().text), GetParam().dates) << GetParam().text;
}

// Russian and English (or French) rows side by side.
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    RussianEnglishFrench, FindDatesTest,
    ::testing::Values(
        // Russian                                             English / French
        DateCase{"28 сентября 2021 года", {"2021-09-28"}},     DateCase{"September 28, 2021", {"2021-09-28"}},
        DateCase{"28.09.2021", {"2021-09-28"}},                DateCase{"28 September 2021", {"2021-09-28"}},
        DateCase{"28 сент. 2021 г.", {"2021-09-28"}},          DateCase{"Sept. 28", {"--09-28"}},
        DateCase{"8 мая", {"--05-08"}},                        DateCase{"On September 28", {"--09-28"}},
        DateCase{"28–29 сентября 2021 года", {"2021-09-28", "2021-09-29"}},
                                                               DateCase{"March 23-25, 2025", {"2025-03-23", "2025-03-25"}},
        DateCase{"29 февраля 2024", {"2024-02-29"}},           DateCase{"28 septembre 2021", {"2021-09-28"}},
        DateCase{"29 февраля 2023", {}},                       DateCase{"1er juin 2021", {"2021-06-01"}},
        DateCase{"31 июня 2021", {}},                          DateCase{"2021-09-28", {"2021-09-28"}},
        DateCase{"в мае 2021 года", {}},                       DateCase{"In May 2021", {}},
        DateCase{"сент 2021", {}},                             DateCase{"they may 5 times", {}},
        DateCase{"3 марта 1878 года", {"1878-03-03"}},         DateCase{"28th June, 2021", {"2021-06-28"}}));
// clang-format on

TEST(DateExtractorTest, MarksADateFollowedByATime) {
    const Analyzer analyzer;
    const std::string text = "8 мая 2025 года 10:10 Москва, Кремль";
    const auto dates = find_dates(analyzer.tokenize(text), text);
    ASSERT_EQ(dates.size(), 1u);
    EXPECT_TRUE(dates[0].followed_by_time);
    EXPECT_EQ(text.substr(dates[0].begin, dates[0].end - dates[0].begin), "8 мая 2025");
}

TEST(DateExtractorTest, NearestYearCrossesTheNewYear) {
    EXPECT_EQ(nearest_year(12, 30, 2026, 1, 2), 2025);
    EXPECT_EQ(nearest_year(1, 3, 2025, 12, 30), 2026);
    EXPECT_EQ(nearest_year(6, 6, 2025, 6, 7), 2025);
    EXPECT_EQ(nearest_year(2, 29, 2025, 3, 1), 2024);
}

TEST(DateExtractorTest, ReadsDatesInUrls) {
    int year = 0;
    int month = 0;
    int day = 0;
    EXPECT_TRUE(
        date_in_url("https://www.1tv.ru/news/2000-08-06/298751-prezident", year, month, day));
    EXPECT_EQ(iso_date(year, month, day), "2000-08-06");
    EXPECT_TRUE(date_in_url("https://example.org/2021/09/28/statement", year, month, day));
    EXPECT_EQ(iso_date(year, month, day), "2021-09-28");
    EXPECT_TRUE(date_in_url("https://www.whitehouse.gov/briefings-statements/2025/01/readout/",
                            year, month, day));
    EXPECT_EQ(year, 2025);
    EXPECT_EQ(month, 1);
    EXPECT_EQ(day, 0);
    EXPECT_FALSE(date_in_url("https://tass.com/economy/1969687", year, month, day));
    EXPECT_FALSE(date_in_url("http://2021.example.com/news", year, month, day));
}

}  // namespace
}  // namespace chancery
