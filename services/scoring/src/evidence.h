// Building findings and their operands from table cells, keeping every
// operand's provenance (REFERENCE §3.0.3).
#pragma once

#include <string>
#include <string_view>

#include "juesuan/findings/v1/finding.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/scoring/src/rational.h"

namespace juesuan::scoring {

namespace fnd = ::juesuan::findings::v1;
namespace rpt = ::juesuan::report::v1;

// Where a table's findings belong.
struct TableContext {
  std::string section_key;  // "PE", "PP[0]"
  std::string name;         // project or unit name
};

// A table's findings, held by the TableScore (which may live on an arena).
using Findings = google::protobuf::RepeatedPtrField<fnd::Finding>;

// Appends a finding to `findings` and returns it for its operands.
fnd::Finding& AddFinding(Findings* findings, const TableContext& ctx, std::string_view rule_id,
                         fnd::Severity severity, std::string message_zh, std::string message_en,
                         std::string relation = "");

// Exact text of a rational: a terminating decimal when it has one ("29.3"),
// otherwise "num/den".
std::string ExactText(const Rational& r);

// Fill an operand in place (it may live on an arena) ...
void FillCellOperand(fnd::Operand* op, std::string name, const rpt::DecimalCell& cell);
void FillValueOperand(fnd::Operand* op, std::string name, const rpt::IndicatorValue& value);
void FillAmountOperand(fnd::Operand* op, std::string name, const rpt::Amount& amount);
void FillPercentOperand(fnd::Operand* op, std::string name, const rpt::Percent& percent);
void FillTextOperand(fnd::Operand* op, std::string name, std::string_view text, const rpt::Provenance& src);
void FillComputedOperand(fnd::Operand* op, std::string name, const Rational& value, int32_t decimals);
// ... or build one.
fnd::Operand CellOperand(std::string name, const rpt::DecimalCell& cell);
fnd::Operand ValueOperand(std::string name, const rpt::IndicatorValue& value);
fnd::Operand AmountOperand(std::string name, const rpt::Amount& amount);
fnd::Operand PercentOperand(std::string name, const rpt::Percent& percent);
fnd::Operand TextOperand(std::string name, std::string_view text, const rpt::Provenance& src);
fnd::Operand ComputedOperand(std::string name, const Rational& value, int32_t decimals);

// Values of printed cells.
Rational CellValue(const rpt::DecimalCell& cell);  // invalid when blank or not numeric
bool CellPrinted(const rpt::DecimalCell& cell);    // a number was printed
bool CellNonNumeric(const rpt::DecimalCell& cell); // text printed, but no number
Rational AmountWan(const rpt::Amount& amount);     // 万元, exact
Rational PercentPoints(const rpt::Percent& percent);  // percentage points, exact

}  // namespace juesuan::scoring
