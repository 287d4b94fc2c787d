// Starts the real juesuan-validate binary on 127.0.0.1 with kernel-chosen
// ports: health, reflection, --validate_config replacing the built-in
// configuration, a configuration that cannot load failing at start, and a
// graceful exit on SIGTERM.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "tests/e2e/process.h"
#include "tests/support/server_process.h"

namespace juesuan::testing {
namespace {

using grpc::health::v1::HealthCheckResponse;

constexpr char kValidateService[] = "juesuan.validate.v1.ValidateService";
constexpr char kDefaultConfig[] = JUESUAN_SOURCE_DIR "/config/validate/default.json";

// The built-in configuration under another name, written to `path`.
void WriteRenamedDefaultConfig(const std::string& path, const std::string& name) {
  std::string json = ReadFileOrEmpty(kDefaultConfig);
  const std::string original = "\"name\": \"default\"";
  const size_t at = json.find(original);
  ASSERT_NE(at, std::string::npos);
  json.replace(at, original.size(), "\"name\": \"" + name + "\"");
  std::ofstream(path) << json;
}

class ValidateServerProcessTest : public ServerProcessTest {
 protected:
  void Start(const std::vector<std::string>& extra_flags) {
    ServerProcessTest::Start(JUESUAN_VALIDATE_BINARY, extra_flags);
  }

  grpc::Status Validate(const std::string& config_name, validate::v1::ValidateReportResponse* out) {
    validate::v1::ValidateReportRequest request;
    request.mutable_report()->mutable_document()->set_year(2024);
    if (!config_name.empty()) request.set_config_name(config_name);
    return validate::v1::ValidateService::NewStub(channel_)->ValidateReport(
        ContextWithDeadline().get(), request, out);
  }
};

TEST_F(ValidateServerProcessTest, ServesHealthAndReflectionAndExitsZeroOnSigterm) {
  Start({});
  HealthCheckResponse::ServingStatus serving{};
  EXPECT_EQ(CheckHealth(kValidateService, &serving), grpc::StatusCode::OK);
  EXPECT_EQ(serving, HealthCheckResponse::SERVING);
  const CommandResult probe =
      RunCommand({GRPC_PROBE_BINARY, Address(), kValidateService}, absl::Seconds(20));
  ASSERT_FALSE(probe.timed_out);
  EXPECT_EQ(probe.exit_code, 0) << probe.out << probe.err;
  EXPECT_NE(probe.out.find("service: juesuan.validate.v1.ValidateService\n"), std::string::npos)
      << probe.out;

  validate::v1::ValidateReportResponse response;
  const grpc::Status status = Validate("", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.summary().config_name(), "default");

  ExpectGracefulExitOnSigterm();
}

TEST_F(ValidateServerProcessTest, ConfigFileReplacesTheBuiltInConfig) {
  const std::string path = dir_ + "/validate.json";
  WriteRenamedDefaultConfig(path, "ops");
  Start({"--validate_config=" + path});
  validate::v1::ValidateReportResponse by_default;
  ASSERT_TRUE(Validate("", &by_default).ok());
  EXPECT_EQ(by_default.summary().config_name(), "ops");
  validate::v1::ValidateReportResponse by_name;
  ASSERT_TRUE(Validate("ops", &by_name).ok());
  EXPECT_EQ(by_name.summary().config_name(), "ops");
  validate::v1::ValidateReportResponse unused;
  EXPECT_EQ(Validate("elsewhere", &unused).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ValidateServerProcessTest, UnloadableConfigFailsAtStart) {
  const std::string path = dir_ + "/broken.json";
  std::ofstream(path) << "{\"name\": \"broken\", \"layouts\": []";
  const CommandResult result = RunCommand(
      {JUESUAN_VALIDATE_BINARY, "--grpc_address=127.0.0.1:0", "--metrics_address=127.0.0.1:0",
       "--validate_config=" + path},
      absl::Seconds(30));
  ASSERT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot load the validate configuration"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("broken.json"), std::string::npos) << result.err;
}

TEST(ValidateServerFlagsTest, DefaultAddressesAreTheServicesOwn) {
  const CommandResult help = RunCommand({JUESUAN_VALIDATE_BINARY, "--helpfull"}, absl::Seconds(30));
  ASSERT_FALSE(help.timed_out);
  const std::string text = help.out + help.err;
  EXPECT_NE(text.find("currently: \"0.0.0.0:50052\""), std::string::npos) << text;
  EXPECT_NE(text.find("currently: \"0.0.0.0:9465\""), std::string::npos) << text;
}

}  // namespace
}  // namespace juesuan::testing
