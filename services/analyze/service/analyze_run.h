// One document through the pipeline: parse, then validate and scoring
// concurrently, each over its service's gRPC contract with the callback
// client API (no thread waits on a backend). Each downstream call gets the
// remaining budget minus a margin, so the gateway still has time to answer
// with a precise reason when a backend is slow. The report and the backends'
// answers are forwarded as the bytes they arrived in (see forwarding.h).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "juesuan/analyze/v1/analyze_service.pb.h"
#include "juesuan/analyze/v1/forwarding.pb.h"
#include "juesuan/parse/v1/parse_service.pb.h"
#include "services/analyze/service/analyze_metrics.h"
#include "services/analyze/service/forwarding.h"

namespace juesuan::analyze {

struct BackendStubs {
  std::unique_ptr<BackendStub> parse;
  std::unique_ptr<BackendStub> validate;
  std::unique_ptr<BackendStub> scoring;
};

// The part of the budget kept back from a downstream call: a tenth of what
// remains, at most `max_margin`.
absl::Duration DeadlineMargin(absl::Duration remaining, absl::Duration max_margin);

class AnalyzeRun : public std::enable_shared_from_this<AnalyzeRun> {
 public:
  // Called exactly once with the call's status; `response` is complete then.
  using Done = std::function<void(const absl::Status&)>;

  // Copies what it needs from `request`; `stubs`, `metrics` and `response`
  // must outlive the run.
  // `request_id` goes to every backend call as its x-request-id metadata.
  AnalyzeRun(BackendStubs& stubs, AnalyzeMetrics& metrics, const v1::AnalyzeRequest& request,
             std::string request_id, absl::Time deadline, absl::Duration max_margin,
             forwarding::AnalyzeResponse* response, Done done);

  void Start();
  // Cancels the downstream calls still running (the caller went away).
  void Cancel();

 private:
  struct StageCall {
    explicit StageCall(v1::Stage s) : stage(s) {}
    v1::Stage stage;
    std::unique_ptr<grpc::ClientContext> context;
    absl::Time started;
    grpc::Status status;  // OK until the call completes
    absl::Duration duration;
  };

  // A context with the stage's share of the budget; nullptr once it is spent.
  std::unique_ptr<grpc::ClientContext> NewContext();
  void OnParsed(const grpc::Status& status);
  void StartValidateAndScoring();
  // Calls validate or scoring with `request`; its answer goes to `answer`.
  void StartBackend(StageCall& call, BackendStub& stub,
                    const google::protobuf::MessageLite& request, grpc::ByteBuffer* answer);
  void OnBackendDone(StageCall& call, const grpc::Status& status);
  void Complete(const absl::Status& status);
  void RecordStage(StageCall& call, const grpc::Status& status);
  absl::Status CallStatus() const;
  void FillResponse();

  BackendStubs& stubs_;
  AnalyzeMetrics& metrics_;
  const std::string request_id_;
  const absl::Time deadline_;
  const absl::Duration max_margin_;
  const std::string file_name_;
  const std::string validate_config_;
  const std::string scoring_config_;
  forwarding::AnalyzeResponse* response_;
  Done done_;

  parse::v1::ParseDocumentRequest parse_request_;
  grpc::ByteBuffer parse_answer_;
  forwarding::ReportRequest validate_request_;
  forwarding::ReportRequest scoring_request_;
  grpc::ByteBuffer validate_answer_;
  grpc::ByteBuffer scoring_answer_;

  StageCall parse_{v1::STAGE_PARSE};
  StageCall validate_{v1::STAGE_VALIDATE};
  StageCall scoring_{v1::STAGE_SCORING};
  std::atomic<int> backends_pending_{2};

  absl::Mutex mu_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<grpc::ClientContext*> active_ ABSL_GUARDED_BY(mu_);
};

}  // namespace juesuan::analyze
