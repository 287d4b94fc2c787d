// ParseService in an in-process server on 127.0.0.1:0, called through real
// stubs over loopback. Service behaviour (worker pool, limits, status mapping,
// deadlines, metrics) is tested with a stand-in parse function; the tests at
// the end use the real DocumentParser and skip themselves while the parse
// core still answers UNIMPLEMENTED.
#include <atomic>
#include <chrono>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>
#include <prometheus/text_serializer.h>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "services/parse/service/parse_service.h"
#include "tests/e2e/process.h"
#include "tests/support/loopback_service.h"

namespace juesuan::parse {
namespace {

using grpc::health::v1::HealthCheckResponse;
using juesuan::testing::SampleValue;

constexpr char kParseService[] = "juesuan.parse.v1.ParseService";
constexpr int64_t kTestMessageLimit = int64_t{1} << 20;  // 1 MiB keeps the test quick

// Stand-in for the parse core: empty content is INVALID_ARGUMENT (as the
// contract says), anything else becomes a one-section text report.
absl::StatusOr<report::v1::Report> StandInParse(std::string_view content,
                                                const ParseOptions&) {
  if (content.empty()) return absl::InvalidArgumentError("empty document");
  report::v1::Report report;
  report.mutable_document()->set_format(report::v1::FORMAT_TEXT);
  report.add_sections()->set_title(std::string(content.substr(0, 12)));
  return report;
}

class ParseServiceTest : public juesuan::testing::LoopbackServiceTest {
 protected:
  // The client may send more than the server accepts, to test the limit.
  static constexpr juesuan::testing::MessageLimits kTestLimits{kTestMessageLimit, 8 * kTestMessageLimit};

  void StartServer(size_t workers, size_t queue, ParseFunction parse,
                   juesuan::testing::MessageLimits limits = kTestLimits) {
    StartService(kParseService, workers, queue,
                 [&parse](WorkerPool& pool, prometheus::Registry& registry) {
                   return std::make_unique<ParseServiceImpl>(std::move(parse), pool, registry);
                 },
                 limits);
  }

  void SetUp() override { StartServer(2, 4, StandInParse); }

  grpc::Status Parse(const std::string& content, v1::ParseDocumentResponse* response,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    v1::ParseDocumentRequest request;
    request.set_content(content);
    return v1::ParseService::NewStub(channel_)->ParseDocument(Context(timeout).get(),
                                                              request, response);
  }
  grpc::Status Parse(const std::string& content) {
    v1::ParseDocumentResponse response;
    return Parse(content, &response);
  }
};

const std::vector<std::string> kParseLabels = {"grpc_method=\"ParseDocument\"",
                                               "grpc_service=\"juesuan.parse.v1.ParseService\"",
                                               "grpc_type=\"unary\""};

std::vector<std::string> With(std::vector<std::string> labels, const std::string& extra) {
  labels.push_back(extra);
  return labels;
}

TEST_F(ParseServiceTest, ParsesOnWorkerAndReturnsReport) {
  v1::ParseDocumentResponse response;
  const grpc::Status status = Parse("部门决算公开说明", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.report().sections_size(), 1);
  EXPECT_EQ(response.report().sections(0).title(), "部门决算");  // first 12 bytes
}

TEST_F(ParseServiceTest, HealthServingForServerAndParseServiceUnknownNotFound) {
  HealthCheckResponse response;
  ASSERT_TRUE(Health("", &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  ASSERT_TRUE(Health(kParseService, &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health("juesuan.nope.v1.NopeService", &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(ParseServiceTest, ReflectionListsParseService) {
  const auto probe = juesuan::testing::RunCommand(
      {GRPC_PROBE_BINARY, "--timeout_ms=5000", Address()}, absl::Seconds(20));
  ASSERT_FALSE(probe.timed_out);
  EXPECT_EQ(probe.exit_code, 0) << probe.out << probe.err;
  EXPECT_NE(probe.out.find("service: juesuan.parse.v1.ParseService\n"), std::string::npos)
      << probe.out;
  EXPECT_NE(probe.out.find("service: grpc.reflection.v1alpha.ServerReflection\n"),
            std::string::npos)
      << probe.out;
}

TEST_F(ParseServiceTest, StartFailsCleanlyWhenPortIsTaken) {
  GrpcServerOptions options;
  options.address = Address();  // already bound by the fixture's server
  auto second = GrpcServer::Start(options, {}, {}, nullptr);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(Parse("第一部分").ok());  // the first server is unaffected
}

TEST_F(ParseServiceTest, ErrorStatusIsMappedOnceWithCodeAndMessage) {
  const grpc::Status status = Parse("");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "empty document");
}

TEST_F(ParseServiceTest, HandledTotalCountsExactlyTheCallsMade) {
  ASSERT_TRUE(Parse("第一部分 单位概况").ok());
  ASSERT_TRUE(Parse("第二部分 决算表").ok());
  ASSERT_TRUE(Parse("第三部分 名词解释").ok());
  ASSERT_EQ(Parse("").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  HealthCheckResponse health;
  ASSERT_TRUE(Health(kParseService, &health).ok());

  const std::string metrics = Metrics();
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total",
                        With(kParseLabels, "grpc_code=\"OK\"")),
            3.0)
      << metrics;
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total",
                        With(kParseLabels, "grpc_code=\"InvalidArgument\"")),
            1.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total",
                        With(kParseLabels, "grpc_code=\"Unknown\"")),
            std::nullopt);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_started_total", kParseLabels), 4.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handling_seconds_count", kParseLabels), 4.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total",
                        {"grpc_method=\"Check\"", "grpc_code=\"OK\""}),
            1.0);
  // Domain metrics.
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_documents_total",
                        {"format=\"text\"", "outcome=\"ok\""}),
            3.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_documents_total",
                        {"format=\"unknown\"", "outcome=\"rejected\""}),
            1.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_documents_total",
                        {"format=\"pdf\"", "outcome=\"ok\""}),
            0.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_input_bytes_count"), 4.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_input_bytes_bucket", {"le=\"1024\""}), 4.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_parse_duration_seconds_count"), 4.0);
}

TEST_F(ParseServiceTest, MessageAboveLimitIsResourceExhausted) {
  EXPECT_TRUE(Parse(std::string(kTestMessageLimit / 2, 'a')).ok());
  const grpc::Status status = Parse(std::string(kTestMessageLimit + 1, 'a'));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();
  // gRPC core refuses the oversized message before any application code or
  // interceptor runs, so only the accepted call is counted (README
  // "Metrics" notes this; watch client-side errors for oversize documents).
  const std::string metrics = Metrics();
  EXPECT_EQ(SampleValue(metrics, "grpc_server_started_total", kParseLabels), 1.0) << metrics;
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total",
                        With(kParseLabels, "grpc_code=\"ResourceExhausted\"")),
            std::nullopt);
}

TEST_F(ParseServiceTest, DefaultLimitAcceptsDocumentsAboveGrpcDefault) {
  // gRPC's own default is 4 MiB; the service default must take 64 MiB
  // documents, so a 16 MiB one has to pass end to end.
  StartServer(1, 1, StandInParse, juesuan::testing::MessageLimits{});
  EXPECT_TRUE(Parse(std::string(int64_t{16} << 20, 'a')).ok());
  EXPECT_EQ(Parse(std::string(grpc_limits::kDefaultMaxMessageBytes + 1, 'a')).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(ParseServiceTest, FullQueueAnswersResourceExhaustedImmediately) {
  StartServer(1, 1, StandInParse);
  // Occupy the only worker and the only queue slot.
  OccupyPool(/*fill_queue=*/true);

  const absl::Time start = absl::Now();
  const grpc::Status status = Parse("第一部分");
  const absl::Duration elapsed = absl::Now() - start;
  ReleasePool();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();
  EXPECT_LT(elapsed, absl::Seconds(2));  // refused at once, not after the 10 s deadline
  EXPECT_EQ(SampleValue(Metrics(), "juesuan_parse_documents_total",
                        {"format=\"text\"", "outcome=\"rejected\""}),
            1.0);
  // Capacity is back once the blocking tasks have left the queue.
  ASSERT_TRUE(QueuedTaskDone());
  EXPECT_TRUE(Parse("第二部分").ok());
}

TEST_F(ParseServiceTest, CallDeadlineBecomesParseDeadline) {
  absl::Mutex mu;
  std::vector<absl::Time> seen;
  StartServer(1, 1, [&](std::string_view content, const ParseOptions& options) {
    absl::MutexLock lock(&mu);
    seen.push_back(options.deadline);
    return StandInParse(content, options);
  });
  const absl::Time before = absl::Now();
  v1::ParseDocumentResponse with_deadline;
  ASSERT_TRUE(Parse("第一部分", &with_deadline, std::chrono::seconds(7)).ok());
  const absl::Time after = absl::Now();
  // Without a deadline the parser gets none either.
  v1::ParseDocumentRequest request;
  request.set_content("第二部分");
  grpc::ClientContext no_deadline;
  v1::ParseDocumentResponse response;
  ASSERT_TRUE(v1::ParseService::NewStub(channel_)
                  ->ParseDocument(&no_deadline, request, &response)
                  .ok());

  absl::MutexLock lock(&mu);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_GE(seen[0], before + absl::Seconds(7) - absl::Milliseconds(100));
  EXPECT_LE(seen[0], after + absl::Seconds(7) + absl::Milliseconds(100));
  EXPECT_EQ(seen[1], absl::InfiniteFuture());
}

TEST_F(ParseServiceTest, CallThatExpiresInQueueIsFinishedWithoutParsing) {
  std::atomic<int> parses{0};
  StartServer(1, 1, [&](std::string_view content, const ParseOptions& options) {
    ++parses;
    return StandInParse(content, options);
  });
  OccupyPool(/*fill_queue=*/false);
  v1::ParseDocumentResponse response;
  const grpc::Status status = Parse("第一部分", &response, std::chrono::milliseconds(200));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server's deadline runs from when the request arrived, a little after
  // the client's: let it pass there too before the worker frees up, so the
  // queued call is surely expired when it is picked up.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ReleasePool();
  // The queued call must still be finished (TearDown's Shutdown would hang
  // otherwise) and must not have been parsed.
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  EXPECT_EQ(parses.load(), 0);
  EXPECT_EQ(SampleValue(Metrics(), "juesuan_parse_documents_total",
                        {"format=\"text\"", "outcome=\"error\""}),
            1.0);
}

// --- Parse behaviour with the real parse core ------------------------------

class RealParserTest : public ParseServiceTest {
 protected:
  void SetUp() override {
    auto parser = DocumentParser::CreateDefault();
    ASSERT_TRUE(parser.ok()) << parser.status();
    parser_ = *std::move(parser);
    StartService(kParseService, 1, 2, [this](WorkerPool& pool, prometheus::Registry& registry) {
      return std::make_unique<ParseServiceImpl>(*parser_, pool, registry);
    });
  }
  std::unique_ptr<DocumentParser> parser_;
};

TEST_F(RealParserTest, EmptyDocumentIsInvalidArgument) {
  const grpc::Status status = Parse("");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
}

TEST_F(RealParserTest, SeedDocumentParsesToTextReport) {
  const std::string seed = juesuan::testing::ReadFileOrEmpty(
      JUESUAN_SHARED_DIR "/seed/000_0d0d50dd571d51d1.txt");
  ASSERT_FALSE(seed.empty());
  v1::ParseDocumentResponse response;
  const grpc::Status status = Parse(seed, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.report().document().format(), report::v1::FORMAT_TEXT);
  EXPECT_EQ(response.report().document().year(), 2024);
  EXPECT_EQ(SampleValue(Metrics(), "juesuan_parse_documents_total",
                        {"format=\"text\"", "outcome=\"ok\""}),
            1.0);
}

}  // namespace
}  // namespace juesuan::parse
