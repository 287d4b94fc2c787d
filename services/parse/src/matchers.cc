#include "services/parse/src/matchers.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>

#include "absl/container/node_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "common/text/search.h"

namespace juesuan::parse {
namespace {

constexpr size_t kNone = std::string::npos;
using Span = std::pair<size_t, size_t>;
constexpr Span kUnset{kNone, kNone};

// RE2's \s and \d (ASCII only).
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipSpaces(std::string_view t, size_t i) {
  while (i < t.size() && IsSpace(t[i])) ++i;
  return i;
}

bool LiteralAt(std::string_view t, size_t i, std::string_view literal) {
  return i <= t.size() && t.substr(i).starts_with(literal);
}

// Length of the first of `literals` found at `i`, 0 when none is: an
// alternation of literals, tried in order.
size_t AlternativeAt(std::string_view t, size_t i, std::initializer_list<std::string_view> literals) {
  for (std::string_view literal : literals) {
    if (LiteralAt(t, i, literal)) return literal.size();
  }
  return 0;
}

// Bytes of the UTF-8 character at `i`, 0 when there is no whole character
// before the end of `t` (a character class matches whole characters only).
size_t CharLength(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  const unsigned char lead = static_cast<unsigned char>(t[i]);
  size_t length = 0;
  if (lead < 0x80) length = 1;
  else if (lead >= 0xC0 && lead < 0xE0) length = 2;
  else if (lead >= 0xE0 && lead < 0xF0) length = 3;
  else if (lead >= 0xF0 && lead < 0xF8) length = 4;
  return i + length <= t.size() ? length : 0;
}

// The code point of the `length`-byte character at t[i] (as CharLength
// measured it).
char32_t CodePointAt(std::string_view t, size_t i, size_t length) {
  const auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(t[i + k])); };
  switch (length) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
             (byte(3) & 0x3F);
  }
}

// End of the run of \p{Han} characters at `i` (i itself when there is none).
size_t HanRunEnd(std::string_view t, size_t i) {
  for (size_t length; (length = CharLength(t, i)) > 0 && IsHanCodePoint(CodePointAt(t, i, length));) {
    i += length;
  }
  return i;
}

// End of kNum, -?\d[\d,]*(?:\.\d+)?, read at `i`; kNone when there is no
// number. Greedy throughout: in every pattern here the number is followed
// by spaces and a unit or '%', which none of its own characters can be,
// so a shorter reading never lets the rest match.
size_t NumberEnd(std::string_view t, size_t i) {
  if (i < t.size() && t[i] == '-') ++i;
  if (i >= t.size() || !IsDigit(t[i])) return kNone;
  while (i < t.size() && (IsDigit(t[i]) || t[i] == ',')) ++i;
  if (i + 1 < t.size() && t[i] == '.' && IsDigit(t[i + 1])) {
    i += 2;
    while (i < t.size() && IsDigit(t[i])) ++i;
  }
  return i;
}

// End of a run of [一二三四五六七八九十] at `i` (i itself when there is none).
size_t NumeralsEnd(std::string_view t, size_t i) {
  static constexpr std::array<std::string_view, 10> kNumerals = {
      "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  while (std::any_of(kNumerals.begin(), kNumerals.end(),
                     [&](std::string_view n) { return LiteralAt(t, i, n); })) {
    i += 3;
  }
  return i;
}

// End of a run of 1..max ASCII digits at `i`, taking as many as there are.
size_t DigitsEnd(std::string_view t, size_t i, size_t max) {
  size_t j = i;
  while (j < t.size() && j - i < max && IsDigit(t[j])) ++j;
  return j;
}

Match MakeMatch(size_t begin, size_t end, std::initializer_list<Span> groups) {
  Match m;
  m.begin = begin;
  m.end = end;
  m.groups.reserve(groups.size() + 1);
  m.groups.push_back({begin, end});
  m.groups.insert(m.groups.end(), groups.begin(), groups.end());
  return m;
}

// The passage text as Search sees it: cut at `to`. Nothing when `from`
// lies beyond.
std::optional<std::string_view> Window(const Passage& p, size_t from, size_t to) {
  std::string_view t = p.text();
  if (to < t.size()) t = t.substr(0, to);
  if (from > t.size()) return std::nullopt;
  return t;
}

// Leftmost match: an anchored attempt at `from`, or at every position from
// there on. `at(t, i)` is the pattern anchored at i.
template <typename AnchoredAt>
std::optional<Match> Leftmost(std::string_view t, size_t from, RE2::Anchor anchor,
                              AnchoredAt at) {
  if (anchor == RE2::ANCHOR_START) return at(t, from);
  for (size_t i = from; i <= t.size(); ++i) {
    if (auto m = at(t, i)) return m;
  }
  return std::nullopt;
}

// Leftmost match of a pattern that starts with one of `literals`: tried only
// where one of them stands.
template <typename AnchoredAt>
std::optional<Match> LeftmostAfterLiterals(std::string_view t, size_t from, RE2::Anchor anchor,
                                           std::initializer_list<std::string_view> literals,
                                           AnchoredAt at) {
  if (anchor == RE2::ANCHOR_START) return at(t, from);
  return AttemptWhereLiteralsStand(t, from, literals, [&](size_t i) { return at(t, i); });
}

// ---------------------------------------------------------------------------
// Glossary entry head
// ---------------------------------------------------------------------------

// ([^:。,]{2,30}?)\s*:\s* from `s`: the shortest term (two characters at
// least) that spaces and a colon follow. The entry starts at 0 (^).
std::optional<Match> GlossaryTermAt(std::string_view t, size_t s) {
  size_t i = s;
  for (int chars = 1; chars <= 30; ++chars) {
    const size_t length = CharLength(t, i);
    if (length == 0) return std::nullopt;
    const std::string_view c = t.substr(i, length);
    if (c == ":" || c == "," || c == "。") return std::nullopt;
    i += length;
    if (chars < 2) continue;
    const size_t colon = SkipSpaces(t, i);
    if (colon < t.size() && t[colon] == ':') {
      return MakeMatch(0, SkipSpaces(t, colon + 1), {{s, i}});
    }
  }
  return std::nullopt;
}

// \s*([^:。,]{2,30}?)\s*:\s* from `q`: the spaces are taken greedily, but the
// term may start inside them when it cannot start after them.
std::optional<Match> GlossaryTermAfterSpaces(std::string_view t, size_t q) {
  for (size_t s = SkipSpaces(t, q);; --s) {
    if (auto m = GlossaryTermAt(t, s)) return m;
    if (s == q) return std::nullopt;
  }
}

std::optional<Match> GlossaryHeadAt(std::string_view t, size_t at) {
  if (at != 0) return std::nullopt;  // ^: RE2 anchors it to the text's start
  const size_t ordinal = SkipSpaces(t, 0);
  // (?:[一二三四五六七八九十]+、|\d+[.、])? tried first, each alternative in turn.
  if (const size_t n = NumeralsEnd(t, ordinal); n > ordinal && LiteralAt(t, n, "、")) {
    if (auto m = GlossaryTermAfterSpaces(t, n + 3)) return m;
  }
  if (const size_t d = DigitsEnd(t, ordinal, kNone); d > ordinal) {
    const size_t mark = d < t.size() && t[d] == '.' ? 1 : LiteralAt(t, d, "、") ? 3 : 0;
    if (mark > 0) {
      if (auto m = GlossaryTermAfterSpaces(t, d + mark)) return m;
    }
  }
  // Without an ordinal: the leading \s* gives back spaces one at a time, so
  // the term may begin at any of them.
  return GlossaryTermAfterSpaces(t, 0);
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

// \s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(前|以前|之前|底|末)?
// from `i`, the match starting at `begin` with group 1 `before`. Every
// element before 月 is followed by one that none of its characters can
// match, so only the greedy reading can succeed; after 月 everything is
// optional.
std::optional<Match> DateRestAt(std::string_view t, size_t begin, size_t i, Span before) {
  i = SkipSpaces(t, i);
  const Span year{i, DigitsEnd(t, i, 4)};
  if (year.second - year.first != 4) return std::nullopt;
  i = SkipSpaces(t, year.second);
  if (!LiteralAt(t, i, "年")) return std::nullopt;
  i = SkipSpaces(t, i + 3);
  const Span month{i, DigitsEnd(t, i, 2)};
  if (month.second == month.first) return std::nullopt;
  i = SkipSpaces(t, month.second);
  if (!LiteralAt(t, i, "月")) return std::nullopt;
  i += 3;
  Span day = kUnset;
  const size_t day_begin = SkipSpaces(t, i);
  if (const size_t day_end = DigitsEnd(t, day_begin, 2); day_end > day_begin) {
    const size_t ri = SkipSpaces(t, day_end);
    if (LiteralAt(t, ri, "日")) {
      day = {day_begin, day_end};
      i = ri + 3;
    }
  }
  i = SkipSpaces(t, i);
  Span after = kUnset;
  if (const size_t n = AlternativeAt(t, i, {"前", "以前", "之前", "底", "末"}); n > 0) {
    after = {i, i + n};
    i += n;
  }
  return MakeMatch(begin, i, {before, year, month, day, after});
}

std::optional<Match> DateAt(std::string_view t, size_t at) {
  if (at >= t.size()) return std::nullopt;
  const char c = t[at];
  // A date starts with a space, a digit, 截 (E6 88 AA) or 至 (E8 87 B3).
  if (!IsSpace(c) && !IsDigit(c) && c != '\xE6' && c != '\xE8') return std::nullopt;
  if (const size_t n = AlternativeAt(t, at, {"截至", "截止", "至"}); n > 0) {
    if (auto m = DateRestAt(t, at, at + n, {at, at + n})) return m;
  }
  return DateRestAt(t, at, at, kUnset);
}

// Start of the four digits that stand, spaces apart, before the 年 at
// `nian` (\d{4}\s*年); kNone when there are none at `from` or later.
size_t YearStart(std::string_view t, size_t from, size_t nian) {
  size_t year_end = nian;
  while (year_end > from && IsSpace(t[year_end - 1])) --year_end;
  if (year_end < from + 4 || DigitsEnd(t, year_end - 4, 4) != year_end) return kNone;
  return year_end - 4;
}

// The leftmost date from `from`. Every date holds \d{4}\s*年, and what may
// stand before the year is fixed (spaces, and 截至/截止/至 before them), so
// each 年 gives one place where a date can start; the matches of later
// ones start later. Cheaper than an attempt at every byte of the line.
std::optional<Match> LeftmostDate(std::string_view t, size_t from) {
  for (size_t nian = text::Find(t, "年", from); nian != kNone;
       nian = text::Find(t, "年", nian + 3)) {
    const size_t year = YearStart(t, from, nian);
    if (year == kNone) continue;
    size_t start = year;
    while (start > from && IsSpace(t[start - 1])) --start;
    for (std::string_view before : {"截至", "截止", "至"}) {
      if (start >= from + before.size() && t.substr(start - before.size()).starts_with(before)) {
        start -= before.size();
        break;
      }
    }
    if (auto m = DateAt(t, start)) return m;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Year-on-year change
// ---------------------------------------------------------------------------

// (增加|减少)\s*(NUM)\s*(万元|元) then, when it follows, \s*[,，]?\s*(增长|下降)\s*(NUM)\s*%.
// Each space run and the optional comma is followed by something it cannot
// match, so the greedy reading is the only one that can succeed.
std::optional<Match> YoYAt(std::string_view t, size_t at) {
  const size_t word = AlternativeAt(t, at, {"增加", "减少"});
  if (word == 0) return std::nullopt;
  const size_t number = SkipSpaces(t, at + word);
  const size_t number_end = NumberEnd(t, number);
  if (number_end == kNone) return std::nullopt;
  const size_t unit = SkipSpaces(t, number_end);
  const size_t unit_bytes = AlternativeAt(t, unit, {"万元", "元"});
  if (unit_bytes == 0) return std::nullopt;
  const size_t unit_end = unit + unit_bytes;
  size_t i = SkipSpaces(t, unit_end);
  i += i < t.size() && t[i] == ',' ? 1 : AlternativeAt(t, i, {"，"});
  const size_t rate_word = SkipSpaces(t, i);
  if (const size_t n = AlternativeAt(t, rate_word, {"增长", "下降"}); n > 0) {
    const size_t rate = SkipSpaces(t, rate_word + n);
    if (const size_t rate_end = NumberEnd(t, rate); rate_end != kNone) {
      const size_t sign = SkipSpaces(t, rate_end);
      if (sign < t.size() && t[sign] == '%') {
        return MakeMatch(at, sign + 1, {{at, at + word}, {number, number_end}, {unit, unit_end},
                                        {rate_word, rate_word + n}, {rate, rate_end}});
      }
    }
  }
  return MakeMatch(at, unit_end,
                   {{at, at + word}, {number, number_end}, {unit, unit_end}, kUnset, kUnset});
}

// ---------------------------------------------------------------------------
// Listed tables
// ---------------------------------------------------------------------------

// ^\s*(?:[一…十]+、)?\s*《([^》]+)》: only one reading can match (the ordinal
// and the spaces are each followed by what they cannot match), and the title
// runs to the first 》.
std::optional<Match> ListedTableAt(std::string_view t, size_t at) {
  if (at != 0) return std::nullopt;  // ^
  size_t i = SkipSpaces(t, 0);
  if (const size_t n = NumeralsEnd(t, i); n > i && LiteralAt(t, n, "、")) i = n + 3;
  i = SkipSpaces(t, i);
  if (!LiteralAt(t, i, "《")) return std::nullopt;
  const size_t title = i + 3;
  const size_t close = text::Find(t, "》", title);
  if (close == kNone || close == title) return std::nullopt;
  return MakeMatch(0, close + 3, {{title, close}});
}

// ---------------------------------------------------------------------------
// Share
// ---------------------------------------------------------------------------

// \s*[,，]?\s*占[^\d%。;]{0,12}?\s*(NUM)\s*%: up to 占 only the greedy
// reading can match; then as few linking characters as let a percentage
// follow.
std::optional<Match> ShareAt(std::string_view t, size_t at) {
  size_t i = SkipSpaces(t, at);
  i += i < t.size() && t[i] == ',' ? 1 : AlternativeAt(t, i, {"，"});
  i = SkipSpaces(t, i);
  if (!LiteralAt(t, i, "占")) return std::nullopt;
  i += 3;
  for (int linking = 0;; ++linking) {
    const size_t number = SkipSpaces(t, i);
    if (const size_t number_end = NumberEnd(t, number); number_end != kNone) {
      const size_t sign = SkipSpaces(t, number_end);
      if (sign < t.size() && t[sign] == '%') return MakeMatch(at, sign + 1, {{number, number_end}});
    }
    if (linking == 12) return std::nullopt;
    const size_t length = CharLength(t, i);
    if (length == 0) return std::nullopt;
    const std::string_view c = t.substr(i, length);
    if (IsDigit(c[0]) || c == "%" || c == ";" || c == "。") return std::nullopt;
    i += length;
  }
}

// ---------------------------------------------------------------------------
// Budget against final, Xinjiang form
// ---------------------------------------------------------------------------

// [,，]? at `i`: the bytes of the comma standing there, if any.
size_t OptionalComma(std::string_view t, size_t i) {
  return i < t.size() && t[i] == ',' ? 1 : AlternativeAt(t, i, {"，"});
}

// NUM\s*(万元|元) at `i`: the number and the unit; nothing when either is
// missing.
std::optional<std::pair<Span, Span>> AmountAt(std::string_view t, size_t i) {
  const size_t number_end = NumberEnd(t, i);
  if (number_end == kNone) return std::nullopt;
  const size_t unit = SkipSpaces(t, number_end);
  const size_t unit_bytes = AlternativeAt(t, unit, {"万元", "元"});
  if (unit_bytes == 0) return std::nullopt;
  return std::pair<Span, Span>{{i, number_end}, {unit, unit + unit_bytes}};
}

// (年初|全年|调整后)预算数?\s*NUM\s*(万元|元)\s*[,，]?\s*决算数?\s*NUM\s*(万元|元)
// \s*[,，]?\s*预决算差异率\s*NUM\s*%: every optional part and space run is
// followed by what it cannot match, so only the greedy reading succeeds.
std::optional<Match> XjBudgetVsFinalAt(std::string_view t, size_t at) {
  const size_t kind = AlternativeAt(t, at, {"年初", "全年", "调整后"});
  if (kind == 0 || !LiteralAt(t, at + kind, "预算")) return std::nullopt;
  size_t i = at + kind + 6;
  i += AlternativeAt(t, i, {"数"});
  const auto budget = AmountAt(t, SkipSpaces(t, i));
  if (!budget) return std::nullopt;
  i = SkipSpaces(t, budget->second.second);
  i = SkipSpaces(t, i + OptionalComma(t, i));
  if (!LiteralAt(t, i, "决算")) return std::nullopt;
  i += 6;
  i += AlternativeAt(t, i, {"数"});
  const auto final_amount = AmountAt(t, SkipSpaces(t, i));
  if (!final_amount) return std::nullopt;
  i = SkipSpaces(t, final_amount->second.second);
  i = SkipSpaces(t, i + OptionalComma(t, i));
  if (!LiteralAt(t, i, "预决算差异率")) return std::nullopt;
  const size_t rate = SkipSpaces(t, i + 18);
  const size_t rate_end = NumberEnd(t, rate);
  if (rate_end == kNone) return std::nullopt;
  const size_t sign = SkipSpaces(t, rate_end);
  if (sign >= t.size() || t[sign] != '%') return std::nullopt;
  return MakeMatch(at, sign + 1,
                   {{at, at + kind}, budget->first, budget->second, final_amount->first,
                    final_amount->second, {rate, rate_end}});
}

// ---------------------------------------------------------------------------
// General public budget items (类/款/项)
// ---------------------------------------------------------------------------

constexpr std::string_view kClassMark = "(类)";
constexpr std::string_view kGroupMark = "(款)";
constexpr std::string_view kItemMark = "(项)";

// (\p{Han}+)\s*\(类\)\s*(\p{Han}+)\s*\(款\)\s*((?:\p{Han}|\(|\))+?)\s*\(项\) with the
// class name from `at` to `class_end` (the end of its run of Han: a shorter
// name would leave a Han character where "(类)" or a space must stand, so
// the greedy runs are the only readings). The item name is the shortest run
// of Han characters and brackets that spaces and "(项)" follow.
std::optional<Match> GpbItemRestAt(std::string_view t, size_t at, size_t class_end) {
  size_t i = SkipSpaces(t, class_end);
  if (!LiteralAt(t, i, kClassMark)) return std::nullopt;
  const size_t group = SkipSpaces(t, i + kClassMark.size());
  const size_t group_end = HanRunEnd(t, group);
  if (group_end == group) return std::nullopt;
  i = SkipSpaces(t, group_end);
  if (!LiteralAt(t, i, kGroupMark)) return std::nullopt;
  const size_t item = SkipSpaces(t, i + kGroupMark.size());
  for (size_t item_end = item;;) {
    const size_t length = CharLength(t, item_end);
    if (length == 0) return std::nullopt;
    const char32_t c = CodePointAt(t, item_end, length);
    if (c != '(' && c != ')' && !IsHanCodePoint(c)) return std::nullopt;
    item_end += length;
    const size_t mark = SkipSpaces(t, item_end);
    if (LiteralAt(t, mark, kItemMark)) {
      return MakeMatch(at, mark + kItemMark.size(),
                       {{at, class_end}, {group, group_end}, {item, item_end}});
    }
  }
}

// (\p{Han}+)\s*\(类\)\s*(NUM)\s*(万元|元) then, when it follows,
// \s*[,，]?\s*占\s*(NUM)\s*%: the class name from `at` to `class_end` (the
// greedy run, as for items); each space run and the optional comma is
// followed by what it cannot match, so the greedy reading is the only one.
std::optional<Match> GpbClassRestAt(std::string_view t, size_t at, size_t class_end) {
  const size_t mark = SkipSpaces(t, class_end);
  if (!LiteralAt(t, mark, kClassMark)) return std::nullopt;
  const size_t number = SkipSpaces(t, mark + kClassMark.size());
  const size_t number_end = NumberEnd(t, number);
  if (number_end == kNone) return std::nullopt;
  const size_t unit = SkipSpaces(t, number_end);
  const size_t unit_bytes = AlternativeAt(t, unit, {"万元", "元"});
  if (unit_bytes == 0) return std::nullopt;
  const size_t unit_end = unit + unit_bytes;
  size_t i = SkipSpaces(t, unit_end);
  i += i < t.size() && t[i] == ',' ? 1 : AlternativeAt(t, i, {"，"});
  i = SkipSpaces(t, i);
  if (LiteralAt(t, i, "占")) {
    const size_t share = SkipSpaces(t, i + 3);
    if (const size_t share_end = NumberEnd(t, share); share_end != kNone) {
      const size_t sign = SkipSpaces(t, share_end);
      if (sign < t.size() && t[sign] == '%') {
        return MakeMatch(at, sign + 1, {{at, class_end}, {number, number_end}, {unit, unit_end},
                                        {share, share_end}});
      }
    }
  }
  return MakeMatch(at, unit_end,
                   {{at, class_end}, {number, number_end}, {unit, unit_end}, kUnset});
}

// End of the run of Han characters and brackets, (?:\p{Han}|\(|\))*, at `i`.
size_t HanOrBracketRunEnd(std::string_view t, size_t i) {
  for (size_t length; (length = CharLength(t, i)) > 0;) {
    const char32_t c = CodePointAt(t, i, length);
    if (c != '(' && c != ')' && !IsHanCodePoint(c)) break;
    i += length;
  }
  return i;
}

// ((?:\p{Han}|\(|\))+?用车)\s*(\d+)\s*(辆) from `at`, whose run of Han and
// brackets ends at `run_end`: the category is the shortest run that holds
// one character at least before a 用车 and that a count of 辆 follows. (用车
// is Han itself, so every reading ends at one of the run's 用车.)
std::optional<Match> VehicleCategoryRestAt(std::string_view t, size_t at, size_t run_end) {
  constexpr std::string_view kVehicle = "用车";
  for (size_t word = text::Find(t, kVehicle, at + std::max<size_t>(1, CharLength(t, at)));
       word != kNone && word + kVehicle.size() <= run_end;
       word = text::Find(t, kVehicle, word + 3)) {
    const size_t name_end = word + kVehicle.size();
    const size_t count = SkipSpaces(t, name_end);
    const size_t count_end = DigitsEnd(t, count, kNone);
    if (count_end == count) continue;
    const size_t unit = SkipSpaces(t, count_end);
    if (LiteralAt(t, unit, "辆")) {
      return MakeMatch(at, unit + 3, {{at, name_end}, {count, count_end}, {unit, unit + 3}});
    }
  }
  return std::nullopt;
}

// Leftmost match of a pattern that begins with a run of Han, \p{Han}+ (or of
// the characters `run_end_at` measures), read by `rest_at(t, at, run_end)`.
// Every start inside one run shares the run's end, and so its outcome: a
// failed run is passed whole.
template <typename RestAt>
std::optional<Match> LeftmostAfterHanRun(std::string_view t, size_t from, RE2::Anchor anchor,
                                         RestAt rest_at, size_t (*run_end_at)(std::string_view,
                                                                              size_t) = HanRunEnd) {
  for (size_t at = from; at < t.size();) {
    const size_t run_end = run_end_at(t, at);
    if (run_end > at) {
      if (auto m = rest_at(t, at, run_end)) return m;
      if (anchor == RE2::ANCHOR_START) return std::nullopt;
      at = run_end;
      continue;
    }
    if (anchor == RE2::ANCHOR_START) return std::nullopt;
    at += std::max<size_t>(1, CharLength(t, at));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Year, reason lead, no comparable rate
// ---------------------------------------------------------------------------

// (\d{4})\s*年度
std::optional<Match> YearAt(std::string_view t, size_t at) {
  if (at >= t.size() || !IsDigit(t[at])) return std::nullopt;
  const size_t digits_end = DigitsEnd(t, at, 4);
  if (digits_end - at != 4) return std::nullopt;
  const size_t word = SkipSpaces(t, digits_end);
  if (!LiteralAt(t, word, "年度")) return std::nullopt;
  return MakeMatch(at, word + 6, {{at, digits_end}});
}

// The leftmost (\d{4})\s*年度 from `from`: found from its 年度.
std::optional<Match> LeftmostYear(std::string_view t, size_t from) {
  for (size_t word = text::Find(t, "年度", from); word != kNone;
       word = text::Find(t, "年度", word + 3)) {
    if (const size_t year = YearStart(t, from, word); year != kNone) return YearAt(t, year);
  }
  return std::nullopt;
}

// 主要原因(?:是|为)?\s*:?\s*: nothing after the literal can fail, so each
// optional part takes what it can.
std::optional<Match> ReasonLeadAt(std::string_view t, size_t at) {
  if (!LiteralAt(t, at, "主要原因")) return std::nullopt;
  size_t i = at + 12;
  i += AlternativeAt(t, i, {"是", "为"});
  i = SkipSpaces(t, i);
  if (i < t.size() && t[i] == ':') ++i;
  return MakeMatch(at, SkipSpaces(t, i), {});
}

// (无可比性|不适用)
std::optional<Match> NoComparableRateAt(std::string_view t, size_t at) {
  const size_t n = AlternativeAt(t, at, {"无可比性", "不适用"});
  if (n == 0) return std::nullopt;
  return MakeMatch(at, at + n, {{at, at + n}});
}

// A pattern that begins with ^: anchored or not, it can match only at the
// start of the text (`at` returns nothing elsewhere).
std::optional<Match> AtTextStart(const Passage& p, size_t from, size_t to,
                                 std::optional<Match> (*at)(std::string_view, size_t)) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return at(*t, from);
}

}  // namespace

std::vector<Match> SearchAll(HandSearch search, const Passage& p, size_t from, size_t to) {
  std::vector<Match> out;
  while (auto m = search(p, from, to, RE2::UNANCHORED)) {
    out.push_back(*m);
    from = m->end > m->begin ? m->end : m->end + 1;
  }
  return out;
}

const RE2& GlossaryHeadPattern() {
  static const RE2 re(R"(^\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*([^:。,]{2,30}?)\s*:\s*)");
  return re;
}

std::optional<Match> SearchGlossaryHead(const Passage& p, size_t from, size_t to,
                                        RE2::Anchor /*anchor*/) {
  return AtTextStart(p, from, to, GlossaryHeadAt);
}

const RE2& DatePattern() {
  static const RE2 re(
      R"((截至|截止|至)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(前|以前|之前|底|末)?)");
  return re;
}

std::optional<Match> SearchDate(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  if (anchor == RE2::ANCHOR_START) return DateAt(*t, from);
  return LeftmostDate(*t, from);
}

const RE2& YoYPattern() {
  // 增加D万元，增长g% | 减少D万元，下降g% | 增加D万元
  static const RE2 re(absl::StrCat(R"((增加|减少)\s*)", kNum, kMoney,
                                   R"((?:\s*[,，]?\s*(增长|下降)\s*)", kNum, R"(\s*%)?)"));
  return re;
}

std::optional<Match> SearchYoY(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"增加", "减少"}, YoYAt);
}

const RE2& ListedTablePattern() {
  static const RE2 re(R"(^\s*(?:[一二三四五六七八九十]+、)?\s*《([^》]+)》)");
  return re;
}

std::optional<Match> SearchListedTable(const Passage& p, size_t from, size_t to,
                                       RE2::Anchor /*anchor*/) {
  return AtTextStart(p, from, to, ListedTableAt);
}

const RE2& SharePattern() {
  static const RE2 re(absl::StrCat(R"(\s*[,，]?\s*占[^\d%。;]{0,12}?\s*)", kNum, R"(\s*%)"));
  return re;
}

std::optional<Match> SearchShare(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return Leftmost(*t, from, anchor, ShareAt);
}

const RE2& YearPattern() {
  static const RE2 re(R"((\d{4})\s*年度)");
  return re;
}

std::optional<Match> SearchYear(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  if (anchor == RE2::ANCHOR_START) return YearAt(*t, from);
  return LeftmostYear(*t, from);
}

const RE2& ReasonLeadPattern() {
  static const RE2 re(R"(主要原因(?:是|为)?\s*:?\s*)");
  return re;
}

std::optional<Match> SearchReasonLead(const Passage& p, size_t from, size_t to,
                                      RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"主要原因"}, ReasonLeadAt);
}

bool IsHanCodePoint(char32_t c) {
  // RE2's \p{Han} (Unicode 15 scripts), range by range.
  static constexpr std::pair<char32_t, char32_t> kHan[] = {
      {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3005, 0x3005},
      {0x3007, 0x3007},   {0x3021, 0x3029},   {0x3038, 0x303B},   {0x3400, 0x4DBF},
      {0x4E00, 0x9FFF},   {0xF900, 0xFA6D},   {0xFA70, 0xFAD9},   {0x16FE2, 0x16FE3},
      {0x16FF0, 0x16FF1}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B739}, {0x2B740, 0x2B81D},
      {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
      {0x31350, 0x323AF},
  };
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // nearly every character asked about
  if (c < 0x2E80) return false;
  for (const auto& [first, last] : kHan) {
    if (c < first) return false;
    if (c <= last) return true;
  }
  return false;
}

const RE2& GpbItemPattern() {
  static const RE2 re(
      R"((\p{Han}+)\s*\(类\)\s*(\p{Han}+)\s*\(款\)\s*((?:\p{Han}|\(|\))+?)\s*\(项\))");
  return re;
}

std::optional<Match> SearchGpbItem(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterHanRun(*t, from, anchor, GpbItemRestAt);
}

const RE2& VehicleCategoryPattern() {
  static const RE2 re(R"(((?:\p{Han}|\(|\))+?用车)\s*(\d+)\s*(辆))");
  return re;
}

std::optional<Match> SearchVehicleCategory(const Passage& p, size_t from, size_t to,
                                           RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterHanRun(*t, from, anchor, VehicleCategoryRestAt, HanOrBracketRunEnd);
}

// ---------------------------------------------------------------------------
// A word, then text to the end of the sentence
// ---------------------------------------------------------------------------

namespace {

// End of [^。]* (or [^。;]* with `semicolon`) from `i`: whole characters up
// to the first 。, as RE2 reads a negated class (a character cut by the end
// of the text is not one).
size_t SentenceRestEnd(std::string_view t, size_t i, bool semicolon = false) {
  for (size_t length; (length = CharLength(t, i)) > 0; i += length) {
    if (LiteralAt(t, i, "。") || (semicolon && t[i] == ';')) break;
  }
  return i;
}

// \s*[:：]\s* at `i`: the end, kNone when there is no colon.
size_t ColonEnd(std::string_view t, size_t i) {
  i = SkipSpaces(t, i);
  const size_t colon = i < t.size() && t[i] == ':' ? 1 : AlternativeAt(t, i, {"："});
  return colon == 0 ? kNone : SkipSpaces(t, i + colon);
}

// 开支内容(?:包括|主要是|为)?\s*:?\s*([^。]*): everything after the word may
// be empty, so the greedy reading always matches.
std::optional<Match> SpendingContentAt(std::string_view t, size_t at) {
  if (!LiteralAt(t, at, "开支内容")) return std::nullopt;
  size_t i = at + 12;
  i += AlternativeAt(t, i, {"包括", "主要是", "为"});
  i = SkipSpaces(t, i);
  if (i < t.size() && t[i] == ':') ++i;
  i = SkipSpaces(t, i);
  const size_t end = SentenceRestEnd(t, i);
  return MakeMatch(at, end, {{i, end}});
}

// 主要用于\s*[:：]\s*([^。]*): the colon must follow the spaces.
std::optional<Match> PurposeAt(std::string_view t, size_t at) {
  if (!LiteralAt(t, at, "主要用于")) return std::nullopt;
  const size_t i = ColonEnd(t, at + 12);
  if (i == kNone) return std::nullopt;
  const size_t end = SentenceRestEnd(t, i);
  return MakeMatch(at, end, {{i, end}});
}

// 差异原因(?:是|为)?\s*:\s*([^。]*): without 是/为 the colon could not
// follow either, so the greedy reading is the only one.
std::optional<Match> DifferenceReasonAt(std::string_view t, size_t at) {
  if (!LiteralAt(t, at, "差异原因")) return std::nullopt;
  size_t i = SkipSpaces(t, at + 12 + AlternativeAt(t, at + 12, {"是", "为"}));
  if (i >= t.size() || t[i] != ':') return std::nullopt;
  i = SkipSpaces(t, i + 1);
  const size_t end = SentenceRestEnd(t, i);
  return MakeMatch(at, end, {{i, end}});
}

// (?:主要)?包括\s*[:：]\s*([^。;]*).
std::optional<Match> IncludesListAt(std::string_view t, size_t at) {
  const size_t word = LiteralAt(t, at, "主要") ? at + 6 : at;
  if (!LiteralAt(t, word, "包括")) return std::nullopt;
  const size_t i = ColonEnd(t, word + 6);
  if (i == kNone) return std::nullopt;
  const size_t end = SentenceRestEnd(t, i, /*semicolon=*/true);
  return MakeMatch(at, end, {{i, end}});
}

// (?:支出)?(?:决算)?(?:数)?(?:为)?\s*NUM\s*(万元|元): each word is left out
// only for what follows, which cannot begin as it does, so the greedy
// reading is the only one that can match.
std::optional<Match> ItemFinalAt(std::string_view t, size_t at) {
  size_t i = at;
  for (std::string_view word : {"支出", "决算", "数", "为"}) {
    if (LiteralAt(t, i, word)) i += word.size();
  }
  const auto amount = AmountAt(t, SkipSpaces(t, i));
  if (!amount) return std::nullopt;
  return MakeMatch(at, amount->second.second, {amount->first, amount->second});
}

// 下设\s*(\d+)\s*(个)(?:内设)?(?:科室|处室|部门|机构)[^:]*:\s*([^。]+). The
// words are told apart by their first characters and [^:]* can only stop at
// the first colon, so the one reading to try is the greedy one, but for the
// last group: it needs a character, and takes the last space the \s* before
// it would have taken when nothing else stands before the 。.
std::optional<Match> DepartmentsAt(std::string_view t, size_t at) {
  if (!LiteralAt(t, at, "下设")) return std::nullopt;
  const size_t count = SkipSpaces(t, at + 6);
  const size_t count_end = DigitsEnd(t, count, kNone);
  if (count_end == count) return std::nullopt;
  const size_t unit = SkipSpaces(t, count_end);
  if (!LiteralAt(t, unit, "个")) return std::nullopt;
  size_t i = unit + 3;
  auto kind_at = [&](size_t k) { return AlternativeAt(t, k, {"科室", "处室", "部门", "机构"}); };
  if (LiteralAt(t, i, "内设") && kind_at(i + 6) > 0) i += 6;
  const size_t kind = kind_at(i);
  if (kind == 0) return std::nullopt;
  i += kind;
  // [^:]* then ':': whole characters up to the first colon.
  for (size_t length; (length = CharLength(t, i)) > 0 && t[i] != ':';) i += length;
  if (i >= t.size() || t[i] != ':') return std::nullopt;
  const size_t colon_end = i + 1;
  size_t list = SkipSpaces(t, colon_end);
  size_t end = SentenceRestEnd(t, list);
  if (end == list) {
    if (list == colon_end) return std::nullopt;
    end = SentenceRestEnd(t, --list);
  }
  return MakeMatch(at, end, {{count, count_end}, {unit, unit + 3}, {list, end}});
}

// Whether 无/没有 stands in [a, c) after the last 原 or 因 there: what
// NoSangongPattern needs before the 三公 at `c` ([a, c) holding no 。 or :).
bool NoBefore(std::string_view t, size_t a, size_t c) {
  const std::string_view before = t.substr(0, c);
  size_t lo = a;
  for (std::string_view stop : {"原", "因"}) {
    for (size_t r = text::Find(before, stop, lo); r != kNone; r = text::Find(before, stop, r + 3)) {
      lo = r + 3;
    }
  }
  return text::Find(before, "无", lo) != kNone || text::Find(before, "没有", lo) != kNone;
}

// Where `t` stops being whole characters: before a character the end cuts.
size_t WholeCharsEnd(std::string_view t) {
  size_t lead = t.size();
  auto continuation = [&](size_t i) { return (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80; };
  while (lead > 0 && t.size() - lead < 4 && continuation(lead - 1)) --lead;
  if (lead == 0) return t.size();
  return CharLength(t, lead - 1) == 0 ? lead - 1 : t.size();
}

// (?:国内)?公务接待\s*(\d+)\s*(批次)\s*[,，]?\s*(?:共?计?接待)?\s*(\d+)\s*(人次):
// each optional part is followed by what it cannot begin like, so the
// greedy reading is the only one that can match.
std::optional<Match> ReceptionAt(std::string_view t, size_t at) {
  size_t i = at + (LiteralAt(t, at, "国内") ? 6 : 0);
  if (!LiteralAt(t, i, "公务接待")) return std::nullopt;
  const size_t batches = SkipSpaces(t, i + 12);
  const size_t batches_end = DigitsEnd(t, batches, kNone);
  if (batches_end == batches) return std::nullopt;
  const size_t batch_unit = SkipSpaces(t, batches_end);
  if (!LiteralAt(t, batch_unit, "批次")) return std::nullopt;
  i = SkipSpaces(t, batch_unit + 6);
  i = SkipSpaces(t, i + OptionalComma(t, i));
  size_t j = i;
  if (LiteralAt(t, j, "共")) j += 3;
  if (LiteralAt(t, j, "计")) j += 3;
  if (LiteralAt(t, j, "接待")) i = j + 6;
  const size_t persons = SkipSpaces(t, i);
  const size_t persons_end = DigitsEnd(t, persons, kNone);
  if (persons_end == persons) return std::nullopt;
  const size_t person_unit = SkipSpaces(t, persons_end);
  if (!LiteralAt(t, person_unit, "人次")) return std::nullopt;
  return MakeMatch(at, person_unit + 6,
                   {{batches, batches_end}, {batch_unit, batch_unit + 6}, {persons, persons_end},
                    {person_unit, person_unit + 6}});
}

// \(([^()]*(?:行政单位|参照公务员法)[^()]*)\) at `at`: [^()]* cannot pass a
// bracket, so the match runs to the next bracket, which must close it, and
// holds one of the words (wherever it stands, one of the readings finds it).
std::optional<Match> OperatingScopeAt(std::string_view t, size_t at) {
  if (at >= t.size() || t[at] != '(') return std::nullopt;
  size_t close = at + 1;
  for (size_t length; (length = CharLength(t, close)) > 0 && t[close] != '(' && t[close] != ')';) {
    close += length;
  }
  if (close >= t.size() || t[close] != ')') return std::nullopt;
  const std::string_view inside = t.substr(0, close);
  if (text::Find(inside, "行政单位", at + 1) == kNone &&
      text::Find(inside, "参照公务员法", at + 1) == kNone) {
    return std::nullopt;
  }
  return MakeMatch(at, close + 1, {{at + 1, close}});
}

}  // namespace

const RE2& OperatingScopePattern() {
  static const RE2 re(R"(\(([^()]*(?:行政单位|参照公务员法)[^()]*)\))");
  return re;
}

std::optional<Match> SearchOperatingScope(const Passage& p, size_t from, size_t to,
                                          RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  if (anchor == RE2::ANCHOR_START) return OperatingScopeAt(*t, from);
  for (size_t at = t->find('(', from); at != kNone; at = t->find('(', at + 1)) {
    if (auto m = OperatingScopeAt(*t, at)) return m;
  }
  return std::nullopt;
}

const RE2& ReceptionPattern() {
  static const RE2 re(
      R"((?:国内)?公务接待\s*(\d+)\s*(批次)\s*[,，]?\s*(?:共?计?接待)?\s*(\d+)\s*(人次))");
  return re;
}

std::optional<Match> SearchReception(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"国内", "公务接待"}, ReceptionAt);
}

const RE2& NoSangongPattern() {
  static const RE2 re(R"([^。:]*(?:无|没有)[^。:原因]*“?三公”?经费[^。:]*。?)");
  return re;
}

std::optional<Match> SearchNoSangong(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  // A match is a whole stretch between 。 and : marks (from where the search
  // starts, at a whole character) that holds 无/没有 and then, with no 原 or
  // 因 between, a 三公 that 经费 follows; with the 。 that ends it.
  size_t a = from;
  while (a < t->size() && CharLength(*t, a) == 0) {
    if (anchor == RE2::ANCHOR_START) return std::nullopt;
    ++a;
  }
  const size_t whole_end = WholeCharsEnd(*t);
  for (size_t c = text::Find(*t, "三公", a); c != kNone && c + 6 <= whole_end;
       c = text::Find(*t, "三公", c + 6)) {
    if (!LiteralAt(*t, c + 6, "经费") && !LiteralAt(*t, c + 6, "”经费")) continue;
    const std::string_view head = t->substr(a, c - a);
    const size_t full_stop = head.rfind("。"), colon = head.rfind(':');
    size_t start = a;
    if (full_stop != kNone) start = a + full_stop + 3;
    if (colon != kNone) start = std::max(start, a + colon + 1);
    if (anchor == RE2::ANCHOR_START && start != a) return std::nullopt;
    if (!NoBefore(*t, start, c)) continue;
    const size_t end = std::min({text::Find(*t, "。", c), t->find(':', c), whole_end});
    return MakeMatch(start, LiteralAt(*t, end, "。") ? end + 3 : end, {});
  }
  return std::nullopt;
}

const RE2& DepartmentsPattern() {
  static const RE2 re(R"(下设\s*(\d+)\s*(个)(?:内设)?(?:科室|处室|部门|机构)[^:]*:\s*([^。]+))");
  return re;
}

std::optional<Match> SearchDepartments(const Passage& p, size_t from, size_t to,
                                       RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"下设"}, DepartmentsAt);
}

std::string StaffRowPattern(std::string_view label) {
  return std::string(label) + R"(\s*(\d+)\s*(人)\s*[,，]?\s*(?:(增加|减少)\s*(\d+)\s*人)?)";
}

std::optional<Match> SearchStaffRow(const Passage& p, std::string_view label, size_t from,
                                    size_t to) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  // Spaces, digits, 人, commas and 增加/减少 are told apart by their first
  // bytes, and the change is optional at the end: the greedy reading is the
  // one that matches.
  for (size_t at = text::Find(*t, label, from); at != kNone; at = text::Find(*t, label, at + 1)) {
    const size_t count = SkipSpaces(*t, at + label.size());
    const size_t count_end = DigitsEnd(*t, count, kNone);
    if (count_end == count) continue;
    const size_t unit = SkipSpaces(*t, count_end);
    if (!LiteralAt(*t, unit, "人")) continue;
    size_t i = SkipSpaces(*t, unit + 3);
    i = SkipSpaces(*t, i + OptionalComma(*t, i));
    Span direction = kUnset, change = kUnset;
    if (const size_t word = AlternativeAt(*t, i, {"增加", "减少"}); word > 0) {
      const size_t n = SkipSpaces(*t, i + word);
      const size_t n_end = DigitsEnd(*t, n, kNone);
      const size_t person = SkipSpaces(*t, n_end);
      if (n_end > n && LiteralAt(*t, person, "人")) {
        direction = {i, i + word};
        change = {n, n_end};
        i = person + 3;
      }
    }
    return MakeMatch(at, i, {{count, count_end}, {unit, unit + 3}, direction, change});
  }
  return std::nullopt;
}

const RE2& SpendingContentPattern() {
  static const RE2 re(R"(开支内容(?:包括|主要是|为)?\s*:?\s*([^。]*))");
  return re;
}

std::optional<Match> SearchSpendingContent(const Passage& p, size_t from, size_t to,
                                           RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"开支内容"}, SpendingContentAt);
}

const RE2& PurposePattern() {
  static const RE2 re(R"(主要用于\s*[:：]\s*([^。]*))");
  return re;
}

std::optional<Match> SearchPurpose(const Passage& p, size_t from, size_t to, RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"主要用于"}, PurposeAt);
}

const RE2& DifferenceReasonPattern() {
  static const RE2 re(R"(差异原因(?:是|为)?\s*:\s*([^。]*))");
  return re;
}

std::optional<Match> SearchDifferenceReason(const Passage& p, size_t from, size_t to,
                                            RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"差异原因"}, DifferenceReasonAt);
}

const RE2& IncludesListPattern() {
  static const RE2 re(R"((?:主要)?包括\s*[:：]\s*([^。;]*))");
  return re;
}

std::optional<Match> SearchIncludesList(const Passage& p, size_t from, size_t to,
                                        RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  // A match begins at 主要 or at 包括: tried at each, nearest first.
  return LeftmostAfterLiterals(*t, from, anchor, {"主要", "包括"}, IncludesListAt);
}

const RE2& ItemFinalPattern() {
  static const RE2 re(absl::StrCat(R"((?:支出)?(?:决算)?(?:数)?(?:为)?\s*)", kNum, kMoney));
  return re;
}

std::optional<Match> SearchItemFinal(const Passage& p, size_t from, size_t to,
                                     RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return Leftmost(*t, from, anchor, ItemFinalAt);
}

std::optional<Match> AmountAfterLabel(std::string_view t, size_t begin, size_t label_end) {
  size_t i = label_end;
  for (int linking = 0;; ++linking) {
    if (auto amount = AmountAt(t, SkipSpaces(t, i))) {
      return MakeMatch(begin, amount->second.second, {amount->first, amount->second});
    }
    if (linking == 8) return std::nullopt;
    const size_t length = CharLength(t, i);
    if (length == 0) return std::nullopt;
    const std::string_view c = t.substr(i, length);
    if (IsDigit(c[0]) || c == "," || c == ";" || c == ":" || c == "%" || c == "。") {
      return std::nullopt;
    }
    i += length;
  }
}

const RE2& XjBudgetVsFinalPattern() {
  static const RE2 re(absl::StrCat(R"((年初|全年|调整后)预算数?\s*)", kNum, kMoney,
                                   R"(\s*[,，]?\s*决算数?\s*)", kNum, kMoney,
                                   R"(\s*[,，]?\s*预决算差异率\s*)", kNum, R"(\s*%)"));
  return re;
}

std::optional<Match> SearchXjBudgetVsFinal(const Passage& p, size_t from, size_t to,
                                           RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"年初", "全年", "调整后"}, XjBudgetVsFinalAt);
}

const RE2& GpbClassPattern() {
  static const RE2 re(absl::StrCat(R"((\p{Han}+)\s*\(类\)\s*)", kNum, kMoney,
                                   R"((?:\s*[,，]?\s*占\s*)", kNum, R"(\s*%)?)"));
  return re;
}

std::optional<Match> SearchGpbClass(const Passage& p, size_t from, size_t to,
                                    RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterHanRun(*t, from, anchor, GpbClassRestAt);
}

const RE2& NoComparableRatePattern() {
  static const RE2 re(R"((无可比性|不适用))");
  return re;
}

std::optional<Match> SearchNoComparableRate(const Passage& p, size_t from, size_t to,
                                            RE2::Anchor anchor) {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return LeftmostAfterLiterals(*t, from, anchor, {"无可比性", "不适用"}, NoComparableRateAt);
}

// ---------------------------------------------------------------------------
// Literal labels
// ---------------------------------------------------------------------------

std::optional<LiteralLabel> LiteralLabel::Parse(std::string_view pattern) {
  LiteralLabel label;
  size_t i = 0;
  while (i < pattern.size()) {
    std::optional<LiteralPart> read = LiteralPartAt(pattern, i);
    if (!read) return std::nullopt;
    i += read->length;
    Part part{std::move(read->alternatives), read->optional};
    // Other repetitions, and the lazy `??`, are beyond a label.
    if (i < pattern.size() && std::string_view("?*+{").find(pattern[i]) != std::string_view::npos) {
      return std::nullopt;
    }
    // Plain characters in a row are one literal.
    Part* last = label.parts_.empty() ? nullptr : &label.parts_.back();
    if (last && !last->optional && !part.optional && last->alternatives.size() == 1 &&
        part.alternatives.size() == 1) {
      last->alternatives[0] += part.alternatives[0];
    } else {
      label.parts_.push_back(std::move(part));
    }
  }
  // A match begins with an alternative of the first part, or, when that is
  // left out, of the next one, up to the first part that must be there.
  for (const Part& part : label.parts_) {
    label.first_literals_.insert(label.first_literals_.end(), part.alternatives.begin(),
                                 part.alternatives.end());
    if (!part.optional) return label;
  }
  return std::nullopt;  // everything optional: it would match nothing at all
}

template <typename Take>
bool LiteralLabel::ForEachEnd(std::string_view t, size_t part, size_t at,
                              const Take& take) const {
  if (part == parts_.size()) return take(at);
  const Part& p = parts_[part];
  for (const std::string& alternative : p.alternatives) {
    if (LiteralAt(t, at, alternative) && ForEachEnd(t, part + 1, at + alternative.size(), take)) {
      return true;
    }
  }
  return p.optional && ForEachEnd(t, part + 1, at, take);
}

template <typename AtStart>
std::optional<Match> LiteralLabel::Leftmost(std::string_view t, size_t from,
                                            const AtStart& at) const {
  return AttemptWhereLiteralsStand(t, from, first_literals_, at);
}

std::optional<Match> LiteralLabel::Search(const Passage& p, size_t from, size_t to) const {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  return Leftmost(*t, from, [&](size_t start) -> std::optional<Match> {
    size_t end = kNone;
    ForEachEnd(*t, 0, start, [&](size_t e) {
      end = e;
      return true;
    });
    if (end == kNone) return std::nullopt;
    return MakeMatch(start, end, {});
  });
}

std::optional<Match> LiteralLabel::SearchFollowedBy(
    std::string_view t, size_t from,
    absl::FunctionRef<std::optional<Match>(size_t start, size_t label_end)> rest) const {
  if (from > t.size()) return std::nullopt;
  return Leftmost(t, from, [&](size_t start) {
    std::optional<Match> m;
    ForEachEnd(t, 0, start, [&](size_t label_end) {
      m = rest(start, label_end);
      return m.has_value();
    });
    return m;
  });
}

std::optional<Match> LiteralLabel::SearchAmount(std::string_view t, size_t from) const {
  return SearchFollowedBy(t, from, [&](size_t start, size_t label_end) {
    return AmountAfterLabel(t, start, label_end);
  });
}

// ---------------------------------------------------------------------------
// Counts after a label
// ---------------------------------------------------------------------------

std::optional<CountAfterLabel> CountAfterLabel::Parse(std::string_view pattern) {
  // The pattern ends in "(\d+)\s*(U1|U2|…)"; before that come "\s*", and
  // "(?:为)?\s*" after it when the label may be followed by 为.
  constexpr std::string_view kNumber = "\\s*(\\d+)\\s*(";
  constexpr std::string_view kWei = "\\s*(?:为)?";
  if (!pattern.ends_with(")")) return std::nullopt;
  const size_t number = pattern.rfind(kNumber);
  if (number == std::string_view::npos) return std::nullopt;
  std::vector<std::string> units;
  const std::string_view unit_list =
      pattern.substr(number + kNumber.size(), pattern.size() - 1 - number - kNumber.size());
  for (size_t i = 0; i <= unit_list.size();) {
    const size_t bar = std::min(unit_list.find('|', i), unit_list.size());
    // A unit is a plain word.
    const std::string_view unit = unit_list.substr(i, bar - i);
    if (unit.empty() || unit.find_first_of("\\^$.|?*+()[]{}") != std::string_view::npos) {
      return std::nullopt;
    }
    units.emplace_back(unit);
    i = bar + 1;
  }
  std::string_view head = pattern.substr(0, number);
  const bool optional_wei = head.ends_with(kWei);
  if (optional_wei) head.remove_suffix(kWei.size());
  auto label = LiteralLabel::Parse(head);
  if (!label) return std::nullopt;
  return CountAfterLabel(*std::move(label), optional_wei, std::move(units));
}

std::optional<Match> CountAfterLabel::Search(const Passage& p, size_t from, size_t to) const {
  auto t = Window(p, from, to);
  if (!t) return std::nullopt;
  // After the label, spaces, 为 and digits are told apart by their first
  // byte, and the unit ends the pattern: only the greedy reading can match,
  // its unit the first alternative that stands there.
  auto rest = [&](size_t start, size_t label_end) -> std::optional<Match> {
    size_t i = SkipSpaces(*t, label_end);
    if (optional_wei_ && LiteralAt(*t, i, "为")) i = SkipSpaces(*t, i + 3);
    const size_t digits_end = DigitsEnd(*t, i, kNone);
    if (digits_end == i) return std::nullopt;
    const size_t unit = SkipSpaces(*t, digits_end);
    for (const std::string& u : units_) {
      if (LiteralAt(*t, unit, u)) {
        return MakeMatch(start, unit + u.size(), {{i, digits_end}, {unit, unit + u.size()}});
      }
    }
    return std::nullopt;
  };
  return label_.SearchFollowedBy(*t, from, rest);
}

namespace {

// What Matcher::Parse makes of each pattern, computed once per thread: a
// look-up takes no lock (the extractors ask for a matcher on every call). A
// node_hash_map, because the pointers handed out must stay valid while the
// cache grows (a flat map moves its values when it rehashes).
template <typename Matcher>
const Matcher* CachedMatcher(std::string_view pattern) {
  thread_local absl::node_hash_map<std::string, std::optional<Matcher>> cache;
  auto it = cache.find(absl::string_view(pattern.data(), pattern.size()));
  if (it == cache.end()) {
    it = cache.emplace(std::string(pattern), Matcher::Parse(pattern)).first;
  }
  return it->second ? &*it->second : nullptr;
}

}  // namespace

const CountAfterLabel* CachedCountPattern(std::string_view pattern) {
  return CachedMatcher<CountAfterLabel>(pattern);
}

const LiteralLabel* CachedLiteralLabel(std::string_view pattern) {
  return CachedMatcher<LiteralLabel>(pattern);
}

}  // namespace juesuan::parse
