// The Analyzer: the one path from text to terms, shared by indexing, querying
// and snippets, so that a word always becomes the same terms.
//
//   segment (UAX #29: word_segmenter.h)  ->  join (compounds, URLs and
//   e-mail addresses, split abbreviations)  ->  normalise (NFKC_Casefold,
//   ё->е, invisible characters dropped: normalizer.h)  ->  stem (Snowball, by
//   the word's script and the text's language; stopwords)
//
// Language identification (language_id.cc) picks the text's language.
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
    bool compound = false;  // a whole whose parts follow: hyphenated or dotted words,
                            // an URL, an e-mail address
    bool numeric = false;   // starts with a digit: indexed unstemmed
    bool link = false;      // an URL, e-mail address, host name or part of one:
                            // indexed unstemmed
};

// Turns text into tokens and tokens into stems.
//
//   Analyzer analyzer;
//   for (const Token& token : analyzer.tokenize("Консультации ООН в Женеве")) {
//       index(token.form, token.position);               // "консультации" ...
//       index("Z" + analyzer.index_stem(token, "ru"));    // "консультац" ...
//   }
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

    // Normalises a whole string the way tokens are normalised (see
    // TextNormalizer): NFKC with full case folding, default-ignorable
    // characters (soft hyphen, zero-width characters, byte-order mark) removed,
    // ё->е, typographic apostrophes and dashes unified. Invalid UTF-8 becomes
    // U+FFFD. Throws chancery::Error if ICU fails.
    [[nodiscard]] std::string normalize(std::string_view text) const;

    // The words of `text` (UAX #29 word boundaries), positions counted from
    // `first_position`, each word's form normalised. On top of UAX #29:
    //   - a hyphenated compound ("российско-французский", "Russia–Ukraine",
    //     "2021-09-28"; joined by - ‐ ‑ or an unspaced en dash) yields the whole
    //     compound (compound = true) and then each part: the whole shares its
    //     first part's position and the parts take consecutive positions, so
    //     "французский" and a phrase over the parts both match;
    //   - an URL yields the whole, without scheme and "www." (compound, link),
    //     and then its host at the same position; an e-mail address yields the
    //     whole (compound, link), then the local part and the domain. Paths,
    //     query strings and "https" never become words of their own;
    //   - dotted abbreviations lose their dots ("U.N." -> "un", "с.ш.а." -> "сша");
    //     other dotted words but host names are compounds of their parts
    //     ("им.Горького", "Mr.Smith", "года.Президент" with its space missing);
    //   - French elided articles and pronouns go ("l'OSCE" -> "osce",
    //     "qu'il" -> "il"); they occur in no English or Russian word;
    //   - letters of one script inside a word of the other that look alike
    //     (Latin "o" in "Mocква") take the word's majority script;
    //   - words split only by a zero-width space are one word.
    // Throws chancery::Error if ICU fails.
    [[nodiscard]] std::vector<Token> tokenize(std::string_view text,
                                              std::uint32_t first_position = 1) const;

    // The Snowball stemmer a word of `script` gets in a text of language
    // `lang`: French for Latin words of French text, English for other Latin
    // words; Russian for Cyrillic words unless the text is in another Cyrillic
    // language (Ukrainian, Belarusian, Bulgarian...), whose words get none.
    // So Latin words of a Russian text get the English stemmer and Cyrillic
    // words of an English text the Russian. Empty: no stemming.
    [[nodiscard]] static std::string_view stemmer_language(Script script, std::string_view lang);

    // The stem of a normalised form; the form itself when no stemmer applies.
    // Throws chancery::Error if Xapian cannot create the stemmer.
    [[nodiscard]] std::string stem(std::string_view form, Script script,
                                   std::string_view lang) const;

    // The stem a token is indexed under in a text of language `lang`: its
    // Snowball stem, or its form where no stemmer applies (Ukrainian words,
    // numbers, links), or "" for a stopword, which gets no stem term.
    [[nodiscard]] std::string index_stem(const Token& token, std::string_view lang) const;

    // Every stem term a query word may meet in documents of any language, for
    // a query that does not know the language of the documents it searches:
    // for a Cyrillic word its Russian stem and its form (how Ukrainian and
    // other unstemmed texts index it), for a Latin word its English and French
    // stems; numbers and links as written. Distinct, the default first
    // (index_stem(token, "")). Empty for a stopword of the default language.
    [[nodiscard]] std::vector<std::string> query_stems(const Token& token) const;

    // True when `form` is a stopword of the language whose stemmer the word gets.
    [[nodiscard]] bool is_stopword(std::string_view form, Script script,
                                   std::string_view lang) const;

    // The language of a text (ISO 639-1: "ru", "uk", "en", "fr"...), or
    // `declared` when it cannot tell. Looks at the first 8 KB: the script of
    // most letters first; then for Cyrillic text the letters only Ukrainian
    // (і ї є ґ) or only Russian (ы э ё) uses, CLD2 naming other Cyrillic
    // languages when their own letters back it; for Latin text CLD2, preferring
    // English, French, Russian or Ukrainian within 10 points of the top share
    // and English when CLD2 is unsure.
    // A non-empty `declared` stands unless the script contradicts it (Cyrillic
    // text declared "en"), Russian and Ukrainian letters contradict each other,
    // or CLD2 reliably finds under 30% of 200 bytes or more in it.
    // Throws nothing.
    [[nodiscard]] std::string identify_language(std::string_view text,
                                                std::string_view declared = {}) const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

}  // namespace chancery
