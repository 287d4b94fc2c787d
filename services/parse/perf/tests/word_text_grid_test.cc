#include "services/parse/perf/word_text_grid.h"

#include <string>

#include "gtest/gtest.h"

namespace juesuan::parse {
namespace {

std::string CellText(const SourceDocument& doc, const GridCell& cell) {
  return doc.text().substr(cell.begin, cell.end - cell.begin);
}

TEST(WordTextGridTest, RowsAreRunsOfTabLinesEndedByBlankLines) {
  SourceDocument doc("\t标题\n\n\t单位名称\n\t某单位\n\n\t\n\t上级资金\n\t0.00\n\n\n");
  const Grid grid = BuildWordTextGrid(doc, 1, 12);
  ASSERT_EQ(grid.rows.size(), 3u);
  ASSERT_EQ(grid.rows[0].cells.size(), 1u);
  EXPECT_EQ(grid.rows[0].cells[0].text, "标题");
  ASSERT_EQ(grid.rows[1].cells.size(), 2u);
  EXPECT_EQ(grid.rows[1].cells[1].text, "某单位");
  ASSERT_EQ(grid.rows[2].cells.size(), 3u);
  // A line holding only a tab is an empty cell placed just after its tab.
  EXPECT_TRUE(grid.rows[2].cells[0].empty());
  EXPECT_EQ(grid.rows[2].cells[0].begin, grid.rows[2].cells[0].end);
  EXPECT_EQ(doc.text()[grid.rows[2].cells[0].begin - 1], '\t');
  EXPECT_EQ(grid.rows[2].cells[2].text, "0.00");
  EXPECT_EQ(grid.begin, 0u);
  EXPECT_EQ(doc.text().substr(grid.end - 4, 4), "0.00");
}

TEST(WordTextGridTest, OffsetsAreExactForTrimmedText) {
  // Leading spaces, an ideographic space, a trailing CR.
  SourceDocument doc(
      "前言\n\t  其他资金\r\n\t\xE3\x80\x80"
      "0.00 \n\t＝100％\n");
  const Grid grid = BuildWordTextGrid(doc, 2, 4);
  ASSERT_EQ(grid.rows.size(), 1u);
  const auto& cells = grid.rows[0].cells;
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0].text, "其他资金");
  EXPECT_EQ(CellText(doc, cells[0]), "其他资金");
  EXPECT_EQ(cells[1].text, "0.00");
  EXPECT_EQ(CellText(doc, cells[1]), "0.00");
  EXPECT_EQ(cells[2].text, "＝100％");
  EXPECT_EQ(cells[2].norm, "=100%");
  EXPECT_EQ(doc.LineAt(cells[2].begin), 4u);
}

TEST(WordTextGridTest, ProseLineInsideARowContinuesTheCell) {
  SourceDocument doc("\t预期目标\n\t第一段\n第二段\n\t实际完成情况\n");
  const Grid grid = BuildWordTextGrid(doc, 1, 4);
  ASSERT_EQ(grid.rows.size(), 1u);
  ASSERT_EQ(grid.rows[0].cells.size(), 3u);
  EXPECT_EQ(grid.rows[0].cells[1].text, "第一段\n第二段");
  EXPECT_EQ(CellText(doc, grid.rows[0].cells[1]), "第一段\n第二段");
}

TEST(WordTextGridTest, UntabbedLineOutsideARowIsItsOwnRow) {
  SourceDocument doc("项目支出绩效自评表\n\n\t项目名称\n\t开办经费\n");
  const Grid grid = BuildWordTextGrid(doc, 1, 4);
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_EQ(grid.rows[0].cells[0].text, "项目支出绩效自评表");
  EXPECT_EQ(grid.rows[1].cells.size(), 2u);
}

TEST(WordTextGridTest, OutOfRangeLinesGiveAnEmptyGrid) {
  SourceDocument doc("\tA\n");
  EXPECT_TRUE(BuildWordTextGrid(doc, 0, 1).rows.empty());
  EXPECT_TRUE(BuildWordTextGrid(doc, 5, 9).rows.empty());
  EXPECT_EQ(BuildWordTextGrid(doc, 1, 99).rows.size(), 1u);
}

}  // namespace
}  // namespace juesuan::parse
