#include "cli/local_pipeline.h"

#include <string>

#include "common/base/status_macros.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/status.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "services/scoring/src/scoring.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

namespace juesuan::cli {
namespace {

// ValidateService over the validation core, answered on the callback thread
// (validation of one report takes about a millisecond).
class CoreValidateService final : public validate::v1::ValidateService::CallbackService {
 public:
  grpc::ServerUnaryReactor* ValidateReport(
      grpc::CallbackServerContext* context, const validate::v1::ValidateReportRequest* request,
      validate::v1::ValidateReportResponse* response) override {
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    absl::StatusOr<validate::v1::ValidateReportResponse> result;
    if (request->has_config()) {
      result = validate::Validate(request->report(), request->config());
    } else if (request->config_name().empty() || request->config_name() == "default") {
      result = validate::Validate(request->report(), validate::DefaultConfig());
    } else {
      result = absl::NotFoundError("unknown validation config \"" + request->config_name() +
                                   "\"; known: default");
    }
    if (result.ok()) *response = *std::move(result);
    reactor->Finish(ToGrpcStatus(result.status()));
    return reactor;
  }
};

class CoreScoringService final : public scoring::v1::ScoringService::CallbackService {
 public:
  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const scoring::v1::ScoreReportRequest* request,
                                        scoring::v1::ScoreReportResponse* response) override {
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    absl::StatusOr<scoring::v1::ScoreReportResponse> result = scoring::Score(*request);
    if (result.ok()) *response = *std::move(result);
    reactor->Finish(ToGrpcStatus(result.status()));
    return reactor;
  }
};

}  // namespace

absl::StatusOr<std::unique_ptr<LocalPipeline>> LocalPipeline::Start(int jobs) {
  std::unique_ptr<LocalPipeline> local(new LocalPipeline());
  // One registry per server, as in a deployment (each server registers the
  // same RPC metric families).
  local->registry_ = std::make_shared<prometheus::Registry>();
  local->gateway_registry_ = std::make_shared<prometheus::Registry>();
  ASSIGN_OR_RETURN(local->parser_, parse::DocumentParser::CreateDefault());
  const size_t workers = static_cast<size_t>(jobs < 1 ? 1 : jobs);
  // Every document the CLI has in flight finds a worker or a queue slot.
  local->parse_pool_ = std::make_unique<WorkerPool>(workers, workers);
  local->parse_service_ = std::make_unique<parse::ParseServiceImpl>(
      *local->parser_, *local->parse_pool_, *local->registry_);
  local->validate_service_ = std::make_unique<CoreValidateService>();
  local->scoring_service_ = std::make_unique<CoreScoringService>();

  GrpcServerOptions options;
  options.address = "";  // in-process only
  ASSIGN_OR_RETURN(
      local->backends_,
      GrpcServer::Start(options,
                        {local->parse_service_.get(), local->validate_service_.get(),
                         local->scoring_service_.get()},
                        {parse::v1::ParseService::service_full_name(),
                         validate::v1::ValidateService::service_full_name(),
                         scoring::v1::ScoringService::service_full_name()},
                        local->registry_));
  ClientChannelOptions channel_options;
  channel_options.service_config_json = analyze::BackendServiceConfigJson();
  const auto backend_channel =
      local->backends_->InProcessChannel(ClientChannelArguments(channel_options));
  local->gateway_ = std::make_unique<analyze::AnalyzeServiceImpl>(
      analyze::BackendChannels{backend_channel, backend_channel, backend_channel},
      *local->gateway_registry_);
  ASSIGN_OR_RETURN(local->gateway_server_,
                   GrpcServer::Start(options, {local->gateway_.get()},
                                     {analyze::v1::AnalyzeService::service_full_name()},
                                     local->gateway_registry_));
  local->channel_ = local->gateway_server_->InProcessChannel(ClientChannelArguments({}));
  return local;
}

LocalPipeline::~LocalPipeline() {
  channel_.reset();
  if (gateway_server_ != nullptr) gateway_server_->Shutdown(absl::ZeroDuration());
  if (backends_ != nullptr) backends_->Shutdown(absl::ZeroDuration());
}

}  // namespace juesuan::cli
