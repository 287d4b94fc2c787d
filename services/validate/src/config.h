// Loading the validation configuration (proto3 JSON).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "juesuan/validate/v1/validate_config.pb.h"

namespace juesuan::validate {

// Parses proto3 JSON; unknown keys, duplicate keys and inconsistent content
// (no layouts, unknown fallback, unspecified severities) are rejected with
// InvalidArgument naming the problem.
absl::StatusOr<juesuan::validate::v1::ValidateConfig> ParseConfigJson(std::string_view json);
absl::StatusOr<juesuan::validate::v1::ValidateConfig> LoadConfigFile(const std::string& path);

// config/validate/default.json, embedded at build time and parsed once.
const juesuan::validate::v1::ValidateConfig& DefaultConfig();
std::string_view DefaultConfigJson();

}  // namespace juesuan::validate
