// libFuzzer target: the scorer on arbitrary reports, with every built-in
// scoring configuration. The input is a serialized juesuan.report.v1.Report
// (binary protobuf); bytes that do not parse are skipped. Scoring never fails
// by contract, so it must simply return for every report.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "juesuan/report/v1/report.pb.h"
#include "services/scoring/src/config.h"
#include "services/scoring/src/scoring.h"

namespace {

const std::vector<std::shared_ptr<const juesuan::scoring::CompiledConfig>>& Configs() {
  static const auto* configs = [] {
    auto* all = new std::vector<std::shared_ptr<const juesuan::scoring::CompiledConfig>>();
    for (const std::string& name : juesuan::scoring::BuiltinConfigNames()) {
      auto config = juesuan::scoring::BuiltinConfig(name);
      if (config.ok()) all->push_back(*config);
    }
    return all;
  }();
  return *configs;
}

}  // namespace

// Most inputs hold invalid UTF-8 in string fields; protobuf's log line for
// each would dominate the run time.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  juesuan::report::v1::Report report;
  if (!report.ParseFromArray(data, static_cast<int>(size))) return 0;
  for (const auto& config : Configs()) {
    const auto response = juesuan::scoring::ScoreReportWith(report, *config);
    (void)response.ByteSizeLong();
  }
  return 0;
}
