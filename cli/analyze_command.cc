#include "cli/analyze_command.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <grpcpp/client_context.h>

#include "cli/document_inputs.h"
#include "cli/local_pipeline.h"
#include "cli/output/document_result.h"
#include "cli/output/formats.h"
#include "cli/output/html_report.h"
#include "cli/output/summary.h"
#include "common/base/status_macros.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/status.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"

namespace juesuan::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string remote;            // empty: the pipeline runs in this process
  std::string format = "text";
  std::string output_dir;
  int jobs = 0;                  // 0: one per CPU core
  int deadline_seconds = 300;
  std::string validate_config;
  std::string scoring_config;
};

int JobCount(const AnalyzeArgs& args) {
  if (args.jobs > 0) return args.jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// Threads each PDF's pages are read with: the cores the documents in flight
// leave idle (a single document gets them all).
uint32_t PdfPageThreads(size_t documents_in_flight) {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::max<uint32_t>(1, cores / std::max<size_t>(1, documents_in_flight));
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError("is a folder with no documents");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return absl::DataLossError("cannot read " + path);
  return content.str();
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// Reports progress on stderr: a single rewritten line on a terminal, one
// plain line per finished document otherwise.
class Progress {
 public:
  Progress(std::ostream& err, size_t total)
      : err_(err), total_(total), tty_(isatty(STDERR_FILENO) == 1) {}

  void Finished(const DocumentResult& result) {
    std::lock_guard<std::mutex> lock(mu_);
    ++done_;
    const std::string outcome =
        !result.status.ok() ? fmt::format("FAILED {}: {}",
                                          absl::StatusCodeToString(result.status.code()),
                                          std::string(result.status.message()))
        : DocumentFailed(result) ? "partial (a stage failed)"
                                 : "ok";
    if (tty_) {
      const size_t width = 30;
      const size_t filled = total_ == 0 ? width : done_ * width / total_;
      err_ << "\r\033[K[" << std::string(filled, '#') << std::string(width - filled, '.')
           << "] " << done_ << "/" << total_ << " " << PadToWidth(result.name, 50)
           << std::flush;
      if (done_ == total_) err_ << "\n";
    } else {
      err_ << fmt::format("[{}/{}] {} {} ({} ms)\n", done_, total_, outcome, result.name,
                          absl::ToInt64Milliseconds(result.elapsed));
    }
  }

 private:
  std::ostream& err_;
  const size_t total_;
  const bool tty_;
  std::mutex mu_;
  size_t done_ = 0;
};

DocumentResult AnalyzeOne(analyze::v1::AnalyzeService::Stub& stub, const DocumentInput& input,
                          const AnalyzeArgs& args) {
  DocumentResult result;
  result.path = input.path;
  result.name = input.name;
  const absl::Time start = absl::Now();
  absl::StatusOr<std::string> content = ReadWholeFile(input.path);
  if (!content.ok()) {
    result.status = content.status();
    return result;
  }
  analyze::v1::AnalyzeRequest request;
  request.set_content(*std::move(content));
  request.set_file_name(BaseName(input.path));
  request.set_validate_config_name(args.validate_config);
  request.set_scoring_config_name(args.scoring_config);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(args.deadline_seconds));
  result.status = FromGrpcStatus(stub.Analyze(&context, request, &result.response));
  result.elapsed = absl::Now() - start;
  return result;
}

std::vector<DocumentResult> AnalyzeAll(const std::shared_ptr<grpc::Channel>& channel,
                                       const std::vector<DocumentInput>& inputs,
                                       const AnalyzeArgs& args, std::ostream& err) {
  std::vector<DocumentResult> results(inputs.size());
  auto stub = analyze::v1::AnalyzeService::NewStub(channel);
  Progress progress(err, inputs.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next.fetch_add(1); i < inputs.size(); i = next.fetch_add(1)) {
      results[i] = AnalyzeOne(*stub, inputs[i], args);
      progress.Finished(results[i]);
    }
  };
  std::vector<std::thread> threads;
  const size_t thread_count = std::min<size_t>(JobCount(args), inputs.size());
  for (size_t t = 0; t < thread_count; ++t) threads.emplace_back(work);
  for (std::thread& thread : threads) thread.join();
  return results;
}

// Output file names: the shown name with folders flattened, unique in a run.
std::vector<std::string> OutputNames(const std::vector<DocumentResult>& results,
                                     const std::string& extension) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const DocumentResult& result : results) {
    std::string base = result.name;
    for (char& c : base) {
      if (c == '/' || c == '\\') c = '_';
    }
    while (!base.empty() && (base[0] == '.' || base[0] == '_')) base.erase(0, 1);
    std::string name = base + extension;
    for (int n = 2; used.count(name) > 0; ++n) name = fmt::format("{}-{}{}", base, n, extension);
    used.insert(name);
    names.push_back(name);
  }
  return names;
}

absl::Status WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) return absl::InternalError("cannot write " + path.string());
  return absl::OkStatus();
}

bool UseColour() {
  return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

// Writes the results in the chosen format; the summary table goes to stdout
// unless stdout carries machine-readable output.
absl::Status WriteOutputs(const std::vector<DocumentResult>& results, const AnalyzeArgs& args,
                          CommandContext& context) {
  const bool to_files = !args.output_dir.empty();
  const bool colour = !to_files && UseColour();
  std::filesystem::path dir(args.output_dir);
  if (to_files) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return absl::InternalError("cannot create " + args.output_dir + ": " + error.message());
  }
  if (args.format == "text") {
    const auto names = OutputNames(results, ".txt");
    for (size_t i = 0; i < results.size(); ++i) {
      if (to_files) {
        RETURN_IF_ERROR(WriteFile(dir / names[i], FormatDocumentText(results[i], false)));
      } else {
        context.out << FormatDocumentText(results[i], colour);
      }
    }
  } else if (args.format == "json") {
    const auto names = OutputNames(results, ".json");
    for (size_t i = 0; i < results.size(); ++i) {
      if (to_files) {
        RETURN_IF_ERROR(WriteFile(dir / names[i], FormatDocumentJson(results[i], true)));
      } else {
        context.out << FormatDocumentJson(results[i], false);
      }
    }
  } else if (args.format == "csv") {
    std::string csv = CsvHeader();
    for (const DocumentResult& result : results) csv += CsvRows(result);
    if (to_files) {
      RETURN_IF_ERROR(WriteFile(dir / "findings.csv", csv));
    } else {
      context.out << csv;
    }
  } else {  // html
    const auto names = OutputNames(results, ".html");
    if (!to_files) {
      context.out << HtmlDocumentPage(results[0]);
    } else {
      for (size_t i = 0; i < results.size(); ++i) {
        RETURN_IF_ERROR(WriteFile(dir / names[i], HtmlDocumentPage(results[i])));
      }
      RETURN_IF_ERROR(WriteFile(dir / "index.html", HtmlIndexPage(results, names)));
    }
  }
  const bool summary_to_stdout = to_files || args.format == "text";
  std::ostream& summary_stream = summary_to_stdout ? context.out : context.err;
  summary_stream << SummaryTable(results, summary_to_stdout && colour);
  if (to_files) context.out << "reports written to " << args.output_dir << "\n";
  return absl::OkStatus();
}

int ExitCodeFor(const std::vector<DocumentResult>& results) {
  bool failed = false, error_findings = false;
  for (const DocumentResult& result : results) {
    failed = failed || DocumentFailed(result);
    error_findings = error_findings || HasErrorFindings(result);
  }
  if (failed) return kExitCallFailed;
  return error_findings ? kExitErrorFindings : kExitOk;
}

int RunAnalyze(const AnalyzeArgs& args, CommandContext& context) {
  const CollectedInputs collected = CollectDocuments(args.inputs);
  for (const std::string& problem : collected.problems) {
    context.err << "warning: " << problem << "\n";
  }
  if (collected.skipped_files > 0) {
    context.err << fmt::format("note: {} files in the folders given are not documents "
                               "(by extension or content) and were skipped\n",
                               collected.skipped_files);
  }
  if (collected.documents.empty()) {
    context.err << "error: no documents found\n";
    return kExitCallFailed;
  }
  if (args.format == "html" && args.output_dir.empty() && collected.documents.size() > 1) {
    context.err << "error: --format html with several documents needs --output DIR\n";
    return kExitUsage;
  }
  // Declared first, destroyed last: an in-process channel must be gone
  // before the server it leads to (gRPC aborts on a completion queue
  // released twice otherwise).
  std::unique_ptr<LocalPipeline> local;
  std::shared_ptr<grpc::Channel> channel;
  if (args.remote.empty()) {
    const size_t in_flight = std::min<size_t>(JobCount(args), collected.documents.size());
    absl::StatusOr<std::unique_ptr<LocalPipeline>> started =
        LocalPipeline::Start(JobCount(args), PdfPageThreads(in_flight));
    if (!started.ok()) {
      context.err << "error: cannot start the services: " << started.status().ToString() << "\n";
      return kExitCallFailed;
    }
    local = *std::move(started);
    channel = local->channel();
  } else {
    channel = MakeClientChannel(args.remote);
  }
  const std::vector<DocumentResult> results =
      AnalyzeAll(channel, collected.documents, args, context.err);
  const absl::Status written = WriteOutputs(results, args, context);
  if (!written.ok()) {
    context.err << "error: " << written.ToString() << "\n";
    return kExitCallFailed;
  }
  return ExitCodeFor(results);
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* analyze = app.add_subcommand(
      "analyze",
      "Parse, validate and score 决算 disclosures (files or folders of PDF, DOCX, text)");
  analyze->add_option("INPUT", args->inputs, "documents or folders (walked recursively)")
      ->required();
  analyze->add_option("--format", args->format, "text, json (proto3 JSON), csv or html")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  analyze->add_option("--output", args->output_dir,
                      "write one file per document (and index.html / findings.csv) here");
  analyze->add_option("--remote", args->remote,
                      "HOST:PORT of a juesuan-analyze gateway (default: in-process)");
  analyze->add_option("--jobs", args->jobs, "documents analysed at once (0: CPU cores)")
      ->check(CLI::Range(0, 256));
  analyze->add_option("--deadline", args->deadline_seconds, "seconds each document may take")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  analyze->add_option("--validate-config", args->validate_config,
                      "validation config name (default: the service's default)");
  analyze->add_option("--scoring-config", args->scoring_config,
                      "scoring config name: national, xinjiang, shanghai (default: by layout)");
  analyze->callback([args, &context] { context.exit_code = RunAnalyze(*args, context); });
}

}  // namespace juesuan::cli
