// End-to-end: the `chancery` executable on the sample corpus and on broken input.
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chancery {
namespace {

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

class CliTest : public ::testing::Test {
  protected:
    // Runs `chancery ARGS` (ARGS already shell-quoted) with optional stdin redirection.
    CliRun chancery(const std::string& args, const std::string& stdin_file = "") {
        const std::string out = dir_ / "stdout", err = dir_ / "stderr";
        std::string command = std::string(CHANCERY_CLI) + " " + args + " >" + out + " 2>" + err;
        if (!stdin_file.empty()) command += " <" + stdin_file;
        const int raw = std::system(command.c_str());
        CliRun run;
        run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        run.out = slurp(out);
        run.err = slurp(err);
        return run;
    }

    std::string sample() const {
        return quote(std::string(CHANCERY_SOURCE_DIR) + "/corpora/sample/releases.jsonl");
    }
    std::string fixture(const std::string& name) const {
        return std::string(CHANCERY_SOURCE_DIR) + "/tests/fixtures/" + name;
    }
    std::string db() const { return quote(dir_ / "db"); }

    testing::TempDir dir_;
};

TEST_F(CliTest, IndexesTheSampleAndASecondRunReplacesEveryDocument) {
    CliRun first = chancery("index --db " + db() + " " + sample());
    EXPECT_EQ(first.status, 0) << first.err;
    EXPECT_NE(first.out.find("indexed 36, replaced 0, rejected 0; 36 documents"), std::string::npos)
        << first.out;
    CliRun second = chancery("index --db " + db() + " " + sample());
    EXPECT_EQ(second.status, 0) << second.err;
    EXPECT_NE(second.out.find("indexed 0, replaced 36, rejected 0; 36 documents"),
              std::string::npos)
        << second.out;
}

TEST_F(CliTest, IndexesGoodLinesAndNamesEachBadOne) {
    const std::string file = fixture("bad_lines.jsonl");
    CliRun run = chancery("index --db " + db() + " " + quote(file));
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.out.find("indexed 3, replaced 0, rejected 11; 3 documents"), std::string::npos)
        << run.out;
    for (int line : {2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13}) {
        EXPECT_NE(run.err.find(file + ":" + std::to_string(line) + ": "), std::string::npos)
            << "line " << line << " not named in:\n" << run.err;
    }
    EXPECT_EQ(run.err.find(file + ":1: "), std::string::npos);
}

TEST_F(CliTest, StrictStopsAtTheFirstBadLineWithoutIndexing) {
    const std::string file = fixture("bad_lines.jsonl");
    CliRun run = chancery("index --strict --db " + db() + " " + sample() + " " + quote(file));
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find(file + ":2: malformed JSON"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find(file + ":3:"), std::string::npos) << run.err;
    CliRun search = chancery("search --db " + db() + " консультации");
    EXPECT_EQ(search.status, 3) << "the database should not exist: " << search.out;
}

TEST_F(CliTest, ReadsStandardInput) {
    CliRun run = chancery("index --db " + db() + " -", fixture("bad_lines.jsonl"));
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("-:2: malformed JSON"), std::string::npos) << run.err;
    EXPECT_NE(run.out.find("indexed 3,"), std::string::npos) << run.out;
}

TEST_F(CliTest, PrintsSearchResultsAsJson) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun run = chancery("search --db " + db() + " --format json --limit 3 " +
                       quote("российско-французские консультации"));
    ASSERT_EQ(run.status, 0) << run.err;
    const auto result = nlohmann::json::parse(run.out);
    EXPECT_EQ(result["query"], "российско-французские консультации");
    EXPECT_EQ(result["offset"], 0);
    EXPECT_TRUE(result["facets"].is_object());
    ASSERT_GE(result["hits"].size(), 1u);
    const auto& hit = result["hits"][0];
    EXPECT_EQ(hit["rank"], 1);
    EXPECT_EQ(hit["id"], "mid-ru-0001");
    EXPECT_EQ(hit["date"], "2021-09-28");
    EXPECT_EQ(hit["lang"], "ru");
    EXPECT_EQ(hit["parties"], nlohmann::json({"RU", "FR"}));
    EXPECT_TRUE(hit["score"].is_number());
    for (const char* key : {"title", "forum", "url", "snippet"}) EXPECT_TRUE(hit.contains(key)) << key;
    // Highlight offsets count characters: cut the snippet by code points.
    const std::string text = hit["snippet"];
    std::vector<std::size_t> starts;  // byte offset of each code point
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(text.size());
    ASSERT_FALSE(hit["highlights"].empty());
    for (const auto& range : hit["highlights"]) {
        const std::size_t begin = starts.at(range[0]), end = starts.at(range[1]);
        const std::string word = text.substr(begin, end - begin);
        EXPECT_TRUE(word.rfind("консультац", 0) == 0 || word.find("российско-французск") == 0)
            << word;
    }
}

TEST_F(CliTest, AnEnglishQueryFindsTheRussianReleaseAndSaysWhy) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    // mid-ru-0005 exists in Russian only: "О российско-китайских переговорах
    // министров иностранных дел".
    const std::string query = quote("Russian-Chinese talks of foreign ministers");
    CliRun on = chancery("search --db " + db() + " --format json --limit 36 " + query);
    ASSERT_EQ(on.status, 0) << on.err;
    const auto result = nlohmann::json::parse(on.out);
    std::vector<std::string> ids;
    for (const auto& hit : result["hits"]) ids.push_back(hit["id"]);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "mid-ru-0005"), ids.end()) << on.out;
    ASSERT_FALSE(result["expansions"].empty());
    for (const auto& expansion : result["expansions"]) {
        for (const char* key : {"word", "added", "source"}) {
            EXPECT_TRUE(expansion[key].is_string()) << expansion;
        }
    }

    CliRun off = chancery("search --db " + db() + " --format json --limit 36 --no-cross-lingual " +
                          query);
    ASSERT_EQ(off.status, 0) << off.err;
    const auto plain = nlohmann::json::parse(off.out);
    EXPECT_TRUE(plain["expansions"].empty());
    for (const auto& hit : plain["hits"]) EXPECT_NE(hit["lang"], "ru") << hit["id"];

    CliRun text = chancery("search --db " + db() + " --limit 1 " + query);
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_NE(text.out.find("also searched:"), std::string::npos) << text.out;
}

TEST_F(CliTest, SkipsAMalformedGlossaryLineAndSaysWhere) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    const testing::TempDir glossary;
    const std::string file = glossary / "user.tsv";
    std::ofstream(file) << "term\tno Russian side\n"
                           "institution\tTheatre Festival\tфестиваль театров\n";
    ::setenv("CHANCERY_GLOSSARY_PATH", glossary.path().c_str(), 1);
    CliRun run = chancery("search --db " + db() + " --format json " + quote("Theatre Festival"));
    ::unsetenv("CHANCERY_GLOSSARY_PATH");
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.err.find(file + ":1: "), std::string::npos) << run.err;
    // The good line of the same file is in use.
    const auto result = nlohmann::json::parse(run.out);
    bool added = false;
    for (const auto& expansion : result["expansions"]) {
        added = added || expansion["added"] == "фестиваль театров";
    }
    EXPECT_TRUE(added) << run.out;
}

TEST_F(CliTest, MarksHighlightsInPlainText) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun run = chancery("search --db " + db() + " --limit 1 --no-cross-lingual актер");
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("1 matches for актер"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("[актёр]"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("\033["), std::string::npos);  // no colour in a pipe
}

TEST_F(CliTest, ReportsAnUnreadableQueryWithStatus2) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun run = chancery("search --db " + db() + " " + quote("(консультации"));
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("query error at character 1: unbalanced parentheses"),
              std::string::npos)
        << run.err;
}

TEST_F(CliTest, ReportsAMissingDatabase) {
    CliRun run = chancery("search --db " + quote(dir_ / "nowhere") + " консультации");
    EXPECT_EQ(run.status, 3);
    EXPECT_NE(run.err.find("no such database"), std::string::npos) << run.err;
}

TEST_F(CliTest, GetPrintsTheStoredDocumentWithDerivedFields) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun run = chancery("get --db " + db() + " mid-ru-0001 no-such-id");
    EXPECT_EQ(run.status, 1);
    EXPECT_NE(run.err.find("no-such-id: no such document"), std::string::npos);
    const auto document = nlohmann::json::parse(run.out);
    EXPECT_EQ(document["id"], "mid-ru-0001");
    EXPECT_EQ(document["lang"], "ru");
    EXPECT_EQ(document["forum"], "BILATERAL");  // the input's "bilateral" as the gazetteer's code
    EXPECT_TRUE(document["body"].is_string());
}

TEST_F(CliTest, RunsAQueryFileAsTrecAndAsJsonLines) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    const std::string queries = dir_ / "queries.tsv";
    std::ofstream(queries) << "q1\tактер\nq2\t(broken\nbad line without tab\nq3\tBRICS summit\n";
    CliRun trec = chancery("search --db " + db() +
                           " --format trec --limit 2 --no-cross-lingual --queries " + quote(queries));
    EXPECT_EQ(trec.status, 1);  // the broken query and the line without a tab
    EXPECT_NE(trec.err.find(":2: query error at character 1"), std::string::npos) << trec.err;
    EXPECT_NE(trec.err.find(":3: expected qid<TAB>query"), std::string::npos) << trec.err;
    std::istringstream lines(trec.out);
    std::vector<std::string> first_fields;
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        std::istringstream fields(line);
        std::vector<std::string> parts;
        for (std::string part; fields >> part;) parts.push_back(part);
        ASSERT_EQ(parts.size(), 6u) << line;
        EXPECT_EQ(parts[1], "Q0");
        EXPECT_EQ(parts[5], "chancery");
        if (count == 0) first_fields = parts;
    }
    EXPECT_EQ(count, 3u);  // q1 has one match, q3 two of its hits
    EXPECT_EQ(first_fields[0], "q1");
    EXPECT_EQ(first_fields[2], "mid-ru-0008");
    EXPECT_EQ(first_fields[3], "1");

    CliRun json = chancery("search --db " + db() + " --format json --limit 1 --queries " +
                           quote(queries));
    std::istringstream objects(json.out);
    std::vector<std::string> qids;
    for (std::string line; std::getline(objects, line);) {
        qids.push_back(nlohmann::json::parse(line)["qid"]);
    }
    EXPECT_EQ(qids, (std::vector<std::string>{"q1", "q3"}));
}

TEST_F(CliTest, CountsFacetsInJson) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun run = chancery("search --db " + db() +
                          " --format json --facets party,lang --lang ru --from 2021 --to 2021 "
                          "консультации");
    ASSERT_EQ(run.status, 0) << run.err;
    const auto result = nlohmann::json::parse(run.out);
    ASSERT_TRUE(result["facets"].contains("party"));
    const auto& lang = result["facets"]["lang"];
    ASSERT_EQ(lang.size(), 1u);
    EXPECT_EQ(lang[0]["value"], "ru");
    EXPECT_EQ(lang[0]["label"], "Russian");
    EXPECT_EQ(lang[0]["count"], result["total"]);
    for (const auto& hit : result["hits"]) {
        EXPECT_EQ(hit["date"].get<std::string>().substr(0, 4), "2021");
    }
}

TEST_F(CliTest, DeletesByIdAndReportsStats) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    const std::string ids = dir_ / "ids";
    std::ofstream(ids) << "mid-ru-0002\nmid-en-0002\n";
    CliRun removed = chancery("delete --db " + db() + " --id mid-ru-0001 --ids " + quote(ids));
    EXPECT_EQ(removed.status, 0) << removed.err;
    EXPECT_NE(removed.out.find("removed 3 of 3 ids; 33 documents"), std::string::npos)
        << removed.out;
    CliRun missing = chancery("delete --db " + db() + " --id mid-ru-0001");
    EXPECT_EQ(missing.status, 1);
    EXPECT_EQ(chancery("get --db " + db() + " mid-ru-0001").status, 1);

    CliRun stats = chancery("stats --db " + db());
    ASSERT_EQ(stats.status, 0) << stats.err;
    EXPECT_NE(stats.out.find("documents   33"), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find("lang en    17"), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find("lang ru    16"), std::string::npos) << stats.out;
    EXPECT_NE(stats.out.find("dates       2021-03-23 .. 2024-12-20"), std::string::npos)
        << stats.out;
    EXPECT_NE(stats.out.find("with date   33 (100.0%)"), std::string::npos) << stats.out;
}

TEST_F(CliTest, ReadsPartyNamesThroughTheGazetteersAndTakesExtraOnes) {
    ASSERT_EQ(chancery("index --db " + db() + " " + sample()).status, 0);
    CliRun by_code = chancery("search --db " + db() + " --format json party:FR");
    CliRun by_name = chancery("search --db " + db() + " --format json party:Франция");
    CliRun by_option = chancery("search --db " + db() + " --format json --party France");
    ASSERT_EQ(by_code.status, 0) << by_code.err;
    const auto expected = nlohmann::json::parse(by_code.out)["total"];
    EXPECT_GT(expected.get<int>(), 0);
    EXPECT_EQ(nlohmann::json::parse(by_name.out)["total"], expected);
    EXPECT_EQ(nlohmann::json::parse(by_option.out)["total"], expected);
    // A user's own gazetteer adds a name without recompiling.
    const std::string extra = dir_ / "extra";
    std::filesystem::create_directories(extra);
    std::ofstream(extra + "/states.tsv") << "FR\tstate\t\tHexagone\t\t\n";
    CliRun added = chancery("search --db " + db() + " --format json --gazetteer " +
                            quote(extra) + " party:Hexagone");
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_EQ(nlohmann::json::parse(added.out)["total"], expected);
}

TEST_F(CliTest, ScoresARunWithEval) {
    const std::string qrels = dir_ / "qrels", run = dir_ / "run";
    std::ofstream(qrels) << "q1 0 a 1\nq1 0 b 0\n";
    std::ofstream(run) << "q1 Q0 b 1 2.0 x\nq1 Q0 a 2 1.0 x\n";
    CliRun eval = chancery("eval --qrels " + quote(qrels) + " " + quote(run));
    ASSERT_EQ(eval.status, 0) << eval.err;
    EXPECT_NE(eval.out.find("map            all\t0.5000"), std::string::npos) << eval.out;
    EXPECT_NE(eval.out.find("recip_rank     all\t0.5000"), std::string::npos) << eval.out;
}

}  // namespace
}  // namespace chancery
