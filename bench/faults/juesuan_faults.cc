// juesuan_faults: fault scenarios against real service processes on
// 127.0.0.1, under load, with measured outcomes.
//
//   juesuan_faults kill-restart --parse_binary B --file DOC [--concurrency 4]
//                  [--before_ms 1500] [--down_ms 1000] [--after_ms 3000]
//                  [--deadline_ms 5000] [--max_recovery_ms 2000]
//     SIGKILLs the backend under load, restarts it on the same port and
//     reports what the calls in flight got, how long each took against its
//     deadline, and the time from the restarted backend's readiness (its port
//     file) to the first successful call.
//
//   juesuan_faults sigterm --parse_binary B --file DOC [--repeat 40]
//                  [--grace_ms 5000] [--before_ms 1000] [--after_ms 1500]
//     Sends SIGTERM under load: calls already in flight must complete OK
//     within the grace period, calls started afterwards must be refused
//     (UNAVAILABLE) promptly, and the process must exit 0 within the grace.
//     Calls gRPC cancels before any handler saw them, because their headers
//     arrived as shutdown began, are counted apart: at most one per caller.
//
//   juesuan_faults batch-intermittent --parse_binary P --validate_binary V
//                  --scoring_binary S --analyze_binary A --file SEED
//                  --corpus_file TEXT [--documents 300] [--batch_size 20]
//                  [--streams 4] [--rate 40] [--cycles 3] [--down_ms 300]
//                  [--up_ms 700] [--deadline_ms 15000]
//     Starts the four services, sends the documents (the seed, the corpus
//     text and garbage, mixed) over AnalyzeBatch calls through the gateway,
//     and meanwhile kills and restarts validate, then parse. Every index must
//     come back exactly once, as a full result or a precise per-stage error
//     (stage, code, message), every call must end OK within its deadline.
//
//   juesuan_faults gateway-kill-restart --parse_binary P --validate_binary V
//                  --scoring_binary S --analyze_binary A --file SEED
//                  [--victim parse|validate|scoring] [--concurrency 4]
//                  [--before_ms 1500] [--down_ms 1000] [--after_ms 3000]
//                  [--deadline_ms 5000] [--max_recovery_ms 2000]
//     Starts the four services, sends Analyze calls through the gateway and
//     SIGKILLs the victim backend, restarting it on its port. Every call must
//     end within its deadline with a full result or the victim's precise
//     failure (parse: the call fails UNAVAILABLE naming parse; validate or
//     scoring: a partial result naming it), and the gateway must deliver a
//     full result again within max_recovery_ms of the victim's readiness.
//
// Every run is bounded by its arguments; the services are started by the
// tool, in a fresh temporary folder, and killed on every exit path. Exit
// status 0 when the scenario's criteria hold, 1 otherwise, 2 for usage or
// setup errors.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "CLI/CLI.hpp"
#include "common/grpc/client_channel.h"
#include "fmt/format.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

int64_t MsBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<Millis>(to - from).count();
}

// A service binary run as a child; killed (SIGKILL) and reaped when
// destroyed. The child also gets SIGKILL if this tool dies (ctest timeout,
// Ctrl-C), so no server outlives a run; start it from the main thread, since
// that signal follows the thread that forked.
class Backend {
 public:
  Backend(std::string binary, std::string dir, std::string name = "backend")
      : binary_(std::move(binary)), dir_(std::move(dir)), name_(std::move(name)) {}
  ~Backend() { Kill(); }

  // Starts on `port` (0: any) and waits for the port file. Returns the port.
  std::optional<int> Start(int port, const std::vector<std::string>& extra, int generation) {
    const std::string port_file = fmt::format("{}/{}.port.{}", dir_, name_, generation);
    std::vector<std::string> argv = {binary_,
                                     fmt::format("--grpc_address=127.0.0.1:{}", port),
                                     "--metrics_address=127.0.0.1:0", "--plaintext",
                                     "--port_file=" + port_file, "--log_level=warn"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const std::string log = fmt::format("{}/{}.{}.log", dir_, name_, generation);
    pid_ = Spawn(argv, log);
    if (pid_ <= 0) return std::nullopt;
    const auto give_up = Clock::now() + std::chrono::seconds(15);
    while (Clock::now() < give_up) {
      std::ifstream in(port_file);
      int bound = 0;
      if (in >> bound && bound > 0) return bound;
      if (Exited(Millis(0))) return std::nullopt;
      std::this_thread::sleep_for(Millis(5));
    }
    return std::nullopt;
  }

  void Signal(int signal_number) {
    if (pid_ > 0) kill(pid_, signal_number);
  }
  // True (and the exit status in `status`) once the process has exited.
  bool Exited(Millis wait, int* status = nullptr) {
    if (pid_ <= 0) return true;
    const auto give_up = Clock::now() + wait;
    do {
      int raw = 0;
      if (waitpid(pid_, &raw, WNOHANG) == pid_) {
        pid_ = -1;
        if (status != nullptr) *status = raw;
        return true;
      }
      std::this_thread::sleep_for(Millis(2));
    } while (Clock::now() < give_up);
    return false;
  }
  void Kill() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  pid_t pid() const { return pid_; }
  const std::string& name() const { return name_; }

 private:
  // fork + exec rather than posix_spawn, for PR_SET_PDEATHSIG. Everything
  // the child needs is prepared before the fork: between fork and exec it
  // only makes system calls, as a child of a threaded process must.
  static pid_t Spawn(std::vector<std::string>& argv, const std::string& log) {
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid != 0) return pid;  // the parent, or -1
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execve(args[0], args.data(), environ);
    _exit(127);
  }

  std::string binary_;
  std::string dir_;
  std::string name_;
  pid_t pid_ = -1;
};

struct CallRecord {
  Clock::time_point start;
  Clock::time_point end;
  grpc::StatusCode code;
  std::string message;
};

// Closed-loop callers: `concurrency` threads making one call after another
// until Stop(), every call's record kept. `call` makes one call and returns
// its record and whether it failed: a refused call returns at once, so its
// caller pauses instead of spinning on a dead backend.
template <typename Record>
class ClosedLoop {
 public:
  using Call = std::function<std::pair<Record, bool>()>;

  ClosedLoop(int concurrency, Call call) : call_(std::move(call)) {
    for (int i = 0; i < concurrency; ++i) threads_.emplace_back([this] { Run(); });
  }
  ~ClosedLoop() { Stop(); }

  void Stop() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  std::vector<Record> Records() {
    std::lock_guard<std::mutex> lock(mu_);
    return records_;
  }

 private:
  void Run() {
    while (!stop_) {
      auto [record, failed] = call_();
      {
        std::lock_guard<std::mutex> lock(mu_);
        records_.push_back(std::move(record));
      }
      if (failed) std::this_thread::sleep_for(Millis(10));
    }
  }

  const Call call_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<Record> records_;
  std::vector<std::thread> threads_;
};

// Starts one call with `start(context, done)` through the callback API, as
// the gateway calls its backends (its calls and connection attempts are
// driven by gRPC's own threads; a blocking stub polls only while one of its
// calls waits, so a reconnect can go unnoticed for seconds while fail-fast
// calls return at once), and waits for its status.
grpc::Status CallAndWait(int64_t deadline_ms,
                         const std::function<void(grpc::ClientContext*,
                                                  std::function<void(grpc::Status)>)>& start) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + Millis(deadline_ms));
  std::promise<grpc::Status> done;
  start(&context, [&done](grpc::Status s) { done.set_value(std::move(s)); });
  return done.get_future().get();
}

// ParseDocument callers straight to juesuan-parse.
class Load {
 public:
  Load(const std::string& target, std::string content, int concurrency, int64_t deadline_ms)
      : deadline_ms_(deadline_ms),
        stub_(juesuan::parse::v1::ParseService::NewStub(juesuan::MakeClientChannel(target))),
        request_(Request(std::move(content))),
        loop_(concurrency, [this] { return Once(); }) {}

  void Stop() { loop_.Stop(); }
  std::vector<CallRecord> Records() { return loop_.Records(); }

 private:
  static juesuan::parse::v1::ParseDocumentRequest Request(std::string content) {
    juesuan::parse::v1::ParseDocumentRequest request;
    request.set_content(std::move(content));
    request.set_omit_text(true);
    return request;
  }

  std::pair<CallRecord, bool> Once() {
    juesuan::parse::v1::ParseDocumentResponse response;
    const auto start = Clock::now();
    const grpc::Status status = CallAndWait(deadline_ms_, [&](auto* context, auto done) {
      stub_->async()->ParseDocument(context, &request_, &response, std::move(done));
    });
    return {{start, Clock::now(), status.error_code(), status.error_message()}, !status.ok()};
  }

  const int64_t deadline_ms_;
  const std::unique_ptr<juesuan::parse::v1::ParseService::Stub> stub_;
  const juesuan::parse::v1::ParseDocumentRequest request_;
  ClosedLoop<CallRecord> loop_;  // last: its threads use the members above
};

std::string CodeName(grpc::StatusCode code) {
  static const char* kNames[] = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
                                 "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
                                 "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
                                 "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
                                 "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
                                 "UNAUTHENTICATED"};
  const int i = static_cast<int>(code);
  return i >= 0 && i < 17 ? kNames[i] : "?";
}

std::string Counts(const std::vector<CallRecord>& records) {
  std::map<std::string, int64_t> counts;
  for (const CallRecord& r : records) ++counts[CodeName(r.code)];
  std::string text;
  for (const auto& [code, n] : counts) text += fmt::format(" {}={}", code, n);
  return text.empty() ? " none" : text;
}

// One line per distinct (code, message) among the calls that ended neither OK
// nor UNAVAILABLE, so that a failed run says what the odd calls were told.
// Each with the span of its calls' start times relative to `since`.
void PrintOddOutcomes(const std::vector<CallRecord>& records, Clock::time_point since) {
  struct Seen {
    int64_t n = 0, first_ms = INT64_MAX, last_ms = INT64_MIN;
  };
  std::map<std::string, Seen> odd;
  for (const CallRecord& r : records) {
    if (r.code == grpc::StatusCode::OK || r.code == grpc::StatusCode::UNAVAILABLE) continue;
    Seen& seen = odd[fmt::format("{} \"{}\"", CodeName(r.code), r.message)];
    ++seen.n;
    seen.first_ms = std::min(seen.first_ms, MsBetween(since, r.start));
    seen.last_ms = std::max(seen.last_ms, MsBetween(since, r.start));
  }
  for (const auto& [outcome, seen] : odd) {
    fmt::print("  {} x{} (started {}..{} ms)\n", outcome, seen.n, seen.first_ms, seen.last_ms);
  }
}

struct Common {
  std::string parse_binary;
  std::string file;
  int repeat = 1;
  int concurrency = 4;
  int64_t deadline_ms = 5000;
  int64_t before_ms = 1500;
  int64_t after_ms = 3000;
  std::vector<std::string> backend_flags;
};

std::string ReadDocument(const Common& c) {
  std::ifstream in(c.file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string content;
  for (int i = 0; i < c.repeat; ++i) content += buffer.str();
  return content;
}

std::string MakeTempDir() {
  std::string pattern = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
  pattern += "/juesuan_faults.XXXXXX";
  return mkdtemp(pattern.data()) != nullptr ? pattern : "";
}

int KillRestart(const Common& c, const std::string& dir, int64_t down_ms,
                int64_t max_recovery_ms) {
  Backend backend(c.parse_binary, dir);
  const std::optional<int> port = backend.Start(0, c.backend_flags, 1);
  if (!port) {
    std::cerr << "backend did not start (logs in " << dir << ")\n";
    return 2;
  }
  Load load(fmt::format("127.0.0.1:{}", *port), ReadDocument(c), c.concurrency, c.deadline_ms);
  std::this_thread::sleep_for(Millis(c.before_ms));
  const auto killed = Clock::now();
  backend.Kill();
  std::this_thread::sleep_for(Millis(down_ms));
  if (!backend.Start(*port, c.backend_flags, 2)) {
    std::cerr << "backend did not restart on port " << *port << "\n";
    return 2;
  }
  const auto ready = Clock::now();
  fmt::print("timeline_ms kill {} restarted_ready {}\n", 0, MsBetween(killed, ready));
  std::this_thread::sleep_for(Millis(c.after_ms));
  load.Stop();
  const std::vector<CallRecord> records = load.Records();

  std::vector<CallRecord> in_flight, while_down, after_restart;
  int64_t worst_overrun_ms = 0;
  std::optional<Clock::time_point> first_ok_after;
  for (const CallRecord& r : records) {
    worst_overrun_ms = std::max(worst_overrun_ms, MsBetween(r.start, r.end) - c.deadline_ms);
    if (r.start < killed && r.end >= killed) in_flight.push_back(r);
    if (r.start >= killed && r.start < ready) while_down.push_back(r);
    if (r.start >= ready) after_restart.push_back(r);
    if (r.code == grpc::StatusCode::OK && r.end >= ready &&
        (!first_ok_after || r.end < *first_ok_after)) {
      first_ok_after = r.end;
    }
  }
  int64_t in_flight_max_ms = 0;
  for (const CallRecord& r : in_flight) {
    in_flight_max_ms = std::max(in_flight_max_ms, MsBetween(killed, r.end));
  }
  const int64_t recovery_ms = first_ok_after ? MsBetween(ready, *first_ok_after) : -1;
  int64_t ok_before = 0;
  for (const CallRecord& r : records) ok_before += (r.code == grpc::StatusCode::OK && r.end < killed);
  fmt::print("calls {}  ok_before_kill {}\n", records.size(), ok_before);
  fmt::print("in_flight_at_kill {} :{}  (answered within {} ms of the kill)\n", in_flight.size(),
             Counts(in_flight), in_flight_max_ms);
  fmt::print("started_while_down {} :{}\n", while_down.size(), Counts(while_down));
  fmt::print("started_after_restart {} :{}\n", after_restart.size(), Counts(after_restart));
  fmt::print("recovery_ms {}  (restarted backend ready -> first OK call)\n", recovery_ms);
  fmt::print("worst_call_overrun_ms {}  (call duration minus its deadline; <= 0: none hung)\n",
             worst_overrun_ms);

  bool pass = recovery_ms >= 0 && recovery_ms <= max_recovery_ms && worst_overrun_ms <= 200;
  // A call may still have been answered in the instant before the kill landed.
  for (const CallRecord& r : in_flight) {
    pass &= r.code == grpc::StatusCode::UNAVAILABLE || r.code == grpc::StatusCode::OK;
  }
  for (const CallRecord& r : while_down) pass &= r.code == grpc::StatusCode::UNAVAILABLE;
  pass &= ok_before > 0;
  fmt::print("result {}\n", pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}

// A call whose headers reach the server after it has begun shutting down is
// cancelled by gRPC itself (status CANCELLED, message "CANCELLED") before any
// handler sees it: the one race a server cannot close, since the client may
// send at any moment until the GOAWAY reaches it. Such a call started at most
// kUnbegunWindowMs before the signal (the client's clock runs ahead of the
// server reading the headers) and was answered at once.
constexpr int64_t kUnbegunWindowMs = 50;

bool CancelledBeforeItBegan(const CallRecord& r, Clock::time_point signalled) {
  return r.code == grpc::StatusCode::CANCELLED && r.message == "CANCELLED" &&
         r.start >= signalled - Millis(kUnbegunWindowMs) && MsBetween(r.start, r.end) <= 1000;
}

int Sigterm(const Common& c, const std::string& dir, int64_t grace_ms) {
  Backend backend(c.parse_binary, dir);
  std::vector<std::string> flags = c.backend_flags;
  flags.push_back(fmt::format("--shutdown_grace={}ms", grace_ms));
  const std::optional<int> port = backend.Start(0, flags, 1);
  if (!port) {
    std::cerr << "backend did not start (logs in " << dir << ")\n";
    return 2;
  }
  Load load(fmt::format("127.0.0.1:{}", *port), ReadDocument(c), c.concurrency, c.deadline_ms);
  std::this_thread::sleep_for(Millis(c.before_ms));
  const auto signalled = Clock::now();
  backend.Signal(SIGTERM);
  int exit_status = -1;
  const bool exited = backend.Exited(Millis(grace_ms + 2000), &exit_status);
  const auto exit_time = Clock::now();
  std::this_thread::sleep_for(Millis(c.after_ms));
  load.Stop();
  const std::vector<CallRecord> records = load.Records();

  std::vector<CallRecord> in_flight, after_signal, unbegun;
  int64_t in_flight_last_ms = 0, refused_max_ms = 0;
  for (const CallRecord& r : records) {
    if (CancelledBeforeItBegan(r, signalled)) {
      unbegun.push_back(r);
      continue;
    }
    if (r.start < signalled && r.end >= signalled) {
      in_flight.push_back(r);
      in_flight_last_ms = std::max(in_flight_last_ms, MsBetween(signalled, r.end));
    }
    if (r.start >= signalled) {
      after_signal.push_back(r);
      if (r.code != grpc::StatusCode::OK) {
        refused_max_ms = std::max(refused_max_ms, MsBetween(r.start, r.end));
      }
    }
  }
  int64_t in_flight_ok = 0, after_refused = 0, after_after_exit_ok = 0;
  for (const CallRecord& r : in_flight) in_flight_ok += r.code == grpc::StatusCode::OK;
  for (const CallRecord& r : after_signal) {
    after_refused += r.code == grpc::StatusCode::UNAVAILABLE;
    after_after_exit_ok += (r.start >= exit_time && r.code == grpc::StatusCode::OK);
  }
  fmt::print("calls {}\n", records.size());
  fmt::print("in_flight_at_sigterm {} :{}  (last finished {} ms after SIGTERM; grace {} ms)\n",
             in_flight.size(), Counts(in_flight), in_flight_last_ms, grace_ms);
  fmt::print("started_after_sigterm {} :{}  (slowest refusal {} ms)\n", after_signal.size(),
             Counts(after_signal), refused_max_ms);
  PrintOddOutcomes(after_signal, signalled);
  fmt::print("cancelled_before_begun {}  (at most {}, one per caller)\n", unbegun.size(),
             c.concurrency);
  PrintOddOutcomes(unbegun, signalled);
  fmt::print("exit {}  exit_code {}  exit_after_ms {}\n", exited ? "yes" : "NO",
             exited && WIFEXITED(exit_status) ? WEXITSTATUS(exit_status) : -1,
             MsBetween(signalled, exit_time));

  bool pass = exited && WIFEXITED(exit_status) && WEXITSTATUS(exit_status) == 0;
  pass &= !in_flight.empty() && in_flight_ok == static_cast<int64_t>(in_flight.size());
  pass &= in_flight_last_ms <= grace_ms;
  pass &= after_after_exit_ok == 0;
  // After SIGTERM every call either still completed (it raced the drain on an
  // open connection) or was refused UNAVAILABLE, never anything else, and a
  // refusal is prompt.
  for (const CallRecord& r : after_signal) {
    pass &= r.code == grpc::StatusCode::OK || r.code == grpc::StatusCode::UNAVAILABLE;
  }
  pass &= after_refused > 0 && refused_max_ms <= 1000;
  pass &= static_cast<int64_t>(unbegun.size()) <= c.concurrency;
  fmt::print("result {}\n", pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}

// ---- batch-intermittent: AnalyzeBatch through the gateway while a backend
// is killed and restarted, over and over.

namespace v1 = juesuan::analyze::v1;

enum class Kind { kSeed = 0, kCorpus = 1, kGarbage = 2 };

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kSeed: return "seed";
    case Kind::kCorpus: return "corpus";
    case Kind::kGarbage: return "garbage";
  }
  return "?";
}

// The document sent at position `index` of the run: the seed and the corpus
// text in turn, every tenth one garbage.
Kind KindAt(int index) {
  if (index % 10 == 9) return Kind::kGarbage;
  return index % 2 == 0 ? Kind::kSeed : Kind::kCorpus;
}

// Echoed back in each result, so a result can be checked against its index.
std::string FileNameAt(int index) { return fmt::format("{}-{}", KindName(KindAt(index)), index); }

// Bytes no reader takes for a document: NULs and control characters.
std::string GarbageDocument() {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 37) % 256));
  return bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct BatchOptions {
  std::string parse_binary, validate_binary, scoring_binary, analyze_binary;
  std::string seed_file, corpus_file;
  int documents = 300;
  int batch_size = 20;  // documents per AnalyzeBatch call
  int streams = 4;      // calls open at once
  int64_t rate = 40;    // documents per second over all calls
  int cycles = 3;       // kill/restart cycles per victim
  int64_t before_ms = 500;
  int64_t down_ms = 300;
  int64_t up_ms = 700;
  int64_t deadline_ms = 15000;  // of each AnalyzeBatch call
};

std::string StageLabel(v1::Stage stage) {
  switch (stage) {
    case v1::STAGE_PARSE: return "parse";
    case v1::STAGE_VALIDATE: return "validate";
    case v1::STAGE_SCORING: return "scoring";
    default: return "unnamed";
  }
}

struct Outcome {
  std::string label;   // "full", "error parse UNAVAILABLE", "partial validate UNAVAILABLE"
  bool expected = false;
};

// A failed call: a precise error names its stage, a code and a message. The
// parse stage refuses garbage, and any document fails there while parse is
// down.
Outcome ClassifyError(const v1::StageStatus& error, Kind kind) {
  const auto code = static_cast<grpc::StatusCode>(error.code());
  Outcome outcome{fmt::format("error {} {}", StageLabel(error.stage()), CodeName(code))};
  const bool precise = error.stage() != v1::STAGE_UNSPECIFIED &&
                       code != grpc::StatusCode::OK && !error.message().empty();
  outcome.expected = precise && error.stage() == v1::STAGE_PARSE &&
                     (code == grpc::StatusCode::UNAVAILABLE ||
                      (kind == Kind::kGarbage && code == grpc::StatusCode::INVALID_ARGUMENT));
  return outcome;
}

// A completed call: every stage OK with all three results ("full"), or
// `down` (validate or scoring, the backend that is down) UNAVAILABLE — the
// stage named with code and message, its result absent and the others
// present ("partial").
Outcome ClassifyResponse(const v1::AnalyzeResponse& response, Kind kind,
                         v1::Stage down = v1::STAGE_VALIDATE) {
  bool in_order = response.stages_size() == 3;
  for (int i = 0; in_order && i < 3; ++i) {
    in_order = response.stages(i).stage() == static_cast<v1::Stage>(v1::STAGE_PARSE + i);
  }
  const bool has_report = response.report().sections_size() > 0;
  if (!in_order) return {"response with stages out of order", false};
  std::string failed;
  bool only_down_unavailable = true;
  for (const v1::StageStatus& stage : response.stages()) {
    if (stage.code() == 0) continue;
    const auto code = static_cast<grpc::StatusCode>(stage.code());
    failed += fmt::format(" {} {}", StageLabel(stage.stage()), CodeName(code));
    only_down_unavailable &= stage.stage() == down && code == grpc::StatusCode::UNAVAILABLE &&
                             !stage.message().empty();
  }
  if (failed.empty()) {
    return {"full", kind != Kind::kGarbage && has_report && response.has_validation() &&
                        response.has_scoring()};
  }
  const bool validation_as_expected = response.has_validation() == (down != v1::STAGE_VALIDATE);
  const bool scoring_as_expected = response.has_scoring() == (down != v1::STAGE_SCORING);
  return {"partial" + failed, kind != Kind::kGarbage && only_down_unavailable && has_report &&
                                  validation_as_expected && scoring_as_expected};
}

Outcome Classify(const v1::AnalyzeBatchResult& result, Kind kind) {
  if (result.has_error()) return ClassifyError(result.error(), kind);
  if (result.has_response()) return ClassifyResponse(result.response(), kind);
  return {"result with neither response nor error", false};
}

struct DocumentRecord {
  int results = 0;  // results that carried this document's index
  Outcome outcome;  // of the first one
  Clock::time_point sent, answered;
};

struct StreamRecord {
  Clock::time_point start, end;
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  std::string message;
  int stray = 0;  // results with an index outside the call or a wrong file name
};

// The client side: AnalyzeBatch calls of `batch_size` documents, `streams` of
// them at a time, each document sent at its scheduled time (index / rate).
class BatchLoad {
 public:
  BatchLoad(const BatchOptions& o, const std::string& target) : o_(o), documents_(o.documents) {
    const std::string contents[] = {ReadFile(o.seed_file), ReadFile(o.corpus_file),
                                    GarbageDocument()};
    for (int k = 0; k < 3; ++k) {
      templates_[k].set_content(contents[k]);
      templates_[k].set_omit_text(true);
    }
    stub_ = v1::AnalyzeService::NewStub(juesuan::MakeClientChannel(target));
  }

  // Sends every document; returns when every call has finished.
  void Run() {
    start_ = Clock::now();
    std::vector<std::thread> callers;
    for (int i = 0; i < o_.streams; ++i) callers.emplace_back([this] { TakeBatches(); });
    for (std::thread& caller : callers) caller.join();
  }

  Clock::time_point start() const { return start_; }
  const std::vector<DocumentRecord>& documents() const { return documents_; }
  const std::vector<StreamRecord>& streams() const { return streams_; }

 private:
  Clock::time_point Scheduled(int index) const {
    return start_ + std::chrono::microseconds(int64_t{index} * 1000000 / o_.rate);
  }

  void TakeBatches() {
    for (;;) {
      const int first = next_batch_.fetch_add(1) * o_.batch_size;
      if (first >= o_.documents) return;
      Call(first, std::min(o_.batch_size, o_.documents - first));
    }
  }

  // One AnalyzeBatch call for documents [first, first + count): a reader
  // thread takes results while this one writes requests.
  void Call(int first, int count) {
    std::this_thread::sleep_until(Scheduled(first));
    StreamRecord record;
    record.start = Clock::now();
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + Millis(o_.deadline_ms));
    auto stream = stub_->AnalyzeBatch(&context);
    // The call is over when the reader sees the end of the stream; the
    // writer may still be sleeping until its next document's time.
    std::thread reader([&] {
      v1::AnalyzeBatchResult result;
      while (stream->Read(&result)) Record(first, count, result, &record);
      record.end = Clock::now();
    });
    for (int index = first; index < first + count; ++index) {
      std::this_thread::sleep_until(Scheduled(index));
      v1::AnalyzeRequest request = templates_[static_cast<int>(KindAt(index))];
      request.set_file_name(FileNameAt(index));
      {
        std::lock_guard<std::mutex> lock(mu_);
        documents_[index].sent = Clock::now();
      }
      if (!stream->Write(request)) break;  // the call ended; Finish says why
    }
    stream->WritesDone();
    reader.join();
    const grpc::Status status = stream->Finish();
    record.code = status.error_code();
    record.message = status.error_message();
    std::lock_guard<std::mutex> lock(mu_);
    streams_.push_back(std::move(record));
  }

  void Record(int first, int count, const v1::AnalyzeBatchResult& result, StreamRecord* record) {
    const int64_t index = int64_t{first} + result.index();
    if (result.index() >= static_cast<uint32_t>(count) ||
        result.file_name() != FileNameAt(static_cast<int>(index))) {
      ++record->stray;
      return;
    }
    const Outcome outcome = Classify(result, KindAt(static_cast<int>(index)));
    std::lock_guard<std::mutex> lock(mu_);
    DocumentRecord& document = documents_[index];
    if (++document.results == 1) {
      document.answered = Clock::now();
      document.outcome = outcome;
    }
  }

  const BatchOptions& o_;
  v1::AnalyzeRequest templates_[3];
  std::unique_ptr<v1::AnalyzeService::Stub> stub_;
  Clock::time_point start_;
  std::atomic<int> next_batch_{0};
  std::mutex mu_;
  std::vector<DocumentRecord> documents_;
  std::vector<StreamRecord> streams_;
};

// Sleeps for `duration`, or less once `done` is set.
void SleepUnless(const std::atomic<bool>& done, Millis duration) {
  const auto until = Clock::now() + duration;
  while (!done && Clock::now() < until) {
    std::this_thread::sleep_for(std::min(Millis(10), std::chrono::duration_cast<Millis>(
                                                         until - Clock::now())));
  }
}

struct FaultCycle {
  std::string victim;
  int64_t killed_ms = 0;  // since the load started
  int64_t ready_ms = -1;  // restarted backend serving again; -1: it did not restart
  bool during_load = false;
};

// Kills `victim` and restarts it on `port`, `cycles` times (fewer once the
// load is done). Runs on the main thread (see Backend).
void InjectFaults(Backend& victim, int port, const BatchOptions& o,
                  const std::atomic<bool>& load_done, Clock::time_point load_start,
                  int* generation, std::vector<FaultCycle>* cycles) {
  for (int cycle = 0; cycle < o.cycles && !load_done; ++cycle) {
    FaultCycle record{victim.name()};
    record.during_load = !load_done;
    record.killed_ms = MsBetween(load_start, Clock::now());
    victim.Kill();
    std::this_thread::sleep_for(Millis(o.down_ms));
    const bool restarted = victim.Start(port, {}, ++*generation).has_value();
    if (restarted) record.ready_ms = MsBetween(load_start, Clock::now());
    cycles->push_back(record);
    if (!restarted) return;
    SleepUnless(load_done, Millis(o.up_ms));
  }
}

std::string CountsOf(const std::map<std::string, int64_t>& counts) {
  std::string text;
  for (const auto& [label, n] : counts) text += fmt::format(" {}={}", label, n);
  return text.empty() ? " none" : text;
}

// Prints the run's measurements; true when its criteria hold.
bool JudgeBatchRun(const BatchOptions& o, const BatchLoad& load,
                   const std::vector<FaultCycle>& cycles) {
  int64_t missing = 0, duplicated = 0, unexpected = 0, full = 0, slowest_ms = 0;
  std::map<std::string, int64_t> outcomes;
  std::map<std::string, std::map<std::string, int64_t>> by_kind;
  std::vector<std::string> surprises;
  for (int i = 0; i < o.documents; ++i) {
    const DocumentRecord& d = load.documents()[i];
    if (d.results == 0) {
      ++missing;
      continue;
    }
    duplicated += d.results - 1;
    slowest_ms = std::max(slowest_ms, MsBetween(d.sent, d.answered));
    ++outcomes[d.outcome.label];
    ++by_kind[KindName(KindAt(i))][d.outcome.label];
    full += d.outcome.label == "full";
    if (!d.outcome.expected) {
      ++unexpected;
      if (surprises.size() < 5) {
        surprises.push_back(fmt::format("{}: {}", FileNameAt(i), d.outcome.label));
      }
    }
  }
  std::map<std::string, int64_t> stream_codes;
  int64_t stray = 0, worst_overrun_ms = std::numeric_limits<int64_t>::min();
  for (const StreamRecord& s : load.streams()) {
    ++stream_codes[CodeName(s.code)];
    stray += s.stray;
    worst_overrun_ms = std::max(worst_overrun_ms, MsBetween(s.start, s.end) - o.deadline_ms);
    if (s.code != grpc::StatusCode::OK && surprises.size() < 5) {
      surprises.push_back("call status: " + s.message);
    }
  }
  std::map<std::string, int64_t> kills_during_load;
  bool all_restarted = true;
  for (const FaultCycle& c : cycles) {
    fmt::print("fault {} killed_at_ms {} ready_at_ms {}{}\n", c.victim, c.killed_ms, c.ready_ms,
               c.during_load ? "" : " (after the load)");
    kills_during_load[c.victim] += c.during_load;
    all_restarted &= c.ready_ms >= 0;
  }
  fmt::print("documents {}  answered {}  missing {}  duplicated {}  stray_results {}\n",
             o.documents, o.documents - missing, missing, duplicated, stray);
  fmt::print("calls {} :{}  worst_call_overrun_ms {}  (duration minus deadline {} ms)\n",
             load.streams().size(), CountsOf(stream_codes), worst_overrun_ms, o.deadline_ms);
  fmt::print("slowest_document_ms {}  (request written -> its result read)\n", slowest_ms);
  for (const auto& [label, n] : outcomes) fmt::print("outcome {} {}\n", label, n);
  for (const auto& [kind, counts] : by_kind) fmt::print("by_kind {}:{}\n", kind, CountsOf(counts));
  fmt::print("unexpected_outcomes {}\n", unexpected);
  for (const std::string& s : surprises) fmt::print("  e.g. {}\n", s);

  bool pass = missing == 0 && duplicated == 0 && stray == 0 && unexpected == 0 && full > 0;
  pass &= stream_codes.size() == 1 && stream_codes.count("OK") == 1;
  pass &= static_cast<int64_t>(load.streams().size()) ==
          (o.documents + o.batch_size - 1) / o.batch_size;
  pass &= worst_overrun_ms <= 0 && all_restarted;
  // The faults must have hit the run, or it tested nothing.
  if (o.cycles > 0) pass &= kills_during_load["validate"] > 0 && kills_during_load["parse"] > 0;
  fmt::print("result {}\n", pass ? "PASS" : "FAIL");
  return pass;
}

// The four services on loopback, the gateway in front of the other three.
// Start from the main thread (see Backend).
class Stack {
 public:
  Stack(const std::string& parse_binary, const std::string& validate_binary,
        const std::string& scoring_binary, const std::string& analyze_binary,
        const std::string& dir)
      : parse_(parse_binary, dir, "parse"),
        validate_(validate_binary, dir, "validate"),
        scoring_(scoring_binary, dir, "scoring"),
        gateway_(analyze_binary, dir, "analyze") {}

  // False, with the reason on stderr, when a service did not start.
  bool Start(const std::string& dir) {
    for (Backend* b : {&parse_, &validate_, &scoring_}) {
      const std::optional<int> port = b->Start(0, {}, 1);
      if (!port) {
        std::cerr << b->name() << " did not start (logs in " << dir << ")\n";
        return false;
      }
      ports_[b->name()] = *port;
    }
    const std::optional<int> gateway_port = gateway_.Start(
        0,
        {fmt::format("--parse_target=dns:///127.0.0.1:{}", ports_["parse"]),
         fmt::format("--validate_target=dns:///127.0.0.1:{}", ports_["validate"]),
         fmt::format("--scoring_target=dns:///127.0.0.1:{}", ports_["scoring"])},
        1);
    if (!gateway_port) {
      std::cerr << "the gateway did not start (logs in " << dir << ")\n";
      return false;
    }
    gateway_port_ = *gateway_port;
    return true;
  }

  // "parse" | "validate" | "scoring"
  Backend& backend(const std::string& name) {
    return name == "parse" ? parse_ : name == "validate" ? validate_ : scoring_;
  }
  int port(const std::string& name) { return ports_[name]; }
  std::string gateway_target() const { return fmt::format("127.0.0.1:{}", gateway_port_); }

 private:
  Backend parse_, validate_, scoring_, gateway_;
  std::map<std::string, int> ports_;
  int gateway_port_ = 0;
};

int BatchIntermittent(const BatchOptions& o, const std::string& dir) {
  Stack stack(o.parse_binary, o.validate_binary, o.scoring_binary, o.analyze_binary, dir);
  if (!stack.Start(dir)) return 2;
  fmt::print("documents {} at {}/s in calls of {}, {} at a time, deadline {} ms per call\n",
             o.documents, o.rate, o.batch_size, o.streams, o.deadline_ms);
  fmt::print("faults: validate then parse, {} cycles each, {} ms down / {} ms up\n", o.cycles,
             o.down_ms, o.up_ms);

  BatchLoad load(o, stack.gateway_target());
  std::atomic<bool> load_done{false};
  std::thread client([&] {
    load.Run();
    load_done = true;
  });
  // The load's clock starts in Run(); the schedule here is relative to now.
  const Clock::time_point load_start = Clock::now();
  std::vector<FaultCycle> cycles;
  SleepUnless(load_done, Millis(o.before_ms));
  int validate_generation = 1, parse_generation = 1;
  InjectFaults(stack.backend("validate"), stack.port("validate"), o, load_done, load_start,
               &validate_generation, &cycles);
  InjectFaults(stack.backend("parse"), stack.port("parse"), o, load_done, load_start,
               &parse_generation, &cycles);
  client.join();
  fmt::print("load_ms {}\n", MsBetween(load_start, Clock::now()));
  return JudgeBatchRun(o, load, cycles) ? 0 : 1;
}

// ---- gateway-kill-restart: unary Analyze calls through the gateway while
// one backend is SIGKILLed and restarted on its port.

struct GatewayKillOptions {
  std::string parse_binary, validate_binary, scoring_binary, analyze_binary, file;
  std::string victim = "parse";  // "parse" | "validate" | "scoring"
  int concurrency = 4;
  int64_t before_ms = 1500, down_ms = 1000, after_ms = 3000;
  int64_t deadline_ms = 5000, max_recovery_ms = 2000;
};

v1::Stage StageOf(const std::string& victim) {
  return victim == "parse" ? v1::STAGE_PARSE
                           : victim == "validate" ? v1::STAGE_VALIDATE : v1::STAGE_SCORING;
}

struct AnalyzeRecord {
  Clock::time_point start, end;
  Outcome outcome;
};

// What an Analyze call got while `down` may be down: a full result, or that
// backend's precise failure — the call failing UNAVAILABLE with a message
// naming parse, or a partial result naming validate or scoring.
Outcome ClassifyAnalyze(const grpc::Status& status, const v1::AnalyzeResponse& response,
                        v1::Stage down) {
  if (status.ok()) return ClassifyResponse(response, Kind::kSeed, down);
  const bool names_parse = status.error_message().rfind("parse", 0) == 0;
  return {fmt::format("error {}", CodeName(status.error_code())),
          down == v1::STAGE_PARSE && names_parse &&
              status.error_code() == grpc::StatusCode::UNAVAILABLE};
}

// Analyze callers through the gateway.
class AnalyzeLoad {
 public:
  AnalyzeLoad(const std::string& target, const std::string& content, v1::Stage down,
              int concurrency, int64_t deadline_ms)
      : down_(down),
        deadline_ms_(deadline_ms),
        stub_(v1::AnalyzeService::NewStub(juesuan::MakeClientChannel(target))),
        request_(Request(content)),
        loop_(concurrency, [this] { return Once(); }) {}

  void Stop() { loop_.Stop(); }
  std::vector<AnalyzeRecord> Records() { return loop_.Records(); }

 private:
  static v1::AnalyzeRequest Request(const std::string& content) {
    v1::AnalyzeRequest request;
    request.set_content(content);
    request.set_omit_text(true);
    return request;
  }

  std::pair<AnalyzeRecord, bool> Once() {
    v1::AnalyzeResponse response;
    const auto start = Clock::now();
    const grpc::Status status = CallAndWait(deadline_ms_, [&](auto* context, auto done) {
      stub_->async()->Analyze(context, &request_, &response, std::move(done));
    });
    AnalyzeRecord record{start, Clock::now(), ClassifyAnalyze(status, response, down_)};
    const bool full = record.outcome.label == "full";
    return {std::move(record), !full};
  }

  const v1::Stage down_;
  const int64_t deadline_ms_;
  const std::unique_ptr<v1::AnalyzeService::Stub> stub_;
  const v1::AnalyzeRequest request_;
  ClosedLoop<AnalyzeRecord> loop_;  // last: its threads use the members above
};

std::string OutcomeCounts(const std::vector<AnalyzeRecord>& records) {
  std::map<std::string, int64_t> counts;
  for (const AnalyzeRecord& r : records) ++counts[r.outcome.label];
  return CountsOf(counts);
}

bool JudgeGatewayKill(const GatewayKillOptions& o, const std::vector<AnalyzeRecord>& records,
                      Clock::time_point killed, Clock::time_point ready) {
  std::vector<AnalyzeRecord> in_flight, while_down, after_restart;
  int64_t worst_overrun_ms = std::numeric_limits<int64_t>::min(), full_before = 0,
          victim_failures = 0, unexpected = 0;
  std::optional<Clock::time_point> first_full_after;
  for (const AnalyzeRecord& r : records) {
    const bool full = r.outcome.label == "full";
    worst_overrun_ms = std::max(worst_overrun_ms, MsBetween(r.start, r.end) - o.deadline_ms);
    if (r.start < killed && r.end >= killed) in_flight.push_back(r);
    if (r.start >= killed && r.start < ready) while_down.push_back(r);
    if (r.start >= ready) after_restart.push_back(r);
    full_before += full && r.end < killed;
    victim_failures += !full && r.outcome.expected;
    unexpected += !r.outcome.expected;
    if (full && r.end >= ready && (!first_full_after || r.end < *first_full_after)) {
      first_full_after = r.end;
    }
  }
  const int64_t recovery_ms = first_full_after ? MsBetween(ready, *first_full_after) : -1;
  fmt::print("victim {}  down {} ms  timeline_ms kill 0 restarted_ready {}\n", o.victim,
             o.down_ms, MsBetween(killed, ready));
  fmt::print("calls {}  full_before_kill {}\n", records.size(), full_before);
  fmt::print("in_flight_at_kill {} :{}\n", in_flight.size(), OutcomeCounts(in_flight));
  fmt::print("started_while_down {} :{}\n", while_down.size(), OutcomeCounts(while_down));
  fmt::print("started_after_restart {} :{}\n", after_restart.size(),
             OutcomeCounts(after_restart));
  fmt::print("recovery_ms {}  (restarted backend ready -> first full result through the gateway)\n",
             recovery_ms);
  fmt::print("worst_call_overrun_ms {}  (call duration minus its deadline; <= 0: none hung)\n",
             worst_overrun_ms);
  fmt::print("unexpected_outcomes {}\n", unexpected);

  bool pass = full_before > 0 && victim_failures > 0 && unexpected == 0;
  pass &= recovery_ms >= 0 && recovery_ms <= o.max_recovery_ms && worst_overrun_ms <= 200;
  fmt::print("result {}\n", pass ? "PASS" : "FAIL");
  return pass;
}

int GatewayKillRestart(const GatewayKillOptions& o, const std::string& dir) {
  Stack stack(o.parse_binary, o.validate_binary, o.scoring_binary, o.analyze_binary, dir);
  if (!stack.Start(dir)) return 2;
  AnalyzeLoad load(stack.gateway_target(), ReadFile(o.file), StageOf(o.victim), o.concurrency,
                   o.deadline_ms);
  std::this_thread::sleep_for(Millis(o.before_ms));
  Backend& victim = stack.backend(o.victim);
  const auto killed = Clock::now();
  victim.Kill();
  std::this_thread::sleep_for(Millis(o.down_ms));
  if (!victim.Start(stack.port(o.victim), {}, 2)) {
    std::cerr << o.victim << " did not restart on port " << stack.port(o.victim) << "\n";
    return 2;
  }
  const auto ready = Clock::now();
  std::this_thread::sleep_for(Millis(o.after_ms));
  load.Stop();
  return JudgeGatewayKill(o, load.Records(), killed, ready) ? 0 : 1;
}

}  // namespace

// The batch-intermittent subcommand's options.
void AddBatchOptions(CLI::App& app, BatchOptions& b) {
  CLI::App* batch = app.add_subcommand(
      "batch-intermittent",
      "AnalyzeBatch through the gateway while validate, then parse, are killed and restarted");
  for (auto [flag, field] : {std::pair{"--parse_binary", &b.parse_binary},
                             std::pair{"--validate_binary", &b.validate_binary},
                             std::pair{"--scoring_binary", &b.scoring_binary},
                             std::pair{"--analyze_binary", &b.analyze_binary}}) {
    batch->add_option(flag, *field)->required()->check(CLI::ExistingFile);
  }
  batch->add_option("--file", b.seed_file, "the seed document")->required()
      ->check(CLI::ExistingFile);
  batch->add_option("--corpus_file", b.corpus_file, "a corpus text")->required()
      ->check(CLI::ExistingFile);
  batch->add_option("--documents", b.documents)->check(CLI::Range(1, 100000));
  batch->add_option("--batch_size", b.batch_size, "documents per AnalyzeBatch call")
      ->check(CLI::Range(1, 10000));
  batch->add_option("--streams", b.streams, "AnalyzeBatch calls open at once")
      ->check(CLI::Range(1, 64));
  batch->add_option("--rate", b.rate, "documents per second")->check(CLI::Range(1, 10000));
  batch->add_option("--cycles", b.cycles, "kill/restart cycles per victim")
      ->check(CLI::Range(0, 100));
  batch->add_option("--before_ms", b.before_ms, "load before the first fault")
      ->check(CLI::Range(0, 600000));
  batch->add_option("--down_ms", b.down_ms)->check(CLI::Range(0, 60000));
  batch->add_option("--up_ms", b.up_ms)->check(CLI::Range(0, 60000));
  batch->add_option("--deadline_ms", b.deadline_ms, "deadline of each AnalyzeBatch call")
      ->check(CLI::Range(100, 600000));
}

// The gateway-kill-restart subcommand's options.
void AddGatewayKillOptions(CLI::App& app, GatewayKillOptions& g) {
  CLI::App* sub = app.add_subcommand(
      "gateway-kill-restart",
      "Analyze through the gateway while one backend is SIGKILLed and restarted");
  for (auto [flag, field] : {std::pair{"--parse_binary", &g.parse_binary},
                             std::pair{"--validate_binary", &g.validate_binary},
                             std::pair{"--scoring_binary", &g.scoring_binary},
                             std::pair{"--analyze_binary", &g.analyze_binary},
                             std::pair{"--file", &g.file}}) {
    sub->add_option(flag, *field)->required()->check(CLI::ExistingFile);
  }
  sub->add_option("--victim", g.victim, "the backend to kill")
      ->check(CLI::IsMember({"parse", "validate", "scoring"}));
  sub->add_option("--concurrency", g.concurrency)->check(CLI::Range(1, 64));
  sub->add_option("--before_ms", g.before_ms, "load before the kill")
      ->check(CLI::Range(100, 600000));
  sub->add_option("--down_ms", g.down_ms)->check(CLI::Range(0, 60000));
  sub->add_option("--after_ms", g.after_ms, "load after the restart")
      ->check(CLI::Range(100, 600000));
  sub->add_option("--deadline_ms", g.deadline_ms)->check(CLI::Range(100, 60000));
  sub->add_option("--max_recovery_ms", g.max_recovery_ms)->check(CLI::Range(1, 60000));
}

int main(int argc, char** argv) {
  Common c;
  int64_t down_ms = 1000, max_recovery_ms = 2000, grace_ms = 5000;
  CLI::App app{"juesuan fault scenarios against the services on loopback"};
  app.require_subcommand(1);
  for (CLI::App* sub : {app.add_subcommand("kill-restart", "SIGKILL + restart under load"),
                        app.add_subcommand("sigterm", "SIGTERM under load")}) {
    sub->add_option("--parse_binary", c.parse_binary, "juesuan-parse")->required()
        ->check(CLI::ExistingFile);
    sub->add_option("--file", c.file, "document to send")->required()->check(CLI::ExistingFile);
    sub->add_option("--repeat", c.repeat, "send the document N times over (longer parses)")
        ->check(CLI::Range(1, 1000));
    sub->add_option("--concurrency", c.concurrency)->check(CLI::Range(1, 64));
    sub->add_option("--deadline_ms", c.deadline_ms)->check(CLI::Range(100, 60000));
    sub->add_option("--before_ms", c.before_ms, "load before the fault")
        ->check(CLI::Range(100, 600000));
    sub->add_option("--after_ms", c.after_ms, "load after the restart / exit")
        ->check(CLI::Range(100, 600000));
    sub->add_option("--backend_flag", c.backend_flags, "extra juesuan-parse flag (repeatable)");
  }
  app.get_subcommand("kill-restart")->add_option("--down_ms", down_ms)
      ->check(CLI::Range(0, 60000));
  app.get_subcommand("kill-restart")->add_option("--max_recovery_ms", max_recovery_ms);
  app.get_subcommand("sigterm")->add_option("--grace_ms", grace_ms)->check(CLI::Range(100, 60000));
  BatchOptions batch;
  AddBatchOptions(app, batch);
  GatewayKillOptions gateway_kill;
  AddGatewayKillOptions(app, gateway_kill);
  CLI11_PARSE(app, argc, argv);
  const std::string dir = MakeTempDir();
  int result = 2;
  if (app.got_subcommand("kill-restart")) {
    result = KillRestart(c, dir, down_ms, max_recovery_ms);
  } else if (app.got_subcommand("sigterm")) {
    result = Sigterm(c, dir, grace_ms);
  } else if (app.got_subcommand("gateway-kill-restart")) {
    result = GatewayKillRestart(gateway_kill, dir);
  } else {
    result = BatchIntermittent(batch, dir);
  }
  // Backend logs are kept when the scenario failed, for diagnosis.
  if (result == 0) {
    std::filesystem::remove_all(dir);
  } else {
    std::cerr << "backend logs kept in " << dir << "\n";
  }
  return result;
}
