// juesuan-parse: the parse service binary.
//
//   juesuan-parse --grpc_address=0.0.0.0:50051 --metrics_address=0.0.0.0:9464
//                 --workers=2 --queue_size=16 --shutdown_grace=20s
//                 --max_document_bytes=67108864 --max_pdf_pages=500
//                 --max_tables=1000 --max_statements=50000 --document_budget=60s
//                 [--tls_cert=... --tls_key=... [--tls_client_ca=...] | --plaintext]
//                 [--auth_tokens_file=callers.txt]
// Every limit is listed in README.md ("Limits and load shedding").
#include <algorithm>
#include <cstdint>
#include <memory>

#include <spdlog/spdlog.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/grpc/limits.h"
#include "common/runtime/lock_tracking.h"
#include "common/runtime/logging.h"
#include "common/runtime/main_support.h"
#include "common/runtime/service_flags.h"
#include "common/runtime/worker_flags.h"
#include "services/parse/service/parse_service.h"


ABSL_FLAG(int64_t, max_document_bytes, 0,
          "largest document accepted, in bytes (RESOURCE_EXHAUSTED above it); 0 means "
          "--max_message_bytes minus 1 MiB for the request envelope");
ABSL_FLAG(uint32_t, max_pdf_pages, 500,
          "largest PDF accepted, in pages (RESOURCE_EXHAUSTED above it)");
ABSL_FLAG(uint32_t, max_tables, juesuan::parse::ParseOptions().max_tables,
          "most tables one document may yield (决算, other and performance tables "
          "together; RESOURCE_EXHAUSTED above it)");
ABSL_FLAG(uint32_t, max_statements, juesuan::parse::ParseOptions().max_statements,
          "most narrative statements one document may yield (RESOURCE_EXHAUSTED above it)");
ABSL_FLAG(uint32_t, pdf_page_threads, 1,
          "threads reading one PDF's pages at once; more than 1 lowers a single "
          "document's latency when cores would otherwise idle, not a loaded service's throughput");
ABSL_FLAG(absl::Duration, document_budget, absl::Seconds(60),
          "longest one document may parse once a worker starts it (caps the call's "
          "deadline; RESOURCE_EXHAUSTED when the budget, not the deadline, runs out)");

namespace {

constexpr char kServiceName[] = "juesuan-parse";

// The message limit must leave room for the request envelope around the
// largest document.
absl::StatusOr<juesuan::parse::ParseServiceOptions> ServiceOptionsFromFlags(
    const juesuan::ServeOptions& serve) {
  juesuan::parse::ParseServiceOptions options;
  const int64_t room =
      serve.server.max_message_bytes - juesuan::grpc_limits::kMessageOverheadBytes;
  const int64_t document_bytes = absl::GetFlag(FLAGS_max_document_bytes);
  if (document_bytes < 0) return absl::InvalidArgumentError("--max_document_bytes < 0");
  if (document_bytes > room) {
    return absl::InvalidArgumentError(
        "--max_document_bytes needs --max_message_bytes of at least the document size "
        "plus 1 MiB");
  }
  options.max_document_bytes =
      static_cast<uint64_t>(document_bytes > 0 ? document_bytes : std::max<int64_t>(room, 1));
  options.max_pdf_pages = absl::GetFlag(FLAGS_max_pdf_pages);
  options.max_tables = absl::GetFlag(FLAGS_max_tables);
  options.max_statements = absl::GetFlag(FLAGS_max_statements);
  options.document_budget = absl::GetFlag(FLAGS_document_budget);
  options.pdf_page_threads = absl::GetFlag(FLAGS_pdf_page_threads);
  if (options.pdf_page_threads < 1) return absl::InvalidArgumentError("--pdf_page_threads < 1");
  if (options.document_budget <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--document_budget must be positive");
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  juesuan::BlockTerminationSignals();  // before any thread exists
  juesuan::TurnOffLockOrderTracking();
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
  return juesuan::ServeOnWorkerPool(
      kServiceName, options, juesuan::parse::v1::ParseService::service_full_name(),
      [&](juesuan::WorkerPool& pool, prometheus::Registry& registry)
          -> absl::StatusOr<std::unique_ptr<grpc::Service>> {
        auto service_options = ServiceOptionsFromFlags(options);
        if (!service_options.ok()) return service_options.status();
        spdlog::info(
            "msg=\"parse workers ready\" workers={} queue_size={} max_document_bytes={} "
            "max_pdf_pages={} pdf_page_threads={} max_tables={} max_statements={} "
            "document_budget={}",
            pool.threads(), pool.queue_capacity(), service_options->max_document_bytes,
            service_options->max_pdf_pages, service_options->pdf_page_threads,
            service_options->max_tables,
            service_options->max_statements,
            absl::FormatDuration(service_options->document_budget));
        return std::make_unique<juesuan::parse::ParseServiceImpl>(**parser, pool, registry,
                                                                  *service_options);
      });
}
