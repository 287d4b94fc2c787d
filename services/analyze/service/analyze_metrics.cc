#include "services/analyze/service/analyze_metrics.h"

#include "common/metrics/rpc_metrics_interceptor.h"

namespace juesuan::analyze {

AnalyzeMetrics::AnalyzeMetrics(prometheus::Registry& registry)
    : documents_(prometheus::BuildCounter()
                     .Name("juesuan_analyze_documents_total")
                     .Help("Analyze requests by outcome: ok (every stage succeeded), partial "
                           "(validate or scoring failed), rejected (parse refused the input), "
                           "error (anything else)")
                     .Register(registry)),
      stage_failures_(prometheus::BuildCounter()
                          .Name("juesuan_analyze_stage_failures_total")
                          .Help("Pipeline stages that did not succeed, by stage and gRPC code")
                          .Register(registry)),
      client_handled_(prometheus::BuildCounter()
                          .Name("grpc_client_handled_total")
                          .Help("RPCs completed by the gateway's clients, by status")
                          .Register(registry)) {
  const char* names[] = {"ok", "partial", "rejected", "error"};
  for (int i = 0; i < 4; ++i) by_outcome_[i] = &documents_.Add({{"outcome", names[i]}});
}

void AnalyzeMetrics::RecordDocument(AnalyzeOutcome outcome) {
  by_outcome_[static_cast<int>(outcome)]->Increment();
}

void AnalyzeMetrics::RecordStageFailure(const std::string& stage, absl::StatusCode code) {
  stage_failures_.Add({{"stage", stage}, {"code", absl::StatusCodeToString(code)}}).Increment();
}

void AnalyzeMetrics::RecordClientCall(const std::string& full_method, grpc::StatusCode code) {
  // "/juesuan.parse.v1.ParseService/ParseDocument" -> service, method.
  const size_t slash = full_method.rfind('/');
  const std::string service = full_method.substr(1, slash - 1);
  const std::string method = full_method.substr(slash + 1);
  client_handled_
      .Add({{"grpc_type", "unary"},
            {"grpc_service", service},
            {"grpc_method", method},
            {"grpc_code", metrics::GrpcCodeName(code)}})
      .Increment();
}

}  // namespace juesuan::analyze
