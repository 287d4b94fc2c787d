// juesuan-parse: the parse service binary.
//
//   juesuan-parse --grpc_address=0.0.0.0:50051 --metrics_address=0.0.0.0:9464
//                 --workers=2 --queue_size=16 --shutdown_grace=20s
#include <algorithm>
#include <cstdint>
#include <memory>
#include <thread>

#include <spdlog/spdlog.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "common/grpc/limits.h"
#include "common/runtime/logging.h"
#include "common/runtime/main_support.h"
#include "common/runtime/service_flags.h"
#include "services/parse/service/parse_service.h"

ABSL_FLAG(int32_t, workers, 0,
          "parse worker threads; 0 means one per available CPU core");
ABSL_FLAG(int32_t, queue_size, 16,
          "parse requests that may wait for a worker before new ones get "
          "RESOURCE_EXHAUSTED");

namespace {

constexpr char kServiceName[] = "juesuan-parse";

size_t WorkerCount() {
  const int32_t flag = absl::GetFlag(FLAGS_workers);
  if (flag > 0) return static_cast<size_t>(flag);
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace

int main(int argc, char** argv) {
  juesuan::BlockTerminationSignals();  // before any thread exists
  absl::SetProgramUsageMessage("juesuan parse service (gRPC juesuan.parse.v1.ParseService)");
  absl::ParseCommandLine(argc, argv);
  const juesuan::ServeOptions options = juesuan::ServeOptionsFromFlags();
  juesuan::SetupLogging(kServiceName, options.log_level);

  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  if (!parser.ok()) {
    spdlog::critical("msg=\"cannot load the parse configuration: {}\"",
                     parser.status().ToString());
    return 1;
  }
  if (absl::GetFlag(FLAGS_queue_size) < 0) {
    spdlog::critical("msg=\"--queue_size must not be negative\"");
    return 1;
  }
  auto registry = std::make_shared<prometheus::Registry>();
  // Declared before the service and the server: workers must outlive every
  // call they may still finish.
  juesuan::WorkerPool pool(WorkerCount(),
                           static_cast<size_t>(absl::GetFlag(FLAGS_queue_size)));
  juesuan::parse::ParseServiceOptions service_options;
  // The message limit leaves room for the request envelope around the document.
  service_options.max_document_bytes = static_cast<uint64_t>(std::max<int64_t>(
      options.server.max_message_bytes - juesuan::grpc_limits::kMessageOverheadBytes, 1));
  juesuan::parse::ParseServiceImpl service(**parser, pool, *registry, service_options);
  spdlog::info("msg=\"parse workers ready\" workers={} queue_size={}", pool.threads(),
               pool.queue_capacity());
  return juesuan::ServeUntilTerminated(
      kServiceName, options, {&service},
      {juesuan::parse::v1::ParseService::service_full_name()}, registry);
}
