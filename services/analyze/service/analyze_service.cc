#include "services/analyze/service/analyze_service.h"

#include <deque>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/grpc/call_context.h"
#include "common/grpc/status.h"

namespace juesuan::analyze {
namespace {

constexpr char kNotARequest[] = "the request is not a juesuan.analyze.v1.AnalyzeRequest";

// The gRPC status of an answer: OK when `response` could be written into
// `answer`, else the reason.
grpc::Status WriteAnswer(const forwarding::AnalyzeResponse& response, grpc::ByteBuffer* answer) {
  return ToGrpcStatus(EncodeMessage(response, answer));
}

// Finishes the call when its run completes; cancels the run's downstream
// calls when the caller goes away.
class AnalyzeReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit AnalyzeReactor(grpc::ByteBuffer* answer) : answer_(answer) {}

  void Begin(AnalyzeServiceImpl& service, const v1::AnalyzeRequest& request,
             std::string request_id, absl::Time deadline) {
    const absl::Time start = absl::Now();
    const size_t bytes = request.content().size();
    run_ = service.StartRun(
        request, request_id, deadline, &response_,
        [this, start, bytes, request_id](const absl::Status& status) {
          spdlog::info("msg=\"analyze\" request_id={} bytes={} code={} duration_ms={}",
                       request_id, bytes, absl::StatusCodeToString(status.code()),
                       absl::ToInt64Milliseconds(absl::Now() - start));
          Finish(status.ok() ? WriteAnswer(response_, answer_) : ToGrpcStatus(status));
        });
  }
  void OnCancel() override {
    if (run_ != nullptr) run_->Cancel();
  }
  void OnDone() override { delete this; }

 private:
  grpc::ByteBuffer* answer_;
  forwarding::AnalyzeResponse response_;
  std::shared_ptr<AnalyzeRun> run_;
};

// AnalyzeBatch: each request read starts a run; each completed run is queued
// for writing (one write in flight at a time, as gRPC requires). At most
// `batch_window` runs are in flight, which is the stream's flow control. The
// stream finishes once the client half-closed and every result is written.
class BatchReactor final : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  BatchReactor(AnalyzeServiceImpl& service, grpc::CallbackServerContext* context)
      : service_(service), context_(context), stream_id_(CallRequestIdOrNew(*context)) {
    StartRead(&read_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      absl::MutexLock lock(&mu_);
      reads_done_ = true;
      MaybeFinishLocked();
      return;
    }
    auto slot = std::make_shared<forwarding::AnalyzeBatchResult>();
    slot->set_index(next_index_++);
    {
      absl::MutexLock lock(&mu_);
      ++in_flight_;
    }
    v1::AnalyzeRequest request;
    if (!DecodeMessage(read_, &request)) {
      ReadNext();
      OnRunDone(slot, absl::InvalidArgumentError(kNotARequest));
      return;
    }
    slot->set_file_name(request.file_name());
    // Each document's backend calls carry the stream's id and its index.
    auto run = service_.StartRun(
        request, fmt::format("{}.{}", stream_id_, slot->index()),
        service_.DocumentDeadline(*context_), slot->mutable_response(),
        [this, slot](const absl::Status& status) { OnRunDone(slot, status); });
    {
      absl::MutexLock lock(&mu_);
      runs_.push_back(run);
      if (cancelled_) run->Cancel();
    }
    ReadNext();
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) write_failed_ = true;  // the client is gone; keep draining runs
    pending_writes_.pop_front();
    WriteNextLocked();
    MaybeFinishLocked();
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    for (const auto& run : runs_) {
      if (auto live = run.lock()) live->Cancel();
    }
  }

  void OnDone() override { delete this; }

 private:
  // The next request is read while fewer than batch_window documents are in
  // the pipeline; otherwise once one of them completes.
  void ReadNext() {
    absl::MutexLock lock(&mu_);
    if (in_flight_ < service_.options().batch_window) {
      StartRead(&read_);
    } else {
      read_paused_ = true;
    }
  }

  void OnRunDone(const std::shared_ptr<forwarding::AnalyzeBatchResult>& slot,
                 const absl::Status& status) {
    if (!status.ok()) {
      v1::StageStatus* error = slot->mutable_error();  // clears the response
      error->set_code(static_cast<int>(status.code()));
      error->set_message(std::string(status.message()));
      error->set_stage(StageOfError(status));
    }
    grpc::ByteBuffer answer;
    const absl::Status written = EncodeMessage(*slot, &answer);
    if (!written.ok()) {
      // Too large to send: the document still gets its result, as an error.
      v1::StageStatus* error = slot->mutable_error();
      error->set_code(static_cast<int>(written.code()));
      error->set_message(std::string(written.message()));
      EncodeMessage(*slot, &answer).IgnoreError();  // an error record is small
    }
    absl::MutexLock lock(&mu_);
    --in_flight_;
    pending_writes_.push_back(std::move(answer));
    WriteNextLocked();
    if (read_paused_ && in_flight_ < service_.options().batch_window) {
      read_paused_ = false;
      StartRead(&read_);
    }
    MaybeFinishLocked();
  }

  // The stage a failed call's message names ("parse: …", "validate stage: …").
  static v1::Stage StageOfError(const absl::Status& status) {
    const std::string_view message(status.message().data(), status.message().size());
    if (message.rfind("parse", 0) == 0) return v1::STAGE_PARSE;
    if (message.rfind("validate", 0) == 0) return v1::STAGE_VALIDATE;
    if (message.rfind("scoring", 0) == 0) return v1::STAGE_SCORING;
    return v1::STAGE_UNSPECIFIED;
  }

  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    while (!writing_ && !pending_writes_.empty()) {
      if (write_failed_) {
        pending_writes_.clear();
        return;
      }
      writing_ = true;
      StartWrite(&pending_writes_.front());
    }
  }

  void MaybeFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || !reads_done_ || in_flight_ > 0 || writing_ || !pending_writes_.empty()) {
      return;
    }
    finished_ = true;
    Finish(write_failed_ ? grpc::Status(grpc::StatusCode::CANCELLED, "the client went away")
                         : grpc::Status::OK);
  }

  AnalyzeServiceImpl& service_;
  grpc::CallbackServerContext* context_;
  const std::string stream_id_;
  grpc::ByteBuffer read_;  // touched only by the read path
  uint32_t next_index_ = 0;

  absl::Mutex mu_;
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  bool read_paused_ ABSL_GUARDED_BY(mu_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool write_failed_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  // Encoded results; a deque keeps the one being written in place.
  std::deque<grpc::ByteBuffer> pending_writes_ ABSL_GUARDED_BY(mu_);
  std::vector<std::weak_ptr<AnalyzeRun>> runs_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

// The backends are pure functions of their request, so a failed attempt may be
// repeated. UNAVAILABLE: no backend reachable, or one refusing as it drains.
// CANCELLED: a backend that began shutting down as the call's headers arrived
// cancels it before any handler runs. A call this gateway cancels itself (its
// client went away, its deadline passed) is never retried by gRPC.
std::string BackendServiceConfigJson() {
  return R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "methodConfig": [{
    "name": [{"service": "juesuan.parse.v1.ParseService"},
             {"service": "juesuan.validate.v1.ValidateService"},
             {"service": "juesuan.scoring.v1.ScoringService"}],
    "retryPolicy": {
      "maxAttempts": 3,
      "initialBackoff": "0.01s",
      "maxBackoff": "0.2s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE", "CANCELLED"]
    }
  }]
})json";
}

AnalyzeServiceImpl::AnalyzeServiceImpl(const BackendChannels& channels,
                                       prometheus::Registry& registry,
                                       AnalyzeServiceOptions options)
    : metrics_(registry), options_(options) {
  stubs_.parse = std::make_unique<BackendStub>(channels.parse);
  stubs_.validate = std::make_unique<BackendStub>(channels.validate);
  stubs_.scoring = std::make_unique<BackendStub>(channels.scoring);
}

absl::Time AnalyzeServiceImpl::DocumentDeadline(
    const grpc::CallbackServerContext& context) const {
  const absl::Time cap = absl::Now() + options_.document_budget;
  const auto deadline = context.deadline();
  if (deadline >= absl::ToChronoTime(cap)) return cap;
  return absl::FromChrono(deadline);
}

std::shared_ptr<AnalyzeRun> AnalyzeServiceImpl::StartRun(const v1::AnalyzeRequest& request,
                                                         std::string request_id,
                                                         absl::Time deadline,
                                                         forwarding::AnalyzeResponse* response,
                                                         AnalyzeRun::Done done) {
  auto run = std::make_shared<AnalyzeRun>(stubs_, metrics_, request, std::move(request_id),
                                          deadline, options_.max_margin, response,
                                          std::move(done));
  run->Start();
  return run;
}

grpc::ServerUnaryReactor* AnalyzeServiceImpl::Analyze(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  auto* reactor = new AnalyzeReactor(response);
  v1::AnalyzeRequest decoded;
  if (!DecodeMessage(*request, &decoded)) {
    metrics_.RecordDocument(AnalyzeOutcome::kRejected);
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, kNotARequest));
    return reactor;
  }
  reactor->Begin(*this, decoded, CallRequestIdOrNew(*context), DocumentDeadline(*context));
  return reactor;
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* AnalyzeServiceImpl::AnalyzeBatch(
    grpc::CallbackServerContext* context) {
  return new BatchReactor(*this, context);
}

}  // namespace juesuan::analyze
