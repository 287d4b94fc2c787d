// FA-XS — cross-section agreement (REFERENCE §3.7).
#include <set>

#include "common/text/decimal.h"
#include "common/text/search.h"
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

bool SamePrint(const rv1::Provenance& a, const rv1::Provenance& b) {
  return a.byte_begin() == b.byte_begin() && a.byte_end() == b.byte_end() && a.line() == b.line();
}

// A total restated in another narrative place is the same quantity printed
// twice (SAME): an amount statement naming an entity operand
// ("一般公共预算财政拨款支出2940.05万元，主要用于…" → gpb.total), the
// 本年收入/支出合计 of N.INCOME and N.EXPEND, and the 决算数 of the
// 一般公共预算 budget-vs-final statement.
void RestatedTotalsAgree(RuleContext& ctx) {
  const auto& r = ctx.report();
  std::set<std::pair<uint64_t, uint64_t>> checked;
  auto check = [&](const std::string& name, const rv1::Amount& restated, const std::string& entity_name,
                   const rv1::Amount* entity) {
    if (entity == nullptr || restated.blank() || SamePrint(restated.src(), entity->src())) return;
    const bool positioned = restated.src().byte_end() > restated.src().byte_begin();
    if (positioned && !checked.insert({restated.src().byte_begin(), restated.src().byte_end()}).second) return;
    auto a = ctx.Amount(name, true, restated);
    auto b = ctx.Amount(entity_name, entity);
    if (a && b) RecordSame(ctx, [&] { return std::string(name + " = " + entity_name); }, *a, *b, fv1::SEVERITY_WARNING);
  };
  for (int i = 0; i < r.statements_size(); ++i) {
    const auto& st = r.statements(i);
    if (!st.has_amount()) continue;
    check(fmt::format("statements[{}] ({})", i, st.subject()), st.amount(), st.subject(),
          ResolveAmount(r, st.subject()));
  }
  // 本年收入合计 / 本年支出合计 of N.TOTAL restated in N.INCOME / N.EXPEND.
  const auto& tot = r.totals();
  if (tot.has_income_year() && r.income().has_total()) {
    check("inc.total", r.income().total(), "tot.income_year", &tot.income_year());
  }
  if (tot.has_expend_year() && r.expenditure().has_total()) {
    check("exp.total", r.expenditure().total(), "tot.expend_year", &tot.expend_year());
  }
  const auto& gpb = r.general_public_budget();
  if (gpb.has_budget_vs_final() && gpb.budget_vs_final().has_final()) {
    check("gpb.bvf.final", gpb.budget_vs_final().final(), "gpb.total", ResolveAmount(r, "gpb.total"));
  }
}

void IncomeFiscalAgree(RuleContext& ctx) {  // FA-XS-001
  TablesFiscalIncome(ctx);
  const auto& in = ctx.report().income();
  auto a = ctx.Amount("inc.fiscal", in.has_fiscal() && in.fiscal().has_amount(), in.fiscal().amount());
  auto b = JUESUAN_AMOUNT(ctx, "fis.income_year", ctx.report().fiscal(), income_year);
  if (a && b) RecordSame(ctx, "inc.fiscal = fis.income_year", *a, *b, fv1::SEVERITY_WARNING);
  RestatedTotalsAgree(ctx);
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

// 项 that are by nature basic expenditure (行政运行, 社保缴费, 医疗, 住房公积金 …,
// config text.basic_item_keywords) are paid from basic funds, so together they
// should not exceed the basic expenditure. A plausibility note, not an identity:
// part of such a 项 can legitimately be project money.
void BasicItemsWithinBasic(RuleContext& ctx) {  // FA-XS-005
  const auto& r = ctx.report();
  auto basic = JUESUAN_AMOUNT(ctx, "bas.total", r.basic(), total);
  if (!basic) return;
  std::vector<AmountOperand> items;
  const auto& all = r.general_public_budget().items();
  for (int i = 0; i < all.size(); ++i) {
    if (all[i].path().empty() || !all[i].has_amount()) continue;
    if (!ContainsAny(all[i].path(all[i].path_size() - 1), ctx.config().text().basic_item_keywords())) continue;
    auto op = ctx.Amount(OperandName::Join({"gpb.items[", i, "]"}), true, all[i].amount());
    if (op) items.push_back(*op);
  }
  if (items.empty()) {
    ctx.Missing("no basic-type 项 printed");
    return;
  }
  ctx.Ran();
  Int128 fen = 0;
  int64_t quantum = 0;
  for (const auto& op : items) {
    fen += op.printed.fen;
    quantum += op.printed.quantum;
  }
  // The sum's quantum is the sum of the operands' quanta, so the INEQ
  // tolerance accounts for every rounding.
  const PrintedAmount sum{static_cast<int64_t>(fen), quantum};
  if (!ViolatesAtMost(sum, basic->printed)) return;
  fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                            fmt::format("基本支出性质的项合计{}万元，大于基本支出{}万元", FormatWan(fen, basic->printed.quantum),
                                        FormatWan(basic->printed.fen, basic->printed.quantum)),
                            "basic-type items add up to more than the basic expenditure");
  f.set_relation("Σ basic-type 项 ≤ bas.total");
  for (const auto& op : items) AddOperand(f, op);
  AddOperand(f, *basic);
  f.set_expected("≤ " + FormatWan(basic->printed.fen, basic->printed.quantum));
  f.set_residue(FormatWan(fen - basic->printed.fen, basic->printed.quantum));
  f.set_tolerance("INEQ: beyond the operands' half-quanta");
}

// "38.79万元" amounts quoted in a goal text, as derived operands citing their bytes.
std::vector<AmountOperand> QuotedAmounts(const rv1::Text& text, const std::string& name, DerivedAmounts& derived) {
  std::vector<AmountOperand> out;
  const std::string& t = text.text();
  const std::string_view unit = "万元";
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t at = text::Find(t, unit); at != std::string::npos; at = text::Find(t, unit, at + unit.size())) {
    size_t end = at;
    while (end > 0 && t[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && (is_digit(t[begin - 1]) || t[begin - 1] == '.' || t[begin - 1] == ',')) --begin;
    if (begin == end || !is_digit(t[begin])) continue;
    const std::string printed = t.substr(begin, end - begin);
    auto value = text::ParseDecimal(printed);
    if (!value.ok()) continue;
    auto fen = text::ToFen(*value, text::MoneyScale::kWanYuan);
    if (!fen.ok()) continue;
    rv1::Provenance src = text.src();
    src.set_byte_begin(text.src().byte_begin() + begin);
    src.set_byte_end(text.src().byte_begin() + at + unit.size());
    src.set_raw_text(t.substr(begin, at + unit.size() - begin));
    out.push_back(derived.Make(fmt::format("{}[{}]", name, out.size()), *fen,
                               text::QuantumFen(value->scale, text::MoneyScale::kWanYuan), src));
  }
  return out;
}

// A cost indicator's "≤x万元" target as a derived operand.
std::optional<AmountOperand> CostCap(const rv1::Indicator& ind, OperandName name, DerivedAmounts& derived) {
  const auto& target = ind.target();
  const bool at_most = target.op() == rv1::INDICATOR_OP_LE || target.op() == rv1::INDICATOR_OP_LT;
  if (!Contains(ind.level2(), "成本") || !at_most || !target.has_number() || target.unit() != "万元") {
    return std::nullopt;
  }
  auto fen = text::ToFen({target.number().digits(), target.number().scale()}, text::MoneyScale::kWanYuan);
  if (!fen.ok()) return std::nullopt;
  return derived.Make(std::move(name), *fen, text::QuantumFen(target.number().scale(), text::MoneyScale::kWanYuan),
                      target.src());
}

// PP goal-text amounts vs the funds block: amounts that partition the project
// add up to the executed funds; cost caps add up to at most the annual budget.
void GoalAmountsMatchFunds(RuleContext& ctx) {  // FA-XS-011
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_PROJECT) continue;
    const std::string name = fmt::format("pp[{}]", i);
    const rv1::FundRow* total = TotalFunds(t);
    if (total == nullptr) {
      ctx.Missing(name + ": funds 合计 row absent");
      continue;
    }
    DerivedAmounts derived;
    auto executed = JUESUAN_AMOUNT(ctx, name + ".funds.合计.executed", *total, executed);
    const auto quoted = QuotedAmounts(t.goal_actual(), name + ".goal.actual.amount", derived);
    // Two or more amounts, none of them the project total itself: a partition.
    bool restates_total = false;
    for (const auto& q : quoted) restates_total = restates_total || (executed && q.printed.fen == executed->printed.fen);
    if (executed && quoted.size() >= 2 && !restates_total) {
      std::vector<std::pair<AmountOperand, int>> terms;
      for (const auto& q : quoted) terms.push_back({q, 1});
      RecordSum(ctx, [&] { return std::string(name + ".funds.合计.executed = Σ amounts quoted in 实际完成情况"); },
                *executed, terms);
    }
    auto annual = JUESUAN_AMOUNT(ctx, name + ".funds.合计.annual", *total, annual);
    std::vector<AmountOperand> caps;
    for (int k = 0; k < t.indicators_size(); ++k) {
      if (auto cap = CostCap(t.indicators(k), OperandName::Join({name, ".indicators[", k, "].target"}), derived)) {
        caps.push_back(*cap);
      }
    }
    if (!annual || caps.empty()) continue;
    Int128 fen = 0;
    int64_t quantum = 0;
    for (const auto& c : caps) {
      fen += c.printed.fen;
      quantum += c.printed.quantum;
    }
    ctx.Ran();
    if (!ViolatesAtMost({static_cast<int64_t>(fen), quantum}, annual->printed)) continue;
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "成本指标目标值合计大于全年预算数",
                              "the cost-indicator caps add up to more than the annual budget");
    f.set_relation(name + ": Σ cost caps ≤ 全年预算数");
    for (const auto& c : caps) AddOperand(f, c);
    AddOperand(f, *annual);
    f.set_expected("≤ " + FormatWan(annual->printed.fen, annual->printed.quantum));
    f.set_residue(FormatWan(fen - annual->printed.fen, annual->printed.quantum));
    f.set_tolerance("INEQ: beyond the operands' half-quanta");
  }
}

// A people count quoted in a goal text with its provenance.
struct QuotedPeople {
  int64_t value = 0;
  std::string printed;
  rv1::Provenance src;
};

// "<prefix>N<suffix>" occurrences of the configured patterns in `text`.
std::vector<QuotedPeople> PeopleCounts(const rv1::Text& text, const vv1::PerformanceConventions& conv) {
  std::vector<QuotedPeople> out;
  const std::string& t = text.text();
  for (const auto& pattern : conv.people_count_patterns()) {
    if (pattern.prefix().empty()) continue;
    for (size_t at = text::Find(t, pattern.prefix()); at != std::string::npos;
         at = text::Find(t, pattern.prefix(), at + 1)) {
      size_t digits_end = at + pattern.prefix().size();
      int64_t value = 0;
      while (digits_end < t.size() && t[digits_end] >= '0' && t[digits_end] <= '9' && value < 1'000'000) {
        value = value * 10 + (t[digits_end++] - '0');
      }
      const size_t digits_begin = at + pattern.prefix().size();
      if (digits_end == digits_begin || t.compare(digits_end, pattern.suffix().size(), pattern.suffix()) != 0) continue;
      QuotedPeople q{value, t.substr(at, digits_end + pattern.suffix().size() - at), text.src()};
      q.src.set_byte_begin(text.src().byte_begin() + digits_begin);
      q.src.set_byte_end(text.src().byte_begin() + digits_end);
      q.src.set_raw_text(t.substr(digits_begin, digits_end - digits_begin));
      out.push_back(std::move(q));
    }
  }
  return out;
}

// People counts quoted in the self-evaluation tables (goal texts, 保障人员数
// indicators) against the staff in service (REFERENCE §3.7).
void PeopleCountsMatchStaff(RuleContext& ctx) {  // FA-XS-012
  const auto& r = ctx.report();
  const auto& staff = r.profile().staff();
  const rv1::Count* in_service = staff.has_in_service() ? &staff.in_service()
                                 : staff.has_actual()   ? &staff.actual()
                                                        : nullptr;
  if (in_service == nullptr) {
    ctx.Missing("prof.staff absent");
    return;
  }
  const auto& conv = ctx.config().performance();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL ? "pe" : fmt::format("pp[{}]", i);
    std::vector<std::pair<std::string, QuotedPeople>> quotes;
    for (const auto& q : PeopleCounts(t.goal_expected(), conv)) quotes.push_back({name + ".goal.expected", q});
    for (const auto& q : PeopleCounts(t.goal_actual(), conv)) quotes.push_back({name + ".goal.actual", q});
    for (int k = 0; k < t.indicators_size(); ++k) {
      const auto& ind = t.indicators(k);
      const auto& actual = ind.actual();
      if (!ContainsAny(ind.level3(), conv.people_indicator_keywords()) || !actual.has_number() ||
          actual.number().scale() != 0 || actual.unit() != "人") {
        continue;
      }
      quotes.push_back({fmt::format("{}.indicators[{}].actual", name, k),
                        {actual.number().digits(), actual.raw(), actual.src()}});
    }
    for (const auto& [label, q] : quotes) {
      ctx.Ran();
      if (q.value == in_service->value()) continue;
      fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                                fmt::format("自评表中的人数“{}”与在职人数{}人不一致", q.printed, in_service->value()),
                                fmt::format("a people count of {} in the self-evaluation differs from the {} staff in service",
                                            q.value, in_service->value()));
      f.set_relation("people count in PE/PP = prof.staff.in_service");
      AddOperand(f, label, q.printed, std::to_string(q.value), q.src);
      AddOperand(f, "prof.staff.in_service", *in_service);
      f.set_expected(std::to_string(in_service->value()));
      f.set_tolerance("COUNT: exact");
    }
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
      if (cell && sgv) RecordAtMost(ctx, [&, code = code, name = name] { return fmt::format("T6 {} ≤ {}", code, name); },
                                    *cell, *sgv, fv1::SEVERITY_WARNING);
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
      {"FA-XS-005", fv1::SEVERITY_INFO, kNarrative, "基本支出性质的项不超过基本支出",
       "基本支出性质的项合计大于基本支出", "basic-type items exceed the basic expenditure", BasicItemsWithinBasic},
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
      {"FA-XS-011", fv1::SEVERITY_INFO, kPerformance, "项目目标金额与资金一致", "项目完成情况中的金额与资金不符",
       "amounts in the project goal texts disagree with its funds", GoalAmountsMatchFunds},
      {"FA-XS-012", fv1::SEVERITY_INFO, kPerformance, "自评表人数与在职人数一致", "自评表中的人数与在职人数不一致",
       "a people count in the self-evaluation differs from the staff in service", PeopleCountsMatchStaff},
      {"FA-XS-013", fv1::SEVERITY_INFO, kNarrative, "政府采购规模合理", "政府采购支出总额大于支出总计",
       "procurement exceeds total expenditure", ProcurementMagnitude},
      {"FA-XS-014", fv1::SEVERITY_ERROR, kTables, "同一科目在各决算表中一致",
       "同一功能分类科目在不同决算表中的金额不一致", "the same functional class differs between tables",
       SameLinesAcrossTables},
  };
}

}  // namespace juesuan::validate
