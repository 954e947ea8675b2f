// QueryParser: operators, fields, and errors that say where and why.
#include "searcher/query_parser.h"

#include <chancery/error.h>

#include <gtest/gtest.h>

namespace chancery {
namespace {

class QueryParserTest : public ::testing::Test {
  protected:
    std::string describe(const std::string& text) {
        return parser_.parse(text).query.get_description();
    }
    std::size_t error_position(const std::string& text) {
        try {
            (void)parser_.parse(text);
        } catch (const QueryError& e) {
            return e.position();
        }
        ADD_FAILURE() << "no error for: " << text;
        return std::string::npos;
    }

    Analyzer analyzer_;
    QueryParser parser_{analyzer_};
};

TEST_F(QueryParserTest, MatchesEnglishAndFrenchStemsOfALatinWord) {
    // "osce" is "osc" to the English stemmer and "osce" to the French one.
    EXPECT_EQ(describe("osce"), "Query((Zosc SYNONYM Zosce))");
}

TEST_F(QueryParserTest, CombinesWordsWithOrAndStemsThem) {
    EXPECT_EQ(describe("consultations Moscow"), "Query((Zconsult OR Zmoscow))");
}

TEST_F(QueryParserTest, MatchesCyrillicStemsAndUnstemmedForms) {
    // The bare form also matches texts without a stemmer (Ukrainian).
    EXPECT_EQ(describe("консультации"), "Query((Zконсультац SYNONYM Zконсультации))");
}

TEST_F(QueryParserTest, ReadsUpperCaseOperators) {
    EXPECT_EQ(describe("consultations AND talks"), "Query((Zconsult AND Ztalk))");
    EXPECT_EQ(describe("consultations OR talks"), "Query((Zconsult OR Ztalk))");
    EXPECT_EQ(describe("consultations NOT talks"), "Query((Zconsult AND_NOT Ztalk))");
    EXPECT_EQ(describe("консультации И переговоры"),
              "Query(((Zконсультац SYNONYM Zконсультации) AND "
              "(Zпереговор SYNONYM Zпереговоры)))");
}

TEST_F(QueryParserTest, ReadsAnAllCapitalsQueryAsWords) {
    // "AND" and "OF" are stopwords of a shouted query, not operators.
    EXPECT_EQ(describe("MEASUREMENT OF LIQUIDS"), "Query((Zmeasur OR Zliquid))");
    EXPECT_EQ(describe("CONSULTATIONS AND TALKS"), "Query((Zconsult OR Ztalk))");
}

TEST_F(QueryParserTest, ReadsOperatorsBetweenAcronyms) {
    EXPECT_EQ(describe("OSCE AND OECD"), "Query(((Zosc SYNONYM Zosce) AND Zoecd))");
}

TEST_F(QueryParserTest, ReadsLowerCaseOperatorWordsAsWords) {
    EXPECT_EQ(describe("war and peace"), "Query((Zwar OR Zpeac))");
}

TEST_F(QueryParserTest, ReadsRequiredAndExcludedWords) {
    EXPECT_EQ(describe("+osce -nato talks"),
              "Query((((Zosc SYNONYM Zosce) AND_MAYBE Ztalk) AND_NOT Znato))");
}

TEST_F(QueryParserTest, ReadsPhrasesOfUnstemmedForms) {
    EXPECT_EQ(describe("\"strategic stability\""), "Query((strategic PHRASE 2 stability))");
    EXPECT_EQ(describe("«Совет Безопасности»"), "Query((совет PHRASE 2 безопасности))");
}

TEST_F(QueryParserTest, ReadsACompoundAsWholeOrAsItsParts) {
    EXPECT_EQ(describe("Russian-French"),
              "Query((Zrussian-french OR (russian PHRASE 2 french)))");
}

TEST_F(QueryParserTest, ReadsNearAndWildcards) {
    EXPECT_EQ(describe("osce NEAR/3 consultations"), "Query((osce NEAR 4 consultations))");
    EXPECT_EQ(describe("кибер*"), "Query(WILDCARD SYNONYM кибер)");
}

TEST_F(QueryParserTest, ReadsFieldFilters) {
    EXPECT_EQ(describe("osce lang:en"), "Query(((Zosc SYNONYM Zosce) FILTER Len))");
    EXPECT_EQ(describe("party:fr party:ru"), "Query(0 * (PFR OR PRU))");
    EXPECT_EQ(describe("year:2021"), "Query(0 * Y2021)");
    EXPECT_EQ(describe("date:2021-09-28"), "Query(0 * D20210928)");
    EXPECT_EQ(describe("date:2021-09"), "Query(VALUE_RANGE 0 20210901 20210930)");
    EXPECT_EQ(describe("date:2021..2022"), "Query(VALUE_RANGE 0 20210101 20221231)");
    EXPECT_EQ(describe("date:2024-02-01..2024-02"), "Query(VALUE_RANGE 0 20240201 20240229)");
    EXPECT_EQ(describe("title:consultations"), "Query(ZSconsult)");
}

TEST_F(QueryParserTest, SaysWhereAndWhyItCannotRead) {
    EXPECT_EQ(error_position("osce (talks"), 5u);
    EXPECT_EQ(error_position("osce talks)"), 10u);
    EXPECT_EQ(error_position("osce \"strategic stability"), 5u);
    EXPECT_EQ(error_position("AND osce"), 0u);
    EXPECT_EQ(error_position("osce OR"), 5u);
    EXPECT_EQ(error_position("date:2021-02-30"), 0u);
    EXPECT_EQ(error_position("talks date:2022..2021"), 6u);
    EXPECT_EQ(error_position("a NEAR/x b"), 2u);
    EXPECT_EQ(error_position("title: osce"), 0u);
    EXPECT_EQ(error_position("   "), 0u);
    EXPECT_EQ(error_position("()"), 0u);
}

}  // namespace
}  // namespace chancery
