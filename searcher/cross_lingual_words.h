// Word-ending tests that the dictionary reader, the transliterator and the
// expander share.
#pragma once

#include <string_view>

namespace chancery {

// `word` ends with `ending` and is longer than it, so that a stem remains
// ("talks" ends with "s"; "s" does not).
[[nodiscard]] inline bool ends_with(std::string_view word, std::string_view ending) {
    return word.size() > ending.size() && word.ends_with(ending);
}

// Russian adjectives and participles end so (the endings are lower case): the
// head of "спортивная команда" is the noun.
[[nodiscard]] inline bool looks_like_adjective(std::string_view word) {
    for (const std::string_view ending : {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"}) {
        if (ends_with(word, ending)) return true;
    }
    return false;
}

}  // namespace chancery
