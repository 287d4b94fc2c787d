// The CLI's text summary: exact amounts from fen, printed text and lines.
#include "cli/report_text.h"

#include <gtest/gtest.h>

namespace juesuan::cli {
namespace {

using report::v1::Amount;
using report::v1::Report;

Amount MakeAmount(int64_t fen, const std::string& raw, uint32_t line) {
  Amount amount;
  amount.set_fen(fen);
  amount.set_quantum_fen(10000);
  amount.set_unit(report::v1::MONEY_UNIT_WAN_YUAN);
  amount.mutable_src()->set_raw_text(raw);
  amount.mutable_src()->set_line(line);
  return amount;
}

TEST(FormatAmountTest, ExactFromFenWithThousandsSeparators) {
  EXPECT_EQ(FormatAmount(MakeAmount(121390000, "121.39", 1)), "121.39 万元");
  EXPECT_EQ(FormatAmount(MakeAmount(0, "0", 1)), "0.00 万元");
  EXPECT_EQ(FormatAmount(MakeAmount(-6200000, "-6.2", 1)), "-6.20 万元");
  EXPECT_EQ(FormatAmount(MakeAmount(123456789000, "123456.789", 1)), "123,456.79 万元");
  // 2^53 + 1 分 cannot be held by a double; the text must still be exact.
  EXPECT_EQ(FormatAmount(MakeAmount(9007199254740993, "", 1)), "9,007,199,254.74 万元");
  Amount blank;
  blank.set_blank(true);
  EXPECT_EQ(FormatAmount(blank), "(blank)");
}

TEST(FormatWhereTest, LineAndPage) {
  report::v1::Provenance src;
  EXPECT_EQ(FormatWhere(src), "line ?");
  src.set_line(12);
  EXPECT_EQ(FormatWhere(src), "line 12");
  src.set_page(3);
  EXPECT_EQ(FormatWhere(src), "line 12, p. 3");
}

Report SampleReport() {
  Report report;
  auto* doc = report.mutable_document();
  doc->set_format(report::v1::FORMAT_TEXT);
  doc->set_encoding(report::v1::ENCODING_UTF8);
  doc->set_layout(report::v1::LAYOUT_XINJIANG);
  doc->set_year(2024);
  doc->mutable_unit_name()->set_text("中共昌吉回族自治州委员会社会工作部");
  doc->mutable_unit_name()->mutable_src()->set_line(1);
  auto* section = report.add_sections();
  section->set_key("PROFILE");
  section->set_title("第一部分 单位概况");
  section->set_level(1);
  section->mutable_heading()->set_line(3);
  *report.mutable_totals()->mutable_income_total() = MakeAmount(121390000, "121.39", 40);
  auto* fiscal = report.mutable_income()->mutable_fiscal();
  *fiscal->mutable_amount() = MakeAmount(120000000, "120.00", 52);
  fiscal->mutable_share()->mutable_value()->set_digits(9885);
  fiscal->mutable_share()->mutable_value()->set_scale(2);
  auto* table = report.add_performance_tables();
  table->set_kind(report::v1::PERFORMANCE_TABLE_KIND_PROJECT);
  table->mutable_title()->set_text("项目支出绩效自评表");
  table->mutable_project_name()->set_text("社会工作专项经费");
  table->mutable_src()->set_line(300);
  auto* indicator = table->add_indicators();
  indicator->set_level1("产出指标");
  indicator->set_level2("数量指标");
  indicator->set_level3("培训期数");
  indicator->mutable_target()->set_raw(">=105期");
  indicator->mutable_actual()->set_raw("105期");
  indicator->mutable_weight()->set_raw("10");
  indicator->mutable_score()->set_raw("10");
  indicator->mutable_src()->set_line(320);
  auto* diagnostic = report.add_diagnostics();
  diagnostic->set_severity(report::v1::DIAGNOSTIC_SEVERITY_WARNING);
  diagnostic->set_code("UNPARSED_FIGURE");
  diagnostic->set_message("figure without a known subject");
  diagnostic->mutable_src()->set_line(77);
  diagnostic->mutable_src()->set_raw_text("8.88万元");
  return report;
}

TEST(FormatReportTextTest, ShowsEveryPartAReviewerScans) {
  const std::string text = FormatReportText(SampleReport());
  EXPECT_NE(text.find("format:      TEXT (UTF8)"), std::string::npos) << text;
  EXPECT_NE(text.find("layout:      XINJIANG"), std::string::npos) << text;
  EXPECT_NE(text.find("year:        2024"), std::string::npos) << text;
  EXPECT_NE(text.find("中共昌吉回族自治州委员会社会工作部  (line 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("Sections (1)"), std::string::npos);
  EXPECT_NE(text.find("PROFILE"), std::string::npos);
  EXPECT_NE(text.find("第一部分 单位概况"), std::string::npos);
  EXPECT_NE(text.find("Key figures (万元) (2)"), std::string::npos) << text;
  EXPECT_NE(text.find("121.39 万元  printed \"121.39\"  (line 40)"), std::string::npos) << text;
  EXPECT_NE(text.find("120.00 万元  占 98.85%  printed \"120.00\"  (line 52)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Performance tables (1)"), std::string::npos);
  EXPECT_NE(text.find("project: 社会工作专项经费"), std::string::npos);
  EXPECT_NE(text.find("产出指标 / 数量指标 / 培训期数  target >=105期  actual 105期  weight 10  "
                      "score 10  (line 320)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Diagnostics (1)"), std::string::npos);
  EXPECT_NE(text.find("UNPARSED_FIGURE"), std::string::npos);
  EXPECT_NE(text.find("(line 77)  printed \"8.88万元\""), std::string::npos) << text;
}

TEST(FormatReportTextTest, AbsentFiguresAreNotPrinted) {
  const std::string text = FormatReportText(Report());
  EXPECT_NE(text.find("Key figures (万元) (0)"), std::string::npos) << text;
  EXPECT_EQ(text.find("收入总计"), std::string::npos);
}

}  // namespace
}  // namespace juesuan::cli
