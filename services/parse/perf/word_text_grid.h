// Grids from the Word-export text shape (REFERENCE §2.7): each table cell is
// a line starting with a tab, consecutive cell lines form a row and a blank
// line ends the row. A line holding only a tab is an empty cell; vertically
// merged cells print in their first row only and are empty below.
#pragma once

#include <cstdint>

#include "services/parse/src/grid.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

// Builds the grid of document lines [first_line, last_line] (1-based,
// inclusive). A line without a leading tab inside a row continues the cell
// above it (a cell printed over several lines); outside a row it is a
// one-cell row of its own (a title printed without a tab). Cell offsets are
// the exact document offsets of the trimmed cell text; an empty cell has
// begin == end just after its tab.
Grid BuildWordTextGrid(const SourceDocument& doc, uint32_t first_line, uint32_t last_line);

}  // namespace juesuan::parse
