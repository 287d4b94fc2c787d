// PDF pages as positioned words and lines (poppler-cpp text boxes). Word
// boxes are the only thing the PDF readers need: narrative text is built
// from the lines in reading order, tables from the word positions.
// Coordinates are page points (geometry only; no money is held here).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace juesuan::parse::pdf {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // y grows downwards
  double height() const { return y1 - y0; }
  double center_y() const { return (y0 + y1) / 2; }
};

struct Word {
  std::string text;  // UTF-8
  Box box;
};

// Words whose boxes overlap vertically, left to right. `begin`/`end` are the
// document offsets of the line once the text is assembled.
struct Line {
  std::vector<Word> words;
  Box box;
  std::string text;            // words joined, spaces only at visible gaps
  std::vector<size_t> word_begin;  // offset of each word within `text`
  size_t begin = 0;
  size_t end = 0;
};

struct Page {
  uint32_t number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Line> lines;  // top to bottom
};

struct PdfLimits {
  uint32_t max_pages = 500;
  absl::Time deadline = absl::InfiniteFuture();
  // Threads reading pages at once (each a contiguous run of pages). More than
  // one only pays when cores would otherwise idle: a single document in the
  // CLI, not a loaded service whose workers each read their own document.
  uint32_t page_threads = 1;
};

struct PdfDocument {
  std::vector<Page> pages;
  std::string text;                 // every line of every page, '\n'-separated
  std::vector<size_t> page_starts;  // offset of each page's first line
  std::vector<uint32_t> pages_without_text;  // 1-based
  bool encrypted = false;           // owner-password (permissions) encryption
  // Words placed on a grid of character columns (text laid out by
  // pdftotext), not measured on the page: see layout_text.h.
  bool character_grid = false;
};

// Errors: FAILED_PRECONDITION (password-protected; no text layer on any
// page), INVALID_ARGUMENT (not a PDF, truncated, damaged), RESOURCE_EXHAUSTED
// (more pages than limits.max_pages), DEADLINE_EXCEEDED (between pages).
absl::StatusOr<PdfDocument> ReadPdf(std::string_view bytes, const PdfLimits& limits);

// Groups words into lines by vertical overlap and sorts them into reading
// order; builds each line's text. Exposed for tests.
std::vector<Line> BuildLines(std::vector<Word> words);

// Joins the words of a line: a space where the gap between two words is
// visible, none between CJK characters and digits printed close together.
void AssembleLineText(Line& line);

}  // namespace juesuan::parse::pdf
