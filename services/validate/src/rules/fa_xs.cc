// FA-XS — cross-section agreement (REFERENCE §3.7).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"
#include "services/validate/src/rules/table_forms.h"

namespace juesuan::validate {
namespace {

const rv1::PerformanceTable* OverallTable(const rv1::Report& report) {
  for (const auto& t : report.performance_tables()) {
    if (t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL) return &t;
  }
  return nullptr;
}

const rv1::FundRow* TotalFunds(const rv1::PerformanceTable& t) {
  for (const auto& row : t.funds()) {
    if (row.source() == rv1::FUND_SOURCE_TOTAL) return &row;
  }
  return nullptr;
}

// The unit's 年初预算 as stated in N.FISCAL (or N.GPB).
const rv1::BudgetVsFinal* InitialBudgetStatement(const rv1::Report& report) {
  for (const auto* bvf : {&report.fiscal().budget_vs_final(), &report.general_public_budget().budget_vs_final()}) {
    if (bvf->kind() == rv1::BUDGET_KIND_INITIAL && bvf->has_budget()) return bvf;
  }
  return nullptr;
}

void IncomeFiscalAgree(RuleContext& ctx) {  // FA-XS-001
  TablesFiscalIncome(ctx);
  const auto& in = ctx.report().income();
  auto a = ctx.Amount("inc.fiscal", in.has_fiscal() && in.fiscal().has_amount(), in.fiscal().amount());
  auto b = JUESUAN_AMOUNT(ctx, "fis.income_year", ctx.report().fiscal(), income_year);
  if (a && b) RecordSame(ctx, "inc.fiscal = fis.income_year", *a, *b, fv1::SEVERITY_WARNING);
}

void FiscalByFund(RuleContext& ctx) {  // FA-XS-002
  TablesFiscalExpenditure(ctx);
  const auto& r = ctx.report();
  auto year = JUESUAN_AMOUNT(ctx, "fis.expend_year", r.fiscal(), expend_year);
  auto gpb = JUESUAN_AMOUNT(ctx, "gpb.total", r.general_public_budget(), total);
  if (!year || !gpb) return;
  DerivedAmounts zeros;
  std::vector<std::pair<AmountOperand, int>> terms = {{*gpb, 1}};
  for (const auto* fund : {&r.government_fund(), &r.state_capital()}) {
    const std::string name = fund == &r.government_fund() ? "gf.expend" : "soe.expend";
    if (fund->has_expend()) {
      auto op = ctx.Amount(name, true, fund->expend());
      if (!op) return;
      terms.push_back({*op, 1});
    } else if (!fund->has_data() && fund->has_empty_statement()) {
      // An explicit empty statement stands for a printed zero.
      AmountOperand zero = zeros.Make(name, 0, 10'000, fund->empty_statement().src());
      terms.push_back({zero, 1});
    } else {
      ctx.Missing(name + " absent");
      return;
    }
  }
  RecordSum(ctx, "fis.expend_year = gpb.total + gf.expend + soe.expend", *year, terms);
}

void GpbWithinYear(RuleContext& ctx) {  // FA-XS-003
  auto gpb = JUESUAN_AMOUNT(ctx, "gpb.total", ctx.report().general_public_budget(), total);
  const rv1::Amount* y = ResolveAmount(ctx.report(), "tot.expend_year");
  auto year = ctx.Amount("tot.expend_year", y);
  if (gpb && year) RecordAtMost(ctx, "gpb.total ≤ tot.expend_year", *gpb, *year, fv1::SEVERITY_ERROR);
}

void BasicWithinAllSources(RuleContext& ctx) {  // FA-XS-004
  const auto& r = ctx.report();
  auto basic = JUESUAN_AMOUNT(ctx, "bas.total", r.basic(), total);
  const auto& ex = r.expenditure();
  auto exp_basic = ctx.Amount("exp.basic", ex.has_basic() && ex.basic().has_amount(), ex.basic().amount());
  auto exp_project = ctx.Amount("exp.project", ex.has_project() && ex.project().has_amount(), ex.project().amount());
  auto gpb = JUESUAN_AMOUNT(ctx, "gpb.total", r.general_public_budget(), total);
  if (basic && exp_basic) RecordAtMost(ctx, "bas.total ≤ exp.basic", *basic, *exp_basic, fv1::SEVERITY_ERROR);
  if (basic && gpb && exp_project) {
    DerivedAmounts derived;
    AmountOperand gpb_project =
        derived.Make("gpb.total − bas.total", static_cast<Int128>(gpb->printed.fen) - basic->printed.fen,
                     gpb->printed.quantum + basic->printed.quantum, gpb->amount->src());
    RecordAtMost(ctx, "gpb.total − bas.total ≤ exp.project", gpb_project, *exp_project, fv1::SEVERITY_ERROR);
  }
}

void PerformanceNarrativeMatchesTables(RuleContext& ctx) {  // FA-XS-006
  const auto& r = ctx.report();
  const auto& perf = r.performance();
  DerivedAmounts derived;
  if (const auto* pe = OverallTable(r)) {
    if (const auto* total = TotalFunds(*pe)) {
      auto nb = JUESUAN_AMOUNT(ctx, "perf.overall_budget", perf, overall_budget);
      auto tb = JUESUAN_AMOUNT(ctx, "pe.funds.合计.annual", *total, annual);
      if (nb && tb) RecordSame(ctx, "perf.overall_budget = PE 合计 全年预算数", *nb, *tb, fv1::SEVERITY_WARNING);
      auto ne = JUESUAN_AMOUNT(ctx, "perf.overall_executed", perf, overall_executed);
      auto te = JUESUAN_AMOUNT(ctx, "pe.funds.合计.executed", *total, executed);
      if (ne && te) RecordSame(ctx, "perf.overall_executed = PE 合计 全年执行数", *ne, *te, fv1::SEVERITY_WARNING);
    }
  }
  Int128 budget = 0, executed = 0;
  int64_t qb = 0, qe = 0;
  int projects = 0, overall = 0;
  bool complete = true;
  for (const auto& t : r.performance_tables()) {
    if (t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL) {
      ++overall;
      continue;
    }
    ++projects;
    const auto* total = TotalFunds(t);
    if (total == nullptr || !total->has_annual() || !total->has_executed()) {
      complete = false;
      continue;
    }
    budget += total->annual().fen();
    executed += total->executed().fen();
    qb += ToPrinted(total->annual()).quantum;
    qe += ToPrinted(total->executed()).quantum;
  }
  if (projects > 0 && complete) {
    auto nb = JUESUAN_AMOUNT(ctx, "perf.projects_budget", perf, projects_budget);
    if (nb) {
      auto sum = derived.Make("Σ PP 年度资金总额 全年预算数", budget, qb, nb->amount->src());
      RecordSum(ctx, "perf.projects_budget = Σ PP 全年预算数", *nb, {{sum, 1}});
    }
    auto ne = JUESUAN_AMOUNT(ctx, "perf.projects_executed", perf, projects_executed);
    if (ne) {
      auto sum = derived.Make("Σ PP 年度资金总额 全年执行数", executed, qe, ne->amount->src());
      RecordSum(ctx, "perf.projects_executed = Σ PP 全年执行数", *ne, {{sum, 1}});
    }
  }
  auto count = [&](const char* name, bool has, const rv1::Count& c, int present) {
    if (!has) return;
    ctx.Ran();
    if (c.value() == present) return;
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "说明所称自评表数量与所附自评表数量不符",
                              "the number of self-evaluation tables announced differs from those present");
    f.set_relation(fmt::format("{} = number of tables", name));
    AddOperand(f, name, c);
    f.set_expected(std::to_string(present));
  };
  count("perf.overall_tables", perf.has_overall_tables(), perf.overall_tables(), overall);
  count("perf.projects", perf.has_projects(), perf.projects(), projects);
}

void SelfEvaluationWithinSpending(RuleContext& ctx) {  // FA-XS-007
  const auto& r = ctx.report();
  if (const auto* pe = OverallTable(r)) {
    if (const auto* total = TotalFunds(*pe)) {
      auto te = JUESUAN_AMOUNT(ctx, "pe.funds.合计.executed", *total, executed);
      const rv1::Amount* y = ResolveAmount(r, "tot.expend_year");
      auto year = ctx.Amount("tot.expend_year", y);
      if (te && year) RecordAtMost(ctx, "PE 合计 全年执行数 ≤ tot.expend_year", *te, *year, fv1::SEVERITY_WARNING);
    }
  }
  Int128 executed = 0;
  int64_t q = 0;
  int projects = 0;
  const rv1::Provenance* src = nullptr;
  for (const auto& t : r.performance_tables()) {
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_PROJECT) continue;
    const auto* total = TotalFunds(t);
    if (total == nullptr || !total->has_executed()) return;
    executed += total->executed().fen();
    q += ToPrinted(total->executed()).quantum;
    src = &total->executed().src();
    ++projects;
  }
  const auto& ex = r.expenditure();
  auto project = ctx.Amount("exp.project", ex.has_project() && ex.project().has_amount(), ex.project().amount());
  if (projects > 0 && project) {
    DerivedAmounts derived;
    auto sum = derived.Make("Σ PP 全年执行数", executed, q, *src);
    RecordAtMost(ctx, "Σ PP 全年执行数 ≤ exp.project", sum, *project, fv1::SEVERITY_WARNING);
  }
}

void ProjectInitialWithinUnitInitial(RuleContext& ctx) {  // FA-XS-008
  const auto& r = ctx.report();
  const rv1::BudgetVsFinal* unit = InitialBudgetStatement(r);
  if (unit == nullptr) {
    ctx.Missing("unit 年初预算 statement absent");
    return;
  }
  Int128 initial = 0;
  int64_t q = 0;
  int projects = 0;
  const rv1::Provenance* src = nullptr;
  for (const auto& t : r.performance_tables()) {
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_PROJECT) continue;
    const auto* total = TotalFunds(t);
    if (total == nullptr || !total->has_initial()) continue;
    initial += total->initial().fen();
    q += ToPrinted(total->initial()).quantum;
    src = &total->initial().src();
    ++projects;
  }
  if (projects == 0) {
    ctx.Missing("no project table with 年初预算数");
    return;
  }
  auto budget = ctx.Amount("fis.bvf.budget (年初)", true, unit->budget());
  if (!budget) return;
  DerivedAmounts derived;
  auto sum = derived.Make("Σ PP 年初预算数", initial, q, *src);
  RecordAtMost(ctx, "Σ PP 年初预算数 ≤ 单位年初预算数", sum, *budget, fv1::SEVERITY_WARNING);
}

void OverallInitialMatchesUnit(RuleContext& ctx) {  // FA-XS-009
  const auto& r = ctx.report();
  const auto* pe = OverallTable(r);
  const rv1::BudgetVsFinal* unit = InitialBudgetStatement(r);
  if (pe == nullptr || unit == nullptr) {
    ctx.Missing(pe == nullptr ? "PE absent" : "unit 年初预算 statement absent");
    return;
  }
  // Only comparable when all income of the year is fiscal appropriation.
  const auto& in = r.income();
  const rv1::Amount* year = ResolveAmount(r, "tot.income_year");
  if (!in.has_fiscal() || !in.fiscal().has_amount() || year == nullptr ||
      in.fiscal().amount().fen() != year->fen()) {
    ctx.Missing("income not 100% fiscal appropriation");
    return;
  }
  const auto* total = TotalFunds(*pe);
  if (total == nullptr) {
    ctx.Missing("PE 合计 row absent");
    return;
  }
  auto pe_initial = JUESUAN_AMOUNT(ctx, "pe.funds.合计.initial", *total, initial);
  auto budget = ctx.Amount("fis.bvf.budget (年初)", true, unit->budget());
  if (pe_initial && budget) {
    RecordSame(ctx, "PE 合计 年初预算数 = 单位年初预算数", *pe_initial, *budget, fv1::SEVERITY_WARNING);
  }
}

void EconomicItemsWithinSangong(RuleContext& ctx) {  // FA-XS-010
  const rv1::Table* t6 = FindTable(ctx.report(), "T6");
  if (t6 == nullptr) {
    ctx.Missing("T6 absent");
    return;
  }
  int col = FindColumn(*t6, "final");
  if (col < 0) col = FindColumn(*t6, "amount");
  const auto& sg = ctx.report().sangong();
  const std::tuple<const char*, const char*, bool, const rv1::SangongItem*> kPairs[] = {
      {"30212", "sg.abroad.final", sg.has_abroad(), &sg.abroad()},
      {"30217", "sg.reception.final", sg.has_reception(), &sg.reception()},
      {"30231", "sg.car_running.final", sg.has_car_running(), &sg.car_running()},
      {"31013", "sg.car_purchase.final", sg.has_car_purchase(), &sg.car_purchase()}};
  for (const auto& [code, name, has, item] : kPairs) {
    for (int r = 0; r < t6->rows_size(); ++r) {
      if (t6->rows(r).code() != code) continue;
      auto cell = CellOperand(ctx, *t6, r, col);
      auto sgv = ctx.Amount(name, has && item->has_final(), item->final());
      if (cell && sgv) RecordAtMost(ctx, fmt::format("T6 {} ≤ {}", code, name), *cell, *sgv, fv1::SEVERITY_WARNING);
    }
  }
}

void ProcurementMagnitude(RuleContext& ctx) {  // FA-XS-013
  const auto& t = ctx.report().totals();
  auto proc = JUESUAN_AMOUNT(ctx, "proc.total", ctx.report().procurement(), total);
  auto total = t.has_expend_total() ? JUESUAN_AMOUNT(ctx, "tot.expend_total", t, expend_total)
                                    : JUESUAN_AMOUNT(ctx, "tot.expend_year", t, expend_year);
  if (proc && total) RecordAtMost(ctx, "proc.total ≤ 支出总计", *proc, *total, fv1::SEVERITY_INFO);
}

}  // namespace

std::vector<RuleDef> XsRules() {
  using enum DataNeed;
  return {
      {"FA-XS-001", fv1::SEVERITY_ERROR, kNarrative, "收入说明与财政拨款说明的财政拨款收入一致",
       "财政拨款收入前后不一致", "fiscal income differs between sections", IncomeFiscalAgree},
      {"FA-XS-002", fv1::SEVERITY_ERROR, kNarrative, "本年财政拨款支出 = 三类财政拨款支出之和",
       "财政拨款支出与分类之和不符", "fiscal expenditure does not equal the sum of fund types", FiscalByFund},
      {"FA-XS-003", fv1::SEVERITY_ERROR, kNarrative, "一般公共预算支出不超过本年支出",
       "一般公共预算财政拨款支出大于本年支出合计", "general public budget exceeds the expenditure of the year",
       GpbWithinYear},
      {"FA-XS-004", fv1::SEVERITY_ERROR, kNarrative, "财政拨款基本/项目支出不超过全部资金口径",
       "财政拨款基本或项目支出大于全部资金口径", "fiscal basic/project spending exceeds the all-source figure",
       BasicWithinAllSources},
      {"FA-XS-006", fv1::SEVERITY_ERROR, kPerformance, "绩效说明与自评表一致", "绩效说明与自评表不一致",
       "performance narrative disagrees with the tables", PerformanceNarrativeMatchesTables},
      {"FA-XS-007", fv1::SEVERITY_WARNING, kPerformance, "自评表执行数不超过决算支出",
       "自评表执行数超过决算支出", "self-evaluation spending exceeds the accounts", SelfEvaluationWithinSpending},
      {"FA-XS-008", fv1::SEVERITY_WARNING, kPerformance, "项目年初预算不超过单位年初预算",
       "项目支出绩效自评表年初预算数大于单位年初预算数（年中追加资金应列入全年预算数）",
       "project initial budgets exceed the unit's initial budget (mid-year additions belong to the annual budget)",
       ProjectInitialWithinUnitInitial},
      {"FA-XS-009", fv1::SEVERITY_WARNING, kPerformance, "整体自评表年初预算与决算说明一致",
       "整体支出绩效自评表年初预算数与财政拨款年初预算数不一致",
       "overall self-evaluation initial budget differs from the stated initial budget", OverallInitialMatchesUnit},
      {"FA-XS-010", fv1::SEVERITY_WARNING, kTables, "基本支出经济科目不超过三公经费",
       "基本支出经济科目金额大于对应“三公”经费", "an economic item exceeds its 三公 counterpart",
       EconomicItemsWithinSangong},
      {"FA-XS-013", fv1::SEVERITY_INFO, kNarrative, "政府采购规模合理", "政府采购支出总额大于支出总计",
       "procurement exceeds total expenditure", ProcurementMagnitude},
      {"FA-XS-014", fv1::SEVERITY_ERROR, kTables, "同一科目在各决算表中一致",
       "同一功能分类科目在不同决算表中的金额不一致", "the same functional class differs between tables",
       SameLinesAcrossTables},
  };
}

}  // namespace juesuan::validate
