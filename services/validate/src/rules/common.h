// Helpers shared by the rule families: operand lookup, statement collection,
// text scanning.
#pragma once

#include <deque>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "services/validate/src/rule.h"

namespace juesuan::validate {

// ctx.Amount(name, msg.has_field(), msg.field())
#define JUESUAN_AMOUNT(ctx, name, msg, field) (ctx).Amount((name), (msg).has_##field(), (msg).field())
#define JUESUAN_PERCENT(ctx, name, msg, field) (ctx).Percent((name), (msg).has_##field(), (msg).field())

// A year-on-year statement with the operand name of its subject.
struct YoyRef {
  std::string subject;            // "tot", "fis", "gpb", "gpb.items[2]", "sg.car", "op"
  const rv1::YoY* yoy = nullptr;
  const rv1::Amount* current = nullptr;  // yoy.current, or the entity's amount
};

struct BvfRef {
  std::string subject;
  const rv1::BudgetVsFinal* bvf = nullptr;
};

// Every YoY of the entities plus those only in Report.statements (a
// statement with the same provenance as an entity's is not repeated).
std::vector<YoyRef> CollectYoys(const rv1::Report& report);
std::vector<BvfRef> CollectBudgetVsFinals(const rv1::Report& report);

// The 三公 items with their operand names.
std::vector<std::pair<std::string, const rv1::SangongItem*>> SangongItems(const rv1::Sangong& sg);

// Income / expenditure shares with their operand names (only those present).
std::vector<std::pair<std::string, const rv1::Share*>> IncomeShares(const rv1::IncomeBreakdown& in);
std::vector<std::pair<std::string, const rv1::Share*>> ExpenditureShares(
    const rv1::ExpenditureBreakdown& ex);

// The denominator named by a Share ("tot.income_year", "gpb.total", …):
// pointer to the amount when the report carries it.
const rv1::Amount* ResolveAmount(const rv1::Report& report, std::string_view name);

// 100 · p as an exact comparison helpers: p == 0, p == 100.
bool PercentIsZero(const PrintedPercent& p);
bool PercentIsHundred(const PrintedPercent& p);

// Whether the prior value P = C − s·D of a YoY statement can be zero (its box
// contains 0) given the printing quanta.
bool PriorCanBeZero(const PrintedAmount& current, const PrintedAmount& delta, int sign);

// Line number (1-based) of a byte offset in `text`.
uint32_t LineOf(std::string_view text, size_t byte);

// A free-text field of the report with its evidence, for text rules.
struct TextRef {
  std::string name;
  const rv1::Text* text = nullptr;
};
std::vector<TextRef> CollectTexts(const rv1::Report& report, const std::vector<YoyRef>& yoys,
                                  const std::vector<BvfRef>& bvfs);

// Finds the table with the given id ("T1".."T9"), or nullptr.
const rv1::Table* FindTable(const rv1::Report& report, std::string_view id);
// Index of the first column with `role`, or -1.
int FindColumn(const rv1::Table& table, std::string_view role);
// The money cell of (row, column) as an operand; nullopt when not a number/blank.
std::optional<AmountOperand> CellOperand(RuleContext& ctx, const rv1::Table& table, int row,
                                         int column);

// ---- standard tables (REFERENCE §1.6) ------------------------------------------------
// Index of the first column whose role is one of `roles` (earlier roles preferred), or -1.
int FindColumnAny(const rv1::Table& table, std::initializer_list<std::string_view> roles);
// Index of the 合计/总计 row of a one-sided table, or -1.
int FindTotalRow(const rv1::Table& table);
// Index of the first row whose label contains `label`, or -1.
int FindRowByLabel(const rv1::Table& table, std::string_view label);
// (row, column) of the figure printed right of the name cell containing
// `label`, in whichever side-by-side block it stands (T6 prints 人员经费合计
// and 公用经费合计 on one row); {-1, -1} when absent.
std::pair<int, int> FindLabelledCell(const rv1::Table& table, std::string_view label);
// The amount column of row `r` of a table printed as side-by-side blocks
// (T6: 人员经费 | 公用经费): the first money column after the name cell that
// holds the row's label; `fallback` when no name cell does.
int RowMoneyColumn(const rv1::Table& table, int r, int fallback);

// Two-sided tables (T1, T4: 收入 | 支出) print a name column followed by money
// columns on each side. Side 0 is the income side, side 1 the expenditure
// side; `money` lists the side's money columns left to right.
struct TableSide {
  int name = -1;
  std::vector<int> money;
};
TableSide SideOf(const rv1::Table& table, int side);
// The one data row of T7 (三公: 合计 | 出国 | 公务用车 {小计 | 购置 | 运行维护} |
// 接待, each 预算数 | 决算数), or -1 when the table prints none.
int SangongRow(const rv1::Table& t7);
// The first row whose name cell on `side` contains `label`, or -1.
int SideRow(const rv1::Table& table, const TableSide& side, std::string_view label);

// Amounts computed from printed ones (sums, implied prior values), kept alive
// for the findings that cite them. The quantum is the sum of the operands'
// quanta, so tolerance arithmetic stays sound.
class DerivedAmounts {
 public:
  AmountOperand Make(OperandName name, Int128 fen, int64_t quantum, const rv1::Provenance& src);

 private:
  std::deque<rv1::Amount> store_;
};

// A money cell as an operand where a printed blank or dash reads as zero
// (REFERENCE §1.6: VALIDATE treats both as 0 for arithmetic); the zero cites
// the row. nullopt for a text cell or a cell the reader marked unreadable.
std::optional<AmountOperand> CellOrZero(RuleContext& ctx, DerivedAmounts& derived, const rv1::Table& table,
                                        int row, int column);

// Byte offset -> line, for text scanned as a whole.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  uint32_t LineOf(size_t byte) const;

 private:
  std::vector<size_t> newlines_;
};

// Every occurrence of `needle` in the report's text: Report.text when
// present, else the free-text fields; with a provenance for each.
struct TextHit {
  std::string where;
  rv1::Provenance src;
};
std::vector<TextHit> FindInReportText(RuleContext& ctx, std::string_view needle);

struct ReportIndex {
  std::vector<YoyRef> yoys;
  std::vector<BvfRef> bvfs;
  std::vector<TextRef> texts;
  std::optional<LineIndex> text_lines;  // of Report.text, when present
};
inline const std::vector<YoyRef>& Yoys(RuleContext& ctx) { return ctx.index().yoys; }
inline const std::vector<BvfRef>& Bvfs(RuleContext& ctx) { return ctx.index().bvfs; }

}  // namespace juesuan::validate
