// Domain metrics of the validate service (README "Metrics reference"):
//   juesuan_validate_reports_total{outcome}              counter
//   juesuan_validate_findings_total{family,severity}     counter
//   juesuan_validate_duration_seconds                    histogram
// Label values are closed sets: outcome ok|rejected|error; family one of the
// rule catalogue's families (FA-SUM, PF-TAB, …) or "other"; severity
// error|warning|info. Every combination exists from the first scrape.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "juesuan/validate/v1/validate_service.pb.h"

namespace juesuan::validate {

enum class ValidateOutcome { kOk, kRejected, kError };

// ok for OK; rejected when the request was the reason (INVALID_ARGUMENT,
// NOT_FOUND, RESOURCE_EXHAUSTED incl. a full queue); error otherwise
// (deadline, cancellation, internal …).
ValidateOutcome OutcomeOf(absl::StatusCode code);
std::string_view OutcomeLabel(ValidateOutcome outcome);

// "FA-SUM-012" -> "FA-SUM".
std::string_view RuleFamily(std::string_view rule_id);

class ValidateMetrics {
 public:
  explicit ValidateMetrics(prometheus::Registry& registry);

  void RecordReport(ValidateOutcome outcome) {
    reports_[static_cast<size_t>(outcome)]->Increment();
  }
  void RecordDuration(double seconds) { duration_->Observe(seconds); }
  // Counts every finding of a successful response by family and severity.
  void RecordFindings(const v1::ValidateReportResponse& response);

  static prometheus::Histogram::BucketBoundaries DurationBuckets();

 private:
  // Index 0 = info, 1 = warning, 2 = error.
  using BySeverity = std::array<prometheus::Counter*, 3>;

  std::array<prometheus::Counter*, 3> reports_{};
  std::map<std::string, BySeverity, std::less<>> findings_;  // by family
  BySeverity other_family_{};
  prometheus::Histogram* duration_ = nullptr;
};

}  // namespace juesuan::validate
