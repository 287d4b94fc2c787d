#include "cli/report_text.h"

#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/text/decimal.h"

namespace juesuan::cli {
namespace {

using report::v1::Amount;
using report::v1::Report;

std::string DecimalText(const report::v1::Decimal& value) {
  return text::FormatDecimal({value.digits(), value.scale()});
}

// "1234567.89" -> "1,234,567.89"; the sign and fraction are kept as they are.
std::string GroupThousands(const std::string& plain) {
  const size_t sign = (!plain.empty() && plain[0] == '-') ? 1 : 0;
  size_t int_end = plain.find('.');
  if (int_end == std::string::npos) int_end = plain.size();
  std::string out = plain.substr(0, sign);
  for (size_t i = sign; i < int_end; ++i) {
    if (i > sign && (int_end - i) % 3 == 0) out.push_back(',');
    out.push_back(plain[i]);
  }
  return out + plain.substr(int_end);
}

std::string_view EnumTail(const std::string& name, std::string_view prefix) {
  std::string_view view(name);
  if (view.substr(0, prefix.size()) == prefix) view.remove_prefix(prefix.size());
  return view;
}

std::string Printed(const report::v1::Provenance& src) {
  if (src.raw_text().empty()) return "";
  return fmt::format("  printed \"{}\"", src.raw_text());
}

void Heading(std::string& out, std::string_view title, size_t count) {
  fmt::format_to(std::back_inserter(out), "\n{} ({})\n", title, count);
}

// ---------------------------------------------------------------------------

void AppendDocument(const Report& report, std::string& out) {
  const auto& doc = report.document();
  out += "Document\n";
  auto line = [&out](std::string_view label, const std::string& value) {
    if (!value.empty()) fmt::format_to(std::back_inserter(out), "  {:<13}{}\n", label, value);
  };
  auto text_line = [&](std::string_view label, const report::v1::Text& text) {
    if (!text.text().empty()) line(label, text.text() + "  (" + FormatWhere(text.src()) + ")");
  };
  line("format:", fmt::format("{} ({})",
                              EnumTail(report::v1::Format_Name(doc.format()), "FORMAT_"),
                              EnumTail(report::v1::Encoding_Name(doc.encoding()), "ENCODING_")));
  line("layout:", std::string(EnumTail(report::v1::Layout_Name(doc.layout()), "LAYOUT_")));
  line("kind:",
       std::string(EnumTail(report::v1::DocumentKind_Name(doc.kind()), "DOCUMENT_KIND_")));
  if (doc.year() != 0) line("year:", std::to_string(doc.year()));
  text_line("unit:", doc.unit_name());
  text_line("title:", doc.title());
  line("amount unit:",
       std::string(EnumTail(report::v1::MoneyUnit_Name(doc.amount_unit()), "MONEY_UNIT_")));
  if (doc.pages() != 0) line("pages:", std::to_string(doc.pages()));
  if (doc.tables_listed_size() > 0) {
    line("tables listed:", std::to_string(doc.tables_listed_size()) +
                               (doc.tables_attached_separately() ? " (attached separately)"
                                                                 : ""));
  }
  fmt::format_to(std::back_inserter(out), "  {:<13}{} statements, {} tables, {} dates\n",
                 "found:", report.statements_size(), report.tables_size(), report.dates_size());
}

void AppendSections(const Report& report, std::string& out) {
  Heading(out, "Sections", report.sections_size());
  for (const auto& section : report.sections()) {
    const int indent = section.level() > 1 ? 2 * (section.level() - 1) : 0;
    fmt::format_to(std::back_inserter(out), "  {:>9}  {:<16} {}{}\n",
                   FormatWhere(section.heading()), section.key(), std::string(indent, ' '),
                   section.title());
  }
}

// One printed figure: label, exact value, printed text, line.
struct Figure {
  std::string label;
  const Amount* amount;
  std::string extra;  // e.g. the printed share
};

void AddAmount(std::vector<Figure>& figures, std::string label, bool present,
               const Amount& amount) {
  if (present) figures.push_back({std::move(label), &amount, ""});
}

void AddShare(std::vector<Figure>& figures, std::string label, bool present,
              const report::v1::Share& share) {
  if (!present || !share.has_amount()) return;
  std::string extra = share.has_share() ? "占 " + FormatPercent(share.share()) : "";
  figures.push_back({std::move(label), &share.amount(), std::move(extra)});
}

std::vector<Figure> KeyFigures(const Report& r) {
  std::vector<Figure> f;
  const auto& t = r.totals();
  AddAmount(f, "收入总计", t.has_income_total(), t.income_total());
  AddAmount(f, "本年收入合计", t.has_income_year(), t.income_year());
  AddAmount(f, "年初结转和结余", t.has_carry_in(), t.carry_in());
  AddAmount(f, "支出总计", t.has_expend_total(), t.expend_total());
  AddAmount(f, "本年支出合计", t.has_expend_year(), t.expend_year());
  AddAmount(f, "年末结转和结余", t.has_carry_out(), t.carry_out());
  AddAmount(f, "收入支出总计", t.has_income_expend_total(), t.income_expend_total());
  const auto& in = r.income();
  AddAmount(f, "收入决算", in.has_total(), in.total());
  AddShare(f, "  财政拨款收入", in.has_fiscal(), in.fiscal());
  AddShare(f, "  事业收入", in.has_business(), in.business());
  AddShare(f, "  其他收入", in.has_other(), in.other());
  const auto& ex = r.expenditure();
  AddAmount(f, "支出决算", ex.has_total(), ex.total());
  AddShare(f, "  基本支出", ex.has_basic(), ex.basic());
  AddShare(f, "  项目支出", ex.has_project(), ex.project());
  const auto& fa = r.fiscal();
  AddAmount(f, "财政拨款收入总计", fa.has_income_total(), fa.income_total());
  AddAmount(f, "财政拨款支出总计", fa.has_expend_total(), fa.expend_total());
  AddAmount(f, "本年财政拨款支出", fa.has_expend_year(), fa.expend_year());
  const auto& gpb = r.general_public_budget();
  AddAmount(f, "一般公共预算财政拨款支出", gpb.has_total(), gpb.total());
  const auto& basic = r.basic();
  AddAmount(f, "基本支出", basic.has_total(), basic.total());
  AddAmount(f, "  人员经费", basic.has_personnel(), basic.personnel());
  AddAmount(f, "  公用经费", basic.has_public_(), basic.public_());
  const auto& gf = r.government_fund();
  AddAmount(f, "政府性基金支出", gf.has_expend(), gf.expend());
  const auto& sc = r.state_capital();
  AddAmount(f, "国有资本经营支出", sc.has_expend(), sc.expend());
  const auto& sg = r.sangong();
  AddAmount(f, "“三公”经费决算", sg.total().has_final(), sg.total().final());
  AddAmount(f, "“三公”经费预算", sg.total().has_budget(), sg.total().budget());
  AddAmount(f, "  因公出国（境）费", sg.abroad().has_final(), sg.abroad().final());
  AddAmount(f, "  公务用车购置及运行维护费", sg.car().has_final(), sg.car().final());
  AddAmount(f, "  公务接待费", sg.reception().has_final(), sg.reception().final());
  AddAmount(f, "机关运行经费", r.operating_cost().has_amount(), r.operating_cost().amount());
  const auto& pr = r.procurement();
  AddAmount(f, "政府采购支出", pr.has_total(), pr.total());
  AddAmount(f, "  货物", pr.has_goods(), pr.goods());
  AddAmount(f, "  工程", pr.has_works(), pr.works());
  AddAmount(f, "  服务", pr.has_services(), pr.services());
  return f;
}

void AppendKeyFigures(const Report& report, std::string& out) {
  const std::vector<Figure> figures = KeyFigures(report);
  Heading(out, "Key figures (万元)", figures.size());
  for (const Figure& figure : figures) {
    fmt::format_to(std::back_inserter(out), "  {:<24} {:>18}{}{}  ({})\n", figure.label,
                   FormatAmount(*figure.amount),
                   figure.extra.empty() ? "" : "  " + figure.extra,
                   Printed(figure.amount->src()), FormatWhere(figure.amount->src()));
  }
}

std::string CellText(const report::v1::DecimalCell& cell) {
  if (cell.blank()) return "-";
  if (!cell.raw().empty()) return cell.raw();
  return DecimalText(cell.value());
}

std::string ValueText(const report::v1::IndicatorValue& value) {
  return value.raw().empty() ? "-" : value.raw();
}

void AppendFunds(const report::v1::PerformanceTable& table, std::string& out) {
  for (const auto& fund : table.funds()) {
    fmt::format_to(std::back_inserter(out),
                   "      fund {:<16} initial {}  annual {}  executed {}  ({})\n",
                   fund.label(), FormatAmount(fund.initial()), FormatAmount(fund.annual()),
                   FormatAmount(fund.executed()), FormatWhere(fund.src()));
  }
  if (table.has_execution()) {
    const auto& ex = table.execution();
    fmt::format_to(std::back_inserter(out),
                   "      execution: weight {}  rate {}  score {}\n", CellText(ex.weight()),
                   ex.has_rate() ? FormatPercent(ex.rate()) : "-", CellText(ex.score()));
  }
}

void AppendIndicators(const report::v1::PerformanceTable& table, std::string& out) {
  fmt::format_to(std::back_inserter(out), "      indicators ({}):\n", table.indicators_size());
  for (const auto& ind : table.indicators()) {
    fmt::format_to(std::back_inserter(out),
                   "        {} / {} / {}  target {}  actual {}  weight {}  score {}  ({})\n",
                   ind.level1(), ind.level2(), ind.level3(), ValueText(ind.target()),
                   ValueText(ind.actual()), CellText(ind.weight()), CellText(ind.score()),
                   FormatWhere(ind.src()));
  }
  if (table.has_total_row()) {
    fmt::format_to(std::back_inserter(out), "      total: weight {}  score {}\n",
                   CellText(table.total_weight()), CellText(table.total_score()));
  }
}

void AppendPerformanceTables(const Report& report, std::string& out) {
  Heading(out, "Performance tables", report.performance_tables_size());
  int index = 0;
  for (const auto& table : report.performance_tables()) {
    fmt::format_to(
        std::back_inserter(out), "  [{}] {}  {}  ({})\n", ++index,
        EnumTail(report::v1::PerformanceTableKind_Name(table.kind()),
                 "PERFORMANCE_TABLE_KIND_"),
        table.title().text(), FormatWhere(table.src()));
    if (!table.project_name().text().empty()) {
      fmt::format_to(std::back_inserter(out), "      project: {}\n", table.project_name().text());
    }
    if (!table.unit_name().text().empty()) {
      fmt::format_to(std::back_inserter(out), "      unit: {}\n", table.unit_name().text());
    }
    AppendFunds(table, out);
    AppendIndicators(table, out);
    if (!table.grade().text().empty()) {
      fmt::format_to(std::back_inserter(out), "      grade: {}\n", table.grade().text());
    }
  }
}

void AppendTables(const Report& report, std::string& out) {
  Heading(out, "Tables", report.tables_size());
  for (const auto& table : report.tables()) {
    fmt::format_to(std::back_inserter(out), "  {:<4} {:<32} {}  rows {}{}\n", table.id(),
                   table.semantic().empty() ? "-" : table.semantic(), table.title().text(),
                   table.rows_size(), table.empty() ? "  (empty)" : "");
  }
}

void AppendDiagnostics(const Report& report, std::string& out) {
  Heading(out, "Diagnostics", report.diagnostics_size());
  for (const auto& d : report.diagnostics()) {
    fmt::format_to(std::back_inserter(out), "  {:<7} {:<20} {}  ({}){}\n",
                   EnumTail(report::v1::DiagnosticSeverity_Name(d.severity()),
                            "DIAGNOSTIC_SEVERITY_"),
                   d.code(), d.message(), FormatWhere(d.src()), Printed(d.src()));
  }
  if (report.placeholders_size() > 0) {
    Heading(out, "Placeholders left in the text", report.placeholders_size());
    for (const auto& p : report.placeholders()) {
      fmt::format_to(std::back_inserter(out), "  {:<10} {}\n", FormatWhere(p.src()), p.text());
    }
  }
}

}  // namespace

std::string FormatAmount(const Amount& amount) {
  if (amount.blank()) return "(blank)";
  return GroupThousands(text::FormatFenAsWan(amount.fen())) + " 万元";
}

std::string FormatPercent(const report::v1::Percent& percent) {
  return DecimalText(percent.value()) + "%";
}

std::string FormatWhere(const report::v1::Provenance& src) {
  if (src.line() == 0) return "line ?";
  if (src.page() == 0) return fmt::format("line {}", src.line());
  return fmt::format("line {}, p. {}", src.line(), src.page());
}

std::string FormatReportText(const Report& report) {
  std::string out;
  AppendDocument(report, out);
  AppendSections(report, out);
  AppendKeyFigures(report, out);
  AppendPerformanceTables(report, out);
  AppendTables(report, out);
  AppendDiagnostics(report, out);
  return out;
}

}  // namespace juesuan::cli
