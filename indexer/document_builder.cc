// Builds the Xapian document for a chancery::Document following indexer/schema.h.
#include "indexer/document_builder.h"

#include "indexer/schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace chancery {
namespace {

void mark_derived(Document& document, const char* field) {
    if (std::find(document.derived_fields.begin(), document.derived_fields.end(), field) ==
        document.derived_fields.end()) {
        document.derived_fields.emplace_back(field);
    }
}

// Keeps the language the input declared when the identifier overrules it.
void keep_declared_language(Document& document, const std::string& declared) {
    nlohmann::json extra = document.extra_json.empty()
                               ? nlohmann::json::object()
                               : nlohmann::json::parse(document.extra_json, nullptr, false);
    if (!extra.is_object()) extra = nlohmann::json::object();
    extra["declared_lang"] = declared;
    document.extra_json = extra.dump();
}

}  // namespace

void DocumentBuilder::index_tokens(Xapian::Document& xdoc, const std::vector<Token>& tokens,
                                   std::string_view lang, bool title) {
    const Xapian::termcount wdf = title ? schema::kTitleWdf : 1;
    const std::string stem_prefix(schema::kStemPrefix);
    for (const Token& token : tokens) {
        // Xapian refuses terms over 245 bytes; such a "word" is noise anyway.
        if (token.form.size() > schema::kMaxTermBytes) continue;
        xdoc.add_posting(token.form, token.position, wdf);
        const std::string stem = analyzer_.index_stem(token, lang);
        if (!stem.empty()) xdoc.add_term(schema::term(stem_prefix, stem), wdf);
        if (title) {
            xdoc.add_posting(schema::term(schema::kTitlePrefix, token.form), token.position);
            if (!stem.empty()) {
                xdoc.add_term(schema::term(stem_prefix + std::string(schema::kTitlePrefix), stem));
            }
        }
    }
}

void DocumentBuilder::derive_fields(Document& document, const std::vector<Token>& title,
                                    const std::vector<Token>& body) {
    // The input's codes or names, as the gazetteer's codes ("France" -> "FR").
    for (std::string& party : document.parties) {
        if (auto code = gazetteer_->resolve_party(party)) party = std::move(*code);
    }
    if (!document.forum.empty()) {
        if (auto code = gazetteer_->resolve_forum(document.forum)) document.forum = std::move(*code);
    }
    ExtractedFields fields = extractor_.extract(document, title, body);
    if (document.date.empty() && !fields.date.empty()) {
        document.date = std::move(fields.date);
        mark_derived(document, "date");
    }
    if (document.parties.empty() && !fields.parties.empty()) {
        document.parties = std::move(fields.parties);
        mark_derived(document, "parties");
    }
    if (document.forum.empty() && !fields.forum.empty()) {
        document.forum = std::move(fields.forum);
        mark_derived(document, "forum");
    }
    document.mentioned = std::move(fields.mentioned);
    document.mentioned_dates = std::move(fields.mentioned_dates);
}

Xapian::Document DocumentBuilder::build(Document& document) {
    const std::string declared = document.lang;
    std::string sample = document.title;
    sample.append("\n").append(document.body);
    document.lang = analyzer_.identify_language(sample, declared);
    if (document.lang != declared) {
        mark_derived(document, "lang");
        if (!declared.empty()) keep_declared_language(document, declared);
    }

    const std::vector<Token> title = analyzer_.tokenize(document.title, 1);
    Xapian::termpos title_end = 1;
    for (const Token& token : title) title_end = std::max<Xapian::termpos>(title_end, token.position);
    const std::vector<Token> body =
        analyzer_.tokenize(document.body, title_end + schema::kBodyPositionGap);
    derive_fields(document, title, body);

    Xapian::Document xdoc;
    xdoc.add_boolean_term(schema::term(schema::kIdPrefix, document.id));
    xdoc.add_value(schema::kIdSlot, document.id);
    xdoc.add_value(schema::kTieBreakSlot,
                   schema::tie_break_key(schema::compact_date(document.date), document.id));
    if (!document.lang.empty()) {
        xdoc.add_boolean_term(schema::term(schema::kLangPrefix, document.lang));
        xdoc.add_value(schema::kLangSlot, document.lang);
    }
    if (!document.date.empty()) {
        const std::string compact = schema::compact_date(document.date);
        xdoc.add_boolean_term(schema::term(schema::kDatePrefix, compact));
        xdoc.add_boolean_term(schema::term(schema::kYearPrefix, compact.substr(0, 4)));
        xdoc.add_boolean_term(schema::term(schema::kMonthPrefix, compact.substr(0, 6)));
        xdoc.add_value(schema::kDateSlot, compact);
        xdoc.add_value(schema::kYearSlot, document.date.substr(0, 4));
        xdoc.add_value(schema::kMonthSlot, document.date.substr(0, 7));
    }
    std::vector<std::string> parties = document.parties;
    std::sort(parties.begin(), parties.end());
    parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
    std::string party_set;
    for (const std::string& party : parties) {
        xdoc.add_boolean_term(schema::term(schema::kPartyPrefix, party));
        party_set.append(party_set.empty() ? "" : std::string(1, schema::kPartySeparator)).append(party);
    }
    if (!party_set.empty()) xdoc.add_value(schema::kPartiesSlot, party_set);
    for (const std::string& entity : document.mentioned) {
        xdoc.add_boolean_term(schema::term(schema::kMentionedPrefix, entity));
    }
    for (const std::string& date : document.mentioned_dates) {
        xdoc.add_boolean_term(schema::term(schema::kMentionedDatePrefix, schema::compact_date(date)));
    }
    if (!document.forum.empty()) {
        xdoc.add_boolean_term(schema::term(schema::kForumPrefix, document.forum));
        xdoc.add_value(schema::kForumSlot, document.forum);
    }
    if (!document.group.empty()) {
        xdoc.add_boolean_term(schema::term(schema::kGroupPrefix, document.group));
        xdoc.add_value(schema::kGroupSlot, document.group);
    }

    index_tokens(xdoc, title, document.lang, /*title=*/true);
    index_tokens(xdoc, body, document.lang, /*title=*/false);

    xdoc.set_data(to_json(document));
    return xdoc;
}

}  // namespace chancery
