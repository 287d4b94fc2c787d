#include "services/parse/perf/performance_table_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "common/text/decimal.h"
#include "common/text/normalize.h"
#include "fmt/format.h"
#include "services/parse/perf/indicator_value.h"
#include "services/parse/perf/perf_vocabulary.h"

namespace juesuan::parse {
namespace {

namespace v1 = report::v1;
namespace vocab = perf_vocabulary;
using vocab::FundColumn;
using vocab::GoalColumn;
using vocab::IndicatorColumn;

// A cell with the logical column it starts in.
struct PlacedCell {
  int column = 0;
  const GridCell* cell = nullptr;
};

int Width(const GridRow& row) {
  int width = 0;
  for (const GridCell& cell : row.cells) width += std::max(1, cell.column_span);
  return width;
}

// Cells with their columns under a header `header_width` columns wide. A row
// narrower than its header lost columns to a horizontal merge on its left
// (the "总分" label spanning the level columns), so it is aligned right.
std::vector<PlacedCell> Align(const GridRow& row, int header_width) {
  const int width = Width(row);
  int column = width < header_width ? header_width - width : 0;
  std::vector<PlacedCell> placed;
  for (const GridCell& cell : row.cells) {
    placed.push_back({column, &cell});
    column += std::max(1, cell.column_span);
  }
  return placed;
}

bool RowEmpty(const GridRow& row) {
  for (const GridCell& cell : row.cells) {
    if (!cell.empty()) return false;
  }
  return true;
}

const GridCell* SoleNonEmptyCell(const GridRow& row) {
  const GridCell* found = nullptr;
  for (const GridCell& cell : row.cells) {
    if (cell.empty()) continue;
    if (found != nullptr) return nullptr;
    found = &cell;
  }
  return found;
}

const GridCell* FirstNonEmptyCell(const GridRow& row) {
  for (const GridCell& cell : row.cells) {
    if (!cell.empty()) return &cell;
  }
  return nullptr;
}

const std::string& Key(const GridCell& cell) {
  if (!cell.key_cache) cell.key_cache = vocab::LookupKey(cell.norm);
  return *cell.key_cache;
}

// The first "YYYY年" in folded text, 0 if none.
int YearIn(std::string_view folded) {
  for (size_t i = 0; i + 4 < folded.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) {
      digits = digits && std::isdigit(static_cast<unsigned char>(folded[i + k]));
    }
    if (!digits || folded.substr(i + 4, 3) != "年") continue;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(folded[i - 1]))) continue;
    const int year = std::stoi(std::string(folded.substr(i, 4)));
    if (year >= 1900 && year <= 2100) return year;
  }
  return 0;
}

// "(2024年度)", "2024年度", "（2024年）": a row holding only the year.
bool IsYearCell(std::string_view folded) {
  std::string bare;
  for (char c : folded) {
    if (c != '(' && c != ')' && c != ' ') bare.push_back(c);
  }
  return YearIn(bare) != 0 && (bare.size() == 7 || (bare.size() == 10 && bare.substr(7) == "度"));
}

std::string NoSpaces(std::string_view folded) {
  std::string out;
  for (char c : folded) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

bool StripSuffix(std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  s.resize(s.size() - suffix.size());
  return true;
}

class Reader {
 public:
  Reader(const Grid& grid, const SourceDocument& doc, std::string_view key,
         Diagnostics& diagnostics)
      : grid_(grid), doc_(doc), key_(key), diagnostics_(diagnostics) {}

  absl::StatusOr<v1::PerformanceTable> Read();

 private:
  enum class Block { kNone, kFunds, kGoal, kIndicators, kAfterTotal };

  bool ReadTitleOrYear(const GridRow& row);
  bool ReadInfo(size_t r, const GridRow& row);
  bool ReadFundHeader(const GridRow& row);
  bool ReadIndicatorHeader(size_t r, const GridRow& row);
  bool ReadGoalHeader(const GridRow& row);
  bool ReadFundRow(size_t r, const GridRow& row);
  void ReadGoalTexts(size_t r, const GridRow& row);
  void ReadTotalRow(size_t r, const GridRow& row);
  void ReadIndicatorRow(size_t r, const GridRow& row);
  bool ReadGrade(size_t r, const GridRow& row);
  void TakeExecution(size_t r, const v1::FundRow& fund, const std::vector<PlacedCell>& exec_cells);

  std::optional<IndicatorColumn> IndicatorRole(int column) const;
  std::optional<FundColumn> FundRole(int column) const;

  v1::Provenance CellSrc(size_t r, const PlacedCell& p) const;
  v1::Provenance RowSrc(const GridRow& row) const;
  v1::Text MakeText(size_t r, const PlacedCell& p) const;
  v1::Amount MakeAmount(size_t r, const PlacedCell& p);
  v1::DecimalCell MakeDecimal(size_t r, const PlacedCell& p);
  v1::Percent MakePercent(size_t r, const PlacedCell& p);
  v1::IndicatorValue MakeValue(size_t r, const PlacedCell& p) const;

  void Unplaced(size_t r, const PlacedCell& p, std::string_view why);
  void UnplacedRow(const GridRow& row, std::string_view why);

  const Grid& grid_;
  const SourceDocument& doc_;
  const std::string key_;
  Diagnostics& diagnostics_;

  v1::PerformanceTable table_;
  Block block_ = Block::kNone;
  bool saw_funds_header_ = false;
  bool saw_indicator_header_ = false;
  v1::MoneyUnit money_unit_ = v1::MONEY_UNIT_WAN_YUAN;
  std::vector<std::optional<FundColumn>> fund_columns_;
  std::vector<std::optional<IndicatorColumn>> indicator_columns_;
  std::vector<std::optional<GoalColumn>> goal_columns_;
  bool execution_taken_ = false;
};

absl::StatusOr<v1::PerformanceTable> Reader::Read() {
  *table_.mutable_src() = doc_.Provenance(grid_.begin, grid_.end, key_);
  for (size_t r = 0; r < grid_.rows.size(); ++r) {
    const GridRow& row = grid_.rows[r];
    if (RowEmpty(row)) continue;
    // Indicator rows come last; inside them a cell such as "年度目标" is an
    // indicator name, not a title or the start of another block.
    const bool in_indicators = block_ == Block::kIndicators || block_ == Block::kAfterTotal;
    if (!in_indicators && ReadTitleOrYear(row)) continue;
    if (ReadIndicatorHeader(r, row)) continue;
    if (!in_indicators && (ReadFundHeader(row) || ReadGoalHeader(row))) continue;
    switch (block_) {
      case Block::kGoal:
        ReadGoalTexts(r, row);
        continue;
      case Block::kIndicators: {
        const GridCell* first = FirstNonEmptyCell(row);
        if (vocab::IsTotalLabel(Key(*first))) {
          ReadTotalRow(r, row);
        } else if (!ReadGrade(r, row)) {
          ReadIndicatorRow(r, row);
        }
        continue;
      }
      case Block::kAfterTotal:
        if (!ReadGrade(r, row)) UnplacedRow(row, "text after the total row");
        continue;
      case Block::kFunds:
        if (ReadFundRow(r, row)) continue;
        break;
      case Block::kNone:
        break;
    }
    if (ReadInfo(r, row) || ReadGrade(r, row)) continue;
    UnplacedRow(row, "row outside every known block");
  }
  if (!saw_funds_header_ && !saw_indicator_header_) {
    return absl::InvalidArgumentError(
        fmt::format("{}: no funds block and no indicator header: not a performance table", key_));
  }
  if (table_.kind() == v1::PERFORMANCE_TABLE_KIND_UNSPECIFIED) {
    table_.set_kind(table_.has_project_name() ? v1::PERFORMANCE_TABLE_KIND_PROJECT
                                              : v1::PERFORMANCE_TABLE_KIND_OVERALL);
  }
  return std::move(table_);
}

bool Reader::ReadTitleOrYear(const GridRow& row) {
  const GridCell* cell = SoleNonEmptyCell(row);
  if (cell == nullptr) return false;
  const size_t r = static_cast<size_t>(&row - grid_.rows.data());
  const PlacedCell placed{static_cast<int>(cell - row.cells.data()), cell};
  if (auto kind = vocab::TitleKind(cell->norm); kind && !table_.has_title()) {
    table_.set_kind(*kind);
    *table_.mutable_title() = MakeText(r, placed);
    if (int year = YearIn(cell->norm)) table_.set_year(year);
    return true;
  }
  if (IsYearCell(cell->norm) && table_.year() == 0) {
    table_.set_year(YearIn(NoSpaces(cell->norm)));
    return true;
  }
  return false;
}

bool Reader::ReadInfo(size_t r, const GridRow& row) {
  const auto cells = Align(row, 0);
  bool any = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    auto field = vocab::InfoFieldFor(Key(*cells[i].cell));
    if (!field) continue;
    any = true;
    size_t j = i + 1;
    while (j < cells.size() && cells[j].cell->empty()) ++j;
    if (j == cells.size() || vocab::InfoFieldFor(Key(*cells[j].cell))) {
      diagnostics_.Info("PERF_EMPTY_FIELD",
                        fmt::format("{}: \"{}\" has no value", key_, cells[i].cell->text),
                        CellSrc(r, cells[i]));
      continue;
    }
    v1::Text value = MakeText(r, cells[j]);
    switch (*field) {
      case vocab::InfoField::kUnitName:
        *table_.mutable_unit_name() = value;
        break;
      case vocab::InfoField::kProjectName:
        *table_.mutable_project_name() = value;
        break;
      case vocab::InfoField::kDepartment:
        *table_.mutable_department() = value;
        break;
      case vocab::InfoField::kImplementer:
        *table_.mutable_implementer() = value;
        break;
    }
    i = j;
  }
  return any;
}

// A funds header names at least three of the numeric columns.
bool Reader::ReadFundHeader(const GridRow& row) {
  int numeric = 0;
  for (const GridCell& cell : row.cells) {
    auto column = vocab::FundColumnFor(Key(cell));
    if (column && *column != FundColumn::kLabel && *column != FundColumn::kNote) ++numeric;
  }
  if (numeric < 3) return false;
  const size_t r = static_cast<size_t>(&row - grid_.rows.data());
  fund_columns_.assign(Width(row), std::nullopt);
  for (const PlacedCell& p : Align(row, 0)) {
    if (auto unit = vocab::MoneyUnitIn(p.cell->norm)) money_unit_ = *unit;
    auto column = vocab::FundColumnFor(Key(*p.cell));
    if (!column) {
      diagnostics_.Warning("PERF_UNKNOWN_COLUMN",
                           fmt::format("{}: funds column \"{}\" is not known; its cells are "
                                       "reported, not read",
                                       key_, p.cell->text),
                           CellSrc(r, p));
    }
    fund_columns_[p.column] = column;
  }
  saw_funds_header_ = true;
  block_ = Block::kFunds;
  return true;
}

// An indicator header names 三级指标 and 一级 or 二级指标.
bool Reader::ReadIndicatorHeader(size_t r, const GridRow& row) {
  bool level3 = false, upper = false;
  for (const GridCell& cell : row.cells) {
    // Indicator rows come here too: their cells are not keyed for nothing.
    if (!vocab::MayNameIndicatorLevel(cell.norm)) continue;
    auto column = vocab::IndicatorColumnFor(Key(cell));
    if (!column) continue;
    level3 = level3 || *column == IndicatorColumn::kLevel3;
    upper = upper || *column == IndicatorColumn::kLevel1 || *column == IndicatorColumn::kLevel2;
  }
  if (!level3 || !upper) return false;
  indicator_columns_.assign(Width(row), std::nullopt);
  table_.clear_indicator_columns();
  std::vector<IndicatorColumn> seen;
  for (const PlacedCell& p : Align(row, 0)) {
    if (!p.cell->empty()) table_.add_indicator_columns(p.cell->text);
    auto column = vocab::IndicatorColumnFor(Key(*p.cell));
    if (column && *column != IndicatorColumn::kRowLabel &&
        std::find(seen.begin(), seen.end(), *column) != seen.end()) {
      diagnostics_.Warning("PERF_DUPLICATE_COLUMN",
                           fmt::format("{}: indicator column \"{}\" repeats an earlier column's "
                                       "meaning; its cells are reported, not read",
                                       key_, p.cell->text),
                           CellSrc(r, p));
      column.reset();
    } else if (!column) {
      diagnostics_.Warning("PERF_UNKNOWN_COLUMN",
                           fmt::format("{}: indicator column \"{}\" is not known; its cells are "
                                       "reported, not read",
                                       key_, p.cell->text),
                           CellSrc(r, p));
    } else {
      seen.push_back(*column);
    }
    indicator_columns_[p.column] = column;
  }
  saw_indicator_header_ = true;
  block_ = Block::kIndicators;
  return true;
}

bool Reader::ReadGoalHeader(const GridRow& row) {
  bool texts = false;
  for (const GridCell& cell : row.cells) {
    auto column = vocab::GoalColumnFor(Key(cell));
    texts = texts || (column && *column != GoalColumn::kLabel);
  }
  if (!texts) return false;
  goal_columns_.assign(Width(row), std::nullopt);
  for (const PlacedCell& p : Align(row, 0)) {
    goal_columns_[p.column] = vocab::GoalColumnFor(Key(*p.cell));
  }
  block_ = Block::kGoal;
  return true;
}

void Reader::ReadGoalTexts(size_t r, const GridRow& row) {
  for (const PlacedCell& p : Align(row, static_cast<int>(goal_columns_.size()))) {
    if (p.cell->empty()) continue;
    const auto column =
        p.column < static_cast<int>(goal_columns_.size()) ? goal_columns_[p.column] : std::nullopt;
    if (column == GoalColumn::kExpected && !table_.has_goal_expected()) {
      *table_.mutable_goal_expected() = MakeText(r, p);
    } else if (column == GoalColumn::kActual && !table_.has_goal_actual()) {
      *table_.mutable_goal_actual() = MakeText(r, p);
    } else if (column != GoalColumn::kLabel || !vocab::GoalColumnFor(Key(*p.cell))) {
      Unplaced(r, p, "cell of the 年度总体目标 block outside its columns");
    }
  }
  block_ = Block::kNone;
}

std::optional<FundColumn> Reader::FundRole(int column) const {
  if (column < 0 || column >= static_cast<int>(fund_columns_.size())) return std::nullopt;
  return fund_columns_[column];
}

std::optional<IndicatorColumn> Reader::IndicatorRole(int column) const {
  if (column < 0 || column >= static_cast<int>(indicator_columns_.size())) return std::nullopt;
  return indicator_columns_[column];
}

bool Reader::ReadFundRow(size_t r, const GridRow& row) {
  const auto cells = Align(row, static_cast<int>(fund_columns_.size()));
  std::string label;
  bool has_amount = false;
  for (const PlacedCell& p : cells) {
    const auto role = FundRole(p.column);
    if (role == FundColumn::kLabel && !p.cell->empty()) {
      label += label.empty() ? p.cell->text : " " + p.cell->text;
    }
    if ((role == FundColumn::kInitial || role == FundColumn::kAnnual ||
         role == FundColumn::kExecuted) &&
        !p.cell->empty()) {
      has_amount = true;
    }
  }
  const auto source = vocab::FundSourceFor(vocab::HeaderKey(text::NormalizeForMatching(label)));
  if (!source && !has_amount) return false;

  v1::FundRow fund;
  fund.set_label(label);
  fund.set_source(source.value_or(v1::FUND_SOURCE_UNSPECIFIED));
  *fund.mutable_src() = RowSrc(row);
  if (!source) {
    diagnostics_.Warning("PERF_UNKNOWN_FUND_ROW",
                         fmt::format("{}: funds row \"{}\" names no known source", key_, label),
                         RowSrc(row));
  }
  std::vector<PlacedCell> exec_cells;
  for (const PlacedCell& p : cells) {
    const auto role = FundRole(p.column);
    if (!role) {
      if (!p.cell->empty()) Unplaced(r, p, "funds cell under an unknown column");
      continue;
    }
    switch (*role) {
      case FundColumn::kLabel:
        break;
      case FundColumn::kInitial:
        *fund.mutable_initial() = MakeAmount(r, p);
        break;
      case FundColumn::kAnnual:
        *fund.mutable_annual() = MakeAmount(r, p);
        break;
      case FundColumn::kExecuted:
        *fund.mutable_executed() = MakeAmount(r, p);
        break;
      case FundColumn::kWeight:
      case FundColumn::kRate:
      case FundColumn::kScore:
        exec_cells.push_back(p);
        break;
      case FundColumn::kNote:
        if (!p.cell->empty()) Unplaced(r, p, "note in the funds block");
        break;
    }
  }
  TakeExecution(r, fund, exec_cells);
  *table_.add_funds() = std::move(fund);
  return true;
}

// The weight / rate / score of the funds block are printed once, on
// whichever row carries them (a vertically merged cell prints on its first
// row). The first row printing any of them defines the block; values on
// other rows are reported.
void Reader::TakeExecution(size_t r, const v1::FundRow& fund,
                           const std::vector<PlacedCell>& exec_cells) {
  bool printed = false;
  for (const PlacedCell& p : exec_cells) printed = printed || !IsBlankMark(p.cell->norm);
  if (!printed) return;
  if (execution_taken_) {
    for (const PlacedCell& p : exec_cells) {
      if (!IsBlankMark(p.cell->norm)) {
        Unplaced(r, p,
                 fmt::format("execution value on funds row \"{}\" besides the block's "
                             "(printed on \"{}\")",
                             fund.label(), table_.execution().printed_on_row()));
      }
    }
    return;
  }
  execution_taken_ = true;
  v1::ExecutionBlock* exec = table_.mutable_execution();
  exec->set_printed_on_row(fund.label());
  exec->set_printed_on_source(fund.source());
  for (const PlacedCell& p : exec_cells) {
    switch (*FundRole(p.column)) {
      case FundColumn::kWeight:
        *exec->mutable_weight() = MakeDecimal(r, p);
        break;
      case FundColumn::kRate:
        *exec->mutable_rate() = MakePercent(r, p);
        break;
      case FundColumn::kScore:
        *exec->mutable_score() = MakeDecimal(r, p);
        break;
      default:
        break;
    }
  }
}

void Reader::ReadTotalRow(size_t r, const GridRow& row) {
  table_.set_has_total_row(true);
  bool label_seen = false;
  for (const PlacedCell& p : Align(row, static_cast<int>(indicator_columns_.size()))) {
    if (!label_seen && !p.cell->empty()) {
      label_seen = true;  // the 总分 label itself
      continue;
    }
    const auto role = IndicatorRole(p.column);
    if (role == IndicatorColumn::kWeight) {
      *table_.mutable_total_weight() = MakeDecimal(r, p);
    } else if (role == IndicatorColumn::kScore) {
      *table_.mutable_total_score() = MakeDecimal(r, p);
    } else if (!p.cell->empty()) {
      Unplaced(r, p, "cell of the total row outside the weight and score columns");
    }
  }
  block_ = Block::kAfterTotal;
}

bool Reader::ReadGrade(size_t r, const GridRow& row) {
  // Every indicator row is asked: most have no cell that may be a label, and
  // are not aligned to learn so.
  if (std::none_of(row.cells.begin(), row.cells.end(),
                   [](const GridCell& cell) { return vocab::MayBeGradeLabel(cell.norm); })) {
    return false;
  }
  const auto cells = Align(row, 0);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!vocab::MayBeGradeLabel(cells[i].cell->norm) || !vocab::IsGradeLabel(Key(*cells[i].cell))) {
      continue;
    }
    for (size_t j = i + 1; j < cells.size(); ++j) {
      if (cells[j].cell->empty()) continue;
      *table_.mutable_grade() = MakeText(r, cells[j]);
      return true;
    }
  }
  return false;
}

void Reader::ReadIndicatorRow(size_t r, const GridRow& row) {
  v1::Indicator ind;
  *ind.mutable_src() = RowSrc(row);
  bool has_content = false;
  for (const PlacedCell& p : Align(row, static_cast<int>(indicator_columns_.size()))) {
    const auto role = IndicatorRole(p.column);
    const std::string& text = p.cell->text;
    if (!role) {
      if (!p.cell->empty()) Unplaced(r, p, "indicator cell under an unknown column");
      continue;
    }
    if (*role != IndicatorColumn::kRowLabel && !p.cell->empty()) has_content = true;
    switch (*role) {
      case IndicatorColumn::kRowLabel:
        if (!p.cell->empty() && !vocab::IsIndicatorRowLabel(Key(*p.cell))) {
          Unplaced(r, p, "text in the merged label column of the indicator rows");
        }
        break;
      case IndicatorColumn::kLevel1:
        ind.set_level1(text);
        break;
      case IndicatorColumn::kLevel2:
        ind.set_level2(text);
        break;
      case IndicatorColumn::kLevel3:
        ind.set_level3(text);
        break;
      case IndicatorColumn::kTarget:
        *ind.mutable_target() = MakeValue(r, p);
        break;
      case IndicatorColumn::kActual:
        *ind.mutable_actual() = MakeValue(r, p);
        break;
      case IndicatorColumn::kWeight:
        *ind.mutable_weight() = MakeDecimal(r, p);
        break;
      case IndicatorColumn::kCompletion:
        *ind.mutable_completion() = MakePercent(r, p);
        break;
      case IndicatorColumn::kScore:
        *ind.mutable_score() = MakeDecimal(r, p);
        break;
      case IndicatorColumn::kBasis:
        ind.set_basis(text);
        break;
      case IndicatorColumn::kLastYear:
        ind.set_last_year(text);
        break;
      case IndicatorColumn::kRule:
        ind.set_scoring_rule(text);
        break;
      case IndicatorColumn::kEvidence:
        ind.set_evidence(text);
        break;
      case IndicatorColumn::kDeviation:
        ind.set_deviation(text);
        break;
      case IndicatorColumn::kPolarity:
        ind.set_polarity(text);
        break;
      case IndicatorColumn::kMeasureUnit:
        ind.set_measure_unit(text);
        break;
    }
  }
  if (!has_content) return;  // only the merged label: nothing to read

  // Explicit 指标性质 / 度量单位 columns complete the printed values.
  const v1::IndicatorOp polarity_op = ParseOperatorCell(ind.polarity());
  const std::string unit = text::NormalizeForMatching(ind.measure_unit());
  for (v1::IndicatorValue* value : {ind.mutable_target(), ind.mutable_actual()}) {
    if (value->kind() != v1::INDICATOR_VALUE_KIND_QUANTITATIVE) continue;
    if (value == ind.mutable_target() && value->op() == v1::INDICATOR_OP_UNSPECIFIED) {
      value->set_op(polarity_op);
    }
    if (value->unit().empty()) value->set_unit(unit);
  }

  // Vertically merged 一级/二级 cells print only in their first row.
  if (!table_.indicators().empty()) {
    const v1::Indicator& previous = table_.indicators(table_.indicators_size() - 1);
    const bool level1_continues = ind.level1().empty() || ind.level1() == previous.level1();
    if (ind.level1().empty()) {
      ind.set_level1(previous.level1());
      ind.set_level1_forward_filled(true);
    }
    if (ind.level2().empty() && level1_continues) {
      ind.set_level2(previous.level2());
      ind.set_level2_forward_filled(true);
    }
  }
  if (ind.level1().empty() || ind.level2().empty() || ind.level3().empty()) {
    diagnostics_.Warning("PERF_MISSING_LEVEL",
                         fmt::format("{}: indicator row without 一级/二级/三级 name", key_),
                         RowSrc(row));
  }
  *table_.add_indicators() = std::move(ind);
}

v1::Provenance Reader::CellSrc(size_t r, const PlacedCell& p) const {
  v1::Provenance src = doc_.Provenance(p.cell->begin, p.cell->end, key_);
  v1::TableRef* ref = src.mutable_table();
  ref->set_table_id(key_);
  ref->set_row(static_cast<uint32_t>(r));
  ref->set_column(static_cast<uint32_t>(p.column));
  return src;
}

// A row is cited from its first to its last printed cell (empty merged
// cells around it carry no text).
v1::Provenance Reader::RowSrc(const GridRow& row) const {
  const GridCell* first = nullptr;
  const GridCell* last = nullptr;
  for (const GridCell& cell : row.cells) {
    if (cell.empty()) continue;
    if (first == nullptr) first = &cell;
    last = &cell;
  }
  if (first == nullptr) return doc_.Provenance(grid_.begin, grid_.begin, key_);
  return doc_.Provenance(first->begin, last->end, key_);
}

v1::Text Reader::MakeText(size_t r, const PlacedCell& p) const {
  v1::Text text;
  text.set_text(p.cell->text);
  *text.mutable_src() = CellSrc(r, p);
  return text;
}

v1::Amount Reader::MakeAmount(size_t r, const PlacedCell& p) {
  v1::Amount amount;
  amount.set_unit(money_unit_);
  *amount.mutable_src() = CellSrc(r, p);
  if (IsBlankMark(p.cell->norm)) {
    amount.set_blank(true);
    return amount;
  }
  const text::MoneyScale scale =
      money_unit_ == v1::MONEY_UNIT_YUAN ? text::MoneyScale::kYuan : text::MoneyScale::kWanYuan;
  auto parsed = text::ParseDecimal(NoSpaces(p.cell->norm));
  absl::StatusOr<int64_t> fen = parsed.ok() ? text::ToFen(*parsed, scale) : parsed.status();
  if (!fen.ok()) {
    // No value is claimed for a cell that does not read as an amount.
    amount.set_blank(true);
    Unplaced(r, p, "funds cell that is not an amount");
    return amount;
  }
  amount.set_fen(*fen);
  amount.set_quantum_fen(text::QuantumFen(parsed->scale, scale));
  return amount;
}

v1::DecimalCell Reader::MakeDecimal(size_t r, const PlacedCell& p) {
  v1::DecimalCell cell;
  cell.set_raw(p.cell->text);
  *cell.mutable_src() = CellSrc(r, p);
  if (IsBlankMark(p.cell->norm)) {
    cell.set_blank(true);
    return cell;
  }
  std::string number = NoSpaces(p.cell->norm);
  StripSuffix(number, "分") || StripSuffix(number, "%");
  auto parsed = text::ParseDecimal(number);
  if (!parsed.ok()) {
    Unplaced(r, p, "weight or score that is not a number");
    return cell;
  }
  cell.mutable_value()->set_digits(parsed->digits);
  cell.mutable_value()->set_scale(parsed->scale);
  return cell;
}

v1::Percent Reader::MakePercent(size_t r, const PlacedCell& p) {
  v1::Percent percent;
  *percent.mutable_src() = CellSrc(r, p);
  if (IsBlankMark(p.cell->norm)) return percent;  // no value: blank or a dash
  std::string number = NoSpaces(p.cell->norm);
  percent.set_has_percent_sign(StripSuffix(number, "%"));
  auto parsed = text::ParseDecimal(number);
  if (!parsed.ok()) {
    Unplaced(r, p, "rate that is not a percentage");
    return percent;
  }
  percent.mutable_value()->set_digits(parsed->digits);
  percent.mutable_value()->set_scale(parsed->scale);
  return percent;
}

v1::IndicatorValue Reader::MakeValue(size_t r, const PlacedCell& p) const {
  v1::IndicatorValue value = ParseIndicatorValue(p.cell->text);
  *value.mutable_src() = CellSrc(r, p);
  return value;
}

void Reader::Unplaced(size_t r, const PlacedCell& p, std::string_view why) {
  diagnostics_.Info("PERF_UNPLACED_CELL", fmt::format("{}: {}: \"{}\"", key_, why, p.cell->text),
                    CellSrc(r, p));
}

void Reader::UnplacedRow(const GridRow& row, std::string_view why) {
  std::string text;
  for (const GridCell& cell : row.cells) {
    if (cell.empty()) continue;
    if (!text.empty()) text += " | ";
    text += cell.text;
  }
  diagnostics_.Info("PERF_UNPLACED_ROW", fmt::format("{}: {}: \"{}\"", key_, why, text),
                    RowSrc(row));
}

}  // namespace

absl::StatusOr<v1::PerformanceTable> ReadPerformanceTable(const Grid& grid,
                                                          const SourceDocument& doc,
                                                          std::string_view section_key,
                                                          Diagnostics& diagnostics) {
  return Reader(grid, doc, section_key, diagnostics).Read();
}

}  // namespace juesuan::parse
