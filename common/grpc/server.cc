#include "common/grpc/server.h"

#include <chrono>
#include <utility>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <spdlog/spdlog.h>

#include "common/grpc/caller_auth.h"
#include "common/grpc/pem_file.h"

namespace juesuan {
namespace {

bool WantsTls(const GrpcServerOptions& options) {
  return !options.tls_cert_file.empty() || !options.tls_key_file.empty() ||
         !options.tls_client_ca_file.empty();
}

absl::Status CheckSecurityOptions(const GrpcServerOptions& options) {
  if (options.plaintext && WantsTls(options)) {
    return absl::InvalidArgumentError(
        "--plaintext contradicts --tls_cert/--tls_key/--tls_client_ca; pick one");
  }
  if (WantsTls(options) && (options.tls_cert_file.empty() || options.tls_key_file.empty())) {
    return absl::InvalidArgumentError("TLS needs both --tls_cert and --tls_key");
  }
  // gRPC runs auth metadata processors only behind secure credentials (the
  // plaintext listener aborts on one), and tokens must not travel in clear.
  if (!options.auth_tokens_file.empty() && !WantsTls(options)) {
    return absl::InvalidArgumentError("--auth_tokens_file needs TLS (--tls_cert, --tls_key)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsServerCredentials(
    const GrpcServerOptions& options) {
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  absl::StatusOr<std::string> cert = ReadPemFile(options.tls_cert_file, "--tls_cert");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPemFile(options.tls_key_file, "--tls_key");
  if (!key.ok()) return key.status();
  pair.cert_chain = *std::move(cert);
  pair.private_key = *std::move(key);
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  if (!options.tls_client_ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadPemFile(options.tls_client_ca_file, "--tls_client_ca");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

const char* SecurityLabel(const GrpcServerOptions& options) {
  if (!options.tls_client_ca_file.empty()) return "mtls";
  if (!options.tls_cert_file.empty()) return "tls";
  return "plaintext";
}

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

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const GrpcServerOptions& options) {
  if (absl::Status checked = CheckSecurityOptions(options); !checked.ok()) return checked;
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (WantsTls(options)) {
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> tls = TlsServerCredentials(options);
    if (!tls.ok()) return tls.status();
    credentials = *std::move(tls);
  } else {
    if (!options.plaintext && !options.address.empty()) {
      spdlog::warn("msg=\"no TLS flags given: serving plaintext (pass --plaintext to say so, "
                   "or --tls_cert and --tls_key for TLS)\"");
    }
    credentials = grpc::InsecureServerCredentials();
  }
  if (!options.auth_tokens_file.empty()) {
    absl::StatusOr<std::shared_ptr<CallerAuthenticator>> callers =
        CallerAuthenticator::FromFile(options.auth_tokens_file);
    if (!callers.ok()) return callers.status();
    spdlog::info("msg=\"caller authentication on\" callers={}", (*callers)->size());
    credentials->SetAuthMetadataProcessor(*std::move(callers));
  }
  return credentials;
}

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

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentialsFor(options);
  if (!credentials.ok()) return credentials.status();

  grpc::ServerBuilder builder;
  if (!options.address.empty()) {
    builder.AddListeningPort(options.address, *credentials, &server->port_);
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
  spdlog::info("msg=\"transport\" security={} caller_auth={}", SecurityLabel(options),
               options.auth_tokens_file.empty() ? "off" : "on");
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
