// Validating the seed report (target ≤ 200 µs median) and corpus 001's
// report with its nine tables read from the PDF (target ≤ 2 ms median), with
// the default configuration. The reports are built once, outside the timing.
#include <fstream>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "google/protobuf/arena.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "services/parse/src/parser.h"
#include "services/validate/testing/seed_fixture.h"

namespace {

namespace vv1 = ::juesuan::validate::v1;

// The plain API: a heap-allocated response per call.
void BM_ValidateSeed(benchmark::State& state) {
  const auto report = juesuan::validate::testing::SeedReport();
  const auto& config = juesuan::validate::DefaultConfig();
  size_t findings = 0;
  for (auto _ : state) {
    auto response = juesuan::validate::Validate(report, config);
    findings = response.ok() ? static_cast<size_t>(response->findings_size()) : 0;
    benchmark::DoNotOptimize(response);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ValidateSeed)->Unit(benchmark::kMicrosecond);

// The response on a per-call Arena, as an arena-enabled gRPC server does.
void BM_ValidateSeedArena(benchmark::State& state) {
  const auto report = juesuan::validate::testing::SeedReport();
  const auto& config = juesuan::validate::DefaultConfig();
  google::protobuf::ArenaOptions options;
  options.start_block_size = 64 * 1024;
  options.max_block_size = 256 * 1024;
  size_t findings = 0;
  for (auto _ : state) {
    google::protobuf::Arena arena(options);
    auto* response = google::protobuf::Arena::CreateMessage<vv1::ValidateReportResponse>(&arena);
    const auto status = juesuan::validate::ValidateInto(report, config, response);
    findings = status.ok() ? static_cast<size_t>(response->findings_size()) : 0;
    benchmark::DoNotOptimize(response);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ValidateSeedArena)->Unit(benchmark::kMicrosecond);

// What the service adds around ValidateInto: reading the request (the whole
// seed report, without its text, as the load generator sends it) and writing
// the response, each on a per-call Arena as the service does.
void BM_DecodeSeedRequest(benchmark::State& state) {
  vv1::ValidateReportRequest request;
  *request.mutable_report() = juesuan::validate::testing::SeedReport();
  request.mutable_report()->clear_text();
  const std::string wire = request.SerializeAsString();
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* decoded = google::protobuf::Arena::CreateMessage<vv1::ValidateReportRequest>(&arena);
    benchmark::DoNotOptimize(decoded->ParseFromString(wire));
  }
  state.counters["bytes"] = static_cast<double>(wire.size());
}
BENCHMARK(BM_DecodeSeedRequest)->Unit(benchmark::kMicrosecond);

void BM_EncodeSeedResponse(benchmark::State& state) {
  const auto response =
      juesuan::validate::Validate(juesuan::validate::testing::SeedReport(),
                                  juesuan::validate::DefaultConfig());
  if (!response.ok()) {
    state.SkipWithError("the seed did not validate");
    return;
  }
  std::string wire;
  for (auto _ : state) {
    wire.clear();
    benchmark::DoNotOptimize(response->SerializeToString(&wire));
  }
  state.counters["bytes"] = static_cast<double>(wire.size());
}
BENCHMARK(BM_EncodeSeedResponse)->Unit(benchmark::kMicrosecond);

// Corpus 001 (Shanghai, PDF): narrative plus the nine 决算 tables.
void BM_ValidateCorpus001Pdf(benchmark::State& state) {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) +
                       "/corpus/001/上海市普陀区财政局2024年度部门决算.pdf",
                   std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  auto report = parser.ok() ? (*parser)->Parse(content.str(), options)
                            : absl::StatusOr<juesuan::report::v1::Report>(parser.status());
  if (!report.ok()) {
    state.SkipWithError("corpus 001 did not parse");
    return;
  }
  const auto& config = juesuan::validate::DefaultConfig();
  size_t findings = 0;
  for (auto _ : state) {
    auto response = juesuan::validate::Validate(*report, config);
    findings = response.ok() ? static_cast<size_t>(response->findings_size()) : 0;
    benchmark::DoNotOptimize(response);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["tables"] = report->tables_size();
}
BENCHMARK(BM_ValidateCorpus001Pdf)->Unit(benchmark::kMicrosecond);

}  // namespace
