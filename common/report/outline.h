// A compact, line-per-value rendering of a report: "path = value [L12 p3]".
// Used for golden files (reviewable by hand against the document) and for
// the readable text output of the CLI. Values print exactly as decimals.
#pragma once

#include <string>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::report {

struct OutlineOptions {
  bool include_statements = true;
  bool include_diagnostics = true;
  size_t max_text_chars = 60;   // longer texts are cut with "…"
};

std::string Outline(const v1::Report& report, const OutlineOptions& options = {});

// "121.39万元" from an Amount (exact; 万元 with the printed decimals).
std::string FormatAmount(const v1::Amount& amount);
// "88.03%" from a Percent.
std::string FormatPercent(const v1::Percent& percent);
std::string FormatDecimal(const v1::Decimal& decimal);

}  // namespace juesuan::report
