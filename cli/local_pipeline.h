// The whole analyze pipeline inside the CLI process: the parse, validate and
// scoring services (LocalServices) and the analyze gateway, each the class
// the deployed binary runs, registered in gRPC servers without listening
// ports. The gateway reaches the backends, and the CLI reaches the gateway,
// through in-process channels: the same code path as a deployment, no ports.
#pragma once

#include <memory>

#include <grpcpp/channel.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "cli/local_services.h"
#include "common/grpc/server.h"
#include "services/analyze/service/analyze_service.h"

namespace juesuan::cli {

class LocalPipeline {
 public:
  // `jobs` documents may be in the pipeline at once; each PDF's pages are
  // read with `pdf_page_threads` threads.
  static absl::StatusOr<std::unique_ptr<LocalPipeline>> Start(int jobs,
                                                              uint32_t pdf_page_threads = 1);
  ~LocalPipeline();

  // A channel to the in-process AnalyzeService. Release every copy (and
  // every stub made from it) before this object is destroyed: gRPC aborts
  // when an in-process channel outlives its server.
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

 private:
  LocalPipeline() = default;

  // Destroyed in reverse order: the gateway's server, the gateway, then the
  // backends.
  std::unique_ptr<LocalServices> backends_;
  std::shared_ptr<prometheus::Registry> gateway_registry_;
  std::unique_ptr<analyze::AnalyzeServiceImpl> gateway_;
  std::unique_ptr<GrpcServer> gateway_server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace juesuan::cli
