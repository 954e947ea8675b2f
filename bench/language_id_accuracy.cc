// Language identification accuracy on real corpora with the `lang` field hidden:
// the full-corpus figures of bench/RESULTS.md (the unit test runs a sample).
//
//   chancery_language_id_accuracy [--errors N] [--min-chars N] [--declared] FILE.jsonl[.gz]...
//
// --declared passes the document's lang as the declared language, as the
// indexer does: then a "wrong" answer is a declared language overruled.
#include "analyzers/analyzer.h"

#include <chancery/corpus.h>
#include <chancery/error.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

struct Tally {
    std::size_t documents = 0;
    std::size_t correct = 0;
    std::map<std::string, std::size_t> answers;  // wrong answers by language
};

std::size_t count_chars(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void print(const std::string& name, const Tally& tally) {
    std::printf("| %s | %zu | %zu | %.2f%% |", name.c_str(), tally.documents, tally.correct,
                tally.documents == 0 ? 0.0
                                     : 100.0 * static_cast<double>(tally.correct) /
                                           static_cast<double>(tally.documents));
    for (const auto& [answer, count] : tally.answers) {
        std::printf(" %s:%zu", answer.empty() ? "(none)" : answer.c_str(), count);
    }
    std::printf(" |\n");
}

std::string one_line(std::string_view text, std::size_t max_bytes) {
    std::string line;
    for (const char c : text.substr(0, max_bytes)) line.push_back(c == '\n' ? ' ' : c);
    while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) {
        line.pop_back();
    }
    if (!line.empty() && static_cast<unsigned char>(line.back()) >= 0xC0) line.pop_back();
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t show_errors = 0;
    std::size_t min_chars = 200;
    bool declared = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--errors" && i + 1 < argc) {
            show_errors = std::strtoul(argv[++i], nullptr, 10);
        } else if (arg == "--declared") {
            declared = true;
        } else if (arg == "--min-chars" && i + 1 < argc) {
            min_chars = std::strtoul(argv[++i], nullptr, 10);
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty()) {
        std::cerr << "usage: " << argv[0]
                  << " [--errors N] [--min-chars N] [--declared] FILE.jsonl[.gz]...\n";
        return 2;
    }
    try {
        chancery::Analyzer analyzer;
        std::map<std::string, Tally> by_file;
        std::map<std::string, Tally> by_language;
        Tally total;
        std::size_t shown = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const std::string& file : files) {
            const std::string name = std::filesystem::path(file).filename().string();
            chancery::JsonLinesReader reader(file);
            while (auto record = reader.next()) {
                if (!record->document) continue;
                const chancery::Document& document = *record->document;
                std::string text = document.title;
                text.append("\n").append(document.body);
                if (count_chars(text) < min_chars || document.lang.empty()) continue;
                const std::string found =
                    analyzer.identify_language(text, declared ? document.lang : "");
                const bool right = found == document.lang;
                for (Tally* tally : {&by_file[name], &by_language[document.lang], &total}) {
                    ++tally->documents;
                    if (right) {
                        ++tally->correct;
                    } else {
                        ++tally->answers[found];
                    }
                }
                if (!right && shown < show_errors) {
                    ++shown;
                    std::cerr << document.id << "\t" << document.lang << "->" << found << "\t"
                              << one_line(text, 300) << "\n";
                }
            }
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("| file or language | documents | correct | accuracy | wrong answers |\n");
        std::printf("|---|---|---|---|---|\n");
        for (const auto& [name, tally] : by_file) print(name, tally);
        for (const auto& [lang, tally] : by_language) print("lang " + lang, tally);
        print("all", total);
        std::printf("\n%.1f s\n", seconds);
    } catch (const chancery::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
