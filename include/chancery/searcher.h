// chancery::Searcher: ranked search over one or more Chancery databases, with
// snippets, filters and facets.
#pragma once

#include <chancery/document.h>

#include <cstddef>
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

// What to search for. Plain struct; the defaults are a top-10 relevance search.
struct SearchRequest {
    std::string query;  // query text, see docs/QUERY.md
    std::size_t offset = 0;
    std::size_t limit = 10;
    SortOrder sort = SortOrder::kRelevance;
    bool snippets = true;
    std::size_t snippet_chars = 240;  // approximate length of a snippet, in characters
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
    Snippet snippet;
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
};

// Searches Chancery databases. Several databases are searched as one.
//
// Owns its open databases. Not copyable (it holds database handles); movable.
// Not thread-safe: use one Searcher per thread (opening one is cheap).
class Searcher {
  public:
    // Opens the databases at `paths` (directories or Xapian stub files).
    // Throws IndexError if one is missing or is not a Chancery database.
    explicit Searcher(const std::vector<std::string>& paths);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Runs a search. Throws QueryError if the query cannot be parsed and
    // IndexError if the databases cannot be read.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    // The stored document with this id, or nullopt. Throws IndexError.
    [[nodiscard]] std::optional<Document> get(const std::string& id);

    [[nodiscard]] std::size_t document_count();

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

// The result as one JSON object:
// {"query", "total", "total_exact", "offset", "hits": [{"rank", "id", "score",
//  "date", "lang", "title", "parties", "forum", "url", "snippet", "highlights"}],
//  "facets": {}}. Highlight offsets are in Unicode code points of "snippet".
[[nodiscard]] std::string to_json(const SearchResult& result);

}  // namespace chancery
