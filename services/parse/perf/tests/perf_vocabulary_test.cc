#include "services/parse/perf/perf_vocabulary.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace juesuan::parse::perf_vocabulary {
namespace {

// One to `most` of `pieces`, drawn at random and joined.
std::string JoinedPieces(std::mt19937& rng, const std::vector<std::string>& pieces, int most) {
  std::string joined;
  const int count = 1 + static_cast<int>(rng() % static_cast<unsigned>(most));
  for (int k = 0; k < count; ++k) joined += pieces[rng() % pieces.size()];
  return joined;
}

bool IsLevelColumn(std::string_view key) {
  const auto column = IndicatorColumnFor(key);
  return column == IndicatorColumn::kLevel1 || column == IndicatorColumn::kLevel2 ||
         column == IndicatorColumn::kLevel3;
}

// The prefilters may pass anything, but must pass every folded text whose
// key is a level header or a grade label.
void ExpectPrefiltersPass(const std::string& folded) {
  SCOPED_TRACE(folded);
  const std::string key = HeaderKey(folded);
  if (IsLevelColumn(key)) EXPECT_TRUE(MayNameIndicatorLevel(folded));
  if (IsGradeLabel(key)) EXPECT_TRUE(MayBeGradeLabel(folded));
}

TEST(PerfVocabularyTest, PrefiltersPassEveryPrintedLevelHeaderAndGradeLabel) {
  const std::vector<std::string> words = {"一级指标", "二级指标", "三级指标", "等级",
                                          "评价等级", "自评等级", "评级",     "绩效等级"};
  for (const std::string& word : words) {
    ASSERT_TRUE(IsLevelColumn(word) || IsGradeLabel(word)) << word;
    ExpectPrefiltersPass(word);
    EXPECT_TRUE(MayNameIndicatorLevel(word) || MayBeGradeLabel(word)) << word;
    ExpectPrefiltersPass(" " + word + " (注)");
    ExpectPrefiltersPass("(" + word + ")" + word);
  }
  EXPECT_TRUE(MayBeGradeLabel("评 级"));
  EXPECT_TRUE(MayNameIndicatorLevel("三级 指标(必填)"));
  EXPECT_FALSE(MayNameIndicatorLevel("产出指标"));
  EXPECT_FALSE(MayBeGradeLabel("优秀"));
}

TEST(PerfVocabularyTest, PrefiltersPassRandomTextsBuiltFromHeaderPieces) {
  const std::vector<std::string> pieces = {"一", "二", "三", "级", "指标", "等", "评", "价",
                                           "自", "绩效", "(", ")", " ", "注", "分", "等级",
                                           "评级", "三级指标", "一级指标"};
  std::mt19937 rng(20260101);
  int level_keys = 0, grade_keys = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string folded = JoinedPieces(rng, pieces, 6);
    const std::string key = HeaderKey(folded);
    level_keys += IsLevelColumn(key);
    grade_keys += IsGradeLabel(key);
    ExpectPrefiltersPass(folded);
  }
  // The pieces do build keys of both kinds, so the check above is not idle.
  EXPECT_GT(level_keys, 100);
  EXPECT_GT(grade_keys, 100);
}

TEST(PerfVocabularyTest, ColumnWordsAreFoundAndLongKeysAreNot) {
  EXPECT_EQ(IndicatorColumnFor("偏差原因分析及改进措施"), IndicatorColumn::kDeviation);
  EXPECT_EQ(IndicatorColumnFor("三级指标"), IndicatorColumn::kLevel3);
  EXPECT_EQ(IndicatorColumnFor(""), IndicatorColumn::kRowLabel);
  EXPECT_EQ(IndicatorColumnFor("偏差原因分析及改进措施说明"), std::nullopt);
  EXPECT_EQ(FundColumnFor("调整后预算数"), FundColumn::kAnnual);
  EXPECT_EQ(FundColumnFor("预算执行率"), FundColumn::kRate);
  EXPECT_EQ(FundColumnFor("预算执行率预算执行率"), std::nullopt);
}

// Every exact look-up of a folded text, by the key given.
std::string LookUps(const std::string& key) {
  std::string out;
  auto add = [&](auto value) {
    out += value ? std::to_string(static_cast<int>(*value)) : std::string("-");
    out += ' ';
  };
  add(FundColumnFor(key));
  add(IndicatorColumnFor(key));
  add(InfoFieldFor(key));
  add(GoalColumnFor(key));
  out += IsTotalLabel(key) ? "T" : "-";
  out += IsGradeLabel(key) ? "G" : "-";
  out += IsIndicatorRowLabel(key) ? "R" : "-";
  return out;
}

TEST(PerfVocabularyTest, LookupKeyLooksUpAsTheHeaderKey) {
  const std::vector<std::string> pieces = {
      "偏差原因分析及改进措施", "年度绩效指标完成情况", "年度目标完成情况", "调整后预算数",
      "项目实施单位", "指标", "三级", "得分", "等级", "(", ")", " ", "注", "说明", "x"};
  std::mt19937 rng(7);
  int found = 0, shortened = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::string folded = JoinedPieces(rng, pieces, 4);
    SCOPED_TRACE(folded);
    const std::string key = HeaderKey(folded);
    const std::string lookup = LookupKey(folded);
    ASSERT_EQ(key.substr(0, lookup.size()), lookup);
    shortened += lookup.size() < key.size();
    found += LookUps(key) != LookUps("\x01");
    ASSERT_EQ(LookUps(lookup), LookUps(key));
  }
  // Both kinds of text occur: words found, and keys too long to be one.
  EXPECT_GT(found, 1000);
  EXPECT_GT(shortened, 1000);
  EXPECT_EQ(LookupKey("偏差原因分析及改进措施 (必填)"), "偏差原因分析及改进措施");
}

// TitleKind as its contract reads, without the 表/绩 prefilter: the first
// title word the key of the whole text holds.
std::optional<report::v1::PerformanceTableKind> TitleKindByKey(std::string_view folded) {
  const std::string key = HeaderKey(folded);
  for (const auto& [word, kind] : TitleWords()) {
    if (key.find(word) != std::string::npos) return kind;
  }
  return std::nullopt;
}

TEST(PerfVocabularyTest, TitleKindOfTextsBuiltFromTitlePieces) {
  const std::vector<std::string> pieces = {"整体", "项目", "支出", "绩", "效", "绩效", "自评",
                                           "评价", "表", " ", "(", ")", "2024年度", "附",
                                           "支出绩效自评表", "绩效评价表", "绩 效自评表"};
  std::mt19937 rng(11);
  int titles = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::string folded = JoinedPieces(rng, pieces, 5);
    SCOPED_TRACE(folded);
    const auto expected = TitleKindByKey(folded);
    titles += expected.has_value();
    ASSERT_EQ(TitleKind(folded), expected);
  }
  EXPECT_GT(titles, 50);
  EXPECT_EQ(TitleKind("项目支出绩 效自评表(2024年度)"), report::v1::PERFORMANCE_TABLE_KIND_PROJECT);
}

}  // namespace
}  // namespace juesuan::parse::perf_vocabulary
