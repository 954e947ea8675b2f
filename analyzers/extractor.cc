// Release date, mentioned dates, parties, mentioned entities and forum from a
// document's title, body and URL.
#include "analyzers/extractor.h"

#include "analyzers/date_extractor.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

namespace chancery {
namespace {

// Where in the document a mention stands: the title and the lead (the first
// sentences of the body) say what the document is about; the rest only what
// it touches on.
enum class Place : std::uint8_t { kTitle, kLead, kBody };

// Evidence weights for parties. A party needs kPartyThreshold: a name in the
// title or the lead is enough, mentions deep in the body are not.
constexpr double kTitleWeight = 3.0;
constexpr double kLeadWeight = 2.0;
constexpr double kFormatWeight = 2.0;  // one side of a "российско-китайские" compound
constexpr double kLeadCapitalWeight = 1.0;  // "in Cairo" in the lead: a place, or a side
constexpr double kBodyWeight = 0.25;        // per mention further down
constexpr double kBodyCap = 1.0;
constexpr double kPartyThreshold = 2.0;
// Forums: named in the title or the lead; body mentions only break ties.
constexpr double kForumTitleWeight = 3.0;
constexpr double kForumLeadWeight = 2.0;
constexpr double kForumBodyWeight = 0.25;
constexpr double kForumBodyCap = 0.75;
constexpr double kForumThreshold = 2.0;
constexpr std::string_view kBilateral = "BILATERAL";

// The lead: this many bytes at least (a dateline alone is too short), at most
// this many when no sentence ends sooner.
constexpr std::size_t kMinLead = 100;
constexpr std::size_t kMaxLead = 500;
// A body this short is a news item's lead and nothing else.
constexpr std::size_t kShortBody = 700;
// A body repeats its title when it starts with the title's first bytes (titles
// shorter than this are tags: "#Announcement" repeated says nothing).
constexpr std::size_t kMinRepeatedTitle = 12;
constexpr std::size_t kMaxTitleCompare = 60;
// A repeated title shorter than this is a label ("Embassy of Russia in Nigeria:"),
// and the lead follows it; a longer one tells the news itself.
constexpr std::size_t kMinInformativeTitle = 48;
// A line this short that ends with a full date is a heading with its date
// ("Full Remarks ... – May 21, 2025", "📍 Vienna, March 2, 2026").
constexpr std::size_t kMaxHeadingLine = 200;
// A dateline's place is at most this far into the body; a date stamp's place
// ("10:10 Москва, Кремль") at most this far after the stamp.
constexpr std::size_t kMaxDatelinePlace = 80;
constexpr std::size_t kStampPlace = 48;
// A signature's date ends at most this far before the end of the body.
constexpr std::size_t kSignatureTail = 80;

struct Located {
    Mention mention;
    Place place = Place::kBody;
    bool in_title = false;  // which text `mention` offsets refer to
    bool format_member = false;
    bool inside_forum = false;  // an organisation named within a forum's name
    bool locative = false;      // a capital after "in", "в", "à": a place
};

// "in Cairo", "в Пекине", "à Paris": the word before a capital makes it a place.
bool after_locative(const std::vector<Token>& tokens, std::size_t first_token) {
    static const std::array<std::string_view, 15> kLocative = {"in",   "at", "to", "from", "into",
                                                               "near", "в",  "во", "на",   "из",
                                                               "под",  "à",  "en", "dans", "au"};
    for (std::size_t at = first_token; at > 0; --at) {
        const Token& before = tokens[at - 1];
        if (before.compound) continue;
        return std::find(kLocative.begin(), kLocative.end(), before.form) != kLocative.end();
    }
    return false;
}

bool is_sidebar(const Document& document) {
    if (document.extra_json.find("body_suspect_sidebar") == std::string::npos) return false;
    const nlohmann::json extra = nlohmann::json::parse(document.extra_json, nullptr, false);
    if (!extra.is_object()) return false;
    const auto it = extra.find("body_suspect_sidebar");
    return it != extra.end() && it->is_boolean() && it->get<bool>();
}

bool is_upper_start(std::string_view text, std::size_t at) {
    if (at >= text.size()) return false;
    const auto c = static_cast<unsigned char>(text[at]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= '0' && c <= '9') return true;
    // Cyrillic capitals А-Я: D0 90..D0 AF, Ё: D0 81; quotes and «.
    if (c == 0xD0 && at + 1 < text.size()) {
        const auto d = static_cast<unsigned char>(text[at + 1]);
        return (d >= 0x90 && d <= 0xAF) || d == 0x81;
    }
    return c == '"' || text.compare(at, 2, "\xC2\xAB") == 0 ||
           text.compare(at, 3, "\xE2\x80\x9C") == 0;
}

// "U.S." and "В." end no sentence: the word before the dot is one or two capitals.
bool is_abbreviation_dot(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' &&
           text[start - 1] != '(') {
        --start;
    }
    const std::string_view word = text.substr(start, dot - start);
    std::size_t letters = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c == '.') continue;
        if (c >= 0x80) {
            ++letters;
            ++i;  // two-byte Cyrillic
            continue;
        }
        if (c < 'A' || c > 'Z') return false;
        ++letters;
    }
    return letters >= 1 && letters <= 2;
}

// The end of the sentences that start at `begin`: at least kMinLead bytes (a
// dateline alone is too short), across paragraphs if need be, at most kMaxLead.
std::size_t lead_end(std::string_view body, std::size_t begin) {
    const std::size_t limit = std::min(body.size(), begin + kMaxLead);
    for (std::size_t at = begin; at < limit; ++at) {
        const char c = body[at];
        if (at + 1 - begin < kMinLead) continue;
        if (c == '\n') return at;
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t next = at + 1;
        while (next < body.size() && body[next] == ' ') ++next;
        if (next == at + 1 && next < body.size() && body[next] != '\n') continue;
        if (c == '.' && is_abbreviation_dot(body, at)) continue;
        if (next < body.size() && body[next] != '\n' && !is_upper_start(body, next)) continue;
        return at + 1;
    }
    if (limit == body.size()) return limit;
    const std::size_t space = body.rfind(' ', limit);
    return space == std::string_view::npos || space <= begin ? limit : space;
}

// How a body divides into zones: the title again (Telegram posts begin with
// their title, which the corpus cut short), the lead (the first sentences
// after it, or all of a short body: a news item is all lead), the rest.
struct Zones {
    std::size_t title_end = 0;  // [0, title_end): the title repeated
    std::size_t lead_begin = 0;
    std::size_t lead_end = 0;
};

Zones body_zones(std::string_view body, std::string_view title, const Analyzer& analyzer) {
    Zones zones;
    std::size_t begin = 0;
    while (begin < body.size() && (body[begin] == ' ' || body[begin] == '\n')) ++begin;
    std::string_view heading = title;
    for (const std::string_view ellipsis : {"...", "\u2026"}) {
        if (heading.ends_with(ellipsis)) heading.remove_suffix(ellipsis.size());
    }
    while (!heading.empty() && heading.back() == ' ') heading.remove_suffix(1);
    if (heading.size() >= kMinRepeatedTitle) {
        std::size_t repeat_end = 0;
        if (body.compare(begin, heading.size(), heading) == 0) {
            repeat_end = begin + heading.size();
        } else {
            // The same words with other spaces, quotes or case: the whole first paragraph.
            const std::size_t first_end = std::min(body.find('\n', begin), body.size());
            const std::string paragraph = analyzer.normalize(body.substr(begin, first_end - begin));
            const std::string normal = analyzer.normalize(heading);
            const std::size_t compare = std::min<std::size_t>(normal.size(), kMaxTitleCompare);
            if (paragraph.compare(0, compare, normal, 0, compare) == 0) repeat_end = first_end;
        }
        if (repeat_end > 0) {
            zones.title_end = repeat_end;
            const std::size_t paragraph_end = std::min(body.find('\n', repeat_end), body.size());
            if (heading.size() >= kMinInformativeTitle && heading.front() != '#') {
                // A title that says what happened was the lead; the rest of its
                // paragraph (where the corpus cut the title) still is.
                zones.lead_begin = repeat_end;
                zones.lead_end = paragraph_end;
                return zones;
            }
            begin = repeat_end;
            while (begin < body.size() && (body[begin] == ' ' || body[begin] == '\n')) ++begin;
        }
    }
    zones.lead_begin = begin;
    zones.lead_end = body.size() - begin <= kShortBody ? body.size() : lead_end(body, begin);
    return zones;
}

// Flag emoji: two regional indicator symbols (U+1F1E6..U+1F1FF, UTF-8
// F0 9F 87 A6..BF) spell an ISO 3166-1 code ("🇷🇺" = RU).
struct Flag {
    std::string code;
    std::size_t begin = 0;
};

std::vector<Flag> find_flags(std::string_view text) {
    std::vector<Flag> flags;
    auto letter_at = [&](std::size_t at) -> char {
        if (at + 4 > text.size()) return 0;
        if (static_cast<unsigned char>(text[at]) != 0xF0 ||
            static_cast<unsigned char>(text[at + 1]) != 0x9F ||
            static_cast<unsigned char>(text[at + 2]) != 0x87) {
            return 0;
        }
        const auto last = static_cast<unsigned char>(text[at + 3]);
        if (last < 0xA6 || last > 0xBF) return 0;
        return static_cast<char>('A' + (last - 0xA6));
    };
    for (std::size_t at = text.find('\xF0'); at != std::string_view::npos;
         at = text.find('\xF0', at + 1)) {
        const char first = letter_at(at);
        if (first == 0) continue;
        const char second = letter_at(at + 4);
        if (second == 0) continue;
        flags.push_back({std::string{first, second}, at});
        at += 4;  // the pair is consumed; the loop steps past its second half
    }
    return flags;
}

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool places_only = false;  // hides capitals only, not names
    bool contains(std::size_t at) const { return at >= begin && at < end; }
};

// "MOSCOW, ", "WASHINGTON/NEW YORK, ", "UNITED NATIONS, ": a place in capitals
// and a comma, all that precedes the date of a dateline.
bool is_dateline_place(std::string_view before) {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.size() < 3 || before.back() != ',') return false;
    bool letter = false;
    const std::string_view place = before.substr(0, before.size() - 1);
    for (std::size_t i = 0; i < place.size(); ++i) {
        const auto u = static_cast<unsigned char>(place[i]);
        const auto next = i + 1 < place.size() ? static_cast<unsigned char>(place[i + 1]) : 0;
        if (u >= 'a' && u <= 'z') return false;
        // Cyrillic small letters: а-п D0 B0..BF, р-я D1 80..8F, ё D1 91.
        if ((u == 0xD0 && next >= 0xB0 && next <= 0xBF) ||
            (u == 0xD1 && ((next >= 0x80 && next <= 0x8F) || next == 0x91))) {
            return false;
        }
        if ((u >= 'A' && u <= 'Z') || u == 0xD0) letter = true;
    }
    return letter;
}

// The places of datelines ("MOSCOW, June 6. /TASS/.", "UNITED NATIONS,
// December 31.") and of date stamps ("8 мая 2025 года 10:10 Москва, Кремль"):
// they say where the release comes from, not whom it concerns.
std::vector<Span> dateline_spans(std::string_view body, const std::vector<DateMention>& dates) {
    std::vector<Span> spans;
    for (const DateMention& date : dates) {
        if (date.begin <= kMaxDatelinePlace && is_dateline_place(body.substr(0, date.begin))) {
            spans.push_back({0, date.begin, false});
        }
        if (date.followed_by_time) {
            spans.push_back({date.end, std::min(body.size(), date.end + kStampPlace), true});
        }
    }
    return spans;
}

bool follows_marker(const std::vector<Token>& tokens, const DateMention& date) {
    // "Дата публикации: 8 мая 2025 года", "Published: June 1, 2021", "Publié le 2 juin 2021".
    static const std::vector<std::vector<std::string_view>> kMarkers = {
        {"дата", "публикации"},        {"опубликовано"}, {"published"},    {"posted"},
        {"date", "de", "publication"}, {"publié", "le"}, {"publie", "le"},
    };
    const std::size_t at = date.first_token;
    for (const auto& marker : kMarkers) {
        for (std::size_t gap = 0; gap <= 2; ++gap) {
            if (at < marker.size() + gap) continue;
            const std::size_t start = at - gap - marker.size();
            bool match = true;
            for (std::size_t k = 0; k < marker.size() && match; ++k) {
                match = tokens[start + k].form == marker[k];
            }
            if (match) return true;
        }
    }
    return false;
}

// A date inside parentheses, or after "от"/"of"/"dated": the statement's own
// date in a title ("... (March 9, 2026)", "Выпуск от 31.12.1999").
bool is_heading_date(const std::vector<Token>& tokens, std::string_view title,
                     const DateMention& date) {
    const std::size_t open = title.rfind('(', date.begin);
    if (open != std::string_view::npos) {
        const std::size_t close_before = title.rfind(')', date.begin);
        const std::size_t close_after = title.find(')', date.end);
        if ((close_before == std::string_view::npos || close_before < open) &&
            close_after != std::string_view::npos) {
            return true;
        }
    }
    if (date.first_token > 0) {
        const std::string& before = tokens[date.first_token - 1].form;
        if (before == "от" || before == "of" || before == "dated" || before == "du") return true;
    }
    return false;
}

// The date ends a short line that is no sentence (no full stop after it):
// "Full Remarks by ... – May 21, 2025", "📍 Vienna, March 2, 2026".
bool is_heading_line_date(std::string_view body, const DateMention& date) {
    const std::size_t line_begin = body.rfind('\n', date.begin);
    const std::size_t start = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    const std::size_t line_end = std::min(body.find('\n', date.end), body.size());
    if (line_end - start > kMaxHeadingLine) return false;
    for (std::size_t at = date.end; at < line_end; ++at) {
        const char c = body[at];
        if (c != ' ' && c != ')' && c != '\r') return false;
    }
    return true;
}

// The date on a line of its own or after a place in capitals ("THE WHITE
// HOUSE, December 29, 2025."), with nothing but punctuation after it to the end.
bool is_signature_date(std::string_view body, const DateMention& date) {
    if (date.end + kSignatureTail < body.size()) return false;
    for (std::size_t at = date.end; at < body.size(); ++at) {
        const char c = body[at];
        if (c != ' ' && c != '.' && c != '\n' && c != '\r') return false;
    }
    const std::size_t newline = body.rfind('\n', date.begin);
    const std::size_t line_begin = newline == std::string_view::npos ? 0 : newline + 1;
    std::string_view before = body.substr(line_begin, date.begin - line_begin);
    while (!before.empty() && before.front() == ' ') before.remove_prefix(1);
    return before.empty() || is_dateline_place(before);
}

struct ReleaseDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

std::optional<ReleaseDate> release_from_text(const Document& document, std::string_view body,
                                             const std::vector<Token>& title_tokens,
                                             const std::vector<Token>& body_tokens,
                                             const std::vector<DateMention>& title_dates,
                                             const std::vector<DateMention>& body_dates,
                                             Span lead) {
    auto from = [](const DateMention& date) {
        return ReleaseDate{date.year, date.month, date.day};
    };
    // 1. A publication line says so.
    for (const DateMention& date : body_dates) {
        if (date.year != 0 && follows_marker(body_tokens, date)) return from(date);
    }
    // 2. A date stamp: a date with its time.
    for (const DateMention& date : body_dates) {
        if (date.followed_by_time) return from(date);
    }
    // 3. The statement's own date in its title.
    for (auto it = title_dates.rbegin(); it != title_dates.rend(); ++it) {
        if (it->year != 0 && is_heading_date(title_tokens, document.title, *it)) return from(*it);
    }
    // 4. A dateline: "WASHINGTON, June 12, 2025 —".
    for (const DateMention& date : body_dates) {
        if (date.year == 0 || date.begin < lead.begin ||
            date.begin > lead.begin + kMaxDatelinePlace) {
            continue;
        }
        if (is_dateline_place(body.substr(lead.begin, date.begin - lead.begin))) return from(date);
    }
    // 4b. A heading line that ends with its date: "Full Remarks by ... – May 21, 2025".
    for (const DateMention& date : body_dates) {
        if (date.year != 0 && is_heading_line_date(body, date)) return from(date);
    }
    // 5. A signature: "THE WHITE HOUSE,\nDecember 29, 2025." ends the body.
    if (!body_dates.empty() && body_dates.back().year != 0 &&
        is_signature_date(body, body_dates.back())) {
        return from(body_dates.back());
    }
    // 6. The URL: /2021-09-28/, /2021/09/28/.
    int url_year = 0;
    int url_month = 0;
    int url_day = 0;
    if (date_in_url(document.url, url_year, url_month, url_day) && url_day != 0) {
        return ReleaseDate{url_year, url_month, url_day};
    }
    // A day and month without a year take the year that puts them nearest to
    // the latest full date of the text, or the URL's year and month.
    std::optional<ReleaseDate> reference;
    for (const auto* dates : {&title_dates, &body_dates}) {
        for (const DateMention& date : *dates) {
            if (date.year == 0) continue;
            const ReleaseDate candidate = from(date);
            if (!reference || std::tie(candidate.year, candidate.month, candidate.day) >
                                  std::tie(reference->year, reference->month, reference->day)) {
                reference = candidate;
            }
        }
    }
    if (url_year != 0) reference = ReleaseDate{url_year, url_month, 15};
    auto resolved = [&](const DateMention& date) -> std::optional<ReleaseDate> {
        if (!reference) return std::nullopt;
        if (url_month != 0 && url_month != date.month) return std::nullopt;
        const int year =
            nearest_year(date.month, date.day, reference->year, reference->month, reference->day);
        if (year == 0) return std::nullopt;
        return ReleaseDate{year, date.month, date.day};
    };
    // 7. A dateline without its year: "MOSCOW, June 6. /TASS/.".
    for (const DateMention& date : body_dates) {
        if (date.year != 0 || date.begin > lead.begin + kMaxDatelinePlace) continue;
        if (!is_dateline_place(body.substr(lead.begin, date.begin - lead.begin))) continue;
        if (auto release = resolved(date)) return release;
    }
    // 8. The lead's first date: "On 23 November 2025, representatives met",
    // "On January 28, the Presidents spoke".
    for (const DateMention& date : body_dates) {
        if (!lead.contains(date.begin)) continue;
        if (date.year != 0) return from(date);
        if (auto release = resolved(date)) return release;
        break;
    }
    return std::nullopt;
}

void add_mentioned_dates(const std::vector<DateMention>& dates, const std::string& release,
                         std::vector<std::string>& out) {
    int anchor_year = 0;
    int anchor_month = 0;
    int anchor_day = 0;
    if (release.size() == 10) {
        anchor_year = std::stoi(release.substr(0, 4));
        anchor_month = std::stoi(release.substr(5, 2));
        anchor_day = std::stoi(release.substr(8, 2));
    }
    int last_year = 0;
    int last_month = 0;
    int last_day = 0;
    for (const DateMention& date : dates) {
        if (date.year != 0) {
            out.push_back(iso_date(date.year, date.month, date.day));
            last_year = date.year;
            last_month = date.month;
            last_day = date.day;
            continue;
        }
        int year = 0;
        if (last_year != 0) {
            year = nearest_year(date.month, date.day, last_year, last_month, last_day);
        } else if (anchor_year != 0) {
            year = nearest_year(date.month, date.day, anchor_year, anchor_month, anchor_day);
        }
        if (year != 0) out.push_back(iso_date(year, date.month, date.day));
    }
}

// The state of an URL's country-code top-level domain ("https://www.1tv.ru/..."
// -> "RU"; ".uk" -> "GB"), or "" for generic domains (.com, .org, .gov).
std::string publisher_state(std::string_view url, const Gazetteer& gazetteer) {
    const std::size_t scheme = url.find("://");
    std::string_view host = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    host = host.substr(0, std::min(host.find('/'), host.size()));
    host = host.substr(0, std::min(host.find(':'), host.size()));
    const std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || host.size() - dot != 3) return {};
    std::string code{host.substr(dot + 1)};
    for (char& c : code) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (code == "UK") code = "GB";
    return gazetteer.party_type(code) == EntityType::kState ? code : std::string();
}

struct PartyScore {
    double score = 0;
    double body = 0;
    bool title = false;
    bool lead = false;
    bool format = false;
    bool lead_capital = false;
    std::size_t mentions = 0;
    std::size_t order = 0;  // first place in the document, title first
};

}  // namespace

FieldExtractor::FieldExtractor(const Gazetteer& gazetteer) : gazetteer_(&gazetteer) {}
FieldExtractor::~FieldExtractor() = default;
FieldExtractor::FieldExtractor(FieldExtractor&&) noexcept = default;
FieldExtractor& FieldExtractor::operator=(FieldExtractor&&) noexcept = default;

ExtractedFields FieldExtractor::extract(const Document& document) {
    const Analyzer& analyzer = scratch_.analyzer();
    return extract(document, analyzer.tokenize(document.title), analyzer.tokenize(document.body));
}

ExtractedFields FieldExtractor::extract(const Document& document,
                                        const std::vector<Token>& title_tokens,
                                        const std::vector<Token>& all_body_tokens) {
    const Analyzer& analyzer = scratch_.analyzer();
    ExtractedFields fields;
    // A body that belongs to another story says nothing about this one.
    const bool sidebar = is_sidebar(document);
    static const std::vector<Token> kNoTokens;
    const std::string_view body = sidebar ? std::string_view() : std::string_view(document.body);
    const std::vector<Token>& body_tokens = sidebar ? kNoTokens : all_body_tokens;
    std::string lang = document.lang;
    if (lang.empty()) {
        std::string sample = document.title;
        sample.append("\n").append(body);
        lang = analyzer.identify_language(sample);
    }

    // ---- Dates ----
    const std::vector<DateMention> title_dates = find_dates(title_tokens, document.title);
    const std::vector<DateMention> body_dates = find_dates(body_tokens, body);
    const Zones zones = body_zones(body, document.title, analyzer);
    const Span lead{zones.lead_begin, zones.lead_end};
    const Span repeated_title{0, zones.title_end};
    // Where a release states its dateline or the date of what it reports.
    const Span date_lead{0, zones.lead_end};
    if (!document.date.empty()) {
        fields.date = document.date;
    } else if (auto date = release_from_text(document, body, title_tokens, body_tokens, title_dates,
                                             body_dates, date_lead)) {
        fields.date = iso_date(date->year, date->month, date->day);
        fields.date_from_text = true;
    }
    add_mentioned_dates(title_dates, fields.date, fields.mentioned_dates);
    add_mentioned_dates(body_dates, fields.date, fields.mentioned_dates);
    std::sort(fields.mentioned_dates.begin(), fields.mentioned_dates.end());
    fields.mentioned_dates.erase(
        std::unique(fields.mentioned_dates.begin(), fields.mentioned_dates.end()),
        fields.mentioned_dates.end());

    // ---- Entities ----
    const std::vector<Span> datelines = dateline_spans(body, body_dates);
    std::vector<Located> located;
    auto add_mentions = [&](const std::vector<Token>& tokens, std::string_view text,
                            bool in_title) {
        std::vector<Mention> mentions = gazetteer_->find_mentions(tokens, text, lang, scratch_);
        // Two sides in one hyphenated compound: "российско-китайские", "US-China".
        std::vector<bool> member(mentions.size(), false);
        for (const Token& token : tokens) {
            if (!token.compound || token.link) continue;
            std::vector<std::size_t> inside;
            for (std::size_t i = 0; i < mentions.size(); ++i) {
                const Mention& m = mentions[i];
                if (m.kind != MentionKind::kForum && m.begin >= token.begin && m.end <= token.end) {
                    inside.push_back(i);
                }
            }
            if (inside.size() >= 2) {
                for (const std::size_t i : inside) member[i] = true;
            }
        }
        for (std::size_t i = 0; i < mentions.size(); ++i) {
            const Mention& m = mentions[i];
            Located item{
                m,        Place::kBody,
                in_title, member[i],
                false,    m.kind == MentionKind::kMetonym && after_locative(tokens, m.first_token)};
            if (in_title || repeated_title.contains(m.begin)) {
                item.place = Place::kTitle;
            } else {
                const bool in_dateline =
                    std::any_of(datelines.begin(), datelines.end(), [&](const Span& span) {
                        return span.contains(m.begin) &&
                               (!span.places_only || m.kind == MentionKind::kMetonym);
                    });
                if (in_dateline) continue;
                item.place = lead.contains(m.begin) ? Place::kLead : Place::kBody;
            }
            // "IAEA" in "IAEA Board of Governors", "UN" in "UN Security Council":
            // the organisation is where it happens, which is no sign of a side.
            if (m.kind != MentionKind::kForum && m.type == EntityType::kOrganisation) {
                item.inside_forum =
                    std::any_of(mentions.begin(), mentions.end(), [&](const Mention& other) {
                        return other.kind == MentionKind::kForum && other.begin <= m.begin &&
                               other.end >= m.end && other.end - other.begin > m.end - m.begin;
                    });
            }
            located.push_back(item);
        }
    };
    add_mentions(title_tokens, document.title, true);
    add_mentions(body_tokens, body, false);

    // Flags count as names of the state (or organisation: 🇪🇺, 🇺🇳) they spell.
    struct FlagMention {
        std::string code;
        Place place;
        std::size_t order;
    };
    std::vector<FlagMention> flags;
    for (const Flag& flag : find_flags(document.title)) {
        if (gazetteer_->party_type(flag.code))
            flags.push_back({flag.code, Place::kTitle, flag.begin});
    }
    for (const Flag& flag : find_flags(body)) {
        if (gazetteer_->party_type(flag.code)) {
            const Place place = repeated_title.contains(flag.begin) ? Place::kTitle
                                : lead.contains(flag.begin)         ? Place::kLead
                                                                    : Place::kBody;
            flags.push_back({flag.code, place, document.title.size() + 1 + flag.begin});
        }
    }

    // Mentioned: names and capitals, title first, then body order.
    std::vector<std::pair<std::size_t, std::string>> mentioned;
    for (const Located& item : located) {
        if (item.mention.kind != MentionKind::kName && item.mention.kind != MentionKind::kMetonym) {
            continue;
        }
        const std::size_t order =
            item.in_title ? item.mention.begin : document.title.size() + 1 + item.mention.begin;
        mentioned.emplace_back(order, std::string(item.mention.code));
    }
    for (const FlagMention& flag : flags) mentioned.emplace_back(flag.order, flag.code);
    std::stable_sort(mentioned.begin(), mentioned.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [order, code] : mentioned) {
        if (std::find(fields.mentioned.begin(), fields.mentioned.end(), code) ==
            fields.mentioned.end()) {
            fields.mentioned.push_back(code);
        }
    }

    // ---- Forum ----
    struct ForumEvidence {
        bool title = false;
        bool lead = false;
        int body = 0;
        double score() const {
            return (title ? kForumTitleWeight : 0) + (lead ? kForumLeadWeight : 0) +
                   std::min(kForumBodyCap, body * kForumBodyWeight);
        }
    };
    std::map<std::string, ForumEvidence, std::less<>> forum_evidence;
    bool bilateral_cue = false;
    for (const Located& item : located) {
        if (item.mention.kind != MentionKind::kForum) continue;
        const std::string code(item.mention.code);
        if (code == kBilateral) {
            if (item.place != Place::kBody) bilateral_cue = true;
            continue;
        }
        ForumEvidence& evidence = forum_evidence[code];
        if (item.place == Place::kTitle) evidence.title = true;
        if (item.place == Place::kLead) evidence.lead = true;
        if (item.place == Place::kBody) ++evidence.body;
    }
    std::map<std::string, double, std::less<>> forum_scores;
    for (const auto& [code, evidence] : forum_evidence) forum_scores[code] = evidence.score();
    std::string forum;
    double best = 0;
    for (const auto& [code, score] : forum_scores) {
        if (score >= kForumThreshold && score > best) {
            forum = code;
            best = score;
        }
    }
    // A body that names a more specific body of the chosen forum ("Permanent
    // Council" under an "OSCE" title) gets the specific one.
    for (bool narrowed = !forum.empty(); narrowed;) {
        narrowed = false;
        std::string child;
        double child_score = 0;
        for (const auto& [code, score] : forum_scores) {
            if (gazetteer_->forum_parent(code) == forum && score > child_score) {
                child = code;
                child_score = score;
            }
        }
        if (!child.empty()) {
            forum = child;
            narrowed = true;
        }
    }

    // ---- Parties ----
    std::map<std::string, PartyScore, std::less<>> parties;
    auto note = [&](const std::string& code, Place place, std::size_t order, bool weak,
                    bool capital) {
        PartyScore& party = parties[code];
        party.order = party.mentions == 0 ? order : std::min(party.order, order);
        ++party.mentions;
        // A capital after "in" is where things happen ("met in Cairo"), maybe a side.
        if (place == Place::kTitle && !weak && !capital) party.title = true;
        if (place == Place::kLead && !weak && !capital) party.lead = true;
        if (place != Place::kBody && capital) party.lead_capital = true;
        if (place == Place::kBody || weak)
            party.body = std::min(kBodyCap, party.body + kBodyWeight);
        return std::ref(party);
    };
    for (const Located& item : located) {
        if (item.mention.kind == MentionKind::kForum) continue;
        const std::size_t order =
            item.in_title ? item.mention.begin : document.title.size() + 1 + item.mention.begin;
        PartyScore& party = note(std::string(item.mention.code), item.place, order,
                                 item.inside_forum, item.locative);
        if (item.format_member && item.place != Place::kBody) party.format = true;
    }
    for (const FlagMention& flag : flags) note(flag.code, flag.place, flag.order, false, false);
    // The organisation a forum belongs to ("UN" of "UNSC") is where it happens.
    std::vector<std::string> venue;
    for (std::string at = gazetteer_->forum_parent(forum); !at.empty();
         at = gazetteer_->forum_parent(at)) {
        venue.push_back(at);
    }
    std::vector<std::pair<const std::string*, const PartyScore*>> ranked;
    for (auto& [code, party] : parties) {
        party.score = party.body + (party.title ? kTitleWeight : 0) +
                      (party.lead ? kLeadWeight : 0) + (party.format ? kFormatWeight : 0) +
                      (party.lead_capital && !party.lead ? kLeadCapitalWeight : 0);
        if (party.score < kPartyThreshold) continue;
        if (std::find(venue.begin(), venue.end(), code) != venue.end()) continue;
        ranked.emplace_back(&code, &party);
    }
    // Neither title nor lead names a side: the document is about the state it
    // names most (a minister's report, a domestic news item).
    if (ranked.empty()) {
        const std::pair<const std::string, PartyScore>* home = nullptr;
        for (const auto& entry : parties) {
            if (gazetteer_->party_type(entry.first) != EntityType::kState) continue;
            if (home == nullptr || entry.second.mentions > home->second.mentions) home = &entry;
        }
        if (home != nullptr) ranked.emplace_back(&home->first, &home->second);
    }
    // Nor does the rest: a news item with no name in it is domestic news of
    // its publisher, whose country the URL's country domain tells (1tv.ru).
    std::string publisher;
    if (ranked.empty()) {
        publisher = publisher_state(document.url, *gazetteer_);
        if (!publisher.empty()) fields.parties.push_back(publisher);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.second->score != b.second->score) return a.second->score > b.second->score;
        return a.second->order < b.second->order;
    });
    for (const auto& [code, party] : ranked) fields.parties.push_back(*code);

    // Talks, meetings and calls of exactly two sides, at no multilateral forum.
    if (forum.empty() && bilateral_cue && fields.parties.size() == 2) forum = kBilateral;
    fields.forum = forum;
    return fields;
}

}  // namespace chancery
