// Gazetteers: the states, organisations and forums Chancery recognises, loaded
// from plain TSV files (corpora/data/gazetteers/README.md describes the format).
//
//   Gazetteer gazetteer = Gazetteer::load({default_gazetteer_dir(), "my-names/"});
//   for (const GazetteerIssue& issue : gazetteer.issues()) warn(issue);
//   gazetteer.resolve_party("Франции");      // "FR"
//   gazetteer.resolve_party("the PRC");      // "CN"
//   gazetteer.resolve_forum("ОБСЕ");         // "OSCE"
//   gazetteer.party_label("FR");             // "France"
//
// The same gazetteer finds the entities named in a text (find_mentions), so that
// what the indexer extracts and what a user types resolve to the same codes.
#pragma once

#include "analyzers/analyzer.h"

#include <chancery/error.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// A gazetteer directory or file cannot be read.
class GazetteerError : public Error {
  public:
    using Error::Error;
};

enum class EntityType : std::uint8_t { kState, kOrganisation, kForum };

// A line of a gazetteer file that was skipped (or only partly applied), and why.
struct GazetteerIssue {
    std::string file;
    std::size_t line = 0;  // 1-based; 0 when the issue concerns the whole load
    std::string reason;

    // "file:line: reason", as warnings print it.
    [[nodiscard]] std::string describe() const {
        return file + ":" + std::to_string(line) + ": " + reason;
    }
};

// How a text refers to an entity.
enum class MentionKind : std::uint8_t {
    kName,     // a name, abbreviation, adjective or demonym ("France", "французский")
    kMetonym,  // a capital or seat of government standing for a state ("Пекин", "the Kremlin")
    kPerson,   // a person who acts for a state or organisation ("Lavrov"): party evidence only
    kForum,    // a forum or format ("ОБСЕ", "Security Council", "переговоры")
};

// One entity named in a run of tokens. `code` points into the Gazetteer, which
// must outlive the mention.
struct Mention {
    std::string_view code;
    EntityType type = EntityType::kState;  // for kPerson: the type of the entity acted for
    MentionKind kind = MentionKind::kName;
    std::size_t first_token = 0;  // index into the token vector given to find_mentions
    std::size_t end_token = 0;    // one past the last token of the mention
    std::size_t begin = 0;        // byte range in the text
    std::size_t end = 0;
};

// Per-thread scratch for Gazetteer::find_mentions: an Analyzer to stem words
// and a memo of what each distinct word of a text is in the gazetteer (its stem,
// the names that start with it), so that each word of a corpus is stemmed and
// looked up once. Not thread-safe, one per thread; it may serve several
// gazetteers (the memo restarts when the gazetteer changes). Not copyable (owns
// ICU objects); movable.
class MentionScratch {
  public:
    // Throws chancery::Error if ICU cannot create the analyzer.
    MentionScratch();
    ~MentionScratch();
    MentionScratch(MentionScratch&&) noexcept;
    MentionScratch& operator=(MentionScratch&&) noexcept;
    MentionScratch(const MentionScratch&) = delete;
    MentionScratch& operator=(const MentionScratch&) = delete;

    [[nodiscard]] const Analyzer& analyzer() const { return analyzer_; }

  private:
    friend class Gazetteer;
    struct Memo;
    Analyzer analyzer_;
    std::unique_ptr<Memo> memo_;
};

// The loaded gazetteers.
//
// Immutable once loaded: every const member function may be called from many
// threads at once without locking. Movable, not copyable (it can be large;
// share one instance by reference).
class Gazetteer {
  public:
    // Loads every *.tsv file of each directory, the directories in the order
    // given and the files of a directory in name order. A later line adds names
    // to a code already defined, replaces its label, or removes a name ("-name").
    // Bad lines are skipped and listed in issues(); they never stop the load.
    // Throws GazetteerError if a directory does not exist or a file cannot be read,
    // chancery::Error if ICU fails.
    [[nodiscard]] static Gazetteer load(const std::vector<std::filesystem::path>& directories);

    // load() of default_gazetteer_dir() followed by `extra` (the CLI's --gazetteer DIRs).
    // Throws as load().
    [[nodiscard]] static Gazetteer load_default(
        const std::vector<std::filesystem::path>& extra = {});

    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;

    // The code of the state or organisation a user typed, in any language,
    // letter case or inflection: a code ("FR", "fr"), a name ("France",
    // "Франции", "the French Republic", "РФ"), an adjective ("французский") or
    // the English label. Persons and capitals are not resolved. nullopt when
    // nothing matches the whole text. Throws chancery::Error only if ICU fails.
    [[nodiscard]] std::optional<std::string> resolve_party(std::string_view text) const;

    // The same for forums: "ОБСЕ" -> "OSCE", "ГА ООН" -> "UNGA", "unga" -> "UNGA".
    [[nodiscard]] std::optional<std::string> resolve_forum(std::string_view text) const;

    // English labels for facets: party_label("FR") == "France"; "" for an unknown code.
    [[nodiscard]] std::string party_label(std::string_view code) const;
    [[nodiscard]] std::string forum_label(std::string_view code) const;

    // The type of a party code (kState or kOrganisation); nullopt if unknown.
    [[nodiscard]] std::optional<EntityType> party_type(std::string_view code) const;
    [[nodiscard]] bool has_forum(std::string_view code) const;
    // The broader forum a forum belongs to ("UNGA-C1" -> "UNGA"), or "".
    [[nodiscard]] std::string forum_parent(std::string_view code) const;

    // Every party code (states and organisations) and every forum code, sorted.
    [[nodiscard]] std::vector<std::string> party_codes() const;
    [[nodiscard]] std::vector<std::string> forum_codes() const;

    // The lines skipped while loading, in the order met.
    [[nodiscard]] const std::vector<GazetteerIssue>& issues() const;

    // The entities named in `tokens` (Analyzer::tokenize of `text`, a text of
    // language `lang`): states, organisations, persons and forums, each the
    // longest name at its place. Names hidden by an "ignore" phrase are left
    // out. Parties and forums are found independently, so "OSCE Permanent
    // Council" gives both the organisation OSCE and the forum OSCE-PC.
    // Sorted by position. Throws chancery::Error only if ICU fails.
    [[nodiscard]] std::vector<Mention> find_mentions(const std::vector<Token>& tokens,
                                                     std::string_view text, std::string_view lang,
                                                     MentionScratch& scratch) const;

  private:
    struct Internal;
    explicit Gazetteer(std::unique_ptr<Internal> internal);
    std::unique_ptr<Internal> internal_;
};

}  // namespace chancery
