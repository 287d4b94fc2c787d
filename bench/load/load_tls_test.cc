// juesuan_load against a secured juesuan-parse on loopback: TLS with a
// client certificate (mTLS), the server's name given by --tls_server_name,
// and a bearer token from --token_file; without the token every call is
// refused, which the tool reports and its exit status shows.
#include <signal.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/grpc/caller_auth.h"
#include "tests/e2e/process.h"

namespace juesuan {
namespace {

using testing::CommandResult;
using testing::MakeTempDir;
using testing::ReadFileOrEmpty;
using testing::Subprocess;

constexpr char kToken[] = "load-runner-token-c4a81e";

class LoadTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    const CommandResult certs =
        testing::RunCommand({MAKE_TEST_CERTS, dir_ + "/certs"}, absl::Seconds(30));
    ASSERT_EQ(certs.exit_code, 0) << certs.err;
    std::ofstream(dir_ + "/callers")
        << "token load-runner " << Sha256Hex(kToken) << " /juesuan.parse.v1.ParseService/*\n";
    // As written by `echo`: the tool must drop the newline.
    std::ofstream(dir_ + "/token") << kToken << "\n";
    auto process = Subprocess::Start(
        {JUESUAN_PARSE_BINARY, "--grpc_address=127.0.0.1:0", "--metrics_address=127.0.0.1:0",
         "--port_file=" + dir_ + "/port", "--workers=2", "--log_level=warn",
         "--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key"),
         "--tls_client_ca=" + Cert("ca.pem"), "--auth_tokens_file=" + dir_ + "/callers"},
        dir_ + "/parse.out", dir_ + "/parse.err");
    ASSERT_TRUE(process.ok()) << process.status();
    parse_ = std::make_unique<Subprocess>(*std::move(process));
    auto port = testing::WaitForPortFile(dir_ + "/port", absl::Seconds(20), parse_.get());
    ASSERT_TRUE(port.ok()) << port.status() << ReadFileOrEmpty(dir_ + "/parse.err");
    port_ = *port;
  }

  void TearDown() override {
    if (parse_ == nullptr) return;
    parse_->Signal(SIGTERM);
    parse_->WaitFor(absl::Seconds(10));
  }

  std::string Cert(const std::string& name) const { return dir_ + "/certs/" + name; }

  // The flags for mTLS to the server (all but the client key when
  // `with_key` is false).
  std::vector<std::string> MutualTls(bool with_key = true) const {
    std::vector<std::string> flags = {"--tls_ca=" + Cert("ca.pem"),
                                      "--tls_client_cert=" + Cert("client.pem"),
                                      "--tls_server_name=localhost"};
    if (with_key) flags.push_back("--tls_client_key=" + Cert("client.key"));
    return flags;
  }

  // juesuan_load sending 8 seed parses with `flags`.
  CommandResult RunLoad(const std::vector<std::string>& flags) const {
    std::vector<std::string> argv = {
        JUESUAN_LOAD_BINARY, "--target=127.0.0.1:" + std::to_string(port_),
        "--file=" + std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt",
        "--requests=8", "--concurrency=2", "--max_seconds=30", "--deadline_ms=10000"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    return testing::RunCommand(argv, absl::Seconds(60));
  }
  std::vector<std::string> With(std::vector<std::string> flags, const std::string& flag) const {
    flags.push_back(flag);
    return flags;
  }

  std::string dir_;
  std::unique_ptr<Subprocess> parse_;
  int port_ = 0;
};

TEST_F(LoadTlsTest, EveryCallSucceedsWithTlsAClientCertificateAndAToken) {
  const CommandResult run = RunLoad(With(MutualTls(), "--token_file=" + dir_ + "/token"));
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("requests 8 "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("status OK 8\n"), std::string::npos) << run.out;
}

TEST_F(LoadTlsTest, WithoutTheTokenEveryCallIsUnauthenticated) {
  const CommandResult run = RunLoad(MutualTls());
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("status UNAUTHENTICATED 8\n"), std::string::npos) << run.out;
}

TEST_F(LoadTlsTest, UnusableSecurityOptionsStopTheRunBeforeAnyCall) {
  // A client certificate without its key.
  const std::string token = "--token_file=" + dir_ + "/token";
  CommandResult run = RunLoad(With(MutualTls(/*with_key=*/false), token));
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("--tls_client_key"), std::string::npos) << run.err;
  // An empty token file.
  std::ofstream(dir_ + "/empty_token") << "\n";
  run = RunLoad(With(MutualTls(), "--token_file=" + dir_ + "/empty_token"));
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("no token"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace juesuan
