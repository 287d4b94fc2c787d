// Parsing corpus 001 (25-page PDF) with its tables, and the whole
// `juesuan analyze` process on it, side by side with `pdftotext -layout` on
// the same file in the same run (targets: ≤ 1.5× and ≤ 2× its time). Run:
//   build/bench/pdf/pdf_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
// Peak memory: /usr/bin/time -v build/bench/pdf/pdf_bench --benchmark_filter=ParsePdf
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// Runs `argv` to completion, output and warnings discarded; its exit status
// must be one of `accepted`.
void RunProcess(benchmark::State& state, std::vector<std::string> args,
                std::initializer_list<int> accepted) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError((args[0] + " not found").c_str());
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const bool ok = WIFEXITED(status) && std::find(accepted.begin(), accepted.end(),
                                                   WEXITSTATUS(status)) != accepted.end();
    if (!ok) state.SkipWithError((args[0] + " failed").c_str());
  }
  posix_spawn_file_actions_destroy(&actions);
}

// The reference: the pdftotext process on the same file.
void BM_PdftotextLayout(benchmark::State& state) {
  RunProcess(state, {"pdftotext", "-layout", CorpusPdf("001"), "/dev/null"}, {0});
}
BENCHMARK(BM_PdftotextLayout)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole `juesuan analyze` process on the same file (in-process services:
// start, parse, validate, score, print, exit). Corpus 001 has error findings,
// hence exit status 3.
void BM_JuesuanAnalyzeProcess(benchmark::State& state) {
  RunProcess(state, {JUESUAN_CLI_PATH, "analyze", CorpusPdf("001")}, {0, 3});
}
BENCHMARK(BM_JuesuanAnalyzeProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
