// Searcher: parses the query, runs it with BM25 over one or more databases,
// and builds hits with snippets.
#include <chancery/searcher.h>

#include <chancery/error.h>

#include "analyzers/analyzer.h"
#include "indexer/database.h"
#include "indexer/schema.h"
#include "searcher/query_parser.h"
#include "searcher/snippets.h"

#include <xapian.h>

namespace chancery {
namespace {

// Totals up to this many matches are counted exactly even without facets.
constexpr Xapian::doccount kExactTotalUpTo = 1000;
// Reopen-and-retry attempts when a writer changes the database under a search.
constexpr int kAttempts = 3;

std::string join_paths(const std::vector<std::string>& paths) {
    std::string joined;
    for (const auto& path : paths) joined.append(joined.empty() ? "" : ", ").append(path);
    return joined;
}

}  // namespace

struct Searcher::Internal {
    std::vector<std::string> paths;
    Xapian::Database db;
    Analyzer analyzer;
    QueryParser parser{analyzer};

    SearchResult run(const SearchRequest& request, const ParsedQuery& parsed) {
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        // Ties (many headlines score exactly alike) go newest first, then by id,
        // so a query always lists the same documents in the same order.
        Xapian::MultiValueKeyMaker tie_break;
        tie_break.add_value(schema::kDateSlot, /*reverse=*/true);
        tie_break.add_value(schema::kIdSlot);
        Xapian::MultiValueKeyMaker by_date;
        switch (request.sort) {
            case SortOrder::kRelevance:
                enquire.set_sort_by_relevance_then_key(&tie_break, false);
                break;
            case SortOrder::kDateAscending:
            case SortOrder::kDateDescending:
                by_date.add_value(schema::kDateSlot,
                                  request.sort == SortOrder::kDateDescending);
                enquire.set_sort_by_key_then_relevance(&by_date, false);
                break;
        }
        const Xapian::doccount check_at_least =
            std::max<Xapian::doccount>(kExactTotalUpTo,
                                       static_cast<Xapian::doccount>(request.offset + request.limit));
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), check_at_least);

        SearchResult result;
        result.query = request.query;
        result.offset = request.offset;
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        std::size_t rank = request.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Document document = document_from_json(it.get_document().get_data());
            Hit hit;
            hit.rank = ++rank;
            hit.id = document.id;
            hit.score = it.get_weight();
            hit.date = document.date;
            hit.lang = document.lang;
            hit.title = document.title;
            hit.parties = document.parties;
            hit.forum = document.forum;
            hit.url = document.url;
            hit.group = document.group;
            if (request.snippets) {
                hit.snippet = make_snippet(analyzer, document.body, document.lang, parsed,
                                           request.snippet_chars);
            }
            result.hits.push_back(std::move(hit));
        }
        return result;
    }
};

Searcher::Searcher(const std::vector<std::string>& paths) : internal_(std::make_unique<Internal>()) {
    if (paths.empty()) throw IndexError("no database to search");
    internal_->paths = paths;
    for (const auto& path : paths) internal_->db.add_database(detail::open_for_reading(path));
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    const ParsedQuery parsed = internal_->parser.parse(request.query);
    return detail::translate_xapian_errors(join_paths(internal_->paths), [&] {
        for (int attempt = 1;; ++attempt) {
            try {
                return internal_->run(request, parsed);
            } catch (const Xapian::DatabaseModifiedError&) {
                // A writer committed under us: reopen and run the search again.
                if (attempt == kAttempts) throw;
                internal_->db.reopen();
            }
        }
    });
}

std::optional<Document> Searcher::get(const std::string& id) {
    return detail::translate_xapian_errors(join_paths(internal_->paths), [&]() -> std::optional<Document> {
        Xapian::Database& db = internal_->db;
        const std::string id_term = schema::term(schema::kIdPrefix, id);
        Xapian::PostingIterator it = db.postlist_begin(id_term);
        if (it == db.postlist_end(id_term)) return std::nullopt;
        return document_from_json(db.get_document(*it).get_data());
    });
}

std::size_t Searcher::document_count() {
    return detail::translate_xapian_errors(join_paths(internal_->paths),
                                           [&] { return std::size_t{internal_->db.get_doccount()}; });
}

}  // namespace chancery
