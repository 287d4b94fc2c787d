// The whole analyze pipeline inside the CLI process: the parse, validate and
// scoring services and the analyze gateway, each the class the deployed
// binary runs, registered in gRPC servers without listening ports. The
// gateway reaches the backends, and the CLI reaches the gateway, through
// in-process channels: the same code path as a deployment, no ports.
#pragma once

#include <memory>

#include <grpcpp/channel.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "services/analyze/service/analyze_service.h"
#include "services/parse/service/parse_service.h"
#include "services/parse/src/parser.h"

namespace juesuan::cli {

class LocalPipeline {
 public:
  // `jobs` documents may be in the pipeline at once.
  static absl::StatusOr<std::unique_ptr<LocalPipeline>> Start(int jobs);
  ~LocalPipeline();

  // A channel to the in-process AnalyzeService.
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

 private:
  LocalPipeline() = default;

  // Destroyed in reverse order: servers first, then services and pools.
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Registry> gateway_registry_;
  std::unique_ptr<parse::DocumentParser> parser_;
  std::unique_ptr<WorkerPool> parse_pool_;
  std::unique_ptr<parse::ParseServiceImpl> parse_service_;
  std::unique_ptr<grpc::Service> validate_service_;
  std::unique_ptr<grpc::Service> scoring_service_;
  std::unique_ptr<GrpcServer> backends_;
  std::unique_ptr<analyze::AnalyzeServiceImpl> gateway_;
  std::unique_ptr<GrpcServer> gateway_server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace juesuan::cli
