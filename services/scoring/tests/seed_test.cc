// The seed's tables recompute as REFERENCE §4.7–4.8 says, with exactly the
// findings §3.15 and §4.9 attribute to them.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/src/scoring.h"
#include "services/scoring/tests/seed_tables.h"
#include "services/scoring/tests/test_util.h"

namespace juesuan::scoring::testing {
namespace {

using ::testing::ElementsAre;

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::ScoreReportRequest request;
    *request.mutable_report() = SeedReport();
    auto response = Score(request);
    ASSERT_TRUE(response.ok()) << response.status();
    response_ = *response;
    ASSERT_EQ(response_.tables_size(), 2);
  }
  const v1::TableScore& pe() const { return response_.tables(0); }
  const v1::TableScore& pp() const { return response_.tables(1); }
  v1::ScoreReportResponse response_;
};

TEST_F(SeedTest, XinjiangLayoutSelectsTheXinjiangConfig) { EXPECT_EQ(response_.config_name(), "xinjiang"); }

TEST_F(SeedTest, OverallTableRecomputesTo100Excellent) {
  EXPECT_EQ(pe().section_key(), "PE");
  EXPECT_TRUE(pe().total().determined());
  EXPECT_EQ(Text(pe().total().value()), "100.00");
  EXPECT_EQ(pe().total().grade(), "优");
  EXPECT_FALSE(pe().total().reported_printed());
  EXPECT_EQ(Text(pe().total().weight()), "100.00");
  // 执行率 121.39 / 121.39 = 100% → 10.00 = printed 10.
  EXPECT_TRUE(pe().execution().rate_defined());
  EXPECT_EQ(pe().execution().rate().num(), 1);
  EXPECT_EQ(pe().execution().rate().den(), 1);
  EXPECT_EQ(Text(pe().execution().recomputed().min()), "10.00");
  EXPECT_EQ(Text(pe().execution().reported()), "10");
}

TEST_F(SeedTest, OverallIndicatorsMatchPrintedScores) {
  ASSERT_EQ(pe().indicators_size(), 3);
  const char* expected[] = {"40.00", "20.00", "30.00"};
  for (int i = 0; i < 3; ++i) {
    const v1::ScoredIndicator& row = pe().indicators(i);
    EXPECT_TRUE(row.scorable()) << i;
    EXPECT_EQ(Text(row.recomputed().min()), expected[i]) << i;
    EXPECT_EQ(Text(row.recomputed().max()), expected[i]) << i;
    EXPECT_EQ(row.completion().percent(), "100.00%") << i;
  }
  EXPECT_EQ(pe().indicators(0).indicator_class(), v1::INDICATOR_CLASS_POSITIVE);
  EXPECT_EQ(pe().indicators(1).indicator_class(), v1::INDICATOR_CLASS_POSITIVE);
  EXPECT_EQ(pe().indicators(2).indicator_class(), v1::INDICATOR_CLASS_EXACT);
  EXPECT_FALSE(pe().indicators(2).units_agree());
}

TEST_F(SeedTest, OverallFindingsAreExactlyTheReferenceOnes) {
  EXPECT_THAT(Rules(pe()), ElementsAre(RuleAndSeverity{"PF-TAB-002", kInfo}, RuleAndSeverity{"PF-TAB-006", kInfo},
                                       RuleAndSeverity{"PF-TAB-009", kInfo},
                                       RuleAndSeverity{"PF-TAB-010", kWarning}));
}

TEST_F(SeedTest, UnitMismatchCitesBothCellsWithSeedLines) {
  const findings::v1::Finding* f = FindRule(pe(), "PF-TAB-006");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->operands_size(), 2);
  EXPECT_EQ(f->operands(0).printed(), "=1次");
  EXPECT_EQ(f->operands(0).src().line(), 160u);
  EXPECT_EQ(f->operands(1).printed(), "1期");
  EXPECT_EQ(f->operands(1).src().line(), 163u);
  EXPECT_EQ(f->section_key(), "PE");
}

TEST_F(SeedTest, MissingTotalRowCitesThePrintedScores) {
  const findings::v1::Finding* f = FindRule(pe(), "PF-TAB-002");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->expected(), "100.00");
  std::vector<uint32_t> lines;
  for (const auto& op : f->operands()) lines.push_back(op.src().line());
  EXPECT_THAT(lines, ElementsAre(93u, 146u, 155u, 164u));
}

TEST_F(SeedTest, MergedExecutionCellsCiteTheZeroBudgetRow) {
  const findings::v1::Finding* f = FindRule(pe(), "PF-TAB-009");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(f->message_zh(), ::testing::HasSubstr("上级资金"));
  std::vector<uint32_t> lines;
  for (const auto& op : f->operands()) lines.push_back(op.src().line());
  EXPECT_THAT(lines, ElementsAre(89u, 90u, 91u, 92u, 93u));
}

TEST_F(SeedTest, ProjectTableRecomputesTo100Excellent) {
  EXPECT_EQ(pp().section_key(), "PP[0]");
  EXPECT_EQ(pp().name(), "州党委社会工作部开办经费");
  EXPECT_TRUE(pp().total().determined());
  EXPECT_EQ(Text(pp().total().value()), "100.00");
  EXPECT_EQ(Text(pp().total().reported()), "100.00");
  // Row 7 is a band [16, 20]: any total in [96, 100] is 优.
  EXPECT_EQ(Text(pp().total().range().min()), "96.00");
  EXPECT_EQ(Text(pp().total().range().max()), "100.00");
  EXPECT_EQ(pp().total().grade(), "优");
  EXPECT_EQ(pp().total().grade_low(), "优");
  EXPECT_EQ(Text(pp().execution().recomputed().min()), "10.00");
}

TEST_F(SeedTest, ProjectRowsFollowTheReferenceClasses) {
  ASSERT_EQ(pp().indicators_size(), 8);
  const v1::IndicatorClass expected[] = {
      v1::INDICATOR_CLASS_POSITIVE, v1::INDICATOR_CLASS_POSITIVE,    v1::INDICATOR_CLASS_EXACT,
      v1::INDICATOR_CLASS_DEADLINE, v1::INDICATOR_CLASS_NEGATIVE,    v1::INDICATOR_CLASS_NEGATIVE,
      v1::INDICATOR_CLASS_QUALITATIVE, v1::INDICATOR_CLASS_SATISFACTION};
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(pp().indicators(i).indicator_class(), expected[i]) << i << " " << pp().indicators(i).class_basis();
  }
  EXPECT_EQ(pp().indicators(3).method(), v1::SCORING_METHOD_ALL_OR_NOTHING);
  EXPECT_EQ(pp().indicators(6).method(), v1::SCORING_METHOD_QUALITATIVE_BANDS);
  for (int i : {0, 1, 2, 3, 4, 5, 7}) {
    EXPECT_EQ(Text(pp().indicators(i).recomputed().min()), "10.00") << i;
    EXPECT_EQ(Text(pp().indicators(i).recomputed().max()), "10.00") << i;
  }
  const v1::ScoredIndicator& qual = pp().indicators(6);
  EXPECT_EQ(qual.band(), "达成");
  EXPECT_EQ(Text(qual.recomputed().min()), "16.00");
  EXPECT_EQ(Text(qual.recomputed().max()), "20.00");
  EXPECT_EQ(Text(qual.effective()), "20.00");
}

TEST_F(SeedTest, SatisfactionCompletionIsExactAndCapped) {
  const v1::ScoredIndicator& row = pp().indicators(7);
  EXPECT_EQ(row.completion().exact().num(), 10);
  EXPECT_EQ(row.completion().exact().den(), 9);
  EXPECT_EQ(row.completion().percent(), "111.11%");
  EXPECT_TRUE(row.completion().capped());
  EXPECT_TRUE(row.cap_applied());
  EXPECT_THAT(row.formula(), ::testing::HasSubstr("10 · min(100 / 90, 1)"));
}

TEST_F(SeedTest, ProjectFindingsAreExactlyTheReferenceOnes) {
  EXPECT_THAT(Rules(pp()), ElementsAre(RuleAndSeverity{"PF-SCORE-003", kInfo}, RuleAndSeverity{"PF-TAB-011", kInfo}));
}

TEST_F(SeedTest, WeightSchemeIsTheCostSeparateOne) {
  EXPECT_EQ(pp().scheme().standard_scheme(), "national");
  EXPECT_FALSE(pp().scheme().matches_standard());
  EXPECT_EQ(pp().scheme().matched_scheme(), "xinjiang_cost_separate");
  const findings::v1::Finding* f = FindRule(pp(), "PF-TAB-011");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(f->message_zh(), ::testing::HasSubstr("产出指标 40 / 成本指标 20 / 效益指标 20 / 满意度指标 10"));
}

TEST_F(SeedTest, SubtotalsPerLevel1) {
  ASSERT_EQ(pp().subtotals_size(), 4);
  EXPECT_EQ(pp().subtotals(0).level1(), "产出指标");
  EXPECT_EQ(Text(pp().subtotals(0).weight()), "40.00");
  EXPECT_EQ(Text(pp().subtotals(0).recomputed().max()), "40.00");
  EXPECT_EQ(pp().subtotals(2).category(), "效益");
  EXPECT_EQ(Text(pp().subtotals(2).recomputed().min()), "16.00");
}

TEST_F(SeedTest, NationalConfigSeesNoKnownAlternativeScheme) {
  auto config = Builtin("national");
  ASSERT_NE(config, nullptr);
  v1::ScoreReportResponse response = ScoreReportWith(SeedReport(), *config);
  EXPECT_EQ(response.tables(1).scheme().matched_scheme(), "");
  EXPECT_EQ(Text(response.tables(1).total().value()), "100.00");
}

}  // namespace
}  // namespace juesuan::scoring::testing

namespace juesuan::scoring::testing {
namespace {

TEST(SeedInputs, RowInputsCarryTheSeedLines) {
  v1::ScoreReportRequest request;
  *request.mutable_report() = SeedReport();
  auto response = Score(request);
  ASSERT_TRUE(response.ok());
  // PP row 8 (干部满意度, seed lines 348–353): target ≥90% on line 350, actual =100% on 351, weight 10 on 349.
  const v1::ScoredIndicator& row = response->tables(1).indicators(7);
  ASSERT_EQ(row.inputs_size(), 3);
  EXPECT_EQ(row.inputs(0).printed(), ">=90%");
  EXPECT_EQ(row.inputs(0).src().line(), 350u);
  EXPECT_EQ(row.inputs(0).value(), "90%");
  EXPECT_EQ(row.inputs(1).src().line(), 351u);
  EXPECT_EQ(row.inputs(2).src().line(), 349u);
  // PP execution: 年度资金总额 全年预算数 68.09 on line 193, 全年执行数 on 194.
  const v1::ExecutionScore& exec = response->tables(1).execution();
  EXPECT_EQ(exec.inputs(0).src().line(), 193u);
  EXPECT_EQ(exec.inputs(0).value(), "68.09万元");
  EXPECT_EQ(exec.inputs(1).src().line(), 194u);
}

}  // namespace
}  // namespace juesuan::scoring::testing
