// Transport security and caller authentication of the shared server
// bootstrap (common/grpc), with ParseService (stand-in parse) served on
// 127.0.0.1:0. Certificates are generated per test binary by
// make_test_certs.sh (openssl) into a temporary folder.
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "common/grpc/caller_auth.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "services/parse/service/parse_service.h"
#include "tests/e2e/process.h"

namespace juesuan {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr char kParseService[] = "juesuan.parse.v1.ParseService";
constexpr char kGatewayToken[] = "gw-token-5f1c2a9e7b";
constexpr char kBatchToken[] = "batch-token-33c1";
constexpr char kReaderToken[] = "reader-token-0a7d";  // allowed only health/reflection

absl::StatusOr<report::v1::Report> StandInParse(std::string_view content,
                                                const parse::ParseOptions&) {
  report::v1::Report report;
  report.add_sections()->set_title(std::string(content.substr(0, 12)));
  return report;
}

std::string CertDir() {
  static const std::string dir = [] {
    const std::string made = testing::MakeTempDir() + "/certs";
    const testing::CommandResult result =
        testing::RunCommand({MAKE_TEST_CERTS, made}, absl::Seconds(30));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return made;
  }();
  return dir;
}
std::string Cert(const std::string& name) { return CertDir() + "/" + name; }

std::string WriteCallersFile() {
  const std::string path = testing::MakeTempDir() + "/callers.txt";
  std::ofstream out(path);
  out << "# identity -> methods\n"
      << "token analyze-gateway " << Sha256Hex(kGatewayToken) << " /" << kParseService
      << "/*\n"
      << "token batch-runner " << Sha256Hex(kBatchToken) << " /" << kParseService
      << "/ParseDocument\n"
      << "token metrics-reader " << Sha256Hex(kReaderToken)
      << " /grpc.reflection.v1alpha.ServerReflection/*\n"
      << "cert analyze-gateway analyze-gateway *\n";
  return path;
}

class TransportSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_.str("");
    log_sink_ = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
    previous_logger_ = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", log_sink_));
    spdlog::set_level(spdlog::level::debug);
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(2));
    server_.reset();
    service_.reset();
    pool_.reset();
    spdlog::set_default_logger(previous_logger_);
  }

  absl::Status StartServer(GrpcServerOptions options) {
    registry_ = std::make_shared<prometheus::Registry>();
    pool_ = std::make_unique<WorkerPool>(2, 8);
    service_ = std::make_unique<parse::ParseServiceImpl>(StandInParse, *pool_, *registry_);
    options.address = "127.0.0.1:0";
    auto server = GrpcServer::Start(options, {service_.get()}, {kParseService}, registry_);
    if (!server.ok()) return server.status();
    server_ = *std::move(server);
    return absl::OkStatus();
  }

  GrpcServerOptions TlsOptions() const {
    GrpcServerOptions options;
    options.tls_cert_file = Cert("server.pem");
    options.tls_key_file = Cert("server.key");
    return options;
  }

  std::shared_ptr<grpc::Channel> Channel(ClientChannelOptions options) {
    auto channel = CreateClientChannel("127.0.0.1:" + std::to_string(server_->port()), options);
    EXPECT_TRUE(channel.ok()) << channel.status();
    return channel.ok() ? *channel : nullptr;
  }
  static ClientChannelOptions TrustingClient() {
    ClientChannelOptions options;
    options.tls_ca_file = Cert("ca.pem");
    return options;
  }
  static ClientChannelOptions ClientWithCert(const std::string& name) {
    ClientChannelOptions options = TrustingClient();
    options.tls_client_cert_file = Cert(name + ".pem");
    options.tls_client_key_file = Cert(name + ".key");
    return options;
  }

  static grpc::Status Parse(const std::shared_ptr<grpc::Channel>& channel,
                            const std::string& token = "") {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    parse::v1::ParseDocumentRequest request;
    request.set_content("第一部分 部门概况");
    parse::v1::ParseDocumentResponse response;
    return parse::v1::ParseService::NewStub(channel)->ParseDocument(&context, request,
                                                                    &response);
  }
  static grpc::Status HealthCheck(const std::shared_ptr<grpc::Channel>& channel) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    HealthCheckRequest request;
    request.set_service(kParseService);
    HealthCheckResponse response;
    const grpc::Status status = Health::NewStub(channel)->Check(&context, request, &response);
    if (status.ok() && response.status() != HealthCheckResponse::SERVING) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "not SERVING");
    }
    return status;
  }

  std::string Log() {
    spdlog::default_logger()->flush();
    return log_.str();
  }

  std::ostringstream log_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> log_sink_;
  std::shared_ptr<spdlog::logger> previous_logger_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<parse::ParseServiceImpl> service_;
  std::unique_ptr<GrpcServer> server_;
};

TEST_F(TransportSecurityTest, TlsServerAnswersTlsClient) {
  ASSERT_TRUE(StartServer(TlsOptions()).ok());
  EXPECT_TRUE(Parse(Channel(TrustingClient())).ok());
  EXPECT_NE(Log().find("security=tls"), std::string::npos) << Log();
}

TEST_F(TransportSecurityTest, PlaintextClientCannotTalkToTlsServer) {
  ASSERT_TRUE(StartServer(TlsOptions()).ok());
  const grpc::Status status = Parse(Channel(ClientChannelOptions{}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

TEST_F(TransportSecurityTest, ClientTrustingAnotherCaRefusesServer) {
  ASSERT_TRUE(StartServer(TlsOptions()).ok());
  ClientChannelOptions client;
  client.tls_ca_file = Cert("other-ca.pem");
  EXPECT_EQ(Parse(Channel(client)).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TransportSecurityTest, MutualTlsRequiresACertificateFromTheClientCa) {
  GrpcServerOptions options = TlsOptions();
  options.tls_client_ca_file = Cert("ca.pem");
  ASSERT_TRUE(StartServer(options).ok());
  EXPECT_EQ(Parse(Channel(TrustingClient())).error_code(), grpc::StatusCode::UNAVAILABLE)
      << "no client certificate";
  EXPECT_EQ(Parse(Channel(ClientWithCert("other-client"))).error_code(),
            grpc::StatusCode::UNAVAILABLE)
      << "certificate from another CA";
  EXPECT_TRUE(Parse(Channel(ClientWithCert("client"))).ok());
  EXPECT_NE(Log().find("security=mtls"), std::string::npos);
}

TEST_F(TransportSecurityTest, ContradictoryOrIncompleteOptionsAreRefused) {
  GrpcServerOptions both = TlsOptions();
  both.plaintext = true;
  EXPECT_EQ(StartServer(both).code(), absl::StatusCode::kInvalidArgument);
  GrpcServerOptions no_key;
  no_key.tls_cert_file = Cert("server.pem");
  EXPECT_EQ(StartServer(no_key).code(), absl::StatusCode::kInvalidArgument);
  GrpcServerOptions missing = TlsOptions();
  missing.tls_key_file = Cert("absent.key");
  EXPECT_EQ(StartServer(missing).code(), absl::StatusCode::kNotFound);

  ClientChannelOptions cert_without_ca;
  cert_without_ca.tls_client_cert_file = Cert("client.pem");
  cert_without_ca.tls_client_key_file = Cert("client.key");
  EXPECT_EQ(ClientCredentialsFor(cert_without_ca).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(TransportSecurityTest, PlaintextWithoutTheFlagIsServedWithAWarning) {
  ASSERT_TRUE(StartServer(GrpcServerOptions{}).ok());
  EXPECT_TRUE(Parse(Channel(ClientChannelOptions{})).ok());
  EXPECT_NE(Log().find("no TLS flags given"), std::string::npos);
  TearDown();
  SetUp();
  GrpcServerOptions explicit_plaintext;
  explicit_plaintext.plaintext = true;
  ASSERT_TRUE(StartServer(explicit_plaintext).ok());
  EXPECT_TRUE(Parse(Channel(ClientChannelOptions{})).ok());
  EXPECT_EQ(Log().find("no TLS flags given"), std::string::npos);
}

class CallerAuthTest : public TransportSecurityTest {
 protected:
  void StartWithCallers(GrpcServerOptions options) {
    options.auth_tokens_file = WriteCallersFile();
    ASSERT_TRUE(StartServer(options).ok());
  }
};

TEST_F(CallerAuthTest, BearerTokens) {
  StartWithCallers(TlsOptions());
  auto channel = Channel(TrustingClient());
  EXPECT_TRUE(Parse(channel, kGatewayToken).ok());
  const grpc::Status bad = Parse(channel, "not-a-known-token");
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::UNAUTHENTICATED) << bad.error_message();
  const grpc::Status none = Parse(channel);
  EXPECT_EQ(none.error_code(), grpc::StatusCode::UNAUTHENTICATED) << none.error_message();
  const grpc::Status not_allowed = Parse(channel, kReaderToken);
  EXPECT_EQ(not_allowed.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_NE(not_allowed.error_message().find("metrics-reader"), std::string::npos);
  EXPECT_TRUE(HealthCheck(channel).ok()) << "probes carry no credentials";
}

TEST_F(CallerAuthTest, IdentityIsLoggedPerCallAndTokensNeverAre) {
  StartWithCallers(TlsOptions());
  auto channel = Channel(TrustingClient());
  ASSERT_TRUE(Parse(channel, kGatewayToken).ok());
  ASSERT_EQ(Parse(channel, kReaderToken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_EQ(Parse(channel, "wrong-token-value").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  ASSERT_TRUE(Parse(channel, kBatchToken).ok());
  // Wait for the worker's log line of the last call.
  for (int i = 0; i < 50 && Log().find("caller=batch-runner") == std::string::npos; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const std::string log = Log();
  // One connection carried both identities: each call logs its own.
  EXPECT_NE(log.find("caller authenticated\" caller=analyze-gateway "
                     "method=/juesuan.parse.v1.ParseService/ParseDocument"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("caller authenticated\" caller=batch-runner"), std::string::npos) << log;
  EXPECT_NE(log.find("call refused\" code=PERMISSION_DENIED"), std::string::npos) << log;
  EXPECT_NE(log.find("call refused\" code=UNAUTHENTICATED"), std::string::npos) << log;
  EXPECT_EQ(log.find(kGatewayToken), std::string::npos);
  EXPECT_EQ(log.find(kReaderToken), std::string::npos);
  EXPECT_EQ(log.find(kBatchToken), std::string::npos);
  EXPECT_EQ(log.find("wrong-token-value"), std::string::npos);
}

TEST_F(CallerAuthTest, ClientCertificateIdentity) {
  GrpcServerOptions options = TlsOptions();
  options.tls_client_ca_file = Cert("ca.pem");
  StartWithCallers(options);
  EXPECT_TRUE(Parse(Channel(ClientWithCert("client"))).ok()) << "known certificate";
  const grpc::Status stranger = Parse(Channel(ClientWithCert("stranger")));
  EXPECT_EQ(stranger.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << "valid certificate, unknown identity";
  // A bad token is refused even with a good certificate (no fallback).
  EXPECT_EQ(Parse(Channel(ClientWithCert("client")), "bad").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(HealthCheck(Channel(ClientWithCert("stranger"))).ok());
}

TEST_F(CallerAuthTest, CallersFileNeedsTls) {
  GrpcServerOptions options;
  options.plaintext = true;
  options.auth_tokens_file = WriteCallersFile();
  EXPECT_EQ(StartServer(options).code(), absl::StatusCode::kInvalidArgument);
  options.plaintext = false;  // the implicit plaintext default as well
  EXPECT_EQ(StartServer(options).code(), absl::StatusCode::kInvalidArgument);
}

TEST(CallersFileTest, ParsesEntriesAndRejectsMalformedLines) {
  const std::string hash = Sha256Hex("t");
  auto entries = CallerAuthenticator::ParseCallers(
      "# comment\n\ntoken a " + hash + " *   # trailing\ncert b b-cn /x.Y/*,/z.W/M\n");
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[1].methods, (std::vector<std::string>{"/x.Y/*", "/z.W/M"}));
  EXPECT_FALSE(CallerAuthenticator::ParseCallers("token a t *\n").ok()) << "raw token";
  EXPECT_FALSE(CallerAuthenticator::ParseCallers("key a " + hash + " *\n").ok());
  EXPECT_FALSE(CallerAuthenticator::ParseCallers("token a " + hash + "\n").ok());
  EXPECT_FALSE(CallerAuthenticator::ParseCallers("cert a b x.Y/M\n").ok());
  const absl::Status where = CallerAuthenticator::ParseCallers("\n\nbad line\n").status();
  EXPECT_NE(where.message().find("line 3"), std::string::npos) << where;
}

TEST(CallersFileTest, AuthorizeMatchesMethodPatterns) {
  auto entries = CallerAuthenticator::ParseCallers(
      "token svc " + Sha256Hex("s") + " /p.S/*\ntoken one " + Sha256Hex("o") +
      " /p.S/Get\ncert ops ops-cn *\n");
  ASSERT_TRUE(entries.ok());
  const CallerAuthenticator auth(*entries);
  EXPECT_EQ(*auth.Authorize("/p.S/Any", "Bearer s", ""), "svc");
  EXPECT_EQ(*auth.Authorize("/p.S/Get", "bearer o", ""), "one");
  EXPECT_EQ(auth.Authorize("/p.S/Put", "Bearer o", "").status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(auth.Authorize("/p.SX/Get", "Bearer s", "").status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(auth.Authorize("/p.S/Get", "Basic s", "").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(*auth.Authorize("/q.T/M", "", "ops-cn"), "ops");
  EXPECT_EQ(auth.Authorize("/q.T/M", "", "").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace juesuan
