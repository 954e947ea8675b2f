// Gazetteer: the shipped data, resolving what users type, and loading user files.
#include "analyzers/gazetteer.h"
#include "analyzers/analyzer.h"
#include "analyzers/data_dir.h"
#include "tests/support/shared_data.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace chancery {
namespace {

const Gazetteer& shipped() {
    static const Gazetteer gazetteer =
        Gazetteer::load({testing::source_dir() / "corpora/data/gazetteers"});
    return gazetteer;
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// ---- The shipped data ----

TEST(GazetteerTest, ShippedDataLoadsWithoutIssues) {
    for (const GazetteerIssue& issue : shipped().issues()) {
        ADD_FAILURE() << issue.file << ":" << issue.line << ": " << issue.reason;
    }
}

TEST(GazetteerTest, KnowsEveryUnMemberState) {
    // ISO 3166-1 alpha-2 codes of the 193 UN member states.
    const char* const kMembers[] = {
        "AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "AZ", "BS", "BH", "BD", "BB",
        "BY", "BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "CV", "KH",
        "CM", "CA", "CF", "TD", "CL", "CN", "CO", "KM", "CG", "CD", "CR", "CI", "HR", "CU", "CY",
        "CZ", "KP", "DK", "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE", "SZ", "ET", "FJ",
        "FI", "FR", "GA", "GM", "GE", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT", "HN",
        "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IL", "IT", "JM", "JP", "JO", "KZ", "KE", "KI",
        "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU", "MG", "MW", "MY", "MV",
        "ML", "MT", "MH", "MR", "MU", "MX", "FM", "MC", "MN", "ME", "MA", "MZ", "MM", "NA", "NR",
        "NP", "NL", "NZ", "NI", "NE", "NG", "MK", "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE",
        "PH", "PL", "PT", "QA", "KR", "MD", "RO", "RU", "RW", "KN", "LC", "VC", "WS", "SM", "ST",
        "SA", "SN", "RS", "SC", "SL", "SG", "SK", "SI", "SB", "SO", "ZA", "SS", "ES", "LK", "SD",
        "SR", "SE", "CH", "SY", "TJ", "TH", "TL", "TG", "TO", "TT", "TN", "TR", "TM", "TV", "UG",
        "UA", "AE", "GB", "TZ", "US", "UY", "UZ", "VU", "VE", "VN", "YE", "ZM", "ZW"};
    ASSERT_EQ(std::size(kMembers), 193u);
    for (const char* code : kMembers) {
        EXPECT_EQ(shipped().party_type(code), EntityType::kState) << code;
        EXPECT_FALSE(shipped().party_label(code).empty()) << code;
    }
}

TEST(GazetteerTest, KnowsTheOrganisationsAndForumsOfTheIssue) {
    for (const char* code :
         {"UN", "EU", "NATO", "OSCE", "OECD", "ITU", "BRICS", "SCO", "CSTO", "EAEU", "CIS", "ASEAN",
          "AFRICAN-UNION", "G7", "G20", "IAEA", "WTO", "WHO"}) {
        EXPECT_EQ(shipped().party_type(code), EntityType::kOrganisation) << code;
    }
    for (const char* code : {"UNGA",    "UNGA-C1", "UNSC", "OEWG", "UNHRC", "OSCE",     "OSCE-PC",
                             "OSCE-MC", "BRICS",   "SCO",  "G20",  "CSTO",  "EAEU",     "CIS",
                             "ARF",     "EAS",     "APEC", "OECD", "ITU",   "BILATERAL"}) {
        EXPECT_TRUE(shipped().has_forum(code)) << code;
    }
    EXPECT_EQ(shipped().forum_parent("UNGA-C1"), "UNGA");
    EXPECT_EQ(shipped().forum_parent("UNGA"), "UN");
    EXPECT_EQ(shipped().forum_parent("OSCE-PC"), "OSCE");
}

TEST(GazetteerTest, GivesEnglishLabelsForFacets) {
    EXPECT_EQ(shipped().party_label("FR"), "France");
    EXPECT_EQ(shipped().party_label("RU"), "Russia");
    EXPECT_EQ(shipped().party_label("OSCE"), "OSCE");
    EXPECT_EQ(shipped().forum_label("UNSC"), "UN Security Council");
    EXPECT_EQ(shipped().party_label("XX"), "");
    EXPECT_EQ(shipped().forum_label("FR"), "");
}

// ---- Resolving what users type ----

struct Resolution {
    const char* text;
    const char* code;  // "" when nothing should match
};

class ResolvePartyTest : public ::testing::TestWithParam<Resolution> {};

TEST_P(ResolvePartyTest, ResolvesToTheCode) {
    const auto resolved = shipped().resolve_party(GetParam().text);
    EXPECT_EQ(resolved.value_or(""), GetParam().code) << GetParam().text;
}

// Russian and English rows side by side.
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    RussianAndEnglish, ResolvePartyTest,
    ::testing::Values(
        // Russian                                     English
        Resolution{"Франция", "FR"},                   Resolution{"France", "FR"},
        Resolution{"Франции", "FR"},                   Resolution{"France's", "FR"},
        Resolution{"Францией", "FR"},                  Resolution{"french", "FR"},
        Resolution{"французский", "FR"},               Resolution{"the French Republic", "FR"},
        Resolution{"Французская Республика", "FR"},    Resolution{"FR", "FR"},
        Resolution{"российско", "RU"},                 Resolution{"fr", "FR"},
        Resolution{"Российской Федерации", "RU"},      Resolution{"the Russian Federation", "RU"},
        Resolution{"РФ", "RU"},                        Resolution{"Russians", "RU"},
        Resolution{"россиян", "RU"},                   Resolution{"Russia", "RU"},
        Resolution{"КНР", "CN"},                       Resolution{"the PRC", "CN"},
        Resolution{"Китаем", "CN"},                    Resolution{"People's Republic of China", "CN"},
        Resolution{"США", "US"},                       Resolution{"the US", "US"},
        Resolution{"Соединённых Штатов", "US"},        Resolution{"U.S.", "US"},
        Resolution{"Германии", "DE"},                  Resolution{"Germany", "DE"},
        Resolution{"Казахстане", "KZ"},                Resolution{"Kazakhstan", "KZ"},
        Resolution{"Южной Кореи", "KR"},               Resolution{"South Korea", "KR"},
        Resolution{"КНДР", "KP"},                      Resolution{"DPRK", "KP"},
        Resolution{"Грузией", "GE"},                   Resolution{"Georgian", "GE"},
        Resolution{"Кубе", "CU"},                      Resolution{"Cuban", "CU"},
        Resolution{"ООН", "UN"},                       Resolution{"United Nations", "UN"},
        Resolution{"Евросоюза", "EU"},                 Resolution{"European Union", "EU"},
        Resolution{"ОБСЕ", "OSCE"},                    Resolution{"osce", "OSCE"},
        Resolution{"Шанхайской организации сотрудничества", "SCO"}, Resolution{"SCO", "SCO"},
        Resolution{"Африканского союза", "AFRICAN-UNION"}, Resolution{"African Union", "AFRICAN-UNION"},
        // Not parties: a word that only shares a stem, a capital, a person.
        Resolution{"груз", ""},                        Resolution{"who", "WHO"},
        Resolution{"кита", ""},                        Resolution{"Latin America", ""},
        Resolution{"Пекин", ""},                       Resolution{"Washington", ""},
        Resolution{"Путин", ""},                       Resolution{"Putin", ""}));
// clang-format on

class ResolveForumTest : public ::testing::TestWithParam<Resolution> {};

TEST_P(ResolveForumTest, ResolvesToTheCode) {
    const auto resolved = shipped().resolve_forum(GetParam().text);
    EXPECT_EQ(resolved.value_or(""), GetParam().code) << GetParam().text;
}

// Russian and English rows side by side.
// clang-format off
INSTANTIATE_TEST_SUITE_P(
    RussianAndEnglish, ResolveForumTest,
    ::testing::Values(
        // Russian                                     English
        Resolution{"ОБСЕ", "OSCE"},                    Resolution{"OSCE", "OSCE"},
        Resolution{"Постоянный совет ОБСЕ", "OSCE-PC"}, Resolution{"OSCE Permanent Council", "OSCE-PC"},
        Resolution{"ГА ООН", "UNGA"},                  Resolution{"UN General Assembly", "UNGA"},
        Resolution{"Генассамблеи ООН", "UNGA"},        Resolution{"unga", "UNGA"},
        Resolution{"Первый комитет", "UNGA-C1"},       Resolution{"First Committee", "UNGA-C1"},
        Resolution{"СБ ООН", "UNSC"},                  Resolution{"Security Council", "UNSC"},
        Resolution{"Совета Безопасности ООН", "UNSC"}, Resolution{"UNSC", "UNSC"},
        Resolution{"РГОС", "OEWG"},                    Resolution{"OEWG", "OEWG"},
        Resolution{"ШОС", "SCO"},                      Resolution{"Shanghai Cooperation Organisation", "SCO"},
        Resolution{"БРИКС", "BRICS"},                  Resolution{"BRICS", "BRICS"},
        Resolution{"ОДКБ", "CSTO"},                    Resolution{"CSTO", "CSTO"},
        Resolution{"Региональный форум АСЕАН", "ARF"}, Resolution{"East Asia Summit", "EAS"},
        Resolution{"Совет Безопасности", ""},          Resolution{"National Security Council", ""}));
// clang-format on

TEST(GazetteerTest, ResolvesTheSameFromManyThreads) {
    // Immutable after loading: const calls need no lock.
    std::vector<std::thread> threads;
    std::vector<int> right(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                right[t] += shipped().resolve_party("Франции") == "FR";
                right[t] += shipped().resolve_forum("OSCE Permanent Council") == "OSCE-PC";
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const int count : right) EXPECT_EQ(count, 50);
}

// ---- Finding names in text ----

std::vector<std::string> codes_in(const std::string& text, std::string_view lang,
                                  MentionKind kind) {
    MentionScratch scratch;
    const auto tokens = scratch.analyzer().tokenize(text);
    std::vector<std::string> codes;
    for (const Mention& mention : shipped().find_mentions(tokens, text, lang, scratch)) {
        if (mention.kind == kind) codes.emplace_back(mention.code);
    }
    return codes;
}

TEST(GazetteerTest, FindsBothSidesOfACompound) {
    EXPECT_EQ(codes_in("российско-французские консультации", "ru", MentionKind::kName),
              (std::vector<std::string>{"RU", "FR"}));
    EXPECT_EQ(codes_in("the Russian-French working group", "en", MentionKind::kName),
              (std::vector<std::string>{"RU", "FR"}));
}

TEST(GazetteerTest, CapitalAbbreviationsKeepTheirCase) {
    EXPECT_EQ(codes_in("Tell us who you are", "en", MentionKind::kName),
              std::vector<std::string>{});
    EXPECT_EQ(codes_in("US and WHO officials", "en", MentionKind::kName),
              (std::vector<std::string>{"US", "WHO"}));
}

TEST(GazetteerTest, IgnorePhrasesHideTheNamesInside) {
    EXPECT_EQ(codes_in("Latin America and the Paris Agreement", "en", MentionKind::kName),
              std::vector<std::string>{});
    EXPECT_EQ(codes_in("the National Security Council convened", "en", MentionKind::kForum),
              std::vector<std::string>{});
    EXPECT_EQ(codes_in("the Security Council convened", "en", MentionKind::kForum),
              std::vector<std::string>{"UNSC"});
}

TEST(GazetteerTest, FindsAnOrganisationAndItsForumInOneName) {
    EXPECT_EQ(codes_in("Заседание Постоянного совета ОБСЕ", "ru", MentionKind::kForum),
              std::vector<std::string>{"OSCE-PC"});
    EXPECT_EQ(codes_in("Заседание Постоянного совета ОБСЕ", "ru", MentionKind::kName),
              std::vector<std::string>{"OSCE"});
}

TEST(GazetteerTest, PersonsAndCapitalsAreTheirOwnKinds) {
    EXPECT_EQ(codes_in("Лавров прибыл в Пекин", "ru", MentionKind::kPerson),
              std::vector<std::string>{"RU"});
    EXPECT_EQ(codes_in("Лавров прибыл в Пекин", "ru", MentionKind::kMetonym),
              std::vector<std::string>{"CN"});
}

// ---- Loading user files ----

TEST(GazetteerLoadTest, LaterDirectoryAddsNamesReplacesLabelsAndRemovesNames) {
    testing::TempDir base;
    testing::TempDir user;
    write(base / "a.tsv",
          "# code\ttype\tlabel\ten\tru\tfr\n"
          "FR\tstate\tFrance\tFrance | French\tФранция\tFrance\n"
          "GE\tstate\tGeorgia\tGeorgia | Georgian\tГрузия\n"
          "OSCE\tforum\tOSCE\t^OSCE\t^ОБСЕ\n");
    write(base.path() / "b.tsv",
          "OSCE-PC\tforum\tOSCE Permanent Council\tPermanent Council\t\t\tOSCE\n");
    write(user / "mine.tsv",
          "FR\tstate\tLa France\tGaul\tГаллия\n"
          "GE\tstate\t\t-Georgian\n");
    const Gazetteer gazetteer = Gazetteer::load({base.path(), user.path()});
    EXPECT_TRUE(gazetteer.issues().empty());
    EXPECT_EQ(gazetteer.party_label("FR"), "La France");
    EXPECT_EQ(gazetteer.resolve_party("Галлии").value_or(""), "FR");
    EXPECT_EQ(gazetteer.resolve_party("France").value_or(""), "FR");
    EXPECT_EQ(gazetteer.resolve_party("Грузии").value_or(""), "GE");
    EXPECT_FALSE(gazetteer.resolve_party("Georgian").has_value());
    EXPECT_EQ(gazetteer.resolve_party("Georgia").value_or(""), "GE");  // the label still is
    EXPECT_EQ(gazetteer.forum_parent("OSCE-PC"), "OSCE");
}

TEST(GazetteerLoadTest, ReportsBadLinesAndKeepsTheRest) {
    testing::TempDir dir;
    write(dir / "bad.tsv",
          "FRA\tstate\tFrance\tFrance\n"              // 1: not alpha-2
          "FR\tcountry\tFrance\tFrance\n"             // 2: unknown type
          "FR\tstate\n"                               // 3: too few columns
          "FR\tstate\tFrance\tFrance\t\t\t\textra\n"  // 4: too many columns
          "NEW\torganisation\t\tNew Org\n"            // 5: new code without label
          "DE\tstate\tGermany\t=Deutsch{land\n"       // 6: unbalanced brace (line kept)
          "XX\tperson\tSomeone\tSomeone\n"            // 7: person of an unknown code
          "UNGA\tforum\tUN General Assembly\tGeneral Assembly\t\t\tUN\n"  // 8: unknown parent
          "\xff\xfe\tstate\n"                                             // 9: not UTF-8
          "IT\tstate\tItaly\tItaly\n");                                   // 10: fine
    const Gazetteer gazetteer = Gazetteer::load({dir.path()});
    std::set<std::size_t> lines;
    for (const GazetteerIssue& issue : gazetteer.issues()) {
        EXPECT_EQ(issue.file, dir / "bad.tsv");
        EXPECT_FALSE(issue.reason.empty());
        lines.insert(issue.line);
    }
    EXPECT_EQ(lines, (std::set<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(gazetteer.resolve_party("Italy").value_or(""), "IT");
    EXPECT_EQ(gazetteer.party_label("DE"), "Germany");
    EXPECT_EQ(gazetteer.forum_parent("UNGA"), "");
}

TEST(GazetteerLoadTest, ReportsANameMovedToAnotherCode) {
    testing::TempDir dir;
    write(dir / "a.tsv", "CG\tstate\tCongo\tCongo\nCD\tstate\tDR Congo\tCongo\n");
    const Gazetteer gazetteer = Gazetteer::load({dir.path()});
    ASSERT_EQ(gazetteer.issues().size(), 1u);
    EXPECT_EQ(gazetteer.issues()[0].line, 2u);
    EXPECT_EQ(gazetteer.resolve_party("Congo").value_or(""), "CD");
}

TEST(GazetteerLoadTest, MissingDirectoryThrows) {
    testing::TempDir dir;
    EXPECT_THROW((void)Gazetteer::load({dir / "missing"}), GazetteerError);
}

TEST(DataDirTest, EnvironmentVariableWins) {
    const char* previous = std::getenv("CHANCERY_DATA_DIR");
    const std::string saved = previous != nullptr ? previous : "";
    ::setenv("CHANCERY_DATA_DIR", "/some/where", 1);
    EXPECT_EQ(default_data_dir(), std::filesystem::path("/some/where"));
    EXPECT_EQ(default_gazetteer_dir(), std::filesystem::path("/some/where/gazetteers"));
    ::unsetenv("CHANCERY_DATA_DIR");
    EXPECT_TRUE(std::filesystem::exists(default_gazetteer_dir() / "states.tsv"));
    if (previous != nullptr) ::setenv("CHANCERY_DATA_DIR", saved.c_str(), 1);
}

}  // namespace
}  // namespace chancery
