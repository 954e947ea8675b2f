// Snippets: the passage of a text that best matches a query, with every
// matched word form highlighted, decided by the same Analyzer that indexed it.
#pragma once

#include "analyzers/analyzer.h"
#include "searcher/query_parser.h"

#include <chancery/searcher.h>

#include <string_view>

namespace chancery {

// The passage of `text` (of language `lang`) of about `max_chars` characters
// that holds the most distinct query words, then the most matches; the start of
// the text when nothing matches. Newlines become spaces; a cut is marked "…".
[[nodiscard]] Snippet make_snippet(const Analyzer& analyzer, std::string_view text,
                                   std::string_view lang, const ParsedQuery& query,
                                   std::size_t max_chars);

}  // namespace chancery
