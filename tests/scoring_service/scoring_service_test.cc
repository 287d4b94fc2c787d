// ScoringService in an in-process server on 127.0.0.1:0, called through real
// stubs over loopback: health, reflection, the seed (parsed from its text by
// the real parser) scored 100.00 / 优 in both tables, configuration choice,
// /metrics counting exactly the calls made, the precise codes for bad
// requests, a full queue and a call that expires while queued.
#include <chrono>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>
#include <prometheus/text_serializer.h>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "services/scoring/service/scoring_configs.h"
#include "services/scoring/service/scoring_service.h"
#include "services/scoring/src/rational.h"
#include "services/scoring/src/scoring.h"
#include "tests/e2e/process.h"
#include "tests/support/loopback_service.h"
#include "tests/support/parsed_seed.h"

namespace juesuan::scoring {
namespace {

using grpc::health::v1::HealthCheckResponse;
using juesuan::testing::SampleValue;

constexpr char kScoringService[] = "juesuan.scoring.v1.ScoringService";

using juesuan::testing::ParsedSeedReport;

ScoringConfigs Builtins() {
  auto configs = ScoringConfigs::Builtin();
  EXPECT_TRUE(configs.ok()) << configs.status();
  return *std::move(configs);
}

v1::ScoringConfig BuiltinProto(const std::string& name) {
  auto config = BuiltinConfig(name);
  EXPECT_TRUE(config.ok()) << config.status();
  return (*config)->proto;
}

class ScoringServiceTest : public juesuan::testing::LoopbackServiceTest {
 protected:
  void StartServer(size_t workers, size_t queue, const ScoringConfigs& configs) {
    StartService(kScoringService, workers, queue,
                 [&configs](WorkerPool& pool, prometheus::Registry& registry) {
                   return std::make_unique<ScoringServiceImpl>(configs, pool, registry);
                 });
  }

  void SetUp() override {
    ASSERT_EQ(ParsedSeedReport().performance_tables_size(), 2) << "the seed did not parse";
    StartServer(2, 4, Builtins());
  }

  grpc::Status Call(const v1::ScoreReportRequest& request, v1::ScoreReportResponse* response,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    return v1::ScoringService::NewStub(channel_)->ScoreReport(Context(timeout).get(), request,
                                                              response);
  }
  grpc::Status Call(const v1::ScoreReportRequest& request) {
    v1::ScoreReportResponse response;
    return Call(request, &response);
  }

  static v1::ScoreReportRequest SeedRequest() {
    v1::ScoreReportRequest request;
    *request.mutable_report() = ParsedSeedReport();
    return request;
  }
};

TEST_F(ScoringServiceTest, HealthServingForServerAndScoringService) {
  HealthCheckResponse response;
  ASSERT_TRUE(Health("", &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  ASSERT_TRUE(Health(kScoringService, &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health("juesuan.nope.v1.NopeService", &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(ScoringServiceTest, ReflectionListsScoringService) {
  const auto probe = juesuan::testing::RunCommand(
      {GRPC_PROBE_BINARY, "--timeout_ms=5000", Address(), kScoringService}, absl::Seconds(20));
  ASSERT_FALSE(probe.timed_out);
  EXPECT_EQ(probe.exit_code, 0) << probe.out << probe.err;
  EXPECT_NE(probe.out.find("health: SERVING"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("service: juesuan.scoring.v1.ScoringService\n"), std::string::npos)
      << probe.out;
}

TEST_F(ScoringServiceTest, SeedTablesScore100Excellent) {
  v1::ScoreReportResponse response;
  const grpc::Status status = Call(SeedRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.config_name(), "xinjiang");  // chosen by the seed's layout
  ASSERT_EQ(response.tables_size(), 2);
  EXPECT_EQ(response.tables(0).kind(), report::v1::PERFORMANCE_TABLE_KIND_OVERALL);
  EXPECT_EQ(response.tables(1).kind(), report::v1::PERFORMANCE_TABLE_KIND_PROJECT);
  for (const v1::TableScore& table : response.tables()) {
    EXPECT_TRUE(table.total().determined()) << table.section_key();
    EXPECT_EQ(DecimalText(table.total().value()), "100.00") << table.section_key();
    EXPECT_EQ(table.total().grade(), "优") << table.section_key();
  }
  // The service adds nothing and drops nothing: same answer as the core.
  auto direct = Score(SeedRequest());
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(response, *direct));
}

TEST_F(ScoringServiceTest, ConfigurationChosenByNameInlineOrLayout) {
  v1::ScoreReportRequest request = SeedRequest();
  request.set_config_name("national");
  v1::ScoreReportResponse national;
  ASSERT_TRUE(Call(request, &national).ok());
  EXPECT_EQ(national.config_name(), "national");

  *request.mutable_inline_config() = BuiltinProto("shanghai");
  request.mutable_inline_config()->set_name("inline-shanghai");
  v1::ScoreReportResponse inline_response;
  ASSERT_TRUE(Call(request, &inline_response).ok());
  EXPECT_EQ(inline_response.config_name(), "inline-shanghai");
  ASSERT_EQ(inline_response.tables_size(), 2);

  // A report of a layout no configuration claims gets the default.
  request = SeedRequest();
  request.mutable_report()->mutable_document()->set_layout(report::v1::LAYOUT_GENERIC);
  v1::ScoreReportResponse generic;
  ASSERT_TRUE(Call(request, &generic).ok());
  EXPECT_EQ(generic.config_name(), "national");
}

TEST(ScoringConfigsTest, OperatorConfigReplacesByNameAndBecomesTheDefault) {
  ScoringConfigs configs = Builtins();
  v1::ScoringConfig ops = BuiltinProto("national");
  ops.set_name("ops");
  ASSERT_TRUE(configs.Add(ops, /*make_default=*/true).ok());
  EXPECT_EQ(configs.default_name(), "ops");
  EXPECT_EQ(configs.names(), (std::vector<std::string>{"national", "ops", "shanghai", "xinjiang"}));
  EXPECT_EQ(configs.ForLayout(report::v1::LAYOUT_GENERIC)->proto.name(), "ops");
  // The layouts the built-ins claim stay theirs unless the operator's claims them.
  EXPECT_EQ(configs.ForLayout(report::v1::LAYOUT_XINJIANG)->proto.name(), "xinjiang");
  ops.add_default_for_layouts(report::v1::LAYOUT_XINJIANG);
  ASSERT_TRUE(configs.Add(ops, /*make_default=*/true).ok());
  EXPECT_EQ(configs.ForLayout(report::v1::LAYOUT_XINJIANG)->proto.name(), "ops");
  EXPECT_EQ(configs.names().size(), 4u);  // replaced, not added twice

  v1::ScoringConfig unnamed = ops;
  unnamed.clear_name();
  EXPECT_EQ(configs.Add(unnamed, false).code(), absl::StatusCode::kInvalidArgument);
  v1::ScoringConfig bad = ops;
  bad.set_score_quantum("0.03");
  EXPECT_EQ(configs.Add(bad, false).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(configs.Find("nope").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ScoringServiceTest, BadRequestsGetPreciseCodes) {
  const grpc::Status missing = Call(v1::ScoreReportRequest());
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(missing.error_message(), "ScoreReportRequest.report is required");

  v1::ScoreReportRequest unknown = SeedRequest();
  unknown.set_config_name("atlantis");
  const grpc::Status not_found = Call(unknown);
  EXPECT_EQ(not_found.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(not_found.error_message(),
            "unknown scoring config \"atlantis\"; this service knows \"national\", "
            "\"shanghai\", \"xinjiang\"");

  v1::ScoreReportRequest bad_inline = SeedRequest();
  *bad_inline.mutable_inline_config() = BuiltinProto("national");
  bad_inline.mutable_inline_config()->set_score_quantum("0.03");
  const grpc::Status invalid = Call(bad_inline);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(invalid.error_message().find("score_quantum"), std::string::npos)
      << invalid.error_message();
}

TEST_F(ScoringServiceTest, MetricsCountExactlyTheCallsMade) {
  ASSERT_TRUE(Call(SeedRequest()).ok());
  ASSERT_TRUE(Call(SeedRequest()).ok());
  ASSERT_TRUE(Call(SeedRequest()).ok());
  ASSERT_EQ(Call(v1::ScoreReportRequest()).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  const std::string metrics = Metrics();
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_tables_total",
                        {"kind=\"overall\"", "grade=\"优\""}),
            3.0)
      << metrics;
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_tables_total",
                        {"kind=\"project\"", "grade=\"优\""}),
            3.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_tables_total",
                        {"kind=\"project\"", "grade=\"undetermined\""}),
            0.0);
  // Six totals of 100.00: all in the top bucket, none below.
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_scores_count"), 6.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_scores_sum"), 600.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_scores_bucket", {"le=\"90\""}), 0.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_scores_bucket", {"le=\"100\""}), 6.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_duration_seconds_count"), 4.0);

  const std::vector<std::string> method = {"grpc_method=\"ScoreReport\"",
                                           "grpc_service=\"juesuan.scoring.v1.ScoringService\""};
  auto with = [&](const std::string& code) {
    std::vector<std::string> labels = method;
    labels.push_back("grpc_code=\"" + code + "\"");
    return labels;
  };
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total", with("OK")), 3.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total", with("InvalidArgument")), 1.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_started_total", method), 4.0);
}

TEST_F(ScoringServiceTest, FullQueueAnswersResourceExhaustedImmediately) {
  StartServer(1, 1, Builtins());
  // Occupy the only worker and the only queue slot.
  OccupyPool(/*fill_queue=*/true);

  const absl::Time start = absl::Now();
  const grpc::Status status = Call(SeedRequest());
  const absl::Duration elapsed = absl::Now() - start;
  ReleasePool();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
  EXPECT_LT(elapsed, absl::Seconds(2));  // refused at once, not after the 10 s deadline
  EXPECT_EQ(SampleValue(Metrics(), "juesuan_scoring_duration_seconds_count"), 0.0);
  // Capacity is back once the blocking tasks have left the queue.
  ASSERT_TRUE(QueuedTaskDone());
  EXPECT_TRUE(Call(SeedRequest()).ok());
}

TEST_F(ScoringServiceTest, CallThatExpiresInQueueIsFinishedWithoutScoring) {
  StartServer(1, 1, Builtins());
  OccupyPool(/*fill_queue=*/false);
  v1::ScoreReportResponse response;
  const grpc::Status status = Call(SeedRequest(), &response, std::chrono::milliseconds(200));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server's deadline runs from when the request arrived, a little after
  // the client's: let it pass there too before the worker frees up, so the
  // queued call is surely expired when it is picked up.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ReleasePool();
  // The queued call must still be finished (Shutdown would hang otherwise).
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  const std::string metrics = Metrics();
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_duration_seconds_count"), 0.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_scoring_scores_count"), 0.0);
}

}  // namespace
}  // namespace juesuan::scoring
