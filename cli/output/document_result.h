// One input document's outcome in `juesuan analyze`: the gateway's response,
// or the reason there is none (unreadable file, parse refused it, call
// failed). Every input yields exactly one DocumentResult.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "juesuan/analyze/v1/analyze_service.pb.h"
#include "juesuan/findings/v1/finding.pb.h"

namespace juesuan::cli {

struct DocumentResult {
  std::string path;      // as opened
  std::string name;      // as shown: relative to the folder given, or the path given
  absl::Status status;   // of reading the file and of the Analyze call
  analyze::v1::AnalyzeResponse response;  // meaningful when status is OK
  absl::Duration elapsed;
};

struct SeverityCounts {
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};

// Validation findings followed by every scored table's findings; a PF-TAB
// rule that both stages report appears once (from scoring).
std::vector<const findings::v1::Finding*> AllFindings(const analyze::v1::AnalyzeResponse& r);
SeverityCounts CountSeverities(const analyze::v1::AnalyzeResponse& response);

// Stages that did not succeed, as "validate: UNAVAILABLE: message".
std::vector<std::string> FailedStages(const analyze::v1::AnalyzeResponse& response);

// The document failed (no result, or a stage failed) or has error findings.
bool DocumentFailed(const DocumentResult& result);
bool HasErrorFindings(const DocumentResult& result);

// "error", "warning", "info".
const char* SeverityName(findings::v1::Severity severity);
const char* StageName(analyze::v1::Stage stage);

// Display width of UTF-8 text in a terminal: CJK and full-width characters
// take two columns.
size_t DisplayWidth(const std::string& utf8);
// `text` padded with spaces (or cut with "…") to `width` columns.
std::string PadToWidth(const std::string& text, size_t width);
// Same, but a long text keeps its end ("…/001/text.txt"): for paths.
std::string PadToWidthKeepEnd(const std::string& text, size_t width);
// Whitespace runs (newlines and tabs of table rows) become one space; the
// result is cut with "…" at `width` columns.
std::string OneLine(const std::string& text, size_t width);

}  // namespace juesuan::cli
