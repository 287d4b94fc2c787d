#include "services/parse/perf/word_text_grid.h"

#include <algorithm>
#include <string_view>

#include "common/text/normalize.h"

namespace juesuan::parse {
namespace {

// Length of a white-space code point at `s[pos]` (ASCII space/tab/CR,
// U+3000 ideographic space, U+00A0), 0 if none.
size_t SpaceAt(std::string_view s, size_t pos) {
  const char c = s[pos];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (s.substr(pos, 3) == "\xE3\x80\x80") return 3;
  if (s.substr(pos, 2) == "\xC2\xA0") return 2;
  return 0;
}

// Length of a white-space code point ending just before `end`, 0 if none.
size_t SpaceBefore(std::string_view s, size_t end) {
  const char c = s[end - 1];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (end >= 3 && s.substr(end - 3, 3) == "\xE3\x80\x80") return 3;
  if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") return 2;
  return 0;
}

// Shrinks [begin, end) of the document text to exclude surrounding spaces.
void Trim(std::string_view text, size_t* begin, size_t* end) {
  while (*begin < *end) {
    const size_t n = SpaceAt(text, *begin);
    if (n == 0) break;
    *begin += n;
  }
  while (*end > *begin) {
    const size_t n = SpaceBefore(text, *end);
    if (n == 0) break;
    *end -= n;
  }
}

// Fills `cell` with [begin, end) of `line` or, for a cell continued on a
// later line, of several lines. Filled in place: no cell is built only to
// be moved into its row.
void SetCell(const SourceDocument& doc, const SourceLine& line, size_t begin, size_t end,
             GridCell& cell) {
  Trim(doc.text(), &begin, &end);
  cell.begin = begin;
  cell.end = end;
  cell.text.assign(doc.text(), begin, end - begin);
  // The line is folded already; a cell over several lines is folded anew.
  if (begin >= line.begin && end <= line.end) {
    const std::string_view folded = line.folded.Slice(begin, end);
    cell.norm.assign(folded.data(), folded.size());
  } else {
    cell.norm = text::NormalizeForMatching(cell.text);
  }
  cell.key_cache.reset();
}

}  // namespace

Grid BuildWordTextGrid(const SourceDocument& doc, uint32_t first_line, uint32_t last_line) {
  Grid grid;
  const auto& lines = doc.lines();
  if (first_line == 0 || first_line > lines.size()) return grid;
  last_line = std::min<uint32_t>(last_line, static_cast<uint32_t>(lines.size()));
  bool in_row = false;
  // Where the last cell's text starts (after its tab), for continuations.
  size_t last_cell_start = 0;
  for (uint32_t n = first_line; n <= last_line; ++n) {
    const SourceLine& line = lines[n - 1];
    const bool is_cell = line.leading_tabs > 0;
    if (!is_cell && line.blank()) {
      in_row = false;
      continue;
    }
    if (grid.rows.empty()) grid.begin = line.begin;
    grid.end = line.end;
    if (!is_cell && in_row) {
      // The cell above continues on this line.
      SetCell(doc, line, last_cell_start, line.end, grid.rows.back().cells.back());
      continue;
    }
    if (!in_row) {
      grid.rows.emplace_back();
      in_row = true;
    }
    last_cell_start = line.begin + line.leading_tabs;
    SetCell(doc, line, last_cell_start, line.end, grid.rows.back().cells.emplace_back());
  }
  return grid;
}

}  // namespace juesuan::parse
