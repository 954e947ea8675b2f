// JSON Lines corpus reader: gzip or plain files or standard input, one document
// per line, every bad line turned into a reason naming what is wrong.
#include <chancery/corpus.h>
#include <chancery/error.h>

#include "corpora/dates.h"

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace chancery {
namespace {

using nlohmann::json;

// Xapian terms are at most 245 bytes; the id term adds a one-byte prefix.
constexpr std::size_t kMaxIdBytes = 240;

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::string_view::npos;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

const char* type_name(const json& value) {
    return value.type_name();
}

// Reads an optional string field: absent and null mean empty. Returns false
// (with the reason) when the value has another type.
bool optional_string(const json& object, const char* key, std::string& out, std::string& reason) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_string()) {
        reason = std::string("field \"") + key + "\" must be a string, not " + type_name(*it);
        return false;
    }
    out = it->get<std::string>();
    return true;
}

CorpusRecord rejected(SourceLocation where, std::string reason) {
    CorpusRecord record;
    record.where = std::move(where);
    record.reason = std::move(reason);
    return record;
}

}  // namespace

CorpusRecord parse_document_line(std::string_view line, SourceLocation where) {
    if (const auto bad = first_invalid_utf8(line); bad != std::string_view::npos) {
        return rejected(std::move(where),
                        "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    }
    json object;
    try {
        object = json::parse(line);
    } catch (const json::parse_error& e) {
        // nlohmann's message starts with "[json.exception.parse_error.101] ".
        std::string what = e.what();
        if (const auto pos = what.find("] "); pos != std::string::npos) what.erase(0, pos + 2);
        return rejected(std::move(where), "malformed JSON: " + what);
    }
    if (!object.is_object()) {
        return rejected(std::move(where),
                        std::string("expected a JSON object, found ") + type_name(object));
    }
    Document document;
    const auto id = object.find("id");
    if (id == object.end() || id->is_null()) return rejected(std::move(where), "missing \"id\"");
    if (!id->is_string()) {
        return rejected(std::move(where),
                        std::string("field \"id\" must be a string, not ") + type_name(*id));
    }
    document.id = id->get<std::string>();
    if (is_blank(document.id)) return rejected(std::move(where), "empty \"id\"");
    if (document.id.size() > kMaxIdBytes) {
        return rejected(std::move(where),
                        "\"id\" is longer than " + std::to_string(kMaxIdBytes) + " bytes");
    }

    std::string reason;
    if (!optional_string(object, "title", document.title, reason) ||
        !optional_string(object, "body", document.body, reason) ||
        !optional_string(object, "lang", document.lang, reason) ||
        !optional_string(object, "date", document.date, reason) ||
        !optional_string(object, "url", document.url, reason) ||
        !optional_string(object, "forum", document.forum, reason) ||
        !optional_string(object, "group", document.group, reason)) {
        return rejected(std::move(where), reason);
    }
    if (is_blank(document.title) && is_blank(document.body)) {
        return rejected(std::move(where), "no \"title\" and no \"body\": nothing to index");
    }
    if (!document.date.empty() && !detail::is_valid_iso_date(document.date)) {
        return rejected(std::move(where), "\"date\" is not a real YYYY-MM-DD date: \"" +
                                              document.date + "\"");
    }
    for (auto& c : document.lang) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (const auto parties = object.find("parties");
        parties != object.end() && !parties->is_null()) {
        if (!parties->is_array()) {
            return rejected(std::move(where), std::string("field \"parties\" must be an array "
                                                          "of strings, not ") +
                                                  type_name(*parties));
        }
        for (const auto& party : *parties) {
            if (!party.is_string()) {
                return rejected(std::move(where),
                                std::string("field \"parties\" must hold strings, found ") +
                                    type_name(party));
            }
            document.parties.push_back(party.get<std::string>());
        }
    }

    json extra = json::object();
    for (const auto& [key, value] : object.items()) {
        static constexpr const char* kKnown[] = {"id",  "title",   "body",  "lang", "date",
                                                 "url", "parties", "forum", "group"};
        bool known = false;
        for (const char* name : kKnown) known = known || key == name;
        if (!known) extra[key] = value;
    }
    if (!extra.empty()) document.extra_json = extra.dump();

    CorpusRecord record;
    record.where = std::move(where);
    record.document = std::move(document);
    return record;
}

struct JsonLinesReader::Internal {
    std::string path;
    gzFile file = nullptr;
    std::string buffer;          // bytes read but not yet returned
    std::size_t buffer_pos = 0;  // start of the next line in buffer
    bool eof = false;
    std::size_t line = 0;

    ~Internal() {
        if (file != nullptr) gzclose(file);
    }

    // Appends the next chunk of input to the buffer; false at the end.
    bool fill() {
        if (eof) return false;
        if (buffer_pos > 0) {
            buffer.erase(0, buffer_pos);
            buffer_pos = 0;
        }
        char chunk[1 << 16];
        const int n = gzread(file, chunk, sizeof chunk);
        if (n < 0) {
            int code = 0;
            const char* message = gzerror(file, &code);
            throw CorpusError(path + ": read error: " +
                              (code == Z_ERRNO ? std::strerror(errno) : message));
        }
        if (n == 0) {
            eof = true;
            return false;
        }
        buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
};

JsonLinesReader::JsonLinesReader(const std::string& path) : internal_(std::make_unique<Internal>()) {
    internal_->path = path;
    if (path == "-") {
        const int fd = dup(STDIN_FILENO);
        internal_->file = fd < 0 ? nullptr : gzdopen(fd, "rb");
    } else {
        internal_->file = gzopen(path.c_str(), "rb");
    }
    if (internal_->file == nullptr) {
        throw CorpusError(path + ": cannot open: " + std::strerror(errno));
    }
    gzbuffer(internal_->file, 1 << 17);
}

JsonLinesReader::~JsonLinesReader() = default;
JsonLinesReader::JsonLinesReader(JsonLinesReader&&) noexcept = default;
JsonLinesReader& JsonLinesReader::operator=(JsonLinesReader&&) noexcept = default;

std::optional<CorpusRecord> JsonLinesReader::next() {
    Internal& in = *internal_;
    for (;;) {
        std::size_t newline = in.buffer.find('\n', in.buffer_pos);
        while (newline == std::string::npos && in.fill()) {
            newline = in.buffer.find('\n', in.buffer_pos);
        }
        if (newline == std::string::npos && in.buffer_pos >= in.buffer.size()) return std::nullopt;
        const std::size_t end = newline == std::string::npos ? in.buffer.size() : newline;
        std::string_view line(in.buffer.data() + in.buffer_pos, end - in.buffer_pos);
        ++in.line;
        in.buffer_pos = newline == std::string::npos ? in.buffer.size() : newline + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.size() >= 3 && in.line == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
            line.remove_prefix(3);  // a byte-order mark before the first line
        }
        if (is_blank(line)) continue;
        return parse_document_line(line, SourceLocation{in.path, in.line});
    }
}

std::size_t JsonLinesReader::bytes_read() const {
    return static_cast<std::size_t>(gzoffset(internal_->file));
}

}  // namespace chancery
