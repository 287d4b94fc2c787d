#include "common/runtime/service_flags.h"

#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "absl/time/time.h"
#include "common/grpc/limits.h"

ABSL_FLAG(std::string, grpc_address, "0.0.0.0:50051",
          "gRPC listen address host:port; port 0 lets the kernel pick");
ABSL_FLAG(std::string, metrics_address, "0.0.0.0:9464",
          "Prometheus /metrics listen address host:port; port 0 lets the kernel pick");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "on SIGTERM/SIGINT: time in-flight calls get before they are cancelled");
ABSL_FLAG(int64_t, max_message_bytes, juesuan::grpc_limits::kDefaultMaxMessageBytes,
          "largest gRPC message received or sent, in bytes");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound gRPC port is written to this file once serving");
ABSL_FLAG(std::string, metrics_port_file, "",
          "if set, the bound /metrics port is written to this file once serving");
ABSL_FLAG(std::string, log_level, "info", "trace, debug, info, warn, error or off");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain of this server; with --tls_key turns TLS on");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA bundle; when set every client must present a certificate it issued (mTLS)");
ABSL_FLAG(bool, plaintext, false,
          "serve without TLS (local use); without any TLS flag plaintext is also the "
          "default, with a warning; contradicts the --tls_* flags");
ABSL_FLAG(std::string, auth_tokens_file, "",
          "callers file (token/cert entries -> identity -> allowed methods); when set "
          "every call except health checks needs credentials");

namespace juesuan {

ServeOptions ServeOptionsFromFlags() {
  ServeOptions options;
  options.server.address = absl::GetFlag(FLAGS_grpc_address);
  options.server.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.metrics_address = absl::GetFlag(FLAGS_metrics_address);
  options.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  options.metrics_port_file = absl::GetFlag(FLAGS_metrics_port_file);
  options.log_level = absl::GetFlag(FLAGS_log_level);
  options.server.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.server.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.server.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.server.plaintext = absl::GetFlag(FLAGS_plaintext);
  options.server.auth_tokens_file = absl::GetFlag(FLAGS_auth_tokens_file);
  return options;
}

void SetServeAddressDefaults(const std::string& grpc_address, const std::string& metrics_address) {
  absl::SetFlag(&FLAGS_grpc_address, grpc_address);
  absl::SetFlag(&FLAGS_metrics_address, metrics_address);
}

}  // namespace juesuan
