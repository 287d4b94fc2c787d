// Tables of the corpus text renderings (`pdftotext -layout`), read from the
// character grid, against the same document's PDF, whose tables are held to
// the hand-reviewed listings in tests/golden/tables: every printed figure
// with its table, row (code, or label), column role and page, and every
// row's code and label. Roles, not header texts: the grid does not show
// which header words are group headers ("收入/项目" reads "收入项目").
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/parse/pdf/layout_text.h"
#include "tests/pdf/pdf_test_support.h"

namespace juesuan::parse::testing {
namespace {

using report::v1::Report;

std::string CorpusTextPath(const std::string& number) {
  return std::string(JUESUAN_SHARED_DIR) + "/corpus/" + number + "/text.txt";
}

// Each line's byte range, newline excluded.
std::vector<pdf::TextLineRange> LineRanges(std::string_view text) {
  std::vector<pdf::TextLineRange> lines;
  for (size_t begin = 0;;) {
    const size_t end = text.find('\n', begin);
    lines.emplace_back(begin, end == std::string_view::npos ? text.size() : end);
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return lines;
}

// "T2 | 2010601 | fiscal#1 | 1,511.89 | p7": a figure; "T2 | row 3 | 2010601 |
// 行政运行": a row. Roles are numbered left to right within a table, so the
// two 决算数 columns of side-by-side blocks stay apart.
std::multiset<std::string> TableFacts(const Report& report) {
  std::multiset<std::string> facts;
  for (const auto& t : report.tables()) {
    // An empty table: where its bare 合计 row prints its label is immaterial.
    if (t.empty()) {
      facts.insert(fmt::format("{} | (empty) | {} rows", t.id(), t.rows_size()));
      continue;
    }
    std::vector<std::string> roles;
    std::map<std::string, int> seen;
    for (const auto& c : t.columns()) {
      // Code columns are one code however their levels are split.
      const std::string role = c.role().rfind("code", 0) == 0 ? "code" : c.role();
      roles.push_back(fmt::format("{}#{}", role, ++seen[role]));
    }
    for (const auto& row : t.rows()) {
      const std::string key = !row.code().empty() ? row.code() : row.label();
      if (!row.code().empty() || !row.label().empty()) {
        facts.insert(fmt::format("{} | row | {} | {}", t.id(), row.code(), row.label()));
      }
      for (int c = 0; c < row.cells_size() && c < static_cast<int>(roles.size()); ++c) {
        const auto& cell = row.cells(c);
        if (cell.kind() != report::v1::CELL_KIND_NUMBER) continue;
        facts.insert(fmt::format("{} | {} | {} | {} | p{}", t.id(), key, roles[static_cast<size_t>(c)],
                                 cell.raw(), cell.src().page()));
      }
    }
  }
  return facts;
}

void ExpectTablesAsInPdf(const std::string& number) {
  auto text = ParseBytes(ReadFileOrDie(CorpusTextPath(number)));
  auto pdf = ParseBytes(ReadFileOrDie(CorpusPdfPath(number)));
  ASSERT_TRUE(text.ok()) << text.status();
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  ASSERT_EQ(text->tables_size(), pdf->tables_size());
  const auto from_text = TableFacts(*text), from_pdf = TableFacts(*pdf);
  std::vector<std::string> missing, extra;
  std::set_difference(from_pdf.begin(), from_pdf.end(), from_text.begin(), from_text.end(),
                      std::back_inserter(missing));
  std::set_difference(from_text.begin(), from_text.end(), from_pdf.begin(), from_pdf.end(),
                      std::back_inserter(extra));
  EXPECT_THAT(missing, ::testing::IsEmpty()) << "in the PDF's tables, not the text's";
  EXPECT_THAT(extra, ::testing::IsEmpty()) << "in the text's tables, not the PDF's";
  EXPECT_FALSE(from_text.empty());
}

TEST(LayoutTextTables, Corpus001AsItsPdf) { ExpectTablesAsInPdf("001"); }
TEST(LayoutTextTables, Corpus003AsItsPdf) { ExpectTablesAsInPdf("003"); }
// 004's T6 ends on a page where pdftotext packed the right-hand block
// against the margin: its rows are placed by the kinds of their words.
TEST(LayoutTextTables, Corpus004AsItsPdf) { ExpectTablesAsInPdf("004"); }
TEST(LayoutTextTables, Corpus005TemplateAsItsPdf) { ExpectTablesAsInPdf("005"); }

// A continuation line whose words fit the table's columns neither by
// position nor by kind (a code where the table has no code column) is
// reported with its text, not read into wrong cells nor dropped.
TEST(LayoutTextTables, LineThatFitsNoColumnIsReported) {
  const std::string text =
      "测试单位2024年度部门决算\n"
      "                 收入支出决算总表\n"
      "                                        单位：万元\n"
      "    项目                    决算数\n"
      "一、一般公共预算财政拨款收入            100.00\n"
      "本年收入合计                    100.00\n"
      "\f201   一般公共服务支出            100.00\n"
      "总计                        100.00\n";
  auto report = ParseBytes(text);
  ASSERT_TRUE(report.ok()) << report.status();
  std::vector<std::string> unplaced;
  for (const auto& d : report->diagnostics()) {
    if (d.code() == "TABLE_TEXT_UNPLACED") unplaced.push_back(d.src().raw_text());
  }
  EXPECT_THAT(unplaced, ::testing::Contains(::testing::HasSubstr("一般公共服务支出")));
  ASSERT_GE(report->tables_size(), 1);
  std::string cells;
  for (const auto& row : report->tables(0).rows()) {
    for (const auto& cell : row.cells()) cells += cell.raw() + "|";
  }
  EXPECT_THAT(cells, ::testing::Not(::testing::HasSubstr("一般公共服务支出")));
  EXPECT_THAT(cells, ::testing::HasSubstr("总计|100.00|"));
}

// Tens of megabytes of figures in columns would take gigabytes and minutes
// to read as tables: over the word budget they are not read, and the report
// says so; the document still parses.
TEST(LayoutTextTables, TextOverTheWordBudgetIsParsedWithoutTables) {
  std::string text = "测试单位2024年度部门决算\n                 收入支出决算总表\n单位：万元\n";
  std::string line;
  for (int i = 0; i < 40; ++i) line += "1.00 ";
  line += "\n";
  while (pdf::CountGridWords(text, LineRanges(text), {}, pdf::kMaxGridWords) <= pdf::kMaxGridWords) {
    for (int i = 0; i < 1000; ++i) text += line;
    text += "\f";
  }
  auto report = ParseBytes(text);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->tables_size(), 0);
  bool said = false;
  for (const auto& d : report->diagnostics()) said = said || d.code() == "TABLES_NOT_READ";
  EXPECT_TRUE(said);
}

// Order-preserving placement stays cheap on wide lines of one kind: forty
// figures on each continuation line that do not line up are placed, or
// reported, without trying every subset of the columns (which did not end).
TEST(LayoutTextTables, WideContinuationLinesDoNotHang) {
  std::string text = "测试单位2024年度部门决算\n                 收入支出决算总表\n单位：万元\n"
                     "项目   决算数\n";
  std::string line;
  for (int i = 0; i < 40; ++i) line += "1.00 ";
  line += "\n";
  for (int page = 0; page < 8; ++page) {
    for (int i = 0; i < 200; ++i) text += line;
    text += "\f";
  }
  auto report = ParseBytes(text);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_GE(report->tables_size(), 1);
}

// The table lines are tables, not narrative: no section heading (T1's
// "一、一般公共预算财政拨款收入" looks like one) and no statement is read
// from them.
TEST(LayoutTextTables, TableLinesAreNotNarrative) {
  auto text = ParseBytes(ReadFileOrDie(CorpusTextPath("001")));
  ASSERT_TRUE(text.ok()) << text.status();
  std::set<uint32_t> table_lines;
  for (const auto& t : text->tables()) {
    for (const auto& row : t.rows()) {
      for (const auto& cell : row.cells()) {
        if (cell.has_src() && cell.src().line() > 0) table_lines.insert(cell.src().line());
      }
    }
  }
  ASSERT_FALSE(table_lines.empty());
  for (const auto& section : text->sections()) {
    EXPECT_FALSE(table_lines.contains(section.heading().line())) << section.title();
  }
  for (const auto& s : text->statements()) {
    EXPECT_FALSE(table_lines.contains(s.src().line())) << s.src().raw_text();
  }
}

// The grid: one line per text line, one column per code point.
pdf::PdfDocument Grid(std::string_view text, std::vector<bool> skip = {}) {
  return pdf::PositionedWords(text, LineRanges(text), skip);
}

std::vector<std::string> Words(const pdf::Line& line) {
  std::vector<std::string> out;
  for (const auto& w : line.words) out.push_back(w.text);
  return out;
}

TEST(PositionedWords, EveryCodePointIsOneColumn) {
  const std::string text = "项目    2,940.05";
  const pdf::PdfDocument doc = Grid(text);
  ASSERT_EQ(doc.pages.size(), 1u);
  const pdf::Line& line = doc.pages[0].lines[0];
  ASSERT_THAT(Words(line), ::testing::ElementsAre("项目", "2,940.05"));
  const double column = line.words[0].box.x1 / 2;  // 项目: two columns
  EXPECT_EQ(line.words[1].box.x0, 6 * column);
  EXPECT_EQ(line.words[1].box.x1, 14 * column);
  EXPECT_EQ(line.word_begin[1], text.find("2,940.05"));
  EXPECT_TRUE(doc.character_grid);
}

TEST(PositionedWords, FormFeedStartsAPageAndTakesNoColumn) {
  const std::string text = "收入决算表\n合计   1.00\n\f支出决算表\n  合计   2.00";
  const pdf::PdfDocument doc = Grid(text);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[1].number, 2u);
  ASSERT_EQ(doc.page_starts.size(), 2u);
  EXPECT_EQ(doc.page_starts[1], text.find('\f'));
  EXPECT_EQ(doc.pages[1].lines[0].words[0].box.x0, 0);
  EXPECT_EQ(doc.pages[1].lines[0].words[0].text, "支出决算表");
  // Lines are numbered down each page.
  EXPECT_LT(doc.pages[1].lines[0].box.y0, doc.pages[1].lines[1].box.y0);
}

TEST(PositionedWords, ClassSectionAndItemCodesAreOneWord) {
  const pdf::PdfDocument doc = Grid("201   06   01   行政运行   1.00   302   01   办公费   2.00");
  const pdf::Line& line = doc.pages[0].lines[0];
  EXPECT_THAT(Words(line), ::testing::ElementsAre("201   06   01", "行政运行", "1.00", "302   01",
                                                  "办公费", "2.00"));
  EXPECT_EQ(line.word_begin[0], 0u);
  // Four digits are a year, not a 类 code; a figure is not a 款 code.
  EXPECT_THAT(Words(Grid("2024   06   合计").pages[0].lines[0]),
              ::testing::ElementsAre("2024", "06", "合计"));
  EXPECT_THAT(Words(Grid("201   6.20").pages[0].lines[0]), ::testing::ElementsAre("201", "6.20"));
}

TEST(PositionedWords, CodePrintedAgainstItsLabelIsTwoWords) {
  const pdf::Line line = Grid("  310资本性支出   0.00").pages[0].lines[0];
  ASSERT_THAT(Words(line), ::testing::ElementsAre("310", "资本性支出", "0.00"));
  EXPECT_EQ(line.words[1].box.x0, line.words[0].box.x1);
  EXPECT_EQ(line.word_begin[1], 5u);
  // Four digits before an ideograph are a year.
  EXPECT_THAT(Words(Grid("2024年度").pages[0].lines[0]), ::testing::ElementsAre("2024年度"));
}

TEST(PositionedWords, SkippedLinesKeepTheirPlaceWithoutWords) {
  const pdf::PdfDocument doc = Grid("项目自评表\n合计   1.00", {true, false});
  ASSERT_EQ(doc.pages[0].lines.size(), 2u);
  EXPECT_TRUE(doc.pages[0].lines[0].words.empty());
  EXPECT_EQ(doc.pages[0].lines[1].words.size(), 2u);
}

TEST(IsColumnLayout, FormFeedsOrSeveralLinesOfColumns) {
  auto layout = [](const std::string& text) { return pdf::IsColumnLayout(text, LineRanges(text)); };
  EXPECT_TRUE(layout("第一页\n\f第二页"));
  EXPECT_TRUE(layout("项目   决算数\n合计   1.00\n其他   1.00"));
  EXPECT_FALSE(layout("项目   决算数\n合计   1.00\n其他 1.00"));
  // Word-export text: one cell per line, indented with tabs.
  EXPECT_FALSE(layout("\t合计\n\t1.00\n\t项目   名称\n\t其他   支出\n\t年度   数"));
  EXPECT_FALSE(layout(ReadFileOrDie(std::string(JUESUAN_SHARED_DIR) +
                                    "/seed/000_0d0d50dd571d51d1.txt")));
  EXPECT_TRUE(layout(ReadFileOrDie(CorpusTextPath("003"))));
}

}  // namespace
}  // namespace juesuan::parse::testing
