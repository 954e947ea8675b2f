// Normalisation, word segmentation and stemming with ICU and Xapian's Snowball stemmers.
#include "analyzers/analyzer.h"

#include "analyzers/stopwords.h"

#include <chancery/error.h>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <map>

namespace chancery {
namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// The hyphens that join a compound: ASCII hyphen-minus, U+2010 HYPHEN and
// U+2011 NON-BREAKING HYPHEN. En and em dashes separate words instead.
std::size_t hyphen_length(std::string_view text) {
    if (text == "-") return 1;
    if (text == "\u2010" || text == "\u2011") return 3;
    return 0;
}

// Characters that the normaliser unifies after NFKC case folding.
UChar unify(UChar c) {
    switch (c) {
        case 0x0451: return 0x0435;  // ё -> е
        case 0x2018:                 // left single quotation mark
        case 0x2019:                 // right single quotation mark
        case 0x02BC:                 // modifier letter apostrophe
        case 0x0060:                 // grave accent used as an apostrophe
        case 0x00B4: return 0x0027;  // acute accent used as an apostrophe
        case 0x2010:
        case 0x2011: return 0x002D;  // hyphens -> hyphen-minus
        default: return c;
    }
}

Script script_of(std::string_view form) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(form.data());
    const auto length = static_cast<int32_t>(form.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_LATIN) return Script::kLatin;
        if (script == USCRIPT_CYRILLIC) return Script::kCyrillic;
        return Script::kOther;
    }
    return Script::kOther;
}

// "u.n" -> "un", "с.ш.а" -> "сша": single letters joined by dots.
bool strip_abbreviation_dots(std::string& form) {
    if (form.find('.') == std::string::npos) return false;
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
            letters.append(form, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        } else if (c != '.') {
            return false;
        }
        expect_letter = !expect_letter;
    }
    if (expect_letter) return false;  // ended on a dot: "u.n." is cut before the last dot
    form = std::move(letters);
    return true;
}

struct RawWord {
    std::size_t begin;
    std::size_t end;
};

}  // namespace

struct Analyzer::Internal {
    const icu::Normalizer2* normalizer = nullptr;
    std::unique_ptr<icu::BreakIterator> words;
    std::map<std::string, Xapian::Stem, std::less<>> stemmers;

    std::string normalize(std::string_view text) const {
        if (is_ascii(text)) {
            std::string form(text);
            for (char& c : form) {
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                if (c == '`') c = '\'';
            }
            return form;
        }
        const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
            icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString folded = normalizer->normalize(source, status);
        check(status, "NFKC_Casefold");
        for (int32_t i = 0; i < folded.length(); ++i) {
            const UChar c = folded.charAt(i);
            const UChar u = unify(c);
            if (u != c) folded.setCharAt(i, u);
        }
        std::string form;
        folded.toUTF8String(form);
        return form;
    }

    const Xapian::Stem* stemmer(std::string_view language) {
        if (language.empty()) return nullptr;
        auto it = stemmers.find(language);
        if (it == stemmers.end()) {
            it = stemmers.emplace(std::string(language), Xapian::Stem(std::string(language)))
                     .first;
        }
        return &it->second;
    }
};

Analyzer::Analyzer() : internal_(std::make_unique<Internal>()) {
    UErrorCode status = U_ZERO_ERROR;
    internal_->normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    check(status, "cannot load the NFKC_Casefold normaliser");
    internal_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "cannot create a word break iterator");
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::string Analyzer::normalize(std::string_view text) const {
    return internal_->normalize(text);
}

std::vector<Token> Analyzer::tokenize(std::string_view text, std::uint32_t first_position) const {
    std::vector<RawWord> raw;
    {
        UErrorCode status = U_ZERO_ERROR;
        UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()),
                                      &status);
        check(status, "cannot open text");
        icu::BreakIterator& words = *internal_->words;
        words.setText(utext, status);
        if (U_FAILURE(status)) utext_close(utext);
        check(status, "cannot segment text");
        int32_t start = words.first();
        for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
             start = end, end = words.next()) {
            if (words.getRuleStatus() >= UBRK_WORD_NUMBER) {
                raw.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
            }
        }
        // Detach the iterator from the text before the text goes away.
        words.setText(icu::UnicodeString());
        utext_close(utext);
    }

    std::vector<Token> tokens;
    tokens.reserve(raw.size() + raw.size() / 8);
    std::uint32_t position = first_position;
    auto make_token = [&](std::size_t begin, std::size_t end, std::uint32_t at) {
        Token token;
        token.form = internal_->normalize(text.substr(begin, end - begin));
        strip_abbreviation_dots(token.form);
        token.begin = begin;
        token.end = end;
        token.position = at;
        token.script = script_of(token.form);
        token.numeric = !token.form.empty() && token.form[0] >= '0' && token.form[0] <= '9';
        return token;
    };
    for (std::size_t i = 0; i < raw.size();) {
        // A compound: words joined by single hyphens with nothing else between.
        std::size_t last = i;
        while (last + 1 < raw.size() &&
               hyphen_length(text.substr(raw[last].end, raw[last + 1].begin - raw[last].end)) > 0) {
            ++last;
        }
        if (last > i) {
            Token whole = make_token(raw[i].begin, raw[last].end, position);
            whole.compound = true;
            tokens.push_back(std::move(whole));
        }
        for (std::size_t part = i; part <= last; ++part) {
            Token token = make_token(raw[part].begin, raw[part].end, position++);
            if (!token.form.empty()) tokens.push_back(std::move(token));
        }
        i = last + 1;
    }
    return tokens;
}

std::string_view Analyzer::stemmer_language(Script script, std::string_view lang) {
    switch (script) {
        case Script::kCyrillic:
            if (lang == "ru" || lang.empty() || lang == "en" || lang == "fr") return "russian";
            return {};  // Ukrainian, Belarusian, Bulgarian...: no Russian stemming
        case Script::kLatin:
            if (lang == "fr") return "french";
            return "english";
        case Script::kOther:
            return {};
    }
    return {};
}

std::string Analyzer::stem(std::string_view form, Script script, std::string_view lang) const {
    const Xapian::Stem* stemmer = internal_->stemmer(stemmer_language(script, lang));
    if (stemmer == nullptr) return std::string(form);
    return (*stemmer)(std::string(form));
}

std::string Analyzer::index_stem(const Token& token, std::string_view lang) const {
    if (token.numeric) return token.form;
    if (is_stopword(token.form, token.script, lang)) return {};
    return stem(token.form, token.script, lang);
}

bool Analyzer::is_stopword(std::string_view form, Script script, std::string_view lang) const {
    return detail::is_stopword(stemmer_language(script, lang), form);
}

}  // namespace chancery
