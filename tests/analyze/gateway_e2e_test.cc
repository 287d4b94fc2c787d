// The four real binaries on loopback — juesuan-parse, juesuan-validate,
// juesuan-scoring and juesuan-analyze pointing at them — each started on
// port 0 with --port_file: the full pipeline, a validate service stopped in
// the middle of a run, and a validate service that stops answering.
#include <signal.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/grpc/client_channel.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "tests/e2e/process.h"

namespace juesuan::analyze {
namespace {

using juesuan::testing::MakeTempDir;
using juesuan::testing::Subprocess;
using juesuan::testing::WaitForPortFile;

struct Server {
  std::unique_ptr<Subprocess> process;
  int port = 0;
  int metrics_port = 0;
};

Server StartServer(const std::string& dir, const std::string& name, const std::string& binary,
                   std::vector<std::string> extra = {}) {
  std::vector<std::string> argv = {binary,
                                   "--grpc_address=127.0.0.1:0",
                                   "--metrics_address=127.0.0.1:0",
                                   "--port_file=" + dir + "/" + name + ".port",
                                   "--metrics_port_file=" + dir + "/" + name + ".metrics_port",
                                   "--shutdown_grace=2s",
                                   "--log_level=warn"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  Server server;
  auto process = Subprocess::Start(argv, dir + "/" + name + ".out", dir + "/" + name + ".err");
  EXPECT_TRUE(process.ok()) << process.status();
  if (!process.ok()) return server;
  server.process = std::make_unique<Subprocess>(*std::move(process));
  auto port = WaitForPortFile(dir + "/" + name + ".port", absl::Seconds(20), server.process.get());
  auto metrics = WaitForPortFile(dir + "/" + name + ".metrics_port", absl::Seconds(20),
                                 server.process.get());
  EXPECT_TRUE(port.ok() && metrics.ok()) << name << " did not start";
  server.port = port.value_or(0);
  server.metrics_port = metrics.value_or(0);
  return server;
}

std::string Loopback(const Server& server) {
  return "dns:///127.0.0.1:" + std::to_string(server.port);
}

v1::AnalyzeRequest SeedRequest() {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt",
                   std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  v1::AnalyzeRequest request;
  request.set_content(content.str());
  request.set_file_name("seed.txt");
  request.set_omit_text(true);
  return request;
}

class GatewayE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    parse_ = StartServer(dir_, "parse", JUESUAN_PARSE_BINARY);
    validate_ = StartServer(dir_, "validate", JUESUAN_VALIDATE_BINARY);
    scoring_ = StartServer(dir_, "scoring", JUESUAN_SCORING_BINARY);
    analyze_ = StartServer(dir_, "analyze", JUESUAN_ANALYZE_BINARY,
                           {"--parse_target=" + Loopback(parse_),
                            "--validate_target=" + Loopback(validate_),
                            "--scoring_target=" + Loopback(scoring_)});
    stub_ = v1::AnalyzeService::NewStub(
        MakeClientChannel("127.0.0.1:" + std::to_string(analyze_.port)));
  }

  void TearDown() override {
    for (Server* server : {&analyze_, &parse_, &validate_, &scoring_}) {
      if (server->process == nullptr) continue;
      server->process->Signal(SIGCONT);
      server->process->Signal(SIGTERM);
      server->process->WaitFor(absl::Seconds(10));
    }
  }

  grpc::Status Analyze(v1::AnalyzeResponse* response, absl::Duration deadline) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    return stub_->Analyze(&context, SeedRequest(), response);
  }

  std::string dir_;
  Server parse_, validate_, scoring_, analyze_;
  std::unique_ptr<v1::AnalyzeService::Stub> stub_;
};

TEST_F(GatewayE2eTest, FullPipelineOnTheSeed) {
  v1::AnalyzeResponse response;
  const grpc::Status status = Analyze(&response, absl::Seconds(30));
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.stages_size(), 3);
  for (const auto& stage : response.stages()) EXPECT_EQ(stage.code(), 0) << stage.message();
  EXPECT_FALSE(response.report().document().unit_name().text().empty());
  EXPECT_GT(response.validation().summary().rules_ran(), 0u);
  EXPECT_GT(response.scoring().tables_size(), 0);
}

// How a stopped validate service shows in the validate stage: UNAVAILABLE for
// calls made once it is gone, CANCELLED for a call it was still running when
// its shutdown grace ran out.
bool ValidateStopped(int code) {
  return code == static_cast<int>(grpc::StatusCode::UNAVAILABLE) ||
         code == static_cast<int>(grpc::StatusCode::CANCELLED);
}

TEST_F(GatewayE2eTest, ValidateStoppedMidRunGivesPreciseStageFailuresAndTheRestArrives) {
  std::atomic<bool> stop{false};
  std::atomic<int> ok_calls{0}, validate_stopped{0}, other{0};
  std::vector<std::string> surprises;
  std::thread caller([&] {
    while (!stop) {
      v1::AnalyzeResponse response;
      const grpc::Status status = Analyze(&response, absl::Seconds(10));
      const bool complete = status.ok() && response.stages_size() == 3 &&
                            response.stages(0).code() == 0 && response.stages(2).code() == 0 &&
                            !response.report().document().unit_name().text().empty() &&
                            response.scoring().tables_size() > 0;
      if (!complete) {
        ++other;
        if (surprises.size() < 5) surprises.push_back(status.error_message());
      } else if (response.stages(1).code() == 0) {
        ++ok_calls;
      } else if (ValidateStopped(response.stages(1).code()) &&
                 !response.stages(1).message().empty() && !response.has_validation()) {
        ++validate_stopped;
      } else {
        ++other;
        if (surprises.size() < 5) surprises.push_back(response.stages(1).message());
      }
    }
  });
  while (ok_calls < 20) absl::SleepFor(absl::Milliseconds(5));
  validate_.process->Signal(SIGTERM);
  ASSERT_TRUE(validate_.process->WaitFor(absl::Seconds(10)).has_value());
  while (validate_stopped < 20) absl::SleepFor(absl::Milliseconds(5));
  stop = true;
  caller.join();
  EXPECT_EQ(other, 0) << (surprises.empty() ? "" : surprises[0]);
  EXPECT_GE(ok_calls, 20);
  EXPECT_GE(validate_stopped, 20);
  auto metrics = juesuan::testing::HttpGet(analyze_.metrics_port, "/metrics", absl::Seconds(5));
  ASSERT_TRUE(metrics.ok());
  const auto failures = [&](const char* code) {
    return juesuan::testing::SampleValue(*metrics, "juesuan_analyze_stage_failures_total",
                                         {"stage=\"validate\"", code})
        .value_or(0);
  };
  EXPECT_GE(failures("code=\"UNAVAILABLE\"") + failures("code=\"CANCELLED\""), 20);
}

TEST_F(GatewayE2eTest, ValidateThatStopsAnsweringRunsOutTheBudgetNamingTheStage) {
  v1::AnalyzeResponse warm;
  ASSERT_TRUE(Analyze(&warm, absl::Seconds(30)).ok());
  validate_.process->Signal(SIGSTOP);  // connected, but never answers
  v1::AnalyzeResponse response;
  const absl::Time start = absl::Now();
  const grpc::Status status = Analyze(&response, absl::Seconds(2));
  validate_.process->Signal(SIGCONT);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(status.error_message().rfind("validate stage: deadline exceeded", 0), 0u)
      << status.error_message();
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
}

TEST_F(GatewayE2eTest, CliWithRemoteAnalysesThroughTheGateway) {
  const std::string seed = std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt";
  const auto run = juesuan::testing::RunCommand(
      {JUESUAN_CLI_BINARY, "analyze", seed, "--remote",
       "127.0.0.1:" + std::to_string(analyze_.port)},
      absl::Seconds(60));
  EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 3) << run.out << run.err;
  EXPECT_NE(run.out.find("1 documents: 1 analysed, 0 failed"), std::string::npos) << run.out;
  auto metrics = juesuan::testing::HttpGet(analyze_.metrics_port, "/metrics", absl::Seconds(5));
  ASSERT_TRUE(metrics.ok());
  EXPECT_EQ(juesuan::testing::SampleValue(*metrics, "juesuan_analyze_documents_total",
                                          {"outcome=\"ok\""})
                .value_or(0),
            1)
      << "the CLI's call went through this gateway";
}

}  // namespace
}  // namespace juesuan::analyze
