// AnalyzeService over gRPC's callback API: the front door that runs a
// document through parse, then validate and scoring concurrently (see
// AnalyzeRun), for one document (Analyze) or a stream of them (AnalyzeBatch).
// No thread ever blocks on a backend; the gateway's own work is copying bytes:
// both methods are served raw, the request decoded here and the answer
// written through the byte views of forwarding.proto, so the report is never
// decoded or re-encoded on its way through.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <prometheus/registry.h>

#include "absl/time/time.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "services/analyze/service/analyze_metrics.h"
#include "services/analyze/service/analyze_run.h"

namespace juesuan::analyze {

struct BackendChannels {
  std::shared_ptr<grpc::Channel> parse;
  std::shared_ptr<grpc::Channel> validate;
  std::shared_ptr<grpc::Channel> scoring;
};

struct AnalyzeServiceOptions {
  // Budget of a document when the caller sets no deadline (and the cap for
  // each document of a batch).
  absl::Duration document_budget = absl::Seconds(120);
  // Most of the budget kept back from a downstream call (see DeadlineMargin).
  absl::Duration max_margin = absl::Milliseconds(50);
  // Documents of one AnalyzeBatch stream in the pipeline at once; the stream
  // reads no further request until one of them completes.
  int batch_window = 8;
};

// The service config of the gateway's backend channels: round_robin, and up
// to 3 attempts of a call that failed UNAVAILABLE (the only code that says
// the backend did not process it, so retrying is safe).
std::string BackendServiceConfigJson();

class AnalyzeServiceImpl final
    : public v1::AnalyzeService::WithRawCallbackMethod_Analyze<
          v1::AnalyzeService::WithRawCallbackMethod_AnalyzeBatch<v1::AnalyzeService::Service>> {
 public:
  AnalyzeServiceImpl(const BackendChannels& channels, prometheus::Registry& registry,
                     AnalyzeServiceOptions options = {});

  // `request` is read as a v1::AnalyzeRequest, `response` written as a
  // v1::AnalyzeResponse; a request that is not one is INVALID_ARGUMENT.
  grpc::ServerUnaryReactor* Analyze(grpc::CallbackServerContext* context,
                                    const grpc::ByteBuffer* request,
                                    grpc::ByteBuffer* response) override;

  // Reads v1::AnalyzeRequest and writes v1::AnalyzeBatchResult; a request
  // that is not one gets its own INVALID_ARGUMENT result.
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* AnalyzeBatch(
      grpc::CallbackServerContext* context) override;

  // Starts one document; `done` runs exactly once when `response` is final.
  // `request_id` is forwarded to the backends as x-request-id.
  std::shared_ptr<AnalyzeRun> StartRun(const v1::AnalyzeRequest& request,
                                       std::string request_id, absl::Time deadline,
                                       forwarding::AnalyzeResponse* response,
                                       AnalyzeRun::Done done);
  // The document's deadline: the call's, capped by options.document_budget.
  absl::Time DocumentDeadline(const grpc::CallbackServerContext& context) const;
  const AnalyzeServiceOptions& options() const { return options_; }

 private:
  BackendStubs stubs_;
  AnalyzeMetrics metrics_;
  AnalyzeServiceOptions options_;
};

}  // namespace juesuan::analyze
