// Starts the real juesuan-validate binary on 127.0.0.1 with kernel-chosen
// ports: health, reflection, --validate_config replacing the built-in
// configuration, a configuration that cannot load failing at start, and a
// graceful exit on SIGTERM.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "tests/e2e/process.h"

namespace juesuan::testing {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr char kValidateService[] = "juesuan.validate.v1.ValidateService";
constexpr char kDefaultConfig[] = JUESUAN_SOURCE_DIR "/config/validate/default.json";
constexpr int kShutdownGraceSeconds = 2;

std::unique_ptr<grpc::ClientContext> ContextWithDeadline() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

// The built-in configuration under another name, written to `path`.
void WriteRenamedDefaultConfig(const std::string& path, const std::string& name) {
  std::string json = ReadFileOrEmpty(kDefaultConfig);
  const std::string original = "\"name\": \"default\"";
  const size_t at = json.find(original);
  ASSERT_NE(at, std::string::npos);
  json.replace(at, original.size(), "\"name\": \"" + name + "\"");
  std::ofstream(path) << json;
}

class ValidateServerProcessTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { server_.reset(); }  // kills the server if still running

  void Start(const std::vector<std::string>& extra_flags) {
    std::vector<std::string> argv = {
        JUESUAN_VALIDATE_BINARY, "--grpc_address=127.0.0.1:0", "--metrics_address=127.0.0.1:0",
        "--port_file=" + dir_ + "/grpc.port", "--metrics_port_file=" + dir_ + "/metrics.port",
        "--shutdown_grace=" + std::to_string(kShutdownGraceSeconds) + "s", "--workers=1",
        "--queue_size=4"};
    argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
    auto process = Subprocess::Start(argv, dir_ + "/stdout", dir_ + "/stderr");
    ASSERT_TRUE(process.ok()) << process.status();
    server_.emplace(std::move(*process));
    auto grpc_port = WaitForPortFile(dir_ + "/grpc.port", absl::Seconds(20), &*server_);
    ASSERT_TRUE(grpc_port.ok()) << grpc_port.status() << "\n" << ServerLog();
    grpc_port_ = *grpc_port;
    channel_ = grpc::CreateChannel(Address(), grpc::InsecureChannelCredentials());
  }

  std::string Address() const { return "127.0.0.1:" + std::to_string(grpc_port_); }
  std::string ServerLog() const { return ReadFileOrEmpty(dir_ + "/stderr"); }

  grpc::StatusCode CheckHealth(const std::string& service,
                               HealthCheckResponse::ServingStatus* serving) {
    HealthCheckRequest request;
    request.set_service(service);
    HealthCheckResponse response;
    const grpc::Status status =
        Health::NewStub(channel_)->Check(ContextWithDeadline().get(), request, &response);
    *serving = response.status();
    return status.error_code();
  }

  grpc::Status Validate(const std::string& config_name, validate::v1::ValidateReportResponse* out) {
    validate::v1::ValidateReportRequest request;
    request.mutable_report()->mutable_document()->set_year(2024);
    if (!config_name.empty()) request.set_config_name(config_name);
    return validate::v1::ValidateService::NewStub(channel_)->ValidateReport(
        ContextWithDeadline().get(), request, out);
  }

  std::string dir_;
  std::optional<Subprocess> server_;
  int grpc_port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
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

  server_->Signal(SIGTERM);
  const std::optional<int> exit = server_->WaitFor(absl::Seconds(kShutdownGraceSeconds + 5));
  ASSERT_TRUE(exit.has_value()) << "still running after grace + 5 s\n" << ServerLog();
  ASSERT_TRUE(WIFEXITED(*exit)) << "wait status " << *exit;
  EXPECT_EQ(WEXITSTATUS(*exit), 0) << ServerLog();
  EXPECT_NE(ServerLog().find("msg=\"stopped\""), std::string::npos) << ServerLog();
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
