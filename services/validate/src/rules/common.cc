#include "services/validate/src/rules/common.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "common/text/search.h"
#include "fmt/format.h"

namespace juesuan::validate {
namespace {

using PositionKey = std::tuple<uint32_t, uint64_t, uint64_t>;

PositionKey KeyOf(const rv1::Provenance& src) {
  return {src.line(), src.byte_begin(), src.byte_end()};
}

bool HasPosition(const rv1::Provenance& src) {
  return src.line() != 0 || src.byte_end() != 0;
}

}  // namespace

std::vector<std::pair<std::string, const rv1::SangongItem*>> SangongItems(const rv1::Sangong& sg) {
  std::vector<std::pair<std::string, const rv1::SangongItem*>> items;
  if (sg.has_total()) items.emplace_back("sg.total", &sg.total());
  if (sg.has_abroad()) items.emplace_back("sg.abroad", &sg.abroad());
  if (sg.has_car()) items.emplace_back("sg.car", &sg.car());
  if (sg.has_car_purchase()) items.emplace_back("sg.car_purchase", &sg.car_purchase());
  if (sg.has_car_running()) items.emplace_back("sg.car_running", &sg.car_running());
  if (sg.has_reception()) items.emplace_back("sg.reception", &sg.reception());
  return items;
}

std::vector<YoyRef> CollectYoys(const rv1::Report& report) {
  std::vector<YoyRef> refs;
  auto add = [&](std::string subject, bool has, const rv1::YoY& yoy, const rv1::Amount* fallback) {
    if (!has) return;
    const rv1::Amount* current = yoy.has_current() ? &yoy.current() : fallback;
    refs.push_back({std::move(subject), &yoy, current});
  };
  const auto& tot = report.totals();
  add("tot", tot.has_yoy(), tot.yoy(),
      tot.has_income_total() ? &tot.income_total()
                             : (tot.has_income_expend_total() ? &tot.income_expend_total() : nullptr));
  const auto& fis = report.fiscal();
  add("fis", fis.has_yoy(), fis.yoy(),
      fis.has_income_total() ? &fis.income_total()
                             : (fis.has_income_expend_total() ? &fis.income_expend_total() : nullptr));
  const auto& gpb = report.general_public_budget();
  add("gpb", gpb.has_yoy(), gpb.yoy(), gpb.has_total() ? &gpb.total() : nullptr);
  for (int i = 0; i < gpb.items_size(); ++i) {
    const auto& item = gpb.items(i);
    add(fmt::format("gpb.items[{}]", i), item.has_yoy(), item.yoy(),
        item.has_amount() ? &item.amount() : nullptr);
  }
  for (const auto& [name, item] : SangongItems(report.sangong())) {
    add(name, item->has_yoy(), item->yoy(), item->has_final() ? &item->final() : nullptr);
  }
  const auto& op = report.operating_cost();
  add("op", op.has_yoy(), op.yoy(), op.has_amount() ? &op.amount() : nullptr);

  std::set<PositionKey> seen;
  for (const auto& ref : refs) {
    if (HasPosition(ref.yoy->src())) seen.insert(KeyOf(ref.yoy->src()));
  }
  for (const auto& st : report.statements()) {
    if (!st.has_yoy()) continue;
    const auto& src = st.yoy().has_src() ? st.yoy().src() : st.src();
    if (HasPosition(src) && !seen.insert(KeyOf(src)).second) continue;
    refs.push_back({st.subject().empty() ? "statement" : st.subject(), &st.yoy(),
                    st.yoy().has_current() ? &st.yoy().current() : nullptr});
  }
  return refs;
}

std::vector<BvfRef> CollectBudgetVsFinals(const rv1::Report& report) {
  std::vector<BvfRef> refs;
  if (report.fiscal().has_budget_vs_final()) {
    refs.push_back({"fis", &report.fiscal().budget_vs_final()});
  }
  const auto& gpb = report.general_public_budget();
  if (gpb.has_budget_vs_final()) refs.push_back({"gpb", &gpb.budget_vs_final()});
  for (int i = 0; i < gpb.items_size(); ++i) {
    if (gpb.items(i).has_budget_vs_final()) {
      refs.push_back({fmt::format("gpb.items[{}]", i), &gpb.items(i).budget_vs_final()});
    }
  }
  for (const auto& [name, item] : SangongItems(report.sangong())) {
    if (item->has_budget_vs_final()) refs.push_back({name, &item->budget_vs_final()});
  }
  std::set<PositionKey> seen;
  for (const auto& ref : refs) {
    if (HasPosition(ref.bvf->src())) seen.insert(KeyOf(ref.bvf->src()));
  }
  for (const auto& st : report.statements()) {
    if (!st.has_budget_vs_final()) continue;
    const auto& src = st.budget_vs_final().has_src() ? st.budget_vs_final().src() : st.src();
    if (HasPosition(src) && !seen.insert(KeyOf(src)).second) continue;
    refs.push_back({st.subject().empty() ? "statement" : st.subject(), &st.budget_vs_final()});
  }
  return refs;
}

std::vector<std::pair<std::string, const rv1::Share*>> IncomeShares(const rv1::IncomeBreakdown& in) {
  std::vector<std::pair<std::string, const rv1::Share*>> s;
  if (in.has_fiscal()) s.emplace_back("inc.fiscal", &in.fiscal());
  if (in.has_superior_subsidy()) s.emplace_back("inc.superior_subsidy", &in.superior_subsidy());
  if (in.has_business()) s.emplace_back("inc.business", &in.business());
  if (in.has_operating()) s.emplace_back("inc.operating", &in.operating());
  if (in.has_affiliated()) s.emplace_back("inc.affiliated", &in.affiliated());
  if (in.has_other()) s.emplace_back("inc.other", &in.other());
  return s;
}

std::vector<std::pair<std::string, const rv1::Share*>> ExpenditureShares(
    const rv1::ExpenditureBreakdown& ex) {
  std::vector<std::pair<std::string, const rv1::Share*>> s;
  if (ex.has_basic()) s.emplace_back("exp.basic", &ex.basic());
  if (ex.has_project()) s.emplace_back("exp.project", &ex.project());
  if (ex.has_to_superior()) s.emplace_back("exp.to_superior", &ex.to_superior());
  if (ex.has_operating()) s.emplace_back("exp.operating", &ex.operating());
  if (ex.has_to_affiliated()) s.emplace_back("exp.to_affiliated", &ex.to_affiliated());
  return s;
}

const rv1::Amount* ResolveAmount(const rv1::Report& report, std::string_view name) {
  const auto& tot = report.totals();
  if (name == "tot.income_year") {
    if (tot.has_income_year()) return &tot.income_year();
    if (report.income().has_total()) return &report.income().total();
  } else if (name == "tot.expend_year") {
    if (tot.has_expend_year()) return &tot.expend_year();
    if (report.expenditure().has_total()) return &report.expenditure().total();
  } else if (name == "gpb.total") {
    if (report.general_public_budget().has_total()) return &report.general_public_budget().total();
  } else if (name == "sg.total.final") {
    if (report.sangong().total().has_final()) return &report.sangong().total().final();
  } else if (name == "proc.total") {
    if (report.procurement().has_total()) return &report.procurement().total();
  }
  return nullptr;
}

bool PercentIsZero(const PrintedPercent& p) { return p.digits == 0; }

bool PercentIsHundred(const PrintedPercent& p) {
  Int128 hundred = 100;
  for (int i = 0; i < p.scale; ++i) hundred *= 10;
  return p.digits == hundred;
}

bool PriorCanBeZero(const PrintedAmount& current, const PrintedAmount& delta, int sign) {
  const Int128 prior2 = 2 * (static_cast<Int128>(current.fen) - sign * static_cast<Int128>(delta.fen));
  const Int128 spread = static_cast<Int128>(current.quantum) + delta.quantum;
  return prior2 <= spread && prior2 >= -spread;
}

uint32_t LineOf(std::string_view text, size_t byte) {
  uint32_t line = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

std::vector<TextRef> CollectTexts(const rv1::Report& report, const std::vector<YoyRef>& yoys,
                                  const std::vector<BvfRef>& bvfs) {
  std::vector<TextRef> texts;
  texts.reserve(64);
  auto add = [&](std::string name, bool has, const rv1::Text& t) {
    if (has && !t.text().empty()) texts.push_back({std::move(name), &t});
  };
  const auto& doc = report.document();
  add("doc.title", doc.has_title(), doc.title());
  add("prof.functions", report.profile().has_functions(), report.profile().functions());
  const auto& perf = report.performance();
  add("perf.achievements", perf.has_achievements(), perf.achievements());
  add("perf.problems", perf.has_problems(), perf.problems());
  add("perf.improvements", perf.has_improvements(), perf.improvements());
  for (const auto& ref : yoys) {
    add(ref.subject + ".yoy.reason", ref.yoy->has_reason(), ref.yoy->reason());
  }
  for (const auto& ref : bvfs) {
    add(ref.subject + ".bvf.reason", ref.bvf->has_reason(), ref.bvf->reason());
  }
  for (int i = 0; i < report.performance_tables_size(); ++i) {
    const auto& t = report.performance_tables(i);
    const std::string base =
        t.kind() == rv1::PERFORMANCE_TABLE_KIND_OVERALL ? "pe" : fmt::format("pp[{}]", i);
    add(base + ".goal.expected", t.has_goal_expected(), t.goal_expected());
    add(base + ".goal.actual", t.has_goal_actual(), t.goal_actual());
  }
  return texts;
}

const rv1::Table* FindTable(const rv1::Report& report, std::string_view id) {
  for (const auto& t : report.tables()) {
    if (t.id() == id) return &t;
  }
  return nullptr;
}

int FindColumn(const rv1::Table& table, std::string_view role) {
  for (int i = 0; i < table.columns_size(); ++i) {
    if (table.columns(i).role() == role) return i;
  }
  return -1;
}

std::optional<AmountOperand> CellOperand(RuleContext& ctx, const rv1::Table& table, int row,
                                         int column) {
  if (row < 0 || column < 0 || row >= table.rows_size()) return std::nullopt;
  const auto& r = table.rows(row);
  if (column >= r.cells_size()) return std::nullopt;
  const auto& cell = r.cells(column);
  // Blank and dash cells count as zero when the parser kept their Amount
  // (blank = true); a text cell is not an operand.
  if (!cell.has_amount() || cell.kind() == rv1::CELL_KIND_TEXT) return std::nullopt;
  return ctx.Amount(OperandName::Join({table.id(), "[", r.code().empty() ? r.label() : r.code(), "].",
                                       table.columns(column).role()}),
                    true, cell.amount());
}

int FindColumnAny(const rv1::Table& table, std::initializer_list<std::string_view> roles) {
  for (std::string_view role : roles) {
    if (int c = FindColumn(table, role); c >= 0) return c;
  }
  return -1;
}

int FindTotalRow(const rv1::Table& table) {
  for (int r = 0; r < table.rows_size(); ++r) {
    if (table.rows(r).level() == rv1::ROW_LEVEL_TOTAL || table.rows(r).is_total()) return r;
  }
  return -1;
}

int FindRowByLabel(const rv1::Table& table, std::string_view label) {
  for (int r = 0; r < table.rows_size(); ++r) {
    if (Contains(table.rows(r).label(), label)) return r;
  }
  return -1;
}

namespace {

bool IsMoneyRole(std::string_view role) {
  return !role.empty() && role != "name" && role.substr(0, 4) != "code";
}

}  // namespace

std::pair<int, int> FindLabelledCell(const rv1::Table& table, std::string_view label) {
  for (int r = 0; r < table.rows_size(); ++r) {
    const auto& row = table.rows(r);
    for (int c = 0; c < row.cells_size() && c < table.columns_size(); ++c) {
      if (table.columns(c).role() != "name" || !Contains(row.cells(c).raw(), label)) continue;
      for (int m = c + 1; m < table.columns_size(); ++m) {
        if (IsMoneyRole(table.columns(m).role())) return {r, m};
      }
    }
  }
  return {-1, -1};
}

// The amount column of row `r` of a table printed as side-by-side blocks
// (T6: 人员经费 | 公用经费, each 编码 | 名称 | 决算数): the first money column
// after the name cell that holds the row's label. `fallback` for a table
// without name columns.
int RowMoneyColumn(const rv1::Table& t, int r, int fallback) {
  const auto& row = t.rows(r);
  for (int c = 0; c < row.cells_size() && c < t.columns_size(); ++c) {
    if (t.columns(c).role() != "name" || row.cells(c).raw().empty()) continue;
    if (!row.label().empty() && row.cells(c).raw() != row.label()) continue;
    for (int m = c + 1; m < t.columns_size(); ++m) {
      if (IsMoneyRole(t.columns(m).role())) return m;
    }
  }
  return fallback;
}

int SangongRow(const rv1::Table& t7) {
  for (int r = 0; r < t7.rows_size(); ++r) {
    for (const auto& cell : t7.rows(r).cells()) {
      if (cell.kind() == rv1::CELL_KIND_NUMBER) return r;
    }
  }
  return t7.rows_size() == 1 ? 0 : -1;
}

TableSide SideOf(const rv1::Table& table, int side) {
  std::vector<int> names;
  for (int i = 0; i < table.columns_size(); ++i) {
    if (table.columns(i).role() == "name") names.push_back(i);
  }
  TableSide out;
  if (side >= static_cast<int>(names.size())) return out;
  out.name = names[side];
  const int end = side + 1 < static_cast<int>(names.size()) ? names[side + 1] : table.columns_size();
  for (int i = out.name + 1; i < end; ++i) {
    if (IsMoneyRole(table.columns(i).role())) out.money.push_back(i);
  }
  return out;
}

int SideRow(const rv1::Table& table, const TableSide& side, std::string_view label) {
  if (side.name < 0) return -1;
  for (int r = 0; r < table.rows_size(); ++r) {
    const auto& row = table.rows(r);
    if (side.name < row.cells_size() && Contains(row.cells(side.name).raw(), label)) return r;
  }
  return -1;
}

std::optional<AmountOperand> CellOrZero(RuleContext& ctx, DerivedAmounts& derived, const rv1::Table& table,
                                        int row, int column) {
  if (row < 0 || column < 0 || row >= table.rows_size()) return std::nullopt;
  const auto& r = table.rows(row);
  if (column >= r.cells_size()) return std::nullopt;
  const auto& cell = r.cells(column);
  if (cell.kind() != rv1::CELL_KIND_BLANK && cell.kind() != rv1::CELL_KIND_DASH) {
    return CellOperand(ctx, table, row, column);
  }
  ctx.Ran();
  const int64_t quantum = table.unit() == rv1::MONEY_UNIT_YUAN ? 1 : 10'000;
  rv1::Provenance src = cell.has_src() ? cell.src() : r.src();
  src.mutable_table()->set_table_id(table.id());
  src.mutable_table()->set_row(static_cast<uint32_t>(row));
  src.mutable_table()->set_column(static_cast<uint32_t>(column));
  return derived.Make(OperandName::Join({table.id(), "[", r.code().empty() ? r.label() : r.code(), "].",
                                         table.columns(column).role(), " (blank = 0)"}),
                      0, quantum, src);
}

AmountOperand DerivedAmounts::Make(OperandName name, Int128 fen, int64_t quantum,
                                   const rv1::Provenance& src) {
  rv1::Amount& a = store_.emplace_back();
  const Int128 clamped = fen > kMaxAbsFen ? kMaxAbsFen : (fen < -kMaxAbsFen ? -kMaxAbsFen : fen);
  a.set_fen(static_cast<int64_t>(clamped));
  a.set_quantum_fen(quantum);
  *a.mutable_src() = src;
  a.mutable_src()->clear_raw_text();
  return AmountOperand{std::move(name), &a, {a.fen(), quantum}};
}

LineIndex::LineIndex(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') newlines_.push_back(i);
  }
}

uint32_t LineIndex::LineOf(size_t byte) const {
  return 1 + static_cast<uint32_t>(std::lower_bound(newlines_.begin(), newlines_.end(), byte) - newlines_.begin());
}

namespace {

// Substring search (text::Find).
class Finder {
 public:
  explicit Finder(std::string_view needle) : needle_(needle) {}
  size_t operator()(std::string_view haystack, size_t from) const { return text::Find(haystack, needle_, from); }

 private:
  std::string_view needle_;
};

}  // namespace

RuleContext::~RuleContext() = default;

const ReportIndex& RuleContext::index() {
  if (!index_) {
    index_ = std::make_unique<ReportIndex>();
    index_->yoys = CollectYoys(report_);
    index_->bvfs = CollectBudgetVsFinals(report_);
    index_->texts = CollectTexts(report_, index_->yoys, index_->bvfs);
    if (!report_.text().empty()) index_->text_lines.emplace(report_.text());
  }
  return *index_;
}

std::vector<TextHit> FindInReportText(RuleContext& ctx, std::string_view needle) {
  std::vector<TextHit> hits;
  if (needle.empty()) return hits;
  const Finder Find(needle);
  const std::string& whole = ctx.report().text();
  if (!whole.empty()) {
    const LineIndex& lines = *ctx.index().text_lines;
    for (size_t pos = Find(whole, 0); pos != std::string::npos; pos = Find(whole, pos + needle.size())) {
      TextHit hit{"text", {}};
      hit.src.set_byte_begin(pos);
      hit.src.set_byte_end(pos + needle.size());
      hit.src.set_line(lines.LineOf(pos));
      hit.src.set_raw_text(std::string(needle));
      hits.push_back(std::move(hit));
    }
    return hits;
  }
  for (const TextRef& ref : ctx.index().texts) {
    const std::string& t = ref.text->text();
    for (size_t pos = Find(t, 0); pos != std::string::npos; pos = Find(t, pos + needle.size())) {
      TextHit hit{ref.name, ref.text->src()};
      hit.src.set_byte_begin(ref.text->src().byte_begin() + pos);
      hit.src.set_byte_end(ref.text->src().byte_begin() + pos + needle.size());
      hit.src.set_line(ref.text->src().line() + LineOf(t, pos) - 1);
      hit.src.set_raw_text(std::string(needle));
      hits.push_back(std::move(hit));
    }
  }
  return hits;
}

}  // namespace juesuan::validate
