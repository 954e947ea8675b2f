// `chancery eval`: score a TREC run against qrels, as trec_eval does.
#include "tools/commands.h"
#include "tools/options.h"

#include <chancery/chancery.h>

#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>

namespace chancery::cli {

int eval_command(const Arguments& args) {
    namespace po = boost::program_options;
    std::string qrels_path;
    std::string run_path;
    po::options_description visible("chancery eval --qrels FILE RUN");
    visible.add_options()
        ("help,h", "show this help")
        ("qrels", po::value(&qrels_path)->required(), "relevance judgments (TREC qrels)");
    po::options_description hidden;
    hidden.add_options()("run", po::value(&run_path)->required());
    po::positional_options_description positional;
    positional.add("run", 1);
    const auto vm = parse_arguments(args, visible, hidden, positional);
    if (!vm) return kOk;

    const Measures measures = evaluate(read_qrels(qrels_path), read_run(run_path));
    auto line = [](const char* name, double value) {
        std::printf("%-14s all\t%.4f\n", name, value);
    };
    std::printf("%-14s all\t%zu\n", "num_q", measures.queries);
    line("map", measures.map);
    line("ndcg_cut_10", measures.ndcg_at_10);
    line("P_10", measures.p_at_10);
    line("recall_100", measures.recall_at_100);
    line("recip_rank", measures.mrr);
    line("recip_rank_10", measures.mrr_at_10);
    return kOk;
}

}  // namespace chancery::cli
