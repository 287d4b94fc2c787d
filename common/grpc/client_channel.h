// Channels for calling juesuan services: round_robin over every address the
// name resolves to (use "dns:///<headless service>:<port>" in Kubernetes),
// keepalive matching the server, and message limits large enough for reports.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <grpcpp/support/channel_arguments.h>

#include "common/grpc/limits.h"

namespace juesuan {

struct ClientChannelOptions {
  int64_t max_message_bytes = grpc_limits::kDefaultMaxMessageBytes;
  std::string load_balancing_policy = "round_robin";
  // gRPC service config (JSON), e.g. a retry policy; empty: none.
  std::string service_config_json;
};

// Channel arguments for a juesuan client (also used for in-process channels).
grpc::ChannelArguments ClientChannelArguments(const ClientChannelOptions& options);

// An insecure channel to `target` (in-cluster traffic; TLS is the mesh's job).
std::shared_ptr<grpc::Channel> MakeClientChannel(const std::string& target,
                                                 const ClientChannelOptions& options = {});

}  // namespace juesuan
