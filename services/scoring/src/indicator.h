// One indicator row: classification (REFERENCE §4.5), completion and score
// (§4.6), and the row-level checks PF-TAB-004/005/006/008 and
// PF-SCORE-001/002/003/006/007.
#pragma once

#include <string>
#include <vector>

#include "juesuan/scoring/v1/scoring_service.pb.h"
#include "services/scoring/src/config.h"
#include "services/scoring/src/evidence.h"

namespace juesuan::scoring {

struct Classification {
  v1::IndicatorClass indicator_class = v1::INDICATOR_CLASS_UNSPECIFIED;
  v1::ScoringMethod method = v1::SCORING_METHOD_UNSPECIFIED;
  std::string basis;
};

Classification Classify(const rpt::Indicator& indicator, const std::string& category,
                        const CompiledConfig& config);

struct IndicatorResult {
  v1::ScoredIndicator* scored = nullptr;      // the output row (owned by the TableScore)
  Rational weight = Rational::Invalid();     // invalid: blank or not numeric
  Rational reported = Rational::Invalid();   // invalid: not printed
  bool scorable = false;
  Rational exact_score = Rational::Invalid();  // unrounded (point rows only)
  Rational range_min = Rational::Invalid();    // rounded bounds
  Rational range_max = Rational::Invalid();
  bool is_band = false;                      // qualitative band (a range by method)
  const CompiledQualBand* band = nullptr;
  bool completion_defined = false;
  Rational completion = Rational::Invalid();   // uncapped
  bool effective_ok = false;
  Rational effective = Rational::Invalid();    // value used in the total
};

// Scores one row into `out` (which may live on an arena).
IndicatorResult ScoreIndicator(const rpt::Indicator& indicator, uint32_t row, const CompiledConfig& config,
                               v1::ScoredIndicator* out);

// Row-level findings; grouped coverage findings (blank cells, unscorable rows)
// are produced by the table.
void CheckIndicator(const rpt::Indicator& indicator, IndicatorResult& result,
                    const CompiledConfig& config, const TableContext& ctx, bool has_deviation_column,
                    Findings* findings);

// Operand name prefix of a row, e.g. "PP[0].indicators[7] 干部满意度".
std::string RowName(const TableContext& ctx, uint32_t row, const rpt::Indicator& indicator);

}  // namespace juesuan::scoring
