// Reads one 绩效自评表 (整体 or 项目) from a Grid, whatever format the grid
// came from. Every column is mapped by its header text, never by position
// (column orders differ between regions and even within one prefecture,
// REFERENCE §2.4). Every value keeps its provenance; whatever the reader
// cannot place is reported as a diagnostic with its text.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/grid.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

// `section_key` ("PE", "PP[0]" …) goes into every provenance and is the
// TableRef.table_id of every cell. Errors: INVALID_ARGUMENT when the grid has
// neither a funds block nor an indicator header (not a performance table).
absl::StatusOr<report::v1::PerformanceTable> ReadPerformanceTable(const Grid& grid,
                                                                  const SourceDocument& doc,
                                                                  std::string_view section_key,
                                                                  Diagnostics& diagnostics);

}  // namespace juesuan::parse
