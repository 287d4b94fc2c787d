// PF-TAB / PF-TXT — internal checks of the performance self-evaluation tables
// (REFERENCE §3.14). Scoring proper (PF-SCORE) belongs to the scoring service.
#include <map>

#include "common/text/search.h"
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

constexpr int kMaxScale = 6;

std::string TableName(const rv1::PerformanceTable& t, int index) {
  return t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL ? "pe" : "pp[" + std::to_string(index) + "]";
}

// A decimal rescaled to `scale` digits (scale ≥ the decimal's own).
Int128 At(const rv1::Decimal& d, int scale) {
  Int128 v = d.digits();
  for (int i = d.scale(); i < scale; ++i) v *= 10;
  return v;
}

bool Usable(const rv1::DecimalCell& c) {
  return !c.blank() && c.has_value() && c.value().scale() >= 0 && c.value().scale() <= kMaxScale &&
         c.value().digits() > -kMaxPercentDigits && c.value().digits() < kMaxPercentDigits;
}

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string Format(Int128 v, int scale) { return FormatRational(Rational{v, Pow10(scale)}, scale); }

// A decimal equals an integer.
bool EqualsInteger(const rv1::Decimal& d, int64_t v) {
  return d.scale() >= 0 && d.scale() <= kMaxScale && static_cast<Int128>(d.digits()) == v * Pow10(d.scale());
}

std::string FormatDecimalCell(const rv1::DecimalCell& c) {
  if (!Usable(c)) return c.raw();
  return Format(c.value().digits(), c.value().scale());
}


void AddCell(fv1::Finding& f, std::string name, const rv1::DecimalCell& c) {
  AddOperand(f, std::move(name), c.raw().empty() ? FormatDecimalCell(c) : c.raw(), FormatDecimalCell(c), c.src());
}


void WeightsAddUp(RuleContext& ctx) {  // PF-TAB-001
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    std::vector<std::pair<OperandName, const rv1::DecimalCell*>> cells;
    if (Usable(t.execution().weight())) cells.push_back({OperandName::Join({name, ".exec.weight"}), &t.execution().weight()});
    bool complete = true;
    for (int k = 0; k < t.indicators_size(); ++k) {
      const auto& w = t.indicators(k).weight();
      if (!Usable(w)) complete = false;
      else cells.push_back({OperandName::Join({name, ".indicators[", k, "].weight"}), &w});
    }
    if (!complete || cells.empty()) {
      ctx.Missing(name + ": weights incomplete");
      continue;
    }
    ctx.Ran();
    int scale = 0;
    for (const auto& [n, c] : cells) scale = std::max(scale, c->value().scale());
    Int128 sum = 0;
    for (const auto& [n, c] : cells) sum += At(c->value(), scale);
    const Int128 hundred = 100 * Pow10(scale);
    const bool total_printed = t.has_total_row() && Usable(t.total_weight());
    const int common = total_printed ? std::max(scale, t.total_weight().value().scale()) : scale;
    const bool total_ok =
        !total_printed || At(t.total_weight().value(), common) == sum * Pow10(common - scale);
    if (sum == hundred && total_ok) continue;
    fv1::Finding& f = ctx.Add();
    f.set_relation("exec.weight + Σ indicator weights = 100 (= printed 总分 weight)");
    for (const auto& [n, c] : cells) AddCell(f, n.str(), *c);
    if (total_printed) AddCell(f, name + ".total.weight", t.total_weight());
    f.set_expected("100");
    f.set_residue(Format(sum - hundred, scale));
    f.set_tolerance("exact");
  }
}

void ScoresAddUp(RuleContext& ctx) {  // PF-TAB-002
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    std::vector<std::pair<OperandName, const rv1::DecimalCell*>> cells;
    if (Usable(t.execution().score())) cells.push_back({OperandName::Join({name, ".exec.score"}), &t.execution().score()});
    bool complete = true;
    for (int k = 0; k < t.indicators_size(); ++k) {
      const auto& s = t.indicators(k).score();
      if (!Usable(s)) complete = false;
      else cells.push_back({OperandName::Join({name, ".indicators[", k, "].score"}), &s});
    }
    if (!complete || cells.empty()) {
      ctx.Missing(name + ": scores incomplete");
      continue;
    }
    ctx.Ran();
    const bool total_printed = t.has_total_row() && Usable(t.total_score());
    // Scores are compared on 0.01-point quanta (REFERENCE §3.14): a score
    // printed "10" is taken as 10.00, not as a rounded value.
    int scale = std::max(2, total_printed ? t.total_score().value().scale() : 0);
    for (const auto& [n, c] : cells) scale = std::max(scale, c->value().scale());
    Int128 sum = 0;
    for (const auto& [n, c] : cells) sum += At(c->value(), scale);
    if (!total_printed) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "未列总分，按各项得分重新计算",
                                "no total score printed; recomputed from the rows");
      f.set_relation("total = exec.score + Σ indicator scores");
      for (const auto& [n, c] : cells) AddCell(f, n.str(), *c);
      f.set_expected(Format(sum, scale));
      continue;
    }
    // SUM tolerance on score quanta: each printed score is off by at most
    // half its last digit.
    std::vector<SignedTerm> terms;
    auto quantum = [&](const rv1::Decimal&) { return int64_t{1}; };
    for (const auto& [n, c] : cells) {
      terms.push_back({{static_cast<int64_t>(At(c->value(), scale)), quantum(c->value())}, 1});
    }
    const PrintedAmount total{static_cast<int64_t>(At(t.total_score().value(), scale)), quantum(t.total_score().value())};
    const SumResult sum_check = CheckSum(total, terms, ctx.config().sum_count_zeros());
    if (sum_check.verdict == Verdict::kPass) continue;
    fv1::Finding& f = sum_check.verdict == Verdict::kInfo
                          ? ctx.Add(fv1::SEVERITY_INFO, "舍入尾差，在容差内", "rounding residue within tolerance")
                          : ctx.Add();
    f.set_relation("printed 总分 = exec.score + Σ indicator scores");
    AddCell(f, name + ".total.score", t.total_score());
    for (const auto& [n, c] : cells) AddCell(f, n.str(), *c);
    f.set_expected(Format(sum_check.expected, scale));
    f.set_residue(Format(sum_check.residue, scale));
    f.set_tolerance(fmt::format("SUM: {} score quanta", Format(sum_check.tolerance, scale)));
  }
}

const rv1::FundRow* TotalFunds(const rv1::PerformanceTable& t) {
  for (const auto& row : t.funds()) {
    if (row.source() == rv1::FUND_SOURCE_TOTAL) return &row;
  }
  return nullptr;
}

void ExecutionRate(RuleContext& ctx) {  // PF-TAB-003
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    const auto* total = TotalFunds(t);
    if (total == nullptr || !t.execution().has_rate()) {
      ctx.Missing(name + ": execution rate or 合计 row absent");
      continue;
    }
    auto executed = JUESUAN_AMOUNT(ctx, name + ".funds.合计.executed", *total, executed);
    auto annual = JUESUAN_AMOUNT(ctx, name + ".funds.合计.annual", *total, annual);
    auto rate = ctx.Percent(name + ".exec.rate", true, t.execution().rate());
    if (!executed || !annual || !rate) continue;
    if (RecordRatio(ctx, [&] { return std::string(name + ".exec.rate = 100 · 全年执行数 / 全年预算数"); },
                    kShareForm, *executed, *annual, *rate) ==
        Verdict::kUndefined) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "全年预算数为零，执行率无定义",
                                "the annual budget is zero, the execution rate is undefined");
      f.set_relation(name + ".exec.rate = 100 · 全年执行数 / 全年预算数");
      AddOperand(f, *rate);
      AddOperand(f, *annual);
    }
  }
}

void ScoreWithinWeight(RuleContext& ctx) {  // PF-TAB-004
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    auto check = [&](const OperandName& row, const rv1::DecimalCell& weight, const rv1::DecimalCell& score) {
      if (!Usable(weight) || !Usable(score)) return;
      ctx.Ran();
      const int scale = std::max(weight.value().scale(), score.value().scale());
      const Int128 w = At(weight.value(), scale), s = At(score.value(), scale);
      if (s >= 0 && s <= w) return;
      fv1::Finding& f = ctx.Add();
      f.set_relation("0 ≤ score ≤ weight");
      AddCell(f, row.str() + ".score", score);
      AddCell(f, row.str() + ".weight", weight);
      f.set_expected("[0, " + Format(w, scale) + "]");
    };
    check(OperandName::Join({name, ".exec"}), t.execution().weight(), t.execution().score());
    for (int k = 0; k < t.indicators_size(); ++k) {
      check(OperandName::Join({name, ".indicators[", k, "]"}), t.indicators(k).weight(), t.indicators(k).score());
    }
  }
}

bool Quantitative(const rv1::IndicatorValue& v) {
  return v.kind() == rv1::INDICATOR_VALUE_KIND_QUANTITATIVE && !v.unit().empty();
}

void UnitsAgree(RuleContext& ctx) {  // PF-TAB-006
  const auto& r = ctx.report();
  std::vector<std::pair<std::string, const rv1::Indicator*>> mismatches;
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    for (int k = 0; k < t.indicators_size(); ++k) {
      const auto& ind = t.indicators(k);
      if (!Quantitative(ind.target()) || !Quantitative(ind.actual())) continue;
      ctx.Ran();
      if (ind.target().unit() != ind.actual().unit()) {
        mismatches.push_back({fmt::format("{}.indicators[{}]", TableName(t, i), k), &ind});
      }
    }
  }
  if (mismatches.empty()) return;
  std::string list;
  for (const auto& [n, ind] : mismatches) {
    list += fmt::format("{}{}：目标“{}”与实际“{}”", list.empty() ? "" : "；", ind->level3(), ind->target().raw(),
                        ind->actual().raw());
  }
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, list, fmt::format("{} indicators with different units", mismatches.size()));
  f.set_relation("target unit = actual unit");
  for (const auto& [n, ind] : mismatches) {
    AddOperand(f, n + ".target", ind->target().raw(), ind->target().unit(), ind->target().src());
    AddOperand(f, n + ".actual", ind->actual().raw(), ind->actual().unit(), ind->actual().src());
  }
}

void FundsSanity(RuleContext& ctx) {  // PF-TAB-007
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    const auto* total = TotalFunds(t);
    if (total == nullptr) {
      ctx.Missing(name + ": 合计 row absent");
      continue;
    }
    auto executed = JUESUAN_AMOUNT(ctx, name + ".funds.合计.executed", *total, executed);
    auto annual = JUESUAN_AMOUNT(ctx, name + ".funds.合计.annual", *total, annual);
    auto initial = JUESUAN_AMOUNT(ctx, name + ".funds.合计.initial", *total, initial);
    if (executed && annual) {
      RecordAtMost(ctx, "全年执行数 ≤ 全年预算数", *executed, *annual, fv1::SEVERITY_WARNING);
    }
    if (initial && annual) {
      ctx.Ran();
      if (initial->printed.fen != annual->printed.fen) {
        fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "年初预算数与全年预算数不同（预算调整，应说明原因）",
                                  "initial and annual budgets differ (adjustment; a reason is expected)");
        f.set_relation("年初预算数 = 全年预算数 unless adjusted");
        AddOperand(f, *initial);
        AddOperand(f, *annual);
      }
    }
  }
}

void MergedExecutionCells(RuleContext& ctx) {  // PF-TAB-009
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const auto& exec = t.execution();
    if (exec.printed_on_source() == rv1::FUND_SOURCE_UNSPECIFIED) continue;
    ctx.Ran();
    if (exec.printed_on_source() == rv1::FUND_SOURCE_TOTAL) continue;
    const rv1::FundRow* row = nullptr;
    for (const auto& f : t.funds()) {
      if (f.source() == exec.printed_on_source()) row = &f;
    }
    if (row == nullptr || !row->has_annual() || ToPrinted(row->annual()).fen != 0) continue;
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO,
                              fmt::format("分值、执行率、得分列在预算为零的“{}”行（合并单元格），应属资金合计",
                                          row->label()),
                              "weight, rate and score printed on a zero-budget component row (merged cell); they belong to the funds block");
    f.set_relation("execution cells belong to the funds block");
    const std::string name = TableName(t, i);
    if (auto a = ctx.Amount(name + ".funds." + row->label() + ".annual", true, row->annual())) AddOperand(f, *a);
    if (Usable(exec.weight())) AddCell(f, name + ".exec.weight", exec.weight());
    if (exec.has_rate()) {
      if (auto p = ctx.Percent(name + ".exec.rate", true, exec.rate())) AddOperand(f, *p);
    }
    if (Usable(exec.score())) AddCell(f, name + ".exec.score", exec.score());
  }
}

std::string Level1Of(const RuleContext& ctx, const std::string& level1) {
  for (const auto& alias : ctx.config().performance().output_level1_aliases()) {
    if (level1 == alias) return "产出指标";
  }
  return level1;
}

void IndicatorStructure(RuleContext& ctx) {  // PF-TAB-010
  const auto& r = ctx.report();
  const auto& perf = ctx.config().performance();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.indicators().empty()) continue;
    ctx.Ran();
    const std::string name = TableName(t, i);
    if (t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL) {
      bool other_level2 = false;
      for (const auto& ind : t.indicators()) {
        for (const auto& l2 : perf.overall_required_level2_any()) other_level2 = other_level2 || ind.level2() == l2;
      }
      if (other_level2) continue;
      fv1::Finding& f = ctx.Add(ctx.rule_severity(), "整体支出绩效自评表仅有数量指标，缺少质量、时效、效益、满意度指标",
                                "the overall table has quantity indicators only (no quality, timeliness, benefit or satisfaction)");
      f.set_relation("PE indicators beyond 数量指标");
      for (int k = 0; k < t.indicators_size(); ++k) {
        const auto& ind = t.indicators(k);
        AddOperand(f, fmt::format("{}.indicators[{}]", name, k), ind.level1() + "/" + ind.level2() + "/" + ind.level3(),
                   ind.level2(), ind.src());
      }
      continue;
    }
    std::vector<std::string> absent;
    for (const auto& required : perf.project_required_level1()) {
      bool found = false;
      for (const auto& ind : t.indicators()) found = found || Level1Of(ctx, ind.level1()) == required;
      if (!found) absent.push_back(required);
    }
    if (absent.empty()) continue;
    std::string names;
    for (const auto& a : absent) names += (names.empty() ? "" : "、") + a;
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "项目支出绩效自评表缺少" + names,
                              "the project table lacks level-1 indicators: " + names);
    f.set_relation("PP has 产出, 效益 and 满意度 indicators");
    f.set_expected(names);
  }
}

void WeightScheme(RuleContext& ctx) {  // PF-TAB-011
  const auto& r = ctx.report();
  const auto& defaults = ctx.config().performance().default_weights();
  if (defaults.empty()) {
    ctx.Missing("no default weight scheme configured");
    return;
  }
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_PROJECT || t.indicators().empty()) continue;
    std::map<std::string, Int128> actual;  // at scale kMaxScale
    std::map<std::string, Int128> printed_by_level1;
    bool complete = Usable(t.execution().weight());
    if (complete) actual["执行率"] += At(t.execution().weight().value(), kMaxScale);
    for (const auto& ind : t.indicators()) {
      if (!Usable(ind.weight())) complete = false;
      else {
        actual[Level1Of(ctx, ind.level1())] += At(ind.weight().value(), kMaxScale);
        printed_by_level1[ind.level1()] += At(ind.weight().value(), kMaxScale);
      }
    }
    if (!complete) continue;
    ctx.Ran();
    bool differs = false;
    std::string expected;
    // Weights print as integers almost always; two decimals cover the rest.
    auto text = [](Int128 w) { return FormatRational(Rational{w, Pow10(kMaxScale)}, w % Pow10(kMaxScale) == 0 ? 0 : 2); };
    for (const auto& w : defaults) {
      differs = differs || actual[w.level1()] != At(w.weight(), kMaxScale);  // no insertion once it differs
    }
    if (!differs) continue;
    for (const auto& w : defaults) {
      expected += fmt::format("{}{} {}", expected.empty() ? "" : " / ", w.level1(), text(At(w.weight(), kMaxScale)));
    }
    std::string got = actual.count("执行率") ? "执行率 " + text(actual["执行率"]) : "";
    for (const auto& [l1, w] : printed_by_level1) got += fmt::format(" / {} {}", l1, text(w));
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "一级指标权重为" + got + "，与默认方案" + expected + "不同",
                              "level-1 weights differ from the default scheme");
    f.set_relation("一级 weights = configured default scheme");
    const std::string name = TableName(t, i);
    if (Usable(t.execution().weight())) AddCell(f, name + ".exec.weight", t.execution().weight());
    for (int k = 0; k < t.indicators_size(); ++k) {
      AddCell(f, fmt::format("{}.indicators[{}].weight {}", name, k, t.indicators(k).level1()), t.indicators(k).weight());
    }
    f.set_expected(expected);
  }
}

// A count quoted in a goal text: "<key>…<number>[余]<unit>" within a short window.
struct QuotedCount {
  std::string printed;
  int64_t value;
  size_t offset;
};

std::vector<QuotedCount> QuotedCounts(const std::string& text, const std::string& key, const std::string& unit) {
  std::vector<QuotedCount> out;
  // An indicator without a name has no key; an empty key is found at every
  // position without moving on.
  if (key.empty()) return out;
  constexpr size_t kWindow = 24;  // bytes after the key (≈ 8 CJK characters)
  for (size_t pos = text::Find(text, key); pos != std::string::npos; pos = text::Find(text, key, pos + key.size())) {
    const size_t start = pos + key.size();
    const std::string window = text.substr(start, kWindow + 12);
    for (size_t d = 0; d < window.size() && d < kWindow; ++d) {
      const bool after_digit_or_point = d > 0 && ((window[d - 1] >= '0' && window[d - 1] <= '9') || window[d - 1] == '.');
      if (window[d] < '0' || window[d] > '9' || after_digit_or_point) continue;
      size_t e = d;
      int64_t value = 0;
      while (e < window.size() && window[e] >= '0' && window[e] <= '9' && value < 1'000'000'000) {
        value = value * 10 + (window[e] - '0');
        ++e;
      }
      size_t u = e;
      if (window.compare(u, 3, "余") == 0) u += 3;
      if (window.compare(u, unit.size(), unit) == 0) {
        out.push_back({window.substr(d, u + unit.size() - d), value, start + d});
        break;
      }
    }
  }
  return out;
}

// The distinctive tail of an indicator name: "办理…专报" → "专报", "保障人员数" → "人员".
std::string KeyOf(std::string name) {
  for (const char* suffix : {"次数", "批数", "人数", "数"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      name.erase(name.size() - s.size());
      break;
    }
  }
  return name.size() >= 6 ? name.substr(name.size() - 6) : name;  // last two CJK characters
}

void FactsAgree(RuleContext& ctx) {  // PF-TXT-001
  const auto& r = ctx.report();
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    const std::string name = TableName(t, i);
    for (int k = 0; k < t.indicators_size(); ++k) {
      const auto& ind = t.indicators(k);
      const auto& target = ind.target();
      // Counts only (期, 次, 批, 人 …): money and rates are other rules' business.
      const std::string& unit = target.unit();
      if (target.kind() != rv1::INDICATOR_VALUE_KIND_QUANTITATIVE || unit.empty() || unit == "%" ||
          unit == "万元" || unit == "元" || !target.has_number() || target.number().scale() != 0) {
        continue;
      }
      ctx.Ran();
      const std::string key = KeyOf(ind.level3());
      std::vector<std::tuple<std::string, QuotedCount, const rv1::Text*>> quotes;
      for (const auto& [label, text] : {std::pair<std::string, const rv1::Text*>{".goal.expected", &t.goal_expected()},
                                        std::pair<std::string, const rv1::Text*>{".goal.actual", &t.goal_actual()}}) {
        for (const auto& q : QuotedCounts(text->text(), key, target.unit())) quotes.emplace_back(name + label, q, text);
      }
      if (quotes.empty()) continue;
      // Compare as exact rationals: number = digits / 10^scale.
      const int64_t first = std::get<1>(quotes.front()).value;
      bool conflict = !EqualsInteger(target.number(), first) ||
                      (ind.actual().has_number() && !EqualsInteger(ind.actual().number(), first));
      for (const auto& q : quotes) conflict = conflict || std::get<1>(q).value != std::get<1>(quotes.front()).value;
      if (!conflict) continue;
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING,
                                fmt::format("“{}”在目标、指标值与完成情况中的数量不一致", ind.level3()),
                                fmt::format("the count of \"{}\" differs between goal texts and indicator values", ind.level3()));
      f.set_relation("goal texts, target and actual state the same count");
      for (const auto& [label, q, text] : quotes) {
        rv1::Provenance src = text->src();
        src.set_byte_begin(src.byte_begin() + q.offset);
        src.set_byte_end(src.byte_begin() + q.printed.size());
        src.set_raw_text(q.printed);
        AddOperand(f, label, q.printed, std::to_string(q.value), src);
      }
      AddOperand(f, fmt::format("{}.indicators[{}].target", name, k), target.raw(), target.raw(), target.src());
      AddOperand(f, fmt::format("{}.indicators[{}].actual", name, k), ind.actual().raw(), ind.actual().raw(),
                 ind.actual().src());
    }
  }
}

// PF-TAB-012, narrative part (SH 预算绩效管理情况): the grade counts add up to
// the number of self-evaluated projects, and an average of at least 90 needs
// at least one 优. The printed grade of each table against its total is
// checked by the scoring service, which recomputes the totals.
void NarrativeGradeCounts(RuleContext& ctx) {  // PF-TAB-012
  const auto& p = ctx.report().performance();
  const std::vector<std::pair<std::string, const rv1::Count*>> grades = {
      {"perf.grade_excellent", p.has_grade_excellent() ? &p.grade_excellent() : nullptr},
      {"perf.grade_good", p.has_grade_good() ? &p.grade_good() : nullptr},
      {"perf.grade_pass", p.has_grade_pass() ? &p.grade_pass() : nullptr},
      {"perf.grade_fail", p.has_grade_fail() ? &p.grade_fail() : nullptr},
  };
  std::vector<std::pair<std::string, const rv1::Count*>> printed;
  for (const auto& g : grades) {
    if (g.second != nullptr) printed.push_back(g);
  }
  if (printed.empty() || !p.has_selfeval_projects()) {
    ctx.Missing("N.PERF grade counts or 自评项目数 absent");
    return;
  }
  ctx.Ran();
  int64_t sum = 0;
  for (const auto& [name, c] : printed) sum += c->value();
  if (sum != p.selfeval_projects().value()) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                              fmt::format("各等级项目数合计{}个，自评项目数为{}个", sum, p.selfeval_projects().value()),
                              fmt::format("grade counts add up to {}, not to the {} self-evaluated projects", sum,
                                          p.selfeval_projects().value()));
    f.set_relation("Σ grade counts = 自评项目数");
    AddOperand(f, "perf.selfeval_projects", p.selfeval_projects());
    for (const auto& [name, c] : printed) AddOperand(f, name, *c);
    f.set_expected(std::to_string(sum));
    f.set_tolerance("COUNT: exact");
  }
  const bool high_average = p.has_selfeval_average_score() && p.selfeval_average_score().scale() >= 0 &&
                            p.selfeval_average_score().scale() <= kMaxScale &&
                            At(p.selfeval_average_score(), kMaxScale) >= 90 * Pow10(kMaxScale);
  if (high_average && p.has_grade_excellent() && p.grade_excellent().value() == 0 && sum > 0) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "平均分不低于90分，但无“优”等级项目",
                              "the average score is at least 90 but no project is graded 优");
    f.set_relation("average ≥ 90 ⇒ 优 ≥ 1");
    const auto& avg = p.selfeval_average_score();
    AddOperand(f, "perf.selfeval_average_score", Format(avg.digits(), avg.scale()), Format(avg.digits(), avg.scale()),
               p.selfeval_average_score_src());
    AddOperand(f, "perf.grade_excellent", p.grade_excellent());
    f.set_expected("≥ 1");
  }
}

}  // namespace

std::vector<RuleDef> PfTabRules() {
  using enum DataNeed;
  return {
      {"PF-TAB-001", fv1::SEVERITY_ERROR, kPerformance, "权重合计为100", "分值权重合计不等于100",
       "weights do not add to 100", WeightsAddUp},
      {"PF-TAB-002", fv1::SEVERITY_ERROR, kPerformance, "得分合计等于总分", "各项得分合计与总分",
       "scores do not add to the printed total", ScoresAddUp},
      {"PF-TAB-003", fv1::SEVERITY_ERROR, kPerformance, "执行率 = 全年执行数 / 全年预算数", "预算执行率与资金数不符",
       "execution rate does not match the funds", ExecutionRate},
      {"PF-TAB-004", fv1::SEVERITY_ERROR, kPerformance, "得分不超过分值", "得分超出分值范围",
       "a score is outside [0, weight]", ScoreWithinWeight},
      {"PF-TAB-006", fv1::SEVERITY_INFO, kPerformance, "目标值与实际值单位一致", "目标值与实际值计量单位不一致",
       "target and actual units differ", UnitsAgree},
      {"PF-TAB-007", fv1::SEVERITY_WARNING, kPerformance, "资金执行合理", "执行数超过预算数",
       "execution exceeds the budget", FundsSanity},
      {"PF-TAB-009", fv1::SEVERITY_INFO, kPerformance, "执行率单元格归属", "执行率单元格归属",
       "placement of the execution cells", MergedExecutionCells},
      {"PF-TAB-010", fv1::SEVERITY_WARNING, kPerformance, "指标体系完整", "绩效指标体系不完整",
       "the indicator structure is incomplete", IndicatorStructure},
      {"PF-TAB-011", fv1::SEVERITY_INFO, kPerformance, "一级指标权重方案", "一级指标权重方案与默认不同",
       "level-1 weight scheme differs from the default", WeightScheme},
      // Narrative part only (N.PERF): runs without performance tables.
      {"PF-TAB-012", fv1::SEVERITY_ERROR, kNarrative, "等级统计一致", "绩效自评等级统计不一致",
       "the self-evaluation grade counts are inconsistent", NarrativeGradeCounts},
      {"PF-TXT-001", fv1::SEVERITY_WARNING, kPerformance, "同一指标事实前后一致", "同一指标事实前后不一致",
       "the same indicator fact disagrees across texts and values", FactsAgree},
  };
}

}  // namespace juesuan::validate
