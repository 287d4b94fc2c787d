#include "common/grpc/client_channel.h"

#include <cstdlib>
#include <utility>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <spdlog/spdlog.h>

#include "common/grpc/pem_file.h"

namespace juesuan {

grpc::ChannelArguments ClientChannelArguments(const ClientChannelOptions& options) {
  grpc::ChannelArguments args;
  args.SetLoadBalancingPolicyName(options.load_balancing_policy);
  args.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
  args.SetMaxSendMessageSize(static_cast<int>(options.max_message_bytes));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, grpc_limits::kClientKeepaliveTimeMs);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, grpc_limits::kClientKeepaliveTimeoutMs);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  if (!options.service_config_json.empty()) {
    args.SetServiceConfigJSON(options.service_config_json);
  }
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS,
              grpc_limits::kClientInitialReconnectBackoffMs);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, grpc_limits::kClientMaxReconnectBackoffMs);
  if (!options.tls_server_name.empty()) {
    args.SetSslTargetNameOverride(options.tls_server_name);
  }
  return args;
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ClientCredentialsFor(
    const ClientChannelOptions& options) {
  const bool has_cert = !options.tls_client_cert_file.empty();
  const bool has_key = !options.tls_client_key_file.empty();
  if (options.tls_ca_file.empty()) {
    if (has_cert || has_key) {
      return absl::InvalidArgumentError(
          "a client certificate needs --tls_ca (the CA that issued the server's certificate)");
    }
    return grpc::InsecureChannelCredentials();
  }
  if (has_cert != has_key) {
    return absl::InvalidArgumentError("--tls_client_cert and --tls_client_key go together");
  }
  grpc::SslCredentialsOptions ssl;
  absl::StatusOr<std::string> ca = ReadPemFile(options.tls_ca_file, "--tls_ca");
  if (!ca.ok()) return ca.status();
  ssl.pem_root_certs = *std::move(ca);
  if (has_cert) {
    absl::StatusOr<std::string> cert =
        ReadPemFile(options.tls_client_cert_file, "--tls_client_cert");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key =
        ReadPemFile(options.tls_client_key_file, "--tls_client_key");
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(ssl);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateClientChannel(
    const std::string& target, const ClientChannelOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      ClientCredentialsFor(options);
  if (!credentials.ok()) return credentials.status();
  return grpc::CreateCustomChannel(target, *credentials, ClientChannelArguments(options));
}

std::shared_ptr<grpc::Channel> MakeClientChannel(const std::string& target,
                                                 const ClientChannelOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = CreateClientChannel(target, options);
  if (!channel.ok()) {
    spdlog::critical("msg=\"cannot create a channel to {}: {}\"", target,
                     channel.status().ToString());
    std::abort();
  }
  return *std::move(channel);
}

}  // namespace juesuan
