// Passage selection and highlighting for search results.
#include "searcher/snippets.h"

#include "indexer/schema.h"

#include <algorithm>

namespace chancery {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

struct Match {
    std::size_t begin;  // bytes in the text
    std::size_t end;
    std::size_t begin_char;  // code points in the text
    std::size_t end_char;
    std::string key;  // what matched, to count distinct query words
};

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Counts code points of text[from, to), adding to `count`.
std::size_t count_chars(std::string_view text, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += is_continuation(text[i]) ? 0 : 1;
    return n;
}

// Moves `pos` forward by up to `chars` code points.
std::size_t advance_chars(std::string_view text, std::size_t pos, std::size_t chars) {
    while (pos < text.size() && chars > 0) {
        ++pos;
        while (pos < text.size() && is_continuation(text[pos])) ++pos;
        --chars;
    }
    return pos;
}

// Moves `pos` back by up to `chars` code points.
std::size_t retreat_chars(std::string_view text, std::size_t pos, std::size_t chars) {
    while (pos > 0 && chars > 0) {
        --pos;
        while (pos > 0 && is_continuation(text[pos])) --pos;
        --chars;
    }
    return pos;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

}  // namespace

Snippet make_snippet(const Analyzer& analyzer, std::string_view text, std::string_view lang,
                     const ParsedQuery& query, std::size_t max_chars) {
    Snippet snippet;
    if (text.empty() || max_chars == 0) return snippet;

    std::vector<Match> matches;
    std::size_t counted_to = 0, chars_so_far = 0;
    const std::string stem_prefix(schema::kStemPrefix);
    for (const Token& token : analyzer.tokenize(text)) {
        // The key names the query word matched, so that two forms of one word
        // ("консультации", "консультаций") count once: its stem where the stem matched.
        std::string key;
        if (const std::string stem = analyzer.index_stem(token, lang);
            !stem.empty() && query.highlight_terms.count(stem_prefix + stem) > 0) {
            key = stem_prefix + stem;
        } else if (query.highlight_terms.count(token.form) > 0) {
            key = token.form;
        } else {
            for (const std::string& prefix : query.highlight_prefixes) {
                if (token.form.compare(0, prefix.size(), prefix) == 0) key = "*" + prefix;
            }
        }
        if (key.empty()) continue;
        chars_so_far += count_chars(text, counted_to, token.begin);
        counted_to = token.begin;
        const std::size_t begin_char = chars_so_far;
        const std::size_t end_char = begin_char + count_chars(text, token.begin, token.end);
        matches.push_back({token.begin, token.end, begin_char, end_char, std::move(key)});
    }

    // The window of matches, within max_chars, with the most distinct keys, then matches.
    std::size_t best_first = 0, best_last = 0, best_distinct = 0, best_count = 0;
    for (std::size_t first = 0; first < matches.size(); ++first) {
        std::vector<std::string_view> keys;
        std::size_t last = first;
        for (std::size_t j = first; j < matches.size(); ++j) {
            if (matches[j].end_char - matches[first].begin_char > max_chars) break;
            last = j;
            if (std::find(keys.begin(), keys.end(), matches[j].key) == keys.end()) {
                keys.push_back(matches[j].key);
            }
        }
        const std::size_t count = last - first + 1;
        if (keys.size() > best_distinct || (keys.size() == best_distinct && count > best_count)) {
            best_first = first;
            best_last = last;
            best_distinct = keys.size();
            best_count = count;
        }
    }

    std::size_t start = 0;
    if (!matches.empty()) {
        // Centre the matched span in the window, then start at a word boundary.
        const std::size_t span =
            matches[best_last].end_char - matches[best_first].begin_char;
        const std::size_t context = (max_chars - std::min(span, max_chars)) / 2;
        start = retreat_chars(text, matches[best_first].begin, context);
        if (start > 0) {
            while (start < matches[best_first].begin && !is_space(text[start - 1])) ++start;
        }
    }
    std::size_t end = advance_chars(text, start, max_chars);
    if (end < text.size()) {
        const std::size_t floor = matches.empty() ? start : matches[best_last].end;
        std::size_t cut = end;
        while (cut > floor && !is_space(text[cut])) --cut;
        if (cut > floor) end = cut;
    }
    while (start < end && is_space(text[start])) ++start;
    while (end > start && is_space(text[end - 1])) --end;

    const std::size_t lead = start > 0 ? kEllipsis.size() : 0;
    if (start > 0) snippet.text.append(kEllipsis);
    for (std::size_t i = start; i < end; ++i) {
        snippet.text.push_back(text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' '
                                                                                      : text[i]);
    }
    if (end < text.size()) snippet.text.append(kEllipsis);

    for (const Match& match : matches) {
        if (match.begin < start || match.end > end) continue;
        const Highlight highlight{match.begin - start + lead, match.end - start + lead};
        if (!snippet.highlights.empty() && highlight.begin < snippet.highlights.back().end) {
            snippet.highlights.back().end = std::max(snippet.highlights.back().end, highlight.end);
        } else {
            snippet.highlights.push_back(highlight);
        }
    }
    return snippet;
}

}  // namespace chancery
