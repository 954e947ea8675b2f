// Indexing JSON Lines files from tests, as `chancery index` does: good lines
// are written, bad ones rejected into the report, and the writer committed.
#pragma once

#include "tests/support/shared_data.h"

#include <chancery/chancery.h>

#include <filesystem>
#include <string>
#include <vector>

namespace chancery::testing {

// Indexes `files` into the database at `db` with default options.
inline IndexReport index_files(const std::filesystem::path& db,
                               const std::vector<std::string>& files) {
    IndexWriter writer(db);
    for (const std::string& file : files) {
        JsonLinesReader reader(file);
        while (auto record = reader.next()) {
            if (record->document) {
                writer.add(std::move(*record->document), record->where);
            } else {
                writer.reject({record->where, record->reason});
            }
        }
    }
    writer.commit();
    return writer.report();
}

// The bundled sample corpus, corpora/sample/releases.jsonl.
inline std::string sample_corpus() {
    return (source_dir() / "corpora/sample/releases.jsonl").string();
}

}  // namespace chancery::testing
