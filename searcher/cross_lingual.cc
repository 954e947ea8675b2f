// Cross-language query expansion: Mueller's dictionary read both ways, the
// glossary, transliteration and cognates, and how their alternatives join a query.
#include "searcher/cross_lingual.h"

#include "analyzers/data_dir.h"
#include "indexer/schema.h"
#include "searcher/cross_lingual_dictionary.h"
#include "searcher/cross_lingual_glossary.h"
#include "searcher/cross_lingual_transliteration.h"
#include "searcher/cross_lingual_words.h"
#include "searcher/query_parser.h"

#include <chancery/error.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace chancery {
namespace {

// Joins the words of an expression's key; never part of a word.
constexpr char kKeySeparator = '\x1f';
// Russian translations of two or three words become expressions that a
// Russian query can contain ("прекращение огня" -> ceasefire); longer ones
// are descriptions.
constexpr std::size_t kLongestRussianExpression = 3;
// English candidates kept per Russian stem in the inverted dictionary.
constexpr std::size_t kInverseCandidates = 24;
// Spellings of a word in the other script, per word.
constexpr std::size_t kMaxSpellings = 6;
// Index terms a cognate prefix stands for: the commonest, so that a prefix
// does not pull in a long tail.
constexpr Xapian::termcount kCognateExpansions = 8;

constexpr const char* kMueller = "mueller";
constexpr const char* kMuellerInverted = "mueller-inverted";
constexpr const char* kGlossary = "glossary";
constexpr const char* kTransliteration = "transliteration";
constexpr const char* kCognate = "cognate";

// A word or expression of either language as the index's terms.
struct Rendering {
    std::string text;                // as the dictionary or glossary prints it
    std::vector<std::string> terms;  // Z-prefixed stems
    // All terms must match (an expression's words), or any one (a name's case forms).
    bool conjunctive = true;
    // The terms are prefixes: any index term that starts with one matches (a
    // borrowed word's cognates: "Zстратигр" finds стратиграфический).
    bool prefix = false;
    std::vector<std::string> forms;  // normalised words (or prefixes), for highlighting
};

// A word or expression of the other language, with its weight before
// scaling (1 / sense rank).
struct WeightedTranslation {
    std::string text;
    double weight = 1.0;
};

// Names of one thing that a query may contain as consecutive words: a glossary
// line, or a dictionary expression and its translations.
struct Expression {
    std::vector<WeightedTranslation> english;
    std::vector<WeightedTranslation> russian;
    const char* source = kGlossary;
};

struct PhraseMatch {
    std::uint32_t expression = 0;
    bool english_side = true;  // the query's words are the expression's English name
};

// An English headword that a Russian stem translates, scored for choosing
// among the many that do (защита: defence, protection, shelter, aegis...).
struct InverseLink {
    std::uint32_t article = 0;
    std::uint8_t rank = 1;
    float score = 0;
    // The article's length: common words have long articles, which breaks
    // ties between headwords that give the Russian word as the same sense.
    std::uint32_t article_bytes = 0;
};

// Russian -> English: Mueller inverted, built on the first Russian word.
struct InverseDictionary {
    std::vector<std::string> headwords;  // by article
    std::unordered_map<std::string, std::vector<InverseLink>> by_stem;
    std::vector<Expression> expressions;  // Russian translations of several words
    std::unordered_map<std::string, std::vector<PhraseMatch>> phrases;
    std::size_t longest_phrase = 1;
};

// A sense's translation as the expander ranks it.
struct SenseLink {
    const std::string* translation = nullptr;
    std::uint8_t rank = 1;      // counting the senses that translate, unusual ones aside
    std::uint8_t position = 0;  // among the sense's translations
    std::uint8_t homograph = 0;
    std::uint8_t block = 0;
    PartOfSpeech pos = PartOfSpeech::kOther;
    bool plural = false;
    bool unusual = false;
};

// What a query word gains: a rendering with its weight and where it came from.
struct Alternative {
    const Rendering* rendering = nullptr;
    double weight = 1.0;
    const char* source = kMueller;
};

// A word's alternatives, which are the same in every query: worked out once
// per process and word. Immutable once made; `alternatives` point into
// `renderings` (a deque, so they stay put).
struct WordAlternatives {
    std::deque<Rendering> renderings;
    std::vector<Alternative> alternatives;
};

// Words whose alternatives are kept; past this the cache starts afresh, which
// bounds its memory (two or three KB a word) at some tens of MB.
constexpr std::size_t kCachedWords = 10000;

// Words of questions and references that are not stopwords of Snowball's
// lists but whose translations would only add noise ("сколько" -> how many,
// "является" -> haunt, "many" -> многие): they keep their own terms and gain none.
bool is_untranslated(std::string_view form) {
    static const std::unordered_set<std::string_view> kWords = {
        "сколько",  "который",  "которая", "которое",  "которые",  "которого", "которой", "котором",
        "которым",  "которых",  "которую", "которыми", "кого",     "кому",     "кем",     "ком",
        "чему",     "чем",      "каких",   "каким",    "какими",   "какие",    "какое",   "какую",
        "каком",    "какому",   "какого",  "каков",    "какова",   "каково",   "такой",   "такая",
        "такое",    "такие",    "таким",   "таких",    "такого",   "такую",    "таком",   "такому",
        "является", "являются", "являлся", "являлась", "являлось", "являлись", "свой",    "своя",
        "свое",     "свои",     "своего",  "своей",    "своем",    "своему",   "своим",   "своих",
        "свою",     "своими",   "также",   "это",      "эта",      "этим",     "этих",    "этими",
        "чей",      "чья",      "чье",     "чьи",      "почему",   "many",     "much",    "another",
        "also",     "whose",    "else",    "ever",     "yet"};
    return kWords.count(form) > 0;
}

bool is_cyrillic_lowercase_phrase(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead == ' ') {
            ++i;
            continue;
        }
        if (i + 1 >= text.size()) return false;
        const auto next = static_cast<unsigned char>(text[i + 1]);
        const bool lower = (lead == 0xD0 && next >= 0xB0 && next <= 0xBF) ||
                           (lead == 0xD1 && ((next >= 0x80 && next <= 0x8F) || next == 0x91));
        if (!lower) return false;
        i += 2;
    }
    return true;
}

std::string fold_yo(std::string_view word) {
    std::string folded(word);
    for (std::size_t at = folded.find("ё"); at != std::string::npos; at = folded.find("ё", at)) {
        folded.replace(at, std::string_view("ё").size(), "е");
    }
    return folded;
}

// What an inflection tells of the part of speech the word is used as.
enum class Inflection { kNone, kPlural, kVerbal, kComparative };

PartOfSpeech preferred_pos(Inflection inflection) {
    switch (inflection) {
        case Inflection::kPlural:
            return PartOfSpeech::kNoun;
        case Inflection::kVerbal:
            return PartOfSpeech::kVerb;
        case Inflection::kComparative:
            return PartOfSpeech::kAdjective;
        case Inflection::kNone:
            break;
    }
    return PartOfSpeech::kOther;
}

// British spellings, which the dictionary uses: honor -> honour, defense ->
// defence, organize -> organise, center -> centre, catalog -> catalogue.
std::vector<std::string> british_spellings(std::string_view word) {
    std::vector<std::string> spellings;
    auto replace_end = [&](std::string_view from, std::string_view to) {
        if (ends_with(word, from)) {
            spellings.push_back(std::string(word.substr(0, word.size() - from.size())).append(to));
        }
    };
    replace_end("or", "our");
    replace_end("ense", "ence");
    replace_end("ize", "ise");
    replace_end("ization", "isation");
    replace_end("yze", "yse");
    replace_end("er", "re");
    replace_end("og", "ogue");
    for (const std::string_view middle : {"iz", "yz"}) {
        const std::size_t at = word.find(middle);
        if (at != std::string_view::npos && at + 2 < word.size()) {
            std::string spelling(word);
            spelling[at + 1] = 's';
            spellings.push_back(std::move(spelling));
        }
    }
    return spellings;
}

// The headwords an English query word may be a form of, the word itself
// first, each with what its ending says of the part of speech.
std::vector<std::pair<std::string, Inflection>> english_base_candidates(const std::string& form) {
    std::vector<std::pair<std::string, Inflection>> candidates = {{form, Inflection::kNone}};
    auto add = [&](std::string_view base, Inflection inflection) {
        if (base.size() < 2) return;
        for (const auto& [existing, ignored] : candidates) {
            if (existing == base) return;
        }
        candidates.emplace_back(std::string(base), inflection);
    };
    const std::string_view word = form;
    const std::size_t n = word.size();
    auto stem = [&](std::size_t cut) { return word.substr(0, n - cut); };
    auto plus = [&](std::size_t cut, std::string_view ending) {
        return std::string(stem(cut)).append(ending);
    };
    auto undoubled = [&](std::size_t cut) {
        const std::string_view base = stem(cut);
        return base.size() >= 3 && base[base.size() - 1] == base[base.size() - 2]
                   ? base.substr(0, base.size() - 1)
                   : std::string_view();
    };
    if (ends_with(word, "'s")) add(stem(2), Inflection::kNone);
    if (ends_with(word, "ies")) add(plus(3, "y"), Inflection::kPlural);
    if (ends_with(word, "ves")) {
        add(plus(3, "f"), Inflection::kPlural);
        add(plus(3, "fe"), Inflection::kPlural);
    }
    // -es after a sibilant or o (boxes, heroes); genes is gene + s.
    for (const std::string_view ending : {"ses", "xes", "zes", "ches", "shes", "oes"}) {
        if (ends_with(word, ending)) add(stem(2), Inflection::kPlural);
    }
    if (ends_with(word, "s") && !ends_with(word, "ss")) add(stem(1), Inflection::kPlural);
    if (ends_with(word, "ied")) add(plus(3, "y"), Inflection::kVerbal);
    if (ends_with(word, "ed")) {
        add(stem(2), Inflection::kVerbal);
        add(stem(1), Inflection::kVerbal);
        add(undoubled(2), Inflection::kVerbal);
    }
    if (ends_with(word, "ing")) {
        add(stem(3), Inflection::kVerbal);
        add(plus(3, "e"), Inflection::kVerbal);
        add(undoubled(3), Inflection::kVerbal);
    }
    if (ends_with(word, "ier")) add(plus(3, "y"), Inflection::kComparative);
    if (ends_with(word, "iest")) add(plus(4, "y"), Inflection::kComparative);
    if (ends_with(word, "er")) {
        add(stem(2), Inflection::kComparative);
        add(stem(1), Inflection::kComparative);
        add(undoubled(2), Inflection::kComparative);
    }
    if (ends_with(word, "est")) {
        add(stem(3), Inflection::kComparative);
        add(stem(2), Inflection::kComparative);
        add(undoubled(3), Inflection::kComparative);
    }
    if (ends_with(word, "ily")) add(plus(3, "y"), Inflection::kNone);
    if (ends_with(word, "ly")) add(stem(2), Inflection::kNone);
    const std::size_t american = candidates.size();
    for (std::size_t i = 0; i < american; ++i) {
        for (std::string& british : british_spellings(candidates[i].first)) {
            add(british, candidates[i].second);
        }
    }
    return candidates;
}

// The translations of an entry's senses, ranked. Ranks count the senses that
// translate and not the unusual ones: "last" a. 1) is "_sup. от late", so
// последний, its 2), is first. Senses past `max_rank` are left out, except a
// plural's own sense (talk 2) _pl. переговоры), which a plural query promotes.
std::vector<SenseLink> sense_links(const DictionaryEntry& entry, std::size_t max_rank,
                                   std::size_t per_sense) {
    std::vector<SenseLink> links;
    std::vector<std::pair<std::uint16_t, std::size_t>> counted;  // (homograph, block) -> senses
    for (const DictionarySense& sense : entry.senses) {
        const auto block = static_cast<std::uint16_t>(sense.homograph << 8 | sense.block);
        auto at = std::find_if(counted.begin(), counted.end(),
                               [&](const auto& c) { return c.first == block; });
        if (at == counted.end()) at = counted.insert(counted.end(), {block, 0});
        std::size_t rank = sense.unusual ? at->second + 1 : ++at->second;
        // A sense of a special field comes after the general ones but is a
        // real one, which specialists' texts use (cell: _биол. клетка, its
        // sixth): it stays, at the lowest rank kept.
        if (sense.specialized && rank > max_rank) rank = max_rank;
        if (rank > max_rank && !(sense.plural && rank <= 2 * max_rank)) continue;
        const std::size_t count = std::min(sense.translations.size(), per_sense);
        for (std::size_t p = 0; p < count; ++p) {
            SenseLink link;
            link.translation = &sense.translations[p];
            link.rank = static_cast<std::uint8_t>(std::min<std::size_t>(rank, 255));
            link.position = static_cast<std::uint8_t>(p);
            link.homograph = sense.homograph;
            link.block = sense.block;
            link.pos = sense.pos;
            link.plural = sense.plural;
            link.unusual = sense.unusual;
            links.push_back(link);
        }
    }
    return links;
}

// "abridgment, abridgement": the spellings an article is the entry of.
std::vector<std::string> spellings_of(const std::string& headword) {
    std::vector<std::string> spellings;
    for (std::size_t start = 0; start < headword.size();) {
        std::size_t comma = headword.find(',', start);
        if (comma == std::string::npos) comma = headword.size();
        const std::size_t first = headword.find_first_not_of(' ', start);
        const std::size_t last = headword.find_last_not_of(' ', comma - 1);
        if (first != std::string::npos && first < comma && last != std::string::npos &&
            last >= first) {
            spellings.push_back(headword.substr(first, last - first + 1));
        }
        start = comma + 1;
    }
    return spellings;
}

bool is_lowercase_ascii_phrase(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; });
}

// Builds renderings and match keys through the Analyzer, so that they are the
// terms the indexer wrote.
class TermMaker {
  public:
    explicit TermMaker(const Analyzer& analyzer) : analyzer_(analyzer) {}

    // The rendering of a phrase: all its words' stems (stopwords have none).
    [[nodiscard]] Rendering render(std::string_view text) const {
        Rendering rendering;
        rendering.text = std::string(text);
        for (const Token& token : tokens(text)) {
            std::string stem = analyzer_.index_stem(token, {});
            rendering.forms.push_back(token.form);
            if (stem.empty()) continue;
            std::string term = schema::term(schema::kStemPrefix, stem);
            if (std::find(rendering.terms.begin(), rendering.terms.end(), term) ==
                rendering.terms.end()) {
                rendering.terms.push_back(std::move(term));
            }
        }
        return rendering;
    }

    // The key an expression is matched under: each word's stem, or its form
    // for a stopword, so that "Ministry of Foreign Affairs" keeps its "of".
    [[nodiscard]] std::string key(std::string_view text, std::size_t* words = nullptr) const {
        std::string joined;
        std::size_t count = 0;
        for (const Token& token : tokens(text)) {
            if (count++ > 0) joined.push_back(kKeySeparator);
            joined.append(word_key(token));
        }
        if (words != nullptr) *words = count;
        return joined;
    }

    [[nodiscard]] std::string word_key(const Token& token) const {
        std::string stem = analyzer_.index_stem(token, {});
        return stem.empty() ? token.form : stem;
    }

    // The words of a text as the indexer sees them. A hyphenated compound
    // counts as its parts: "drinking-water" must find texts that write
    // "drinking water", and the indexer writes the parts of "военно-воздушные"
    // as words too.
    [[nodiscard]] std::vector<Token> tokens(std::string_view text) const {
        std::vector<Token> result;
        const bool cyrillic = is_cyrillic_lowercase_phrase(text);
        if (cyrillic || is_lowercase_ascii_phrase(text)) {
            // Most dictionary words are plain lower-case words, which need no
            // ICU segmentation or normalisation (a third of the load time).
            std::size_t start = 0;
            while (start < text.size()) {
                std::size_t end = text.find(' ', start);
                if (end == std::string_view::npos) end = text.size();
                if (end > start) {
                    Token token;
                    token.form = fold_yo(text.substr(start, end - start));
                    token.script = cyrillic ? Script::kCyrillic : Script::kLatin;
                    result.push_back(std::move(token));
                }
                start = end + 1;
            }
            return result;
        }
        for (Token& token : analyzer_.tokenize(text)) {
            if (!token.compound) result.push_back(std::move(token));
        }
        return result;
    }

  private:
    const Analyzer& analyzer_;
};

Xapian::Query rendering_query(const Rendering& rendering) {
    std::vector<Xapian::Query> parts;
    for (const std::string& term : rendering.terms) {
        if (rendering.prefix) {
            parts.emplace_back(Xapian::Query::OP_WILDCARD, term, kCognateExpansions,
                               Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        } else {
            parts.emplace_back(term);
        }
    }
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(rendering.conjunctive ? Xapian::Query::OP_AND : Xapian::Query::OP_SYNONYM,
                         parts.begin(), parts.end());
}

// The alternatives of one word or expression as one query: the renderings of
// each weight in an OP_SYNONYM (to BM25 they are one word with several
// spellings), scaled by the weight, and the weights OR-ed. OP_MAX would let
// only the best sense count, but when it was tried Xapian 1.4.22 crashed on an
// OR of two OP_MAX queries whose match stopped early; the 1/rank weights and
// the cap on alternatives keep a word of many senses from counting many times over.
Xapian::Query alternatives_query(const std::vector<Alternative>& alternatives) {
    // Each term once: transliterations and dictionary words can coincide. A
    // word has a few dozen terms at most, so a list beats a hash set.
    std::vector<const Rendering*> seen_renderings;
    std::vector<std::string_view> seen_terms;
    std::vector<Xapian::Query> levels;
    for (std::size_t i = 0; i < alternatives.size();) {
        std::vector<Xapian::Query> synonyms;
        std::size_t j = i;
        for (; j < alternatives.size() && alternatives[j].weight == alternatives[i].weight; ++j) {
            const Rendering& rendering = *alternatives[j].rendering;
            if (!rendering.conjunctive && !rendering.prefix) {
                for (const std::string& term : rendering.terms) {
                    if (std::find(seen_terms.begin(), seen_terms.end(), term) != seen_terms.end()) {
                        continue;
                    }
                    seen_terms.emplace_back(term);
                    synonyms.emplace_back(term);
                }
                continue;
            }
            const bool seen = std::any_of(
                seen_renderings.begin(), seen_renderings.end(), [&](const Rendering* other) {
                    return other->prefix == rendering.prefix && other->terms == rendering.terms;
                });
            if (seen) continue;
            seen_renderings.push_back(&rendering);
            synonyms.push_back(rendering_query(rendering));
        }
        if (!synonyms.empty()) {
            Xapian::Query level =
                synonyms.size() == 1
                    ? synonyms.front()
                    : Xapian::Query(Xapian::Query::OP_SYNONYM, synonyms.begin(), synonyms.end());
            levels.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, level, alternatives[i].weight);
        }
        i = j;
    }
    if (levels.size() == 1) return levels.front();
    return Xapian::Query(Xapian::Query::OP_OR, levels.begin(), levels.end());
}

// Records what was added, and what a snippet should highlight.
void record(const std::string& word, const std::vector<Alternative>& alternatives,
            ParsedQuery& parsed) {
    for (const Alternative& alternative : alternatives) {
        const Rendering& rendering = *alternative.rendering;
        parsed.expansions.push_back({word, rendering.text, alternative.source});
        if (rendering.prefix) {
            parsed.highlight_prefixes.insert(parsed.highlight_prefixes.end(),
                                             rendering.forms.begin(), rendering.forms.end());
            continue;
        }
        // Snippets find a word by its stem first: the stems are enough, save
        // for words without one (stopwords inside an expression).
        parsed.highlight_terms.insert(rendering.terms.begin(), rendering.terms.end());
        if (rendering.terms.size() < rendering.forms.size() && rendering.conjunctive) {
            parsed.highlight_terms.insert(rendering.forms.begin(), rendering.forms.end());
        }
    }
}

// Sorts best first, keeps the first of renderings with the same terms, and caps.
void sort_and_cap(std::vector<Alternative>& alternatives, std::size_t cap) {
    std::stable_sort(
        alternatives.begin(), alternatives.end(),
        [](const Alternative& a, const Alternative& b) { return a.weight > b.weight; });
    std::vector<Alternative> unique;
    for (const Alternative& alternative : alternatives) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&](const Alternative& u) {
            return u.rendering->terms == alternative.rendering->terms &&
                   u.rendering->prefix == alternative.rendering->prefix;
        });
        if (!seen && !alternative.rendering->terms.empty()) unique.push_back(alternative);
        if (unique.size() == cap) break;
    }
    alternatives = std::move(unique);
}

}  // namespace

struct CrossLingualExpander::Internal {
    CrossLingualOptions options;
    CrossLingualStatistics statistics;
    NameTransliterator transliterator;
    std::vector<DictdArticle> articles;
    std::unordered_map<std::string, std::vector<std::uint32_t>> headwords;  // spelling -> articles
    // The glossary's expressions and the dictionary's English ones ("air force").
    std::vector<Expression> expressions;
    std::unordered_map<std::string, std::vector<PhraseMatch>> phrases;  // by key
    std::size_t longest_phrase = 1;
    // Built on first use: most queries are in one language, and English ones
    // never need it.
    mutable std::once_flag inverse_built;
    mutable InverseDictionary inverse;
    mutable std::shared_mutex cache_mutex;
    mutable std::unordered_map<std::string, std::shared_ptr<const WordAlternatives>> cache;

    // ---- loading ----

    void add_phrase(const std::string& key, std::size_t words, PhraseMatch match) {
        if (key.empty()) return;
        phrases[key].push_back(match);
        longest_phrase = std::max(longest_phrase, words);
    }

    void load_glossary(const TermMaker& maker, const std::vector<std::string>& directories) {
        for (const std::string& directory : directories) {
            for (const GlossaryEntry& entry :
                 read_glossary_directory(directory, statistics.skipped_lines)) {
                const auto index = static_cast<std::uint32_t>(expressions.size());
                Expression& expression = expressions.emplace_back();
                expression.source = kGlossary;
                for (const bool english_side : {true, false}) {
                    for (const std::string& name : english_side ? entry.english : entry.russian) {
                        (english_side ? expression.english : expression.russian)
                            .push_back({name, 1.0});
                        std::size_t words = 0;
                        const std::string key = maker.key(name, &words);
                        add_phrase(key, words, {index, english_side});
                    }
                }
                ++statistics.glossary_entries;
            }
            statistics.glossary_directories.push_back(directory);
        }
    }

    void load_dictionary(const TermMaker& maker) {
        articles = read_dictd(options.dictionary_index, options.dictionary_data);
        headwords.reserve(articles.size() + articles.size() / 8);
        for (std::uint32_t i = 0; i < articles.size(); ++i) {
            const std::string& headword = articles[i].headword;
            // The dictionary's notes on its labels ("_a.", "букв.") are not entries.
            if (headword.empty() || headword.front() == '_' ||
                is_cyrillic_lowercase_phrase(headword.substr(0, 2))) {
                continue;
            }
            std::string lower = headword;
            for (char& c : lower) {
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            }
            for (std::string& spelling : spellings_of(lower)) {
                // "air force": a dictionary expression an English query can contain.
                if (spelling.find(' ') != std::string::npos)
                    add_english_expression(maker, spelling, i);
                headwords[std::move(spelling)].push_back(i);
            }
        }
        statistics.headwords = headwords.size();
    }

    void add_english_expression(const TermMaker& maker, const std::string& spelling,
                                std::uint32_t article) {
        std::size_t words = 0;
        const std::string key = maker.key(spelling, &words);
        if (words < 2 || phrases.count(key) > 0) return;  // the glossary's comes first
        Expression expression;
        expression.source = kMueller;
        expression.english.push_back({spelling, 1.0});
        const DictionaryEntry entry =
            parse_mueller_entry(articles[article].text, 2 * options.senses_per_part_of_speech + 2);
        for (const SenseLink& link : sense_links(entry, options.senses_per_part_of_speech,
                                                 options.translations_per_sense)) {
            if (!link.unusual) expression.russian.push_back({*link.translation, 1.0 / link.rank});
        }
        if (expression.russian.empty()) return;
        add_phrase(key, words, {static_cast<std::uint32_t>(expressions.size()), true});
        expressions.push_back(std::move(expression));
    }

    const InverseDictionary& inverse_dictionary() const {
        std::call_once(inverse_built, [this] { build_inverse(); });
        return inverse;
    }

    // How likely an English headword is meant when a Russian word stands as
    // its sense `rank`, translation `position`.
    static float inverse_score(std::size_t rank, std::size_t position, bool expression,
                               bool via_head) {
        double score = 1.0 / static_cast<double>(rank);
        score /= 1.0 + 0.5 * static_cast<double>(position);
        if (expression) score *= 0.5;  // "firing party" for команда: compositional
        if (via_head) score *= 0.5;  // "спортивная команда" for команда: narrower
        return static_cast<float>(score);
    }

    // Inverts every headword's senses: its Russian words (and the head nouns
    // of its Russian expressions) lead back to it, and its Russian expressions
    // of two or three words become expressions a Russian query can contain.
    // Two threads each invert half the articles (it is most of the cost of a
    // first Russian query), then the halves are merged.
    void build_inverse() const {
        struct Part {
            std::unordered_map<std::string, std::vector<InverseLink>> by_stem;
            std::vector<Expression> expressions;
            std::unordered_map<std::string, std::uint32_t> expression_of_key;
            std::size_t longest_phrase = 1;
        };
        inverse.headwords.resize(articles.size());
        const std::size_t threads = std::thread::hardware_concurrency() > 1 ? 2 : 1;
        std::vector<Part> parts(threads);
        auto invert = [&](std::size_t part, std::uint32_t begin, std::uint32_t end) {
            const Analyzer analyzer;
            const TermMaker maker(analyzer);
            Part& built = parts[part];
            built.by_stem.reserve((end - begin) / 2);
            for (std::uint32_t article = begin; article < end; ++article) {
                invert_article(analyzer, maker, article, built.by_stem, built.expressions,
                               built.expression_of_key, built.longest_phrase);
            }
        };
        const auto count = static_cast<std::uint32_t>(articles.size());
        std::thread second;
        if (threads == 2) {
            try {
                second = std::thread(invert, 1, count / 2, count);
            } catch (const std::system_error&) {
                parts.resize(1);  // no thread to be had: all here
            }
        }
        invert(0, 0, second.joinable() ? count / 2 : count);
        if (second.joinable()) second.join();
        // Merge: the halves' links per stem, and their expressions per key.
        InverseDictionary& built = inverse;
        built.by_stem = std::move(parts[0].by_stem);
        built.expressions = std::move(parts[0].expressions);
        std::unordered_map<std::string, std::uint32_t> expression_of_key =
            std::move(parts[0].expression_of_key);
        built.longest_phrase = parts[0].longest_phrase;
        for (std::size_t p = 1; p < parts.size(); ++p) {
            for (auto& [stem, links] : parts[p].by_stem) {
                std::vector<InverseLink>& into = built.by_stem[stem];
                into.insert(into.end(), links.begin(), links.end());
            }
            for (const auto& [key, index] : parts[p].expression_of_key) {
                Expression& expression = parts[p].expressions[index];
                const auto found = expression_of_key.find(key);
                if (found != expression_of_key.end()) {
                    std::vector<WeightedTranslation>& english = built.expressions[found->second].english;
                    english.insert(english.end(), expression.english.begin(),
                                   expression.english.end());
                } else {
                    expression_of_key.emplace(key,
                                              static_cast<std::uint32_t>(built.expressions.size()));
                    built.expressions.push_back(std::move(expression));
                }
            }
            built.longest_phrase = std::max(built.longest_phrase, parts[p].longest_phrase);
        }
        for (const auto& [key, index] : expression_of_key)
            built.phrases[key].push_back({index, false});
        for (auto& [stem, links] : built.by_stem) {
            std::sort(links.begin(), links.end(), [](const InverseLink& a, const InverseLink& b) {
                if (a.score != b.score) return a.score > b.score;
                if (a.article_bytes != b.article_bytes) return a.article_bytes > b.article_bytes;
                return a.article < b.article;
            });
            std::vector<InverseLink> unique;
            for (const InverseLink& link : links) {
                const std::string& headword = built.headwords[link.article];
                const bool seen = std::any_of(
                    unique.begin(), unique.end(),
                    [&](const InverseLink& u) { return built.headwords[u.article] == headword; });
                if (!seen) unique.push_back(link);
                if (unique.size() == kInverseCandidates) break;
            }
            links = std::move(unique);
        }
    }

    void invert_article(const Analyzer& analyzer, const TermMaker& maker, std::uint32_t article,
                        std::unordered_map<std::string, std::vector<InverseLink>>& by_stem,
                        std::vector<Expression>& expressions_of_part,
                        std::unordered_map<std::string, std::uint32_t>& expression_of_key,
                        std::size_t& longest) const {
        const std::size_t ranks = options.senses_per_part_of_speech;
        const DictionaryEntry entry = parse_mueller_entry(articles[article].text, 2 * ranks + 2);
        if (entry.senses.empty() || entry.headword.empty() || entry.headword.front() == '_') return;
        const std::vector<std::string> spellings = spellings_of(entry.headword);
        if (spellings.empty()) return;
        // Each thread writes only its own articles' slots.
        inverse.headwords[article] = spellings.front();
        const bool english_expression = spellings.front().find_first_of(" -") != std::string::npos;
        const auto bytes = static_cast<std::uint32_t>(articles[article].text.size());
        for (const SenseLink& link : sense_links(entry, ranks, options.translations_per_sense)) {
            if (link.unusual || link.rank > ranks) continue;
            const std::vector<Token> words = maker.tokens(*link.translation);
            if (words.size() == 1) {
                std::string stem = analyzer.index_stem(words.front(), {});
                if (stem.empty()) continue;
                by_stem[std::move(stem)].push_back(
                    {article, link.rank,
                     inverse_score(link.rank, link.position, english_expression, false), bytes});
                continue;
            }
            if (words.size() > kLongestRussianExpression || english_expression) continue;
            // The expression's head noun leads back too, less surely.
            for (const Token& word : words) {
                if (looks_like_adjective(word.form)) continue;
                std::string stem = analyzer.index_stem(word, {});
                if (stem.empty()) continue;  // a stopword
                by_stem[std::move(stem)].push_back(
                    {article, link.rank, inverse_score(link.rank, link.position, false, true),
                     bytes});
                break;
            }
            std::size_t count = 0;
            const std::string key = maker.key(*link.translation, &count);
            if (phrases.count(key) > 0) continue;  // the glossary's comes first
            auto found = expression_of_key.find(key);
            if (found == expression_of_key.end()) {
                found = expression_of_key
                            .emplace(key, static_cast<std::uint32_t>(expressions_of_part.size()))
                            .first;
                Expression& expression = expressions_of_part.emplace_back();
                expression.source = kMueller;
                expression.russian.push_back({*link.translation, 1.0});
                longest = std::max(longest, count);
            }
            expressions_of_part[found->second].english.push_back(
                {spellings.front(), 1.0 / link.rank});
        }
    }

    // ---- looking up ----

    std::vector<DictionaryEntry> entries_of(const std::string& spelling) const {
        std::vector<DictionaryEntry> entries;
        const auto found = headwords.find(spelling);
        if (found == headwords.end()) return entries;
        for (const std::uint32_t article : found->second) {
            entries.push_back(parse_mueller_entry(articles[article].text,
                                                  2 * options.senses_per_part_of_speech + 2));
        }
        return entries;
    }

    // The Russian translations of an English word, best first.
    std::vector<WeightedTranslation> translate_english(const std::string& form) const {
        struct Source {
            std::vector<DictionaryEntry> entries;
            Inflection inflection = Inflection::kNone;
        };
        std::vector<Source> sources;
        for (const auto& [candidate, inflection] : english_base_candidates(form)) {
            std::vector<DictionaryEntry> entries = entries_of(candidate);
            const bool useful = std::any_of(entries.begin(), entries.end(), [](const auto& e) {
                return !e.senses.empty() || !e.base_forms.empty() || !e.references.empty();
            });
            if (!useful) continue;
            sources.push_back({std::move(entries), inflection});
            break;
        }
        if (sources.empty()) return {};
        // Then what the word is a form of ("went" -> go, a verb) or refers to
        // ("= mail-cart").
        std::vector<Source> more;
        for (const DictionaryEntry& entry : sources.front().entries) {
            for (const BaseForm& base : entry.base_forms) {
                const Inflection inflection =
                    base.pos == PartOfSpeech::kNoun        ? Inflection::kPlural
                    : base.pos == PartOfSpeech::kVerb      ? Inflection::kVerbal
                    : base.pos == PartOfSpeech::kAdjective ? Inflection::kComparative
                                                           : Inflection::kNone;
                more.push_back({entries_of(base.headword), inflection});
            }
            for (const std::string& reference : entry.references) {
                more.push_back({entries_of(reference), sources.front().inflection});
            }
        }
        sources.insert(sources.end(), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));

        struct Ranked {
            SenseLink link;
            std::size_t source;
            double weight;
        };
        std::vector<Ranked> ranked;
        for (std::size_t s = 0; s < sources.size(); ++s) {
            std::vector<SenseLink> links;
            for (const DictionaryEntry& entry : sources[s].entries) {
                std::vector<SenseLink> more_links = sense_links(
                    entry, options.senses_per_part_of_speech, options.translations_per_sense);
                links.insert(links.end(), more_links.begin(), more_links.end());
            }
            const bool any_usual = std::any_of(links.begin(), links.end(),
                                               [](const SenseLink& l) { return !l.unusual; });
            // A plural means a noun, "-ed" a verb...: keep that part of speech
            // where the headword has it.
            const PartOfSpeech wanted = preferred_pos(sources[s].inflection);
            const bool has_wanted =
                wanted != PartOfSpeech::kOther &&
                std::any_of(links.begin(), links.end(),
                            [&](const SenseLink& l) { return l.pos == wanted && !l.unusual; });
            const bool plural = sources[s].inflection == Inflection::kPlural;
            for (const SenseLink& link : links) {
                if (link.unusual && any_usual) continue;
                if (has_wanted && link.pos != wanted &&
                    !(wanted == PartOfSpeech::kVerb && link.pos == PartOfSpeech::kAdjective)) {
                    continue;
                }
                // The plural's own meaning comes first for a plural: talks -> переговоры.
                const std::size_t rank = plural && link.plural ? 1 : link.rank;
                if (rank > options.senses_per_part_of_speech) continue;
                ranked.push_back({link, s, 1.0 / static_cast<double>(rank)});
            }
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
            if (a.weight != b.weight) return a.weight > b.weight;
            if (a.link.position != b.link.position) return a.link.position < b.link.position;
            if (a.source != b.source) return a.source < b.source;
            if (a.link.homograph != b.link.homograph) return a.link.homograph < b.link.homograph;
            return a.link.block < b.link.block;
        });
        std::vector<WeightedTranslation> result;
        for (const Ranked& r : ranked) {
            const bool seen = std::any_of(result.begin(), result.end(), [&](const WeightedTranslation& t) {
                return t.text == *r.link.translation;
            });
            if (seen) continue;
            result.push_back({*r.link.translation, r.weight});
            if (result.size() == options.max_alternatives) break;
        }
        return result;
    }

    // The English translations of a Russian word (by its stem), best first.
    std::vector<WeightedTranslation> translate_russian(const std::string& stem) const {
        const InverseDictionary& dictionary = inverse_dictionary();
        auto found = dictionary.by_stem.find(stem);
        if (found == dictionary.by_stem.end()) {
            // The dictionary gives the imperfective verb (писать for write); a
            // query has the perfective (написал): try without the prefix.
            for (const std::string_view prefix :
                 {"пере", "раз", "рас", "при", "про", "под", "над", "вы", "на", "по", "за",
                  "от",   "об",  "из",  "ис",  "до",  "вз",  "вс",  "с",  "у",  "о"}) {
                if (stem.size() >= prefix.size() + 6 &&
                    stem.compare(0, prefix.size(), prefix) == 0) {
                    found = dictionary.by_stem.find(stem.substr(prefix.size()));
                    if (found != dictionary.by_stem.end()) break;
                }
            }
            if (found == dictionary.by_stem.end()) return {};
        }
        std::vector<WeightedTranslation> result;
        for (const InverseLink& link : found->second) {
            result.push_back({dictionary.headwords[link.article], 1.0 / link.rank});
            if (result.size() == options.max_alternatives) break;
        }
        return result;
    }

    // Spellings of a word in the other script. A Latin name is looked for
    // under the stems of all the case forms Russian gives it; a Russian name
    // under its nominatives' spellings.
    std::vector<Rendering> transliterate(const Analyzer& analyzer, const Token& token) const {
        std::vector<Rendering> result;
        auto add = [&](Rendering rendering) {
            if (rendering.terms.empty() || result.size() == kMaxSpellings) return;
            for (const Rendering& existing : result) {
                if (existing.terms == rendering.terms) return;
            }
            result.push_back(std::move(rendering));
        };
        std::string_view form = token.form;
        if (ends_with(form, "'s")) form.remove_suffix(2);  // Luther's
        if (token.script == Script::kLatin) {
            for (const std::string& spelling : transliterator.to_cyrillic(form)) {
                Rendering rendering;
                rendering.text = spelling;
                rendering.conjunctive = false;
                for (const std::string& case_form : russian_name_forms(spelling)) {
                    std::string term = schema::term(
                        schema::kStemPrefix, analyzer.stem(case_form, Script::kCyrillic, "ru"));
                    if (std::find(rendering.terms.begin(), rendering.terms.end(), term) ==
                        rendering.terms.end()) {
                        rendering.terms.push_back(std::move(term));
                    }
                    rendering.forms.push_back(case_form);
                }
                add(std::move(rendering));
            }
        } else if (token.script == Script::kCyrillic) {
            for (const std::string& nominative : russian_name_nominatives(form)) {
                for (const std::string& spelling : transliterator.to_latin(nominative)) {
                    if (analyzer.is_stopword(spelling, Script::kLatin, "en")) continue;
                    Rendering rendering;
                    rendering.text = spelling;
                    rendering.terms.push_back(schema::term(
                        schema::kStemPrefix, analyzer.stem(spelling, Script::kLatin, "en")));
                    rendering.forms.push_back(spelling);
                    add(std::move(rendering));
                }
            }
        }
        return result;
    }

    // A word's dictionary translations, its spellings in the other script
    // (names, and loanwords: the dictionary knows Lavrov as лавр, a laurel)
    // and its cognates, best first and capped; from the cache when the word
    // has been seen.
    std::shared_ptr<const WordAlternatives> word_alternatives(const Analyzer& analyzer,
                                                              const Token& token,
                                                              const std::string& key) const {
        {
            const std::shared_lock<std::shared_mutex> lock(cache_mutex);
            const auto found = cache.find(token.form);
            if (found != cache.end()) return found->second;
        }
        auto made = std::make_shared<WordAlternatives>();
        const TermMaker maker(analyzer);
        const bool latin = token.script == Script::kLatin;
        std::vector<Alternative> alternatives;
        // The cap counts the dictionary's translations: spellings and
        // cognates have their own limits, and must not crowd out a word's
        // second sense.
        for (const WeightedTranslation& t :
             latin ? translate_english(token.form) : translate_russian(key)) {
            made->renderings.push_back(maker.render(t.text));
            alternatives.push_back({&made->renderings.back(), options.translation_weight * t.weight,
                                    latin ? kMueller : kMuellerInverted});
        }
        sort_and_cap(alternatives, options.max_alternatives);
        for (Rendering& rendering : transliterate(analyzer, token)) {
            made->renderings.push_back(std::move(rendering));
            alternatives.push_back(
                {&made->renderings.back(), options.transliteration_weight, kTransliteration});
        }
        if (options.cognate_weight > 0) {
            made->renderings.push_back(cognates(analyzer, token, key));
            alternatives.push_back({&made->renderings.back(), options.cognate_weight, kCognate});
        }
        sort_and_cap(alternatives, alternatives.size());
        made->alternatives = std::move(alternatives);
        const std::unique_lock<std::shared_mutex> lock(cache_mutex);
        if (cache.size() >= kCachedWords) cache.clear();
        return cache.emplace(token.form, std::move(made)).first->second;
    }

    // The prefixes a borrowed word's cognates are indexed under, as one
    // rendering: stratigraphic -> "стратигр*".
    Rendering cognates(const Analyzer& analyzer, const Token& token, const std::string& key) const {
        const bool cyrillic = token.script == Script::kCyrillic;
        const std::string stem = cyrillic ? key : analyzer.stem(token.form, Script::kLatin, "en");
        Rendering rendering;
        rendering.prefix = true;
        rendering.conjunctive = false;
        for (std::string& prefix : transliterator.cognate_prefixes(stem, cyrillic)) {
            rendering.terms.push_back(schema::term(schema::kStemPrefix, prefix));
            rendering.text.append(rendering.text.empty() ? "" : " ").append(prefix).append("*");
            rendering.forms.push_back(std::move(prefix));
        }
        return rendering;
    }
};

CrossLingualExpander::CrossLingualExpander(const CrossLingualOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    auto internal = std::make_unique<Internal>();
    internal->options = options;
    const Analyzer analyzer;
    const TermMaker maker(analyzer);
    // The glossary first: its expressions take precedence over the dictionary's.
    internal->load_glossary(maker, options.glossary_directories.empty()
                                       ? default_glossary_directories()
                                       : options.glossary_directories);
    internal->load_dictionary(maker);
    internal->statistics.load_time = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    internal_ = std::move(internal);
}

CrossLingualExpander::~CrossLingualExpander() = default;

const CrossLingualStatistics& CrossLingualExpander::statistics() const {
    return internal_->statistics;
}

void CrossLingualExpander::prepare() const { (void)internal_->inverse_dictionary(); }

void CrossLingualExpander::expand(const Analyzer& analyzer, const std::vector<QueryWord>& words,
                                  std::vector<Xapian::Query>& items, ParsedQuery& parsed) const {
    const Internal& lexicon = *internal_;
    const CrossLingualOptions& options = lexicon.options;
    const TermMaker maker(analyzer);
    std::vector<std::string> keys;
    keys.reserve(words.size());
    bool any_cyrillic = false;
    for (const QueryWord& word : words) {
        keys.push_back(maker.word_key(word.token));
        any_cyrillic = any_cyrillic || word.token.script == Script::kCyrillic;
    }
    const InverseDictionary* inverse = any_cyrillic ? &lexicon.inverse_dictionary() : nullptr;
    std::vector<bool> covered(words.size(), false);
    // Renderings of this query, alive until their alternatives become queries.
    std::deque<Rendering> made;
    auto render = [&](const std::string& text) -> const Rendering* {
        made.push_back(maker.render(text));
        return &made.back();
    };

    // Expressions of several words first, longest first, starting and ending
    // on a word that is not a stopword ("Ministry of Foreign Affairs").
    const std::size_t longest =
        std::max(lexicon.longest_phrase, inverse != nullptr ? inverse->longest_phrase : 1);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].item < 0) continue;
        for (std::size_t length = std::min(longest, words.size() - i); length >= 1; --length) {
            if (words[i + length - 1].item < 0) continue;
            std::string key = keys[i];
            for (std::size_t k = i + 1; k < i + length; ++k) {
                key.append(1, kKeySeparator).append(keys[k]);
            }
            const std::vector<Expression>* expressions = &lexicon.expressions;
            auto found = lexicon.phrases.find(key);
            if (found == lexicon.phrases.end()) {
                if (inverse == nullptr) continue;
                found = inverse->phrases.find(key);
                if (found == inverse->phrases.end()) continue;
                expressions = &inverse->expressions;
            }
            std::string typed;
            for (std::size_t k = i; k < i + length; ++k) {
                typed.append(typed.empty() ? "" : " ").append(words[k].token.form);
            }
            std::vector<Alternative> other, same;
            for (const PhraseMatch& match : found->second) {
                const Expression& expression = (*expressions)[match.expression];
                const double scale = expression.source == kGlossary ? options.glossary_weight
                                                                    : options.translation_weight;
                for (const WeightedTranslation& t :
                     match.english_side ? expression.russian : expression.english) {
                    other.push_back({render(t.text), scale * t.weight, expression.source});
                }
                for (const WeightedTranslation& t :
                     match.english_side ? expression.english : expression.russian) {
                    if (maker.key(t.text) == key) continue;  // the words typed
                    same.push_back({render(t.text), options.same_language_weight * t.weight,
                                    expression.source});
                }
            }
            for (std::vector<Alternative>* group : {&other, &same}) {
                sort_and_cap(*group, options.max_alternatives);
                if (group->empty()) continue;
                items.push_back(alternatives_query(*group));
                record(typed, *group, parsed);
            }
            for (std::size_t k = i; k < i + length; ++k) covered[k] = true;
            i += length - 1;
            break;
        }
    }

    // Then each word: its dictionary translations, its spellings in the other
    // script and its cognates (see word_alternatives).
    std::vector<std::shared_ptr<const WordAlternatives>> held;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const QueryWord& word = words[i];
        if (word.item < 0 || covered[i] || word.token.numeric) continue;
        if (static_cast<std::size_t>(word.item) >= items.size()) continue;
        if (word.token.script != Script::kLatin && word.token.script != Script::kCyrillic) continue;
        if (is_untranslated(word.token.form)) continue;
        std::shared_ptr<const WordAlternatives> found =
            lexicon.word_alternatives(analyzer, word.token, keys[i]);
        if (found->alternatives.empty()) continue;
        Xapian::Query& item = items[static_cast<std::size_t>(word.item)];
        item = Xapian::Query(Xapian::Query::OP_OR, item, alternatives_query(found->alternatives));
        record(word.token.form, found->alternatives, parsed);
        held.push_back(std::move(found));
    }
}

std::shared_ptr<const CrossLingualExpander> shared_cross_lingual_expander() {
    // Loading holds the lock: threads asking at once wait for the one load.
    static std::mutex mutex;
    static std::shared_ptr<const CrossLingualExpander> expander;
    const std::lock_guard<std::mutex> lock(mutex);
    if (!expander) expander = std::make_shared<const CrossLingualExpander>();
    return expander;
}

std::vector<std::string> default_glossary_directories() {
    std::vector<std::string> directories = {default_glossary_dir().string()};
    if (const char* path = std::getenv("CHANCERY_GLOSSARY_PATH"); path != nullptr) {
        const std::string_view list(path);
        for (std::size_t start = 0; start <= list.size();) {
            std::size_t colon = list.find(':', start);
            if (colon == std::string_view::npos) colon = list.size();
            if (colon > start) directories.emplace_back(list.substr(start, colon - start));
            start = colon + 1;
        }
    }
    return directories;
}

}  // namespace chancery
