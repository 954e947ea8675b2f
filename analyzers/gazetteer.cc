// Loading gazetteer TSV files, resolving typed names to codes and finding the
// entities a tokenized text names.
#include "analyzers/gazetteer.h"

#include "analyzers/data_dir.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace chancery {
namespace {

// Which names compete with which when they overlap: a party name and a forum
// name may cover the same words ("OSCE Permanent Council"), two party names may not.
enum class MatchClass : std::uint8_t { kParty, kForum, kIgnoreAll, kIgnoreParty, kIgnoreForum };

enum class EntryKind : std::uint8_t { kState, kOrganisation, kForum, kPerson, kIgnore };

enum class WordMode : std::uint8_t {
    kStem,  // any inflection: the word's stem under each stemmer of its script
    kForm,  // this normalised form exactly (case and ё insensitive)
    kCase,  // this surface form exactly, letter case included
};

struct WordPattern {
    WordMode mode = WordMode::kStem;
    // kStem: every "<stemmer>:<stem>" key the word can have; kForm: the form;
    // kCase: the surface form, then its normalised form (for case-blind resolving).
    std::vector<std::string> keys;
};

struct Name {
    std::uint32_t entry = 0;
    MentionKind kind = MentionKind::kName;
    std::vector<WordPattern> words;
    std::string text;  // as written after its markers, for "-name" removals
    std::string file;
    std::size_t line = 0;
    bool removed = false;
};

struct Entry {
    std::string code;
    EntryKind kind = EntryKind::kState;
    MatchClass match_class = MatchClass::kParty;
    std::string label;
    std::string parent;  // forums only
    std::string file;
    std::size_t line = 0;
};

constexpr std::size_t kMaxExpansions = 256;
constexpr std::size_t kMaxCodeLength = 32;
// Longest run of bytes between two words of one multi-word name in a text
// ("Папуа — Новая Гвинея", "Donald J. Trump").
constexpr std::size_t kMaxNameGap = 8;
// The languages whose stemmers a word of each script can meet in a document.
constexpr std::array<std::string_view, 2> kLatinLangs = {"en", "fr"};
constexpr std::array<std::string_view, 1> kCyrillicLangs = {"ru"};

bool is_valid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

// "=Кита{й,я,ю}" -> Китай, Китая, Китаю. Returns false (with a reason) on
// unbalanced or nested braces or too many results.
bool expand_braces(std::string_view text, std::vector<std::string>& out, std::string& reason) {
    const std::size_t open = text.find('{');
    const std::size_t stray = text.find('}');
    if (open == std::string_view::npos) {
        if (stray != std::string_view::npos) {
            reason = "'}' without '{'";
            return false;
        }
        out.emplace_back(text);
        return true;
    }
    if (stray != std::string_view::npos && stray < open) {
        reason = "'}' without '{'";
        return false;
    }
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
        reason = "'{' without '}'";
        return false;
    }
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.find('{') != std::string_view::npos) {
        reason = "nested '{'";
        return false;
    }
    for (const std::string_view alternative : split(inside, ',')) {
        std::string next(text.substr(0, open));
        next.append(trim(alternative)).append(text.substr(close + 1));
        if (!expand_braces(next, out, reason)) return false;
        if (out.size() > kMaxExpansions) {
            reason = "more than " + std::to_string(kMaxExpansions) + " expansions";
            return false;
        }
    }
    return true;
}

bool is_ascii_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_valid_code(std::string_view code, EntryKind kind) {
    if (code.empty() || code.size() > kMaxCodeLength) return false;
    if (kind == EntryKind::kState) {
        return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
               code[1] <= 'Z';
    }
    if (kind == EntryKind::kIgnore) {
        return std::all_of(code.begin(), code.end(), [](char c) {
            return is_ascii_upper_or_digit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
        });
    }
    if (!is_ascii_upper_or_digit(code[0])) return false;
    bool letter = false;
    for (const char c : code) {
        if (c >= 'A' && c <= 'Z') letter = true;
        if (!is_ascii_upper_or_digit(c) && c != '-') return false;
    }
    return letter;
}

std::string ascii_upper(std::string_view text) {
    std::string upper(text);
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return upper;
}

// A word written in capitals ("US", "ООН", "U.S") names an abbreviation that
// must keep its case: "us" and "who" are ordinary words.
bool is_all_capitals(std::string_view surface) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(surface.data());
    const auto length = static_cast<std::int32_t>(surface.size());
    int capitals = 0;
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || u_islower(c)) return false;
        if (u_isupper(c)) ++capitals;
    }
    return capitals >= 2;
}

MatchClass class_of(EntryKind kind) {
    switch (kind) {
        case EntryKind::kForum:
            return MatchClass::kForum;
        default:
            return MatchClass::kParty;
    }
}

std::string stem_key(const Analyzer& analyzer, std::string_view form, Script script,
                     std::string_view lang) {
    const std::string_view stemmer = Analyzer::stemmer_language(script, lang);
    std::string key(stemmer);
    key.push_back(':');
    if (stemmer.empty()) {
        key.append(form);
    } else {
        key.append(analyzer.stem(form, script, lang));
    }
    return key;
}

// A Russian word that keeps one form in every case: foreign names ending in a
// vowel ("Того", "Чили", "Моди", "Осло"), but not Russian adjectives ("-ые",
// "-ое") nor neuter nouns ("государство", "совещание", "Королевство").
bool is_indeclinable(const std::string& form) {
    for (const std::string_view russian : {"ые", "ие", "ое", "ее", "ье", "ство"}) {
        if (form.ends_with(russian)) return false;
    }
    for (const std::string_view ending : {"о", "е", "и", "у", "ю", "э", "оа", "уа", "иа"}) {
        if (form.ends_with(ending)) return true;
    }
    return false;
}

// The regular case forms of a Russian name word in the nominative, from its
// ending: Snowball gives some names different stems in different cases
// ("Казахстан" -> "казахста", "Казахстане" -> "казахстан"; "Корея" -> "коре",
// "Кореи" -> "кор"), so a name word is looked up under the stems of all its
// forms. Irregular names are listed with their forms in the data ("=Кита{й,я}").
std::vector<std::string> russian_case_forms(const std::string& form) {
    struct Paradigm {
        std::string_view ending;
        std::vector<std::string_view> replacements;
    };
    // Longest endings first; adjectives before the nouns whose endings they share.
    static const std::vector<Paradigm> kParadigms = {
        {"ский",
         {"ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских",
          "скими"}},
        {"цкий",
         {"цкого", "цкому", "цким", "цком", "цкая", "цкой", "цкую", "цкое", "цкие", "цких",
          "цкими"}},
        {"ская", {"ской", "скую", "ский", "ского", "ские", "ских", "скими"}},
        {"цкая", {"цкой", "цкую", "цкий", "цкого", "цкие", "цких", "цкими"}},
        {"ные", {"ных", "ным", "ными"}},
        {"ая", {"ой", "ую", "ою"}},
        {"ое", {"ого", "ому", "ым", "ом"}},
        {"ый", {"ого", "ому", "ым", "ом", "ая", "ой", "ую", "ые", "ых", "ыми"}},
        {"ие", {"их", "им", "ими"}},
        {"ые", {"ых", "ым", "ыми"}},
        {"ия", {"ии", "ию", "ией"}},
        {"ея", {"еи", "ее", "ею", "еей"}},
        {"я", {"и", "е", "ю", "ей", "ею"}},
        {"ка", {"ки", "ке", "ку", "кой"}},
        {"га", {"ги", "ге", "гу", "гой"}},
        {"ха", {"хи", "хе", "ху", "хой"}},
        {"а", {"ы", "е", "у", "ой", "ою"}},
        {"ь", {"я", "ю", "ем", "е", "и", "ью"}},
        {"й", {"я", "ю", "ем", "е"}},
        {"ы", {"", "ов", "ам", "ами", "ах"}},
    };
    if (is_indeclinable(form)) return {};
    std::vector<std::string> forms;
    for (const Paradigm& paradigm : kParadigms) {
        if (form.size() <= paradigm.ending.size() || !form.ends_with(paradigm.ending)) continue;
        const std::string base = form.substr(0, form.size() - paradigm.ending.size());
        for (const std::string_view replacement : paradigm.replacements) {
            forms.push_back(base + std::string(replacement));
        }
        return forms;
    }
    // A consonant: the masculine noun paradigm ("Казахстан", "Пекин").
    for (const std::string_view ending : {"а", "у", "ом", "е", "ы", "ов"}) {
        forms.push_back(form + std::string(ending));
    }
    return forms;
}

// Every key under which a word of a name can be met in some document. A name
// from the French column is stemmed as French only, from the others as English
// (Latin words) or Russian: "Islande" must not become English "island".
// `column` empty: every stemmer (for resolving what a user typed).
std::vector<std::string> all_stem_keys(const Analyzer& analyzer, const Token& token,
                                       std::string_view column) {
    std::vector<std::string> keys;
    auto add = [&](std::string key) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    if (!token.numeric) {
        if (token.script == Script::kLatin) {
            for (const std::string_view lang : kLatinLangs) {
                if (column.empty() || (column == "fr") == (lang == "fr")) {
                    add(stem_key(analyzer, token.form, token.script, lang));
                }
            }
        } else if (token.script == Script::kCyrillic) {
            for (const std::string_view lang : kCyrillicLangs) {
                add(stem_key(analyzer, token.form, token.script, lang));
            }
        }
    }
    if (token.script == Script::kCyrillic && !token.numeric) {
        for (const std::string& form : russian_case_forms(token.form)) {
            for (const std::string_view lang : kCyrillicLangs) {
                add(stem_key(analyzer, form, token.script, lang));
            }
        }
    }
    add(":" + token.form);  // texts whose language has no stemmer for this script
    return keys;
}

// "l'OSCE", "d’ASEAN": the word with a French elided article in front, which
// the Analyzer drops from the form but not from the surface.
bool is_elided(std::string_view surface, std::string_view word) {
    if (surface.size() <= word.size() || !surface.ends_with(word)) return false;
    const std::string_view before = surface.substr(0, surface.size() - word.size());
    return before.ends_with("'") || before.ends_with("\u2019");
}

bool gap_allows_name(std::string_view gap) {
    if (gap.size() > kMaxNameGap) return false;
    return gap.find_first_of("!?;\n") == std::string_view::npos;
}

// A text's word as the matcher sees it: its stem key and the names that may
// start with it. In find_mentions these point into the MentionScratch memo.
struct WordKeys {
    const std::string* stem = nullptr;                // the key under the text's language
    const std::vector<std::string>* stems = nullptr;  // or every stemmer's (a typed query)
    std::array<const std::vector<std::uint32_t>*, 4> starts{};
};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// A corpus has a few hundred thousand distinct words; past this many the memo
// stops paying for its memory and starts again.
constexpr std::size_t kMaxMemo = 200'000;

struct Candidate {
    std::uint32_t name = 0;
    MatchClass match_class = MatchClass::kParty;
    std::size_t first = 0;  // index into the word list
    std::size_t end = 0;
};

}  // namespace

// ---------------------------------------------------------------------------

// What each word (by language, then normalised form) is in one gazetteer.
struct MentionScratch::Memo {
    struct Word {
        std::string stem;
        const std::vector<std::uint32_t>* by_stem = nullptr;
        const std::vector<std::uint32_t>* by_form = nullptr;
    };
    const void* gazetteer = nullptr;
    std::size_t size = 0;
    StringMap<StringMap<Word>> by_lang;
};

MentionScratch::MentionScratch() : memo_(std::make_unique<Memo>()) {}
MentionScratch::~MentionScratch() = default;
MentionScratch::MentionScratch(MentionScratch&&) noexcept = default;
MentionScratch& MentionScratch::operator=(MentionScratch&&) noexcept = default;

// ---------------------------------------------------------------------------

struct Gazetteer::Internal {
    std::vector<Entry> entries;
    std::vector<Name> names;
    std::map<std::string, std::uint32_t, std::less<>> parties;  // states, organisations
    std::map<std::string, std::uint32_t, std::less<>> forums;
    std::map<std::string, std::uint32_t, std::less<>> persons;  // by the code acted for
    std::map<std::string, std::uint32_t, std::less<>> ignores;
    // First word key -> names starting with a word of that key. Stem keys as
    // they are; exact forms as "=" + normalised form.
    StringMap<std::vector<std::uint32_t>> first_words;
    std::vector<GazetteerIssue> issues;

    void issue(const std::string& file, std::size_t line, std::string reason) {
        issues.push_back({file, line, std::move(reason)});
    }

    std::map<std::string, std::uint32_t, std::less<>>& table_for(EntryKind kind) {
        switch (kind) {
            case EntryKind::kState:
            case EntryKind::kOrganisation:
                return parties;
            case EntryKind::kForum:
                return forums;
            case EntryKind::kPerson:
                return persons;
            case EntryKind::kIgnore:
                return ignores;
        }
        return parties;
    }

    void load_file(const std::filesystem::path& path, const Analyzer& analyzer);
    void load_line(std::string_view line, const std::string& file, std::size_t number,
                   const Analyzer& analyzer);
    void add_names(std::uint32_t entry, std::string_view cell, std::string_view column,
                   const std::string& file, std::size_t number, const Analyzer& analyzer);
    void finish();
    void find(const std::vector<Token>& tokens, std::string_view text,
              const std::vector<WordKeys>& word_keys, const std::vector<std::size_t>& words,
              bool ignore_case, std::vector<Candidate>& out) const;
    bool word_matches(const WordPattern& pattern, const Token& token, std::string_view surface,
                      const WordKeys& keys, bool ignore_case) const;
    const std::vector<std::uint32_t>* starting_with(std::string_view key) const {
        const auto it = first_words.find(key);
        return it == first_words.end() ? nullptr : &it->second;
    }
    std::optional<std::string> resolve(std::string_view text, MatchClass wanted) const;
};

void Gazetteer::Internal::load_file(const std::filesystem::path& path, const Analyzer& analyzer) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw GazetteerError("cannot open gazetteer file " + path.string());
    const std::string file = path.string();
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        load_line(line, file, number, analyzer);
    }
    if (in.bad()) throw GazetteerError("cannot read gazetteer file " + file);
}

void Gazetteer::Internal::load_line(std::string_view line, const std::string& file,
                                    std::size_t number, const Analyzer& analyzer) {
    if (trim(line).empty() || trim(line).front() == '#') return;
    if (!is_valid_utf8(line)) {
        issue(file, number, "not valid UTF-8");
        return;
    }
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() < 3) {
        issue(file, number,
              "expected at least 3 TAB-separated columns (code, type, label), found " +
                  std::to_string(fields.size()));
        return;
    }
    const std::string code(trim(fields[0]));
    const std::string type(trim(fields[1]));
    const std::string label(trim(fields[2]));

    EntryKind kind;
    MatchClass match_class;
    if (type == "state") {
        kind = EntryKind::kState;
    } else if (type == "organisation" || type == "organization") {
        kind = EntryKind::kOrganisation;
    } else if (type == "forum") {
        kind = EntryKind::kForum;
    } else if (type == "person") {
        kind = EntryKind::kPerson;
    } else if (type == "ignore" || type == "ignore-party" || type == "ignore-forum") {
        kind = EntryKind::kIgnore;
    } else {
        issue(file, number,
              "unknown type '" + type +
                  "' (expected state, organisation, forum, person, ignore, ignore-party or "
                  "ignore-forum)");
        return;
    }
    match_class = class_of(kind);
    if (type == "ignore") match_class = MatchClass::kIgnoreAll;
    if (type == "ignore-party") match_class = MatchClass::kIgnoreParty;
    if (type == "ignore-forum") match_class = MatchClass::kIgnoreForum;

    const std::size_t max_columns = kind == EntryKind::kForum ? 7 : 6;
    if (fields.size() > max_columns) {
        issue(file, number,
              "too many columns (" + std::to_string(fields.size()) + "; at most " +
                  std::to_string(max_columns) + " for type " + type + ")");
        return;
    }
    if (!is_valid_code(code, kind)) {
        issue(file, number,
              kind == EntryKind::kState
                  ? "state code '" + code + "' is not two capital letters (ISO 3166-1 alpha-2)"
                  : "code '" + code + "' must be capital ASCII letters, digits and '-'");
        return;
    }

    auto& table = table_for(kind);
    std::uint32_t entry_index;
    if (auto it = table.find(code); it != table.end()) {
        entry_index = it->second;
        Entry& entry = entries[entry_index];
        if (kind != EntryKind::kPerson && !label.empty()) entry.label = label;
        if (kind == EntryKind::kState || kind == EntryKind::kOrganisation) entry.kind = kind;
        if (kind == EntryKind::kIgnore) entry.match_class = match_class;
    } else {
        if (label.empty() && kind != EntryKind::kPerson && kind != EntryKind::kIgnore) {
            issue(file, number, "new code '" + code + "' has no label");
            return;
        }
        entry_index = static_cast<std::uint32_t>(entries.size());
        entries.push_back({code, kind, match_class, label, {}, file, number});
        table.emplace(code, entry_index);
    }
    if (kind == EntryKind::kForum && fields.size() == 7) {
        const std::string parent(trim(fields[6]));
        if (parent == code) {
            issue(file, number, "forum '" + code + "' cannot be its own parent");
        } else {
            entries[entry_index].parent = parent;
            entries[entry_index].file = file;
            entries[entry_index].line = number;
        }
    }
    for (std::size_t column = 3; column < std::min<std::size_t>(fields.size(), 6); ++column) {
        static constexpr std::string_view kColumnLangs[] = {"en", "ru", "fr"};
        add_names(entry_index, fields[column], kColumnLangs[column - 3], file, number, analyzer);
    }
}

void Gazetteer::Internal::add_names(std::uint32_t entry, std::string_view cell,
                                    std::string_view column, const std::string& file,
                                    std::size_t number, const Analyzer& analyzer) {
    for (const std::string_view raw : split(cell, '|')) {
        std::string_view text = trim(raw);
        if (text.empty()) continue;
        bool remove = false;
        bool metonym = false;
        WordMode forced = WordMode::kStem;
        while (!text.empty() &&
               std::string_view("-@=^").find(text.front()) != std::string_view::npos) {
            switch (text.front()) {
                case '-':
                    remove = true;
                    break;
                case '@':
                    metonym = true;
                    break;
                case '=':
                    forced = WordMode::kForm;
                    break;
                default:
                    forced = WordMode::kCase;
                    break;
            }
            text.remove_prefix(1);
        }
        text = trim(text);
        if (text.empty()) {
            issue(file, number, "a name is only markers");
            continue;
        }
        if (remove) {
            bool found = false;
            for (Name& name : names) {
                if (name.entry == entry && !name.removed && name.text == text) {
                    name.removed = true;
                    found = true;
                }
            }
            if (!found) {
                issue(file, number,
                      "'-" + std::string(text) + "' removes nothing: " + entries[entry].code +
                          " has no such name");
            }
            continue;
        }
        std::vector<std::string> expanded;
        std::string reason;
        if (!expand_braces(text, expanded, reason)) {
            issue(file, number, "name '" + std::string(text) + "': " + reason);
            continue;
        }
        for (const std::string& one : expanded) {
            Name name;
            name.entry = entry;
            const EntryKind kind = entries[entry].kind;
            name.kind = kind == EntryKind::kForum    ? MentionKind::kForum
                        : kind == EntryKind::kPerson ? MentionKind::kPerson
                        : metonym                    ? MentionKind::kMetonym
                                                     : MentionKind::kName;
            name.text = std::string(text);
            name.file = file;
            name.line = number;
            // The marker applies to every word; capitals force case on their word only.
            name.words.clear();
            const std::vector<Token> tokens = analyzer.tokenize(one);
            for (const Token& token : tokens) {
                if (token.compound) continue;
                const std::string_view surface =
                    std::string_view(one).substr(token.begin, token.end - token.begin);
                WordPattern word;
                word.mode = forced;
                if (word.mode == WordMode::kStem && is_all_capitals(surface)) {
                    word.mode = WordMode::kCase;
                }
                // Russian words ending in a vowel that declines nothing ("Того",
                // "Моди", "Осло") would stem to ordinary words ("тог", "мод").
                if (word.mode == WordMode::kStem && token.script == Script::kCyrillic &&
                    is_indeclinable(token.form)) {
                    word.mode = WordMode::kForm;
                }
                switch (word.mode) {
                    case WordMode::kStem:
                        word.keys = all_stem_keys(analyzer, token, column);
                        break;
                    case WordMode::kForm:
                        word.keys = {token.form};
                        break;
                    case WordMode::kCase:
                        word.keys = {std::string(surface), token.form};
                        break;
                }
                name.words.push_back(std::move(word));
            }
            if (name.words.empty()) {
                issue(file, number, "name '" + one + "' has no words");
                continue;
            }
            names.push_back(std::move(name));
        }
    }
}

void Gazetteer::Internal::finish() {
    // Persons must act for a known state or organisation.
    for (const auto& [code, index] : persons) {
        if (parties.find(code) == parties.end()) {
            const Entry& entry = entries[index];
            issue(entry.file, entry.line,
                  "person names for '" + code + "', which is no state or organisation");
            for (Name& name : names) {
                if (name.entry == index) name.removed = true;
            }
        }
    }
    // A forum's parent must be a forum, and parents must not loop.
    for (const auto& [code, index] : forums) {
        Entry& entry = entries[index];
        if (entry.parent.empty()) continue;
        if (forums.find(entry.parent) == forums.end()) {
            issue(entry.file, entry.line,
                  "forum '" + code + "' has unknown parent '" + entry.parent + "'");
            entry.parent.clear();
            continue;
        }
        std::string at = entry.parent;
        for (std::size_t depth = 0; !at.empty(); ++depth) {
            if (at == code || depth > forums.size()) {
                issue(entry.file, entry.line, "forum '" + code + "' is its own ancestor");
                entry.parent.clear();
                break;
            }
            at = entries[forums.find(at)->second].parent;
        }
    }
    // One name, one entity per class: a later definition overrides an earlier one.
    std::map<std::pair<int, std::string>, std::uint32_t> owners;
    for (std::uint32_t i = 0; i < names.size(); ++i) {
        Name& name = names[i];
        if (name.removed) continue;
        std::string signature;
        for (const WordPattern& word : name.words) {
            signature.push_back(static_cast<char>('0' + static_cast<int>(word.mode)));
            signature.append(word.keys.front()).push_back('\x1f');
        }
        const Entry& entry = entries[name.entry];
        int group = static_cast<int>(entry.match_class);
        if (entry.kind == EntryKind::kIgnore) group = 10;
        auto [it, inserted] = owners.emplace(std::make_pair(group, signature), i);
        if (inserted) continue;
        Name& earlier = names[it->second];
        if (earlier.entry == name.entry && earlier.kind == MentionKind::kName &&
            name.kind != MentionKind::kName) {
            name.removed = true;  // a name of the entity beats the same words as a metonym
            continue;
        }
        if (earlier.entry != name.entry) {
            issue(name.file, name.line,
                  "name '" + name.text + "' of " + entry.code + " was already a name of " +
                      entries[earlier.entry].code + " (" + earlier.file + ":" +
                      std::to_string(earlier.line) + "); it now names " + entry.code);
        }
        earlier.removed = true;
        it->second = i;
    }
    for (std::uint32_t i = 0; i < names.size(); ++i) {
        const Name& name = names[i];
        if (name.removed) continue;
        const WordPattern& first = name.words.front();
        if (first.mode == WordMode::kStem) {
            for (const std::string& key : first.keys) first_words[key].push_back(i);
        } else {
            first_words["=" + first.keys.back()].push_back(i);
        }
    }
}

bool Gazetteer::Internal::word_matches(const WordPattern& pattern, const Token& token,
                                       std::string_view surface, const WordKeys& keys,
                                       bool ignore_case) const {
    auto has = [&](const std::string& key) {
        return std::find(pattern.keys.begin(), pattern.keys.end(), key) != pattern.keys.end();
    };
    switch (pattern.mode) {
        case WordMode::kStem:
            if (keys.stems != nullptr)
                return std::any_of(keys.stems->begin(), keys.stems->end(), has);
            return keys.stem != nullptr && has(*keys.stem);
        case WordMode::kForm:
            return token.form == pattern.keys.front();
        case WordMode::kCase:
            if (ignore_case) return token.form == pattern.keys.back();
            return surface == pattern.keys.front() || is_elided(surface, pattern.keys.front());
    }
    return false;
}

void Gazetteer::Internal::find(const std::vector<Token>& tokens, std::string_view text,
                               const std::vector<WordKeys>& word_keys,
                               const std::vector<std::size_t>& words, bool ignore_case,
                               std::vector<Candidate>& out) const {
    auto surface_of = [&](const Token& token) {
        return token.end <= text.size() && token.begin <= token.end
                   ? text.substr(token.begin, token.end - token.begin)
                   : std::string_view();
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        const auto& starts = word_keys[w].starts;
        for (std::size_t list = 0; list < starts.size(); ++list) {
            if (starts[list] == nullptr) continue;
            // The same list may start a word under two keys; look at it once.
            if (std::find(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(list),
                          starts[list]) != starts.begin() + static_cast<std::ptrdiff_t>(list)) {
                continue;
            }
            for (const std::uint32_t name_index : *starts[list]) {
                const Name& name = names[name_index];
                if (w + name.words.size() > words.size()) continue;
                bool matched = true;
                for (std::size_t k = 0; k < name.words.size() && matched; ++k) {
                    const Token& at = tokens[words[w + k]];
                    if (k > 0) {
                        const Token& before = tokens[words[w + k - 1]];
                        if (at.begin < before.end ||
                            !gap_allows_name(text.substr(before.end, at.begin - before.end))) {
                            matched = false;
                            break;
                        }
                    }
                    matched = word_matches(name.words[k], at, surface_of(at), word_keys[w + k],
                                           ignore_case);
                }
                if (matched) {
                    out.push_back(
                        {name_index, entries[name.entry].match_class, w, w + name.words.size()});
                }
            }
        }
    }
}

namespace {

// Leftmost-longest among the candidates of one class and the ignore phrases
// that apply to it; returns the accepted non-ignore candidates.
std::vector<Candidate> resolve_overlaps(const std::vector<Candidate>& candidates,
                                        MatchClass wanted) {
    std::vector<Candidate> pool;
    for (const Candidate& candidate : candidates) {
        const MatchClass c = candidate.match_class;
        const bool ignore = c == MatchClass::kIgnoreAll ||
                            (wanted == MatchClass::kParty && c == MatchClass::kIgnoreParty) ||
                            (wanted == MatchClass::kForum && c == MatchClass::kIgnoreForum);
        if (c == wanted || ignore) pool.push_back(candidate);
    }
    std::stable_sort(pool.begin(), pool.end(), [](const Candidate& a, const Candidate& b) {
        const std::size_t la = a.end - a.first;
        const std::size_t lb = b.end - b.first;
        if (la != lb) return la > lb;
        if (a.first != b.first) return a.first < b.first;
        return a.name < b.name;
    });
    std::vector<Candidate> accepted;
    for (const Candidate& candidate : pool) {
        const bool overlaps =
            std::any_of(accepted.begin(), accepted.end(), [&](const Candidate& other) {
                return candidate.first < other.end && other.first < candidate.end;
            });
        if (!overlaps) accepted.push_back(candidate);
    }
    std::vector<Candidate> kept;
    for (const Candidate& candidate : accepted) {
        if (candidate.match_class == wanted) kept.push_back(candidate);
    }
    return kept;
}

}  // namespace

std::optional<std::string> Gazetteer::Internal::resolve(std::string_view text,
                                                        MatchClass wanted) const {
    const std::string_view query = trim(text);
    if (query.empty() || !is_valid_utf8(query)) return std::nullopt;
    const auto& table = wanted == MatchClass::kForum ? forums : parties;
    const std::string upper = ascii_upper(query);
    if (auto it = table.find(upper); it != table.end()) return it->first;

    // Constructing an Analyzer is cheap (ICU caches its data) and keeps this
    // const function free of shared mutable state.
    const Analyzer analyzer;
    const std::vector<Token> tokens = analyzer.tokenize(query);
    std::vector<std::size_t> words;
    std::vector<std::vector<std::string>> stems;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].compound || tokens[i].link) continue;
        words.push_back(i);
        stems.push_back(all_stem_keys(analyzer, tokens[i], {}));
    }
    std::vector<WordKeys> keys(words.size());
    for (std::size_t w = 0; w < words.size(); ++w) {
        keys[w].stems = &stems[w];
        std::size_t list = 0;
        keys[w].starts[list++] = starting_with("=" + tokens[words[w]].form);
        for (const std::string& key : stems[w]) {
            if (list == keys[w].starts.size()) break;
            keys[w].starts[list++] = starting_with(key);
        }
    }
    if (!words.empty()) {
        std::vector<Candidate> candidates;
        find(tokens, query, keys, words, /*ignore_case=*/true, candidates);
        // "the PRC", "la France": a leading article is not part of the name.
        static const std::string_view kArticles[] = {"the", "la", "le", "les", "l"};
        const std::string& first_form = tokens[words.front()].form;
        const bool article =
            words.size() > 1 && std::find(std::begin(kArticles), std::end(kArticles), first_form) !=
                                    std::end(kArticles);
        for (const Candidate& candidate : candidates) {
            const Name& name = names[candidate.name];
            const Entry& entry = entries[name.entry];
            if (candidate.end != words.size()) continue;
            if (candidate.first != 0 && !(article && candidate.first == 1)) continue;
            if (name.kind == MentionKind::kMetonym) continue;
            if (candidate.match_class != wanted || name.kind == MentionKind::kPerson) continue;
            return entry.code;
        }
    }
    const std::string folded = analyzer.normalize(query);
    for (const auto& [code, index] : table) {
        if (analyzer.normalize(entries[index].label) == folded) return code;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------

Gazetteer::Gazetteer(std::unique_ptr<Internal> internal) : internal_(std::move(internal)) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Gazetteer Gazetteer::load(const std::vector<std::filesystem::path>& directories) {
    auto internal = std::make_unique<Internal>();
    const Analyzer analyzer;
    for (const std::filesystem::path& directory : directories) {
        std::error_code error;
        if (!std::filesystem::is_directory(directory, error)) {
            throw GazetteerError("gazetteer directory " + directory.string() +
                                 " does not exist or is not a directory");
        }
        std::vector<std::filesystem::path> files;
        for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
             it.increment(error)) {
            if (it->path().extension() == ".tsv" && it->is_regular_file(error)) {
                files.push_back(it->path());
            }
        }
        if (error) {
            throw GazetteerError("cannot list gazetteer directory " + directory.string() + ": " +
                                 error.message());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) internal->load_file(file, analyzer);
    }
    internal->finish();
    return Gazetteer(std::move(internal));
}

Gazetteer Gazetteer::load_default(const std::vector<std::filesystem::path>& extra) {
    std::vector<std::filesystem::path> directories{default_gazetteer_dir()};
    directories.insert(directories.end(), extra.begin(), extra.end());
    return load(directories);
}

std::optional<std::string> Gazetteer::resolve_party(std::string_view text) const {
    return internal_->resolve(text, MatchClass::kParty);
}

std::optional<std::string> Gazetteer::resolve_forum(std::string_view text) const {
    return internal_->resolve(text, MatchClass::kForum);
}

std::string Gazetteer::party_label(std::string_view code) const {
    const auto it = internal_->parties.find(code);
    return it == internal_->parties.end() ? std::string() : internal_->entries[it->second].label;
}

std::string Gazetteer::forum_label(std::string_view code) const {
    const auto it = internal_->forums.find(code);
    return it == internal_->forums.end() ? std::string() : internal_->entries[it->second].label;
}

std::optional<EntityType> Gazetteer::party_type(std::string_view code) const {
    const auto it = internal_->parties.find(code);
    if (it == internal_->parties.end()) return std::nullopt;
    return internal_->entries[it->second].kind == EntryKind::kState ? EntityType::kState
                                                                    : EntityType::kOrganisation;
}

bool Gazetteer::has_forum(std::string_view code) const {
    return internal_->forums.find(code) != internal_->forums.end();
}

std::string Gazetteer::forum_parent(std::string_view code) const {
    const auto it = internal_->forums.find(code);
    return it == internal_->forums.end() ? std::string() : internal_->entries[it->second].parent;
}

std::vector<std::string> Gazetteer::party_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, index] : internal_->parties) codes.push_back(code);
    return codes;
}

std::vector<std::string> Gazetteer::forum_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, index] : internal_->forums) codes.push_back(code);
    return codes;
}

const std::vector<GazetteerIssue>& Gazetteer::issues() const { return internal_->issues; }

std::vector<Mention> Gazetteer::find_mentions(const std::vector<Token>& tokens,
                                              std::string_view text, std::string_view lang,
                                              MentionScratch& scratch) const {
    MentionScratch::Memo& memo = *scratch.memo_;
    if (memo.gazetteer != internal_.get() || memo.size > kMaxMemo) {
        memo.by_lang.clear();
        memo.size = 0;
        memo.gazetteer = internal_.get();
    }
    auto lang_words = memo.by_lang.find(lang);
    if (lang_words == memo.by_lang.end())
        lang_words = memo.by_lang.emplace(lang, StringMap<MentionScratch::Memo::Word>()).first;
    std::vector<std::size_t> words;
    std::vector<WordKeys> keys;
    words.reserve(tokens.size());
    keys.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.compound || token.link) continue;
        auto known = lang_words->second.find(token.form);
        if (known == lang_words->second.end()) {
            MentionScratch::Memo::Word word;
            word.stem = token.numeric ? ":" + token.form
                                      : stem_key(scratch.analyzer_, token.form, token.script, lang);
            word.by_stem = internal_->starting_with(word.stem);
            word.by_form = internal_->starting_with("=" + token.form);
            known = lang_words->second.emplace(token.form, std::move(word)).first;
            ++memo.size;
        }
        words.push_back(i);
        WordKeys word_keys;
        word_keys.stem = &known->second.stem;
        word_keys.starts = {known->second.by_stem, known->second.by_form, nullptr, nullptr};
        keys.push_back(word_keys);
    }
    std::vector<Candidate> candidates;
    internal_->find(tokens, text, keys, words, /*ignore_case=*/false, candidates);

    std::vector<Mention> mentions;
    for (const MatchClass wanted : {MatchClass::kParty, MatchClass::kForum}) {
        for (const Candidate& candidate : resolve_overlaps(candidates, wanted)) {
            const Name& name = internal_->names[candidate.name];
            const Entry& entry = internal_->entries[name.entry];
            Mention mention;
            mention.code = entry.code;
            mention.kind = name.kind;
            if (entry.kind == EntryKind::kForum) {
                mention.type = EntityType::kForum;
            } else {
                const Entry& party = entry.kind == EntryKind::kPerson
                                         ? internal_->entries[internal_->parties.at(entry.code)]
                                         : entry;
                mention.type = party.kind == EntryKind::kState ? EntityType::kState
                                                               : EntityType::kOrganisation;
            }
            mention.first_token = words[candidate.first];
            mention.end_token = words[candidate.end - 1] + 1;
            mention.begin = tokens[mention.first_token].begin;
            mention.end = tokens[mention.end_token - 1].end;
            mentions.push_back(mention);
        }
    }
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.kind < b.kind;
    });
    return mentions;
}

}  // namespace chancery
