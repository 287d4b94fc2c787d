// Per-family rule tests on small hand-made reports, including the corpus
// findings of REFERENCE §3.16 (corpus/001, 003, 004) as mini-fixtures.
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "services/validate/testing/seed_fixture.h"

namespace juesuan::validate {
namespace {

namespace fv1 = ::juesuan::findings::v1;
namespace rv1 = ::juesuan::report::v1;
namespace vv1 = ::juesuan::validate::v1;

rv1::Amount Wan(int64_t hundredths, uint32_t line = 1) {
  rv1::Amount a;
  a.set_fen(hundredths * 10'000);
  a.set_quantum_fen(10'000);
  a.set_unit(rv1::MONEY_UNIT_WAN_YUAN);
  a.mutable_src()->set_line(line);
  return a;
}

rv1::Percent Pct(int64_t digits, int32_t scale = 2) {
  rv1::Percent p;
  p.mutable_value()->set_digits(digits);
  p.mutable_value()->set_scale(scale);
  p.set_has_percent_sign(true);
  return p;
}

rv1::Report Shanghai(int year = 2024) {
  rv1::Report r;
  r.mutable_document()->set_layout(rv1::LAYOUT_SHANGHAI);
  r.mutable_document()->set_year(year);
  return r;
}

std::vector<fv1::Finding> Findings(const rv1::Report& report, std::string_view rule_id) {
  auto response = Validate(report, DefaultConfig());
  EXPECT_TRUE(response.ok()) << response.status();
  std::vector<fv1::Finding> out;
  for (const auto& f : response->findings()) {
    if (f.rule_id() == rule_id) out.push_back(f);
  }
  return out;
}

fv1::Severity Only(const rv1::Report& report, std::string_view rule_id) {
  const auto f = Findings(report, rule_id);
  EXPECT_EQ(f.size(), 1u) << rule_id << (f.empty() ? "" : ": " + f[0].relation() + " … " + f.back().relation());
  return f.empty() ? fv1::SEVERITY_UNSPECIFIED : f[0].severity();
}

// ---- tables -------------------------------------------------------------------
rv1::Table* AddTable(rv1::Report& r, const char* id, std::vector<const char*> roles) {
  rv1::Table* t = r.add_tables();
  t->set_id(id);
  for (const char* role : roles) t->add_columns()->set_role(role);
  return t;
}

rv1::Row* AddRow(rv1::Table* t, const char* code, const char* label, rv1::RowLevel level,
                 std::vector<int64_t> amounts) {
  rv1::Row* row = t->add_rows();
  row->set_code(code);
  row->set_label(label);
  row->set_level(level);
  row->set_is_total(level == rv1::ROW_LEVEL_TOTAL);
  for (int64_t a : amounts) {
    rv1::Cell* c = row->add_cells();
    c->set_kind(rv1::CELL_KIND_NUMBER);
    *c->mutable_amount() = Wan(a);
  }
  return row;
}

// ---- corpus/001 — Putuo 财政局 2024 -----------------------------------------------

TEST(Corpus001, ClassShareOffByMoreThanAQuantumIsAnError) {
  rv1::Report r = Shanghai();
  auto* gpb = r.mutable_general_public_budget();
  *gpb->mutable_total() = Wan(294005);
  auto* c = gpb->add_classes();
  c->set_name("一般公共服务支出");
  *c->mutable_amount() = Wan(210666);
  *c->mutable_share() = Pct(7173);
  const auto f = Findings(r, "FA-PCT-004");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].residue(), "0.0708");  // outside [71.6486, 71.6592]
  *c->mutable_share() = Pct(7165);
  EXPECT_TRUE(Findings(r, "FA-PCT-004").empty());
}

TEST(Corpus001, ProcurementResidueIsInfo) {
  rv1::Report r = Shanghai();
  auto* p = r.mutable_procurement();
  *p->mutable_total() = Wan(25125);
  *p->mutable_goods() = Wan(479);
  *p->mutable_works() = Wan(0);
  *p->mutable_services() = Wan(24647);
  EXPECT_EQ(Only(r, "FA-SUM-012"), fv1::SEVERITY_INFO);
  *p->mutable_services() = Wan(24649);  // 2¢ with n_nz = 3
  EXPECT_EQ(Only(r, "FA-SUM-012"), fv1::SEVERITY_ERROR);
}

TEST(Corpus001, FiscalTotalDisagreesWithT4) {
  rv1::Report r = Shanghai();
  *r.mutable_fiscal()->mutable_income_expend_total() = Wan(30, 40);  // "0.3万元"
  r.mutable_fiscal()->mutable_income_expend_total()->set_quantum_fen(100'000);
  r.mutable_fiscal()->mutable_income_expend_total()->set_fen(300'000);
  rv1::Table* t4 = AddTable(r, "T4", {"income", "total"});
  AddRow(t4, "", "总计", rv1::ROW_LEVEL_TOTAL, {296168, 296168});
  EXPECT_EQ(Only(r, "FA-NT-004"), fv1::SEVERITY_ERROR);
  r.mutable_fiscal()->mutable_income_expend_total()->set_fen(2'961'680'000);
  r.mutable_fiscal()->mutable_income_expend_total()->set_quantum_fen(10'000);
  EXPECT_TRUE(Findings(r, "FA-NT-004").empty());
}

TEST(Corpus001, FlatFiscalTotalContradictsTheGpbDecrease) {
  rv1::Report r = Shanghai();
  auto* fis = r.mutable_fiscal();
  *fis->mutable_income_expend_total() = Wan(296168);
  fis->mutable_yoy()->set_direction(rv1::DIRECTION_FLAT);
  *fis->mutable_yoy()->mutable_delta() = Wan(0);
  auto* gpb = r.mutable_general_public_budget();
  *gpb->mutable_total() = Wan(294005);
  gpb->mutable_yoy()->set_direction(rv1::DIRECTION_DECREASE);
  *gpb->mutable_yoy()->mutable_delta() = Wan(6314);
  gpb->mutable_yoy()->mutable_reason()->set_text("…");
  const auto f = Findings(r, "FA-YOY-006");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].operands(0).value(), "3003.19");
  // The test version corpus/004 states the fiscal total fell by 63.14 (2.09%),
  // which checks out on a current 2961.68: 63.14 / 3024.82.
  fis->mutable_yoy()->set_direction(rv1::DIRECTION_DECREASE);
  *fis->mutable_yoy()->mutable_delta() = Wan(6314);
  fis->mutable_yoy()->set_rate_direction(rv1::DIRECTION_DECREASE);
  *fis->mutable_yoy()->mutable_rate() = Pct(209);
  fis->mutable_yoy()->mutable_reason()->set_text("…");
  EXPECT_TRUE(Findings(r, "FA-YOY-001").empty());
  EXPECT_TRUE(Findings(r, "FA-YOY-006").empty());
}

TEST(Corpus001, TableRoundingResidues) {
  rv1::Report r = Shanghai();
  rv1::Table* t6 = AddTable(r, "T6", {"final"});
  AddRow(t6, "301", "工资福利支出", rv1::ROW_LEVEL_CLASS, {208285});
  for (int64_t a : {50000, 40000, 30000, 20000, 20000, 18000, 15000, 10000, 5286}) {
    AddRow(t6, "30101", "item", rv1::ROW_LEVEL_SECTION, {a});
  }
  AddRow(t6, "303", "对个人和家庭的补助", rv1::ROW_LEVEL_CLASS, {6941});
  AddRow(t6, "", "人员经费合计", rv1::ROW_LEVEL_TOTAL, {215226});
  const auto f = Findings(r, "FA-SUM-009");
  ASSERT_EQ(f.size(), 1u);  // footer ✓, 301 vs Σ items 1¢ with tol 4¢ → info
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_INFO);
  EXPECT_EQ(f[0].residue(), "-0.01");
  // A footer off by 10 quanta is an error; a class off its items beyond
  // tolerance only a warning.
  t6->mutable_rows(11)->mutable_cells(0)->mutable_amount()->set_fen(2'153'260'000);
  t6->mutable_rows(0)->mutable_cells(0)->mutable_amount()->set_fen(2'082'950'000);
  const auto g = Findings(r, "FA-SUM-009");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(g[0].relation(), "T6 人员经费合计 = Σ 经济分类类");
  EXPECT_EQ(g[1].severity(), fv1::SEVERITY_WARNING);
  t6->mutable_rows(11)->mutable_cells(0)->mutable_amount()->set_fen(2'152'260'000);
  t6->mutable_rows(0)->mutable_cells(0)->mutable_amount()->set_fen(2'082'850'000);

  rv1::Table* t5 = AddTable(r, "T5", {"total"});
  AddRow(t5, "", "合计", rv1::ROW_LEVEL_TOTAL, {294005});
  AddRow(t5, "201", "一般公共服务支出", rv1::ROW_LEVEL_CLASS, {210666});
  AddRow(t5, "208", "社会保障和就业支出", rv1::ROW_LEVEL_CLASS, {83340});
  EXPECT_EQ(Only(r, "FA-SUM-006"), fv1::SEVERITY_INFO);  // Σ类 2940.06 vs 2940.05
}

TEST(Corpus001, PercentWithoutDecimalsIsInfo) {
  rv1::Report r = Shanghai();
  auto* total = r.mutable_sangong()->mutable_total();
  auto* bvf = total->mutable_budget_vs_final();
  *bvf->mutable_budget() = Wan(95);
  *bvf->mutable_final() = Wan(0);
  *bvf->mutable_completion() = Pct(0, 0);
  bvf->mutable_reason()->set_text("厉行节约");
  EXPECT_EQ(Only(r, "FA-PCT-008"), fv1::SEVERITY_INFO);
  EXPECT_TRUE(Findings(r, "FA-PCT-007").empty());  // 0% of 0.95 is right
}

// ---- corpus/003 — Putuo 社工部 2024 (new unit) ---------------------------------------

TEST(Corpus003, CompletionOfAZeroInitialBudget) {
  rv1::Report r = Shanghai();
  auto* bvf = r.mutable_general_public_budget()->mutable_budget_vs_final();
  bvf->set_kind(rv1::BUDGET_KIND_INITIAL);
  bvf->set_completion_kind(rv1::BUDGET_KIND_INITIAL);
  *bvf->mutable_budget() = Wan(0);
  *bvf->mutable_final() = Wan(30782);
  *bvf->mutable_completion() = Pct(9589);
  bvf->mutable_reason()->set_text("…");
  EXPECT_EQ(Only(r, "FA-BVF-003"), fv1::SEVERITY_WARNING);
}

TEST(Corpus003, SmeWonAmountsExceedTheTotal) {
  rv1::Report r = Shanghai();
  auto* p = r.mutable_procurement();
  *p->mutable_total() = Wan(2107);
  *p->mutable_sme_reserved() = Wan(2107);
  *p->mutable_small_micro_reserved() = Wan(2107);
  *p->mutable_sme_won_in_reserved() = Wan(2107);
  *p->mutable_small_micro_won_in_reserved() = Wan(2107);
  *p->mutable_sme_won_in_other() = Wan(2107);
  const auto f = Findings(r, "FA-SUM-013");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].residue(), "21.07");
  *p->mutable_sme_won_in_other() = Wan(0);
  EXPECT_TRUE(Findings(r, "FA-SUM-013").empty());
}

TEST(Corpus003, ForcedShareIsInfoAndZeroBaseIsGrouped) {
  rv1::Report r = Shanghai();
  auto* gpb = r.mutable_general_public_budget();
  *gpb->mutable_total() = Wan(30782);
  auto* c = gpb->add_classes();
  c->set_name("住房保障支出");
  *c->mutable_amount() = Wan(2942);
  *c->mutable_share() = Pct(955);
  EXPECT_EQ(Only(r, "FA-PCT-004"), fv1::SEVERITY_INFO);
  auto* yoy = gpb->mutable_yoy();
  yoy->set_direction(rv1::DIRECTION_INCREASE);
  *yoy->mutable_delta() = Wan(30782);
  *yoy->mutable_rate() = Pct(10000);
  yoy->mutable_reason()->set_text("新成立单位");
  EXPECT_EQ(Only(r, "FA-YOY-003"), fv1::SEVERITY_INFO);
  *yoy->mutable_rate() = Pct(5000);  // not a convention
  EXPECT_EQ(Only(r, "FA-YOY-003"), fv1::SEVERITY_ERROR);
}

// ---- corpus/004 — the seeded test version ------------------------------------------

TEST(Corpus004, HeadingYear) {
  rv1::Report r = Shanghai();
  r.mutable_document()->add_years_in_headings()->set_text("2023年度");
  EXPECT_EQ(Only(r, "FA-YR-001"), fv1::SEVERITY_ERROR);
  r.mutable_document()->mutable_years_in_headings(0)->set_text("2024年度");
  EXPECT_TRUE(Findings(r, "FA-YR-001").empty());
}

TEST(Corpus004, NarrativeTotalDisagreesWithT1) {
  rv1::Report r = Shanghai();
  *r.mutable_totals()->mutable_income_expend_total() = Wan(0);
  rv1::Table* t1 = AddTable(r, "T1", {"income", "expenditure"});
  AddRow(t1, "", "总计", rv1::ROW_LEVEL_TOTAL, {299539, 299539});
  EXPECT_EQ(Only(r, "FA-NT-001"), fv1::SEVERITY_ERROR);
}

TEST(Corpus004, ComparativeWordsContradictTheNumbers) {
  rv1::Report r = Shanghai();
  struct Case { int64_t final_amount, budget; rv1::Comparison word; };
  for (const Case& c : {Case{151189, 156005, rv1::COMPARISON_GREATER}, Case{8038, 8081, rv1::COMPARISON_GREATER},
                        Case{6099, 6229, rv1::COMPARISON_EQUAL}, Case{6229, 6229, rv1::COMPARISON_EQUAL},
                        Case{10050, 10000, rv1::COMPARISON_ROUGHLY_EQUAL}}) {
    auto* item = r.mutable_general_public_budget()->add_items();
    auto* bvf = item->mutable_budget_vs_final();
    *bvf->mutable_final() = Wan(c.final_amount);
    *bvf->mutable_budget() = Wan(c.budget);
    bvf->set_comparison(c.word);
    bvf->mutable_reason()->set_text("…");
  }
  const auto f = Findings(r, "FA-BVF-004");
  EXPECT_EQ(f.size(), 3u);
  for (const auto& x : f) EXPECT_EQ(x.severity(), fv1::SEVERITY_ERROR);
}

TEST(Corpus004, AnchorDateInThePriorYear) {
  rv1::Report r = Shanghai();
  auto* as_of = r.mutable_assets()->mutable_as_of();
  as_of->mutable_date()->set_year(2023);
  as_of->mutable_date()->set_month(12);
  as_of->mutable_date()->set_day(31);
  as_of->set_qualifier("截至");
  EXPECT_EQ(Only(r, "FA-YR-002"), fv1::SEVERITY_WARNING);
}

TEST(Corpus004, MissingTableAndTextResidue) {
  rv1::Report r = Shanghai();
  for (const char* id : {"T1", "T2", "T4", "T5", "T6", "T7", "T8", "T9"}) AddTable(r, id, {"total"});
  const auto f = Findings(r, "FA-REQ-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_NE(f[0].message_zh().find("支出决算表"), std::string::npos);

  r.set_text("第二部分 上海市普陀区XX局2024年度部门决算表\n本年收入合计。。\n");
  EXPECT_EQ(Only(r, "FA-TXT-001"), fv1::SEVERITY_WARNING);
  const auto punct = Findings(r, "FA-TXT-007");
  ASSERT_EQ(punct.size(), 1u);
  EXPECT_EQ(punct[0].operands(0).src().line(), 2u);
}

// ---- narrative ↔ tables and table ↔ table (FA-NT-002/003/007/008/009, table forms) ----

// A row of a two-sided summary table (T1, T4): name | money [| money…] per
// side; "" names and kBlank amounts print nothing.
constexpr int64_t kBlank = INT64_MIN;

rv1::Row* AddPrintedRow(rv1::Table* t, std::vector<std::pair<const char*, int64_t>> cells,
                        rv1::RowLevel level = rv1::ROW_LEVEL_OTHER) {
  rv1::Row* row = t->add_rows();
  row->set_level(level);
  for (const auto& [text, amount] : cells) {
    rv1::Cell* name = row->add_cells();
    name->set_kind(text[0] == '\0' ? rv1::CELL_KIND_BLANK : rv1::CELL_KIND_TEXT);
    name->set_raw(text);
    if (row->label().empty()) row->set_label(text);
    rv1::Cell* money = row->add_cells();
    if (amount == kBlank) {
      money->set_kind(rv1::CELL_KIND_BLANK);
    } else {
      money->set_kind(rv1::CELL_KIND_NUMBER);
      *money->mutable_amount() = Wan(amount);
    }
  }
  return row;
}

// T1 of corpus/001 (p6–7) as the PDF reader types it.
rv1::Table* AddT1Of001(rv1::Report& r) {
  rv1::Table* t1 = AddTable(r, "T1", {"name", "final", "name", "final"});
  AddPrintedRow(t1, {{"一、一般公共预算财政拨款收入", 294005}, {"", kBlank}});
  AddPrintedRow(t1, {{"二、政府性基金预算财政拨款收入", kBlank}, {"", kBlank}});
  AddPrintedRow(t1, {{"三、国有资本经营预算财政拨款收入", kBlank}, {"", kBlank}});
  AddPrintedRow(t1, {{"五、事业收入", kBlank}, {"", kBlank}});
  AddPrintedRow(t1, {{"八、其他收入", 620}, {"", kBlank}});
  AddPrintedRow(t1, {{"本年收入合计", 294625}, {"", kBlank}}, rv1::ROW_LEVEL_TOTAL);
  AddPrintedRow(t1, {{"使用非财政拨款结余（含专用结余）", kBlank}, {"", kBlank}});
  AddPrintedRow(t1, {{"年初结转和结余", 4914}, {"", kBlank}});
  AddPrintedRow(t1, {{"总计", 299539}, {"", kBlank}}, rv1::ROW_LEVEL_TOTAL);
  AddPrintedRow(t1, {{"", kBlank}, {"一、一般公共服务支出", 210666}});
  AddPrintedRow(t1, {{"", kBlank}, {"八、社会保障和就业支出", 32671}});
  AddPrintedRow(t1, {{"", kBlank}, {"九、卫生健康支出", 6099}});
  AddPrintedRow(t1, {{"", kBlank}, {"十九、住房保障支出", 44569}});
  AddPrintedRow(t1, {{"", kBlank}, {"本年支出合计", 294005}}, rv1::ROW_LEVEL_TOTAL);
  AddPrintedRow(t1, {{"", kBlank}, {"结余分配", kBlank}});
  AddPrintedRow(t1, {{"", kBlank}, {"年末结转和结余", 5534}});
  AddPrintedRow(t1, {{"", kBlank}, {"总计", 299539}}, rv1::ROW_LEVEL_TOTAL);
  return t1;
}

void SetShare(rv1::Share* share, int64_t hundredths) { *share->mutable_amount() = Wan(hundredths); }

TEST(NarrativeTables, IncomeAgainstT1RowsAndT2Total) {  // FA-NT-002
  rv1::Report r = Shanghai();
  AddT1Of001(r);
  auto* in = r.mutable_income();
  *in->mutable_total() = Wan(294625);
  SetShare(in->mutable_fiscal(), 294005);  // T1 一 (二、三 blank)
  SetShare(in->mutable_other(), 620);
  SetShare(in->mutable_business(), 0);  // blank 事业收入 reads as 0.00
  EXPECT_TRUE(Findings(r, "FA-NT-002").empty());
  SetShare(in->mutable_other(), 621);
  EXPECT_EQ(Only(r, "FA-NT-002"), fv1::SEVERITY_WARNING);
  SetShare(in->mutable_other(), 720);
  const auto f = Findings(r, "FA-NT-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].relation(), "inc.other = T1 其他收入");
  EXPECT_EQ(f[0].operands(1).name(), "T1[八、其他收入].final");
  SetShare(in->mutable_other(), 620);

  // Without T1 the T2 合计 row is the table side.
  r.mutable_tables()->Clear();
  rv1::Table* t2 = AddTable(r, "T2", {"income", "fiscal", "business", "other_income"});
  AddRow(t2, "", "合计", rv1::ROW_LEVEL_TOTAL, {294625, 294005, 0, 620});
  EXPECT_TRUE(Findings(r, "FA-NT-002").empty());
  SetShare(in->mutable_fiscal(), 294105);
  EXPECT_EQ(Only(r, "FA-NT-002"), fv1::SEVERITY_ERROR);
}

TEST(NarrativeTables, ExpenditureAgainstT3Total) {  // FA-NT-003
  rv1::Report r = Shanghai();
  auto* ex = r.mutable_expenditure();
  *ex->mutable_total() = Wan(294005);
  SetShare(ex->mutable_basic(), 233691);
  SetShare(ex->mutable_project(), 60314);
  // No T1/T3: a coverage note, no finding.
  rv1::Table* t6 = AddTable(r, "T6", {"final"});
  AddRow(t6, "", "人员经费合计", rv1::ROW_LEVEL_TOTAL, {215226});
  auto response = Validate(r, DefaultConfig());
  ASSERT_TRUE(response.ok());
  for (const auto& run : response->summary().runs()) {
    if (run.rule_id() == "FA-NT-003") EXPECT_EQ(run.outcome(), vv1::RULE_OUTCOME_COULD_NOT_RUN);
  }
  EXPECT_TRUE(Findings(r, "FA-NT-003").empty());
  rv1::Table* t3 = AddTable(r, "T3", {"expenditure", "basic", "project", "remit_superior"});
  AddRow(t3, "", "合计", rv1::ROW_LEVEL_TOTAL, {294005, 233691, 60314, 0});
  EXPECT_TRUE(Findings(r, "FA-NT-003").empty());
  SetShare(ex->mutable_project(), 60341);  // transposed digits
  EXPECT_EQ(Only(r, "FA-NT-003"), fv1::SEVERITY_ERROR);
}

// T7 as the PDF reader types it: 12 columns, each item's 预算数 | 决算数,
// with roles naming group and item; one data row.
rv1::Table* AddT7(rv1::Report& r, std::vector<int64_t> cells) {
  rv1::Table* t7 = r.add_tables();
  t7->set_id("T7");
  static constexpr std::pair<const char*, const char*> kItems[] = {
      {"合计", "total"},
      {"因公出国（境）费", "abroad"},
      {"公务用车购置及运行费/小计", "car.total"},
      {"公务用车购置及运行费/公务用车购置费", "car.purchase"},
      {"公务用车购置及运行费/公务用车运行费", "car.operation"},
      {"公务接待费", "reception"}};
  for (const auto& [header, role] : kItems) {
    for (const bool final : {false, true}) {
      auto* col = t7->add_columns();
      col->set_header(fmt::format("{}/{}", header, final ? "决算数" : "预算数"));
      col->set_role(fmt::format("{}.{}", final ? "final" : "budget", role));
    }
  }
  if (cells.empty()) return t7;
  rv1::Row* row = t7->add_rows();
  for (int64_t a : cells) {
    rv1::Cell* cell = row->add_cells();
    if (a == kBlank) {
      cell->set_kind(rv1::CELL_KIND_BLANK);
    } else {
      cell->set_kind(rv1::CELL_KIND_NUMBER);
      *cell->mutable_amount() = Wan(a);
    }
  }
  return t7;
}

TEST(NarrativeTables, SangongAgainstT7Cells) {  // FA-NT-007
  rv1::Report r = Shanghai();
  // corpus/001: budget 0.95 for 合计 and 公务接待费, every other cell blank.
  AddT7(r, {95, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, 95, kBlank});
  auto* sg = r.mutable_sangong();
  *sg->mutable_total()->mutable_budget() = Wan(95);
  *sg->mutable_total()->mutable_final() = Wan(0);
  *sg->mutable_reception()->mutable_budget() = Wan(95);
  *sg->mutable_reception()->mutable_final() = Wan(0);
  *sg->mutable_abroad()->mutable_final() = Wan(0);
  EXPECT_TRUE(Findings(r, "FA-NT-007").empty());
  *sg->mutable_reception()->mutable_final() = Wan(50);  // T7 prints nothing
  const auto f = Findings(r, "FA-NT-007");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].relation(), "sg.reception.final = T7 公务接待费/决算数");
  *sg->mutable_reception()->mutable_final() = Wan(0);
  *sg->mutable_total()->mutable_budget() = Wan(96);
  EXPECT_EQ(Only(r, "FA-NT-007"), fv1::SEVERITY_WARNING);
}

TEST(TableForms, SangongSumsWithinT7) {  // FA-SUM-010, FA-SUM-011 on T7, corpus/001
  rv1::Report r = Shanghai();
  // corpus/001 prints two budget cells, 合计 and 公务接待费, both 0.95.
  rv1::Table* t7 = AddT7(r, {95, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, kBlank, 95, kBlank});
  EXPECT_TRUE(Findings(r, "FA-SUM-010").empty());
  EXPECT_TRUE(Findings(r, "FA-SUM-011").empty());
  t7->mutable_rows(0)->mutable_cells(10)->mutable_amount()->set_fen(2'500);  // 公务接待费 0.25
  const auto total = Findings(r, "FA-SUM-010");
  ASSERT_EQ(total.size(), 1u);
  EXPECT_EQ(total[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(total[0].relation(), "T7 budget.total = Σ budget parts");
  // 小计 of 公务用车 beside blank 购置费 and 运行费.
  t7->mutable_rows(0)->mutable_cells(10)->mutable_amount()->set_fen(9'500);
  t7->mutable_rows(0)->mutable_cells(5)->set_kind(rv1::CELL_KIND_NUMBER);
  *t7->mutable_rows(0)->mutable_cells(5)->mutable_amount() = Wan(80);
  EXPECT_EQ(Only(r, "FA-SUM-011"), fv1::SEVERITY_ERROR);
}

TEST(NarrativeTables, SangongAgainstAnEmptyT7) {  // FA-NT-007, corpus/003
  rv1::Report r = Shanghai();
  rv1::Table* t7 = AddT7(r, {});
  t7->set_empty(true);
  t7->mutable_note()->set_text("说明：本年度没有财政拨款“三公”经费支出，故本表无数据。");
  *r.mutable_sangong()->mutable_total()->mutable_final() = Wan(0);
  EXPECT_TRUE(Findings(r, "FA-NT-007").empty());
  *r.mutable_sangong()->mutable_total()->mutable_final() = Wan(120);
  EXPECT_EQ(Only(r, "FA-NT-007"), fv1::SEVERITY_ERROR);
  // Without a column for the narrative's line the rule cannot place the
  // cell: coverage only.
  t7->mutable_columns(1)->set_role("final");
  EXPECT_TRUE(Findings(r, "FA-NT-007").empty());
}

TEST(NarrativeTables, FundsAgainstT8T9) {  // FA-NT-008
  rv1::Report r = Shanghai();
  auto* gf = r.mutable_government_fund();
  gf->mutable_empty_statement()->set_text("本单位无政府性基金预算财政拨款收入和支出");
  rv1::Table* t8 = AddTable(r, "T8", {"carryover_begin", "income", "subtotal", "basic", "project", "carryover_end"});
  t8->set_empty(true);
  AddPrintedRow(t8, {{"合计", kBlank}}, rv1::ROW_LEVEL_TOTAL);
  EXPECT_TRUE(Findings(r, "FA-NT-008").empty());
  // A statement of none while T4's 政府性基金 column prints an amount.
  rv1::Table* t4 = AddTable(r, "T4", {"name", "total", "government_fund"});
  AddRow(t4, "", "本年支出合计", rv1::ROW_LEVEL_TOTAL, {0, 500, 500});
  EXPECT_EQ(Only(r, "FA-NT-008"), fv1::SEVERITY_ERROR);
  r.mutable_tables()->RemoveLast();
  // A statement of none while T8 prints an amount.
  rv1::Table* t8b = r.mutable_tables(0);
  t8b->clear_rows();
  AddRow(t8b, "", "合计", rv1::ROW_LEVEL_TOTAL, {0, 1200, 1200, 0, 1200, 0});
  EXPECT_EQ(Only(r, "FA-NT-008"), fv1::SEVERITY_ERROR);
  // Amounts in the narrative are compared cell by cell.
  gf->clear_empty_statement();
  gf->set_has_data(true);
  *gf->mutable_income() = Wan(1200);
  *gf->mutable_expend() = Wan(1200);
  *gf->mutable_expend_project() = Wan(1200);
  EXPECT_TRUE(Findings(r, "FA-NT-008").empty());
  *gf->mutable_expend_project() = Wan(1000);
  EXPECT_EQ(Only(r, "FA-NT-008"), fv1::SEVERITY_ERROR);
}

TEST(NarrativeTables, OperatingCostAgainstTheYunnanTable) {  // FA-NT-009
  // The typed-table contract for Y-T10 (no Yunnan table in the corpus): a
  // table titled …机关运行经费情况表 with a row labelled 机关运行经费.
  rv1::Report r;
  r.mutable_document()->set_layout(rv1::LAYOUT_YUNNAN);
  r.mutable_document()->set_year(2024);
  *r.mutable_operating_cost()->mutable_amount() = Wan(1852);
  rv1::Table* t = AddTable(r, "X1", {"name", "final"});
  t->mutable_title()->set_text("财政拨款“三公”经费、行政参公单位机关运行经费情况表");
  AddPrintedRow(t, {{"“三公”经费合计", 95}});
  AddPrintedRow(t, {{"机关运行经费", 1852}});
  t->mutable_rows(0)->mutable_cells()->RemoveLast();  // one money column only
  t->mutable_rows(1)->mutable_cells()->RemoveLast();
  t->mutable_rows(0)->add_cells()->set_kind(rv1::CELL_KIND_NUMBER);
  *t->mutable_rows(0)->mutable_cells(1)->mutable_amount() = Wan(95);
  t->mutable_rows(1)->add_cells()->set_kind(rv1::CELL_KIND_NUMBER);
  *t->mutable_rows(1)->mutable_cells(1)->mutable_amount() = Wan(1852);
  EXPECT_TRUE(Findings(r, "FA-NT-009").empty());
  *r.mutable_operating_cost()->mutable_amount() = Wan(1952);
  EXPECT_EQ(Only(r, "FA-NT-009"), fv1::SEVERITY_ERROR);
  // The same table and amounts in a Shanghai report: the rule is Yunnan's only.
  r.mutable_document()->set_layout(rv1::LAYOUT_SHANGHAI);
  EXPECT_TRUE(Findings(r, "FA-NT-009").empty());
}

TEST(TableForms, SummaryTableIdentities) {
  rv1::Report r = Shanghai();
  rv1::Table* t1 = AddT1Of001(r);
  for (const char* id : {"FA-TOT-001", "FA-TOT-002", "FA-TOT-003", "FA-SUM-001", "FA-SUM-004"}) {
    EXPECT_TRUE(Findings(r, id).empty()) << id;
  }
  // Expenditure-side 总计 printed 1.00 higher: both sides disagree and the
  // right side no longer adds up.
  t1->mutable_rows(16)->mutable_cells(3)->mutable_amount()->set_fen(2'996'390'000);
  EXPECT_EQ(Only(r, "FA-TOT-001"), fv1::SEVERITY_ERROR);
  EXPECT_EQ(Only(r, "FA-TOT-003"), fv1::SEVERITY_ERROR);
  EXPECT_TRUE(Findings(r, "FA-TOT-002").empty());
  // A 类 line off by 2.00: Σ 类 ≠ 本年支出合计.
  t1->mutable_rows(16)->mutable_cells(3)->mutable_amount()->set_fen(2'995'390'000);
  t1->mutable_rows(11)->mutable_cells(3)->mutable_amount()->set_fen(6'299'000);
  EXPECT_EQ(Only(r, "FA-SUM-004"), fv1::SEVERITY_ERROR);
}

TEST(TableForms, SameClassAcrossTablesIsInfoForOneQuantum) {  // FA-XS-014, corpus/001
  rv1::Report r = Shanghai();
  AddT1Of001(r);
  rv1::Table* t3 = AddTable(r, "T3", {"expenditure", "basic", "project"});
  AddRow(t3, "", "合计", rv1::ROW_LEVEL_TOTAL, {294005, 233691, 60314});
  AddRow(t3, "201", "一般公共服务支出", rv1::ROW_LEVEL_CLASS, {210666, 150352, 60314});
  AddRow(t3, "208", "社会保障和就业支出", rv1::ROW_LEVEL_CLASS, {32672, 32672, 0});
  AddRow(t3, "210", "卫生健康支出", rv1::ROW_LEVEL_CLASS, {6099, 6099, 0});
  AddRow(t3, "221", "住房保障支出", rv1::ROW_LEVEL_CLASS, {44569, 44569, 0});
  const auto f = Findings(r, "FA-XS-014");
  ASSERT_EQ(f.size(), 1u);  // T1 326.71 vs T3 326.72: forced column balancing
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_INFO);
  EXPECT_EQ(f[0].relation(), "T1 社会保障和就业支出 = T3 208");
  t3->mutable_rows(3)->mutable_cells(0)->mutable_amount()->set_fen(619'900'00);  // 6199 vs 60.99
  const auto g = Findings(r, "FA-XS-014");  // errors sort first
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(g[0].relation(), "T1 卫生健康支出 = T3 210");
  EXPECT_EQ(g[1].severity(), fv1::SEVERITY_INFO);
}

TEST(TableForms, BasicSplitAndFiscalTotalsAcrossTables) {  // FA-SUM-008, FA-XS-001, FA-XS-002
  rv1::Report r = Shanghai();
  rv1::Table* t5 = AddTable(r, "T5", {"total", "basic", "project"});
  AddRow(t5, "", "合计", rv1::ROW_LEVEL_TOTAL, {294005, 233691, 60314});
  // T6 prints both footers on one row, one per side-by-side block.
  rv1::Table* t6 = AddTable(r, "T6", {"name", "final", "name", "final"});
  AddPrintedRow(t6, {{"人员经费合计", 215226}, {"公用经费合计", 18465}}, rv1::ROW_LEVEL_TOTAL);
  EXPECT_TRUE(Findings(r, "FA-SUM-008").empty());
  t6->mutable_rows(0)->mutable_cells(3)->mutable_amount()->set_fen(184'750'000);
  EXPECT_EQ(Only(r, "FA-SUM-008"), fv1::SEVERITY_ERROR);

  rv1::Table* t2 = AddTable(r, "T2", {"income", "fiscal"});
  AddRow(t2, "", "合计", rv1::ROW_LEVEL_TOTAL, {294625, 294005});
  rv1::Table* t4 = AddTable(r, "T4", {"name", "final", "name", "total", "general_public_budget"});
  auto four = [&](const char* left, int64_t l, const char* right, int64_t total, int64_t gpb) {
    rv1::Row* row = AddPrintedRow(t4, {{left, l}, {right, total}});
    rv1::Cell* c = row->add_cells();
    c->set_kind(gpb == kBlank ? rv1::CELL_KIND_BLANK : rv1::CELL_KIND_NUMBER);
    if (gpb != kBlank) *c->mutable_amount() = Wan(gpb);
  };
  four("本年收入合计", 294005, "本年支出合计", 294005, 294005);
  four("年初财政拨款结转和结余", 2163, "年末财政拨款结转和结余", 2163, 2163);
  four("总计", 296168, "总计", 296168, 296168);
  for (const char* id : {"FA-XS-001", "FA-XS-002", "FA-TOT-004", "FA-TOT-005", "FA-TOT-006"}) {
    EXPECT_TRUE(Findings(r, id).empty()) << id;
  }
  t5->mutable_rows(0)->mutable_cells(0)->mutable_amount()->set_fen(2'940'060'000);
  EXPECT_EQ(Only(r, "FA-XS-002"), fv1::SEVERITY_INFO);  // one quantum between tables
  t2->mutable_rows(0)->mutable_cells(1)->mutable_amount()->set_fen(2'950'050'000);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_ERROR);
}

// T6 of corpus/001 as the PDF reader types it: two blocks (人员经费 | 公用经费),
// each 编码 | 名称 | 决算数; a row fills one block, the other stays blank, and
// items without expenditure print blank cells.
rv1::Row* AddT6Row(rv1::Table* t6, int block, const char* code, const char* name, int64_t amount,
                   rv1::RowLevel level) {
  rv1::Row* row = t6->add_rows();
  row->set_code(code);
  row->set_label(name);
  row->set_level(level);
  row->set_is_total(level == rv1::ROW_LEVEL_TOTAL);
  for (int b = 0; b < 2; ++b) {
    rv1::Cell* code_cell = row->add_cells();
    rv1::Cell* name_cell = row->add_cells();
    rv1::Cell* money = row->add_cells();
    code_cell->set_kind(rv1::CELL_KIND_BLANK);
    name_cell->set_kind(rv1::CELL_KIND_BLANK);
    money->set_kind(rv1::CELL_KIND_BLANK);
    if (b != block) continue;
    if (code[0] != '\0') {
      code_cell->set_kind(rv1::CELL_KIND_TEXT);
      code_cell->set_raw(std::string(code).substr(0, 3));
    }
    name_cell->set_kind(rv1::CELL_KIND_TEXT);
    name_cell->set_raw(name);
    if (amount != kBlank) {
      money->set_kind(rv1::CELL_KIND_NUMBER);
      *money->mutable_amount() = Wan(amount);
    }
  }
  return row;
}

TEST(TableForms, EconomicClassesInTwoBlocksWithBlankCells) {  // FA-SUM-009, corpus/001 T6
  rv1::Report r = Shanghai();
  rv1::Table* t6 = AddTable(r, "T6", {"code.class", "name", "final", "code.class", "name", "final"});
  AddT6Row(t6, 0, "301", "工资福利支出", 208285, rv1::ROW_LEVEL_CLASS);
  AddT6Row(t6, 0, "30101", "基本工资", 26233, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 0, "30103", "奖金", kBlank, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 0, "30102", "津贴补贴", 182052, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 0, "303", "对个人和家庭的补助", 6941, rv1::ROW_LEVEL_CLASS);
  AddT6Row(t6, 0, "30302", "退休费", 6941, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 0, "", "人员经费合计", 215226, rv1::ROW_LEVEL_TOTAL);
  AddT6Row(t6, 1, "302", "商品和服务支出", 17107, rv1::ROW_LEVEL_CLASS);
  AddT6Row(t6, 1, "30201", "办公费", 2121, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 1, "30203", "咨询费", kBlank, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 1, "30299", "其他商品和服务支出", 14986, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 1, "310", "资本性支出", 1358, rv1::ROW_LEVEL_CLASS);
  AddT6Row(t6, 1, "31002", "办公设备购置", 1358, rv1::ROW_LEVEL_SECTION);
  AddT6Row(t6, 1, "", "公用经费合计", 18465, rv1::ROW_LEVEL_TOTAL);
  EXPECT_TRUE(Findings(r, "FA-SUM-009").empty());
  // An item of the right block changed by 6.00: its class no longer adds
  // up, although a blank 咨询费 cell stands among the items.
  t6->mutable_rows(8)->mutable_cells(5)->mutable_amount()->set_fen(27'210'000);
  const auto items = Findings(r, "FA-SUM-009");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(items[0].relation(), "T6 302 final = Σ 款");
  t6->mutable_rows(8)->mutable_cells(5)->mutable_amount()->set_fen(21'210'000);
  // A left-block item with a blank sibling, and the right-block footer.
  t6->mutable_rows(1)->mutable_cells(2)->mutable_amount()->set_fen(26'833'000);
  t6->mutable_rows(13)->mutable_cells(5)->mutable_amount()->set_fen(194'650'000);
  const auto both = Findings(r, "FA-SUM-009");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].relation(), "T6 公用经费合计 = Σ 经济分类类");
  EXPECT_EQ(both[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(both[1].relation(), "T6 301 final = Σ 款");
  EXPECT_EQ(both[1].severity(), fv1::SEVERITY_WARNING);
}

TEST(TableForms, RowCrossFootReadsBlankColumnsAsZero) {  // FA-SUM-007, corpus/001 T4
  rv1::Report r = Shanghai();
  rv1::Table* t4 = AddTable(r, "T4", {"name", "total", "general_public_budget", "government_fund", "state_capital"});
  auto row = [&](const char* name, std::vector<int64_t> amounts) {
    rv1::Row* out = AddPrintedRow(t4, {{name, amounts[0]}});
    for (size_t i = 1; i < amounts.size(); ++i) {
      rv1::Cell* c = out->add_cells();
      c->set_kind(amounts[i] == kBlank ? rv1::CELL_KIND_BLANK : rv1::CELL_KIND_NUMBER);
      if (amounts[i] != kBlank) *c->mutable_amount() = Wan(amounts[i]);
    }
  };
  row("一、一般公共服务支出", {210666, 210666, kBlank, kBlank});
  row("九、卫生健康支出", {6099, 6099, kBlank, kBlank});
  EXPECT_TRUE(Findings(r, "FA-SUM-007").empty());
  // 2,106.66 printed as 9,106.66 in the 合计 column only.
  t4->mutable_rows(0)->mutable_cells(1)->mutable_amount()->set_fen(9'106'660'000);
  EXPECT_EQ(Only(r, "FA-SUM-007"), fv1::SEVERITY_ERROR);
}

// ---- families on small reports ---------------------------------------------------

TEST(Families, TotalsAndSums) {
  rv1::Report r = Shanghai();
  auto* t = r.mutable_totals();
  *t->mutable_income_total() = Wan(12139);
  *t->mutable_expend_total() = Wan(12140);
  EXPECT_EQ(Only(r, "FA-TOT-001"), fv1::SEVERITY_WARNING);  // one quantum
  *t->mutable_expend_total() = Wan(12150);
  EXPECT_EQ(Only(r, "FA-TOT-001"), fv1::SEVERITY_ERROR);
  *t->mutable_income_year() = Wan(12139);
  *t->mutable_use_nonfiscal_surplus() = Wan(0);
  *t->mutable_carry_in() = Wan(100);
  EXPECT_EQ(Only(r, "FA-TOT-002"), fv1::SEVERITY_ERROR);
  *t->mutable_carry_in() = Wan(0);
  EXPECT_TRUE(Findings(r, "FA-TOT-002").empty());

  auto* b = r.mutable_basic();
  *b->mutable_total() = Wan(5330);
  *b->mutable_personnel() = Wan(5000);
  *b->mutable_public_() = Wan(300);
  EXPECT_EQ(Only(r, "FA-SUM-008"), fv1::SEVERITY_ERROR);
}

TEST(Families, YoyRateWordingAndReason) {
  rv1::Report r = Shanghai();
  auto* op = r.mutable_operating_cost();
  *op->mutable_amount() = Wan(18465);
  auto* y = op->mutable_yoy();
  y->set_direction(rv1::DIRECTION_INCREASE);
  *y->mutable_delta() = Wan(255);
  y->set_rate_direction(rv1::DIRECTION_INCREASE);
  *y->mutable_rate() = Pct(140);
  EXPECT_TRUE(Findings(r, "FA-YOY-001").empty());
  EXPECT_EQ(Only(r, "FA-YOY-004"), fv1::SEVERITY_WARNING);  // no reason
  *y->mutable_rate() = Pct(150);
  EXPECT_EQ(Only(r, "FA-YOY-001"), fv1::SEVERITY_ERROR);
  y->set_rate_direction(rv1::DIRECTION_DECREASE);
  EXPECT_EQ(Only(r, "FA-YOY-002"), fv1::SEVERITY_WARNING);
  y->set_direction(rv1::DIRECTION_FLAT);
  EXPECT_EQ(Only(r, "FA-YOY-002"), fv1::SEVERITY_ERROR);  // 持平 with a nonzero delta
  y->set_direction(rv1::DIRECTION_INCREASE);
  y->set_rate_direction(rv1::DIRECTION_INCREASE);
  y->set_template_residue("增加（减少）");
  EXPECT_EQ(Only(r, "FA-YOY-002"), fv1::SEVERITY_WARNING);
  y->clear_template_residue();
  y->mutable_reason()->set_text("我单位是新成立的单位，无上年数据");
  EXPECT_EQ(Only(r, "FA-YOY-005"), fv1::SEVERITY_WARNING);  // prior is 182.10, not 0
}

TEST(Families, BudgetVsFinalRateAndSign) {
  rv1::Report r = rv1::Report();
  r.mutable_document()->set_layout(rv1::LAYOUT_XINJIANG);
  r.mutable_document()->set_year(2024);
  auto* bvf = r.mutable_fiscal()->mutable_budget_vs_final();
  *bvf->mutable_budget() = Wan(10000);
  *bvf->mutable_final() = Wan(9000);
  *bvf->mutable_diff_rate() = Pct(-1000);
  bvf->mutable_reason()->set_text("…");
  EXPECT_TRUE(Findings(r, "FA-BVF-001").empty());
  *bvf->mutable_diff_rate() = Pct(1000);  // absolute value accepted
  EXPECT_TRUE(Findings(r, "FA-BVF-001").empty());
  *bvf->mutable_diff_rate() = Pct(1200);
  EXPECT_EQ(Only(r, "FA-BVF-001"), fv1::SEVERITY_ERROR);
  bvf->clear_reason();
  EXPECT_EQ(Only(r, "FA-BVF-005"), fv1::SEVERITY_WARNING);
  *bvf->mutable_budget() = Wan(0);
  *bvf->mutable_diff_rate() = Pct(5000);
  EXPECT_EQ(Only(r, "FA-BVF-002"), fv1::SEVERITY_ERROR);
}

TEST(Families, CountsEmptyStatementsAndRequiredContent) {
  rv1::Report r = testing::SeedReport();
  r.mutable_sangong()->clear_car_holding_vs_assets_reason();
  EXPECT_EQ(Only(r, "FA-CNT-001"), fv1::SEVERITY_WARNING);
  r.mutable_sangong()->mutable_abroad_groups()->set_value(2);
  // 2 groups with no cost, and more groups than persons.
  EXPECT_EQ(Findings(r, "FA-CNT-003").size(), 2u);
  r.mutable_government_fund()->clear_empty_statement();
  EXPECT_EQ(Only(r, "FA-EMP-001"), fv1::SEVERITY_ERROR);
  r.mutable_state_capital()->mutable_income()->CopyFrom(Wan(100));
  EXPECT_EQ(Only(r, "FA-EMP-002"), fv1::SEVERITY_ERROR);
  r.mutable_sections()->RemoveLast();  // TABLES
  r.mutable_sections()->RemoveLast();  // GLOSSARY
  const auto f = Findings(r, "FA-REQ-001");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  r.mutable_profile()->mutable_departments_count()->set_value(5);
  EXPECT_EQ(Only(r, "FA-CNT-006"), fv1::SEVERITY_WARNING);
}

TEST(Families, CrossSectionAndOperatingCost) {
  rv1::Report r = testing::SeedReport();
  *r.mutable_fiscal()->mutable_income_year() = Wan(12138);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_WARNING);
  *r.mutable_basic()->mutable_public_() = Wan(100);
  *r.mutable_basic()->mutable_total() = Wan(5430);
  EXPECT_EQ(Only(r, "FA-JYF-001"), fv1::SEVERITY_WARNING);
  EXPECT_TRUE(Findings(r, "FA-JYF-003").empty());
  EXPECT_EQ(Only(r, "FA-XS-004"), fv1::SEVERITY_ERROR);  // 54.30 > 53.30
}

TEST(Families, PerformanceTableArithmetic) {
  rv1::Report r = testing::SeedReport();
  auto* pp = r.mutable_performance_tables(1);
  pp->mutable_indicators(0)->mutable_score()->mutable_value()->set_digits(12);  // 12 > weight 10
  EXPECT_EQ(Only(r, "PF-TAB-004"), fv1::SEVERITY_ERROR);
  const auto scores = Findings(r, "PF-TAB-002");  // PE: recomputed (info); PP: 102 ≠ 100.00
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(scores[0].expected(), "102.00");
  EXPECT_EQ(scores[1].expected(), "100.00");
  pp->mutable_indicators(1)->mutable_weight()->mutable_value()->set_digits(15);
  EXPECT_EQ(Only(r, "PF-TAB-001"), fv1::SEVERITY_ERROR);
  *pp->mutable_execution()->mutable_rate() = Pct(9000);
  EXPECT_EQ(Only(r, "PF-TAB-003"), fv1::SEVERITY_ERROR);
  pp->mutable_indicators()->RemoveLast();  // no 满意度 indicator any more
  EXPECT_EQ(Findings(r, "PF-TAB-010").size(), 2u);
}

// ---- FA-TXT-004: 项 purpose text -------------------------------------------------
rv1::FunctionalItem* AddItem(rv1::Report& r, std::vector<const char*> path, const char* purpose) {
  rv1::FunctionalItem* item = r.mutable_general_public_budget()->add_items();
  for (const char* p : path) item->add_path(p);
  item->mutable_purpose()->set_text(purpose);
  item->mutable_purpose()->mutable_src()->set_line(7);
  return item;
}

TEST(Corpus003, HousingFundPurposeNamesMedicalInsurance) {
  rv1::Report r = Shanghai();
  AddItem(r, {"住房保障支出", "住房改革支出", "住房公积金"}, "事业单位医疗保险支出");
  AddItem(r, {"卫生健康支出", "行政事业单位医疗", "事业单位医疗"}, "事业单位医疗保险支出");
  const auto f = Findings(r, "FA-TXT-004");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  ASSERT_EQ(f[0].operands_size(), 2);
  EXPECT_EQ(f[0].operands(0).printed(), "住房公积金");
  EXPECT_EQ(f[0].operands(1).src().line(), 7u);
}

TEST(Families, ItemPurposesThatFitTheirItemPass) {
  rv1::Report r = Shanghai();
  AddItem(r, {"住房保障支出", "住房改革支出", "住房公积金"}, "缴纳在职人员住房公积金");
  AddItem(r, {"住房保障支出", "住房改革支出", "购房补贴"}, "缴纳在职人员住房购房补贴");
  AddItem(r, {"卫生健康支出", "行政事业单位医疗", "行政单位医疗"}, "在职人员基本医疗保险费");
  AddItem(r, {"一般公共服务支出", "财政事务", "行政运行"}, "局本部人员经费及公用经费");
  EXPECT_TRUE(Findings(r, "FA-TXT-004").empty());
  // A purpose that names no housing-fund wording at all is flagged too.
  AddItem(r, {"住房保障支出", "住房改革支出", "住房公积金"}, "人员支出");
  EXPECT_EQ(Only(r, "FA-TXT-004"), fv1::SEVERITY_WARNING);
}

// ---- PF-TAB-012: SH narrative grade counts -------------------------------------
rv1::Count Cnt(int64_t v, uint32_t line = 1) {
  rv1::Count c;
  c.set_value(v);
  c.set_unit("个");
  c.mutable_src()->set_line(line);
  return c;
}

rv1::Report GradedProjects(int64_t projects, int64_t excellent, int64_t good) {
  rv1::Report r = Shanghai();
  auto* p = r.mutable_performance();
  *p->mutable_selfeval_projects() = Cnt(projects, 3);
  *p->mutable_grade_excellent() = Cnt(excellent, 4);
  *p->mutable_grade_good() = Cnt(good, 4);
  *p->mutable_grade_pass() = Cnt(0, 4);
  *p->mutable_grade_fail() = Cnt(0, 4);
  return r;
}

TEST(Corpus001, GradeCountsAddUpToTheProjects) {
  EXPECT_TRUE(Findings(GradedProjects(4, 4, 0), "PF-TAB-012").empty());  // 4 = 4+0+0+0
}

TEST(Families, GradeCountsThatDoNotAddUpAreAnError) {
  rv1::Report r = GradedProjects(4, 3, 0);
  const auto f = Findings(r, "PF-TAB-012");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].expected(), "3");
  EXPECT_EQ(f[0].operands(0).src().line(), 3u);
  // A 92-point average with no 优 project contradicts the bands.
  r = GradedProjects(2, 0, 2);
  r.mutable_performance()->mutable_selfeval_average_score()->set_digits(9200);
  r.mutable_performance()->mutable_selfeval_average_score()->set_scale(2);
  EXPECT_EQ(Only(r, "PF-TAB-012"), fv1::SEVERITY_ERROR);
  r.mutable_performance()->mutable_selfeval_average_score()->set_digits(8900);
  EXPECT_TRUE(Findings(r, "PF-TAB-012").empty());
}

// ---- FA-YR-003: the comparison year of YoY statements --------------------------
rv1::Report WithYoyClause(const std::string& lead, const std::string& clause, const std::string& reason) {
  rv1::Report r = Shanghai(2024);
  r.set_text(lead + clause + reason);
  auto* yoy = r.mutable_totals()->mutable_yoy();
  yoy->mutable_src()->set_byte_begin(lead.size());
  yoy->mutable_src()->set_byte_end(lead.size() + clause.size());
  yoy->mutable_src()->set_raw_text(clause);
  yoy->mutable_src()->set_line(1);
  yoy->mutable_reason()->set_text(reason);
  yoy->mutable_reason()->mutable_src()->set_byte_begin(lead.size() + clause.size());
  yoy->mutable_reason()->mutable_src()->set_byte_end(r.text().size());
  return r;
}

TEST(Families, YoyComparedWithAnEarlierYearIsAWarning) {
  const rv1::Report r = WithYoyClause("2024年度收入总计10.00万元，", "比2022年增加1.00万元，增长11.11%。", "");
  const auto f = Findings(r, "FA-YR-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].operands(0).src().raw_text(), "2022");
  EXPECT_EQ(f[0].operands(0).src().byte_begin(), std::string("2024年度收入总计10.00万元，比").size());
  // The lead-in "与2022年度相比，" is part of the comparison too.
  EXPECT_EQ(Only(WithYoyClause("与2022年度相比，", "收入总计增加1.00万元。", ""), "FA-YR-003"), fv1::SEVERITY_WARNING);
}

TEST(Families, YoyComparedWithThePriorYearPasses) {
  EXPECT_TRUE(Findings(WithYoyClause("2024年度收入总计10.00万元，", "比2023年增加1.00万元。", ""), "FA-YR-003").empty());
  EXPECT_TRUE(Findings(WithYoyClause("与2023年度相比，", "收入总计增加1.00万元。", ""), "FA-YR-003").empty());
  // Seed wording: "2023年与2024年均未安排".
  EXPECT_TRUE(Findings(WithYoyClause("", "比上年增加0.00万元，增长0.00%，", "主要原因是：2023年与2024年均未安排。"),
                       "FA-YR-003")
                  .empty());
  EXPECT_EQ(Only(WithYoyClause("", "比上年增加0.00万元，", "主要原因是：2022年与2024年均未安排。"), "FA-YR-003"),
            fv1::SEVERITY_WARNING);
  // Plans and other years that are no comparison are not references.
  EXPECT_TRUE(Findings(WithYoyClause("", "比上年增加1.00万元，", "主要原因是：为2025年和后续工作作准备。"), "FA-YR-003")
                  .empty());
}

// ---- FA-XS-005: basic-type 项 within the basic expenditure -----------------------
TEST(Families, SeedBasicTypeItemsEqualTheBasicExpenditure) {
  // 38.76 + 5.00 + 2.50 + 2.52 + 0.16 + 4.36 = 53.30 = 基本支出.
  const rv1::Report r = testing::SeedReport();
  EXPECT_TRUE(Findings(r, "FA-XS-005").empty());
}

TEST(Families, BasicTypeItemsAboveTheBasicExpenditureAreNoted) {
  rv1::Report r = testing::SeedReport();
  *r.mutable_basic()->mutable_total() = Wan(5000);  // 53.30 of basic-type items > 50.00
  const auto f = Findings(r, "FA-XS-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_INFO);
  EXPECT_EQ(f[0].operands_size(), 7);  // six basic-type items and the basic total
  EXPECT_EQ(f[0].residue(), "3.30");
}

// ---- FA-TXT-002: 元 for 万元 --------------------------------------------------------
rv1::Amount Yuan(int64_t fen, uint32_t line) {
  rv1::Amount a;
  a.set_fen(fen);
  a.set_quantum_fen(1);
  a.set_unit(rv1::MONEY_UNIT_YUAN);
  a.mutable_src()->set_line(line);
  a.mutable_src()->set_byte_begin(100);
  a.mutable_src()->set_byte_end(105);
  a.mutable_src()->set_raw_text("0.80元");
  return a;
}

TEST(Families, AmountInYuanRepeatingAWanFigureIsAUnitSlip) {
  rv1::Report r = Shanghai();
  r.mutable_document()->set_amount_unit(rv1::MONEY_UNIT_WAN_YUAN);
  *r.mutable_sangong()->mutable_car_running()->mutable_final() = Wan(80, 5);  // 0.80万元
  *r.mutable_operating_cost()->mutable_amount() = Yuan(80, 9);               // "0.80元"
  const auto f = Findings(r, "FA-TXT-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].operands(0).src().line(), 9u);
  EXPECT_EQ(f[0].operands(1).src().line(), 5u);
}

TEST(Families, AmountsInYuanThatRepeatNoWanFigurePass) {
  rv1::Report r = Shanghai();
  r.mutable_document()->set_amount_unit(rv1::MONEY_UNIT_WAN_YUAN);
  *r.mutable_sangong()->mutable_car_running()->mutable_final() = Wan(80, 5);
  *r.mutable_operating_cost()->mutable_amount() = Yuan(8'000'000, 9);  // 80000.00元 = 8.00万元
  EXPECT_TRUE(Findings(r, "FA-TXT-002").empty());
}

TEST(Families, TableCellInYuanRepeatingAWanFigureIsAUnitSlip) {
  rv1::Report r = Shanghai();
  r.mutable_document()->set_amount_unit(rv1::MONEY_UNIT_WAN_YUAN);
  *r.mutable_sangong()->mutable_car_running()->mutable_final() = Wan(80, 5);  // 0.80万元
  const int table = r.tables_size();
  rv1::Row& row = *r.add_tables()->add_rows();
  rv1::Amount blank = Yuan(80, 11);
  blank.set_blank(true);  // an empty cell prints no amount
  *row.add_cells()->mutable_amount() = blank;
  row.add_cells();                                    // a text cell
  *row.add_cells()->mutable_amount() = Yuan(80, 12);  // "0.80元"
  const auto f = Findings(r, "FA-TXT-002");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].operands(0).name(), "tables[" + std::to_string(table) + "].rows[0].cells[2].amount");
  EXPECT_EQ(f[0].operands(0).src().line(), 12u);
  EXPECT_EQ(f[0].operands(1).src().line(), 5u);
}

// ---- FA-XS-012: people counts in the self-evaluation tables ---------------------
TEST(Families, SeedPeopleCountsMatchTheStaff) {
  // "满足12名干部", "保障人员12人", 保障人员数 =12人; 12 in service.
  EXPECT_TRUE(Findings(testing::SeedReport(), "FA-XS-012").empty());
}

TEST(Families, PeopleCountsThatDifferFromTheStaffAreNoted) {
  rv1::Report r = testing::SeedReport();
  r.mutable_profile()->mutable_staff()->mutable_in_service()->set_value(11);
  const auto f = Findings(r, "FA-XS-012");
  ASSERT_EQ(f.size(), 3u);  // goal expected, goal actual, indicator actual
  for (const auto& finding : f) {
    EXPECT_EQ(finding.severity(), fv1::SEVERITY_INFO);
    EXPECT_EQ(finding.operands(0).value(), "12");
    EXPECT_EQ(finding.expected(), "11");
  }
}

// ---- FA-XS-011: PP goal-text amounts vs funds ------------------------------------
TEST(Families, SeedGoalAmountsPartitionTheProject) {
  // 38.79 + 29.3 = 68.09 executed; caps ≤38.79 + ≤29.3 ≤ 68.09 budget.
  EXPECT_TRUE(Findings(testing::SeedReport(), "FA-XS-011").empty());
}

TEST(Families, GoalAmountsAndCostCapsBeyondTheFundsAreNoted) {
  rv1::Report r = testing::SeedReport();
  auto* pp = r.mutable_performance_tables(1);
  pp->mutable_goal_actual()->set_text("支付办公设备购置费38.79万元，保障机关运行支出20.3万元。");
  auto f = Findings(r, "FA-XS-011");
  ASSERT_EQ(f.size(), 1u);  // 38.79 + 20.3 = 59.09 ≠ 68.09
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_INFO);
  EXPECT_EQ(f[0].operands_size(), 3);
  EXPECT_EQ(f[0].operands(1).src().byte_begin() - pp->goal_actual().src().byte_begin(),
            std::string("支付办公设备购置费").size());
  pp->mutable_goal_actual()->set_text("支付办公设备购置费38.79万元，保障机关运行支出29.3万元。");
  EXPECT_TRUE(Findings(r, "FA-XS-011").empty());
  pp->mutable_indicators(4)->mutable_target()->mutable_number()->set_digits(5000);  // ≤50.00万元
  pp->mutable_indicators(4)->mutable_target()->mutable_number()->set_scale(2);
  EXPECT_EQ(Only(r, "FA-XS-011"), fv1::SEVERITY_INFO);  // 50.00 + 29.3 > 68.09
}

// ---- FA-SUM-006 budget column, FA-XS-001 restatements ------------------------------
rv1::BudgetVsFinal Bvf(rv1::BudgetKind kind, int64_t budget, int64_t final_, uint32_t line) {
  rv1::BudgetVsFinal b;
  b.set_kind(kind);
  *b.mutable_budget() = Wan(budget, line);
  *b.mutable_final() = Wan(final_, line);
  return b;
}

rv1::Report ItemBudgets(int64_t total_budget) {
  // corpus/003: 全年预算 321.02 = Σ 项 全年预算; 年初预算 0 is printed beside it.
  rv1::Report r = Shanghai();
  auto* gpb = r.mutable_general_public_budget();
  *gpb->mutable_total() = Wan(30782, 2);
  *gpb->mutable_budget_vs_final() = Bvf(rv1::BUDGET_KIND_INITIAL, 0, 30782, 3);
  *gpb->mutable_budget_vs_final()->mutable_annual_budget() = Wan(total_budget, 3);
  const int64_t budgets[] = {5200, 1768, 20224, 900, 574, 223, 229, 1812, 1172};
  const int64_t finals[] = {5132, 1131, 20224, 618, 464, 222, 49, 1770, 1172};
  for (int i = 0; i < 9; ++i) {
    auto* item = AddItem(r, {"类", "款", "项"}, "");
    *item->mutable_amount() = Wan(finals[i], 10 + i);
    *item->mutable_budget_vs_final() = Bvf(rv1::BUDGET_KIND_ANNUAL, budgets[i], finals[i], 10 + i);
  }
  return r;
}

TEST(Corpus003, ItemAnnualBudgetsAddUpToTheTotal) {
  for (const auto& f : Findings(ItemBudgets(32102), "FA-SUM-006")) {
    EXPECT_EQ(f.relation().find("预算"), std::string::npos) << f.relation();
  }
}

TEST(Families, ItemBudgetsThatDoNotAddUpAreAnError) {
  const auto f = Findings(ItemBudgets(34102), "FA-SUM-006");  // 341.02 ≠ Σ 321.02
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_ERROR);
  EXPECT_EQ(f[0].operands_size(), 10);
}

TEST(Families, RestatedTotalMustAgree) {
  rv1::Report r = ItemBudgets(32102);
  auto* st = r.add_statements();
  st->set_subject("gpb.total");
  *st->mutable_amount() = Wan(30782, 20);
  EXPECT_TRUE(Findings(r, "FA-XS-001").empty());
  *st->mutable_amount() = Wan(30783, 20);  // one quantum: narrative ↔ narrative ladder
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_WARNING);
  *st->mutable_amount() = Wan(30582, 20);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_ERROR);
  *st->mutable_amount() = Wan(30782, 20);
  *r.mutable_general_public_budget()->mutable_budget_vs_final()->mutable_final() = Wan(30082, 3);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_ERROR);  // 决算数 300.82 vs gpb.total 307.82
}

TEST(Families, IncomeAndExpenditureTotalsRestateTheTotals) {
  rv1::Report r = testing::SeedReport();
  EXPECT_TRUE(Findings(r, "FA-XS-001").empty());  // 121.39 in N.TOTAL, N.INCOME and N.EXPEND
  *r.mutable_income()->mutable_total() = Wan(12134, 16);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_ERROR);
  *r.mutable_income()->mutable_total() = Wan(12139, 16);
  *r.mutable_expenditure()->mutable_total() = Wan(12109, 23);
  EXPECT_EQ(Only(r, "FA-XS-001"), fv1::SEVERITY_ERROR);
}

// ---- FA-TXT-003: functional code vs name ---------------------------------------------
rv1::Report WithT5Rows(std::vector<std::pair<const char*, const char*>> rows) {
  rv1::Report r = Shanghai(2024);
  rv1::Table* t = AddTable(r, "T5", {"code", "name", "total"});
  for (const auto& [code, label] : rows) {
    rv1::Row* row = AddRow(t, code, label, strlen(code) == 7 ? rv1::ROW_LEVEL_ITEM : rv1::ROW_LEVEL_CLASS, {100});
    row->mutable_src()->set_line(30);
  }
  return r;
}

TEST(Families, CodesThatNameTheirRowPass) {
  // Labels as the PDF tables print them: spaced, wrapped, with "其中：".
  EXPECT_TRUE(Findings(WithT5Rows({{"201", "一般公共服务支出"},
                                   {"2010601", "  行政运行"},
                                   {"2010602", "一般行政管理"},
                                   {"2013901", "其中：行政运行"}}),
                       "FA-TXT-003")
                  .empty());
}

TEST(Families, CodeOfAnotherItemIsAWarning) {
  const auto f = Findings(WithT5Rows({{"2010601", "信息化建设"}, {"2010607", "信息化建设"}}), "FA-TXT-003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].expected(), "行政运行");
  EXPECT_EQ(f[0].operands(0).src().line(), 30u);
  // A catalogue for another year is not applied: coverage note, no finding.
  rv1::Report r = WithT5Rows({{"2010601", "信息化建设"}});
  r.mutable_document()->set_year(2031);
  EXPECT_TRUE(Findings(r, "FA-TXT-003").empty());
}

// ---- FA-TXT-005: the unit's name ------------------------------------------------------
rv1::Report WithPartHeadings(std::vector<const char*> titles) {
  rv1::Report r = Shanghai(2024);
  r.mutable_document()->mutable_unit_name()->set_text("上海市普陀区财政局");
  uint32_t line = 10;
  for (const char* title : titles) {
    auto* s = r.add_sections();
    s->set_level(1);
    s->set_title(title);
    s->mutable_heading()->set_line(line++);
  }
  return r;
}

TEST(Families, HeadingsThatSpellTheUnitAsTheTitlePass) {
  EXPECT_TRUE(Findings(WithPartHeadings({"第一部分 上海市普陀区财政局概况", "第二部分 上海市普陀区财政局 2024 年度部门决算表",
                                         "第三部分 部门决算情况说明", "第一部分 单位概况", "第四部分 名词解释",
                                         "第二部分 上海市普陀区XX局2024年度部门决算表"}),
                       "FA-TXT-005")
                  .empty());
}

TEST(Families, HeadingWithAnotherSpellingIsAWarning) {
  rv1::Report r = WithPartHeadings({"第一部分 上海市普陀区财政局概况", "第三部分 上海市普陀区财务局2024年度部门决算情况说明"});
  const auto f = Findings(r, "FA-TXT-005");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity(), fv1::SEVERITY_WARNING);
  EXPECT_EQ(f[0].operands(0).printed(), "上海市普陀区财务局");
  EXPECT_EQ(f[0].operands(0).src().line(), 11u);
}

}  // namespace
}  // namespace juesuan::validate
