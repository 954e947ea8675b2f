// Language identification with CLD2, with the declared language as a prior.
#include "analyzers/analyzer.h"

#include <cld2/public/compact_lang_det.h>

#include <string>

namespace chancery {
namespace {

// CLD2 looks at the first bytes only: enough to decide, and bounded on
// 160,000-character transcripts.
constexpr std::size_t kMaxBytes = 8192;
// Below this many letters of text, a declared language is never overruled.
constexpr int kMinTextBytesToOverrule = 200;

// A cut that does not split a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

// Most Cyrillic text without a clear language is Russian in these corpora,
// most Latin text English.
std::string by_script(const Analyzer& analyzer, std::string_view text) {
    std::size_t cyrillic = 0;
    std::size_t latin = 0;
    for (const Token& token : analyzer.tokenize(utf8_prefix(text, 1024))) {
        if (token.script == Script::kCyrillic) ++cyrillic;
        if (token.script == Script::kLatin) ++latin;
    }
    if (cyrillic == 0 && latin == 0) return {};
    return cyrillic >= latin ? "ru" : "en";
}

}  // namespace

std::string Analyzer::identify_language(std::string_view text, std::string_view declared) const {
    const std::string_view sample = utf8_prefix(text, kMaxBytes);
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::Language language = CLD2::DetectLanguageSummary(
        sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, top3, percent3,
        &text_bytes, &reliable);
    const std::string detected =
        language == CLD2::UNKNOWN_LANGUAGE ? std::string() : CLD2::LanguageCode(language);
    if (!declared.empty()) {
        if (reliable && !detected.empty() && detected != declared &&
            text_bytes >= kMinTextBytesToOverrule) {
            return detected;
        }
        return std::string(declared);
    }
    if (!detected.empty() && (reliable || text_bytes >= kMinTextBytesToOverrule)) return detected;
    return by_script(*this, text);
}

}  // namespace chancery
