// FA-TOT — totals identities (REFERENCE §3.1).
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"
#include "services/validate/src/rules/table_forms.h"

namespace juesuan::validate {
namespace {

void IncomeEqualsExpenditure(RuleContext& ctx) {  // FA-TOT-001
  TablesIncomeEqualsExpenditure(ctx);
  const auto& t = ctx.report().totals();
  auto in = JUESUAN_AMOUNT(ctx, "tot.income_total", t, income_total);
  auto out = JUESUAN_AMOUNT(ctx, "tot.expend_total", t, expend_total);
  if (in && out) RecordSame(ctx, "tot.income_total = tot.expend_total", *in, *out, fv1::SEVERITY_WARNING);
}

void IncomeSide(RuleContext& ctx) {  // FA-TOT-002
  TablesIncomeSide(ctx);
  const auto& t = ctx.report().totals();
  auto total = JUESUAN_AMOUNT(ctx, "tot.income_total", t, income_total);
  auto year = JUESUAN_AMOUNT(ctx, "tot.income_year", t, income_year);
  auto surplus = JUESUAN_AMOUNT(ctx, "tot.use_nonfiscal_surplus", t, use_nonfiscal_surplus);
  auto carry = JUESUAN_AMOUNT(ctx, "tot.carry_in", t, carry_in);
  if (!total || !year || !surplus || !carry) return;
  RecordSum(ctx, "tot.income_total = tot.income_year + tot.use_nonfiscal_surplus + tot.carry_in",
            *total, {{*year, 1}, {*surplus, 1}, {*carry, 1}});
}

void ExpenditureSide(RuleContext& ctx) {  // FA-TOT-003
  TablesExpenditureSide(ctx);
  const auto& t = ctx.report().totals();
  auto total = JUESUAN_AMOUNT(ctx, "tot.expend_total", t, expend_total);
  auto year = JUESUAN_AMOUNT(ctx, "tot.expend_year", t, expend_year);
  auto dist = JUESUAN_AMOUNT(ctx, "tot.surplus_distribution", t, surplus_distribution);
  auto carry = JUESUAN_AMOUNT(ctx, "tot.carry_out", t, carry_out);
  if (!total || !year || !dist || !carry) return;
  RecordSum(ctx, "tot.expend_total = tot.expend_year + tot.surplus_distribution + tot.carry_out",
            *total, {{*year, 1}, {*dist, 1}, {*carry, 1}});
}

void FiscalIncomeSide(RuleContext& ctx) {  // FA-TOT-004
  TablesFiscalIncomeSide(ctx);
  const auto& f = ctx.report().fiscal();
  auto total = JUESUAN_AMOUNT(ctx, "fis.income_total", f, income_total);
  auto carry = JUESUAN_AMOUNT(ctx, "fis.carry_in", f, carry_in);
  auto year = JUESUAN_AMOUNT(ctx, "fis.income_year", f, income_year);
  if (total && carry && year) {
    RecordSum(ctx, "fis.income_total = fis.carry_in + fis.income_year", *total, {{*carry, 1}, {*year, 1}});
  }
}

void FiscalExpenditureSide(RuleContext& ctx) {  // FA-TOT-005
  TablesFiscalExpenditureSide(ctx);
  const auto& f = ctx.report().fiscal();
  auto total = JUESUAN_AMOUNT(ctx, "fis.expend_total", f, expend_total);
  auto year = JUESUAN_AMOUNT(ctx, "fis.expend_year", f, expend_year);
  auto carry = JUESUAN_AMOUNT(ctx, "fis.carry_out", f, carry_out);
  if (total && year && carry) {
    RecordSum(ctx, "fis.expend_total = fis.expend_year + fis.carry_out", *total, {{*year, 1}, {*carry, 1}});
  }
}

void FiscalBalanced(RuleContext& ctx) {  // FA-TOT-006
  TablesFiscalBalanced(ctx);
  const auto& f = ctx.report().fiscal();
  auto in = JUESUAN_AMOUNT(ctx, "fis.income_total", f, income_total);
  auto out = JUESUAN_AMOUNT(ctx, "fis.expend_total", f, expend_total);
  if (in && out) RecordSame(ctx, "fis.income_total = fis.expend_total", *in, *out, fv1::SEVERITY_WARNING);
}

void RollForward(RuleContext& ctx) {  // FA-TOT-007
  const auto& f = ctx.report().fiscal();
  auto out = JUESUAN_AMOUNT(ctx, "fis.carry_out", f, carry_out);
  auto in = JUESUAN_AMOUNT(ctx, "fis.carry_in", f, carry_in);
  auto income = JUESUAN_AMOUNT(ctx, "fis.income_year", f, income_year);
  auto spent = JUESUAN_AMOUNT(ctx, "fis.expend_year", f, expend_year);
  if (out && in && income && spent) {
    RecordSum(ctx, "fis.carry_out = fis.carry_in + fis.income_year − fis.expend_year", *out,
              {{*in, 1}, {*income, 1}, {*spent, -1}});
  }
  for (const auto* fund : {&ctx.report().government_fund(), &ctx.report().state_capital()}) {
    const std::string base = fund == &ctx.report().government_fund() ? "gf" : "soe";
    if (!fund->has_data()) continue;
    auto fo = JUESUAN_AMOUNT(ctx, base + ".carry_out", *fund, carry_out);
    auto fi = JUESUAN_AMOUNT(ctx, base + ".carry_in", *fund, carry_in);
    auto inc = JUESUAN_AMOUNT(ctx, base + ".income", *fund, income);
    auto exp = JUESUAN_AMOUNT(ctx, base + ".expend", *fund, expend);
    if (fo && fi && inc && exp) {
      RecordSum(ctx, [&] { return std::string(base + ".carry_out = carry_in + income − expend"); },
                *fo, {{*fi, 1}, {*inc, 1}, {*exp, -1}});
    }
  }
}

void FiscalWithinAllSources(RuleContext& ctx) {  // FA-TOT-008
  const auto& t = ctx.report().totals();
  const auto& f = ctx.report().fiscal();
  if (auto a = JUESUAN_AMOUNT(ctx, "fis.income_year", f, income_year)) {
    if (auto b = JUESUAN_AMOUNT(ctx, "tot.income_year", t, income_year)) {
      RecordAtMost(ctx, "fis.income_year ≤ tot.income_year", *a, *b, fv1::SEVERITY_ERROR);
    }
  }
  if (auto a = JUESUAN_AMOUNT(ctx, "fis.carry_in", f, carry_in)) {
    if (auto b = JUESUAN_AMOUNT(ctx, "tot.carry_in", t, carry_in)) {
      RecordAtMost(ctx, "fis.carry_in ≤ tot.carry_in", *a, *b, fv1::SEVERITY_ERROR);
    }
  }
  if (auto a = JUESUAN_AMOUNT(ctx, "fis.carry_out", f, carry_out)) {
    if (auto b = JUESUAN_AMOUNT(ctx, "tot.carry_out", t, carry_out)) {
      RecordAtMost(ctx, "fis.carry_out ≤ tot.carry_out", *a, *b, fv1::SEVERITY_ERROR);
    }
  }
}

}  // namespace

std::vector<RuleDef> TotRules() {
  using enum DataNeed;
  return {
      {"FA-TOT-001", fv1::SEVERITY_ERROR, kNarrative, "收入总计等于支出总计", "收入总计与支出总计不相等",
       "income total differs from expenditure total", IncomeEqualsExpenditure},
      {"FA-TOT-002", fv1::SEVERITY_ERROR, kNarrative, "收入总计 = 本年收入 + 使用结余 + 年初结转",
       "收入总计与其构成不平衡", "income total does not equal its components", IncomeSide},
      {"FA-TOT-003", fv1::SEVERITY_ERROR, kNarrative, "支出总计 = 本年支出 + 结余分配 + 年末结转",
       "支出总计与其构成不平衡", "expenditure total does not equal its components", ExpenditureSide},
      {"FA-TOT-004", fv1::SEVERITY_ERROR, kNarrative, "财政拨款收入总计 = 年初结转 + 本年收入",
       "财政拨款收入总计与其构成不平衡", "fiscal income total does not equal its components", FiscalIncomeSide},
      {"FA-TOT-005", fv1::SEVERITY_ERROR, kNarrative, "财政拨款支出总计 = 本年支出 + 年末结转",
       "财政拨款支出总计与其构成不平衡", "fiscal expenditure total does not equal its components",
       FiscalExpenditureSide},
      {"FA-TOT-006", fv1::SEVERITY_ERROR, kNarrative, "财政拨款收入总计等于支出总计",
       "财政拨款收入总计与支出总计不相等", "fiscal income total differs from fiscal expenditure total",
       FiscalBalanced},
      {"FA-TOT-007", fv1::SEVERITY_ERROR, kNarrative, "结转结余滚存：年末 = 年初 + 收入 − 支出",
       "结转结余滚存不平衡", "carry-over roll-forward does not balance", RollForward},
      {"FA-TOT-008", fv1::SEVERITY_ERROR, kNarrative, "财政拨款部分不超过全部资金",
       "财政拨款数大于全部资金口径数", "a fiscal-appropriation figure exceeds the all-source figure",
       FiscalWithinAllSources},
  };
}

}  // namespace juesuan::validate
