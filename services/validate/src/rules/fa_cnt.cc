// FA-CNT — counts (REFERENCE §3.8).
#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

// The fixed-asset vehicle count: as quoted in N.SANGONG, else from N.ASSETS.
const rv1::Count* AssetVehicles(const rv1::Report& r, std::string* name) {
  if (r.sangong().has_asset_vehicles()) {
    *name = "sg.asset_vehicles";
    return &r.sangong().asset_vehicles();
  }
  if (r.assets().has_vehicles()) {
    *name = "ast.vehicles";
    return &r.assets().vehicles();
  }
  return nullptr;
}

bool HasText(bool has, const rv1::Text& t) { return has && !t.text().empty(); }

void HoldingVersusAssets(RuleContext& ctx) {  // FA-CNT-001
  const auto& sg = ctx.report().sangong();
  std::string asset_name;
  const rv1::Count* assets = AssetVehicles(ctx.report(), &asset_name);
  if (!sg.has_car_holding() || assets == nullptr) {
    ctx.Missing("公务用车保有量 or 固定资产车辆 absent");
    return;
  }
  ctx.Ran();
  if (sg.car_holding().value() == assets->value()) return;
  const bool explained = HasText(sg.has_car_holding_vs_assets_reason(), sg.car_holding_vs_assets_reason());
  const bool needs = ctx.layout().vehicle_difference_needs_explanation();
  fv1::Finding& f = explained || !needs
                        ? ctx.Add(fv1::SEVERITY_INFO, explained ? "数量不同，已说明原因" : "数量不同",
                                  explained ? "counts differ, explanation given" : "counts differ")
                        : ctx.Add(fv1::SEVERITY_WARNING, "数量不同且未说明原因", "counts differ without explanation");
  f.set_relation("sg.car_holding = " + asset_name + " or explained");
  AddOperand(f, "sg.car_holding", sg.car_holding());
  AddOperand(f, asset_name, *assets);
  if (explained) AddOperand(f, "sg.car_holding_vs_assets_reason", sg.car_holding_vs_assets_reason());
  f.set_expected(std::to_string(assets->value()));
  f.set_tolerance("COUNT: exact");
}

// count > 0 ⇔ amount > 0.
void CountMatchesAmount(RuleContext& ctx, const char* count_name, bool has_count, const rv1::Count& count,
                        const char* amount_name, bool has_amount, const rv1::Amount& amount) {
  if (!has_count || !has_amount) {
    ctx.Missing(std::string(count_name) + " or " + amount_name + " absent");
    return;
  }
  auto op = ctx.Amount(amount_name, true, amount);
  if (!op) return;
  ctx.Ran();
  if ((count.value() > 0) == (op->printed.fen > 0)) return;
  fv1::Finding& f = ctx.Add();
  f.set_relation(fmt::format("{} > 0 ⇔ {} > 0", count_name, amount_name));
  AddOperand(f, count_name, count);
  AddOperand(f, *op);
}

void CountsOrdered(RuleContext& ctx, const char* small_name, bool has_small, const rv1::Count& small,
                   const char* large_name, bool has_large, const rv1::Count& large) {
  if (!has_small || !has_large) return;
  ctx.Ran();
  const bool zero_mismatch = (small.value() == 0) != (large.value() == 0);
  if (small.value() <= large.value() && !zero_mismatch) return;
  fv1::Finding& f = ctx.Add();
  f.set_relation(fmt::format("{} ≤ {}, both zero or both nonzero", small_name, large_name));
  AddOperand(f, small_name, small);
  AddOperand(f, large_name, large);
}

void Purchases(RuleContext& ctx) {  // FA-CNT-002
  const auto& sg = ctx.report().sangong();
  CountMatchesAmount(ctx, "sg.car_purchased", sg.has_car_purchased(), sg.car_purchased(), "sg.car_purchase.final",
                     sg.has_car_purchase() && sg.car_purchase().has_final(), sg.car_purchase().final());
}

void Abroad(RuleContext& ctx) {  // FA-CNT-003
  const auto& sg = ctx.report().sangong();
  CountMatchesAmount(ctx, "sg.abroad.groups", sg.has_abroad_groups(), sg.abroad_groups(), "sg.abroad.final",
                     sg.has_abroad() && sg.abroad().has_final(), sg.abroad().final());
  CountsOrdered(ctx, "sg.abroad.groups", sg.has_abroad_groups(), sg.abroad_groups(), "sg.abroad.persons",
                sg.has_abroad_persons(), sg.abroad_persons());
}

void Reception(RuleContext& ctx) {  // FA-CNT-004
  const auto& sg = ctx.report().sangong();
  CountMatchesAmount(ctx, "sg.reception.batches", sg.has_reception_batches(), sg.reception_batches(),
                     "sg.reception.final", sg.has_reception() && sg.reception().has_final(), sg.reception().final());
  CountsOrdered(ctx, "sg.reception.batches", sg.has_reception_batches(), sg.reception_batches(),
                "sg.reception.persons", sg.has_reception_persons(), sg.reception_persons());
  CountsOrdered(ctx, "sg.reception.foreign_batches", sg.has_reception_foreign_batches(),
                sg.reception_foreign_batches(), "sg.reception.batches", sg.has_reception_batches(),
                sg.reception_batches());
}

void RunningNeedsVehicles(RuleContext& ctx) {  // FA-CNT-005
  const auto& sg = ctx.report().sangong();
  auto running = ctx.Amount("sg.car_running.final", sg.has_car_running() && sg.car_running().has_final(),
                            sg.car_running().final());
  if (!running || !sg.has_car_holding()) {
    ctx.Missing("公务用车运行维护费 or 保有量 absent");
    return;
  }
  ctx.Ran();
  if (running->printed.fen <= 0 || sg.car_holding().value() > 0) return;
  if (HasText(sg.has_car_holding_vs_assets_reason(), sg.car_holding_vs_assets_reason())) return;
  fv1::Finding& f = ctx.Add();
  f.set_relation("sg.car_running > 0 ⇒ sg.car_holding > 0 or a borrowed-vehicle explanation");
  AddOperand(f, *running);
  AddOperand(f, "sg.car_holding", sg.car_holding());
}

void Departments(RuleContext& ctx) {  // FA-CNT-006
  const auto& p = ctx.report().profile();
  if (p.has_departments_count() && p.departments_size() > 0) {
    ctx.Ran();
    if (p.departments_count().value() != p.departments_size()) {
      fv1::Finding& f = ctx.Add();
      f.set_relation("下设N个科室 = number of names listed");
      AddOperand(f, "prof.departments_count", p.departments_count());
      for (int i = 0; i < p.departments_size(); ++i) AddOperand(f, fmt::format("prof.departments[{}]", i), p.departments(i));
      f.set_expected(std::to_string(p.departments_size()));
    }
  }
  if (p.has_subordinate_units() && p.units_size() > 0) {
    ctx.Ran();
    int listed = 0;
    for (const auto& u : p.units()) listed += u.is_own_level() ? 0 : 1;
    if (p.subordinate_units().value() != listed) {
      fv1::Finding& f = ctx.Add();
      f.set_relation("下属预算单位N个 = rows of 单位构成 minus 本级");
      AddOperand(f, "prof.subordinate_units", p.subordinate_units());
      f.set_expected(std::to_string(listed));
    }
  }
  if (!p.has_departments_count() && !p.has_subordinate_units()) ctx.Missing("no department counts");
}

void VehicleValue(RuleContext& ctx) {  // FA-CNT-007
  const auto& a = ctx.report().assets();
  auto value = JUESUAN_AMOUNT(ctx, "ast.vehicle_value", a, vehicle_value);
  if (!a.has_vehicles() || !value) return;
  ctx.Ran();
  if ((a.vehicles().value() > 0) == (value->printed.fen > 0)) return;
  fv1::Finding& f = ctx.Add();
  f.set_relation("ast.vehicles > 0 ⇔ ast.vehicle_value > 0");
  AddOperand(f, "ast.vehicles", a.vehicles());
  AddOperand(f, *value);
}

}  // namespace

std::vector<RuleDef> CntRules() {
  using enum DataNeed;
  return {
      {"FA-CNT-001", fv1::SEVERITY_WARNING, kNarrative, "公务用车保有量与固定资产车辆数",
       "公务用车保有量与固定资产车辆数", "vehicle holding versus from the fixed-asset vehicle count",
       HoldingVersusAssets},
      {"FA-CNT-002", fv1::SEVERITY_WARNING, kNarrative, "购置数与购置费", "公务用车购置数与购置费不一致",
       "vehicles purchased and purchase cost disagree", Purchases},
      {"FA-CNT-003", fv1::SEVERITY_WARNING, kNarrative, "出国团组、人次与费用", "因公出国（境）团组、人次与费用不一致",
       "trips abroad, persons and cost disagree", Abroad},
      {"FA-CNT-004", fv1::SEVERITY_WARNING, kNarrative, "接待批次、人次与费用", "公务接待批次、人次与费用不一致",
       "receptions, persons and cost disagree", Reception},
      {"FA-CNT-005", fv1::SEVERITY_WARNING, kNarrative, "有运行维护费须有车辆", "有公务用车运行维护费但无保有车辆且未说明",
       "vehicle running costs without vehicles or explanation", RunningNeedsVehicles},
      {"FA-CNT-006", fv1::SEVERITY_WARNING, kNarrative, "机构数量与名单一致", "所称机构数量与列出的名单不符",
       "the stated number of departments differs from the list", Departments},
      {"FA-CNT-007", fv1::SEVERITY_INFO, kNarrative, "车辆数量与价值一致", "车辆数量与价值不一致",
       "vehicle count and value disagree", VehicleValue},
  };
}

}  // namespace juesuan::validate
