// The grid reader on forms other than the seed's: other column orders, the
// Sichuan form with blank 完成值/得分, unknown columns, DOCX-style grids.
#include "services/parse/perf/performance_table_reader.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/perf/tests/test_support.h"
#include "services/parse/perf/word_text_grid.h"

namespace juesuan::parse {
namespace {

namespace v1 = report::v1;
using testing_support::ExpectBlankDecimal;
using testing_support::ExpectDecimal;
using testing_support::ExpectValue;
using testing_support::Value;
using testing_support::WordExport;

constexpr auto Q = v1::INDICATOR_VALUE_KIND_QUANTITATIVE;

// Reads a Word-export table built from `rows`.
class ReaderFixture : public ::testing::Test {
 protected:
  absl::StatusOr<v1::PerformanceTable> Read(const std::vector<std::vector<std::string>>& rows,
                                            std::string_view key = "PP[0]") {
    doc_ = std::make_unique<SourceDocument>(WordExport(rows));
    const Grid grid = BuildWordTextGrid(*doc_, 1, static_cast<uint32_t>(doc_->lines().size()));
    Diagnostics diagnostics(&report_);
    return ReadPerformanceTable(grid, *doc_, key, diagnostics);
  }

  std::vector<const v1::Diagnostic*> DiagnosticsWithCode(std::string_view code) const {
    std::vector<const v1::Diagnostic*> found;
    for (const auto& d : report_.diagnostics()) {
      if (d.code() == code) found.push_back(&d);
    }
    return found;
  }

  bool SomeDiagnosticMentions(std::string_view code, std::string_view text) const {
    for (const auto* d : DiagnosticsWithCode(code)) {
      if (d->message().find(text) != std::string::npos) return true;
    }
    return false;
  }

  std::unique_ptr<SourceDocument> doc_;
  v1::Report report_;
};

// Two seed indicators (rows 1 and 5 of PP) printed in another column order.
void ExpectSeedLikeIndicators(const v1::PerformanceTable& table) {
  ASSERT_EQ(table.indicators_size(), 2);
  const v1::Indicator& count = table.indicators(0);
  EXPECT_EQ(count.level1(), "产出指标");
  EXPECT_EQ(count.level2(), "数量指标");
  EXPECT_EQ(count.level3(), "办公设备购置批数");
  ExpectValue(count.target(), {">=2批", Q, v1::INDICATOR_OP_GE, 2, 0, "批"});
  ExpectValue(count.actual(), {"=2批", Q, v1::INDICATOR_OP_EQ, 2, 0, "批"});
  ExpectDecimal(count.weight(), 10, 0, "10");
  ExpectDecimal(count.score(), 10, 0, "10");
  const v1::Indicator& cost = table.indicators(1);
  EXPECT_EQ(cost.level1(), "成本指标");
  EXPECT_EQ(cost.level2(), "经济成本指标");
  EXPECT_FALSE(cost.level1_forward_filled());
  ExpectValue(cost.target(), {"<=38.79万元", Q, v1::INDICATOR_OP_LE, 3879, 2, "万元"});
  ExpectValue(cost.actual(), {"=38.79万元", Q, v1::INDICATOR_OP_EQ, 3879, 2, "万元"});
  ExpectDecimal(cost.weight(), 20, 0, "20");
  ExpectDecimal(cost.score(), 1950, 2, "19.50");
}

// 阜康市 2023 order: 指标值 | 指标值设置依据 | 上年完成值 | 指标分值权重 | 指标赋分规则 |
// 佐证资料 | 指标实际完成值 | 完成率 | 指标得分 | 偏差原因分析及改进措施.
TEST_F(ReaderFixture, FukangColumnOrderMapsTheSameFields) {
  auto table = Read({
      {"项目支出绩效自评表"},
      {"（2023年度）"},
      {"项目名称", "办公设备购置项目"},
      {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
      {"", "年度资金总额", "5.28", "1.96", "1.96", "10", "100.00%", "10.00"},
      {"", "其中：当年财政拨款", "5.28", "1.96", "1.96", "—", "—", "—"},
      {"", "上年结转资金", "—", "", "", "—", "—", "—"},
      {"", "其他资金", "0.00", "0.00", "0.00", "—", "—", "—"},
      {"", "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值",
       "指标分值权重", "指标赋分规则", "佐证资料", "指标实际完成值", "完成率", "指标得分",
       "偏差原因分析及改进措施"},
      {"年度绩效指标完成情况", "产出指标", "数量指标", "办公设备购置批数", ">=2批", "计划标准", "/",
       "10", "按照完成比例赋分", "工作资料", "=2批", "100%", "10", ""},
      {"", "成本指标", "经济成本指标", "办公设备购置", "<=38.79万元", "计划标准", "/", "20",
       "按照完成比例赋分", "原始凭证", "=38.79万元", "100%", "19.50", "采购价格低于预算"},
      {"总分", "", "", "", "30", "", "", "", "", "29.50分", ""},
  });
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->kind(), v1::PERFORMANCE_TABLE_KIND_PROJECT);
  EXPECT_EQ(table->year(), 2023);
  ExpectSeedLikeIndicators(*table);
  const v1::Indicator& cost = table->indicators(1);
  EXPECT_EQ(cost.basis(), "计划标准");
  EXPECT_EQ(cost.last_year(), "/");
  EXPECT_EQ(cost.scoring_rule(), "按照完成比例赋分");
  EXPECT_EQ(cost.evidence(), "原始凭证");
  EXPECT_EQ(cost.deviation(), "采购价格低于预算");
  EXPECT_EQ(cost.completion().value().digits(), 100);
  EXPECT_EQ(cost.completion().src().raw_text(), "100%");

  // Funds: 执行率 is against 全年预算数; a blank 上年结转资金 row stays blank.
  ASSERT_EQ(table->funds_size(), 4);
  EXPECT_EQ(table->funds(0).initial().fen(), 5280000);
  EXPECT_EQ(table->funds(0).annual().fen(), 1960000);
  EXPECT_EQ(table->funds(2).source(), v1::FUND_SOURCE_CARRIED_OVER);
  // Blank and "—" both print no value; the cited text tells them apart.
  EXPECT_TRUE(table->funds(2).initial().blank());
  EXPECT_EQ(table->funds(2).initial().src().raw_text(), "—");
  EXPECT_TRUE(table->funds(2).annual().blank());
  EXPECT_EQ(table->funds(2).annual().src().raw_text(), "");
  EXPECT_FALSE(table->funds(3).initial().blank());
  EXPECT_EQ(table->funds(3).initial().fen(), 0);
  EXPECT_EQ(table->execution().printed_on_source(), v1::FUND_SOURCE_TOTAL);

  // The 总分 row's label spans the level columns; the values still land in
  // the weight and score columns (by header, wherever they are).
  ASSERT_TRUE(table->has_total_row());
  ExpectDecimal(table->total_weight(), 30, 0, "30");
  ExpectDecimal(table->total_score(), 2950, 2, "29.50分");
  EXPECT_TRUE(report_.diagnostics().empty()) << report_.diagnostics(0).message();
}

// National (池州) form: 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
TEST_F(ReaderFixture, NationalColumnOrderMapsTheSameFields) {
  auto table = Read({
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
       "偏差原因分析及改进措施"},
      {"产出指标", "数量指标", "办公设备购置批数", ">=2批", "=2批", "10", "10", ""},
      {"成本指标", "经济成本指标", "办公设备购置", "<=38.79万元", "=38.79万元", "20", "19.50", ""},
  });
  ASSERT_TRUE(table.ok()) << table.status();
  ExpectSeedLikeIndicators(*table);
  EXPECT_EQ(table->funds_size(), 0);
  EXPECT_TRUE(report_.diagnostics().empty());
}

// corpus/038 (四川 青神县, 2023) in the Word-export shape: a separate
// 预算执行情况 block, 指标性质 and 度量单位 columns, and the 完成值 and 得分
// cells left empty.
TEST_F(ReaderFixture, SichuanFormWithBlankActualsAndScores) {
  auto table = Read({
      {"部门预算项目支出绩效自评表(2023年度)"},
      {"项目名称", "51000021R000000019951-工资性支出"},
      {"主管部门", "青神县发展和改革局本级", "实施单位 (盖章)", "青神县发展和改革局"},
      {"项目基本情况", "1.项目年度目标完成情况"},
      {"项目年度目标", "年度目标完成情况"},
      {"严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,"
       "减少结余资金。",
       "对照年度目标,说明相关任务目标的完成情况(100字以内)"},
      {"预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数",
       "预算执行率", "权重", "得分", "原因"},
      {"", "总额", "238.93", "251.89", "251.89", "100.00%", "10", "",
       "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)"},
      {"", "其中:财政资金", "238.93", "251.89", "251.89", "100.00%", "/", "/", ""},
      {"", "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/", ""},
      {"", "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/", ""},
      {"", "其他资金", "", "", "", "", "/", "/", ""},
      {"绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
       "完成值", "权重", "得分", "未完成原因分析"},
      {"", "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", "", "60", "", ""},
      {"", "效益指标", "社会效益指标", "足额保障率(参保率)", "=", "100", "%", "", "30", "", ""},
      {"合计", "100", "", ""},
      {"评价结论", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)"},
  });
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->kind(), v1::PERFORMANCE_TABLE_KIND_PROJECT);
  EXPECT_EQ(table->year(), 2023);
  EXPECT_EQ(table->project_name().text(), "51000021R000000019951-工资性支出");
  EXPECT_EQ(table->department().text(), "青神县发展和改革局本级");
  EXPECT_EQ(table->implementer().text(), "青神县发展和改革局");
  EXPECT_EQ(table->goal_expected().text().rfind("严格执行相关政策", 0), 0u);
  EXPECT_EQ(table->goal_actual().text().rfind("对照年度目标", 0), 0u);

  ASSERT_EQ(table->funds_size(), 5);
  const v1::FundSource sources[] = {v1::FUND_SOURCE_TOTAL, v1::FUND_SOURCE_CURRENT_FISCAL,
                                    v1::FUND_SOURCE_SPECIAL_ACCOUNT, v1::FUND_SOURCE_UNIT,
                                    v1::FUND_SOURCE_OTHER};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(table->funds(i).source(), sources[i]) << i;
  EXPECT_EQ(table->funds(0).initial().fen(), 238930000);
  EXPECT_EQ(table->funds(0).annual().fen(), 251890000);
  EXPECT_EQ(table->funds(0).executed().fen(), 251890000);
  EXPECT_TRUE(table->funds(4).annual().blank());

  // The block prints weight 10 and rate 100.00% on 总额 and leaves 得分 empty.
  const v1::ExecutionBlock& exec = table->execution();
  EXPECT_EQ(exec.printed_on_row(), "总额");
  ExpectDecimal(exec.weight(), 10, 0, "10");
  EXPECT_EQ(exec.rate().value().digits(), 10000);
  ExpectBlankDecimal(exec.score(), "");

  ASSERT_EQ(table->indicators_size(), 2);
  const v1::Indicator& coverage = table->indicators(0);
  EXPECT_EQ(coverage.level3(), "发放(缴纳)覆盖率");
  EXPECT_EQ(coverage.polarity(), "=");
  EXPECT_EQ(coverage.measure_unit(), "%");
  // 指标值 "100" takes its operator and unit from 指标性质 and 度量单位.
  ExpectValue(coverage.target(), {"100", Q, v1::INDICATOR_OP_EQ, 100, 0, "%"});
  ExpectValue(coverage.actual(),
              {"", v1::INDICATOR_VALUE_KIND_BLANK, v1::INDICATOR_OP_UNSPECIFIED, 0, 0, ""});
  ExpectDecimal(coverage.weight(), 60, 0, "60");
  ExpectBlankDecimal(coverage.score(), "");
  EXPECT_FALSE(coverage.has_completion());
  ExpectDecimal(table->indicators(1).weight(), 30, 0, "30");
  ExpectBlankDecimal(table->indicators(1).score(), "");

  ASSERT_TRUE(table->has_total_row());
  ExpectDecimal(table->total_weight(), 100, 0, "100");
  ExpectBlankDecimal(table->total_score(), "");

  // Nothing is dropped: the per-row rates, the note, and the rows the
  // table has no field for are reported with their text.
  EXPECT_TRUE(SomeDiagnosticMentions("PERF_UNPLACED_CELL", "0.00%"));
  EXPECT_TRUE(SomeDiagnosticMentions("PERF_UNPLACED_CELL", "1.预算执行率=预算执行数"));
  EXPECT_TRUE(SomeDiagnosticMentions("PERF_UNPLACED_ROW", "项目基本情况"));
  EXPECT_TRUE(SomeDiagnosticMentions("PERF_UNPLACED_ROW", "评价结论"));
  EXPECT_TRUE(DiagnosticsWithCode("PERF_UNKNOWN_COLUMN").empty());
}

TEST_F(ReaderFixture, UnknownColumnIsReportedAndItsCellsKept) {
  auto table = Read({
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
       "是否核心指标"},
      {"产出指标", "数量指标", "办公设备购置批数", ">=2批", "=2批", "10", "10", "是"},
  });
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->indicators_size(), 1);
  ExpectValue(table->indicators(0).target(), {">=2批", Q, v1::INDICATOR_OP_GE, 2, 0, "批"});
  const auto unknown = DiagnosticsWithCode("PERF_UNKNOWN_COLUMN");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0]->message().find("是否核心指标"), std::string::npos);
  EXPECT_EQ(unknown[0]->severity(), v1::DIAGNOSTIC_SEVERITY_WARNING);
  EXPECT_EQ(unknown[0]->src().raw_text(), "是否核心指标");
  EXPECT_EQ(unknown[0]->src().line(), 8u);
  // The unknown column's value is reported, not silently dropped.
  const auto cells = DiagnosticsWithCode("PERF_UNPLACED_CELL");
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0]->src().raw_text(), "是");
  EXPECT_EQ(table->indicator_columns_size(), 8);
}

TEST_F(ReaderFixture, RepeatedColumnMeaningIsReported) {
  auto table = Read({
      {"一级指标", "二级指标", "三级指标", "指标值", "目标值", "实际完成值", "分值", "得分"},
      {"产出指标", "数量指标", "批数", ">=2批", ">=3批", "=2批", "10", "10"},
  });
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->indicators(0).target().raw(), ">=2批");
  EXPECT_EQ(DiagnosticsWithCode("PERF_DUPLICATE_COLUMN").size(), 1u);
  EXPECT_TRUE(SomeDiagnosticMentions("PERF_UNPLACED_CELL", ">=3批"));
}

TEST_F(ReaderFixture, Level2IsNotCarriedIntoANewLevel1Block) {
  auto table = Read({
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
      {"产出指标", "数量指标", "批数", ">=2批", "=2批", "10", "10"},
      {"效益指标", "", "运转", "保障", "达到预期指标", "20", "20"},
  });
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->indicators_size(), 2);
  EXPECT_EQ(table->indicators(1).level1(), "效益指标");
  EXPECT_EQ(table->indicators(1).level2(), "");
  EXPECT_FALSE(table->indicators(1).level2_forward_filled());
  EXPECT_EQ(DiagnosticsWithCode("PERF_MISSING_LEVEL").size(), 1u);
}

TEST_F(ReaderFixture, GradeCellIsRead) {
  auto table = Read({
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
      {"产出指标", "数量指标", "批数", ">=2批", "=2批", "100", "95"},
      {"总分", "100", "95"},
      {"自评等级", "优"},
  });
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->grade().text(), "优");
  EXPECT_EQ(table->grade().src().raw_text(), "优");
  ExpectDecimal(table->total_score(), 95, 0, "95");
  EXPECT_TRUE(report_.diagnostics().empty());
}

TEST_F(ReaderFixture, NotAPerformanceTable) {
  auto table = Read({{"项目", "金额"}, {"工资", "12.00"}});
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
}

// A DOCX reader resolves merges itself: spans widen cells and vertical
// continuations are flagged. The reader needs no text layout.
TEST(ReaderOnDocxGrid, SpansAndVerticalMerges) {
  const std::string text =
      "一级指标 二级指标 三级指标 分值 得分 产出指标 数量指标 批数 10 10 "
      "人数 10 9 总分 20 19";
  SourceDocument doc(text);
  auto cell = [&](std::string_view printed, int span = 1, bool merged = false) {
    GridCell c;
    c.text = std::string(printed);
    c.norm = text::NormalizeForMatching(printed);
    if (!printed.empty()) {
      c.begin = text.find(printed);
      c.end = c.begin + printed.size();
    }
    c.column_span = span;
    c.merged_from_above = merged;
    return c;
  };
  Grid grid;
  grid.rows.push_back(
      {{cell("一级指标"), cell("二级指标"), cell("三级指标"), cell("分值"), cell("得分")}});
  grid.rows.push_back({{cell("产出指标"), cell("数量指标"), cell("批数"), cell("10"), cell("10")}});
  grid.rows.push_back(
      {{cell("", 1, true), cell("", 1, true), cell("人数"), cell("10"), cell("9")}});
  grid.rows.push_back({{cell("总分", 3), cell("20"), cell("19")}});
  grid.end = text.size();
  v1::Report report;
  Diagnostics diagnostics(&report);
  auto table = ReadPerformanceTable(grid, doc, "PP[0]", diagnostics);
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->indicators_size(), 2);
  EXPECT_EQ(table->indicators(1).level1(), "产出指标");
  EXPECT_TRUE(table->indicators(1).level1_forward_filled());
  EXPECT_EQ(table->indicators(1).level2(), "数量指标");
  ExpectDecimal(table->indicators(1).score(), 9, 0, "9");
  ExpectDecimal(table->total_weight(), 20, 0, "20");
  ExpectDecimal(table->total_score(), 19, 0, "19");
  EXPECT_EQ(table->total_score().src().table().column(), 4u);
}

}  // namespace
}  // namespace juesuan::parse
