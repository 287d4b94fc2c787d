#include "common/grpc/client_channel.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

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
  return args;
}

std::shared_ptr<grpc::Channel> MakeClientChannel(const std::string& target,
                                                 const ClientChannelOptions& options) {
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(),
                                   ClientChannelArguments(options));
}

}  // namespace juesuan
