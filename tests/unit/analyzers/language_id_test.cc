// Language identification: decisions on short texts, the declared language as
// a prior, and accuracy on a fixed sample of ../shared/corpora with `lang` hidden.
#include "analyzers/analyzer.h"

#include "tests/support/shared_data.h"

#include <chancery/corpus.h>

#include <gtest/gtest.h>

#include <zlib.h>

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace chancery {
namespace {

struct LanguageCase {
    const char* behaviour;
    const char* text;
    const char* declared;
    const char* expected;
};

std::string case_name(const ::testing::TestParamInfo<LanguageCase>& param) {
    return param.param.behaviour;
}

class LanguageIdTableTest : public ::testing::TestWithParam<LanguageCase> {
  protected:
    Analyzer analyzer_;
};

TEST_P(LanguageIdTableTest, IdentifiesLanguage) {
    const LanguageCase& row = GetParam();
    EXPECT_EQ(analyzer_.identify_language(row.text, row.declared), row.expected) << row.text;
}

// The three 1tv leads below (whole, as in the corpus) are ones CLD2 alone gets
// wrong: no answer (which its simple API reports as English), Serbian at 61%,
// Ukrainian at 50%.
INSTANTIATE_TEST_SUITE_P(
    LanguageId, LanguageIdTableTest,
    ::testing::Values(
        LanguageCase{"russian_lead_cld2_unknown",
                     "Исламские экстремисты напали на египетского министра иностранных дел\n"
                     "Визит египетского министра иностранных дел Ахмеда Махера — в Иерусалим "
                     "сегодня чуть не закончился трагедией. Во время посещения мечети Аль-Акса "
                     "на Храмовой горе на него напали исламские экстремисты.",
                     "", "ru"},
        LanguageCase{"russian_lead_cld2_serbian",
                     "Слободан Милошевич будет похоронен в Белграде\nБывший югославский лидер "
                     "Слободан Милошевич, скончавшийся на днях в тюрьме Гаагского трибунала, "
                     "будет похоронен в Белграде. Об этом сегодня сообщил адвокат покойного "
                     "экс-президента Зденко Томанович.",
                     "", "ru"},
        LanguageCase{"russian_lead_cld2_ukrainian",
                     "Мини-футбольный клуб «Динамо» пробился в финал Кубка УЕФА\nМини-футбольный "
                     "клуб «Динамо» пробился в финал Кубка УЕФА: чемпионы России победили "
                     "прошлогоднего обладателя трофея «Кайрат» 2:1 и в субботу в решающем матче "
                     "сразятся с «Барселоной».",
                     "", "ru"},
        LanguageCase{"ukrainian",
                     "Українці! Українки! Сьогодні важливі новини. Сполучені Штати зробили крок, "
                     "який відчутно послабить окупантів.",
                     "", "uk"},
        LanguageCase{"ukrainian_short", "Брифінг Ірини Верещук щодо гуманітарних коридорів", "",
                     "uk"},
        LanguageCase{"english",
                     "The President held a call with the Chancellor of Germany to discuss "
                     "continued support for Ukraine and the upcoming NATO summit.",
                     "", "en"},
        LanguageCase{"french",
                     "Le ministre des Affaires étrangères s'est entretenu avec son homologue "
                     "russe sur la situation au Proche-Orient et le rôle de l'OSCE.",
                     "", "fr"},
        LanguageCase{"no_letters", "2021 — 2022 ✅ 🤝", "", ""},
        LanguageCase{"no_letters_declared", "2021 — 2022", "ru", "ru"},
        // The declared language stands on short text and on bilingual text.
        LanguageCase{"declared_short", "Tallinn, Riga", "ru", "ru"},
        LanguageCase{"declared_bilingual",
                     "The White House Celebrates Hispanic Heritage Month. Last week the "
                     "Administration kicked off the month with a reception for community leaders "
                     "and artists from across the country. La Casa Blanca celebra el Mes de la "
                     "Herencia Hispana con una recepción para líderes comunitarios.",
                     "en", "en"},
        // The script overrules a declared language it contradicts.
        LanguageCase{"declared_contradicted_by_script",
                     "Выступление и ответы на вопросы СМИ Министра иностранных дел России "
                     "С.В.Лаврова по итогам переговоров",
                     "en", "ru"},
        LanguageCase{"declared_russian_is_ukrainian",
                     "Спілкування Володимира Зеленського з представниками ЗМІ за результатами "
                     "поїздки до Київської області. Президент України розповів про відновлення "
                     "звільнених територій і допомогу людям.",
                     "ru", "uk"}),
    case_name);

// Lines of a gzip-compressed JSON Lines file, read without parsing them.
class GzipLines {
  public:
    explicit GzipLines(const std::string& path) : file_(gzopen(path.c_str(), "rb")) {}
    ~GzipLines() {
        if (file_ != nullptr) gzclose(file_);
    }
    GzipLines(const GzipLines&) = delete;
    GzipLines& operator=(const GzipLines&) = delete;

    [[nodiscard]] bool is_open() const { return file_ != nullptr; }

    bool next(std::string& line) {
        line.clear();
        for (;;) {
            const std::size_t newline = buffer_.find('\n', start_);
            if (newline != std::string::npos) {
                line.assign(buffer_, start_, newline - start_);
                start_ = newline + 1;
                return true;
            }
            buffer_.erase(0, start_);
            start_ = 0;
            char chunk[1 << 16];
            const int read = gzread(file_, chunk, sizeof chunk);
            if (read <= 0) {
                line = buffer_;
                buffer_.clear();
                return !line.empty();
            }
            buffer_.append(chunk, static_cast<std::size_t>(read));
        }
    }

  private:
    gzFile file_;
    std::string buffer_;
    std::size_t start_ = 0;
};

std::size_t count_chars(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

struct Tally {
    std::size_t documents = 0;
    std::size_t correct = 0;
    [[nodiscard]] double accuracy() const {
        return documents == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(documents);
    }
};

// A fixed sample (every n-th line of each file) of the documents with 200 or
// more characters of title and body, identified with `lang` hidden; the full
// corpus figures are in bench/RESULTS.md (chancery_language_id_accuracy).
// The hard files are read whole: 1tv's short leads, kremlin, zelensky's
// Ukrainian. ru_state_media_headlines has no document that long.
TEST(LanguageIdTest, IdentifiesCorpusSampleWithLangHidden) {
    CHANCERY_REQUIRE_SHARED(corpora, "corpora");
    struct File {
        const char* name;
        std::size_t every;
    };
    const File files[] = {{"1tv_ru_news.jsonl.gz", 40},
                          {"kremlin_ru_2024_2025.jsonl.gz", 1},
                          {"mid_russia_telegram_en_2025_2026.jsonl.gz", 1},
                          {"whitehouse_en_2021_2025.jsonl.gz", 20},
                          {"zelensky_addresses_uk_en_2022.jsonl.gz", 1}};
    constexpr double kRequired = 0.99;
    constexpr std::size_t kMinChars = 200;

    Analyzer analyzer;
    std::map<std::string, Tally> by_file;
    std::map<std::string, Tally> by_language;
    Tally total;
    for (const File& file : files) {
        const std::string path = corpora + "/" + file.name;
        GzipLines lines(path);
        ASSERT_TRUE(lines.is_open()) << path;
        std::string line;
        for (std::size_t number = 1; lines.next(line); ++number) {
            if ((number - 1) % file.every != 0) continue;
            const CorpusRecord record = parse_document_line(line, {file.name, number});
            ASSERT_TRUE(record.document) << file.name << ":" << number << ": " << record.reason;
            const Document& document = *record.document;
            const std::string text = document.title + "\n" + document.body;
            if (count_chars(text) < kMinChars) continue;
            const bool right = analyzer.identify_language(text) == document.lang;
            for (Tally* tally : {&by_file[file.name], &by_language[document.lang], &total}) {
                ++tally->documents;
                tally->correct += right ? 1 : 0;
            }
        }
    }
    for (const auto& [name, tally] : by_file) {
        EXPECT_GE(tally.accuracy(), kRequired)
            << name << ": " << tally.correct << " of " << tally.documents;
    }
    for (const auto& [lang, tally] : by_language) {
        EXPECT_GE(tally.accuracy(), kRequired)
            << "lang " << lang << ": " << tally.correct << " of " << tally.documents;
    }
    EXPECT_EQ(by_language.size(), 3U);  // ru, en, uk
    EXPECT_GT(total.documents, 3000U);
    EXPECT_GE(total.accuracy(), kRequired);
    std::cout << "language id sample: " << total.correct << " of " << total.documents << "\n";
}

}  // namespace
}  // namespace chancery
