// Parsing corpus 001 (25-page PDF) with its tables, side by side with
// `pdftotext -layout` on the same file in the same run (target: ≤ 1.5× its
// time). Run:
//   build/bench/pdf/pdf_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
// Peak memory: /usr/bin/time -v build/bench/pdf/pdf_bench --benchmark_filter=ParsePdf
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "benchmark/benchmark.h"
#include "services/parse/src/parser.h"

extern char** environ;

namespace {

std::string CorpusPdf(const std::string& number) {
  const auto dir = std::filesystem::path(JUESUAN_SHARED_DIR) / "corpus" / number;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".pdf") return entry.path().string();
  }
  return "";
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void BM_ParsePdf(benchmark::State& state) {
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  const std::string content = Read(CorpusPdf("001"));
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  for (auto _ : state) {
    auto report = (*parser)->Parse(content, options);
    if (!report.ok() || report->tables_size() != 9) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_ParsePdf)->Unit(benchmark::kMillisecond)->UseRealTime();

// The reference: the pdftotext process on the same file, output discarded
// (its stderr warnings too).
void BM_PdftotextLayout(benchmark::State& state) {
  const std::string pdf = CorpusPdf("001");
  std::string program = "pdftotext", layout = "-layout", out = "/dev/null";
  char* argv[] = {program.data(), layout.data(), const_cast<char*>(pdf.c_str()), out.data(),
                  nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t pid = 0;
    if (posix_spawnp(&pid, "pdftotext", &actions, nullptr, argv, environ) != 0) {
      state.SkipWithError("pdftotext not found");
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("pdftotext failed");
  }
  posix_spawn_file_actions_destroy(&actions);
}
BENCHMARK(BM_PdftotextLayout)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
