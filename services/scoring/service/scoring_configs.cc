#include "services/scoring/service/scoring_configs.h"

#include <algorithm>
#include <utility>

#include "common/base/status_macros.h"

namespace juesuan::scoring {
namespace {

constexpr char kFallbackName[] = "national";

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += "\"" + name + "\"";
  }
  return out;
}

bool ClaimsLayout(const CompiledConfig& config, report::v1::Layout layout) {
  const auto& layouts = config.proto.default_for_layouts();
  return std::find(layouts.begin(), layouts.end(), layout) != layouts.end();
}

}  // namespace

absl::StatusOr<ScoringConfigs> ScoringConfigs::Builtin() {
  ScoringConfigs configs;
  for (const std::string& name : BuiltinConfigNames()) {
    ASSIGN_OR_RETURN(configs.by_name_[name], BuiltinConfig(name));
    configs.layout_order_.push_back(name);
  }
  std::sort(configs.layout_order_.begin(), configs.layout_order_.end());
  if (configs.by_name_.count(kFallbackName) == 0) {
    return absl::InternalError("the built-in scoring configurations lack \"national\"");
  }
  configs.default_name_ = kFallbackName;
  return configs;
}

absl::StatusOr<ScoringConfigs> ScoringConfigs::Load(const std::string& path) {
  ASSIGN_OR_RETURN(ScoringConfigs configs, Builtin());
  if (path.empty()) return configs;
  auto file = LoadConfigFile(path);
  const absl::Status added = file.ok() ? configs.Add(*file, /*make_default=*/true) : file.status();
  if (!added.ok()) {
    return absl::Status(added.code(), std::string(added.message()) + " (" + path + ")");
  }
  return configs;
}

absl::Status ScoringConfigs::Add(const v1::ScoringConfig& config, bool make_default) {
  if (config.name().empty()) {
    return absl::InvalidArgumentError("scoring config has no name");
  }
  ASSIGN_OR_RETURN(std::shared_ptr<const CompiledConfig> compiled, CompileConfig(config));
  by_name_[config.name()] = std::move(compiled);
  layout_order_.erase(std::remove(layout_order_.begin(), layout_order_.end(), config.name()),
                      layout_order_.end());
  if (make_default) {
    layout_order_.insert(layout_order_.begin(), config.name());
    default_name_ = config.name();
  } else {
    layout_order_.push_back(config.name());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const CompiledConfig>> ScoringConfigs::Find(
    std::string_view name) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) {
    return absl::NotFoundError("unknown scoring config \"" + std::string(name) +
                               "\"; this service knows " + Joined(names()));
  }
  return it->second;
}

std::shared_ptr<const CompiledConfig> ScoringConfigs::ForLayout(report::v1::Layout layout) const {
  for (const std::string& name : layout_order_) {
    const auto& config = by_name_.at(name);
    if (ClaimsLayout(*config, layout)) return config;
  }
  return by_name_.at(default_name_);
}

absl::StatusOr<std::shared_ptr<const CompiledConfig>> ScoringConfigs::Select(
    const v1::ScoreReportRequest& request) const {
  switch (request.config_case()) {
    case v1::ScoreReportRequest::kInlineConfig:
      return CompileConfig(request.inline_config());
    case v1::ScoreReportRequest::kConfigName:
      if (!request.config_name().empty()) return Find(request.config_name());
      break;
    default:
      break;
  }
  return ForLayout(request.report().document().layout());
}

std::vector<std::string> ScoringConfigs::names() const {
  std::vector<std::string> out;
  for (const auto& [name, config] : by_name_) out.push_back(name);
  return out;
}

}  // namespace juesuan::scoring
