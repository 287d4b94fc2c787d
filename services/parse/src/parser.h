// The parse pipeline: bytes -> decoded text -> sections -> statements,
// entities and tables -> report. Stateless after construction; safe to call
// from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "juesuan/config/v1/parse_config.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/tables/structured_input.h"

namespace juesuan::parse {

struct ParseOptions {
  report::v1::Layout layout_hint = report::v1::LAYOUT_UNSPECIFIED;
  bool omit_text = false;
  uint64_t max_document_bytes = 64ull << 20;
  uint32_t max_pdf_pages = 500;  // RESOURCE_EXHAUSTED above it
  // Tables (the 决算 tables, unknown tables and performance tables together)
  // and narrative statements one document may yield; RESOURCE_EXHAUSTED
  // above either. A real disclosure has tens of tables and a few hundred
  // statements; these bound what a crafted document can make the validator
  // and the scorer walk through.
  uint32_t max_tables = 1000;
  uint32_t max_statements = 50000;
  absl::Time deadline = absl::InfiniteFuture();
  // Threads reading a PDF's pages at once (pdf::PdfLimits::page_threads).
  uint32_t pdf_page_threads = 1;
};

// A document decoded from its bytes: the UTF-8 text every offset of the
// report refers to and, for PDF and DOCX, the structure its tables are read
// from (PDF word boxes, DOCX tables). For text input only `input.text` is set.
struct DecodedDocument {
  report::v1::Format format = report::v1::FORMAT_UNSPECIFIED;
  report::v1::Encoding encoding = report::v1::ENCODING_UTF8;
  StructuredInput input;
};

class DocumentParser {
 public:
  // The built-in configuration (config/parse_default.json, compiled in).
  static absl::StatusOr<std::unique_ptr<DocumentParser>> CreateDefault();
  static absl::StatusOr<std::unique_ptr<DocumentParser>> Create(
      config::v1::ParseConfig config);

  // Errors: INVALID_ARGUMENT (empty, undecodable, not a 决算 document),
  // FAILED_PRECONDITION (encrypted / image-only PDF), RESOURCE_EXHAUSTED
  // (over max_document_bytes, max_pdf_pages, max_tables or max_statements),
  // DEADLINE_EXCEEDED (deadline passed). Decode(content) followed by
  // ParseDecoded.
  absl::StatusOr<report::v1::Report> Parse(std::string_view content,
                                           const ParseOptions& options) const;

  // The first step of Parse: bytes to text (and words or tables). Errors as
  // Parse, except those only the second step finds (not a 决算 document,
  // max_tables, max_statements).
  absl::StatusOr<DecodedDocument> Decode(std::string_view content,
                                         const ParseOptions& options) const;

  // The second step of Parse: sections, statements and tables of an already
  // decoded document. A caller may change the decoded text or words between
  // the two steps (e.g. a test that alters one printed digit) as long as
  // every offset stays valid.
  absl::StatusOr<report::v1::Report> ParseDecoded(DecodedDocument decoded,
                                                  const ParseOptions& options) const;

  const config::v1::ParseConfig& config() const { return config_; }

 private:
  explicit DocumentParser(config::v1::ParseConfig config) : config_(std::move(config)) {}
  config::v1::ParseConfig config_;
};

}  // namespace juesuan::parse
