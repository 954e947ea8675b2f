// Tokens from UAX #29 segments (compounds, links, abbreviations, elision,
// look-alike letters) and stems from Xapian's Snowball stemmers.
#include "analyzers/analyzer.h"

#include "analyzers/normalizer.h"
#include "analyzers/stopwords.h"
#include "analyzers/word_segmenter.h"

#include <chancery/error.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <array>
#include <cctype>

namespace chancery {
namespace {

// French elided articles, pronouns and conjunctions, as they stand before the
// apostrophe: "l'OSCE", "d'Europe", "qu'il", "jusqu'au".
constexpr std::array<std::string_view, 13> kElisions = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

// Cyrillic-script languages (CLD2 codes) whose words the Russian stemmer would mangle.
constexpr std::array<std::string_view, 16> kOtherCyrillicLanguages = {
    "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg",
    "mn", "tt", "ba", "cv", "ab", "os", "ce", "sah"};

// Look-alike letters after case folding, Latin and Cyrillic, index for index.
// Case folding has already merged capitals into these: a Latin "M" in "MОСКВА"
// arrives here as "m", which stands for "м".
constexpr std::array<char32_t, 13> kLatinLookalikes = {'a', 'b', 'c', 'e', 'h', 'i', 'k',
                                                       'm', 'o', 'p', 't', 'x', 'y'};
constexpr std::array<char32_t, 13> kCyrillicLookalikes = {0x0430, 0x0432, 0x0441, 0x0435, 0x043D,
                                                          0x0456, 0x043A, 0x043C, 0x043E, 0x0440,
                                                          0x0442, 0x0445, 0x0443};

constexpr std::string_view kZeroWidthSpace = "\u200B";

bool is_ascii_alnum(unsigned char b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `text` starts with `lower_prefix` (ASCII, lower case), ignoring case.
bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
    if (text.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        if (ascii_lower(text[i]) != lower_prefix[i]) return false;
    }
    return true;
}

// True when the gap between two words joins them into a compound: a lone
// hyphen-minus, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, or en dash, which
// typesetters use unspaced between the parts of "Russia–Ukraine" and
// "1941–1945". Em dashes separate clauses instead.
bool is_compound_joiner(std::string_view gap) {
    return gap == "-" || gap == "\u2010" || gap == "\u2011" || gap == "\u2013";
}

// Letters of a normalised form by script, and the punctuation that calls for
// more work (abbreviations, host names, elision), found in the same pass.
struct ScriptCounts {
    int latin = 0;
    int cyrillic = 0;
    int other = 0;
    bool dot = false;
    bool apostrophe = false;
};

ScriptCounts count_scripts(std::string_view form) {
    ScriptCounts counts;
    const auto* bytes = reinterpret_cast<const uint8_t*>(form.data());
    const auto length = static_cast<int32_t>(form.size());
    for (int32_t i = 0; i < length;) {
        const uint8_t b = bytes[i];
        if (b < 0x80) {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
                ++counts.latin;
            } else if (b == '.') {
                counts.dot = true;
            } else if (b == '\'') {
                counts.apostrophe = true;
            }
            ++i;
            continue;
        }
        if ((b == 0xD0 || b == 0xD1) && i + 1 < length) {  // U+0400..U+047F: all letters
            ++counts.cyrillic;
            i += 2;
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status)) continue;  // no script: not a letter of any language here
        if (script == USCRIPT_LATIN) {
            ++counts.latin;
        } else if (script == USCRIPT_CYRILLIC) {
            ++counts.cyrillic;
        } else {
            ++counts.other;
        }
    }
    return counts;
}

Script majority_script(const ScriptCounts& counts) {
    if (counts.latin == 0 && counts.cyrillic == 0) return Script::kOther;
    if (counts.other > counts.latin && counts.other > counts.cyrillic) return Script::kOther;
    return counts.cyrillic >= counts.latin ? Script::kCyrillic : Script::kLatin;
}

void append_utf8(char32_t c, std::string& out) {
    // Only look-alike letters come here: valid code points, two bytes at most.
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), length, static_cast<UChar32>(c));
    out.append(buffer, static_cast<std::size_t>(length));
}

// Rewrites the minority script's letters of a mixed Latin/Cyrillic word into
// the majority's ("mосква" -> "москва") when every one of them has a look-alike;
// a word with a letter that has none ("яndex") is left alone.
void fold_lookalikes_in_word(std::string& form, const ScriptCounts& counts) {
    if (counts.latin == 0 || counts.cyrillic == 0 || counts.latin == counts.cyrillic) return;
    const bool to_cyrillic = counts.cyrillic > counts.latin;
    const auto& from = to_cyrillic ? kLatinLookalikes : kCyrillicLookalikes;
    const auto& to = to_cyrillic ? kCyrillicLookalikes : kLatinLookalikes;
    std::string folded;
    folded.reserve(form.size() + 8);
    const auto* bytes = reinterpret_cast<const uint8_t*>(form.data());
    const auto length = static_cast<int32_t>(form.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        const bool latin = c >= 0 && c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        const bool cyrillic = c >= 0x0400 && c <= 0x04FF;
        if ((to_cyrillic && latin) || (!to_cyrillic && cyrillic)) {
            std::size_t k = 0;
            while (k < from.size() && from[k] != static_cast<char32_t>(c)) ++k;
            if (k == from.size()) return;  // no look-alike: a real mixed word
            append_utf8(to[k], folded);
        } else {
            folded.append(form, static_cast<std::size_t>(start),
                          static_cast<std::size_t>(i - start));
        }
    }
    form = std::move(folded);
}

// fold_lookalikes_in_word() on each part of a hyphenated compound by itself:
// "iPhone-ом" is a Latin word and a Cyrillic ending, not a misspelling.
void fold_lookalikes(std::string& form, const ScriptCounts& counts) {
    if (form.find('-') == std::string::npos) {
        fold_lookalikes_in_word(form, counts);
        return;
    }
    std::string folded;
    folded.reserve(form.size());
    std::size_t from = 0;
    while (from <= form.size()) {
        std::size_t to = form.find('-', from);
        if (to == std::string::npos) to = form.size();
        std::string part = form.substr(from, to - from);
        fold_lookalikes_in_word(part, count_scripts(part));
        folded += part;
        if (to < form.size()) folded += '-';
        from = to + 1;
    }
    form = std::move(folded);
}

// "u.n" -> "un", "с.ш.а" -> "сша": single letters joined by dots.
bool strip_abbreviation_dots(std::string& form) {
    std::string letters;
    const auto* bytes = reinterpret_cast<const uint8_t*>(form.data());
    const auto length = static_cast<int32_t>(form.size());
    bool expect_letter = true;
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (expect_letter) {
            if (c < 0 || !u_isalpha(c)) return false;
            letters.append(form, static_cast<std::size_t>(start),
                           static_cast<std::size_t>(i - start));
        } else if (c != '.') {
            return false;
        }
        expect_letter = !expect_letter;
    }
    if (expect_letter) return false;  // ended on a dot: UAX #29 leaves the last dot out
    form = std::move(letters);
    return true;
}

// "l'osce" -> "osce": a French elided word before a Latin letter.
void strip_elision(std::string& form) {
    const std::size_t apostrophe = form.find('\'');
    if (apostrophe == std::string::npos || apostrophe + 1 >= form.size()) return;
    const auto next = static_cast<unsigned char>(form[apostrophe + 1]);
    // A Latin letter, ASCII or Latin-1 (à, é: lead byte 0xC3).
    if (!((next >= 'a' && next <= 'z') || next == 0xC3)) return;
    const std::string_view head(form.data(), apostrophe);
    for (const std::string_view elision : kElisions) {
        if (head == elision) {
            form.erase(0, apostrophe + 1);
            return;
        }
    }
}

// Top-level domains of three letters or more that name sites in these texts;
// two-letter ones are all country domains.
constexpr std::array<std::string_view, 16> kGenericDomains = {
    "com", "org",  "net",    "gov",  "edu", "int", "mil", "info",
    "biz", "news", "online", "site", "app", "dev", "io",  "media"};

// A host name ("mid.ru", "whitehouse.gov"): labels joined by dots, the last a
// country code or a generic top-level domain. Normalised Latin form.
bool looks_like_domain(std::string_view form) {
    const std::size_t dot = form.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == form.size()) return false;
    const std::string_view last = form.substr(dot + 1);
    for (const char c : last) {
        if (c < 'a' || c > 'z') return false;
    }
    if (last.size() == 2) return true;
    for (const std::string_view domain : kGenericDomains) {
        if (last == domain) return true;
    }
    return false;
}

// The end of the URL starting at `begin` ("http://", "https://", "ftp://" or
// "www."), or `begin` when there is none. An URL runs to a space, a quote or
// an angle bracket, less the punctuation that ends the sentence around it.
std::size_t url_end(std::string_view text, std::size_t begin, std::size_t& host_begin) {
    const std::string_view rest = text.substr(begin);
    std::size_t scheme = 0;
    for (const std::string_view prefix : {"https://", "http://", "ftp://"}) {
        if (starts_with_ignoring_case(rest, prefix)) scheme = prefix.size();
    }
    if (scheme == 0 && !starts_with_ignoring_case(rest, "www.")) return begin;
    host_begin = begin + scheme;
    // "www." alone is the end of a sentence about the web, not an URL.
    const std::size_t min_end = scheme > 0 ? host_begin : host_begin + 4;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    auto end = static_cast<int32_t>(host_begin);
    int parentheses = 0;
    int brackets = 0;
    while (end < length) {
        const uint8_t b = bytes[end];
        if (b < 0x80) {
            if (b <= 0x20 || b == 0x7F || b == '"' || b == '<' || b == '>' || b == '\\' ||
                b == '^' || b == '`' || b == '{' || b == '|' || b == '}') {
                break;
            }
            if (b == '(') ++parentheses;
            if (b == ')') --parentheses;
            if (b == '[') ++brackets;
            if (b == ']') --brackets;
            ++end;
            continue;
        }
        int32_t next = end;
        UChar32 c;
        U8_NEXT(bytes, next, length, c);
        if (c < 0 || !(u_isalnum(c) || u_getCombiningClass(c) > 0)) break;  // « » “ ” …
        end = next;
    }
    // Trailing punctuation belongs to the sentence: "(see https://mid.ru/)."
    while (end > static_cast<int32_t>(host_begin)) {
        const char c = text[static_cast<std::size_t>(end - 1)];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
            c == '*') {
            --end;
        } else if (c == ')' && parentheses < 0) {
            ++parentheses;
            --end;
        } else if (c == ']' && brackets < 0) {
            ++brackets;
            --end;
        } else {
            break;
        }
    }
    // A host needs a letter or digit ("http://" alone is no URL), and after
    // "www." a dot too ("www.x" is no host).
    bool alnum = false;
    bool dot = scheme > 0;
    for (std::size_t i = min_end; i < static_cast<std::size_t>(end); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '/' || b == '?' || b == '#') break;
        if (is_ascii_alnum(b) || b >= 0x80) alnum = true;
        if (b == '.' && alnum) dot = true;
    }
    return alnum && dot ? static_cast<std::size_t>(end) : begin;
}

bool is_email_local_byte(unsigned char b) {
    return is_ascii_alnum(b) || b == '.' || b == '_' || b == '%' || b == '+' || b == '-';
}

// The end of the e-mail address starting at `begin`, or `begin` when there is
// none: ASCII local part, '@', a domain of dotted labels ending in letters.
// `no_address_before` carries what earlier calls on the same text learnt: a
// start inside a run of local-part characters that held no address cannot
// begin one either, which keeps "a-b-c-...-z" linear rather than quadratic.
// `run_end` is where the run of local-part characters from `begin` ends.
std::size_t email_end(std::string_view text, std::size_t begin, std::size_t& at,
                      std::size_t& no_address_before, std::size_t& run_end) {
    run_end = begin;
    if (begin < no_address_before) return begin;
    std::size_t i = begin;
    while (i < text.size() && is_email_local_byte(static_cast<unsigned char>(text[i]))) ++i;
    no_address_before = i;
    run_end = i;
    if (i == begin || i >= text.size() || text[i] != '@' || text[i - 1] == '.') return begin;
    at = i;
    std::size_t end = i + 1;
    while (end < text.size()) {
        const auto b = static_cast<unsigned char>(text[end]);
        if (!(is_ascii_alnum(b) || b == '.' || b == '-')) break;
        ++end;
    }
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return begin;
    for (std::size_t k = dot + 1; k < domain.size(); ++k) {
        if (!std::isalpha(static_cast<unsigned char>(domain[k]))) return begin;
    }
    return end;
}

// The end of a host name that UAX #29 splits at a dot after a digit
// ("may9.ru": Numeric, MidNumLet, ALetter) within text[begin, run_end), a run
// of e-mail local-part characters; `begin` when it is no host. The host a URL
// or an e-mail address yields must be the same term as the host typed alone.
std::size_t bare_host_end(std::string_view text, std::size_t begin, std::size_t run_end) {
    std::size_t end = run_end;
    while (end > begin && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    std::string host;
    host.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == '_' || c == '%' || c == '+') return begin;
        host.push_back(ascii_lower(c));
    }
    return looks_like_domain(host) ? end : begin;
}

// The stemmer of a word of `script` in a text of language `lang`; see
// Analyzer::stemmer_language. Called for every token: the common languages
// are tested first.
detail::StemmerLanguage stemmer_for(Script script, std::string_view lang) {
    using detail::StemmerLanguage;
    switch (script) {
        case Script::kCyrillic:
            if (lang.empty() || lang == "ru" || lang == "en" || lang == "fr") {
                return StemmerLanguage::kRussian;
            }
            for (const std::string_view other : kOtherCyrillicLanguages) {
                if (lang == other) return StemmerLanguage::kNone;
            }
            return StemmerLanguage::kRussian;
        case Script::kLatin:
            return lang == "fr" ? StemmerLanguage::kFrench : StemmerLanguage::kEnglish;
        case Script::kOther:
            return StemmerLanguage::kNone;
    }
    return StemmerLanguage::kNone;
}

std::string_view stemmer_name(detail::StemmerLanguage language) {
    switch (language) {
        case detail::StemmerLanguage::kRussian:
            return "russian";
        case detail::StemmerLanguage::kEnglish:
            return "english";
        case detail::StemmerLanguage::kFrench:
            return "french";
        case detail::StemmerLanguage::kNone:
            return {};
    }
    return {};
}

}  // namespace

struct Analyzer::Internal {
    TextNormalizer normalizer;
    WordSegmenter segmenter;
    std::vector<WordSegment> segments;  // reused by tokenize()
    std::size_t no_address_before = 0;  // see email_end(); reset by tokenize()
    // Created on first use, by StemmerLanguage.
    std::array<std::unique_ptr<Xapian::Stem>, 4> stemmers;

    const Xapian::Stem* stemmer(detail::StemmerLanguage language) {
        if (language == detail::StemmerLanguage::kNone) return nullptr;
        std::unique_ptr<Xapian::Stem>& slot = stemmers[static_cast<std::size_t>(language)];
        if (!slot) {
            const std::string name(stemmer_name(language));
            try {
                slot = std::make_unique<Xapian::Stem>(name);
            } catch (const Xapian::Error& e) {
                throw Error("Xapian: cannot create the " + name +
                            " stemmer: " + e.get_description());
            }
        }
        return slot.get();
    }

    // A token of text[begin, end): normalised form, script and flags.
    Token word(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t position) {
        Token token;
        token.form.reserve(end - begin);
        normalizer.append(text.substr(begin, end - begin), token.form);
        token.begin = begin;
        token.end = end;
        token.position = position;
        if (token.form.empty()) return token;
        ScriptCounts counts = count_scripts(token.form);
        if (counts.dot && strip_abbreviation_dots(token.form)) counts = count_scripts(token.form);
        if (counts.latin > 0 && counts.cyrillic > 0) {
            fold_lookalikes(token.form, counts);
            counts = count_scripts(token.form);
        }
        token.script = majority_script(counts);
        if (token.script == Script::kLatin) {
            if (counts.apostrophe) strip_elision(token.form);
            if (counts.dot) token.link = looks_like_domain(token.form);
        }
        token.numeric = token.form[0] >= '0' && token.form[0] <= '9';
        return token;
    }

    // A token of a link or a link's part, written as normalised, unstemmed.
    Token link(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t position,
               bool whole) {
        Token token;
        normalizer.append(text.substr(begin, end - begin), token.form);
        if (starts_with_ignoring_case(token.form, "www.")) token.form.erase(0, 4);
        while (token.form.size() > 1 && token.form.back() == '/') token.form.pop_back();
        token.begin = begin;
        token.end = end;
        token.position = position;
        token.script = majority_script(count_scripts(token.form));
        token.compound = whole;
        token.link = true;
        return token;
    }

    // Adds a word with dots that is neither an abbreviation nor a host name as
    // a compound of its dotted parts: "им.Горького", "Mr.Smith", and the
    // missing space of "года.Президент", where UAX #29 (MidNumLet) sees one word.
    void add_dotted(std::string_view text, Token whole, std::uint32_t& position,
                    std::vector<Token>& tokens) {
        const std::size_t begin = whole.begin;
        const std::size_t end = whole.end;
        whole.compound = true;
        tokens.push_back(std::move(whole));
        std::size_t from = begin;
        for (std::size_t at = begin; at <= end;) {
            std::size_t dot = 0;  // length of a full stop at `at`: . ․ ﹒ ．
            if (at < end) {
                const std::string_view rest = text.substr(at, end - at);
                if (rest[0] == '.') {
                    dot = 1;
                } else if (rest.substr(0, 3) == "\u2024" || rest.substr(0, 3) == "\uFE52" ||
                           rest.substr(0, 3) == "\uFF0E") {
                    dot = 3;
                }
            }
            if (at == end || dot > 0) {
                if (at > from) {
                    Token part = word(text, from, at, position);
                    if (!part.form.empty()) {
                        tokens.push_back(std::move(part));
                        ++position;
                    }
                }
                if (at == end) break;
                at += dot;
                from = at;
            } else {
                ++at;
            }
        }
    }

    // Adds the tokens of the URL or e-mail address that starts at segment
    // `first`; returns the index of the first segment after it, or `first`
    // when no link starts there.
    std::size_t add_link(std::string_view text, std::size_t first, std::uint32_t& position,
                         std::vector<Token>& tokens) {
        const WordSegment& segment = segments[first];
        std::size_t host = 0;
        std::size_t end = segment.begin;
        const char after = segment.end < text.size() ? text[segment.end] : ' ';
        if (after == ':' || starts_with_ignoring_case(text.substr(segment.begin), "www.")) {
            end = url_end(text, segment.begin, host);
            if (end > segment.begin) {
                std::size_t host_end = host;
                while (host_end < end && text[host_end] != '/' && text[host_end] != '?' &&
                       text[host_end] != '#' && text[host_end] != ':') {
                    ++host_end;
                }
                Token whole = link(text, host, end, position, true);
                whole.begin = segment.begin;
                Token part = link(text, host, host_end, position, false);
                if (part.form != whole.form) tokens.push_back(std::move(whole));
                tokens.push_back(std::move(part));
                ++position;
            }
        } else if (after == '@' || after == '.' || after == '-' || after == '_' || after == '+' ||
                   after == '%' ||
                   text.substr(segment.begin, segment.end - segment.begin).find('@') !=
                       std::string_view::npos) {
            // ICU keeps "press.service@mid.ru" in one segment, but not "ivan-ivanov@mid.ru".
            std::size_t at = 0;
            std::size_t run_end = 0;
            end = email_end(text, segment.begin, at, no_address_before, run_end);
            if (end > segment.begin) {
                tokens.push_back(link(text, segment.begin, end, position, true));
                tokens.push_back(link(text, segment.begin, at, position++, false));
                tokens.push_back(link(text, at + 1, end, position++, false));
            } else if (after == '.' && run_end > segment.end) {
                end = bare_host_end(text, segment.begin, run_end);
                if (end > segment.end) {
                    tokens.push_back(link(text, segment.begin, end, position++, false));
                } else {
                    end = segment.begin;
                }
            }
        }
        if (end == segment.begin) return first;
        std::size_t next = first;
        while (next < segments.size() && segments[next].begin < end) ++next;
        return next;
    }
};

Analyzer::Analyzer() : internal_(std::make_unique<Internal>()) {}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::string Analyzer::normalize(std::string_view text) const { return internal_->normalizer(text); }

std::vector<Token> Analyzer::tokenize(std::string_view text, std::uint32_t first_position) const {
    Internal& in = *internal_;
    std::vector<WordSegment>& raw = in.segments;
    in.segmenter.words(text, raw);

    // UAX #29 breaks at a zero-width space, which web pages put inside long
    // words as a line-break hint: such pieces are one word.
    if (text.find(kZeroWidthSpace) != std::string_view::npos) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (kept > 0) {
                std::string_view gap =
                    text.substr(raw[kept - 1].end, raw[i].begin - raw[kept - 1].end);
                while (gap.substr(0, kZeroWidthSpace.size()) == kZeroWidthSpace) {
                    gap.remove_prefix(kZeroWidthSpace.size());
                }
                if (gap.empty() && raw[i].begin > raw[kept - 1].end) {
                    raw[kept - 1].end = raw[i].end;
                    continue;
                }
            }
            raw[kept++] = raw[i];
        }
        raw.resize(kept);
    }

    in.no_address_before = 0;
    std::vector<Token> tokens;
    tokens.reserve(raw.size() + raw.size() / 8);
    std::uint32_t position = first_position;
    for (std::size_t i = 0; i < raw.size();) {
        if (const std::size_t next = in.add_link(text, i, position, tokens); next > i) {
            i = next;
            continue;
        }
        // A compound: words joined by single hyphens with nothing else between.
        std::size_t last = i;
        while (last + 1 < raw.size() && is_compound_joiner(text.substr(
                                            raw[last].end, raw[last + 1].begin - raw[last].end))) {
            ++last;
        }
        if (last > i) {
            Token whole = in.word(text, raw[i].begin, raw[last].end, position);
            whole.compound = true;
            whole.link = false;
            if (!whole.form.empty()) tokens.push_back(std::move(whole));
        }
        for (std::size_t part = i; part <= last; ++part) {
            Token token = in.word(text, raw[part].begin, raw[part].end, position);
            if (token.form.empty()) continue;
            if (last == i && !token.link && token.script != Script::kOther &&
                token.form.find('.') != std::string::npos) {
                in.add_dotted(text, std::move(token), position, tokens);
                continue;
            }
            tokens.push_back(std::move(token));
            ++position;
        }
        i = last + 1;
    }
    return tokens;
}

std::string_view Analyzer::stemmer_language(Script script, std::string_view lang) {
    return stemmer_name(stemmer_for(script, lang));
}

std::string Analyzer::stem(std::string_view form, Script script, std::string_view lang) const {
    const Xapian::Stem* stemmer = internal_->stemmer(stemmer_for(script, lang));
    if (stemmer == nullptr) return std::string(form);
    return (*stemmer)(std::string(form));
}

std::string Analyzer::index_stem(const Token& token, std::string_view lang) const {
    if (token.numeric || token.link) return token.form;
    const detail::StemmerLanguage language = stemmer_for(token.script, lang);
    if (detail::is_stopword(language, token.form)) return {};
    const Xapian::Stem* stemmer = internal_->stemmer(language);
    if (stemmer == nullptr) return token.form;
    return (*stemmer)(token.form);
}

std::vector<std::string> Analyzer::query_stems(const Token& token) const {
    std::vector<std::string> stems;
    std::string first = index_stem(token, {});
    if (first.empty()) return stems;
    stems.push_back(std::move(first));
    auto add = [&](std::string stem) {
        if (stem.empty()) return;
        for (const std::string& known : stems) {
            if (known == stem) return;
        }
        stems.push_back(std::move(stem));
    };
    if (token.script == Script::kCyrillic) add(index_stem(token, "uk"));
    if (token.script == Script::kLatin) add(index_stem(token, "fr"));
    return stems;
}

bool Analyzer::is_stopword(std::string_view form, Script script, std::string_view lang) const {
    return detail::is_stopword(stemmer_for(script, lang), form);
}

}  // namespace chancery
