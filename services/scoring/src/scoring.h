// Performance scoring of 绩效自评表 (REFERENCE §4): pure functions from a
// parsed table and a config to recomputed scores and findings.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "juesuan/scoring/v1/scoring_service.pb.h"
#include "services/scoring/src/config.h"

namespace juesuan::scoring {

// Scores one table. Never fails: what cannot be scored is reported as
// findings and unscorable rows.
v1::TableScore ScoreTable(const rpt::PerformanceTable& table, const CompiledConfig& config,
                          uint32_t table_index, const std::string& section_key);

// Same, writing into `out`; when `out` lives on a protobuf Arena every part of
// the result is allocated there (the service's allocation-free path).
void ScoreTableInto(const rpt::PerformanceTable& table, const CompiledConfig& config, uint32_t table_index,
                    const std::string& section_key, v1::TableScore* out);

// Scores every performance table of a report with an already compiled config.
v1::ScoreReportResponse ScoreReportWith(const rpt::Report& report, const CompiledConfig& config);
void ScoreReportInto(const rpt::Report& report, const CompiledConfig& config, v1::ScoreReportResponse* out);

// The ScoringService.ScoreReport operation. Errors: INVALID_ARGUMENT for an
// invalid inline config, NOT_FOUND for an unknown config name.
absl::StatusOr<v1::ScoreReportResponse> Score(const v1::ScoreReportRequest& request);

// "PE" / "PP[k]" (or the table's own section key when the parser set one).
std::string DefaultSectionKey(const rpt::Report& report, int table_index);

}  // namespace juesuan::scoring
