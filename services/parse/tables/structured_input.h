// PDF and DOCX input for the parse pipeline: the decoded text (with page
// starts for PDF) that goes through the same narrative parser as text input,
// and the tables read from the format's own structure (word boxes, w:tbl).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "juesuan/config/v1/parse_config.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/docx/docx_reader.h"
#include "services/parse/pdf/pdf_layout.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

struct StructuredInput {
  report::v1::Format format = report::v1::FORMAT_UNSPECIFIED;
  std::string text;
  std::vector<size_t> page_starts;
  pdf::PdfDocument pdf;      // pages and word boxes (PDF); its text moved to `text`
  docx::DocxDocument docx;   // tables (DOCX); its text moved to `text`
};

struct StructuredLimits {
  uint32_t max_pdf_pages = 500;
  absl::Time deadline = absl::InfiniteFuture();
  uint32_t pdf_page_threads = 1;  // see pdf::PdfLimits::page_threads
};

// Decodes a PDF or DOCX. Errors as pdf::ReadPdf / docx::ReadDocx.
absl::StatusOr<StructuredInput> DecodeStructured(std::string_view content,
                                                 report::v1::Format format,
                                                 const StructuredLimits& limits);

// 1-based inclusive line ranges occupied by tables (the narrative skips them).
struct TableLines {
  std::vector<std::pair<uint32_t, uint32_t>> performance;  // one per performance table, in order
  std::vector<std::pair<uint32_t, uint32_t>> other;        // the nine tables and the rest
};

// Adds the tables (nine standard ones, other tables, and DOCX performance
// tables) to `report` and the pages without text as diagnostics.
TableLines ReadStructuredTables(
    const StructuredInput& input, const SourceDocument& doc,
    const config::v1::ParseConfig& config, report::v1::Report& report,
    Diagnostics& diagnostics);

// Text input laid out in columns (`pdftotext -layout`): the nine standard
// tables and other titled tables, read from the columns of its lines by the
// PDF table reader. Lines marked in `skip` (performance tables) are not
// looked at. Returns the line ranges of the tables found; none for text
// that is not laid out in columns (Word-export text).
std::vector<std::pair<uint32_t, uint32_t>> ReadColumnLayoutTables(
    const SourceDocument& doc, const std::vector<bool>& skip,
    const config::v1::ParseConfig& config, report::v1::Report& report,
    Diagnostics& diagnostics);

}  // namespace juesuan::parse
