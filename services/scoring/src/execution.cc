#include "services/scoring/src/execution.h"

#include "fmt/format.h"

namespace juesuan::scoring {
namespace {

// The funds figures the rate is computed on: the total row, or the sum of
// the component rows when no total row was printed.
struct FundFigures {
  std::vector<const rpt::FundRow*> rows;
  std::string label;
  Rational initial = Rational::Of(0);
  Rational annual = Rational::Of(0);
  Rational executed = Rational::Of(0);
  bool initial_printed = true;
  bool annual_printed = true;
  bool executed_printed = true;
  Rational annual_quantum = Rational::Of(0);   // printing quantum (万元)
  Rational executed_quantum = Rational::Of(0);
};

Rational QuantumWan(const rpt::Amount& a) { return Rational::Of(a.quantum_fen(), 1000000); }

FundFigures CollectFunds(const rpt::PerformanceTable& table) {
  FundFigures f;
  for (const rpt::FundRow& row : table.funds()) {
    if (row.source() == rpt::FUND_SOURCE_TOTAL) {
      f.rows = {&row};
      f.label = row.label();
      break;
    }
  }
  if (f.rows.empty()) {
    // "其中：" rows are part of another row and are not added.
    for (const rpt::FundRow& row : table.funds()) {
      if (row.label().find("其中") == std::string::npos) f.rows.push_back(&row);
    }
    f.label = "Σ fund rows";
  }
  for (const rpt::FundRow* row : f.rows) {
    f.initial_printed = f.initial_printed && !row->initial().blank() && row->has_initial();
    f.annual_printed = f.annual_printed && !row->annual().blank() && row->has_annual();
    f.executed_printed = f.executed_printed && !row->executed().blank() && row->has_executed();
    f.initial += AmountWan(row->initial());
    f.annual += AmountWan(row->annual());
    f.executed += AmountWan(row->executed());
    f.annual_quantum += QuantumWan(row->annual());
    f.executed_quantum += QuantumWan(row->executed());
  }
  return f;
}

void AddFundOperands(fnd::Finding& f, const TableContext& ctx, const FundFigures& funds) {
  for (const rpt::FundRow* row : funds.rows) {
    const std::string name = fmt::format("{}.funds[{}]", ctx.section_key, row->label());
    FillAmountOperand(f.add_operands(), name + ".annual", row->annual());
    FillAmountOperand(f.add_operands(), name + ".executed", row->executed());
  }
}

Rational ScoreFraction(const Rational& rate, const CompiledConfig& config, std::string* rule) {
  if (config.proto.execution_rate().mode() != v1::EXECUTION_RATE_MODE_BANDED) {
    *rule = "w · min(rate, 1)";
    return Min(rate, Rational::Of(1));
  }
  for (const CompiledExecutionBand& band : config.execution_bands) {
    if (rate >= band.min_rate) {
      *rule = fmt::format("band rate ≥ {} → w · {}", ExactText(band.min_rate), ExactText(band.fraction));
      return band.fraction;
    }
  }
  if (config.proto.execution_rate().proportional_below_bands()) {
    *rule = "below every band → w · rate";
    return Min(rate, Rational::Of(1));
  }
  *rule = "below every band → 0";
  return Rational::Of(0);
}

// PF-TAB-003: printed 执行率 against the RATIO interval (REFERENCE §3.0.1):
// the rate evaluated at the corners of the printed amounts' rounding boxes,
// widened by half the percent's printing quantum.
void CheckPrintedRate(const rpt::PerformanceTable& table, const FundFigures& funds, const Rational& rate,
                      const TableContext& ctx, Findings* findings) {
  const rpt::Percent& printed_rate = table.execution().rate();
  if (!table.execution().has_rate() || !printed_rate.has_value()) return;
  Rational printed = PercentPoints(printed_rate);
  Rational quantum = Rational::FromDecimal(1, printed_rate.value().scale());
  Rational half = quantum * Rational::Of(1, 2);
  Rational half_e = funds.executed_quantum * Rational::Of(1, 2);
  Rational half_a = funds.annual_quantum * Rational::Of(1, 2);
  Rational hundred = Rational::Of(100);
  Rational low = Max(Rational::Of(0), funds.executed - half_e) / (funds.annual + half_a) * hundred - half;
  Rational high_den = funds.annual - half_a;
  bool unbounded = !(Rational::Of(0) < high_den);
  Rational high = unbounded ? Rational::Invalid() : (funds.executed + half_e) / high_den * hundred + half;
  Rational distance = Rational::Of(0);
  if (printed < low) distance = low - printed;
  if (!unbounded && high < printed) distance = printed - high;
  if (!distance.ok() || distance.is_zero()) return;
  bool last_digit = distance <= quantum;
  std::string interval = fmt::format("[{}%, {}]", low.ToDecimalString(4),
                                     unbounded ? "∞" : high.ToDecimalString(4) + "%");
  fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-003", last_digit ? fnd::SEVERITY_INFO : fnd::SEVERITY_ERROR,
      fmt::format("执行率印为{}，按全年执行数/全年预算数应为{}%", DecimalText(printed_rate.value()) + "%",
                  (rate * hundred).ToDecimalString(2)),
      fmt::format("execution rate printed {}% but 全年执行数 / 全年预算数 = {}%", DecimalText(printed_rate.value()),
                  (rate * hundred).ToDecimalString(2)),
      "执行率 = 全年执行数 / 全年预算数");
  FillPercentOperand(f.add_operands(), ctx.section_key + ".execution.rate", printed_rate);
  AddFundOperands(f, ctx, funds);
  f.set_expected(interval);
  f.set_residue(ExactText(distance) + " pp");
  f.set_tolerance("RATIO interval");
}

void CheckFundsSanity(const rpt::PerformanceTable& table, const FundFigures& funds, const TableContext& ctx,
                      Findings* findings) {
  if (funds.annual_printed && funds.executed_printed &&
      funds.annual + funds.annual_quantum < funds.executed) {
    fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-007", fnd::SEVERITY_WARNING,
        fmt::format("全年执行数{}万元超过全年预算数{}万元（执行率超过100%）", ExactText(funds.executed),
                    ExactText(funds.annual)),
        fmt::format("executed {} 万元 exceeds the annual budget {} 万元 (execution above 100%)",
                    ExactText(funds.executed), ExactText(funds.annual)),
        "全年执行数 ≤ 全年预算数");
    AddFundOperands(f, ctx, funds);
    f.set_residue(ExactText(funds.executed - funds.annual) + "万元");
    f.set_tolerance(ExactText(funds.annual_quantum) + "万元");
  }
  if (funds.initial_printed && funds.annual_printed && funds.initial != funds.annual) {
    fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-007", fnd::SEVERITY_INFO,
        fmt::format("年初预算数{}万元与全年预算数{}万元不同（年中调整，应说明原因）", ExactText(funds.initial),
                    ExactText(funds.annual)),
        fmt::format("initial budget {} 万元 differs from the annual budget {} 万元 (mid-year adjustment)",
                    ExactText(funds.initial), ExactText(funds.annual)),
        "年初预算数 = 全年预算数");
    for (const rpt::FundRow* row : funds.rows) {
      FillAmountOperand(f.add_operands(), fmt::format("{}.funds[{}].initial", ctx.section_key, row->label()),
                                        row->initial());
      FillAmountOperand(f.add_operands(), fmt::format("{}.funds[{}].annual", ctx.section_key, row->label()),
                                        row->annual());
    }
  }
  // PF-TAB-009: the block's cells printed on a component row with no budget
  // (a vertically merged Word cell), not on the total row.
  const rpt::ExecutionBlock& block = table.execution();
  if (block.printed_on_source() == rpt::FUND_SOURCE_UNSPECIFIED ||
      block.printed_on_source() == rpt::FUND_SOURCE_TOTAL) {
    return;
  }
  for (const rpt::FundRow& row : table.funds()) {
    if (row.source() != block.printed_on_source() || row.annual().fen() != 0) continue;
    fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-009", fnd::SEVERITY_INFO,
        fmt::format("分值/执行率/得分印在预算为0的“{}”行（合并单元格），按整个资金块计算", row.label()),
        fmt::format("the funds block's weight/rate/score are printed on the zero-budget row \"{}\" (merged cell); "
                    "attached to the block",
                    row.label()),
        "execution cells belong to the funds block");
    const std::string name = fmt::format("{}.funds[{}]", ctx.section_key, row.label());
    FillAmountOperand(f.add_operands(), name + ".annual", row.annual());
    FillAmountOperand(f.add_operands(), name + ".executed", row.executed());
    FillCellOperand(f.add_operands(), ctx.section_key + ".execution.weight", block.weight());
    FillPercentOperand(f.add_operands(), ctx.section_key + ".execution.rate", block.rate());
    FillCellOperand(f.add_operands(), ctx.section_key + ".execution.score", block.score());
    return;
  }
}

void CheckReportedExecutionScore(const rpt::PerformanceTable& table, const ExecutionResult& r,
                                 const CompiledConfig& config, const TableContext& ctx,
                                 Findings* findings) {
  const rpt::DecimalCell& cell = table.execution().score();
  const std::string name = ctx.section_key + ".execution.score";
  if (!r.reported.ok()) {
    if (!r.weight.ok()) return;
    bool non_numeric = CellNonNumeric(cell);
    fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-004", non_numeric ? fnd::SEVERITY_WARNING : fnd::SEVERITY_INFO,
        r.scorable ? fmt::format("执行率得分{}，重新计算为{}", non_numeric ? "不是数字" : "未填写",
                                 r.range_min.ToDecimalString(config.score_decimals))
                   : fmt::format("执行率得分{}，且无法重新计算", non_numeric ? "不是数字" : "未填写"),
        r.scorable ? fmt::format("execution score {}; recomputed {}", non_numeric ? "not a number" : "not printed",
                                 r.range_min.ToDecimalString(config.score_decimals))
                   : fmt::format("execution score {} and cannot be recomputed",
                                 non_numeric ? "not a number" : "not printed"),
        r.scored->formula());
    FillCellOperand(f.add_operands(), name, cell);
    if (r.scorable) f.set_expected(r.range_min.ToDecimalString(config.score_decimals));
    return;
  }
  if (!r.scorable) return;
  Rational diff = r.reported - r.exact_score;
  if (!diff.ok() || diff.Abs() <= config.score_tolerance) return;
  fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-004", fnd::SEVERITY_ERROR,
      fmt::format("执行率得分{}，按分值×执行率应为{}", ExactText(r.reported),
                  r.range_min.ToDecimalString(config.score_decimals)),
      fmt::format("execution score {} but weight × rate gives {}", ExactText(r.reported),
                  r.range_min.ToDecimalString(config.score_decimals)),
      r.scored->formula());
  FillCellOperand(f.add_operands(), name, cell);
  FillCellOperand(f.add_operands(), ctx.section_key + ".execution.weight", table.execution().weight());
  f.set_expected(r.range_min.ToDecimalString(config.score_decimals));
  f.set_residue(ExactText(diff));
  f.set_tolerance(ExactText(config.score_tolerance));
}

void ReportUndefinedRate(const FundFigures& funds, const TableContext& ctx, Findings* findings) {
  fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-003", fnd::SEVERITY_INFO,
      funds.annual_printed ? "全年预算数为0，执行率无定义，执行率得分无法计算"
                           : "全年预算数或全年执行数未填写，执行率无法计算",
      funds.annual_printed ? "annual budget is 0: the execution rate is undefined and its score cannot be computed"
                           : "annual budget or executed amount not printed: the execution rate cannot be computed",
      "执行率 = 全年执行数 / 全年预算数");
  AddFundOperands(f, ctx, funds);
}

}  // namespace

ExecutionResult ScoreExecution(const rpt::PerformanceTable& table, const CompiledConfig& config,
                               const TableContext& ctx, v1::ExecutionScore* scored,
                               Findings* findings) {
  ExecutionResult r;
  r.scored = scored;
  const rpt::ExecutionBlock& block = table.execution();
  r.weight = CellValue(block.weight());
  r.reported = CellValue(block.score());
  // The block takes part in the score when its 分值 or 得分 cell is printed; a
  // funds block without them (some 整体 tables) is still checked, not scored.
  r.present = r.weight.ok() || r.reported.ok() || CellNonNumeric(block.weight()) || CellNonNumeric(block.score());
  if (!r.present && table.funds_size() == 0) return r;
  v1::ExecutionScore& out = *r.scored;
  if (r.weight.ok()) *out.mutable_weight() = block.weight().value();
  out.set_reported_printed(r.reported.ok());
  if (r.reported.ok()) *out.mutable_reported() = block.score().value();

  FundFigures funds = CollectFunds(table);
  for (const rpt::FundRow* row : funds.rows) {
    FillAmountOperand(out.add_inputs(), fmt::format("funds[{}].annual", row->label()), row->annual());
    FillAmountOperand(out.add_inputs(), fmt::format("funds[{}].executed", row->label()), row->executed());
  }
  FillCellOperand(out.add_inputs(), "execution.weight", block.weight());

  bool rate_defined = !funds.rows.empty() && funds.annual_printed && funds.executed_printed &&
                      Rational::Of(0) < funds.annual;
  Rational rate = rate_defined ? funds.executed / funds.annual : Rational::Invalid();
  rate_defined = rate_defined && rate.ok();
  out.set_rate_defined(rate_defined);
  if (rate_defined) {
    out.mutable_rate()->set_num(rate.num());
    out.mutable_rate()->set_den(rate.den());
    out.set_rate_percent((rate * Rational::Of(100)).ToDecimalString(2) + "%");
    out.set_cap_applied(Rational::Of(1) < rate);
    CheckPrintedRate(table, funds, rate, ctx, findings);
  } else if (!funds.rows.empty()) {
    ReportUndefinedRate(funds, ctx, findings);
  }
  if (!funds.rows.empty()) CheckFundsSanity(table, funds, ctx, findings);

  if (r.weight.ok() && !r.weight.is_negative()) {
    r.range_max = r.weight.RoundHalfUp(config.score_decimals);
    if (rate_defined) {
      std::string rule;
      Rational fraction = ScoreFraction(rate, config, &rule);
      r.exact_score = r.weight * fraction;
      if (r.exact_score.ok()) {
        r.scorable = true;
        r.range_min = r.range_max = r.exact_score.RoundHalfUp(config.score_decimals);
        r.effective = r.range_min;
        r.effective_ok = true;
        out.set_formula(fmt::format("rate = {} / {} = {}%; {}, w = {} → {}", ExactText(funds.executed),
                                    ExactText(funds.annual), (rate * Rational::Of(100)).ToDecimalString(2), rule,
                                    ExactText(r.weight), r.range_min.ToDecimalString(config.score_decimals)));
      }
    }
  }
  out.set_scorable(r.scorable);
  *out.mutable_recomputed()->mutable_min() = r.range_min.ToDecimal(config.score_decimals);
  *out.mutable_recomputed()->mutable_max() = r.range_max.ToDecimal(config.score_decimals);
  CheckReportedExecutionScore(table, r, config, ctx, findings);
  return r;
}

}  // namespace juesuan::scoring
