#include "cli/output/document_result.h"

#include <set>
#include <string>

#include "absl/status/status.h"

namespace juesuan::cli {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes count as
// one column each.
char32_t NextCodePoint(const std::string& s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                             : (lead >> 3) == 0x1E ? 4 : 1;
  if (i + length > s.size()) length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x3F >> (length - 1));
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::vector<const findings::v1::Finding*> AllFindings(const analyze::v1::AnalyzeResponse& r) {
  // Both stages check the performance tables (PF-TAB rules): a rule the
  // scoring stage reported is shown once, from scoring, whose evidence is
  // the table's own cells.
  std::set<std::string> scored_rules;
  for (const auto& table : r.scoring().tables()) {
    for (const auto& finding : table.findings()) scored_rules.insert(finding.rule_id());
  }
  std::vector<const findings::v1::Finding*> all;
  for (const auto& finding : r.validation().findings()) {
    const bool table_rule = finding.rule_id().rfind("PF-TAB-", 0) == 0;
    if (table_rule && scored_rules.count(finding.rule_id()) > 0) continue;
    all.push_back(&finding);
  }
  for (const auto& table : r.scoring().tables()) {
    for (const auto& finding : table.findings()) all.push_back(&finding);
  }
  return all;
}

SeverityCounts CountSeverities(const analyze::v1::AnalyzeResponse& response) {
  SeverityCounts counts;
  for (const findings::v1::Finding* finding : AllFindings(response)) {
    switch (finding->severity()) {
      case findings::v1::SEVERITY_ERROR: ++counts.errors; break;
      case findings::v1::SEVERITY_WARNING: ++counts.warnings; break;
      default: ++counts.infos; break;
    }
  }
  return counts;
}

std::vector<std::string> FailedStages(const analyze::v1::AnalyzeResponse& response) {
  std::vector<std::string> failed;
  for (const auto& stage : response.stages()) {
    if (stage.code() == 0) continue;
    failed.push_back(std::string(StageName(stage.stage())) + ": " +
                     absl::StatusCodeToString(static_cast<absl::StatusCode>(stage.code())) +
                     ": " + stage.message());
  }
  return failed;
}

bool DocumentFailed(const DocumentResult& result) {
  return !result.status.ok() || !FailedStages(result.response).empty();
}

bool HasErrorFindings(const DocumentResult& result) {
  return result.status.ok() && CountSeverities(result.response).errors > 0;
}

const char* SeverityName(findings::v1::Severity severity) {
  switch (severity) {
    case findings::v1::SEVERITY_ERROR: return "error";
    case findings::v1::SEVERITY_WARNING: return "warning";
    default: return "info";
  }
}

const char* StageName(analyze::v1::Stage stage) {
  switch (stage) {
    case analyze::v1::STAGE_PARSE: return "parse";
    case analyze::v1::STAGE_VALIDATE: return "validate";
    case analyze::v1::STAGE_SCORING: return "scoring";
    default: return "analyze";
  }
}

size_t DisplayWidth(const std::string& utf8) {
  size_t width = 0;
  for (size_t i = 0; i < utf8.size();) width += IsWide(NextCodePoint(utf8, i)) ? 2 : 1;
  return width;
}

std::string PadToWidth(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) {
    return text + std::string(width - DisplayWidth(text), ' ');
  }
  std::string cut;
  size_t used = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const size_t w = IsWide(NextCodePoint(text, i)) ? 2 : 1;
    if (used + w + 1 > width) break;
    cut.append(text, start, i - start);
    used += w;
  }
  cut += "…";
  return cut + std::string(width - used - 1, ' ');
}

std::string PadToWidthKeepEnd(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return PadToWidth(text, width);
  // Code point boundaries from the start, then take the longest fitting tail.
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size();) {
    starts.push_back(i);
    NextCodePoint(text, i);
  }
  for (size_t start : starts) {
    const std::string tail = text.substr(start);
    if (DisplayWidth(tail) + 1 <= width) return PadToWidth("…" + tail, width);
  }
  return PadToWidth("…", width);
}

std::string OneLine(const std::string& text, size_t width) {
  std::string line;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  if (DisplayWidth(line) <= width) return line;
  std::string cut = PadToWidth(line, width);
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut;
}

}  // namespace juesuan::cli
