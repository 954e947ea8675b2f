// Stopword lists per stemmer language (Snowball's lists, trimmed to function words).
#pragma once

#include <string_view>

namespace chancery::detail {

// True when `form` (normalised: lower case, ё folded) is a stopword of the
// Snowball language `stemmer_language` ("russian", "english", "french").
[[nodiscard]] bool is_stopword(std::string_view stemmer_language, std::string_view form);

}  // namespace chancery::detail
