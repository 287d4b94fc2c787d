// The scoring configurations a ScoringServiceImpl offers: the built-ins
// embedded from config/scoring/*.json, optionally joined by an operator's
// file (--scoring_config) that replaces a built-in of the same name and
// becomes the default.
//
// A request that names no configuration gets the first configuration whose
// default_for_layouts lists the report's layout — the operator's first, then
// the built-ins in name order — and otherwise the default ("national" unless
// an operator's configuration was added as the default). With built-ins only
// this is exactly the choice of Score() in services/scoring/src/scoring.h.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "juesuan/scoring/v1/scoring_service.pb.h"
#include "services/scoring/src/config.h"

namespace juesuan::scoring {

class ScoringConfigs {
 public:
  // Every built-in configuration, compiled; "national" is the default.
  static absl::StatusOr<ScoringConfigs> Builtin();
  // The built-ins plus, when `path` is not empty, the JSON ScoringConfig at
  // `path` added as the default (errors name the file).
  static absl::StatusOr<ScoringConfigs> Load(const std::string& path);

  // Compiles `config` and offers it under config.name() (which must be set),
  // replacing a configuration of that name. `make_default`: the answer for
  // requests that name none and whose layout no configuration claims; its
  // layouts are looked up before the built-ins'.
  absl::Status Add(const v1::ScoringConfig& config, bool make_default);

  // NOT_FOUND naming the known configurations when `name` is unknown.
  absl::StatusOr<std::shared_ptr<const CompiledConfig>> Find(std::string_view name) const;
  std::shared_ptr<const CompiledConfig> ForLayout(report::v1::Layout layout) const;

  // The configuration a request selects: inline (compiled, INVALID_ARGUMENT
  // when invalid), by name (NOT_FOUND when unknown; "" = not named), or by the
  // report's layout.
  absl::StatusOr<std::shared_ptr<const CompiledConfig>> Select(
      const v1::ScoreReportRequest& request) const;

  std::vector<std::string> names() const;
  const std::string& default_name() const { return default_name_; }

 private:
  ScoringConfigs() = default;

  std::map<std::string, std::shared_ptr<const CompiledConfig>, std::less<>> by_name_;
  std::vector<std::string> layout_order_;  // names, in the order layouts are looked up
  std::string default_name_;
};

}  // namespace juesuan::scoring
