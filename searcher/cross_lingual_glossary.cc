// Reading the diplomatic glossary's files.
#include "searcher/cross_lingual_glossary.h"

#include <chancery/error.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace chancery {
namespace {

std::string trimmed(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    const std::size_t end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> variants(std::string_view field) {
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t bar = field.find('|', start);
        if (bar == std::string_view::npos) bar = field.size();
        if (std::string variant = trimmed(field.substr(start, bar - start)); !variant.empty()) {
            result.push_back(std::move(variant));
        }
        start = bar + 1;
    }
    return result;
}

}  // namespace

std::vector<GlossaryEntry> parse_glossary(std::istream& in, const std::string& name,
                                          std::vector<std::string>& skipped) {
    std::vector<GlossaryEntry> entries;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        const std::string where = name + ":" + std::to_string(line_number);
        const std::string content = trimmed(line);
        if (content.empty() || content.front() == '#') continue;
        const std::size_t first_tab = line.find('\t');
        const std::size_t second_tab =
            first_tab == std::string::npos ? first_tab : line.find('\t', first_tab + 1);
        if (second_tab == std::string::npos ||
            line.find('\t', second_tab + 1) != std::string::npos) {
            skipped.push_back(where + ": a glossary line is kind<TAB>English<TAB>Russian (three fields)");
            continue;
        }
        GlossaryEntry entry;
        entry.kind = trimmed(std::string_view(line).substr(0, first_tab));
        entry.english =
            variants(std::string_view(line).substr(first_tab + 1, second_tab - first_tab - 1));
        entry.russian = variants(std::string_view(line).substr(second_tab + 1));
        entry.where = where;
        if (entry.kind.empty() || entry.english.empty() || entry.russian.empty()) {
            skipped.push_back(where + ": a glossary line needs a kind, an English and a Russian name");
            continue;
        }
        entries.push_back(std::move(entry));
    }
    if (in.bad()) throw Error("cannot read glossary " + name);
    return entries;
}

std::vector<GlossaryEntry> read_glossary_directory(const std::string& directory,
                                                   std::vector<std::string>& skipped) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(directory, error)) {
        if (item.path().extension() == ".tsv" && item.is_regular_file(error)) {
            files.push_back(item.path());
        }
    }
    if (error) throw Error("cannot read glossary directory " + directory + ": " + error.message());
    std::sort(files.begin(), files.end());
    std::vector<GlossaryEntry> entries;
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) throw Error("cannot open glossary " + file.string());
        std::vector<GlossaryEntry> read = parse_glossary(in, file.string(), skipped);
        entries.insert(entries.end(), std::make_move_iterator(read.begin()),
                       std::make_move_iterator(read.end()));
    }
    return entries;
}

}  // namespace chancery
