// juesuan services hosted inside the CLI process: the same service classes
// the deployed binaries run, registered in a gRPC server without a listening
// port and reached through its in-process channel. Calls therefore go through
// the real service code (status mapping, limits, worker pool) with no ports.
//
//   LocalServicesOptions options;
//   options.validate = options.scoring = true;
//   ASSIGN_OR_RETURN(auto local, LocalServices::Start(options));
//   ParseService::NewStub(local->parse_channel()) …
//   ValidateService::NewStub(local->validate_channel()) …
#pragma once

#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "services/parse/service/parse_service.h"
#include "services/parse/src/parser.h"
#include "services/scoring/service/scoring_service.h"
#include "services/validate/service/validate_service.h"

namespace juesuan::cli {

struct LocalServicesOptions {
  bool parse = true;
  bool validate = false;
  bool scoring = false;
  // As the binaries' --validate_config / --scoring_config: empty = built-in.
  std::string validate_config_path;
  std::string scoring_config_path;
  // Worker threads of each hosted service (and requests that may wait for
  // one): 1 for a single request, more when the CLI runs documents in parallel.
  size_t workers = 1;
  // Threads reading one PDF's pages (parse::ParseServiceOptions).
  uint32_t pdf_page_threads = 1;
};

class LocalServices {
 public:
  // Errors: a configuration that cannot be loaded, a server that cannot start.
  static absl::StatusOr<std::unique_ptr<LocalServices>> Start(const LocalServicesOptions& options);
  ~LocalServices();

  // A channel to the hosted service; nullptr when the service is not hosted.
  // (All hosted services share the server and hence the channel.) Release
  // every copy before this object is destroyed: gRPC aborts when an
  // in-process channel outlives its server.
  std::shared_ptr<grpc::Channel> parse_channel() const { return parse_ ? channel_ : nullptr; }
  std::shared_ptr<grpc::Channel> validate_channel() const {
    return validate_ ? channel_ : nullptr;
  }
  std::shared_ptr<grpc::Channel> scoring_channel() const { return scoring_ ? channel_ : nullptr; }

  prometheus::Registry& registry() const { return *registry_; }

 private:
  LocalServices() = default;

  // One service with its own worker pool, as in a deployment. Destroyed in
  // reverse order: service before pool.
  template <typename Service>
  struct Hosted {
    std::unique_ptr<WorkerPool> pool;
    std::unique_ptr<Service> service;
  };

  // Destroyed in reverse order: server first, then services, pools, parser.
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<parse::DocumentParser> parser_;
  std::unique_ptr<Hosted<parse::ParseServiceImpl>> parse_;
  std::unique_ptr<Hosted<validate::ValidateServiceImpl>> validate_;
  std::unique_ptr<Hosted<scoring::ScoringServiceImpl>> scoring_;
  std::unique_ptr<GrpcServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// The parse service alone (what `juesuan parse` uses).
class LocalParseService {
 public:
  static absl::StatusOr<std::unique_ptr<LocalParseService>> Start();

  std::shared_ptr<grpc::Channel> channel() const { return services_->parse_channel(); }

 private:
  explicit LocalParseService(std::unique_ptr<LocalServices> services)
      : services_(std::move(services)) {}
  std::unique_ptr<LocalServices> services_;
};

}  // namespace juesuan::cli
