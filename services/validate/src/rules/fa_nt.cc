// FA-NT — narrative ↔ table agreement (REFERENCE §3.6). The same quantity
// printed in the narrative and in a table: SAME class (exact; one quantum →
// warning).
//
// Table conventions (Report.tables, roles as services/parse/tables ColumnRole
// names them): rows are found by printed label or code. T1 and T4 are
// two-sided (name | 决算数 "final" per side; T4's right side 合计 "total" |
// "general_public_budget" | "government_fund" | "state_capital"); T2 合计 row
// "income" | "fiscal" | "superior_subsidy" | "business" | "operating_income" |
// "affiliated_remit" | "other_income"; T3 "expenditure" | "basic" | "project" |
// "remit_superior" | "operating" | "affiliated_subsidy"; T5 "total" | "basic" |
// "project"; T6 "final" beside each name block; T7 "budget."/"final." +
// "total" | "abroad" | "car.total" | "car.purchase" | "car.operation" |
// "reception";
// T8/T9 "carryover_begin" | "income" | "subtotal" | "basic" | "project" |
// "carryover_end". A blank or dash cell reads as zero (REFERENCE §1.6).
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

// The first row whose side's name cell contains `label` with an amount in
// the side's first money column.
int SideRowWithAmount(const rv1::Table& t, std::string_view label, const TableSide& side) {
  if (side.money.empty()) return -1;
  const int money = side.money.front();
  for (int r = 0; r < t.rows_size(); ++r) {
    const auto& row = t.rows(r);
    if (side.name >= row.cells_size() || money >= row.cells_size()) continue;
    if (!Contains(row.cells(side.name).raw(), label)) continue;
    if (row.cells(money).has_amount()) return r;
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
      const TableSide side = SideOf(*t, p.role == "income" ? 0 : 1);
      if (!side.money.empty()) {
        col = side.money.front();
        row = SideRowWithAmount(*t, p.label, side);
      }
    } else {
      row = RowWithAmount(*t, p.label, col);
      if (row < 0) {
        // Side-by-side blocks (T6 footers): the figure right of the label.
        const auto [r, c] = FindLabelledCell(*t, p.label);
        if (r >= 0 && t->rows(r).cells(c).has_amount()) row = r, col = c;
      }
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
      RecordSame(ctx, [&] { return fmt::format("{} = {} {}", p.narrative_name, table_id, p.label); }, *narrative, *cell,
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
    if (a && b) RecordSame(ctx, [&] { return fmt::format("{} = T5 {}", name, row.label()); },
                           *a, *b, fv1::SEVERITY_WARNING);
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

// ---- FA-NT-002 / 003: N.INCOME, N.EXPEND ------------------------------------------

// A narrative amount and where the tables print the same quantity.
struct TableLine {
  std::string name;                         // operand name, "inc.business"
  const rv1::Amount* narrative = nullptr;   // nullptr when the narrative does not print it
  std::vector<std::string_view> t1_labels;  // T1 rows (one side) that add up to it
  std::vector<std::string_view> roles;      // column of the T2/T3 合计 row
};

const rv1::Amount* ShareAmount(bool has, const rv1::Share& share) {
  return has && share.has_amount() ? &share.amount() : nullptr;
}

// The T1 cell(s) for `line` on `side`: one row read directly; several rows
// (一–三 for 财政拨款收入) only when all but the first print zero, so that
// the comparison stays a SAME between two printed values.
std::optional<AmountOperand> T1Operand(RuleContext& ctx, DerivedAmounts& derived, const rv1::Table& t1,
                                       int side_index, const TableLine& line) {
  const TableSide side = SideOf(t1, side_index);
  if (side.money.empty() || line.t1_labels.empty()) return std::nullopt;
  std::optional<AmountOperand> first;
  for (size_t i = 0; i < line.t1_labels.size(); ++i) {
    const int row = SideRow(t1, side, line.t1_labels[i]);
    if (row < 0) return std::nullopt;
    auto cell = CellOrZero(ctx, derived, t1, row, side.money.front());
    if (!cell) return std::nullopt;
    if (i == 0) first = cell;
    else if (cell->printed.fen != 0) return std::nullopt;
  }
  return first;
}

// Compares each narrative amount with T1 (preferred, REFERENCE §3.6 lists it
// first) or else with the 合计 row of the detail table.
void CompareLines(RuleContext& ctx, int t1_side, std::string_view detail_id, const std::vector<TableLine>& lines) {
  const rv1::Table* t1 = FindTable(ctx.report(), "T1");
  const rv1::Table* detail = FindTable(ctx.report(), detail_id);
  if (t1 == nullptr && detail == nullptr) {
    ctx.Missing(fmt::format("T1 and {} absent", detail_id));
    return;
  }
  DerivedAmounts derived;
  for (const TableLine& line : lines) {
    if (line.narrative == nullptr) continue;
    std::optional<AmountOperand> cell;
    std::string where;
    if (t1 != nullptr && (cell = T1Operand(ctx, derived, *t1, t1_side, line))) {
      where = fmt::format("T1 {}", line.t1_labels.front());
    } else if (detail != nullptr) {
      const int row = FindTotalRow(*detail);
      int col = -1;
      for (std::string_view role : line.roles) {
        if (col < 0) col = FindColumn(*detail, role);
      }
      if (row >= 0 && col >= 0) cell = CellOrZero(ctx, derived, *detail, row, col);
      where = fmt::format("{} 合计.{}", detail_id, col >= 0 ? detail->columns(col).role() : "?");
    }
    if (!cell) {
      ctx.Missing(fmt::format("no table cell for {}", line.name));
      continue;
    }
    if (auto narrative = ctx.Amount(line.name, true, *line.narrative)) {
      RecordSame(ctx, [&] { return fmt::format("{} = {}", line.name, where); },
                 *narrative, *cell, fv1::SEVERITY_WARNING);
    }
  }
}

void Income(RuleContext& ctx) {  // FA-NT-002
  const auto& in = ctx.report().income();
  CompareLines(
      ctx, 0, "T2",
      {{"inc.total", in.has_total() ? &in.total() : nullptr, {"本年收入合计"}, {"income", "total"}},
       {"inc.fiscal", ShareAmount(in.has_fiscal(), in.fiscal()),
        {"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}, {"fiscal"}},
       {"inc.superior_subsidy", ShareAmount(in.has_superior_subsidy(), in.superior_subsidy()), {"上级补助收入"},
        {"superior_subsidy"}},
       {"inc.business", ShareAmount(in.has_business(), in.business()), {"事业收入"}, {"business"}},
       {"inc.operating", ShareAmount(in.has_operating(), in.operating()), {"经营收入"}, {"operating_income"}},
       {"inc.affiliated", ShareAmount(in.has_affiliated(), in.affiliated()), {"附属单位上缴收入"},
        {"affiliated_remit"}},
       {"inc.other", ShareAmount(in.has_other(), in.other()), {"其他收入"}, {"other_income"}}});
}

void Expenditure(RuleContext& ctx) {  // FA-NT-003
  const auto& ex = ctx.report().expenditure();
  // T1 prints only the year's total; the split by nature is in T3 alone.
  CompareLines(
      ctx, 1, "T3",
      {{"exp.total", ex.has_total() ? &ex.total() : nullptr, {"本年支出合计"}, {"expenditure", "total"}},
       {"exp.basic", ShareAmount(ex.has_basic(), ex.basic()), {}, {"basic"}},
       {"exp.project", ShareAmount(ex.has_project(), ex.project()), {}, {"project"}},
       {"exp.to_superior", ShareAmount(ex.has_to_superior(), ex.to_superior()), {}, {"remit_superior"}},
       {"exp.operating", ShareAmount(ex.has_operating(), ex.operating()), {}, {"operating"}},
       {"exp.to_affiliated", ShareAmount(ex.has_to_affiliated(), ex.to_affiliated()), {},
        {"affiliated_subsidy"}}});
}

// ---- FA-NT-007: N.SANGONG ↔ T7 ----------------------------------------------------

// T7 prints one data row: 合计 | 因公出国（境）费 | 公务用车购置及运行维护费
// {小计 | 购置费 | 运行维护费} | 公务接待费, each 预算数 | 决算数 (REFERENCE
// §1.6). The reader names each column by group and item ("budget.total",
// "final.car.purchase", …); the cells are found by those roles.

// The T7 column role of each narrative 三公 line (without "budget."/"final.").
constexpr std::pair<std::string_view, std::string_view> kSangongRoles[] = {
    {"sg.total", "total"},         {"sg.abroad", "abroad"},
    {"sg.car", "car.total"},       {"sg.car_purchase", "car.purchase"},
    {"sg.car_running", "car.operation"}, {"sg.reception", "reception"}};

void Sangong(RuleContext& ctx) {  // FA-NT-007
  const rv1::Table* t7 = FindTable(ctx.report(), "T7");
  if (t7 == nullptr) {
    ctx.Missing("T7 absent");
    return;
  }
  const int row = SangongRow(*t7);
  // A table that prints no row and says so ("故本表无数据") states zeros.
  const bool stated_empty = row < 0 && t7->empty() && t7->has_note() && Contains(t7->note().text(), "无数据");
  if (row < 0 && !stated_empty) {
    ctx.Missing("T7 has no data row");
    return;
  }
  DerivedAmounts derived;
  const auto items = SangongItems(ctx.report().sangong());
  for (const auto& [name, item] : items) {
    std::string_view item_role;
    for (const auto& [n, role] : kSangongRoles) {
      if (n == name) item_role = role;
    }
    if (item_role.empty()) continue;
    for (const bool final : {false, true}) {
      const rv1::Amount* printed = final ? (item->has_final() ? &item->final() : nullptr)
                                         : (item->has_budget() ? &item->budget() : nullptr);
      if (printed == nullptr) continue;
      const std::string what = final ? "final" : "budget";
      const std::string role = fmt::format("{}.{}", what, item_role);
      const int col = FindColumn(*t7, role);
      if (col < 0) {
        ctx.Missing(fmt::format("T7 has no {} column", role));
        continue;
      }
      std::optional<AmountOperand> cell;
      if (stated_empty) {
        cell = derived.Make(fmt::format("T7 {} (本表无数据)", t7->columns(col).header()), 0, 10'000,
                            t7->note().src());
        ctx.Ran();
      } else {
        cell = CellOrZero(ctx, derived, *t7, row, col);
      }
      auto narrative = ctx.Amount(std::string(name) + "." + what, true, *printed);
      if (narrative && cell) {
        // Structured bindings are captured by name: clang 14 (the fuzz build) refuses [&] for them.
        RecordSame(ctx, [&, name = name] { return fmt::format("{}.{} = T7 {}", name, what, t7->columns(col).header()); },
                   *narrative, *cell, fv1::SEVERITY_WARNING);
      }
    }
  }
}

// ---- FA-NT-008: N.GOVFUND / N.SOE ↔ T8 / T9 ------------------------------------------

// Nonzero money cells of a table (or of its column `only_role`), as operands.
void AddNonzeroCells(RuleContext& ctx, const rv1::Table& t, std::string_view only_role,
                     std::vector<AmountOperand>* out) {
  for (int r = 0; r < t.rows_size(); ++r) {
    for (int c = 0; c < t.rows(r).cells_size() && c < t.columns_size(); ++c) {
      if (!only_role.empty() && t.columns(c).role() != only_role) continue;
      if (t.rows(r).cells(c).kind() != rv1::CELL_KIND_NUMBER) continue;
      if (auto op = CellOperand(ctx, t, r, c); op && op->printed.fen != 0) out->push_back(*op);
    }
  }
}

// `t4_role`: the fund's column on T4's expenditure side, which an empty
// statement covers too.
void FundTable(RuleContext& ctx, std::string_view table_id, std::string_view t4_role, const std::string& base,
               bool present, const rv1::FundAppropriation& fund) {
  const rv1::Table* t = FindTable(ctx.report(), table_id);
  if (t == nullptr) {
    ctx.Missing(fmt::format("{} absent", table_id));
    return;
  }
  if (!present) {
    ctx.Missing(base + " section absent");
    return;
  }
  ctx.Ran();
  const bool stated_empty = fund.has_empty_statement() && !fund.empty_statement().text().empty();
  std::vector<AmountOperand> nonzero;
  AddNonzeroCells(ctx, *t, "", &nonzero);
  if (const rv1::Table* t4 = FindTable(ctx.report(), "T4")) AddNonzeroCells(ctx, *t4, t4_role, &nonzero);
  if (stated_empty && !fund.has_data() && !nonzero.empty()) {
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), fmt::format("说明为无数据，但{}列有金额", table_id),
                              fmt::format("the narrative states none while {} prints amounts", table_id));
    f.set_relation(fmt::format("{}.empty_statement ⇒ {} all zero", base, table_id));
    AddOperand(f, base + ".empty_statement", fund.empty_statement());
    for (const auto& op : nonzero) AddOperand(f, op);
    f.set_expected("0.00");
    return;
  }
  const bool any_amount = fund.has_carry_in() || fund.has_income() || fund.has_expend() ||
                          fund.has_expend_basic() || fund.has_expend_project() || fund.has_carry_out();
  if (!any_amount) return;  // an empty statement against an empty table: checked above
  const int row = FindTotalRow(*t);
  if (row < 0) {
    ctx.Missing(fmt::format("{} has no 合计 row", table_id));
    return;
  }
  DerivedAmounts derived;
  const std::tuple<const char*, bool, const rv1::Amount*, std::vector<std::string_view>> kLines[] = {
      {"carry_in", fund.has_carry_in(), &fund.carry_in(), {"carryover_begin"}},
      {"income", fund.has_income(), &fund.income(), {"income"}},
      {"expend", fund.has_expend(), &fund.expend(), {"subtotal", "expenditure", "total"}},
      {"expend_basic", fund.has_expend_basic(), &fund.expend_basic(), {"basic"}},
      {"expend_project", fund.has_expend_project(), &fund.expend_project(), {"project"}},
      {"carry_out", fund.has_carry_out(), &fund.carry_out(), {"carryover_end"}}};
  for (const auto& [name, has, amount, roles] : kLines) {
    if (!has) continue;
    int col = -1;
    for (std::string_view role : roles) {
      if (col < 0) col = FindColumn(*t, role);
    }
    auto cell = col >= 0 ? CellOrZero(ctx, derived, *t, row, col) : std::nullopt;
    if (!cell) {
      ctx.Missing(fmt::format("{} 合计 has no {} cell", table_id, name));
      continue;
    }
    if (auto narrative = ctx.Amount(base + "." + name, true, *amount)) {
      RecordSame(ctx, [&, name = name] { return fmt::format("{}.{} = {} 合计.{}", base, name, table_id, t->columns(col).role()); },
                 *narrative, *cell, fv1::SEVERITY_WARNING);
    }
  }
}

void Funds(RuleContext& ctx) {  // FA-NT-008
  const auto& r = ctx.report();
  FundTable(ctx, "T8", "government_fund", "gf", r.has_government_fund(), r.government_fund());
  FundTable(ctx, "T9", "state_capital", "soe", r.has_state_capital(), r.state_capital());
}

// ---- FA-NT-009: N.OPCOST ↔ Yunnan 三公 + 机关运行经费 table ---------------------------

// Y-T10 "财政拨款“三公”经费、行政参公单位机关运行经费情况表": its column
// layout is unknown (REFERENCE §1.6 [U]), so the cell is found either as a
// column headed 机关运行经费 (read on the total or single data row) or as a
// row labelled 机关运行经费 (read in its 决算数 column, else the first figure).
const rv1::Table* OperatingCostTable(const rv1::Report& report) {
  for (const auto& t : report.tables()) {
    if (Contains(t.title().text(), "机关运行经费")) return &t;
  }
  return nullptr;
}

std::optional<std::pair<int, int>> OperatingCostCell(const rv1::Table& t) {
  for (int c = 0; c < t.columns_size(); ++c) {
    if (!Contains(t.columns(c).header(), "机关运行经费")) continue;
    int row = FindTotalRow(t);
    if (row < 0 && t.rows_size() == 1) row = 0;
    if (row >= 0) return std::make_pair(row, c);
  }
  const int row = FindRowByLabel(t, "机关运行经费");
  if (row < 0) return std::nullopt;
  if (int c = FindColumnAny(t, {"final", "final.total", "amount"}); c >= 0) return std::make_pair(row, c);
  for (int c = 0; c < t.rows(row).cells_size(); ++c) {
    if (t.rows(row).cells(c).kind() == rv1::CELL_KIND_NUMBER) return std::make_pair(row, c);
  }
  return std::nullopt;
}

void OperatingCost(RuleContext& ctx) {  // FA-NT-009
  const rv1::Table* t = OperatingCostTable(ctx.report());
  if (t == nullptr) {
    ctx.Missing("no table with 机关运行经费 (Y-T10)");
    return;
  }
  const auto at = OperatingCostCell(*t);
  if (!at) {
    ctx.Missing("Y-T10 has no 机关运行经费 cell");
    return;
  }
  const auto& op = ctx.report().operating_cost();
  DerivedAmounts derived;
  auto narrative = JUESUAN_AMOUNT(ctx, "op.amount", op, amount);
  auto cell = CellOrZero(ctx, derived, *t, at->first, at->second);
  if (narrative && cell) {
    RecordSame(ctx, [&] { return fmt::format("op.amount = {} 机关运行经费", t->id()); },
               *narrative, *cell, fv1::SEVERITY_WARNING);
  }
}

}  // namespace

std::vector<RuleDef> NtRules() {
  using enum DataNeed;
  return {
      {"FA-NT-001", fv1::SEVERITY_ERROR, kTables, "总体情况与收入支出决算总表一致",
       "收支总体情况说明与《收入支出决算总表》不一致", "N.TOTAL disagrees with T1", Totals},
      {"FA-NT-002", fv1::SEVERITY_ERROR, kTables, "收入决算说明与决算表一致",
       "收入决算情况说明与《收入支出决算总表》/《收入决算表》不一致", "N.INCOME disagrees with T1/T2", Income},
      {"FA-NT-003", fv1::SEVERITY_ERROR, kTables, "支出决算说明与支出决算表一致",
       "支出决算情况说明与《支出决算表》不一致", "N.EXPEND disagrees with T3", Expenditure},
      {"FA-NT-004", fv1::SEVERITY_ERROR, kTables, "财政拨款说明与财政拨款收入支出决算总表一致",
       "财政拨款收支说明与《财政拨款收入支出决算总表》不一致", "N.FISCAL disagrees with T4", Fiscal},
      {"FA-NT-005", fv1::SEVERITY_ERROR, kTables, "一般公共预算说明与决算表一致",
       "一般公共预算财政拨款支出说明与决算表不一致", "N.GPB disagrees with T5", GeneralPublicBudget},
      {"FA-NT-006", fv1::SEVERITY_ERROR, kTables, "基本支出说明与决算表一致",
       "基本支出说明与决算表不一致", "N.BASIC disagrees with T5/T6", Basic},
      {"FA-NT-007", fv1::SEVERITY_ERROR, kTables, "“三公”经费说明与“三公”经费支出决算表一致",
       "“三公”经费说明与《财政拨款“三公”经费支出决算表》不一致", "N.SANGONG disagrees with T7", Sangong},
      {"FA-NT-008", fv1::SEVERITY_ERROR, kTables, "政府性基金、国有资本经营说明与决算表一致",
       "政府性基金/国有资本经营预算说明与决算表不一致", "N.GOVFUND / N.SOE disagree with T8 / T9", Funds},
      {"FA-NT-009", fv1::SEVERITY_ERROR, kTables, "机关运行经费说明与决算表一致",
       "机关运行经费说明与《财政拨款“三公”经费、行政参公单位机关运行经费情况表》不一致",
       "N.OPCOST disagrees with the Yunnan 三公 and operating-cost table", OperatingCost},
  };
}

}  // namespace juesuan::validate
