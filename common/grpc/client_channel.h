// Channels for calling juesuan services: round_robin over every address the
// name resolves to (use "dns:///<headless service>:<port>" in Kubernetes),
// keepalive matching the server, and message limits large enough for reports.
//
// Transport: plaintext unless tls_ca_file is set; then TLS verifying the
// server against that CA, and mTLS when tls_client_cert_file and
// tls_client_key_file are set as well (the gateway -> backend hop).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include "absl/status/statusor.h"
#include "common/grpc/limits.h"

namespace juesuan {

struct ClientChannelOptions {
  int64_t max_message_bytes = grpc_limits::kDefaultMaxMessageBytes;
  std::string load_balancing_policy = "round_robin";
  // gRPC service config (JSON), e.g. a retry policy; empty: none.
  std::string service_config_json;
  // PEM files; empty means not used.
  std::string tls_ca_file;
  std::string tls_client_cert_file;
  std::string tls_client_key_file;
  // Expected server name when it differs from the target's host (tests,
  // addressing pods by IP); empty: the target's host.
  std::string tls_server_name;
};

// The credentials `options` ask for (reads the PEM files). INVALID_ARGUMENT
// for a client certificate without CA or without key, NOT_FOUND for
// unreadable files.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> ClientCredentialsFor(
    const ClientChannelOptions& options);

// A channel to `target` with the credentials `options` ask for.
absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateClientChannel(
    const std::string& target, const ClientChannelOptions& options = {});

// Channel arguments for a juesuan client (also used for in-process channels).
grpc::ChannelArguments ClientChannelArguments(const ClientChannelOptions& options);

// CreateClientChannel for options already known to be valid: a bad TLS
// option (unreadable file) is a configuration error and aborts the process
// with a message, rather than silently falling back to plaintext.
std::shared_ptr<grpc::Channel> MakeClientChannel(const std::string& target,
                                                 const ClientChannelOptions& options = {});

}  // namespace juesuan
