// juesuan-analyze: the analyze gateway binary.
//
//   juesuan-analyze --grpc_address=0.0.0.0:50050 --metrics_address=0.0.0.0:9463
//     --parse_target=dns:///juesuan-parse:50051
//     --validate_target=dns:///juesuan-validate:50052
//     --scoring_target=dns:///juesuan-scoring:50053
#include <cstdint>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "common/grpc/client_channel.h"
#include "common/runtime/client_flags.h"
#include "common/runtime/lock_tracking.h"
#include "common/runtime/logging.h"
#include "common/runtime/main_support.h"
#include "common/runtime/service_flags.h"
#include "services/analyze/service/analyze_service.h"

ABSL_FLAG(std::string, parse_target, "dns:///127.0.0.1:50051",
          "juesuan-parse to call; dns:///NAME:PORT spreads calls over every address");
ABSL_FLAG(std::string, validate_target, "dns:///127.0.0.1:50052", "juesuan-validate to call");
ABSL_FLAG(std::string, scoring_target, "dns:///127.0.0.1:50053", "juesuan-scoring to call");
ABSL_FLAG(absl::Duration, document_budget, absl::Seconds(120),
          "time a document may take when the caller sets no (or a longer) deadline");
ABSL_FLAG(absl::Duration, max_deadline_margin, absl::Milliseconds(50),
          "most of the remaining budget kept back from each downstream call, so a slow "
          "backend is reported with its stage before the caller's deadline");
ABSL_FLAG(int32_t, batch_window, 8, "documents of one AnalyzeBatch stream in flight at once");

namespace {

constexpr char kServiceName[] = "juesuan-analyze";

// Backend channels: TLS / mTLS to the backends from --tls_ca,
// --tls_client_cert and --tls_client_key (plaintext when none is given).
std::shared_ptr<grpc::Channel> BackendChannel(const std::string& target, int64_t max_bytes) {
  juesuan::ClientChannelOptions options = juesuan::ClientChannelOptionsFromFlags();
  options.max_message_bytes = max_bytes;
  options.service_config_json = juesuan::analyze::BackendServiceConfigJson();
  return juesuan::MakeClientChannel(target, options);
}

}  // namespace

int main(int argc, char** argv) {
  juesuan::BlockTerminationSignals();  // before any thread exists
  juesuan::TurnOffLockOrderTracking();
  absl::SetProgramUsageMessage(
      "juesuan analyze gateway (gRPC juesuan.analyze.v1.AnalyzeService)");
  juesuan::SetServeAddressDefaults("0.0.0.0:50050", "0.0.0.0:9463");
  absl::ParseCommandLine(argc, argv);
  juesuan::ServeOptions options = juesuan::ServeOptionsFromFlags();
  juesuan::SetupLogging(kServiceName, options.log_level);
  if (absl::GetFlag(FLAGS_batch_window) < 1) {
    spdlog::critical("msg=\"--batch_window must be at least 1\"");
    return 1;
  }
  const int64_t max_bytes = options.server.max_message_bytes;
  juesuan::analyze::BackendChannels channels{
      BackendChannel(absl::GetFlag(FLAGS_parse_target), max_bytes),
      BackendChannel(absl::GetFlag(FLAGS_validate_target), max_bytes),
      BackendChannel(absl::GetFlag(FLAGS_scoring_target), max_bytes)};
  juesuan::analyze::AnalyzeServiceOptions service_options;
  service_options.document_budget = absl::GetFlag(FLAGS_document_budget);
  service_options.max_margin = absl::GetFlag(FLAGS_max_deadline_margin);
  service_options.batch_window = absl::GetFlag(FLAGS_batch_window);
  auto registry = std::make_shared<prometheus::Registry>();
  juesuan::analyze::AnalyzeServiceImpl service(channels, *registry, service_options);
  spdlog::info("msg=\"backends\" parse={} validate={} scoring={}",
               absl::GetFlag(FLAGS_parse_target), absl::GetFlag(FLAGS_validate_target),
               absl::GetFlag(FLAGS_scoring_target));
  return juesuan::ServeUntilTerminated(
      kServiceName, options, {&service},
      {juesuan::analyze::v1::AnalyzeService::service_full_name()}, registry);
}
