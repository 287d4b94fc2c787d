#include "services/parse/src/parser.h"

#include <cstdint>
#include <bit>
#include <cstring>

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "common/base/status_macros.h"
#include "common/text/encoding.h"
#include "fmt/format.h"
#include "services/parse/src/default_config.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/document_scan.h"
#include "services/parse/src/narrative.h"
#include "services/parse/src/sections.h"
#include "services/parse/src/source_document.h"
#include "services/parse/perf/performance_tables.h"
#include "services/parse/tables/structured_input.h"

namespace juesuan::parse {
namespace {

using report::v1::Report;

absl::Status CheckDeadline(const ParseOptions& options, std::string_view stage) {
  if (absl::Now() > options.deadline) {
    return absl::DeadlineExceededError(
        fmt::format("parse deadline exceeded during {}", stage));
  }
  return absl::OkStatus();
}

absl::Status CheckTableLimit(const Report& report, const ParseOptions& options) {
  const size_t tables = report.tables_size() + report.performance_tables_size();
  if (tables <= options.max_tables) return absl::OkStatus();
  return absl::ResourceExhaustedError(fmt::format(
      "document has {} tables; the limit is {} tables", tables, options.max_tables));
}

absl::Status CheckStatementLimit(const Report& report, const ParseOptions& options) {
  const size_t statements = report.statements_size();
  if (statements <= options.max_statements) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      fmt::format("document has {} narrative statements; the limit is {} statements",
                  statements, options.max_statements));
}

report::v1::Format DetectFormat(std::string_view content) {
  if (content.substr(0, 5) == "%PDF-") return report::v1::FORMAT_PDF;
  if (content.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return report::v1::FORMAT_DOCX;
  return report::v1::FORMAT_TEXT;
}

// Text with NUL bytes or many control characters is binary data that
// happens to decode, not a document.
// The high bits of the eight bytes at `p` that may be below 0x20 or 0x7f
// (bit tricks on a 64-bit word: "has a byte less than n" and "has a zero
// byte"). A borrow can flag a byte above a true one, never below: the lowest
// flag is a true one.
uint64_t ControlMask(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  const uint64_t del = w ^ (kOnes * 0x7f);
  return below_space | ((del - kOnes) & ~del & kHigh);
}

absl::Status CheckLooksLikeText(std::string_view utf8) {
  static_assert(std::endian::native == std::endian::little, "lowest byte first in a word");
  size_t control = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    // Eight bytes at a time while none of them can be a control character,
    // then straight to the first that may be (a line break, mostly).
    while (i + 8 <= utf8.size()) {
      const uint64_t mask = ControlMask(utf8.data() + i);
      if (mask != 0) {
        i += static_cast<size_t>(std::countr_zero(mask)) / 8;
        break;
      }
      i += 8;
    }
    if (i >= utf8.size()) break;
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x20 && c != 0x7f) continue;
    if (c == 0) {
      return absl::InvalidArgumentError(
          fmt::format("content is binary data, not text: NUL byte at offset {}", i));
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) ++control;
  }
  if (control * 100 > utf8.size()) {
    return absl::InvalidArgumentError(fmt::format(
        "content is binary data, not text: {} control characters in {} bytes", control,
        utf8.size()));
  }
  return absl::OkStatus();
}

report::v1::Encoding EncodingOf(text::SourceEncoding e) {
  switch (e) {
    case text::SourceEncoding::kUtf8: return report::v1::ENCODING_UTF8;
    case text::SourceEncoding::kGb18030: return report::v1::ENCODING_GB18030;
    case text::SourceEncoding::kUtf16: return report::v1::ENCODING_UTF16;
  }
  return report::v1::ENCODING_UNSPECIFIED;
}

void CopySections(const SourceDocument& doc, const SectionIndex& index, Report* report,
                  Diagnostics& diags) {
  const auto& lines = doc.lines();
  for (const SectionSpan& s : index.sections()) {
    // A heading no synonym matched (it may have inherited its parent's key).
    if (s.matched_synonym.empty() && s.key != "TABLES") {
      const SourceLine& line = lines[s.heading_line];
      diags.Info("UNKNOWN_SECTION",
                 fmt::format("section \"{}\" matches no known heading; kept as OTHER", s.title),
                 doc.Provenance(line.begin, line.end, "OTHER"));
    }
    auto* out = report->add_sections();
    out->set_key(s.key);
    out->set_title(s.title);
    out->set_level(s.level);
    const SourceLine& line = lines[s.heading_line];
    *out->mutable_heading() = doc.Provenance(line.begin, line.end, s.key);
    out->set_body_end(s.body_last < lines.size() ? lines[s.body_last].begin : doc.text().size());
    out->set_matched_synonym(s.matched_synonym);
  }
}

using LineRanges = std::vector<std::pair<uint32_t, uint32_t>>;  // 1-based, inclusive

// Which lines (0-based) the 1-based inclusive `ranges` cover.
std::vector<bool> LinesIn(const LineRanges& ranges, size_t line_count) {
  std::vector<bool> in(line_count, false);
  for (auto [first, last] : ranges) {
    for (uint32_t l = first; l <= last && l <= line_count; ++l) in[l - 1] = true;
  }
  return in;
}

// Line indices of the title, of every heading and of the title lines of the
// performance tables ("项目支出绩效自评表" / "（2024年度）").
std::vector<uint32_t> HeadingLines(const SectionIndex& index, const Report& report,
                                   const LineRanges& tables) {
  constexpr uint32_t kTableTitleLines = 4;
  std::vector<uint32_t> out;
  if (report.document().has_title()) out.push_back(report.document().title().src().line() - 1);
  for (const auto& s : index.sections()) out.push_back(s.heading_line);
  for (auto [first, last] : tables) {
    for (uint32_t l = first; l <= last && l < first + kTableTitleLines; ++l) out.push_back(l - 1);
  }
  return out;
}

// The section key of every line; lines of a performance table carry the
// table's key ("PE", "PP[0]" …). Views of the keys the index and the
// report's performance tables hold, not copies: only the lines with a date
// need theirs.
std::vector<std::string_view> LineKeys(const SourceDocument& doc, const SectionIndex& index,
                                       const Report& report, const LineRanges& tables) {
  std::vector<std::string_view> keys(doc.lines().size());
  for (uint32_t i = 0; i < keys.size(); ++i) keys[i] = index.KeyOfLine(i);
  for (size_t t = 0; t < tables.size() && t < static_cast<size_t>(report.performance_tables_size());
       ++t) {
    const std::string& key = report.performance_tables(t).src().section_key();
    for (uint32_t l = tables[t].first; l <= tables[t].second && l <= keys.size(); ++l) {
      keys[l - 1] = key;
    }
  }
  return keys;
}

// A 决算 disclosure has a 决算 title or at least two recognised narrative
// sections; anything else (a news article, a random text) is refused.
absl::Status CheckIsDisclosure(const Report& report, const SectionIndex& index) {
  int recognised = 0;
  for (const auto& s : index.sections()) {
    if (s.key != "OTHER") ++recognised;
  }
  if (report.document().has_title() || recognised >= 2) return absl::OkStatus();
  return absl::InvalidArgumentError(
      "not a 决算 disclosure: no \"<单位><年>年度部门决算\" title and no recognised "
      "决算 section headings");
}

}  // namespace

absl::StatusOr<config::v1::ParseConfig> ParseConfigFromJson(std::string_view json) {
  config::v1::ParseConfig config;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &config, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("invalid parse configuration: {}", status.ToString()));
  }
  return config;
}

absl::StatusOr<std::unique_ptr<DocumentParser>> DocumentParser::CreateDefault() {
  ASSIGN_OR_RETURN(auto config, ParseConfigFromJson(DefaultParseConfigJson()));
  return Create(std::move(config));
}

absl::StatusOr<std::unique_ptr<DocumentParser>> DocumentParser::Create(
    config::v1::ParseConfig config) {
  if (config.sections().empty()) {
    return absl::InvalidArgumentError("parse configuration has no section synonyms");
  }
  return std::unique_ptr<DocumentParser>(new DocumentParser(std::move(config)));
}

absl::StatusOr<Report> DocumentParser::Parse(std::string_view content,
                                             const ParseOptions& options) const {
  ASSIGN_OR_RETURN(DecodedDocument decoded, Decode(content, options));
  return ParseDecoded(std::move(decoded), options);
}

absl::StatusOr<DecodedDocument> DocumentParser::Decode(std::string_view content,
                                                       const ParseOptions& options) const {
  if (content.empty()) return absl::InvalidArgumentError("document is empty (0 bytes)");
  if (content.size() > options.max_document_bytes) {
    return absl::ResourceExhaustedError(
        fmt::format("document is {} bytes; the limit is {} bytes", content.size(),
                    options.max_document_bytes));
  }
  RETURN_IF_ERROR(CheckDeadline(options, "start"));
  DecodedDocument decoded;
  decoded.format = DetectFormat(content);
  // PDF and DOCX are decoded to text (and tables) by their own readers; the
  // text then goes through the same pipeline as text input.
  if (decoded.format == report::v1::FORMAT_TEXT) {
    ASSIGN_OR_RETURN(text::DecodedText text, text::DecodeToUtf8(content));
    RETURN_IF_ERROR(CheckLooksLikeText(text.utf8));
    decoded.input.format = report::v1::FORMAT_TEXT;
    decoded.input.text = std::move(text.utf8);
    decoded.encoding = EncodingOf(text.encoding);
  } else {
    const StructuredLimits limits{options.max_pdf_pages, options.deadline,
                                  options.pdf_page_threads};
    ASSIGN_OR_RETURN(decoded.input, DecodeStructured(content, decoded.format, limits));
  }
  RETURN_IF_ERROR(CheckDeadline(options, "decoding"));
  return decoded;
}

absl::StatusOr<Report> DocumentParser::ParseDecoded(DecodedDocument decoded,
                                                    const ParseOptions& options) const {
  const report::v1::Format format = decoded.format;
  const report::v1::Encoding encoding = decoded.encoding;
  StructuredInput& structured = decoded.input;
  SourceDocument doc(std::move(structured.text), structured.page_starts);
  Report report;
  Diagnostics diags(&report);
  auto* info = report.mutable_document();
  info->set_format(format);
  info->set_encoding(encoding);
  info->set_amount_unit(report::v1::MONEY_UNIT_WAN_YUAN);
  ScanTitle(doc, info);
  info->set_layout(options.layout_hint != report::v1::LAYOUT_UNSPECIFIED
                       ? options.layout_hint
                       : DetectLayout(doc, config_));

  // Performance tables first: their lines are tables, not narrative.
  LineRanges table_lines;  // 1-based, inclusive
  LineRanges other_tables;
  if (format == report::v1::FORMAT_TEXT) {
    for (auto& table : ExtractPerformanceTables(doc, diags, &table_lines)) {
      *report.add_performance_tables() = std::move(table);
    }
    other_tables = ReadColumnLayoutTables(doc, LinesIn(table_lines, doc.lines().size()), config_,
                                          report, diags);
  } else {
    TableLines lines = ReadStructuredTables(structured, doc, config_, report, diags);
    table_lines = std::move(lines.performance);
    other_tables = std::move(lines.other);
  }
  LineRanges all_tables = table_lines;
  all_tables.insert(all_tables.end(), other_tables.begin(), other_tables.end());
  const std::vector<bool> skip = LinesIn(all_tables, doc.lines().size());
  RETURN_IF_ERROR(CheckTableLimit(report, options));
  RETURN_IF_ERROR(CheckDeadline(options, "performance tables"));
  SectionIndex index(doc, config_, info->unit_name().text(), skip);
  RETURN_IF_ERROR(CheckIsDisclosure(report, index));
  RETURN_IF_ERROR(CheckDeadline(options, "section recognition"));

  NarrativeExtractor narrative(doc, index, skip, config_, report, diags);
  narrative.ExtractAll();
  RETURN_IF_ERROR(CheckStatementLimit(report, options));
  RETURN_IF_ERROR(CheckDeadline(options, "narrative extraction"));

  CopySections(doc, index, &report, diags);
  ScanPlaceholders(doc, config_, &report);
  ScanDates(doc, LineKeys(doc, index, report, table_lines), &report);
  ScanHeadingYears(doc, HeadingLines(index, report, table_lines), info);
  if (!options.omit_text) report.set_text(doc.text());
  return report;
}

}  // namespace juesuan::parse
