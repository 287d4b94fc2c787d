// FA-PCT — printed percentages against their amounts (REFERENCE §3.3).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

// A printed share whose denominator box contains zero: only "0%" is coherent.
void UndefinedShare(RuleContext& ctx, const LazyText& relation, const PercentOperand& p,
                    const AmountOperand& part, const AmountOperand& whole) {
  if (PercentIsZero(p.printed)) return;
  fv1::Finding& f = ctx.Add(ctx.rule_severity(), "分母为零，占比应为0或不列示",
                            "the denominator is zero, so the share must be 0 or absent");
  f.set_relation(relation.str());
  AddOperand(f, p);
  AddOperand(f, part);
  AddOperand(f, whole);
  f.set_expected("0 or absent");
  f.set_tolerance("RATIO: undefined");
}

// share = part / denominator for one Share.
void CheckShare(RuleContext& ctx, const std::string& name, const rv1::Share& share,
                std::string_view default_denominator) {
  if (!share.has_share()) return;
  const std::string den_name = share.denominator().empty() ? std::string(default_denominator)
                                                           : share.denominator();
  const rv1::Amount* den = ResolveAmount(ctx.report(), den_name);
  auto whole = ctx.Amount(den_name, den);
  auto part = ctx.Amount(name, share.has_amount(), share.amount());
  auto pct = ctx.Percent(OperandName::Join({name, ".share"}), true, share.share());
  if (!whole || !part || !pct) return;
  const auto relation = [&] { return fmt::format("{}.share = 100 · {} / {}", name, name, den_name); };
  if (RecordRatio(ctx, relation, kShareForm, *part, *whole, *pct) == Verdict::kUndefined) {
    UndefinedShare(ctx, relation, *pct, *part, *whole);
  }
}

void CheckShare(RuleContext& ctx, const std::string& name, const rv1::Amount& amount,
                const rv1::Percent& percent, const rv1::Amount* den, const std::string& den_name) {
  auto whole = ctx.Amount(den_name, den);
  auto part = ctx.Amount(name, true, amount);
  auto pct = ctx.Percent(OperandName::Join({name, ".share"}), true, percent);
  if (!whole || !part || !pct) return;
  const auto relation = [&] { return fmt::format("{}.share = 100 · {} / {}", name, name, den_name); };
  if (RecordRatio(ctx, relation, kShareForm, *part, *whole, *pct) == Verdict::kUndefined) {
    UndefinedShare(ctx, relation, *pct, *part, *whole);
  }
}

void IncomeShareRule(RuleContext& ctx) {  // FA-PCT-001
  for (const auto& [name, share] : IncomeShares(ctx.report().income())) {
    CheckShare(ctx, name, *share, "tot.income_year");
  }
}

void ExpenditureShareRule(RuleContext& ctx) {  // FA-PCT-002
  for (const auto& [name, share] : ExpenditureShares(ctx.report().expenditure())) {
    CheckShare(ctx, name, *share, "tot.expend_year");
  }
}

void GpbShare(RuleContext& ctx) {  // FA-PCT-003
  const auto& gpb = ctx.report().general_public_budget();
  if (!gpb.has_share_of_expend_year() || !gpb.has_total()) {
    ctx.Missing("gpb.share_of_expend_year absent");
    return;
  }
  CheckShare(ctx, "gpb.total", gpb.total(), gpb.share_of_expend_year(),
             ResolveAmount(ctx.report(), "tot.expend_year"), "tot.expend_year");
}

void ClassShares(RuleContext& ctx) {  // FA-PCT-004
  const auto& gpb = ctx.report().general_public_budget();
  const rv1::Amount* total = gpb.has_total() ? &gpb.total() : nullptr;
  for (int i = 0; i < gpb.classes_size(); ++i) {
    const auto& c = gpb.classes(i);
    if (!c.has_share() || !c.has_amount()) continue;
    CheckShare(ctx, fmt::format("gpb.classes[{}] {}", i, c.name()), c.amount(), c.share(), total, "gpb.total");
  }
}

void SangongShares(RuleContext& ctx) {  // FA-PCT-005
  const auto& sg = ctx.report().sangong();
  const rv1::Amount* total = sg.total().has_final() ? &sg.total().final() : nullptr;
  for (const auto& [name, item] : SangongItems(sg)) {
    if (name == "sg.total" || !item->has_share() || !item->has_final()) continue;
    CheckShare(ctx, name, item->final(), item->share(), total, "sg.total.final");
  }
}

void SmeShares(RuleContext& ctx) {  // FA-PCT-006
  const auto& p = ctx.report().procurement();
  if (p.has_sme_award()) CheckShare(ctx, "proc.sme_award", p.sme_award(), "proc.total");
  if (p.has_small_micro_award()) CheckShare(ctx, "proc.small_micro_award", p.small_micro_award(), "proc.total");
}

void CompletionRates(RuleContext& ctx) {  // FA-PCT-007
  for (const auto& ref : Bvfs(ctx)) {
    const auto& bvf = *ref.bvf;
    if (!bvf.has_completion()) continue;
    auto fin = ctx.Amount(OperandName::Join({ref.subject, ".final"}), bvf.has_final(), bvf.final());
    auto bud = ctx.Amount(OperandName::Join({ref.subject, ".budget"}), bvf.has_budget(), bvf.budget());
    auto pct = ctx.Percent(OperandName::Join({ref.subject, ".completion"}), true, bvf.completion());
    if (!fin || !bud || !pct) continue;
    // An undefined completion (zero budget) is FA-BVF-003's concern.
    RecordRatio(ctx, [&] { return fmt::format("{}.completion = 100 · final / budget", ref.subject); }, kShareForm, *fin,
                *bud, *pct);
  }
}

void PercentFormat(RuleContext& ctx) {  // FA-PCT-008
  std::vector<PercentOperand> odd;
  auto visit = [&](const std::string& name, const rv1::Percent& p) {
    ctx.Ran();
    if (p.value().scale() == 2 && p.has_percent_sign()) return;
    if (auto op = ctx.Percent(name, true, p)) odd.push_back(*op);
  };
  for (const auto& [n, s] : IncomeShares(ctx.report().income())) if (s->has_share()) visit(n + ".share", s->share());
  for (const auto& [n, s] : ExpenditureShares(ctx.report().expenditure())) if (s->has_share()) visit(n + ".share", s->share());
  for (const auto& c : ctx.report().general_public_budget().classes()) if (c.has_share()) visit("gpb.classes." + c.name(), c.share());
  for (const auto& [n, item] : SangongItems(ctx.report().sangong())) if (item->has_share()) visit(n + ".share", item->share());
  for (const auto& y : Yoys(ctx)) if (y.yoy->has_rate()) visit(y.subject + ".yoy.rate", y.yoy->rate());
  for (const auto& b : Bvfs(ctx)) {
    if (b.bvf->has_diff_rate()) visit(b.subject + ".diff_rate", b.bvf->diff_rate());
    if (b.bvf->has_completion()) visit(b.subject + ".completion", b.bvf->completion());
  }
  if (odd.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, fmt::format("{}处百分比未按两位小数加“%”列示", odd.size()),
                            fmt::format("{} percentages not printed with 2 decimals and a % sign", odd.size()));
  f.set_relation("percent printed as d.dd%");
  for (const auto& op : odd) AddOperand(f, op);
  f.set_expected("2 decimals with %");
}

}  // namespace

std::vector<RuleDef> PctRules() {
  using enum DataNeed;
  return {
      {"FA-PCT-001", fv1::SEVERITY_ERROR, kNarrative, "收入占比", "收入占比与金额不符",
       "income share does not match the amounts", IncomeShareRule},
      {"FA-PCT-002", fv1::SEVERITY_ERROR, kNarrative, "支出占比", "支出占比与金额不符",
       "expenditure share does not match the amounts", ExpenditureShareRule},
      {"FA-PCT-003", fv1::SEVERITY_ERROR, kNarrative, "一般公共预算占本年支出比例",
       "一般公共预算财政拨款支出占比与金额不符", "general-public-budget share does not match the amounts",
       GpbShare},
      {"FA-PCT-004", fv1::SEVERITY_ERROR, kNarrative, "功能分类类级占比", "类级支出占比与金额不符",
       "class share does not match the amounts", ClassShares},
      {"FA-PCT-005", fv1::SEVERITY_ERROR, kNarrative, "三公经费分项占比", "“三公”经费分项占比与金额不符",
       "三公 item share does not match the amounts", SangongShares},
      {"FA-PCT-006", fv1::SEVERITY_ERROR, kNarrative, "中小企业合同占比", "中小企业合同金额占比与金额不符",
       "SME share does not match the amounts", SmeShares},
      {"FA-PCT-007", fv1::SEVERITY_ERROR, kNarrative, "预算完成率", "预算完成率与金额不符",
       "budget completion rate does not match the amounts", CompletionRates},
      {"FA-PCT-008", fv1::SEVERITY_INFO, kNarrative, "百分比格式", "百分比格式不规范",
       "percentage format is irregular", PercentFormat},
  };
}

}  // namespace juesuan::validate
