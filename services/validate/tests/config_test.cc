// Loading the validation configuration.
#include "services/validate/src/config.h"

#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace juesuan::validate {
namespace {

TEST(ConfigTest, EmbeddedDefaultIsTheRepositoryFile) {
  std::ifstream in(std::string(JUESUAN_SOURCE_DIR) + "/config/validate/default.json");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), std::string(DefaultConfigJson()));
  const auto& config = DefaultConfig();
  EXPECT_EQ(config.name(), "default");
  EXPECT_EQ(config.fallback_layout(), "GENERIC");
  EXPECT_FALSE(config.sum_count_zeros());
  EXPECT_EQ(config.roughly_equal_threshold_pct().digits(), 1);
  ASSERT_GE(config.layouts_size(), 2);
  EXPECT_EQ(config.layouts(0).name(), "XJ");
  EXPECT_EQ(config.layouts(0).required_tables_size(), 9);
}

TEST(ConfigTest, LoadsFromFile) {
  auto config = LoadConfigFile(std::string(JUESUAN_SOURCE_DIR) + "/config/validate/default.json");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->layouts_size(), DefaultConfig().layouts_size());
  EXPECT_EQ(LoadConfigFile("/nonexistent/validate.json").status().code(), absl::StatusCode::kNotFound);
}

TEST(ConfigTest, RejectsUnknownKeys) {
  auto config = ParseConfigJson(R"({"name": "x", "layouts": [{"name": "A"}], "sumCountZeroes": true})");
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ConfigTest, RejectsDuplicateKeysAtAnyDepth) {
  auto top = ParseConfigJson(R"({"name": "x", "name": "y", "layouts": [{"name": "A"}]})");
  EXPECT_EQ(top.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(top.status().message()).find("duplicate key \"name\""), std::string::npos);
  auto nested = ParseConfigJson(R"({"layouts": [{"name": "A", "families": [], "families": ["FA-SUM"]}]})");
  EXPECT_EQ(nested.status().code(), absl::StatusCode::kInvalidArgument);
  // The same key in sibling objects is fine.
  auto siblings = ParseConfigJson(R"({"layouts": [{"name": "A"}, {"name": "B"}]})");
  EXPECT_TRUE(siblings.ok()) << siblings.status();
}

TEST(ConfigTest, RejectsInconsistentContent) {
  EXPECT_FALSE(ParseConfigJson(R"({"name": "x"})").ok());  // no layouts
  EXPECT_FALSE(ParseConfigJson(R"({"layouts": [{"name": "A"}], "fallbackLayout": "B"})").ok());
  EXPECT_FALSE(ParseConfigJson(R"({"layouts": [{"name": "A", "requiredSections": [{"key": "N.TOTAL"}]}]})").ok());
  EXPECT_FALSE(ParseConfigJson("{not json").ok());
}

}  // namespace
}  // namespace juesuan::validate
