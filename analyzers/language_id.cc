// Language identification: the script of the letters first, then CLD2, with the
// letters that only Ukrainian or only Russian uses to tell the two apart.
//
// CLD2 alone is weak exactly where these corpora are hard: on a few hundred
// bytes of Russian it may answer nothing at all (and its simple API then says
// "English"), or Serbian or Ukrainian at 50%. The alphabets settle most of
// those cases: і ї є ґ are Ukrainian and never Russian, ы э ё Russian and never
// Ukrainian, so a short news lead with "ы" and no "і" is Russian whatever the
// quadgrams say.
#include "analyzers/analyzer.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <array>
#include <string>

namespace chancery {
namespace {

// CLD2 looks at the first bytes only: enough to decide, and bounded on
// 160,000-character transcripts.
constexpr std::size_t kMaxBytes = 8192;
// Below this many bytes of letters, a declared language is only overruled by
// the script (Cyrillic text declared English).
constexpr int kMinTextBytesToOverrule = 200;
// A declared language is kept while CLD2 finds at least this share of the text
// in it: a bilingual release declared English stays English.
constexpr int kDeclaredKeptPercent = 30;
// CLD2's answer for a text whose languages are close in share: the first of
// these languages within this many percentage points of the top one, since the
// engine stems, and most documents are in, these languages.
constexpr int kPreferredMarginPercent = 10;
constexpr std::array<std::string_view, 4> kPreferred = {"ru", "en", "uk", "fr"};

// Letters of the sample that tell languages and scripts apart.
struct LetterStats {
    int latin = 0;
    int cyrillic = 0;
    int other = 0;               // letters of other scripts (approximate: non-ASCII, non-Cyrillic)
    int russian_only = 0;        // ы э ё: Russian, never Ukrainian (Belarusian has ы э too)
    int ukrainian_only = 0;      // і ї є ґ
    int belarusian_only = 0;     // ў
    int serbian_macedonian = 0;  // ђ ј љ њ ћ џ ѓ ќ ѕ
    int other_cyrillic = 0;      // U+0460..U+04FF but ґ: Kazakh, Tatar, Bashkir... letters
};

LetterStats letter_stats(std::string_view text) {
    LetterStats stats;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    for (std::size_t i = 0; i < size;) {
        const unsigned char b = bytes[i];
        if (b < 0x80) {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++stats.latin;
            ++i;
            continue;
        }
        if (b >= 0xD0 && b <= 0xD3 && i + 1 < size) {
            const char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
            i += 2;
            if (c >= 0x0482 && c <= 0x0489) continue;  // Cyrillic signs, not letters
            ++stats.cyrillic;
            const char32_t lower = c >= 0x0400 && c <= 0x040F   ? c + 0x50
                                   : c >= 0x0410 && c <= 0x042F ? c + 0x20
                                   : c == 0x0490                ? 0x0491
                                                                : c;
            switch (lower) {
                case 0x044B:
                case 0x044D:
                case 0x0451:  // ы э ё
                    ++stats.russian_only;
                    break;
                case 0x0456:
                case 0x0457:
                case 0x0454:
                case 0x0491:  // і ї є ґ
                    ++stats.ukrainian_only;
                    break;
                case 0x045E:  // ў
                    ++stats.belarusian_only;
                    break;
                case 0x0452:
                case 0x0458:
                case 0x0459:
                case 0x045A:
                case 0x045B:
                case 0x045F:
                case 0x0453:
                case 0x045C:
                case 0x0455:  // ђ ј љ њ ћ џ ѓ ќ ѕ
                    ++stats.serbian_macedonian;
                    break;
                default:
                    if (lower >= 0x0460) ++stats.other_cyrillic;
            }
            continue;
        }
        // Other scripts, roughly by lead byte: Latin-1 and Latin Extended
        // letters (U+00C0..U+027F) count as Latin; Greek, Hebrew, Arabic, Indic,
        // CJK and Hangul as other; punctuation, symbols and emoji (E2, EF, F0..)
        // as nothing.
        if (b >= 0xC3 && b <= 0xC9) {
            ++stats.latin;
        } else if ((b >= 0xCE && b <= 0xCF) || (b >= 0xD4 && b <= 0xE1) ||
                   (b >= 0xE3 && b <= 0xED)) {
            ++stats.other;
        }
        ++i;
        while (i < size && (bytes[i] & 0xC0) == 0x80) ++i;
    }
    return stats;
}

// A cut that does not split a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

bool is_preferred(std::string_view lang) {
    for (const std::string_view preferred : kPreferred) {
        if (lang == preferred) return true;
    }
    return false;
}

bool is_cyrillic_language(std::string_view lang) {
    for (const std::string_view cyrillic : {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg",
                                            "mn", "tt", "ba", "cv", "ab", "os", "ce", "sah"}) {
        if (lang == cyrillic) return true;
    }
    return false;
}

// CLD2's view of a text: the languages with their shares of the text.
struct Cld2Result {
    std::array<std::string, 3> languages;  // "" where CLD2 found none
    std::array<int, 3> percents{};
    int text_bytes = 0;
    bool reliable = false;

    [[nodiscard]] int percent_of(std::string_view lang) const {
        for (std::size_t i = 0; i < languages.size(); ++i) {
            if (languages[i] == lang) return percents[i];
        }
        return 0;
    }

    // The language with the largest share among those `accept` allows, a
    // preferred language winning within kPreferredMarginPercent of the top.
    template <typename Accept>
    [[nodiscard]] std::string top(Accept accept) const {
        int best = -1;
        for (std::size_t i = 0; i < languages.size(); ++i) {
            if (!languages[i].empty() && accept(languages[i])) {
                if (best < 0) best = static_cast<int>(i);
            }
        }
        if (best < 0) return {};
        const auto b = static_cast<std::size_t>(best);
        if (!is_preferred(languages[b])) {
            for (std::size_t i = b + 1; i < languages.size(); ++i) {
                if (!languages[i].empty() && accept(languages[i]) && is_preferred(languages[i]) &&
                    percents[b] - percents[i] <= kPreferredMarginPercent) {
                    return languages[i];
                }
            }
        }
        return languages[b];
    }
};

Cld2Result run_cld2(std::string_view sample) {
    CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language language3[3];
    int percent3[3];
    double scores3[3];
    Cld2Result result;
    CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()),
                                   /*is_plain_text=*/true, &hints, /*flags=*/0, language3, percent3,
                                   scores3, /*resultchunkvector=*/nullptr, &result.text_bytes,
                                   &result.reliable);
    for (std::size_t i = 0; i < 3; ++i) {
        if (language3[i] != CLD2::UNKNOWN_LANGUAGE && language3[i] != CLD2::TG_UNKNOWN_LANGUAGE) {
            result.languages[i] = CLD2::LanguageCode(language3[i]);
            result.percents[i] = percent3[i];
        }
    }
    return result;
}

// The language of mostly Cyrillic text. A language CLD2 names that the letters
// support (Serbian with ђ or ј, Belarusian with ў...) stands; else Ukrainian
// against Russian by their own letters, CLD2 deciding when they do not.
std::string cyrillic_language(const LetterStats& letters, const Cld2Result& cld2) {
    const std::string named = cld2.top(is_cyrillic_language);
    if (named == "sr" || named == "mk") {
        if (letters.serbian_macedonian > 0) return named;
    } else if (named == "be") {
        if (letters.belarusian_only > 0) return named;
    } else if (named == "bg") {
        if (letters.russian_only == 0 && letters.ukrainian_only == 0) return named;
    } else if (!named.empty() && named != "ru" && named != "uk") {
        if (letters.other_cyrillic > 0) return named;
    }
    const int ukrainian = letters.ukrainian_only;
    const int russian = letters.russian_only;
    if (ukrainian >= 2 && ukrainian > 2 * russian) return "uk";
    if (russian >= 1 && russian > 2 * ukrainian) return "ru";
    if (named == "uk" || named == "ru") return named;
    return ukrainian > russian ? "uk" : "ru";
}

}  // namespace

std::string Analyzer::identify_language(std::string_view text, std::string_view declared) const {
    const std::string_view sample = utf8_prefix(text, kMaxBytes);
    const LetterStats letters = letter_stats(sample);
    if (letters.latin == 0 && letters.cyrillic == 0 && letters.other == 0) {
        return std::string(declared);
    }
    const Cld2Result cld2 = run_cld2(sample);

    std::string detected;
    const bool cyrillic = letters.cyrillic > letters.latin && letters.cyrillic >= letters.other;
    const bool latin = letters.latin >= letters.cyrillic && letters.latin >= letters.other;
    if (cyrillic) {
        detected = cyrillic_language(letters, cld2);
    } else if (latin) {
        // "xx-Qaai" and the like name scripts (emoji keycaps), not languages.
        auto is_latin_language = [](std::string_view lang) {
            return !is_cyrillic_language(lang) && lang.substr(0, 3) != "xx-";
        };
        detected = cld2.top(is_latin_language);
        // On a headline CLD2 guesses Uzbek or Malay from a few names: when it
        // is not sure, one of the engine's languages it saw, else English.
        if (!cld2.reliable && !is_preferred(detected)) {
            detected = cld2.top([&](std::string_view lang) {
                return is_latin_language(lang) && is_preferred(lang);
            });
        }
        if (detected.empty()) detected = "en";
    } else {
        detected = cld2.top([](std::string_view) { return true; });
    }

    if (declared.empty() || detected.empty() || detected == declared) {
        return detected.empty() ? std::string(declared) : detected;
    }
    // The script contradicts the declared language: Cyrillic text declared
    // English, or Latin text declared Russian.
    if (letters.cyrillic + letters.latin >= 20 && ((cyrillic && !is_cyrillic_language(declared)) ||
                                                   (latin && is_cyrillic_language(declared)))) {
        return detected;
    }
    if (cld2.text_bytes < kMinTextBytesToOverrule) return std::string(declared);
    // Ukrainian declared Russian or the reverse: the alphabets are decisive.
    if ((declared == "ru" && detected == "uk") || (declared == "uk" && detected == "ru")) {
        return detected;
    }
    if (cld2.reliable && cld2.percent_of(declared) < kDeclaredKeptPercent &&
        cld2.percent_of(detected) > kDeclaredKeptPercent) {
        return detected;
    }
    return std::string(declared);
}

}  // namespace chancery
