// The Analyzer's throughput in MB/s against Xapian's TermGenerator (Snowball
// stemmer, STEM_SOME) on the same Russian and English documents from ../shared.
//
//   chancery_analyzer_bench [--benchmark_filter=...]
//   CHANCERY_SHARED_DIR=/path/to/shared chancery_analyzer_bench
//
// Each benchmark turns one document at a time into terms:
//   Analyzer/tokenize   tokens only (normalise, segment, compounds, links)
//   Analyzer/terms      tokens and their index stems: all the Analyzer does for indexing
//   Analyzer/document   the same into a Xapian::Document, as DocumentBuilder does:
//                       the output TermGenerator produces, so the fair comparison
//   TermGenerator       Xapian's own, with the stemmer of the language, STEM_SOME
#include "analyzers/analyzer.h"

#include <chancery/corpus.h>

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

// Enough text for stable figures, little enough to load in a second.
constexpr std::size_t kTextBytes = 4 << 20;

struct Sample {
    std::string lang;
    std::vector<std::string> documents;  // title, blank line, body
    std::size_t bytes = 0;
};

std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("CHANCERY_SHARED_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    return CHANCERY_SHARED_DIR;
}

// The first kTextBytes of documents of `file`.
const Sample& sample(const std::string& lang) {
    static std::map<std::string, Sample> samples;
    Sample& sample = samples[lang];
    if (!sample.documents.empty()) return sample;
    sample.lang = lang;
    const char* file = lang == "ru" ? "corpora/kremlin_ru_2024_2025.jsonl.gz"
                                    : "corpora/whitehouse_en_2021_2025.jsonl.gz";
    const std::filesystem::path path = shared_dir() / file;
    if (!std::filesystem::exists(path)) return sample;
    chancery::JsonLinesReader reader(path.string());
    while (sample.bytes < kTextBytes) {
        auto record = reader.next();
        if (!record) break;
        if (!record->document || record->document->lang != lang) continue;
        std::string text = record->document->title;
        text.append("\n\n").append(record->document->body);
        sample.bytes += text.size();
        sample.documents.push_back(std::move(text));
    }
    return sample;
}

const Sample* sample_or_skip(benchmark::State& state, const std::string& lang) {
    const Sample& text = sample(lang);
    if (text.documents.empty()) {
        state.SkipWithError(("no shared corpora under " + shared_dir().string()).c_str());
        return nullptr;
    }
    return &text;
}

void analyzer_tokenize(benchmark::State& state, const std::string& lang) {
    const Sample* text = sample_or_skip(state, lang);
    if (text == nullptr) return;
    chancery::Analyzer analyzer;
    std::size_t tokens = 0;
    for (auto _ : state) {
        for (const std::string& document : text->documents) {
            const std::vector<chancery::Token> words = analyzer.tokenize(document);
            tokens += words.size();
            benchmark::DoNotOptimize(words.data());
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->bytes));
    state.counters["tokens"] =
        static_cast<double>(tokens) / static_cast<double>(state.iterations());
}

void analyzer_terms(benchmark::State& state, const std::string& lang) {
    const Sample* text = sample_or_skip(state, lang);
    if (text == nullptr) return;
    chancery::Analyzer analyzer;
    for (auto _ : state) {
        for (const std::string& document : text->documents) {
            for (const chancery::Token& token : analyzer.tokenize(document)) {
                std::string stem = analyzer.index_stem(token, lang);
                benchmark::DoNotOptimize(stem.data());
            }
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->bytes));
}

void analyzer_document(benchmark::State& state, const std::string& lang) {
    const Sample* text = sample_or_skip(state, lang);
    if (text == nullptr) return;
    chancery::Analyzer analyzer;
    std::size_t terms = 0;
    for (auto _ : state) {
        for (const std::string& document : text->documents) {
            Xapian::Document xdoc;
            for (const chancery::Token& token : analyzer.tokenize(document)) {
                if (token.form.size() > 245) continue;
                xdoc.add_posting(token.form, token.position);
                const std::string stem = analyzer.index_stem(token, lang);
                if (!stem.empty()) xdoc.add_term("Z" + stem);
            }
            terms += xdoc.termlist_count();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->bytes));
    state.counters["terms"] = static_cast<double>(terms) / static_cast<double>(state.iterations());
}

void term_generator(benchmark::State& state, const std::string& lang) {
    const Sample* text = sample_or_skip(state, lang);
    if (text == nullptr) return;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem(lang == "ru" ? "russian" : "english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t terms = 0;
    for (auto _ : state) {
        for (const std::string& document : text->documents) {
            Xapian::Document xdoc;
            generator.set_document(xdoc);
            generator.index_text(document);
            terms += xdoc.termlist_count();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->bytes));
    state.counters["terms"] = static_cast<double>(terms) / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK_CAPTURE(analyzer_tokenize, ru, std::string("ru"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyzer_terms, ru, std::string("ru"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyzer_document, ru, std::string("ru"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(term_generator, ru, std::string("ru"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyzer_tokenize, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyzer_terms, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(analyzer_document, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(term_generator, en, std::string("en"))->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
