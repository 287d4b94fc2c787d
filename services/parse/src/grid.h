// A table as a grid of cells, whatever the source format: Word-export text
// (one cell per tab-indented line), DOCX (w:tbl with merges resolved) or PDF
// (cells recovered from word boxes). Table readers work on grids only, so
// every format goes through the same readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace juesuan::parse {

struct GridCell {
  std::string text;           // as printed, surrounding white space trimmed
  std::string norm;           // folded copy for matching
  size_t begin = 0;           // document offsets of `text`
  size_t end = 0;
  // The cell continues a vertically merged cell from the row above (DOCX
  // w:vMerge continuation). Word-export text cannot tell: such cells are
  // simply empty there, and readers forward-fill by column meaning.
  bool merged_from_above = false;
  int column_span = 1;        // DOCX w:gridSpan
  // Header-matching key of `norm`, computed once by the reader that needs
  // it (readers ask for it many times per cell). Set `norm` before asking.
  mutable std::optional<std::string> key_cache;

  bool empty() const { return text.empty(); }
};

struct GridRow {
  std::vector<GridCell> cells;
};

struct Grid {
  std::vector<GridRow> rows;
  size_t begin = 0;           // document offsets covered by the grid
  size_t end = 0;
};

}  // namespace juesuan::parse
