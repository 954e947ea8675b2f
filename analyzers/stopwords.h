// Stopword lists per stemmer language (Snowball's lists, trimmed to function words).
#pragma once

#include <cstdint>
#include <string_view>

namespace chancery::detail {

// The Snowball stemmers the Analyzer uses, as a value cheaper to compare than a name.
enum class StemmerLanguage : std::uint8_t { kNone, kRussian, kEnglish, kFrench };

// True when `form` (normalised: lower case, ё folded) is a stopword of `language`.
[[nodiscard]] bool is_stopword(StemmerLanguage language, std::string_view form);

}  // namespace chancery::detail
