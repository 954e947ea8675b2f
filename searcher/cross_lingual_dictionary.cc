// Reading Mueller's dictionary from its dictd files and parsing its articles.
#include "searcher/cross_lingual_dictionary.h"

#include "searcher/cross_lingual_words.h"

#include <chancery/error.h>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace chancery {
namespace {

// A translation longer than this is a description ("предусмотренная законом
// мера наказания"), not a word a document would use.
constexpr std::size_t kMaxTranslationWords = 4;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_latin(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool has_latin(std::string_view text) { return std::any_of(text.begin(), text.end(), is_latin); }

// Cyrillic letters are U+0400..U+04FF: lead bytes 0xD0..0xD3.
bool has_cyrillic(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0xD0 && byte <= 0xD3) return true;
    }
    return false;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

// Lower-cases Russian capitals (А-Я, Ё) and ASCII; other bytes pass through.
std::string russian_lower(std::string_view text) {
    std::string lower;
    lower.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0xD0 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x90 && next <= 0x9F) {  // А..П -> а..п
                lower += '\xD0';
                lower += static_cast<char>(next + 0x20);
                ++i;
                continue;
            }
            if (next >= 0xA0 && next <= 0xAF) {  // Р..Я -> р..я
                lower += '\xD1';
                lower += static_cast<char>(next - 0x20);
                ++i;
                continue;
            }
            if (next == 0x81) {  // Ё -> ё
                lower += "\xD1\x91";
                ++i;
                continue;
            }
        }
        lower += byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a')
                                            : static_cast<char>(byte);
    }
    return lower;
}

// "_I", "_II"... -> 1, 2...; 0 when `word` is not a homograph mark.
int homograph_number(std::string_view word) {
    if (word.size() < 2 || word[0] != '_') return 0;
    static constexpr std::array<std::string_view, 8> kRoman = {"I", "II", "III", "IV",
                                                               "V", "VI", "VII", "VIII"};
    for (std::size_t i = 0; i < kRoman.size(); ++i) {
        if (word.substr(1) == kRoman[i]) return static_cast<int>(i) + 1;
    }
    return 0;
}

PartOfSpeech part_of_speech(std::string_view label) {
    if (label == "_n.") return PartOfSpeech::kNoun;
    if (label == "_v.") return PartOfSpeech::kVerb;
    if (label == "_a.") return PartOfSpeech::kAdjective;
    if (label == "_adv.") return PartOfSpeech::kAdverb;
    return PartOfSpeech::kOther;
}

bool is_pos_label(std::string_view label) {
    static constexpr std::array<std::string_view, 14> kLabels = {
        "_n.",   "_v.",      "_a.",      "_adv.",   "_prep.", "_cj.",     "_pron.",
        "_int.", "_interj.", "_n-card.", "_n-ord.", "_num.",  "_predic.", "_conj."};
    return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

// Labels that leave a sense an ordinary one: grammar, regional variants, the
// language a word came from, and the fields Chancery's texts are about.
bool is_plain_label(std::string_view label) {
    static constexpr std::array<std::string_view, 34> kLabels = {
        "_pl.",   "_sing.", "_ам.",     "_брит.",   "_австрал.", "_дип.",   "_полит.",
        "_юр.",   "_эк.",   "_фин.",    "_воен.",   "_парл.",    "_собир.", "_pass.",
        "_refl.", "_pf.",   "_impers.", "_predic.", "_emph.",    "_invar.", "_обыкн.",
        "_тж.",   "_фр.",   "_лат.",    "_ит.",     "_нем.",     "_греч.",  "_исп.",
        "_араб.", "_рус.",  "_инд.",    "_ирл.",    "_сокр.",    "_перен."};
    return is_pos_label(label) || std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

// Labels of style and currency: senses a query rarely means.
bool is_style_label(std::string_view label) {
    static constexpr std::array<std::string_view, 23> kLabels = {
        "_разг.", "_жарг.", "_уст.",  "_поэт.",    "_шутл.", "_редк.",  "_посл.", "_шотл.",
        "_диал.", "_книж.", "_ирон.", "_пренебр.", "_груб.", "_презр.", "_школ.", "_стих.",
        "_эвф.",  "_библ.", "_церк.", "_миф.",     "_attr.", "_детск.", "_ритор."};
    return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

// Labels before "от X" that make the headword an inflection of X, and the
// part of speech the inflection has; nullopt when `label` is not one.
std::optional<PartOfSpeech> inflection_label(std::string_view label) {
    if (label == "_pl.") return PartOfSpeech::kNoun;
    if (label == "_p." || label == "_p-p." || label == "_pres-p." || label == "_pres.") {
        return PartOfSpeech::kVerb;
    }
    if (label == "_comp." || label == "_sup.") return PartOfSpeech::kAdjective;
    if (label == "_sing.") return PartOfSpeech::kOther;
    return std::nullopt;
}

// Words that stand for an argument ("кого-л.", "что-л.") or abbreviate a
// comment ("т.п."): not part of any translation.
bool is_placeholder(std::string_view word) {
    if (word.size() > 4 && word.substr(word.size() - 4) == "-\xD0\xBB.") return true;  // -л.
    static constexpr std::array<std::string_view, 12> kWords = {
        "тж.",    "см.",   "ср.",    "букв.", "вм.",  "особ.",
        "обыкн.", "напр.", "употр.", "т.п.",  "т.д.", "т.е."};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The Latin words after position `from`: a headword reference ("go", "mail-cart").
std::string latin_word_at(std::string_view text, std::size_t from) {
    while (from < text.size() && is_space(text[from])) ++from;
    std::size_t end = from;
    while (end < text.size() && (is_latin(text[end]) || text[end] == '-' || text[end] == '\'')) {
        ++end;
    }
    return ascii_lower(text.substr(from, end - from));
}

// The raw text of one sense, or of the header of a homograph or block.
struct Segment {
    std::string text;
    int homograph = 0;
    int block = 0;
    int rank = 1;
};

class ArticleParser {
  public:
    explicit ArticleParser(std::size_t max_rank) : max_rank_(max_rank) {}

    DictionaryEntry parse(std::string_view article) {
        std::size_t line_end = article.find('\n');
        entry_.headword = ascii_lower(trim(article.substr(0, line_end)));
        while (line_end != std::string_view::npos) {
            const std::size_t start = line_end + 1;
            line_end = article.find('\n', start);
            read_line(article.substr(start, line_end == std::string_view::npos
                                                ? std::string_view::npos
                                                : line_end - start));
        }
        flush();
        return std::move(entry_);
    }

  private:
    void read_line(std::string_view line) {
        line = trim(line);
        for (;;) {
            // Homograph mark: "_II [stɛɪt]".
            const std::size_t word_end = std::min(line.find_first_of(" ["), line.size());
            if (const int homograph = homograph_number(line.substr(0, word_end)); homograph > 0) {
                flush();
                current_ = Segment{{}, homograph - 1, 0, 1};
                homograph_pos_ = PartOfSpeech::kOther;
                block_pos_ = PartOfSpeech::kOther;
                line = trim(line.substr(word_end));
                continue;
            }
            std::size_t digits = 0;
            while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
            if (digits > 0 && digits < 4 && digits < line.size()) {
                const int number = std::stoi(std::string(line.substr(0, digits)));
                if (line[digits] == '.' &&
                    (digits + 1 == line.size() || is_space(line[digits + 1]))) {
                    flush();  // "2. _v.": a part-of-speech block
                    current_ = Segment{{}, current_.homograph, number, 1};
                    block_pos_ = homograph_pos_;
                    line = trim(line.substr(digits + 1));
                    continue;
                }
                if (line[digits] == ')') {
                    flush();  // "3)": a sense
                    current_ = Segment{{}, current_.homograph, current_.block, number};
                    line = trim(line.substr(digits + 1));
                    continue;
                }
            }
            // "а)", "б)": a sub-sense, one more clause of the current sense.
            if (line.size() >= 3 &&
                (static_cast<unsigned char>(line[0]) == 0xD0 ||
                 static_cast<unsigned char>(line[0]) == 0xD1) &&
                line[2] == ')') {
                current_.text += "; ";
                line = trim(line.substr(3));
                continue;
            }
            break;
        }
        current_.text.append(line).push_back(' ');
    }

    // Reads the inflection references of a segment ("_p. от go"), before the
    // parentheses they often stand in are dropped.
    void read_base_forms(std::string_view text) {
        constexpr std::string_view kFrom = "от ";
        for (std::size_t at = text.find(kFrom); at != std::string_view::npos;
             at = text.find(kFrom, at + 1)) {
            if (at > 0 && !is_space(text[at - 1]) && text[at - 1] != '(') continue;
            std::size_t label_end = at;
            while (label_end > 0 && is_space(text[label_end - 1])) --label_end;
            std::size_t label_start = label_end;
            while (label_start > 0 && !is_space(text[label_start - 1]) &&
                   text[label_start - 1] != '(') {
                --label_start;
            }
            const std::optional<PartOfSpeech> pos =
                inflection_label(text.substr(label_start, label_end - label_start));
            if (!pos) continue;
            std::string base = latin_word_at(text, at + kFrom.size());
            if (base.empty() || base == entry_.headword) continue;
            const bool seen = std::any_of(entry_.base_forms.begin(), entry_.base_forms.end(),
                                          [&](const BaseForm& b) { return b.headword == base; });
            if (!seen) entry_.base_forms.push_back({std::move(base), *pos});
        }
    }

    void flush() {
        const std::string raw = std::move(current_.text);
        current_.text.clear();
        if (trim(raw).empty()) return;
        read_base_forms(raw);
        if (static_cast<std::size_t>(current_.rank) > max_rank_) return;

        // Drop [transcriptions], (comments) and {cross-references}; take labels out.
        std::string text;
        text.reserve(raw.size());
        DictionarySense sense;
        bool before_translation = true;
        PartOfSpeech pos = PartOfSpeech::kOther;
        bool pos_given = false;
        int depth = 0;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const char c = raw[i];
            if (c == '[' || c == '(' || c == '{') {
                ++depth;
                continue;
            }
            if (c == ']' || c == ')' || c == '}') {
                if (depth > 0) --depth;
                continue;
            }
            if (depth > 0) continue;
            if (c == '_' && (i == 0 || is_space(raw[i - 1]))) {
                std::size_t end = i;
                while (end < raw.size() && !is_space(raw[end]) && raw[end] != ';' &&
                       raw[end] != ',') {
                    ++end;
                }
                const std::string_view label(raw.data() + i, end - i);
                if (is_pos_label(label)) {
                    pos = part_of_speech(label);
                    pos_given = true;
                }
                if (before_translation) {
                    if (label == "_pl.") sense.plural = true;
                    if (is_style_label(label)) {
                        sense.unusual = true;
                    } else if (!is_plain_label(label)) {
                        sense.specialized = true;
                    }
                }
                i = end - 1;
                continue;
            }
            if (!is_space(c) && c != ';' && c != ',') before_translation = false;
            text.push_back(c);
        }
        if (pos_given) {
            // A label in a header names the part of speech of what follows it.
            if (current_.block == 0 && current_.rank == 1) homograph_pos_ = pos;
            block_pos_ = pos;
        }
        sense.homograph = static_cast<std::uint8_t>(current_.homograph);
        sense.block = static_cast<std::uint8_t>(current_.block);
        sense.rank = static_cast<std::uint8_t>(std::min(current_.rank, 255));
        sense.pos = block_pos_;

        // Clauses up to the first example (a clause with English in it).
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find(';', start);
            if (end == std::string::npos) end = text.size();
            const std::string_view clause = trim(std::string_view(text).substr(start, end - start));
            start = end + 1;
            if (clause.empty()) continue;
            if (clause.front() == '=') {
                if (std::string reference = latin_word_at(clause, 1); !reference.empty()) {
                    entry_.references.push_back(std::move(reference));
                }
                break;
            }
            if (has_latin(clause)) break;
            add_translations(clause, sense);
        }
        if (!sense.translations.empty()) entry_.senses.push_back(std::move(sense));
    }

    static void add_translations(std::string_view clause, DictionarySense& sense) {
        // The comma-separated chunks, cleaned.
        std::vector<std::vector<std::string_view>> chunks;
        std::size_t start = 0;
        while (start <= clause.size()) {
            std::size_t end = clause.find(',', start);
            if (end == std::string_view::npos) end = clause.size();
            std::vector<std::string_view> words;
            for (std::string_view word : split_words(clause.substr(start, end - start))) {
                if (is_placeholder(word)) continue;
                // Strip what punctuation is left around the words.
                while (!word.empty() &&
                       std::string_view(".!?:;-\"'").find(word.back()) != std::string_view::npos) {
                    word.remove_suffix(1);
                }
                while (!word.empty() &&
                       std::string_view(".:-\"'").find(word.front()) != std::string_view::npos) {
                    word.remove_prefix(1);
                }
                if (!word.empty()) words.push_back(word);
            }
            chunks.push_back(std::move(words));
            start = end + 1;
        }
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            std::vector<std::string_view> words = chunks[c];
            // "человек, склонный к апоплексии" is one description, not the
            // word "человек" and a participle.
            while (c + 1 < chunks.size() && words.size() == 1 && !chunks[c + 1].empty() &&
                   !looks_like_adjective(words.front()) &&
                   looks_like_adjective(chunks[c + 1].front())) {
                words.insert(words.end(), chunks[c + 1].begin(), chunks[c + 1].end());
                ++c;
            }
            std::string phrase;
            for (const std::string_view word : words) {
                if (!phrase.empty()) phrase.push_back(' ');
                phrase.append(word);
            }
            if (phrase.empty() || words.size() > kMaxTranslationWords || !has_cyrillic(phrase) ||
                std::any_of(phrase.begin(), phrase.end(), [](char letter) {
                    return (letter >= '0' && letter <= '9') || letter == '!' || letter == '?' ||
                           letter == '"';
                })) {
                continue;
            }
            std::string lower = russian_lower(phrase);
            if (std::find(sense.translations.begin(), sense.translations.end(), lower) ==
                sense.translations.end()) {
                sense.translations.push_back(std::move(lower));
            }
        }
    }

    std::size_t max_rank_;
    DictionaryEntry entry_;
    Segment current_;
    PartOfSpeech homograph_pos_ = PartOfSpeech::kOther;
    PartOfSpeech block_pos_ = PartOfSpeech::kOther;
};

// dictd's offsets and lengths: base64 digits, most significant first.
bool decode_base64_number(std::string_view digits, std::uint64_t& value) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    value = 0;
    if (digits.empty() || digits.size() > 10) return false;
    for (const char c : digits) {
        const std::size_t digit = kAlphabet.find(c);
        if (digit == std::string_view::npos) return false;
        value = value * 64 + digit;
    }
    return true;
}

std::string read_compressed(const std::string& path) {
    // gzread reads dictzip too: its random-access table is a gzip extra field.
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) throw Error("cannot open dictionary " + path);
    std::string data;
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const int read = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()));
        if (read < 0) {
            int code = 0;
            const std::string message = gzerror(file, &code);
            gzclose(file);
            throw Error("cannot read dictionary " + path + ": " + message);
        }
        if (read == 0) break;
        data.append(buffer.data(), static_cast<std::size_t>(read));
    }
    gzclose(file);
    return data;
}

std::string read_plain(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open dictionary " + path);
    std::ostringstream data;
    data << in.rdbuf();
    if (in.bad()) throw Error("cannot read dictionary " + path);
    return data.str();
}

}  // namespace

DictionaryEntry parse_mueller_entry(std::string_view article, std::size_t max_rank) {
    return ArticleParser(max_rank).parse(article);
}

std::vector<DictdArticle> read_dictd(const std::string& index_path, const std::string& dict_path) {
    const bool compressed = dict_path.size() > 3 && dict_path.substr(dict_path.size() - 3) == ".dz";
    const std::string data = compressed ? read_compressed(dict_path) : read_plain(dict_path);
    std::ifstream index(index_path);
    if (!index) throw Error("cannot open dictionary index " + index_path);
    std::vector<DictdArticle> articles;
    std::size_t line_number = 0;
    for (std::string line; std::getline(index, line);) {
        ++line_number;
        if (line.empty()) continue;
        const std::size_t first_tab = line.find('\t');
        const std::size_t second_tab =
            first_tab == std::string::npos ? first_tab : line.find('\t', first_tab + 1);
        std::uint64_t offset = 0, length = 0;
        if (second_tab == std::string::npos ||
            !decode_base64_number(
                std::string_view(line).substr(first_tab + 1, second_tab - first_tab - 1), offset) ||
            !decode_base64_number(trim(std::string_view(line).substr(second_tab + 1)), length) ||
            offset > data.size() || length > data.size() - offset) {
            throw Error(index_path + ":" + std::to_string(line_number) +
                        ": not a dictd index line (headword, offset, length) within " + dict_path);
        }
        std::string headword = line.substr(0, first_tab);
        if (headword.rfind("00-database", 0) == 0 || headword.rfind("00database", 0) == 0) continue;
        articles.push_back({std::move(headword), data.substr(offset, length)});
    }
    if (index.bad()) throw Error("cannot read dictionary index " + index_path);
    return articles;
}

}  // namespace chancery
