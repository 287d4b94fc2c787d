// Finds the 绩效自评表 of a text document (Word export, REFERENCE §2.7) by
// their title lines, reads each one and tells the narrative parser which
// lines the tables occupy.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

// Every 整体/项目 table in document order. Section keys: "PE" for the first
// 整体 table ("PE[1]", "PE[2]" … for further ones), "PP[i]" for the i-th
// 项目 table (0-based). `consumed_lines` (may be null) receives, for every
// table read, its [first, last] line numbers (1-based, inclusive, title line
// included) so that the narrative parser can skip them. A title line whose
// following lines do not read as a table is reported and not consumed.
std::vector<report::v1::PerformanceTable> ExtractPerformanceTables(
    const SourceDocument& doc, Diagnostics& diagnostics,
    std::vector<std::pair<uint32_t, uint32_t>>* consumed_lines);

// The section key of the `index`-th (0-based) table of `kind`: "PE",
// "PE[1]" …; "PP[0]", "PP[1]" … Readers of other formats (DOCX, PDF) use it
// so that every format keys its tables alike.
std::string PerformanceTableSectionKey(report::v1::PerformanceTableKind kind, int index);

// True when `line` is the title of a performance table (a short line naming
// one, not a sentence that mentions one).
bool IsPerformanceTableTitle(const SourceLine& line);

}  // namespace juesuan::parse
