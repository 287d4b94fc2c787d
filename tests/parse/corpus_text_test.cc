// The pdftotext renderings of the Shanghai corpus documents: profile
// detected, and the 情况说明 statements extracted with the printed values.
#include "gtest/gtest.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse::testing {
namespace {

using report::v1::Report;

TEST(Corpus001, ShanghaiStatements) {
  const Report r = ParseSharedOrDie("corpus/001/text.txt");
  EXPECT_EQ(r.document().layout(), report::v1::LAYOUT_SHANGHAI);
  EXPECT_EQ(r.document().year(), 2024);
  EXPECT_EQ(r.document().unit_name().text(), "上海市普陀区财政局");
  // 一、收入支出总计2995.39万元 … 减少56.95万元，下降1.87%
  EXPECT_EQ(Cents(r.totals().income_expend_total()), 299539);
  EXPECT_EQ(r.totals().yoy().direction(), report::v1::DIRECTION_DECREASE);
  EXPECT_EQ(Cents(r.totals().yoy().delta()), 5695);
  EXPECT_EQ(PercentCents(r.totals().yoy().rate()), 187);
  // 二、本年收入合计2946.25万元：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%
  EXPECT_EQ(Cents(r.income().total()), 294625);
  EXPECT_EQ(Cents(r.income().fiscal().amount()), 294005);
  EXPECT_EQ(PercentCents(r.income().fiscal().share()), 9979);
  EXPECT_EQ(r.income().other().amount().fen(), 6200000);
  EXPECT_EQ(r.income().other().amount().quantum_fen(), 100000);  // printed with one decimal
  // 三、基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51% (printed out of order)
  EXPECT_EQ(Cents(r.expenditure().basic().amount()), 233691);
  EXPECT_EQ(Cents(r.expenditure().project().amount()), 60314);
  EXPECT_EQ(PercentCents(r.expenditure().project().share()), 2051);
  // 四、财政拨款收入支出总计0.3万元 … 持平 (the document's own error, kept as printed)
  EXPECT_EQ(r.fiscal().income_expend_total().fen(), 300000);
  EXPECT_EQ(r.fiscal().yoy().direction(), report::v1::DIRECTION_FLAT);
  // 五、2940.05万元，占100.00%；减少63.14万元，下降2.10%；年初预算2993.92 → 完成98.20%
  const auto& g = r.general_public_budget();
  EXPECT_EQ(Cents(g.total()), 294005);
  EXPECT_EQ(Cents(g.yoy().delta()), 6314);
  EXPECT_EQ(PercentCents(g.yoy().rate()), 210);
  EXPECT_EQ(Cents(g.budget_vs_final().budget()), 299392);
  EXPECT_EQ(PercentCents(g.budget_vs_final().completion()), 9820);
  EXPECT_EQ(g.budget_vs_final().comparison(), report::v1::COMPARISON_LESS);
  ASSERT_EQ(g.classes_size(), 4);
  EXPECT_EQ(PercentCents(g.classes(0).share()), 7173);  // printed 71.73% (a real error)
  EXPECT_EQ(PercentCents(g.classes(3).share()), 1516);  // "15.16%" printed above its line
  ASSERT_EQ(g.items_size(), 11);
  EXPECT_EQ(g.items(0).code(), "2010601");
  EXPECT_EQ(Cents(g.items(0).budget_vs_final().budget()), 156005);
  EXPECT_EQ(Cents(g.items(0).amount()), 151189);
  EXPECT_EQ(Cents(g.items(3).budget_vs_final().budget()), 45052);   // text re-ordered in the PDF
  EXPECT_EQ(Cents(g.items(3).amount()), 44952);
  EXPECT_EQ(Cents(g.items(5).budget_vs_final().budget()), 16162);
  EXPECT_EQ(g.items(1).budget_vs_final().comparison(), report::v1::COMPARISON_ROUGHLY_EQUAL);
  // 六、基本支出2336.91 = 人员经费2152.26 + 公用经费184.65
  EXPECT_EQ(Cents(r.basic().personnel()), 215226);
  EXPECT_EQ(Cents(r.basic().public_()), 18465);
  // 七、三公：年初预算0.95，决算0.00，完成预算的0%
  EXPECT_EQ(Cents(r.sangong().total().budget()), 95);
  EXPECT_EQ(Cents(r.sangong().total().final()), 0);
  EXPECT_EQ(r.sangong().total().budget_vs_final().completion().value().digits(), 0);
  EXPECT_EQ(r.sangong().total().budget_vs_final().completion().value().scale(), 0);  // "0%"
  EXPECT_TRUE(r.sangong().has_none_statement());
  // 十一、机关运行经费184.65万元，增加2.55万元，增长1.40%；政府采购251.25 = 4.79+0+246.47
  EXPECT_EQ(Cents(r.operating_cost().amount()), 18465);
  EXPECT_EQ(PercentCents(r.operating_cost().yoy().rate()), 140);
  EXPECT_EQ(Cents(r.procurement().total()), 25125);
  EXPECT_EQ(Cents(r.procurement().goods()), 479);
  EXPECT_EQ(Cents(r.procurement().services()), 24647);
  EXPECT_EQ(Cents(r.procurement().sme_reserved()), 24647);
  EXPECT_EQ(Cents(r.procurement().sme_won_in_other()), 479);
  EXPECT_EQ(r.assets().equipment_over_1m().value(), 2);
  // 十、预算绩效管理：4 projects, 598.42万元, average 99.43, 4 × 优
  EXPECT_EQ(r.performance().selfeval_projects().value(), 4);
  EXPECT_EQ(Cents(r.performance().selfeval_amount()), 59842);
  EXPECT_EQ(r.performance().selfeval_average_score().digits(), 9943);
  EXPECT_EQ(r.performance().grade_excellent().value(), 4);
  // Three units in 单位构成, the own level first.
  ASSERT_EQ(r.profile().units_size(), 3);
  EXPECT_TRUE(r.profile().units(0).is_own_level());
  EXPECT_EQ(r.profile().units(1).note().text(), "预算不单列，并入本级");
}

TEST(Corpus003, ShanghaiStatementsOfANewUnit) {
  const Report r = ParseSharedOrDie("corpus/003/text.txt");
  EXPECT_EQ(r.document().layout(), report::v1::LAYOUT_SHANGHAI);
  EXPECT_EQ(r.document().unit_name().text(), "中共上海市普陀区委社会工作部");
  EXPECT_EQ(Cents(r.totals().income_expend_total()), 30782);
  EXPECT_EQ(PercentCents(r.totals().yoy().rate()), 10000);  // zero base "增长100%"
  EXPECT_EQ(Cents(r.expenditure().basic().amount()), 10558);
  EXPECT_EQ(PercentCents(r.expenditure().basic().share()), 3430);
  const auto& bvf = r.general_public_budget().budget_vs_final();
  // 年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%
  EXPECT_EQ(Cents(bvf.budget()), 0);
  EXPECT_EQ(Cents(bvf.annual_budget()), 32102);
  EXPECT_EQ(Cents(bvf.final()), 30782);
  EXPECT_EQ(bvf.completion_kind(), report::v1::BUDGET_KIND_INITIAL);
  EXPECT_EQ(PercentCents(bvf.completion()), 9589);
  ASSERT_EQ(r.general_public_budget().classes_size(), 4);
  EXPECT_EQ(PercentCents(r.general_public_budget().classes(3).share()), 955);
  const auto& items = r.general_public_budget().items();
  ASSERT_GE(items.size(), 7);
  EXPECT_EQ(items[0].code(), "2013901");
  EXPECT_EQ(items[0].budget_vs_final().kind(), report::v1::BUDGET_KIND_ANNUAL);
  EXPECT_EQ(Cents(items[0].budget_vs_final().budget()), 5200);
  EXPECT_EQ(PercentCents(items[0].budget_vs_final().completion()), 9869);
  EXPECT_EQ(Cents(r.basic().personnel()), 9536);
  EXPECT_EQ(Cents(r.basic().public_()), 1023);
  EXPECT_EQ(Cents(r.operating_cost().amount()), 1023);
  // SME block: C = E = 21.07 with total 21.07 (a real defect for the validator).
  EXPECT_EQ(Cents(r.procurement().total()), 2107);
  EXPECT_EQ(Cents(r.procurement().sme_won_in_reserved()), 2107);
  EXPECT_EQ(Cents(r.procurement().sme_won_in_other()), 2107);
  EXPECT_TRUE(r.sangong().has_none_statement());
  EXPECT_EQ(r.profile().units_size(), 2);
}

TEST(Corpus004, SeededErrorsAreReadAsPrinted) {
  const Report r = ParseSharedOrDie("corpus/004/text.txt");
  EXPECT_EQ(r.totals().income_expend_total().fen(), 0);  // "收入支出总计0万元"
  EXPECT_EQ(r.assets().as_of().date().year(), 2023);     // "截至2023年12月31日"
  bool heading_2023 = false;
  for (const auto& y : r.document().years_in_headings()) {
    heading_2023 |= y.text().find("2023") != std::string::npos;
  }
  EXPECT_TRUE(heading_2023);
  bool xx_unit = false;
  for (const auto& p : r.placeholders()) xx_unit |= p.src().raw_text() == "XX";
  EXPECT_TRUE(xx_unit);
}

TEST(Corpus005, TemplatePlaceholdersAreNotNumbers) {
  const Report r = ParseSharedOrDie("corpus/005/text.txt");
  EXPECT_GT(r.placeholders_size(), 20);
  // No figure was read from a placeholder such as "XXX万元".
  for (const auto& s : r.statements()) {
    EXPECT_EQ(s.src().raw_text().find("XX"), std::string::npos) << s.src().raw_text();
  }
  bool residue = false;
  for (const auto& p : r.placeholders()) residue |= p.text() == "增加(减少)";
  EXPECT_TRUE(residue);
}

}  // namespace
}  // namespace juesuan::parse::testing
