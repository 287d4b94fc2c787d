proto_library(juesuan_analyze_protos GRPC
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/analyze/v1/analyze_service.proto
  DEPS juesuan_validate_protos juesuan_scoring_protos juesuan_report_protos)
