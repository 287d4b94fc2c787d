// The command-line flags every juesuan service binary shares:
//   --grpc_address, --metrics_address, --shutdown_grace, --max_message_bytes,
//   --port_file, --metrics_port_file, --log_level,
//   --tls_cert, --tls_key, --tls_client_ca, --plaintext, --auth_tokens_file
// (the last five: GrpcServerOptions in common/grpc/server.h).
#pragma once

#include "common/runtime/main_support.h"

namespace juesuan {

ServeOptions ServeOptionsFromFlags();

}  // namespace juesuan
