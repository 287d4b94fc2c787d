#include "services/analyze/service/analyze_run.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <google/protobuf/util/time_util.h>

#include "common/grpc/status.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"

namespace juesuan::analyze {
namespace {

std::string StageName(v1::Stage stage) {
  switch (stage) {
    case v1::STAGE_PARSE: return "parse";
    case v1::STAGE_VALIDATE: return "validate";
    case v1::STAGE_SCORING: return "scoring";
    default: return "unspecified";
  }
}

// The "/package.Service/Method" each stage calls (and its client metrics name).
const std::string& BackendMethod(v1::Stage stage) {
  static const std::string kMethods[] = {
      "", MethodPath(parse::v1::ParseService::service_full_name(), "ParseDocument"),
      MethodPath(validate::v1::ValidateService::service_full_name(), "ValidateReport"),
      MethodPath(scoring::v1::ScoringService::service_full_name(), "ScoreReport")};
  return kMethods[stage];
}

// Input the parse service refused, as opposed to a failure of the system.
bool IsRejection(absl::StatusCode code) {
  return code == absl::StatusCode::kInvalidArgument ||
         code == absl::StatusCode::kFailedPrecondition ||
         code == absl::StatusCode::kResourceExhausted || code == absl::StatusCode::kOutOfRange;
}

}  // namespace

absl::Duration DeadlineMargin(absl::Duration remaining, absl::Duration max_margin) {
  return std::min(remaining / 10, max_margin);
}

AnalyzeRun::AnalyzeRun(BackendStubs& stubs, AnalyzeMetrics& metrics,
                       const v1::AnalyzeRequest& request, std::string request_id,
                       absl::Time deadline, absl::Duration max_margin,
                       forwarding::AnalyzeResponse* response, Done done)
    : stubs_(stubs),
      metrics_(metrics),
      request_id_(std::move(request_id)),
      deadline_(deadline),
      max_margin_(max_margin),
      file_name_(request.file_name()),
      validate_config_(request.validate_config_name()),
      scoring_config_(request.scoring_config_name()),
      response_(response),
      done_(std::move(done)) {
  parse_request_.set_content(request.content());
  parse_request_.set_file_name(request.file_name());
  parse_request_.set_layout_hint(request.layout_hint());
  parse_request_.set_omit_text(request.omit_text());
}

std::unique_ptr<grpc::ClientContext> AnalyzeRun::NewContext() {
  const absl::Time now = absl::Now();
  const absl::Duration remaining = deadline_ - now;
  const absl::Duration budget = remaining - DeadlineMargin(remaining, max_margin_);
  if (budget <= absl::ZeroDuration()) return nullptr;
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(now + budget));
  context->AddMetadata("x-request-id", request_id_);
  absl::MutexLock lock(&mu_);
  // A context cancelled before its call starts cancels the call at start.
  if (cancelled_) context->TryCancel();
  active_.push_back(context.get());
  return context;
}

void AnalyzeRun::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  for (grpc::ClientContext* context : active_) context->TryCancel();
}

void AnalyzeRun::Start() {
  parse_.context = NewContext();
  if (parse_.context == nullptr) {
    Complete(absl::DeadlineExceededError(
        "parse stage: the deadline leaves no time to call the parse service"));
    return;
  }
  parse_.started = absl::Now();
  stubs_.parse->UnaryCall(
      parse_.context.get(), BackendMethod(v1::STAGE_PARSE), grpc::StubOptions(), &parse_request_,
      &parse_answer_,
      [self = shared_from_this()](grpc::Status status) { self->OnParsed(status); });
}

void AnalyzeRun::RecordStage(StageCall& call, const grpc::Status& status) {
  call.status = status;
  call.duration = absl::Now() - call.started;
  metrics_.RecordClientCall(BackendMethod(call.stage), status.error_code());
  if (!status.ok()) {
    metrics_.RecordStageFailure(StageName(call.stage),
                                static_cast<absl::StatusCode>(status.error_code()));
  }
}

void AnalyzeRun::OnParsed(const grpc::Status& status) {
  RecordStage(parse_, status);
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    Complete(absl::DeadlineExceededError(fmt::format(
        "parse stage: deadline exceeded after {} ms: {}",
        absl::ToInt64Milliseconds(parse_.duration), status.error_message())));
    return;
  }
  if (!status.ok()) {
    Complete(absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          "parse: " + status.error_message()));
    return;
  }
  forwarding::ParsedReport parsed;
  if (!DecodeMessage(parse_answer_, &parsed)) {
    Complete(absl::InternalError(
        "parse: the parse service's answer is not a juesuan.parse.v1.ParseDocumentResponse"));
    return;
  }
  parse_answer_.Clear();
  response_->mutable_report()->swap(*parsed.mutable_report());
  StartValidateAndScoring();
}

// Validate reads the whole report; scoring only what it scores (the
// document's metadata and the performance tables, about a fifth of the
// report), so that the rest is neither sent to it nor parsed by it.
void AnalyzeRun::StartValidateAndScoring() {
  absl::StatusOr<std::string> for_scoring = ReportForScoring(response_->report());
  if (!for_scoring.ok()) {
    Complete(absl::InternalError("parse: " + std::string(for_scoring.status().message())));
    return;
  }
  validate_request_.set_report(response_->report());
  validate_request_.set_config_name(validate_config_);
  scoring_request_.set_report(*std::move(for_scoring));
  scoring_request_.set_config_name(scoring_config_);

  validate_.context = NewContext();
  scoring_.context = NewContext();
  if (validate_.context == nullptr || scoring_.context == nullptr) {
    Complete(absl::DeadlineExceededError(
        "validate and scoring stages: the deadline ran out during the parse stage"));
    return;
  }
  StartBackend(validate_, *stubs_.validate, validate_request_, &validate_answer_);
  StartBackend(scoring_, *stubs_.scoring, scoring_request_, &scoring_answer_);
}

void AnalyzeRun::StartBackend(StageCall& call, BackendStub& stub,
                              const google::protobuf::MessageLite& request,
                              grpc::ByteBuffer* answer) {
  call.started = absl::Now();
  // `call` is a member of this run, which `self` keeps alive.
  stub.UnaryCall(call.context.get(), BackendMethod(call.stage), grpc::StubOptions(), &request,
                 answer, [self = shared_from_this(), &call](grpc::Status status) {
                   self->OnBackendDone(call, status);
                 });
}

// Each call touches only its own StageCall: the response is written once both
// are done (its presence bits are shared, so two threads may not set fields).
void AnalyzeRun::OnBackendDone(StageCall& call, const grpc::Status& status) {
  RecordStage(call, status);
  if (backends_pending_.fetch_sub(1) == 1) Complete(CallStatus());
}

// OK unless the budget ran out in validate or scoring: a failing backend is a
// stage status, but a spent budget ends the call, naming where it was spent.
absl::Status AnalyzeRun::CallStatus() const {
  std::string stages;
  std::string messages;
  for (const StageCall* call : {&validate_, &scoring_}) {
    if (call->status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED) continue;
    stages += stages.empty() ? StageName(call->stage) : " and " + StageName(call->stage);
    messages += fmt::format("; {} after {} ms: {}", StageName(call->stage),
                            absl::ToInt64Milliseconds(call->duration),
                            call->status.error_message());
  }
  if (stages.empty()) return absl::OkStatus();
  return absl::DeadlineExceededError(
      fmt::format("{} stage: deadline exceeded{}", stages, messages));
}

void AnalyzeRun::FillResponse() {
  // A stage's answer is kept only when its call succeeded: a failed stage's
  // answer is absent, not empty.
  const auto keep = [this](StageCall& call, const grpc::ByteBuffer& answer, std::string* field) {
    if (call.status.ok() && !CopyBytes(answer, field)) {
      call.status = grpc::Status(grpc::StatusCode::INTERNAL, "the answer's bytes could not be read");
      metrics_.RecordStageFailure(StageName(call.stage), absl::StatusCode::kInternal);
    }
  };
  keep(validate_, validate_answer_, response_->mutable_validation());
  keep(scoring_, scoring_answer_, response_->mutable_scoring());
  if (!validate_.status.ok()) response_->clear_validation();
  if (!scoring_.status.ok()) response_->clear_scoring();
  response_->clear_stages();
  for (StageCall* call : {&parse_, &validate_, &scoring_}) {
    v1::StageStatus* stage = response_->add_stages();
    stage->set_stage(call->stage);
    stage->set_code(call->status.error_code());
    stage->set_message(call->status.error_message());
    *stage->mutable_duration() = google::protobuf::util::TimeUtil::NanosecondsToDuration(
        absl::ToInt64Nanoseconds(call->duration));
  }
}

void AnalyzeRun::Complete(const absl::Status& status) {
  AnalyzeOutcome outcome = AnalyzeOutcome::kOk;
  if (status.ok()) {
    FillResponse();
    if (!validate_.status.ok() || !scoring_.status.ok()) outcome = AnalyzeOutcome::kPartial;
  } else {
    outcome = !parse_.status.ok() && IsRejection(status.code()) ? AnalyzeOutcome::kRejected
                                                                 : AnalyzeOutcome::kError;
  }
  metrics_.RecordDocument(outcome);
  Done done = std::move(done_);
  done_ = nullptr;
  done(status);
}

}  // namespace juesuan::analyze
