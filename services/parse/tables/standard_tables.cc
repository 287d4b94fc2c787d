#include "services/parse/tables/standard_tables.h"

#include <algorithm>
#include <set>

#include "common/text/decimal.h"
#include "fmt/format.h"

namespace juesuan::parse::tables {
namespace {

using report::v1::Table;

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `s` without ASCII and ideographic spaces.
std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (IsAsciiSpace(s[i])) {
      ++i;
    } else if (s.substr(i, kIdeographicSpace.size()) == kIdeographicSpace) {
      i += kIdeographicSpace.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

// `s` without the spaces WithoutSpaces drops at its end.
std::string_view WithoutTrailingSpaces(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsAsciiSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      return s;
    }
  }
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool StartsWithListNumber(std::string_view s) {
  static const std::string_view kDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  size_t i = 0;
  bool any = false;
  for (;;) {
    bool matched = false;
    for (std::string_view d : kDigits) {
      if (s.compare(i, d.size(), d) == 0) {
        i += d.size();
        matched = any = true;
        break;
      }
    }
    if (!matched) break;
  }
  return any && (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "．") == 0);
}

bool IsDash(std::string_view s) {
  return s == "—" || s == "——" || s == "-" || s == "--" || s == "－" || s == "/" || s == "／" ||
         s == "–";
}

// Expands a grid row to one cell per grid column (a w:gridSpan cell covers
// several columns); null where the row has no cell.
std::vector<const GridCell*> ExpandRow(const GridRow& row, size_t columns) {
  std::vector<const GridCell*> out;
  for (const GridCell& cell : row.cells) {
    for (int k = 0; k < std::max(1, cell.column_span); ++k) out.push_back(&cell);
  }
  out.resize(columns, nullptr);
  return out;
}

size_t ColumnCount(const Grid& grid) {
  size_t n = 0;
  for (const GridRow& row : grid.rows) {
    size_t width = 0;
    for (const GridCell& c : row.cells) width += static_cast<size_t>(std::max(1, c.column_span));
    n = std::max(n, width);
  }
  return n;
}

bool IsCodeRole(std::string_view role) { return role.substr(0, 4) == "code"; }

bool IsTotalLabel(std::string_view label) {
  return Contains(label, "合计") || Contains(label, "总计");
}

report::v1::RowLevel LevelOf(const std::string& code) {
  switch (code.size()) {
    case 3: return report::v1::ROW_LEVEL_CLASS;
    case 5: return report::v1::ROW_LEVEL_SECTION;
    case 7: return report::v1::ROW_LEVEL_ITEM;
    default: return report::v1::ROW_LEVEL_OTHER;
  }
}

// Fills `cell` from the printed text; money columns get an Amount.
void FillCell(const GridCell* printed, bool money, report::v1::MoneyUnit unit,
              report::v1::Provenance src, report::v1::Cell* cell) {
  const std::string text = printed != nullptr ? WithoutSpaces(printed->text) : "";
  cell->set_raw(printed != nullptr ? printed->text : "");
  if (text.empty() || (printed != nullptr && printed->merged_from_above)) {
    cell->set_kind(report::v1::CELL_KIND_BLANK);
    return;
  }
  *cell->mutable_src() = src;
  if (IsDash(text)) {
    cell->set_kind(report::v1::CELL_KIND_DASH);
    return;
  }
  auto value = text::ParseDecimal(text);
  if (!money || !value.ok()) {
    cell->set_kind(report::v1::CELL_KIND_TEXT);
    return;
  }
  const auto scale = unit == report::v1::MONEY_UNIT_YUAN ? text::MoneyScale::kYuan
                                                         : text::MoneyScale::kWanYuan;
  auto fen = text::ToFen(*value, scale);
  if (!fen.ok()) {
    cell->set_kind(report::v1::CELL_KIND_TEXT);
    return;
  }
  cell->set_kind(report::v1::CELL_KIND_NUMBER);
  auto* amount = cell->mutable_amount();
  amount->set_fen(*fen);
  amount->set_quantum_fen(text::QuantumFen(value->scale, scale));
  amount->set_unit(unit);
  *amount->mutable_src() = std::move(src);
}

// The item of a 三公 column (T7, REFERENCE §1.6) from the deepest header
// segment naming one: "total" | "abroad" | "car.total" | "car.purchase" |
// "car.operation" | "reception"; "小计" is the 公务用车 group's subtotal.
// Empty when the header names no 三公 item.
std::string SangongItem(std::string_view header) {
  if (!Contains(header, "三公") && !Contains(header, "因公出国") && !Contains(header, "公务用车") &&
      !Contains(header, "公务接待")) {
    return "";
  }
  std::vector<std::string_view> segments;
  for (size_t start = 0;;) {
    const size_t slash = header.find('/', start);
    segments.push_back(header.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    const std::string_view s = *it;
    if (Contains(s, "因公出国")) return "abroad";
    if (Contains(s, "公务接待")) return "reception";
    if (Contains(s, "购置及运行")) return "car.total";
    if (Contains(s, "购置")) return "car.purchase";
    if (Contains(s, "运行")) return "car.operation";
    if (Contains(s, "小计")) return Contains(header, "公务用车") ? "car.total" : "subtotal";
    if (Contains(s, "合计")) return "total";
  }
  return "";
}

}  // namespace

std::string NormalizeCode(std::string_view printed) {
  std::string digits;
  for (char c : printed) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '\t') {
      return "";
    }
  }
  return digits;
}

// Whether `line`, without the spaces WithoutSpaces drops at its end, ends
// with the last character of a configured title: most lines do not, and
// need not be copied to be sure.
bool MayEndWithTitle(std::string_view line, const config::v1::ParseConfig& config) {
  line = WithoutTrailingSpaces(line);
  if (line.empty()) return false;
  for (const auto& def : config.tables()) {
    for (const std::string& title : def.titles()) {
      size_t lead = title.size();  // the last character's first byte
      while (lead > 0 && (static_cast<unsigned char>(title[lead - 1]) & 0xC0) == 0x80) --lead;
      if (lead > 0) --lead;
      const std::string_view tail = std::string_view(title).substr(lead);
      if (line.size() >= tail.size() && line.substr(line.size() - tail.size()) == tail) return true;
    }
  }
  return false;
}

const config::v1::TableTitle* MatchTableTitle(std::string_view line,
                                              const config::v1::ParseConfig& config) {
  if (!MayEndWithTitle(line, config)) return nullptr;
  const std::string text = WithoutSpaces(line);
  if (text.empty() || StartsWithListNumber(text)) return nullptr;
  const config::v1::TableTitle* best = nullptr;
  size_t best_size = 0;
  for (const auto& def : config.tables()) {
    for (const std::string& title : def.titles()) {
      if (title.size() <= best_size || text.size() < title.size()) continue;
      // A title may carry the unit name and year in front; a long line that
      // merely ends with a title is a sentence.
      if (text.size() > title.size() + 90) continue;
      if (text.compare(text.size() - title.size(), title.size(), title) == 0) {
        best = &def;
        best_size = title.size();
      }
    }
  }
  return best;
}

std::vector<std::string> ColumnHeaders(const Grid& grid, int header_rows) {
  const size_t columns = ColumnCount(grid);
  std::vector<std::string> headers(columns);
  std::vector<std::string> last(columns);  // the header cell already used above
  for (int r = 0; r < header_rows && r < static_cast<int>(grid.rows.size()); ++r) {
    const auto cells = ExpandRow(grid.rows[static_cast<size_t>(r)], columns);
    for (size_t c = 0; c < columns; ++c) {
      if (cells[c] == nullptr || cells[c]->merged_from_above) continue;
      const std::string text = WithoutSpaces(cells[c]->text);
      if (text.empty() || text == last[c]) continue;
      if (!headers[c].empty()) headers[c] += "/";
      headers[c] += text;
      last[c] = text;
    }
  }
  return headers;
}

std::string ColumnRole(std::string_view header) {
  const size_t slash = header.rfind('/');
  const std::string_view leaf = slash == std::string_view::npos ? header : header.substr(slash + 1);
  // Multi-line headers print the code levels under "科目编码": "…科目编码类".
  auto ends_with = [&](std::string_view tail) {
    return leaf.size() >= tail.size() && leaf.substr(leaf.size() - tail.size()) == tail;
  };
  if (leaf == "类" || (ends_with("编码类"))) return "code.class";
  if (leaf == "款" || ends_with("编码款")) return "code.section";
  if (leaf == "项" || ends_with("编码项")) return "code.item";
  if (Contains(leaf, "编码") || leaf == "科目代码") return "code";
  if (Contains(leaf, "科目名称") || ends_with("项目") || leaf == "科目" || leaf == "名称") return "name";
  std::string prefix;
  if (Contains(header, "预算数") || Contains(header, "年初预算")) prefix = "budget.";
  if (Contains(header, "决算数")) prefix = "final.";
  if (const std::string item = SangongItem(header); !item.empty()) return prefix + item;
  // T8/T9: the total of the 本年支出 group, printed 小计 or 合计.
  if ((leaf == "合计" || leaf == "小计") && slash != std::string_view::npos &&
      Contains(header.substr(0, slash), "本年支出")) {
    return prefix + "subtotal";
  }
  struct Keyword { std::string_view text; std::string_view role; };
  static constexpr Keyword kKeywords[] = {
      {"年初结转", "carryover_begin"}, {"年末结转", "carryover_end"},
      {"基本支出", "basic"},           {"项目支出", "project"},
      {"上缴上级", "remit_superior"},  {"经营支出", "operating"},
      {"对附属单位", "affiliated_subsidy"}, {"附属单位上缴", "affiliated_remit"},
      {"上级补助", "superior_subsidy"}, {"事业收入", "business"},
      {"经营收入", "operating_income"}, {"其他收入", "other_income"},
      {"一般公共预算", "general_public_budget"}, {"政府性基金", "government_fund"},
      {"国有资本经营", "state_capital"}, {"财政拨款", "fiscal"},
      {"人员经费", "personnel"},       {"公用经费", "public"},
      {"本年收入", "income"},           {"本年支出", "expenditure"},
      {"合计", "total"},               {"小计", "subtotal"},
  };
  for (const Keyword& k : kKeywords) {
    if (Contains(leaf, k.text)) return prefix + std::string(k.role);
  }
  for (const Keyword& k : kKeywords) {
    if (Contains(header, k.text)) return prefix + std::string(k.role);
  }
  if (!prefix.empty()) return prefix.substr(0, prefix.size() - 1);
  return "amount";
}

Table ReadTable(const TableSource& source, const std::string& id, const std::string& semantic,
                const SourceDocument& doc) {
  Table table;
  table.set_id(id);
  table.set_semantic(semantic);
  table.mutable_title()->set_text(source.title);
  *table.mutable_title()->mutable_src() =
      doc.Provenance(source.title_begin, source.title_end, id);
  table.set_unit(source.unit != report::v1::MONEY_UNIT_UNSPECIFIED ? source.unit
                                                                    : report::v1::MONEY_UNIT_WAN_YUAN);
  const Grid& grid = source.grid;
  const size_t columns = ColumnCount(grid);
  const std::vector<std::string> headers = ColumnHeaders(grid, source.header_rows);
  std::vector<std::string> roles;
  for (const std::string& h : headers) {
    auto* column = table.add_columns();
    column->set_header(h);
    column->set_role(ColumnRole(h));
    roles.push_back(column->role());
  }

  bool any_number = false;
  std::string parent_class, parent_section;
  for (size_t r = static_cast<size_t>(source.header_rows); r < grid.rows.size(); ++r) {
    const auto cells = ExpandRow(grid.rows[r], columns);
    auto* row = table.add_rows();
    const uint32_t row_index = static_cast<uint32_t>(table.rows_size() - 1);
    // Code: the code columns joined ("201","06","01" → "2010601"); a 款 or
    // 项 printed without its parents inherits them from the rows above.
    std::string klass, section, item, whole;
    size_t row_begin = SIZE_MAX, row_end = 0;
    for (size_t c = 0; c < columns; ++c) {
      const GridCell* cell = cells[c];
      if (cell == nullptr || cell->empty() || cell->merged_from_above) continue;
      row_begin = std::min(row_begin, cell->begin);
      row_end = std::max(row_end, cell->end);
      const std::string code = NormalizeCode(cell->text);
      if (roles[c] == "code.class") klass = code;
      if (roles[c] == "code.section") section = code;
      if (roles[c] == "code.item") item = code;
      if (roles[c] == "code") whole = code;
      if (roles[c] == "name" && row->label().empty()) row->set_label(WithoutSpaces(cell->text));
    }
    std::string code = whole;
    if (code.empty() && !(klass.empty() && section.empty() && item.empty())) {
      if (klass.empty()) klass = parent_class;
      if (section.empty() && !item.empty()) section = parent_section;
      code = klass + section + item;
    }
    if (code.size() >= 3) parent_class = code.substr(0, 3);
    if (code.size() >= 5) parent_section = code.substr(3, 2);
    row->set_code(code);
    if (IsTotalLabel(row->label())) {
      row->set_is_total(true);
      row->set_level(report::v1::ROW_LEVEL_TOTAL);
    } else {
      row->set_level(code.empty() ? report::v1::ROW_LEVEL_OTHER : LevelOf(code));
    }
    if (row_begin != SIZE_MAX) *row->mutable_src() = doc.Provenance(row_begin, row_end, id);
    for (size_t c = 0; c < columns; ++c) {
      const GridCell* cell = cells[c];
      report::v1::Provenance src;
      if (cell != nullptr && !cell->empty()) {
        src = doc.Provenance(cell->begin, cell->end, id);
        src.mutable_table()->set_table_id(id);
        src.mutable_table()->set_row(row_index);
        src.mutable_table()->set_column(static_cast<uint32_t>(c));
      }
      const bool money = !IsCodeRole(roles[c]) && roles[c] != "name";
      auto* out = row->add_cells();
      FillCell(cell, money, table.unit(), std::move(src), out);
      if (out->kind() == report::v1::CELL_KIND_NUMBER) any_number = true;
    }
  }
  table.set_empty(!any_number);
  if (!source.note.empty()) {
    table.mutable_note()->set_text(source.note);
    *table.mutable_note()->mutable_src() = doc.Provenance(source.note_begin, source.note_end, id);
  }
  table.set_first_page(doc.PageAt(source.title_begin));
  table.set_last_page(doc.PageAt(std::max(grid.end, source.note_end)));
  return table;
}

std::vector<Table> ReadTables(const std::vector<TableSource>& sources,
                              const config::v1::ParseConfig& config, const SourceDocument& doc,
                              Diagnostics& diagnostics) {
  std::vector<Table> out;
  std::set<std::string> found;
  int unknown = 0;
  for (const TableSource& source : sources) {
    const auto* def = MatchTableTitle(source.title, config);
    if (def != nullptr && found.insert(def->id()).second) {
      out.push_back(ReadTable(source, def->id(), def->semantic(), doc));
    } else {
      out.push_back(ReadTable(source, fmt::format("X{}", ++unknown), "", doc));
    }
    for (const auto& [begin, end] : source.unplaced) {
      const std::string_view text = std::string_view(doc.text()).substr(begin, end - begin);
      diagnostics.Warning("TABLE_TEXT_UNPLACED",
                          fmt::format("table {} ({}): \"{}\" is printed among its rows but no row "
                                      "could take it; it is not in the table",
                                      out.back().id(), source.title, text),
                          doc.Provenance(begin, end, out.back().id()));
    }
  }
  if (found.empty()) return out;
  for (const auto& def : config.tables()) {
    if (found.count(def.id()) > 0) continue;
    diagnostics.Warning("TABLE_MISSING",
                        fmt::format("standard table {} ({}) not found in the document",
                                    def.id(), def.titles(0)),
                        report::v1::Provenance());
  }
  return out;
}

}  // namespace juesuan::parse::tables
