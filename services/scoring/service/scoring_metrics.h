// Domain metrics of the scoring service (README "Metrics reference"):
//   juesuan_scoring_tables_total{kind,grade}   counter
//   juesuan_scoring_scores                     histogram of recomputed totals, 0 … 100 step 10
//   juesuan_scoring_duration_seconds           histogram
// Label values are closed sets: kind overall|project|unspecified; grade the
// grade names of the built-in scales (优 良 中 合格 差 不合格), "other" for a
// name outside them (an operator's own scale) and "undetermined" when the
// method leaves the grade open. Every combination exists from the first
// scrape.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "juesuan/scoring/v1/scoring_service.pb.h"

namespace juesuan::scoring {

std::string_view KindLabel(report::v1::PerformanceTableKind kind);
// The grade label of a scored table (see the header comment).
std::string_view GradeLabel(const v1::TotalScore& total);

class ScoringMetrics {
 public:
  explicit ScoringMetrics(prometheus::Registry& registry);

  void RecordDuration(double seconds) { duration_->Observe(seconds); }
  // Counts every table of a successful response and observes its total when
  // the method determines it.
  void RecordTables(const v1::ScoreReportResponse& response);

  static prometheus::Histogram::BucketBoundaries ScoreBuckets();
  static prometheus::Histogram::BucketBoundaries DurationBuckets();

 private:
  static constexpr size_t kKinds = 3;
  static constexpr size_t kGrades = 8;

  std::array<std::array<prometheus::Counter*, kGrades>, kKinds> tables_{};
  prometheus::Histogram* scores_ = nullptr;
  prometheus::Histogram* duration_ = nullptr;
};

}  // namespace juesuan::scoring
