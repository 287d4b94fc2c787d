#include "services/parse/src/values.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/synchronization/mutex.h"

#include "common/text/decimal.h"
#include "common/text/search.h"

namespace juesuan::parse {
namespace {

// Whether one of the eight bytes at `p` is below 0x0E, as the line and page
// breaks ('\n', '\f', '\r') are: "has a byte less than n" on a 64-bit word,
// which never misses one.
bool MayHoldBreak(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  return ((w - kOnes * 0x0E) & ~w & kHigh) != 0;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

// Whether `pattern` has a `|` outside every group: then its matches need
// not begin alike. Escapes, character classes and \Q…\E quotes are skipped.
bool HasTopLevelAlternation(std::string_view pattern) {
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.size() && pattern[i + 1] == 'Q') {
          const size_t end = pattern.find("\\E", i + 2);
          if (end == std::string_view::npos) return false;
          i = end + 1;
        } else {
          ++i;
        }
        break;
      case '[': {
        // A ']' right after '[' or '[^' is a member, not the end.
        size_t j = i + 1;
        if (j < pattern.size() && pattern[j] == '^') ++j;
        if (j < pattern.size() && pattern[j] == ']') ++j;
        while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
        i = j;
        break;
      }
      case '(': ++depth; break;
      case ')': --depth; break;
      case '|': if (depth == 0) return true; break;
      default: break;
    }
  }
  return false;
}

// Reads one literal character of a pattern at `i` into `out`: an escaped
// punctuation character, or a whole UTF-8 character that is no
// metacharacter. Returns the pattern bytes read, 0 when there is none.
size_t PatternCharAt(std::string_view pattern, size_t i, std::string* out) {
  static constexpr std::string_view kMeta = "\\^$.|?*+()[]{}";
  if (i >= pattern.size()) return 0;
  const unsigned char c = static_cast<unsigned char>(pattern[i]);
  if (c == '\\') {
    if (i + 1 >= pattern.size()) return 0;
    const unsigned char e = static_cast<unsigned char>(pattern[i + 1]);
    if (e >= 0x80 || !std::ispunct(e)) return 0;  // \d, \s, \p… are classes
    out->push_back(static_cast<char>(e));
    return 2;
  }
  if (kMeta.find(static_cast<char>(c)) != std::string_view::npos) return 0;
  const size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (length == 0 || i + length > pattern.size()) return 0;
  out->append(pattern.substr(i, length));
  return length;
}

// An optional part at `i` — "(?:a|b|…)?" or one character and "?", greedy
// (a lazy "??" is left to RE2) — read into its literal alternatives; returns
// the pattern bytes read, 0 when there is none there.
size_t OptionalPartAt(std::string_view pattern, size_t i, std::vector<std::string>* alternatives) {
  std::optional<LiteralPart> part = LiteralPartAt(pattern, i);
  if (!part || !part->optional) return 0;
  if (i + part->length < pattern.size() && pattern[i + part->length] == '?') return 0;
  alternatives->insert(alternatives->end(), part->alternatives.begin(), part->alternatives.end());
  return part->length;
}

// The patterns this thread has searched without an anchor, each with the
// literals its matches begin with.
absl::flat_hash_map<std::string, std::vector<std::string>>& FirstLiteralsCache() {
  thread_local absl::flat_hash_map<std::string, std::vector<std::string>> cache;
  return cache;
}

// FirstLiteralsOf(re's pattern), read once per pattern and thread.
const std::vector<std::string>& FirstLiterals(const RE2& re) {
  auto& cache = FirstLiteralsCache();
  if (auto it = cache.find(re.pattern()); it != cache.end()) return it->second;
  const bool plain = re.options().case_sensitive() && !re.options().literal();
  return cache
      .emplace(re.pattern(), plain ? FirstLiteralsOf(re.pattern()) : std::vector<std::string>{})
      .first->second;
}

// A match anchored at `at` in [at, to), in two steps as RE2 makes an
// unanchored one: its DFA finds where the match ends (a failed attempt
// costs only the bytes it reads), then the groups are read from the match
// alone. Asked for the groups at once, RE2 runs a backtracker whose bitmap
// covers all the rest of the text, even when the match fails at once.
bool MatchAnchoredAt(const RE2& re, const std::string& t, size_t at, size_t to,
                     re2::StringPiece* pieces, int n) {
  if (!re.Match(t, at, to, RE2::ANCHOR_START, pieces, 1)) return false;
  if (n <= 1) return true;
  const size_t end = pieces[0].data() - t.data() + pieces[0].size();
  return re.Match(t, at, end, RE2::ANCHOR_BOTH, pieces, n);
}

// Runs `re` over [from, to), anchored as asked; fills `pieces`.
bool MatchPieces(const RE2& re, const std::string& t, size_t from, size_t to, RE2::Anchor anchor,
                 re2::StringPiece* pieces, int n) {
  if (anchor != RE2::UNANCHORED) return re.Match(t, from, to, anchor, pieces, n);
  // Every match starts with one of the pattern's first literals: the pattern
  // is tried only where they stand (within the window), rather than have the
  // regex engine walk every byte.
  const std::vector<std::string>& literals = FirstLiterals(re);
  if (literals.empty()) return re.Match(t, from, to, anchor, pieces, n);
  const std::string_view window = std::string_view(t).substr(0, std::min(to, t.size()));
  return AttemptWhereLiteralsStand(window, from, literals, [&](size_t at) {
    return MatchAnchoredAt(re, t, at, to, pieces, n);
  });
}

}  // namespace

std::string LiteralPrefixOf(std::string_view pattern) {
  static constexpr std::string_view kMeta = "\\^$.|?*+()[]{}";
  if (pattern.empty() || kMeta.find(pattern[0]) != std::string_view::npos) return "";
  if (HasTopLevelAlternation(pattern)) return "";
  size_t n = 0;
  while (n < pattern.size() && kMeta.find(pattern[n]) == std::string_view::npos) ++n;
  if (n < pattern.size() && std::string_view("?*+{").find(pattern[n]) != std::string_view::npos) {
    // The quantifier applies to the last character: drop it, all its bytes.
    do --n; while (n > 0 && (static_cast<unsigned char>(pattern[n]) & 0xC0) == 0x80);
  }
  return std::string(pattern.substr(0, n));
}

std::optional<LiteralPart> LiteralPartAt(std::string_view pattern, size_t i) {
  LiteralPart part;
  size_t j = i;
  if (pattern.substr(j).starts_with("(?:")) {
    j += 3;
    std::string alternative;
    for (;;) {
      if (j >= pattern.size()) return std::nullopt;
      if (pattern[j] == '|' || pattern[j] == ')') {
        if (alternative.empty()) return std::nullopt;
        part.alternatives.push_back(std::move(alternative));
        alternative.clear();
        if (pattern[j++] == ')') break;
        continue;
      }
      const size_t n = PatternCharAt(pattern, j, &alternative);
      if (n == 0) return std::nullopt;
      j += n;
    }
  } else {
    std::string c;
    const size_t n = PatternCharAt(pattern, j, &c);
    if (n == 0) return std::nullopt;
    j += n;
    part.alternatives.push_back(std::move(c));
  }
  if (j < pattern.size() && pattern[j] == '?') {
    part.optional = true;
    ++j;
  }
  part.length = j - i;
  return part;
}

std::vector<std::string> FirstLiteralsOf(std::string_view pattern) {
  if (HasTopLevelAlternation(pattern)) return {};
  std::vector<std::string> literals;
  size_t i = 0;
  for (;;) {
    if (std::string prefix = LiteralPrefixOf(pattern.substr(i)); !prefix.empty()) {
      literals.push_back(std::move(prefix));
      break;
    }
    const size_t n = OptionalPartAt(pattern, i, &literals);
    if (n == 0) return {};
    i += n;
  }
  for (const std::string& literal : literals) {
    if (literal.size() < 2) return {};  // too common to be worth looking for
  }
  return literals;
}

std::vector<std::string> PatternsSearchedOnThisThread() {
  std::vector<std::string> patterns;
  for (const auto& [pattern, literals] : FirstLiteralsCache()) patterns.push_back(pattern);
  return patterns;
}

const RE2& CachedPattern(const std::string& pattern) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new absl::flat_hash_map<std::string, std::unique_ptr<RE2>>();
  absl::MutexLock lock(&mu);
  auto& slot = (*cache)[pattern];
  if (!slot) slot = std::make_unique<RE2>(pattern);
  return *slot;
}

std::optional<Match> Search(const RE2& re, const Passage& p, size_t from, size_t to,
                            RE2::Anchor anchor) {
  const std::string& t = p.text();
  if (to > t.size()) to = t.size();
  if (from > to) return std::nullopt;
  // Most patterns have a few groups: keep their pieces off the heap.
  constexpr int kInlineGroups = 16;
  const int n = re.NumberOfCapturingGroups() + 1;
  re2::StringPiece inline_pieces[kInlineGroups];
  std::vector<re2::StringPiece> heap_pieces;
  re2::StringPiece* pieces = inline_pieces;
  if (n > kInlineGroups) {
    heap_pieces.resize(n);
    pieces = heap_pieces.data();
  }
  if (!MatchPieces(re, t, from, to, anchor, pieces, n)) return std::nullopt;
  Match m;
  m.begin = pieces[0].data() - t.data();
  m.end = m.begin + pieces[0].size();
  m.groups.resize(n);
  for (int i = 0; i < n; ++i) {
    if (pieces[i].data() == nullptr) {
      m.groups[i] = {std::string::npos, std::string::npos};
    } else {
      const size_t b = pieces[i].data() - t.data();
      m.groups[i] = {b, b + pieces[i].size()};
    }
  }
  return m;
}

std::vector<Match> SearchAll(const RE2& re, const Passage& p, size_t from, size_t to) {
  std::vector<Match> out;
  while (auto m = Search(re, p, from, to)) {
    out.push_back(*m);
    from = m->end > m->begin ? m->end : m->end + 1;
  }
  return out;
}

bool Holds(const Passage& p, std::string_view literal, size_t from, size_t to) {
  // Only the window is searched: the rest of a long passage is not read
  // when the literal is absent from a short window.
  const std::string_view window = std::string_view(p.text()).substr(0, to);
  return text::Find(window, literal, from) != std::string_view::npos;
}

std::string_view Group(const Passage& p, const Match& m, size_t i) {
  if (!m.has(i)) return {};
  return std::string_view(p.text()).substr(m.groups[i].first,
                                           m.groups[i].second - m.groups[i].first);
}

report::v1::Provenance ValueFactory::Prov(const Passage& p, size_t begin,
                                          size_t end) const {
  return doc_.Provenance(p.folded.ToOriginal(begin), p.folded.ToOriginal(end),
                         p.section_key);
}

std::pair<size_t, size_t> ValueFactory::ProvSpan(const Passage& p, size_t begin,
                                                 size_t end) const {
  return doc_.QuotedSpan(p.folded.ToOriginal(begin), p.folded.ToOriginal(end));
}

std::optional<report::v1::Amount> ValueFactory::MakeAmount(const Passage& p,
                                                          const Match& m, size_t num,
                                                          size_t unit) const {
  if (!m.has(num)) return std::nullopt;
  auto value = text::ParseDecimal(WithoutSpaces(Group(p, m, num)));
  if (!value.ok()) return std::nullopt;
  const bool yuan = m.has(unit) && Group(p, m, unit) == "元";
  const auto scale = yuan ? text::MoneyScale::kYuan : text::MoneyScale::kWanYuan;
  auto fen = text::ToFen(*value, scale);
  if (!fen.ok()) return std::nullopt;
  report::v1::Amount a;
  a.set_fen(*fen);
  a.set_quantum_fen(text::QuantumFen(value->scale, scale));
  a.set_unit(yuan ? report::v1::MONEY_UNIT_YUAN : report::v1::MONEY_UNIT_WAN_YUAN);
  const size_t end = m.has(unit) ? m.groups[unit].second : m.groups[num].second;
  *a.mutable_src() = Prov(p, m.groups[num].first, end);
  return a;
}

std::optional<report::v1::Percent> ValueFactory::MakePercent(const Passage& p,
                                                            const Match& m, size_t num,
                                                            bool has_sign) const {
  if (!m.has(num)) return std::nullopt;
  auto value = text::ParseDecimal(WithoutSpaces(Group(p, m, num)));
  if (!value.ok()) return std::nullopt;
  report::v1::Percent pct;
  pct.mutable_value()->set_digits(value->digits);
  pct.mutable_value()->set_scale(value->scale);
  pct.set_has_percent_sign(has_sign);
  size_t end = m.groups[num].second;
  const std::string& t = p.text();
  while (end < t.size() && t[end] == ' ') ++end;
  if (has_sign && end < t.size() && t[end] == '%') ++end;
  else end = m.groups[num].second;
  *pct.mutable_src() = Prov(p, m.groups[num].first, end);
  return pct;
}

std::optional<report::v1::Count> ValueFactory::MakeCount(const Passage& p, const Match& m,
                                                        size_t num, size_t unit) const {
  if (!m.has(num)) return std::nullopt;
  auto value = text::ParseDecimal(WithoutSpaces(Group(p, m, num)));
  if (!value.ok() || value->scale != 0) return std::nullopt;
  report::v1::Count c;
  c.set_value(value->digits);
  if (m.has(unit)) c.set_unit(std::string(Group(p, m, unit)));
  const size_t end = m.has(unit) ? m.groups[unit].second : m.groups[num].second;
  *c.mutable_src() = Prov(p, m.groups[num].first, end);
  return c;
}

report::v1::Text ValueFactory::MakeText(const Passage& p, size_t begin, size_t end) const {
  report::v1::Text t;
  *t.mutable_src() = Prov(p, begin, end);
  t.set_text(JoinLines(t.src().raw_text()));
  return t;
}

std::string ValueFactory::TextOf(const Passage& p, size_t begin, size_t end) const {
  const auto [quoted_begin, quoted_end] = ProvSpan(p, begin, end);
  return JoinLines(std::string_view(doc_.text()).substr(quoted_begin, quoted_end - quoted_begin));
}

std::string JoinLines(std::string_view raw) {
  // Line breaks, page breaks and the indentation after them are layout,
  // not text. Copied a line at a time.
  auto is_break = [](char c) { return c == '\n' || c == '\f' || c == '\r'; };
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    size_t stop = i;
    while (stop + 8 <= raw.size() && !MayHoldBreak(raw.data() + stop)) stop += 8;
    while (stop < raw.size() && !is_break(raw[stop])) ++stop;
    out.append(raw.substr(i, stop - i));
    if (stop == raw.size()) break;
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    i = stop + 1;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || is_break(raw[i]))) ++i;
  }
  return out;
}

}  // namespace juesuan::parse
