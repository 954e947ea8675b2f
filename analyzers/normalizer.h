// Normalisation of words and text: NFKC with full case folding, ё folded to е,
// invisible characters dropped, apostrophes and dashes unified.
#pragma once

#include <unicode/uversion.h>

#include <string>
#include <string_view>

// Declared, not included: the header needs only the pointer type.
U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace chancery {

// Normalises UTF-8 text the way every term is normalised, at index time, at
// query time and in snippets:
//   - NFKC_Casefold (NFKC, full case folding, default-ignorable characters such
//     as the soft hyphen, zero-width space/joiners and the byte-order mark removed);
//   - ё -> е (Ё folds to ё first), as Russian writers use both for one word;
//   - stress marks (combining acute and grave accents) after Cyrillic letters
//     removed, and the precomposed ѐ ѝ unstressed, since they never tell words apart;
//   - typographic apostrophes (’ ‘ ʼ `) -> ', hyphens and dashes (‐ ‑ ‒ – — ― −) -> -.
// ASCII and basic Cyrillic (U+0400..U+045F) take a fast path without ICU; the
// result is the same as ICU's (the tests compare the two).
//
// Holds a pointer to ICU's shared normaliser and no other state: thread-safe,
// copyable.
class TextNormalizer {
  public:
    // Throws chancery::Error if ICU cannot load the NFKC_Casefold data.
    TextNormalizer();

    // Appends the normal form of `text` to `out`. Invalid UTF-8 becomes U+FFFD.
    // Throws chancery::Error if ICU fails.
    void append(std::string_view text, std::string& out) const;

    // The normal form of `text`. Throws chancery::Error if ICU fails.
    [[nodiscard]] std::string operator()(std::string_view text) const {
        std::string out;
        append(text, out);
        return out;
    }

    // append() without the fast path: ICU for every character. For tests.
    void append_with_icu(std::string_view text, std::string& out) const;

  private:
    const icu::Normalizer2* nfkc_casefold_ = nullptr;
};

}  // namespace chancery
