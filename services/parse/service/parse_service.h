// ParseService over gRPC's callback API. Each call is handed to a bounded
// worker pool (never parsed on a callback thread); a full queue answers
// RESOURCE_EXHAUSTED at once. The call's deadline becomes the parse deadline,
// the absl::Status is mapped to gRPC exactly once, and every path Finish()es
// the reactor (an unfinished reactor would block server shutdown).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/runtime/worker_pool.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "services/parse/service/parse_metrics.h"
#include "services/parse/src/parser.h"

namespace juesuan::parse {

// The parse step the service runs on a worker; DocumentParser::Parse in
// production, a stand-in in service tests.
using ParseFunction = std::function<absl::StatusOr<report::v1::Report>(
    std::string_view content, const ParseOptions& options)>;

struct ParseServiceOptions {
  uint64_t max_document_bytes = ParseOptions().max_document_bytes;
  uint32_t max_pdf_pages = ParseOptions().max_pdf_pages;
  uint32_t max_tables = ParseOptions().max_tables;
  uint32_t max_statements = ParseOptions().max_statements;
  // Longest one document may parse, from the moment a worker picks it up; the
  // parse deadline is the earlier of this and the call's deadline. Running out
  // of the budget (not of the caller's deadline) is RESOURCE_EXHAUSTED.
  absl::Duration document_budget = absl::InfiniteDuration();
  // Threads one PDF's pages are read with: 1 in a service whose workers are
  // all busy under load; more where a single document has the cores to itself.
  uint32_t pdf_page_threads = ParseOptions().pdf_page_threads;
};

class ParseServiceImpl final : public v1::ParseService::CallbackService {
 public:
  // `parser`, `pool` and `registry` must outlive the service.
  ParseServiceImpl(const DocumentParser& parser, WorkerPool& pool,
                   prometheus::Registry& registry, ParseServiceOptions options = {});
  ParseServiceImpl(ParseFunction parse, WorkerPool& pool, prometheus::Registry& registry,
                   ParseServiceOptions options = {});

  grpc::ServerUnaryReactor* ParseDocument(grpc::CallbackServerContext* context,
                                          const v1::ParseDocumentRequest* request,
                                          v1::ParseDocumentResponse* response) override;

 private:
  // Runs on a worker thread and finishes the call.
  void ParseAndFinish(grpc::CallbackServerContext* context,
                      const v1::ParseDocumentRequest* request,
                      v1::ParseDocumentResponse* response, grpc::ServerUnaryReactor* reactor);
  ParseOptions OptionsFor(const grpc::CallbackServerContext& context,
                          const v1::ParseDocumentRequest& request, absl::Time start) const;
  // DEADLINE_EXCEEDED caused by the budget rather than the caller's deadline
  // becomes RESOURCE_EXHAUSTED (retrying the same document will not help).
  absl::Status ExplainBudget(absl::Status status,
                             const grpc::CallbackServerContext& context) const;

  ParseFunction parse_;
  WorkerPool& pool_;
  ParseMetrics metrics_;
  ParseServiceOptions options_;
};

}  // namespace juesuan::parse
