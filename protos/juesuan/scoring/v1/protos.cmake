proto_library(juesuan_scoring_config_protos
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/scoring/v1/scoring_config.proto
  DEPS juesuan_report_protos)

proto_library(juesuan_scoring_protos GRPC
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/scoring/v1/scoring_service.proto
  DEPS juesuan_scoring_config_protos juesuan_findings_protos juesuan_report_protos)
