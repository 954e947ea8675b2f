// Document <-> JSON: the stored form of a document and the form `chancery get` prints.
#include <chancery/document.h>
#include <chancery/error.h>

#include <nlohmann/json.hpp>

namespace chancery {
namespace {

using nlohmann::json;

void put(json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

std::string string_or_empty(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings_or_empty(const json& object, const char* key) {
    std::vector<std::string> values;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return values;
    for (const auto& item : *it) {
        if (item.is_string()) values.push_back(item.get<std::string>());
    }
    return values;
}

}  // namespace

std::string to_json(const Document& document) {
    json object = json::object();
    object["id"] = document.id;
    put(object, "lang", document.lang);
    put(object, "date", document.date);
    put(object, "title", document.title);
    put(object, "body", document.body);
    put(object, "url", document.url);
    if (!document.parties.empty()) object["parties"] = document.parties;
    put(object, "forum", document.forum);
    if (!document.mentioned.empty()) object["mentioned"] = document.mentioned;
    if (!document.mentioned_dates.empty()) object["mentioned_dates"] = document.mentioned_dates;
    put(object, "group", document.group);
    if (!document.extra_json.empty()) {
        const json extra = json::parse(document.extra_json, nullptr, false);
        if (extra.is_object()) {
            for (const auto& [key, value] : extra.items()) object.emplace(key, value);
        }
    }
    if (!document.derived_fields.empty()) object["derived"] = document.derived_fields;
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Document document_from_json(std::string_view text) {
    const json object = json::parse(text, nullptr, false);
    if (!object.is_object()) throw Error("stored document is not a JSON object");
    Document document;
    document.id = string_or_empty(object, "id");
    document.lang = string_or_empty(object, "lang");
    document.date = string_or_empty(object, "date");
    document.title = string_or_empty(object, "title");
    document.body = string_or_empty(object, "body");
    document.url = string_or_empty(object, "url");
    document.parties = strings_or_empty(object, "parties");
    document.forum = string_or_empty(object, "forum");
    document.group = string_or_empty(object, "group");
    document.mentioned = strings_or_empty(object, "mentioned");
    document.mentioned_dates = strings_or_empty(object, "mentioned_dates");
    document.derived_fields = strings_or_empty(object, "derived");
    json extra = json::object();
    for (const auto& [key, value] : object.items()) {
        static constexpr const char* kKnown[] = {
            "id",    "lang",  "date",      "title",           "body",   "url",
            "parties", "forum", "mentioned", "mentioned_dates", "group", "derived"};
        bool known = false;
        for (const char* name : kKnown) known = known || key == name;
        if (!known) extra[key] = value;
    }
    if (!extra.empty()) document.extra_json = extra.dump();
    return document;
}

}  // namespace chancery
