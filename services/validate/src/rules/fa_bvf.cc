// FA-BVF — budget-vs-final statements (REFERENCE §3.5).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

struct BvfOperands {
  const BvfRef* ref = nullptr;
  std::optional<AmountOperand> budget, final;
};

BvfOperands Resolve(RuleContext& ctx, const BvfRef& ref) {
  BvfOperands b{&ref, ctx.Amount(ref.subject + ".budget", ref.bvf->has_budget(), ref.bvf->budget()),
                ctx.Amount(ref.subject + ".final", ref.bvf->has_final(), ref.bvf->final())};
  return b;
}

// The budget's box contains zero: every rate on it is undefined.
bool ZeroBudget(const AmountOperand& budget) {
  return 2 * static_cast<Int128>(budget.printed.fen < 0 ? -budget.printed.fen : budget.printed.fen) <=
         budget.printed.quantum;
}

constexpr RatioForm kAbsoluteDiffRateForm{-1, 1, 0, 1, 0};  // (B − F) / B

void DiffRate(RuleContext& ctx) {  // FA-BVF-001
  const auto sign = ctx.layout().diff_rate_sign();
  for (const auto& ref : Bvfs(ctx)) {
    if (!ref.bvf->has_diff_rate()) continue;
    BvfOperands b = Resolve(ctx, ref);
    auto rate = ctx.Percent(ref.subject + ".diff_rate", true, ref.bvf->diff_rate());
    if (!b.budget || !b.final || !rate) continue;
    ctx.Ran();
    if (ZeroBudget(*b.budget)) continue;  // FA-BVF-002
    const std::string relation = fmt::format("{}.diff_rate = 100 · (F − B) / B", ref.subject);
    const bool final_below = b.final->printed.fen < b.budget->printed.fen;
    // With an absolute-value convention a positive print of a negative
    // difference is the same statement.
    const bool use_absolute = sign == vv1::DIFF_RATE_SIGN_ABSOLUTE ||
                              (sign != vv1::DIFF_RATE_SIGN_SIGNED && final_below && rate->printed.digits > 0);
    RecordRatio(ctx, relation, use_absolute ? kAbsoluteDiffRateForm : kDiffRateForm, *b.final, *b.budget, *rate);
  }
}

void ZeroBudgetRule(RuleContext& ctx) {  // FA-BVF-002
  std::vector<std::pair<BvfOperands, PercentOperand>> accepted;
  for (const auto& ref : Bvfs(ctx)) {
    if (!ref.bvf->has_diff_rate()) continue;
    BvfOperands b = Resolve(ctx, ref);
    auto rate = ctx.Percent(ref.subject + ".diff_rate", true, ref.bvf->diff_rate());
    if (!b.budget || !b.final || !rate) continue;
    ctx.Ran();
    if (!ZeroBudget(*b.budget)) continue;
    const bool final_zero = b.final->printed.fen == 0;
    if (final_zero && PercentIsZero(rate->printed)) continue;
    if (!final_zero && PercentIsHundred(rate->printed)) {
      accepted.push_back({b, *rate});
      continue;
    }
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "预算数为零时差异率应为100%（决算数为零时为0%）",
                              "with a zero budget the rate must read 100% (0% when the final is zero)");
    f.set_relation("B = 0 ⇒ r undefined; convention F > 0 → 100%, F = 0 → 0%");
    AddOperand(f, *rate);
    AddOperand(f, *b.budget);
    AddOperand(f, *b.final);
    f.set_expected(final_zero ? "0.00" : "100.00");
  }
  if (accepted.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO,
                            fmt::format("{}处年初预算数为零，差异率按惯例列为100%", accepted.size()),
                            fmt::format("{} statements on a zero budget print the conventional 100%", accepted.size()));
  f.set_relation("B = 0 ⇒ 预决算差异率 undefined (convention 100%)");
  for (const auto& [b, rate] : accepted) {
    AddOperand(f, rate);
    AddOperand(f, *b.budget);
    AddOperand(f, *b.final);
  }
  f.set_expected("undefined (convention accepted)");
}

void CompletionOfZeroBudget(RuleContext& ctx) {  // FA-BVF-003
  for (const auto& ref : Bvfs(ctx)) {
    if (!ref.bvf->has_completion()) continue;
    BvfOperands b = Resolve(ctx, ref);
    auto pct = ctx.Percent(ref.subject + ".completion", true, ref.bvf->completion());
    if (!b.budget || !pct) continue;
    ctx.Ran();
    const bool initial = ref.bvf->completion_kind() == rv1::BUDGET_KIND_INITIAL ||
                         (ref.bvf->completion_kind() == rv1::BUDGET_KIND_UNSPECIFIED &&
                          ref.bvf->kind() == rv1::BUDGET_KIND_INITIAL);
    if (!initial || !ZeroBudget(*b.budget)) continue;
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "年初预算为零，“完成年初预算的X%”无意义",
                              "completion of a zero initial budget is undefined");
    f.set_relation("完成年初预算的c% with 年初预算 = 0");
    AddOperand(f, *pct);
    AddOperand(f, *b.budget);
    if (b.final) AddOperand(f, *b.final);
    f.set_expected("undefined");
  }
}

void ComparisonWord(RuleContext& ctx) {  // FA-BVF-004
  const auto& threshold = ctx.config().roughly_equal_threshold_pct();
  for (const auto& ref : Bvfs(ctx)) {
    const auto word = ref.bvf->comparison();
    if (word == rv1::COMPARISON_UNSPECIFIED) continue;
    BvfOperands b = Resolve(ctx, ref);
    // "年初预算为0万元，全年预算为A万元…决算数小于预算数": the word compares with
    // the 全年 budget printed beside the 年初 one.
    if (ref.bvf->has_annual_budget()) {
      b.budget = ctx.Amount(ref.subject + ".annual_budget", true, ref.bvf->annual_budget());
    }
    if (!b.budget || !b.final) continue;
    ctx.Ran();
    const Int128 f = b.final->printed.fen, bud = b.budget->printed.fen;
    bool contradicted = false;
    std::string expected;
    switch (word) {
      case rv1::COMPARISON_GREATER: contradicted = f < bud; expected = "F > B"; break;
      case rv1::COMPARISON_LESS: contradicted = f > bud; expected = "F < B"; break;
      case rv1::COMPARISON_EQUAL: contradicted = f != bud; expected = "F = B"; break;
      case rv1::COMPARISON_ROUGHLY_EQUAL: {
        // |F − B| · 100 · 10^scale ≤ threshold_digits · B
        Int128 scale = 1;
        for (int i = 0; i < threshold.scale() && i < 6; ++i) scale *= 10;
        const Int128 diff = f > bud ? f - bud : bud - f;
        const Int128 abs_b = bud < 0 ? -bud : bud;
        contradicted = diff * 100 * scale > static_cast<Int128>(threshold.digits()) * abs_b;
        expected = fmt::format("|F − B| ≤ {}% of B", FormatPercent({threshold.digits(), threshold.scale()}));
        break;
      }
      default: break;
    }
    if (!contradicted) continue;
    fv1::Finding& fnd = ctx.Add(fv1::SEVERITY_ERROR, "比较用语与数字矛盾",
                                "the comparative word contradicts the numbers");
    fnd.set_relation(expected);
    AddOperand(fnd, *b.final);
    AddOperand(fnd, *b.budget);
    fnd.set_expected(expected);
    fnd.set_residue(FormatWan(f - bud, b.final->printed.quantum));
  }
}

void ReasonRequired(RuleContext& ctx) {  // FA-BVF-005
  std::vector<BvfOperands> missing;
  for (const auto& ref : Bvfs(ctx)) {
    BvfOperands b = Resolve(ctx, ref);
    if (!b.budget || !b.final) continue;
    ctx.Ran();
    const bool differs = b.budget->printed.fen != b.final->printed.fen;
    if (differs && (!ref.bvf->has_reason() || ref.bvf->reason().text().empty())) missing.push_back(b);
  }
  if (missing.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, fmt::format("{}处预决算差异未说明原因", missing.size()),
                            fmt::format("{} budget/final differences without a reason", missing.size()));
  f.set_relation("F ≠ B ⇒ reason present");
  for (const auto& b : missing) {
    AddOperand(f, *b.final);
    AddOperand(f, *b.budget);
  }
}

void BudgetKindConsistency(RuleContext& ctx) {  // FA-BVF-006
  for (const auto& ref : Bvfs(ctx)) {
    const auto kind = ref.bvf->kind();
    const auto named = ref.bvf->completion_kind();
    if (kind == rv1::BUDGET_KIND_UNSPECIFIED || named == rv1::BUDGET_KIND_UNSPECIFIED) continue;
    ctx.Ran();
    if (kind == named) continue;
    BvfOperands b = Resolve(ctx, ref);
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, "完成率所称预算口径与所列预算数口径不一致",
                              "the completion rate names a different budget kind than the budget printed");
    f.set_relation("completion kind = budget kind");
    if (b.budget) AddOperand(f, *b.budget);
    if (ref.bvf->has_completion()) {
      if (auto p = ctx.Percent(ref.subject + ".completion", true, ref.bvf->completion())) AddOperand(f, *p);
    }
  }
}

}  // namespace

std::vector<RuleDef> BvfRules() {
  using enum DataNeed;
  return {
      {"FA-BVF-001", fv1::SEVERITY_ERROR, kNarrative, "预决算差异率", "预决算差异率与金额不符",
       "budget-vs-final difference rate does not match the amounts", DiffRate},
      {"FA-BVF-002", fv1::SEVERITY_ERROR, kNarrative, "预算数为零的差异率", "年初预算数为零",
       "zero budget", ZeroBudgetRule},
      {"FA-BVF-003", fv1::SEVERITY_WARNING, kNarrative, "年初预算为零的完成率", "完成年初预算比例无意义",
       "completion of a zero initial budget", CompletionOfZeroBudget},
      {"FA-BVF-004", fv1::SEVERITY_ERROR, kNarrative, "预决算比较用语", "预决算比较用语错误",
       "budget-vs-final comparative word is wrong", ComparisonWord},
      {"FA-BVF-005", fv1::SEVERITY_WARNING, kNarrative, "预决算差异须说明原因", "预决算差异缺少原因说明",
       "a budget/final difference lacks its reason", ReasonRequired},
      {"FA-BVF-006", fv1::SEVERITY_WARNING, kNarrative, "预算口径一致", "预算口径不一致",
       "budget kinds are inconsistent", BudgetKindConsistency},
  };
}

}  // namespace juesuan::validate
