#include "services/scoring/src/scoring.h"

#include <map>

#include "fmt/format.h"
#include "services/scoring/src/execution.h"
#include "services/scoring/src/indicator.h"

namespace juesuan::scoring {
namespace {

constexpr int64_t kFullWeight = 100;  // 自评表 weights total 100 points

struct TableState {
  const rpt::PerformanceTable& table;
  const CompiledConfig& config;
  TableContext ctx;
  ExecutionResult execution;
  std::vector<IndicatorResult> rows;
  Findings* findings;  // the output's findings
};

std::string Dp(const TableState& s, const Rational& r) { return r.ToDecimalString(s.config.score_decimals); }

bool HasDeviationColumn(const TableState& s) {
  for (const std::string& header : s.table.indicator_columns()) {
    for (const std::string& keyword : s.config.proto.deviation_column_keywords()) {
      if (!keyword.empty() && header.find(keyword) != std::string::npos) return true;
    }
  }
  return false;
}

// PF-TAB-001: weights are numbers and total 100 (and the printed 总分 weight).
void CheckWeights(TableState& s) {
  std::vector<std::string> problems;
  std::vector<fnd::Operand> operands;
  auto inspect = [&](const rpt::DecimalCell& cell, auto&& name) {
    if (CellPrinted(cell)) return;
    problems.push_back(CellNonNumeric(cell) ? fmt::format("{}「{}」", name(), cell.raw()) : name());
    operands.push_back(CellOperand(name(), cell));
  };
  if (s.execution.present) {
    inspect(s.table.execution().weight(), [&] { return s.ctx.section_key + ".execution.weight"; });
  }
  for (int i = 0; i < s.table.indicators_size(); ++i) {
    inspect(s.table.indicators(i).weight(), [&] { return RowName(s.ctx, i, s.table.indicators(i)) + ".weight"; });
  }
  if (!problems.empty()) {
    std::string list;
    for (const std::string& p : problems) list += (list.empty() ? "" : ", ") + p;
    fnd::Finding& bad = AddFinding(s.findings, s.ctx, "PF-TAB-001", fnd::SEVERITY_ERROR,
        fmt::format("{}个分值未填写或不是数字，权重合计无法核对：{}", problems.size(), list),
        fmt::format("{} weight(s) blank or not numeric; Σ weights cannot be verified: {}", problems.size(), list),
        "Σ weights = 100");
    for (fnd::Operand& op : operands) *bad.add_operands() = std::move(op);
    return;
  }
  Rational sum = s.execution.present ? s.execution.weight : Rational::Of(0);
  for (const IndicatorResult& r : s.rows) sum += r.weight;
  const bool total_weight_printed = s.table.has_total_row() && CellPrinted(s.table.total_weight());
  const Rational printed_total = CellValue(s.table.total_weight());
  if (sum == Rational::Of(kFullWeight) && (!total_weight_printed || printed_total == sum)) return;
  fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-001", fnd::SEVERITY_ERROR,
      fmt::format("分值合计{}{}", ExactText(sum),
                  sum == Rational::Of(kFullWeight) ? fmt::format("，但总分行印为{}", ExactText(printed_total))
                                                   : "，不等于100"),
      fmt::format("weights total {}{}", ExactText(sum),
                  sum == Rational::Of(kFullWeight) ? fmt::format(" but the 总分 row prints {}", ExactText(printed_total))
                                                   : ", not 100"),
      "执行率分值 + Σ 指标分值 = 100 = 总分分值");
  if (s.execution.present) FillCellOperand(f.add_operands(), s.ctx.section_key + ".execution.weight", s.table.execution().weight());
  for (int i = 0; i < s.table.indicators_size(); ++i) {
    FillCellOperand(f.add_operands(), RowName(s.ctx, i, s.table.indicators(i)) + ".weight", s.table.indicators(i).weight());
  }
  if (total_weight_printed) FillCellOperand(f.add_operands(), s.ctx.section_key + ".total.weight", s.table.total_weight());
  f.set_expected("100");
  f.set_residue(ExactText(sum - Rational::Of(kFullWeight)));
  f.set_tolerance("0");
}

// Blank or non-numeric score cells (Sichuan form: scores left to the
// reviewer) and rows the method cannot score, each as one grouped finding.
void ReportCoverage(TableState& s) {
  std::vector<fnd::Operand> blank, non_numeric, unscorable, unbanded;
  std::string blank_list, unscorable_list, unbanded_list, non_numeric_list;
  auto append = [](std::string& list, const std::string& sep, const std::string& item) {
    list += (list.empty() ? "" : sep) + item;
  };
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const rpt::Indicator& ind = s.table.indicators(static_cast<int>(i));
    const IndicatorResult& r = s.rows[i];
    const bool score_missing = !r.reported.ok();
    const bool cannot_score = !r.scorable && r.weight.ok();
    if (!score_missing && !cannot_score) continue;
    const std::string name = RowName(s.ctx, static_cast<uint32_t>(i), ind);
    if (score_missing) {
      bool bad = CellNonNumeric(ind.score());
      std::string value = r.scorable ? (r.effective_ok ? Dp(s, r.effective)
                                                       : fmt::format("[{}, {}]", Dp(s, r.range_min), Dp(s, r.range_max)))
                                     : "—";
      fnd::Operand op = CellOperand(name + ".score", ind.score());
      op.set_value(value);
      (bad ? non_numeric : blank).push_back(std::move(op));
      append(bad ? non_numeric_list : blank_list, ", ", fmt::format("{}={}", ind.level3(), value));
    }
    if (cannot_score) {
      bool qualitative = r.scored->indicator_class() == v1::INDICATOR_CLASS_QUALITATIVE;
      std::vector<fnd::Operand>& ops = qualitative ? unbanded : unscorable;
      ops.push_back(ValueOperand(name + ".target", ind.target()));
      ops.push_back(ValueOperand(name + ".actual", ind.actual()));
      append(qualitative ? unbanded_list : unscorable_list, "; ",
             fmt::format("{}（{}）", ind.level3(), r.scored->unscorable_reason()));
    }
  }
  auto emit = [&](std::string_view rule, fnd::Severity severity, const std::string& list, std::string zh,
                  std::string en, std::string relation, std::vector<fnd::Operand>& ops) {
    if (list.empty()) return;
    fnd::Finding& f = AddFinding(s.findings, s.ctx, rule, severity, zh + list, en + list, std::move(relation));
    for (fnd::Operand& op : ops) *f.add_operands() = std::move(op);
  };
  emit("PF-SCORE-001", fnd::SEVERITY_INFO, blank_list, "得分未填写，已按评分方法计算：",
       "score cells blank; recomputed by the method: ", "score = recomputed", blank);
  emit("PF-TAB-004", fnd::SEVERITY_ERROR, non_numeric_list, "得分不是数字：", "score cells not numeric: ",
       "0 ≤ score ≤ weight", non_numeric);
  emit("PF-SCORE-001", fnd::SEVERITY_INFO, unscorable_list, "以下指标无法按评分方法重新计算：",
       "these rows cannot be recomputed by the method: ", "", unscorable);
  emit("PF-SCORE-002", fnd::SEVERITY_INFO, unbanded_list, "定性指标实际完成值无法归入评价档次：",
       "qualitative actual values match no band: ", "", unbanded);
}

struct Totals {
  Rational min = Rational::Of(0);
  Rational max = Rational::Of(0);
  Rational value = Rational::Of(0);
  Rational weight = Rational::Of(0);
  bool determined = true;
  bool range_known = true;        // every component's weight is known
  bool all_printed = true;        // every component's score printed
  Rational printed_sum = Rational::Of(0);
  int nonzero_printed = 0;
};

Totals SumComponents(const TableState& s) {
  Totals t;
  auto add = [&t](bool effective_ok, const Rational& effective, const Rational& lo, const Rational& hi,
                  const Rational& weight, const Rational& reported) {
    t.min += lo;
    t.max += hi;
    if (weight.ok()) t.weight += weight;
    t.range_known = t.range_known && weight.ok();
    if (effective_ok) t.value += effective;
    t.determined = t.determined && effective_ok;
    t.all_printed = t.all_printed && reported.ok();
    if (reported.ok()) {
      t.printed_sum += reported;
      if (!reported.is_zero()) ++t.nonzero_printed;
    }
  };
  if (s.execution.present) {
    const ExecutionResult& e = s.execution;
    add(e.effective_ok, e.effective, e.range_min, e.range_max, e.weight, e.reported);
  }
  for (const IndicatorResult& r : s.rows) {
    add(r.effective_ok, r.effective, r.range_min.ok() ? r.range_min : Rational::Of(0),
        r.range_max.ok() ? r.range_max : Rational::Of(0), r.weight, r.reported);
  }
  return t;
}

// The printed score cells (execution block and rows) as operands.
void AddScoreOperands(const TableState& s, fnd::Finding& f) {
  if (s.execution.present) {
    FillCellOperand(f.add_operands(), s.ctx.section_key + ".execution.score", s.table.execution().score());
  }
  for (int i = 0; i < s.table.indicators_size(); ++i) {
    FillCellOperand(f.add_operands(), RowName(s.ctx, i, s.table.indicators(i)) + ".score",
                    s.table.indicators(i).score());
  }
}

// PF-TAB-002: printed row scores add up to the printed total (SUM tolerance).
void CheckPrintedSum(TableState& s, const Totals& t, const Rational& reported_total) {
  const std::string recomputed = t.determined ? Dp(s, t.value) : fmt::format("[{}, {}]", Dp(s, t.min), Dp(s, t.max));
  if (!reported_total.ok()) {
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-002", fnd::SEVERITY_INFO,
        t.all_printed ? fmt::format("未印总分行；各行得分合计{}，重新计算总分{}", Dp(s, t.printed_sum), recomputed)
                      : fmt::format("未印总分行；重新计算总分{}", recomputed),
        t.all_printed ? fmt::format("no 总分 row; printed scores add up to {}, recomputed total {}",
                                    Dp(s, t.printed_sum), recomputed)
                      : fmt::format("no 总分 row; recomputed total {}", recomputed),
        "Σ scores = 总分");
    AddScoreOperands(s, f);
    f.set_expected(recomputed);
    return;
  }
  if (!t.all_printed) return;  // PF-SCORE-005 compares the recomputed total instead
  Rational residue = (t.printed_sum - reported_total).Abs();
  if (residue.is_zero()) return;
  int n = t.nonzero_printed + (reported_total.is_zero() ? 0 : 1);
  if (s.config.proto.count_zero_operands_in_sum_tolerance()) n = static_cast<int>(s.rows.size()) + 2;
  Rational tolerance = Rational::Of(n / 2) * s.config.score_quantum;
  fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-002", residue <= tolerance ? fnd::SEVERITY_INFO : fnd::SEVERITY_ERROR,
      fmt::format("各行得分合计{}，总分行印为{}", Dp(s, t.printed_sum), ExactText(reported_total)),
      fmt::format("row scores add up to {} but the 总分 row prints {}", Dp(s, t.printed_sum), ExactText(reported_total)),
      "执行率得分 + Σ 指标得分 = 总分");
  AddScoreOperands(s, f);
  FillCellOperand(f.add_operands(), s.ctx.section_key + ".total.score", s.table.total_score());
  f.set_expected(Dp(s, t.printed_sum));
  f.set_residue(ExactText(residue));
  f.set_tolerance(ExactText(tolerance));
}

// PF-SCORE-005: the printed total against the recomputed one.
void CheckReportedTotal(TableState& s, const Totals& t, const Rational& reported_total) {
  if (!reported_total.ok() || !t.range_known) return;
  const Rational& tol = s.config.score_tolerance;
  Rational nearest = t.determined ? t.value : Min(Max(reported_total, t.min), t.max);
  Rational diff = reported_total - nearest;
  if (!diff.ok() || diff.Abs() <= tol) return;
  bool grade_changes = s.config.GradeOf(reported_total) != s.config.GradeOf(nearest);
  const std::string recomputed = t.determined ? Dp(s, t.value) : fmt::format("[{}, {}]", Dp(s, t.min), Dp(s, t.max));
  fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-SCORE-005", grade_changes ? fnd::SEVERITY_ERROR : fnd::SEVERITY_WARNING,
      fmt::format("总分印为{}，按评分方法重新计算为{}{}", ExactText(reported_total), recomputed,
                  grade_changes ? fmt::format("，等级由{}变为{}", s.config.GradeOf(reported_total), s.config.GradeOf(nearest))
                                : ""),
      fmt::format("printed total {} but the method gives {}{}", ExactText(reported_total), recomputed,
                  grade_changes ? fmt::format("; grade changes from {} to {}", s.config.GradeOf(reported_total),
                                              s.config.GradeOf(nearest))
                                : ""),
      "总分 = 执行率得分 + Σ 指标得分 (recomputed)");
  FillCellOperand(f.add_operands(), s.ctx.section_key + ".total.score", s.table.total_score());
  f.set_expected(recomputed);
  f.set_residue(ExactText(diff));
  f.set_tolerance(ExactText(tol));
}

// PF-TAB-012 (printed grade vs printed total) and PF-SCORE-008 (vs recomputed).
void CheckGrade(TableState& s, v1::TotalScore& total, const Rational& reported_total) {
  const std::string printed = s.table.grade().text();
  if (IsBlankText(printed)) return;
  std::string grade = s.config.NormalizeGrade(printed);
  total.set_reported_grade(grade);
  fnd::Operand op = TextOperand(s.ctx.section_key + ".grade", printed, s.table.grade().src());
  if (grade.empty()) {
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-012", fnd::SEVERITY_WARNING,
                                 fmt::format("等级“{}”不属于配置的等级", printed),
                                 fmt::format("grade \"{}\" is not one of the configured grades", printed));
    *f.add_operands() = op;
    return;
  }
  if (reported_total.ok() && s.config.GradeOf(reported_total) != grade) {
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-012", fnd::SEVERITY_ERROR,
        fmt::format("等级印为{}，但总分{}对应{}", grade, ExactText(reported_total), s.config.GradeOf(reported_total)),
        fmt::format("printed grade {} but the printed total {} is {}", grade, ExactText(reported_total),
                    s.config.GradeOf(reported_total)),
        "grade = band(总分)");
    *f.add_operands() = op;
    FillCellOperand(f.add_operands(), s.ctx.section_key + ".total.score", s.table.total_score());
    f.set_expected(s.config.GradeOf(reported_total));
  }
  if (!total.grade().empty() && total.grade() != grade) {
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-SCORE-008", fnd::SEVERITY_ERROR,
        fmt::format("等级印为{}，按重新计算的总分应为{}", grade, total.grade()),
        fmt::format("printed grade {} but the recomputed total gives {}", grade, total.grade()),
        "grade = band(recomputed total)");
    *f.add_operands() = op;
    f.set_expected(total.grade());
  }
}

void CheckGoalText(TableState& s, const Totals& t, const Rational& reported_total);

void ScoreTotal(TableState& s, v1::TableScore& out) {
  Totals t = SumComponents(s);
  const int32_t dp = s.config.score_decimals;
  v1::TotalScore& total = *out.mutable_total();
  if (t.range_known) {
    *total.mutable_range()->mutable_min() = t.min.ToDecimal(dp);
    *total.mutable_range()->mutable_max() = t.max.ToDecimal(dp);
  }
  *total.mutable_weight() = t.weight.ToDecimal(dp);
  total.set_determined(t.determined);
  if (t.determined) *total.mutable_value() = t.value.ToDecimal(dp);
  Rational reported_total = s.table.has_total_row() ? CellValue(s.table.total_score()) : Rational::Invalid();
  total.set_reported_printed(reported_total.ok());
  if (reported_total.ok()) *total.mutable_reported() = s.table.total_score().value();
  if (t.range_known) {
    total.set_grade_low(s.config.GradeOf(t.min));
    total.set_grade_high(s.config.GradeOf(t.max));
  }
  if (t.determined) {
    total.set_grade(s.config.GradeOf(t.value));
  } else if (t.range_known && total.grade_low() == total.grade_high()) {
    total.set_grade(total.grade_low());
  }
  CheckPrintedSum(s, t, reported_total);
  CheckReportedTotal(s, t, reported_total);
  CheckGrade(s, total, reported_total);
  CheckGoalText(s, t, reported_total);
}

void Subtotals(const TableState& s, v1::TableScore& out) {
  const int32_t dp = s.config.score_decimals;
  struct Acc {
    const v1::ScoredIndicator* first;
    Rational weight, min, max, reported;
    bool complete = true;
  };
  std::vector<Acc> groups;  // in printed order; tables have a handful of 一级 names
  for (const IndicatorResult& r : s.rows) {
    Acc* acc = nullptr;
    for (Acc& g : groups) {
      if (g.first->level1() == r.scored->level1()) acc = &g;
    }
    if (acc == nullptr) acc = &groups.emplace_back(Acc{r.scored, {}, {}, {}, {}, true});
    if (r.weight.ok()) acc->weight += r.weight;
    if (r.range_min.ok()) acc->min += r.range_min;
    if (r.range_max.ok()) acc->max += r.range_max;
    acc->complete = acc->complete && r.reported.ok();
    if (r.reported.ok()) acc->reported += r.reported;
  }
  for (const Acc& a : groups) {
    v1::Level1Subtotal* sub = out.add_subtotals();
    sub->set_level1(a.first->level1());
    sub->set_category(a.first->category());
    *sub->mutable_weight() = a.weight.ToDecimal(dp);
    *sub->mutable_recomputed()->mutable_min() = a.min.ToDecimal(dp);
    *sub->mutable_recomputed()->mutable_max() = a.max.ToDecimal(dp);
    sub->set_reported_complete(a.complete);
    if (a.complete) *sub->mutable_reported() = a.reported.ToDecimal(dp);
  }
}

// PF-SCORE-007 (table level): full marks overall while the 实际完成情况 text
// admits a shortfall. Row-level deviation texts are checked per row.
void CheckGoalText(TableState& s, const Totals& t, const Rational& reported_total) {
  Rational total = reported_total.ok() ? reported_total : (t.determined ? t.value : Rational::Invalid());
  if (!total.ok() || total < t.weight || IsBlankText(s.table.goal_actual().text())) return;
  std::string buffer;
  std::string_view text = WithoutSpaces(s.table.goal_actual().text(), buffer);
  for (const std::string& phrase : s.config.shortfall_phrases) {
    if (text.find(phrase) == std::string_view::npos) continue;
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-SCORE-007", fnd::SEVERITY_WARNING,
                                 fmt::format("总分为满分，但实际完成情况写有“{}”", phrase),
                                 fmt::format("full marks although 实际完成情况 says \"{}\"", phrase),
                                 "full marks ⇒ no admitted shortfall");
    FillTextOperand(f.add_operands(), s.ctx.section_key + ".goal_actual", s.table.goal_actual().text(),
                                    s.table.goal_actual().src());
    f.set_expected(Dp(s, total));
    return;
  }
}

// PF-TAB-010: expected 一级/二级 structure for the table kind.
void CheckStructure(TableState& s) {
  for (const v1::StructureRule& rule : s.config.proto.structure_rules()) {
    if (rule.table_kind() != s.table.kind()) continue;
    std::vector<std::string> zh, en;
    if (s.rows.empty()) {
      zh.push_back("无绩效指标行");
      en.push_back("no indicator rows");
    }
    for (const std::string& category : rule.required_categories()) {
      bool found = false;
      for (const IndicatorResult& r : s.rows) found = found || r.scored->category() == category;
      if (!found && !s.rows.empty()) {
        zh.push_back(fmt::format("缺少{}指标", category));
        en.push_back(fmt::format("no {} indicator", category));
      }
    }
    bool has_output = false;
    for (const IndicatorResult& r : s.rows) has_output = has_output || r.scored->category() == rule.output_category();
    if (has_output) {
      for (const std::string& level2 : rule.required_output_level2()) {
        bool found = false;
        for (const IndicatorResult& r : s.rows) {
          found = found || (r.scored->category() == rule.output_category() &&
                            r.scored->level2().find(level2) != std::string::npos);
        }
        if (!found) {
          zh.push_back(fmt::format("{}指标下缺少{}指标", rule.output_category(), level2));
          en.push_back(fmt::format("no {} indicator under {}", level2, rule.output_category()));
        }
      }
    }
    if (!rule.quantity_level2_keyword().empty() && !s.rows.empty()) {
      bool all_quantity = true;
      for (const IndicatorResult& r : s.rows) {
        all_quantity = all_quantity && r.scored->level2().find(rule.quantity_level2_keyword()) != std::string::npos;
      }
      if (all_quantity) {
        zh.push_back(fmt::format("只有{}指标（无质量、时效、效益、满意度指标）", rule.quantity_level2_keyword()));
        en.push_back(fmt::format("only {} indicators (no quality, timeliness, benefit or satisfaction indicators)",
                                 rule.quantity_level2_keyword()));
      }
    }
    if (zh.empty()) continue;
    auto join = [](const std::vector<std::string>& parts, const std::string& sep) {
      std::string out;
      for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
      return out;
    };
    fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-010", fnd::SEVERITY_WARNING, "绩效指标结构不完整：" + join(zh, "；"),
                                 "indicator structure incomplete: " + join(en, "; "));
    for (size_t i = 0; i < s.rows.size(); ++i) {
      const rpt::Indicator& ind = s.table.indicators(static_cast<int>(i));
      FillTextOperand(f.add_operands(), RowName(s.ctx, static_cast<uint32_t>(i), ind) + ".level1/level2",
                                      ind.level1() + "/" + ind.level2(), ind.src());
    }
  }
}

// The table's weight per scheme entry; false when a row's category is not
// covered by the scheme (or a weight is missing).
bool TableWeightsFor(const TableState& s, const CompiledScheme& scheme, std::vector<Rational>* per_entry) {
  per_entry->assign(scheme.entries.size(), Rational::Of(0));
  bool covered = true;
  for (const IndicatorResult& r : s.rows) {
    if (!r.weight.ok()) return false;
    bool found = false;
    for (size_t e = 0; e < scheme.entries.size() && !found; ++e) {
      for (const std::string& c : scheme.entries[e].categories) {
        if (c == r.scored->category()) {
          (*per_entry)[e] += r.weight;
          found = true;
          break;
        }
      }
    }
    covered = covered && found;
  }
  return covered;
}

bool Matches(const TableState& s, const CompiledScheme& scheme) {
  std::vector<Rational> weights;
  if (!TableWeightsFor(s, scheme, &weights)) return false;
  Rational exec = s.execution.weight.ok() ? s.execution.weight : Rational::Of(0);
  if (!(exec == scheme.execution_weight)) return false;
  for (size_t e = 0; e < weights.size(); ++e) {
    if (!(weights[e] == scheme.entries[e].weight)) return false;
  }
  return true;
}

// PF-TAB-011: 一级 weight totals against the standard scheme of the kind.
void CompareScheme(TableState& s, v1::TableScore& out) {
  auto it = s.config.standard_scheme.find(s.table.kind());
  if (it == s.config.standard_scheme.end() || s.rows.empty()) return;
  for (const IndicatorResult& r : s.rows) {
    if (!r.weight.ok()) return;  // PF-TAB-001 already reports it
  }
  const CompiledScheme& standard = s.config.schemes[it->second];
  v1::SchemeComparison& cmp = *out.mutable_scheme();
  cmp.set_standard_scheme(standard.name);
  const int32_t dp = s.config.score_decimals;
  std::vector<Rational> weights;
  TableWeightsFor(s, standard, &weights);
  Rational exec = s.execution.weight.ok() ? s.execution.weight : Rational::Of(0);
  auto add_total = [&](const std::string& name, const Rational& table_w, const Rational& scheme_w) {
    v1::CategoryTotal* t = cmp.add_totals();
    t->set_name(name);
    *t->mutable_table_weight() = table_w.ToDecimal(dp);
    *t->mutable_scheme_weight() = scheme_w.ToDecimal(dp);
  };
  add_total("执行率", exec, standard.execution_weight);
  for (size_t e = 0; e < standard.entries.size(); ++e) add_total(standard.entries[e].label, weights[e], standard.entries[e].weight);
  cmp.set_matches_standard(Matches(s, standard));
  if (cmp.matches_standard()) return;
  for (const CompiledScheme& other : s.config.schemes) {
    if (&other != &standard && Matches(s, other)) {
      cmp.set_matched_scheme(other.name);
      break;
    }
  }
  // The table's own 一级 totals in printed order, for the message.
  std::vector<std::string> order;
  std::map<std::string, Rational> by_level1;
  for (const IndicatorResult& r : s.rows) {
    if (!by_level1.count(r.scored->level1())) order.push_back(r.scored->level1());
    by_level1[r.scored->level1()] += r.weight;
  }
  std::string table_text = "执行率 " + ExactText(exec);
  for (const std::string& l1 : order) table_text += fmt::format(" / {} {}", l1, ExactText(by_level1[l1]));
  std::string standard_text = "执行率 " + ExactText(standard.execution_weight);
  for (const SchemeEntry& e : standard.entries) standard_text += fmt::format(" / {} {}", e.label, ExactText(e.weight));
  std::string matched = cmp.matched_scheme().empty() ? "" : fmt::format("（符合“{}”方案）", cmp.matched_scheme());
  fnd::Finding& f = AddFinding(s.findings, s.ctx, "PF-TAB-011", fnd::SEVERITY_INFO,
      fmt::format("一级指标分值{}与标准方案“{}”（{}）不同{}", table_text, standard.name, standard_text, matched),
      fmt::format("一级 weights {} differ from the standard scheme \"{}\" ({}){}", table_text, standard.name,
                  standard_text, cmp.matched_scheme().empty() ? "" : "; matches scheme \"" + cmp.matched_scheme() + "\""),
      "一级 weight totals = standard scheme");
  if (s.execution.present) FillCellOperand(f.add_operands(), s.ctx.section_key + ".execution.weight", s.table.execution().weight());
  for (int i = 0; i < s.table.indicators_size(); ++i) {
    FillCellOperand(f.add_operands(), RowName(s.ctx, i, s.table.indicators(i)) + ".weight", s.table.indicators(i).weight());
  }
  f.set_expected(standard_text);
}

std::string TableName(const rpt::PerformanceTable& table) {
  if (!table.project_name().text().empty()) return table.project_name().text();
  if (!table.unit_name().text().empty()) return table.unit_name().text();
  return table.title().text();
}

}  // namespace

void ScoreTableInto(const rpt::PerformanceTable& table, const CompiledConfig& config, uint32_t table_index,
                    const std::string& section_key, v1::TableScore* out_table) {
  v1::TableScore& out = *out_table;
  TableState s{table, config, TableContext{section_key, TableName(table)}, {}, {}, out.mutable_findings()};
  out.set_table_index(table_index);
  out.set_kind(table.kind());
  out.set_section_key(section_key);
  out.set_name(s.ctx.name);

  s.execution = ScoreExecution(table, config, s.ctx, out.mutable_execution(), s.findings);
  const bool deviation_column = HasDeviationColumn(s);
  s.rows.reserve(table.indicators_size());
  for (int i = 0; i < table.indicators_size(); ++i) {
    s.rows.push_back(ScoreIndicator(table.indicators(i), static_cast<uint32_t>(i), config, out.add_indicators()));
    CheckIndicator(table.indicators(i), s.rows.back(), config, s.ctx, deviation_column, s.findings);
  }
  CheckWeights(s);
  ReportCoverage(s);
  ScoreTotal(s, out);
  Subtotals(s, out);
  CheckStructure(s);
  CompareScheme(s, out);
}

v1::TableScore ScoreTable(const rpt::PerformanceTable& table, const CompiledConfig& config, uint32_t table_index,
                          const std::string& section_key) {
  v1::TableScore out;
  ScoreTableInto(table, config, table_index, section_key, &out);
  return out;
}

std::string DefaultSectionKey(const rpt::Report& report, int table_index) {
  const rpt::PerformanceTable& table = report.performance_tables(table_index);
  if (!table.src().section_key().empty()) return table.src().section_key();
  int same_kind_before = 0;
  for (int i = 0; i < table_index; ++i) {
    if (report.performance_tables(i).kind() == table.kind()) ++same_kind_before;
  }
  if (table.kind() == rpt::PERFORMANCE_TABLE_KIND_PROJECT) return fmt::format("PP[{}]", same_kind_before);
  return same_kind_before == 0 ? "PE" : fmt::format("PE[{}]", same_kind_before);
}

void ScoreReportInto(const rpt::Report& report, const CompiledConfig& config, v1::ScoreReportResponse* response) {
  response->set_config_name(config.proto.name());
  for (int i = 0; i < report.performance_tables_size(); ++i) {
    ScoreTableInto(report.performance_tables(i), config, static_cast<uint32_t>(i), DefaultSectionKey(report, i),
                   response->add_tables());
  }
}

v1::ScoreReportResponse ScoreReportWith(const rpt::Report& report, const CompiledConfig& config) {
  v1::ScoreReportResponse response;
  ScoreReportInto(report, config, &response);
  return response;
}

absl::StatusOr<v1::ScoreReportResponse> Score(const v1::ScoreReportRequest& request) {
  absl::StatusOr<std::shared_ptr<const CompiledConfig>> config;
  switch (request.config_case()) {
    case v1::ScoreReportRequest::kInlineConfig:
      config = CompileConfig(request.inline_config());
      break;
    case v1::ScoreReportRequest::kConfigName:
      config = BuiltinConfig(request.config_name());
      break;
    default:
      config = BuiltinConfig(BuiltinConfigNameForLayout(request.report().document().layout()));
  }
  if (!config.ok()) return config.status();
  return ScoreReportWith(request.report(), **config);
}

}  // namespace juesuan::scoring
