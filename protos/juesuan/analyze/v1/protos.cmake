proto_library(juesuan_analyze_protos GRPC
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/analyze/v1/analyze_service.proto
  DEPS juesuan_validate_protos juesuan_scoring_protos juesuan_report_protos)

# The gateway's own wire views of the messages it forwards unread.
proto_library(juesuan_analyze_forwarding_protos
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/analyze/v1/forwarding.proto
  DEPS juesuan_analyze_protos)
