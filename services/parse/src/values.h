// Turning matched text into exact report values with provenance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "juesuan/report/v1/report.pb.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

// A regex match on a passage's folded text; groups as [begin, end) offsets.
struct Match {
  size_t begin = 0;
  size_t end = 0;
  std::vector<std::pair<size_t, size_t>> groups;  // group 1..n; {npos,npos} if unset
  bool has(size_t i) const { return i < groups.size() && groups[i].first != std::string::npos; }
};

// A compiled pattern from a process-wide cache: patterns built at run time
// from labels are compiled once, not once per document.
const RE2& CachedPattern(const std::string& pattern);

// The literal strings every match of a pattern contains (RE2's prefilter).
// Most patterns here start with CJK words; RE2's own scan for them stops at
// nearly every character (they share lead bytes), while a substring search
// for the words rules most passages out at once.
class RequiredLiterals {
 public:
  explicit RequiredLiterals(const RE2& re);
  RequiredLiterals(const RequiredLiterals&) = delete;
  RequiredLiterals& operator=(const RequiredLiterals&) = delete;

  // False only when no match of the pattern can lie inside `window`.
  bool MayMatch(std::string_view window) const;
  // Literals every match contains.
  const std::vector<std::string>& required() const { return required_; }
  // Literals of which every match contains at least one (besides the required).
  const std::vector<std::string>& alternatives() const { return alternatives_; }
  // Whether MayMatch filters at all (it says true whenever it cannot tell).
  bool usable() const { return !required_.empty() || !alternatives_.empty(); }

 private:
  // Literals shorter than one CJK character are too common to rule anything out.
  static constexpr int kMinLiteralBytes = 3;
  // More alternatives than this cost more to look for than the regex scan.
  static constexpr size_t kMaxAlternatives = 6;
  // Lower-casing leaves the literal unchanged (prefilter literals are lower-cased).
  static bool HasNoCase(const std::string& literal);

  std::vector<std::string> required_;
  std::vector<std::string> alternatives_;
};

// Searches `re` in passage text [from, to). Returns nothing when absent.
std::optional<Match> Search(const RE2& re, const Passage& p, size_t from = 0,
                            size_t to = std::string::npos,
                            RE2::Anchor anchor = RE2::UNANCHORED);
// All non-overlapping matches in [from, to).
std::vector<Match> SearchAll(const RE2& re, const Passage& p, size_t from = 0,
                             size_t to = std::string::npos);

std::string_view Group(const Passage& p, const Match& m, size_t i);

// Builds values. `number` and `unit` are folded-text offsets of the printed
// number and of its unit; evidence spans both.
class ValueFactory {
 public:
  explicit ValueFactory(const SourceDocument& doc) : doc_(doc) {}

  report::v1::Provenance Prov(const Passage& p, size_t begin, size_t end) const;
  // Money: number in group `num`, unit word (万元/元) in group `unit`.
  std::optional<report::v1::Amount> MakeAmount(const Passage& p, const Match& m,
                                               size_t num, size_t unit) const;
  std::optional<report::v1::Percent> MakePercent(const Passage& p, const Match& m,
                                                 size_t num, bool has_sign = true) const;
  std::optional<report::v1::Count> MakeCount(const Passage& p, const Match& m,
                                             size_t num, size_t unit) const;
  report::v1::Text MakeText(const Passage& p, size_t begin, size_t end) const;

 private:
  const SourceDocument& doc_;
};

// Text of a span with line breaks and the indentation after them removed.
std::string JoinLines(std::string_view raw);

// Shared pattern pieces (folded text: ASCII digits and punctuation).
inline constexpr char kNum[] = R"((-?\d[\d,]*(?:\.\d+)?))";
inline constexpr char kMoney[] = R"(\s*(万元|元))";

}  // namespace juesuan::parse
