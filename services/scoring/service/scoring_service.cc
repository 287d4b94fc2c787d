#include "services/scoring/service/scoring_service.h"

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "absl/time/clock.h"
#include "common/base/status_macros.h"
#include "common/grpc/call_context.h"
#include "common/grpc/status.h"
#include "services/scoring/src/scoring.h"

namespace juesuan::scoring {

ScoringServiceImpl::ScoringServiceImpl(const ScoringConfigs& configs, WorkerPool& pool,
                                       prometheus::Registry& registry)
    : configs_(configs), pool_(pool), metrics_(registry) {
  SetMessageAllocatorFor_ScoreReport(&allocator_);
}

grpc::ServerUnaryReactor* ScoringServiceImpl::ScoreReport(grpc::CallbackServerContext* context,
                                                          const v1::ScoreReportRequest* request,
                                                          v1::ScoreReportResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const bool queued = pool_.Submit([this, context, request, response, reactor] {
    ScoreAndFinish(context, request, response, reactor);
  });
  if (!queued) {
    spdlog::warn("msg=\"scoring queue full\" request_id={} workers={} queue={}",
                 CallRequestId(*context), pool_.threads(), pool_.queue_capacity());
    reactor->Finish(ToGrpcStatus(absl::ResourceExhaustedError(
        "the scoring service is at capacity (all workers busy, queue full); retry later")));
  }
  return reactor;
}

absl::Status ScoringServiceImpl::ScoreRequest(const v1::ScoreReportRequest& request,
                                              v1::ScoreReportResponse* response) const {
  if (!request.has_report()) {
    return absl::InvalidArgumentError("ScoreReportRequest.report is required");
  }
  ASSIGN_OR_RETURN(std::shared_ptr<const CompiledConfig> config, configs_.Select(request));
  ScoreReportInto(request.report(), *config, response);
  return absl::OkStatus();
}

void ScoringServiceImpl::ScoreAndFinish(grpc::CallbackServerContext* context,
                                        const v1::ScoreReportRequest* request,
                                        v1::ScoreReportResponse* response,
                                        grpc::ServerUnaryReactor* reactor) {
  absl::Status status;
  const absl::Time start = absl::Now();
  if (context->IsCancelled()) {
    // The client gave up (or the server is draining) while the call queued.
    status = absl::CancelledError("call cancelled before scoring started");
  } else if (start >= CallDeadline(*context)) {
    status = absl::DeadlineExceededError("deadline passed while waiting for a scoring worker");
  } else {
    status = ScoreRequest(*request, response);
    metrics_.RecordDuration(absl::ToDoubleSeconds(absl::Now() - start));
  }
  if (status.ok()) {
    metrics_.RecordTables(*response);
  } else {
    response->Clear();  // a failed call sends no partial response
  }
  spdlog::info("msg=\"score\" request_id={} code={} config={} tables={} duration_us={}",
               CallRequestId(*context), absl::StatusCodeToString(status.code()),
               response->config_name().empty() ? "-" : response->config_name(),
               response->tables_size(), absl::ToInt64Microseconds(absl::Now() - start));
  reactor->Finish(ToGrpcStatus(status));
}

}  // namespace juesuan::scoring
