#include "tests/support/server_process.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

namespace juesuan::testing {

void ServerProcessTest::Start(const std::string& binary,
                              const std::vector<std::string>& extra_flags) {
  std::vector<std::string> argv = {
      binary, "--grpc_address=127.0.0.1:0", "--metrics_address=127.0.0.1:0",
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

std::unique_ptr<grpc::ClientContext> ServerProcessTest::ContextWithDeadline() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

grpc::StatusCode ServerProcessTest::CheckHealth(
    const std::string& service, grpc::health::v1::HealthCheckResponse::ServingStatus* serving) {
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = grpc::health::v1::Health::NewStub(channel_)->Check(
      ContextWithDeadline().get(), request, &response);
  *serving = response.status();
  return status.error_code();
}

void ServerProcessTest::ExpectGracefulExitOnSigterm() {
  server_->Signal(SIGTERM);
  const std::optional<int> exit = server_->WaitFor(absl::Seconds(kShutdownGraceSeconds + 5));
  ASSERT_TRUE(exit.has_value()) << "still running after grace + 5 s\n" << ServerLog();
  ASSERT_TRUE(WIFEXITED(*exit)) << "wait status " << *exit;
  EXPECT_EQ(WEXITSTATUS(*exit), 0) << ServerLog();
  EXPECT_NE(ServerLog().find("msg=\"stopped\""), std::string::npos) << ServerLog();
}

}  // namespace juesuan::testing
