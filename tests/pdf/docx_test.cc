// DOCX input: the seed as a Word document with real tables, merged cells.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/parse/docx/docx_reader.h"
#include "tests/pdf/pdf_test_support.h"

namespace juesuan::parse::testing {
namespace {

using report::v1::Report;

// tests/pdf/fixtures/seed.docx is built from the seed text by
// tests/pdf/make_fixtures.py: paragraphs for the narrative, w:tbl for the
// performance tables (vertically merged indicator cells as w:vMerge). It
// parses to the seed text's report; the only differences are format and
// positions, and the context of the two dates printed in a table row (a
// Word row is one line of the decoded text, a Word-export cell is one line).
TEST(DocxSeed, SameReportAsSeedText) {
  auto from_text =
      ParseBytes(ReadFileOrDie(std::string(JUESUAN_SHARED_DIR) + "/seed/000_0d0d50dd571d51d1.txt"));
  ASSERT_TRUE(from_text.ok()) << from_text.status();
  auto from_docx = ParseBytes(ReadFileOrDie(FixturePath("seed.docx")));
  ASSERT_TRUE(from_docx.ok()) << from_docx.status();
  EXPECT_EQ(from_docx->document().format(), report::v1::FORMAT_DOCX);
  auto comparable = [](const Report& r) {
    std::vector<std::string> out;
    for (const std::string& line : NormalizedOutline(r)) {
      if (line.rfind("document.format", 0) == 0 || line.find(".body_end") != std::string::npos) {
        continue;
      }
      if (line.rfind("dates[", 0) == 0 && line.find("].context") != std::string::npos) continue;
      out.push_back(line);
    }
    return out;
  };
  EXPECT_EQ(comparable(*from_docx), comparable(*from_text));
  ASSERT_EQ(from_docx->performance_tables_size(), 2);
  EXPECT_EQ(from_docx->performance_tables(0).src().section_key(), "PE");
  EXPECT_EQ(from_docx->performance_tables(1).src().section_key(), "PP[0]");
}

TEST(DocxMerged, SpansAndVerticalMergesHonoured) {
  auto r = ParseBytes(ReadFileOrDie(FixturePath("merged.docx")));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->tables_size(), 1);
  const auto& t = r->tables(0);
  EXPECT_EQ(t.id(), "T2");
  ASSERT_EQ(t.columns_size(), 6);
  EXPECT_EQ(t.columns(0).header(), "项目/类");  // "项目" spans the four code/name columns
  EXPECT_EQ(t.columns(3).role(), "name");
  EXPECT_EQ(t.columns(4).role(), "income");
  ASSERT_EQ(t.rows_size(), 4);
  EXPECT_TRUE(t.rows(0).is_total());
  EXPECT_EQ(t.rows(1).code(), "201");
  // The 类 cell is vertically merged: the rows below inherit 201.
  EXPECT_EQ(t.rows(2).code(), "20106");
  EXPECT_EQ(t.rows(3).code(), "2010601");
  EXPECT_EQ(t.rows(3).level(), report::v1::ROW_LEVEL_ITEM);
  EXPECT_EQ(t.rows(2).cells(5).kind(), report::v1::CELL_KIND_DASH);
  EXPECT_EQ(t.rows(3).cells(4).kind(), report::v1::CELL_KIND_NUMBER);  // explicit 0.00
  EXPECT_EQ(t.rows(3).cells(4).amount().fen(), 0);
  EXPECT_EQ(t.rows(3).cells(5).kind(), report::v1::CELL_KIND_BLANK);
  EXPECT_EQ(t.rows(1).cells(4).amount().fen(), 2112860000);
  EXPECT_EQ(t.rows(1).cells(4).src().raw_text(), "2,112.86");
}

TEST(DocxXml, GridSpanAndVMergeInTheGrid) {
  const std::string xml =
      R"(<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>)"
      R"(<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p><w:p><w:r><w:t>D</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>E</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(</w:tbl></w:body></w:document>)";
  auto doc = docx::ReadDocumentXml(xml, {});
  ASSERT_TRUE(doc.ok()) << doc.status();
  ASSERT_EQ(doc->tables.size(), 1u);
  const Grid& g = doc->tables[0].grid;
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(g.rows[0].cells[0].column_span, 2);
  EXPECT_FALSE(g.rows[1].cells[0].merged_from_above);
  EXPECT_EQ(g.rows[1].cells[1].text, "C D");  // paragraphs of one cell
  EXPECT_TRUE(g.rows[2].cells[0].merged_from_above);
  EXPECT_EQ(doc->text.substr(g.rows[2].cells[1].begin, 1), "E");
  EXPECT_EQ(doc->tables[0].title_paragraph, 0);
}

}  // namespace
}  // namespace juesuan::parse::testing
