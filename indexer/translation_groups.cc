// Translation group detection: features, pairing, and the database pass.
#include "indexer/translation_groups.h"

#include "corpora/dates.h"
#include "indexer/database.h"
#include "indexer/schema.h"

#include <chancery/error.h>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>
#include <memory>
#include <set>
#include <unordered_map>

namespace chancery::detail {
namespace {

// Names are compared by their first letters in Latin: enough to survive
// inflection (Зеленского / Зеленський / Zelensky -> "zelen").
constexpr std::size_t kNameKeyLength = 5;
constexpr std::size_t kMinNameLength = 4;
// Enough of a long text to tell its versions apart, bounded on transcripts.
constexpr std::size_t kMaxTextBytes = 20000;
// A shape needs this many paragraphs to mean anything.
constexpr std::size_t kMinParagraphs = 3;
// How much of a pair's score the shape gives; names and numbers give the rest.
constexpr double kShapeWeight = 0.6;
// Byte lengths of short versions paired by elimination differ at most this much.
constexpr double kMinShortLengthRatio = 0.6;

// Days since 0000-03-01 of a YYYY-MM-DD date, for "days apart".
long day_number(const std::string& date) {
    int y = std::stoi(date.substr(0, 4));
    const int m = std::stoi(date.substr(5, 2));
    const int d = std::stoi(date.substr(8, 2));
    if (m <= 2) --y;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + doe;
}

// The shape of a text: the share of its length in each paragraph. Translations
// keep paragraphs, so their shapes agree where their words cannot be compared.
std::vector<double> paragraph_shape(const std::string& body) {
    const bool blank_lines = body.find("\n\n") != std::string::npos;
    const std::string separator = blank_lines ? "\n\n" : "\n";
    std::vector<double> lengths;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find(separator, start);
        if (end == std::string::npos) end = body.size();
        std::size_t chars = 0;
        for (std::size_t i = start; i < end; ++i) {
            chars += (static_cast<unsigned char>(body[i]) & 0xC0) != 0x80 ? 1 : 0;
        }
        if (chars > 0) lengths.push_back(static_cast<double>(chars));
        start = end + separator.size();
    }
    double total = 0;
    for (const double length : lengths) total += length;
    for (double& length : lengths) length /= total;
    return lengths;
}

// 1 for texts of the same shape, towards 0 as paragraph counts and shares differ;
// 0 for texts too short to have a shape.
double shape_similarity(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() < kMinParagraphs || b.size() < kMinParagraphs) return 0.0;
    const std::size_t common = std::min(a.size(), b.size());
    double distance = 0;
    for (std::size_t i = 0; i < common; ++i) distance += std::abs(a[i] - b[i]);
    for (std::size_t i = common; i < a.size(); ++i) distance += a[i];
    for (std::size_t i = common; i < b.size(); ++i) distance += b[i];
    return std::max(0.0, 1.0 - distance / 2.0);
}

class FeatureExtractor {
  public:
    FeatureExtractor() {
        UErrorCode status = U_ZERO_ERROR;
        latin_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD,
                                                         status));
        if (U_FAILURE(status)) {
            throw Error(std::string("ICU: cannot create the Any-Latin transliterator: ") +
                        u_errorName(status));
        }
    }

    // Numbers and name keys of a document.
    std::set<std::string> features(const Document& document) {
        std::string text = document.title;
        text.append("\n").append(document.body, 0, std::min(document.body.size(), kMaxTextBytes));
        std::set<std::string> features;
        char previous = '.';  // last non-space character before the token
        std::size_t at = 0;
        for (const Token& token : analyzer_.tokenize(text)) {
            for (; at < token.begin; ++at) {
                if (text[at] != ' ' && text[at] != '\t') previous = text[at];
            }
            at = token.end;
            const bool sentence_start =
                previous == '.' || previous == '!' || previous == '?' || previous == '\n';
            previous = 'a';
            if (token.numeric) {
                if (token.form.size() >= 2) features.insert("#" + token.form);
                continue;
            }
            if (sentence_start || token.compound || !starts_upper(text, token.begin)) continue;
            std::string key = latin_key(token.form);
            if (key.size() < kMinNameLength) continue;
            key.resize(std::min(key.size(), kNameKeyLength));
            features.insert(key);
        }
        return features;
    }

  private:
    static bool starts_upper(const std::string& text, std::size_t at) {
        UChar32 c;
        const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
        auto i = static_cast<int32_t>(at);
        U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
        return c >= 0 && u_isupper(c);
    }

    std::string latin_key(const std::string& form) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(form);
        latin_->transliterate(text);
        std::string latin;
        text.toUTF8String(latin);
        std::string key;
        for (const char c : latin) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                key.push_back(static_cast<char>(c | 0x20));
            }
        }
        return key;
    }

    Analyzer analyzer_;
    std::unique_ptr<icu::Transliterator> latin_;
};

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> pair_translations(
    const std::vector<Document>& documents, const GroupDetectionOptions& options) {
    FeatureExtractor extractor;
    std::vector<std::set<std::string>> features(documents.size());
    std::vector<std::vector<double>> shapes(documents.size());
    std::vector<long> days(documents.size(), 0);
    std::unordered_map<std::string, std::size_t> document_frequency;
    std::map<long, std::vector<std::size_t>> by_day;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].date.empty() || !is_valid_iso_date(documents[i].date)) continue;
        features[i] = extractor.features(documents[i]);
        shapes[i] = paragraph_shape(documents[i].body);
        for (const auto& feature : features[i]) ++document_frequency[feature];
        days[i] = day_number(documents[i].date);
        by_day[days[i]].push_back(i);
    }
    // Rare names and numbers say more than "Russia" or "2022".
    const double n = static_cast<double>(documents.size()) + 1.0;
    auto weight = [&](const std::string& feature) {
        return std::log(n / static_cast<double>(document_frequency[feature]));
    };
    std::vector<double> total_weight(documents.size(), 0.0);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        for (const auto& feature : features[i]) total_weight[i] += weight(feature);
    }

    struct Candidate {
        double score;
        std::size_t a, b;
    };
    std::vector<Candidate> candidates;
    for (const auto& [day, members] : by_day) {
        for (const std::size_t a : members) {
            for (auto it = by_day.lower_bound(day); it != by_day.end() &&
                                                    it->first - day <= options.max_days_apart;
                 ++it) {
                for (const std::size_t b : it->second) {
                    if (b <= a && it->first == day) continue;
                    if (documents[a].lang == documents[b].lang) continue;
                    double shared_weight = 0.0;
                    std::size_t shared = 0;
                    for (const auto& feature : features[a]) {
                        if (features[b].count(feature) > 0) {
                            ++shared;
                            shared_weight += weight(feature);
                        }
                    }
                    const double shape = shape_similarity(shapes[a], shapes[b]);
                    // Short texts without a shape must share enough names and numbers.
                    if (shape == 0.0 && shared < options.min_shared) continue;
                    const double overlap =
                        shared == 0 ? 0.0
                                    : shared_weight / std::min(total_weight[a], total_weight[b]);
                    // Without a shape, names and numbers are all there is to go on.
                    const double score =
                        shape == 0.0 ? std::min(1.0, overlap)
                                     : kShapeWeight * shape +
                                           (1.0 - kShapeWeight) * std::min(1.0, overlap);
                    if (score >= options.min_similarity) candidates.push_back({score, a, b});
                }
            }
        }
    }
    // Best pairs first; a document takes one partner per other language.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    std::set<std::pair<std::size_t, std::string>> taken;  // (document, partner language)
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const Candidate& c : candidates) {
        const auto slot_a = std::make_pair(c.a, documents[c.b].lang);
        const auto slot_b = std::make_pair(c.b, documents[c.a].lang);
        if (taken.count(slot_a) > 0 || taken.count(slot_b) > 0) continue;
        taken.insert(slot_a);
        taken.insert(slot_b);
        pairs.emplace_back(std::min(c.a, c.b), std::max(c.a, c.b));
    }
    // Short texts (no shape, too few names) pair only by elimination: when a
    // day has exactly one such unpaired text in each of two languages, and their
    // lengths agree. Busy days (news feeds) never qualify.
    std::vector<bool> paired(documents.size(), false);
    for (const auto& [a, b] : pairs) paired[a] = paired[b] = true;
    std::map<long, std::map<std::string, std::vector<std::size_t>>> short_by_day;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i].date.empty() || paired[i] || shapes[i].size() >= kMinParagraphs) continue;
        short_by_day[days[i]][documents[i].lang].push_back(i);
    }
    for (const auto& [day, by_lang] : short_by_day) {
        if (by_lang.size() != 2) continue;
        const auto& first = by_lang.begin()->second;
        const auto& second = std::next(by_lang.begin())->second;
        if (first.size() != 1 || second.size() != 1) continue;
        const auto a = static_cast<double>(documents[first[0]].body.size() + 1);
        const auto b = static_cast<double>(documents[second[0]].body.size() + 1);
        if (std::min(a, b) / std::max(a, b) < kMinShortLengthRatio) continue;
        pairs.emplace_back(std::min(first[0], second[0]), std::max(first[0], second[0]));
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

}  // namespace chancery::detail

namespace chancery {

GroupDetectionReport detect_translation_groups(const std::string& path,
                                               const GroupDetectionOptions& options) {
    Xapian::WritableDatabase db = detail::open_for_writing(path);
    return detail::translate_xapian_errors(path, [&] {
        std::vector<Document> documents;
        std::vector<Xapian::docid> docids;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::Document xdoc = db.get_document(*it);
            if (!xdoc.get_value(schema::kGroupSlot).empty()) continue;
            if (xdoc.get_value(schema::kDateSlot).empty()) continue;
            documents.push_back(document_from_json(xdoc.get_data()));
            docids.push_back(*it);
        }
        GroupDetectionReport report;
        report.candidates = documents.size();
        // Union the pairs into groups (a text in three languages is one group).
        std::vector<std::size_t> parent(documents.size());
        for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
        std::function<std::size_t(std::size_t)> root = [&](std::size_t i) {
            return parent[i] == i ? i : parent[i] = root(parent[i]);
        };
        for (const auto& [a, b] : detail::pair_translations(documents, options)) {
            parent[std::max(root(a), root(b))] = std::min(root(a), root(b));
        }
        std::map<std::size_t, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < documents.size(); ++i) groups[root(i)].push_back(i);
        db.begin_transaction();
        for (const auto& [first, members] : groups) {
            if (members.size() < 2) continue;
            ++report.groups;
            const std::string group = "auto:" + documents[first].id;
            for (const std::size_t i : members) {
                Document& document = documents[i];
                document.group = group;
                document.derived_fields.push_back("group");
                Xapian::Document xdoc = db.get_document(docids[i]);
                xdoc.add_boolean_term(schema::term(schema::kGroupPrefix, group));
                xdoc.add_value(schema::kGroupSlot, group);
                xdoc.set_data(to_json(document));
                db.replace_document(docids[i], xdoc);
                ++report.documents;
            }
        }
        db.commit_transaction();
        return report;
    });
}

}  // namespace chancery
