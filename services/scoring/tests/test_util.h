// Helpers shared by the scoring tests.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "juesuan/scoring/v1/scoring_service.pb.h"
#include "services/scoring/src/config.h"
#include "services/scoring/src/rational.h"

namespace juesuan::scoring::testing {

using RuleAndSeverity = std::pair<std::string, findings::v1::Severity>;

// The (rule id, severity) pairs of a table's findings, sorted.
inline std::vector<RuleAndSeverity> Rules(const v1::TableScore& score) {
  std::vector<RuleAndSeverity> out;
  for (const auto& f : score.findings()) out.emplace_back(f.rule_id(), f.severity());
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<RuleAndSeverity> Sorted(std::vector<RuleAndSeverity> v) {
  std::sort(v.begin(), v.end());
  return v;
}

inline const findings::v1::Finding* FindRule(const v1::TableScore& score, const std::string& rule) {
  for (const auto& f : score.findings()) {
    if (f.rule_id() == rule) return &f;
  }
  return nullptr;
}

inline std::string Text(const report::v1::Decimal& d) { return DecimalText(d); }

inline std::shared_ptr<const CompiledConfig> Builtin(const std::string& name) {
  auto config = BuiltinConfig(name);
  return config.ok() ? *config : nullptr;
}

constexpr auto kInfo = findings::v1::SEVERITY_INFO;
constexpr auto kWarning = findings::v1::SEVERITY_WARNING;
constexpr auto kError = findings::v1::SEVERITY_ERROR;

}  // namespace juesuan::scoring::testing
