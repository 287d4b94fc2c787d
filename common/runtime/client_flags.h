// Command-line flags for a service that calls other juesuan services (the
// gateway): --tls_ca, --tls_client_cert, --tls_client_key,
// --tls_server_name. Link juesuan_client_flags only into such mains.
#pragma once

#include "common/grpc/client_channel.h"

namespace juesuan {

// Default options with the TLS fields taken from the flags.
ClientChannelOptions ClientChannelOptionsFromFlags();

}  // namespace juesuan
