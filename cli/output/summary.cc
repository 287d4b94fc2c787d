#include "cli/output/summary.h"

#include <fmt/format.h>

#include "common/report/outline.h"

namespace juesuan::cli {
namespace {

void AddIfPrinted(std::vector<KeyFigure>& figures, const char* label, bool present,
                  const report::v1::Amount& amount) {
  if (present && !amount.blank()) figures.push_back({label, &amount});
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

}  // namespace

std::vector<KeyFigure> KeyFigures(const report::v1::Report& r) {
  std::vector<KeyFigure> figures;
  AddIfPrinted(figures, "收入总计", r.totals().has_income_total(), r.totals().income_total());
  AddIfPrinted(figures, "支出总计", r.totals().has_expend_total(), r.totals().expend_total());
  AddIfPrinted(figures, "本年收入合计", r.totals().has_income_year(), r.totals().income_year());
  AddIfPrinted(figures, "本年支出合计", r.totals().has_expend_year(), r.totals().expend_year());
  AddIfPrinted(figures, "财政拨款收入", r.fiscal().has_income_year(), r.fiscal().income_year());
  AddIfPrinted(figures, "财政拨款支出", r.fiscal().has_expend_year(), r.fiscal().expend_year());
  AddIfPrinted(figures, "一般公共预算财政拨款支出", r.general_public_budget().has_total(),
               r.general_public_budget().total());
  AddIfPrinted(figures, "基本支出", r.basic().has_total(), r.basic().total());
  AddIfPrinted(figures, "“三公”经费支出", r.sangong().total().has_final(),
               r.sangong().total().final());
  AddIfPrinted(figures, "机关运行经费", r.operating_cost().has_amount(),
               r.operating_cost().amount());
  AddIfPrinted(figures, "政府采购支出总额", r.procurement().has_total(), r.procurement().total());
  return figures;
}

std::vector<std::string> PerformanceGrades(const analyze::v1::AnalyzeResponse& response) {
  std::vector<std::string> grades;
  for (const auto& table : response.scoring().tables()) {
    const auto& total = table.total();
    std::string score;
    if (total.determined()) {
      score = report::FormatDecimal(total.value());
    } else if (total.has_range()) {
      score = report::FormatDecimal(total.range().min()) + "–" +
              report::FormatDecimal(total.range().max());
    } else {
      score = "?";
    }
    std::string grade = total.grade();
    if (grade.empty() && !total.grade_low().empty()) {
      grade = total.grade_low() + "–" + total.grade_high();
    }
    grades.push_back(fmt::format("{} {}/{}{}", table.section_key(), score,
                                 report::FormatDecimal(total.weight()),
                                 grade.empty() ? "" : " " + grade));
  }
  return grades;
}

std::string UnitName(const report::v1::Report& report) {
  return report.document().unit_name().text();
}

std::string SummaryTable(const std::vector<DocumentResult>& results, bool colour) {
  const auto paint = [colour](const std::string& text, const char* code) {
    return colour ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
  };
  std::string out = PadToWidth("document", 40) + "  " + PadToWidth("unit", 28) +
                    "  year  errors  warnings  info  performance\n";
  int failed = 0, with_errors = 0;
  for (const DocumentResult& result : results) {
    out += PadToWidthKeepEnd(result.name, 40) + "  ";
    if (!result.status.ok()) {
      ++failed;
      out += paint(fmt::format("FAILED {}: {}", absl::StatusCodeToString(result.status.code()),
                               std::string(result.status.message())),
                   "31") +
             "\n";
      continue;
    }
    const auto& r = result.response;
    const SeverityCounts counts = CountSeverities(r);
    const std::vector<std::string> stage_failures = FailedStages(r);
    if (!stage_failures.empty()) ++failed;
    if (counts.errors > 0) ++with_errors;
    const int year = r.report().document().year();
    out += PadToWidth(UnitName(r.report()), 28) + "  " +
           (year > 0 ? fmt::format("{:4d}", year) : std::string("   -")) + "  " +
           paint(fmt::format("{:6d}", counts.errors), counts.errors > 0 ? "31" : "0") + "  " +
           paint(fmt::format("{:8d}", counts.warnings), counts.warnings > 0 ? "33" : "0") +
           "  " + fmt::format("{:4d}", counts.infos) + "  " +
           Join(PerformanceGrades(r), "; ");
    for (const std::string& failure : stage_failures) {
      out += "  " + paint("[" + failure + "]", "31");
    }
    out += "\n";
  }
  out += fmt::format("{} documents: {} analysed, {} failed, {} with error findings\n",
                     results.size(), results.size() - failed, failed, with_errors);
  return out;
}

}  // namespace juesuan::cli
