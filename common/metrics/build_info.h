// juesuan_build_info{service,version} 1 — joins any series to the build that
// produced it.
#pragma once

#include <string>

#include <prometheus/registry.h>

namespace juesuan::metrics {

// The project version this binary was built from (CMake PROJECT_VERSION).
std::string BuildVersion();

void RegisterBuildInfo(prometheus::Registry& registry, const std::string& service);

}  // namespace juesuan::metrics
