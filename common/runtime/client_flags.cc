#include "common/runtime/client_flags.h"

#include <string>

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, tls_ca, "",
          "PEM CA bundle that issued the backends' certificates; turns TLS on for "
          "outgoing calls (plaintext without it)");
ABSL_FLAG(std::string, tls_client_cert, "",
          "PEM client certificate presented to backends (mTLS); needs --tls_ca");
ABSL_FLAG(std::string, tls_client_key, "", "PEM private key of --tls_client_cert");
ABSL_FLAG(std::string, tls_server_name, "",
          "name expected in the backends' certificates when it differs from the address");

namespace juesuan {

ClientChannelOptions ClientChannelOptionsFromFlags() {
  ClientChannelOptions options;
  options.tls_ca_file = absl::GetFlag(FLAGS_tls_ca);
  options.tls_client_cert_file = absl::GetFlag(FLAGS_tls_client_cert);
  options.tls_client_key_file = absl::GetFlag(FLAGS_tls_client_key);
  options.tls_server_name = absl::GetFlag(FLAGS_tls_server_name);
  return options;
}

}  // namespace juesuan
