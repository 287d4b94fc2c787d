// Test-side construction of PerformanceTable fixtures from printed strings,
// the way the parser would deliver them (values parsed, provenance kept).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::scoring::testing {

namespace rpt = ::juesuan::report::v1;

// Where a fixture value was printed. `line` is the seed line when known.
rpt::Provenance Src(const std::string& section, const std::string& raw, uint32_t line = 0, uint32_t row = 0,
                    uint32_t column = 0);

// ">=105期", "=100%", "<=38.79万元", "2024年12月10日前", "2024年11月21日", "保障", "".
rpt::IndicatorValue Value(const std::string& raw, const rpt::Provenance& src);
// "10", "10.00", "100.00分", "" (blank), "—" (blank), "十" (not numeric).
rpt::DecimalCell Cell(const std::string& raw, const rpt::Provenance& src);
// "100%", "111.11%", "" (not printed).
rpt::Percent Pct(const std::string& raw, const rpt::Provenance& src);
// "121.39" in 万元 with two decimals; "" or "—" → blank.
rpt::Amount Wan(const std::string& raw, const rpt::Provenance& src);

struct FundSpec {
  std::string label;
  rpt::FundSource source;
  std::string initial, annual, executed;
  uint32_t line = 0;  // seed line of the label
};

struct ExecutionSpec {
  std::string weight, rate, score;
  std::string printed_on_row;
  rpt::FundSource printed_on_source = rpt::FUND_SOURCE_TOTAL;
  uint32_t line = 0;  // seed line of the weight cell
};

struct IndicatorSpec {
  std::string level1, level2, level3;
  std::string weight, target, actual, completion, score;
  std::string scoring_rule = {};
  std::string deviation = {};
  std::string polarity = {};
  uint32_t line = 0;  // seed line of the 三级 cell
  bool level1_forward_filled = false;
  bool level2_forward_filled = false;
};

struct TableSpec {
  rpt::PerformanceTableKind kind = rpt::PERFORMANCE_TABLE_KIND_PROJECT;
  std::string section;  // "PE", "PP[0]"
  std::string name;
  std::vector<std::string> indicator_columns;
  std::vector<FundSpec> funds;
  ExecutionSpec execution;
  std::vector<IndicatorSpec> indicators;
  bool has_total_row = false;
  std::string total_weight, total_score;
  uint32_t total_line = 0;
  std::string grade;
  std::string goal_expected, goal_actual;  // 年度总体目标 预期目标 / 实际完成情况
  uint32_t goal_line = 0;                  // seed line of the 预期目标 text (实际 is the next line)
  // Seed layout: where each cell of an indicator row sits relative to its 三级 line.
  int weight_offset = 1, target_offset = 2, actual_offset = 3, completion_offset = 4, score_offset = 5;
};

rpt::PerformanceTable BuildTable(const TableSpec& spec);

}  // namespace juesuan::scoring::testing
