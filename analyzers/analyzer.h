// The Analyzer: the one path from text to terms, shared by indexing, querying
// and snippets, so that a word always becomes the same terms.
//
//   normalise (NFKC, case fold, ё->е, no soft hyphens)  ->  segment (UAX #29,
//   hyphenated compounds, abbreviations)  ->  stem (Snowball, by the word's
//   script and the text's language)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

enum class Script : std::uint8_t { kOther, kLatin, kCyrillic };

// A word of a text: its normalised form and where it stands in the original.
struct Token {
    std::string form;       // normalised form, the unstemmed term
    std::size_t begin = 0;  // byte range in the analysed text
    std::size_t end = 0;
    std::uint32_t position = 0;  // word position; see Analyzer::tokenize
    Script script = Script::kOther;
    bool compound = false;  // a hyphenated compound as a whole
    bool numeric = false;   // starts with a digit
};

// Turns text into tokens and tokens into stems.
//
// Holds ICU break iterators and Snowball stemmers, which keep state between
// calls: not thread-safe, use one Analyzer per thread. Constructing one is
// cheap (ICU caches its data). Not copyable (owns ICU objects); movable.
class Analyzer {
  public:
    // Throws chancery::Error if ICU cannot create its normaliser or break iterator.
    Analyzer();
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // Normalises a whole string the way tokens are normalised: NFKC with full
    // case folding, default-ignorable characters (soft hyphen, zero-width
    // characters, byte-order mark) removed, ё->е, typographic apostrophes and
    // hyphens unified. Invalid UTF-8 becomes U+FFFD.
    [[nodiscard]] std::string normalize(std::string_view text) const;

    // The words of `text` (UAX #29 word boundaries), positions counted from
    // `first_position`. A hyphenated compound ("российско-французский") yields
    // the whole compound and then each part: the whole shares its first part's
    // position and the parts take consecutive positions, so "французский" and
    // a phrase over the parts both match. Dotted abbreviations ("U.N.") lose
    // their dots.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text,
                                              std::uint32_t first_position = 1) const;

    // The Snowball stemmer a word of `script` gets in a text of language
    // `lang`: the text's own language where it has a stemmer for that script,
    // else Russian for Cyrillic and English for Latin, except that Cyrillic words
    // of Ukrainian, Belarusian, Bulgarian... texts get none. Empty: no stemming.
    [[nodiscard]] static std::string_view stemmer_language(Script script, std::string_view lang);

    // The stem of a normalised form; the form itself when no stemmer applies.
    [[nodiscard]] std::string stem(std::string_view form, Script script,
                                   std::string_view lang) const;

    // The stem a token is indexed under in a text of language `lang`: its
    // Snowball stem, or its form where no stemmer applies (Ukrainian words,
    // numbers), or "" for a stopword, which gets no stem term.
    [[nodiscard]] std::string index_stem(const Token& token, std::string_view lang) const;

    // True when `form` is a stopword of the language whose stemmer the word gets.
    [[nodiscard]] bool is_stopword(std::string_view form, Script script,
                                   std::string_view lang) const;

    // The language of a text (ISO 639-1), or "" when it cannot tell.
    // Uses CLD2; `declared` is kept unless CLD2 is reliably sure of another
    // language on enough text.
    [[nodiscard]] std::string identify_language(std::string_view text,
                                                std::string_view declared = {}) const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

}  // namespace chancery
