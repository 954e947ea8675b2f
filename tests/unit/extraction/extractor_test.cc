// FieldExtractor on small documents: parties and forums of typical releases,
// the release date, the dates mentioned, what is and is not a mention.
#include "analyzers/extractor.h"
#include "analyzers/gazetteer.h"
#include "tests/support/shared_data.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace chancery {
namespace {

const Gazetteer& shipped() {
    static const Gazetteer gazetteer =
        Gazetteer::load({testing::source_dir() / "corpora/data/gazetteers"});
    return gazetteer;
}

ExtractedFields extract(const Document& document) {
    FieldExtractor extractor(shipped());
    return extractor.extract(document);
}

Document make(std::string lang, std::string title, std::string body, std::string url = {}) {
    Document document;
    document.id = "t";
    document.lang = std::move(lang);
    document.title = std::move(title);
    document.body = std::move(body);
    document.url = std::move(url);
    return document;
}

std::set<std::string> as_set(const std::vector<std::string>& codes) {
    return {codes.begin(), codes.end()};
}

// ---- Parties and forums ----

struct ReleaseCase {
    const char* lang;
    const char* title;
    const char* body;
    std::set<std::string> parties;
    const char* forum;
};

class PartiesAndForumTest : public ::testing::TestWithParam<ReleaseCase> {};

TEST_P(PartiesAndForumTest, FindsThem) {
    const ReleaseCase& c = GetParam();
    const ExtractedFields fields = extract(make(c.lang, c.title, c.body));
    EXPECT_EQ(as_set(fields.parties), c.parties) << c.title;
    EXPECT_EQ(fields.forum, c.forum) << c.title;
}

// Russian and English rows alternate.
INSTANTIATE_TEST_SUITE_P(
    RussianAndEnglish, PartiesAndForumTest,
    ::testing::Values(
        // A bilateral format named by a compound adjective.
        ReleaseCase{"ru",
                    "Российско-китайские переговоры",
                    "В Кремле началась беседа Владимира Путина с Председателем КНР.",
                    {"RU", "CN"},
                    "BILATERAL"},
        ReleaseCase{"en",
                    "Russian-French working group meets",
                    "The group discussed cultural exchanges.",
                    {"RU", "FR"},
                    "BILATERAL"},
        // One side named by a leader, the other by a delegation.
        ReleaseCase{"ru",
                    "Телефонный разговор с Президентом Франции",
                    "Состоялся телефонный разговор Владимира Путина с Президентом Французской "
                    "Республики.",
                    {"RU", "FR"},
                    "BILATERAL"},
        ReleaseCase{"en",
                    "Lavrov receives the delegation of the French Republic",
                    "Sergey Lavrov held talks with the delegation of the French Republic.",
                    {"RU", "FR"},
                    "BILATERAL"},
        // A multilateral body: the forum, and its organisation is no side.
        ReleaseCase{"ru",
                    "Выступление постоянного представителя России на заседании Постоянного "
                    "совета ОБСЕ",
                    "Российская делегация изложила позицию по Украине.",
                    {"RU", "UA"},
                    "OSCE-PC"},
        ReleaseCase{"en",
                    "Statement by the Russian delegation at the OSCE Permanent Council",
                    "The Russian Federation is concerned about the situation in Moldova.",
                    {"RU", "MD"},
                    "OSCE-PC"},
        ReleaseCase{"ru",
                    "Выступление в Первом комитете ГА ООН",
                    "Российская делегация выступила по вопросам международной информационной "
                    "безопасности.",
                    {"RU"},
                    "UNGA-C1"},
        ReleaseCase{"en",
                    "Statement at a UNSC briefing on Haiti",
                    "The Russian Federation calls on the United States to stop arms trafficking "
                    "into Haiti.",
                    {"RU", "US", "HT"},
                    "UNSC"},
        ReleaseCase{"ru",
                    "Заседание Совета министров иностранных дел ОДКБ",
                    "Министры обсудили ситуацию в Центральной Азии.",
                    {"CSTO"},
                    "CSTO"},
        ReleaseCase{"en",
                    "BRICS foreign ministers meet in Rio",
                    "Foreign ministers of BRICS countries met to discuss trade.",
                    {"BRICS"},
                    "BRICS"},
        // A statement: no forum; speaker and addressee.
        ReleaseCase{"ru",
                    "Комментарий официального представителя МИД России",
                    "МИД России осуждает решение властей Латвии.",
                    {"RU", "LV"},
                    ""},
        ReleaseCase{"en",
                    "Comment by the Foreign Ministry Spokeswoman",
                    "Russia condemns the decision of the Latvian authorities.",
                    {"RU", "LV"},
                    ""},
        // A capital after "in" places the event; acting, it is a side.
        ReleaseCase{"en",
                    "Lavrov meets the Foreign Minister of Botswana in Cairo",
                    "The ministers discussed bilateral trade.",
                    {"RU", "BW"},
                    "BILATERAL"},
        ReleaseCase{"en",
                    "Washington and Moscow agree to resume talks",
                    "The two sides will meet next week.",
                    {"US", "RU"},
                    "BILATERAL"}));

// ---- The release date ----

struct DateCase {
    const char* lang;
    const char* title;
    const char* body;
    const char* url;
    const char* date;
};

class ReleaseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ReleaseDateTest, ReadsTheDate) {
    const DateCase& c = GetParam();
    const ExtractedFields fields = extract(make(c.lang, c.title, c.body, c.url));
    EXPECT_EQ(fields.date, c.date) << c.title;
    EXPECT_EQ(fields.date_from_text, std::string(c.date).size() > 0);
}

// Russian and English rows alternate.
INSTANTIATE_TEST_SUITE_P(
    RussianAndEnglish, ReleaseDateTest,
    ::testing::Values(
        DateCase{"ru", "Анонс",
                 "Анонс на 10 мая 2025 года. Дата публикации: 6 мая 2025 года, 16:10", "",
                 "2025-05-06"},
        DateCase{"en", "Notice", "The event is on June 10, 2025. Published: June 6, 2025", "",
                 "2025-06-06"},
        DateCase{"ru", "Переговоры", "Начало переговоров. 8 мая 2025 года 10:10 Москва, Кремль", "",
                 "2025-05-08"},
        DateCase{"en", "Statement by the Ministry (March 9, 2026)", "Text of the statement.", "",
                 "2026-03-09"},
        DateCase{"ru", "Выпуск от 28.09.2021", "Новости дня.", "", "2021-09-28"},
        DateCase{"en", "Veto message",
                 "I am returning the bill.\n\nTHE WHITE HOUSE,\nDecember 29, 2025.", "",
                 "2025-12-29"},
        DateCase{"en", "Readout", "WASHINGTON, June 12, 2025 — The President spoke today.", "",
                 "2025-06-12"},
        // A dateline without its year takes the year the text gives.
        DateCase{"en", "Trade figures",
                 "MOSCOW, June 6. /TASS/. Exports grew after the "
                 "agreement of May 30, 2025.",
                 "", "2025-06-06"},
        DateCase{"en", "Phone call",
                 "On January 28, the Presidents spoke. They recalled the "
                 "elections of 28 December 2025.",
                 "", "2026-01-28"},
        DateCase{"ru", "Новости", "Сегодня в Москве прошло заседание.",
                 "https://www.1tv.ru/news/2000-01-09/289742-segodnya", "2000-01-09"},
        // Nothing tells the year: no date.
        DateCase{"en", "Exports", "MOSCOW, June 6. /TASS/. Exports grew.", "", ""},
        DateCase{"ru", "Встреча", "Сегодня состоялась встреча.", "", ""}));

TEST(FieldExtractorTest, KeepsTheInputDate) {
    Document document = make("en", "Statement (March 9, 2026)", "Text.");
    document.date = "2026-03-10";
    const ExtractedFields fields = extract(document);
    EXPECT_EQ(fields.date, "2026-03-10");
    EXPECT_FALSE(fields.date_from_text);
}

TEST(FieldExtractorTest, ResolvesDaysWithoutYearAgainstTheRelease) {
    Document document = make("en", "Outcomes",
                             "On December 30, the ministers met. The next round "
                             "is on January 5. It follows the talks of "
                             "28 сентября 2021 года and those of 3 October.");
    document.date = "2026-01-02";
    const ExtractedFields fields = extract(document);
    EXPECT_EQ(fields.mentioned_dates,
              (std::vector<std::string>{"2021-09-28", "2021-10-03", "2025-12-30", "2026-01-05"}));
}

// ---- Mentions ----

TEST(FieldExtractorTest, MentionsAreNamesCapitalsAndFlagsButNotPersonsOrDatelines) {
    const ExtractedFields fields = extract(
        make("en", "🇷🇺 🇮🇷 Lavrov and Araghchi spoke by phone",
             "MOSCOW, March 3. /TASS/. The ministers discussed the situation in Syria and the "
             "role of the IAEA. Washington was criticised."));
    EXPECT_EQ(as_set(fields.mentioned), (std::set<std::string>{"RU", "IR", "SY", "IAEA", "US"}));
}

TEST(FieldExtractorTest, ReadsFrench) {
    const ExtractedFields fields = extract(make(
        "fr", "Entretien entre les ministres des affaires étrangères français et russe",
        "Le 28 septembre 2021, les ministres ont évoqué la présidence de l'OSCE et la situation "
        "en Ukraine."));
    EXPECT_EQ(fields.date, "2021-09-28");
    EXPECT_EQ(as_set(fields.mentioned), (std::set<std::string>{"FR", "RU", "OSCE", "UA"}));
}

TEST(FieldExtractorTest, IgnoresABodyFromAnotherStory) {
    Document document = make("ru", "Пожар в Москве", "Премьер-министр Японии прибыл в Китай.");
    document.extra_json = R"({"body_suspect_sidebar": true})";
    const ExtractedFields fields = extract(document);
    EXPECT_EQ(fields.mentioned, std::vector<std::string>{"RU"});
    EXPECT_EQ(fields.parties, std::vector<std::string>{"RU"});
}

TEST(FieldExtractorTest, DomesticNewsWithoutNamesTakesThePublishersCountry) {
    const ExtractedFields fields =
        extract(make("ru", "В Подмосковье прошёл ураган", "Повреждены линии электропередачи.",
                     "https://www.1tv.ru/news/2000-01-23/290078"));
    EXPECT_EQ(fields.parties, std::vector<std::string>{"RU"});
    EXPECT_TRUE(fields.mentioned.empty());
}

TEST(FieldExtractorTest, GivenTokensGiveTheSameFields) {
    const Document document =
        make("ru", "Российско-венесуэльские переговоры",
             "В Кремле прошли переговоры Владимира Путина с Президентом Венесуэлы. 7 мая 2025 "
             "года 17:05 Москва, Кремль");
    FieldExtractor extractor(shipped());
    const Analyzer analyzer;
    const ExtractedFields own = extractor.extract(document);
    const ExtractedFields given = extractor.extract(document, analyzer.tokenize(document.title, 1),
                                                    analyzer.tokenize(document.body, 200));
    EXPECT_EQ(own.parties, given.parties);
    EXPECT_EQ(own.mentioned, given.mentioned);
    EXPECT_EQ(own.forum, given.forum);
    EXPECT_EQ(own.date, given.date);
    EXPECT_EQ(own.date, "2025-05-07");
}

}  // namespace
}  // namespace chancery
