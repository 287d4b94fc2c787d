// FA-EMP — empty-table declarations (REFERENCE §3.11).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

// Nonzero amounts of a fund appropriation, with their operands.
std::vector<AmountOperand> NonzeroAmounts(RuleContext& ctx, const std::string& base, const rv1::FundAppropriation& f) {
  std::vector<AmountOperand> out;
  const std::tuple<const char*, bool, const rv1::Amount*> kFields[] = {
      {"carry_in", f.has_carry_in(), &f.carry_in()},   {"income", f.has_income(), &f.income()},
      {"expend", f.has_expend(), &f.expend()},         {"expend_basic", f.has_expend_basic(), &f.expend_basic()},
      {"expend_project", f.has_expend_project(), &f.expend_project()},
      {"carry_out", f.has_carry_out(), &f.carry_out()}};
  for (const auto& [name, has, amount] : kFields) {
    if (!has) continue;
    if (auto op = ctx.Amount(base + "." + name, true, *amount); op && op->printed.fen != 0) out.push_back(*op);
  }
  return out;
}

void CheckFund(RuleContext& ctx, const std::string& base, const rv1::FundAppropriation& fund, bool present) {
  if (!present) {
    ctx.Missing(base + " section absent");
    return;
  }
  ctx.Ran();
  const auto nonzero = NonzeroAmounts(ctx, base, fund);
  const bool stated_empty = fund.has_empty_statement() && !fund.empty_statement().text().empty();
  if (nonzero.empty() && !fund.has_data() && !stated_empty) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "无数据但未作空表说明", "no data and no empty-table statement");
    f.set_relation("no data ⇒ explicit empty statement");
    f.set_expected("“…为空表” / “本表无数据”");
  } else if (stated_empty && !nonzero.empty()) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "声明为空表但列有金额", "declared empty while amounts are printed");
    f.set_relation("empty statement ⇒ all amounts zero");
    AddOperand(f, base + ".empty_statement", fund.empty_statement());
    for (const auto& op : nonzero) AddOperand(f, op);
    f.set_expected("0.00");
  }
}

void GovernmentFund(RuleContext& ctx) {  // FA-EMP-001
  CheckFund(ctx, "gf", ctx.report().government_fund(), ctx.report().has_government_fund());
}

void StateCapital(RuleContext& ctx) {  // FA-EMP-002
  CheckFund(ctx, "soe", ctx.report().state_capital(), ctx.report().has_state_capital());
}

void SangongNone(RuleContext& ctx) {  // FA-EMP-003
  const auto& sg = ctx.report().sangong();
  if (!ctx.report().has_sangong()) {
    ctx.Missing("N.SANGONG absent");
    return;
  }
  ctx.Ran();
  const bool none = sg.has_none_statement() && !sg.none_statement().text().empty();
  auto total = ctx.Amount("sg.total.final", sg.has_total() && sg.total().has_final(), sg.total().final());
  if (none && total && total->printed.fen != 0) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "声明无“三公”经费但列有金额", "declared none while an amount is printed");
    f.set_relation("无“三公”经费 ⇒ all zero");
    AddOperand(f, "sg.none_statement", sg.none_statement());
    AddOperand(f, *total);
    return;
  }
  const bool explicit_zero_lines = sg.has_abroad() && sg.has_car() && sg.has_reception();
  if (total && total->printed.fen == 0 && !none && !explicit_zero_lines) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), "“三公”经费为零但未作说明", "三公 total is zero without a statement");
    f.set_relation("sg.total = 0 ⇒ statement or explicit zero lines");
    AddOperand(f, *total);
  }
}

void OperatingCostNone(RuleContext& ctx) {  // FA-EMP-004
  const auto& op = ctx.report().operating_cost();
  auto amount = JUESUAN_AMOUNT(ctx, "op.amount", op, amount);
  if (!amount) return;
  ctx.Ran();
  // Xinjiang prints 0.00, which is accepted; Shanghai expects a sentence.
  if (amount->printed.fen != 0 || ctx.report().document().layout() != rv1::LAYOUT_SHANGHAI) return;
  if (op.has_none_statement() && !op.none_statement().text().empty()) return;
  fv1::Finding& f = ctx.Add();
  f.set_relation("op.amount = 0 ⇒ “无机关运行经费支出”");
  AddOperand(f, *amount);
}

}  // namespace

std::vector<RuleDef> EmpRules() {
  using enum DataNeed;
  return {
      {"FA-EMP-001", fv1::SEVERITY_ERROR, kNarrative, "政府性基金空表说明", "政府性基金预算财政拨款空表说明不符",
       "government-fund empty-table declaration is inconsistent", GovernmentFund},
      {"FA-EMP-002", fv1::SEVERITY_ERROR, kNarrative, "国有资本经营空表说明", "国有资本经营预算财政拨款空表说明不符",
       "state-capital empty-table declaration is inconsistent", StateCapital},
      {"FA-EMP-003", fv1::SEVERITY_WARNING, kNarrative, "三公经费为零的说明", "“三公”经费为零的说明不符",
       "zero 三公 declaration is inconsistent", SangongNone},
      {"FA-EMP-004", fv1::SEVERITY_INFO, kNarrative, "机关运行经费为零的说明", "机关运行经费为零但未作说明",
       "zero operating cost without a statement", OperatingCostNone},
  };
}

}  // namespace juesuan::validate
