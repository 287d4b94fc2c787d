// The seed document parses to exactly the values of REFERENCE Appendix B,
// and its whole report matches the reviewed golden outline.
//
// Amounts are compared in hundredths of 万元 and percentages in hundredths of
// a percentage point, as Appendix B lists them.
#include <unicode/ucnv.h>

#include "absl/strings/str_split.h"
#include "common/report/outline.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse::testing {
namespace {

using report::v1::Report;

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { report_ = new Report(ParseSharedOrDie(kSeed)); }
  static void TearDownTestSuite() { delete report_; }
  static const Report& r() { return *report_; }
  static Report* report_;
};
Report* SeedTest::report_ = nullptr;

TEST_F(SeedTest, Document) {
  const auto& d = r().document();
  EXPECT_EQ(d.layout(), report::v1::LAYOUT_XINJIANG);
  EXPECT_EQ(d.kind(), report::v1::DOCUMENT_KIND_DEPARTMENT);
  EXPECT_EQ(d.year(), 2024);
  EXPECT_EQ(d.unit_name().text(), "中共昌吉回族自治州委员会社会工作部");
  EXPECT_EQ(d.unit_name().src().line(), 6u);
  EXPECT_EQ(d.tables_listed_size(), 9);
  EXPECT_TRUE(d.tables_attached_separately());
  EXPECT_EQ(r().tables_size(), 0);  // tables_present: []
}

TEST_F(SeedTest, Profile) {
  const auto& p = r().profile();
  EXPECT_TRUE(p.functions_withheld());
  EXPECT_EQ(p.staff().actual().value(), 12);
  EXPECT_EQ(p.staff().in_service().value(), 12);
  EXPECT_EQ(p.staff().retired_li().value(), 0);
  EXPECT_EQ(p.staff().retired_tui().value(), 0);
  EXPECT_EQ(p.staff().delta_in_service().value(), 12);
  EXPECT_TRUE(p.no_subordinate_units());
  EXPECT_EQ(p.subordinate_units().value(), 0);
  EXPECT_EQ(p.departments_count().value(), 4);
  ASSERT_EQ(p.departments_size(), 4);
  EXPECT_EQ(p.departments(0).text(), "办公室（干部科）");
  EXPECT_EQ(p.departments(3).text(), "两企三新党建和行业协会商会科");
}

TEST_F(SeedTest, Totals) {
  const auto& t = r().totals();
  EXPECT_EQ(Cents(t.income_total()), 12139);
  EXPECT_EQ(Cents(t.income_year()), 12139);
  EXPECT_EQ(Cents(t.use_nonfiscal_surplus()), 0);
  EXPECT_TRUE(t.has_use_nonfiscal_surplus());  // an explicit 0.00, not a blank
  EXPECT_EQ(Cents(t.carry_in()), 0);
  EXPECT_EQ(Cents(t.expend_total()), 12139);
  EXPECT_EQ(Cents(t.expend_year()), 12139);
  EXPECT_EQ(Cents(t.surplus_distribution()), 0);
  EXPECT_EQ(Cents(t.carry_out()), 0);
  EXPECT_EQ(t.yoy().direction(), report::v1::DIRECTION_INCREASE);
  EXPECT_EQ(Cents(t.yoy().delta()), 12139);
  EXPECT_EQ(PercentCents(t.yoy().rate()), 10000);
  EXPECT_TRUE(t.yoy().reason_says_no_prior());  // zero base
  // Evidence: the printed text and its line.
  EXPECT_EQ(t.income_total().src().raw_text(), "121.39万元");
  EXPECT_EQ(t.income_total().src().line(), 18u);
  EXPECT_EQ(t.income_total().src().section_key(), "N.TOTAL");
}

TEST_F(SeedTest, IncomeAndExpenditure) {
  const auto& i = r().income();
  EXPECT_EQ(Cents(i.fiscal().amount()), 12139);
  EXPECT_EQ(PercentCents(i.fiscal().share()), 10000);
  for (const auto* s : {&i.superior_subsidy(), &i.business(), &i.operating(), &i.affiliated(),
                        &i.other()}) {
    EXPECT_TRUE(s->has_amount());
    EXPECT_EQ(Cents(s->amount()), 0);
    EXPECT_EQ(PercentCents(s->share()), 0);
  }
  const auto& e = r().expenditure();
  EXPECT_EQ(Cents(e.basic().amount()), 5330);
  EXPECT_EQ(PercentCents(e.basic().share()), 4391);
  EXPECT_EQ(Cents(e.project().amount()), 6809);
  EXPECT_EQ(PercentCents(e.project().share()), 5609);
  for (const auto* s : {&e.to_superior(), &e.operating(), &e.to_affiliated()}) {
    EXPECT_TRUE(s->has_amount());
    EXPECT_EQ(Cents(s->amount()), 0);
  }
}

TEST_F(SeedTest, FiscalAppropriation) {
  const auto& f = r().fiscal();
  EXPECT_EQ(Cents(f.income_total()), 12139);
  EXPECT_EQ(Cents(f.carry_in()), 0);
  EXPECT_EQ(Cents(f.income_year()), 12139);
  EXPECT_EQ(Cents(f.expend_total()), 12139);
  EXPECT_EQ(Cents(f.carry_out()), 0);
  EXPECT_EQ(Cents(f.expend_year()), 12139);
  EXPECT_EQ(Cents(f.yoy().delta()), 12139);
  EXPECT_EQ(PercentCents(f.yoy().rate()), 10000);
  EXPECT_EQ(f.budget_vs_final().kind(), report::v1::BUDGET_KIND_INITIAL);
  EXPECT_EQ(Cents(f.budget_vs_final().budget()), 0);
  EXPECT_EQ(Cents(f.budget_vs_final().final()), 12139);
  EXPECT_EQ(PercentCents(f.budget_vs_final().diff_rate()), 10000);
}

TEST_F(SeedTest, GeneralPublicBudget) {
  const auto& g = r().general_public_budget();
  EXPECT_EQ(Cents(g.total()), 12139);
  EXPECT_EQ(PercentCents(g.share_of_expend_year()), 10000);
  EXPECT_EQ(Cents(g.yoy().delta()), 12139);
  EXPECT_EQ(Cents(g.budget_vs_final().budget()), 0);
  EXPECT_EQ(PercentCents(g.budget_vs_final().diff_rate()), 10000);
  struct Class { const char* name; const char* code; int64_t amount; int64_t share; };
  const Class classes[] = {{"一般公共服务支出", "201", 10686, 8803},
                           {"社会保障和就业支出", "208", 750, 618},
                           {"卫生健康支出", "210", 267, 220},
                           {"住房保障支出", "221", 436, 359}};
  ASSERT_EQ(g.classes_size(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(g.classes(i).name(), classes[i].name);
    EXPECT_EQ(g.classes(i).code(), classes[i].code);
    EXPECT_EQ(Cents(g.classes(i).amount()), classes[i].amount);
    EXPECT_EQ(PercentCents(g.classes(i).share()), classes[i].share);
  }
  struct Item { std::vector<std::string> path; const char* code; int64_t amount; };
  const Item items[] = {
      {{"一般公共服务支出", "社会工作事务", "行政运行"}, "2013901", 3876},
      {{"一般公共服务支出", "社会工作事务", "一般行政管理事务"}, "2013902", 6809},
      {{"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"}, "2080505", 500},
      {{"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位职业年金缴费支出"}, "2080506", 250},
      {{"卫生健康支出", "行政事业单位医疗", "行政单位医疗"}, "2101101", 252},
      {{"卫生健康支出", "行政事业单位医疗", "公务员医疗补助"}, "2101103", 16},
      {{"住房保障支出", "住房改革支出", "住房公积金"}, "2210201", 436},
  };
  ASSERT_EQ(g.items_size(), 7);
  for (int i = 0; i < 7; ++i) {
    const auto& item = g.items(i);
    EXPECT_THAT(item.path(), ::testing::ElementsAreArray(items[i].path));
    EXPECT_EQ(item.code(), items[i].code);
    EXPECT_TRUE(item.code_inferred());  // the seed prints no codes
    EXPECT_EQ(Cents(item.amount()), items[i].amount);
    // Every item: yoy {增加, delta = amount, 100.00%}.
    EXPECT_EQ(item.yoy().direction(), report::v1::DIRECTION_INCREASE);
    EXPECT_EQ(Cents(item.yoy().delta()), items[i].amount);
    EXPECT_EQ(PercentCents(item.yoy().rate()), 10000);
    EXPECT_EQ(item.src().line(), static_cast<uint32_t>(37 + i));
  }
}

TEST_F(SeedTest, BasicAndFunds) {
  EXPECT_EQ(Cents(r().basic().total()), 5330);
  EXPECT_EQ(Cents(r().basic().personnel()), 5330);
  EXPECT_EQ(Cents(r().basic().public_()), 0);
  EXPECT_EQ(r().basic().personnel_items_size(), 9);
  EXPECT_FALSE(r().government_fund().has_data());
  EXPECT_TRUE(r().government_fund().has_empty_statement());
  EXPECT_EQ(r().government_fund().empty_statement().src().line(), 48u);
  EXPECT_FALSE(r().state_capital().has_data());
  EXPECT_TRUE(r().state_capital().has_empty_statement());
}

TEST_F(SeedTest, Sangong) {
  const auto& s = r().sangong();
  EXPECT_EQ(Cents(s.total().final()), 80);
  EXPECT_EQ(Cents(s.total().budget()), 80);
  EXPECT_EQ(s.total().budget_kind(), report::v1::BUDGET_KIND_ANNUAL);
  EXPECT_EQ(Cents(s.total().yoy().delta()), 80);
  EXPECT_EQ(PercentCents(s.total().yoy().rate()), 10000);
  EXPECT_EQ(PercentCents(s.total().budget_vs_final().diff_rate()), 0);

  EXPECT_EQ(Cents(s.abroad().final()), 0);
  EXPECT_EQ(Cents(s.abroad().budget()), 0);
  EXPECT_EQ(PercentCents(s.abroad().share()), 0);
  EXPECT_EQ(s.abroad().yoy().direction(), report::v1::DIRECTION_INCREASE);
  EXPECT_EQ(Cents(s.abroad().yoy().delta()), 0);
  EXPECT_EQ(PercentCents(s.abroad().yoy().rate()), 0);
  EXPECT_EQ(PercentCents(s.abroad().budget_vs_final().diff_rate()), 0);
  EXPECT_EQ(s.abroad_groups().value(), 0);
  EXPECT_EQ(s.abroad_persons().value(), 0);

  EXPECT_EQ(Cents(s.car().final()), 80);
  EXPECT_EQ(PercentCents(s.car().share()), 10000);
  EXPECT_EQ(Cents(s.car().yoy().delta()), 80);
  // Appendix B lists car.budget 0.80; the seed never prints a budget for the
  // car total (only for 购置费 0.00 and 运行维护费 0.80), so the parser leaves
  // it absent rather than invent a figure without evidence.
  EXPECT_FALSE(s.car().has_budget());

  EXPECT_EQ(Cents(s.car_purchase().final()), 0);
  EXPECT_EQ(Cents(s.car_purchase().budget()), 0);
  EXPECT_EQ(PercentCents(s.car_purchase().budget_vs_final().diff_rate()), 0);
  EXPECT_EQ(s.car_purchased().value(), 0);
  EXPECT_EQ(Cents(s.car_running().final()), 80);
  EXPECT_EQ(Cents(s.car_running().budget()), 80);
  EXPECT_EQ(PercentCents(s.car_running().budget_vs_final().diff_rate()), 0);
  EXPECT_EQ(s.car_holding().value(), 1);
  EXPECT_EQ(s.asset_vehicles().value(), 0);
  EXPECT_EQ(s.car_holding_vs_assets_reason().text(), "机关事务管理局临时调用车辆，费用由本单位支付");

  EXPECT_EQ(Cents(s.reception().final()), 0);
  EXPECT_EQ(Cents(s.reception().budget()), 0);
  EXPECT_EQ(PercentCents(s.reception().share()), 0);
  EXPECT_EQ(Cents(s.reception().yoy().delta()), 0);
  EXPECT_EQ(s.reception_batches().value(), 0);
  EXPECT_EQ(s.reception_persons().value(), 0);
}

TEST_F(SeedTest, OperatingCostProcurementAssets) {
  EXPECT_EQ(Cents(r().operating_cost().amount()), 0);
  EXPECT_EQ(r().operating_cost().yoy().direction(), report::v1::DIRECTION_INCREASE);
  EXPECT_EQ(Cents(r().operating_cost().yoy().delta()), 0);
  EXPECT_EQ(PercentCents(r().operating_cost().yoy().rate()), 0);

  const auto& p = r().procurement();
  EXPECT_EQ(Cents(p.total()), 4952);
  EXPECT_EQ(Cents(p.goods()), 3635);
  EXPECT_EQ(Cents(p.works()), 0);
  EXPECT_EQ(Cents(p.services()), 1316);
  EXPECT_EQ(Cents(p.sme_award().amount()), 4952);
  EXPECT_EQ(PercentCents(p.sme_award().share()), 10000);
  EXPECT_EQ(Cents(p.small_micro_award().amount()), 4952);
  EXPECT_EQ(PercentCents(p.small_micro_award().share()), 10000);

  const auto& a = r().assets();
  EXPECT_EQ(a.as_of().date().year(), 2024);
  EXPECT_EQ(a.as_of().date().month(), 12);
  EXPECT_EQ(a.as_of().date().day(), 31);
  EXPECT_EQ(a.building_area().value().digits(), 0);
  EXPECT_EQ(Cents(a.building_value()), 0);
  EXPECT_EQ(a.vehicles().value(), 0);
  EXPECT_EQ(Cents(a.vehicle_value()), 0);
  ASSERT_EQ(a.vehicles_by_category_size(), 8);
  for (const auto& c : a.vehicles_by_category()) EXPECT_EQ(c.count().value(), 0) << c.name();
  EXPECT_EQ(a.equipment_over_1m().value(), 0);
}

TEST_F(SeedTest, PerformanceNarrative) {
  const auto& p = r().performance();
  EXPECT_EQ(p.overall_tables().value(), 1);
  EXPECT_EQ(Cents(p.overall_budget()), 12139);
  EXPECT_EQ(Cents(p.overall_executed()), 12139);
  EXPECT_EQ(p.projects().value(), 1);
  EXPECT_EQ(Cents(p.projects_budget()), 6809);
  EXPECT_EQ(Cents(p.projects_executed()), 6809);
}

TEST_F(SeedTest, GlossaryHasFourteenTerms) {
  ASSERT_EQ(r().glossary_size(), 14);
  EXPECT_EQ(r().glossary(12).term(), "“三公”经费");
  EXPECT_EQ(r().glossary(13).term(), "机关运行经费");
}

// The whole report, one value per line with its evidence line, as reviewed
// against the document (tests/golden/seed.outline.txt). Regenerate with
// scripts/update-goldens.sh and review the diff before committing it.
TEST_F(SeedTest, WholeReportMatchesReviewedGolden) {
  const std::string golden = ReadFile(std::string(JUESUAN_GOLDEN_DIR) + "/seed.outline.txt");
  const std::vector<std::string> want = absl::StrSplit(golden, '\n');
  const std::vector<std::string> got = absl::StrSplit(report::Outline(r()), '\n');
  int reported = 0;
  for (size_t i = 0; i < std::max(want.size(), got.size()) && reported < 10; ++i) {
    const std::string w = i < want.size() ? want[i] : "<end>";
    const std::string g = i < got.size() ? got[i] : "<end>";
    if (w != g) {
      ADD_FAILURE() << "golden line " << i + 1 << "\n  want: " << w << "\n  got:  " << g;
      ++reported;
    }
  }
}

std::string ToGb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(),
                                 static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? n : 0);
  return out;
}

// A GB18030-encoded copy of the seed parses to the same report; only the
// encoding and the byte offsets into the (identical) decoded text may not
// differ either, since offsets refer to the decoded UTF-8 text.
TEST_F(SeedTest, Gb18030CopyParsesIdentically) {
  const std::string gb = ToGb18030(ReadFile(SharedPath(kSeed)));
  ASSERT_FALSE(gb.empty());
  auto parsed = ParseBytes(gb);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document().encoding(), report::v1::ENCODING_GB18030);
  Report expected = r();
  expected.mutable_document()->set_encoding(report::v1::ENCODING_GB18030);
  EXPECT_EQ(parsed->SerializeAsString(), expected.SerializeAsString());
}

}  // namespace
}  // namespace juesuan::parse::testing

namespace juesuan::parse::testing {
namespace {

// The two performance tables come through the whole pipeline (the reader's
// own tests check every cell against Appendix B).
TEST(SeedPerformanceTables, ReadThroughThePipeline) {
  const report::v1::Report r = ParseSharedOrDie(kSeed);
  ASSERT_EQ(r.performance_tables_size(), 2);
  const auto& pe = r.performance_tables(0);
  EXPECT_EQ(pe.kind(), report::v1::PERFORMANCE_TABLE_KIND_OVERALL);
  EXPECT_EQ(pe.src().section_key(), "PE");
  ASSERT_EQ(pe.funds_size(), 4);
  EXPECT_EQ(Cents(pe.funds(3).annual()), 12139);
  EXPECT_EQ(pe.execution().printed_on_source(), report::v1::FUND_SOURCE_SUPERIOR);
  EXPECT_EQ(pe.indicators_size(), 3);
  EXPECT_FALSE(pe.has_total_row());
  const auto& pp = r.performance_tables(1);
  EXPECT_EQ(pp.kind(), report::v1::PERFORMANCE_TABLE_KIND_PROJECT);
  EXPECT_EQ(pp.project_name().text(), "州党委社会工作部开办经费");
  ASSERT_EQ(pp.indicators_size(), 8);
  EXPECT_EQ(pp.indicators(7).completion().value().digits(), 11111);
  EXPECT_EQ(pp.total_score().raw(), "100.00分");
  // The table lines are not read as narrative: no figure is left unexplained.
  for (const auto& d : r.diagnostics()) ADD_FAILURE() << d.code() << ": " << d.message();
  // The 2025 date in the project's 实际完成情况 keeps the table's key.
  bool found = false;
  for (const auto& d : r.dates()) {
    if (d.date().year() == 2025) {
      found = true;
      EXPECT_EQ(d.src().section_key(), "PP[0]");
      EXPECT_EQ(d.src().line(), 223u);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace juesuan::parse::testing
