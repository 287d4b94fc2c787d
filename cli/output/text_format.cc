#include <fmt/format.h>

#include "cli/output/formats.h"
#include "cli/output/summary.h"
#include "common/report/outline.h"
#include "juesuan/report/v1/report.pb.h"

namespace juesuan::cli {
namespace {

struct Painter {
  bool colour;
  std::string operator()(const std::string& text, const char* code) const {
    return colour ? fmt::format("\033[{}m{}\033[0m", code, text) : text;
  }
};

std::string Where(const report::v1::Provenance& src) {
  if (src.line() == 0) return "";
  return src.page() > 0 ? fmt::format("line {}, p. {}", src.line(), src.page())
                        : fmt::format("line {}", src.line());
}

const char* SeverityColour(findings::v1::Severity severity) {
  switch (severity) {
    case findings::v1::SEVERITY_ERROR: return "1;31";
    case findings::v1::SEVERITY_WARNING: return "33";
    default: return "36";
  }
}

void AppendFindings(std::string& out, const analyze::v1::AnalyzeResponse& r, Painter paint) {
  const SeverityCounts counts = CountSeverities(r);
  out += fmt::format("Findings: {} errors, {} warnings, {} info\n", counts.errors,
                     counts.warnings, counts.infos);
  for (const findings::v1::Finding* f : AllFindings(r)) {
    const std::string severity = fmt::format("{:<7}", SeverityName(f->severity()));
    out += fmt::format("  {} {:<12} {}\n", paint(severity, SeverityColour(f->severity())),
                       f->rule_id(), f->title());
    const std::string& message = f->message_zh().empty() ? f->message_en() : f->message_zh();
    if (!message.empty()) out += "      " + message + "\n";
    if (f->operands_size() > 0) {
      const auto& src = f->operands(0).src();
      const std::string where = Where(src);
      if (!where.empty() || !src.raw_text().empty()) {
        out += paint(fmt::format("      [{}] {}", where, OneLine(src.raw_text(), 80)), "2") +
               "\n";
      }
    }
  }
}

void AppendScores(std::string& out, const analyze::v1::AnalyzeResponse& r) {
  if (r.scoring().tables_size() == 0) return;
  out += fmt::format("Performance scores ({} config):\n", r.scoring().config_name());
  const std::vector<std::string> grades = PerformanceGrades(r);
  for (int i = 0; i < r.scoring().tables_size(); ++i) {
    out += fmt::format("  {}  {}\n", grades[i], r.scoring().tables(i).name());
  }
}

}  // namespace

std::string FormatDocumentText(const DocumentResult& result, bool colour) {
  const Painter paint{colour};
  std::string out = paint("== " + result.name + " ==", "1") + "\n";
  if (!result.status.ok()) {
    out += paint(fmt::format("FAILED {}: {}", absl::StatusCodeToString(result.status.code()),
                             std::string(result.status.message())),
                 "1;31") +
           "\n\n";
    return out;
  }
  const auto& r = result.response;
  const auto& doc = r.report().document();
  out += fmt::format("Unit: {}   Year: {}   Layout: {}   Format: {}   {} ms\n", UnitName(r.report()),
                     doc.year(), report::v1::Layout_Name(doc.layout()).substr(7),
                     report::v1::Format_Name(doc.format()).substr(7),
                     absl::ToInt64Milliseconds(result.elapsed));
  for (const std::string& failure : FailedStages(r)) {
    out += paint("Stage failed: " + failure, "1;31") + "\n";
  }
  const std::vector<KeyFigure> figures = KeyFigures(r.report());
  if (!figures.empty()) out += "Key figures:\n";
  for (const KeyFigure& figure : figures) {
    out += fmt::format("  {} {:>16}  [{}]\n", PadToWidth(figure.label, 26),
                       report::FormatAmount(*figure.amount), Where(figure.amount->src()));
  }
  AppendFindings(out, r, paint);
  AppendScores(out, r);
  out += "\n";
  return out;
}

}  // namespace juesuan::cli
