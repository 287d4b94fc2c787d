// A generated PDF: words placed by position, so that line building, space
// removal and a table outside the configured nine are checked exactly.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/parse/pdf/pdf_layout.h"
#include "tests/pdf/pdf_test_support.h"

namespace juesuan::parse::testing {
namespace {

std::string DisclosureWithOtherTable() {
  return MakeCjkPdf({
      // Title printed in three pieces with narrow gaps: one line, no spaces.
      {150, 80, 14, "上海市XX局"},
      {224, 80, 14, "2024"},
      {285, 80, 14, "年度部门决算"},
      {72, 120, 10, "一、收入支出决算总体情况说明"},
      {72, 140, 10, "上海市XX局2024年度收入支出总计"},
      {232, 140, 10, "12.50"},
      {262, 140, 10, "万元。"},
      {72, 160, 10, "二、收入决算情况说明"},
      // A table outside the nine: title, unit, header, two rows.
      {240, 200, 12, "部门人员经费明细表"},
      {450, 220, 10, "单位：万元"},
      {100, 240, 10, "项目"},
      {330, 240, 10, "金额"},
      {100, 260, 10, "办公费"},
      {330, 260, 10, "12.50"},
      {100, 280, 10, "合计"},
      {330, 280, 10, "12.50"},
  });
}

TEST(SyntheticPdf, LinesWithoutSpuriousSpaces) {
  auto pdf = pdf::ReadPdf(DisclosureWithOtherTable(), {});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  ASSERT_EQ(pdf->pages.size(), 1u);
  EXPECT_EQ(pdf->pages[0].lines[0].text, "上海市XX局2024年度部门决算");
  EXPECT_EQ(pdf->pages[0].lines[2].text, "上海市XX局2024年度收入支出总计12.50万元。");
  EXPECT_EQ(pdf->page_starts, std::vector<size_t>{0});
}

TEST(SyntheticPdf, OtherTableKeptGenerically) {
  auto r = ParseBytes(DisclosureWithOtherTable());
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->tables_size(), 1);
  const auto& t = r->tables(0);
  EXPECT_EQ(t.id(), "X1");
  EXPECT_EQ(t.semantic(), "");
  EXPECT_EQ(t.title().text(), "部门人员经费明细表");
  EXPECT_EQ(t.title().src().page(), 1u);
  ASSERT_EQ(t.columns_size(), 2);
  EXPECT_EQ(t.columns(0).header(), "项目");
  EXPECT_EQ(t.columns(1).header(), "金额");
  ASSERT_EQ(t.rows_size(), 2);
  EXPECT_EQ(t.rows(0).label(), "办公费");
  EXPECT_EQ(t.rows(0).cells(1).amount().fen(), 12500000);
  EXPECT_EQ(t.rows(0).cells(1).src().table().table_id(), "X1");
  EXPECT_TRUE(t.rows(1).is_total());
  // The narrative around it is read as narrative; the table's lines are not.
  EXPECT_EQ(r->totals().income_expend_total().fen(), 12500000);
  // No standard table at all: nothing is reported missing.
  for (const auto& d : r->diagnostics()) EXPECT_NE(d.code(), "TABLE_MISSING");
}

}  // namespace
}  // namespace juesuan::parse::testing
