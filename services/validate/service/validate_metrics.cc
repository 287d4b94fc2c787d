#include "services/validate/service/validate_metrics.h"

#include <set>
#include <string>

#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

constexpr std::array<std::string_view, 3> kSeverityLabels = {"info", "warning", "error"};

// Unspecified severities do not occur (the config loader rejects them); were
// one to appear it is counted as info rather than inventing a label value.
size_t SeverityIndex(findings::v1::Severity severity) {
  switch (severity) {
    case findings::v1::SEVERITY_ERROR: return 2;
    case findings::v1::SEVERITY_WARNING: return 1;
    default: return 0;
  }
}

}  // namespace

ValidateOutcome OutcomeOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return ValidateOutcome::kOk;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kResourceExhausted:
      return ValidateOutcome::kRejected;
    default:
      return ValidateOutcome::kError;
  }
}

std::string_view OutcomeLabel(ValidateOutcome outcome) {
  switch (outcome) {
    case ValidateOutcome::kOk: return "ok";
    case ValidateOutcome::kRejected: return "rejected";
    case ValidateOutcome::kError: return "error";
  }
  return "error";
}

std::string_view RuleFamily(std::string_view rule_id) {
  const size_t last = rule_id.rfind('-');
  return last == std::string_view::npos ? rule_id : rule_id.substr(0, last);
}

prometheus::Histogram::BucketBoundaries ValidateMetrics::DurationBuckets() {
  // Validation takes tens of microseconds to a few milliseconds per report.
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
          0.01,    0.025,  0.05,    0.1,    0.25,  0.5,    1};
}

ValidateMetrics::ValidateMetrics(prometheus::Registry& registry) {
  auto& reports = prometheus::BuildCounter()
                      .Name("juesuan_validate_reports_total")
                      .Help("Reports received by ValidateReport, by outcome (ok, rejected, "
                            "error).")
                      .Register(registry);
  for (auto outcome : {ValidateOutcome::kOk, ValidateOutcome::kRejected, ValidateOutcome::kError}) {
    reports_[static_cast<size_t>(outcome)] =
        &reports.Add({{"outcome", std::string(OutcomeLabel(outcome))}});
  }

  auto& findings = prometheus::BuildCounter()
                       .Name("juesuan_validate_findings_total")
                       .Help("Findings in successful ValidateReport responses, by rule family "
                             "and severity.")
                       .Register(registry);
  // The label set is the catalogue's families, fixed at build time.
  std::set<std::string, std::less<>> families;
  for (const RuleDef& rule : Catalogue()) families.emplace(RuleFamily(rule.id));
  auto add_family = [&](const std::string& family, BySeverity& counters) {
    for (size_t s = 0; s < kSeverityLabels.size(); ++s) {
      counters[s] = &findings.Add({{"family", family}, {"severity", std::string(kSeverityLabels[s])}});
    }
  };
  for (const std::string& family : families) add_family(family, findings_[family]);
  add_family("other", other_family_);

  duration_ = &prometheus::BuildHistogram()
                   .Name("juesuan_validate_duration_seconds")
                   .Help("Time spent validating one report on a worker, in seconds "
                         "(queue wait excluded).")
                   .Register(registry)
                   .Add({}, DurationBuckets());
}

void ValidateMetrics::RecordFindings(const v1::ValidateReportResponse& response) {
  for (const findings::v1::Finding& finding : response.findings()) {
    const auto it = findings_.find(RuleFamily(finding.rule_id()));
    BySeverity& counters = it == findings_.end() ? other_family_ : it->second;
    counters[SeverityIndex(finding.severity())]->Increment();
  }
}

}  // namespace juesuan::validate
