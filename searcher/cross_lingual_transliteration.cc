// ICU transliterators between Russian Cyrillic and Latin, and Russian name forms.
#include "searcher/cross_lingual_transliteration.h"

#include "searcher/cross_lingual_words.h"

#include <chancery/error.h>

#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

namespace chancery {
namespace {

// Latin -> Cyrillic as Russian writes foreign and romanised Russian names.
// ICU applies the first rule that matches at each position, so longer
// spellings come before their parts. The input is one lower-case word.
constexpr const char* kLatinToCyrillic = R"(
# Contexts after a letter are still Latin; contexts before it are already Cyrillic.
$vowel = [aeiouy] ;
$consonant = [bcdfghjklmnpqrstvwxz] ;
$cyrillic_vowel = [аеёиоуыэюя] ;
$cyrillic_consonant = [бвгджзйклмнпрстфхцчшщ] ;
shch > щ ; sch > ш ; tch > ч ;
# Zelenskiy, Zelenskyy, Zelenskyi, Zelensky: all Зеленский.
iy } $ > ий ; yy } $ > ий ; yi } $ > ий ; ky } $ > кий ;
ya > я ; yu > ю ; yo > ё ; ye > е ;
# California, Virginia, Victoria: -ия.
ia } $ > ия ;
ts > ц ; tz > ц ; zh > ж ; kh > х ; ch > ч ; sh > ш ; th > т ; ph > ф ;
ck > к ; gh > г ; qu > кв ;
ee > и ; oo > у ; ou > у ; ea > и ;
ai > ай ; ay } $ > ай ; ay > ей ; ei > ей ; ey } $ > и ; ey > ей ; oy > ой ; oi > ой ;
# A silent final e (Luke: Люк, Jacksonville: Джэксонвилл).
$cyrillic_vowel $cyrillic_consonant { e } $ > ; лл { e } $ > ;
c } [eiy] > с ; c > к ;
x > кс ; w > у ; j > дж ; q > к ; h > х ;
y } $vowel > й ; $cyrillic_vowel { y > й ; y } $ > и ; y > и ;
a > а ; b > б ; d > д ; e > е ; f > ф ; g > г ; i > и ; k > к ; l > л ; m > м ;
n > н ; o > о ; p > п ; r > р ; s > с ; t > т ; u > у ; v > в ; z > з ;
'' > ;
)";

// The same for English vowels as Russian hears them: Panthers -> Пэнтерс,
// Hunter -> Хантер, Murray -> Маррей, Angeles -> Анджелес.
constexpr const char* kLatinToCyrillicEnglishVowels = R"(
# Contexts after a letter are still Latin; contexts before it are already Cyrillic.
$vowel = [aeiouy] ;
$consonant = [bcdfghjklmnpqrstvwxz] ;
$cyrillic_vowel = [аеёиоуыэюя] ;
$cyrillic_consonant = [бвгджзйклмнпрстфхцчшщ] ;
sch > ш ; tch > ч ;
iy } $ > ий ; yy } $ > ий ; yi } $ > ий ; ky } $ > кий ;
ia } $ > ия ;
ts > ц ; zh > ж ; kh > х ; ch > ч ; sh > ш ; th > т ; ph > ф ; ck > к ; gh > г ; qu > кв ;
# Angeles, George, Virginia.
g } [eiy] > дж ;
ee > и ; oo > у ; ou > ау ; ea > и ; ai > ей ; ay > ей ; ei > ей ; ey } $ > и ; ey > ей ;
oy > ой ; oi > ой ;
$cyrillic_vowel $cyrillic_consonant { e } $ > ; лл { e } $ > ;
^ e > э ;
$cyrillic_consonant { a } $consonant > э ; ^ a > э ;
$cyrillic_consonant { u } $consonant > а ;
c } [eiy] > с ; c > к ;
x > кс ; w > у ; j > дж ; q > к ; h > х ;
y } $vowel > й ; $cyrillic_vowel { y > й ; y } $ > и ; y > и ;
a > а ; b > б ; d > д ; e > е ; f > ф ; g > г ; i > и ; k > к ; l > л ; m > м ;
n > н ; o > о ; p > п ; r > р ; s > с ; t > т ; u > у ; v > в ; z > з ;
'' > ;
)";

// Cyrillic -> Latin as English-language media spell Russian names (Zelensky,
// Jared, Shoigu), which BGN/PCGN does not (Zelenskiy, Dzhared, Shoygu).
constexpr const char* kCyrillicToLatinPractical = R"(
дж > j ; кс > x ;
ий } $ > y ; ый } $ > y ;
ье > ye ; ьё > yo ; ью > yu ; ья > ya ; ьи > yi ;
х > kh ; ж > zh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
ю > yu ; я > ya ; ё > yo ; е > e ; э > e ; ы > y ; ь > ; ъ > ; ой > oi ; й > y ;
а > a ; б > b ; в > v ; г > g ; д > d ; з > z ; и > i ; к > k ; л > l ; м > m ;
н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;
)";

// The same with the English letters that Russian transcribes away: Хьюстон ->
// Houston, Гарвард -> Harvard, Джэксонвилл -> Jacksonvill(e), Ратцель -> Ratzel.
constexpr const char* kCyrillicToLatinEnglish = R"(
дж > j ; кс > cks ; тц > tz ; ^ г > h ;
ий } $ > y ; ый } $ > y ;
ье > ye ; ьё > yo ; ью > yu ; ья > ya ; ьи > yi ;
х > h ; ж > zh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
# English writes c for the k sound except before e, i, y and at the end (Broncos, Clippers).
к } [еиыэюяйь] > k ; к } $ > k ; к > c ;
ю > u ; я > ya ; ё > yo ; е > e ; э > a ; ы > y ; ь > ; ъ > ; й > y ;
а > a ; б > b ; в > v ; г > g ; д > d ; з > z ; и > i ; л > l ; м > m ;
н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;
)";

// Borrowed words (Greek and Latin roots) as Russian spells them: stratigraph ->
// стратиграф, cyanobacteria -> цианобактериа, pharmacist -> фармацист. Applied
// to English stems to find their Russian cognates by prefix.
constexpr const char* kLoanwordToCyrillic = R"(
$vowel = [aeiouy] ;
tion > ци ; sion > си ;
sch > ш ; ph > ф ; th > т ; rh > р ; ch > х ; sh > ш ;
qu > кв ; ck > к ; x > кс ;
c } [eiy] > ц ; c > к ;
ae > е ; oe > е ; ^ eu > ев ; au > ав ; ou > у ; ee > и ; oo > у ;
^ e > э ;
^ h > г ; h > ;
y } $vowel > й ; y > и ;
j > дж ; w > в ;
a > а ; b > б ; d > д ; e > е ; f > ф ; g > г ; i > и ; k > к ; l > л ; m > м ;
n > н ; o > о ; p > п ; r > р ; s > с ; t > т ; u > у ; v > в ; z > з ;
'' > ;
)";

// Russian stems of borrowed words back to their Latin spelling, the Greek way
// (ф ph, х ch: стратиграф -> stratigraph, хлоропласт -> chloroplast) and the
// Latin way (ф f, х h, з s: президент -> president). A ц before и and a
// vowel, or ending a stem, is the t of -tion (конституц -> constitut); an
// initial one is c, and an initial ци Greek cy (see cognate_prefixes).
constexpr const char* kLoanwordToLatinGreek = R"(
кс > x ;
[a-z] { ц } и [аяоеу] > t ; ц } $ > t ; ц > c ;
х > ch ; ф > ph ; к > c ; ж > g ; з > z ;
ч > ch ; ш > sh ; щ > sch ;
и > i ; й > i ; ы > y ; э > e ; е > e ; ё > e ; ю > u ; я > ia ; у > u ;
ь > ; ъ > ;
а > a ; б > b ; в > v ; г > g ; д > d ; л > l ; м > m ; н > n ; о > o ; п > p ;
р > r ; с > s ; т > t ;
)";

constexpr const char* kLoanwordToLatinLatin = R"(
кс > x ;
[a-z] { ц } и [аяоеу] > t ; ц } $ > t ; ц > c ;
х > h ; ф > f ; к > c ; ж > j ; з > s ;
ч > ch ; ш > sh ; щ > sch ;
и > i ; й > i ; ы > y ; э > e ; е > e ; ё > e ; ю > u ; я > ia ; у > u ;
ь > ; ъ > ;
а > a ; б > b ; в > v ; г > g ; д > d ; л > l ; м > m ; н > n ; о > o ; п > p ;
р > r ; с > s ; т > t ;
)";

// English names that Russian writes with т for th (Лютер: Luther, Смит:
// Smith, Артур: Arthur): the English-letters spelling with th.
constexpr const char* kCyrillicToLatinEnglishTh = R"(
дж > j ; кс > x ; тц > tz ; ^ г > h ;
ий } $ > y ; ый } $ > y ;
ье > ye ; ьё > yo ; ью > yu ; ья > ya ; ьи > yi ;
х > h ; ж > zh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
к } [еиыэюяйь] > k ; к } $ > k ; к > c ;
т > th ;
ю > u ; я > ya ; ё > yo ; е > e ; э > a ; ы > y ; ь > ; ъ > ; й > y ;
а > a ; б > b ; в > v ; г > g ; д > d ; з > z ; и > i ; л > l ; м > m ;
н > n ; о > o ; п > p ; р > r ; с > s ; у > u ; ф > f ;
)";

// Latin -> Cyrillic for German and other continental names: Wittenberg ->
// Виттенберг, Luther -> Лютер, Friedrich -> Фридрих, Harvard -> Гарвард.
constexpr const char* kLatinToCyrillicContinental = R"(
$vowel = [aeiouy] ;
sch > ш ; tsch > ч ; ch } $ > х ; ch > х ; sh > ш ; zh > ж ; kh > х ; th > т ; ph > ф ;
tz > ц ; ts > ц ; ck > к ; qu > кв ;
lu > лю ; ie > и ; ei > ай ; eu > ой ; ae > е ; oe > е ; ue > ю ;
^ e > э ;
c } [eiy] > ц ; c > к ;
^ h > г ; ia } $ > ия ;
x > кс ; w > в ; j > й ; q > к ; h > х ; z > ц ; y > и ;
l } $ > ль ;
a > а ; b > б ; d > д ; e > е ; f > ф ; g > г ; i > и ; k > к ; l > л ; m > м ;
n > н ; o > о ; p > п ; r > р ; s > з ; t > т ; u > у ; v > в ;
'' > ;
)";

std::unique_ptr<icu::Transliterator> from_rules(const char* id, const char* rules) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(id), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
        where, status));
    if (U_FAILURE(status) || transliterator == nullptr) {
        throw Error(std::string("ICU: cannot build the ") + id + " transliterator (rule line " +
                    std::to_string(where.line) + ", offset " + std::to_string(where.offset) +
                    "): " + u_errorName(status));
    }
    return transliterator;
}

std::unique_ptr<icu::Transliterator> from_id(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || transliterator == nullptr) {
        throw Error(std::string("ICU: cannot create the ") + id +
                    " transliterator: " + u_errorName(status));
    }
    return transliterator;
}

std::string spell(const icu::Transliterator& transliterator, std::string_view word) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    transliterator.transliterate(text);
    std::string result;
    text.toUTF8String(result);
    return result;
}

// Keeps a spelling only when it is wholly in the target script: a letter left
// untransliterated means the rules did not cover the word.
bool all_ascii_letters(std::string& word) {
    std::string letters;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') {
            letters.push_back(c);
        } else if (c != '\'' && c != '-') {
            return false;
        }
    }
    word = std::move(letters);
    return !word.empty();
}

bool all_cyrillic(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); i += 2) {
        const auto lead = static_cast<unsigned char>(word[i]);
        if (lead != 0xD0 && lead != 0xD1) return false;
    }
    return !word.empty() && word.size() % 2 == 0;
}

// Shortest prefix a cognate is looked for under: shorter ones match unrelated words.
constexpr std::size_t kCognateLetters = 6;

void add_unique(std::vector<std::string>& list, std::string item) {
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) {
        list.push_back(std::move(item));
    }
}

std::string_view without(std::string_view word, std::string_view ending) {
    return word.substr(0, word.size() - ending.size());
}

std::string joined(std::string_view base, std::string_view ending) {
    std::string word(base);
    word.append(ending);
    return word;
}

// True when the word's last letter is a consonant (Cyrillic letters are two bytes).
bool ends_in_consonant(std::string_view word) {
    if (word.size() < 2) return false;
    static constexpr std::array<std::string_view, 13> kNotConsonants = {
        "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь", "ъ"};
    const std::string_view last = word.substr(word.size() - 2);
    return std::find(kNotConsonants.begin(), kNotConsonants.end(), last) == kNotConsonants.end();
}

}  // namespace

struct NameTransliterator::Internal {
    std::unique_ptr<icu::Transliterator> bgn = from_id("Russian-Latin/BGN; Latin-ASCII");
    std::unique_ptr<icu::Transliterator> practical =
        from_rules("Chancery-Cyrillic-Latin", kCyrillicToLatinPractical);
    std::unique_ptr<icu::Transliterator> english =
        from_rules("Chancery-Cyrillic-Latin-English", kCyrillicToLatinEnglish);
    std::unique_ptr<icu::Transliterator> english_th =
        from_rules("Chancery-Cyrillic-Latin-English-Th", kCyrillicToLatinEnglishTh);
    std::unique_ptr<icu::Transliterator> russian =
        from_rules("Chancery-Latin-Cyrillic", kLatinToCyrillic);
    std::unique_ptr<icu::Transliterator> russian_english_vowels =
        from_rules("Chancery-Latin-Cyrillic-English", kLatinToCyrillicEnglishVowels);
    std::unique_ptr<icu::Transliterator> russian_continental =
        from_rules("Chancery-Latin-Cyrillic-Continental", kLatinToCyrillicContinental);
    std::unique_ptr<icu::Transliterator> loanword_cyrillic =
        from_rules("Chancery-Loanword-Cyrillic", kLoanwordToCyrillic);
    std::unique_ptr<icu::Transliterator> loanword_greek =
        from_rules("Chancery-Loanword-Latin-Greek", kLoanwordToLatinGreek);
    std::unique_ptr<icu::Transliterator> loanword_latin =
        from_rules("Chancery-Loanword-Latin", kLoanwordToLatinLatin);
};

NameTransliterator::NameTransliterator() : internal_(std::make_unique<Internal>()) {}
NameTransliterator::~NameTransliterator() = default;

std::vector<std::string> NameTransliterator::to_latin(std::string_view cyrillic) const {
    std::vector<std::string> spellings;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const icu::Transliterator* transliterator :
         {internal_->practical.get(), internal_->bgn.get(), internal_->english.get(),
          internal_->english_th.get()}) {
        std::string spelling = spell(*transliterator, cyrillic);
        if (all_ascii_letters(spelling)) add_unique(spellings, std::move(spelling));
    }
    return spellings;
}

std::vector<std::string> NameTransliterator::to_cyrillic(std::string_view latin) const {
    std::vector<std::string> spellings;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const icu::Transliterator* transliterator :
         {internal_->russian.get(), internal_->russian_english_vowels.get(),
          internal_->russian_continental.get()}) {
        std::string spelling = spell(*transliterator, latin);
        if (all_cyrillic(spelling)) add_unique(spellings, std::move(spelling));
    }
    return spellings;
}

std::vector<std::string> NameTransliterator::cognate_prefixes(std::string_view stem,
                                                              bool cyrillic) const {
    std::vector<std::string> prefixes;
    if (cyrillic) {
        // Russian derivational endings the English cognate spells otherwise:
        // стратиграфическ(ий) ~ stratigraph(ic), метрополитенск(ий) ~ metropolit(an).
        std::string_view root = stem;
        for (const std::string_view suffix :
             {"ическ", "ичн", "ческ", "ционн", "цион", "изаци", "ировани", "ирова", "изм", "ист",
              "альн", "ивн", "ост", "ск"}) {
            if (ends_with(root, suffix) && root.size() >= suffix.size() + 10) {
                root.remove_suffix(suffix.size());
                break;
            }
        }
        const std::lock_guard<std::mutex> lock(mutex_);
        for (const icu::Transliterator* transliterator :
             {internal_->loanword_greek.get(), internal_->loanword_latin.get()}) {
            std::string spelling = spell(*transliterator, root);
            if (!all_ascii_letters(spelling) || spelling.size() < kCognateLetters + 1) continue;
            // A rule anchored at the start would mask the -tion rule in ICU's
            // eyes, so the initial ц is put right here: цианобактер ->
            // cyanobacter (Greek), cianobacter (Latin); цемент -> cement.
            if (root.substr(0, 2) == "ц") {
                spelling[0] = 'c';
                if (root.substr(0, 4) == "ци" &&
                    transliterator == internal_->loanword_greek.get()) {
                    spelling[1] = 'y';
                }
            }
            spelling.resize(std::max(kCognateLetters, spelling.size() - 2));
            add_unique(prefixes, std::move(spelling));
        }
    } else {
        std::string spelling;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            spelling = spell(*internal_->loanword_cyrillic, stem);
        }
        if (!all_cyrillic(spelling)) return prefixes;
        const std::size_t letters = spelling.size() / 2;  // two bytes each
        if (letters < kCognateLetters + 1) return prefixes;
        const std::size_t keep = std::max(kCognateLetters, (letters * 7 + 5) / 10);
        spelling.resize(2 * keep);
        add_unique(prefixes, std::move(spelling));
    }
    return prefixes;
}

std::vector<std::string> russian_name_nominatives(std::string_view form) {
    std::vector<std::string> nominatives = {std::string(form)};
    // Adjectival surnames: Зеленского, Зеленскому, Зеленским, Зеленском.
    for (const std::string_view suffix : {"ск", "цк"}) {
        for (const std::string_view ending : {"ого", "ому", "им", "ом"}) {
            const std::string full = joined(suffix, ending);
            if (ends_with(form, full)) {
                add_unique(nominatives, joined(without(form, ending), "ий"));
                return nominatives;
            }
        }
        for (const std::string_view ending : {"ой", "ую"}) {
            const std::string full = joined(suffix, ending);
            if (ends_with(form, full)) {
                add_unique(nominatives, joined(without(form, ending), "ая"));
                add_unique(nominatives, joined(without(form, ending), "ий"));
                return nominatives;
            }
        }
    }
    // Possessive surnames: Лаврова (his, or Zakharova herself), Лаврову, Лавровым,
    // Лаврове; Захаровой, Захарову.
    for (const std::string_view suffix : {"ов", "ев", "ёв", "ин", "ын"}) {
        const auto has = [&](std::string_view ending) {
            return ends_with(form, joined(suffix, ending));
        };
        if (has("а") || has("ым") || has("е")) {
            const std::string_view ending = has("а") ? "а" : has("ым") ? "ым" : "е";
            add_unique(nominatives, std::string(without(form, ending)));
            return nominatives;
        }
        if (has("у")) {
            add_unique(nominatives, std::string(without(form, "у")));
            add_unique(nominatives, joined(without(form, "у"), "а"));
            return nominatives;
        }
        if (has("ой")) {
            add_unique(nominatives, joined(without(form, "ой"), "а"));
            return nominatives;
        }
    }
    // Foreign names take noun endings: Аллена, Аллену, Алленом (Аллен);
    // Теслы, Тесле, Теслой (Тесла); so do borrowed nouns: статоры (stators).
    for (const std::string_view ending :
         {"ою", "ом", "ем", "ой", "а", "у", "е", "ы", "и", "я", "ю"}) {
        if (ends_with(form, ending) && form.size() >= ending.size() + 6) {
            const std::string_view base = without(form, ending);
            if (ends_in_consonant(base)) {
                if (ending != "ой" && ending != "ою") add_unique(nominatives, std::string(base));
                if (ending != "а" && ending != "ом" && ending != "и") {
                    add_unique(nominatives, joined(base, "а"));
                }
            } else if (ending == "я" || ending == "ю" || ending == "ем") {
                add_unique(nominatives, joined(base, "й"));  // Андрея -> Андрей
            }
            break;
        }
    }
    return nominatives;
}

std::vector<std::string> russian_name_forms(std::string_view nominative) {
    std::vector<std::string> forms = {std::string(nominative)};
    auto add = [&](std::string_view base, std::initializer_list<std::string_view> endings) {
        for (const std::string_view ending : endings) add_unique(forms, joined(base, ending));
    };
    if (ends_with(nominative, "ский") || ends_with(nominative, "цкий")) {
        add(without(nominative, "ий"), {"ого", "ому", "им", "ом"});
    } else if (ends_with(nominative, "ская") || ends_with(nominative, "цкая")) {
        add(without(nominative, "ая"), {"ой", "ую"});
    } else if (ends_with(nominative, "ий") || ends_with(nominative, "ей") ||
               ends_with(nominative, "ай")) {
        add(without(nominative, "й"), {"я", "ю", "ем", "и"});
    } else if (ends_with(nominative, "а")) {
        add(without(nominative, "а"), {"ы", "е", "у", "ой"});
    } else if (ends_with(nominative, "я")) {
        add(without(nominative, "я"), {"и", "е", "ю", "ей"});
    } else if (ends_with(nominative, "ь")) {
        add(without(nominative, "ь"), {"я", "ю", "ем", "е"});
    } else if (ends_in_consonant(nominative)) {
        add(nominative, {"а", "у", "ом", "ым", "е"});
    }
    return forms;
}

}  // namespace chancery
