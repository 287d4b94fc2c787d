// The funds block: execution-rate score (REFERENCE §4.4) and the checks
// PF-TAB-003/007/009 and PF-SCORE-004.
#pragma once

#include <vector>

#include "juesuan/scoring/v1/scoring_service.pb.h"
#include "services/scoring/src/config.h"
#include "services/scoring/src/evidence.h"

namespace juesuan::scoring {

struct ExecutionResult {
  v1::ExecutionScore* scored = nullptr;       // the output block (owned by the TableScore)
  bool present = false;                     // the table has a funds block or execution cells
  Rational weight = Rational::Invalid();
  Rational reported = Rational::Invalid();
  bool scorable = false;
  Rational exact_score = Rational::Invalid();
  Rational range_min = Rational::Of(0);
  Rational range_max = Rational::Of(0);
  bool effective_ok = false;
  Rational effective = Rational::Invalid();
};

ExecutionResult ScoreExecution(const rpt::PerformanceTable& table, const CompiledConfig& config,
                               const TableContext& ctx, v1::ExecutionScore* out,
                               Findings* findings);

}  // namespace juesuan::scoring
