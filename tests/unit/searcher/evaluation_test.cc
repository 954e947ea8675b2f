// evaluate(): trec_eval's measures against values computed by hand.
#include <chancery/evaluation.h>
#include <chancery/error.h>

#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace chancery {
namespace {

// q1: relevant d1 (1), d3 (2), d7 (1); ranked d3 d2 d1 d4.
//   AP = (1/1 + 2/3) / 3 = 0.5556; P@10 = 0.2; R@100 = 2/3; RR = 1
//   DCG = 2/log2(2) + 1/log2(4) = 2.5; ideal = 2 + 1/log2(3) + 1/log2(4) = 3.1309
// q2: relevant d9; d8 and d9 tie at 5.0: trec_eval puts the later docid first -> d9 at 1.
// q5: relevant d20 at rank 11: RR = 1/11 but RR@10 = 0, nDCG@10 = 0, R@100 = 1.
// q3 (run only) and q4 (qrels only) are not evaluated.
class EvaluationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        qrels_ = {{"q1", {{"d1", 1}, {"d3", 2}, {"d5", 0}, {"d7", 1}}},
                  {"q2", {{"d9", 1}}},
                  {"q4", {{"d1", 1}}},
                  {"q5", {{"d20", 1}}}};
        run_["q1"] = {{"d3", 3.0}, {"d2", 2.0}, {"d1", 1.0}, {"d4", 0.5}};
        run_["q2"] = {{"d8", 5.0}, {"d9", 5.0}};
        run_["q3"] = {{"d1", 1.0}};
        for (int i = 10; i < 20; ++i) {
            run_["q5"].push_back({"d" + std::to_string(i), 30.0 - i});
        }
        run_["q5"].push_back({"d20", 1.0});
    }
    Qrels qrels_;
    TrecRun run_;
};

TEST_F(EvaluationTest, MatchesHandComputedMeasures) {
    const Measures m = evaluate(qrels_, run_);
    EXPECT_EQ(m.queries, 3u);
    EXPECT_NEAR(m.map, (5.0 / 9.0 + 1.0 + 1.0 / 11.0) / 3.0, 1e-9);
    EXPECT_NEAR(m.p_at_10, (0.2 + 0.1 + 0.0) / 3.0, 1e-9);
    EXPECT_NEAR(m.recall_at_100, (2.0 / 3.0 + 1.0 + 1.0) / 3.0, 1e-9);
    EXPECT_NEAR(m.mrr, (1.0 + 1.0 + 1.0 / 11.0) / 3.0, 1e-9);
    EXPECT_NEAR(m.mrr_at_10, 2.0 / 3.0, 1e-9);
    const double ndcg_q1 = 2.5 / (2.0 + 1.0 / std::log2(3.0) + 0.5);
    EXPECT_NEAR(m.ndcg_at_10, (ndcg_q1 + 1.0 + 0.0) / 3.0, 1e-9);
    EXPECT_NEAR(m.map, 0.548822, 1e-6);
    EXPECT_NEAR(m.ndcg_at_10, 0.599495, 1e-6);
}

TEST_F(EvaluationTest, ReadsTrecFilesAndNamesABadLine) {
    testing::TempDir dir;
    {
        std::ofstream(dir / "qrels") << "q1 0 d1 1\nq1 0 d3 2\n\nq2 0 d9 1\n";
        std::ofstream(dir / "run") << "q1 Q0 d3 1 3.5 x\nq1 Q0 d1 2 1.5 x\nq2 Q0 d9 1 2 x\n";
        std::ofstream(dir / "bad") << "q1 Q0 d3 1 3.5 x\nq1 Q0 d1 two\n";
    }
    const Qrels qrels = read_qrels(dir / "qrels");
    EXPECT_EQ(qrels.at("q1").at("d3"), 2);
    const TrecRun run = read_run(dir / "run");
    ASSERT_EQ(run.at("q1").size(), 2u);
    EXPECT_DOUBLE_EQ(run.at("q1")[1].score, 1.5);
    EXPECT_NEAR(evaluate(qrels, run).map, 1.0, 1e-12);
    try {
        (void)read_run(dir / "bad");
        FAIL() << "no error for a malformed run line";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(":2: expected"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace chancery
