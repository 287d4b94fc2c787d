#include "common/metrics/build_info.h"

#include <prometheus/gauge.h>

namespace juesuan::metrics {

std::string BuildVersion() { return JUESUAN_VERSION; }

void RegisterBuildInfo(prometheus::Registry& registry, const std::string& service) {
  prometheus::BuildGauge()
      .Name("juesuan_build_info")
      .Help("Always 1; labels name the service and the version it was built from.")
      .Register(registry)
      .Add({{"service", service}, {"version", BuildVersion()}})
      .Set(1);
}

}  // namespace juesuan::metrics
