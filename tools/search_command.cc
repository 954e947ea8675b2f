// `chancery search`: ranked results with snippets, as text for people or JSON for tools.
#include "tools/commands.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <unistd.h>

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

void print_text(const SearchResult& result, bool colour) {
    std::cout << result.total << (result.total_exact ? "" : " (estimated)") << " matches for "
              << result.query << "\n";
    for (const Hit& hit : result.hits) {
        std::cout << "\n" << hit.rank << ". " << hit.title << "\n   "
                  << (hit.date.empty() ? "----------" : hit.date) << "  " << hit.lang << "  "
                  << hit.id << "  score " << hit.score << "\n";
        if (!hit.snippet.text.empty()) std::cout << "   " << render(hit.snippet, colour) << "\n";
    }
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
    SearchRequest request;
    po::options_description visible("chancery search --db DIR [options] QUERY");
    visible.add_options()
        ("help,h", "show this help")
        ("db", po::value(&dbs)->required(), "database (repeat to search several as one)")
        ("limit,n", po::value(&request.limit)->default_value(request.limit), "hits to show")
        ("offset", po::value(&request.offset)->default_value(0), "hits to skip")
        ("sort", po::value(&sort)->default_value(sort), "relevance, date (oldest first) or -date")
        ("format", po::value(&format)->default_value(format), "text or json")
        ("no-snippets", "leave snippets out");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << visible;
        return kOk;
    }
    po::notify(vm);
    if (format != "text" && format != "json") {
        throw po::error("--format must be text or json, not '" + format + "'");
    }
    for (const auto& word : words) request.query.append(request.query.empty() ? "" : " ").append(word);
    request.sort = parse_sort(sort);
    request.snippets = vm.count("no-snippets") == 0;

    Searcher searcher(dbs);
    const SearchResult result = searcher.search(request);
    if (format == "json") {
        std::cout << to_json(result) << "\n";
    } else {
        print_text(result, isatty(STDOUT_FILENO) == 1);
    }
    return kOk;
}

}  // namespace chancery::cli
