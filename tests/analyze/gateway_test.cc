// The analyze gateway on 127.0.0.1:0 in front of real gRPC backends on
// loopback: the real parse service, and validate/scoring services running the
// real cores that can be stopped, made to fail or made slow.
#include <algorithm>
#include <fstream>
#include <future>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>
#include <prometheus/text_serializer.h>

#include "common/grpc/client_channel.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "services/analyze/service/forwarding.h"
#include "services/analyze/service/analyze_service.h"
#include "tests/analyze/backends.h"
#include "tests/e2e/process.h"

namespace juesuan::analyze {
namespace {

using testing::Behaviour;
using testing::CoreScoring;
using testing::CoreValidate;
using testing::RealParse;
using testing::StartOnLoopback;

std::string SeedText() {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt",
                   std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

v1::AnalyzeRequest SeedRequest() {
  v1::AnalyzeRequest request;
  request.set_content(SeedText());
  request.set_file_name("seed.txt");
  request.set_omit_text(true);
  return request;
}

class GatewayTest : public ::testing::Test {
 protected:
  void Start(Behaviour validate_behaviour = {}, Behaviour scoring_behaviour = {}) {
    validate_ = std::make_unique<CoreValidate>(validate_behaviour);
    scoring_ = std::make_unique<CoreScoring>(scoring_behaviour);
    auto parse_server = StartOnLoopback(parse_.service(), "juesuan.parse.v1.ParseService",
                                        std::make_shared<prometheus::Registry>());
    auto validate_server = StartOnLoopback(validate_.get(), "juesuan.validate.v1.ValidateService",
                                           std::make_shared<prometheus::Registry>());
    auto scoring_server = StartOnLoopback(scoring_.get(), "juesuan.scoring.v1.ScoringService",
                                          std::make_shared<prometheus::Registry>());
    ASSERT_TRUE(parse_server.ok() && validate_server.ok() && scoring_server.ok());
    parse_server_ = *std::move(parse_server);
    validate_server_ = *std::move(validate_server);
    scoring_server_ = *std::move(scoring_server);

    ClientChannelOptions channel_options;
    channel_options.service_config_json = BackendServiceConfigJson();
    const auto channel = [&](const GrpcServer& server) {
      return MakeClientChannel("dns:///127.0.0.1:" + std::to_string(server.port()),
                               channel_options);
    };
    gateway_ = std::make_unique<AnalyzeServiceImpl>(
        BackendChannels{channel(*parse_server_), channel(*validate_server_),
                        channel(*scoring_server_)},
        *gateway_registry_);
    auto gateway_server =
        StartOnLoopback(gateway_.get(), "juesuan.analyze.v1.AnalyzeService", gateway_registry_);
    ASSERT_TRUE(gateway_server.ok()) << gateway_server.status();
    gateway_server_ = *std::move(gateway_server);
    stub_ = v1::AnalyzeService::NewStub(
        MakeClientChannel("127.0.0.1:" + std::to_string(gateway_server_->port())));
  }

  void TearDown() override {
    for (auto* server : {&gateway_server_, &parse_server_, &validate_server_, &scoring_server_}) {
      if (*server != nullptr) (*server)->Shutdown(absl::Seconds(1));
    }
  }

  grpc::Status Analyze(const v1::AnalyzeRequest& request, v1::AnalyzeResponse* response,
                       absl::Duration deadline = absl::Seconds(30)) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    return stub_->Analyze(&context, request, response);
  }

  // Validate fails its first call with `first`; the gateway's second
  // attempt succeeds and the caller sees a full result.
  void ExpectValidateRetriedOnceAfter(const absl::Status& first) {
    Start(Behaviour{absl::ZeroDuration(), first});
    v1::AnalyzeResponse response;
    const grpc::Status status = Analyze(SeedRequest(), &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.stages(1).code(), 0) << response.stages(1).message();
    EXPECT_EQ(validate_->calls(), 2);
  }

  std::string Metrics() {
    return prometheus::TextSerializer().Serialize(gateway_registry_->Collect());
  }

  RealParse parse_;
  std::unique_ptr<CoreValidate> validate_;
  std::unique_ptr<CoreScoring> scoring_;
  std::shared_ptr<prometheus::Registry> gateway_registry_ =
      std::make_shared<prometheus::Registry>();
  std::unique_ptr<AnalyzeServiceImpl> gateway_;
  std::unique_ptr<GrpcServer> parse_server_, validate_server_, scoring_server_,
      gateway_server_;
  std::unique_ptr<v1::AnalyzeService::Stub> stub_;
};

TEST_F(GatewayTest, SeedGoesThroughEveryStage) {
  Start();
  v1::AnalyzeResponse response;
  const grpc::Status status = Analyze(SeedRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(response.report().document().unit_name().text().empty());
  EXPECT_TRUE(response.report().text().empty()) << "omit_text is forwarded to parse";
  EXPECT_TRUE(response.has_validation());
  EXPECT_GT(response.validation().summary().rules_ran(), 0u);
  EXPECT_TRUE(response.has_scoring());
  EXPECT_GT(response.scoring().tables_size(), 0);
  ASSERT_EQ(response.stages_size(), 3);
  EXPECT_EQ(response.stages(0).stage(), v1::STAGE_PARSE);
  EXPECT_EQ(response.stages(1).stage(), v1::STAGE_VALIDATE);
  EXPECT_EQ(response.stages(2).stage(), v1::STAGE_SCORING);
  for (const auto& stage : response.stages()) EXPECT_EQ(stage.code(), 0) << stage.message();
  EXPECT_EQ(juesuan::testing::SampleValue(Metrics(), "juesuan_analyze_documents_total",
                                          {"outcome=\"ok\""})
                .value_or(-1),
            1);
}

TEST_F(GatewayTest, StoppedValidateServiceIsReportedAsItsStageAndTheRestArrives) {
  Start();
  v1::AnalyzeResponse first;
  ASSERT_TRUE(Analyze(SeedRequest(), &first).ok());
  validate_server_->Shutdown(absl::ZeroDuration());  // stopped mid-run
  validate_server_->Wait();

  v1::AnalyzeResponse response;
  const grpc::Status status = Analyze(SeedRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.stages_size(), 3);
  EXPECT_EQ(response.stages(0).code(), 0);
  EXPECT_EQ(response.stages(1).stage(), v1::STAGE_VALIDATE);
  EXPECT_EQ(response.stages(1).code(), static_cast<int>(grpc::StatusCode::UNAVAILABLE));
  EXPECT_FALSE(response.stages(1).message().empty());
  EXPECT_EQ(response.stages(2).code(), 0);
  EXPECT_FALSE(response.has_validation());
  EXPECT_FALSE(response.report().document().unit_name().text().empty());
  EXPECT_GT(response.scoring().tables_size(), 0);
  const std::string metrics = Metrics();
  EXPECT_EQ(juesuan::testing::SampleValue(metrics, "juesuan_analyze_documents_total",
                                          {"outcome=\"partial\""})
                .value_or(-1),
            1);
  EXPECT_GE(juesuan::testing::SampleValue(metrics, "juesuan_analyze_stage_failures_total",
                                          {"stage=\"validate\"", "code=\"UNAVAILABLE\""})
                .value_or(0),
            1);
}

TEST_F(GatewayTest, SlowScoringRunsOutTheBudgetAndTheErrorNamesTheStage) {
  Start({}, Behaviour{absl::Seconds(3), absl::OkStatus()});
  v1::AnalyzeResponse response;
  const absl::Time start = absl::Now();
  const grpc::Status status = Analyze(SeedRequest(), &response, absl::Seconds(1));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_NE(status.error_message().find("scoring stage"), std::string::npos)
      << status.error_message();
  EXPECT_EQ(status.error_message().find("validate"), std::string::npos)
      << "validate answered in time: " << status.error_message();
  // The gateway answered itself, before the caller's deadline.
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST_F(GatewayTest, UnavailableIsRetriedOnce) {
  ExpectValidateRetriedOnceAfter(absl::UnavailableError("warming up"));
}

// What a backend answers when gRPC cancels a call whose headers arrived as
// the backend began shutting down.
TEST_F(GatewayTest, CancelledByTheBackendIsRetriedOnce) {
  ExpectValidateRetriedOnceAfter(absl::CancelledError("CANCELLED"));
}

TEST_F(GatewayTest, ACallItsClientCancelsIsNotRetried) {
  Start(Behaviour{absl::Milliseconds(800), absl::OkStatus()});
  grpc::ClientContext context;
  const v1::AnalyzeRequest request = SeedRequest();
  v1::AnalyzeResponse response;
  std::promise<grpc::Status> done;
  stub_->async()->Analyze(&context, &request, &response,
                          [&done](grpc::Status s) { done.set_value(std::move(s)); });
  // Cancel once validate holds the call: parse of the seed takes milliseconds.
  for (int i = 0; i < 200 && validate_->calls() == 0; ++i) absl::SleepFor(absl::Milliseconds(5));
  ASSERT_EQ(validate_->calls(), 1);
  context.TryCancel();
  EXPECT_EQ(done.get_future().get().error_code(), grpc::StatusCode::CANCELLED);
  absl::SleepFor(absl::Milliseconds(1200));  // past the backend's answer and any backoff
  EXPECT_EQ(validate_->calls(), 1);
}

TEST_F(GatewayTest, OtherFailuresAreNotRetried) {
  Start({}, Behaviour{absl::ZeroDuration(), absl::InternalError("scoring broke")});
  v1::AnalyzeResponse response;
  ASSERT_TRUE(Analyze(SeedRequest(), &response).ok());
  EXPECT_EQ(response.stages(2).code(), static_cast<int>(grpc::StatusCode::INTERNAL));
  EXPECT_EQ(response.stages(2).message(), "scoring broke");
  EXPECT_EQ(scoring_->calls(), 1);
  EXPECT_TRUE(response.has_validation());
}

TEST_F(GatewayTest, ParseRefusalFailsTheCallWithParsesCode) {
  Start();
  v1::AnalyzeRequest request;
  request.set_content("this is not a 决算 disclosure at all");
  v1::AnalyzeResponse response;
  const grpc::Status status = Analyze(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message().rfind("parse: ", 0), 0u) << status.error_message();
  EXPECT_EQ(validate_->calls(), 0);
}

TEST_F(GatewayTest, BatchAnswersEveryRequestOnceWithItsIndex) {
  Start();
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  auto stream = stub_->AnalyzeBatch(&context);
  constexpr int kDocuments = 12;
  const int kGarbage = 5;
  for (int i = 0; i < kDocuments; ++i) {
    v1::AnalyzeRequest request = SeedRequest();
    request.set_file_name("doc" + std::to_string(i));
    if (i == kGarbage) request.set_content("\x01\x02 garbage");
    ASSERT_TRUE(stream->Write(request));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::set<uint32_t> seen;
  v1::AnalyzeBatchResult result;
  while (stream->Read(&result)) {
    EXPECT_TRUE(seen.insert(result.index()).second) << "index twice: " << result.index();
    EXPECT_EQ(result.file_name(), "doc" + std::to_string(result.index()));
    if (result.index() == kGarbage) {
      ASSERT_TRUE(result.has_error());
      EXPECT_EQ(result.error().stage(), v1::STAGE_PARSE);
      EXPECT_NE(result.error().code(), 0);
    } else {
      ASSERT_TRUE(result.has_response()) << result.error().message();
      EXPECT_EQ(result.response().stages_size(), 3);
      EXPECT_GT(result.response().scoring().tables_size(), 0);
    }
  }
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(seen.size(), static_cast<size_t>(kDocuments));
}

TEST_F(GatewayTest, CallersRequestIdReachesEveryBackend) {
  Start();
  v1::AnalyzeResponse response;
  grpc::ClientContext context;
  context.AddMetadata("x-request-id", "tenant7-doc42");
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  ASSERT_TRUE(stub_->Analyze(&context, SeedRequest(), &response).ok());
  EXPECT_EQ(validate_->request_ids(), std::vector<std::string>{"tenant7-doc42"});
  EXPECT_EQ(scoring_->request_ids(), std::vector<std::string>{"tenant7-doc42"});
}

TEST_F(GatewayTest, WithoutARequestIdTheGatewayMakesOneForAllItsBackendCalls) {
  Start();
  v1::AnalyzeResponse first, second;
  ASSERT_TRUE(Analyze(SeedRequest(), &first).ok());
  ASSERT_TRUE(Analyze(SeedRequest(), &second).ok());
  const auto validate_ids = validate_->request_ids();
  const auto scoring_ids = scoring_->request_ids();
  ASSERT_EQ(validate_ids.size(), 2u);
  EXPECT_EQ(scoring_ids, validate_ids) << "one id per document, the same in every stage";
  EXPECT_EQ(validate_ids[0].size(), 16u) << validate_ids[0];
  EXPECT_NE(validate_ids[0], validate_ids[1]);
}

TEST_F(GatewayTest, BatchDocumentsCarryTheStreamsIdAndTheirIndex) {
  Start();
  grpc::ClientContext context;
  context.AddMetadata("x-request-id", "run9");
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
  auto stream = stub_->AnalyzeBatch(&context);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(stream->Write(SeedRequest()));
  ASSERT_TRUE(stream->WritesDone());
  v1::AnalyzeBatchResult result;
  while (stream->Read(&result)) {
  }
  ASSERT_TRUE(stream->Finish().ok());
  auto ids = validate_->request_ids();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"run9.0", "run9.1", "run9.2"}));
}

// The gateway passes the report and the backends' answers on as bytes: what
// the caller decodes must be exactly what each backend answers when called
// on its own with the same input.
TEST_F(GatewayTest, ForwardedAnswersEqualTheBackendsOwn) {
  Start();
  v1::AnalyzeRequest request = SeedRequest();
  request.set_omit_text(false);  // validate reads the text too
  v1::AnalyzeResponse response;
  ASSERT_TRUE(Analyze(request, &response).ok());

  // A backend called on its own, the way its other clients call it.
  const auto direct = [](const GrpcServer& server, auto call) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    return call(MakeClientChannel("127.0.0.1:" + std::to_string(server.port())), &context);
  };
  using google::protobuf::util::MessageDifferencer;
  parse::v1::ParseDocumentRequest parse_request;
  parse_request.set_content(request.content());
  parse_request.set_file_name(request.file_name());
  parse::v1::ParseDocumentResponse parsed;
  ASSERT_TRUE(direct(*parse_server_, [&](auto channel, grpc::ClientContext* context) {
                return parse::v1::ParseService::NewStub(channel)->ParseDocument(
                    context, parse_request, &parsed);
              }).ok());
  EXPECT_FALSE(response.report().text().empty());
  EXPECT_TRUE(MessageDifferencer::Equals(response.report(), parsed.report()));

  validate::v1::ValidateReportRequest validate_request;
  *validate_request.mutable_report() = parsed.report();
  validate::v1::ValidateReportResponse validated;
  ASSERT_TRUE(direct(*validate_server_, [&](auto channel, grpc::ClientContext* context) {
                return validate::v1::ValidateService::NewStub(channel)->ValidateReport(
                    context, validate_request, &validated);
              }).ok());
  EXPECT_GT(validated.findings_size(), 0);
  EXPECT_TRUE(MessageDifferencer::Equals(response.validation(), validated));

  scoring::v1::ScoreReportRequest scoring_request;
  *scoring_request.mutable_report() = parsed.report();
  scoring::v1::ScoreReportResponse scored;
  ASSERT_TRUE(direct(*scoring_server_, [&](auto channel, grpc::ClientContext* context) {
                return scoring::v1::ScoringService::NewStub(channel)->ScoreReport(
                    context, scoring_request, &scored);
              }).ok());
  EXPECT_GT(scored.tables_size(), 0);
  EXPECT_TRUE(MessageDifferencer::Equals(response.scoring(), scored));
}

// Bytes that are not an AnalyzeRequest: a precise status for Analyze, an
// error record of their own in a batch (the other documents complete).
TEST_F(GatewayTest, BytesThatAreNotARequestAreInvalidArgument) {
  Start();
  grpc::GenericStub raw(
      MakeClientChannel("127.0.0.1:" + std::to_string(gateway_server_->port())));
  const std::string not_a_message = "\xff\xff\xff\xff";
  grpc::Slice slice(not_a_message);
  const grpc::ByteBuffer garbage(&slice, 1);
  grpc::ByteBuffer answer;
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  std::promise<grpc::Status> done;
  raw.UnaryCall(&context, "/juesuan.analyze.v1.AnalyzeService/Analyze", grpc::StubOptions(),
                &garbage, &answer, [&done](grpc::Status status) { done.set_value(status); });
  const grpc::Status status = done.get_future().get();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("not a juesuan.analyze.v1.AnalyzeRequest"),
            std::string::npos)
      << status.error_message();
  EXPECT_EQ(juesuan::testing::SampleValue(Metrics(), "juesuan_analyze_documents_total",
                                          {"outcome=\"rejected\""})
                .value_or(-1),
            1);
  EXPECT_EQ(validate_->calls(), 0) << "nothing reaches the backends";
}

// A batch over raw bytes: writes every message of `requests`, half-closes,
// and collects every result until the stream ends.
class RawBatch final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  RawBatch(grpc::GenericStub& stub, std::vector<grpc::ByteBuffer> requests)
      : requests_(std::move(requests)) {
    context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    stub.PrepareBidiStreamingCall(&context_, "/juesuan.analyze.v1.AnalyzeService/AnalyzeBatch",
                                  grpc::StubOptions(), this);
    StartRead(&read_);
    WriteNext();
    StartCall();
  }
  void OnWriteDone(bool ok) override {
    if (ok) WriteNext();
  }
  void OnReadDone(bool ok) override {
    if (!ok) return;
    v1::AnalyzeBatchResult result;
    EXPECT_TRUE(DecodeMessage(read_, &result));
    results_.push_back(result);
    StartRead(&read_);
  }
  void OnDone(const grpc::Status& status) override { done_.set_value(status); }
  grpc::Status Wait() { return done_.get_future().get(); }
  const std::vector<v1::AnalyzeBatchResult>& results() const { return results_; }

 private:
  void WriteNext() {
    if (next_ == requests_.size()) {
      StartWritesDone();
      return;
    }
    StartWrite(&requests_[next_++]);
  }
  grpc::ClientContext context_;
  std::vector<grpc::ByteBuffer> requests_;
  size_t next_ = 0;
  grpc::ByteBuffer read_;
  std::vector<v1::AnalyzeBatchResult> results_;  // touched by the read path only
  std::promise<grpc::Status> done_;
};

TEST_F(GatewayTest, BatchAnswersBytesThatAreNotARequestWithTheirOwnError) {
  Start();
  grpc::GenericStub raw(
      MakeClientChannel("127.0.0.1:" + std::to_string(gateway_server_->port())));
  std::vector<grpc::ByteBuffer> requests(3);
  for (int i : {0, 2}) {
    v1::AnalyzeRequest request = SeedRequest();
    request.set_file_name("doc" + std::to_string(i));
    ASSERT_TRUE(EncodeMessage(request, &requests[i]).ok());
  }
  grpc::Slice garbage(std::string("\xff\xff\xff\xff"));
  requests[1] = grpc::ByteBuffer(&garbage, 1);
  RawBatch batch(raw, std::move(requests));
  ASSERT_TRUE(batch.Wait().ok());
  ASSERT_EQ(batch.results().size(), 3u);
  for (const v1::AnalyzeBatchResult& result : batch.results()) {
    if (result.index() == 1) {
      ASSERT_TRUE(result.has_error());
      EXPECT_EQ(result.error().code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
      EXPECT_TRUE(result.file_name().empty());
    } else {
      ASSERT_TRUE(result.has_response()) << result.error().message();
      EXPECT_EQ(result.file_name(), "doc" + std::to_string(result.index()));
      EXPECT_GT(result.response().scoring().tables_size(), 0);
    }
  }
}

TEST(ReportForScoringTest, KeepsTheDocumentAndThePerformanceTablesUnchanged) {
  report::v1::Report report;
  report.mutable_document()->mutable_unit_name()->set_text("某某局");
  report.mutable_document()->set_year(2024);
  report.add_performance_tables()->mutable_unit_name()->set_text("某某局");
  report.add_performance_tables()->set_kind(report::v1::PERFORMANCE_TABLE_KIND_PROJECT);
  report.add_statements()->set_subject("本年收入合计");
  report.mutable_totals();
  report.set_text(std::string(1000, 'x'));

  const absl::StatusOr<std::string> kept = ReportForScoring(report.SerializeAsString());
  ASSERT_TRUE(kept.ok()) << kept.status();
  report::v1::Report read;
  ASSERT_TRUE(read.ParseFromString(*kept));
  report::v1::Report expected;
  *expected.mutable_document() = report.document();
  *expected.mutable_performance_tables() = report.performance_tables();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(read, expected))
      << read.DebugString();
}

TEST(ReportForScoringTest, BytesThatAreNotAMessageAreAnError) {
  for (const std::string& bytes : {std::string("\x0a\x05" "ab"), std::string("\xff\xff\xff\xff\xff"),
                                  std::string("\x00", 1)}) {
    const absl::StatusOr<std::string> kept = ReportForScoring(bytes);
    EXPECT_EQ(kept.status().code(), absl::StatusCode::kInternal) << kept.status();
  }
  EXPECT_TRUE(ReportForScoring("").ok());  // an empty report has nothing to keep
}

TEST(CopyBytesTest, JoinsTheSlicesAndTellsAnEmptyBufferApart) {
  grpc::Slice slices[] = {grpc::Slice(std::string("决算")), grpc::Slice(std::string("报告"))};
  const grpc::ByteBuffer two(slices, 2);
  std::string out = "left over";
  ASSERT_TRUE(CopyBytes(two, &out));
  EXPECT_EQ(out, "决算报告");
  EXPECT_FALSE(CopyBytes(grpc::ByteBuffer(), &out));
  EXPECT_TRUE(out.empty());
}

TEST(DeadlineMarginTest, TenthOfTheRemainderCappedAtTheMaximum) {
  EXPECT_EQ(DeadlineMargin(absl::Milliseconds(100), absl::Milliseconds(50)),
            absl::Milliseconds(10));
  EXPECT_EQ(DeadlineMargin(absl::Seconds(10), absl::Milliseconds(50)), absl::Milliseconds(50));
}

}  // namespace
}  // namespace juesuan::analyze
