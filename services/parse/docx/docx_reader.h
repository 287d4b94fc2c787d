// DOCX input (a zip of WordprocessingML): body paragraphs become text lines,
// w:tbl tables become grids with w:gridSpan and w:vMerge honoured, so merged
// cells need no guessing. Guards against hostile files: a cap on the entry
// count and on the decompressed size (zip bombs), an XML nesting limit and
// no DTDs (no entity expansion).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "services/parse/src/grid.h"

namespace juesuan::parse::docx {

struct DocxLimits {
  uint64_t max_entries = 4096;
  uint64_t max_uncompressed_bytes = 256ull << 20;  // document.xml
  int max_xml_depth = 256;
};

struct DocxTable {
  Grid grid;                  // offsets into DocxDocument::text
  uint32_t first_line = 0;    // 1-based lines the table occupies in the text
  uint32_t last_line = 0;
  int title_paragraph = -1;   // line index (0-based) of the paragraph before it, if any
};

struct DocxDocument {
  std::string text;           // paragraphs, one per line; table rows one line each
  std::vector<DocxTable> tables;
};

// Errors: INVALID_ARGUMENT (not a zip, no word/document.xml, malformed XML,
// a DTD, nesting over the limit), RESOURCE_EXHAUSTED (entry count or
// decompressed size over the limits).
absl::StatusOr<DocxDocument> ReadDocx(std::string_view bytes, const DocxLimits& limits);

// The WordprocessingML part alone (exposed for tests and fuzzing).
absl::StatusOr<DocxDocument> ReadDocumentXml(std::string_view xml, const DocxLimits& limits);

}  // namespace juesuan::parse::docx
