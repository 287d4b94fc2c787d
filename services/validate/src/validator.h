// Validation of a parsed report: a pure function of (Report, ValidateConfig).
#pragma once

#include "absl/status/statusor.h"
#include "juesuan/report/v1/report.pb.h"
#include "juesuan/validate/v1/validate_config.pb.h"
#include "juesuan/validate/v1/validate_service.pb.h"

namespace juesuan::validate {

// Runs every applicable rule of the catalogue and returns the findings sorted
// by severity (errors first) and then document position, with a summary of
// counts and of the rules that ran, were skipped or could not run.
// InvalidArgument when the input is beyond the configured limits (e.g. more
// statements than config.max_statements); never crashes on odd values.
absl::StatusOr<juesuan::validate::v1::ValidateReportResponse> Validate(
    const juesuan::report::v1::Report& report,
    const juesuan::validate::v1::ValidateConfig& config);

// The same, filling `response` (which may live on a protobuf Arena, as in an
// arena-enabled gRPC server: every finding is then allocated there).
absl::Status ValidateInto(const juesuan::report::v1::Report& report,
                          const juesuan::validate::v1::ValidateConfig& config,
                          juesuan::validate::v1::ValidateReportResponse* response);

}  // namespace juesuan::validate
