// FA-NT — narrative ↔ table agreement (REFERENCE §3.6). The same quantity
// printed in the narrative and in a table: SAME class (exact; one quantum →
// warning).
//
// Table conventions (Report.tables): rows are found by printed label or code,
// columns by Column.role — T1 "income" (left side) and "expenditure" (right
// side); T4 "income" (left) and "total" (right); T5 "total", "basic",
// "project"; T6 "final" (or "amount").
#include <vector>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

// The first row whose label contains `label` and that has an amount in `column`.
int RowWithAmount(const rv1::Table& t, std::string_view label, int column) {
  for (int r = 0; r < t.rows_size(); ++r) {
    const auto& row = t.rows(r);
    if (!Contains(row.label(), label) || column >= row.cells_size()) continue;
    if (row.cells(column).has_amount()) return r;
  }
  return -1;
}

// Two-sided tables (T1, T4: 收入 | 支出) print a name column followed by
// money columns on each side; a reader may give the money columns a generic
// role ("final"). Side 0 is the income side, side 1 the expenditure side.
struct SideColumns {
  int name = -1;
  int money = -1;
};

SideColumns SideOf(const rv1::Table& t, int side) {
  std::vector<int> names;
  for (int i = 0; i < t.columns_size(); ++i) {
    if (t.columns(i).role() == "name") names.push_back(i);
  }
  SideColumns out;
  if (side >= static_cast<int>(names.size())) return out;
  out.name = names[side];
  const int end = side + 1 < static_cast<int>(names.size()) ? names[side + 1] : t.columns_size();
  for (int i = out.name + 1; i < end; ++i) {
    const std::string& role = t.columns(i).role();
    if (role == "final" || role == "income" || role == "expenditure" || role == "total") {
      out.money = i;
      break;
    }
  }
  return out;
}

// The first row whose side's name cell contains `label` with an amount.
int SideRowWithAmount(const rv1::Table& t, std::string_view label, const SideColumns& side) {
  for (int r = 0; r < t.rows_size(); ++r) {
    const auto& row = t.rows(r);
    if (side.name >= row.cells_size() || side.money >= row.cells_size()) continue;
    if (!Contains(row.cells(side.name).raw(), label)) continue;
    if (row.cells(side.money).has_amount()) return r;
  }
  return -1;
}

struct Pairing {
  std::string_view label;
  std::string_view role;
  const char* narrative_name;
  bool present;
  const rv1::Amount* narrative;
};

void CompareAll(RuleContext& ctx, std::string_view table_id, const std::vector<Pairing>& pairs) {
  const rv1::Table* t = FindTable(ctx.report(), table_id);
  if (t == nullptr) {
    ctx.Missing(std::string(table_id) + " absent");
    return;
  }
  for (const Pairing& p : pairs) {
    if (!p.present) continue;
    int col = FindColumn(*t, p.role);
    int row = -1;
    if (col < 0) {
      const SideColumns side = SideOf(*t, p.role == "income" ? 0 : 1);
      if (side.money >= 0) {
        col = side.money;
        row = SideRowWithAmount(*t, p.label, side);
      }
    } else {
      row = RowWithAmount(*t, p.label, col);
    }
    if (col < 0) {
      ctx.Missing(fmt::format("{} has no {} column", table_id, p.role));
      continue;
    }
    if (row < 0) {
      ctx.Missing(fmt::format("{} row {} absent", table_id, p.label));
      continue;
    }
    auto narrative = ctx.Amount(p.narrative_name, true, *p.narrative);
    auto cell = CellOperand(ctx, *t, row, col);
    if (narrative && cell) {
      RecordSame(ctx, fmt::format("{} = {} {}", p.narrative_name, table_id, p.label), *narrative, *cell,
                 fv1::SEVERITY_WARNING);
    }
  }
}

void Totals(RuleContext& ctx) {  // FA-NT-001
  const auto& t = ctx.report().totals();
  CompareAll(ctx, "T1",
             {{"本年收入合计", "income", "tot.income_year", t.has_income_year(), &t.income_year()},
              {"使用非财政拨款结余", "income", "tot.use_nonfiscal_surplus", t.has_use_nonfiscal_surplus(),
               &t.use_nonfiscal_surplus()},
              {"年初结转和结余", "income", "tot.carry_in", t.has_carry_in(), &t.carry_in()},
              {"总计", "income", "tot.income_total", t.has_income_total(), &t.income_total()},
              {"总计", "income", "tot.income_expend_total", t.has_income_expend_total(), &t.income_expend_total()},
              {"本年支出合计", "expenditure", "tot.expend_year", t.has_expend_year(), &t.expend_year()},
              {"结余分配", "expenditure", "tot.surplus_distribution", t.has_surplus_distribution(),
               &t.surplus_distribution()},
              {"年末结转和结余", "expenditure", "tot.carry_out", t.has_carry_out(), &t.carry_out()},
              {"总计", "expenditure", "tot.expend_total", t.has_expend_total(), &t.expend_total()}});
}

void Fiscal(RuleContext& ctx) {  // FA-NT-004
  const auto& f = ctx.report().fiscal();
  CompareAll(ctx, "T4",
             {{"本年收入合计", "income", "fis.income_year", f.has_income_year(), &f.income_year()},
              {"年初财政拨款结转和结余", "income", "fis.carry_in", f.has_carry_in(), &f.carry_in()},
              {"总计", "income", "fis.income_total", f.has_income_total(), &f.income_total()},
              {"总计", "income", "fis.income_expend_total", f.has_income_expend_total(), &f.income_expend_total()},
              {"本年支出合计", "total", "fis.expend_year", f.has_expend_year(), &f.expend_year()},
              {"年末财政拨款结转和结余", "total", "fis.carry_out", f.has_carry_out(), &f.carry_out()},
              {"总计", "total", "fis.expend_total", f.has_expend_total(), &f.expend_total()}});
}

void GeneralPublicBudget(RuleContext& ctx) {  // FA-NT-005
  const rv1::Table* t5 = FindTable(ctx.report(), "T5");
  if (t5 == nullptr) {
    ctx.Missing("T5 absent");
    return;
  }
  const auto& gpb = ctx.report().general_public_budget();
  const int col = FindColumn(*t5, "total");
  if (col < 0) {
    ctx.Missing("T5 has no total column");
    return;
  }
  for (int r = 0; r < t5->rows_size(); ++r) {
    const auto& row = t5->rows(r);
    const rv1::Amount* narrative = nullptr;
    std::string name;
    if ((row.level() == rv1::ROW_LEVEL_TOTAL || row.is_total()) && gpb.has_total()) {
      narrative = &gpb.total();
      name = "gpb.total";
    } else if (row.level() == rv1::ROW_LEVEL_CLASS) {
      for (const auto& c : gpb.classes()) {
        if ((!c.code().empty() && c.code() == row.code()) || (!row.label().empty() && Contains(row.label(), c.name()))) {
          if (c.has_amount()) narrative = &c.amount(), name = "gpb.classes." + c.name();
        }
      }
    } else if (row.level() == rv1::ROW_LEVEL_ITEM) {
      for (const auto& item : gpb.items()) {
        if (!item.code().empty() && item.code() == row.code() && item.has_amount()) {
          narrative = &item.amount(), name = "gpb.items." + item.code();
        }
      }
    }
    if (narrative == nullptr) continue;
    auto a = ctx.Amount(name, true, *narrative);
    auto b = CellOperand(ctx, *t5, r, col);
    if (a && b) RecordSame(ctx, fmt::format("{} = T5 {}", name, row.label()), *a, *b, fv1::SEVERITY_WARNING);
  }
}

void Basic(RuleContext& ctx) {  // FA-NT-006
  const auto& b = ctx.report().basic();
  CompareAll(ctx, "T6",
             {{"人员经费合计", "final", "bas.personnel", b.has_personnel(), &b.personnel()},
              {"公用经费合计", "final", "bas.public", b.has_public_(), &b.public_()}});
  const rv1::Table* t5 = FindTable(ctx.report(), "T5");
  if (t5 == nullptr || !b.has_total()) return;
  const int col = FindColumn(*t5, "basic");
  for (int r = 0; r < t5->rows_size() && col >= 0; ++r) {
    if (t5->rows(r).level() != rv1::ROW_LEVEL_TOTAL && !t5->rows(r).is_total()) continue;
    auto a = ctx.Amount("bas.total", true, b.total());
    auto cell = CellOperand(ctx, *t5, r, col);
    if (a && cell) RecordSame(ctx, "bas.total = T5 合计.basic", *a, *cell, fv1::SEVERITY_WARNING);
    break;
  }
}

}  // namespace

std::vector<RuleDef> NtRules() {
  using enum DataNeed;
  return {
      {"FA-NT-001", fv1::SEVERITY_ERROR, kTables, "总体情况与收入支出决算总表一致",
       "收支总体情况说明与《收入支出决算总表》不一致", "N.TOTAL disagrees with T1", Totals},
      {"FA-NT-004", fv1::SEVERITY_ERROR, kTables, "财政拨款说明与财政拨款收入支出决算总表一致",
       "财政拨款收支说明与《财政拨款收入支出决算总表》不一致", "N.FISCAL disagrees with T4", Fiscal},
      {"FA-NT-005", fv1::SEVERITY_ERROR, kTables, "一般公共预算说明与决算表一致",
       "一般公共预算财政拨款支出说明与决算表不一致", "N.GPB disagrees with T5", GeneralPublicBudget},
      {"FA-NT-006", fv1::SEVERITY_ERROR, kTables, "基本支出说明与决算表一致",
       "基本支出说明与决算表不一致", "N.BASIC disagrees with T5/T6", Basic},
  };
}

}  // namespace juesuan::validate
