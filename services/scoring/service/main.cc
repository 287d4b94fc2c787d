// juesuan-scoring: the scoring service binary.
//
//   juesuan-scoring --grpc_address=0.0.0.0:50053 --metrics_address=0.0.0.0:9466
//                   --scoring_config=/etc/juesuan/scoring.json --workers=2
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
#include "services/scoring/service/scoring_configs.h"
#include "services/scoring/service/scoring_service.h"

ABSL_FLAG(std::string, scoring_config, "",
          "JSON ScoringConfig (proto3 JSON) added to the built-in configs (replacing one of the "
          "same name) and used for requests that name no config, unless a config claims the "
          "report's layout; empty: built-ins only, \"national\" by default");

namespace {

constexpr char kServiceName[] = "juesuan-scoring";

}  // namespace

int main(int argc, char** argv) {
  juesuan::BlockTerminationSignals();  // before any thread exists
  juesuan::TurnOffLockOrderTracking();
  absl::SetProgramUsageMessage(
      "juesuan scoring service (gRPC juesuan.scoring.v1.ScoringService)");
  juesuan::SetServeAddressDefaults("0.0.0.0:50053", "0.0.0.0:9466");
  absl::ParseCommandLine(argc, argv);
  const juesuan::ServeOptions options = juesuan::ServeOptionsFromFlags();
  juesuan::SetupLogging(kServiceName, options.log_level);

  const absl::StatusOr<juesuan::scoring::ScoringConfigs> configs =
      juesuan::scoring::ScoringConfigs::Load(absl::GetFlag(FLAGS_scoring_config));
  if (!configs.ok()) {
    spdlog::critical("msg=\"cannot load the scoring configuration: {}\"",
                     configs.status().ToString());
    return 1;
  }
  return juesuan::ServeOnWorkerPool(
      kServiceName, options, juesuan::scoring::v1::ScoringService::service_full_name(),
      [&](juesuan::WorkerPool& pool, prometheus::Registry& registry)
          -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
        std::string names;
        for (const std::string& name : configs->names()) {
          names += (names.empty() ? "" : ",") + name;
        }
        spdlog::info("msg=\"scoring workers ready\" workers={} queue_size={} configs={} default={}",
                     pool.threads(), pool.queue_capacity(), names, configs->default_name());
        return std::make_unique<juesuan::scoring::ScoringServiceImpl>(*configs, pool, registry);
      });
}
