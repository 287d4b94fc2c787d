#include "services/parse/src/sections.h"

#include <algorithm>
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/base/status_macros.h"
#include "common/text/search.h"
#include "re2/re2.h"

namespace juesuan::parse {
namespace {

// Heading shapes on the folded text (full-width brackets are folded to ASCII),
// read by hand rather than by a regex per line; each is exactly what the
// pattern beside it accepts (\s is [\t\n\f\r ], "." any character but \n):
//   level 1  ^\s*第[一二三四五六七八九十]+部分\s*(.*)$
//   level 2  ^\s*[一二三四五六七八九十]+、\s*(.*)$
//   level 3  ^\s*\([一二三四五六七八九十]+\)\s*(.*)$
struct HeadingShape {
  int level = 0;
  std::string_view rest;  // the title after the ordinal
};

bool IsPatternSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool Consume(std::string_view s, size_t& i, std::string_view word) {
  if (s.compare(i, word.size(), word) != 0) return false;
  i += word.size();
  return true;
}

// Whether one of the Chinese numerals 一 … 十 is encoded at s[i]: its three
// UTF-8 bytes read as one number, which a switch tells apart in a few
// comparisons rather than ten string compares.
bool NumeralAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  const uint32_t code = static_cast<uint32_t>(static_cast<uint8_t>(s[i])) << 16 |
                        static_cast<uint32_t>(static_cast<uint8_t>(s[i + 1])) << 8 |
                        static_cast<uint8_t>(s[i + 2]);
  switch (code) {
    case 0xE4B880:  // 一
    case 0xE4BA8C:  // 二
    case 0xE4B889:  // 三
    case 0xE59B9B:  // 四
    case 0xE4BA94:  // 五
    case 0xE585AD:  // 六
    case 0xE4B883:  // 七
    case 0xE585AB:  // 八
    case 0xE4B99D:  // 九
    case 0xE58D81:  // 十
      return true;
    default:
      return false;
  }
}

// Consumes a run of Chinese numerals; returns whether there was one.
bool ConsumeNumerals(std::string_view s, size_t& i) {
  const size_t start = i;
  while (NumeralAt(s, i)) i += 3;
  return i > start;
}

std::optional<HeadingShape> ReadHeadingShape(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsPatternSpace(s[i])) ++i;
  HeadingShape shape;
  if (Consume(s, i, "第")) {
    if (!ConsumeNumerals(s, i) || !Consume(s, i, "部分")) return std::nullopt;
    shape.level = 1;
  } else if (Consume(s, i, "(")) {
    if (!ConsumeNumerals(s, i) || !Consume(s, i, ")")) return std::nullopt;
    shape.level = 3;
  } else {
    if (!ConsumeNumerals(s, i) || !Consume(s, i, "、")) return std::nullopt;
    shape.level = 2;
  }
  while (i < s.size() && IsPatternSpace(s[i])) ++i;
  shape.rest = s.substr(i);
  if (shape.rest.find('\n') != std::string_view::npos) return std::nullopt;
  return shape;
}

constexpr size_t kMaxHeadingBytes = 120;

// Cheap test before the heading patterns: a heading starts with 第, a
// Chinese numeral or "(" once indentation is skipped.
bool MayBeHeading(std::string_view folded) {
  size_t i = folded.find_first_not_of(" \t\f\r");
  if (i == std::string_view::npos) return false;
  return folded[i] == '(' || folded.compare(i, 3, "第") == 0 || NumeralAt(folded, i);
}

// A heading is a short line; a line with sentence punctuation inside is
// prose that happens to start with an ordinal (e.g. a glossary entry).
bool LooksLikeHeadingText(std::string_view rest) {
  if (rest.size() > kMaxHeadingBytes) return false;
  for (std::string_view p : {":", "。", ",", ";"}) {
    const size_t at = text::Find(rest, p);
    if (at != std::string_view::npos && at + p.size() < rest.size()) return false;
  }
  return true;
}

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> ends) {
  for (std::string_view e : ends) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

// A numbered line no synonym matched is kept as an unknown section only if
// it looks like a heading: something after the ordinal, not the end of a
// sentence or a list item ("（十二）完成…任务。", "…法规、"), and not a
// table row printed in columns (a run of spaces inside, or deep indentation
// as in the right half of a two-sided table).
bool LooksLikeUnknownHeading(std::string_view raw, std::string_view rest) {
  if (rest.empty()) return false;
  if (EndsWithAny(rest, {"。", "、", ",", ";", "，", "；"})) return false;
  size_t indent = 0;
  while (indent < raw.size() && raw[indent] == ' ') ++indent;
  if (indent >= 8) return false;
  std::string_view body = raw.substr(indent);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\r')) body.remove_suffix(1);
  return body.find("   ") == std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::string_view StripOrdinal(std::string_view folded) {
  if (auto shape = ReadHeadingShape(folded)) return shape->rest;
  return folded;
}

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes of the year at s[i] as `\d{4}\s*年度?` matches it ("2024年度",
// "2024 年"), 0 when none starts there.
size_t YearLengthAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return 0;
  for (size_t k = 0; k < 4; ++k) {
    if (!IsAsciiDigit(s[i + k])) return 0;
  }
  size_t j = i + 4;
  while (j < s.size() && IsPatternSpace(s[j])) ++j;
  if (s.substr(j, 3) != "年") return 0;
  j += 3;
  if (s.substr(j, 3) == "度") j += 3;
  return j - i;
}

// The characters a heading's synonyms never depend on: spaces, quotes,
// title brackets, full stop, colon.
size_t IgnoredLengthAt(std::string_view s, size_t i) {
  switch (static_cast<unsigned char>(s[i])) {
    case ' ': case '\t': case '"': case '\'': case ':':
      return 1;
    case 0xE2: case 0xE3:  // lead byte of “ ” and of 《 》 。
      for (std::string_view mark : {"“", "”", "《", "》", "。"}) {
        if (s.substr(i, mark.size()) == mark) return mark.size();
      }
      return 0;
    default:
      return 0;
  }
}

// `s` without the runs `length_at(s, i)` reports: a length above 0 drops
// that many bytes at i.
template <typename LengthAt>
std::string Without(std::string_view s, LengthAt length_at) {
  // Written through a pointer: push_back's capacity check per byte costs
  // more than the test.
  std::string out(s.size(), '\0');
  char* kept = out.data();
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = length_at(s, i); n > 0) {
      i += n;
    } else {
      *kept++ = s[i++];
    }
  }
  out.resize(kept - out.data());
  return out;
}

// NormalizeHeading of a heading whose ordinal is stripped already: `title`
// is StripOrdinal(Trim(folded)).
std::string NormalizeStrippedHeading(std::string_view title, std::string_view unit_name) {
  // Lambdas rather than the functions themselves: Without inlines a call it
  // makes per byte instead of calling through a pointer.
  std::string s = Without(title, [](std::string_view t, size_t i) { return YearLengthAt(t, i); });
  if (!unit_name.empty() && text::Contains(s, unit_name)) {
    s = absl::StrReplaceAll(s, {{ToAbsl(unit_name), ""}});
  }
  return Without(s, [](std::string_view t, size_t i) { return IgnoredLengthAt(t, i); });
}

}  // namespace

// One pass each for the years and the ignored characters (the years first:
// "2024 年度" loses its space with its year).
std::string NormalizeHeading(std::string_view folded, std::string_view unit_name) {
  return NormalizeStrippedHeading(StripOrdinal(Trim(folded)), unit_name);
}

SectionIndex::SectionIndex(const SourceDocument& doc,
                           const config::v1::ParseConfig& config,
                           std::string_view unit_name,
                           const std::vector<bool>& skip_lines)
    : config_(config), unit_name_(text::NormalizeForMatching(unit_name)) {
  const auto& lines = doc.lines();
  std::string part_key;  // key of the current 第N部分
  for (uint32_t i = 0; i < lines.size(); ++i) {
    if (i < skip_lines.size() && skip_lines[i]) continue;
    const std::string& norm = lines[i].norm();
    if (!MayBeHeading(norm)) continue;
    const std::optional<HeadingShape> shape = ReadHeadingShape(norm);
    if (!shape) continue;
    const int level = shape->level;
    const std::string_view rest_view = shape->rest;
    // Prose that starts with an ordinal (a glossary entry "十三、“三公”经费：指…")
    // is not a heading, whatever words it contains.
    if (level != 1 && !LooksLikeHeadingText(rest_view)) continue;
    std::string synonym;
    // The shape read from the line is the one NormalizeHeading would read
    // again: its title, without the spaces Trim drops at the end, is what
    // StripOrdinal(Trim(norm)) gives.
    std::string key =
        MatchKey(NormalizeStrippedHeading(Trim(rest_view), unit_name_), level, &synonym);
    if (key.empty() && !LooksLikeUnknownHeading(lines[i].raw, rest_view)) continue;
    if (key.empty()) key = "OTHER";
    // Inside the tables part, numbered lines are table titles, whatever
    // words they contain ("九、《财政拨款“三公”经费支出决算表》").
    if (level == 1) part_key = key;
    else if (part_key == "TABLES") key = "TABLES";
    SectionSpan span;
    span.key = key;
    span.title = std::string(Trim(lines[i].raw));
    span.level = level;
    span.heading_line = i;
    span.body_first = i + 1;
    span.matched_synonym = synonym;
    sections_.push_back(std::move(span));
  }
  // A section's body runs to the next heading of the same or a higher level;
  // its direct text (before any sub-heading) is what KeyOfLine attributes to it.
  for (size_t s = 0; s < sections_.size(); ++s) {
    uint32_t last = static_cast<uint32_t>(lines.size());
    for (size_t t = s + 1; t < sections_.size(); ++t) {
      if (sections_[t].level <= sections_[s].level) {
        last = sections_[t].heading_line;
        break;
      }
    }
    sections_[s].body_last = last;
    for (uint32_t l = sections_[s].body_first; l < last; ++l) {
      if (!lines[l].blank() && !(l < skip_lines.size() && skip_lines[l])) {
        bool is_heading = false;
        for (size_t t = s + 1; t < sections_.size() && sections_[t].heading_line <= l; ++t) {
          if (sections_[t].heading_line == l) is_heading = true;
        }
        if (!is_heading) {
          sections_[s].has_body = true;
          break;
        }
      }
    }
  }
  // Sub-sections inherit the parent's family when their own key is unknown,
  // so that e.g. an unrecognised clause under N.SANGONG is still N.SANGONG.
  line_sections_.assign(lines.size(), -1);
  std::vector<const SectionSpan*> stack;
  size_t next = 0;
  for (uint32_t l = 0; l < lines.size(); ++l) {
    while (next < sections_.size() && sections_[next].heading_line == l) {
      while (!stack.empty() && stack.back()->level >= sections_[next].level) stack.pop_back();
      if (sections_[next].key == "OTHER" && !stack.empty() && stack.back()->key != "OTHER" &&
          sections_[next].level > 1) {
        sections_[next].key = stack.back()->key;
      }
      stack.push_back(&sections_[next]);
      ++next;
    }
    // A section's key changes only before it is on the stack: the key the
    // index stands for is the one the line has now.
    if (!stack.empty()) line_sections_[l] = static_cast<int32_t>(stack.back() - sections_.data());
  }
}

std::string SectionIndex::MatchKey(std::string_view title, int level,
                                   std::string* synonym) const {
  auto level_ok = [level](const config::v1::SectionSynonyms& s) {
    return s.level() == 0 || s.level() == level;
  };
  // One pass for both the synonym equal to the title, which wins wherever
  // it stands, and the first one the title holds, which wins otherwise.
  const config::v1::SectionSynonyms* holding = nullptr;
  const std::string* held = nullptr;
  for (const auto& s : config_.sections()) {
    if (!level_ok(s)) continue;
    for (const auto& syn : s.synonyms()) {
      if (title == syn) {
        *synonym = syn;
        return s.key();
      }
      // The length test first: it rules out most synonyms without a search.
      if (holding == nullptr && title.size() <= syn.size() + 12 &&
          absl::StrContains(ToAbsl(title), syn)) {
        holding = &s;
        held = &syn;
      }
    }
  }
  if (holding != nullptr) {
    *synonym = *held;
    return holding->key();
  }
  for (const auto& s : config_.sections()) {
    if (!level_ok(s) || s.contains().empty()) continue;
    bool all = std::all_of(s.contains().begin(), s.contains().end(),
                           [&](const std::string& w) { return absl::StrContains(ToAbsl(title), w); });
    if (all) {
      *synonym = absl::StrJoin(s.contains(), "+");
      return s.key();
    }
  }
  return "";
}

const std::string& SectionIndex::KeyOfLine(uint32_t index) const {
  static const std::string kNone;
  if (index >= line_sections_.size() || line_sections_[index] < 0) return kNone;
  return sections_[line_sections_[index]].key;
}

std::vector<const SectionSpan*> SectionIndex::Find(std::string_view key) const {
  std::vector<const SectionSpan*> out;
  for (const auto& s : sections_) {
    if (!s.has_body) continue;
    if (s.key == key || (s.key.size() > key.size() && s.key.compare(0, key.size(), key) == 0 &&
                         s.key[key.size()] == '.')) {
      out.push_back(&s);
    }
  }
  return out;
}

}  // namespace juesuan::parse
