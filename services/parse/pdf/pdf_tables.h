// Tables recovered from PDF word boxes: the table title (by the configured
// titles), the unit line, the header (multi-line headers, group headers
// spanning several columns), columns from the x-positions of the header
// words, side-by-side blocks, rows anchored on their code or label with
// wrapped labels and vertically offset figures attached to their row, and
// tables continuing over page breaks.
#pragma once

#include <vector>

#include "juesuan/config/v1/parse_config.pb.h"
#include "services/parse/pdf/pdf_layout.h"
#include "services/parse/tables/standard_tables.h"

namespace juesuan::parse::pdf {

// Every table whose title line matches a configured title. Line numbers and
// offsets refer to `doc.text`.
std::vector<tables::TableSource> FindPdfTables(const PdfDocument& doc,
                                               const config::v1::ParseConfig& config);

}  // namespace juesuan::parse::pdf
