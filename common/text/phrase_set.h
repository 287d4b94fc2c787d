// Which of a fixed set of phrases occur in a text, found in one pass over
// the text rather than one search per phrase.
//
// A search per phrase passes over the text once for each; a skip search
// (Boyer-Moore-Horspool) keyed on single bytes barely skips in Chinese
// UTF-8, whose few lead bytes (E4..E9) stand in nearly every phrase. Keyed
// on the last two bytes of a window instead (Wu-Manber), a pass skips
// nearly the length of the shortest phrase at each step: the byte pairs of
// the phrases' heads are a small part of those that occur.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace juesuan::text {

class PhraseSet {
 public:
  explicit PhraseSet(std::vector<std::string> phrases);

  // occurs[i] tells whether phrases[i] stands anywhere in `text` (an empty
  // phrase stands everywhere, even in an empty text).
  std::vector<bool> Occurring(std::string_view text) const;

  const std::vector<std::string>& phrases() const { return phrases_; }

 private:
  static size_t PairOf(const char* p) {
    return static_cast<size_t>(static_cast<uint8_t>(p[0])) << 8 | static_cast<uint8_t>(p[1]);
  }

  std::vector<std::string> phrases_;
  std::vector<size_t> short_;  // phrases of fewer than two bytes
  // The phrases of two bytes or more, compared over their first window_
  // bytes (the shortest one's length).
  size_t window_ = 0;
  // How far a window may move on when it ends with a byte pair: the least
  // distance from that pair, as it stands in a phrase's head, to the head's
  // end (window_ - 1 when no head holds it).
  std::vector<uint8_t> shift_;
  // The byte pair each head ends with (shift 0 there), with its phrase,
  // sorted; first_ending_[pair] is where that pair's entries begin.
  std::vector<std::pair<size_t, size_t>> ending_;
  std::vector<uint32_t> first_ending_;
};

}  // namespace juesuan::text
