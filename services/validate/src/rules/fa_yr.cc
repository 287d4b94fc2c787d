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
      {"FA-YR-004", fv1::SEVERITY_INFO, kNarrative, "事实陈述中的日期不晚于报告年度",
       "事实陈述中出现报告年度之后的日期", "a statement of fact carries a date after the report year",
       FutureDates},
  };
}

}  // namespace juesuan::validate
