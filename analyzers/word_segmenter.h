// UAX #29 word segmentation of UTF-8 text with ICU's BreakIterator: the raw
// boundaries, before the Analyzer joins compounds, links and abbreviations.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace chancery {

// A run of text between two UAX #29 word boundaries that holds a word: letters,
// digits, kana or ideographs (ICU rule status UBRK_WORD_NUMBER or above).
struct WordSegment {
    std::size_t begin = 0;  // byte range in the segmented text
    std::size_t end = 0;
};

// Finds word boundaries with ICU's root word BreakIterator over the UTF-8 text
// itself (no copy to UTF-16). ICU's rules are UAX #29's except that a colon
// between letters ("a:b") is a boundary.
//
// Holds an ICU BreakIterator, which keeps state between calls: not thread-safe,
// one per thread. Not copyable (owns the iterator); movable.
class WordSegmenter {
  public:
    // Throws chancery::Error if ICU cannot create the break iterator.
    WordSegmenter();
    ~WordSegmenter();
    WordSegmenter(WordSegmenter&&) noexcept;
    WordSegmenter& operator=(WordSegmenter&&) noexcept;
    WordSegmenter(const WordSegmenter&) = delete;
    WordSegmenter& operator=(const WordSegmenter&) = delete;

    // Every boundary of `text` as a byte offset, 0 and text.size() included
    // ({0} for empty text). Invalid UTF-8 bytes count as U+FFFD.
    // Throws chancery::Error if ICU fails.
    [[nodiscard]] std::vector<std::size_t> boundaries(std::string_view text);

    // Replaces `words` with the word segments of `text`, in order. Takes the
    // vector from the caller so that a caller segmenting many texts reuses it.
    // Throws chancery::Error if ICU fails.
    void words(std::string_view text, std::vector<WordSegment>& words);

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

}  // namespace chancery
