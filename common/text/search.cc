#include "common/text/search.h"

#include <cstring>

namespace juesuan::text {

size_t Find(std::string_view haystack, std::string_view needle, size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.size() < 2) return haystack.find(needle, from);
  if (haystack.size() - from < needle.size()) return std::string_view::npos;
  const char* data = haystack.data();
  // Candidate starts are [from, last]; the probe byte of a start s sits at s + 1.
  const size_t last = haystack.size() - needle.size();
  size_t probe = from + 1;
  while (probe <= last + 1) {
    const void* hit = std::memchr(data + probe, needle[1], last + 2 - probe);
    if (hit == nullptr) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - data);
    const size_t start = at - 1;
    if (data[start] == needle[0] &&
        std::memcmp(data + start + 2, needle.data() + 2, needle.size() - 2) == 0) {
      return start;
    }
    probe = at + 1;
  }
  return std::string_view::npos;
}

}  // namespace juesuan::text
