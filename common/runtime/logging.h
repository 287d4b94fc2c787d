// Logging for juesuan binaries: spdlog to stderr, one line per event in
// logfmt ("ts=… level=… service=… msg"), UTC timestamps. Messages are written
// as key=value pairs so log pipelines can split them without a parser.
#pragma once

#include <string>

namespace juesuan {

// Installs the default logger. `level` is one of trace, debug, info, warn,
// error, critical, off (unknown values mean info).
void SetupLogging(const std::string& service, const std::string& level = "info");

}  // namespace juesuan
