// The analyze output formats on hand-built results: CSV quoting and BOM,
// terminal widths of Chinese text, HTML escaping, evidence highlighting and
// the summary's counts.
#include <string>

#include <gtest/gtest.h>

#include "cli/output/document_result.h"
#include "cli/output/formats.h"
#include "cli/output/html_report.h"
#include "cli/output/summary.h"

namespace juesuan::cli {
namespace {

DocumentResult ResultWithFinding() {
  DocumentResult result;
  result.name = "区 财政局/报告（一）.txt";
  auto& report = *result.response.mutable_report();
  report.set_text("收入总计100.00万元\n支出总计<99.00>万元\n");
  report.mutable_document()->set_year(2024);
  report.mutable_document()->mutable_unit_name()->set_text("某某区财政局");
  auto* finding = result.response.mutable_validation()->add_findings();
  finding->set_rule_id("FA-TOT-001");
  finding->set_severity(findings::v1::SEVERITY_ERROR);
  finding->set_title("收支总计相等");
  finding->set_message_zh("收入总计与支出总计不等, \"差 1.00\"");
  auto* operand = finding->add_operands();
  operand->mutable_src()->set_byte_begin(12);  // "100.00"
  operand->mutable_src()->set_byte_end(18);
  operand->mutable_src()->set_line(1);
  operand->mutable_src()->set_raw_text("100.00");
  auto* overlapping = finding->add_operands();  // inside the first span
  overlapping->mutable_src()->set_byte_begin(13);
  overlapping->mutable_src()->set_byte_end(15);
  overlapping->mutable_src()->set_line(1);
  auto* warning = result.response.mutable_validation()->add_findings();
  warning->set_rule_id("FA-TXT-002");
  warning->set_severity(findings::v1::SEVERITY_WARNING);
  for (int stage = 1; stage <= 3; ++stage) result.response.add_stages()->set_stage(
      static_cast<analyze::v1::Stage>(stage));
  return result;
}

TEST(OutputTest, CsvQuotesFieldsAndStartsWithAByteOrderMark) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvHeader().substr(0, 3), "\xEF\xBB\xBF");
  const std::string rows = CsvRows(ResultWithFinding());
  EXPECT_EQ(rows,
            "区 财政局/报告（一）.txt,FA-TOT-001,error,"
            "\"收入总计与支出总计不等, \"\"差 1.00\"\"\",,1,100.00\r\n"
            "区 财政局/报告（一）.txt,FA-TXT-002,warning,,,,\r\n");
}

TEST(OutputTest, FailedDocumentIsOneCsvRow) {
  DocumentResult failed;
  failed.name = "坏.pdf";
  failed.status = absl::FailedPreconditionError("PDF without a text layer");
  EXPECT_EQ(CsvRows(failed), "坏.pdf,,failed,FAILED_PRECONDITION: PDF without a text layer,,,\r\n");
}

TEST(OutputTest, ChineseTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("财政局"), 6u);
  EXPECT_EQ(DisplayWidth("（２）"), 6u);
  EXPECT_EQ(PadToWidth("财政", 6), "财政  ");
  EXPECT_EQ(DisplayWidth(PadToWidth("某某区财政局部门决算", 9)), 9u);
}

TEST(OutputTest, HtmlHighlightsEvidenceAndLinksBothWays) {
  const std::string page = HtmlDocumentPage(ResultWithFinding());
  EXPECT_NE(page.find("<mark class=\"ev sev-error\" id=\"ev-0\" title=\"FA-TOT-001\">"
                      "<a href=\"#f-0\">100.00</a></mark>"),
            std::string::npos)
      << page;
  // The overlapping operand links to the span that covers it.
  EXPECT_EQ(page.find("id=\"ev-1\""), std::string::npos);
  EXPECT_NE(page.find("class=\"ev-link\" href=\"#ev-0\""), std::string::npos);
  EXPECT_NE(page.find("&lt;99.00&gt;"), std::string::npos) << "document text is escaped";
  EXPECT_NE(page.find("id=\"L2\""), std::string::npos);
  EXPECT_NE(page.find("1 errors"), std::string::npos);
  EXPECT_EQ(page.find("http"), std::string::npos) << "self-contained";
}

TEST(OutputTest, IndexLinksPercentEncodedFileNames) {
  EXPECT_EQ(UrlEncodePath("a b（1）.html"), "a%20b%EF%BC%881%EF%BC%89.html");
  const std::string index = HtmlIndexPage({ResultWithFinding()}, {"报告 1.html"});
  EXPECT_NE(index.find("href=\"%E6%8A%A5%E5%91%8A%201.html\""), std::string::npos) << index;
}

TEST(OutputTest, SummaryCountsFailuresAndErrorFindings) {
  DocumentResult failed;
  failed.name = "坏.pdf";
  failed.status = absl::InvalidArgumentError("not a disclosure");
  DocumentResult partial = ResultWithFinding();
  partial.response.mutable_stages(2)->set_code(14);
  partial.response.mutable_stages(2)->set_message("connection refused");
  const std::string table = SummaryTable({ResultWithFinding(), failed, partial}, false);
  EXPECT_NE(table.find("3 documents: 1 analysed, 2 failed, 2 with error findings"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("[scoring: UNAVAILABLE: connection refused]"), std::string::npos);
  EXPECT_TRUE(DocumentFailed(partial));
  EXPECT_FALSE(DocumentFailed(ResultWithFinding()));
  EXPECT_TRUE(HasErrorFindings(ResultWithFinding()));
}

}  // namespace
}  // namespace juesuan::cli
