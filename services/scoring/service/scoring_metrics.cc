#include "services/scoring/service/scoring_metrics.h"

#include <string>

namespace juesuan::scoring {
namespace {

using report::v1::PerformanceTableKind;

constexpr std::array<PerformanceTableKind, 3> kKindValues = {
    report::v1::PERFORMANCE_TABLE_KIND_OVERALL, report::v1::PERFORMANCE_TABLE_KIND_PROJECT,
    report::v1::PERFORMANCE_TABLE_KIND_UNSPECIFIED};
constexpr std::array<std::string_view, 8> kGradeLabels = {"优",  "良",     "中",    "合格",
                                                          "差",  "不合格", "other", "undetermined"};

size_t KindIndex(PerformanceTableKind kind) {
  switch (kind) {
    case report::v1::PERFORMANCE_TABLE_KIND_OVERALL: return 0;
    case report::v1::PERFORMANCE_TABLE_KIND_PROJECT: return 1;
    default: return 2;
  }
}

size_t GradeIndex(std::string_view label) {
  for (size_t i = 0; i < kGradeLabels.size(); ++i) {
    if (kGradeLabels[i] == label) return i;
  }
  return kGradeLabels.size() - 2;  // "other"
}

// Metric values are the one place a score becomes a double.
double ToDouble(const report::v1::Decimal& value) {
  double scaled = static_cast<double>(value.digits());
  for (int32_t i = 0; i < value.scale(); ++i) scaled /= 10;
  return scaled;
}

}  // namespace

std::string_view KindLabel(PerformanceTableKind kind) {
  switch (kind) {
    case report::v1::PERFORMANCE_TABLE_KIND_OVERALL: return "overall";
    case report::v1::PERFORMANCE_TABLE_KIND_PROJECT: return "project";
    default: return "unspecified";
  }
}

std::string_view GradeLabel(const v1::TotalScore& total) {
  // `grade` is set when the total is determined or both ends of its range
  // fall in the same band.
  if (total.grade().empty()) return "undetermined";
  return kGradeLabels[GradeIndex(total.grade())];
}

prometheus::Histogram::BucketBoundaries ScoringMetrics::ScoreBuckets() {
  prometheus::Histogram::BucketBoundaries buckets;
  for (int bound = 0; bound <= 100; bound += 10) buckets.push_back(bound);
  return buckets;
}

prometheus::Histogram::BucketBoundaries ScoringMetrics::DurationBuckets() {
  // Scoring a table takes tens of microseconds; a report a few of them.
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
          0.01,    0.025,  0.05,    0.1,    0.25,  0.5,    1};
}

ScoringMetrics::ScoringMetrics(prometheus::Registry& registry) {
  auto& tables = prometheus::BuildCounter()
                     .Name("juesuan_scoring_tables_total")
                     .Help("Performance tables scored by ScoreReport, by table kind and "
                           "recomputed grade.")
                     .Register(registry);
  for (PerformanceTableKind kind : kKindValues) {
    for (size_t g = 0; g < kGradeLabels.size(); ++g) {
      tables_[KindIndex(kind)][g] = &tables.Add(
          {{"kind", std::string(KindLabel(kind))}, {"grade", std::string(kGradeLabels[g])}});
    }
  }
  scores_ = &prometheus::BuildHistogram()
                 .Name("juesuan_scoring_scores")
                 .Help("Recomputed total scores of the tables whose total the method "
                       "determines.")
                 .Register(registry)
                 .Add({}, ScoreBuckets());
  duration_ = &prometheus::BuildHistogram()
                   .Name("juesuan_scoring_duration_seconds")
                   .Help("Time spent scoring one report on a worker, in seconds (queue "
                         "wait excluded).")
                   .Register(registry)
                   .Add({}, DurationBuckets());
}

void ScoringMetrics::RecordTables(const v1::ScoreReportResponse& response) {
  for (const v1::TableScore& table : response.tables()) {
    tables_[KindIndex(table.kind())][GradeIndex(GradeLabel(table.total()))]->Increment();
    if (table.total().determined()) scores_->Observe(ToDouble(table.total().value()));
  }
}

}  // namespace juesuan::scoring
