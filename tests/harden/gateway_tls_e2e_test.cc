// The four real binaries secured end to end, on loopback: TLS on every server;
// mTLS from the gateway to the backends (each backend requires a client
// certificate from the test CA and knows the gateway by its certificate's
// name in its callers file); bearer-token callers at the gateway. The
// certificates come from make_test_certs.sh, made per test in a temporary
// folder.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "common/grpc/caller_auth.h"
#include "common/grpc/client_channel.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "tests/e2e/process.h"

namespace juesuan {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using testing::MakeTempDir;
using testing::ReadFileOrEmpty;
using testing::Subprocess;

constexpr char kAnalystToken[] = "analyst-token-9d2e41c07a";
constexpr char kBatchOnlyToken[] = "batch-only-token-51b7f3";  // AnalyzeBatch only
constexpr char kAnalyzeService[] = "juesuan.analyze.v1.AnalyzeService";

std::string Seed() {
  return ReadFileOrEmpty(std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt");
}

struct Server {
  std::unique_ptr<Subprocess> process;
  int port = 0;
  std::string log_path;
};

class GatewayTlsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    const testing::CommandResult certs =
        testing::RunCommand({MAKE_TEST_CERTS, dir_ + "/certs"}, absl::Seconds(30));
    ASSERT_EQ(certs.exit_code, 0) << certs.err;
    WriteCallersFiles();
    // Each backend: TLS, a client certificate from the test CA required, and
    // only the gateway's certificate identity allowed in.
    const std::vector<std::string> backend_security = {
        "--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key"),
        "--tls_client_ca=" + Cert("ca.pem"), "--auth_tokens_file=" + dir_ + "/backend_callers"};
    parse_ = StartServer("parse", JUESUAN_PARSE_BINARY, backend_security);
    validate_ = StartServer("validate", JUESUAN_VALIDATE_BINARY, backend_security);
    scoring_ = StartServer("scoring", JUESUAN_SCORING_BINARY, backend_security);
    ASSERT_TRUE(parse_.port > 0 && validate_.port > 0 && scoring_.port > 0);
    gateway_ = StartServer(
        "analyze", JUESUAN_ANALYZE_BINARY,
        {"--tls_cert=" + Cert("server.pem"), "--tls_key=" + Cert("server.key"),
         "--auth_tokens_file=" + dir_ + "/gateway_callers",
         // Outgoing: verify the backends against the test CA, present the
         // gateway's client certificate.
         "--tls_ca=" + Cert("ca.pem"), "--tls_client_cert=" + Cert("client.pem"),
         "--tls_client_key=" + Cert("client.key"),
         "--parse_target=" + Loopback(parse_), "--validate_target=" + Loopback(validate_),
         "--scoring_target=" + Loopback(scoring_)});
    ASSERT_GT(gateway_.port, 0);
  }

  void TearDown() override { StopAll(); }

  // SIGTERM and wait, so every log is complete; Subprocess kills what is left.
  void StopAll() {
    for (Server* server : {&gateway_, &parse_, &validate_, &scoring_}) {
      if (server->process == nullptr) continue;
      server->process->Signal(SIGTERM);
      server->process->WaitFor(absl::Seconds(10));
      server->process.reset();
    }
  }

  void WriteCallersFiles() const {
    std::ofstream gateway(dir_ + "/gateway_callers");
    gateway << "token analyst " << Sha256Hex(kAnalystToken) << " /" << kAnalyzeService << "/*\n"
            << "token batch-runner " << Sha256Hex(kBatchOnlyToken) << " /" << kAnalyzeService
            << "/AnalyzeBatch\n";
    // make_test_certs.sh issues client.pem to CN=analyze-gateway.
    std::ofstream backends(dir_ + "/backend_callers");
    backends << "cert analyze-gateway analyze-gateway *\n";
  }

  Server StartServer(const std::string& name, const std::string& binary,
                     const std::vector<std::string>& extra) const {
    std::vector<std::string> argv = {binary, "--grpc_address=127.0.0.1:0",
                                     "--metrics_address=127.0.0.1:0",
                                     "--port_file=" + dir_ + "/" + name + ".port",
                                     "--shutdown_grace=2s", "--log_level=info"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    Server server;
    server.log_path = dir_ + "/" + name + ".log";
    auto process = Subprocess::Start(argv, dir_ + "/" + name + ".out", server.log_path);
    EXPECT_TRUE(process.ok()) << process.status();
    if (!process.ok()) return server;
    server.process = std::make_unique<Subprocess>(*std::move(process));
    auto port = testing::WaitForPortFile(dir_ + "/" + name + ".port", absl::Seconds(20),
                                         server.process.get());
    EXPECT_TRUE(port.ok()) << name << ": " << port.status() << "\n"
                           << ReadFileOrEmpty(server.log_path);
    server.port = port.value_or(0);
    return server;
  }

  static std::string Loopback(const Server& server) {
    return "dns:///127.0.0.1:" + std::to_string(server.port);
  }
  std::string Cert(const std::string& name) const { return dir_ + "/certs/" + name; }

  // A channel to `server` trusting the test CA, with the named client
  // certificate ("" for none).
  std::shared_ptr<grpc::Channel> Channel(const Server& server,
                                         const std::string& client_cert = "") const {
    ClientChannelOptions options;
    options.tls_ca_file = Cert("ca.pem");
    if (!client_cert.empty()) {
      options.tls_client_cert_file = Cert(client_cert + ".pem");
      options.tls_client_key_file = Cert(client_cert + ".key");
    }
    auto channel = CreateClientChannel("127.0.0.1:" + std::to_string(server.port), options);
    EXPECT_TRUE(channel.ok()) << channel.status();
    return *channel;
  }

  static grpc::Status Analyze(const std::shared_ptr<grpc::Channel>& channel,
                              const std::string& token, analyze::v1::AnalyzeResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    analyze::v1::AnalyzeRequest request;
    request.set_content(Seed());
    request.set_file_name("seed.txt");
    request.set_omit_text(true);
    return analyze::v1::AnalyzeService::NewStub(channel)->Analyze(&context, request, response);
  }

  static grpc::Status ParseSeed(const std::shared_ptr<grpc::Channel>& channel) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    parse::v1::ParseDocumentRequest request;
    request.set_content(Seed());
    request.set_omit_text(true);
    parse::v1::ParseDocumentResponse response;
    return parse::v1::ParseService::NewStub(channel)->ParseDocument(&context, request,
                                                                    &response);
  }

  // The server-wide health status ("" service), with no credentials.
  static grpc::Status HealthCheck(const std::shared_ptr<grpc::Channel>& channel) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    HealthCheckRequest request;
    HealthCheckResponse response;
    const grpc::Status status = Health::NewStub(channel)->Check(&context, request, &response);
    if (status.ok() && response.status() != HealthCheckResponse::SERVING) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "not SERVING");
    }
    return status;
  }

  std::string dir_;
  Server parse_, validate_, scoring_, gateway_;
};

TEST_F(GatewayTlsE2eTest, GoodTokenRunsEveryStageOverMutualTls) {
  analyze::v1::AnalyzeResponse response;
  const grpc::Status status = Analyze(Channel(gateway_), kAnalystToken, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  // Every stage OK means the gateway reached all three backends through
  // their mTLS and their callers files.
  ASSERT_EQ(response.stages_size(), 3);
  for (const auto& stage : response.stages()) EXPECT_EQ(stage.code(), 0) << stage.message();
  EXPECT_FALSE(response.report().document().unit_name().text().empty());
  EXPECT_GT(response.validation().summary().rules_ran(), 0u);
  EXPECT_GT(response.scoring().tables_size(), 0);

  StopAll();
  const std::string gateway_log = ReadFileOrEmpty(gateway_.log_path);
  EXPECT_NE(gateway_log.find("security=tls caller_auth=on"), std::string::npos) << gateway_log;
  EXPECT_NE(gateway_log.find("caller=analyst"), std::string::npos) << gateway_log;
  EXPECT_EQ(gateway_log.find(kAnalystToken), std::string::npos);
  for (const Server* backend : {&parse_, &validate_, &scoring_}) {
    const std::string log = ReadFileOrEmpty(backend->log_path);
    EXPECT_NE(log.find("security=mtls caller_auth=on"), std::string::npos) << log;
    EXPECT_NE(log.find("caller=analyze-gateway"), std::string::npos) << log;
    // The caller's token stops at the gateway.
    EXPECT_EQ(log.find(kAnalystToken), std::string::npos);
  }
}

TEST_F(GatewayTlsE2eTest, CallersWithoutAValidTokenAreRefused) {
  const auto channel = Channel(gateway_);
  analyze::v1::AnalyzeResponse response;
  const grpc::Status none = Analyze(channel, "", &response);
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED) << none.error_message();
  const grpc::Status bad = Analyze(channel, "analyst-token-guess", &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::UNAUTHENTICATED) << bad.error_message();
  // Known caller, method not in its list.
  const grpc::Status not_allowed = Analyze(channel, kBatchOnlyToken, &response);
  EXPECT_EQ(not_allowed.error_code(), grpc::StatusCode::PERMISSION_DENIED)
      << not_allowed.error_message();
  EXPECT_NE(not_allowed.error_message().find("batch-runner"), std::string::npos)
      << not_allowed.error_message();
  // A client certificate is no substitute for a token at the gateway: it
  // knows no certificate identities.
  const grpc::Status cert_only = Analyze(Channel(gateway_, "client"), "", &response);
  EXPECT_EQ(cert_only.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // Plaintext to a TLS server never gets as far as authentication.
  auto plaintext = CreateClientChannel("127.0.0.1:" + std::to_string(gateway_.port), {});
  ASSERT_TRUE(plaintext.ok());
  EXPECT_EQ(Analyze(*plaintext, kAnalystToken, &response).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  // Probes carry no credentials.
  EXPECT_TRUE(HealthCheck(channel).ok());
}

TEST_F(GatewayTlsE2eTest, TheBatchOnlyCallerMayUseAnalyzeBatch) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  context.AddMetadata("authorization", std::string("Bearer ") + kBatchOnlyToken);
  auto stream = analyze::v1::AnalyzeService::NewStub(Channel(gateway_))->AnalyzeBatch(&context);
  analyze::v1::AnalyzeRequest request;
  request.set_content(Seed());
  request.set_file_name("seed.txt");
  request.set_omit_text(true);
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  analyze::v1::AnalyzeBatchResult result;
  ASSERT_TRUE(stream->Read(&result));
  EXPECT_FALSE(stream->Read(&result));
  const grpc::Status status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(result.index(), 0u);
  ASSERT_TRUE(result.has_response()) << result.error().message();
  for (const auto& stage : result.response().stages()) {
    EXPECT_EQ(stage.code(), 0) << stage.message();
  }
}

TEST_F(GatewayTlsE2eTest, BackendsRefuseClientsWithoutTheGatewayCertificate) {
  for (const Server* backend : {&parse_, &validate_, &scoring_}) {
    // No client certificate: the TLS handshake fails, so not even the health
    // service answers.
    const grpc::Status no_cert = HealthCheck(Channel(*backend));
    EXPECT_EQ(no_cert.error_code(), grpc::StatusCode::UNAVAILABLE) << no_cert.error_message();
    // The gateway's certificate gets through.
    EXPECT_TRUE(HealthCheck(Channel(*backend, "client")).ok());
    // A certificate from another CA fails the handshake as well.
    EXPECT_EQ(HealthCheck(Channel(*backend, "other-client")).error_code(),
              grpc::StatusCode::UNAVAILABLE);
  }
  EXPECT_TRUE(ParseSeed(Channel(parse_, "client")).ok());
  EXPECT_EQ(ParseSeed(Channel(parse_)).error_code(), grpc::StatusCode::UNAVAILABLE);
  // A valid certificate of an identity the callers file does not list.
  EXPECT_EQ(ParseSeed(Channel(parse_, "stranger")).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace juesuan
