// ScoringService over gRPC's callback API, built like ParseServiceImpl: each
// call runs on a bounded worker pool (never on a callback thread), a full
// queue answers RESOURCE_EXHAUSTED at once, a call whose deadline passed while
// it queued is not scored, the absl::Status is mapped to gRPC exactly once,
// and every path Finish()es the reactor. Request and response of a call live
// on one protobuf Arena, and the scorer writes its result straight into it.
//
// Deviations are findings in the response. The only errors are about the
// request: no report (INVALID_ARGUMENT), an unknown config_name (NOT_FOUND),
// an invalid inline_config (INVALID_ARGUMENT).
#pragma once

#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "common/grpc/arena_allocator.h"
#include "common/runtime/worker_pool.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "services/scoring/service/scoring_configs.h"
#include "services/scoring/service/scoring_metrics.h"

namespace juesuan::scoring {

class ScoringServiceImpl final : public v1::ScoringService::CallbackService {
 public:
  // `pool` and `registry` must outlive the service; `configs` is copied (the
  // compiled configurations themselves are shared, immutable).
  ScoringServiceImpl(const ScoringConfigs& configs, WorkerPool& pool,
                     prometheus::Registry& registry);

  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const v1::ScoreReportRequest* request,
                                        v1::ScoreReportResponse* response) override;

  // The scoring itself, without gRPC: what a worker runs for one request.
  absl::Status ScoreRequest(const v1::ScoreReportRequest& request,
                            v1::ScoreReportResponse* response) const;

 private:
  // Runs on a worker thread and finishes the call.
  void ScoreAndFinish(grpc::CallbackServerContext* context, const v1::ScoreReportRequest* request,
                      v1::ScoreReportResponse* response, grpc::ServerUnaryReactor* reactor);

  const ScoringConfigs configs_;
  WorkerPool& pool_;
  ScoringMetrics metrics_;
  ArenaMessageAllocator<v1::ScoreReportRequest, v1::ScoreReportResponse> allocator_;
};

}  // namespace juesuan::scoring
