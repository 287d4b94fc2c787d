// FA-SUM — sums of parts (REFERENCE §3.2), narrative and table forms.
#include <map>
#include <tuple>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"
#include "services/validate/src/rules/table_forms.h"

namespace juesuan::validate {
namespace {

using Terms = std::vector<std::pair<AmountOperand, int>>;

// Adds every share's amount; false when one is missing.
bool AddShareAmounts(RuleContext& ctx, const std::vector<std::pair<std::string, const rv1::Share*>>& shares,
                     Terms* terms) {
  for (const auto& [name, share] : shares) {
    auto op = ctx.Amount(name, share->has_amount(), share->amount());
    if (!op) return false;
    terms->push_back({*op, 1});
  }
  return !terms->empty();
}

void IncomeParts(RuleContext& ctx) {  // FA-SUM-001
  TablesIncomeParts(ctx);
  const rv1::Amount* total = ResolveAmount(ctx.report(), "tot.income_year");
  auto year = ctx.Amount("tot.income_year", total);
  Terms terms;
  if (!year || !AddShareAmounts(ctx, IncomeShares(ctx.report().income()), &terms)) return;
  RecordSum(ctx, "tot.income_year = Σ inc.*", *year, terms);
}

void FiscalByFundType(RuleContext& ctx) {  // FA-SUM-002
  // The narrative rarely splits 财政拨款收入 by fund type; T1 rows 一–三 do.
  const rv1::Table* t1 = FindTable(ctx.report(), "T1");
  const auto& in = ctx.report().income();
  if (t1 == nullptr || !in.has_fiscal()) {
    ctx.Missing("fund-type split of 财政拨款收入 not available (needs T1)");
    return;
  }
  // T1's income side: the name column and its 决算数 (REFERENCE §1.6).
  const TableSide side = SideOf(*t1, 0);
  std::map<std::string, int> rows;
  for (const char* key : {"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}) {
    if (int r = SideRow(*t1, side, key); r >= 0) rows[key] = r;
  }
  if (side.money.empty() || rows.size() != 3) {
    ctx.Missing("T1 fund-type rows not found");
    return;
  }
  auto fiscal = ctx.Amount("inc.fiscal", in.fiscal().has_amount(), in.fiscal().amount());
  DerivedAmounts derived;
  Terms terms;
  for (const auto& [key, r] : rows) {
    auto op = CellOrZero(ctx, derived, *t1, r, side.money.front());
    if (!op) return;
    terms.push_back({*op, 1});
  }
  if (fiscal) RecordSum(ctx, "inc.fiscal = T1 一般公共预算 + 政府性基金 + 国有资本经营", *fiscal, terms);
}

void ExpenditureParts(RuleContext& ctx) {  // FA-SUM-003
  const rv1::Amount* total = ResolveAmount(ctx.report(), "tot.expend_year");
  auto year = ctx.Amount("tot.expend_year", total);
  Terms terms;
  if (!year || !AddShareAmounts(ctx, ExpenditureShares(ctx.report().expenditure()), &terms)) return;
  RecordSum(ctx, "tot.expend_year = Σ exp.*", *year, terms);
}

// ---- table helpers -----------------------------------------------------------------

int MoneyColumn(const rv1::Table& t, std::initializer_list<std::string_view> roles) {
  for (std::string_view role : roles) {
    if (int c = FindColumn(t, role); c >= 0) return c;
  }
  return -1;
}

int TotalRow(const rv1::Table& t) {
  for (int r = 0; r < t.rows_size(); ++r) {
    if (t.rows(r).level() == rv1::ROW_LEVEL_TOTAL || t.rows(r).is_total()) return r;
  }
  return -1;
}

bool IsChildCode(const std::string& parent, const std::string& child, size_t child_len) {
  return child.size() == child_len && child.compare(0, parent.size(), parent) == 0;
}

// `parent` = Σ children in `column`, children selected by code prefix and length.
// A blank or dash child cell reads as zero (REFERENCE §1.6) instead of
// dropping the whole relation; a text cell still does.
void CheckChildren(RuleContext& ctx, const rv1::Table& t, int parent_row, int column, size_t child_len,
                   std::string_view what, fv1::Severity beyond = fv1::SEVERITY_UNSPECIFIED) {
  const std::string& code = t.rows(parent_row).code();
  DerivedAmounts blanks;
  Terms terms;
  for (int r = 0; r < t.rows_size(); ++r) {
    if (r == parent_row || !IsChildCode(code, t.rows(r).code(), child_len)) continue;
    auto op = CellOrZero(ctx, blanks, t, r, column);
    if (!op) return;
    terms.push_back({*op, 1});
  }
  if (terms.empty()) return;
  auto parent = CellOperand(ctx, t, parent_row, column);
  if (!parent) return;
  RecordSum(ctx, [&] { return fmt::format("{} {} {} = Σ {}", t.id(), code, t.columns(column).role(), what); }, *parent,
            terms, beyond);
}

bool IsMoneyColumn(const rv1::Table& t, int column) {
  const std::string& role = t.columns(column).role();
  return !role.empty() && role != "code" && role != "name";
}

constexpr std::string_view kHierarchyTables[] = {"T2", "T3", "T4", "T5", "T8", "T9"};

void TableTotalIsSumOfClasses(RuleContext& ctx, const rv1::Table& t, int column) {
  const int total = TotalRow(t);
  if (total < 0) return;
  Terms terms;
  for (int r = 0; r < t.rows_size(); ++r) {
    if (t.rows(r).level() != rv1::ROW_LEVEL_CLASS) continue;
    auto op = CellOperand(ctx, t, r, column);
    if (!op) return;
    terms.push_back({*op, 1});
  }
  auto sum = CellOperand(ctx, t, total, column);
  if (sum && !terms.empty()) {
    RecordSum(ctx, [&] { return fmt::format("{} 合计.{} = Σ 类", t.id(), t.columns(column).role()); }, *sum, terms);
  }
}

void ClassRowsSumToTotal(RuleContext& ctx) {  // FA-SUM-004
  TablesExpenditureClasses(ctx);
  const rv1::Table* t3 = FindTable(ctx.report(), "T3");
  if (t3 == nullptr) {
    ctx.Missing("T3 absent");
    return;
  }
  const int col = MoneyColumn(*t3, {"expenditure", "total"});
  if (col < 0) {
    ctx.Missing("T3 has no total column");
    return;
  }
  TableTotalIsSumOfClasses(ctx, *t3, col);
  if (auto year = ctx.Amount("tot.expend_year", ctx.report().totals().has_expend_year(),
                             ctx.report().totals().expend_year())) {
    if (int total = TotalRow(*t3); total >= 0) {
      if (auto cell = CellOperand(ctx, *t3, total, col)) {
        RecordSame(ctx, "tot.expend_year = T3 合计.本年支出合计", *year, *cell, fv1::SEVERITY_WARNING);
      }
    }
  }
}

void ClassIsSumOfItems(RuleContext& ctx) {  // FA-SUM-005
  // Narrative: each 类 of N.GPB.STRUCT = Σ the N.GPB.DETAIL 项 under it.
  const auto& gpb = ctx.report().general_public_budget();
  for (int c = 0; c < gpb.classes_size(); ++c) {
    const auto& cls = gpb.classes(c);
    Terms terms;
    bool complete = true;
    for (int i = 0; i < gpb.items_size(); ++i) {
      const auto& item = gpb.items(i);
      const bool under = (!item.path().empty() && item.path(0) == cls.name()) ||
                         (!cls.code().empty() && item.code().rfind(cls.code(), 0) == 0);
      if (!under) continue;
      auto op = ctx.Amount(OperandName::Join({"gpb.items[", i, "] ", item.path()}), item.has_amount(),
                           item.amount());
      if (!op) {
        complete = false;
        break;
      }
      terms.push_back({*op, 1});
    }
    auto total = ctx.Amount(OperandName::Join({"gpb.classes[", c, "] ", cls.name()}), cls.has_amount(), cls.amount());
    if (complete && total && !terms.empty()) {
      RecordSum(ctx, [&] { return fmt::format("{} = Σ 项 under it", cls.name()); }, *total, terms);
    }
  }
  // Tables: 类 = Σ 款, 款 = Σ 项, per money column.
  for (std::string_view id : kHierarchyTables) {
    const rv1::Table* t = FindTable(ctx.report(), id);
    if (t == nullptr) continue;
    for (int col = 0; col < t->columns_size(); ++col) {
      if (!IsMoneyColumn(*t, col)) continue;
      for (int r = 0; r < t->rows_size(); ++r) {
        const auto& row = t->rows(r);
        if (row.level() == rv1::ROW_LEVEL_CLASS && row.code().size() == 3) {
          CheckChildren(ctx, *t, r, col, 5, "款");
        } else if (row.level() == rv1::ROW_LEVEL_SECTION && row.code().size() == 5) {
          CheckChildren(ctx, *t, r, col, 7, "项");
        }
      }
    }
  }
}

// The budget a budget-vs-final statement prints for one kind: 年初 (annual =
// false) or 全年/调整后 (annual = true), including the SH "全年预算为A万元"
// printed beside a 年初 budget.
const rv1::Amount* BudgetOfKind(const rv1::BudgetVsFinal& b, bool annual) {
  const bool labelled_annual = b.kind() == rv1::BUDGET_KIND_ANNUAL || b.kind() == rv1::BUDGET_KIND_ADJUSTED;
  if (b.has_budget() && b.kind() != rv1::BUDGET_KIND_UNSPECIFIED && labelled_annual == annual) return &b.budget();
  if (annual && b.has_annual_budget()) return &b.annual_budget();
  return nullptr;
}

// The budget column of N.GPB.DETAIL: the 一般公共预算 budget of a kind is the
// sum of the 项 budgets of that kind, when every 项 prints one.
void ItemBudgetsAddUp(RuleContext& ctx) {
  const auto& gpb = ctx.report().general_public_budget();
  if (!gpb.has_budget_vs_final() || gpb.items_size() == 0) return;
  for (bool annual : {false, true}) {
    const rv1::Amount* budget = BudgetOfKind(gpb.budget_vs_final(), annual);
    if (budget == nullptr) continue;
    const char* kind = annual ? "全年" : "年初";
    auto total = ctx.Amount(fmt::format("gpb.bvf.{}预算", kind), budget);
    Terms terms;
    for (int i = 0; i < gpb.items_size() && total; ++i) {
      const rv1::Amount* item = BudgetOfKind(gpb.items(i).budget_vs_final(), annual);
      auto op = ctx.Amount(fmt::format("gpb.items[{}].bvf.{}预算 {}", i, kind, fmt::join(gpb.items(i).path(), "/")), item);
      if (!op) {
        terms.clear();
        break;
      }
      terms.push_back({*op, 1});
    }
    if (total && !terms.empty()) RecordSum(ctx, [&] { return fmt::format("gpb {}预算 = Σ 项 {}预算", kind, kind); },
                                           *total, terms);
  }
}

void ColumnTotals(RuleContext& ctx) {  // FA-SUM-006
  const auto& gpb = ctx.report().general_public_budget();
  auto total = JUESUAN_AMOUNT(ctx, "gpb.total", gpb, total);
  if (total && gpb.classes_size() > 0) {
    Terms terms;
    bool complete = true;
    for (int c = 0; c < gpb.classes_size(); ++c) {
      auto op = ctx.Amount(OperandName::Join({"gpb.classes[", c, "] ", gpb.classes(c).name()}),
                           gpb.classes(c).has_amount(), gpb.classes(c).amount());
      if (!op) complete = false;
      else terms.push_back({*op, 1});
    }
    if (complete) RecordSum(ctx, "gpb.total = Σ gpb.classes", *total, terms);
  }
  if (total && gpb.items_size() > 0) {
    Terms terms;
    bool complete = true;
    for (int i = 0; i < gpb.items_size(); ++i) {
      auto op = ctx.Amount(OperandName::Join({"gpb.items[", i, "] ", gpb.items(i).path()}),
                           gpb.items(i).has_amount(), gpb.items(i).amount());
      if (!op) complete = false;
      else terms.push_back({*op, 1});
    }
    if (complete) RecordSum(ctx, "gpb.total = Σ gpb.items", *total, terms);
  }
  ItemBudgetsAddUp(ctx);
  for (std::string_view id : kHierarchyTables) {
    if (id == "T3") continue;  // FA-SUM-004
    const rv1::Table* t = FindTable(ctx.report(), id);
    if (t == nullptr) continue;
    for (int col = 0; col < t->columns_size(); ++col) {
      if (IsMoneyColumn(*t, col)) TableTotalIsSumOfClasses(ctx, *t, col);
    }
  }
}

// Column roles as the table readers name them (services/parse/tables
// ColumnRole): the first role of `total_roles` the table has is the total.
struct CrossFoot {
  std::string_view table;
  std::vector<std::string_view> total_roles;
  std::vector<std::string_view> part_roles;
};

void RowCrossFoot(RuleContext& ctx) {  // FA-SUM-007
  static const std::vector<CrossFoot> kCrossFeet = {
      {"T2", {"income", "total"},
       {"fiscal", "superior_subsidy", "business", "operating_income", "affiliated_remit", "other_income"}},
      {"T3", {"expenditure", "total"}, {"basic", "project", "remit_superior", "operating", "affiliated_subsidy"}},
      {"T4", {"total"}, {"general_public_budget", "government_fund", "state_capital"}},
      {"T5", {"total"}, {"basic", "project"}},
      {"T8", {"subtotal", "expenditure"}, {"basic", "project"}},
      {"T9", {"subtotal", "expenditure"}, {"basic", "project"}},
  };
  bool any_table = false;
  for (const CrossFoot& cf : kCrossFeet) {
    const rv1::Table* t = FindTable(ctx.report(), cf.table);
    if (t == nullptr) continue;
    any_table = true;
    int total_col = -1;
    for (auto role : cf.total_roles) {
      if (total_col < 0) total_col = FindColumn(*t, role);
    }
    std::vector<int> part_cols;
    for (auto role : cf.part_roles) {
      if (int c = FindColumn(*t, role); c >= 0) part_cols.push_back(c);
    }
    if (total_col < 0 || part_cols.size() < 2) continue;
    for (int r = 0; r < t->rows_size(); ++r) {
      auto total = CellOperand(ctx, *t, r, total_col);
      if (!total) continue;
      // A blank part column reads as zero (REFERENCE §1.6): T4 prints its
      // 政府性基金 and 国有资本经营 columns blank.
      DerivedAmounts blanks;
      Terms terms;
      for (int c : part_cols) {
        if (auto op = CellOrZero(ctx, blanks, *t, r, c)) terms.push_back({*op, 1});
      }
      if (terms.size() == part_cols.size()) {
        RecordSum(ctx, [&] { return fmt::format("{} row {}: {} = Σ parts", t->id(), t->rows(r).label(),
                                   t->columns(total_col).role()); },
                  *total, terms);
      }
    }
  }
  if (!any_table) ctx.Missing("T2–T5, T8, T9 absent");
}

void BasicParts(RuleContext& ctx) {  // FA-SUM-008
  TablesBasicParts(ctx);
  const auto& b = ctx.report().basic();
  auto total = JUESUAN_AMOUNT(ctx, "bas.total", b, total);
  auto personnel = JUESUAN_AMOUNT(ctx, "bas.personnel", b, personnel);
  auto pub = JUESUAN_AMOUNT(ctx, "bas.public", b, public_);
  if (total && personnel && pub) {
    RecordSum(ctx, "bas.total = bas.personnel + bas.public", *total, {{*personnel, 1}, {*pub, 1}});
  }
}

int RowByCode(const rv1::Table& t, std::string_view code) {
  for (int r = 0; r < t.rows_size(); ++r) {
    if (t.rows(r).code() == code) return r;
  }
  return -1;
}

int RowByLabel(const rv1::Table& t, std::string_view label) {
  for (int r = 0; r < t.rows_size(); ++r) {
    if (Contains(t.rows(r).label(), label)) return r;
  }
  return -1;
}

void EconomicClasses(RuleContext& ctx) {  // FA-SUM-009
  const rv1::Table* t6 = FindTable(ctx.report(), "T6");
  if (t6 == nullptr) {
    ctx.Missing("T6 absent");
    return;
  }
  const int col = MoneyColumn(*t6, {"final", "amount", "total"});
  if (col < 0) {
    ctx.Missing("T6 has no amount column");
    return;
  }
  DerivedAmounts blanks;
  auto footer = [&](std::string_view label, std::initializer_list<std::string_view> classes) {
    auto [f, f_col] = FindLabelledCell(*t6, label);
    if (f < 0) std::tie(f, f_col) = std::pair{RowByLabel(*t6, label), col};
    if (f < 0) return;
    Terms terms;
    for (auto code : classes) {
      if (int r = RowByCode(*t6, code); r >= 0) {
        if (auto op = CellOrZero(ctx, blanks, *t6, r, RowMoneyColumn(*t6, r, col))) terms.push_back({*op, 1});
      }
    }
    auto total = CellOperand(ctx, *t6, f, f_col);
    if (total && !terms.empty()) {
      RecordSum(ctx, [&] { return fmt::format("T6 {} = Σ 经济分类类", label); }, *total, terms);
    }
  };
  footer("人员经费合计", {"301", "303"});
  footer("公用经费合计", {"302", "310", "307", "399"});
  // 3-digit class = Σ its 5-digit items, in the class's own block: the peer
  // uses a loose check, so beyond tolerance this is a warning only (footers
  // above are errors).
  for (int r = 0; r < t6->rows_size(); ++r) {
    if (t6->rows(r).code().size() != 3) continue;
    CheckChildren(ctx, *t6, r, RowMoneyColumn(*t6, r, col), 5, "款", fv1::SEVERITY_WARNING);
  }
}

// T7 prints the same sums as N.SANGONG in its one data row: `total` = Σ
// `parts`, for the 预算数 and the 决算数 columns (roles "budget.<item>",
// "final.<item>"); blank cells read as zero.
void SangongTableSum(RuleContext& ctx, std::string_view total, std::initializer_list<std::string_view> parts) {
  const rv1::Table* t7 = FindTable(ctx.report(), "T7");
  if (t7 == nullptr) return;
  const int row = SangongRow(*t7);
  if (row < 0) return;
  DerivedAmounts blanks;
  auto cell = [&](std::string_view kind, std::string_view item) -> std::optional<AmountOperand> {
    const int col = FindColumn(*t7, fmt::format("{}.{}", kind, item));
    if (col < 0) return std::nullopt;
    return CellOrZero(ctx, blanks, *t7, row, col);
  };
  for (std::string_view kind : {"budget", "final"}) {
    auto sum = cell(kind, total);
    Terms terms;
    for (auto part : parts) {
      if (auto op = cell(kind, part)) terms.push_back({*op, 1});
    }
    if (!sum || terms.size() != parts.size()) continue;
    RecordSum(ctx, fmt::format("T7 {0}.{1} = Σ {0} parts", kind, total), *sum, terms);
  }
}

void SangongParts(RuleContext& ctx) {  // FA-SUM-010
  const auto& sg = ctx.report().sangong();
  for (bool final_values : {true, false}) {
    const char* kind = final_values ? "final" : "budget";
    auto get = [&](const char* name, bool has_item, const rv1::SangongItem& item) {
      const bool has = has_item && (final_values ? item.has_final() : item.has_budget());
      return ctx.Amount(OperandName::Join({name, ".", kind}), has, final_values ? item.final() : item.budget());
    };
    auto total = get("sg.total", sg.has_total(), sg.total());
    auto abroad = get("sg.abroad", sg.has_abroad(), sg.abroad());
    auto car = get("sg.car", sg.has_car(), sg.car());
    auto reception = get("sg.reception", sg.has_reception(), sg.reception());
    if (total && abroad && car && reception) {
      RecordSum(ctx, [&] { return fmt::format("sg.total = sg.abroad + sg.car + sg.reception ({})", kind); }, *total,
                {{*abroad, 1}, {*car, 1}, {*reception, 1}});
    }
  }
  SangongTableSum(ctx, "total", {"abroad", "car.total", "reception"});
}

void CarParts(RuleContext& ctx) {  // FA-SUM-011
  const auto& sg = ctx.report().sangong();
  for (bool final_values : {true, false}) {
    const char* kind = final_values ? "final" : "budget";
    auto get = [&](const char* name, bool has_item, const rv1::SangongItem& item) {
      const bool has = has_item && (final_values ? item.has_final() : item.has_budget());
      return ctx.Amount(OperandName::Join({name, ".", kind}), has, final_values ? item.final() : item.budget());
    };
    auto car = get("sg.car", sg.has_car(), sg.car());
    auto purchase = get("sg.car_purchase", sg.has_car_purchase(), sg.car_purchase());
    auto running = get("sg.car_running", sg.has_car_running(), sg.car_running());
    if (car && purchase && running) {
      RecordSum(ctx, [&] { return fmt::format("sg.car = sg.car_purchase + sg.car_running ({})", kind); }, *car,
                {{*purchase, 1}, {*running, 1}});
    }
  }
  SangongTableSum(ctx, "car.total", {"car.purchase", "car.operation"});
}

void ProcurementParts(RuleContext& ctx) {  // FA-SUM-012
  const auto& p = ctx.report().procurement();
  auto total = JUESUAN_AMOUNT(ctx, "proc.total", p, total);
  auto goods = JUESUAN_AMOUNT(ctx, "proc.goods", p, goods);
  auto works = JUESUAN_AMOUNT(ctx, "proc.works", p, works);
  auto services = JUESUAN_AMOUNT(ctx, "proc.services", p, services);
  if (total && goods && works && services) {
    RecordSum(ctx, "proc.total = proc.goods + proc.works + proc.services", *total,
              {{*goods, 1}, {*works, 1}, {*services, 1}});
  }
}

void SmeBounds(RuleContext& ctx) {  // FA-SUM-013
  const auto& p = ctx.report().procurement();
  auto total = JUESUAN_AMOUNT(ctx, "proc.total", p, total);
  if (p.has_sme_award()) {  // Xinjiang form
    auto sme = ctx.Amount("proc.sme_award", p.sme_award().has_amount(), p.sme_award().amount());
    auto small = ctx.Amount("proc.small_micro_award", p.has_small_micro_award() && p.small_micro_award().has_amount(),
                            p.small_micro_award().amount());
    if (small && sme) RecordAtMost(ctx, "proc.small_micro_award ≤ proc.sme_award", *small, *sme, fv1::SEVERITY_ERROR);
    if (sme && total) RecordAtMost(ctx, "proc.sme_award ≤ proc.total", *sme, *total, fv1::SEVERITY_ERROR);
  }
  if (p.has_sme_reserved() || p.has_sme_won_in_reserved() || p.has_sme_won_in_other()) {  // Shanghai A–E
    auto a = JUESUAN_AMOUNT(ctx, "proc.sme_reserved", p, sme_reserved);
    auto b = JUESUAN_AMOUNT(ctx, "proc.smallmicro_reserved", p, small_micro_reserved);
    auto c = JUESUAN_AMOUNT(ctx, "proc.sme_won_in_reserved", p, sme_won_in_reserved);
    auto d = JUESUAN_AMOUNT(ctx, "proc.smallmicro_won_in_reserved", p, small_micro_won_in_reserved);
    auto e = JUESUAN_AMOUNT(ctx, "proc.sme_won_in_other", p, sme_won_in_other);
    if (b && a) RecordAtMost(ctx, "B ≤ A (小微预留 ≤ 中小企业预留)", *b, *a, fv1::SEVERITY_ERROR);
    if (d && b) RecordAtMost(ctx, "D ≤ B", *d, *b, fv1::SEVERITY_ERROR);
    if (c && a) RecordAtMost(ctx, "C ≤ A", *c, *a, fv1::SEVERITY_INFO);
    if (c && e && total) {
      // C + E ≤ total: every SME-won contract amount is part of the total.
      ctx.Ran();
      const Int128 sum = static_cast<Int128>(c->printed.fen) + e->printed.fen;
      const Int128 slack = static_cast<Int128>(c->printed.quantum) + e->printed.quantum + total->printed.quantum;
      if (2 * (sum - total->printed.fen) > slack) {
        fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "中小企业中标金额之和超过采购总额",
                                  "SME-won amounts exceed the procurement total");
        f.set_relation("C + E ≤ proc.total");
        AddOperand(f, *c);
        AddOperand(f, *e);
        AddOperand(f, *total);
        f.set_expected("≤ " + FormatWan(total->printed.fen, total->printed.quantum));
        f.set_residue(FormatWan(sum - total->printed.fen, total->printed.quantum));
        f.set_tolerance("INEQ: beyond the operands' half-quanta");
      }
    }
  }
}

void CountSum(RuleContext& ctx, const std::string& relation, const rv1::Count& total,
              std::string total_name, const std::vector<std::pair<std::string, const rv1::Count*>>& parts) {
  ctx.Ran();
  Int128 sum = 0;
  for (const auto& [name, c] : parts) sum += c->value();
  if (sum == total.value()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "计数之和不符", "counts do not add up");
  f.set_relation(relation);
  AddOperand(f, std::move(total_name), total);
  for (const auto& [name, c] : parts) AddOperand(f, name, *c);
  f.set_expected(FormatWan(sum * 1'000'000, 1'000'000));
  f.set_residue(FormatWan((static_cast<Int128>(total.value()) - sum) * 1'000'000, 1'000'000));
  f.set_tolerance("COUNT: exact");
}

void VehicleCategories(RuleContext& ctx) {  // FA-SUM-014
  const auto& a = ctx.report().assets();
  if (!a.has_vehicles() || a.vehicles_by_category().empty()) {
    ctx.Missing("ast.vehicles or categories absent");
    return;
  }
  std::vector<std::pair<std::string, const rv1::Count*>> parts;
  for (const auto& cat : a.vehicles_by_category()) parts.emplace_back("ast.vehicles_by_cat." + cat.name(), &cat.count());
  CountSum(ctx, "ast.vehicles = Σ ast.vehicles_by_cat", a.vehicles(), "ast.vehicles", parts);
}

void StaffParts(RuleContext& ctx) {  // FA-SUM-015
  const auto& s = ctx.report().profile().staff();
  if (!s.has_actual() || !s.has_in_service()) {
    ctx.Missing("prof.staff absent");
    return;
  }
  std::vector<std::pair<std::string, const rv1::Count*>> parts = {{"prof.staff.in_service", &s.in_service()}};
  if (s.has_retired_li()) parts.emplace_back("prof.staff.retired_li", &s.retired_li());
  if (s.has_retired_tui()) parts.emplace_back("prof.staff.retired_tui", &s.retired_tui());
  CountSum(ctx, "prof.staff.actual = in_service + retired_li + retired_tui", s.actual(), "prof.staff.actual", parts);
}

void SharesAddToHundred(RuleContext& ctx, std::string partition,
                        const std::vector<std::pair<std::string, const rv1::Percent*>>& shares) {
  std::vector<PercentOperand> ops;
  int32_t scale = 0;
  for (const auto& [name, pct] : shares) {
    auto op = ctx.Percent(name, true, *pct);
    if (!op) return;
    scale = std::max(scale, op->printed.scale);
    ops.push_back(*op);
  }
  if (ops.size() < 2) return;
  ctx.Ran();
  Int128 sum = 0;
  int nonzero = 0;
  for (const auto& op : ops) {
    Int128 d = op.printed.digits;
    for (int i = op.printed.scale; i < scale; ++i) d *= 10;
    sum += d;
    nonzero += op.printed.digits != 0;
  }
  if (nonzero == 0) return;  // e.g. a zero 三公 total: FA-PCT-005 decides
  Int128 hundred = 100;
  for (int i = 0; i < scale; ++i) hundred *= 10;
  const Int128 off = sum > hundred ? sum - hundred : hundred - sum;
  if (off <= nonzero / 2) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "占比合计不等于100%", "shares do not add to 100%");
  f.set_relation("Σ shares of " + partition + " = 100%");
  for (const auto& op : ops) AddOperand(f, op);
  f.set_expected("100");
  f.set_residue(FormatPercent({static_cast<int64_t>(sum - hundred), scale}));
  f.set_tolerance(fmt::format("⌊{}/2⌋ printing quanta", nonzero));
}

void PartitionShares(RuleContext& ctx) {  // FA-SUM-016
  auto from_shares = [](const std::vector<std::pair<std::string, const rv1::Share*>>& in) {
    std::vector<std::pair<std::string, const rv1::Percent*>> out;
    for (const auto& [name, s] : in) {
      if (s->has_share()) out.emplace_back(name + ".share", &s->share());
    }
    return out;
  };
  SharesAddToHundred(ctx, "income", from_shares(IncomeShares(ctx.report().income())));
  SharesAddToHundred(ctx, "expenditure", from_shares(ExpenditureShares(ctx.report().expenditure())));
  std::vector<std::pair<std::string, const rv1::Percent*>> classes;
  for (const auto& c : ctx.report().general_public_budget().classes()) {
    if (c.has_share()) classes.emplace_back("gpb.classes." + c.name() + ".share", &c.share());
  }
  SharesAddToHundred(ctx, "gpb classes", classes);
  std::vector<std::pair<std::string, const rv1::Percent*>> sg;
  for (const auto& [name, item] : SangongItems(ctx.report().sangong())) {
    if ((name == "sg.abroad" || name == "sg.car" || name == "sg.reception") && item->has_share()) {
      sg.emplace_back(name + ".share", &item->share());
    }
  }
  SharesAddToHundred(ctx, "三公 items", sg);
}

void SelfEvaluationFunds(RuleContext& ctx) {  // FA-SUM-017
  for (int i = 0; i < ctx.report().performance_tables_size(); ++i) {
    const auto& t = ctx.report().performance_tables(i);
    const bool overall = t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL;
    const std::string base = overall ? "pe" : "pp[" + std::to_string(i) + "]";
    const rv1::FundRow* total = nullptr;
    std::vector<const rv1::FundRow*> parts;
    for (const auto& row : t.funds()) {
      if (row.source() == rv1::FUND_SOURCE_TOTAL) {
        total = &row;
      } else {
        parts.push_back(&row);
      }
    }
    if (total == nullptr || parts.empty()) {
      ctx.Missing(base + ": funds block without total or parts");
      continue;
    }
    using Getter = const rv1::Amount& (rv1::FundRow::*)() const;
    using Has = bool (rv1::FundRow::*)() const;
    const std::tuple<const char*, Has, Getter> kColumns[] = {
        {"initial", &rv1::FundRow::has_initial, &rv1::FundRow::initial},
        {"annual", &rv1::FundRow::has_annual, &rv1::FundRow::annual},
        {"executed", &rv1::FundRow::has_executed, &rv1::FundRow::executed}};
    for (const auto& [col, has, get] : kColumns) {
      auto sum = ctx.Amount(OperandName::Join({base, ".funds.", total->label(), ".", col}), (total->*has)(),
                            (total->*get)());
      Terms terms;
      bool complete = sum.has_value();
      for (const rv1::FundRow* row : parts) {
        auto op = ctx.Amount(OperandName::Join({base, ".funds.", row->label(), ".", col}), (row->*has)(),
                             (row->*get)());
        if (!op) complete = false;
        else terms.push_back({*op, 1});
      }
      if (complete) RecordSum(ctx, [&, col = col] { return fmt::format("{} funds {}: 合计 = Σ sources", base, col); }, *sum, terms);
    }
  }
}

}  // namespace

std::vector<RuleDef> SumRules() {
  using enum DataNeed;
  return {
      {"FA-SUM-001", fv1::SEVERITY_ERROR, kNarrative, "本年收入 = 各项收入之和", "本年收入与各项收入之和不符",
       "income of the year does not equal the sum of its sources", IncomeParts},
      {"FA-SUM-002", fv1::SEVERITY_ERROR, kTables, "财政拨款收入 = 三类财政拨款之和",
       "财政拨款收入与分类之和不符", "fiscal income does not equal the sum of fund types", FiscalByFundType},
      {"FA-SUM-003", fv1::SEVERITY_ERROR, kNarrative, "本年支出 = 各类支出之和", "本年支出与各类支出之和不符",
       "expenditure of the year does not equal the sum of its kinds", ExpenditureParts},
      {"FA-SUM-004", fv1::SEVERITY_ERROR, kTables, "本年支出 = 各类功能科目之和",
       "支出决算表合计与各类之和不符", "T3 total does not equal the sum of its classes", ClassRowsSumToTotal},
      {"FA-SUM-005", fv1::SEVERITY_ERROR, kNarrative, "类 = 款之和，款 = 项之和", "类/款金额与下级科目之和",
       "a class does not equal the sum of its items", ClassIsSumOfItems},
      {"FA-SUM-006", fv1::SEVERITY_ERROR, kNarrative, "合计 = 各类之和", "合计与各类之和不符",
       "a column total does not equal the sum of its classes", ColumnTotals},
      {"FA-SUM-007", fv1::SEVERITY_ERROR, kTables, "表内行合计 = 各列之和", "表内行合计与各列之和不符",
       "a row total does not equal the sum of its columns", RowCrossFoot},
      {"FA-SUM-008", fv1::SEVERITY_ERROR, kNarrative, "基本支出 = 人员经费 + 公用经费",
       "基本支出与人员经费、公用经费之和不符", "basic expenditure does not equal personnel + public costs",
       BasicParts},
      {"FA-SUM-009", fv1::SEVERITY_ERROR, kTables, "基本支出表经济分类合计",
       "经济分类合计与明细之和不符", "economic classification totals do not add up", EconomicClasses},
      {"FA-SUM-010", fv1::SEVERITY_ERROR, kNarrative, "三公经费 = 出国 + 公务用车 + 接待",
       "“三公”经费合计与分项之和不符", "三公 total does not equal the sum of its items", SangongParts},
      {"FA-SUM-011", fv1::SEVERITY_ERROR, kNarrative, "公务用车 = 购置费 + 运行维护费",
       "公务用车购置及运行维护费与分项之和不符", "vehicle costs do not equal purchase + running", CarParts},
      {"FA-SUM-012", fv1::SEVERITY_ERROR, kNarrative, "政府采购 = 货物 + 工程 + 服务",
       "政府采购支出总额与分项之和", "procurement total does not equal goods + works + services",
       ProcurementParts},
      {"FA-SUM-013", fv1::SEVERITY_ERROR, kNarrative, "中小企业合同金额上下限", "中小企业合同金额超出上限",
       "SME contract amounts exceed their bounds", SmeBounds},
      {"FA-SUM-014", fv1::SEVERITY_ERROR, kNarrative, "车辆总数 = 各类车辆之和", "车辆总数与分类之和不符",
       "vehicle count does not equal the sum of its categories", VehicleCategories},
      {"FA-SUM-015", fv1::SEVERITY_ERROR, kNarrative, "实有人数 = 在职 + 离休 + 退休", "实有人数与构成之和不符",
       "staff count does not equal its components", StaffParts},
      {"FA-SUM-016", fv1::SEVERITY_INFO, kNarrative, "完整划分的占比合计为100%", "各项占比合计不等于100%",
       "shares of a complete partition do not add to 100%", PartitionShares},
      {"FA-SUM-017", fv1::SEVERITY_ERROR, kPerformance, "自评表资金合计 = 各来源之和",
       "绩效自评表资金合计与各来源之和不符", "self-evaluation funds total does not equal its sources",
       SelfEvaluationFunds},
  };
}

}  // namespace juesuan::validate
