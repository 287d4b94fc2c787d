// Turning matched text into exact report values with provenance.
#pragma once

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "common/text/search.h"
#include "juesuan/report/v1/report.pb.h"
#include "re2/re2.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

// A regex match on a passage's folded text; groups as [begin, end) offsets.
struct Match {
  size_t begin = 0;
  size_t end = 0;
  // Group 0 is the whole match; {npos, npos} when a group did not take part.
  // Inline: a match is made for nearly every figure of the document.
  absl::InlinedVector<std::pair<size_t, size_t>, 12> groups;
  bool has(size_t i) const { return i < groups.size() && groups[i].first != std::string::npos; }
};

// A compiled pattern from a process-wide cache: patterns built at run time
// from labels are compiled once, not once per document.
const RE2& CachedPattern(const std::string& pattern);

// The literal every match of `pattern` begins with, read from its text: the
// leading plain characters up to the first metacharacter, less the last
// one when a quantifier follows it. "" when the pattern starts with a
// group, class, escape or anchor, or has a top-level alternative.
// Search looks for it before running an unanchored pattern.
std::string LiteralPrefixOf(std::string_view pattern);

// One part of a pattern written with literals only, at `i`: a literal
// character (an escaped punctuation character, or a whole UTF-8 character
// that is no metacharacter) or a (?:a|b|…) group of such characters, taken
// with the `?` after it when there is one. Nothing when the pattern has
// anything else at `i`; what follows the part is the caller's to judge.
struct LiteralPart {
  std::vector<std::string> alternatives;
  bool optional = false;
  size_t length = 0;  // pattern bytes read, the `?` included
};
std::optional<LiteralPart> LiteralPartAt(std::string_view pattern, size_t i);

// The literals a match of `pattern` can begin with, one of which every
// match does begin with: those of the leading optional parts — a character
// or a (?:a|b|…) group of literals, followed by `?` — and the
// LiteralPrefixOf what follows them. {LiteralPrefixOf(pattern)} when the
// pattern starts with a word; empty when it starts otherwise or a literal
// would be shorter than two bytes. Search tries an unanchored pattern only
// where one of them stands.
std::vector<std::string> FirstLiteralsOf(std::string_view pattern);

// Calls `attempt(i)` at each place `i` of `t`, from `from` on, where one of
// `literals` begins, nearest first, until it returns a value that tests
// true, and returns that value (a default one when no attempt succeeds).
// How a pattern whose every match begins with one of them is searched for
// without trying it at every byte: the first place it matches is the
// leftmost match.
template <typename Literals, typename Attempt>
auto AttemptWhereLiteralsStand(std::string_view t, size_t from, const Literals& literals,
                               Attempt attempt) {
  using Result = decltype(attempt(size_t{0}));
  absl::InlinedVector<size_t, 4> next;
  for (const auto& literal : literals) next.push_back(text::Find(t, literal, from));
  while (!next.empty()) {
    const size_t k = std::min_element(next.begin(), next.end()) - next.begin();
    if (next[k] == std::string_view::npos) break;
    if (Result result = attempt(next[k])) return result;
    next[k] = text::Find(t, *(std::begin(literals) + k), next[k] + 1);
  }
  return Result{};
}

// The patterns Search has run unanchored on this thread (for tests that
// check every prefix in use).
std::vector<std::string> PatternsSearchedOnThisThread();

// Searches `re` in passage text [from, to). Returns nothing when absent.
std::optional<Match> Search(const RE2& re, const Passage& p, size_t from = 0,
                            size_t to = std::string::npos,
                            RE2::Anchor anchor = RE2::UNANCHORED);
// All non-overlapping matches in [from, to).
std::vector<Match> SearchAll(const RE2& re, const Passage& p, size_t from = 0,
                             size_t to = std::string::npos);

std::string_view Group(const Passage& p, const Match& m, size_t i);

// Whether passage text [from, to) holds `literal`: a cheap test before a
// regex that cannot match without it.
bool Holds(const Passage& p, std::string_view literal, size_t from = 0,
           size_t to = std::string::npos);

// Builds values. `number` and `unit` are folded-text offsets of the printed
// number and of its unit; evidence spans both.
class ValueFactory {
 public:
  explicit ValueFactory(const SourceDocument& doc) : doc_(doc) {}

  report::v1::Provenance Prov(const Passage& p, size_t begin, size_t end) const;
  // Prov's byte_begin and byte_end alone, without building the evidence.
  std::pair<size_t, size_t> ProvSpan(const Passage& p, size_t begin, size_t end) const;
  // Money: number in group `num`, unit word (万元/元) in group `unit`.
  std::optional<report::v1::Amount> MakeAmount(const Passage& p, const Match& m,
                                               size_t num, size_t unit) const;
  std::optional<report::v1::Percent> MakePercent(const Passage& p, const Match& m,
                                                 size_t num, bool has_sign = true) const;
  std::optional<report::v1::Count> MakeCount(const Passage& p, const Match& m,
                                             size_t num, size_t unit) const;
  report::v1::Text MakeText(const Passage& p, size_t begin, size_t end) const;
  // MakeText(p, begin, end).text() alone, without building the evidence.
  std::string TextOf(const Passage& p, size_t begin, size_t end) const;

 private:
  const SourceDocument& doc_;
};

// Text of a span with line breaks and the indentation after them removed.
std::string JoinLines(std::string_view raw);

// Shared pattern pieces (folded text: ASCII digits and punctuation).
inline constexpr char kNum[] = R"((-?\d[\d,]*(?:\.\d+)?))";
inline constexpr char kMoney[] = R"(\s*(万元|元))";

}  // namespace juesuan::parse
