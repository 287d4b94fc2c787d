#include "services/parse/tables/table_listing.h"

#include "fmt/format.h"

namespace juesuan::parse::tables {
namespace {

std::string_view LevelName(report::v1::RowLevel level) {
  switch (level) {
    case report::v1::ROW_LEVEL_CLASS: return "class";
    case report::v1::ROW_LEVEL_SECTION: return "section";
    case report::v1::ROW_LEVEL_ITEM: return "item";
    case report::v1::ROW_LEVEL_TOTAL: return "total";
    case report::v1::ROW_LEVEL_OTHER: return "other";
    default: return "unspecified";
  }
}

}  // namespace

std::string TableListing(const report::v1::Report& report) {
  std::string out;
  for (const auto& t : report.tables()) {
    out += fmt::format("table {} {} \"{}\" unit={} pages={}-{} rows={} columns={}{}{}\n", t.id(),
                       t.semantic().empty() ? "-" : t.semantic(), t.title().text(),
                       t.unit() == report::v1::MONEY_UNIT_YUAN ? "元" : "万元", t.first_page(),
                       t.last_page(), t.rows_size(), t.columns_size(), t.empty() ? " empty" : "",
                       t.note().text().empty() ? "" : fmt::format(" note=\"{}\"", t.note().text()));
    for (int c = 0; c < t.columns_size(); ++c) {
      out += fmt::format("column {} c{} {} \"{}\"\n", t.id(), c, t.columns(c).role(),
                         t.columns(c).header());
    }
    for (int r = 0; r < t.rows_size(); ++r) {
      const auto& row = t.rows(r);
      out += fmt::format("row {} r{} code={} level={} label=\"{}\"{}\n", t.id(), r,
                         row.code().empty() ? "-" : row.code(), LevelName(row.level()),
                         row.label(), row.is_total() ? " total" : "");
      for (int c = 0; c < row.cells_size(); ++c) {
        const auto& cell = row.cells(c);
        if (cell.kind() != report::v1::CELL_KIND_NUMBER && cell.kind() != report::v1::CELL_KIND_DASH) {
          continue;
        }
        out += fmt::format("cell {} r{} c{} \"{}\" p{}\n", t.id(), r, c, cell.raw(),
                           cell.src().page());
      }
    }
  }
  return out;
}

std::string CellListing(const report::v1::Report& report) {
  std::string out;
  for (const auto& t : report.tables()) {
    if (t.empty()) {
      out += fmt::format("{} | (empty) | {} rows | {} |\n", t.id(), t.rows_size(), t.note().text());
      continue;
    }
    for (const auto& row : t.rows()) {
      const std::string key = !row.code().empty() ? row.code()
                              : row.is_total()    ? row.label() + " *total*"
                                                  : row.label();
      for (int c = 0; c < row.cells_size() && c < t.columns_size(); ++c) {
        const auto& cell = row.cells(c);
        if (cell.kind() != report::v1::CELL_KIND_NUMBER && cell.kind() != report::v1::CELL_KIND_DASH) {
          continue;
        }
        out += fmt::format("{} | {} | {} | {} | p{}\n", t.id(), key, t.columns(c).header(),
                           cell.raw(), cell.src().page());
      }
    }
  }
  return out;
}

}  // namespace juesuan::parse::tables
