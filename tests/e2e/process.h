// Test support: child processes with bounded waits, temporary folders, port
// files and a minimal HTTP GET. A Subprocess still running when destroyed is
// killed, so a failing test never leaves a server behind.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace juesuan::testing {

class Subprocess {
 public:
  // Starts argv[0] (a path) with stdout and stderr sent to the given files.
  static absl::StatusOr<Subprocess> Start(const std::vector<std::string>& argv,
                                          const std::string& stdout_path,
                                          const std::string& stderr_path);
  Subprocess(Subprocess&& other) noexcept : pid_(other.pid_) { other.pid_ = -1; }
  Subprocess& operator=(Subprocess&&) = delete;
  ~Subprocess();  // SIGKILL + reap when still running

  pid_t pid() const { return pid_; }
  void Signal(int signal_number) const;
  // The raw wait status once the process exited within `timeout`; nullopt if
  // it is still running.
  std::optional<int> WaitFor(absl::Duration timeout);
  void Kill();  // SIGKILL and reap

 private:
  explicit Subprocess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;  // -1 once reaped
};

struct CommandResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs a command to completion, killing it after `timeout`.
CommandResult RunCommand(const std::vector<std::string>& argv, absl::Duration timeout);

// A fresh empty folder under the test's temporary directory.
std::string MakeTempDir();
std::string ReadFileOrEmpty(const std::string& path);

// Waits until `path` holds a complete port number (see WritePortFile).
absl::StatusOr<int> WaitForPortFile(const std::string& path, absl::Duration timeout,
                                    const Subprocess* process = nullptr);

// GET http://127.0.0.1:<port><path> over HTTP/1.0; returns the body.
absl::StatusOr<std::string> HttpGet(int port, const std::string& path, absl::Duration timeout);

// The value of the first sample of `name` whose labels include every
// `label="value"` pair in `labels`, from Prometheus text exposition.
std::optional<double> SampleValue(const std::string& exposition, const std::string& name,
                                  const std::vector<std::string>& labels = {});

}  // namespace juesuan::testing
