#include "services/parse/service/parse_metrics.h"

#include <cstdint>
#include <string>

namespace juesuan::parse {

DocumentFormat SniffFormat(std::string_view content) {
  if (content.empty()) return DocumentFormat::kUnknown;
  if (content.substr(0, 5) == "%PDF-") return DocumentFormat::kPdf;
  if (content.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return DocumentFormat::kDocx;
  return DocumentFormat::kText;
}

DocumentFormat FromReportFormat(report::v1::Format format) {
  switch (format) {
    case report::v1::FORMAT_TEXT: return DocumentFormat::kText;
    case report::v1::FORMAT_DOCX: return DocumentFormat::kDocx;
    case report::v1::FORMAT_PDF: return DocumentFormat::kPdf;
    default: return DocumentFormat::kUnknown;
  }
}

ParseOutcome OutcomeOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return ParseOutcome::kOk;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kOutOfRange:
      return ParseOutcome::kRejected;
    default:
      return ParseOutcome::kError;
  }
}

std::string_view FormatLabel(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kText: return "text";
    case DocumentFormat::kDocx: return "docx";
    case DocumentFormat::kPdf: return "pdf";
    case DocumentFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view OutcomeLabel(ParseOutcome outcome) {
  switch (outcome) {
    case ParseOutcome::kOk: return "ok";
    case ParseOutcome::kRejected: return "rejected";
    case ParseOutcome::kError: return "error";
  }
  return "error";
}

prometheus::Histogram::BucketBoundaries ParseMetrics::InputByteBuckets() {
  prometheus::Histogram::BucketBoundaries buckets;
  for (int64_t bound = 1024; bound <= (int64_t{128} << 20); bound *= 2) {
    buckets.push_back(static_cast<double>(bound));  // 1 KiB, 2 KiB, … 128 MiB
  }
  return buckets;
}

prometheus::Histogram::BucketBoundaries ParseMetrics::DurationBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
          0.5,   1,      2.5,   5,    10,    30,   60};
}

ParseMetrics::ParseMetrics(prometheus::Registry& registry) {
  auto& documents = prometheus::BuildCounter()
                        .Name("juesuan_parse_documents_total")
                        .Help("Documents received by ParseDocument, by detected format "
                              "and outcome (ok, rejected, error).")
                        .Register(registry);
  for (auto format : {DocumentFormat::kText, DocumentFormat::kDocx, DocumentFormat::kPdf,
                      DocumentFormat::kUnknown}) {
    for (auto outcome : {ParseOutcome::kOk, ParseOutcome::kRejected, ParseOutcome::kError}) {
      documents_[static_cast<size_t>(format)][static_cast<size_t>(outcome)] =
          &documents.Add({{"format", std::string(FormatLabel(format))},
                          {"outcome", std::string(OutcomeLabel(outcome))}});
    }
  }
  input_bytes_ = &prometheus::BuildHistogram()
                      .Name("juesuan_parse_input_bytes")
                      .Help("Size of the documents received by ParseDocument, in bytes.")
                      .Register(registry)
                      .Add({}, InputByteBuckets());
  duration_ = &prometheus::BuildHistogram()
                   .Name("juesuan_parse_duration_seconds")
                   .Help("Time spent parsing one document on a worker, in seconds "
                         "(queue wait excluded).")
                   .Register(registry)
                   .Add({}, DurationBuckets());
}

}  // namespace juesuan::parse
