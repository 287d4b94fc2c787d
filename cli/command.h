// What every `juesuan` subcommand shares. Each subcommand lives in its own
// file and adds itself to the application with an Add<Name>Command function
// (parse now; analyze, validate and score later).
#pragma once

#include <ostream>

namespace juesuan::cli {

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  int exit_code = 0;  // set by the subcommand that ran
};

// Exit codes: 0 success, 1 the call failed (status printed), 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCallFailed = 1;
inline constexpr int kExitUsage = 2;

}  // namespace juesuan::cli
