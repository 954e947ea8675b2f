// Finding the language versions of one text among documents that carry no
// `group`: same or adjacent date, other language, and the same names and
// numbers (names compared by a Latin transliteration key, so "Зеленський",
// "Зеленского" and "Zelensky" agree).
#pragma once

#include "analyzers/analyzer.h"

#include <chancery/document.h>
#include <chancery/index_writer.h>

#include <cstddef>
#include <utility>
#include <vector>

namespace chancery::detail {

// Pairs of indexes into `documents` judged to be translations of each other.
// Each document is paired with at most one document of each other language.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> pair_translations(
    const std::vector<Document>& documents, const GroupDetectionOptions& options);

}  // namespace chancery::detail
