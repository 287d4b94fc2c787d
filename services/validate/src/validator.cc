#include "services/validate/src/validator.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "absl/status/status.h"
#include "common/base/status_macros.h"
#include "fmt/format.h"
#include "services/validate/src/rule.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

const vv1::LayoutProfile& SelectLayout(const rv1::Report& report,
                                       const vv1::ValidateConfig& config) {
  for (const auto& layout : config.layouts()) {
    if (layout.layout() == report.document().layout()) return layout;
  }
  for (const auto& layout : config.layouts()) {
    if (layout.name() == config.fallback_layout()) return layout;
  }
  static const vv1::LayoutProfile* const generic = [] {
    auto* p = new vv1::LayoutProfile();
    p->set_name("GENERIC");
    return p;
  }();
  return *generic;
}

bool Listed(const google::protobuf::RepeatedPtrField<std::string>& ids, std::string_view id) {
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& s) { return s == id; });
}

// Whether the layout admits a rule's family. The catalogue lists a family's
// rules together, so the answer for the previous family is kept.
class FamilyFilter {
 public:
  explicit FamilyFilter(const vv1::LayoutProfile& layout) : layout_(layout) {}
  bool Admits(std::string_view family) {
    if (layout_.families().empty()) return true;
    if (!known_ || family != family_) {
      known_ = true;
      family_ = family;
      admits_ = Listed(layout_.families(), family);
    }
    return admits_;
  }

 private:
  const vv1::LayoutProfile& layout_;
  std::string_view family_;
  bool known_ = false;
  bool admits_ = false;
};

// Why a rule does not apply, or "" when it does.
std::string SkipReason(const RuleDef& rule, const vv1::ValidateConfig& config,
                       const vv1::LayoutProfile& layout, FamilyFilter& families) {
  if (Listed(config.disabled_rules(), rule.id) || Listed(layout.disabled_rules(), rule.id)) {
    return "disabled by configuration";
  }
  if (!families.Admits(FamilyOf(rule.id))) {
    return fmt::format("family not applicable to layout {}", layout.name());
  }
  return "";
}

std::string MissingData(const RuleDef& rule, const rv1::Report& report) {
  if (rule.need == DataNeed::kTables && report.tables().empty()) {
    return "tables absent (listed only or not parsed)";
  }
  if (rule.need == DataNeed::kPerformance && report.performance_tables().empty()) {
    return "performance tables absent";
  }
  return "";
}

// (line, byte) of the earliest operand with a position; findings without one sort last.
std::pair<uint64_t, uint64_t> Position(const fv1::Finding& f) {
  std::pair<uint64_t, uint64_t> best{UINT64_MAX, UINT64_MAX};
  for (const auto& op : f.operands()) {
    if (op.src().line() == 0 && op.src().byte_end() == 0) continue;
    best = std::min(best, std::make_pair<uint64_t, uint64_t>(op.src().line(), op.src().byte_begin()));
  }
  return best;
}

void SortFindings(google::protobuf::RepeatedPtrField<fv1::Finding>* findings) {
  using Key = std::tuple<int, uint64_t, uint64_t, std::string_view>;
  std::vector<std::pair<Key, fv1::Finding*>> keyed;
  keyed.reserve(static_cast<size_t>(findings->size()));
  for (auto it = findings->pointer_begin(); it != findings->pointer_end(); ++it) {
    fv1::Finding* f = *it;
    const auto [line, byte] = Position(*f);
    keyed.push_back({{-static_cast<int>(f->severity()), line, byte, f->rule_id()}, f});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Reorder the owned pointers in place; no finding is copied.
  auto out = findings->pointer_begin();
  for (const auto& [key, f] : keyed) *out++ = f;
}

void Summarize(const google::protobuf::RepeatedPtrField<fv1::Finding>& findings, vv1::Summary* summary) {
  std::map<std::string, vv1::FamilyCount> families;
  for (const auto& f : findings) {
    auto& family = families[std::string(FamilyOf(f.rule_id()))];
    switch (f.severity()) {
      case fv1::SEVERITY_ERROR:
        summary->set_errors(summary->errors() + 1);
        family.set_errors(family.errors() + 1);
        break;
      case fv1::SEVERITY_WARNING:
        summary->set_warnings(summary->warnings() + 1);
        family.set_warnings(family.warnings() + 1);
        break;
      default:
        summary->set_infos(summary->infos() + 1);
        family.set_infos(family.infos() + 1);
        break;
    }
  }
  for (auto& [name, count] : families) {
    count.set_family(name);
    *summary->add_by_family() = count;
  }
}

}  // namespace

absl::Status ValidateInto(const rv1::Report& report, const vv1::ValidateConfig& config,
                          vv1::ValidateReportResponse* response) {
  if (config.max_statements() > 0 && report.statements_size() > config.max_statements()) {
    return absl::InvalidArgumentError(fmt::format("report has {} statements, more than the limit {}",
                                                  report.statements_size(), config.max_statements()));
  }
  response->Clear();
  const vv1::LayoutProfile& layout = SelectLayout(report, config);
  vv1::Summary* summary = response->mutable_summary();
  summary->set_layout(layout.name());
  summary->set_config_name(config.name());

  RuleContext ctx(report, config, layout, response->mutable_findings());
  FamilyFilter families(layout);
  summary->mutable_runs()->Reserve(static_cast<int>(Catalogue().size()));
  for (const RuleDef& rule : Catalogue()) {
    vv1::RuleRun* run = summary->add_runs();
    if (std::string skip = SkipReason(rule, config, layout, families); !skip.empty()) {
      run->set_rule_id(std::string(rule.id));
      run->set_outcome(vv1::RULE_OUTCOME_SKIPPED);
      run->set_reason(std::move(skip));
      summary->set_rules_skipped(summary->rules_skipped() + 1);
      continue;
    }
    if (std::string missing = MissingData(rule, report); !missing.empty()) {
      run->set_rule_id(std::string(rule.id));
      run->set_outcome(vv1::RULE_OUTCOME_COULD_NOT_RUN);
      run->set_reason(std::move(missing));
      summary->set_rules_could_not_run(summary->rules_could_not_run() + 1);
      continue;
    }
    ctx.Begin(rule);
    rule.fn(ctx);
    ctx.Finish(run);
    if (run->outcome() == vv1::RULE_OUTCOME_RAN) {
      summary->set_rules_ran(summary->rules_ran() + 1);
    } else {
      summary->set_rules_could_not_run(summary->rules_could_not_run() + 1);
    }
  }
  SortFindings(response->mutable_findings());
  Summarize(response->findings(), summary);
  return absl::OkStatus();
}

absl::StatusOr<vv1::ValidateReportResponse> Validate(const rv1::Report& report,
                                                     const vv1::ValidateConfig& config) {
  vv1::ValidateReportResponse response;
  RETURN_IF_ERROR(ValidateInto(report, config, &response));
  return response;
}

}  // namespace juesuan::validate
