#include "cli/local_services.h"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "common/base/status_macros.h"
#include "common/grpc/client_channel.h"

namespace juesuan::cli {
namespace {

// `workers` threads and as many waiting slots per service (one worker and one
// slot for a single request).
std::unique_ptr<WorkerPool> Pool(size_t workers) {
  const size_t n = workers < 1 ? 1 : workers;
  return std::make_unique<WorkerPool>(n, n);
}

}  // namespace

absl::StatusOr<std::unique_ptr<LocalServices>> LocalServices::Start(
    const LocalServicesOptions& options) {
  std::unique_ptr<LocalServices> local(new LocalServices());
  local->registry_ = std::make_shared<prometheus::Registry>();
  std::vector<grpc::Service*> services;
  std::vector<std::string> health_names;
  if (options.parse) {
    ASSIGN_OR_RETURN(local->parser_, parse::DocumentParser::CreateDefault());
    local->parse_ = std::make_unique<Hosted<parse::ParseServiceImpl>>();
    local->parse_->pool = Pool(options.workers);
    parse::ParseServiceOptions parse_options;
    parse_options.pdf_page_threads = options.pdf_page_threads;
    local->parse_->service = std::make_unique<parse::ParseServiceImpl>(
        *local->parser_, *local->parse_->pool, *local->registry_, parse_options);
    services.push_back(local->parse_->service.get());
    health_names.push_back(parse::v1::ParseService::service_full_name());
  }
  if (options.validate) {
    ASSIGN_OR_RETURN(const validate::v1::ValidateConfig config,
                     validate::LoadServiceConfig(options.validate_config_path));
    local->validate_ = std::make_unique<Hosted<validate::ValidateServiceImpl>>();
    local->validate_->pool = Pool(options.workers);
    local->validate_->service = std::make_unique<validate::ValidateServiceImpl>(
        config, *local->validate_->pool, *local->registry_);
    services.push_back(local->validate_->service.get());
    health_names.push_back(validate::v1::ValidateService::service_full_name());
  }
  if (options.scoring) {
    ASSIGN_OR_RETURN(const scoring::ScoringConfigs configs,
                     scoring::ScoringConfigs::Load(options.scoring_config_path));
    local->scoring_ = std::make_unique<Hosted<scoring::ScoringServiceImpl>>();
    local->scoring_->pool = Pool(options.workers);
    local->scoring_->service = std::make_unique<scoring::ScoringServiceImpl>(
        configs, *local->scoring_->pool, *local->registry_);
    services.push_back(local->scoring_->service.get());
    health_names.push_back(scoring::v1::ScoringService::service_full_name());
  }
  GrpcServerOptions server_options;
  server_options.address = "";  // in-process only
  ASSIGN_OR_RETURN(local->server_,
                   GrpcServer::Start(server_options, services, health_names, local->registry_));
  local->channel_ = local->server_->InProcessChannel(ClientChannelArguments({}));
  return local;
}

LocalServices::~LocalServices() {
  channel_.reset();
  if (server_ != nullptr) server_->Shutdown(absl::ZeroDuration());
}

absl::StatusOr<std::unique_ptr<LocalParseService>> LocalParseService::Start() {
  // One document: its PDF pages may use every core.
  LocalServicesOptions options;
  options.pdf_page_threads = std::max(1u, std::thread::hardware_concurrency());
  ASSIGN_OR_RETURN(std::unique_ptr<LocalServices> services, LocalServices::Start(options));
  return std::unique_ptr<LocalParseService>(new LocalParseService(std::move(services)));
}

}  // namespace juesuan::cli
