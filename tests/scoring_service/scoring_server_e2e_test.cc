// Starts the real juesuan-scoring binary on 127.0.0.1 with kernel-chosen
// ports: health, reflection, --scoring_config adding a configuration that
// becomes the default, a configuration that cannot load failing at start, and
// a graceful exit on SIGTERM.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "tests/e2e/process.h"
#include "tests/support/server_process.h"

namespace juesuan::testing {
namespace {

using grpc::health::v1::HealthCheckResponse;

constexpr char kScoringService[] = "juesuan.scoring.v1.ScoringService";
constexpr char kNationalConfig[] = JUESUAN_SOURCE_DIR "/config/scoring/national.json";

// The national configuration under another name, written to `path`.
void WriteRenamedNationalConfig(const std::string& path, const std::string& name) {
  std::string json = ReadFileOrEmpty(kNationalConfig);
  const std::string original = "\"name\": \"national\"";
  const size_t at = json.find(original);  // the first "name" is the config's
  ASSERT_NE(at, std::string::npos);
  json.replace(at, original.size(), "\"name\": \"" + name + "\"");
  std::ofstream(path) << json;
}

class ScoringServerProcessTest : public ServerProcessTest {
 protected:
  void Start(const std::vector<std::string>& extra_flags) {
    ServerProcessTest::Start(JUESUAN_SCORING_BINARY, extra_flags);
  }

  // A report without performance tables: scores to no table, names the config.
  grpc::Status Score(const std::string& config_name, scoring::v1::ScoreReportResponse* out) {
    scoring::v1::ScoreReportRequest request;
    request.mutable_report()->mutable_document()->set_year(2024);
    if (!config_name.empty()) request.set_config_name(config_name);
    return scoring::v1::ScoringService::NewStub(channel_)->ScoreReport(
        ContextWithDeadline().get(), request, out);
  }
};

TEST_F(ScoringServerProcessTest, ServesHealthAndReflectionAndExitsZeroOnSigterm) {
  Start({});
  HealthCheckResponse::ServingStatus serving{};
  EXPECT_EQ(CheckHealth(kScoringService, &serving), grpc::StatusCode::OK);
  EXPECT_EQ(serving, HealthCheckResponse::SERVING);
  const CommandResult probe =
      RunCommand({GRPC_PROBE_BINARY, Address(), kScoringService}, absl::Seconds(20));
  ASSERT_FALSE(probe.timed_out);
  EXPECT_EQ(probe.exit_code, 0) << probe.out << probe.err;
  EXPECT_NE(probe.out.find("service: juesuan.scoring.v1.ScoringService\n"), std::string::npos)
      << probe.out;

  scoring::v1::ScoreReportResponse response;
  const grpc::Status status = Score("", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.config_name(), "national");
  EXPECT_EQ(response.tables_size(), 0);

  ExpectGracefulExitOnSigterm();
}

TEST_F(ScoringServerProcessTest, ConfigFileIsAddedAndBecomesTheDefault) {
  const std::string path = dir_ + "/scoring.json";
  WriteRenamedNationalConfig(path, "ops");
  Start({"--scoring_config=" + path});
  scoring::v1::ScoreReportResponse by_default;
  ASSERT_TRUE(Score("", &by_default).ok());
  EXPECT_EQ(by_default.config_name(), "ops");
  scoring::v1::ScoreReportResponse builtin;  // the built-ins stay available
  ASSERT_TRUE(Score("xinjiang", &builtin).ok());
  EXPECT_EQ(builtin.config_name(), "xinjiang");
  scoring::v1::ScoreReportResponse unused;
  EXPECT_EQ(Score("elsewhere", &unused).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ScoringServerProcessTest, UnloadableConfigFailsAtStart) {
  const std::string path = dir_ + "/broken.json";
  std::ofstream(path) << "{\"name\": \"broken\", \"no_such_field\": 1}";
  const CommandResult result = RunCommand(
      {JUESUAN_SCORING_BINARY, "--grpc_address=127.0.0.1:0", "--metrics_address=127.0.0.1:0",
       "--scoring_config=" + path},
      absl::Seconds(30));
  ASSERT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot load the scoring configuration"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("broken.json"), std::string::npos) << result.err;
}

TEST(ScoringServerFlagsTest, DefaultAddressesAreTheServicesOwn) {
  const CommandResult help = RunCommand({JUESUAN_SCORING_BINARY, "--helpfull"}, absl::Seconds(30));
  ASSERT_FALSE(help.timed_out);
  const std::string text = help.out + help.err;
  EXPECT_NE(text.find("currently: \"0.0.0.0:50053\""), std::string::npos) << text;
  EXPECT_NE(text.find("currently: \"0.0.0.0:9466\""), std::string::npos) << text;
}

}  // namespace
}  // namespace juesuan::testing
