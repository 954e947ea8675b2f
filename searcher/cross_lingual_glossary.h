// The diplomatic glossary: plain-text files of English and Russian names for the
// same thing (offices, institutions, formats, titles, recurring terms), in the
// format that corpora/data/glossary/README.md documents.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace chancery {

// One line of a glossary file: every variant names the same thing, in either language.
struct GlossaryEntry {
    std::string kind;                  // "institution", "office", "term"...: for people
    std::vector<std::string> english;  // "Security Council", "UNSC"... preferred first
    std::vector<std::string> russian;  // "Совет Безопасности", "Совбез"...
    std::string where;                 // "file:line", for messages and explanations
};

// Parses glossary lines: "kind<TAB>English | variants<TAB>Russian | variants";
// blank lines and lines starting with '#' are skipped. A malformed line (not
// three fields, or an empty one) is skipped too and described in `skipped` as
// "name:line: reason"; the other lines are read. `name` is used in messages.
[[nodiscard]] std::vector<GlossaryEntry> parse_glossary(std::istream& in, const std::string& name,
                                                        std::vector<std::string>& skipped);

// Reads every *.tsv file of `directory`, in file-name order (so a user's file
// sorting after the shipped ones adds to them); malformed lines as
// parse_glossary. Throws chancery::Error if the directory or a file cannot be read.
[[nodiscard]] std::vector<GlossaryEntry> read_glossary_directory(const std::string& directory,
                                                                 std::vector<std::string>& skipped);

}  // namespace chancery
