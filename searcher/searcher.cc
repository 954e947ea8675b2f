// Searcher: parses the query, runs it with BM25 over one or more databases,
// and builds hits with snippets.
#include <chancery/searcher.h>

#include <chancery/error.h>

#include "analyzers/analyzer.h"
#include "indexer/database.h"
#include "indexer/schema.h"
#include "searcher/cross_lingual.h"
#include "searcher/query_parser.h"
#include "searcher/snippets.h"

#include <unicode/locid.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace chancery {
namespace {

// Totals up to this many matches are counted exactly even without facets.
constexpr Xapian::doccount kExactTotalUpTo = 1000;
// Reopen-and-retry attempts when a writer changes the database under a search.
constexpr int kAttempts = 3;

// The value slots a facet counts (one each; parties count their combinations).
std::vector<Xapian::valueno> facet_slots(const std::string& facet) {
    if (facet == "party") return {schema::kPartiesSlot};
    if (facet == "forum") return {schema::kForumSlot};
    if (facet == "lang") return {schema::kLangSlot};
    if (facet == "year") return {schema::kYearSlot};
    if (facet == "month") return {schema::kMonthSlot};
    std::string known;
    for (const char* name : kFacetNames) known.append(known.empty() ? "" : ", ").append(name);
    throw QueryError("unknown facet \"" + facet + "\" (known: " + known + ")", 0);
}

// A language code's English name ("ru" -> "Russian"), from ICU's locale data.
std::string language_label(const std::string& code) {
    icu::UnicodeString name;
    icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), name);
    std::string label;
    name.toUTF8String(label);
    return label.empty() ? code : label;
}

std::string join_paths(const std::vector<std::string>& paths) {
    std::string joined;
    for (const auto& path : paths) joined.append(joined.empty() ? "" : ", ").append(path);
    return joined;
}

std::vector<FacetCount> facet_counts(const Gazetteer& gazetteer, const std::string& facet,
                                     const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>& spies,
                                     std::size_t limit) {
    std::map<std::string, std::size_t> totals;
    for (const auto& spy : spies) {
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            const std::string value = *it;
            if (facet != "party") {
                totals[value] += it.get_termfreq();
                continue;
            }
            // A combination of parties: each of them counts its documents.
            for (std::size_t start = 0; start <= value.size();) {
                const std::size_t end = std::min(value.find(schema::kPartySeparator, start), value.size());
                if (end > start) totals[value.substr(start, end - start)] += it.get_termfreq();
                start = end + 1;
            }
        }
    }
    std::vector<FacetCount> counts;
    for (const auto& [value, count] : totals) {
        FacetCount facet_count;
        facet_count.value = value;
        if (facet == "lang") {
            facet_count.label = language_label(value);
        } else if (facet == "party") {
            facet_count.label = gazetteer.party_label(value);
        } else if (facet == "forum") {
            facet_count.label = gazetteer.forum_label(value);
        }
        if (facet_count.label.empty()) facet_count.label = value;
        facet_count.count = count;
        counts.push_back(std::move(facet_count));
    }
    // Most frequent first; equal counts by value, so the list is stable.
    std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (counts.size() > limit) counts.resize(limit);
    return counts;
}

bool has_filters(const SearchFilters& filters) {
    return !filters.parties.empty() || !filters.forums.empty() || !filters.langs.empty() ||
           !filters.from.empty() || !filters.to.empty();
}

}  // namespace

struct Searcher::Internal {
    std::vector<std::string> paths;
    Xapian::Database db;
    Analyzer analyzer;
    std::unique_ptr<Gazetteer> gazetteer;
    std::unique_ptr<QueryParser> parser;
    // Made on the first cross-lingual query: the expander is shared by the
    // process and loaded once (see bench/RESULTS.md for its cost).
    std::shared_ptr<const CrossLingualExpander> expander;
    std::unique_ptr<QueryParser> cross_lingual_parser;

    QueryParser& parser_for(const SearchRequest& request) {
        if (!request.cross_lingual) return *parser;
        if (cross_lingual_parser == nullptr) {
            try {
                expander = shared_cross_lingual_expander();
            } catch (const Error& e) {
                throw Error(std::string("cross-lingual search: ") + e.what() +
                            " (install Debian's mueller7-dict, or search without it: "
                            "--no-cross-lingual)");
            }
            cross_lingual_parser =
                std::make_unique<QueryParser>(analyzer, expander.get(), gazetteer.get());
        }
        return *cross_lingual_parser;
    }

    // The other documents of a hit's translation group.
    std::vector<Translation> translations_of(const Hit& hit) const {
        std::vector<Translation> others;
        const std::string group_term = schema::term(schema::kGroupPrefix, hit.group);
        for (auto it = db.postlist_begin(group_term); it != db.postlist_end(group_term); ++it) {
            const Document document = document_from_json(db.get_document(*it).get_data());
            if (document.id != hit.id) others.push_back({document.id, document.lang, document.title});
        }
        std::sort(others.begin(), others.end(),
                  [](const Translation& a, const Translation& b) { return a.id < b.id; });
        return others;
    }

    // The query with the request's filters applied.
    Xapian::Query filtered_query(const SearchRequest& request, const ParsedQuery* parsed) const {
        std::vector<Xapian::Query> filters;
        auto any_of = [&](const char* field, const std::vector<std::string>& values) {
            std::vector<Xapian::Query> alternatives;
            for (const auto& value : values) alternatives.push_back(parser->filter(field, value));
            if (!alternatives.empty()) {
                filters.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
            }
        };
        any_of("party", request.filters.parties);
        any_of("forum", request.filters.forums);
        any_of("lang", request.filters.langs);
        if (!request.filters.from.empty() || !request.filters.to.empty()) {
            filters.push_back(parser->filter("date", request.filters.from + ".." + request.filters.to));
        }
        Xapian::Query query = parsed != nullptr ? parsed->query : Xapian::Query();
        if (filters.empty()) return query;
        const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
        if (query.empty()) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
        return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }

    SearchResult run(const SearchRequest& request, const ParsedQuery& parsed,
                     const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight(request.bm25.k1, 0, 1, request.bm25.b,
                                                        request.bm25.min_normlen));
        // Ties (many headlines score exactly alike) go newest first, then by id,
        // so a query always lists the same documents in the same order, on one
        // database or many, local or remote.
        switch (request.sort) {
            case SortOrder::kRelevance:
                enquire.set_sort_by_relevance_then_value(schema::kTieBreakSlot, false);
                break;
            case SortOrder::kDateAscending:
            case SortOrder::kDateDescending:
                enquire.set_sort_by_value_then_relevance(
                    schema::kDateSlot, request.sort == SortOrder::kDateDescending);
                break;
        }
        if (request.collapse) enquire.set_collapse_key(schema::kGroupSlot);
        // One spy per slot; a facet sums its slots' counts.
        std::vector<std::pair<std::string, std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>>>
            spies;
        for (const std::string& facet : request.facets) {
            auto& [name, slot_spies] = spies.emplace_back();
            name = facet;
            for (const Xapian::valueno slot : facet_slots(facet)) {
                slot_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
                enquire.add_matchspy(slot_spies.back().get());
            }
        }
        // Facets count the whole match set, exactly: the matcher must see every match.
        const Xapian::doccount check_at_least =
            spies.empty() ? std::max<Xapian::doccount>(
                                kExactTotalUpTo,
                                static_cast<Xapian::doccount>(request.offset + request.limit))
                          : db.get_doccount();
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), check_at_least);

        SearchResult result;
        result.query = request.query;
        result.expansions = parsed.expansions;
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
            if (request.collapse && !hit.group.empty()) hit.translations = translations_of(hit);
            if (request.snippets) {
                hit.snippet = make_snippet(analyzer, document.body, document.lang, parsed,
                                           request.snippet_chars);
            }
            result.hits.push_back(std::move(hit));
        }
        for (const auto& [facet, slot_spies] : spies) {
            result.facets[facet] = facet_counts(*gazetteer, facet, slot_spies, request.facet_limit);
        }
        return result;
    }
};

Searcher::Searcher(const std::vector<std::string>& paths,
                   const std::vector<std::string>& gazetteer_dirs)
    : internal_(std::make_unique<Internal>()) {
    internal_->gazetteer = std::make_unique<Gazetteer>(Gazetteer::load_default(
        std::vector<std::filesystem::path>(gazetteer_dirs.begin(), gazetteer_dirs.end())));
    internal_->parser =
        std::make_unique<QueryParser>(internal_->analyzer, nullptr, internal_->gazetteer.get());
    if (paths.empty()) throw IndexError("no database to search");
    internal_->paths = paths;
    for (const auto& path : paths) internal_->db.add_database(detail::open_for_reading(path));
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
    ParsedQuery parsed;
    if (!request.query.empty() || !has_filters(request.filters)) {
        parsed = internal_->parser_for(request).parse(request.query);
    }
    const Xapian::Query query = internal_->filtered_query(request, &parsed);
    for (const std::string& facet : request.facets) (void)facet_slots(facet);
    return detail::translate_xapian_errors(join_paths(internal_->paths), [&] {
        for (int attempt = 1;; ++attempt) {
            try {
                return internal_->run(request, parsed, query);
            } catch (const Xapian::DatabaseModifiedError&) {
                // A writer committed under us: reopen and run the search again.
                if (attempt == kAttempts) throw;
                internal_->db.reopen();
            }
        }
    });
}

std::vector<std::string> Searcher::warnings() const {
    std::vector<std::string> warnings;
    for (const GazetteerIssue& issue : internal_->gazetteer->issues()) {
        warnings.push_back(issue.describe());
    }
    if (internal_->expander != nullptr) {
        const auto& skipped = internal_->expander->statistics().skipped_lines;
        warnings.insert(warnings.end(), skipped.begin(), skipped.end());
    }
    return warnings;
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

DatabaseStats Searcher::stats() {
    return detail::translate_xapian_errors(join_paths(internal_->paths), [&] {
        const Xapian::Database& db = internal_->db;
        DatabaseStats stats;
        stats.documents = db.get_doccount();
        const std::string lang_prefix(schema::kLangPrefix);
        for (auto it = db.allterms_begin(lang_prefix); it != db.allterms_end(lang_prefix); ++it) {
            stats.languages[(*it).substr(lang_prefix.size())] = it.get_termfreq();
        }
        auto iso = [](const std::string& compact) {
            return compact.size() == 8 ? compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" +
                                             compact.substr(6, 2)
                                       : compact;
        };
        stats.first_date = iso(db.get_value_lower_bound(schema::kDateSlot));
        stats.last_date = iso(db.get_value_upper_bound(schema::kDateSlot));
        stats.with_date = db.get_value_freq(schema::kDateSlot);
        stats.with_parties = db.get_value_freq(schema::kPartiesSlot);
        stats.with_forum = db.get_value_freq(schema::kForumSlot);
        for (const std::string& path : internal_->paths) {
            std::error_code error;
            if (!std::filesystem::is_directory(path, error)) continue;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
                if (entry.is_regular_file(error)) stats.bytes += entry.file_size(error);
            }
        }
        return stats;
    });
}

std::size_t Searcher::document_count() {
    return detail::translate_xapian_errors(join_paths(internal_->paths),
                                           [&] { return std::size_t{internal_->db.get_doccount()}; });
}

}  // namespace chancery
