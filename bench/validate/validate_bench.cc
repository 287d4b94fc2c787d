// Validating the seed report with the default configuration.
#include "benchmark/benchmark.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"
#include "services/validate/testing/seed_fixture.h"

namespace {

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

}  // namespace
