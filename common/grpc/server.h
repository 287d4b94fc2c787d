// The server bootstrap every juesuan service uses: health (per-service
// names), reflection, RPC metrics, explicit message limits, keepalive and
// max-connection-age, transport security, caller authentication and an
// orderly shutdown.
//
// Transport security (see README "Transport security and callers"):
//   - tls_cert_file + tls_key_file: TLS; adding tls_client_ca_file requires
//     and verifies a client certificate issued by that CA (mTLS);
//   - plaintext = true: explicitly plaintext (local use);
//   - neither: plaintext as well (the historical default), with a warning in
//     the log. Asking for plaintext and TLS at once is an error.
// auth_tokens_file: a callers file (common/grpc/caller_auth.h); when set,
// every call except health checks needs a known bearer token or client
// certificate. It requires TLS: gRPC runs auth processors only on secure
// listeners, and tokens must not cross the network in clear.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/support/channel_arguments.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/grpc/limits.h"
#include "common/metrics/rpc_metrics_interceptor.h"

namespace juesuan {

struct GrpcServerOptions {
  // "host:port"; port 0 lets the kernel pick (see GrpcServer::port()).
  // Empty: no listening port at all; use InProcessChannel().
  std::string address = "0.0.0.0:50051";
  int64_t max_message_bytes = grpc_limits::kDefaultMaxMessageBytes;
  int max_connection_age_ms = grpc_limits::kMaxConnectionAgeMs;
  int max_connection_age_grace_ms = grpc_limits::kMaxConnectionAgeGraceMs;
  // PEM files; empty means not used (see the header comment).
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  bool plaintext = false;
  std::string auth_tokens_file;
};

// The listening credentials `options` ask for (reads the PEM files).
// INVALID_ARGUMENT for contradictory options, NOT_FOUND for unreadable files.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const GrpcServerOptions& options);

class GrpcServer {
 public:
  // Builds and starts the server. `services` must outlive it. Every name in
  // `health_service_names` (e.g. "juesuan.parse.v1.ParseService") reports
  // SERVING once Start returns; "" (the whole process) is SERVING as well.
  // RPC metrics are registered in `registry`.
  static absl::StatusOr<std::unique_ptr<GrpcServer>> Start(
      const GrpcServerOptions& options, const std::vector<grpc::Service*>& services,
      const std::vector<std::string>& health_service_names,
      std::shared_ptr<prometheus::Registry> registry);

  ~GrpcServer();  // Shutdown(0) if not yet shut down, then Wait().
  GrpcServer(const GrpcServer&) = delete;
  GrpcServer& operator=(const GrpcServer&) = delete;

  // The bound port (0 when started without a listening address).
  int port() const { return port_; }

  // A channel to this server that bypasses the network.
  std::shared_ptr<grpc::Channel> InProcessChannel(const grpc::ChannelArguments& args);

  // Flips every health status to NOT_SERVING (so load balancers stop sending
  // work), then stops accepting calls and cancels those still running after
  // `grace`. Idempotent.
  void Shutdown(absl::Duration grace);

  // Blocks until the server has shut down.
  void Wait();

 private:
  GrpcServer() = default;

  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<metrics::RpcMetrics> rpc_metrics_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  absl::Mutex shutdown_mu_;
  bool shut_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
};

}  // namespace juesuan
