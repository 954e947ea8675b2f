// Word boundaries from ICU's BreakIterator over a UTF-8 UText.
#include "analyzers/word_segmenter.h"

#include <chancery/error.h>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

namespace chancery {
namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

}  // namespace

struct WordSegmenter::Internal {
    std::unique_ptr<icu::BreakIterator> iterator;
    // Reused between calls: utext_openUTF8 fills an existing UText in place,
    // which saves an allocation per text.
    UText text = UTEXT_INITIALIZER;

    ~Internal() { utext_close(&text); }

    // Points the iterator at `input`; the caller must call detach() before
    // `input` goes away.
    icu::BreakIterator& attach(std::string_view input) {
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&text, input.data(), static_cast<int64_t>(input.size()), &status);
        check(status, "cannot open text");
        iterator->setText(&text, status);
        check(status, "cannot segment text");
        return *iterator;
    }

    // The iterator keeps a shallow clone of the UText, which would otherwise
    // point at the caller's freed buffer until the next call.
    void detach() {
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&text, "", 0, &status);
        check(status, "cannot reset text");
        iterator->setText(&text, status);
        check(status, "cannot reset text");
    }
};

WordSegmenter::WordSegmenter() : internal_(std::make_unique<Internal>()) {
    UErrorCode status = U_ZERO_ERROR;
    internal_->iterator.reset(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "cannot create a word break iterator");
}

WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

std::vector<std::size_t> WordSegmenter::boundaries(std::string_view text) {
    std::vector<std::size_t> result;
    icu::BreakIterator& iterator = internal_->attach(text);
    for (int32_t at = iterator.first(); at != icu::BreakIterator::DONE; at = iterator.next()) {
        result.push_back(static_cast<std::size_t>(at));
    }
    internal_->detach();
    return result;
}

void WordSegmenter::words(std::string_view text, std::vector<WordSegment>& words) {
    words.clear();
    icu::BreakIterator& iterator = internal_->attach(text);
    int32_t start = iterator.first();
    for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator.next()) {
        if (iterator.getRuleStatus() >= UBRK_WORD_NUMBER) {
            words.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
        }
    }
    internal_->detach();
}

}  // namespace chancery
