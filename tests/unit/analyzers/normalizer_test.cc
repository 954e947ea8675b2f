// The normaliser: what it folds and drops, and that its fast path for ASCII
// and Cyrillic gives exactly what ICU gives.
#include "analyzers/normalizer.h"

#include "tests/support/shared_data.h"

#include <chancery/corpus.h>

#include <gtest/gtest.h>

#include <unicode/utf8.h>

#include <string>

namespace chancery {
namespace {

std::string utf8(char32_t c) {
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    return {reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length)};
}

struct NormalizerCase {
    const char* behaviour;
    const char* text;
    const char* expected;
};

std::string case_name(const ::testing::TestParamInfo<NormalizerCase>& param) {
    return param.param.behaviour;
}

class NormalizerTableTest : public ::testing::TestWithParam<NormalizerCase> {
  protected:
    TextNormalizer normalizer_;
};

TEST_P(NormalizerTableTest, Normalizes) {
    const NormalizerCase& row = GetParam();
    EXPECT_EQ(normalizer_(row.text), row.expected);
    std::string with_icu;
    normalizer_.append_with_icu(row.text, with_icu);
    EXPECT_EQ(with_icu, row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Normalizer, NormalizerTableTest,
    ::testing::Values(
        NormalizerCase{"yo_ru", "Ёлка, ёж", "елка, еж"},
        NormalizerCase{"case_en", "The OSCE", "the osce"},
        NormalizerCase{"yo_decomposed_ru", "е\u0308лка", "елка"},
        NormalizerCase{"short_i_kept_ru", "Йошкар-Ола", "йошкар-ола"},
        NormalizerCase{"ukrainian_letters_kept", "ЇЖАК Ґанок Єдність Іран",
                       "їжак ґанок єдність іран"},
        NormalizerCase{"stress_marks_ru", "За́мок и́ ѐ", "замок и е"},
        NormalizerCase{"accents_kept_fr", "Élysée à", "élysée à"},
        NormalizerCase{"soft_hyphen", "co\u00ADoperation за\u00ADявление", "cooperation заявление"},
        NormalizerCase{"zero_width", "a\u200Bb\u200Cc\u200Dd\u2060e\xEF\xBB\xBF", "abcde"},
        NormalizerCase{"apostrophes", "Russia’s ‘x’ Кот-д\u02BCИвуар don`t",
                       "russia's 'x' кот-д'ивуар don't"},
        NormalizerCase{"dashes", "a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h",
                       "a-b-c-d-e-f-g-h"},
        NormalizerCase{"compatibility_en", "ﬁ ① Ｒｕｓｓｉａ", "fi 1 russia"},
        NormalizerCase{"full_case_folding_de", "STRASSE Straße", "strasse strasse"},
        NormalizerCase{"invalid_utf8", "a\xC3(", "a\uFFFD("}),
    case_name);

// Every BMP character alone, between Latin and Cyrillic letters and before
// combining marks: the fast path must never disagree with ICU.
TEST(NormalizerTest, FastPathAgreesWithIcuOnEveryBmpCharacter) {
    const TextNormalizer normalizer;
    std::size_t compared = 0;
    for (char32_t c = 1; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string ch = utf8(c);
        for (const std::string& text : {ch, "Ab" + ch + "Cd", "Дж" + ch + "Ёй", ch + "\u0301",
                                        ch + "\u0308", ch + "\u0306"}) {
            std::string with_icu;
            normalizer.append_with_icu(text, with_icu);
            ASSERT_EQ(normalizer(text), with_icu) << "U+" << std::hex << static_cast<int>(c);
            ++compared;
        }
    }
    EXPECT_GT(compared, 60000U * 6);
}

TEST(NormalizerTest, FastPathAgreesWithIcuOnRealText) {
    CHANCERY_REQUIRE_SHARED(russian, "corpora/kremlin_ru_2024_2025.jsonl.gz");
    CHANCERY_REQUIRE_SHARED(ukrainian, "corpora/zelensky_addresses_uk_en_2022.jsonl.gz");
    const TextNormalizer normalizer;
    std::size_t documents = 0;
    for (const std::string& path : {russian, ukrainian}) {
        JsonLinesReader reader(path);
        for (int i = 0; i < 100; ++i) {
            auto record = reader.next();
            if (!record) break;
            if (!record->document) continue;
            const std::string text = record->document->title + "\n" + record->document->body;
            std::string with_icu;
            normalizer.append_with_icu(text, with_icu);
            ASSERT_EQ(normalizer(text), with_icu) << record->document->id;
            ++documents;
        }
    }
    EXPECT_EQ(documents, 200U);
}

TEST(NormalizerTest, AppendsToWhatIsThere) {
    const TextNormalizer normalizer;
    std::string out = "Z";
    normalizer.append("АКТЁР", out);
    normalizer.append(" Ω", out);
    EXPECT_EQ(out, "Zактер ω");
}

}  // namespace
}  // namespace chancery
