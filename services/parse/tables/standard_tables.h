// The nine 决算 tables (REFERENCE §1.6) and any other table, read from a
// format-independent grid into report.proto's Table: column roles from the
// header text (never from positions), 类/款/项 codes normalised to 3/5/7
// digits, total rows recognised, blank vs "—" vs explicit zero kept apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "juesuan/config/v1/parse_config.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/grid.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse::tables {

// A table found by a format reader (PDF word boxes, DOCX w:tbl).
struct TableSource {
  std::string title;                // as printed, spaces removed
  size_t title_begin = 0, title_end = 0;
  report::v1::MoneyUnit unit = report::v1::MONEY_UNIT_UNSPECIFIED;
  Grid grid;                        // header rows first, then the body rows
  int header_rows = 0;
  std::string note;                 // "注：…" printed under the table
  size_t note_begin = 0, note_end = 0;
  uint32_t first_line = 0, last_line = 0;  // 1-based, inclusive (for the narrative skip)
  // Byte ranges of text printed among the table's rows that the reader could
  // not place in any row (reported, never silently dropped).
  std::vector<std::pair<size_t, size_t>> unplaced;
};

// The configured standard table whose title `line` is, if any: the line
// (spaces removed) ends with a configured title (longest match wins), is not
// a numbered list item ("一、收入决算表" in a table of contents) and is short.
const config::v1::TableTitle* MatchTableTitle(std::string_view line,
                                              const config::v1::ParseConfig& config);

// Header text of every grid column: the distinct header cells above it,
// joined with "/" (spans and vertical merges honoured).
std::vector<std::string> ColumnHeaders(const Grid& grid, int header_rows);

// The semantic role of a column from its header path.
std::string ColumnRole(std::string_view header);

// Reads one table. `id` is "T1".."T9" or "X<n>"; `semantic` "" when unknown.
report::v1::Table ReadTable(const TableSource& source, const std::string& id,
                            const std::string& semantic, const SourceDocument& doc);

// Reads every source: standard tables by title, others as "X<n>"; reports
// each configured table that is missing when at least one was found.
std::vector<report::v1::Table> ReadTables(const std::vector<TableSource>& sources,
                                          const config::v1::ParseConfig& config,
                                          const SourceDocument& doc, Diagnostics& diagnostics);

// "201 06 01" / "2010601" / "201" → digits only; empty when not a code.
std::string NormalizeCode(std::string_view printed);

}  // namespace juesuan::parse::tables
