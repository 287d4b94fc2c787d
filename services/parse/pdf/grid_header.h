// The header of a table on a character grid (text laid out by pdftotext,
// see layout_text.h): header words given to the columns found from the
// body's words.
#pragma once

#include <vector>

#include "services/parse/pdf/table_parts.h"

namespace juesuan::parse::pdf {

// The header of columns on a character grid (text laid out by pdftotext).
// An ideograph takes one grid column like a digit, so header text no longer
// spans the cells it is centred over, and the figures under it are shifted
// by the text printed left of them: positions only order things. A header
// word clear of every column (more than two characters away) heads a column
// of its own (a column without figures); the other words of one header line
// go left to right to columns left to right, nearest centre first; the
// words over a column are read top to bottom. Group headers are told apart
// only over a line of repeated sub-headers (预算数 | 决算数 under each 三公
// item); elsewhere a group title joins the header of one of its columns.
void GridHeader(std::vector<Fragment> header, std::vector<ColumnBuild>& columns);

}  // namespace juesuan::parse::pdf
