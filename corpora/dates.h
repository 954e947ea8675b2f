// Calendar dates as Chancery stores them: YYYY-MM-DD strings, checked for real days.
#pragma once

#include <string_view>

namespace chancery::detail {

[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);

// True when `text` is exactly YYYY-MM-DD and names a day that exists
// (2021-02-29 and 2021-02-30 do not).
[[nodiscard]] bool is_valid_iso_date(std::string_view text);

}  // namespace chancery::detail
