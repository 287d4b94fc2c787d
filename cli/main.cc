// juesuan: command-line access to the juesuan services.
//
//   juesuan parse FILE [--format text|json] [--remote HOST:PORT] [--deadline SECONDS]
//   juesuan analyze FILE|DIR … [--format text|json|csv|html] [--output DIR] [--jobs N]
//                   [--remote HOST:PORT]
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/analyze_command.h"
#include "cli/command.h"
#include "cli/parse_command.h"
#include "common/runtime/lock_tracking.h"
#include "common/runtime/logging.h"

int main(int argc, char** argv) {
  juesuan::TurnOffLockOrderTracking();
  // Service code logs every call; a CLI user wants only problems, on stderr
  // (stdout carries the report).
  juesuan::SetupLogging("juesuan", "warn");
  juesuan::cli::CommandContext context{std::cout, std::cerr};
  CLI::App app{"juesuan: parse, validate and score 部门决算 disclosures"};
  app.require_subcommand(1);
  juesuan::cli::AddParseCommand(app, context);
  juesuan::cli::AddAnalyzeCommand(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? juesuan::cli::kExitOk : juesuan::cli::kExitUsage;
  }
  return context.exit_code;
}
