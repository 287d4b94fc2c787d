// Parsing speed of the in-process parse core (target: the seed in ≤ 1 ms
// median on a 2-core machine). Run: build/bench/parse/parse_bench
//   --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "benchmark/benchmark.h"
#include "services/parse/src/parser.h"

namespace {

std::string Read(const std::string& relative) {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) + "/" + relative, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void ParseDocument(benchmark::State& state, const std::string& relative) {
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  const std::string content = Read(relative);
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  for (auto _ : state) {
    auto report = (*parser)->Parse(content, options);
    if (!report.ok()) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(content.size()));
}

// ParseDocument plus what the parse service does next: the report written to
// the wire format, as its response is.
void ParseSerializeDestroy(benchmark::State& state, const std::string& relative) {
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  const std::string content = Read(relative);
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  std::string wire;
  for (auto _ : state) {
    auto report = (*parser)->Parse(content, options);
    if (!report.ok() || !report->SerializeToString(&wire)) {
      state.SkipWithError("parse or serialization failed");
    }
    benchmark::DoNotOptimize(wire);
  }
  state.counters["wire_bytes"] = static_cast<double>(wire.size());
}

// Under valgrind (instruction counts that do not depend on machine load),
// a fixed number of iterations: JUESUAN_BENCH_ITERATIONS=20 valgrind …
benchmark::internal::Benchmark* Configure(benchmark::internal::Benchmark* b) {
  b->Unit(benchmark::kMicrosecond);
  if (const char* n = std::getenv("JUESUAN_BENCH_ITERATIONS")) b->Iterations(std::atoi(n));
  return b;
}

BENCHMARK_CAPTURE(ParseDocument, seed_text, std::string("seed/000_0d0d50dd571d51d1.txt"))
    ->Apply([](benchmark::internal::Benchmark* b) { Configure(b); });
BENCHMARK_CAPTURE(ParseSerializeDestroy, seed_text, std::string("seed/000_0d0d50dd571d51d1.txt"))
    ->Apply([](benchmark::internal::Benchmark* b) { Configure(b); });
BENCHMARK_CAPTURE(ParseDocument, corpus001_text, std::string("corpus/001/text.txt"))
    ->Apply([](benchmark::internal::Benchmark* b) { Configure(b); });

}  // namespace

BENCHMARK_MAIN();
