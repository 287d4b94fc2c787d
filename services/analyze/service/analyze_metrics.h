// Metrics of the analyze gateway:
//   juesuan_analyze_documents_total{outcome}      ok | partial | rejected | error
//   juesuan_analyze_stage_failures_total{stage,code}
//   grpc_client_handled_total{grpc_type,grpc_service,grpc_method,grpc_code}
// Labels take only enum values (stage names, gRPC code names).
#pragma once

#include <string>

#include <grpcpp/support/status.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include "absl/status/status.h"

namespace juesuan::analyze {

enum class AnalyzeOutcome { kOk, kPartial, kRejected, kError };

class AnalyzeMetrics {
 public:
  explicit AnalyzeMetrics(prometheus::Registry& registry);

  void RecordDocument(AnalyzeOutcome outcome);
  void RecordStageFailure(const std::string& stage, absl::StatusCode code);
  // `full_method` is "/package.Service/Method".
  void RecordClientCall(const std::string& full_method, grpc::StatusCode code);

 private:
  prometheus::Family<prometheus::Counter>& documents_;
  prometheus::Family<prometheus::Counter>& stage_failures_;
  prometheus::Family<prometheus::Counter>& client_handled_;
  prometheus::Counter* by_outcome_[4];
};

}  // namespace juesuan::analyze
