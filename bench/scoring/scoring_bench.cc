// Scoring the seed's project table (8 indicators, funds block, total row).
// Target: ≤ 50 µs median per table.
#include "benchmark/benchmark.h"
#include "google/protobuf/arena.h"
#include "services/scoring/src/scoring.h"
#include "services/scoring/tests/seed_tables.h"

namespace juesuan::scoring {
namespace {

void BM_ScoreSeedProjectTable(benchmark::State& state) {
  auto config = BuiltinConfig("xinjiang");
  if (!config.ok()) {
    state.SkipWithError("xinjiang config does not compile");
    return;
  }
  const report::v1::PerformanceTable table = testing::BuildTable(testing::SeedProjectSpec());
  for (auto _ : state) {
    v1::TableScore score = ScoreTable(table, **config, 1, "PP[0]");
    benchmark::DoNotOptimize(score);
  }
}
BENCHMARK(BM_ScoreSeedProjectTable)->Unit(benchmark::kMicrosecond);

// The same with the result on a protobuf Arena, as a service handler would
// allocate it: no per-field heap allocations or frees.
void BM_ScoreSeedProjectTableOnArena(benchmark::State& state) {
  auto config = BuiltinConfig("xinjiang");
  if (!config.ok()) {
    state.SkipWithError("xinjiang config does not compile");
    return;
  }
  const report::v1::PerformanceTable table = testing::BuildTable(testing::SeedProjectSpec());
  const std::string section_key = "PP[0]";
  for (auto _ : state) {
    google::protobuf::Arena arena;
    auto* score = google::protobuf::Arena::CreateMessage<v1::TableScore>(&arena);
    ScoreTableInto(table, **config, 1, section_key, score);
    benchmark::DoNotOptimize(score);
  }
}
BENCHMARK(BM_ScoreSeedProjectTableOnArena)->Unit(benchmark::kMicrosecond);

// The whole request path: config lookup plus both seed tables.
void BM_ScoreSeedReport(benchmark::State& state) {
  v1::ScoreReportRequest request;
  *request.mutable_report() = testing::SeedReport();
  for (auto _ : state) {
    auto response = Score(request);
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_ScoreSeedReport)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace juesuan::scoring
