// Validating the seed report with the default configuration.
#include "benchmark/benchmark.h"
#include "google/protobuf/arena.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
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

}  // namespace
