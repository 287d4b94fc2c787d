proto_library(juesuan_validate_protos GRPC
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/validate/v1/validate_config.proto
         juesuan/validate/v1/validate_service.proto
  DEPS juesuan_findings_protos juesuan_report_protos)
