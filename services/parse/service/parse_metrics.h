// Domain metrics of the parse service (README "Metrics"):
//   juesuan_parse_documents_total{format,outcome}   counter
//   juesuan_parse_input_bytes                       histogram, 1 KiB … 128 MiB
//   juesuan_parse_duration_seconds                  histogram
// Label values are closed sets: format text|docx|pdf|unknown, outcome
// ok|rejected|error. Every combination is created up front so rates exist
// from the first scrape.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse {

enum class DocumentFormat { kText, kDocx, kPdf, kUnknown };
enum class ParseOutcome { kOk, kRejected, kError };

// Format guessed from the first bytes, for labelling requests the parser did
// not accept: "%PDF-" -> pdf, a ZIP header -> docx, empty -> unknown, else text.
DocumentFormat SniffFormat(std::string_view content);
// The format the parser reported.
DocumentFormat FromReportFormat(report::v1::Format format);
// ok for OK; rejected when the input or the server's capacity was the
// reason (INVALID_ARGUMENT, FAILED_PRECONDITION, RESOURCE_EXHAUSTED,
// OUT_OF_RANGE); error otherwise (deadline, cancellation, internal …).
ParseOutcome OutcomeOf(absl::StatusCode code);

std::string_view FormatLabel(DocumentFormat format);
std::string_view OutcomeLabel(ParseOutcome outcome);

class ParseMetrics {
 public:
  explicit ParseMetrics(prometheus::Registry& registry);

  void RecordInput(size_t bytes) { input_bytes_->Observe(static_cast<double>(bytes)); }
  void RecordDuration(double seconds) { duration_->Observe(seconds); }
  void RecordDocument(DocumentFormat format, ParseOutcome outcome) {
    documents_[static_cast<size_t>(format)][static_cast<size_t>(outcome)]->Increment();
  }

  static prometheus::Histogram::BucketBoundaries InputByteBuckets();
  static prometheus::Histogram::BucketBoundaries DurationBuckets();

 private:
  std::array<std::array<prometheus::Counter*, 3>, 4> documents_{};
  prometheus::Histogram* input_bytes_ = nullptr;
  prometheus::Histogram* duration_ = nullptr;
};

}  // namespace juesuan::parse
