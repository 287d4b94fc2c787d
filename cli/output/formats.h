// The output formats of `juesuan analyze`:
//   text  readable summary of one document (ANSI colours when `colour`)
//   json  {"document": NAME, "analysis": <AnalyzeResponse in proto3 JSON>}
//         or {"document": NAME, "error": {"code": CODE, "message": TEXT}}
//   csv   one row per finding: document, rule, severity, message, page, line,
//         quote — UTF-8 with a byte-order mark so Excel and WPS read Chinese
//   html  see html_report.h
#pragma once

#include <string>
#include <vector>

#include "cli/output/document_result.h"

namespace juesuan::cli {

std::string FormatDocumentText(const DocumentResult& result, bool colour);

// `pretty`: indented (one file per document); otherwise one line (JSON Lines).
std::string FormatDocumentJson(const DocumentResult& result, bool pretty);

// The byte-order mark and the header row.
std::string CsvHeader();
// The rows of one document (a failed document gets one row saying why).
std::string CsvRows(const DocumentResult& result);
// One field, quoted when needed (RFC 4180).
std::string CsvField(const std::string& value);

}  // namespace juesuan::cli
