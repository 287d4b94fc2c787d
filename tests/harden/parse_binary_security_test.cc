// The real juesuan-parse binary with its security and limit flags: TLS plus
// caller authentication from --auth_tokens_file, the identity in its log and
// no token there, and refusal to start on contradictory flags.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/caller_auth.h"
#include "common/grpc/client_channel.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "tests/e2e/process.h"

namespace juesuan {
namespace {

using testing::MakeTempDir;
using testing::ReadFileOrEmpty;
using testing::Subprocess;

constexpr char kToken[] = "parse-binary-token-7e11";

std::string Seed() {
  return ReadFileOrEmpty(std::string(JUESUAN_SHARED_DIR) +
                         "/seed/000_0d0d50dd571d51d1.txt");
}

class ParseBinarySecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    const testing::CommandResult certs =
        testing::RunCommand({MAKE_TEST_CERTS, dir_ + "/certs"}, absl::Seconds(30));
    ASSERT_EQ(certs.exit_code, 0) << certs.err;
    std::ofstream callers(dir_ + "/callers.txt");
    callers << "token analyze-gateway " << Sha256Hex(kToken)
            << " /juesuan.parse.v1.ParseService/*\n";
  }

  std::vector<std::string> Argv(std::vector<std::string> extra) const {
    std::vector<std::string> argv = {JUESUAN_PARSE_BINARY, "--grpc_address=127.0.0.1:0",
                                     "--metrics_address=127.0.0.1:0",
                                     "--port_file=" + dir_ + "/port", "--workers=1"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
  std::string Cert(const std::string& name) const { return dir_ + "/certs/" + name; }

  std::string dir_;
};

grpc::Status ParseSeed(const std::shared_ptr<grpc::Channel>& channel, const std::string& token) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  parse::v1::ParseDocumentRequest request;
  request.set_content(Seed());
  request.set_omit_text(true);
  parse::v1::ParseDocumentResponse response;
  return parse::v1::ParseService::NewStub(channel)->ParseDocument(&context, request, &response);
}

TEST_F(ParseBinarySecurityTest, TlsAndBearerTokensFromFlags) {
  auto process = Subprocess::Start(
      Argv({"--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key"),
            "--auth_tokens_file=" + dir_ + "/callers.txt"}),
      dir_ + "/out.log", dir_ + "/err.log");
  ASSERT_TRUE(process.ok()) << process.status();
  auto port = testing::WaitForPortFile(dir_ + "/port", absl::Seconds(20), &*process);
  ASSERT_TRUE(port.ok()) << port.status() << ReadFileOrEmpty(dir_ + "/err.log");

  ClientChannelOptions tls;
  tls.tls_ca_file = Cert("ca.pem");
  auto channel = CreateClientChannel("127.0.0.1:" + std::to_string(*port), tls);
  ASSERT_TRUE(channel.ok());
  const grpc::Status ok = ParseSeed(*channel, kToken);
  EXPECT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_EQ(ParseSeed(*channel, "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ParseSeed(*channel, "guess").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    EXPECT_TRUE(grpc::health::v1::Health::NewStub(*channel)
                    ->Check(&context, request, &response)
                    .ok());
  }
  auto plaintext = CreateClientChannel("127.0.0.1:" + std::to_string(*port), {});
  EXPECT_EQ(ParseSeed(*plaintext, kToken).error_code(), grpc::StatusCode::UNAVAILABLE);

  process->Signal(SIGTERM);
  const auto status = process->WaitFor(absl::Seconds(20));
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
  const std::string log = ReadFileOrEmpty(dir_ + "/err.log") + ReadFileOrEmpty(dir_ + "/out.log");
  EXPECT_NE(log.find("security=tls caller_auth=on"), std::string::npos) << log;
  EXPECT_NE(log.find("caller=analyze-gateway"), std::string::npos) << log;
  EXPECT_NE(log.find("call refused\" code=UNAUTHENTICATED"), std::string::npos) << log;
  EXPECT_EQ(log.find(kToken), std::string::npos);
  EXPECT_EQ(log.find("guess"), std::string::npos);
}

TEST_F(ParseBinarySecurityTest, ContradictoryOrImpossibleFlagsStopTheStart) {
  const std::vector<std::vector<std::string>> bad = {
      {"--plaintext", "--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key")},
      {"--tls_cert=" + Cert("server.pem")},
      {"--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key"),
       "--auth_tokens_file=" + dir_ + "/absent.txt"},
      {"--plaintext", "--auth_tokens_file=" + dir_ + "/callers.txt"},
      {"--max_document_bytes=2000000", "--max_message_bytes=1500000"},
      {"--document_budget=0s"},
      {"--pdf_page_threads=0"},
  };
  for (const auto& flags : bad) {
    const testing::CommandResult result = testing::RunCommand(Argv(flags), absl::Seconds(20));
    EXPECT_EQ(result.exit_code, 1) << flags.front() << "\n" << result.err;
  }
}

}  // namespace
}  // namespace juesuan
