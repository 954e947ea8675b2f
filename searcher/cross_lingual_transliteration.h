// Names across scripts: ICU transliteration between Russian Cyrillic and Latin
// spellings, and the case forms of Russian names, so that "Lavrov" finds
// "Лаврова" and "Захаровой" finds "Zakharova".
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// Spells a word of one script in the other, the ways a name is commonly
// spelled: Cyrillic -> Latin by BGN/PCGN ("Zelenskiy", ICU's Russian-Latin/BGN)
// and by English practice ("Zelensky", "Jared" for "Джаред"); Latin -> Cyrillic
// by Russian practice for English and romanised Russian names ("Джаред",
// "Зеленский" from Zelensky, Zelenskiy or Zelenskyy).
//
// Owns ICU transliterators. Thread-safe: ICU does not promise that one
// transliterator may serve threads at once, so calls are serialised by a mutex
// (a word takes microseconds). Not copyable or movable (owns the mutex).
class NameTransliterator {
  public:
    // Throws chancery::Error if ICU cannot build a transliterator.
    NameTransliterator();
    ~NameTransliterator();
    NameTransliterator(const NameTransliterator&) = delete;
    NameTransliterator& operator=(const NameTransliterator&) = delete;

    // Lower-case ASCII spellings of a lower-case Cyrillic word, likeliest
    // first, without duplicates. Throws chancery::Error on an ICU failure.
    [[nodiscard]] std::vector<std::string> to_latin(std::string_view cyrillic) const;

    // Lower-case Cyrillic spellings of a lower-case Latin word, likeliest
    // first, without duplicates. Throws chancery::Error on an ICU failure.
    [[nodiscard]] std::vector<std::string> to_cyrillic(std::string_view latin) const;

    // Prefixes under which the cognates of a borrowed word are indexed in
    // the other script, from the word's stem: "стратиграфическ" (cyrillic)
    // -> {"stratigra"}, "immunodefici" -> {"иммуноде"}. Empty for stems too
    // short to be told apart by a prefix. Throws chancery::Error on an ICU failure.
    [[nodiscard]] std::vector<std::string> cognate_prefixes(std::string_view stem,
                                                            bool cyrillic) const;

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
    mutable std::mutex mutex_;
};

// The nominatives that a lower-case form of a Russian (or russified) name may
// be a case of, the form itself first: "лаврова" -> {"лаврова", "лавров"},
// "зеленского" -> {"зеленского", "зеленский"}, "аллена" -> {"аллена", "аллен"}.
[[nodiscard]] std::vector<std::string> russian_name_nominatives(std::string_view form);

// The case forms of a name from its lower-case nominative, itself first:
// "лавров" -> лавров, лаврова, лаврову, лавровым, лаврове, лавровом. Russian
// stemming does not bring these to one stem ("лавров" -> "лавр", "лаврова" ->
// "лавров"), so a name is looked for under the stems of all its forms.
[[nodiscard]] std::vector<std::string> russian_name_forms(std::string_view nominative);

}  // namespace chancery
