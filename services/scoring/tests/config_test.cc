#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "services/scoring/src/config.h"

namespace juesuan::scoring {
namespace {

using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Config, EveryBuiltinCompiles) {
  std::vector<std::string> names = BuiltinConfigNames();
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("national", "shanghai", "xinjiang"));
  for (const std::string& name : names) {
    auto config = BuiltinConfig(name);
    ASSERT_TRUE(config.ok()) << name << ": " << config.status();
    EXPECT_EQ((*config)->proto.name(), name);
  }
}

TEST(Config, EmbeddedEqualsTheFileOnDisk) {
  for (const std::string& name : BuiltinConfigNames()) {
    auto from_file = LoadConfigFile(std::string(JUESUAN_SCORING_CONFIG_DIR) + "/" + name + ".json");
    ASSERT_TRUE(from_file.ok()) << from_file.status();
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*from_file, (*BuiltinConfig(name))->proto)) << name;
  }
}

TEST(Config, LayoutPicksTheDefault) {
  EXPECT_EQ(BuiltinConfigNameForLayout(report::v1::LAYOUT_XINJIANG), "xinjiang");
  EXPECT_EQ(BuiltinConfigNameForLayout(report::v1::LAYOUT_SHANGHAI), "shanghai");
  EXPECT_EQ(BuiltinConfigNameForLayout(report::v1::LAYOUT_GENERIC), "national");
}

TEST(Config, UnknownFieldsAreRejected) {
  auto config = ParseConfigJson(R"({"name": "x", "scoreQuantun": "0.01"})");
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Config, DuplicateKeysAreRejected) {
  auto config = ParseConfigJson(R"({"name": "x", "grades": {"name": "a"}, "name": "y"})");
  ASSERT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(config.status().message()), HasSubstr("duplicate key \"name\""));
}

TEST(Config, MalformedJsonIsRejected) {
  EXPECT_EQ(ParseConfigJson("{\"name\": ").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Config, BadDecimalsAreRejected) {
  std::string json = ReadFile(std::string(JUESUAN_SCORING_CONFIG_DIR) + "/national.json");
  auto parsed = ParseConfigJson(json);
  ASSERT_TRUE(parsed.ok());
  v1::ScoringConfig config = *parsed;
  config.set_over_achievement_threshold("1,2x");
  auto compiled = CompileConfig(config);
  ASSERT_EQ(compiled.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(compiled.status().message()), HasSubstr("over_achievement_threshold"));
}

TEST(Config, GradeBandsMustBeOrdered) {
  v1::ScoringConfig config = (*BuiltinConfig("national"))->proto;
  config.mutable_grades()->mutable_bands(0)->set_min_score("50");
  EXPECT_EQ(CompileConfig(config).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(Config, MissingFileIsNotFound) {
  EXPECT_EQ(LoadConfigFile("/nonexistent/scoring.json").status().code(), absl::StatusCode::kNotFound);
}

TEST(Config, QualitativeKeywordsPreferTheLongestMatch) {
  auto config = *BuiltinConfig("national");
  auto band = [&](const std::string& text) {
    const auto* match = LongestContained(StripSpaces(text), config->qual_keywords);
    return match == nullptr ? std::string() : config->qual_bands[match->value].name;
  };
  EXPECT_EQ(band("达到预期指标"), "达成");
  EXPECT_EQ(band("部分完成"), "部分达成");
  EXPECT_EQ(band("未完成"), "未达成");
  EXPECT_EQ(band("详见附件"), "");
}

}  // namespace
}  // namespace juesuan::scoring
