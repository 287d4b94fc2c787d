#include "services/parse/perf/performance_tables.h"

#include <string>

#include "common/text/search.h"
#include "fmt/format.h"
#include "services/parse/perf/perf_vocabulary.h"
#include "services/parse/perf/performance_table_reader.h"
#include "services/parse/perf/word_text_grid.h"

namespace juesuan::parse {
namespace {

// A title is a heading, not a sentence: titles are short and carry no
// sentence punctuation (folded "，" is ",").
constexpr size_t kMaxTitleBytes = 150;

bool IsCellLine(const SourceLine& line) { return line.leading_tabs > 0; }

// The last line of the table whose title is on line `title` (1-based): the
// table runs over the cell lines and blank lines after the title, up to the
// next title or the first line of prose. A prose line squeezed between two
// cell lines continues a cell.
uint32_t TableEnd(const SourceDocument& doc, uint32_t title) {
  const auto& lines = doc.lines();
  const uint32_t count = static_cast<uint32_t>(lines.size());
  uint32_t last = title;
  for (uint32_t n = title + 1; n <= count; ++n) {
    const SourceLine& line = lines[n - 1];
    if (IsPerformanceTableTitle(line)) break;
    if (IsCellLine(line)) {
      last = n;
      continue;
    }
    if (line.blank()) continue;
    const bool after_cell = IsCellLine(lines[n - 2]);
    const bool before_cell = n < count && IsCellLine(lines[n]);
    if (!(after_cell && before_cell)) break;
    last = n;
  }
  return last;
}

}  // namespace

std::string PerformanceTableSectionKey(report::v1::PerformanceTableKind kind, int index) {
  if (kind == report::v1::PERFORMANCE_TABLE_KIND_PROJECT) return fmt::format("PP[{}]", index);
  return index == 0 ? std::string("PE") : fmt::format("PE[{}]", index);
}

bool IsPerformanceTableTitle(const SourceLine& line) {
  const std::string& norm = line.norm();
  if (norm.size() > kMaxTitleBytes) return false;
  // The title test first: it rules out nearly every line at once.
  if (!perf_vocabulary::TitleKind(norm).has_value()) return false;
  for (std::string_view mark : {",", "。", ";", "；"}) {
    if (text::Contains(norm, mark)) return false;
  }
  return true;
}

std::vector<report::v1::PerformanceTable> ExtractPerformanceTables(
    const SourceDocument& doc, Diagnostics& diagnostics,
    std::vector<std::pair<uint32_t, uint32_t>>* consumed_lines) {
  std::vector<report::v1::PerformanceTable> tables;
  int overall = 0, project = 0;
  const auto& lines = doc.lines();
  for (uint32_t n = 1; n <= lines.size(); ++n) {
    const SourceLine& line = lines[n - 1];
    if (!IsPerformanceTableTitle(line)) continue;
    const auto kind = *perf_vocabulary::TitleKind(line.norm());
    const bool is_project = kind == report::v1::PERFORMANCE_TABLE_KIND_PROJECT;
    const std::string key = PerformanceTableSectionKey(kind, is_project ? project : overall);
    const uint32_t last = TableEnd(doc, n);
    const Grid grid = BuildWordTextGrid(doc, n, last);
    auto table = ReadPerformanceTable(grid, doc, key, diagnostics);
    if (!table.ok()) {
      diagnostics.Info("PERF_TITLE_WITHOUT_TABLE",
                       fmt::format("a performance-table title without a readable table: {}",
                                   std::string(table.status().message())),
                       doc.Provenance(line.begin, line.end, key));
      continue;
    }
    (is_project ? project : overall)++;
    tables.push_back(*std::move(table));
    if (consumed_lines != nullptr) consumed_lines->emplace_back(n, last);
    n = last;
  }
  return tables;
}

}  // namespace juesuan::parse
