#include "services/parse/src/document_scan.h"

#include <algorithm>
#include <array>
#include <map>
#include <cctype>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "common/text/phrase_set.h"
#include "common/text/search.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "re2/re2.h"
#include "services/parse/src/matchers.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {
namespace {

constexpr uint32_t kTitleSearchLines = 30;

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// What `make` builds from a configuration, built once for the process per
// distinct `key` (the part of the configuration it is built from) and kept:
// the parser is called with a handful of configurations, each many times.
template <typename T, typename Make>
const T& BuiltOncePerKey(std::string key, Make make) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache = new absl::flat_hash_map<std::string, std::unique_ptr<T>>();
  absl::MutexLock lock(&mu);
  auto& slot = (*cache)[std::move(key)];
  if (!slot) slot = std::make_unique<T>(make());
  return *slot;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// RE2's \s: [\t\n\f\r ].
bool IsPatternSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Where the tail `\d{4}年度?(部门|单位)决算` whose 决算 stands at `at` starts,
// and where its 部门/单位 does, if such a tail ends there.
std::optional<std::pair<size_t, size_t>> TitleTailBefore(std::string_view t, size_t at) {
  if (at < 6) return std::nullopt;
  const size_t kind = at - 6;
  if (t.substr(kind, 6) != "部门" && t.substr(kind, 6) != "单位") return std::nullopt;
  size_t i = kind;
  if (i >= 3 && t.substr(i - 3, 3) == "度") i -= 3;
  if (i < 7 || t.substr(i - 3, 3) != "年") return std::nullopt;
  i -= 7;
  for (size_t k = i; k < i + 4; ++k) {
    if (!IsAsciiDigit(t[k])) return std::nullopt;
  }
  return std::make_pair(i, kind);
}

// Whether the character at t[i] (a character boundary) is of the Han
// script, as the title pattern's \p{Han} tells; its length in `length`.
bool IsHanAt(std::string_view t, size_t i, size_t* length) {
  static const RE2 kHan(R"(\p{Han})");
  const auto lead = static_cast<uint8_t>(t[i]);
  *length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  *length = std::min(*length, t.size() - i);
  return lead >= 0x80 && RE2::FullMatch(re2::StringPiece(t.data() + i, *length), kHan);
}

}  // namespace

const RE2& TitlePattern() {
  static const RE2 kTitle(R"((\p{Han}[^\s]*?)?(\d{4})年度?(部门|单位)决算)");
  return kTitle;
}

// Read by hand: the regex's capture groups cost tens of thousands of
// instructions even over a few bytes (\p{Han} makes a large program).
// Every match ends with a tail `\d{4}年度?(部门|单位)决算`, and the leftmost
// match ends with the tail that ends first: a match reaching a later tail
// starts at or before the first tail's start and holds no space from there
// on, so the lazy group stops at the first tail already. The optional
// group, taken where it can be, starts at the first Han character of the
// run of non-space bytes before that tail (it holds no space after its
// first character); without one the match starts at the tail.
std::optional<Match> SearchTitle(const Passage& cover) {
  const std::string& t = cover.text();
  for (size_t at = text::Find(t, "决算"); at != std::string::npos;
       at = text::Find(t, "决算", at + 1)) {
    const auto tail = TitleTailBefore(t, at);
    if (!tail) continue;
    const auto [year, kind] = *tail;
    size_t run = year;
    while (run > 0 && !IsPatternSpace(t[run - 1])) --run;
    Match m;
    m.end = at + 6;
    m.groups.assign(4, {std::string::npos, std::string::npos});
    m.begin = year;
    for (size_t i = run, length = 0; i < year; i += length) {
      if (IsHanAt(t, i, &length)) {
        m.begin = i;
        m.groups[1] = {i, year};
        break;
      }
    }
    m.groups[0] = {m.begin, m.end};
    m.groups[2] = {year, year + 4};
    m.groups[3] = {kind, kind + 6};
    return m;
  }
  return std::nullopt;
}

bool ScanTitle(const SourceDocument& doc, report::v1::DocumentInfo* info) {
  // The title may wrap over the first few lines of a cover page
  // ("中共上海市普陀区委 / 社会工作部 2024 年度 / 部门决算"): join them.
  static const RE2 kStop(R"(目\s*录|^\s*第[一二三四五六七八九十]+部分)");
  ValueFactory values(doc);
  const auto& lines = doc.lines();
  Passage cover;
  cover.section_key = "TITLE";
  for (uint32_t i = 0; i < lines.size() && i < kTitleSearchLines; ++i) {
    if (RE2::PartialMatch(lines[i].norm(), kStop)) break;
    if (lines[i].blank()) continue;
    std::string_view content = Trimmed(lines[i].raw);
    cover.folded.Append(content, lines[i].begin + (content.data() - lines[i].raw.data()));
  }
  auto m = SearchTitle(cover);
  if (!m) return false;
  size_t title_end = m->end;
  static const RE2 kSuffix(R"(公开说明|公开|情况说明)");
  if (auto suffix = Search(kSuffix, cover, m->end, m->end + 16, RE2::ANCHOR_START)) {
    title_end = suffix->end;
  }
  *info->mutable_title() = values.MakeText(cover, m->begin, title_end);
  info->set_year(std::stoi(std::string(Group(cover, *m, 2))));
  info->set_kind(Group(cover, *m, 3) == "单位" ? report::v1::DOCUMENT_KIND_UNIT
                                                : report::v1::DOCUMENT_KIND_DEPARTMENT);
  if (m->has(1)) {
    *info->mutable_unit_name() = values.MakeText(cover, m->groups[1].first, m->groups[1].second);
  }
  return true;
}

namespace {

// The folded markers of every layout of a configuration, in the order of
// layouts() and their markers(), with the layout each one counts for.
struct LayoutMarkers {
  std::vector<report::v1::Layout> layout_of;
  text::PhraseSet phrases;
};

LayoutMarkers MakeLayoutMarkers(const config::v1::ParseConfig& config) {
  std::vector<report::v1::Layout> layout_of;
  std::vector<std::string> phrases;
  for (const auto& signature : config.layouts()) {
    for (const auto& marker : signature.markers()) {
      layout_of.push_back(signature.layout());
      phrases.push_back(text::NormalizeForMatching(marker));
    }
  }
  return LayoutMarkers{std::move(layout_of), text::PhraseSet(std::move(phrases))};
}

// Built once per configuration: the phrase set's tables cost more to fill
// than a pass over a document.
const LayoutMarkers& LayoutMarkersOf(const config::v1::ParseConfig& config) {
  std::string key;  // each layout and the length and bytes of each marker
  for (const auto& signature : config.layouts()) {
    absl::StrAppend(&key, static_cast<int>(signature.layout()), ";");
    for (const auto& marker : signature.markers()) absl::StrAppend(&key, marker.size(), ":", marker);
  }
  return BuiltOncePerKey<LayoutMarkers>(std::move(key), [&] { return MakeLayoutMarkers(config); });
}

}  // namespace

report::v1::Layout DetectLayout(const SourceDocument& doc,
                                const config::v1::ParseConfig& config) {
  const LayoutMarkers& markers = LayoutMarkersOf(config);
  const std::vector<bool> occurs = markers.phrases.Occurring(doc.folded_text());
  std::map<report::v1::Layout, int> score;
  for (size_t i = 0; i < occurs.size(); ++i) {
    if (occurs[i]) ++score[markers.layout_of[i]];
  }
  report::v1::Layout best = report::v1::LAYOUT_GENERIC;
  int best_score = 0;
  bool tie = false;
  for (auto [layout, n] : score) {
    if (n > best_score) {
      best = layout;
      best_score = n;
      tie = false;
    } else if (n == best_score && n > 0) {
      tie = true;
    }
  }
  return tie ? report::v1::LAYOUT_GENERIC : best;
}

namespace {

// The characters one of which every placeholder token holds.
constexpr std::string_view kPlaceholderMarks[] = {"X", "{", "(", "×", "某"};

}  // namespace

bool MayHoldPlaceholder(std::string_view t) {
  for (std::string_view mark : kPlaceholderMarks) {
    if (text::Contains(t, mark)) return true;
  }
  return false;
}

// Each mark is looked for over the whole folded document, from line to line:
// a search that finds one skips to the next line, which needs it no more.
// Far fewer searches than five per line, and memchr passes over the text
// between far faster than a loop testing every byte (text::Find probes by
// the second byte of ×, 某, rarer in Chinese text than their first).
std::vector<bool> LinesThatMayHoldPlaceholder(const SourceDocument& doc) {
  std::vector<bool> may(doc.lines().size(), false);
  for (std::string_view mark : kPlaceholderMarks) MarkLinesHolding(doc, mark, may);
  return may;
}

void MarkLinesHolding(const SourceDocument& doc, std::string_view mark,
                      std::vector<bool>& holding) {
  const auto& lines = doc.lines();
  const std::string& folded = doc.folded_text();
  size_t line = 0;
  for (size_t at = text::Find(folded, mark); at != std::string::npos;
       at = text::Find(folded, mark, at)) {
    // The line holding `at`: the last whose folded copy starts at or before it.
    while (line + 1 < lines.size() && lines[line + 1].folded_begin <= at) ++line;
    holding[line] = true;
    if (line + 1 >= lines.size()) break;
    at = lines[line + 1].folded_begin;
  }
}

namespace {

// A configured token, folded, and where in it its first ASCII byte stands
// (npos when it has none): tokens are looked for by that byte, which memchr
// finds fast, rather than by their CJK characters.
struct PlaceholderToken {
  std::string text;
  size_t ascii_at = std::string::npos;
};

// Where `token` next stands in `t` at or after `from`.
size_t FindToken(std::string_view t, const PlaceholderToken& token, size_t from) {
  if (token.ascii_at == std::string::npos) return text::Find(t, token.text, from);
  const char probe = token.text[token.ascii_at];
  for (size_t at = t.find(probe, from + token.ascii_at); at != std::string_view::npos;
       at = t.find(probe, at + 1)) {
    const size_t begin = at - token.ascii_at;
    if (t.substr(begin).starts_with(token.text)) return begin;
  }
  return std::string_view::npos;
}

// The configured tokens in their configured order (an empty one would match
// everywhere and is left out).
struct PlaceholderTokens {
  std::vector<PlaceholderToken> tokens;
  // Whether MayHoldPlaceholder can rule a line out: every token holds one
  // of its characters (true of the built-in list; a configuration may add
  // tokens that do not, and then every line is searched).
  bool prefilter = true;
};

PlaceholderTokens MakePlaceholderTokens(const config::v1::ParseConfig& config) {
  PlaceholderTokens made;
  for (const auto& token : config.placeholders()) {
    PlaceholderToken t{text::NormalizeForMatching(token)};
    if (t.text.empty()) continue;
    made.prefilter = made.prefilter && MayHoldPlaceholder(t.text);
    const auto ascii = std::find_if(t.text.begin(), t.text.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii != t.text.end()) t.ascii_at = ascii - t.text.begin();
    made.tokens.push_back(std::move(t));
  }
  return made;
}

const PlaceholderTokens& TokensOf(const config::v1::ParseConfig& config) {
  return BuiltOncePerKey<PlaceholderTokens>(absl::StrJoin(config.placeholders(), "\n"),
                                            [&] { return MakePlaceholderTokens(config); });
}

struct PlaceholderMatch {
  size_t begin = 0;
  size_t token_end = 0;  // the token; a run of X after it belongs to the match
  size_t end = 0;
};

// The next placeholder in `t` from `from`, as the regex (t1|t2|…)X* matching
// leftmost-longest finds it: the leftmost token; there, the longest reading
// (a token and the run of X after it); among equally long ones the token
// listed first ("XXXXX" is XXX and XX, not XX and XXX).
std::optional<PlaceholderMatch> NextPlaceholder(std::string_view t, size_t from,
                                                const std::vector<PlaceholderToken>& tokens) {
  size_t begin = std::string_view::npos;
  for (const PlaceholderToken& token : tokens) begin = std::min(begin, FindToken(t, token, from));
  if (begin == std::string_view::npos) return std::nullopt;
  std::optional<PlaceholderMatch> best;
  for (const PlaceholderToken& token : tokens) {
    if (!t.substr(begin).starts_with(token.text)) continue;
    size_t end = begin + token.text.size();
    while (end < t.size() && t[end] == 'X') ++end;
    if (!best || end > best->end) best = PlaceholderMatch{begin, begin + token.text.size(), end};
  }
  return best;
}

}  // namespace

void ScanPlaceholders(const SourceDocument& doc, const config::v1::ParseConfig& config,
                      report::v1::Report* report) {
  const PlaceholderTokens& placeholders = TokensOf(config);
  if (placeholders.tokens.empty()) return;
  std::vector<bool> may_hold;
  if (placeholders.prefilter) may_hold = LinesThatMayHoldPlaceholder(doc);
  for (const auto& line : doc.lines()) {
    const std::string& t = line.norm();
    if (placeholders.prefilter && !may_hold[line.number - 1]) continue;
    size_t from = 0;
    while (auto m = NextPlaceholder(t, from, placeholders.tokens)) {
      from = m->end;
      // "XX" inside a Latin word (e.g. an English name) is not a placeholder.
      auto latin = [&](size_t i) {
        return i < t.size() && std::isalpha(static_cast<unsigned char>(t[i])) && t[i] != 'X';
      };
      if ((m->begin > 0 && latin(m->begin - 1)) || latin(m->end)) continue;
      auto* ph = report->add_placeholders();
      ph->set_text(t.substr(m->begin, m->token_end - m->begin));
      *ph->mutable_src() = doc.Provenance(line.folded.ToOriginal(m->begin),
                                          line.folded.ToOriginal(m->end), "");
    }
  }
}

void ScanDates(const SourceDocument& doc, const std::vector<std::string_view>& line_keys,
               report::v1::Report* report) {
  ValueFactory values(doc);
  // A date needs 月 and 年: the lines with 月 are found over the whole
  // document at once, and only they are searched for 年.
  std::vector<bool> with_month(doc.lines().size(), false);
  MarkLinesHolding(doc, "月", with_month);
  for (const auto& line : doc.lines()) {
    if (!with_month[line.number - 1] || !text::Contains(line.norm(), "年")) continue;
    const uint32_t index = line.number - 1;
    Passage p = LinePassage(line, std::string(index < line_keys.size() ? line_keys[index] : ""));
    for (const Match& m : SearchAll(SearchDate, p)) {
      auto* d = report->add_dates();
      d->mutable_date()->set_year(std::stoi(std::string(Group(p, m, 2))));
      d->mutable_date()->set_month(std::stoi(std::string(Group(p, m, 3))));
      if (m.has(4)) d->mutable_date()->set_day(std::stoi(std::string(Group(p, m, 4))));
      if (m.has(1)) d->set_qualifier(std::string(Group(p, m, 1)));
      if (m.has(5)) d->set_qualifier(std::string(Group(p, m, 5)));
      *d->mutable_src() = values.Prov(p, m.begin, m.end);
      // The clause: from the previous sentence end to the next one.
      const std::string& t = p.text();
      size_t b = t.rfind("。", m.begin);
      b = b == std::string::npos ? 0 : b + 3;
      size_t e = t.find("。", m.end);
      e = e == std::string::npos ? t.size() : e + 3;
      d->set_context(values.Prov(p, b, e).raw_text());
    }
  }
}

void ScanHeadingYears(const SourceDocument& doc, const std::vector<uint32_t>& heading_lines,
                      report::v1::DocumentInfo* info) {
  ValueFactory values(doc);
  for (uint32_t index : heading_lines) {
    if (index >= doc.lines().size()) continue;
    // Every match holds 年度: a line without it needs no passage.
    if (!text::Contains(doc.lines()[index].norm(), "年度")) continue;
    Passage p = LinePassage(doc.lines()[index], "HEADING");
    for (const Match& m : SearchAll(SearchYear, p)) {
      *info->add_years_in_headings() = values.MakeText(p, m.begin, m.end);
    }
  }
}

}  // namespace juesuan::parse
