proto_library(juesuan_findings_protos
  ROOT ${JUESUAN_PROTO_ROOT}
  PROTOS juesuan/findings/v1/finding.proto
  DEPS juesuan_report_protos)
