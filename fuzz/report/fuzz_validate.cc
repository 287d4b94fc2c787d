// libFuzzer target: the report-level validator on arbitrary reports.
// The input is a serialized juesuan.report.v1.Report (binary protobuf); bytes
// that do not parse are skipped. Validate must return (a response or an
// error status) for every report without crashing or tripping ASan/UBSan.
#include <cstddef>
#include <cstdint>

#include <google/protobuf/stubs/logging.h>

#include "juesuan/report/v1/report.pb.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

// Most inputs hold invalid UTF-8 in string fields; protobuf's log line for
// each would dominate the run time.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  juesuan::report::v1::Report report;
  if (!report.ParseFromArray(data, static_cast<int>(size))) return 0;
  const auto response =
      juesuan::validate::Validate(report, juesuan::validate::DefaultConfig());
  if (response.ok()) (void)response->ByteSizeLong();
  return 0;
}
