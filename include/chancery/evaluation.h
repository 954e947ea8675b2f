// Ranking evaluation as trec_eval computes it: MAP, nDCG@10, P@10, Recall@100, MRR.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace chancery {

// Relevance judgments: qid -> docid -> grade (> 0 is relevant).
using Qrels = std::map<std::string, std::map<std::string, int>>;

struct RankedDocument {
    std::string docid;
    double score = 0.0;
};
// A run: qid -> documents. evaluate() orders them as trec_eval does.
using TrecRun = std::map<std::string, std::vector<RankedDocument>>;

// Means over the evaluated queries: those that are in the run and have at least one
// relevant document in the qrels (trec_eval's default).
struct Measures {
    std::size_t queries = 0;
    double map = 0.0;           // mean average precision, whole run
    double ndcg_at_10 = 0.0;    // graded gain, log2 discount, ideal from the qrels
    double p_at_10 = 0.0;
    double recall_at_100 = 0.0;
    double mrr = 0.0;           // reciprocal rank of the first relevant document
    double mrr_at_10 = 0.0;     // the same, 0 when it is below rank 10
};

// Reads TREC qrels lines "qid iter docid grade". Throws chancery::Error naming
// the file and line of a malformed line.
[[nodiscard]] Qrels read_qrels(const std::string& path);

// Reads TREC run lines "qid Q0 docid rank score tag". Throws chancery::Error
// naming the file and line of a malformed line.
[[nodiscard]] TrecRun read_run(const std::string& path);

// Scores a run. Within a query, documents are ranked by score, higher first, and
// equal scores by docid, later first (trec_eval's order); the run's ranks are ignored.
[[nodiscard]] Measures evaluate(const Qrels& qrels, const TrecRun& run);

}  // namespace chancery
