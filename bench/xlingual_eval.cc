// Cross-language search measured: indexes each ../shared/eval set, runs its
// queries with and without the cross-lingual expander, and prints MAP, nDCG@10
// and MRR@10 on the tuning half, the held-out half and the whole set, and the
// query latency of both.
//
//   xlingual_eval [--shared DIR] [--sets a,b,...] [--latency REPS] [--bm25-b B]
//                 [--option NAME=VALUE]... [--failures N] [--runs DIR]
//                 [--latency-db DB --latency-queries QUERIES.tsv] [--glossary DIR]
//
// --latency-db times the queries of a qid<TAB>query file on an existing
// database (bench/queries.tsv on the shared corpora) the way chancery::Searcher
// spends the time, with and without the expander.
//
// The halves split XQuAD by article (xqNNp..: even NN tunes, odd NN is held
// out), so no paragraph's questions sit on both sides; Cranfield by query
// number. Every query counts: one that finds nothing scores 0. --failures
// prints the misses of the tuning half only, with what each word gained.
#include <chancery/chancery.h>

#include "indexer/schema.h"
#include "searcher/cross_lingual.h"
#include "searcher/query_parser.h"
#include "searcher/snippets.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using chancery::CrossLingualExpander;
using chancery::CrossLingualOptions;

constexpr Xapian::doccount kRunDepth = 1000;

enum class Half { kTune, kHeldOut };

// A temporary directory removed when done; move-only, one owner.
class ScratchDirectory {
  public:
    ScratchDirectory() {
        std::string pattern = (fs::temp_directory_path() / "chancery-xlingual-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDirectory() {
        if (!path_.empty()) {
            std::error_code ignored;
            fs::remove_all(path_, ignored);
        }
    }
    ScratchDirectory(ScratchDirectory&& other) noexcept : path_(std::move(other.path_)) {
        other.path_.clear();
    }
    ScratchDirectory& operator=(ScratchDirectory&&) = delete;
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

struct Query {
    std::string qid;
    std::string text;
    Half half = Half::kTune;
};

struct Timing {
    std::vector<double> ms;
    [[nodiscard]] double mean() const {
        double sum = 0;
        for (const double v : ms) sum += v;
        return ms.empty() ? 0.0 : sum / static_cast<double>(ms.size());
    }
    [[nodiscard]] double percentile(double p) {
        if (ms.empty()) return 0.0;
        std::sort(ms.begin(), ms.end());
        return ms[std::min(ms.size() - 1,
                           static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
    }
};

std::vector<Query> read_queries(const fs::path& path, const chancery::Qrels& qrels) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<Query> queries;
    for (std::string line; std::getline(in, line);) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        Query query{line.substr(0, tab), line.substr(tab + 1), Half::kTune};
        const auto judged = qrels.find(query.qid);
        std::string doc = judged != qrels.end() && !judged->second.empty()
                              ? judged->second.begin()->first
                              : std::string();
        if (doc.rfind("xq", 0) == 0 && doc.size() >= 4) {
            // XQuAD: the article's number.
            query.half =
                std::atoi(doc.substr(2, 2).c_str()) % 2 == 0 ? Half::kTune : Half::kHeldOut;
        } else {
            query.half = std::atoi(query.qid.c_str()) % 2 == 1 ? Half::kTune : Half::kHeldOut;
        }
        queries.push_back(std::move(query));
    }
    return queries;
}

void index_set(const fs::path& docs, const fs::path& db) {
    chancery::IndexOptions options;
    options.jobs = 2;
    chancery::IndexWriter writer(db.string(), options);
    chancery::JsonLinesReader reader(docs.string());
    while (auto record = reader.next()) {
        if (record->document) {
            writer.add(std::move(*record->document), record->where);
        } else {
            writer.reject({record->where, record->reason});
        }
    }
    writer.commit();
}

struct SetResult {
    chancery::Measures tune, held_out, all;
    Timing timing;
};

// Runs every query; `timing_reps` more passes are timed (parse + top 10).
SetResult run_set(const Xapian::Database& db, const chancery::Qrels& qrels,
                  const std::vector<Query>& queries, const chancery::QueryExpander* expander,
                  const chancery::Bm25Parameters& bm25, int timing_reps,
                  std::size_t failures_to_show, const std::string& run_file) {
    const chancery::Analyzer analyzer;
    const chancery::QueryParser parser(analyzer, expander);
    Xapian::Enquire enquire(db);
    // As chancery::Searcher weighs (searcher.cc), with its default parameters.
    enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, bm25.min_normlen));
    enquire.set_sort_by_relevance_then_value(chancery::schema::kTieBreakSlot, false);
    chancery::TrecRun tune, held_out, all;
    std::size_t shown = 0;
    for (const Query& query : queries) {
        std::vector<chancery::RankedDocument> ranked;
        std::optional<chancery::ParsedQuery> parsed;
        try {
            parsed = parser.parse(query.text);
            enquire.set_query(parsed->query);
            const Xapian::MSet mset = enquire.get_mset(0, kRunDepth);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                ranked.push_back({it.get_document().get_value(chancery::schema::kIdSlot),
                                  static_cast<double>(kRunDepth - ranked.size())});
            }
        } catch (const chancery::QueryError&) {
            // Nothing to search for ("the who"): the query scores 0.
        }
        // Failures of the tuning half only: the held-out half stays unseen.
        if (failures_to_show > shown && parsed && query.half == Half::kTune) {
            const auto& relevant = qrels.at(query.qid);
            std::size_t rank = 0;
            for (; rank < ranked.size() && rank < 10; ++rank) {
                if (relevant.count(ranked[rank].docid) > 0) break;
            }
            if (rank >= std::min<std::size_t>(10, ranked.size())) {
                ++shown;
                std::size_t found = 0;
                while (found < ranked.size() && relevant.count(ranked[found].docid) == 0) ++found;
                std::cout << "MISS " << query.qid << " rank "
                          << (found < ranked.size() ? std::to_string(found + 1) : "-") << " "
                          << query.text << "\n   top:";
                for (std::size_t k = 0; k < 3 && k < ranked.size(); ++k) {
                    std::cout << " " << ranked[k].docid;
                }
                std::cout << "  want:";
                for (const auto& [doc, grade] : relevant) std::cout << " " << doc;
                std::cout << "\n";
                for (const auto& e : parsed->expansions) {
                    std::cout << "   " << e.word << " -> " << e.added << " (" << e.source << ")\n";
                }
            }
        }
        (query.half == Half::kTune ? tune : held_out)[query.qid] = ranked;
        all[query.qid] = std::move(ranked);
    }
    if (!run_file.empty()) {
        // A TREC run, for trec_eval or `chancery eval`.
        std::ofstream out(run_file);
        for (const auto& [qid, ranked] : all) {
            for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
                out << qid << " Q0 " << ranked[rank].docid << " " << rank + 1 << " "
                    << ranked[rank].score << " " << (expander != nullptr ? "on" : "off") << "\n";
            }
        }
        if (!out) throw std::runtime_error("cannot write " + run_file);
    }
    SetResult result;
    result.tune = chancery::evaluate(qrels, tune);
    result.held_out = chancery::evaluate(qrels, held_out);
    result.all = chancery::evaluate(qrels, all);
    for (int rep = 0; rep < timing_reps; ++rep) {
        for (const Query& query : queries) {
            const auto start = std::chrono::steady_clock::now();
            try {
                enquire.set_query(parser.parse(query.text).query);
                const Xapian::MSet mset = enquire.get_mset(0, 10);
                (void)mset.size();
            } catch (const chancery::QueryError&) {
            }
            result.timing.ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
    }
    return result;
}

// Query latency on an existing database, as chancery::Searcher spends it
// (searcher.cc): parse, top 10 with totals counted exactly up to 1000, a
// snippet per hit. Each query once to warm up, then `reps` timed passes.
void measure_latency(const std::string& db_path, const std::string& queries_path,
                     const chancery::QueryExpander& expander, const chancery::Bm25Parameters& bm25,
                     int reps) {
    std::ifstream in(queries_path);
    if (!in) throw std::runtime_error("cannot read " + queries_path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
    }
    const Xapian::Database db(db_path);
    const chancery::Analyzer analyzer;
    Timing off, on;
    std::size_t terms_off = 0, terms_on = 0;
    for (int rep = -1; rep < reps; ++rep) {
        for (const std::string& text : queries) {
            for (const bool cross_lingual : {false, true}) {
                const chancery::QueryParser parser(analyzer, cross_lingual ? &expander : nullptr);
                const auto start = std::chrono::steady_clock::now();
                try {
                    const chancery::ParsedQuery parsed = parser.parse(text);
                    Xapian::Enquire enquire(db);
                    enquire.set_weighting_scheme(
                        Xapian::BM25Weight(bm25.k1, 0, 1, bm25.b, bm25.min_normlen));
                    enquire.set_sort_by_relevance_then_value(chancery::schema::kTieBreakSlot,
                                                             false);
                    enquire.set_query(parsed.query);
                    const Xapian::MSet mset = enquire.get_mset(0, 10, 1000);
                    for (auto it = mset.begin(); it != mset.end(); ++it) {
                        const chancery::Document document =
                            chancery::document_from_json(it.get_document().get_data());
                        (void)chancery::make_snippet(analyzer, document.body, document.lang, parsed,
                                                     240);
                    }
                    if (rep == 0)
                        (cross_lingual ? terms_on : terms_off) += parsed.query.get_length();
                } catch (const chancery::QueryError&) {
                }
                if (rep < 0) continue;
                (cross_lingual ? on : off)
                    .ms.push_back(std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
            }
        }
    }
    std::printf(
        "latency on %s (%u documents), %zu queries x %d: terms per query %.1f off, %.1f on\n",
        db_path.c_str(), db.get_doccount(), queries.size(), reps,
        static_cast<double>(terms_off) / static_cast<double>(queries.size()),
        static_cast<double>(terms_on) / static_cast<double>(queries.size()));
    std::printf(
        "  off: mean %.2f p50 %.2f p95 %.2f ms   on: mean %.2f p50 %.2f p95 %.2f ms   "
        "ratio of means %.2f, of p50 %.2f, of p95 %.2f\n",
        off.mean(), off.percentile(0.5), off.percentile(0.95), on.mean(), on.percentile(0.5),
        on.percentile(0.95), on.mean() / off.mean(), on.percentile(0.5) / off.percentile(0.5),
        on.percentile(0.95) / off.percentile(0.95));
}

void set_option(CrossLingualOptions& options, const std::string& assignment) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string::npos) throw std::runtime_error("--option needs NAME=VALUE");
    const std::string name = assignment.substr(0, equals);
    const double value = std::stod(assignment.substr(equals + 1));
    if (name == "senses_per_part_of_speech") {
        options.senses_per_part_of_speech = static_cast<std::size_t>(value);
    } else if (name == "translations_per_sense") {
        options.translations_per_sense = static_cast<std::size_t>(value);
    } else if (name == "max_alternatives") {
        options.max_alternatives = static_cast<std::size_t>(value);
    } else if (name == "translation_weight") {
        options.translation_weight = value;
    } else if (name == "glossary_weight") {
        options.glossary_weight = value;
    } else if (name == "same_language_weight") {
        options.same_language_weight = value;
    } else if (name == "transliteration_weight") {
        options.transliteration_weight = value;
    } else if (name == "cognate_weight") {
        options.cognate_weight = value;
    } else {
        throw std::runtime_error("unknown option " + name);
    }
}

void print_row(const std::string& set, const char* half, const chancery::Measures& off,
               const chancery::Measures& on) {
    std::printf("%-12s %-9s %5zu  %6.4f %6.4f  %6.4f %6.4f  %6.4f %6.4f\n", set.c_str(), half,
                on.queries, off.map, on.map, off.ndcg_at_10, on.ndcg_at_10, off.mrr_at_10,
                on.mrr_at_10);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string shared = std::getenv("CHANCERY_SHARED_DIR") != nullptr
                                 ? std::getenv("CHANCERY_SHARED_DIR")
                                 : "../shared";
        std::vector<std::string> sets = {"xquad-en2ru", "xquad-ru2en", "xquad-ru", "xquad-en",
                                         "cranfield"};
        int timing_reps = 0;
        std::size_t failures = 0;
        CrossLingualOptions options;
        chancery::Bm25Parameters bm25;
        std::string runs;  // directory for TREC run files
        std::string latency_db, latency_queries;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
                return argv[++i];
            };
            if (arg == "--shared") {
                shared = value();
            } else if (arg == "--sets") {
                sets.clear();
                std::stringstream list(value());
                for (std::string set; std::getline(list, set, ',');) sets.push_back(set);
            } else if (arg == "--latency") {
                timing_reps = std::stoi(value());
            } else if (arg == "--glossary") {
                // A directory to read instead of corpora/data/glossary (an empty one: none).
                options.glossary_directories = {value()};
            } else if (arg == "--latency-db") {
                latency_db = value();
            } else if (arg == "--latency-queries") {
                latency_queries = value();
            } else if (arg == "--runs") {
                runs = value();
            } else if (arg == "--bm25-b") {
                bm25.b = std::stod(value());
            } else if (arg == "--option") {
                set_option(options, value());
            } else if (arg == "--failures") {
                failures = static_cast<std::size_t>(std::stoul(value()));
            } else {
                std::cerr << "usage: xlingual_eval [--shared DIR] [--sets a,b] [--latency REPS]"
                             " [--bm25-b B] [--option NAME=VALUE]... [--failures N] [--runs DIR]"
                             " [--latency-db DB --latency-queries FILE] [--glossary DIR]\n";
                return 2;
            }
        }
        // What a process pays on its first English query, and on its first
        // Russian one (the inverted dictionary is built then).
        const auto load_start = std::chrono::steady_clock::now();
        const CrossLingualExpander expander(options);
        const auto loaded = std::chrono::steady_clock::now();
        expander.prepare();
        const auto prepared = std::chrono::steady_clock::now();
        std::printf(
            "expander: %zu headwords, %zu glossary entries; loaded in %.0f ms, "
            "Russian->English index built in %.0f ms\n",
            expander.statistics().headwords, expander.statistics().glossary_entries,
            std::chrono::duration<double, std::milli>(loaded - load_start).count(),
            std::chrono::duration<double, std::milli>(prepared - loaded).count());
        std::printf("%-12s %-9s %5s  %-13s  %-13s  %-13s\n", "set", "half", "q", "MAP off/on",
                    "nDCG@10 off/on", "MRR@10 off/on");
        std::vector<std::string> latency_lines;
        for (const std::string& set : sets) {
            const fs::path dir = fs::path(shared) / "eval" / set;
            if (!fs::is_directory(dir)) {
                std::cerr << set << ": " << dir << " not found, skipped\n";
                continue;
            }
            const ScratchDirectory scratch;
            const fs::path db_path = scratch.path() / "db";
            index_set(dir / "docs.jsonl", db_path);
            const Xapian::Database db(db_path.string());
            const chancery::Qrels qrels = chancery::read_qrels((dir / "qrels.txt").string());
            const std::vector<Query> queries = read_queries(dir / "queries.tsv", qrels);
            const std::string run_prefix = runs.empty() ? "" : runs + "/" + set;
            SetResult off = run_set(db, qrels, queries, nullptr, bm25, timing_reps, 0,
                                    runs.empty() ? "" : run_prefix + ".off.run");
            SetResult on = run_set(db, qrels, queries, &expander, bm25, timing_reps, failures,
                                   runs.empty() ? "" : run_prefix + ".on.run");
            print_row(set, "tune", off.tune, on.tune);
            print_row(set, "held-out", off.held_out, on.held_out);
            print_row(set, "all", off.all, on.all);
            if (timing_reps > 0) {
                char line[256];
                std::snprintf(line, sizeof line,
                              "%-12s off: mean %.3f p50 %.3f p95 %.3f ms   on: mean %.3f p50 %.3f "
                              "p95 %.3f ms   ratio of means %.2f",
                              set.c_str(), off.timing.mean(), off.timing.percentile(0.5),
                              off.timing.percentile(0.95), on.timing.mean(),
                              on.timing.percentile(0.5), on.timing.percentile(0.95),
                              on.timing.mean() / off.timing.mean());
                latency_lines.emplace_back(line);
            }
            std::fflush(stdout);
        }
        for (const std::string& line : latency_lines) std::printf("%s\n", line.c_str());
        if (!latency_db.empty()) {
            measure_latency(latency_db, latency_queries, expander, bm25,
                            timing_reps > 0 ? timing_reps : 3);
        }
        return 0;
    } catch (const chancery::Error& e) {
        std::cerr << "xlingual_eval: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "xlingual_eval: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "xlingual_eval: " << e.what() << "\n";
    }
    return 1;
}
