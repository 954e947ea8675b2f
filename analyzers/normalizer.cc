// NFKC_Casefold with ICU on UTF-8, plus Chancery's unifications, with a fast
// path for the ASCII and Russian/Ukrainian letters that make up nearly all text.
#include "analyzers/normalizer.h"

#include <chancery/error.h>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace chancery {
namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

void append_utf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// A folded Cyrillic letter (U+0400..U+04FF) after Chancery's own unifications.
char32_t unify_cyrillic(char32_t c) {
    switch (c) {
        case 0x0451:
            return 0x0435;  // ё -> е
        case 0x0450:
            return 0x0435;  // ѐ (stressed е) -> е
        case 0x045D:
            return 0x0438;  // ѝ (stressed и) -> и
        default:
            return c;
    }
}

// Applies the unifications to ICU's NFKC_Casefold output (valid UTF-8).
void unify(std::string_view folded, std::string& out) {
    bool after_cyrillic = false;  // the last base character was a Cyrillic letter
    const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
    const std::size_t size = folded.size();
    for (std::size_t i = 0; i < size;) {
        const unsigned char b = bytes[i];
        if (b < 0x80) {
            out.push_back(b == '`' ? '\'' : static_cast<char>(b));
            after_cyrillic = false;
            ++i;
            continue;
        }
        int32_t next = static_cast<int32_t>(i);
        UChar32 c;
        U8_NEXT(bytes, next, static_cast<int32_t>(size), c);
        const auto length = static_cast<std::size_t>(next) - i;
        if (c == 0x0300 || c == 0x0301) {
            // Stress marks on Cyrillic vowels: "замо́к" is "замок".
            if (!after_cyrillic) out.append(folded.substr(i, length));
        } else if (c >= 0x0400 && c <= 0x04FF) {
            UChar32 u = static_cast<UChar32>(unify_cyrillic(static_cast<char32_t>(c)));
            append_utf8(static_cast<char32_t>(u), out);
            after_cyrillic = true;
        } else if (c == 0x2018 || c == 0x2019 || c == 0x02BC) {
            out.push_back('\'');
            after_cyrillic = false;
        } else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) {
            out.push_back('-');
            after_cyrillic = false;
        } else {
            out.append(folded.substr(i, length));
            // Combining marks keep the base they follow.
            if (u_getCombiningClass(c) == 0) after_cyrillic = false;
        }
        i = static_cast<std::size_t>(next);
    }
}

// The fast path: ASCII, Cyrillic U+0400..U+045F and U+0490/U+0491 (Ґ ґ),
// apostrophes, hyphens and dashes, and the invisible characters that
// NFKC_Casefold drops. None of them composes with a neighbour under NFKC, so
// folding them one by one gives ICU's result. No character grows, so the
// result fits in the input's size. Returns false, with `out` as it was, on
// any other character.
bool append_fast(std::string_view text, std::string& out) {
    // Words go through a buffer on the stack: resizing `out` first would
    // zero-fill it, a tenth of the time of tokenising Russian text.
    constexpr std::size_t kWordBytes = 128;
    char word[kWordBytes];
    const bool in_word = text.size() <= kWordBytes;
    const std::size_t start = out.size();
    if (!in_word) out.resize(start + text.size());
    char* const first = in_word ? word : out.data() + start;
    char* to = first;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    auto fail = [&] {
        out.resize(start);
        return false;
    };
    for (std::size_t i = 0; i < size;) {
        const unsigned char b = bytes[i];
        if (b < 0x80) {
            if (b >= 'A' && b <= 'Z') {
                *to++ = static_cast<char>(b + ('a' - 'A'));
            } else {
                *to++ = b == '`' ? '\'' : static_cast<char>(b);
            }
            ++i;
            continue;
        }
        if (i + 1 < size && (b == 0xD0 || b == 0xD1 || b == 0xD2)) {
            const unsigned char t = bytes[i + 1];
            if ((t & 0xC0) != 0x80) return fail();
            char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (t & 0x3F);
            if (c >= 0x0400 && c <= 0x040F) {
                c += 0x50;
            } else if (c >= 0x0410 && c <= 0x042F) {
                c += 0x20;
            } else if (c == 0x0490) {
                c = 0x0491;
            } else if (c > 0x045F && c != 0x0491) {
                return fail();
            }
            c = unify_cyrillic(c);
            *to++ = static_cast<char>(0xC0 | (c >> 6));
            *to++ = static_cast<char>(0x80 | (c & 0x3F));
            i += 2;
            continue;
        }
        if (b == 0xC2 && i + 1 < size && bytes[i + 1] == 0xAD) {  // soft hyphen
            i += 2;
            continue;
        }
        if (b == 0xE2 && i + 2 < size && bytes[i + 1] == 0x80) {
            const unsigned char t = bytes[i + 2];
            i += 3;
            if (t >= 0x8B && t <= 0x8D) continue;  // zero-width space, non-joiner, joiner
            if (t >= 0x90 && t <= 0x95) {          // hyphens and dashes
                *to++ = '-';
                continue;
            }
            if (t == 0x98 || t == 0x99) {  // single quotation marks as apostrophes
                *to++ = '\'';
                continue;
            }
            return fail();
        }
        if (b == 0xE2 && i + 2 < size && bytes[i + 1] == 0x81 && bytes[i + 2] == 0xA0) {
            i += 3;  // word joiner
            continue;
        }
        if (b == 0xEF && i + 2 < size && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) {
            i += 3;  // byte-order mark
            continue;
        }
        return fail();
    }
    if (in_word) {
        out.append(first, static_cast<std::size_t>(to - first));
    } else {
        out.resize(start + static_cast<std::size_t>(to - first));
    }
    return true;
}

}  // namespace

TextNormalizer::TextNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    check(status, "cannot load the NFKC_Casefold normaliser");
}

void TextNormalizer::append(std::string_view text, std::string& out) const {
    if (append_fast(text, out)) return;
    append_with_icu(text, out);
}

void TextNormalizer::append_with_icu(std::string_view text, std::string& out) const {
    // ICU's UTF-8 normaliser expects well-formed input: replace bad bytes by
    // U+FFFD first, which also keeps invalid UTF-8 out of the index.
    std::string valid;
    std::string_view source = text;
    {
        const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
        const auto length = static_cast<int32_t>(text.size());
        for (int32_t i = 0; i < length;) {
            UChar32 c;
            U8_NEXT(bytes, i, length, c);
            if (c < 0) {
                icu::UnicodeString::fromUTF8(
                    icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
                    .toUTF8String(valid);
                source = valid;
                break;
            }
        }
    }
    std::string folded;
    folded.reserve(source.size() + source.size() / 8);
    icu::StringByteSink<std::string> sink(&folded);
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_->normalizeUTF8(
        0, icu::StringPiece(source.data(), static_cast<int32_t>(source.size())), sink, nullptr,
        status);
    check(status, "NFKC_Casefold");
    out.reserve(out.size() + folded.size());
    unify(folded, out);
}

}  // namespace chancery
