// Document JSON round trip: what `chancery get` prints is what was stored.
#include <chancery/document.h>
#include <chancery/error.h>

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(DocumentTest, RoundTripsEveryFieldAndExtraKeys) {
    Document document;
    document.id = "mid-ru-0001";
    document.title = "О консультациях";
    document.body = "Текст";
    document.lang = "ru";
    document.date = "2021-09-28";
    document.url = "https://example.org/1";
    document.parties = {"RU", "FR"};
    document.forum = "OSCE";
    document.group = "g1";
    document.extra_json = R"({"category":"press release"})";
    document.derived_fields = {"parties"};
    const Document back = document_from_json(to_json(document));
    EXPECT_EQ(back.id, document.id);
    EXPECT_EQ(back.title, document.title);
    EXPECT_EQ(back.body, document.body);
    EXPECT_EQ(back.lang, document.lang);
    EXPECT_EQ(back.date, document.date);
    EXPECT_EQ(back.url, document.url);
    EXPECT_EQ(back.parties, document.parties);
    EXPECT_EQ(back.forum, document.forum);
    EXPECT_EQ(back.group, document.group);
    EXPECT_EQ(back.extra_json, document.extra_json);
    EXPECT_EQ(back.derived_fields, document.derived_fields);
}

TEST(DocumentTest, RejectsStoredDataThatIsNotAnObject) {
    EXPECT_THROW((void)document_from_json("[1,2]"), Error);
    EXPECT_THROW((void)document_from_json("not json"), Error);
}

}  // namespace
}  // namespace chancery
