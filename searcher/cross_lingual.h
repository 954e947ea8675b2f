// Cross-language search: English query words gain Russian alternatives and
// Russian words English ones, from Mueller's English-Russian dictionary (read
// both ways), the diplomatic glossary (corpora/data/glossary) and the transliteration
// of names, each weighted below the word typed and recorded so that a user can
// see why a document matched.
//
//   std::shared_ptr<const CrossLingualExpander> expander = shared_cross_lingual_expander();
//   QueryParser parser(analyzer, expander.get());
//   ParsedQuery parsed = parser.parse("Lavrov OSCE consultations");
//   // parsed.expansions: {"lavrov", "Сергей Лавров", "glossary"},
//   //                    {"osce", "ОБСЕ", "glossary"},
//   //                    {"consultations", "консультация", "mueller"}...
#pragma once

#include "searcher/query_expansion.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace chancery {

// What the expander reads and how much weight its alternatives get. Plain
// struct; the defaults are the settings measured in bench/RESULTS.md.
struct CrossLingualOptions {
    // Mueller's dictionary as Debian's mueller7-dict installs it.
    std::string dictionary_index = "/usr/share/dictd/mueller7.index";
    std::string dictionary_data = "/usr/share/dictd/mueller7.dict.dz";
    // Glossary directories, each read in file-name order; empty means
    // default_glossary_directories().
    std::vector<std::string> glossary_directories;

    // Senses taken from each part of speech of a headword, in the dictionary's
    // order, and translations taken from each sense.
    std::size_t senses_per_part_of_speech = 3;
    std::size_t translations_per_sense = 3;
    // Most alternatives a word gains: a word with many senses does not flood
    // the query.
    std::size_t max_alternatives = 12;
    // Weight of a dictionary translation relative to the word typed, times
    // 1 / its sense's rank: below 1, so that a document in the query's own
    // language that matches the word ranks above one that matches only a
    // translation.
    double translation_weight = 0.6;
    // Weight of a glossary name in the other language, and of the glossary's
    // other names in the query's language ("Совбез" for "Совет Безопасности").
    double glossary_weight = 0.8;
    double same_language_weight = 0.8;
    // Weight of a word spelled in the other script (names: Lavrov, Лавров),
    // and of its cognates found by prefix (stratigraphic, стратиграфический).
    double transliteration_weight = 0.6;
    double cognate_weight = 0.6;
};

// What was loaded and how long it took.
struct CrossLingualStatistics {
    std::size_t headwords = 0;  // English headwords of the dictionary
    std::size_t glossary_entries = 0;
    std::vector<std::string> glossary_directories;  // as read
    std::vector<std::string> skipped_lines;  // malformed glossary lines, "file:line: reason"
    std::chrono::milliseconds load_time{0};         // the constructor's
};

// A QueryExpander that translates between English and Russian.
//
// Immutable after construction (the Russian -> English index is built once,
// on the first Russian word, under std::call_once) and safe to share between
// threads: one instance serves every QueryParser of the process (see
// shared_cross_lingual_expander). Not copyable or movable (large, and shared
// through shared_ptr).
class CrossLingualExpander final : public QueryExpander {
  public:
    // Reads the dictionary and the glossary. Throws chancery::Error if the
    // dictionary or a glossary directory cannot be read, or ICU cannot build a
    // transliterator. A malformed glossary line is skipped and listed in
    // statistics().skipped_lines.
    explicit CrossLingualExpander(const CrossLingualOptions& options = {});
    ~CrossLingualExpander() override;
    CrossLingualExpander(const CrossLingualExpander&) = delete;
    CrossLingualExpander& operator=(const CrossLingualExpander&) = delete;

    // Builds now what is otherwise built on the first Russian query word: the
    // inverted dictionary (see bench/RESULTS.md for its cost). For servers,
    // which would rather not make their first Russian query wait. Throws nothing.
    void prepare() const;

    // For each sequence of plain words: glossary and dictionary expressions of
    // several words first (longest match, across stopwords: "Ministry of
    // Foreign Affairs"), then each remaining word: its dictionary
    // translations, its spellings in the other script and its cognates. A
    // word's alternatives form one group OR-ed with the word: the alternatives
    // of each weight in an OP_SYNONYM, scaled by that weight. Records every
    // alternative in parsed.expansions and its terms in
    // parsed.highlight_terms (prefixes in parsed.highlight_prefixes).
    // Throws chancery::Error on an ICU failure.
    void expand(const Analyzer& analyzer, const std::vector<QueryWord>& words,
                std::vector<Xapian::Query>& items, ParsedQuery& parsed) const override;

    [[nodiscard]] const CrossLingualStatistics& statistics() const;

  private:
    struct Internal;
    std::unique_ptr<const Internal> internal_;
};

// The process's expander with default options, loaded on the first call
// (see bench/RESULTS.md for the cost) and shared afterwards; thread-safe. Throws chancery::Error as
// the constructor does; a failed load is not remembered, so a later call tries again.
[[nodiscard]] std::shared_ptr<const CrossLingualExpander> shared_cross_lingual_expander();

// Where the glossary is read from by default: default_glossary_dir() (the
// data directory's glossary/, see analyzers/data_dir.h), then each directory
// of $CHANCERY_GLOSSARY_PATH (colon-separated), where users keep their own files.
[[nodiscard]] std::vector<std::string> default_glossary_directories();

}  // namespace chancery
