// Finding the tables of a text document by their titles.
#include "services/parse/perf/performance_tables.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/perf/tests/test_support.h"

namespace juesuan::parse {
namespace {

namespace v1 = report::v1;
using testing_support::WordExport;

std::string ProjectTable(const std::string& title, const std::string& name) {
  return WordExport({
      {title},
      {"项目名称", name},
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
      {"产出指标", "数量指标", "批数", ">=2批", "=2批", "100", "100"},
  });
}

TEST(ExtractPerformanceTablesTest, FindsTablesByTitleAndReportsTheirLines) {
  std::string text =
      "十一、预算绩效的情况说明\n"
      "本单位形成整体支出绩效自评表1个，项目支出绩效自评表2个。\n"  // a sentence, not a title
      "\n";
  text += ProjectTable("项目支出绩效自评表", "甲项目");  // lines 4..23, blank 24
  text += "\n";
  text += ProjectTable("项目支出绩效自评表", "乙项目");  // lines 26..45, blank 46
  text += "十二、其他需说明的事项\n";
  SourceDocument doc(text);
  v1::Report report;
  Diagnostics diagnostics(&report);
  std::vector<std::pair<uint32_t, uint32_t>> consumed;
  const auto tables = ExtractPerformanceTables(doc, diagnostics, &consumed);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].project_name().text(), "甲项目");
  EXPECT_EQ(tables[0].project_name().src().section_key(), "PP[0]");
  EXPECT_EQ(tables[1].project_name().text(), "乙项目");
  EXPECT_EQ(tables[1].project_name().src().section_key(), "PP[1]");
  const std::vector<std::pair<uint32_t, uint32_t>> expected = {{4, 23}, {26, 45}};
  EXPECT_EQ(consumed, expected);
  EXPECT_EQ(doc.lines()[46].raw, "十二、其他需说明的事项");  // line 47: prose resumes
  EXPECT_TRUE(report.diagnostics().empty());
}

TEST(ExtractPerformanceTablesTest, OverallTablesAreKeyedPE) {
  std::string text = WordExport({
      {"部门整体支出绩效自评表"},
      {"部门名称", "某局"},
      {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"},
      {"履职效能", "数量指标", "专报", ">=105期", "105期", "100", "100"},
  });
  SourceDocument doc(text);
  v1::Report report;
  Diagnostics diagnostics(&report);
  const auto tables = ExtractPerformanceTables(doc, diagnostics, nullptr);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].kind(), v1::PERFORMANCE_TABLE_KIND_OVERALL);
  EXPECT_EQ(tables[0].unit_name().src().section_key(), "PE");
  EXPECT_EQ(tables[0].indicators(0).src().section_key(), "PE");
}

TEST(ExtractPerformanceTablesTest, TitleWithoutTableIsReportedNotConsumed) {
  SourceDocument doc("附件：项目支出绩效自评表\n正文继续。\n");
  v1::Report report;
  Diagnostics diagnostics(&report);
  std::vector<std::pair<uint32_t, uint32_t>> consumed;
  EXPECT_TRUE(ExtractPerformanceTables(doc, diagnostics, &consumed).empty());
  EXPECT_TRUE(consumed.empty());
  ASSERT_EQ(report.diagnostics_size(), 1);
  EXPECT_EQ(report.diagnostics(0).code(), "PERF_TITLE_WITHOUT_TABLE");
  EXPECT_EQ(report.diagnostics(0).src().line(), 1u);
}

TEST(ExtractPerformanceTablesTest, SectionKeys) {
  EXPECT_EQ(PerformanceTableSectionKey(v1::PERFORMANCE_TABLE_KIND_OVERALL, 0), "PE");
  EXPECT_EQ(PerformanceTableSectionKey(v1::PERFORMANCE_TABLE_KIND_OVERALL, 1), "PE[1]");
  EXPECT_EQ(PerformanceTableSectionKey(v1::PERFORMANCE_TABLE_KIND_PROJECT, 0), "PP[0]");
  EXPECT_EQ(PerformanceTableSectionKey(v1::PERFORMANCE_TABLE_KIND_PROJECT, 3), "PP[3]");
}

TEST(ExtractPerformanceTablesTest, TitleRecognition) {
  SourceDocument doc(
      "\t单位整体支出绩效自评表\n"
      "项目支出绩效自评表(2023年度)\n"
      "本单位形成整体支出绩效自评表1个，全年预算总额121.39万元\n"
      "整体支出情况\n");
  EXPECT_TRUE(IsPerformanceTableTitle(doc.lines()[0]));
  EXPECT_TRUE(IsPerformanceTableTitle(doc.lines()[1]));
  EXPECT_FALSE(IsPerformanceTableTitle(doc.lines()[2]));
  EXPECT_FALSE(IsPerformanceTableTitle(doc.lines()[3]));
}

}  // namespace
}  // namespace juesuan::parse
