// JsonLinesReader: good lines become documents, each bad line one reason with its line number.
#include <chancery/corpus.h>
#include <chancery/error.h>

#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <map>

namespace chancery {
namespace {

std::string fixture(const std::string& name) {
    return (testing::source_dir() / "tests/fixtures" / name).string();
}

std::vector<CorpusRecord> read_all(const std::string& path) {
    std::vector<CorpusRecord> records;
    JsonLinesReader reader(path);
    while (auto record = reader.next()) records.push_back(std::move(*record));
    return records;
}

TEST(JsonLinesReaderTest, NamesEachBadLineAndKeepsTheGoodOnes) {
    const auto records = read_all(fixture("bad_lines.jsonl"));
    std::vector<std::string> good;
    std::map<std::size_t, std::string> bad;
    for (const auto& record : records) {
        EXPECT_EQ(record.where.file, fixture("bad_lines.jsonl"));
        if (record.document) {
            good.push_back(record.document->id);
        } else {
            bad[record.where.line] = record.reason;
        }
    }
    EXPECT_EQ(good, (std::vector<std::string>{"good-1", "good-2", "good-3"}));
    ASSERT_EQ(bad.size(), 11u);
    EXPECT_NE(bad[2].find("malformed JSON"), std::string::npos) << bad[2];
    EXPECT_NE(bad[3].find("invalid UTF-8 at byte"), std::string::npos) << bad[3];
    EXPECT_EQ(bad[4], "missing \"id\"");
    EXPECT_EQ(bad[5], "field \"id\" must be a string, not number");
    EXPECT_EQ(bad[7], "no \"title\" and no \"body\": nothing to index");
    EXPECT_EQ(bad[8], "field \"title\" must be a string, not array");
    EXPECT_EQ(bad[9], "\"date\" is not a real YYYY-MM-DD date: \"2021-02-30\"");
    EXPECT_EQ(bad[10], "\"date\" is not a real YYYY-MM-DD date: \"28.09.2021\"");
    EXPECT_EQ(bad[11], "field \"parties\" must be an array of strings, not string");
    EXPECT_EQ(bad[12], "expected a JSON object, found array");
    EXPECT_EQ(bad[13], "empty \"id\"");
}

TEST(JsonLinesReaderTest, KeepsUnknownKeysAndAcceptsNulls) {
    const auto record = parse_document_line(
        R"({"id": "x", "title": "T", "date": null, "group": null, "source": "tass", "n": 3})",
        {"f", 1});
    ASSERT_TRUE(record.document) << record.reason;
    EXPECT_TRUE(record.document->date.empty());
    EXPECT_TRUE(record.document->group.empty());
    EXPECT_EQ(record.document->extra_json, R"({"n":3,"source":"tass"})");
}

TEST(JsonLinesReaderTest, AcceptsLeapDaysAndRejectsNonLeapFebruary29) {
    EXPECT_TRUE(parse_document_line(R"({"id":"a","title":"t","date":"2024-02-29"})", {}).document);
    EXPECT_FALSE(parse_document_line(R"({"id":"a","title":"t","date":"2023-02-29"})", {}).document);
    EXPECT_FALSE(parse_document_line(R"({"id":"a","title":"t","date":"1900-02-29"})", {}).document);
    EXPECT_TRUE(parse_document_line(R"({"id":"a","title":"t","date":"2000-02-29"})", {}).document);
}

TEST(JsonLinesReaderTest, RejectsIdsTooLongForAXapianTerm) {
    const std::string line = R"({"id":")" + std::string(300, 'x') + R"(","title":"t"})";
    const auto record = parse_document_line(line, {});
    EXPECT_FALSE(record.document);
    EXPECT_NE(record.reason.find("longer than"), std::string::npos);
}

TEST(JsonLinesReaderTest, ReadsGzipCompressedInput) {
    testing::TempDir dir;
    const std::string path = dir / "corpus.jsonl.gz";
    gzFile out = gzopen(path.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    const std::string text = "{\"id\":\"a\",\"title\":\"First\"}\n\n{\"id\":\"b\",\"body\":\"Second\"}";
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
    const auto records = read_all(path);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].document->id, "a");
    EXPECT_EQ(records[1].document->id, "b");
    EXPECT_EQ(records[1].where.line, 3u);  // the blank line counts
}

TEST(JsonLinesReaderTest, ThrowsCorpusErrorForAMissingFile) {
    EXPECT_THROW(JsonLinesReader("/nonexistent/corpus.jsonl"), CorpusError);
}

TEST(JsonLinesReaderTest, ReadsEveryDocumentOfARealCorpus) {
    CHANCERY_REQUIRE_SHARED(path, "corpora/kremlin_ru_2024_2025.jsonl.gz");
    std::size_t documents = 0;
    JsonLinesReader reader(path);
    while (auto record = reader.next()) {
        ASSERT_TRUE(record->document) << record->where.line << ": " << record->reason;
        ++documents;
    }
    EXPECT_EQ(documents, 200u);
}

}  // namespace
}  // namespace chancery
