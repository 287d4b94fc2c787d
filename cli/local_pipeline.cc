#include "cli/local_pipeline.h"

#include "common/base/status_macros.h"
#include "common/grpc/client_channel.h"

namespace juesuan::cli {

absl::StatusOr<std::unique_ptr<LocalPipeline>> LocalPipeline::Start(int jobs,
                                                                    uint32_t pdf_page_threads) {
  std::unique_ptr<LocalPipeline> local(new LocalPipeline());
  LocalServicesOptions backends;
  backends.parse = backends.validate = backends.scoring = true;
  // Every document the CLI has in flight finds a worker or a queue slot.
  backends.workers = static_cast<size_t>(jobs < 1 ? 1 : jobs);
  backends.pdf_page_threads = pdf_page_threads;
  ASSIGN_OR_RETURN(local->backends_, LocalServices::Start(backends));

  // Its own registry, as in a deployment (each server registers the same RPC
  // metric families).
  local->gateway_registry_ = std::make_shared<prometheus::Registry>();
  local->gateway_ = std::make_unique<analyze::AnalyzeServiceImpl>(
      analyze::BackendChannels{local->backends_->parse_channel(),
                               local->backends_->validate_channel(),
                               local->backends_->scoring_channel()},
      *local->gateway_registry_);
  GrpcServerOptions options;
  options.address = "";  // in-process only
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
}

}  // namespace juesuan::cli
