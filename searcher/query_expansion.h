// The hook through which a query's words gain alternatives in other languages
// (cross_lingual.h implements it): the parser hands each sequence's plain words
// to a QueryExpander, which may replace or add optional items.
#pragma once

#include "analyzers/analyzer.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace chancery {

struct ParsedQuery;

// One plain word of a query sequence, in the order typed.
struct QueryWord {
    Token token;
    // Index of the word's own item in the sequence's optional items, or -1 for
    // a stopword (kept so that multi-word expressions can be recognised).
    std::ptrdiff_t item = -1;
};

// Adds alternatives to a query's words. Implementations must be immutable after
// construction and safe to share between threads (one serves every Searcher).
class QueryExpander {
  public:
    virtual ~QueryExpander() = default;

    // `items` are the sequence's optional (OR) items; words[i].item indexes them.
    // May replace items and append new ones; records what it added in
    // parsed.expansions and its highlight terms in parsed.highlight_terms.
    virtual void expand(const Analyzer& analyzer, const std::vector<QueryWord>& words,
                        std::vector<Xapian::Query>& items, ParsedQuery& parsed) const = 0;
};

}  // namespace chancery
