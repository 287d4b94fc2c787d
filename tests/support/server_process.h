// The fixture of the tests that start a real service binary on 127.0.0.1
// with kernel-chosen ports (port files in a fresh temporary folder), talk to
// it over a plaintext channel, and stop it with SIGTERM.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/e2e/process.h"

namespace juesuan::testing {

class ServerProcessTest : public ::testing::Test {
 protected:
  static constexpr int kShutdownGraceSeconds = 2;

  void SetUp() override { dir_ = MakeTempDir(); }
  void TearDown() override { server_.reset(); }  // kills the server if still running

  // Starts `binary` with one worker, a queue of 4 and a short shutdown grace,
  // plus `extra_flags`; waits for its port file. Fails the test on error.
  void Start(const std::string& binary, const std::vector<std::string>& extra_flags);

  std::string Address() const { return "127.0.0.1:" + std::to_string(grpc_port_); }
  std::string ServerLog() const { return ReadFileOrEmpty(dir_ + "/stderr"); }
  static std::unique_ptr<grpc::ClientContext> ContextWithDeadline();
  grpc::StatusCode CheckHealth(const std::string& service,
                               grpc::health::v1::HealthCheckResponse::ServingStatus* serving);
  // SIGTERM, then exit status 0 and a "stopped" log line within the grace + 5 s.
  void ExpectGracefulExitOnSigterm();

  std::string dir_;
  std::optional<Subprocess> server_;
  int grpc_port_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace juesuan::testing
