// The pieces the PDF table reader builds tables from: text fragments with
// their boxes, and columns while their headers are gathered. Shared with the
// character-grid header reader (grid_header.h). Page geometry only.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "services/parse/pdf/pdf_layout.h"

namespace juesuan::parse::pdf {

// Whether `s` is one or more ASCII digits (a code, a page number).
inline bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words of one line that fall in one column (or one header word).
struct Fragment {
  std::string text;
  Box box;  // y with the page offset added
  size_t begin = 0, end = 0;
  size_t line_id = 0;  // index of the body line it was printed on
  int column = -1;
};

// Length of the overlap of [a0, a1] and [b0, b1]; negative when apart.
inline double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

struct HeaderPiece {
  double y = 0, y1 = 0;
  double x_center = 0;
  std::string text;
  bool group = false;  // printed over several columns
};

struct ColumnBuild {
  double x0 = 0, x1 = 0;
  std::vector<HeaderPiece> pieces;
  double center() const { return (x0 + x1) / 2; }
};

}  // namespace juesuan::parse::pdf
