// Substring search for UTF-8 text. std::string::find looks for the first
// byte of the needle with memchr and compares from there; the lead byte of a
// CJK character (E4..E9) occurs every few bytes of Chinese text, so that
// strategy stops nearly everywhere. Find probes for the needle's second
// byte instead: a continuation byte spreads over 64 values and stops far
// less often. (memmem's set-up costs more than it saves on lines and
// sentences of a few dozen characters.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace juesuan::text {

// Offset of the first `needle` in `haystack` at or after `from`; npos when
// absent. An empty needle is found at `from` (as std::string::find does).
size_t Find(std::string_view haystack, std::string_view needle, size_t from = 0);

inline bool Contains(std::string_view haystack, std::string_view needle) {
  return Find(haystack, needle) != std::string_view::npos;
}

}  // namespace juesuan::text
