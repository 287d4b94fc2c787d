// Pieces shared by every output format: key figures of a report, the
// performance grades of a result, and the end-of-run summary table.
#pragma once

#include <string>
#include <vector>

#include "cli/output/document_result.h"
#include "juesuan/report/v1/report.pb.h"

namespace juesuan::cli {

struct KeyFigure {
  std::string label;                   // "收入总计"
  const report::v1::Amount* amount;    // printed value with its provenance
};

// The headline amounts that were printed (blank or absent ones left out).
std::vector<KeyFigure> KeyFigures(const report::v1::Report& report);

// One entry per scored table: "PE 91.50/100 优" (range and grades when the
// method leaves the total open).
std::vector<std::string> PerformanceGrades(const analyze::v1::AnalyzeResponse& response);

std::string UnitName(const report::v1::Report& report);

// The table printed at the end of a run: one row per document with unit,
// year, errors, warnings, info and grades, then a line of totals.
std::string SummaryTable(const std::vector<DocumentResult>& results, bool colour);

}  // namespace juesuan::cli
