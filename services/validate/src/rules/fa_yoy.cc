// FA-YOY — year-on-year statements (REFERENCE §3.4).
//
// Model: current C, delta D ≥ 0, direction s (+1 增加, −1 减少), prior
// P = C − s·D. The rate g = 100·D/P is checked with the RATIO interval; when
// P's box contains zero the rate is undefined and the zero-base conventions
// of the configuration decide.
#include <deque>
#include <map>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

int SignOf(rv1::Direction d) {
  switch (d) {
    case rv1::DIRECTION_INCREASE: return 1;
    case rv1::DIRECTION_DECREASE: return -1;
    default: return 0;
  }
}

struct YoyOperands {
  const YoyRef* ref = nullptr;
  std::optional<AmountOperand> current, delta;
  std::optional<PercentOperand> rate;
  int sign = 0;
};

YoyOperands Resolve(RuleContext& ctx, const YoyRef& ref) {
  YoyOperands y;
  y.ref = &ref;
  y.current = ctx.Amount(OperandName::Join({ref.subject, ".current"}), ref.current);
  y.delta = ctx.Amount(OperandName::Join({ref.subject, ".yoy.delta"}), ref.yoy->has_delta(), ref.yoy->delta());
  if (ref.yoy->has_rate()) y.rate = ctx.Percent(OperandName::Join({ref.subject, ".yoy.rate"}), true, ref.yoy->rate());
  y.sign = SignOf(ref.yoy->direction());
  return y;
}

bool ZeroBase(const YoyOperands& y) {
  return y.current && y.delta && y.sign != 0 && PriorCanBeZero(y.current->printed, y.delta->printed, y.sign);
}

std::string ReasonText(const rv1::YoY& yoy) { return yoy.has_reason() ? yoy.reason().text() : ""; }

void AddStatement(fv1::Finding& f, const YoyOperands& y) {
  if (y.current) AddOperand(f, *y.current);
  if (y.delta) AddOperand(f, *y.delta);
  if (y.rate) AddOperand(f, *y.rate);
}

void GrowthRate(RuleContext& ctx) {  // FA-YOY-001
  for (const auto& ref : Yoys(ctx)) {
    YoyOperands y = Resolve(ctx, ref);
    if (!y.current || !y.delta || !y.rate || y.sign == 0) continue;
    if (ZeroBase(y)) {
      ctx.Ran();  // FA-YOY-003 decides
      continue;
    }
    RecordRatio(ctx, [&] { return fmt::format("{}.yoy.rate = 100 · D / (C {} D)", ref.subject, y.sign > 0 ? "−" : "+"); },
                y.sign > 0 ? kGrowthIncreaseForm : kGrowthDecreaseForm, *y.current, *y.delta, *y.rate);
  }
}

void Wording(RuleContext& ctx) {  // FA-YOY-002
  std::vector<YoyOperands> zero_change;
  for (const auto& ref : Yoys(ctx)) {
    YoyOperands y = Resolve(ctx, ref);
    const auto& yoy = *ref.yoy;
    ctx.Ran();
    if (!yoy.template_residue().empty()) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "模板用语未删除：" + yoy.template_residue(),
                                "template wording left in: " + yoy.template_residue());
      f.set_relation("增加/减少 chosen, template alternative removed");
      AddOperand(f, ref.subject + ".yoy", yoy.template_residue(), yoy.template_residue(), yoy.src());
    }
    const bool delta_zero = y.delta && y.delta->printed.fen == 0;
    const bool rate_zero = !y.rate || PercentIsZero(y.rate->printed);
    // "…持平" with no delta printed is consistent; only a printed nonzero
    // delta or rate contradicts it.
    const bool delta_nonzero = y.delta && y.delta->printed.fen != 0;
    if (yoy.direction() == rv1::DIRECTION_FLAT && (delta_nonzero || !rate_zero)) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "表述为持平但变动额或变动率不为零",
                                "stated as unchanged while the delta or rate is nonzero");
      f.set_relation("持平 ⇔ D = 0");
      AddStatement(f, y);
      f.set_expected("D = 0, rate = 0");
      continue;
    }
    if (y.sign != 0 && delta_zero && rate_zero) zero_change.push_back(y);
    const int rate_sign = SignOf(yoy.rate_direction());
    if (y.sign != 0 && rate_sign != 0 && rate_sign != y.sign) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "增加/减少与增长/下降不一致",
                                "direction words of the delta and the rate disagree");
      f.set_relation("增加 ↔ 增长, 减少 ↔ 下降");
      AddStatement(f, y);
    }
  }
  if (zero_change.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO,
                            fmt::format("{}处“增加0.00万元”应表述为“持平”", zero_change.size()),
                            fmt::format("{} statements read \"increased by 0.00\" instead of \"unchanged\"",
                                        zero_change.size()));
  f.set_relation("D = 0 ⇒ 持平");
  for (const auto& y : zero_change) AddStatement(f, y);
  f.set_expected("持平");
}

bool AcceptedRateText(const RuleContext& ctx, const std::string& text) {
  for (const auto& t : ctx.config().zero_base().accepted_rate_texts()) {
    if (!text.empty() && Contains(text, t)) return true;
  }
  return false;
}

void ZeroBaseRule(RuleContext& ctx) {  // FA-YOY-003
  const auto& conv = ctx.config().zero_base();
  std::vector<YoyOperands> accepted;
  for (const auto& ref : Yoys(ctx)) {
    YoyOperands y = Resolve(ctx, ref);
    if (!y.current || !y.delta || y.sign == 0) continue;
    ctx.Ran();
    if (!ZeroBase(y)) continue;
    const bool both_zero = y.current->printed.fen == 0 && y.delta->printed.fen == 0;
    const bool text_ok = AcceptedRateText(ctx, ref.yoy->rate_text());
    const bool omitted = !y.rate && ref.yoy->rate_text().empty();
    bool ok;
    if (both_zero) {
      ok = text_ok || omitted || (y.rate && PercentIsZero(y.rate->printed) && conv.accept_zero_when_both_zero());
      if (ok) continue;  // nothing changed, nothing to report here
    } else {
      ok = text_ok || (omitted && conv.accept_omitted_rate()) ||
           (y.rate && PercentIsHundred(y.rate->printed) && conv.accept_hundred_percent());
      if (ok) {
        accepted.push_back(y);
        continue;
      }
    }
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "上年数为零，增长率无定义，所列比率不符合约定",
                              "prior-year value is zero, the rate is undefined and the printed rate is not an accepted convention");
    f.set_relation("P = C − s·D ∋ 0 ⇒ rate ∈ {100%, 无可比性, omitted}");
    AddStatement(f, y);
    f.set_expected("100.00% / 无可比性 / omitted");
  }
  if (accepted.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO,
                            fmt::format("{}处上年数为零，按惯例表述为“增长100%”或“无可比性”", accepted.size()),
                            fmt::format("{} statements on a zero prior year use an accepted convention",
                                        accepted.size()));
  f.set_relation("P = C − s·D = 0: growth undefined");
  for (const auto& y : accepted) AddStatement(f, y);
  f.set_expected("undefined (convention accepted)");
  f.set_tolerance("P box [C − D ± (qC + qD)/2] contains 0");
}

void ReasonRequired(RuleContext& ctx) {  // FA-YOY-004
  std::vector<YoyOperands> missing;
  for (const auto& ref : Yoys(ctx)) {
    YoyOperands y = Resolve(ctx, ref);
    if (!y.delta) continue;
    ctx.Ran();
    if (y.delta->printed.fen != 0 && ReasonText(*ref.yoy).empty()) missing.push_back(y);
  }
  if (missing.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, fmt::format("{}处变动未说明原因", missing.size()),
                            fmt::format("{} changes without a reason", missing.size()));
  f.set_relation("D ≠ 0 ⇒ 主要原因 present");
  for (const auto& y : missing) AddStatement(f, y);
}

void ReasonCoherence(RuleContext& ctx) {  // FA-YOY-005
  const auto& text = ctx.config().text();
  std::vector<std::pair<YoyOperands, const rv1::YoY*>> needless;
  for (const auto& ref : Yoys(ctx)) {
    YoyOperands y = Resolve(ctx, ref);
    const std::string reason = ReasonText(*ref.yoy);
    if (!y.current || !y.delta || reason.empty()) continue;
    ctx.Ran();
    const bool says_no_prior = ref.yoy->reason_says_no_prior() || ContainsAny(reason, text.no_prior_reason_keywords());
    const bool says_both_none = ContainsAny(reason, text.both_years_none_keywords());
    const bool prior_zero = y.sign == 0 ? y.delta->printed.fen == 0 && y.current->printed.fen == 0
                                        : PriorCanBeZero(y.current->printed, y.delta->printed, y.sign);
    const bool prior_can_be_zero = y.sign == 0 ? y.current->printed.fen == 0 : prior_zero;
    if ((says_no_prior && !prior_can_be_zero) ||
        (says_both_none && (y.current->printed.fen != 0 || !prior_can_be_zero))) {
      fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "原因与数据矛盾", "the reason contradicts the figures");
      f.set_relation(says_both_none ? "两年均未安排 ⇒ C = 0 and P = 0" : "新成立/无上年数据 ⇒ P = 0");
      AddStatement(f, y);
      AddOperand(f, ref.subject + ".yoy.reason", ref.yoy->reason());
      continue;
    }
    if (y.delta->printed.fen == 0 && !says_both_none) needless.push_back({y, ref.yoy});
  }
  if (needless.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "无变动却说明了变动原因",
                            "a reason for a change is given although nothing changed");
  f.set_relation("D = 0 ⇒ no reason needed");
  for (const auto& [y, yoy] : needless) {
    AddStatement(f, y);
    AddOperand(f, y.ref->subject + ".yoy.reason", yoy->reason());
  }
}

// The prior value implied by a statement, as a derived amount whose quantum
// carries the rounding of both prints.
struct PriorStore {
  std::deque<rv1::Amount> amounts;
  std::optional<AmountOperand> Prior(RuleContext& ctx, const YoyOperands& y) {
    if (!y.current || !y.delta || (y.sign == 0 && y.delta->printed.fen != 0)) return std::nullopt;
    rv1::Amount& a = amounts.emplace_back();
    const Int128 prior = static_cast<Int128>(y.current->printed.fen) - y.sign * static_cast<Int128>(y.delta->printed.fen);
    if (prior > kMaxAbsFen || prior < -kMaxAbsFen) return std::nullopt;
    a.set_fen(static_cast<int64_t>(prior));
    a.set_quantum_fen(y.current->printed.quantum + y.delta->printed.quantum);
    *a.mutable_src() = y.ref->yoy->src();
    a.mutable_src()->clear_raw_text();
    AmountOperand op{OperandName::Join({"P(", y.ref->subject, ")"}), &a, {a.fen(), a.quantum_fen()}};
    return op;
  }
};

void ImpliedPriors(RuleContext& ctx) {  // FA-YOY-006
  std::map<std::string, YoyOperands> by_subject;
  const auto& refs = Yoys(ctx);
  for (const auto& ref : refs) by_subject.emplace(ref.subject, Resolve(ctx, ref));
  PriorStore store;
  auto prior = [&](const std::string& subject) -> std::optional<AmountOperand> {
    auto it = by_subject.find(subject);
    if (it == by_subject.end()) return std::nullopt;
    return store.Prior(ctx, it->second);
  };
  // 三公 total = Σ items.
  if (auto total = prior("sg.total")) {
    auto a = prior("sg.abroad"), c = prior("sg.car"), r = prior("sg.reception");
    if (a && c && r) RecordSum(ctx, "P(sg.total) = P(sg.abroad) + P(sg.car) + P(sg.reception)", *total, {{*a, 1}, {*c, 1}, {*r, 1}});
  }
  // 一般公共预算 = Σ 项.
  const int items = ctx.report().general_public_budget().items_size();
  if (auto total = prior("gpb"); total && items > 0) {
    std::vector<std::pair<AmountOperand, int>> terms;
    for (int i = 0; i < items; ++i) {
      if (auto p = prior(fmt::format("gpb.items[{}]", i))) terms.push_back({*p, 1});
    }
    if (static_cast<int>(terms.size()) == items) RecordSum(ctx, "P(gpb) = Σ P(gpb.items)", *total, terms);
  }
  // The general public budget is part of the fiscal appropriation.
  if (auto gpb = prior("gpb")) {
    if (auto fis = prior("fis")) {
      RecordAtMost(ctx, "P(gpb) ≤ P(fis)", *gpb, *fis, fv1::SEVERITY_WARNING);
    }
  }
  if (by_subject.empty()) ctx.Missing("no YoY statements");
}

}  // namespace

std::vector<RuleDef> YoyRules() {
  using enum DataNeed;
  return {
      {"FA-YOY-001", fv1::SEVERITY_ERROR, kNarrative, "同比增长率", "同比增减率与金额不符",
       "year-on-year rate does not match the amounts", GrowthRate},
      {"FA-YOY-002", fv1::SEVERITY_WARNING, kNarrative, "同比表述用语", "同比表述用语不规范",
       "year-on-year wording is irregular", Wording},
      {"FA-YOY-003", fv1::SEVERITY_ERROR, kNarrative, "上年数为零的增长率", "上年数为零",
       "zero prior-year base", ZeroBaseRule},
      {"FA-YOY-004", fv1::SEVERITY_WARNING, kNarrative, "同比变动须说明原因", "同比变动缺少原因说明",
       "a year-on-year change lacks its reason", ReasonRequired},
      {"FA-YOY-005", fv1::SEVERITY_WARNING, kNarrative, "变动原因与数据一致", "变动原因说明",
       "reason of a year-on-year change", ReasonCoherence},
      {"FA-YOY-006", fv1::SEVERITY_WARNING, kNarrative, "隐含上年数一致", "各处隐含的上年数不一致",
       "implied prior-year values disagree", ImpliedPriors},
  };
}

}  // namespace juesuan::validate
