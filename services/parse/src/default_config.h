// The parser's built-in configuration, compiled in from
// config/parse_default.json so that services need no files to start.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "juesuan/config/v1/parse_config.pb.h"

namespace juesuan::parse {

std::string_view DefaultParseConfigJson();

// Parses a configuration in the proto3 JSON mapping; unknown fields are an
// error (a misspelt key must not be silently ignored).
absl::StatusOr<config::v1::ParseConfig> ParseConfigFromJson(std::string_view json);

}  // namespace juesuan::parse
