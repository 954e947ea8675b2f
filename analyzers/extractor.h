// FieldExtractor: the release date, the dates mentioned, the parties, the
// entities mentioned and the forum of a document, read from its own text.
//
//   const Gazetteer gazetteer = Gazetteer::load_default();   // once, shared
//   FieldExtractor extractor(gazetteer);                      // one per thread
//   ExtractedFields fields = extractor.extract(document);
//   // fields.date "2021-09-28", fields.parties {"RU", "FR"}, fields.forum "OSCE-PC"
#pragma once

#include "analyzers/analyzer.h"
#include "analyzers/gazetteer.h"

#include <chancery/document.h>

#include <string>
#include <vector>

namespace chancery {

// What FieldExtractor found. Codes are the gazetteer's; empty means not found.
struct ExtractedFields {
    // The release date, YYYY-MM-DD: the document's own date when it has one,
    // else the date its text gives for itself (a publication line, a dateline,
    // a date stamp, the date in a statement's title, a signature line, the URL,
    // the lead's date), else "".
    std::string date;
    bool date_from_text = false;  // true when `date` was read from the text
    // Every full date the title and body mention, YYYY-MM-DD, sorted, no
    // repeats. A date without a year takes the year of the nearest full date
    // before it, else the one nearest to the release date; without either it
    // is left out.
    std::vector<std::string> mentioned_dates;
    // The states and organisations that are sides of what the document
    // reports (the two sides of a meeting or call, the members of a
    // "российско-французская" format, the speaker and the addressee of a
    // statement), strongest evidence first.
    std::vector<std::string> parties;
    // Every state and organisation the text names (name, abbreviation,
    // adjective, demonym, capital, flag emoji), in order of first mention.
    // The place of a dateline is not a mention; people's names are not.
    std::vector<std::string> mentioned;
    // The forum or format where the reported event happens or which the
    // document is about ("UNSC", "OSCE-PC", "BRICS"), "BILATERAL" for talks,
    // meetings and calls between exactly two sides, or "".
    std::string forum;
};

// Extracts ExtractedFields from documents. Holds a reference to the gazetteer,
// which must outlive it, and an Analyzer with a memo of word stems: not
// thread-safe, use one per thread (they may share one Gazetteer). Not copyable
// (owns ICU objects); movable.
class FieldExtractor {
  public:
    // Throws chancery::Error if ICU cannot create the analyzer.
    explicit FieldExtractor(const Gazetteer& gazetteer);
    ~FieldExtractor();
    FieldExtractor(FieldExtractor&&) noexcept;
    FieldExtractor& operator=(FieldExtractor&&) noexcept;
    FieldExtractor(const FieldExtractor&) = delete;
    FieldExtractor& operator=(const FieldExtractor&) = delete;

    // Reads title, body, lang, date, url and extra_json ("body_suspect_sidebar":
    // true makes it read the title only); ignores the input's parties and forum,
    // which the caller keeps when the input has them. An empty lang is
    // identified from the text. Throws chancery::Error only if ICU fails.
    [[nodiscard]] ExtractedFields extract(const Document& document);

    // The same with the tokens the caller already has: `title_tokens` and
    // `body_tokens` must be Analyzer::tokenize of document.title and
    // document.body (any first position), so that indexing tokenizes once.
    [[nodiscard]] ExtractedFields extract(const Document& document,
                                          const std::vector<Token>& title_tokens,
                                          const std::vector<Token>& body_tokens);

  private:
    const Gazetteer* gazetteer_;
    MentionScratch scratch_;
};

}  // namespace chancery
