// FA-JYF — 机关运行经费 (REFERENCE §3.12).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

void MatchesPublicCosts(RuleContext& ctx) {  // FA-JYF-001
  const auto& r = ctx.report();
  auto op = JUESUAN_AMOUNT(ctx, "op.amount", r.operating_cost(), amount);
  auto pub = JUESUAN_AMOUNT(ctx, "bas.public", r.basic(), public_);
  if (!op || !pub) return;
  // Without subordinate units the department is its own (行政/参公) level, so
  // the two definitions coincide; with units that may be 事业单位 only ≤ holds.
  const bool admin_only = r.profile().no_subordinate_units() || r.profile().units().empty();
  if (admin_only && ctx.layout().opcost_equals_public_when_admin_only()) {
    RecordSame(ctx, "op.amount = bas.public", *op, *pub, fv1::SEVERITY_WARNING);
  } else {
    RecordAtMost(ctx, "op.amount ≤ bas.public", *op, *pub, fv1::SEVERITY_WARNING);
  }
}

void RunningCostsAsProject(RuleContext& ctx) {  // FA-JYF-003
  const auto& r = ctx.report();
  auto op = JUESUAN_AMOUNT(ctx, "op.amount", r.operating_cost(), amount);
  auto pub = JUESUAN_AMOUNT(ctx, "bas.public", r.basic(), public_);
  if (!op || !pub) return;
  ctx.Ran();
  if (op->printed.fen != 0 || pub->printed.fen != 0) return;
  const auto& sg = r.sangong();
  auto running = ctx.Amount("sg.car_running.final", sg.has_car_running() && sg.car_running().has_final(),
                            sg.car_running().final());
  const bool running_costs = running && running->printed.fen > 0;
  // A project indicator or goal text naming running costs of the organ.
  const auto& keywords = ctx.config().text().opcost_in_project_keywords();
  std::vector<std::pair<std::string, const rv1::Indicator*>> project_rows;
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_PROJECT) continue;
    for (int k = 0; k < t.indicators_size(); ++k) {
      if (ContainsAny(t.indicators(k).level3(), keywords)) {
        project_rows.emplace_back(fmt::format("pp[{}].indicators[{}]", i, k), &t.indicators(k));
      }
    }
  }
  if (!running_costs && project_rows.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "机关运行经费和公用经费为零，但有运行性支出（可能列入项目支出）",
                            "operating cost and public costs are zero while running costs appear (likely booked as project spending)");
  f.set_relation("op.amount = 0 ∧ bas.public = 0 ∧ running costs > 0");
  AddOperand(f, *op);
  AddOperand(f, *pub);
  if (running_costs) AddOperand(f, *running);
  for (const auto& [name, ind] : project_rows) {
    AddOperand(f, name, ind->level3() + " " + ind->actual().raw(), ind->actual().raw(), ind->src());
  }
}

}  // namespace

std::vector<RuleDef> JyfRules() {
  using enum DataNeed;
  return {
      {"FA-JYF-001", fv1::SEVERITY_WARNING, kNarrative, "机关运行经费与公用经费", "机关运行经费与公用经费不一致",
       "operating cost disagrees with public costs", MatchesPublicCosts},
      {"FA-JYF-003", fv1::SEVERITY_INFO, kNarrative, "机关运行经费的合理性", "机关运行经费合理性",
       "plausibility of the operating cost", RunningCostsAsProject},
  };
}

}  // namespace juesuan::validate
