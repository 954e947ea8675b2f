// chancery::Searcher: ranked search over one or more Chancery databases, with
// snippets, filters and facets.
#pragma once

#include <chancery/document.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chancery {

enum class SortOrder {
    kRelevance,      // BM25 score, ties newest first, then by id
    kDateAscending,  // oldest first, ties by score then id
    kDateDescending, // newest first, ties by score then id
};

// Filters applied on top of the query, as the CLI's --party, --forum, --lang,
// --from and --to. Values of one field are alternatives (OR); fields combine with AND.
struct SearchFilters {
    std::vector<std::string> parties;  // codes or names: "FR", "France", "Франция"
    std::vector<std::string> forums;
    std::vector<std::string> langs;
    std::string from;  // YYYY, YYYY-MM or YYYY-MM-DD, inclusive; "" is open
    std::string to;
};

// Okapi BM25 parameters (Xapian's BM25Weight). The defaults are Chancery's
// choice, measured in bench/RESULTS.md: the corpora mix one-line headlines with
// 100,000-character transcripts, so length normalisation is gentle (b 0.3) and
// never rewards a text for being shorter than average (min_normlen 1.0).
struct Bm25Parameters {
    double k1 = 1.2;
    double b = 0.3;
    double min_normlen = 1.0;
};

// The facets a search can count: "party", "forum", "lang", "year", "month".
inline constexpr const char* kFacetNames[] = {"party", "forum", "lang", "year", "month"};

// What to search for. Plain struct; the defaults are a top-10 relevance search.
struct SearchRequest {
    std::string query;  // query text, see docs/QUERY.md; may be empty when filters are set
    SearchFilters filters;
    std::size_t offset = 0;
    std::size_t limit = 10;
    SortOrder sort = SortOrder::kRelevance;
    Bm25Parameters bm25;
    bool snippets = true;
    std::size_t snippet_chars = 240;  // approximate length of a snippet, in characters
    // Facets to count over the whole match set (exact counts), top facet_limit each.
    std::vector<std::string> facets;
    std::size_t facet_limit = 10;
    // One hit per translation group (language versions of one text), the best
    // ranked; the others are listed in Hit::translations.
    bool collapse = false;
    // English words also search their Russian translations and Russian words
    // their English ones (Mueller's dictionary, the glossary, transliteration
    // of names), weighted below the words typed; see docs/QUERY.md.
    bool cross_lingual = true;
};

// A highlighted range of a snippet: [begin, end) in bytes of Snippet::text.
struct Highlight {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Snippet {
    std::string text;
    std::vector<Highlight> highlights;
};

// Another language version of a hit's text.
struct Translation {
    std::string id;
    std::string lang;
    std::string title;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the start of the result list
    std::string id;
    double score = 0.0;
    std::string date;
    std::string lang;
    std::string title;
    std::vector<std::string> parties;
    std::string forum;
    std::string url;
    std::string group;
    std::vector<Translation> translations;  // the group's other documents (with collapse)
    Snippet snippet;
};

// What cross-lingual search added to a query, and from where: "mueller"
// (English -> Russian), "mueller-inverted" (Russian -> English), "glossary",
// "transliteration" (a name in the other script) or "cognate" (a borrowed
// word's stem in the other script).
struct QueryExpansion {
    std::string word;   // the word or expression typed, normalised
    std::string added;  // the alternative searched, as its source writes it
    std::string source;
};

struct FacetCount {
    std::string value;
    std::string label;
    std::size_t count = 0;
};

struct SearchResult {
    std::string query;
    // Number of matching documents. Exact when total_exact, else Xapian's estimate.
    std::size_t total = 0;
    bool total_exact = true;
    std::size_t offset = 0;
    std::vector<Hit> hits;
    std::map<std::string, std::vector<FacetCount>> facets;
    std::vector<QueryExpansion> expansions;  // with SearchRequest::cross_lingual
};

// What a database holds (`chancery stats`).
struct DatabaseStats {
    std::size_t documents = 0;
    std::map<std::string, std::size_t> languages;  // "ru" -> documents
    std::string first_date;  // earliest and latest release date, YYYY-MM-DD
    std::string last_date;
    std::size_t with_date = 0;  // documents that have the field
    std::size_t with_parties = 0;
    std::size_t with_forum = 0;
    std::uint64_t bytes = 0;  // on disk, local databases only
};

// Searches Chancery databases. Several databases are searched as one.
//
// Owns its open databases. Not copyable (it holds database handles); movable.
// Not thread-safe: use one Searcher per thread (opening one is cheap).
class Searcher {
  public:
    // Opens the databases at `paths` (directories or Xapian stub files) and the
    // gazetteers (the bundled ones, then `gazetteer_dirs`), which read party and
    // forum names in queries and label facets.
    // Throws IndexError if a database is missing or is not a Chancery database,
    // and chancery::Error if a gazetteer directory cannot be read.
    explicit Searcher(const std::vector<std::string>& paths,
                      const std::vector<std::string>& gazetteer_dirs = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Runs a search. Throws QueryError if the query or a filter cannot be
    // parsed or names an unknown facet, IndexError if the databases cannot be
    // read, and chancery::Error if cross-lingual search cannot read its
    // dictionary or glossary (loaded on the first cross-lingual query).
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    // The stored document with this id, or nullopt. Throws IndexError.
    [[nodiscard]] std::optional<Document> get(const std::string& id);

    [[nodiscard]] std::size_t document_count();

    // Counts over all the databases. Throws IndexError.
    [[nodiscard]] DatabaseStats stats();

    // Lines of the gazetteers, and of the cross-lingual glossary once a
    // cross-lingual search has loaded it, that were skipped as malformed, as
    // "file:line: reason". The rest of those files is in use.
    [[nodiscard]] std::vector<std::string> warnings() const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

// The result as one JSON object:
// {"query", "total", "total_exact", "offset", "hits": [{"rank", "id", "score",
//  "date", "lang", "title", "parties", "forum", "url", "snippet", "highlights"}],
//  "facets": {}, "expansions": [{"word", "added", "source"}]}. Highlight offsets are in Unicode code points of "snippet".
// With a non-empty `qid` the object starts with "qid" (one line per query of a batch).
[[nodiscard]] std::string to_json(const SearchResult& result, const std::string& qid = {});

}  // namespace chancery
