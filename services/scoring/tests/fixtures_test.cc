// Scoring fixtures beyond the seed: one deviation at a time from a clean
// national-style project table, each with the precise findings it must give.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scoring/src/scoring.h"
#include "services/scoring/tests/table_builder.h"
#include "services/scoring/tests/test_util.h"

namespace juesuan::scoring::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A project table that follows the national scheme (10/50/30/10) and scores
// full marks everywhere: it must produce no finding.
TableSpec CleanProject() {
  TableSpec t;
  t.kind = rpt::PERFORMANCE_TABLE_KIND_PROJECT;
  t.section = "PP[0]";
  t.name = "社区服务能力提升项目";
  t.indicator_columns = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                         "分值", "得分", "偏差原因分析及改进措施"};
  t.funds = {{"年度资金总额", rpt::FUND_SOURCE_TOTAL, "100.00", "100.00", "100.00"}};
  t.execution = {"10", "100.00%", "10.00", "年度资金总额", rpt::FUND_SOURCE_TOTAL};
  t.indicators = {
      {"产出指标", "数量指标", "培训人次", "20", ">=100人次", "=100人次", "", "20"},
      {"产出指标", "质量指标", "培训合格率", "15", "=100%", "=100%", "", "15"},
      {"产出指标", "时效指标", "完成时间", "15", "2024年12月31日前", "2024年12月20日", "", "15"},
      {"效益指标", "社会效益指标", "社区服务水平", "30", "有效提升", "达到预期", "", "30"},
      {"满意度指标", "服务对象满意度指标", "群众满意度", "10", ">=90%", "=95%", "", "10"},
  };
  t.has_total_row = true;
  t.total_weight = "100";
  t.total_score = "100.00";
  return t;
}

v1::TableScore ScoreSpec(const TableSpec& spec, const std::string& config = "national") {
  auto compiled = Builtin(config);
  EXPECT_NE(compiled, nullptr);
  return ScoreTable(BuildTable(spec), *compiled, 0, spec.section);
}

TEST(CleanTable, NoFindingsAndFullMarks) {
  v1::TableScore score = ScoreSpec(CleanProject());
  EXPECT_THAT(Rules(score), IsEmpty());
  EXPECT_EQ(Text(score.total().value()), "100.00");
  EXPECT_EQ(score.total().grade(), "优");
  EXPECT_TRUE(score.scheme().matches_standard());
  EXPECT_EQ(score.indicators(4).indicator_class(), v1::INDICATOR_CLASS_SATISFACTION);
}

TEST(ProportionalUnderCompletion, ScoredInProportion) {
  TableSpec t = CleanProject();
  t.indicators[0].actual = "=80人次";
  t.indicators[0].score = "16";
  t.indicators[0].deviation = "部分学员因工作冲突未能参加，下年度分批组织";
  t.total_score = "96.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_EQ(Text(score.indicators(0).recomputed().min()), "16.00");
  EXPECT_EQ(score.indicators(0).completion().percent(), "80.00%");
  EXPECT_EQ(score.indicators(0).completion().exact().num(), 4);
  EXPECT_EQ(score.indicators(0).completion().exact().den(), 5);
  EXPECT_THAT(Rules(score), IsEmpty());
  EXPECT_EQ(Text(score.total().value()), "96.00");
}

TEST(ProportionalUnderCompletion, FullMarksDespiteShortfallIsOverstated) {
  TableSpec t = CleanProject();
  t.indicators[0].actual = "=80人次";  // score left at 20, no deviation text
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-001", kError},
                                        RuleAndSeverity{"PF-SCORE-005", kWarning},
                                        RuleAndSeverity{"PF-TAB-008", kWarning}));
  const findings::v1::Finding* f = FindRule(score, "PF-SCORE-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->expected(), "16.00");
  EXPECT_EQ(f->residue(), "4");
  EXPECT_EQ(f->operands(0).printed(), "20");
}

TEST(ProportionalUnderCompletion, UnderstatedScoreIsAWarning) {
  TableSpec t = CleanProject();
  t.indicators[1].score = "14";
  t.indicators[1].deviation = "个别学员补考";
  t.total_score = "99.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-001", kWarning},
                                        RuleAndSeverity{"PF-SCORE-005", kWarning}));
}

TEST(NegativeIndicator, OverTargetScoresTargetOverActual) {
  TableSpec t = CleanProject();
  t.indicators[1] = {"产出指标", "质量指标", "培训差错率", "15", "<=2%", "=2.5%", "", "12", "",
                     "差错率偏高，已加强审核"};
  t.total_score = "97.00";
  v1::TableScore score = ScoreSpec(t);
  const v1::ScoredIndicator& row = score.indicators(1);
  EXPECT_EQ(row.indicator_class(), v1::INDICATOR_CLASS_NEGATIVE);
  EXPECT_EQ(row.completion().exact().num(), 4);
  EXPECT_EQ(row.completion().exact().den(), 5);
  EXPECT_EQ(Text(row.recomputed().min()), "12.00");
  EXPECT_THAT(Rules(score), IsEmpty());
}

TEST(NegativeIndicator, CompletionPrintedAsActualOverTargetIsFlagged) {
  TableSpec t = CleanProject();
  t.indicators[1] = {"产出指标", "质量指标", "培训差错率", "15", "<=2%", "=2.5%", "125%", "12", "",
                     "差错率偏高，已加强审核"};
  t.total_score = "97.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-003", kInfo},
                                        RuleAndSeverity{"PF-TAB-005", kWarning}));
}

TEST(NegativeIndicator, ZeroActualIsFullMarks) {
  TableSpec t = CleanProject();
  t.indicators[1] = {"产出指标", "质量指标", "安全事故数", "15", "<=2起", "=0起", "", "15"};
  v1::TableScore score = ScoreSpec(t);
  EXPECT_EQ(Text(score.indicators(1).recomputed().min()), "15.00");
  EXPECT_THAT(Rules(score), IsEmpty());
}

TEST(ZeroTarget, MetOnlyByZero) {
  TableSpec t = CleanProject();
  t.indicators[1] = {"产出指标", "质量指标", "安全事故数", "15", "=0起", "=1起", "", "0", "", "发生一起轻微事故"};
  t.total_score = "85.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_TRUE(score.indicators(1).zero_target());
  EXPECT_EQ(Text(score.indicators(1).recomputed().min()), "0.00");
  EXPECT_THAT(Rules(score), IsEmpty());
}

struct BandCase {
  std::string name;
  std::string actual;
  std::string score;
  std::string band;
  std::string min, max;
};

class QualitativeBands : public ::testing::TestWithParam<BandCase> {};

TEST_P(QualitativeBands, ScoreInsideTheBandPasses) {
  const BandCase& c = GetParam();
  TableSpec t = CleanProject();
  t.indicators[3].actual = c.actual;
  t.indicators[3].score = c.score;
  t.indicators[3].deviation = "宣传覆盖面不足";
  t.total_score = Text((Rational::Of(70) + Rational::FromDecimal(std::stoll(c.score), 0)).ToDecimal(2));
  v1::TableScore score = ScoreSpec(t);
  const v1::ScoredIndicator& row = score.indicators(3);
  EXPECT_EQ(row.indicator_class(), v1::INDICATOR_CLASS_QUALITATIVE);
  EXPECT_EQ(row.band(), c.band);
  EXPECT_EQ(Text(row.recomputed().min()), c.min);
  EXPECT_EQ(Text(row.recomputed().max()), c.max);
  EXPECT_TRUE(row.effective_determined());
  EXPECT_THAT(Rules(score), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Bands, QualitativeBands,
                         ::testing::Values(BandCase{"Achieved", "达到预期", "27", "达成", "24.00", "30.00"},
                                           BandCase{"PartlyAchieved", "部分达成，具有一定效果", "20", "部分达成",
                                                    "18.00", "24.00"},
                                           BandCase{"NotAchieved", "未达成，效果较差", "10", "未达成", "0.00",
                                                    "18.00"}),
                         [](const ::testing::TestParamInfo<BandCase>& info) { return info.param.name; });

TEST(QualitativeBandsOutside, FullMarksNeedAnAchievedActual) {
  TableSpec t = CleanProject();
  t.indicators[3].actual = "部分完成";  // printed 30 = full marks
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-002", kWarning},
                                        RuleAndSeverity{"PF-SCORE-005", kWarning}));
  EXPECT_FALSE(score.total().determined());
  EXPECT_EQ(Text(score.total().range().max()), "94.00");
}

TEST(QualitativeBandsOutside, UpperBoundOfALowerBandIsExclusive) {
  TableSpec t = CleanProject();
  t.indicators[3].actual = "部分达成";
  t.indicators[3].score = "24";
  t.indicators[3].deviation = "覆盖面不足";
  t.total_score = "94.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-002", kWarning}));
}

TEST(QualitativeBandsOutside, UnknownTextIsACoverageNote) {
  TableSpec t = CleanProject();
  t.indicators[3].actual = "详见附件";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-002", kInfo}));
  EXPECT_FALSE(score.indicators(3).scorable());
  EXPECT_EQ(Text(score.total().range().min()), "70.00");
}

TEST(Deadline, MissedDeadlineScoresZero) {
  TableSpec t = CleanProject();
  t.indicators[2].actual = "2025年1月15日";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_EQ(score.indicators(2).indicator_class(), v1::INDICATOR_CLASS_DEADLINE);
  EXPECT_EQ(Text(score.indicators(2).recomputed().min()), "0.00");
  // 100 printed vs 85 recomputed: the grade falls from 优 to 良.
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-001", kError},
                                        RuleAndSeverity{"PF-SCORE-005", kError},
                                        RuleAndSeverity{"PF-TAB-008", kWarning}));
  EXPECT_EQ(score.total().grade(), "良");
}

TEST(Deadline, ProportionalLateRuleIsConfigurable) {
  auto base = Builtin("national");
  ASSERT_NE(base, nullptr);
  v1::ScoringConfig config = base->proto;
  config.mutable_deadline()->set_late(v1::LATE_DEADLINE_RULE_PROPORTIONAL_BY_DAYS);
  config.mutable_deadline()->set_late_days_to_zero(30);
  auto compiled = CompileConfig(config);
  ASSERT_TRUE(compiled.ok()) << compiled.status();
  TableSpec t = CleanProject();
  t.indicators[2].actual = "2025年1月15日";  // 15 days late
  t.indicators[2].score = "7.5";
  t.indicators[2].deviation = "设备到货延迟";
  t.total_score = "92.50";
  v1::TableScore score = ScoreTable(BuildTable(t), **compiled, 0, "PP[0]");
  EXPECT_EQ(Text(score.indicators(2).recomputed().min()), "7.50");
  EXPECT_THAT(Rules(score), IsEmpty());
}

TEST(OverAchievement, CompletionAbove100IsCapped) {
  TableSpec t = CleanProject();
  t.indicators[0].actual = "=150人次";
  t.indicators[0].completion = "150%";
  v1::TableScore score = ScoreSpec(t);
  const v1::ScoredIndicator& row = score.indicators(0);
  EXPECT_TRUE(row.cap_applied());
  EXPECT_EQ(row.completion().percent(), "150.00%");
  EXPECT_EQ(Text(row.recomputed().min()), "20.00");
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-003", kInfo},
                                        RuleAndSeverity{"PF-SCORE-006", kInfo}));
}

TEST(OverAchievement, UncappedScoreIsAnError) {
  TableSpec t = CleanProject();
  t.indicators[0].actual = "=150人次";
  t.indicators[0].score = "30";
  t.indicators[0].deviation = "需求超出预期";
  t.total_score = "110.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-003", kError},
                                        RuleAndSeverity{"PF-SCORE-005", kWarning}));
}

TEST(Weights, NotSummingTo100) {
  TableSpec t = CleanProject();
  t.indicators[0].weight = "25";
  t.indicators[0].score = "25";
  t.total_score = "105.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-001", kError}, RuleAndSeverity{"PF-TAB-011", kInfo}));
  const findings::v1::Finding* f = FindRule(score, "PF-TAB-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->residue(), "5");
  EXPECT_EQ(f->operands_size(), 7);  // execution, five rows, total weight
}

TEST(Weights, PrintedScoreAboveWeight) {
  TableSpec t = CleanProject();
  t.indicators[4].score = "12";
  t.total_score = "102.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-005", kWarning},
                                        RuleAndSeverity{"PF-TAB-004", kError}));
}

TEST(Weights, PrintedTotalDisagreesWithRowScores) {
  TableSpec t = CleanProject();
  t.total_score = "98.00";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-005", kWarning},
                                        RuleAndSeverity{"PF-TAB-002", kError}));
}

TEST(Grades, PrintedGradeIsChecked) {
  TableSpec t = CleanProject();
  t.grade = "良";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-008", kError},
                                        RuleAndSeverity{"PF-TAB-012", kError}));
  t.grade = "优秀";
  EXPECT_THAT(Rules(ScoreSpec(t)), IsEmpty());
}

TEST(Grades, ShanghaiNames) {
  TableSpec t = CleanProject();
  t.indicators[2].actual = "2025年3月1日";
  t.indicators[2].score = "0";
  t.indicators[2].deviation = "延期";
  t.indicators[3].score = "24";
  t.indicators[4].actual = "=60%";
  t.indicators[4].score = "6.67";
  t.total_score = "75.67";
  v1::TableScore score = ScoreSpec(t, "shanghai");
  EXPECT_EQ(Text(score.total().value()), "75.67");
  EXPECT_EQ(score.total().grade(), "合格");
}

TEST(SichuanForm, BlankScoresAreComputedAndReported) {
  TableSpec t = CleanProject();
  t.funds = {{"财政资金", rpt::FUND_SOURCE_CURRENT_FISCAL, "80.00", "80.00", "76.00"},
             {"其他资金", rpt::FUND_SOURCE_OTHER, "20.00", "20.00", "20.00"}};
  t.execution = {"10", "96.00%", "", "", rpt::FUND_SOURCE_UNSPECIFIED};
  for (IndicatorSpec& row : t.indicators) row.score = "";
  t.has_total_row = false;
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-001", kInfo},
                                        RuleAndSeverity{"PF-SCORE-004", kInfo},
                                        RuleAndSeverity{"PF-TAB-002", kInfo}));
  // 96 / 100 → 9.60; the qualitative row stays a band [24, 30].
  EXPECT_EQ(Text(score.execution().recomputed().min()), "9.60");
  EXPECT_EQ(Text(score.indicators(0).recomputed().min()), "20.00");
  EXPECT_FALSE(score.total().determined());
  EXPECT_EQ(Text(score.total().range().min()), "93.60");
  EXPECT_EQ(Text(score.total().range().max()), "99.60");
  EXPECT_EQ(score.total().grade(), "优");
  const findings::v1::Finding* blank = FindRule(score, "PF-SCORE-001");
  ASSERT_NE(blank, nullptr);
  EXPECT_EQ(blank->operands_size(), 5);
  EXPECT_THAT(blank->message_zh(), HasSubstr("社区服务水平=[24.00, 30.00]"));
}

TEST(Structure, NoSatisfactionIndicator) {
  TableSpec t = CleanProject();
  t.indicators.pop_back();
  t.indicators[3].weight = "40";
  t.indicators[3].score = "40";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-010", kWarning}, RuleAndSeverity{"PF-TAB-011", kInfo}));
  EXPECT_THAT(FindRule(score, "PF-TAB-010")->message_zh(), HasSubstr("缺少满意度指标"));
}

TEST(Execution, ZeroBudgetIsUndefinedNotADivision) {
  TableSpec t = CleanProject();
  t.funds = {{"年度资金总额", rpt::FUND_SOURCE_TOTAL, "0.00", "0.00", "0.00"}};
  v1::TableScore score = ScoreSpec(t);
  EXPECT_FALSE(score.execution().rate_defined());
  EXPECT_FALSE(score.execution().scorable());
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-003", kInfo}));
  // Execution anywhere in [0, 10], the qualitative row in [24, 30].
  EXPECT_EQ(Text(score.total().range().min()), "84.00");
  EXPECT_EQ(Text(score.total().range().max()), "100.00");
}

TEST(Execution, SpendingWithZeroBudget) {
  TableSpec t = CleanProject();
  t.funds = {{"年度资金总额", rpt::FUND_SOURCE_TOTAL, "0.00", "0.00", "5.00"}};
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-003", kInfo}, RuleAndSeverity{"PF-TAB-007", kWarning}));
}

TEST(Execution, UnderExecutionAndMisprintedRate) {
  TableSpec t = CleanProject();
  t.funds = {{"年度资金总额", rpt::FUND_SOURCE_TOTAL, "90.00", "100.00", "76.00"}};
  t.execution = {"10", "80.00%", "10", "年度资金总额", rpt::FUND_SOURCE_TOTAL};
  v1::TableScore score = ScoreSpec(t);
  EXPECT_EQ(Text(score.execution().recomputed().min()), "7.60");
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-004", kError},
                                        RuleAndSeverity{"PF-SCORE-005", kWarning},
                                        RuleAndSeverity{"PF-TAB-003", kError},
                                        RuleAndSeverity{"PF-TAB-007", kInfo}));
}

TEST(Execution, BandedRuleIsConfigurable) {
  auto base = Builtin("national");
  ASSERT_NE(base, nullptr);
  v1::ScoringConfig config = base->proto;
  config.mutable_execution_rate()->set_mode(v1::EXECUTION_RATE_MODE_BANDED);
  auto* band = config.mutable_execution_rate()->add_bands();
  band->set_min_rate("0.9");
  band->set_fraction("1");
  config.mutable_execution_rate()->set_proportional_below_bands(true);
  auto compiled = CompileConfig(config);
  ASSERT_TRUE(compiled.ok()) << compiled.status();
  TableSpec t = CleanProject();
  t.funds = {{"年度资金总额", rpt::FUND_SOURCE_TOTAL, "100.00", "100.00", "92.00"}};
  t.execution = {"10", "92.00%", "10", "年度资金总额", rpt::FUND_SOURCE_TOTAL};
  v1::TableScore score = ScoreTable(BuildTable(t), **compiled, 0, "PP[0]");
  EXPECT_EQ(Text(score.execution().recomputed().min()), "10.00");
  EXPECT_THAT(Rules(score), IsEmpty());
}

TEST(BadInput, MissingWeightAndActualColumns) {
  TableSpec t = CleanProject();
  t.indicator_columns = {"一级指标", "二级指标", "三级指标", "年度指标值", "得分"};
  for (IndicatorSpec& row : t.indicators) {
    row.weight = "";
    row.actual = "";
  }
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-001", kError}));
  EXPECT_FALSE(score.total().has_range());
  EXPECT_EQ(score.total().grade(), "");
}

TEST(BadInput, MissingActualColumn) {
  TableSpec t = CleanProject();
  for (IndicatorSpec& row : t.indicators) row.actual = "";
  v1::TableScore score = ScoreSpec(t);
  // The qualitative row cannot be placed in a band; the others cannot be recomputed.
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-001", kInfo}, RuleAndSeverity{"PF-SCORE-002", kInfo}));
  EXPECT_THAT(FindRule(score, "PF-SCORE-001")->message_en(), HasSubstr("actual value not printed"));
}

TEST(BadInput, NonNumericWeights) {
  TableSpec t = CleanProject();
  t.indicators[0].weight = "二十";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-001", kError}));
  EXPECT_THAT(FindRule(score, "PF-TAB-001")->message_zh(), HasSubstr("「二十」"));
  EXPECT_EQ(score.indicators(0).unscorable_reason(), "weight is not a number");
}

TEST(BadInput, EmptyTableDoesNotCrash) {
  rpt::PerformanceTable empty;
  empty.set_kind(rpt::PERFORMANCE_TABLE_KIND_PROJECT);
  auto config = Builtin("national");
  v1::TableScore score = ScoreTable(empty, *config, 0, "PP[0]");
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-001", kError}, RuleAndSeverity{"PF-TAB-002", kInfo},
                                        RuleAndSeverity{"PF-TAB-010", kWarning}));
}

TEST(BadInput, HugeNumbersAreUnscorableNotOverflowing) {
  TableSpec t = CleanProject();
  rpt::PerformanceTable table = BuildTable(t);
  rpt::Indicator* row = table.mutable_indicators(0);
  row->mutable_target()->mutable_number()->set_digits(999999999999999989LL);
  row->mutable_target()->mutable_number()->set_scale(18);
  row->mutable_actual()->mutable_number()->set_digits(999999999999999877LL);
  row->mutable_actual()->mutable_number()->set_scale(0);
  row->mutable_weight()->mutable_value()->set_digits(999999999999999967LL);
  auto config = Builtin("national");
  v1::TableScore score = ScoreTable(table, *config, 0, "PP[0]");
  EXPECT_FALSE(score.indicators(0).scorable());
  EXPECT_EQ(score.indicators(0).unscorable_reason(), "numbers too large for exact arithmetic");
}

TEST(Polarity, PolarityColumnDecidesTheClass) {
  TableSpec t = CleanProject();
  t.indicators[1] = {"产出指标", "质量指标", "平均办理时长", "15", "5天", "=4天", "", "15", "", "", "反向"};
  v1::TableScore score = ScoreSpec(t);
  EXPECT_EQ(score.indicators(1).indicator_class(), v1::INDICATOR_CLASS_NEGATIVE);
  EXPECT_THAT(score.indicators(1).class_basis(), HasSubstr("指标性质「反向」"));
  EXPECT_EQ(Text(score.indicators(1).recomputed().min()), "15.00");
}

TEST(ScoreRequest, ErrorsAreStatuses) {
  v1::ScoreReportRequest request;
  request.set_config_name("atlantis");
  EXPECT_EQ(Score(request).status().code(), absl::StatusCode::kNotFound);
  v1::ScoreReportRequest inline_request;
  inline_request.mutable_inline_config()->set_score_quantum("0.03");
  EXPECT_EQ(Score(inline_request).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace juesuan::scoring::testing

namespace juesuan::scoring::testing {
namespace {

TEST(ShortfallText, FullMarksWhileTheDeviationAdmitsAShortfall) {
  TableSpec t = CleanProject();
  t.indicators[0].deviation = "培训计划部分完成，下年补齐";
  v1::TableScore score = ScoreSpec(t);
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-007", kWarning}));
}

TEST(ShortfallText, FullTotalWhileTheGoalTextAdmitsAShortfall) {
  rpt::PerformanceTable table = BuildTable(CleanProject());
  table.mutable_goal_actual()->set_text("截至年底，设备采购工作尚未完成。");
  auto config = Builtin("national");
  v1::TableScore score = ScoreTable(table, *config, 0, "PP[0]");
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-SCORE-007", kWarning}));
}

TEST(ShortfallText, SeedGoalTextWordingIsNotAShortfall) {
  // "对部分参加考试人员进行培训" (seed line 128) mentions 部分 but admits nothing.
  rpt::PerformanceTable table = BuildTable(CleanProject());
  table.mutable_goal_actual()->set_text("对部分参加考试人员进行培训，进一步加强社会工作专业人才激励保障");
  auto config = Builtin("national");
  EXPECT_THAT(Rules(ScoreTable(table, *config, 0, "PP[0]")), IsEmpty());
}

}  // namespace
}  // namespace juesuan::scoring::testing

namespace juesuan::scoring::testing {
namespace {

TEST(ScoreRequest, InlineConfigIsUsed) {
  v1::ScoreReportRequest request;
  *request.mutable_report()->add_performance_tables() = BuildTable(CleanProject());
  v1::ScoringConfig config = Builtin("national")->proto;
  config.set_name("inline-test");
  config.mutable_grades()->mutable_bands(0)->set_min_score("100.01");  // nothing reaches 优
  *request.mutable_inline_config() = config;
  auto response = Score(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->config_name(), "inline-test");
  ASSERT_EQ(response->tables_size(), 1);
  EXPECT_EQ(response->tables(0).section_key(), "PP[0]");
  EXPECT_EQ(response->tables(0).total().grade(), "良");
}

}  // namespace
}  // namespace juesuan::scoring::testing

namespace juesuan::scoring::testing {
namespace {

TEST(Execution, FundsBlockWithoutWeightIsCheckedNotScored) {
  TableSpec t = CleanProject();
  t.execution = {"", "100.00%", "", "年度资金总额", rpt::FUND_SOURCE_TOTAL};
  t.indicators[0].weight = "30";
  t.indicators[0].score = "30";
  t.indicators[0].target = ">=100人次";
  t.indicators[3].weight = "30";
  v1::TableScore score = ScoreSpec(t);
  // 30 + 15 + 15 + 30 + 10 = 100 without the funds block; 产出 60 ≠ 50 → PF-TAB-011.
  EXPECT_THAT(Rules(score), ElementsAre(RuleAndSeverity{"PF-TAB-011", kInfo}));
  EXPECT_TRUE(score.execution().rate_defined());
  EXPECT_EQ(Text(score.total().value()), "100.00");
}

}  // namespace
}  // namespace juesuan::scoring::testing
