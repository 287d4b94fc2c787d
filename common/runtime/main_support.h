// What a service main() does around its service object: block termination
// signals before any thread exists, expose /metrics, start the gRPC server,
// announce the bound ports, wait for SIGTERM/SIGINT and shut down gracefully.
//
//   int main(int argc, char** argv) {
//     juesuan::BlockTerminationSignals();        // first, before any thread
//     absl::ParseCommandLine(argc, argv);
//     ... build registry, worker pool, service ...
//     return juesuan::ServeUntilTerminated("juesuan-parse", options, {&service},
//                                          {"juesuan.parse.v1.ParseService"}, registry);
//   }
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/impl/codegen/service_type.h>
#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/grpc/server.h"

namespace juesuan {

struct ServeOptions {
  GrpcServerOptions server;
  std::string metrics_address = "0.0.0.0:9464";
  absl::Duration shutdown_grace = absl::Seconds(10);
  std::string port_file;          // gRPC port written here when non-empty
  std::string metrics_port_file;  // /metrics port written here when non-empty
  std::string log_level = "info";
};

// Blocks SIGTERM and SIGINT in the calling thread; threads created later
// inherit the mask, so only the sigwait in ServeUntilTerminated sees them.
void BlockTerminationSignals();

// Writes "<port>\n" to `path` atomically (temporary file + rename), so a
// reader never sees a partial number.
absl::Status WritePortFile(const std::string& path, int port);

// Runs the service until SIGTERM or SIGINT. Registers process metrics and
// juesuan_build_info{service} in `registry`. Returns the process exit code:
// 0 after a graceful shutdown, 1 when the server or /metrics cannot start.
int ServeUntilTerminated(const std::string& service_name, const ServeOptions& options,
                         const std::vector<grpc::Service*>& services,
                         const std::vector<std::string>& health_service_names,
                         std::shared_ptr<prometheus::Registry> registry);

}  // namespace juesuan
