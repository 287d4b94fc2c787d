// Load shedding and per-document limits of ParseService on 127.0.0.1:0: a
// burst larger than workers + queue is answered RESOURCE_EXHAUSTED at once for
// exactly the excess while every admitted call succeeds; the per-document
// budget and the size/page limits reach the parser.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "services/parse/service/parse_service.h"

namespace juesuan::parse {
namespace {

constexpr char kParseService[] = "juesuan.parse.v1.ParseService";

class LoadSheddingTest : public ::testing::Test {
 protected:
  void Start(size_t workers, size_t queue, ParseFunction parse,
             ParseServiceOptions service_options = {}) {
    registry_ = std::make_shared<prometheus::Registry>();
    pool_ = std::make_unique<WorkerPool>(workers, queue);
    service_ = std::make_unique<ParseServiceImpl>(std::move(parse), *pool_, *registry_,
                                                  service_options);
    GrpcServerOptions options;
    options.address = "127.0.0.1:0";
    options.plaintext = true;
    auto server = GrpcServer::Start(options, {service_.get()}, {kParseService}, registry_);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = MakeClientChannel("127.0.0.1:" + std::to_string(server_->port()));
    stub_ = v1::ParseService::NewStub(channel_);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
    server_.reset();
    service_.reset();
    pool_.reset();
  }

  grpc::Status Parse(const std::string& content,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + timeout);
    v1::ParseDocumentRequest request;
    request.set_content(content);
    v1::ParseDocumentResponse response;
    return stub_->ParseDocument(&context, request, &response);
  }

  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<ParseServiceImpl> service_;
  std::unique_ptr<GrpcServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ParseService::Stub> stub_;
};

// One asynchronous call of the burst.
struct BurstCall {
  grpc::ClientContext context;
  v1::ParseDocumentRequest request;
  v1::ParseDocumentResponse response;
  grpc::Status status;
  absl::Time finished;
};

TEST_F(LoadSheddingTest, BurstBeyondWorkersPlusQueueIsShedExactly) {
  constexpr size_t kWorkers = 2, kQueue = 3, kBurst = 12;
  absl::Notification release;
  std::atomic<int> parsed{0};
  Start(kWorkers, kQueue, [&](std::string_view content, const ParseOptions&) {
    release.WaitForNotificationWithTimeout(absl::Seconds(20));
    ++parsed;
    return absl::StatusOr<report::v1::Report>(report::v1::Report());
  });

  absl::Mutex mu;
  size_t done = 0;
  std::vector<std::unique_ptr<BurstCall>> calls;
  const absl::Time start = absl::Now();
  for (size_t i = 0; i < kBurst; ++i) {
    auto call = std::make_unique<BurstCall>();
    call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    call->request.set_content("document " + std::to_string(i));
    BurstCall* raw = call.get();
    stub_->async()->ParseDocument(&raw->context, &raw->request, &raw->response,
                                  [&mu, &done, raw](grpc::Status status) {
                                    absl::MutexLock lock(&mu);
                                    raw->status = std::move(status);
                                    raw->finished = absl::Now();
                                    ++done;
                                  });
    calls.push_back(std::move(call));
  }
  // The excess is refused while the admitted calls are still held by the
  // parse function: the refusals do not wait for capacity.
  const size_t excess = kBurst - kWorkers - kQueue;
  {
    absl::MutexLock lock(&mu);
    auto refused_all = [&done, excess] { return done >= excess; };
    ASSERT_TRUE(mu.AwaitWithTimeout(absl::Condition(&refused_all), absl::Seconds(10)));
    absl::SleepFor(absl::Milliseconds(200));  // would let any extra refusal arrive
    EXPECT_EQ(done, excess);
  }
  release.Notify();
  {
    absl::MutexLock lock(&mu);
    auto all_done = [&done] { return done == kBurst; };
    ASSERT_TRUE(mu.AwaitWithTimeout(absl::Condition(&all_done), absl::Seconds(20)));
  }
  size_t ok = 0, exhausted = 0;
  for (const auto& call : calls) {
    if (call->status.ok()) ++ok;
    if (call->status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++exhausted;
      EXPECT_LT(call->finished - start, absl::Seconds(2)) << "refused at once";
    }
  }
  EXPECT_EQ(ok, kWorkers + kQueue);
  EXPECT_EQ(exhausted, excess);
  EXPECT_EQ(parsed.load(), static_cast<int>(kWorkers + kQueue));
}

// A parse that runs until its deadline, like a pathological document.
absl::StatusOr<report::v1::Report> ParseUntilDeadline(std::string_view,
                                                      const ParseOptions& options) {
  const absl::Time cap = absl::Now() + absl::Seconds(20);
  absl::SleepFor(std::min(options.deadline, cap) - absl::Now());
  return absl::DeadlineExceededError("parse deadline exceeded during tables");
}

TEST_F(LoadSheddingTest, DocumentBudgetCapsTheParseAndIsResourceExhausted) {
  ParseServiceOptions options;
  options.document_budget = absl::Milliseconds(300);
  Start(1, 1, ParseUntilDeadline, options);
  const absl::Time start = absl::Now();
  const grpc::Status status = Parse("slow", std::chrono::seconds(10));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
  EXPECT_NE(status.error_message().find("time budget"), std::string::npos);
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  // A caller deadline shorter than the budget stays DEADLINE_EXCEEDED.
  TearDown();
  options.document_budget = absl::Seconds(30);
  Start(1, 1, ParseUntilDeadline, options);
  EXPECT_EQ(Parse("slow", std::chrono::milliseconds(300)).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST_F(LoadSheddingTest, SizeAndPageLimitsReachTheParser) {
  ParseServiceOptions options;
  options.max_document_bytes = 1234;
  options.max_pdf_pages = 7;
  options.max_tables = 11;
  options.max_statements = 13;
  ParseOptions seen;
  absl::Mutex mu;
  Start(1, 1, [&](std::string_view, const ParseOptions& parse_options) {
    absl::MutexLock lock(&mu);
    seen = parse_options;
    return absl::StatusOr<report::v1::Report>(report::v1::Report());
  }, options);
  ASSERT_TRUE(Parse("x").ok());
  absl::MutexLock lock(&mu);
  EXPECT_EQ(seen.max_document_bytes, 1234u);
  EXPECT_EQ(seen.max_pdf_pages, 7u);
  EXPECT_EQ(seen.max_tables, 11u);
  EXPECT_EQ(seen.max_statements, 13u);
}

TEST(RealParserLimitTest, DocumentOverTheByteLimitIsResourceExhausted) {
  auto parser = DocumentParser::CreateDefault();
  ASSERT_TRUE(parser.ok()) << parser.status();
  ParseOptions options;
  options.max_document_bytes = 16;
  const auto report = (*parser)->Parse(std::string(17, 'a'), options);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kResourceExhausted) << report.status();
}

}  // namespace
}  // namespace juesuan::parse
