// Search latency through the Chancery library: each query of a qid<TAB>query
// file answered `reps` times (after one warm-up), top 10 with snippets and
// facets, as a user's search would be, cross-lingual search on unless
// --no-cross-lingual (--no-facets leaves the facets out). Prints p50/p95/p99 over all timings.
//
//   chancery_latency [--no-cross-lingual] [--no-facets] QUERIES.tsv REPS DB...
#include <chancery/chancery.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    bool cross_lingual = true, facets = true;
    for (; argc > 1 && std::string(argv[1]).rfind("--", 0) == 0; --argc, ++argv) {
        const std::string flag = argv[1];
        if (flag == "--no-cross-lingual") {
            cross_lingual = false;
        } else if (flag == "--no-facets") {
            facets = false;
        } else {
            std::cerr << "unknown option " << flag << "\n";
            return 2;
        }
    }
    if (argc < 4) {
        std::cerr << "usage: chancery_latency [--no-cross-lingual] [--no-facets] QUERIES.tsv REPS DB...\n";
        return 2;
    }
    std::vector<std::pair<std::string, std::string>> queries;
    std::ifstream in(argv[1]);
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    const int reps = std::stoi(argv[2]);
    chancery::Searcher searcher(std::vector<std::string>(argv + 3, argv + argc));
    std::vector<double> ms;
    std::vector<std::pair<double, std::string>> slowest;  // a query's best time, its qid
    std::size_t hits = 0, failed = 0;
    for (const auto& [qid, text] : queries) {
        chancery::SearchRequest request;
        request.query = text;
        request.limit = 10;
        if (facets) request.facets = {"party", "forum", "lang", "year"};
        request.cross_lingual = cross_lingual;
        double best = 1e300;
        for (int rep = -1; rep < reps; ++rep) {
            const auto start = std::chrono::steady_clock::now();
            try {
                const auto result = searcher.search(request);
                if (rep == 0) hits += result.total;
            } catch (const chancery::Error& e) {
                if (rep == -1) {
                    std::cerr << qid << ": " << e.what() << "\n";
                    ++failed;
                }
                break;
            }
            const double elapsed = std::chrono::duration<double, std::milli>(
                                       std::chrono::steady_clock::now() - start)
                                       .count();
            if (rep >= 0) {
                ms.push_back(elapsed);
                best = std::min(best, elapsed);
            }
        }
        if (best < 1e300) slowest.emplace_back(best, qid);
    }
    // The slowest queries, to stderr: where to look first.
    std::sort(slowest.rbegin(), slowest.rend());
    for (std::size_t i = 0; i < std::min<std::size_t>(5, slowest.size()); ++i) {
        std::cerr << "slow: " << slowest[i].second << " " << slowest[i].first << " ms\n";
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) {
        return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
    };
    double sum = 0;
    for (double v : ms) sum += v;
    std::printf("queries %zu (failed %zu), timings %zu, matches %zu\n", queries.size(), failed,
                ms.size(), hits);
    std::printf("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  mean %.2f ms\n", pct(0.50), pct(0.95),
                pct(0.99), ms.empty() ? 0.0 : sum / static_cast<double>(ms.size()));
    return failed == 0 ? 0 : 1;
}
