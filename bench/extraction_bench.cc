// The cost of FieldExtractor per document, beside the cost of indexing the same
// documents, on a sample of ../shared/corpora (issue 4: extraction must not slow
// indexing by more than a third).
//
//   extraction_bench [--benchmark_filter=...]      # CHANCERY_SHARED_DIR overrides ../shared
#include "analyzers/extractor.h"
#include "analyzers/gazetteer.h"
#include "indexer/document_builder.h"

#include <chancery/corpus.h>
#include <chancery/index_writer.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// Documents taken from the start of each file: short news, Telegram posts,
// Kremlin transcripts and long White House texts, in the proportions below.
constexpr struct {
    const char* file;
    std::size_t count;
} kSample[] = {
    {"kremlin_ru_2024_2025.jsonl.gz", 200},
    {"mid_russia_telegram_en_2025_2026.jsonl.gz", 400},
    {"1tv_ru_news.jsonl.gz", 600},
    {"ru_state_media_headlines_en.jsonl.gz", 600},
    {"whitehouse_en_2021_2025.jsonl.gz", 200},
};

std::filesystem::path shared_dir() {
    if (const char* env = std::getenv("CHANCERY_SHARED_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    return CHANCERY_SHARED_DIR;
}

struct Sample {
    std::vector<chancery::Document> documents;
    std::size_t bytes = 0;
    std::string error;
};

const Sample& sample() {
    static const Sample loaded = [] {
        Sample result;
        for (const auto& [file, count] : kSample) {
            const auto path = shared_dir() / "corpora" / file;
            if (!std::filesystem::exists(path)) {
                result.error = "shared data not found: " + path.string();
                return result;
            }
            chancery::JsonLinesReader reader(path.string());
            std::size_t taken = 0;
            while (taken < count) {
                auto record = reader.next();
                if (!record) break;
                if (!record->document) continue;
                // The indexer derives a date only when the input has none: measure that case.
                record->document->date.clear();
                result.bytes += record->document->title.size() + record->document->body.size();
                result.documents.push_back(std::move(*record->document));
                ++taken;
            }
        }
        return result;
    }();
    return loaded;
}

const chancery::Gazetteer& gazetteer() {
    static const chancery::Gazetteer loaded = chancery::Gazetteer::load(
        {std::filesystem::path(CHANCERY_SOURCE_DIR) / "corpora/data/gazetteers"});
    return loaded;
}

void report(benchmark::State& state, const Sample& documents) {
    state.SetItemsProcessed(state.iterations());
    state.counters["bytes/doc"] =
        static_cast<double>(documents.bytes) / static_cast<double>(documents.documents.size());
}

// FieldExtractor::extract(document): tokenizes title and body itself.
void BM_Extract(benchmark::State& state) {
    const Sample& documents = sample();
    if (!documents.error.empty()) {
        state.SkipWithError(documents.error.c_str());
        return;
    }
    chancery::FieldExtractor extractor(gazetteer());
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(extractor.extract(documents.documents[next]));
        next = (next + 1) % documents.documents.size();
    }
    report(state, documents);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMicrosecond);

// extract(document, title_tokens, body_tokens): the extra cost when the indexer
// passes the tokens it has made anyway.
void BM_ExtractGivenTokens(benchmark::State& state) {
    const Sample& documents = sample();
    if (!documents.error.empty()) {
        state.SkipWithError(documents.error.c_str());
        return;
    }
    chancery::Analyzer analyzer;
    std::vector<std::pair<std::vector<chancery::Token>, std::vector<chancery::Token>>> tokens;
    for (const auto& document : documents.documents) {
        tokens.emplace_back(analyzer.tokenize(document.title), analyzer.tokenize(document.body));
    }
    chancery::FieldExtractor extractor(gazetteer());
    std::size_t next = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            extractor.extract(documents.documents[next], tokens[next].first, tokens[next].second));
        next = (next + 1) % documents.documents.size();
    }
    report(state, documents);
}
BENCHMARK(BM_ExtractGivenTokens)->Unit(benchmark::kMicrosecond);

// DocumentBuilder::build: the indexer's analysis of one document (language,
// words, stems, the Xapian document), without writing it.
void BM_BuildDocument(benchmark::State& state) {
    const Sample& documents = sample();
    if (!documents.error.empty()) {
        state.SkipWithError(documents.error.c_str());
        return;
    }
    chancery::DocumentBuilder builder(gazetteer());
    std::size_t next = 0;
    for (auto _ : state) {
        chancery::Document document = documents.documents[next];
        benchmark::DoNotOptimize(builder.build(document));
        next = (next + 1) % documents.documents.size();
    }
    report(state, documents);
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMicrosecond);

// IndexWriter on one thread into a fresh database: the whole indexing path per
// document (analysis, Xapian writes, commits).
void BM_IndexWriter(benchmark::State& state) {
    const Sample& documents = sample();
    if (!documents.error.empty()) {
        state.SkipWithError(documents.error.c_str());
        return;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-bench-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
        state.SkipWithError("mkdtemp failed");
        return;
    }
    const std::filesystem::path directory = pattern;
    std::size_t round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto database = directory / ("db" + std::to_string(round++));
        state.ResumeTiming();
        chancery::IndexOptions options;
        options.jobs = 1;
        chancery::IndexWriter writer(database.string(), options);
        for (const auto& document : documents.documents) writer.add(document);
        writer.commit();
        state.PauseTiming();
        std::filesystem::remove_all(database);
        state.ResumeTiming();
    }
    std::filesystem::remove_all(directory);
    state.SetItemsProcessed(state.iterations() *
                            static_cast<std::int64_t>(documents.documents.size()));
}
BENCHMARK(BM_IndexWriter)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
