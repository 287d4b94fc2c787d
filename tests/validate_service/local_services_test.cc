// The CLI's in-process hosting: parse, validate and scoring services in one
// server without a port, each reached through its channel, chained on the
// seed as a `juesuan check`-style command would chain them.
#include <chrono>
#include <memory>
#include <string>

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "cli/local_services.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "services/scoring/src/rational.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "tests/e2e/process.h"

namespace juesuan::cli {
namespace {

using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr char kSeedPath[] = JUESUAN_SHARED_DIR "/seed/000_0d0d50dd571d51d1.txt";

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

HealthCheckResponse::ServingStatus HealthOf(const std::shared_ptr<grpc::Channel>& channel,
                                            const std::string& service) {
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  const grpc::Status status = Health::NewStub(channel)->Check(Context().get(), request, &response);
  EXPECT_TRUE(status.ok()) << service << ": " << status.error_message();
  return response.status();
}

TEST(LocalServicesTest, HostsAllThreeAndChainsThemOnTheSeed) {
  LocalServicesOptions options;
  options.validate = true;
  options.scoring = true;
  auto local = LocalServices::Start(options);
  ASSERT_TRUE(local.ok()) << local.status();
  const auto parse_channel = (*local)->parse_channel();
  const auto validate_channel = (*local)->validate_channel();
  const auto scoring_channel = (*local)->scoring_channel();
  ASSERT_NE(parse_channel, nullptr);
  ASSERT_NE(validate_channel, nullptr);
  ASSERT_NE(scoring_channel, nullptr);
  EXPECT_EQ(HealthOf(parse_channel, "juesuan.parse.v1.ParseService"), HealthCheckResponse::SERVING);
  EXPECT_EQ(HealthOf(validate_channel, "juesuan.validate.v1.ValidateService"),
            HealthCheckResponse::SERVING);
  EXPECT_EQ(HealthOf(scoring_channel, "juesuan.scoring.v1.ScoringService"),
            HealthCheckResponse::SERVING);

  parse::v1::ParseDocumentRequest parse_request;
  parse_request.set_content(juesuan::testing::ReadFileOrEmpty(kSeedPath));
  parse_request.set_omit_text(true);
  parse::v1::ParseDocumentResponse parsed;
  const grpc::Status parse_status = parse::v1::ParseService::NewStub(parse_channel)
                                        ->ParseDocument(Context().get(), parse_request, &parsed);
  ASSERT_TRUE(parse_status.ok()) << parse_status.error_message();

  validate::v1::ValidateReportRequest validate_request;
  *validate_request.mutable_report() = parsed.report();
  validate::v1::ValidateReportResponse validated;
  const grpc::Status validate_status =
      validate::v1::ValidateService::NewStub(validate_channel)
          ->ValidateReport(Context().get(), validate_request, &validated);
  ASSERT_TRUE(validate_status.ok()) << validate_status.error_message();
  EXPECT_EQ(validated.summary().errors(), 0u);
  EXPECT_EQ(validated.summary().layout(), "XJ");
  auto direct = validate::Validate(parsed.report(), validate::DefaultConfig());
  ASSERT_TRUE(direct.ok()) << direct.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(validated, *direct));

  scoring::v1::ScoreReportRequest score_request;
  *score_request.mutable_report() = parsed.report();
  scoring::v1::ScoreReportResponse scored;
  const grpc::Status score_status = scoring::v1::ScoringService::NewStub(scoring_channel)
                                        ->ScoreReport(Context().get(), score_request, &scored);
  ASSERT_TRUE(score_status.ok()) << score_status.error_message();
  ASSERT_EQ(scored.tables_size(), 2);
  EXPECT_EQ(scoring::DecimalText(scored.tables(1).total().value()), "100.00");
}

TEST(LocalServicesTest, HostsOnlyWhatWasAskedFor) {
  auto local = LocalServices::Start(LocalServicesOptions{});
  ASSERT_TRUE(local.ok()) << local.status();
  EXPECT_NE((*local)->parse_channel(), nullptr);
  EXPECT_EQ((*local)->validate_channel(), nullptr);
  EXPECT_EQ((*local)->scoring_channel(), nullptr);
  // The parse-only wrapper the `parse` command uses still works.
  auto parse_only = LocalParseService::Start();
  ASSERT_TRUE(parse_only.ok()) << parse_only.status();
  EXPECT_EQ(HealthOf((*parse_only)->channel(), "juesuan.parse.v1.ParseService"),
            HealthCheckResponse::SERVING);
}

TEST(LocalServicesTest, UnloadableConfigurationIsAnError) {
  LocalServicesOptions options;
  options.parse = false;
  options.validate = true;
  options.validate_config_path = "/nonexistent/validate.json";
  auto local = LocalServices::Start(options);
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.status().code(), absl::StatusCode::kNotFound);

  options.validate = false;
  options.scoring = true;
  options.scoring_config_path = "/nonexistent/scoring.json";
  local = LocalServices::Start(options);
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(local.status().message().find("/nonexistent/scoring.json"), absl::string_view::npos);
}

}  // namespace
}  // namespace juesuan::cli
