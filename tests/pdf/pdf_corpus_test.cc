// Corpus PDFs read as tables and as narrative.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/parse/pdf/pdf_layout.h"
#include "services/parse/tables/standard_tables.h"
#include "services/parse/tables/table_listing.h"
#include "tests/pdf/pdf_test_support.h"

namespace juesuan::parse::testing {
namespace {

using report::v1::Report;
using report::v1::Table;

std::vector<std::string> Lines(const std::string& text, bool skip_comments = false) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || (skip_comments && line[0] == '#')) continue;
    out.push_back(line);
  }
  return out;
}

const Report& ParsedCorpus(const std::string& number) {
  static std::map<std::string, Report> cache;
  auto it = cache.find(number);
  if (it == cache.end()) {
    auto report = ParseBytes(ReadFileOrDie(CorpusPdfPath(number)));
    EXPECT_TRUE(report.ok()) << report.status();
    it = cache.emplace(number, report.ok() ? *report : Report()).first;
  }
  return it->second;
}

const Table* FindTable(const Report& r, const std::string& id) {
  for (const Table& t : r.tables()) {
    if (t.id() == id) return &t;
  }
  return nullptr;
}

// Every printed cell of the nine tables against the golden listing reviewed
// against the rendered pages; the listed known differences (reader defects)
// must be exactly what differs.
void ExpectCellsMatchGolden(const std::string& number) {
  const std::string golden_dir = std::string(JUESUAN_GOLDEN_DIR) + "/tables/";
  std::vector<std::string> expected = Lines(ReadFileOrDie(golden_dir + number + ".cells.txt"));
  std::vector<std::string> actual = Lines(tables::CellListing(ParsedCorpus(number)));
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  std::vector<std::string> missing, extra;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  std::vector<std::string> diffs;
  for (const auto& m : missing) diffs.push_back("- " + m);
  for (const auto& e : extra) diffs.push_back("+ " + e);
  std::vector<std::string> known =
      Lines(ReadFileOrDie(golden_dir + number + ".known_diffs.txt"), /*skip_comments=*/true);
  std::sort(diffs.begin(), diffs.end());
  std::sort(known.begin(), known.end());
  EXPECT_EQ(diffs, known) << "cells differ from tests/golden/tables/" << number << ".cells.txt";
}

TEST(PdfCorpus001, EveryTableCellAsPrinted) { ExpectCellsMatchGolden("001"); }
TEST(PdfCorpus003, EveryTableCellAsPrinted) { ExpectCellsMatchGolden("003"); }

TEST(PdfCorpus001, NineTablesWithTitlesPagesAndUnits) {
  const Report& r = ParsedCorpus("001");
  std::vector<std::string> ids;
  for (const Table& t : r.tables()) {
    ids.push_back(t.id());
    EXPECT_EQ(t.unit(), report::v1::MONEY_UNIT_WAN_YUAN) << t.id();
    EXPECT_GT(t.first_page(), 0u) << t.id();
    EXPECT_GE(t.last_page(), t.first_page()) << t.id();
  }
  EXPECT_THAT(ids, ::testing::ElementsAre("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"));
  // 收入支出决算总表 runs from page 6 onto page 7.
  EXPECT_EQ(FindTable(r, "T1")->first_page(), 6u);
  EXPECT_EQ(FindTable(r, "T1")->last_page(), 7u);
  EXPECT_TRUE(FindTable(r, "T8")->empty());
  EXPECT_THAT(FindTable(r, "T8")->note().text(), ::testing::HasSubstr("故本表无数据"));
  EXPECT_TRUE(FindTable(r, "T9")->empty());
  EXPECT_FALSE(FindTable(r, "T7")->empty());  // 0.95 budgeted, nothing spent
}

TEST(PdfCorpus001, CodesHierarchyAndTotals) {
  const Table& t = *FindTable(ParsedCorpus("001"), "T2");
  ASSERT_GE(t.rows_size(), 5);
  EXPECT_TRUE(t.rows(0).is_total());
  EXPECT_EQ(t.rows(0).level(), report::v1::ROW_LEVEL_TOTAL);
  EXPECT_EQ(t.rows(1).code(), "201");
  EXPECT_EQ(t.rows(1).level(), report::v1::ROW_LEVEL_CLASS);
  EXPECT_EQ(t.rows(2).code(), "20106");
  EXPECT_EQ(t.rows(2).level(), report::v1::ROW_LEVEL_SECTION);
  EXPECT_EQ(t.rows(3).code(), "2010601");
  EXPECT_EQ(t.rows(3).level(), report::v1::ROW_LEVEL_ITEM);
  EXPECT_EQ(t.rows(3).label(), "行政运行");
  // Column roles come from the header text.
  std::vector<std::string> roles;
  for (const auto& c : t.columns()) roles.push_back(c.role());
  EXPECT_THAT(roles, ::testing::ElementsAre("code.class", "code.section", "code.item", "name",
                                            "income", "fiscal", "superior_subsidy", "business",
                                            "operating_income", "affiliated_remit",
                                            "other_income"));
  // A wrapped label is one label; an explicit figure carries its amount and
  // provenance (page, table reference).
  bool wrapped = false;
  for (const auto& row : t.rows()) {
    if (row.code() == "2080505") {
      wrapped = row.label() == "机关事业单位基本养老保险缴费支出";
      const auto& cell = row.cells(4);
      EXPECT_EQ(cell.kind(), report::v1::CELL_KIND_NUMBER);
      EXPECT_EQ(cell.amount().fen(), 160750000);
      EXPECT_EQ(cell.src().page(), 8u);
      EXPECT_EQ(cell.src().table().table_id(), "T2");
      EXPECT_EQ(cell.src().raw_text(), "160.75");
      EXPECT_EQ(row.cells(6).kind(), report::v1::CELL_KIND_BLANK);  // 上级补助收入
    }
  }
  EXPECT_TRUE(wrapped);
  // 基本支出表: economic codes in side-by-side blocks, two total rows.
  const Table& t6 = *FindTable(ParsedCorpus("001"), "T6");
  int totals = 0;
  std::set<std::string> codes;
  for (const auto& row : t6.rows()) {
    totals += row.is_total();
    codes.insert(row.code());
  }
  EXPECT_EQ(totals, 2);
  EXPECT_TRUE(codes.count("30101") && codes.count("30212") && codes.count("31099"));
}

TEST(PdfCorpus001, BlankPageReported) {
  const Report& r = ParsedCorpus("001");
  int blank_pages = 0;
  for (const auto& d : r.diagnostics()) {
    if (d.code() == "PAGE_WITHOUT_TEXT") {
      ++blank_pages;
      EXPECT_EQ(d.src().page(), 14u);
    }
  }
  EXPECT_EQ(blank_pages, 1);
}

// The narrative read from the PDF equals the narrative read from its
// pdftotext rendering, except where the PDF reads better: the rendering
// moves fragments of two sentences out of place (two 原因 texts absorb
// displaced text there) and prints a space in "第一条 根据".
TEST(PdfCorpus001, NarrativeEqualsTextRendering) {
  auto from_text = ParseBytes(ReadFileOrDie(std::string(JUESUAN_SHARED_DIR) + "/corpus/001/text.txt"));
  ASSERT_TRUE(from_text.ok()) << from_text.status();
  const Report& from_pdf = ParsedCorpus("001");
  auto starts = [](const std::string& line, std::string_view prefix) {
    return line.rfind(prefix, 0) == 0;
  };
  auto skipped = [&](const std::string& line) {
    for (std::string_view part :
         {"tables", "sections", "dates", "placeholders", "diagnostics", "document.",
          "profile.functions"}) {
      if (starts(line, part)) return true;
    }
    return line.find("budget_vs_final.reason") != std::string::npos &&
           (starts(line, "general_public_budget.items[3]") ||
            starts(line, "general_public_budget.items[5]") || starts(line, "statements[21]") ||
            starts(line, "statements[23]"));
  };
  auto narrative = [&](const Report& r) {
    std::vector<std::string> out;
    for (const std::string& line : NormalizedOutline(r)) {
      if (!skipped(line)) out.push_back(line);
    }
    return out;
  };
  EXPECT_EQ(narrative(from_pdf), narrative(*from_text));
  // Values the text tests check, read from the PDF; evidence has pages.
  EXPECT_EQ(from_pdf.totals().income_expend_total().fen(), 2995390000);
  EXPECT_EQ(from_pdf.totals().income_expend_total().src().page(), 21u);
  EXPECT_EQ(from_pdf.expenditure().project().amount().fen(), 603140000);
  EXPECT_EQ(from_pdf.general_public_budget().items_size(), 11);
  EXPECT_EQ(from_pdf.document().format(), report::v1::FORMAT_PDF);
}

std::vector<std::string> Roles(const Table& t) {
  std::vector<std::string> roles;
  for (const auto& c : t.columns()) roles.push_back(c.role());
  return roles;
}

// T7's two-level header (item over 预算数 | 决算数, 公务用车 over 小计 |
// 购置费 | 运行费): every column names its group and item. 001 prints the
// sub-headers left-aligned in their cells, 003 wraps them over two lines,
// 004 prints no figures at all (checked against the rendered pages).
TEST(PdfCorpus, SangongColumnsNamedByGroupAndItem) {
  const std::vector<std::string> expected = {
      "budget.total",         "final.total",          "budget.abroad",       "final.abroad",
      "budget.car.total",     "final.car.total",      "budget.car.purchase", "final.car.purchase",
      "budget.car.operation", "final.car.operation",  "budget.reception",    "final.reception"};
  for (const std::string number : {"001", "003", "004"}) {
    const Table* t7 = FindTable(ParsedCorpus(number), "T7");
    ASSERT_NE(t7, nullptr) << number;
    EXPECT_EQ(Roles(*t7), expected) << number;
  }
  // 001 budgets 0.95 for 合计 and 公务接待费 and prints nothing else.
  const Table& t7 = *FindTable(ParsedCorpus("001"), "T7");
  ASSERT_EQ(t7.rows_size(), 1);
  for (int c = 0; c < t7.columns_size(); ++c) {
    const bool printed = t7.columns(c).role() == "budget.total" || t7.columns(c).role() == "budget.reception";
    EXPECT_EQ(t7.rows(0).cells(c).kind(),
              printed ? report::v1::CELL_KIND_NUMBER : report::v1::CELL_KIND_BLANK) << c;
    if (printed) {
      EXPECT_EQ(t7.rows(0).cells(c).amount().fen(), 950'000);
    }
  }
  // 004: the table prints its header and an empty row, no figures, no note.
  const Table& t7_004 = *FindTable(ParsedCorpus("004"), "T7");
  EXPECT_TRUE(t7_004.empty());
  EXPECT_FALSE(t7_004.has_note());
}

// T8/T9: 本年收入 is a column of its own beside the 本年支出 group
// (小计 | 基本支出 | 项目支出), not a group title over 小计.
TEST(PdfCorpus, FundTablesKeepIncomeApartFromExpenditure) {
  const std::vector<std::string> expected = {
      "code.class",      "code.section", "code.item", "name",    "carryover_begin",
      "income",          "subtotal",     "basic",     "project", "carryover_end"};
  for (const std::string number : {"001", "004"}) {
    for (const std::string id : {"T8", "T9"}) {
      const Table* t = FindTable(ParsedCorpus(number), id);
      ASSERT_NE(t, nullptr) << number << " " << id;
      EXPECT_EQ(Roles(*t), expected) << number << " " << id;
      EXPECT_EQ(t->columns(6).header(), "本年支出/小计") << number << " " << id;
    }
  }
}

// 003 (p15, p16) prints the 本年支出 group's sub-headers 合计 | 基本支出 |
// 项目支出 on the line of the empty table's 合计 row: they head the columns
// under 本年支出 (a group over three columns, centred over the middle one's
// sub-header a row below it), and the row keeps only its label.
TEST(PdfCorpus003, SubHeadersBesideTheTotalRowHeadTheirColumns) {
  const std::vector<std::string> expected = {"code",     "name",  "carryover_begin", "income",
                                             "subtotal", "basic", "project",         "carryover_end"};
  for (const std::string id : {"T8", "T9"}) {
    const Table* t = FindTable(ParsedCorpus("003"), id);
    ASSERT_NE(t, nullptr) << id;
    EXPECT_EQ(Roles(*t), expected) << id;
    EXPECT_EQ(t->columns(4).header(), "本年支出/合计") << id;
    EXPECT_EQ(t->columns(5).header(), "本年支出/基本支出") << id;
    EXPECT_EQ(t->columns(6).header(), "本年支出/项目支出") << id;
    ASSERT_EQ(t->rows_size(), 1) << id;
    EXPECT_TRUE(t->rows(0).is_total()) << id;
    for (int c = 0; c < t->columns_size(); ++c) {
      if (t->columns(c).role() == "name") continue;
      EXPECT_EQ(t->rows(0).cells(c).kind(), report::v1::CELL_KIND_BLANK) << id << " column " << c;
    }
  }
}

// 003 T3 (p8): a label wrapped over two lines whose second line prints
// nearer to the next row's code still ends its own row's label.
TEST(PdfCorpus003, WrappedLabelsJoinTheirRow) {
  const Table& t3 = *FindTable(ParsedCorpus("003"), "T3");
  std::map<std::string, std::string> labels;
  for (const auto& row : t3.rows()) labels[row.code()] = row.label();
  EXPECT_EQ(labels["2080505"], "机关事业单位基本养老保险缴费支出");
  EXPECT_EQ(labels["2080506"], "机关事业单位职业年金缴费支出");
}

TEST(PdfCorpus005, TemplateTablesRecognisedEmpty) {
  const Report& r = ParsedCorpus("005");
  std::vector<std::string> ids;
  for (const Table& t : r.tables()) {
    ids.push_back(t.id());
    EXPECT_TRUE(t.empty()) << t.id();
    EXPECT_FALSE(t.note().text().empty()) << t.id();
    for (const auto& row : t.rows()) {
      for (const auto& cell : row.cells()) {
        EXPECT_NE(cell.kind(), report::v1::CELL_KIND_NUMBER) << t.id();
      }
    }
  }
  EXPECT_THAT(ids, ::testing::ElementsAre("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"));
  // The empty cells keep their rows: the template's 收入支出决算总表 lists
  // its income and expenditure lines.
  EXPECT_GE(FindTable(r, "T1")->rows_size(), 30);
  EXPECT_GE(FindTable(r, "T6")->rows_size(), 60);
}

TEST(PdfCorpus004, MissingTableReportedOthersRead) {
  const Report& r = ParsedCorpus("004");
  std::vector<std::string> ids;
  for (const Table& t : r.tables()) ids.push_back(t.id());
  EXPECT_THAT(ids, ::testing::ElementsAre("T1", "T2", "T4", "T5", "T6", "T7", "T8", "T9"));
  int missing = 0;
  for (const auto& d : r.diagnostics()) {
    if (d.code() == "TABLE_MISSING") {
      ++missing;
      EXPECT_THAT(d.message(), ::testing::HasSubstr("T3"));
    }
  }
  EXPECT_EQ(missing, 1);
  EXPECT_FALSE(FindTable(r, "T1")->empty());
  EXPECT_FALSE(FindTable(r, "T2")->empty());
  EXPECT_EQ(FindTable(r, "T2")->rows(3).code(), "2010601");
  EXPECT_FALSE(FindTable(r, "T5")->empty());
  EXPECT_FALSE(FindTable(r, "T6")->empty());
}

}  // namespace
}  // namespace juesuan::parse::testing

namespace juesuan::parse::testing {
namespace {

// 三公 roles come from the header text in either nesting: items over
// 预算数 | 决算数 (the corpus PDFs) or 预算数 | 决算数 over the items.
// Pages read on several threads make the same document as pages read in
// turn: same text, page starts, lines and word boxes.
TEST(PdfPageThreads, SameDocumentAsOneThread) {
  for (const std::string number : {"001", "003"}) {
    const std::string bytes = ReadFileOrDie(CorpusPdfPath(number));
    pdf::PdfLimits one;
    auto expected = pdf::ReadPdf(bytes, one);
    ASSERT_TRUE(expected.ok()) << expected.status();
    for (uint32_t threads : {2u, 3u, 64u}) {
      pdf::PdfLimits limits;
      limits.page_threads = threads;
      auto actual = pdf::ReadPdf(bytes, limits);
      ASSERT_TRUE(actual.ok()) << actual.status();
      EXPECT_EQ(actual->text, expected->text) << number << " threads " << threads;
      EXPECT_EQ(actual->page_starts, expected->page_starts);
      EXPECT_EQ(actual->pages_without_text, expected->pages_without_text);
      ASSERT_EQ(actual->pages.size(), expected->pages.size());
      for (size_t p = 0; p < actual->pages.size(); ++p) {
        const pdf::Page& a = actual->pages[p];
        const pdf::Page& e = expected->pages[p];
        EXPECT_EQ(a.number, e.number);
        ASSERT_EQ(a.lines.size(), e.lines.size()) << "page " << e.number;
        for (size_t l = 0; l < a.lines.size(); ++l) {
          EXPECT_EQ(a.lines[l].text, e.lines[l].text);
          EXPECT_EQ(a.lines[l].word_begin, e.lines[l].word_begin);
          ASSERT_EQ(a.lines[l].words.size(), e.lines[l].words.size());
          for (size_t w = 0; w < a.lines[l].words.size(); ++w) {
            EXPECT_EQ(a.lines[l].words[w].box.x0, e.lines[l].words[w].box.x0);
            EXPECT_EQ(a.lines[l].words[w].box.y1, e.lines[l].words[w].box.y1);
          }
        }
      }
    }
  }
}

TEST(SangongColumnRole, GroupAndItemFromEitherNesting) {
  using tables::ColumnRole;
  EXPECT_EQ(ColumnRole("财政拨款“三公”经费/合计/预算数"), "budget.total");
  EXPECT_EQ(ColumnRole("因公出国（境）费/决算数"), "final.abroad");
  EXPECT_EQ(ColumnRole("公务用车购置及运行维护费/小计/决算数"), "final.car.total");
  EXPECT_EQ(ColumnRole("公务用车购置及运行维护费/公务用车购置费/预算数"), "budget.car.purchase");
  EXPECT_EQ(ColumnRole("公务用车购置及运行维护费/公务用车运行维护费/预算数"), "budget.car.operation");
  EXPECT_EQ(ColumnRole("公务接待费/决算数"), "final.reception");
  EXPECT_EQ(ColumnRole("预算数/合计"), "budget.total");
  EXPECT_EQ(ColumnRole("决算数/公务用车购置及运行费/小计"), "final.car.total");
  EXPECT_EQ(ColumnRole("决算数/公务用车购置及运行费"), "final.car.total");
  EXPECT_EQ(ColumnRole("预算数/公务用车购置及运行费/公务用车运行费"), "budget.car.operation");
  // Other tables keep their roles.
  EXPECT_EQ(ColumnRole("本年支出/小计"), "subtotal");
  EXPECT_EQ(ColumnRole("支出/一般公共预算财政拨款"), "general_public_budget");
}

}  // namespace
}  // namespace juesuan::parse::testing
