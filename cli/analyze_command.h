// `juesuan analyze FILE|DIR … [--remote ADDR] [--format text|json|csv|html]
//                  [--output DIR] [--jobs N]`
// Every document through parse, validate and scoring, in parallel; one result
// or error record per input; a summary table at the end.
// Exit codes: 0 every document analysed and no error finding; 1 a document
// could not be analysed (or a stage failed); 3 every document analysed but
// some have error-severity findings; 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace juesuan::cli {

inline constexpr int kExitErrorFindings = 3;

void AddAnalyzeCommand(CLI::App& app, CommandContext& context);

}  // namespace juesuan::cli
