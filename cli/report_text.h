// The human-readable summary printed by `juesuan parse --format text`: what
// a reviewer scans to see what the parser found. Amounts are printed exactly
// from Amount.fen (never through floating point), beside the text as printed
// and the line it was printed on.
#pragma once

#include <string>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::cli {

std::string FormatReportText(const report::v1::Report& report);

// Pieces, exposed for tests.
std::string FormatAmount(const report::v1::Amount& amount);      // "1,234.56 万元" or "(blank)"
std::string FormatPercent(const report::v1::Percent& percent);   // "12.3%"
std::string FormatWhere(const report::v1::Provenance& src);      // "line 12" / "line 12, p. 3"

}  // namespace juesuan::cli
