#include "services/validate/src/rules/table_forms.h"

#include <optional>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"

namespace juesuan::validate {
namespace {

using Terms = std::vector<std::pair<AmountOperand, int>>;

// Cells of one side of a two-sided summary table (T1, T4), read on the
// side's first money column (决算数, or T4's 合计).
class SideReader {
 public:
  SideReader(RuleContext& ctx, const rv1::Table* table, int side) : ctx_(ctx), table_(table) {
    if (table_ != nullptr) side_ = SideOf(*table_, side);
  }
  bool ok() const { return table_ != nullptr && !side_.money.empty(); }
  const rv1::Table& table() const { return *table_; }
  const TableSide& side() const { return side_; }

  // The cell of the first row labelled `label`; a blank reads as zero.
  std::optional<AmountOperand> Cell(std::string_view label) {
    if (!ok()) return std::nullopt;
    const int row = SideRow(*table_, side_, label);
    return row < 0 ? std::nullopt : CellOrZero(ctx_, derived_, *table_, row, side_.money.front());
  }
  // The 总计 row: the last row labelled 总计 that prints a figure on this side.
  std::optional<AmountOperand> GrandTotal() {
    if (!ok()) return std::nullopt;
    for (int r = table_->rows_size() - 1; r >= 0; --r) {
      const auto& row = table_->rows(r);
      if (side_.name >= row.cells_size() || !Contains(row.cells(side_.name).raw(), "总计")) continue;
      return CellOrZero(ctx_, derived_, *table_, r, side_.money.front());
    }
    return std::nullopt;
  }
  std::optional<AmountOperand> CellAt(int row, int column) {
    return CellOrZero(ctx_, derived_, *table_, row, column);
  }

 private:
  RuleContext& ctx_;
  const rv1::Table* table_;
  TableSide side_;
  DerivedAmounts derived_;
};

// "八、社会保障和就业支出" → "社会保障和就业支出".
std::string WithoutListNumber(const std::string& label) {
  const size_t mark = label.find("、");
  return mark == std::string::npos || mark > 12 ? label : label.substr(mark + std::string("、").size());
}

bool StartsWithListNumber(const std::string& label) { return WithoutListNumber(label) != label; }

// Rows of a side whose name starts with a list number and that come after
// `after` and before `before` (T1's 一–八 income rows, the 类 rows).
std::vector<int> NumberedRows(const rv1::Table& t, const TableSide& side, int after, int before) {
  std::vector<int> rows;
  for (int r = after + 1; r < before && r < t.rows_size(); ++r) {
    const auto& row = t.rows(r);
    if (side.name < row.cells_size() && StartsWithListNumber(row.cells(side.name).raw())) rows.push_back(r);
  }
  return rows;
}

bool AllPresent(std::initializer_list<const std::optional<AmountOperand>*> ops) {
  for (const auto* op : ops) {
    if (!op->has_value()) return false;
  }
  return true;
}

void SideIdentity(RuleContext& ctx, std::string_view table_id, int side, std::string_view total_name,
                  std::initializer_list<std::string_view> parts) {
  SideReader reader(ctx, FindTable(ctx.report(), table_id), side);
  if (!reader.ok()) return;
  auto total = reader.GrandTotal();
  if (!total) return;
  Terms terms;
  std::string names;
  for (std::string_view label : parts) {
    auto op = reader.Cell(label);
    if (!op) return;
    terms.push_back({*op, 1});
    names += names.empty() ? std::string(label) : " + " + std::string(label);
  }
  RecordSum(ctx, [&] { return fmt::format("{} {} = {}", table_id, total_name, names); }, *total, terms);
}

}  // namespace

void TablesIncomeEqualsExpenditure(RuleContext& ctx) {
  const rv1::Table* t1 = FindTable(ctx.report(), "T1");
  SideReader in(ctx, t1, 0), out(ctx, t1, 1);
  auto a = in.GrandTotal();
  auto b = out.GrandTotal();
  if (AllPresent({&a, &b})) RecordSame(ctx, "T1 收入总计 = T1 支出总计", *a, *b, fv1::SEVERITY_INFO);
}

void TablesIncomeSide(RuleContext& ctx) {
  SideIdentity(ctx, "T1", 0, "收入总计", {"本年收入合计", "使用非财政拨款结余", "年初结转和结余"});
}

void TablesExpenditureSide(RuleContext& ctx) {
  SideIdentity(ctx, "T1", 1, "支出总计", {"本年支出合计", "结余分配", "年末结转和结余"});
}

void TablesFiscalIncomeSide(RuleContext& ctx) {
  SideIdentity(ctx, "T4", 0, "收入总计", {"本年收入合计", "年初财政拨款结转和结余"});
}

void TablesFiscalExpenditureSide(RuleContext& ctx) {
  SideIdentity(ctx, "T4", 1, "支出总计", {"本年支出合计", "年末财政拨款结转和结余"});
}

void TablesFiscalBalanced(RuleContext& ctx) {
  const rv1::Table* t4 = FindTable(ctx.report(), "T4");
  SideReader in(ctx, t4, 0), out(ctx, t4, 1);
  auto a = in.GrandTotal();
  auto b = out.GrandTotal();
  if (AllPresent({&a, &b})) RecordSame(ctx, "T4 收入总计 = T4 支出总计", *a, *b, fv1::SEVERITY_INFO);
}

void TablesIncomeParts(RuleContext& ctx) {
  SideReader in(ctx, FindTable(ctx.report(), "T1"), 0);
  if (!in.ok()) return;
  const int total_row = SideRow(in.table(), in.side(), "本年收入合计");
  if (total_row < 0) return;
  auto total = in.CellAt(total_row, in.side().money.front());
  if (!total) return;
  Terms terms;
  for (int r : NumberedRows(in.table(), in.side(), -1, total_row)) {
    auto op = in.CellAt(r, in.side().money.front());
    if (!op) return;
    terms.push_back({*op, 1});
  }
  if (terms.size() >= 2) RecordSum(ctx, "T1 本年收入合计 = Σ 收入 一–八", *total, terms);
}

void TablesExpenditureClasses(RuleContext& ctx) {
  SideReader out(ctx, FindTable(ctx.report(), "T1"), 1);
  if (!out.ok()) return;
  const int total_row = SideRow(out.table(), out.side(), "本年支出合计");
  if (total_row < 0) return;
  auto total = out.CellAt(total_row, out.side().money.front());
  if (!total) return;
  Terms terms;
  for (int r : NumberedRows(out.table(), out.side(), -1, total_row)) {
    auto op = out.CellAt(r, out.side().money.front());
    if (!op) return;
    if (op->printed.fen != 0) terms.push_back({*op, 1});
  }
  if (!terms.empty()) RecordSum(ctx, "T1 本年支出合计 = Σ 类", *total, terms);
}

void TablesBasicParts(RuleContext& ctx) {
  const rv1::Table* t5 = FindTable(ctx.report(), "T5");
  const rv1::Table* t6 = FindTable(ctx.report(), "T6");
  if (t5 == nullptr || t6 == nullptr) return;
  const int row = FindTotalRow(*t5);
  const int col = FindColumn(*t5, "basic");
  const auto [personnel_row, personnel_col] = FindLabelledCell(*t6, "人员经费合计");
  const auto [public_row, public_col] = FindLabelledCell(*t6, "公用经费合计");
  if (row < 0 || col < 0 || personnel_row < 0 || public_row < 0) return;
  DerivedAmounts derived;
  auto basic = CellOrZero(ctx, derived, *t5, row, col);
  auto a = CellOrZero(ctx, derived, *t6, personnel_row, personnel_col);
  auto b = CellOrZero(ctx, derived, *t6, public_row, public_col);
  if (AllPresent({&basic, &a, &b})) {
    RecordSum(ctx, "T5 合计.基本支出 = T6 人员经费合计 + 公用经费合计", *basic, {{*a, 1}, {*b, 1}});
  }
}

void TablesFiscalIncome(RuleContext& ctx) {
  const rv1::Table* t2 = FindTable(ctx.report(), "T2");
  SideReader t4(ctx, FindTable(ctx.report(), "T4"), 0);
  if (t2 == nullptr || !t4.ok()) return;
  const int row = FindTotalRow(*t2);
  const int col = FindColumn(*t2, "fiscal");
  if (row < 0 || col < 0) return;
  DerivedAmounts derived;
  auto year = t4.Cell("本年收入合计");
  auto fiscal = CellOrZero(ctx, derived, *t2, row, col);
  if (AllPresent({&year, &fiscal})) {
    RecordSame(ctx, "T2 合计.财政拨款收入 = T4 本年收入合计", *fiscal, *year, fv1::SEVERITY_INFO);
  }
}

void TablesFiscalExpenditure(RuleContext& ctx) {
  SideReader t4(ctx, FindTable(ctx.report(), "T4"), 1);
  if (!t4.ok()) return;
  const int year_row = SideRow(t4.table(), t4.side(), "本年支出合计");
  if (year_row < 0) return;
  DerivedAmounts derived;
  // Per fund type: T4 本年支出合计 in the fund's column = the fund table's 合计.
  struct Fund {
    std::string_view t4_role, table_id;
    std::vector<std::string_view> roles;
  };
  static const Fund kFunds[] = {{"general_public_budget", "T5", {"total"}},
                                {"government_fund", "T8", {"subtotal", "expenditure"}},
                                {"state_capital", "T9", {"subtotal", "expenditure"}}};
  for (const Fund& fund : kFunds) {
    const int t4_col = FindColumn(t4.table(), fund.t4_role);
    const rv1::Table* t = FindTable(ctx.report(), fund.table_id);
    if (t4_col < 0 || t == nullptr || t->empty()) continue;
    const int row = FindTotalRow(*t);
    int col = -1;
    for (std::string_view role : fund.roles) {
      if (col < 0) col = FindColumn(*t, role);
    }
    if (row < 0 || col < 0) continue;
    auto a = t4.CellAt(year_row, t4_col);
    auto b = CellOrZero(ctx, derived, *t, row, col);
    if (AllPresent({&a, &b})) {
      RecordSame(ctx, [&] { return fmt::format("T4 本年支出合计.{} = {} 合计", fund.t4_role, fund.table_id); }, *a, *b,
                 fv1::SEVERITY_INFO);
    }
  }
}


namespace {

// The 类 rows of a coded table (T3, T5) by name.
int ClassRowNamed(const rv1::Table& t, const std::string& name) {
  for (int r = 0; r < t.rows_size(); ++r) {
    if (t.rows(r).level() == rv1::ROW_LEVEL_CLASS && t.rows(r).label() == name) return r;
  }
  return -1;
}

// Every 类 row of a summary side (T1 right, T4 right) against the same 类 in
// a coded table, and the year totals.
void SameClasses(RuleContext& ctx, std::string_view summary_id, std::string_view summary_role,
                 std::string_view detail_id, std::initializer_list<std::string_view> detail_roles) {
  SideReader side(ctx, FindTable(ctx.report(), summary_id), 1);
  const rv1::Table* detail = FindTable(ctx.report(), detail_id);
  if (!side.ok() || detail == nullptr) return;
  const int side_col = summary_role.empty() ? side.side().money.front() : FindColumn(side.table(), summary_role);
  const int detail_col = FindColumnAny(*detail, detail_roles);
  const int year_row = SideRow(side.table(), side.side(), "本年支出合计");
  if (side_col < 0 || detail_col < 0 || year_row < 0) return;
  DerivedAmounts derived;
  for (int r : NumberedRows(side.table(), side.side(), -1, year_row)) {
    const std::string name = WithoutListNumber(side.table().rows(r).cells(side.side().name).raw());
    const int d = ClassRowNamed(*detail, name);
    if (d < 0) continue;  // a 类 the detail table does not list: zero there, checked by FA-SUM-004
    auto a = side.CellAt(r, side_col);
    auto b = CellOrZero(ctx, derived, *detail, d, detail_col);
    if (AllPresent({&a, &b})) {
      RecordSame(ctx, [&] { return fmt::format("{} {} = {} {}", summary_id, name, detail_id, detail->rows(d).code()); },
                 *a, *b,
                 fv1::SEVERITY_INFO);
    }
  }
  const int detail_total = FindTotalRow(*detail);
  if (detail_total < 0) return;
  auto a = side.CellAt(year_row, side_col);
  auto b = CellOrZero(ctx, derived, *detail, detail_total, detail_col);
  if (AllPresent({&a, &b})) {
    RecordSame(ctx, [&] { return fmt::format("{} 本年支出合计 = {} 合计", summary_id, detail_id); },
               *a, *b, fv1::SEVERITY_INFO);
  }
}

// T1's income rows 一–三 (本年 income by fund type, all fiscal) against
// T4's left side, whose first rows 一–三 are the same amounts.
void SameFiscalIncomeRows(RuleContext& ctx) {
  SideReader t1(ctx, FindTable(ctx.report(), "T1"), 0);
  SideReader t4(ctx, FindTable(ctx.report(), "T4"), 0);
  if (!t1.ok() || !t4.ok()) return;
  for (std::string_view key : {"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}) {
    auto a = t1.Cell(key);
    auto b = t4.Cell(key);  // the first 一/二/三 row on T4's left is the year's income
    if (AllPresent({&a, &b})) {
      RecordSame(ctx, [&] { return fmt::format("T1 {}收入 = T4 {}", key, key); }, *a, *b, fv1::SEVERITY_INFO);
    }
  }
}

}  // namespace

void SameLinesAcrossTables(RuleContext& ctx) {
  if (FindTable(ctx.report(), "T1") == nullptr && FindTable(ctx.report(), "T4") == nullptr) {
    ctx.Missing("T1 and T4 absent");
    return;
  }
  // All-source expenditure by 类: T1 right = T3 本年支出合计.
  SameClasses(ctx, "T1", "", "T3", {"expenditure", "total"});
  // 一般公共预算 expenditure by 类: T4 right 一般公共预算财政拨款 = T5 合计.
  SameClasses(ctx, "T4", "general_public_budget", "T5", {"total"});
  SameFiscalIncomeRows(ctx);
}

}  // namespace juesuan::validate
