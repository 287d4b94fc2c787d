#include "tests/e2e/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "absl/time/clock.h"

extern char** environ;

namespace juesuan::testing {

absl::StatusOr<Subprocess> Subprocess::Start(const std::vector<std::string>& argv,
                                             const std::string& stdout_path,
                                             const std::string& stderr_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  // The child must not inherit a blocked SIGTERM from a test thread.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int error =
      posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    return absl::InternalError("posix_spawn " + argv[0] + ": " + std::strerror(error));
  }
  return Subprocess(pid);
}

Subprocess::~Subprocess() { Kill(); }

void Subprocess::Signal(int signal_number) const {
  if (pid_ > 0) kill(pid_, signal_number);
}

std::optional<int> Subprocess::WaitFor(absl::Duration timeout) {
  if (pid_ <= 0) return std::nullopt;
  const absl::Time give_up = absl::Now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      return status;
    }
    if (done < 0 || absl::Now() >= give_up) return std::nullopt;
    absl::SleepFor(absl::Milliseconds(20));
  }
}

void Subprocess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

CommandResult RunCommand(const std::vector<std::string>& argv, absl::Duration timeout) {
  CommandResult result;
  const std::string dir = MakeTempDir();
  auto process = Subprocess::Start(argv, dir + "/out", dir + "/err");
  if (!process.ok()) {
    result.err = process.status().ToString();
    return result;
  }
  const std::optional<int> status = process->WaitFor(timeout);
  if (!status.has_value()) {
    result.timed_out = true;
    process->Kill();
  } else if (WIFEXITED(*status)) {
    result.exit_code = WEXITSTATUS(*status);
  }
  result.out = ReadFileOrEmpty(dir + "/out");
  result.err = ReadFileOrEmpty(dir + "/err");
  return result;
}

std::string MakeTempDir() {
  std::string pattern = ::testing::TempDir() + "juesuan_test_XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) return ::testing::TempDir();
  return pattern;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<int> WaitForPortFile(const std::string& path, absl::Duration timeout,
                                    const Subprocess* process) {
  const absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    const std::string content = ReadFileOrEmpty(path);
    if (!content.empty() && content.back() == '\n') {
      const int port = std::atoi(content.c_str());
      if (port > 0) return port;
      return absl::InternalError("bad port file content: " + content);
    }
    if (process != nullptr && kill(process->pid(), 0) != 0) {
      return absl::UnavailableError("process exited before writing " + path);
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("no port in " + path);
}

absl::StatusOr<std::string> HttpGet(int port, const std::string& path,
                                    absl::Duration timeout) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::InternalError("socket");
  timeval tv = absl::ToTimeval(timeout);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return absl::UnavailableError("connect to port " + std::to_string(port));
  }
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    close(fd);
    return absl::UnavailableError("send");
  }
  std::string response;
  char buffer[8192];
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n == 0) break;
    if (n < 0) {
      close(fd);
      return absl::DeadlineExceededError("recv timed out");
    }
    response.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  const size_t body = response.find("\r\n\r\n");
  if (response.rfind("HTTP/1.", 0) != 0 || body == std::string::npos) {
    return absl::DataLossError("not an HTTP response");
  }
  if (response.find(" 200 ") == std::string::npos ||
      response.find(" 200 ") > response.find("\r\n")) {
    return absl::UnavailableError("HTTP status: " + response.substr(0, response.find("\r\n")));
  }
  return response.substr(body + 4);
}

std::optional<double> SampleValue(const std::string& exposition, const std::string& name,
                                  const std::vector<std::string>& labels) {
  std::istringstream lines(exposition);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t name_end = line.find_first_of("{ ");
    if (name_end == std::string::npos || line.substr(0, name_end) != name) continue;
    const size_t value_start = line.rfind(' ');
    const std::string series = line.substr(0, value_start);
    bool all = true;
    for (const std::string& label : labels) {
      // Whole label pairs only: `code="OK"` must not match `code="OKAY"`.
      const bool found = series.find("{" + label + ",") != std::string::npos ||
                         series.find("{" + label + "}") != std::string::npos ||
                         series.find("," + label + ",") != std::string::npos ||
                         series.find("," + label + "}") != std::string::npos;
      if (!found) all = false;
    }
    if (all) return std::strtod(line.c_str() + value_start + 1, nullptr);
  }
  return std::nullopt;
}

}  // namespace juesuan::testing
