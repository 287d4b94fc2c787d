// The command-line flags every juesuan service binary shares:
//   --grpc_address, --metrics_address, --shutdown_grace, --max_message_bytes,
//   --port_file, --metrics_port_file, --log_level,
//   --tls_cert, --tls_key, --tls_client_ca, --plaintext, --auth_tokens_file
// (the last five: GrpcServerOptions in common/grpc/server.h).
#pragma once

#include <string>

#include "common/runtime/main_support.h"

namespace juesuan {

ServeOptions ServeOptionsFromFlags();

// Gives --grpc_address and --metrics_address this binary's own defaults
// (juesuan-validate listens on 50052/9465, …). Call before
// absl::ParseCommandLine, which still overrides them.
void SetServeAddressDefaults(const std::string& grpc_address, const std::string& metrics_address);

}  // namespace juesuan
