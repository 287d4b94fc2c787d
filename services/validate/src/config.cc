#include "services/validate/src/config.h"

#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "absl/status/status.h"
#include "common/base/status_macros.h"
#include "fmt/format.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"

namespace juesuan::validate {

extern const std::string_view kDefaultConfigJson;

namespace {

using ::juesuan::validate::v1::ValidateConfig;

// nlohmann keeps the last of duplicate keys silently; a parser callback sees
// every key, so a stack of per-object key sets catches duplicates.
absl::Status RejectDuplicateKeys(std::string_view json) {
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate;
  auto callback = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                      nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) {
      open_objects.emplace_back();
    } else if (event == Event::object_end) {
      if (!open_objects.empty()) open_objects.pop_back();
    } else if (event == Event::key && !open_objects.empty()) {
      const std::string key = parsed.get<std::string>();
      if (!open_objects.back().insert(key).second && duplicate.empty()) duplicate = key;
    }
    return true;
  };
  try {
    const nlohmann::json parsed = nlohmann::json::parse(json.begin(), json.end(), callback);
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    return absl::InvalidArgumentError(fmt::format("validate config: malformed JSON: {}", e.what()));
  }
  if (!duplicate.empty()) {
    return absl::InvalidArgumentError(
        fmt::format("validate config: duplicate key \"{}\"", duplicate));
  }
  return absl::OkStatus();
}

absl::Status CheckContent(const ValidateConfig& config) {
  if (config.layouts().empty()) {
    return absl::InvalidArgumentError("validate config: no layouts");
  }
  bool fallback_found = config.fallback_layout().empty();
  for (const auto& layout : config.layouts()) {
    if (layout.name().empty()) return absl::InvalidArgumentError("validate config: unnamed layout");
    if (layout.name() == config.fallback_layout()) fallback_found = true;
    for (const auto& section : layout.required_sections()) {
      if (section.severity() == findings::v1::SEVERITY_UNSPECIFIED) {
        return absl::InvalidArgumentError(fmt::format(
            "validate config: layout {} section {} has no severity", layout.name(), section.key()));
      }
    }
  }
  if (!fallback_found) {
    return absl::InvalidArgumentError(
        fmt::format("validate config: fallback layout \"{}\" not defined", config.fallback_layout()));
  }
  if (config.max_abs_amount_fen() < 0 || config.max_statements() < 0) {
    return absl::InvalidArgumentError("validate config: negative limits");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ValidateConfig> ParseConfigJson(std::string_view json) {
  RETURN_IF_ERROR(RejectDuplicateKeys(json));
  ValidateConfig config;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &config, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("validate config: {}", std::string(status.message())));
  }
  RETURN_IF_ERROR(CheckContent(config));
  return config;
}

absl::StatusOr<ValidateConfig> LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("validate config: cannot open {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  auto config = ParseConfigJson(text.str());
  if (!config.ok()) {
    return absl::Status(config.status().code(),
                        fmt::format("{} ({})", std::string(config.status().message()), path));
  }
  return config;
}

std::string_view DefaultConfigJson() { return kDefaultConfigJson; }

const ValidateConfig& DefaultConfig() {
  static const ValidateConfig* const config = [] {
    auto parsed = ParseConfigJson(kDefaultConfigJson);
    // The embedded file is checked by a unit test; an invalid build must not
    // limp along with an empty configuration.
    if (!parsed.ok()) std::abort();
    return new ValidateConfig(*std::move(parsed));
  }();
  return *config;
}

}  // namespace juesuan::validate
