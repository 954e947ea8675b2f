// Mueller's English-Russian dictionary as Debian's mueller7-dict ships it (dictd
// format): reading the .index / .dict.dz pair and parsing an article into its
// ordered senses and their translations.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

enum class PartOfSpeech : std::uint8_t { kOther, kNoun, kVerb, kAdjective, kAdverb };

// One numbered sense of a headword ("2) договор, соглашение"), in the
// dictionary's order: the first senses are the common ones, which is what the
// expander weights by.
struct DictionarySense {
    std::uint8_t homograph = 0;  // _I, _II...: 0 for the first (or only) homograph
    std::uint8_t block = 0;      // the "1.", "2." part-of-speech block, 0 when unnumbered
    std::uint8_t rank = 1;       // "1)", "2)"... within the block; 1 when unnumbered
    PartOfSpeech pos = PartOfSpeech::kOther;
    bool plural = false;  // marked _pl.: the meaning of the plural ("talks": переговоры)
    // Labelled with a special field (_биол., _тех., _мед....): a sense of
    // specialists' texts, still a real one ("cell": клетка).
    bool specialized = false;
    // Labelled archaic, colloquial, poetic... (_уст., _разг., _поэт....), or an
    // attributive use of a noun (_attr.): rarely what a query means.
    bool unusual = false;
    // Translations as printed, in order, without labels, parenthesised
    // comments and examples; lower case.
    std::vector<std::string> translations;
};

// The headword an inflected form belongs to ("went": "_p. от go"), and the part
// of speech the form has: a verb for past forms and participles, a noun for
// plurals, an adjective for comparatives.
struct BaseForm {
    std::string headword;
    PartOfSpeech pos = PartOfSpeech::kOther;
};

struct DictionaryEntry {
    std::string headword;  // lower case
    std::vector<DictionarySense> senses;
    std::vector<BaseForm> base_forms;
    // Headwords the article sends the reader to ("= mail-cart 1").
    std::vector<std::string> references;
};

// Parses one article: the headword on the first line, then the transcription,
// homographs (_I, _II), part-of-speech blocks (1. _n.), senses (1), 2)) and
// sub-senses (а), б)). Examples (the clauses of a sense that hold English
// words), labels, parenthesised comments and "что-л."-style placeholders are
// dropped. Senses numbered above `max_rank` are skipped (the first few are
// what a search uses, and long articles have thirty). Never throws: what it
// cannot read it leaves out.
[[nodiscard]] DictionaryEntry parse_mueller_entry(
    std::string_view article, std::size_t max_rank = std::numeric_limits<std::size_t>::max());

// An article of a dictd dictionary: the index's headword and the article's text.
struct DictdArticle {
    std::string headword;
    std::string text;
};

// Reads every article of a dictd dictionary: `index_path` (headword, base64
// offset, base64 length per line) and `dict_path` (the articles, gzip- or
// dictzip-compressed when the name ends in ".dz", else plain). The dictd
// database's own "00-database-..." articles are left out.
// Throws chancery::Error naming the file if either cannot be read, and naming
// the line if an index line is malformed or points outside the articles.
[[nodiscard]] std::vector<DictdArticle> read_dictd(const std::string& index_path,
                                                   const std::string& dict_path);

}  // namespace chancery
