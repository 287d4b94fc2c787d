#include "services/parse/service/parse_service.h"

#include <chrono>
#include <string>
#include <utility>

#include <spdlog/spdlog.h>

#include <algorithm>

#include <fmt/format.h>

#include "absl/time/clock.h"
#include "common/grpc/call_context.h"
#include "common/grpc/status.h"

namespace juesuan::parse {

ParseServiceImpl::ParseServiceImpl(const DocumentParser& parser, WorkerPool& pool,
                                   prometheus::Registry& registry,
                                   ParseServiceOptions options)
    : ParseServiceImpl(
          [&parser](std::string_view content, const ParseOptions& parse_options) {
            return parser.Parse(content, parse_options);
          },
          pool, registry, options) {}

ParseServiceImpl::ParseServiceImpl(ParseFunction parse, WorkerPool& pool,
                                   prometheus::Registry& registry,
                                   ParseServiceOptions options)
    : parse_(std::move(parse)), pool_(pool), metrics_(registry), options_(options) {}

grpc::ServerUnaryReactor* ParseServiceImpl::ParseDocument(
    grpc::CallbackServerContext* context, const v1::ParseDocumentRequest* request,
    v1::ParseDocumentResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  metrics_.RecordInput(request->content().size());
  const bool queued = pool_.Submit([this, context, request, response, reactor] {
    ParseAndFinish(context, request, response, reactor);
  });
  if (!queued) {
    metrics_.RecordDocument(SniffFormat(request->content()), ParseOutcome::kRejected);
    spdlog::warn("msg=\"parse queue full\" request_id={} workers={} queue={}",
                 CallRequestId(*context), pool_.threads(), pool_.queue_capacity());
    reactor->Finish(ToGrpcStatus(absl::ResourceExhaustedError(
        "the parse service is at capacity (all workers busy, queue full); retry later")));
  }
  return reactor;
}

ParseOptions ParseServiceImpl::OptionsFor(const grpc::CallbackServerContext& context,
                                          const v1::ParseDocumentRequest& request,
                                          absl::Time start) const {
  ParseOptions options;
  options.layout_hint = request.layout_hint();
  options.omit_text = request.omit_text();
  options.max_document_bytes = options_.max_document_bytes;
  options.max_pdf_pages = options_.max_pdf_pages;
  options.max_tables = options_.max_tables;
  options.max_statements = options_.max_statements;
  options.pdf_page_threads = options_.pdf_page_threads;
  options.deadline = std::min(CallDeadline(context), start + options_.document_budget);
  return options;
}

absl::Status ParseServiceImpl::ExplainBudget(absl::Status status,
                                             const grpc::CallbackServerContext& context) const {
  if (status.code() != absl::StatusCode::kDeadlineExceeded) return status;
  if (absl::Now() >= CallDeadline(context)) return status;  // the caller's deadline
  return absl::ResourceExhaustedError(fmt::format(
      "the document took longer than the per-document time budget ({}): {}",
      absl::FormatDuration(options_.document_budget), std::string(status.message())));
}

void ParseServiceImpl::ParseAndFinish(grpc::CallbackServerContext* context,
                                      const v1::ParseDocumentRequest* request,
                                      v1::ParseDocumentResponse* response,
                                      grpc::ServerUnaryReactor* reactor) {
  const absl::Time start = absl::Now();
  const ParseOptions options = OptionsFor(*context, *request, start);
  absl::Status status;
  DocumentFormat format = SniffFormat(request->content());
  if (context->IsCancelled()) {
    // The client gave up (or the server is draining) while the call queued.
    status = absl::CancelledError("call cancelled before parsing started");
  } else if (start >= options.deadline) {
    status = absl::DeadlineExceededError("deadline passed while waiting for a parse worker");
  } else {
    absl::StatusOr<report::v1::Report> report = parse_(request->content(), options);
    metrics_.RecordDuration(absl::ToDoubleSeconds(absl::Now() - start));
    status = ExplainBudget(report.status(), *context);
    if (report.ok()) {
      format = FromReportFormat(report->document().format());
      *response->mutable_report() = *std::move(report);
    }
  }
  const ParseOutcome outcome = OutcomeOf(status.code());
  metrics_.RecordDocument(format, outcome);
  spdlog::info(
      "msg=\"parse\" request_id={} bytes={} format={} outcome={} code={} duration_ms={}",
      CallRequestId(*context), request->content().size(), FormatLabel(format),
      OutcomeLabel(outcome), absl::StatusCodeToString(status.code()),
      absl::ToInt64Milliseconds(absl::Now() - start));
  reactor->Finish(ToGrpcStatus(status));
}

}  // namespace juesuan::parse
