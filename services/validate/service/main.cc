// juesuan-validate: the validate service binary.
//
//   juesuan-validate --grpc_address=0.0.0.0:50052 --metrics_address=0.0.0.0:9465
//                    --validate_config=/etc/juesuan/validate.json --workers=2
#include <cstdint>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "common/runtime/lock_tracking.h"
#include "common/runtime/logging.h"
#include "common/runtime/main_support.h"
#include "common/runtime/service_flags.h"
#include "common/runtime/worker_flags.h"
#include "services/validate/service/validate_service.h"

ABSL_FLAG(std::string, validate_config, "",
          "JSON ValidateConfig (proto3 JSON) replacing the built-in default; empty: built-in "
          "config/validate/default.json");

namespace {

constexpr char kServiceName[] = "juesuan-validate";

}  // namespace

int main(int argc, char** argv) {
  juesuan::BlockTerminationSignals();  // before any thread exists
  juesuan::TurnOffLockOrderTracking();
  absl::SetProgramUsageMessage(
      "juesuan validate service (gRPC juesuan.validate.v1.ValidateService)");
  juesuan::SetServeAddressDefaults("0.0.0.0:50052", "0.0.0.0:9465");
  absl::ParseCommandLine(argc, argv);
  const juesuan::ServeOptions options = juesuan::ServeOptionsFromFlags();
  juesuan::SetupLogging(kServiceName, options.log_level);

  const absl::StatusOr<juesuan::validate::v1::ValidateConfig> config =
      juesuan::validate::LoadServiceConfig(absl::GetFlag(FLAGS_validate_config));
  if (!config.ok()) {
    spdlog::critical("msg=\"cannot load the validate configuration: {}\"",
                     config.status().ToString());
    return 1;
  }
  return juesuan::ServeOnWorkerPool(
      kServiceName, options, juesuan::validate::v1::ValidateService::service_full_name(),
      [&](juesuan::WorkerPool& pool, prometheus::Registry& registry)
          -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
        spdlog::info("msg=\"validate workers ready\" workers={} queue_size={} config={} source={}",
                     pool.threads(), pool.queue_capacity(), config->name(),
                     absl::GetFlag(FLAGS_validate_config).empty()
                         ? std::string("built-in")
                         : absl::GetFlag(FLAGS_validate_config));
        return std::make_unique<juesuan::validate::ValidateServiceImpl>(*config, pool, registry);
      });
}
