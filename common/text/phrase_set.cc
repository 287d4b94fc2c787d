#include "common/text/phrase_set.h"

#include <algorithm>
#include <utility>

namespace juesuan::text {

PhraseSet::PhraseSet(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  window_ = 0;
  for (size_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i].size() < 2) {
      short_.push_back(i);
    } else if (window_ == 0 || phrases_[i].size() < window_) {
      window_ = phrases_[i].size();
    }
  }
  if (window_ == 0) return;
  // A shift fits a byte: a window longer than 256 bytes skips no further.
  const size_t most = std::min<size_t>(window_ - 1, 255);
  shift_.assign(1 << 16, static_cast<uint8_t>(most));
  for (size_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.size() < 2) continue;
    for (size_t j = 0; j + 1 < window_; ++j) {
      uint8_t& shift = shift_[PairOf(p.data() + j)];
      shift = static_cast<uint8_t>(std::min<size_t>(shift, window_ - 2 - j));
    }
    ending_.emplace_back(PairOf(p.data() + window_ - 2), i);
  }
  std::sort(ending_.begin(), ending_.end());
  first_ending_.assign(1 << 16, 0);
  for (size_t k = ending_.size(); k-- > 0;) first_ending_[ending_[k].first] = static_cast<uint32_t>(k);
}

std::vector<bool> PhraseSet::Occurring(std::string_view text) const {
  std::vector<bool> occurs(phrases_.size(), false);
  for (size_t i : short_) {
    occurs[i] = phrases_[i].empty() || text.find(phrases_[i][0]) != std::string_view::npos;
  }
  if (window_ == 0) return occurs;
  // `last` is the last byte of a window of window_ bytes. A phrase that
  // starts at s is met when last = s + window_ - 1: every window that ends
  // inside its head moves on at most to there.
  for (size_t last = window_ - 1; last < text.size();) {
    const size_t pair = PairOf(text.data() + last - 1);
    if (const uint8_t shift = shift_[pair]; shift > 0) {
      last += shift;
      continue;
    }
    const size_t start = last + 1 - window_;
    for (auto it = ending_.begin() + first_ending_[pair]; it != ending_.end() && it->first == pair;
         ++it) {
      const std::string& phrase = phrases_[it->second];
      if (!occurs[it->second] && text.substr(start, phrase.size()) == phrase) occurs[it->second] = true;
    }
    ++last;
  }
  return occurs;
}

}  // namespace juesuan::text
