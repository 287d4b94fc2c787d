#include "common/grpc/server.h"

#include <chrono>
#include <utility>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <spdlog/spdlog.h>

namespace juesuan {
namespace {

void ApplyChannelSettings(const GrpcServerOptions& options, grpc::ServerBuilder& builder) {
  builder.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
  builder.SetMaxSendMessageSize(static_cast<int>(options.max_message_bytes));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                             grpc_limits::kServerMinRecvPingIntervalMs);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                             grpc_limits::kServerKeepaliveTimeMs);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                             grpc_limits::kServerKeepaliveTimeoutMs);
  // A second process on the same port must fail to start, not silently share it.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, options.max_connection_age_ms);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                             options.max_connection_age_grace_ms);
}

}  // namespace

absl::StatusOr<std::unique_ptr<GrpcServer>> GrpcServer::Start(
    const GrpcServerOptions& options, const std::vector<grpc::Service*>& services,
    const std::vector<std::string>& health_service_names,
    std::shared_ptr<prometheus::Registry> registry) {
  // Both are process-wide and must run before a ServerBuilder exists.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::unique_ptr<GrpcServer> server(new GrpcServer());
  server->registry_ =
      registry != nullptr ? std::move(registry) : std::make_shared<prometheus::Registry>();
  server->rpc_metrics_ = std::make_unique<metrics::RpcMetrics>(*server->registry_);

  grpc::ServerBuilder builder;
  if (!options.address.empty()) {
    builder.AddListeningPort(options.address, grpc::InsecureServerCredentials(),
                             &server->port_);
  }
  ApplyChannelSettings(options, builder);
  for (grpc::Service* service : services) builder.RegisterService(service);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<metrics::MetricsInterceptorFactory>(server->rpc_metrics_.get()));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));

  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr ||
      (!options.address.empty() && server->port_ == 0)) {
    return absl::UnavailableError("cannot start the gRPC server on '" + options.address +
                                  "' (address in use or invalid?)");
  }
  grpc::HealthCheckServiceInterface* health = server->server_->GetHealthCheckService();
  for (const std::string& name : health_service_names) {
    health->SetServingStatus(name, true);
  }
  return server;
}

GrpcServer::~GrpcServer() {
  if (server_ == nullptr) return;  // Start() failed before building
  Shutdown(absl::ZeroDuration());
  Wait();
}

std::shared_ptr<grpc::Channel> GrpcServer::InProcessChannel(
    const grpc::ChannelArguments& args) {
  return server_->InProcessChannel(args);
}

void GrpcServer::Shutdown(absl::Duration grace) {
  absl::MutexLock lock(&shutdown_mu_);
  if (shut_down_) return;
  shut_down_ = true;
  server_->GetHealthCheckService()->Shutdown();
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoNanoseconds(grace));
}

void GrpcServer::Wait() { server_->Wait(); }

}  // namespace juesuan
