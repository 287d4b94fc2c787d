#include "services/validate/service/validate_service.h"

#include <string>
#include <utility>

#include <google/protobuf/util/json_util.h>
#include <spdlog/spdlog.h>

#include "absl/time/clock.h"
#include "common/base/status_macros.h"
#include "common/grpc/call_context.h"
#include "common/grpc/status.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

namespace juesuan::validate {
namespace {

// An inline configuration gets exactly the checks a configuration file gets:
// it goes through the same loader (proto3 JSON in, content checks after).
absl::StatusOr<v1::ValidateConfig> CheckedInlineConfig(const v1::ValidateConfig& config) {
  std::string json;
  const auto printed = google::protobuf::util::MessageToJsonString(config, &json);
  if (!printed.ok()) {
    return absl::InvalidArgumentError("inline validate config cannot be read: " +
                                      std::string(printed.message()));
  }
  return ParseConfigJson(json);
}

}  // namespace

absl::StatusOr<v1::ValidateConfig> LoadServiceConfig(const std::string& path) {
  if (path.empty()) return DefaultConfig();
  return LoadConfigFile(path);
}

ValidateServiceImpl::ValidateServiceImpl(const v1::ValidateConfig& config, WorkerPool& pool,
                                         prometheus::Registry& registry)
    : config_(config), pool_(pool), metrics_(registry) {
  SetMessageAllocatorFor_ValidateReport(&allocator_);
}

grpc::ServerUnaryReactor* ValidateServiceImpl::ValidateReport(
    grpc::CallbackServerContext* context, const v1::ValidateReportRequest* request,
    v1::ValidateReportResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const bool queued = pool_.Submit([this, context, request, response, reactor] {
    ValidateAndFinish(context, request, response, reactor);
  });
  if (!queued) {
    metrics_.RecordReport(ValidateOutcome::kRejected);
    spdlog::warn("msg=\"validate queue full\" request_id={} workers={} queue={}",
                 CallRequestId(*context), pool_.threads(), pool_.queue_capacity());
    reactor->Finish(ToGrpcStatus(absl::ResourceExhaustedError(
        "the validate service is at capacity (all workers busy, queue full); retry later")));
  }
  return reactor;
}

absl::StatusOr<const v1::ValidateConfig*> ValidateServiceImpl::ConfigFor(
    const v1::ValidateReportRequest& request, v1::ValidateConfig* inline_config) const {
  switch (request.config_choice_case()) {
    case v1::ValidateReportRequest::kConfig: {
      ASSIGN_OR_RETURN(*inline_config, CheckedInlineConfig(request.config()));
      return inline_config;
    }
    case v1::ValidateReportRequest::kConfigName: {
      const std::string& name = request.config_name();
      if (name.empty() || name == kDefaultConfigName || name == config_.name()) return &config_;
      return absl::NotFoundError("unknown validate config \"" + name + "\"; this service knows \"" +
                                 kDefaultConfigName + "\"" +
                                 (config_.name().empty() || config_.name() == kDefaultConfigName
                                      ? std::string()
                                      : " and \"" + config_.name() + "\""));
    }
    default:
      return &config_;
  }
}

absl::Status ValidateServiceImpl::ValidateRequest(const v1::ValidateReportRequest& request,
                                                  v1::ValidateReportResponse* response) const {
  if (!request.has_report()) {
    return absl::InvalidArgumentError("ValidateReportRequest.report is required");
  }
  v1::ValidateConfig inline_config;
  ASSIGN_OR_RETURN(const v1::ValidateConfig* config, ConfigFor(request, &inline_config));
  // Straight into `response`, which lives on the call's arena: no copy.
  return ValidateInto(request.report(), *config, response);
}

void ValidateServiceImpl::ValidateAndFinish(grpc::CallbackServerContext* context,
                                            const v1::ValidateReportRequest* request,
                                            v1::ValidateReportResponse* response,
                                            grpc::ServerUnaryReactor* reactor) {
  absl::Status status;
  const absl::Time start = absl::Now();
  if (context->IsCancelled()) {
    // The client gave up (or the server is draining) while the call queued.
    status = absl::CancelledError("call cancelled before validation started");
  } else if (start >= CallDeadline(*context)) {
    status = absl::DeadlineExceededError("deadline passed while waiting for a validate worker");
  } else {
    status = ValidateRequest(*request, response);
    metrics_.RecordDuration(absl::ToDoubleSeconds(absl::Now() - start));
  }
  const ValidateOutcome outcome = OutcomeOf(status.code());
  metrics_.RecordReport(outcome);
  if (status.ok()) {
    metrics_.RecordFindings(*response);
  } else {
    response->Clear();  // a failed call sends no partial response
  }
  spdlog::info(
      "msg=\"validate\" request_id={} outcome={} code={} errors={} warnings={} infos={} "
      "duration_us={}",
      CallRequestId(*context), OutcomeLabel(outcome), absl::StatusCodeToString(status.code()),
      response->summary().errors(), response->summary().warnings(), response->summary().infos(),
      absl::ToInt64Microseconds(absl::Now() - start));
  reactor->Finish(ToGrpcStatus(status));
}

}  // namespace juesuan::validate
