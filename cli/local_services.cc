#include "cli/local_services.h"

#include "common/base/status_macros.h"
#include "common/grpc/client_channel.h"

namespace juesuan::cli {

absl::StatusOr<std::unique_ptr<LocalParseService>> LocalParseService::Start() {
  std::unique_ptr<LocalParseService> local(new LocalParseService());
  local->registry_ = std::make_shared<prometheus::Registry>();
  ASSIGN_OR_RETURN(local->parser_, parse::DocumentParser::CreateDefault());
  // One document per invocation: one worker, one waiting slot.
  local->pool_ = std::make_unique<WorkerPool>(1, 1);
  local->service_ =
      std::make_unique<parse::ParseServiceImpl>(*local->parser_, *local->pool_, *local->registry_);
  GrpcServerOptions options;
  options.address = "";  // in-process only
  ASSIGN_OR_RETURN(local->server_,
                   GrpcServer::Start(options, {local->service_.get()},
                                     {parse::v1::ParseService::service_full_name()},
                                     local->registry_));
  local->channel_ = local->server_->InProcessChannel(ClientChannelArguments({}));
  return local;
}

LocalParseService::~LocalParseService() {
  channel_.reset();
  if (server_ != nullptr) server_->Shutdown(absl::ZeroDuration());
}

}  // namespace juesuan::cli
