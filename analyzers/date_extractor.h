// Calendar dates written in Russian, English and French text: "28 сентября 2021
// года", "28.09.2021", "28 сент. 2021 г.", "September 28, 2021", "Sept. 28",
// "28 septembre 2021", "1er juin", "2021-09-28", day ranges ("28–29 мая").
#pragma once

#include "analyzers/analyzer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// One date a text writes. A date written without a year ("Sept. 28", "8 мая")
// has year == 0; resolve it with nearest_year().
struct DateMention {
    int year = 0;
    int month = 0;
    int day = 0;
    std::size_t begin = 0;  // byte range in the text of the whole expression
    std::size_t end = 0;
    std::size_t first_token = 0;  // token range, indices into the tokens given
    std::size_t end_token = 0;
    bool followed_by_time = false;  // "8 мая 2025 года 10:10": a publication stamp
};

// Every date written in `tokens` (Analyzer::tokenize of `text`), in text
// order; a range ("28–29 сентября", "March 23-25") gives one mention per end
// day. Only real calendar days are kept (no 31 June, 29 February only in leap
// years); years from 1800 to 2199. English month names must start with a
// capital ("may", "march" are words); abbreviations of Russian and French
// months must end with a dot ("сент.", "févr."). Throws nothing.
[[nodiscard]] std::vector<DateMention> find_dates(const std::vector<Token>& tokens,
                                                  std::string_view text);

// The year that puts month/day nearest to a reference date (a text dated
// 2026-01-02 that says "December 30" means 2025-12-30). Returns 0 when
// month/day is no day in any of the three candidate years.
[[nodiscard]] int nearest_year(int month, int day, int reference_year, int reference_month,
                               int reference_day);

// "YYYY-MM-DD".
[[nodiscard]] std::string iso_date(int year, int month, int day);

// The first date an URL's path spells: /2021-09-28/, /2021/09/28/, /20210928/.
// Year and month alone (/2021/09/) fill `year` and `month` and leave `day` 0.
// Returns false when the URL has neither.
[[nodiscard]] bool date_in_url(std::string_view url, int& year, int& month, int& day);

}  // namespace chancery
