// The index schema: every term prefix, value slot and weight that the indexer
// writes and the searcher reads. Nothing else names a prefix or a slot.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace chancery::schema {

// Metadata key whose presence marks a Chancery database, and its value.
inline constexpr std::string_view kSchemaKey = "chancery:schema";
inline constexpr std::string_view kSchemaVersion = "2";

// ---- Term prefixes (Xapian convention: capital letters) ----
inline constexpr std::string_view kIdPrefix = "Q";        // Q<id>: unique id term
inline constexpr std::string_view kLangPrefix = "L";      // Lru
inline constexpr std::string_view kDatePrefix = "D";      // D20210928: release date
inline constexpr std::string_view kYearPrefix = "Y";      // Y2021
inline constexpr std::string_view kMonthPrefix = "M";     // M202109
inline constexpr std::string_view kPartyPrefix = "P";     // PFR, POSCE
inline constexpr std::string_view kForumPrefix = "F";     // FOSCE, FUNGA, FBILATERAL
inline constexpr std::string_view kMentionedPrefix = "E";  // EFR: a state or organisation named
inline constexpr std::string_view kMentionedDatePrefix = "A";  // A20210928: a date mentioned
inline constexpr std::string_view kGroupPrefix = "G";     // G<group>: language versions
inline constexpr std::string_view kTitlePrefix = "S";     // S<form>: words of the title
// Stems carry Z before the field prefix: Z<stem> for the text, ZS<stem> for titles.
inline constexpr std::string_view kStemPrefix = "Z";

// ---- Value slots ----
inline constexpr Xapian::valueno kDateSlot = 0;   // YYYYMMDD, sorts as a string
inline constexpr Xapian::valueno kLangSlot = 1;   // "ru"
inline constexpr Xapian::valueno kForumSlot = 2;  // forum code
inline constexpr Xapian::valueno kYearSlot = 3;   // "2021"
inline constexpr Xapian::valueno kMonthSlot = 4;  // "2021-09"
inline constexpr Xapian::valueno kIdSlot = 5;     // the id, for deterministic tie-breaks
inline constexpr Xapian::valueno kGroupSlot = 6;  // group, for collapsing translations
// The order of equal scores, as one string that sorts ascending: newest first,
// undated last, then by id. One slot, because Xapian's remote backend sorts by a
// value but not by a KeyMaker (see tie_break_key).
inline constexpr Xapian::valueno kTieBreakSlot = 7;
// A document's parties as one value: their codes sorted and joined by
// kPartySeparator ("FR\x1fRU"). One plain ValueCountMatchSpy (which remote
// shard servers know) counts each combination over the match set, and the
// searcher splits the combinations: a document with RU and FR counts once under
// each, exactly, at the cost of one value per match.
inline constexpr Xapian::valueno kPartiesSlot = 8;
inline constexpr char kPartySeparator = '\x1f';

// ---- Positions and weights ----
// The title is indexed into the text field too, each word counting this many
// times, so BM25 weighs a title word above a body word.
inline constexpr Xapian::termcount kTitleWdf = 3;
// Positions of the body start this far after the title's last word, so that a
// phrase never spans the title and the body.
inline constexpr Xapian::termpos kBodyPositionGap = 100;

// Longest word form indexed, in bytes, leaving room for prefixes within
// Xapian's 245-byte term limit.
inline constexpr std::size_t kMaxTermBytes = 200;

inline std::string term(std::string_view prefix, std::string_view value) {
    std::string result;
    result.reserve(prefix.size() + value.size());
    result.append(prefix).append(value);
    return result;
}

// "2021-09-28" -> "20210928" (the date value and the D term's suffix).
inline std::string compact_date(std::string_view iso_date) {
    std::string compact;
    for (const char c : iso_date) {
        if (c != '-') compact.push_back(c);
    }
    return compact;
}

// kTieBreakSlot's value: each digit of YYYYMMDD complemented to 9 (so later
// dates sort first; no date is "99999999", last), then the id.
inline std::string tie_break_key(std::string_view compact_date_value, std::string_view id) {
    std::string key = compact_date_value.size() == 8 ? std::string(compact_date_value)
                                                     : std::string("00000000");
    for (char& c : key) c = static_cast<char>('9' - (c - '0'));
    key.append(id);
    return key;
}

}  // namespace chancery::schema
