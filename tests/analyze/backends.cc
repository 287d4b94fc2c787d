#include "tests/analyze/backends.h"

#include "common/grpc/status.h"
#include "services/scoring/src/scoring.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

namespace juesuan::analyze::testing {

DelayedAnswers::~DelayedAnswers() {
  absl::MutexLock lock(&mu_);
  for (std::thread& thread : threads_) thread.join();
}

void DelayedAnswers::After(absl::Duration delay, std::function<void()> answer) {
  if (delay <= absl::ZeroDuration()) {
    answer();
    return;
  }
  absl::MutexLock lock(&mu_);
  threads_.emplace_back([delay, answer = std::move(answer)] {
    absl::SleepFor(delay);
    answer();
  });
}

void SeenRequestIds::Record(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  const auto it = metadata.find("x-request-id");
  absl::MutexLock lock(&mu_);
  ids_.push_back(it == metadata.end() ? "" : std::string(it->second.data(), it->second.size()));
}

std::vector<std::string> SeenRequestIds::ids() const {
  absl::MutexLock lock(&mu_);
  return ids_;
}

grpc::ServerUnaryReactor* CoreValidate::ValidateReport(
    grpc::CallbackServerContext* context, const validate::v1::ValidateReportRequest* request,
    validate::v1::ValidateReportResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  request_ids_.Record(*context);
  if (calls_.fetch_add(1) == 0 && !behaviour_.fail_first.ok()) {
    reactor->Finish(ToGrpcStatus(behaviour_.fail_first));
    return reactor;
  }
  answers_.After(behaviour_.delay, [request, response, reactor] {
    auto result = validate::Validate(request->report(), validate::DefaultConfig());
    if (result.ok()) *response = *std::move(result);
    reactor->Finish(ToGrpcStatus(result.status()));
  });
  return reactor;
}

grpc::ServerUnaryReactor* CoreScoring::ScoreReport(grpc::CallbackServerContext* context,
                                                   const scoring::v1::ScoreReportRequest* request,
                                                   scoring::v1::ScoreReportResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  request_ids_.Record(*context);
  if (calls_.fetch_add(1) == 0 && !behaviour_.fail_first.ok()) {
    reactor->Finish(ToGrpcStatus(behaviour_.fail_first));
    return reactor;
  }
  answers_.After(behaviour_.delay, [request, response, reactor] {
    auto result = scoring::Score(*request);
    if (result.ok()) *response = *std::move(result);
    reactor->Finish(ToGrpcStatus(result.status()));
  });
  return reactor;
}

absl::StatusOr<std::unique_ptr<GrpcServer>> StartOnLoopback(
    grpc::Service* service, const std::string& name,
    const std::shared_ptr<prometheus::Registry>& registry) {
  GrpcServerOptions options;
  options.address = "127.0.0.1:0";
  return GrpcServer::Start(options, {service}, {name}, registry);
}

RealParse::RealParse() {
  auto parser = parse::DocumentParser::CreateDefault();
  if (parser.ok()) parser_ = *std::move(parser);
  pool_ = std::make_unique<WorkerPool>(2, 64);
  service_ = std::make_unique<parse::ParseServiceImpl>(*parser_, *pool_, *registry_);
}

}  // namespace juesuan::analyze::testing
