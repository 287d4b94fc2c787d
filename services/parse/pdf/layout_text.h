// Text laid out in columns of spaces — `pdftotext -layout` output, or a
// printed table pasted as text — as positioned words, so that the tables in
// it are read by the same reader as a PDF's word boxes. Each code point is
// one column of the page (pdftotext places characters on a grid of columns),
// each text line one line of the page, and a form feed starts a new page.
// Geometry only: no money is held here.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "services/parse/pdf/pdf_layout.h"

namespace juesuan::parse::pdf {

// Width of one grid column in page units: about a half-width character's
// width in points, so that the table reader's thresholds (in points) fit.
inline constexpr double kGridColumnWidth = 5.0;

// Byte range [begin, end) of one text line in the document, newline excluded.
using TextLineRange = std::pair<size_t, size_t>;

// Whether the text is laid out in columns: pages separated by form feeds, or
// several lines whose words stand apart by runs of spaces. Word-export text
// (one table cell per line) is not.
bool IsColumnLayout(std::string_view text, const std::vector<TextLineRange>& lines);

// Most words the grid is built for. A text laid out in columns with more
// words than this (tens of megabytes of figures) would take gigabytes and
// minutes to read as tables; its tables are not read, and the caller says so.
inline constexpr size_t kMaxGridWords = 500'000;

// Words (runs of non-blanks) of the lines not marked in `skip`, counted up to
// just past `limit`.
size_t CountGridWords(std::string_view text, const std::vector<TextLineRange>& lines,
                      const std::vector<bool>& skip, size_t limit);

// One Line per text line (a line marked in `skip` is left without words),
// with word boxes from the columns; every offset refers to `text`. The
// result's `text` stays empty: the document's own text is the evidence.
PdfDocument PositionedWords(std::string_view text, const std::vector<TextLineRange>& lines,
                            const std::vector<bool>& skip);

}  // namespace juesuan::parse::pdf
