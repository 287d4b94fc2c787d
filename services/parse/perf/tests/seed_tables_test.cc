// The seed's two 绩效自评表 read to exactly REFERENCE Appendix B (PE, PP),
// with provenance spot-checked against the seed's line numbers.
#include <array>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/perf/performance_tables.h"
#include "services/parse/perf/tests/test_support.h"

namespace juesuan::parse {
namespace {

namespace v1 = report::v1;
using testing_support::ExpectDecimal;
using testing_support::ExpectValue;
using testing_support::Value;

constexpr int64_t kFenPerHundredthWan = 10000;  // 0.01 万元 = 100 元

std::string ReadSeed() {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SeedTablesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = new SourceDocument(ReadSeed());
    report_ = new v1::Report();
    Diagnostics diagnostics(report_);
    consumed_ = new std::vector<std::pair<uint32_t, uint32_t>>();
    tables_ = new std::vector<v1::PerformanceTable>(
        ExtractPerformanceTables(*doc_, diagnostics, consumed_));
  }
  static void TearDownTestSuite() {
    delete tables_;
    delete consumed_;
    delete report_;
    delete doc_;
  }

  // The cited bytes are exactly the printed text, on the given line.
  static void ExpectSrc(const v1::Provenance& src, std::string_view printed, uint32_t line,
                        std::string_view key) {
    EXPECT_EQ(src.raw_text(), printed);
    EXPECT_EQ(doc_->text().substr(src.byte_begin(), src.byte_end() - src.byte_begin()), printed);
    EXPECT_EQ(src.line(), line) << printed;
    EXPECT_EQ(src.section_key(), key);
  }

  static void ExpectFund(const v1::FundRow& row, std::string_view label, v1::FundSource source,
                         std::array<int64_t, 3> hundredths_of_wan, uint32_t first_line,
                         std::string_view key) {
    SCOPED_TRACE(std::string(label));
    EXPECT_EQ(row.label(), label);
    EXPECT_EQ(row.source(), source);
    const v1::Amount* amounts[] = {&row.initial(), &row.annual(), &row.executed()};
    for (int i = 0; i < 3; ++i) {
      EXPECT_FALSE(amounts[i]->blank());
      EXPECT_EQ(amounts[i]->fen(), hundredths_of_wan[i] * kFenPerHundredthWan);
      EXPECT_EQ(amounts[i]->quantum_fen(), kFenPerHundredthWan);
      EXPECT_EQ(amounts[i]->unit(), v1::MONEY_UNIT_WAN_YUAN);
      EXPECT_EQ(amounts[i]->src().line(), first_line + i);
      EXPECT_EQ(amounts[i]->src().section_key(), key);
    }
  }

  static const v1::PerformanceTable& PE() { return tables_->at(0); }
  static const v1::PerformanceTable& PP() { return tables_->at(1); }

  static SourceDocument* doc_;
  static v1::Report* report_;
  static std::vector<std::pair<uint32_t, uint32_t>>* consumed_;
  static std::vector<v1::PerformanceTable>* tables_;
};

SourceDocument* SeedTablesTest::doc_ = nullptr;
v1::Report* SeedTablesTest::report_ = nullptr;
std::vector<std::pair<uint32_t, uint32_t>>* SeedTablesTest::consumed_ = nullptr;
std::vector<v1::PerformanceTable>* SeedTablesTest::tables_ = nullptr;

TEST_F(SeedTablesTest, FindsBothTablesAndTheirLines) {
  ASSERT_EQ(tables_->size(), 2u);
  EXPECT_EQ(PE().kind(), v1::PERFORMANCE_TABLE_KIND_OVERALL);
  EXPECT_EQ(PP().kind(), v1::PERFORMANCE_TABLE_KIND_PROJECT);
  const std::vector<std::pair<uint32_t, uint32_t>> expected = {{70, 164}, {169, 370}};
  EXPECT_EQ(*consumed_, expected);
  // Everything in the seed's tables was placed: no diagnostics.
  for (const auto& d : report_->diagnostics()) ADD_FAILURE() << d.code() << ": " << d.message();
}

TEST_F(SeedTablesTest, OverallHeader) {
  ASSERT_EQ(tables_->size(), 2u);
  ExpectSrc(PE().title().src(), "单位整体支出绩效自评表", 70, "PE");
  EXPECT_EQ(PE().year(), 2024);
  EXPECT_EQ(PE().unit_name().text(), "中共昌吉回族自治州委员会社会工作部");
  ExpectSrc(PE().unit_name().src(), "中共昌吉回族自治州委员会社会工作部", 75, "PE");
  EXPECT_EQ(PE().src().line(), 70u);
  EXPECT_FALSE(PE().has_project_name());
  EXPECT_FALSE(PE().has_total_row());
  EXPECT_FALSE(PE().has_grade());
}

TEST_F(SeedTablesTest, OverallFunds) {
  ASSERT_EQ(tables_->size(), 2u);
  ASSERT_EQ(PE().funds_size(), 4);
  ExpectFund(PE().funds(0), "上级资金", v1::FUND_SOURCE_SUPERIOR, {0, 0, 0}, 88, "PE");
  ExpectFund(PE().funds(1), "本级资金", v1::FUND_SOURCE_OWN_LEVEL, {12139, 12139, 12139}, 97, "PE");
  ExpectFund(PE().funds(2), "其他资金", v1::FUND_SOURCE_OTHER, {0, 0, 0}, 106, "PE");
  ExpectFund(PE().funds(3), "合计", v1::FUND_SOURCE_TOTAL, {12139, 12139, 12139}, 115, "PE");
  ExpectSrc(PE().funds(1).initial().src(), "121.39", 97, "PE");
  EXPECT_EQ(PE().funds(1).initial().src().table().row(), 5u);
  EXPECT_EQ(PE().funds(1).initial().src().table().column(), 2u);
  EXPECT_EQ(PE().funds(1).initial().src().table().table_id(), "PE");
  EXPECT_EQ(PE().funds(0).src().line(), 87u);  // the row is cited from its label
}

TEST_F(SeedTablesTest, OverallExecutionBlockIsOnTheRowThatPrintsIt) {
  ASSERT_EQ(tables_->size(), 2u);
  const v1::ExecutionBlock& exec = PE().execution();
  EXPECT_EQ(exec.printed_on_row(), "上级资金");
  EXPECT_EQ(exec.printed_on_source(), v1::FUND_SOURCE_SUPERIOR);
  ExpectDecimal(exec.weight(), 10, 0, "10");
  ExpectSrc(exec.weight().src(), "10", 91, "PE");
  ASSERT_TRUE(exec.rate().has_value());
  EXPECT_EQ(exec.rate().value().digits(), 100);
  EXPECT_EQ(exec.rate().value().scale(), 0);
  EXPECT_TRUE(exec.rate().has_percent_sign());
  ExpectSrc(exec.rate().src(), "100%", 92, "PE");
  ExpectDecimal(exec.score(), 10, 0, "10");
  ExpectSrc(exec.score().src(), "10", 93, "PE");
}

TEST_F(SeedTablesTest, OverallGoal) {
  ASSERT_EQ(tables_->size(), 2u);
  EXPECT_EQ(PE().goal_expected().text().rfind("2024年，昌吉州党委社会工作部将坚持", 0), 0u);
  EXPECT_EQ(PE().goal_expected().src().line(), 127u);
  EXPECT_EQ(PE().goal_actual().text().rfind("2024年我单位全年预算数为121.39万元", 0), 0u);
  EXPECT_EQ(PE().goal_actual().src().line(), 128u);
  EXPECT_EQ(PE().goal_actual().src().raw_text(), PE().goal_actual().text());
}

TEST_F(SeedTablesTest, OverallIndicators) {
  ASSERT_EQ(tables_->size(), 2u);
  const std::vector<std::string> columns(PE().indicator_columns().begin(),
                                         PE().indicator_columns().end());
  EXPECT_EQ(columns,
            (std::vector<std::string>{"一级指标", "二级指标", "三级指标", "预期指标值",
                                      "指标值设定依据", "分值权重", "实际完成指标值", "得分"}));
  ASSERT_EQ(PE().indicators_size(), 3);
  struct Expected {
    std::string level3;
    Value target;
    std::string basis;
    int64_t weight;
    Value actual;
    int64_t score;
    uint32_t target_line;
  };
  // clang-format off
  const Expected expected[] = {
      {"办理人民建议和群众困难诉求办理专报",
       {">=105期", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_GE, 105, 0, "期"},
       "专报", 40,
       {"105期", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_UNSPECIFIED, 105, 0, "期"},
       40, 142},
      {"县市调研次数",
       {">=3次", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_GE, 3, 0, "次"},
       "县市调研方案", 20,
       {"3次", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_UNSPECIFIED, 3, 0, "次"},
       20, 151},
      {"举办业务培训班次数",
       {"=1次", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_EQ, 1, 0, "次"},
       "培训班方案", 30,
       {"1期", v1::INDICATOR_VALUE_KIND_QUANTITATIVE, v1::INDICATOR_OP_UNSPECIFIED, 1, 0, "期"},
       30, 160},
  };
  // clang-format on
  for (int i = 0; i < 3; ++i) {
    SCOPED_TRACE(expected[i].level3);
    const v1::Indicator& ind = PE().indicators(i);
    EXPECT_EQ(ind.level1(), "履职效能");
    EXPECT_EQ(ind.level2(), "数量指标");
    EXPECT_EQ(ind.level3(), expected[i].level3);
    EXPECT_EQ(ind.level1_forward_filled(), i > 0);
    EXPECT_EQ(ind.level2_forward_filled(), i > 0);
    ExpectValue(ind.target(), expected[i].target);
    ExpectSrc(ind.target().src(), expected[i].target.raw, expected[i].target_line, "PE");
    EXPECT_EQ(ind.basis(), expected[i].basis);
    ExpectDecimal(ind.weight(), expected[i].weight, 0, std::to_string(expected[i].weight));
    EXPECT_EQ(ind.weight().src().line(), expected[i].target_line + 2);
    ExpectValue(ind.actual(), expected[i].actual);
    ExpectSrc(ind.actual().src(), expected[i].actual.raw, expected[i].target_line + 3, "PE");
    ExpectDecimal(ind.score(), expected[i].score, 0, std::to_string(expected[i].score));
    EXPECT_EQ(ind.score().src().line(), expected[i].target_line + 4);
    // Columns the overall form does not have stay empty.
    EXPECT_FALSE(ind.has_completion());
    EXPECT_EQ(ind.scoring_rule(), "");
  }
}

TEST_F(SeedTablesTest, ProjectHeaderAndFunds) {
  ASSERT_EQ(tables_->size(), 2u);
  ExpectSrc(PP().title().src(), "项目支出绩效自评表", 169, "PP[0]");
  EXPECT_EQ(PP().year(), 2024);
  ExpectSrc(PP().project_name().src(), "州党委社会工作部开办经费", 174, "PP[0]");
  ExpectSrc(PP().department().src(), "中共昌吉回族自治州委员会社会工作部", 177, "PP[0]");
  ExpectSrc(PP().implementer().src(), "中共昌吉回族自治州委员会社会工作部", 179, "PP[0]");
  EXPECT_EQ(PP().project_name().text(), "州党委社会工作部开办经费");

  ASSERT_EQ(PP().funds_size(), 3);
  ExpectFund(PP().funds(0), "年度资金总额", v1::FUND_SOURCE_TOTAL, {6809, 6809, 6809}, 192,
             "PP[0]");
  ExpectFund(PP().funds(1), "其中：当年财政拨款", v1::FUND_SOURCE_CURRENT_FISCAL,
             {6809, 6809, 6809}, 201, "PP[0]");
  // Printed with two leading spaces; the cell is cited without them.
  ExpectFund(PP().funds(2), "其他资金", v1::FUND_SOURCE_OTHER, {0, 0, 0}, 210, "PP[0]");
  ExpectSrc(PP().funds(2).src(), "其他资金\n\t0.00\n\t0.00\n\t0.00\n\t—\n\t—\n\t—", 209, "PP[0]");
  for (const auto& row : PP().funds()) {
    EXPECT_NE(row.source(), v1::FUND_SOURCE_CARRIED_OVER);  // 上年结转资金 not printed
  }

  const v1::ExecutionBlock& exec = PP().execution();
  EXPECT_EQ(exec.printed_on_row(), "年度资金总额");
  EXPECT_EQ(exec.printed_on_source(), v1::FUND_SOURCE_TOTAL);
  ExpectDecimal(exec.weight(), 10, 0, "10");
  EXPECT_EQ(exec.weight().src().line(), 195u);
  EXPECT_EQ(exec.rate().value().digits(), 10000);
  EXPECT_EQ(exec.rate().value().scale(), 2);
  ExpectSrc(exec.rate().src(), "100.00%", 196, "PP[0]");
  ExpectDecimal(exec.score(), 1000, 2, "10.00");
  EXPECT_EQ(exec.score().src().line(), 197u);

  EXPECT_EQ(PP().goal_expected().src().line(), 222u);
  EXPECT_EQ(PP().goal_expected().text().rfind("在12月10日前至少完成2批次办公设备购置工作", 0), 0u);
  EXPECT_EQ(PP().goal_actual().src().line(), 223u);
  EXPECT_EQ(PP().goal_actual().text().rfind("截止2025年12月31日", 0), 0u);
}

TEST_F(SeedTablesTest, ProjectIndicators) {
  ASSERT_EQ(tables_->size(), 2u);
  const std::vector<std::string> columns(PP().indicator_columns().begin(),
                                         PP().indicator_columns().end());
  EXPECT_EQ(columns, (std::vector<std::string>{"一级指标", "二级指标", "三级指标", "权重", "目标值",
                                               "业绩值", "完成率", "指标得分", "指标值设定依据",
                                               "上年完成情况", "赋分规则", "佐证资料",
                                               "偏差原因分析及改进措施"}));
  struct Expected {
    std::string level1, level2, level3;
    bool level1_filled, level2_filled;
    int64_t weight;
    Value target, actual;
    int64_t completion_digits;
    int32_t completion_scale;
    int64_t score;
    std::string rule, evidence, deviation;
    uint32_t row_line, weight_line;
  };
  constexpr auto Q = v1::INDICATOR_VALUE_KIND_QUANTITATIVE;
  // clang-format off
  const Expected expected[] = {
      {"产出指标", "数量指标", "办公设备购置批数", false, false, 10,
       {">=2批", Q, v1::INDICATOR_OP_GE, 2, 0, "批"}, {"=2批", Q, v1::INDICATOR_OP_EQ, 2, 0, "批"},
       100, 0, 10, "按照完成比例赋分", "工作资料", "", 240, 244},
      {"产出指标", "数量指标", "保障人员数", true, true, 10,
       {">=12人", Q, v1::INDICATOR_OP_GE, 12, 0, "人"},
       {"=12人", Q, v1::INDICATOR_OP_EQ, 12, 0, "人"}, 100, 0, 10, "按照完成比例赋分", "工作资料",
       "", 258, 259},
      {"产出指标", "质量指标", "设备采购合格率", true, false, 10,
       {"=100%", Q, v1::INDICATOR_OP_EQ, 100, 0, "%"},
       {"=100%", Q, v1::INDICATOR_OP_EQ, 100, 0, "%"}, 100, 0, 10, "按照完成比例赋分", "原始凭证",
       "", 272, 274},
      {"产出指标", "时效指标", "采购完成期限", true, false, 10,
       {"2024年12月10日前", v1::INDICATOR_VALUE_KIND_DEADLINE, v1::INDICATOR_OP_UNSPECIFIED, 0, 0,
        "", 2024, 12, 10, "前"},
       {"2024年11月21日", v1::INDICATOR_VALUE_KIND_DATE, v1::INDICATOR_OP_UNSPECIFIED, 0, 0, "",
        2024, 11, 21, ""},
       100, 0, 10, "直接赋分", "工作资料", "", 287, 289},
      {"成本指标", "经济成本指标", "办公设备购置", false, false, 10,
       {"<=38.79万元", Q, v1::INDICATOR_OP_LE, 3879, 2, "万元"},
       {"=38.79万元", Q, v1::INDICATOR_OP_EQ, 3879, 2, "万元"}, 100, 0, 10, "按照完成比例赋分",
       "原始凭证", "", 301, 304},
      {"成本指标", "经济成本指标", "保障机关运行支出", true, true, 10,
       {"<=29.3万元", Q, v1::INDICATOR_OP_LE, 293, 1, "万元"},
       {"=29.3万元", Q, v1::INDICATOR_OP_EQ, 293, 1, "万元"}, 100, 0, 10, "按照完成比例赋分",
       "原始凭证", "", 318, 319},
      {"效益指标", "社会效益指标", "确保工作正常运转", false, false, 20,
       {"保障", v1::INDICATOR_VALUE_KIND_QUALITATIVE, v1::INDICATOR_OP_UNSPECIFIED, 0, 0, ""},
       {"达到预期指标", v1::INDICATOR_VALUE_KIND_QUALITATIVE, v1::INDICATOR_OP_UNSPECIFIED, 0, 0,
        ""},
       100, 0, 20, "按评判等级赋分", "工作资料", "", 331, 334},
      {"满意度指标", "满意度指标", "干部满意度", false, false, 10,
       {">=90%", Q, v1::INDICATOR_OP_GE, 90, 0, "%"},
       {"=100%", Q, v1::INDICATOR_OP_EQ, 100, 0, "%"}, 11111, 2, 10, "满意度赋分", "工作资料",
       "该项目在实施过程中完成较好，干部对项目实施比较满意。", 346, 349},
  };
  // clang-format on
  ASSERT_EQ(PP().indicators_size(), 8);
  for (int i = 0; i < 8; ++i) {
    const Expected& e = expected[i];
    SCOPED_TRACE(e.level3);
    const v1::Indicator& ind = PP().indicators(i);
    EXPECT_EQ(ind.level1(), e.level1);
    EXPECT_EQ(ind.level2(), e.level2);
    EXPECT_EQ(ind.level3(), e.level3);
    EXPECT_EQ(ind.level1_forward_filled(), e.level1_filled);
    EXPECT_EQ(ind.level2_forward_filled(), e.level2_filled);
    ExpectDecimal(ind.weight(), e.weight, 0, std::to_string(e.weight));
    EXPECT_EQ(ind.weight().src().line(), e.weight_line);
    ExpectValue(ind.target(), e.target);
    ExpectSrc(ind.target().src(), e.target.raw, e.weight_line + 1, "PP[0]");
    ExpectValue(ind.actual(), e.actual);
    ExpectSrc(ind.actual().src(), e.actual.raw, e.weight_line + 2, "PP[0]");
    EXPECT_EQ(ind.completion().value().digits(), e.completion_digits);
    EXPECT_EQ(ind.completion().value().scale(), e.completion_scale);
    EXPECT_TRUE(ind.completion().has_percent_sign());
    EXPECT_EQ(ind.completion().src().line(), e.weight_line + 3);
    ExpectDecimal(ind.score(), e.score, 0, std::to_string(e.score));
    EXPECT_EQ(ind.score().src().line(), e.weight_line + 4);
    EXPECT_EQ(ind.basis(), "计划标准");
    EXPECT_EQ(ind.last_year(), "/");
    EXPECT_EQ(ind.scoring_rule(), e.rule);
    EXPECT_EQ(ind.evidence(), e.evidence);
    EXPECT_EQ(ind.deviation(), e.deviation);
    EXPECT_EQ(ind.src().line(), e.row_line);
    EXPECT_EQ(ind.src().section_key(), "PP[0]");
  }
}

TEST_F(SeedTablesTest, ProjectTotalRow) {
  ASSERT_EQ(tables_->size(), 2u);
  EXPECT_TRUE(PP().has_total_row());
  ExpectDecimal(PP().total_weight(), 100, 0, "100");
  ExpectSrc(PP().total_weight().src(), "100", 361, "PP[0]");
  ExpectDecimal(PP().total_score(), 10000, 2, "100.00分");
  ExpectSrc(PP().total_score().src(), "100.00分", 365, "PP[0]");
  EXPECT_FALSE(PP().has_grade());
}

}  // namespace
}  // namespace juesuan::parse
