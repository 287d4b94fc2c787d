// The command-line flags every juesuan service binary shares:
//   --grpc_address, --metrics_address, --shutdown_grace, --max_message_bytes,
//   --port_file, --metrics_port_file, --log_level
#pragma once

#include "common/runtime/main_support.h"

namespace juesuan {

ServeOptions ServeOptionsFromFlags();

}  // namespace juesuan
