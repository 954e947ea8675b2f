// `chancery search`: ranked results with snippets, as text for people or JSON for tools.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <unistd.h>

#include <fstream>
#include <iostream>

namespace chancery::cli {
namespace {

namespace po = boost::program_options;

// Wraps highlighted ranges: in colour on a terminal, in [brackets] elsewhere.
std::string render(const Snippet& snippet, bool colour) {
    const char* open = colour ? "\033[1;33m" : "[";
    const char* close = colour ? "\033[0m" : "]";
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : snippet.highlights) {
        out.append(snippet.text, at, h.begin - at).append(open);
        out.append(snippet.text, h.begin, h.end - h.begin).append(close);
        at = h.end;
    }
    out.append(snippet.text, at, std::string::npos);
    return out;
}

// Splits "party,forum,lang" into names.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) items.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

// TREC run files separate fields by spaces: spaces in ids are written as %20
// (and % as %25), which `chancery eval` reads back the same way.
std::string trec_id(const std::string& id) {
    std::string encoded;
    for (const char c : id) {
        if (c == '%') {
            encoded += "%25";
        } else if (c == ' ' || c == '\t') {
            encoded += c == ' ' ? "%20" : "%09";
        } else {
            encoded += c;
        }
    }
    return encoded;
}

void print_trec(const std::string& qid, const SearchResult& result, const std::string& run) {
    for (const Hit& hit : result.hits) {
        std::cout << qid << " Q0 " << trec_id(hit.id) << " " << hit.rank << " " << hit.score << " "
                  << run << "\n";
    }
}

void print_facets(const SearchResult& result) {
    for (const auto& [facet, counts] : result.facets) {
        std::cout << "\n" << facet << ":";
        for (const FacetCount& count : counts) {
            std::cout << "  " << count.label;
            if (count.label != count.value) std::cout << " (" << count.value << ")";
            std::cout << " " << count.count;
        }
        std::cout << "\n";
    }
}

void print_text(const SearchResult& result, bool colour) {
    std::cout << result.total << (result.total_exact ? "" : " (estimated)") << " matches for "
              << result.query << "\n";
    if (!result.expansions.empty()) {
        // One line per word typed: what it also searched, and from where.
        std::string word;
        for (const QueryExpansion& e : result.expansions) {
            if (e.word != word) {
                std::cout << (word.empty() ? "" : "\n") << "  " << e.word << " also searched:";
                word = e.word;
            }
            std::cout << " " << e.added << " (" << e.source << ")";
        }
        std::cout << "\n";
    }
    for (const Hit& hit : result.hits) {
        std::cout << "\n" << hit.rank << ". " << hit.title << "\n   "
                  << (hit.date.empty() ? "----------" : hit.date) << "  " << hit.lang << "  "
                  << hit.id << "  score " << hit.score << "\n";
        if (!hit.snippet.text.empty()) std::cout << "   " << render(hit.snippet, colour) << "\n";
        for (const Translation& translation : hit.translations) {
            std::cout << "   also in " << translation.lang << ": " << translation.id << "  "
                      << translation.title << "\n";
        }
    }
    print_facets(result);
}

SortOrder parse_sort(const std::string& name) {
    if (name == "relevance") return SortOrder::kRelevance;
    if (name == "date") return SortOrder::kDateAscending;
    if (name == "-date") return SortOrder::kDateDescending;
    throw po::error("--sort must be relevance, date or -date, not '" + name + "'");
}

}  // namespace

int search_command(const Arguments& args) {
    std::vector<std::string> dbs;
    std::vector<std::string> words;
    std::string format = "text";
    std::string sort = "relevance";
    std::string facets;
    std::string queries_file;
    std::string run_name = "chancery";
    std::vector<std::string> gazetteers;
    SearchRequest request;
    po::options_description visible("chancery search --db DIR [options] QUERY");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&dbs)->required(), "database (repeat to search several as one)")
        ("limit,n", po::value(&request.limit)->default_value(request.limit), "hits to show")
        ("offset", po::value(&request.offset)->default_value(0), "hits to skip")
        ("sort", po::value(&sort)->default_value(sort), "relevance, date (oldest first) or -date")
        ("format", po::value(&format)->default_value(format), "text, json or trec")
        ("party", po::value(&request.filters.parties), "only documents with this party (code or name; repeatable)")
        ("forum", po::value(&request.filters.forums), "only documents of this forum (repeatable)")
        ("lang", po::value(&request.filters.langs), "only documents in this language (repeatable)")
        ("from", po::value(&request.filters.from), "released on or after YYYY[-MM[-DD]]")
        ("to", po::value(&request.filters.to), "released on or before YYYY[-MM[-DD]]")
        ("facets", po::value(&facets), "count facets over all matches: party,forum,lang,year,month")
        ("facet-limit", po::value(&request.facet_limit)->default_value(request.facet_limit),
         "values shown per facet")
        ("bm25-k1", po::value(&request.bm25.k1)->default_value(request.bm25.k1), "BM25 k1")
        ("bm25-b", po::value(&request.bm25.b)->default_value(request.bm25.b), "BM25 b")
        ("bm25-min-normlen",
         po::value(&request.bm25.min_normlen)->default_value(request.bm25.min_normlen),
         "BM25 floor on normalised document length")
        ("queries", po::value(&queries_file), "run every qid<TAB>query line of this file")
        ("run-name", po::value(&run_name)->default_value(run_name), "run tag of --format trec")
        ("collapse", "one hit per translation group, other languages listed")
        ("gazetteer", po::value(&gazetteers),
         "directory of gazetteer files adding or overriding parties and forums (repeatable)")
        ("no-cross-lingual", "search the words as typed only, without their translations")
        ("cross-lingual", "also search English words' Russian translations and the reverse (default)")
        ("no-snippets", "leave snippets out");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::positional_options_description positional;
    positional.add("query", -1);
    const auto vm = parse_arguments(args, visible, hidden, positional);
    if (!vm) return kOk;
    if (format != "text" && format != "json" && format != "trec") {
        throw po::error("--format must be text, json or trec, not '" + format + "'");
    }
    for (const auto& word : words) request.query.append(request.query.empty() ? "" : " ").append(word);
    request.sort = parse_sort(sort);
    request.snippets = vm->count("no-snippets") == 0 && format != "trec";
    request.facets = split_list(facets);
    request.collapse = vm->count("collapse") > 0;
    if (vm->count("cross-lingual") > 0 && vm->count("no-cross-lingual") > 0) {
        throw po::error("give --cross-lingual or --no-cross-lingual, not both");
    }
    request.cross_lingual = vm->count("no-cross-lingual") == 0;

    Searcher searcher(dbs, gazetteers);
    const bool colour = isatty(STDOUT_FILENO) == 1;
    auto answer = [&](const std::string& qid, const SearchRequest& one) {
        const SearchResult result = searcher.search(one);
        if (format == "trec") {
            print_trec(qid, result, run_name);
        } else if (format == "json") {
            std::cout << to_json(result, qid) << "\n";
        } else {
            if (!qid.empty()) std::cout << "\n# " << qid << "\n";
            print_text(result, colour);
        }
    };
    // Malformed lines of the gazetteers and the glossary, skipped.
    auto warn = [&] {
        for (const std::string& warning : searcher.warnings()) {
            std::cerr << "chancery search: skipped " << warning << "\n";
        }
    };
    if (queries_file.empty()) {
        if (format == "trec") throw po::error("--format trec needs --queries FILE");
        answer({}, request);
        warn();
        return kOk;
    }
    if (!request.query.empty()) throw po::error("give either a QUERY or --queries, not both");
    std::ifstream in(queries_file);
    if (!in) throw po::error("cannot open --queries file " + queries_file);
    int status = kOk;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            std::cerr << queries_file << ":" << number << ": expected qid<TAB>query\n";
            status = kRejected;
            continue;
        }
        SearchRequest one = request;
        one.query = line.substr(tab + 1);
        try {
            answer(line.substr(0, tab), one);
        } catch (const QueryError& e) {
            // One unreadable query loses that query only.
            std::cerr << queries_file << ":" << number << ": query error at character "
                      << e.position() + 1 << ": " << e.what() << "\n";
            status = kRejected;
        }
    }
    warn();
    return status;
}

}  // namespace chancery::cli
