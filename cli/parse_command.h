// `juesuan parse FILE [--format text|json] [--remote HOST:PORT] [--deadline SECONDS]`
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace juesuan::cli {

void AddParseCommand(CLI::App& app, CommandContext& context);

}  // namespace juesuan::cli
