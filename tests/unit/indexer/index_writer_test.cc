// IndexWriter: replace by id, batches as transactions, locks and foreign databases.
#include <chancery/chancery.h>

#include "indexer/schema.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <filesystem>
#include <xapian.h>

namespace chancery {
namespace {

Document make(const std::string& id, const std::string& title, const std::string& body,
              const std::string& lang = "en") {
    Document document;
    document.id = id;
    document.title = title;
    document.body = body;
    document.lang = lang;
    return document;
}

TEST(IndexWriterTest, ReplacesDocumentsWithTheSameId) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db);
        writer.add(make("a", "First", "Consultations in Moscow."));
        writer.add(make("b", "Second", "Talks in Paris."));
        writer.commit();
        EXPECT_EQ(writer.report().indexed, 2u);
        EXPECT_EQ(writer.document_count(), 2u);
    }
    IndexWriter writer(db);
    writer.add(make("a", "First, revised", "Consultations in Moscow and Paris."));
    writer.add(make("c", "Third", "A new statement."));
    writer.commit();
    EXPECT_EQ(writer.report().indexed, 1u);
    EXPECT_EQ(writer.report().replaced, 1u);
    EXPECT_EQ(writer.document_count(), 3u);
    Searcher searcher({db});
    EXPECT_EQ(searcher.get("a")->title, "First, revised");
}

TEST(IndexWriterTest, CountsARepeatedIdWithinOneBatchAsReplaced) {
    testing::TempDir dir;
    IndexWriter writer(dir / "db");
    writer.add(make("a", "One", "x"));
    writer.add(make("a", "Two", "y"));
    writer.commit();
    EXPECT_EQ(writer.report().indexed, 1u);
    EXPECT_EQ(writer.report().replaced, 1u);
    EXPECT_EQ(writer.document_count(), 1u);
}

TEST(IndexWriterTest, UpdatesInWholeBatchesAndDiscardsAnUncommittedOne) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db);
        writer.add(make("first", "first", "text"));
        writer.commit();
    }
    {
        IndexOptions options;
        options.batch_size = 2;
        IndexWriter writer(db, options);
        for (const char* id : {"a", "b", "c", "d", "e"}) writer.add(make(id, id, "text"));
        EXPECT_EQ(writer.report().committed_batches, 2u);
        // "e" is queued, never committed: the destructor drops it.
    }
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 5u);
}

TEST(IndexWriterTest, BuildsAFreshDatabaseInParallelShards) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    IndexOptions options;
    options.jobs = 3;
    options.batch_size = 7;
    IndexWriter writer(db, options);
    for (int i = 0; i < 100; ++i) {
        writer.add(make("doc-" + std::to_string(i), "Consultations " + std::to_string(i),
                        "Talks on strategic stability."));
    }
    for (int i = 0; i < 10; ++i) {
        writer.add(make("doc-" + std::to_string(i), "Revised", "A revised text."));
    }
    writer.commit();
    EXPECT_EQ(writer.report().indexed, 100u);
    EXPECT_EQ(writer.report().replaced, 10u);
    EXPECT_EQ(writer.document_count(), 100u);
    Searcher searcher({db});
    EXPECT_EQ(searcher.get("doc-3")->title, "Revised");
    EXPECT_EQ(searcher.get("doc-42")->title, "Consultations 42");
    // The build's scratch shards are gone.
    EXPECT_FALSE(std::filesystem::exists(db + ".chancery-build"));
    // The writer goes on as an update of what it built.
    writer.add(make("doc-42", "Again", "x"));
    writer.commit();
    EXPECT_EQ(writer.report().replaced, 11u);
    EXPECT_EQ(writer.document_count(), 100u);
}

TEST(IndexWriterTest, LeavesAFreshDatabaseEmptyWhenNeverCommitted) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db);
        for (int i = 0; i < 50; ++i) writer.add(make(std::to_string(i), "t", "b"));
    }
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 0u);
    EXPECT_FALSE(std::filesystem::exists(db + ".chancery-build"));
}

TEST(IndexWriterTest, RefusesASecondWriterWithALockError) {
    testing::TempDir dir;
    IndexWriter first(dir / "db");
    try {
        IndexWriter second(dir / "db");
        FAIL() << "a second writer opened the database";
    } catch (const DatabaseLockedError& e) {
        EXPECT_NE(std::string(e.what()).find("locked by another process"), std::string::npos);
    }
}

TEST(IndexWriterTest, RefusesAXapianDatabaseThatIsNotChancerys) {
    testing::TempDir dir;
    {
        Xapian::WritableDatabase foreign(dir / "db", Xapian::DB_CREATE);
        foreign.add_document(Xapian::Document());
        foreign.commit();
    }
    EXPECT_THROW(IndexWriter(dir / "db"), IndexError);
    EXPECT_THROW(Searcher({dir / "db"}), IndexError);
}

TEST(IndexWriterTest, RemovesDocumentsById) {
    testing::TempDir dir;
    IndexWriter writer(dir / "db");
    writer.add(make("a", "One", "x"));
    writer.add(make("b", "Two", "y"));
    writer.commit();
    EXPECT_EQ(writer.remove({"a", "missing"}), 1u);
    EXPECT_EQ(writer.document_count(), 1u);
}

TEST(IndexWriterTest, DerivesTheLanguageWhenTheInputLacksIt) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        IndexWriter writer(db);
        writer.add(make("ru", "О российско-французских консультациях",
                        "28 сентября в Москве состоялись консультации по вопросам международной "
                        "информационной безопасности. Стороны обменялись мнениями.",
                        ""));
        writer.commit();
    }
    Searcher searcher({db});
    const auto document = searcher.get("ru");
    ASSERT_TRUE(document);
    EXPECT_EQ(document->lang, "ru");
    // The language, and what the text says of parties and forum.
    EXPECT_EQ(document->derived_fields, (std::vector<std::string>{"lang", "parties", "forum"}));
    EXPECT_EQ(document->parties, (std::vector<std::string>{"RU", "FR"}));
    const Xapian::Database xdb(db);
    EXPECT_TRUE(xdb.term_exists(schema::term(schema::kLangPrefix, "ru")));
}

TEST(IndexWriterTest, WritesTheSchemaTermsAndValues) {
    testing::TempDir dir;
    const std::string db = dir / "db";
    {
        Document document = make("x1", "Russian-French consultations", "Held in Moscow.");
        document.date = "2021-09-28";
        document.parties = {"RU", "FR"};
        document.forum = "OSCE";
        IndexWriter writer(db);
        writer.add(document);
        writer.commit();
    }
    const Xapian::Database xdb(db);
    for (const char* term : {"Qx1", "Len", "D20210928", "Y2021", "M202109", "PRU", "PFR", "FOSCE",
                             "Sconsultations", "ZSconsult", "russian-french", "french", "Zconsult"}) {
        EXPECT_TRUE(xdb.term_exists(term)) << term;
    }
    const Xapian::Document stored = xdb.get_document(1);
    EXPECT_EQ(stored.get_value(schema::kDateSlot), "20210928");
    EXPECT_EQ(stored.get_value(schema::kPartiesSlot), "FR\x1fRU");
}

}  // namespace
}  // namespace chancery
