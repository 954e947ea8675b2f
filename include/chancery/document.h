// chancery::Document: one release, statement or transcript, as read from a
// corpus and as stored in the index.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// A document. Plain value type; copy and move freely.
//
// Fields are UTF-8. Empty means absent. The reader fills what the input gives;
// the indexer fills lang, date, parties and forum where the input lacks them
// (derived_fields lists which ones it derived).
struct Document {
    std::string id;                    // required, unique within a database
    std::string title;
    std::string body;
    std::string lang;                  // ISO 639-1: "ru", "en", "fr", "uk"...
    std::string date;                  // release date, YYYY-MM-DD
    std::string url;
    std::vector<std::string> parties;  // canonical codes: "RU", "FR", "OSCE"...
    std::string forum;                 // canonical forum code: "UNGA", "OSCE-PC", "BILATERAL"...
    // Every state and organisation the text names, and every full date it
    // mentions (YYYY-MM-DD): derived by the indexer, never read from input.
    std::vector<std::string> mentioned;
    std::vector<std::string> mentioned_dates;
    std::string group;                 // shared by language versions of one text
    // Keys of the input object that Chancery does not interpret, as a JSON
    // object text ("{}" or empty when there are none). Kept and returned as is.
    std::string extra_json;
    // Names of the fields above that Chancery derived rather than read.
    std::vector<std::string> derived_fields;
};

// The document as one JSON object (a JSON Lines line, without the newline):
// the fields above that are non-empty, the extra keys, and "derived".
[[nodiscard]] std::string to_json(const Document& document);

// Parses what to_json() wrote. Throws chancery::Error if the text is not such an object.
[[nodiscard]] Document document_from_json(std::string_view json);

}  // namespace chancery
