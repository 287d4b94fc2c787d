// ValidateService in an in-process server on 127.0.0.1:0, called through real
// stubs over loopback: health, reflection, the seed (parsed from its text by
// the real parser) validated with REFERENCE §3.15's counts, /metrics counting
// exactly the calls made, the precise codes for bad requests, a full queue and
// a call that expires while queued.
#include <chrono>
#include <thread>
#include <map>
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
#include "services/validate/service/validate_service.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "services/validate/testing/seed_fixture.h"
#include "tests/e2e/process.h"
#include "tests/support/loopback_service.h"
#include "tests/support/parsed_seed.h"

namespace juesuan::validate {
namespace {

using grpc::health::v1::HealthCheckResponse;
using juesuan::testing::SampleValue;

constexpr char kValidateService[] = "juesuan.validate.v1.ValidateService";

using juesuan::testing::ParsedSeedReport;

class ValidateServiceTest : public juesuan::testing::LoopbackServiceTest {
 protected:
  void StartServer(size_t workers, size_t queue) {
    StartService(kValidateService, workers, queue,
                 [](WorkerPool& pool, prometheus::Registry& registry) {
                   return std::make_unique<ValidateServiceImpl>(DefaultConfig(), pool, registry);
                 });
  }

  void SetUp() override {
    ASSERT_EQ(ParsedSeedReport().document().year(), 2024) << "the seed did not parse";
    StartServer(2, 4);
  }

  grpc::Status Call(const v1::ValidateReportRequest& request, v1::ValidateReportResponse* response,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    return v1::ValidateService::NewStub(channel_)->ValidateReport(Context(timeout).get(), request,
                                                                  response);
  }
  grpc::Status Call(const v1::ValidateReportRequest& request) {
    v1::ValidateReportResponse response;
    return Call(request, &response);
  }

  static v1::ValidateReportRequest SeedRequest() {
    v1::ValidateReportRequest request;
    *request.mutable_report() = ParsedSeedReport();
    return request;
  }
};

// §3.15 #1, #2, #3a, #3b, #4.
const std::multiset<std::string> kReferenceWarnings = {"FA-YR-002", "PF-TXT-001", "FA-XS-008",
                                                       "FA-XS-009", "PF-TAB-010"};

std::multiset<std::string> RuleIds(const v1::ValidateReportResponse& response,
                                   findings::v1::Severity severity) {
  std::multiset<std::string> ids;
  for (const auto& finding : response.findings()) {
    if (finding.severity() == severity) ids.insert(finding.rule_id());
  }
  return ids;
}

TEST_F(ValidateServiceTest, HealthServingForServerAndValidateService) {
  HealthCheckResponse response;
  ASSERT_TRUE(Health("", &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  ASSERT_TRUE(Health(kValidateService, &response).ok());
  EXPECT_EQ(response.status(), HealthCheckResponse::SERVING);
  EXPECT_EQ(Health("juesuan.nope.v1.NopeService", &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(ValidateServiceTest, ReflectionListsValidateService) {
  const auto probe = juesuan::testing::RunCommand(
      {GRPC_PROBE_BINARY, "--timeout_ms=5000", Address(), kValidateService}, absl::Seconds(20));
  ASSERT_FALSE(probe.timed_out);
  EXPECT_EQ(probe.exit_code, 0) << probe.out << probe.err;
  EXPECT_NE(probe.out.find("health: SERVING"), std::string::npos) << probe.out;
  EXPECT_NE(probe.out.find("service: juesuan.validate.v1.ValidateService\n"), std::string::npos)
      << probe.out;
}

const findings::v1::Finding* FindRule(const v1::ValidateReportResponse& response,
                                      const std::string& rule_id) {
  for (const auto& finding : response.findings()) {
    if (finding.rule_id() == rule_id) return &finding;
  }
  return nullptr;
}

// REFERENCE §3.15 as the validation core's seed test asserts it, on the same
// hand-built seed report (REFERENCE Appendix B): no error, five warnings,
// sixteen infos (#16 belongs to the scoring service).
TEST_F(ValidateServiceTest, SeedFixtureValidatesToTheReferenceFindings) {
  v1::ValidateReportRequest request;
  *request.mutable_report() = validate::testing::SeedReport();
  v1::ValidateReportResponse response;
  const grpc::Status status = Call(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.summary().errors(), 0u);
  EXPECT_EQ(response.summary().warnings(), 5u);
  EXPECT_EQ(response.summary().infos(), 16u);
  EXPECT_EQ(RuleIds(response, findings::v1::SEVERITY_WARNING), kReferenceWarnings);
  EXPECT_EQ(response.summary().layout(), "XJ");
  EXPECT_EQ(response.summary().config_name(), "default");
}

// The seed as the parse service delivers it: §3.15's list. The seed prints
// the 三公 budgets of 公务用车购置费 and 公务用车运行维护费 separately (line 57)
// and none for the combined 公务用车 item; FA-REQ-003 accepts the two parts.
TEST_F(ValidateServiceTest, ParsedSeedValidatesToTheReferenceFindings) {
  v1::ValidateReportResponse response;
  const grpc::Status status = Call(SeedRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.summary().errors(), 0u);
  EXPECT_EQ(response.summary().infos(), 16u);
  EXPECT_EQ(RuleIds(response, findings::v1::SEVERITY_WARNING), kReferenceWarnings);
  EXPECT_EQ(FindRule(response, "FA-REQ-003"), nullptr);
  EXPECT_EQ(response.summary().layout(), "XJ");
  // The service adds nothing and drops nothing: same answer as the core.
  auto direct = Validate(ParsedSeedReport(), DefaultConfig());
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(response, *direct));
}

TEST_F(ValidateServiceTest, ConfigurationChoices) {
  v1::ValidateReportRequest request = SeedRequest();
  request.set_config_name("default");
  v1::ValidateReportResponse by_name;
  ASSERT_TRUE(Call(request, &by_name).ok());
  *request.mutable_config() = DefaultConfig();
  v1::ValidateReportResponse by_inline;
  ASSERT_TRUE(Call(request, &by_inline).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(by_name, by_inline));
  // An inline configuration that disables a rule is the one used.
  request.mutable_config()->add_disabled_rules("FA-YR-002");
  v1::ValidateReportResponse disabled;
  ASSERT_TRUE(Call(request, &disabled).ok());
  EXPECT_EQ(disabled.summary().warnings(), by_name.summary().warnings() - 1);
  EXPECT_EQ(RuleIds(by_name, findings::v1::SEVERITY_WARNING).count("FA-YR-002"), 1u);
  EXPECT_EQ(RuleIds(disabled, findings::v1::SEVERITY_WARNING).count("FA-YR-002"), 0u);
}

TEST_F(ValidateServiceTest, BadRequestsGetPreciseCodes) {
  v1::ValidateReportRequest no_report;
  const grpc::Status missing = Call(no_report);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(missing.error_message(), "ValidateReportRequest.report is required");

  v1::ValidateReportRequest unknown = SeedRequest();
  unknown.set_config_name("shanghai-2019");
  const grpc::Status not_found = Call(unknown);
  EXPECT_EQ(not_found.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(not_found.error_message().find("shanghai-2019"), std::string::npos);

  v1::ValidateReportRequest no_layouts = SeedRequest();
  no_layouts.mutable_config()->set_name("empty");
  const grpc::Status empty = Call(no_layouts);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(empty.error_message(), "validate config: no layouts");

  v1::ValidateReportRequest bad_fallback = SeedRequest();
  *bad_fallback.mutable_config() = DefaultConfig();
  bad_fallback.mutable_config()->set_fallback_layout("NOWHERE");
  const grpc::Status fallback = Call(bad_fallback);
  EXPECT_EQ(fallback.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(fallback.error_message().find("NOWHERE"), std::string::npos);

  // Beyond the configuration's limits: the core's INVALID_ARGUMENT, unchanged.
  v1::ValidateReportRequest too_many = SeedRequest();
  *too_many.mutable_config() = DefaultConfig();
  too_many.mutable_config()->set_max_statements(1);
  EXPECT_EQ(Call(too_many).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ValidateServiceTest, MetricsCountExactlyTheCallsMade) {
  v1::ValidateReportResponse first;
  ASSERT_TRUE(Call(SeedRequest(), &first).ok());
  ASSERT_TRUE(Call(SeedRequest()).ok());
  ASSERT_EQ(Call(v1::ValidateReportRequest()).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  const std::string metrics = Metrics();
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_reports_total", {"outcome=\"ok\""}), 2.0)
      << metrics;
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_reports_total", {"outcome=\"rejected\""}), 1.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_reports_total", {"outcome=\"error\""}), 0.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_duration_seconds_count"), 3.0);

  // Each finding of the two successful calls, by family and severity.
  const char* kSeverity[] = {"", "info", "warning", "error"};
  std::map<std::pair<std::string, std::string>, double> expected;
  for (const auto& finding : first.findings()) {
    expected[{std::string(RuleFamily(finding.rule_id())), kSeverity[finding.severity()]}] += 2;
  }
  ASSERT_FALSE(expected.empty());
  double total = 0;
  for (const auto& [key, count] : expected) {
    EXPECT_EQ(SampleValue(metrics, "juesuan_validate_findings_total",
                          {"family=\"" + key.first + "\"", "severity=\"" + key.second + "\""}),
              count)
        << key.first << " " << key.second;
    total += count;
  }
  EXPECT_EQ(total, 2.0 * first.findings_size());
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_findings_total",
                        {"family=\"FA-YR\"", "severity=\"warning\""}),
            2.0);
  // Every family of the catalogue exists from the start; no error was found.
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_findings_total",
                        {"family=\"FA-TOT\"", "severity=\"error\""}),
            0.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_findings_total",
                        {"family=\"other\"", "severity=\"info\""}),
            0.0);

  const std::vector<std::string> method = {"grpc_method=\"ValidateReport\"",
                                           "grpc_service=\"juesuan.validate.v1.ValidateService\""};
  auto with = [&](const std::string& code) {
    std::vector<std::string> labels = method;
    labels.push_back("grpc_code=\"" + code + "\"");
    return labels;
  };
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total", with("OK")), 2.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handled_total", with("InvalidArgument")), 1.0);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_started_total", method), 3.0);
}

TEST_F(ValidateServiceTest, FullQueueAnswersResourceExhaustedImmediately) {
  StartServer(1, 1);
  // Occupy the only worker and the only queue slot.
  OccupyPool(/*fill_queue=*/true);

  const absl::Time start = absl::Now();
  const grpc::Status status = Call(SeedRequest());
  const absl::Duration elapsed = absl::Now() - start;
  ReleasePool();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
  EXPECT_LT(elapsed, absl::Seconds(2));  // refused at once, not after the 10 s deadline
  EXPECT_EQ(SampleValue(Metrics(), "juesuan_validate_reports_total", {"outcome=\"rejected\""}),
            1.0);
  // Capacity is back once the blocking tasks have left the queue.
  ASSERT_TRUE(QueuedTaskDone());
  EXPECT_TRUE(Call(SeedRequest()).ok());
}

TEST_F(ValidateServiceTest, CallThatExpiresInQueueIsFinishedWithoutValidating) {
  StartServer(1, 1);
  OccupyPool(/*fill_queue=*/false);
  v1::ValidateReportResponse response;
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
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_reports_total", {"outcome=\"error\""}), 1.0);
  EXPECT_EQ(SampleValue(metrics, "juesuan_validate_duration_seconds_count"), 0.0);
}

}  // namespace
}  // namespace juesuan::validate
