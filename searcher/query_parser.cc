// A recursive-descent parser for Chancery's query language (docs/QUERY.md).
//
//   query    := or_expr
//   or_expr  := and_expr { OR and_expr }
//   and_expr := sequence { (AND | NOT) sequence }
//   sequence := item { item }            items combine as in Xapian: OR, +must, -must-not
//   item     := [+|-|NOT] ( '(' or_expr ')' | [field:] (word | "phrase") ) [NEAR/n word ...]
#include "searcher/query_parser.h"

#include "corpora/dates.h"
#include "indexer/schema.h"

#include <chancery/error.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>

namespace chancery {
namespace {

constexpr Xapian::termcount kWildcardExpansions = 500;
constexpr unsigned kDefaultNearDistance = 10;
constexpr std::size_t kShoutedWordLength = 6;

enum class Kind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kNear, kEnd };

struct Lexeme {
    Kind kind = Kind::kEnd;
    std::string text;
    std::size_t position = 0;  // byte offset in the query
    char sign = 0;             // '+' or '-' before an item
    std::string field;         // "title", "party"... before ':'
    unsigned near_distance = kDefaultNearDistance;
};

const char* const kFields[] = {"title", "party",  "forum", "mentions", "lang",
                               "date",  "year",   "month", "id"};

bool is_field(std::string_view name) {
    for (const char* field : kFields) {
        if (name == field) return true;
    }
    return false;
}

// True when the query is shouted: no letter is lower case, and some word is
// too long to be an acronym (6 letters or more). Then "AND", "OR", "NOT" are
// words ("EFFECT OF HEAT AND PRESSURE"), not operators. "OSCE AND OECD", all
// acronyms, keeps its operator.
bool shouted(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    std::size_t run = 0, longest = 0;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && u_isalpha(c)) {
            if (u_islower(c)) return false;
            longest = std::max(longest, ++run);
        } else {
            run = 0;
        }
    }
    return longest >= kShoutedWordLength;
}

// Where a phrase opened at `from` ends: at the next closing quote of any
// kind, since typists mix them ("Доктора Кто»). npos when there is none.
// Returns the quote's length in `length`.
std::size_t find_closing_quote(std::string_view text, std::size_t from, std::size_t& length) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const std::string_view rest = text.substr(i);
        for (const std::string_view quote : {"\"", "\u00BB", "\u201D", "\u201C"}) {
            if (rest.substr(0, quote.size()) == quote) {
                length = quote.size();
                return i;
            }
        }
    }
    return std::string_view::npos;
}

std::size_t opening_quote_length(std::string_view rest) {
    if (rest.substr(0, 1) == "\"") return 1;
    if (rest.substr(0, 2) == "\u00AB") return 2;
    if (rest.substr(0, 3) == "\u201C" || rest.substr(0, 3) == "\u201E") return 3;
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool has_letters_or_digits(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && u_isalnum(c)) return true;
    }
    return false;
}

std::vector<Lexeme> lex(std::string_view text) {
    const bool operators = !shouted(text);
    std::vector<Lexeme> lexemes;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        Lexeme lexeme;
        lexeme.position = i;
        if (text[i] == '(' || text[i] == ')') {
            lexeme.kind = text[i] == '(' ? Kind::kOpen : Kind::kClose;
            ++i;
            lexemes.push_back(std::move(lexeme));
            continue;
        }
        if ((text[i] == '+' || text[i] == '-') && i + 1 < text.size() && !is_space(text[i + 1])) {
            lexeme.sign = text[i];
            ++i;
        }
        // field:
        std::size_t name_end = i;
        while (name_end < text.size() && text[name_end] >= 'a' && text[name_end] <= 'z') {
            ++name_end;
        }
        if (name_end < text.size() && text[name_end] == ':' &&
            is_field(text.substr(i, name_end - i))) {
            lexeme.field = std::string(text.substr(i, name_end - i));
            i = name_end + 1;
            if (i >= text.size() || is_space(text[i]) || text[i] == '(' || text[i] == ')') {
                throw QueryError("\"" + lexeme.field + ":\" needs a word or a \"phrase\" after it",
                                 lexeme.position);
            }
        }
        if (const std::size_t quote = opening_quote_length(text.substr(i)); quote > 0) {
            std::size_t close = 0;
            const std::size_t end = find_closing_quote(text, i + quote, close);
            if (end == std::string_view::npos) {
                // A stray quote at the end ("...before God?\"") quotes nothing.
                if (!has_letters_or_digits(text.substr(i + quote))) break;
                throw QueryError("unterminated phrase: no closing quote", i);
            }
            lexeme.kind = Kind::kPhrase;
            lexeme.text = std::string(text.substr(i + quote, end - i - quote));
            i = end + close;
            lexemes.push_back(std::move(lexeme));
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end]) && text[end] != '(' &&
               text[end] != ')' && opening_quote_length(text.substr(end)) == 0) {
            ++end;
        }
        lexeme.kind = Kind::kWord;
        lexeme.text = std::string(text.substr(i, end - i));
        i = end;
        if (operators && lexeme.sign == 0 && lexeme.field.empty()) {
            const std::string& w = lexeme.text;
            if (w == "AND" || w == "И") {
                lexeme.kind = Kind::kAnd;
            } else if (w == "OR" || w == "ИЛИ") {
                lexeme.kind = Kind::kOr;
            } else if (w == "NOT" || w == "НЕ") {
                lexeme.kind = Kind::kNot;
            } else if (w == "NEAR" || w.rfind("NEAR/", 0) == 0) {
                lexeme.kind = Kind::kNear;
                if (w.size() > 5) {
                    const std::string digits = w.substr(5);
                    if (digits.empty() || digits.size() > 3 ||
                        digits.find_first_not_of("0123456789") != std::string::npos) {
                        throw QueryError("NEAR/n needs a distance n from 1 to 999", lexeme.position);
                    }
                    lexeme.near_distance = static_cast<unsigned>(std::stoul(digits));
                    if (lexeme.near_distance == 0) {
                        throw QueryError("NEAR/n needs a distance n from 1 to 999", lexeme.position);
                    }
                }
            }
        }
        lexemes.push_back(std::move(lexeme));
    }
    Lexeme end;
    end.kind = Kind::kEnd;
    end.position = text.size();
    lexemes.push_back(end);
    return lexemes;
}

const char* describe(Kind kind) {
    switch (kind) {
        case Kind::kAnd: return "AND";
        case Kind::kOr: return "OR";
        case Kind::kNot: return "NOT";
        case Kind::kNear: return "NEAR";
        case Kind::kClose: return "')'";
        case Kind::kOpen: return "'('";
        case Kind::kEnd: return "the end of the query";
        default: return "a word";
    }
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// YYYY, YYYY-MM or YYYY-MM-DD -> the first or last day it covers, as YYYYMMDD.
std::string date_bound(std::string_view text, bool upper, std::size_t position) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t k = from; k < from + count; ++k) {
            if (text[k] < '0' || text[k] > '9') return -1;
            value = value * 10 + (text[k] - '0');
        }
        return value;
    };
    const std::string message = "\"" + std::string(text) +
                                "\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD";
    char buffer[16];
    if (text.size() == 4 && digits(0, 4) > 0) {
        std::snprintf(buffer, sizeof buffer, "%04d%s", digits(0, 4), upper ? "1231" : "0101");
    } else if (text.size() == 7 && text[4] == '-' && digits(0, 4) > 0 && digits(5, 2) >= 1 &&
               digits(5, 2) <= 12) {
        const int year = digits(0, 4), month = digits(5, 2);
        std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month,
                      upper ? detail::days_in_month(year, month) : 1);
    } else if (detail::is_valid_iso_date(text)) {
        return schema::compact_date(text);
    } else {
        throw QueryError(message, position);
    }
    return buffer;
}

// The date filter: a day term, or a value range over the release date.
Xapian::Query date_query(const std::string& value, std::size_t position) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos) {
        if (detail::is_valid_iso_date(value)) {
            return Xapian::Query(schema::term(schema::kDatePrefix, schema::compact_date(value)));
        }
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                             date_bound(value, false, position),
                             date_bound(value, true, position));
    }
    const std::string from = value.substr(0, dots);
    const std::string to = value.substr(dots + 2);
    if (from.empty() && to.empty()) throw QueryError("date: range needs a bound", position);
    if (from.empty()) {
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                             date_bound(to, true, position));
    }
    if (to.empty()) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                             date_bound(from, false, position));
    }
    const std::string low = date_bound(from, false, position);
    const std::string high = date_bound(to, true, position);
    if (low > high) throw QueryError("date: range ends before it starts", position);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
}

// The boolean filter of field:value.
// A party or forum as typed, as the gazetteer resolved it; for a name it does
// not know (or without a gazetteer), the text in capitals, as codes are.
std::string code_or_capitals(std::optional<std::string> resolved, std::string_view text) {
    if (resolved) return std::move(*resolved);
    std::string code(text);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
}

std::string party_code(const Gazetteer* gazetteer, std::string_view text) {
    return code_or_capitals(gazetteer ? gazetteer->resolve_party(text) : std::nullopt, text);
}

std::string forum_code(const Gazetteer* gazetteer, std::string_view text) {
    return code_or_capitals(gazetteer ? gazetteer->resolve_forum(text) : std::nullopt, text);
}

Xapian::Query field_filter(const Analyzer& analyzer, const Gazetteer* gazetteer,
                           std::string_view field, std::string_view text, std::size_t position) {
    std::string value(text);
    if (field == "date") return date_query(value, position);
    if (field == "lang") {
        return Xapian::Query(schema::term(schema::kLangPrefix, analyzer.normalize(value)));
    }
    if (field == "year") {
        if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos) {
            throw QueryError("year: needs four digits, as in year:2021", position);
        }
        return Xapian::Query(schema::term(schema::kYearPrefix, value));
    }
    if (field == "month") {
        const std::string first = date_bound(value, false, position);
        if (value.size() != 7) throw QueryError("month: needs YYYY-MM", position);
        return Xapian::Query(schema::term(schema::kMonthPrefix, first.substr(0, 6)));
    }
    if (field == "id") return Xapian::Query(schema::term(schema::kIdPrefix, value));
    if (field == "party") {
        return Xapian::Query(schema::term(schema::kPartyPrefix, party_code(gazetteer, value)));
    }
    if (field == "mentions") {
        // A day the text mentions, or a state or organisation it names.
        if (detail::is_valid_iso_date(value)) {
            return Xapian::Query(
                schema::term(schema::kMentionedDatePrefix, schema::compact_date(value)));
        }
        return Xapian::Query(schema::term(schema::kMentionedPrefix, party_code(gazetteer, value)));
    }
    return Xapian::Query(schema::term(schema::kForumPrefix, forum_code(gazetteer, value)));
}

class Parser {
  public:
    Parser(const Analyzer& analyzer, const QueryExpander* expander, const Gazetteer* gazetteer,
           std::vector<Lexeme> lexemes, ParsedQuery& out)
        : analyzer_(analyzer),
          expander_(expander),
          gazetteer_(gazetteer),
          lexemes_(std::move(lexemes)),
          out_(out) {}

    Xapian::Query parse() {
        Xapian::Query query = parse_or();
        if (peek().kind == Kind::kClose) {
            throw QueryError("unbalanced parentheses: ')' without '('", peek().position);
        }
        if (peek().kind != Kind::kEnd) {
            throw QueryError(std::string("unexpected ") + describe(peek().kind), peek().position);
        }
        return query;
    }

  private:
    const Lexeme& peek() const { return lexemes_[next_]; }
    const Lexeme& take() { return lexemes_[next_++]; }

    Xapian::Query parse_or() {
        Xapian::Query left = parse_and();
        while (peek().kind == Kind::kOr) {
            const Lexeme& op = take();
            Xapian::Query right = parse_and();
            if (left.empty() || right.empty()) {
                throw QueryError("OR needs a query on both sides", op.position);
            }
            left = Xapian::Query(Xapian::Query::OP_OR, left, right);
        }
        return left;
    }

    Xapian::Query parse_and() {
        Xapian::Query left = parse_sequence();
        while (peek().kind == Kind::kAnd || peek().kind == Kind::kNot) {
            const Lexeme& op = take();
            const bool negate = op.kind == Kind::kNot;
            Xapian::Query right = negate ? parse_sequence(/*negated=*/true) : parse_sequence();
            if (left.empty() || right.empty()) {
                throw QueryError(std::string(describe(op.kind)) + " needs a query on both sides",
                                 op.position);
            }
            left = Xapian::Query(negate ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_AND, left,
                                 right);
        }
        return left;
    }

    // Items up to the next AND / OR / NOT-between-items / ')' / end.
    Xapian::Query parse_sequence(bool negated = false) {
        std::vector<Xapian::Query> should, must, must_not, stopwords;
        std::map<std::string, std::vector<Xapian::Query>> filters;  // OR within a field
        std::vector<Xapian::Query> required_filters;                // +field:value, AND
        std::vector<QueryWord> words;  // plain words, for the expander
        bool any = false;
        for (;;) {
            const Lexeme& lexeme = peek();
            char sign = 0;
            if (lexeme.kind == Kind::kNot && !any) {
                take();  // NOT at the start of a sequence negates the next item
                sign = '-';
                if (peek().kind != Kind::kWord && peek().kind != Kind::kPhrase &&
                    peek().kind != Kind::kOpen) {
                    throw QueryError("NOT needs a query after it", lexeme.position);
                }
            } else if (lexeme.kind != Kind::kWord && lexeme.kind != Kind::kPhrase &&
                       lexeme.kind != Kind::kOpen) {
                break;
            }
            const bool positive = !negated && (sign == 0 ? peek().sign != '-' : false);
            Item item = parse_item(positive);
            any = true;
            if (sign == 0) sign = item.sign;
            if (item.query.empty()) continue;  // punctuation only
            if (item.filter) {
                if (sign == '-') {
                    must_not.push_back(item.query);
                } else if (sign == '+') {
                    required_filters.push_back(item.query);
                } else {
                    filters[item.field].push_back(item.query);
                }
            } else if (sign == '-') {
                must_not.push_back(item.query);
            } else if (sign == '+') {
                must.push_back(item.query);
                if (item.stopword && item.word && !negated) {
                    out_.highlight_terms.insert(item.word->form);
                }
            } else if (item.stopword) {
                stopwords.push_back(item.query);
                if (item.word) words.push_back({*item.word, -1});
            } else {
                if (item.word) {
                    words.push_back({*item.word, static_cast<std::ptrdiff_t>(should.size())});
                }
                should.push_back(item.query);
            }
        }
        if (!any) return {};
        if (expander_ != nullptr && !negated && !should.empty()) {
            expander_->expand(analyzer_, words, should, out_);
        }
        // Stopwords count only when the query has nothing else ("the who"), and
        // only then are they highlighted.
        if (should.empty() && must.empty()) {
            should = stopwords;
            if (!negated) {
                for (const QueryWord& word : words) {
                    if (word.item < 0) out_.highlight_terms.insert(word.token.form);
                }
            }
        }

        Xapian::Query text;
        if (!must.empty() && !should.empty()) {
            text = Xapian::Query(Xapian::Query::OP_AND_MAYBE, combine(Xapian::Query::OP_AND, must),
                                 combine(Xapian::Query::OP_OR, should));
        } else if (!must.empty()) {
            text = combine(Xapian::Query::OP_AND, must);
        } else {
            text = combine(Xapian::Query::OP_OR, should);
        }
        std::vector<Xapian::Query> filter_parts = required_filters;
        for (const auto& [field, queries] : filters) {
            filter_parts.push_back(combine(Xapian::Query::OP_OR, queries));
        }
        const Xapian::Query filter = combine(Xapian::Query::OP_AND, filter_parts);
        Xapian::Query result;
        if (text.empty() && filter.empty()) {
            result = must_not.empty() ? Xapian::Query() : Xapian::Query::MatchAll;
        } else if (text.empty()) {
            result = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
        } else if (filter.empty()) {
            result = text;
        } else {
            result = Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
        }
        if (!must_not.empty()) {
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                                   combine(Xapian::Query::OP_OR, must_not));
        }
        return result;
    }

    struct Item {
        Xapian::Query query;
        std::optional<Token> word;  // set for a plain one-token word
        char sign = 0;
        bool filter = false;
        bool stopword = false;
        std::string field;
    };

    Item parse_item(bool positive) {
        const Lexeme& lexeme = take();
        Item item;
        item.sign = lexeme.sign;
        if (lexeme.kind == Kind::kOpen) {
            Xapian::Query inner = parse_or();
            if (peek().kind != Kind::kClose) {
                throw QueryError("unbalanced parentheses: '(' without ')'", lexeme.position);
            }
            take();
            if (inner.empty()) throw QueryError("empty parentheses", lexeme.position);
            item.query = inner;
            return item;
        }
        if (!lexeme.field.empty() && lexeme.field != "title") {
            item.filter = true;
            item.field = lexeme.field;
            item.query = filter_query(lexeme);
            return item;
        }
        const std::string prefix = lexeme.field == "title" ? std::string(schema::kTitlePrefix) : "";
        if (lexeme.kind == Kind::kPhrase) {
            item.query = phrase_query(lexeme.text, prefix, positive);
            out_.has_text = out_.has_text || !item.query.empty();
            return item;
        }
        if (peek().kind == Kind::kNear) {
            item.query = near_query(lexeme, prefix, positive);
        } else {
            item.query = word_query(lexeme.text, prefix, positive, item.stopword);
            if (prefix.empty() && lexeme.sign == 0 && lexeme.text.back() != '*') {
                std::vector<Token> tokens = analyzer_.tokenize(lexeme.text);
                if (tokens.size() == 1) item.word = std::move(tokens.front());
            }
        }
        out_.has_text = out_.has_text || !item.query.empty();
        return item;
    }

    // The terms of one word: its stem (or form, where no stemmer applies) and,
    // for Cyrillic words, the bare form too, which is how words of texts
    // without a stemmer (Ukrainian) are indexed.
    Xapian::Query term_query(const Token& token, const std::string& prefix, bool positive,
                             bool& stopword) {
        // The query does not know its documents' languages: a Latin word meets
        // English and French stems, a Cyrillic one Russian stems and unstemmed
        // (Ukrainian) forms.
        const std::vector<std::string> stems = analyzer_.query_stems(token);
        const std::string z = std::string(schema::kStemPrefix) + prefix;
        if (stems.empty()) {
            // Highlighted by the caller if the query keeps it.
            stopword = true;
            return Xapian::Query(prefix + token.form);
        }
        std::vector<std::string> terms;
        for (const std::string& stem : stems) terms.push_back(z + stem);
        if (positive) {
            out_.highlight_terms.insert(token.form);
            for (const auto& term : terms) {
                out_.highlight_terms.insert(std::string(schema::kStemPrefix) +
                                            term.substr(z.size()));
            }
        }
        if (terms.size() == 1) return Xapian::Query(terms.front());
        return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    }

    Xapian::Query word_query(const std::string& text, const std::string& prefix, bool positive,
                             bool& stopword) {
        if (text.size() > 1 && text.back() == '*') {
            std::string stem = analyzer_.normalize(std::string_view(text).substr(0, text.size() - 1));
            if (stem.empty() || stem.find('*') != std::string::npos) return {};
            if (positive) out_.highlight_prefixes.push_back(stem);
            return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + stem, kWildcardExpansions,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        const std::vector<Token> tokens = analyzer_.tokenize(text);
        if (tokens.empty()) return {};
        if (tokens.size() == 1) return term_query(tokens.front(), prefix, positive, stopword);
        if (tokens.front().compound) {
            // "российско-французский": the compound as indexed, or its parts in a row.
            bool ignored = false;
            Xapian::Query whole = term_query(tokens.front(), prefix, positive, ignored);
            std::vector<Token> parts(tokens.begin() + 1, tokens.end());
            return Xapian::Query(Xapian::Query::OP_OR, whole, phrase_of(parts, prefix, positive));
        }
        return phrase_of(tokens, prefix, positive);
    }

    Xapian::Query phrase_of(const std::vector<Token>& tokens, const std::string& prefix,
                            bool positive) {
        std::vector<Xapian::Query> terms;
        for (const Token& token : tokens) {
            if (token.compound) continue;  // its parts follow it
            terms.emplace_back(prefix + token.form);
            if (positive) out_.highlight_terms.insert(token.form);
        }
        if (terms.size() <= 1) return combine(Xapian::Query::OP_PHRASE, terms);
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }

    Xapian::Query phrase_query(const std::string& text, const std::string& prefix, bool positive) {
        return phrase_of(analyzer_.tokenize(text), prefix, positive);
    }

    // word NEAR/n word [NEAR/n word...]: the words' forms within n words of each other.
    Xapian::Query near_query(const Lexeme& first, const std::string& prefix, bool positive) {
        std::vector<Xapian::Query> terms;
        unsigned distance = 0;
        auto add = [&](const Lexeme& lexeme) {
            if (lexeme.kind != Kind::kWord || !lexeme.field.empty() || lexeme.sign != 0) {
                throw QueryError("NEAR joins plain words", lexeme.position);
            }
            for (const Token& token : analyzer_.tokenize(lexeme.text)) {
                if (token.compound) continue;
                terms.emplace_back(prefix + token.form);
                if (positive) out_.highlight_terms.insert(token.form);
            }
        };
        add(first);
        while (peek().kind == Kind::kNear) {
            const Lexeme& op = take();
            distance = std::max(distance, op.near_distance);
            if (peek().kind != Kind::kWord) throw QueryError("NEAR needs a word after it", op.position);
            add(take());
        }
        if (terms.size() < 2) return combine(Xapian::Query::OP_OR, terms);
        const auto window = static_cast<Xapian::termcount>(distance + terms.size() - 1);
        return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
    }

    Xapian::Query filter_query(const Lexeme& lexeme) {
        return field_filter(analyzer_, gazetteer_, lexeme.field, lexeme.text, lexeme.position);
    }

    const Analyzer& analyzer_;
    const QueryExpander* expander_;
    const Gazetteer* gazetteer_;
    std::vector<Lexeme> lexemes_;
    std::size_t next_ = 0;
    ParsedQuery& out_;
};

}  // namespace

Xapian::Query QueryParser::filter(std::string_view field, std::string_view value) const {
    if (field == "title" || !is_field(field)) {
        throw QueryError("\"" + std::string(field) + "\" is not a filter field", 0);
    }
    return field_filter(analyzer_, gazetteer_, field, value, 0);
}

ParsedQuery QueryParser::parse(std::string_view text) const {
    ParsedQuery parsed;
    Parser parser(analyzer_, expander_, gazetteer_, lex(text), parsed);
    parsed.query = parser.parse();
    if (parsed.query.empty()) throw QueryError("empty query: nothing to search for", 0);
    return parsed;
}

}  // namespace chancery
