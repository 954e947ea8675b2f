// SearchResult -> JSON, the object that `chancery search --format json` prints.
#include <chancery/searcher.h>

#include <nlohmann/json.hpp>

namespace chancery {
namespace {

// Code points in text[0, byte_offset): JSON consumers index strings by characters.
std::size_t char_offset(std::string_view text, std::size_t byte_offset) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
    }
    return chars;
}

}  // namespace

std::string to_json(const SearchResult& result, const std::string& qid) {
    // ordered_json keeps the keys in the documented order.
    using json = nlohmann::ordered_json;
    json hits = json::array();
    for (const Hit& hit : result.hits) {
        json highlights = json::array();
        for (const Highlight& h : hit.snippet.highlights) {
            highlights.push_back({char_offset(hit.snippet.text, h.begin),
                                  char_offset(hit.snippet.text, h.end)});
        }
        json object = {{"rank", hit.rank},
                       {"id", hit.id},
                       {"score", hit.score},
                       {"date", hit.date.empty() ? json(nullptr) : json(hit.date)},
                       {"lang", hit.lang},
                       {"title", hit.title},
                       {"parties", hit.parties},
                       {"forum", hit.forum.empty() ? json(nullptr) : json(hit.forum)},
                       {"url", hit.url.empty() ? json(nullptr) : json(hit.url)},
                       {"snippet", hit.snippet.text},
                       {"highlights", highlights}};
        if (!hit.group.empty()) object["group"] = hit.group;
        if (!hit.translations.empty()) {
            json translations = json::array();
            for (const Translation& t : hit.translations) {
                translations.push_back({{"id", t.id}, {"lang", t.lang}, {"title", t.title}});
            }
            object["translations"] = std::move(translations);
        }
        hits.push_back(std::move(object));
    }
    json facets = json::object();
    for (const auto& [name, counts] : result.facets) {
        json list = json::array();
        for (const FacetCount& count : counts) {
            list.push_back({{"value", count.value}, {"label", count.label}, {"count", count.count}});
        }
        facets[name] = std::move(list);
    }
    json expansions = json::array();
    for (const QueryExpansion& e : result.expansions) {
        expansions.push_back({{"word", e.word}, {"added", e.added}, {"source", e.source}});
    }
    json object = json::object();
    if (!qid.empty()) object["qid"] = qid;
    const json fields = {{"query", result.query},   {"total", result.total},
                         {"total_exact", result.total_exact}, {"offset", result.offset},
                         {"hits", hits},             {"facets", facets},
                         {"expansions", expansions}};
    object.update(fields);
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace chancery
