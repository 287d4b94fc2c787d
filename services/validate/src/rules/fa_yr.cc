// FA-YR — year consistency (REFERENCE §3.9).
#include <set>
#include <tuple>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

struct DateRef {
  std::string name;
  const rv1::DateMention* mention;
};

// Report.dates, date statements and the assets anchor, each once.
std::vector<DateRef> CollectDates(const rv1::Report& r) {
  std::vector<DateRef> out;
  std::set<std::tuple<uint32_t, uint64_t, int>> seen;
  auto add = [&](std::string name, const rv1::DateMention& d) {
    const auto key = std::make_tuple(d.src().line(), d.src().byte_begin(), d.date().year());
    if ((d.src().line() != 0 || d.src().byte_end() != 0) && !seen.insert(key).second) return;
    out.push_back({std::move(name), &d});
  };
  if (r.assets().has_as_of()) add("ast.as_of", r.assets().as_of());
  for (int i = 0; i < r.dates_size(); ++i) add(fmt::format("dates[{}]", i), r.dates(i));
  for (const auto& st : r.statements()) {
    if (st.has_date()) add(st.subject().empty() ? "statement.date" : st.subject(), st.date());
  }
  return out;
}

std::string DateText(const rv1::Date& d) {
  std::string s = fmt::format("{}年", d.year());
  if (d.month() > 0) s += fmt::format("{}月", d.month());
  if (d.day() > 0) s += fmt::format("{}日", d.day());
  return s;
}

void AddDate(fv1::Finding& f, const DateRef& d) {
  const std::string text = d.mention->qualifier() + DateText(d.mention->date());
  AddOperand(f, d.name, d.mention->src().raw_text().empty() ? text : d.mention->src().raw_text(),
             DateText(d.mention->date()), d.mention->src());
}

void YearEverywhere(RuleContext& ctx) {  // FA-YR-001
  const auto& r = ctx.report();
  const int year = r.document().year();
  if (year == 0) {
    ctx.Missing("document year unknown");
    return;
  }
  ctx.Ran();
  for (const auto& heading : r.document().years_in_headings()) {
    // "2023年度" → 2023
    int printed = 0;
    for (char c : heading.text()) {
      if (c < '0' || c > '9') break;
      printed = printed * 10 + (c - '0');
      if (printed > 100000) break;
    }
    if (printed == 0 || printed == year) continue;
    fv1::Finding& f = ctx.Add();
    f.set_relation("heading year = doc.year");
    AddOperand(f, "heading year", heading);
    f.set_expected(std::to_string(year));
  }
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.year() == 0 || t.year() == year) continue;
    fv1::Finding& f = ctx.Add();
    f.set_relation("自评表（Y年度） = doc.year");
    AddOperand(f, fmt::format("performance_tables[{}].year", i), std::to_string(t.year()), std::to_string(t.year()),
               t.title().src());
    f.set_expected(std::to_string(year));
  }
}

bool IsYearEndAnchor(const RuleContext& ctx, const rv1::DateMention& d) {
  for (const auto& q : ctx.config().text().year_end_qualifiers()) {
    if (d.qualifier() == q) return true;
  }
  return false;
}

void YearEndAnchors(RuleContext& ctx) {  // FA-YR-002
  const int year = ctx.report().document().year();
  if (year == 0) {
    ctx.Missing("document year unknown");
    return;
  }
  for (const auto& d : CollectDates(ctx.report())) {
    if (!IsYearEndAnchor(ctx, *d.mention)) continue;
    ctx.Ran();
    if (d.mention->date().year() == year) continue;
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING,
                              fmt::format("“{}{}”不在报告年度{}年内", d.mention->qualifier(),
                                          DateText(d.mention->date()), year),
                              fmt::format("year-end anchor in {} instead of {}", d.mention->date().year(), year));
    f.set_relation("截至/截止 date ∈ doc.year");
    AddDate(f, d);
    f.set_expected(fmt::format("{}年12月31日", year));
  }
}

// A year printed as "2023年" in comparison wording.
struct YearReference {
  int year = 0;
  size_t begin = 0;         // offset of the digits in the scanned text
  bool is_base = false;     // "比/较 Y年": the comparison base itself
};

bool EndsWith(std::string_view text, size_t end, std::string_view word) {
  return end >= word.size() && text.substr(end - word.size(), word.size()) == word;
}

bool StartsAt(std::string_view text, size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word;
}

bool FourDigitYearAt(std::string_view text, size_t i) {
  if (i + 4 > text.size() || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (text[i + k] < '0' || text[i + k] > '9') return false;
  }
  return StartsAt(text, i + 4, "年");
}

// Years that a YoY clause compares with: the base of "比2023年", "较2023年度",
// "与2023年度相比", and both years of "2023年与2024年均未安排". Other years
// (the report's own "2024年度…", plans "2025年和…") are not references.
std::vector<YearReference> ComparedYears(std::string_view text) {
  static constexpr std::string_view kBaseWords[] = {"比", "较"};
  static constexpr std::string_view kWithWords[] = {"与", "同"};      // "与Y年相比"
  static constexpr std::string_view kComparedWords[] = {"相比", "比较", "同期"};
  static constexpr std::string_view kPairWords[] = {"与", "和"};      // "Y1年与Y2年"
  constexpr std::string_view kYear = "年", kYearDu = "年度";
  std::vector<YearReference> out;
  for (size_t i = 0; i + 4 < text.size(); ++i) {
    if (!FourDigitYearAt(text, i)) continue;
    const int year = std::stoi(std::string(text.substr(i, 4)));
    size_t after = i + 4 + kYear.size();
    if (StartsAt(text, after, "度")) after += std::string_view("度").size();
    bool base = false, pair = false;
    for (auto w : kBaseWords) base = base || EndsWith(text, i, w);
    for (auto w : kWithWords) {
      if (!EndsWith(text, i, w)) continue;
      for (auto c : kComparedWords) base = base || StartsAt(text, after, c);
    }
    for (auto w : kPairWords) {
      pair = pair || (StartsAt(text, after, w) && FourDigitYearAt(text, after + w.size()));
      const bool second = EndsWith(text, i, w) && i >= w.size() &&
                          (EndsWith(text, i - w.size(), kYear) || EndsWith(text, i - w.size(), kYearDu));
      pair = pair || second;
    }
    if (base || pair) out.push_back({year, i, base});
  }
  return out;
}

// The clause of a YoY statement with the sentence lead-in before it (where
// "与2023年度相比，" stands), as offsets into Report.text.
std::pair<size_t, size_t> ClauseWindow(const std::string& text, const rv1::Provenance& src) {
  constexpr size_t kLeadIn = 150;
  size_t end = std::min<size_t>(src.byte_end(), text.size());
  size_t begin = std::min<size_t>(src.byte_begin(), end);
  const size_t floor = begin > kLeadIn ? begin - kLeadIn : 0;
  const size_t stop = text.rfind("。", begin);
  begin = stop != std::string::npos && stop >= floor ? stop : floor;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;  // UTF-8 boundary
  return {begin, end};
}

void ComparisonYears(RuleContext& ctx) {  // FA-YR-003
  const auto& r = ctx.report();
  const int year = r.document().year();
  if (year == 0) {
    ctx.Missing("document year unknown");
    return;
  }
  std::set<std::pair<uint64_t, int>> reported;  // a year printed once is reported once
  for (const auto& ref : Yoys(ctx)) {
    // Views into the report: only a finding copies them.
    struct Scan {
      OperandName name;
      std::string_view text;
      const rv1::Provenance* src;
      size_t base_offset;
    };
    std::vector<Scan> scans;
    const auto& src = ref.yoy->src();
    if (!r.text().empty() && src.byte_end() > src.byte_begin()) {
      const auto [b, e] = ClauseWindow(r.text(), src);
      scans.push_back({OperandName::Join({ref.subject, ".yoy"}), std::string_view(r.text()).substr(b, e - b), &src, b});
    } else if (!src.raw_text().empty()) {
      scans.push_back({OperandName::Join({ref.subject, ".yoy"}), src.raw_text(), &src, src.byte_begin()});
    }
    if (ref.yoy->has_reason() && !ref.yoy->reason().text().empty()) {
      scans.push_back({OperandName::Join({ref.subject, ".yoy.reason"}), ref.yoy->reason().text(),
                       &ref.yoy->reason().src(), ref.yoy->reason().src().byte_begin()});
    }
    for (const auto& scan : scans) {
      ctx.Ran();
      for (const auto& y : ComparedYears(scan.text)) {
        const bool ok = y.year == year - 1 || (!y.is_base && y.year == year);
        if (ok || !reported.insert({scan.base_offset + y.begin, y.year}).second) continue;
        fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                                  fmt::format("同比比较以{}年为基期，报告年度为{}年", y.year, year),
                                  fmt::format("a year-on-year comparison refers to {} in a {} report", y.year, year));
        f.set_relation("YoY base year = doc.year − 1");
        rv1::Provenance at = *scan.src;
        if (!r.text().empty() && scan.base_offset + y.begin + 4 <= r.text().size() &&
            r.text().compare(scan.base_offset + y.begin, 4, scan.text, y.begin, 4) == 0) {
          at.set_byte_begin(scan.base_offset + y.begin);
          at.set_byte_end(scan.base_offset + y.begin + 4);
          at.set_raw_text(std::string(scan.text.substr(y.begin, 4)));
        }
        AddOperand(f, scan.name.str(), std::to_string(y.year) + "年", std::to_string(y.year), at);
        f.set_expected(fmt::format("{}年", year - 1));
      }
    }
  }
}

void FutureDates(RuleContext& ctx) {  // FA-YR-004
  const int year = ctx.report().document().year();
  if (year == 0) {
    ctx.Missing("document year unknown");
    return;
  }
  for (const auto& d : CollectDates(ctx.report())) {
    ctx.Ran();
    if (IsYearEndAnchor(ctx, *d.mention)) continue;  // FA-YR-002
    if (d.mention->date().year() <= year) continue;
    if (ContainsAny(d.mention->context(), ctx.config().text().future_date_whitelist())) continue;
    fv1::Finding& f = ctx.Add();
    f.set_relation("dates of fact ≤ doc.year");
    AddDate(f, d);
    f.set_expected(fmt::format("≤ {}", year));
  }
}

}  // namespace

std::vector<RuleDef> YrRules() {
  using enum DataNeed;
  return {
      {"FA-YR-001", fv1::SEVERITY_ERROR, kNarrative, "年度一致", "标题或表名中的年度与报告年度不一致",
       "a heading or table title names another year", YearEverywhere},
      {"FA-YR-002", fv1::SEVERITY_WARNING, kNarrative, "截止日期在报告年度内", "截止日期不在报告年度内",
       "a year-end anchor date is outside the report year", YearEndAnchors},
      {"FA-YR-003", fv1::SEVERITY_WARNING, kNarrative, "同比比较以上年为基期", "同比比较的基期不是上年",
       "a year-on-year comparison does not refer to the prior year", ComparisonYears},
      {"FA-YR-004", fv1::SEVERITY_INFO, kNarrative, "事实陈述中的日期不晚于报告年度",
       "事实陈述中出现报告年度之后的日期", "a statement of fact carries a date after the report year",
       FutureDates},
  };
}

}  // namespace juesuan::validate
