// juesuan services hosted inside the CLI process: the same service classes
// the deployed binaries run, registered in a gRPC server without a listening
// port and reached through its in-process channel. Calls therefore go through
// the real service code (status mapping, limits, worker pool) with no ports.
#pragma once

#include <memory>

#include <grpcpp/channel.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "services/parse/service/parse_service.h"
#include "services/parse/src/parser.h"

namespace juesuan::cli {

class LocalParseService {
 public:
  static absl::StatusOr<std::unique_ptr<LocalParseService>> Start();
  ~LocalParseService();

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

 private:
  LocalParseService() = default;

  // Destroyed in reverse order: server first, then service, pool, parser.
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<parse::DocumentParser> parser_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<parse::ParseServiceImpl> service_;
  std::unique_ptr<GrpcServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace juesuan::cli
