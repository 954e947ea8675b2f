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

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& xdoc, std::string_view text,
                                 std::string_view lang, Xapian::termpos first_position,
                                 bool title) {
    const Xapian::termcount wdf = title ? schema::kTitleWdf : 1;
    std::string stem_prefix(schema::kStemPrefix);
    Xapian::termpos last = first_position;
    for (const Token& token : analyzer_.tokenize(text, first_position)) {
        last = std::max<Xapian::termpos>(last, token.position);
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
    return last;
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
    Xapian::valueno party_slot = schema::kFirstPartySlot;
    for (const std::string& party : document.parties) {
        xdoc.add_boolean_term(schema::term(schema::kPartyPrefix, party));
        if (party_slot < schema::kFirstPartySlot + schema::kMaxParties) {
            xdoc.add_value(party_slot++, party);
        }
    }
    if (!document.forum.empty()) {
        xdoc.add_boolean_term(schema::term(schema::kForumPrefix, document.forum));
        xdoc.add_value(schema::kForumSlot, document.forum);
    }
    if (!document.group.empty()) {
        xdoc.add_boolean_term(schema::term(schema::kGroupPrefix, document.group));
        xdoc.add_value(schema::kGroupSlot, document.group);
    }

    const Xapian::termpos title_end = index_text(xdoc, document.title, document.lang, 1, true);
    index_text(xdoc, document.body, document.lang, title_end + schema::kBodyPositionGap, false);

    xdoc.set_data(to_json(document));
    return xdoc;
}

}  // namespace chancery
