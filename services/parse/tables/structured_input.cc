#include "services/parse/tables/structured_input.h"

#include "fmt/format.h"
#include "services/parse/pdf/layout_text.h"
#include "services/parse/pdf/pdf_tables.h"
#include "services/parse/perf/performance_table_reader.h"
#include "services/parse/perf/performance_tables.h"
#include "services/parse/perf/perf_vocabulary.h"
#include "services/parse/tables/standard_tables.h"

namespace juesuan::parse {
namespace {

using LineRanges = std::vector<std::pair<uint32_t, uint32_t>>;

void ReportPagesWithoutText(const StructuredInput& input, const SourceDocument& doc,
                            Diagnostics& diagnostics) {
  for (uint32_t page : input.pdf.pages_without_text) {
    report::v1::Provenance src;
    if (page >= 1 && page <= input.page_starts.size()) {
      src = doc.Provenance(input.page_starts[page - 1], input.page_starts[page - 1], "");
    }
    src.set_page(page);
    diagnostics.Warning("PAGE_WITHOUT_TEXT",
                        fmt::format("page {} has no text layer (an image or a blank page); "
                                    "its content is not read",
                                    page),
                        std::move(src));
  }
}

LineRanges ReadPositionedTables(const pdf::PdfDocument& words, const SourceDocument& doc,
                                const config::v1::ParseConfig& config,
                                report::v1::Report& report, Diagnostics& diagnostics) {
  LineRanges ranges;
  const auto sources = pdf::FindPdfTables(words, config);
  for (auto& table : tables::ReadTables(sources, config, doc, diagnostics)) {
    *report.add_tables() = std::move(table);
  }
  for (const auto& s : sources) ranges.emplace_back(s.first_line, s.last_line);
  return ranges;
}

// DOCX tables: a table under a performance-table title goes to the
// performance reader; every other table to the standard-table reader,
// titled by the paragraph printed above it.
TableLines ReadDocxTables(const StructuredInput& input, const SourceDocument& doc,
                          const config::v1::ParseConfig& config, report::v1::Report& report,
                          Diagnostics& diagnostics) {
  TableLines ranges;
  std::vector<tables::TableSource> sources;
  int overall = 0, project = 0;
  const auto& lines = doc.lines();
  for (const docx::DocxTable& t : input.docx.tables) {
    // The title may sit a paragraph or two above (a year line between).
    const SourceLine* title = nullptr;
    for (int back = 0; back < 3 && t.title_paragraph - back >= 0; ++back) {
      const SourceLine& l = lines[static_cast<size_t>(t.title_paragraph - back)];
      if (IsPerformanceTableTitle(l) || tables::MatchTableTitle(l.raw, config) != nullptr) {
        title = &l;
        break;
      }
    }
    if (title != nullptr && IsPerformanceTableTitle(*title)) {
      const auto kind = *perf_vocabulary::TitleKind(title->norm());
      const bool is_project = kind == report::v1::PERFORMANCE_TABLE_KIND_PROJECT;
      const std::string key = PerformanceTableSectionKey(kind, is_project ? project : overall);
      // The title and year paragraphs are the grid's first rows, as in a
      // Word-export text table.
      Grid grid;
      for (uint32_t n = title->number; n < t.first_line; ++n) {
        const SourceLine& l = lines[n - 1];
        if (l.blank()) continue;
        GridCell c;
        c.text = std::string(l.raw);
        c.norm = l.norm();
        c.begin = l.begin;
        c.end = l.end;
        grid.rows.push_back(GridRow{{std::move(c)}});
      }
      grid.rows.insert(grid.rows.end(), t.grid.rows.begin(), t.grid.rows.end());
      grid.begin = title->begin;
      grid.end = t.grid.end;
      auto table = ReadPerformanceTable(grid, doc, key, diagnostics);
      if (table.ok()) {
        (is_project ? project : overall)++;
        *report.add_performance_tables() = *std::move(table);
        ranges.performance.emplace_back(title->number, t.last_line);
        continue;
      }
      diagnostics.Info("PERF_TITLE_WITHOUT_TABLE",
                       fmt::format("the table under a performance-table title is not readable "
                                   "as one: {}",
                                   std::string(table.status().message())),
                       doc.Provenance(title->begin, title->end, key));
    }
    tables::TableSource source;
    source.grid = t.grid;
    source.first_line = title != nullptr ? title->number : t.first_line;
    source.last_line = t.last_line;
    if (title != nullptr) {
      source.title = std::string(title->raw);
      source.title_begin = title->begin;
      source.title_end = title->end;
    }
    // Header rows: those above the first row holding a figure or a code.
    source.header_rows = 0;
    for (const GridRow& row : t.grid.rows) {
      bool data = false;
      for (const GridCell& c : row.cells) {
        if (!tables::NormalizeCode(c.text).empty()) data = true;
        if (c.text == "合计" || c.text == "总计") data = true;
      }
      if (data) break;
      ++source.header_rows;
    }
    if (source.header_rows == static_cast<int>(t.grid.rows.size())) source.header_rows = 1;
    for (const GridRow& row : t.grid.rows) {
      for (const GridCell& c : row.cells) {
        if (c.text.find("单位") != std::string::npos && c.text.find("元") != std::string::npos) {
          source.unit = c.text.find("万元") != std::string::npos ? report::v1::MONEY_UNIT_WAN_YUAN
                                                                : report::v1::MONEY_UNIT_YUAN;
        }
      }
    }
    ranges.other.emplace_back(source.first_line, source.last_line);
    sources.push_back(std::move(source));
  }
  for (auto& table : tables::ReadTables(sources, config, doc, diagnostics)) {
    *report.add_tables() = std::move(table);
  }
  return ranges;
}

}  // namespace

absl::StatusOr<StructuredInput> DecodeStructured(std::string_view content,
                                                 report::v1::Format format,
                                                 const StructuredLimits& limits) {
  StructuredInput input;
  input.format = format;
  if (format == report::v1::FORMAT_PDF) {
    pdf::PdfLimits pdf_limits;
    pdf_limits.max_pages = limits.max_pdf_pages;
    pdf_limits.deadline = limits.deadline;
    pdf_limits.page_threads = limits.pdf_page_threads;
    auto pdf = pdf::ReadPdf(content, pdf_limits);
    if (!pdf.ok()) return pdf.status();
    input.pdf = *std::move(pdf);
    input.text = std::move(input.pdf.text);
    input.page_starts = input.pdf.page_starts;
    return input;
  }
  auto docx = docx::ReadDocx(content, docx::DocxLimits());
  if (!docx.ok()) return docx.status();
  input.docx = *std::move(docx);
  input.text = std::move(input.docx.text);
  return input;
}

TableLines ReadStructuredTables(
    const StructuredInput& input, const SourceDocument& doc,
    const config::v1::ParseConfig& config, report::v1::Report& report,
    Diagnostics& diagnostics) {
  if (input.format == report::v1::FORMAT_PDF) {
    ReportPagesWithoutText(input, doc, diagnostics);
    return TableLines{{}, ReadPositionedTables(input.pdf, doc, config, report, diagnostics)};
  }
  return ReadDocxTables(input, doc, config, report, diagnostics);
}

LineRanges ReadColumnLayoutTables(const SourceDocument& doc, const std::vector<bool>& skip,
                                  const config::v1::ParseConfig& config,
                                  report::v1::Report& report, Diagnostics& diagnostics) {
  std::vector<pdf::TextLineRange> lines;
  lines.reserve(doc.lines().size());
  for (const SourceLine& line : doc.lines()) lines.emplace_back(line.begin, line.end);
  if (!pdf::IsColumnLayout(doc.text(), lines)) return {};
  const size_t count = pdf::CountGridWords(doc.text(), lines, skip, pdf::kMaxGridWords);
  if (count > pdf::kMaxGridWords) {
    diagnostics.Warning("TABLES_NOT_READ",
                        fmt::format("the text is laid out in columns but holds more than {} "
                                    "words; its tables are not read (the narrative is)",
                                    pdf::kMaxGridWords),
                        report::v1::Provenance());
    return {};
  }
  const pdf::PdfDocument words = pdf::PositionedWords(doc.text(), lines, skip);
  return ReadPositionedTables(words, doc, config, report, diagnostics);
}

}  // namespace juesuan::parse
