// Query text -> Xapian query, through the same Analyzer that indexed the text.
// The query language is documented in docs/QUERY.md.
#pragma once

#include "analyzers/analyzer.h"
#include "analyzers/gazetteer.h"
#include "searcher/query_expansion.h"

#include <chancery/searcher.h>

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chancery {

// What a query matches, for ranking and for highlighting.
struct ParsedQuery {
    Xapian::Query query;
    // Terms whose occurrences a snippet highlights: unstemmed forms and
    // Z-prefixed stems of the text field, from the positive parts of the query.
    std::unordered_set<std::string> highlight_terms;
    // Word prefixes of trailing wildcards ("кибер" for кибер*), normalised.
    std::vector<std::string> highlight_prefixes;
    // True when the query has words or phrases (not only filters).
    bool has_text = false;

    // What a QueryExpander added.
    std::vector<QueryExpansion> expansions;
};

// Parses queries. Holds a reference to an Analyzer: not thread-safe.
class QueryParser {
  public:
    // `expander`, when given, adds alternatives to plain words; `gazetteer`,
    // when given, reads party: and forum: values typed as names ("Франция",
    // "ОБСЕ"). Neither is owned; both must outlive the parser.
    explicit QueryParser(const Analyzer& analyzer, const QueryExpander* expander = nullptr,
                         const Gazetteer* gazetteer = nullptr)
        : analyzer_(analyzer), expander_(expander), gazetteer_(gazetteer) {}

    // Throws QueryError (with the byte position) if `text` cannot be parsed.
    [[nodiscard]] ParsedQuery parse(std::string_view text) const;

    // The boolean filter that `field:value` means in a query ("party", "forum",
    // "mentions", "lang", "date", "year", "month", "id"). Throws QueryError if the
    // value is invalid.
    [[nodiscard]] Xapian::Query filter(std::string_view field, std::string_view value) const;

  private:
    const Analyzer& analyzer_;
    const QueryExpander* expander_;
    const Gazetteer* gazetteer_;
};

}  // namespace chancery
