#include "services/parse/src/values.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "re2/filtered_re2.h"

#include "common/text/decimal.h"

namespace juesuan::parse {
namespace {

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

}  // namespace

const RE2& CachedPattern(const std::string& pattern) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new absl::flat_hash_map<std::string, std::unique_ptr<RE2>>();
  absl::MutexLock lock(&mu);
  auto& slot = (*cache)[pattern];
  if (!slot) slot = std::make_unique<RE2>(pattern);
  return *slot;
}

RequiredLiterals::RequiredLiterals(const RE2& re) {
  // The prefilter's literals are lower-cased; they can be looked up in the
  // folded text as they are only when lower-casing leaves them unchanged.
  if (!re.ok() || re.options().encoding() != RE2::Options::EncodingUTF8) return;
  re2::FilteredRE2 filter(kMinLiteralBytes);
  int id = 0;
  if (filter.Add(re.pattern(), re.options(), &id) != RE2::NoError) return;
  std::vector<std::string> literals;
  filter.Compile(&literals);
  if (literals.empty() || !std::all_of(literals.begin(), literals.end(), HasNoCase)) return;
  // The prefilter's formula is reduced, once, to what is cheap to test. It
  // is monotone (more literals present never rules a match out), so: a
  // literal is required when all the others together cannot match without
  // it; and when the required ones alone cannot match either, at least one
  // of the rest must be present too.
  auto may_match = [&](const std::vector<int>& present) {
    std::vector<int> candidates;
    filter.AllPotentials(present, &candidates);
    return !candidates.empty();
  };
  if (may_match({})) return;  // no literal is needed: nothing to test
  std::vector<int> required_ids;
  std::vector<std::string> rest;
  for (size_t i = 0; i < literals.size(); ++i) {
    std::vector<int> others;
    for (size_t j = 0; j < literals.size(); ++j) {
      if (j != i) others.push_back(static_cast<int>(j));
    }
    if (may_match(others)) {
      rest.push_back(literals[i]);
    } else {
      required_.push_back(literals[i]);
      required_ids.push_back(static_cast<int>(i));
    }
  }
  if (!may_match(required_ids) && rest.size() <= kMaxAlternatives) alternatives_ = rest;
}

bool RequiredLiterals::HasNoCase(const std::string& literal) {
  const auto* s = reinterpret_cast<const unsigned char*>(literal.data());
  size_t i = 0;
  while (i < literal.size()) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
      ++i;
      continue;
    }
    // Only three-byte sequences of the blocks below: general punctuation,
    // CJK symbols and the unified ideographs have no case.
    if ((c & 0xF0) != 0xE0 || i + 3 > literal.size()) return false;
    const uint32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    const bool caseless = (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                          (cp >= 0x4E00 && cp <= 0x9FFF);
    if (!caseless) return false;
    i += 3;
  }
  return true;
}

bool RequiredLiterals::MayMatch(std::string_view window) const {
  auto contains = [&](const std::string& l) {
    return memmem(window.data(), window.size(), l.data(), l.size()) != nullptr;
  };
  if (!std::all_of(required_.begin(), required_.end(), contains)) return false;
  return alternatives_.empty() || std::any_of(alternatives_.begin(), alternatives_.end(), contains);
}

namespace {

// The required literals of every pattern searched so far. Keyed by the
// pattern object; the pattern text is kept to notice an address reused by a
// different, shorter-lived pattern.
// The options that change what a pattern matches, as one value.
uint32_t OptionBits(const RE2::Options& o) {
  uint32_t bits = 0;
  for (bool flag : {o.case_sensitive(), o.longest_match(), o.literal(), o.posix_syntax(),
                    o.never_nl(), o.dot_nl(), o.never_capture(), o.perl_classes(),
                    o.word_boundary(), o.one_line(),
                    o.encoding() == RE2::Options::EncodingUTF8}) {
    bits = (bits << 1) | (flag ? 1u : 0u);
  }
  return bits;
}

const RequiredLiterals& LiteralsOf(const RE2& re) {
  struct Entry {
    std::string pattern;
    uint32_t options = 0;
    std::unique_ptr<RequiredLiterals> literals;
  };
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new absl::flat_hash_map<const RE2*, Entry>();
  absl::MutexLock lock(&mu);
  Entry& e = (*cache)[&re];
  if (!e.literals || e.pattern != re.pattern() || e.options != OptionBits(re.options())) {
    e.pattern = re.pattern();
    e.options = OptionBits(re.options());
    // Another thread may still hold the literals being replaced: keep them.
    static auto* retired = new std::vector<std::unique_ptr<RequiredLiterals>>();
    if (e.literals) retired->push_back(std::move(e.literals));
    e.literals = std::make_unique<RequiredLiterals>(re);
  }
  return *e.literals;
}

}  // namespace

std::optional<Match> Search(const RE2& re, const Passage& p, size_t from, size_t to,
                            RE2::Anchor anchor) {
  const std::string& t = p.text();
  if (to > t.size()) to = t.size();
  if (from > to) return std::nullopt;
  // A match lies inside [from, to), and so do the literals it contains.
  if (!LiteralsOf(re).MayMatch(std::string_view(t).substr(from, to - from))) {
    return std::nullopt;
  }
  constexpr int kInlineGroups = 16;
  const int n = re.NumberOfCapturingGroups() + 1;
  re2::StringPiece inline_pieces[kInlineGroups];
  std::vector<re2::StringPiece> heap_pieces;
  re2::StringPiece* pieces = inline_pieces;
  if (n > kInlineGroups) {
    heap_pieces.resize(n);
    pieces = heap_pieces.data();
  }
  if (!re.Match(t, from, to, anchor, pieces, n)) return std::nullopt;
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

std::string JoinLines(std::string_view raw) {
  // Line breaks, page breaks and the indentation after them are layout,
  // not text.
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == '\n' || raw[i] == '\f' || raw[i] == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      ++i;
      while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' ||
                                raw[i] == '\f' || raw[i] == '\r')) {
        ++i;
      }
      continue;
    }
    out.push_back(raw[i++]);
  }
  return out;
}

}  // namespace juesuan::parse
