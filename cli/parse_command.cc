#include "cli/parse_command.h"

#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>

#include <google/protobuf/util/json_util.h>
#include <grpcpp/client_context.h>

#include "absl/status/statusor.h"
#include "cli/local_services.h"
#include "cli/report_text.h"
#include "common/grpc/client_channel.h"
#include "common/grpc/status.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"

namespace juesuan::cli {
namespace {

struct ParseArgs {
  std::string file;
  std::string format = "text";
  std::string remote;          // empty: run the service in this process
  int deadline_seconds = 120;
  bool omit_text = false;
};

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return absl::DataLossError("cannot read " + path);
  return content.str();
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

absl::StatusOr<parse::v1::ParseDocumentResponse> CallParse(
    const std::shared_ptr<grpc::Channel>& channel, const ParseArgs& args,
    std::string content) {
  parse::v1::ParseDocumentRequest request;
  request.set_content(std::move(content));
  request.set_file_name(BaseName(args.file));
  request.set_omit_text(args.omit_text);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(args.deadline_seconds));
  parse::v1::ParseDocumentResponse response;
  const grpc::Status status =
      parse::v1::ParseService::NewStub(channel)->ParseDocument(&context, request, &response);
  if (!status.ok()) return FromGrpcStatus(status);
  return response;
}

absl::StatusOr<std::string> Render(const report::v1::Report& report,
                                   const std::string& format) {
  if (format == "text") return FormatReportText(report);
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(report, &json, options);
  if (!status.ok()) return absl::InternalError("cannot render JSON: " + status.ToString());
  return json;
}

absl::StatusOr<std::string> RunParse(const ParseArgs& args) {
  absl::StatusOr<std::string> content = ReadFile(args.file);
  if (!content.ok()) return content.status();
  absl::StatusOr<parse::v1::ParseDocumentResponse> response;
  if (args.remote.empty()) {
    absl::StatusOr<std::unique_ptr<LocalParseService>> local = LocalParseService::Start();
    if (!local.ok()) return local.status();
    response = CallParse((*local)->channel(), args, *std::move(content));
  } else {
    response = CallParse(MakeClientChannel(args.remote), args, *std::move(content));
  }
  if (!response.ok()) return response.status();
  return Render(response->report(), args.format);
}

}  // namespace

void AddParseCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* parse = app.add_subcommand(
      "parse", "Parse a 决算 disclosure (text, DOCX or PDF) and print its report");
  parse->add_option("FILE", args->file, "the document to parse")->required();
  parse->add_option("--format", args->format, "output: text (summary) or json (full report)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  parse->add_option("--remote", args->remote,
                    "HOST:PORT of a running juesuan-parse (default: in-process)");
  parse->add_option("--deadline", args->deadline_seconds, "seconds the call may take")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  parse->add_flag("--omit-text", args->omit_text,
                  "leave the decoded document text out of the report");
  parse->callback([args, &context] {
    absl::StatusOr<std::string> output = RunParse(*args);
    if (!output.ok()) {
      context.err << "error: " << absl::StatusCodeToString(output.status().code()) << ": "
                  << output.status().message() << "\n";
      context.exit_code = kExitCallFailed;
      return;
    }
    context.out << *output;
    if (!output->empty() && output->back() != '\n') context.out << "\n";
    context.exit_code = kExitOk;
  });
}

}  // namespace juesuan::cli
