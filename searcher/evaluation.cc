// trec_eval-compatible measures over qrels and runs.
#include <chancery/evaluation.h>

#include <chancery/error.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace chancery {
namespace {

std::vector<std::string> fields_of(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> fields;
    for (std::string field; in >> field;) fields.push_back(field);
    return fields;
}

template <typename Handle>
void read_lines(const std::string& path, std::size_t expected_fields, const char* format,
                Handle&& handle) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        const auto fields = fields_of(line);
        if (fields.empty()) continue;
        if (fields.size() != expected_fields) {
            throw Error(path + ":" + std::to_string(number) + ": expected " + format);
        }
        try {
            handle(fields);
        } catch (const std::logic_error&) {  // std::stoi / std::stod
            throw Error(path + ":" + std::to_string(number) + ": expected " + format);
        }
    }
}

}  // namespace

Qrels read_qrels(const std::string& path) {
    Qrels qrels;
    read_lines(path, 4, "\"qid iter docid grade\"", [&](const std::vector<std::string>& f) {
        qrels[f[0]][f[2]] = std::stoi(f[3]);
    });
    return qrels;
}

TrecRun read_run(const std::string& path) {
    TrecRun run;
    read_lines(path, 6, "\"qid Q0 docid rank score tag\"", [&](const std::vector<std::string>& f) {
        run[f[0]].push_back({f[2], std::stod(f[4])});
    });
    return run;
}

Measures evaluate(const Qrels& qrels, const TrecRun& run) {
    Measures sum;
    for (const auto& [qid, listed] : run) {
        const auto judged = qrels.find(qid);
        if (judged == qrels.end()) continue;
        std::vector<int> ideal;
        for (const auto& [docid, grade] : judged->second) {
            if (grade > 0) ideal.push_back(grade);
        }
        if (ideal.empty()) continue;
        std::sort(ideal.begin(), ideal.end(), std::greater<>());

        std::vector<RankedDocument> ranked = listed;
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const RankedDocument& a, const RankedDocument& b) {
                             return a.score != b.score ? a.score > b.score : a.docid > b.docid;
                         });
        double precision_sum = 0.0, dcg = 0.0, reciprocal = 0.0;
        std::size_t found = 0, found_at_10 = 0, found_at_100 = 0;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const auto grade_it = judged->second.find(ranked[i].docid);
            const int grade = grade_it == judged->second.end() ? 0 : grade_it->second;
            if (grade <= 0) continue;
            ++found;
            precision_sum += static_cast<double>(found) / static_cast<double>(i + 1);
            if (i < 10) {
                ++found_at_10;
                dcg += grade / std::log2(static_cast<double>(i) + 2.0);
            }
            if (i < 100) ++found_at_100;
            if (reciprocal == 0.0) reciprocal = 1.0 / static_cast<double>(i + 1);
        }
        double ideal_dcg = 0.0;
        for (std::size_t i = 0; i < ideal.size() && i < 10; ++i) {
            ideal_dcg += ideal[i] / std::log2(static_cast<double>(i) + 2.0);
        }
        const auto relevant = static_cast<double>(ideal.size());
        ++sum.queries;
        sum.map += precision_sum / relevant;
        sum.ndcg_at_10 += dcg / ideal_dcg;
        sum.p_at_10 += static_cast<double>(found_at_10) / 10.0;
        sum.recall_at_100 += static_cast<double>(found_at_100) / relevant;
        sum.mrr += reciprocal;
        sum.mrr_at_10 += reciprocal >= 0.1 ? reciprocal : 0.0;
    }
    if (sum.queries == 0) return sum;
    const auto n = static_cast<double>(sum.queries);
    for (double* measure : {&sum.map, &sum.ndcg_at_10, &sum.p_at_10, &sum.recall_at_100, &sum.mrr,
                            &sum.mrr_at_10}) {
        *measure /= n;
    }
    return sum;
}

}  // namespace chancery
