// Finding dates among the tokens of a text, and the date in an URL.
#include "analyzers/date_extractor.h"

#include "corpora/dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace chancery {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;
// Longest run of spaces between the words of one date ("28 сентября").
constexpr std::size_t kMaxSpaceGap = 6;

// How a month word may be written. Month names double as ordinary words
// ("may", "march", "mars") or abbreviations ("sept" is French for seven), so
// each form says what makes it a month: nothing, an initial capital, or a dot.
struct MonthWord {
    int month = 0;
    bool plain = false;    // a month however written: "сентября", "septembre"
    bool capital = false;  // a month when capitalised: "May", "Sept"
    bool dot = false;      // a month when a dot follows: "сент.", "févr."
};

const std::unordered_map<std::string, MonthWord>& month_words() {
    static const std::unordered_map<std::string, MonthWord> kWords = [] {
        std::unordered_map<std::string, MonthWord> words;
        auto add = [&](int month, std::initializer_list<const char*> forms, bool plain,
                       bool capital, bool dot) {
            for (const char* form : forms) {
                MonthWord& word = words[form];
                word.month = month;
                word.plain = word.plain || plain;
                word.capital = word.capital || capital;
                word.dot = word.dot || dot;
            }
        };
        // One row per language and form, one column per month.
        // clang-format off
        // Russian: the genitive of a date ("28 сентября"), and abbreviations with a dot.
        const std::array<std::initializer_list<const char*>, 12> ru = {{
            {"января"}, {"февраля"}, {"марта"}, {"апреля"}, {"мая"}, {"июня"},
            {"июля"}, {"августа"}, {"сентября"}, {"октября"}, {"ноября"}, {"декабря"},
        }};
        const std::array<std::initializer_list<const char*>, 12> ru_short = {{
            {"янв"}, {"фев", "февр"}, {"мар"}, {"апр"}, {}, {"июн"},
            {"июл"}, {"авг"}, {"сен", "сент"}, {"окт"}, {"ноя", "нояб"}, {"дек"},
        }};
        const std::array<std::initializer_list<const char*>, 12> en = {{
            {"january"}, {"february"}, {"march"}, {"april"}, {"may"}, {"june"},
            {"july"}, {"august"}, {"september"}, {"october"}, {"november"}, {"december"},
        }};
        const std::array<std::initializer_list<const char*>, 12> en_short = {{
            {"jan"}, {"feb"}, {"mar"}, {"apr"}, {}, {"jun"},
            {"jul"}, {"aug"}, {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"},
        }};
        const std::array<std::initializer_list<const char*>, 12> fr = {{
            {"janvier"}, {"février", "fevrier"}, {"mars"}, {"avril"}, {"mai"}, {"juin"},
            {"juillet"}, {"août", "aout"}, {"septembre"}, {"octobre"}, {"novembre"},
            {"décembre", "decembre"},
        }};
        const std::array<std::initializer_list<const char*>, 12> fr_short = {{
            {"janv"}, {"févr", "fevr"}, {}, {"avr"}, {}, {},
            {"juil"}, {}, {"sept"}, {"oct"}, {"nov"}, {"déc", "dec"},
        }};
        // clang-format on
        for (int m = 0; m < 12; ++m) {
            add(m + 1, ru[m], true, false, false);
            add(m + 1, ru_short[m], false, false, true);
            add(m + 1, en[m], false, true, false);
            add(m + 1, en_short[m], false, true, false);
            add(m + 1, fr[m], true, false, false);
            add(m + 1, fr_short[m], false, false, true);
        }
        return words;
    }();
    return kWords;
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

// "28", "05", "1er", "28th", "1st": a day of the month, or 0.
int day_of(std::string_view form) {
    std::size_t digits = 0;
    while (digits < form.size() && form[digits] >= '0' && form[digits] <= '9') ++digits;
    if (digits == 0 || digits > 2) return 0;
    const std::string_view suffix = form.substr(digits);
    if (!suffix.empty() && suffix != "er" && suffix != "st" && suffix != "nd" && suffix != "rd" &&
        suffix != "th") {
        return 0;
    }
    const int day = to_int(form.substr(0, digits));
    return day >= 1 && day <= 31 ? day : 0;
}

int year_of(std::string_view form) {
    if (form.size() != 4 || !all_digits(form)) return 0;
    const int year = to_int(form);
    return year >= kMinYear && year <= kMaxYear ? year : 0;
}

bool is_space(std::string_view text, std::size_t& at) {
    if (at >= text.size()) return false;
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++at;
        return true;
    }
    // U+00A0 no-break space, U+202F narrow no-break space, U+2009 thin space.
    if (text.compare(at, 2, "\xC2\xA0") == 0) {
        at += 2;
        return true;
    }
    if (text.compare(at, 3, "\xE2\x80\xAF") == 0 || text.compare(at, 3, "\xE2\x80\x89") == 0) {
        at += 3;
        return true;
    }
    return false;
}

// Spaces only, at least one, at most kMaxSpaceGap bytes.
bool space_gap(std::string_view gap) {
    if (gap.empty() || gap.size() > kMaxSpaceGap) return false;
    std::size_t at = 0;
    while (is_space(gap, at)) {
    }
    return at == gap.size();
}

// Between a month or day and the year: spaces, optionally after a dot
// ("сент. 2021") or a comma ("September 28, 2021").
bool year_gap(std::string_view gap) {
    if (!gap.empty() && (gap.front() == '.' || gap.front() == ',')) gap.remove_prefix(1);
    return space_gap(gap);
}

// Between a month and its day: spaces, optionally after an abbreviation's dot ("Sept. 28").
bool month_day_gap(std::string_view gap) {
    if (!gap.empty() && gap.front() == '.') gap.remove_prefix(1);
    return space_gap(gap);
}

// Between the days of a range: a hyphen or dash, spaces allowed around it.
bool range_gap(std::string_view gap) {
    if (gap.size() > 2 * kMaxSpaceGap + 3) return false;
    std::size_t at = 0;
    while (is_space(gap, at)) {
    }
    if (gap.compare(at, 1, "-") == 0) {
        at += 1;
    } else if (gap.compare(at, 3, "\xE2\x80\x93") == 0 || gap.compare(at, 3, "\xE2\x80\x94") == 0) {
        at += 3;
    } else {
        return false;
    }
    while (is_space(gap, at)) {
    }
    return at == gap.size();
}

// "8 мая 2025 года 10:10", "June 6, 2025, 10:10": a time right after the date.
bool time_follows(std::string_view text, std::size_t at) {
    auto skip_spaces = [&] {
        while (at < text.size() && (text[at] == ',' || is_space(text, at))) {
            if (text[at] == ',') ++at;
        }
    };
    skip_spaces();
    for (const std::string_view word : {std::string_view("года"), std::string_view("г.")}) {
        if (text.compare(at, word.size(), word) == 0) {
            at += word.size();
            break;
        }
    }
    skip_spaces();
    std::size_t digits = 0;
    while (at + digits < text.size() && text[at + digits] >= '0' && text[at + digits] <= '9') {
        ++digits;
    }
    if (digits < 1 || digits > 2) return false;
    at += digits;
    return at + 2 < text.size() && text[at] == ':' && text[at + 1] >= '0' && text[at + 1] <= '9' &&
           text[at + 2] >= '0' && text[at + 2] <= '9';
}

long days_from_civil(int year, int month, int day) {
    // Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic Gregorian calendar.
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long yoe = year - era * 400;
    const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool real_day(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 &&
           day <= detail::days_in_month(year == 0 ? 2000 : year, month);
}

class DateScanner {
  public:
    DateScanner(const std::vector<Token>& tokens, std::string_view text)
        : tokens_(tokens), text_(text) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].compound && !tokens[i].link) words_.push_back(i);
        }
    }

    std::vector<DateMention> scan() {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (tokens_[i].compound) iso_compound(i);
        }
        for (std::size_t w = 0; w < words_.size();) w = at_word(w);
        std::sort(found_.begin(), found_.end(), [](const DateMention& a, const DateMention& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.day < b.day;
        });
        return std::move(found_);
    }

  private:
    const Token& word(std::size_t w) const { return tokens_[words_[w]]; }

    std::string_view gap(std::size_t w) const {  // text between word w and word w + 1
        const Token& a = word(w);
        const Token& b = word(w + 1);
        return b.begin >= a.end ? text_.substr(a.end, b.begin - a.end) : std::string_view();
    }

    int month_at(std::size_t w) const {
        if (w >= words_.size()) return 0;
        const Token& token = word(w);
        const auto& table = month_words();
        const auto it = table.find(token.form);
        if (it == table.end()) return 0;
        const MonthWord& month = it->second;
        if (month.plain) return month.month;
        const char first = token.begin < text_.size() ? text_[token.begin] : '\0';
        if (month.capital && first >= 'A' && first <= 'Z') return month.month;
        if (month.dot && token.end < text_.size() && text_[token.end] == '.') return month.month;
        return 0;
    }

    int day_at(std::size_t w) const { return w < words_.size() ? day_of(word(w).form) : 0; }
    int year_at(std::size_t w) const { return w < words_.size() ? year_of(word(w).form) : 0; }

    void emit(int year, int month, int day, std::size_t first_word, std::size_t last_word) {
        if (!real_day(year, month, day)) return;
        DateMention mention;
        mention.year = year;
        mention.month = month;
        mention.day = day;
        mention.first_token = words_[first_word];
        mention.end_token = words_[last_word] + 1;
        mention.begin = tokens_[mention.first_token].begin;
        mention.end = tokens_[mention.end_token - 1].end;
        mention.followed_by_time = year != 0 && time_follows(text_, mention.end);
        found_.push_back(mention);
    }

    // "28 сентября 2021", "28–29 сентября", "1er juin 2021"; "28.09.2021".
    // Returns the next word to look at.
    std::size_t at_word(std::size_t w) {
        if (const std::size_t next = dotted(w); next != w) return next;
        const int day = day_at(w);
        if (day != 0) {
            std::size_t last_day = w;
            int second_day = 0;
            if (w + 1 < words_.size() && range_gap(gap(w)) && day_at(w + 1) != 0) {
                second_day = day_at(w + 1);
                last_day = w + 1;
            }
            const std::size_t m = last_day + 1;
            if (m < words_.size() && space_gap(gap(last_day)) && month_at(m) != 0) {
                const int month = month_at(m);
                int year = 0;
                std::size_t end = m;
                if (m + 1 < words_.size() && year_gap(gap(m)) && year_at(m + 1) != 0) {
                    year = year_at(m + 1);
                    end = m + 1;
                }
                emit(year, month, day, w, end);
                if (second_day != 0) emit(year, month, second_day, last_day, end);
                return end + 1;
            }
        }
        const int month = month_at(w);
        if (month != 0 && w + 1 < words_.size() && month_day_gap(gap(w)) && day_at(w + 1) != 0) {
            // "September 28, 2021", "Sept. 28", "March 23-25, 2025".
            const int first_day = day_at(w + 1);
            std::size_t last_day = w + 1;
            int second_day = 0;
            if (w + 2 < words_.size() && range_gap(gap(w + 1)) && day_at(w + 2) != 0) {
                second_day = day_at(w + 2);
                last_day = w + 2;
            }
            int year = 0;
            std::size_t end = last_day;
            if (last_day + 1 < words_.size() && year_gap(gap(last_day)) &&
                year_at(last_day + 1) != 0) {
                year = year_at(last_day + 1);
                end = last_day + 1;
            }
            emit(year, month, first_day, w, end);
            if (second_day != 0) emit(year, month, second_day, w, end);
            return end + 1;
        }
        return w + 1;
    }

    // "28.09.2021" is one word.
    std::size_t dotted(std::size_t w) {
        const std::string& form = word(w).form;
        const std::size_t first = form.find('.');
        if (first == std::string::npos) return w;
        const std::size_t second = form.find('.', first + 1);
        if (second == std::string::npos || form.find('.', second + 1) != std::string::npos) {
            return w;
        }
        const std::string_view d = std::string_view(form).substr(0, first);
        const std::string_view m = std::string_view(form).substr(first + 1, second - first - 1);
        const std::string_view y = std::string_view(form).substr(second + 1);
        if (!all_digits(d) || !all_digits(m) || d.size() > 2 || m.size() > 2) return w;
        const int year = year_of(y);
        if (year == 0) return w;
        emit(year, to_int(m), to_int(d), w, w);
        return w + 1;
    }

    // "2021-09-28" is a hyphenated compound of three numbers.
    void iso_compound(std::size_t i) {
        const std::string& form = tokens_[i].form;
        if (form.size() != 10 || form[4] != '-' || form[7] != '-') return;
        const std::string_view view(form);
        if (!all_digits(view.substr(0, 4)) || !all_digits(view.substr(5, 2)) ||
            !all_digits(view.substr(8, 2))) {
            return;
        }
        const int year = year_of(view.substr(0, 4));
        const int month = to_int(view.substr(5, 2));
        const int day = to_int(view.substr(8, 2));
        if (year == 0 || !real_day(year, month, day)) return;
        DateMention mention;
        mention.year = year;
        mention.month = month;
        mention.day = day;
        mention.first_token = i;
        mention.end_token = i + 1;
        mention.begin = tokens_[i].begin;
        mention.end = tokens_[i].end;
        mention.followed_by_time = time_follows(text_, mention.end);
        found_.push_back(mention);
    }

    const std::vector<Token>& tokens_;
    std::string_view text_;
    std::vector<std::size_t> words_;
    std::vector<DateMention> found_;
};

}  // namespace

std::vector<DateMention> find_dates(const std::vector<Token>& tokens, std::string_view text) {
    return DateScanner(tokens, text).scan();
}

int nearest_year(int month, int day, int reference_year, int reference_month, int reference_day) {
    const long reference = days_from_civil(reference_year, reference_month, reference_day);
    int best = 0;
    long best_distance = 0;
    for (const int year : {reference_year - 1, reference_year, reference_year + 1}) {
        if (!real_day(year, month, day)) continue;
        const long distance = std::labs(days_from_civil(year, month, day) - reference);
        if (best == 0 || distance < best_distance) {
            best = year;
            best_distance = distance;
        }
    }
    return best;
}

std::string iso_date(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

bool date_in_url(std::string_view url, int& year, int& month, int& day) {
    year = month = day = 0;
    // The path only: a host name's digits are no date.
    const std::size_t scheme = url.find("://");
    const std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path == std::string_view::npos) return false;
    const std::string_view rest = url.substr(path);
    auto digit = [&](std::size_t at) {
        return at < rest.size() && rest[at] >= '0' && rest[at] <= '9';
    };
    auto digits = [&](std::size_t at, std::size_t count) {
        for (std::size_t k = 0; k < count; ++k) {
            if (!digit(at + k)) return false;
        }
        return true;
    };
    int partial_year = 0;
    int partial_month = 0;
    for (std::size_t at = 0; at < rest.size(); ++at) {
        if (at > 0 && digit(at - 1)) continue;  // numbers start after a non-digit
        if (!digits(at, 4)) continue;
        const int y = year_of(rest.substr(at, 4));
        if (y == 0) continue;
        const char separator = at + 4 < rest.size() ? rest[at + 4] : '\0';
        if ((separator == '-' || separator == '/') && digits(at + 5, 2)) {
            const int m = to_int(rest.substr(at + 5, 2));
            const char second = at + 7 < rest.size() ? rest[at + 7] : '\0';
            if (second == separator && digits(at + 8, 2) && !digit(at + 10)) {
                const int d = to_int(rest.substr(at + 8, 2));
                if (real_day(y, m, d)) {
                    year = y;
                    month = m;
                    day = d;
                    return true;
                }
            }
            if (!digit(at + 7) && m >= 1 && m <= 12 && partial_year == 0) {
                partial_year = y;
                partial_month = m;
            }
        } else if (digits(at + 4, 4) && !digit(at + 8)) {
            const int m = to_int(rest.substr(at + 4, 2));
            const int d = to_int(rest.substr(at + 6, 2));
            if (real_day(y, m, d)) {
                year = y;
                month = m;
                day = d;
                return true;
            }
        }
    }
    year = partial_year;
    month = partial_month;
    return partial_year != 0;
}

}  // namespace chancery
