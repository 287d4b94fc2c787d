#include "common/runtime/logging.h"

#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace juesuan {

void SetupLogging(const std::string& service, const std::string& level) {
  auto logger = spdlog::stderr_logger_mt(service + "-stderr");
  logger->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l service=" + service + " %v",
                      spdlog::pattern_time_type::utc);
  spdlog::level::level_enum parsed = spdlog::level::from_str(level);
  // from_str answers "off" for names it does not know.
  if (parsed == spdlog::level::off && level != "off") parsed = spdlog::level::info;
  logger->set_level(parsed);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace juesuan
