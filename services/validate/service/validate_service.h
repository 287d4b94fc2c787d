// ValidateService over gRPC's callback API, built like ParseServiceImpl: each
// call runs on a bounded worker pool (never on a callback thread), a full
// queue answers RESOURCE_EXHAUSTED at once, a call whose deadline passed while
// it queued is not validated, the absl::Status is mapped to gRPC exactly once,
// and every path Finish()es the reactor.
//
// Findings are response data. The only errors are about the request: no
// report (INVALID_ARGUMENT), an unknown config_name (NOT_FOUND), an invalid
// inline config or a report beyond the config's limits (INVALID_ARGUMENT).
#pragma once

#include <string>

#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/grpc/arena_allocator.h"
#include "common/runtime/worker_pool.h"
#include "juesuan/validate/v1/validate_config.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "services/validate/service/validate_metrics.h"

namespace juesuan::validate {

// The name that always selects the service's configuration, whatever the
// configuration's own `name`.
inline constexpr char kDefaultConfigName[] = "default";

// The configuration a service runs with: the JSON file at `path` (proto3 JSON
// of ValidateConfig, checked like every configuration), or the built-in
// config/validate/default.json when `path` is empty.
absl::StatusOr<v1::ValidateConfig> LoadServiceConfig(const std::string& path);

class ValidateServiceImpl final : public v1::ValidateService::CallbackService {
 public:
  // `pool` and `registry` must outlive the service; `config` is copied. It
  // answers requests that name no configuration, "default", or config.name().
  ValidateServiceImpl(const v1::ValidateConfig& config, WorkerPool& pool,
                      prometheus::Registry& registry);

  grpc::ServerUnaryReactor* ValidateReport(grpc::CallbackServerContext* context,
                                           const v1::ValidateReportRequest* request,
                                           v1::ValidateReportResponse* response) override;

  // The validation itself, without gRPC: what a worker runs for one request.
  absl::Status ValidateRequest(const v1::ValidateReportRequest& request,
                               v1::ValidateReportResponse* response) const;

 private:
  // Runs on a worker thread and finishes the call.
  void ValidateAndFinish(grpc::CallbackServerContext* context,
                         const v1::ValidateReportRequest* request,
                         v1::ValidateReportResponse* response, grpc::ServerUnaryReactor* reactor);
  // The configuration a request selects; an inline one is checked and kept in
  // `inline_config`.
  absl::StatusOr<const v1::ValidateConfig*> ConfigFor(const v1::ValidateReportRequest& request,
                                                      v1::ValidateConfig* inline_config) const;

  const v1::ValidateConfig config_;
  WorkerPool& pool_;
  ValidateMetrics metrics_;
  ArenaMessageAllocator<v1::ValidateReportRequest, v1::ValidateReportResponse> allocator_;
};

}  // namespace juesuan::validate
