// juesuan_load: sends documents to a juesuan service and reports throughput,
// latency percentiles, status codes and (optionally) the server's resident
// memory as the run goes. Closed loop (--rate 0: each of --concurrency chains
// sends its next request when the previous answers) or open loop (--rate R
// requests/s, latency measured from the scheduled send time, so queueing is
// counted).
//
//   juesuan_load --target 127.0.0.1:50051 --file seed.txt --requests 1000
//                --concurrency 4 [--rate 300] [--server_pid PID]
//   juesuan_load --method analyze --target 127.0.0.1:50050 --file seed.txt ...
//
// --method parse calls ParseService.ParseDocument; --method analyze calls the
// gateway's AnalyzeService.Analyze (parse, validate and scoring end to end).
// Answers are read only as far as they are checked (the status, and each
// stage's code of an Analyze), through the byte views of forwarding.proto:
// the load generator shares the machine with the servers it measures, and
// decoding every report would take their CPU. For the same reason calls are
// asynchronous (gRPC's callback API): no thread waits for an answer. A closed
// loop keeps --concurrency calls in flight, each answer starting the next; an
// open loop is paced by one thread and keeps at most --concurrency in flight
// (a call that waits for a slot still counts its latency from its scheduled
// time).
//
// A secured deployment: --tls_ca turns TLS on (verifying the server against
// that CA), --tls_client_cert/--tls_client_key add a client certificate
// (mTLS), --tls_server_name names the certificate's host when the target is
// an IP, and --token_file sends "authorization: Bearer <token>" on every
// call (the file holds the token; surrounding whitespace is ignored).
//
// Only for loopback targets: the load is bounded by --requests and
// --max_seconds, and the tool refuses non-loopback addresses.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "CLI/CLI.hpp"
#include "absl/synchronization/mutex.h"
#include "common/grpc/client_channel.h"
#include "common/runtime/lock_tracking.h"
#include "fmt/format.h"
#include "juesuan/analyze/v1/analyze_service.grpc.pb.h"
#include "juesuan/analyze/v1/forwarding.pb.h"
#include "juesuan/parse/v1/parse_service.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string method = "parse";
  std::string target;
  std::string file;
  int64_t requests = 1000;
  int concurrency = 1;
  int64_t rate = 0;  // requests per second; 0 = closed loop
  int64_t max_seconds = 600;
  int64_t deadline_ms = 10000;
  int server_pid = 0;
  int64_t rss_every = 100;
  juesuan::ClientChannelOptions channel;
  std::string token_file;
};

bool IsLoopback(const std::string& target) {
  for (const char* prefix : {"127.", "localhost", "[::1]", "dns:///127.", "dns:///localhost",
                             "ipv4:127.", "ipv6:[::1]"}) {
    if (target.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// Resident set size of a process in KiB from /proc (VmRSS and the peak VmHWM).
std::pair<int64_t, int64_t> ReadRss(int pid) {
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string line;
  int64_t rss = -1, hwm = -1;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    int64_t kib = 0;
    fields >> key >> kib;
    if (key == "VmRSS:") rss = kib;
    if (key == "VmHWM:") hwm = kib;
  }
  return {rss, hwm};
}

struct Results {
  std::vector<int64_t> latencies_us;
  std::map<std::string, int64_t> codes;
  std::vector<std::pair<int64_t, int64_t>> rss_samples;  // (requests done, KiB)
  // Analyze: each stage's wall time as the gateway reported it (where the
  // time of a slow call went).
  std::map<std::string, std::vector<int64_t>> stage_us;
};

// (stage, microseconds) of one answer.
using StageTimes = std::vector<std::pair<std::string, int64_t>>;

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

// The bearer token in `path`, without surrounding whitespace (a trailing
// newline is what `echo` and editors leave).
std::optional<std::string> ReadToken(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream content;
  content << in.rdbuf();
  std::string token = content.str();
  const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  token.erase(token.begin(), std::find_if_not(token.begin(), token.end(), is_space));
  token.erase(std::find_if_not(token.rbegin(), token.rend(), is_space).base(), token.end());
  if (token.empty()) return std::nullopt;
  return token;
}

using MessageStub =
    grpc::TemplatedGenericStub<google::protobuf::MessageLite, google::protobuf::MessageLite>;

// An OK answer without a report is counted as DATA_LOSS, not as a success.
template <typename Answer>
grpc::Status WithReport(const Answer& answer) {
  if (answer.has_report() && !answer.report().empty()) return grpc::Status::OK;
  return grpc::Status(grpc::StatusCode::DATA_LOSS, "an OK answer without a report");
}

// One call in flight: its context and the answer it is read into.
struct PendingCall {
  grpc::ClientContext context;
  Clock::time_point scheduled;
  std::unique_ptr<google::protobuf::MessageLite> answer;
};

// The method under load: what is sent, and how an OK answer is checked.
struct Method {
  std::string path;  // "/package.Service/Method"
  std::shared_ptr<const google::protobuf::MessageLite> request;
  std::function<std::unique_ptr<google::protobuf::MessageLite>()> new_answer;
  // The status of an OK call; fills `stages` where the answer reports them.
  std::function<grpc::Status(const google::protobuf::MessageLite&, StageTimes* stages)> check;
};

Method ParseMethod(std::string content) {
  auto request = std::make_shared<juesuan::parse::v1::ParseDocumentRequest>();
  request->set_content(std::move(content));
  request->set_omit_text(true);
  using Answer = juesuan::analyze::forwarding::ParsedReport;
  return {fmt::format("/{}/ParseDocument", juesuan::parse::v1::ParseService::service_full_name()),
          request, [] { return std::make_unique<Answer>(); },
          [](const google::protobuf::MessageLite& answer, StageTimes*) {
            return WithReport(static_cast<const Answer&>(answer));
          }};
}

Method AnalyzeMethod(std::string content, const std::string& file_name) {
  auto request = std::make_shared<juesuan::analyze::v1::AnalyzeRequest>();
  request->set_content(std::move(content));
  request->set_file_name(file_name);
  request->set_omit_text(true);
  using Answer = juesuan::analyze::forwarding::AnalyzeResponse;
  return {fmt::format("/{}/Analyze", juesuan::analyze::v1::AnalyzeService::service_full_name()),
          request, [] { return std::make_unique<Answer>(); },
          [](const google::protobuf::MessageLite& message, StageTimes* stages) {
            const auto& answer = static_cast<const Answer&>(message);
            grpc::Status status = WithReport(answer);
            // A stage failure is an OK call; count it as its stage's code.
            for (const auto& stage : answer.stages()) {
              if (status.ok() && stage.code() != 0) {
                status = grpc::Status(static_cast<grpc::StatusCode>(stage.code()), stage.message());
              }
              stages->emplace_back(
                  juesuan::analyze::v1::Stage_Name(stage.stage()),
                  stage.duration().seconds() * 1000000 + stage.duration().nanos() / 1000);
            }
            return status;
          }};
}

// The calls of one run, sent without waiting for answers.
class LoadRun {
 public:
  LoadRun(const Options& options, Method method, std::shared_ptr<grpc::Channel> channel,
          std::string authorization)
      : options_(options),
        method_(std::move(method)),
        stub_(std::move(channel)),
        authorization_(std::move(authorization)) {}

  // Sends every call and returns when the last has ended.
  void Run() {
    start_ = end_ = Clock::now();
    stop_at_ = start_ + std::chrono::seconds(options_.max_seconds);
    if (options_.rate > 0) {
      PaceOpenLoop();
    } else {
      for (int i = 0; i < options_.concurrency; ++i) StartNextInClosedLoop();
    }
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](int64_t* in_flight) { return *in_flight == 0; }, &in_flight_));
  }

  double seconds() const { return std::chrono::duration<double>(end_ - start_).count(); }
  Results& results() { return results_; }

 private:
  // Call i goes at start + i / rate; a call waits for a free slot when
  // --concurrency are in flight.
  void PaceOpenLoop() {
    for (int64_t i = 0; i < options_.requests; ++i) {
      const Clock::time_point scheduled =
          start_ + std::chrono::microseconds(i * 1000000 / options_.rate);
      std::this_thread::sleep_until(scheduled);
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(this, &LoadRun::HasFreeSlot));
        if (Clock::now() > stop_at_) return;
        ++in_flight_;
      }
      Start(scheduled);
    }
  }

  bool HasFreeSlot() const { return in_flight_ < options_.concurrency; }

  // The next call of a closed loop, if one is left and time remains.
  void StartNextInClosedLoop() {
    {
      absl::MutexLock lock(&mu_);
      if (started_ >= options_.requests || Clock::now() > stop_at_) return;
      ++started_;
      ++in_flight_;
    }
    Start(Clock::now());
  }

  void Start(Clock::time_point scheduled) {
    // Deleted by its callback, the last use of its context.
    auto* call = new PendingCall();
    call->scheduled = scheduled;
    call->answer = method_.new_answer();
    call->context.set_deadline(std::chrono::system_clock::now() +
                               std::chrono::milliseconds(options_.deadline_ms));
    if (!authorization_.empty()) call->context.AddMetadata("authorization", authorization_);
    stub_.UnaryCall(&call->context, method_.path, grpc::StubOptions(), method_.request.get(),
                    call->answer.get(), [this, call](grpc::Status status) {
                      StageTimes stages;
                      if (status.ok()) status = method_.check(*call->answer, &stages);
                      const Clock::time_point scheduled = call->scheduled;
                      delete call;
                      if (options_.rate == 0) StartNextInClosedLoop();
                      absl::MutexLock lock(&mu_);
                      Record(scheduled, status, stages);
                      --in_flight_;
                    });
  }

  // A call's outcome; mu_ held.
  void Record(Clock::time_point scheduled, const grpc::Status& status, const StageTimes& stages) {
    end_ = Clock::now();
    results_.latencies_us.push_back(
        std::chrono::duration_cast<std::chrono::microseconds>(end_ - scheduled).count());
    ++results_.codes[CodeName(status.error_code())];
    for (const auto& [stage, stage_us] : stages) results_.stage_us[stage].push_back(stage_us);
    const int64_t done = static_cast<int64_t>(results_.latencies_us.size());
    if (options_.server_pid > 0 && (done % options_.rss_every == 0 || done == 1)) {
      results_.rss_samples.emplace_back(done, ReadRss(options_.server_pid).first);
    }
  }

  const Options& options_;
  const Method method_;
  MessageStub stub_;
  const std::string authorization_;
  Clock::time_point start_;
  Clock::time_point stop_at_;
  absl::Mutex mu_;
  Results results_;        // guarded by mu_
  int64_t started_ = 0;    // closed loop; guarded by mu_
  int64_t in_flight_ = 0;  // guarded by mu_
  Clock::time_point end_;  // when the last call ended; guarded by mu_
};

int64_t Percentile(std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t index = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
  juesuan::TurnOffLockOrderTracking();
  Options o;
  CLI::App app{"juesuan load generator (loopback only)"};
  app.add_option("--method", o.method, "parse (juesuan-parse) or analyze (juesuan-analyze)")
      ->check(CLI::IsMember({"parse", "analyze"}));
  app.add_option("--target", o.target, "HOST:PORT of the server")->required();
  app.add_option("--file", o.file, "document to send")->required()->check(CLI::ExistingFile);
  app.add_option("--requests", o.requests, "total requests")->check(CLI::Range(1, 10000000));
  app.add_option("--concurrency", o.concurrency, "calls in flight at most")
      ->check(CLI::Range(1, 256));
  app.add_option("--rate", o.rate, "open-loop rate in requests/s (0 = closed loop)");
  app.add_option("--max_seconds", o.max_seconds, "stop after this long in any case");
  app.add_option("--deadline_ms", o.deadline_ms, "deadline of each call");
  app.add_option("--server_pid", o.server_pid, "sample this process's RSS");
  app.add_option("--rss_every", o.rss_every, "sample RSS every N requests");
  app.add_option("--tls_ca", o.channel.tls_ca_file,
                 "PEM CA that issued the server's certificate; turns TLS on")
      ->check(CLI::ExistingFile);
  app.add_option("--tls_client_cert", o.channel.tls_client_cert_file,
                 "PEM client certificate (mTLS); needs --tls_ca and --tls_client_key")
      ->check(CLI::ExistingFile);
  app.add_option("--tls_client_key", o.channel.tls_client_key_file,
                 "PEM private key of --tls_client_cert")
      ->check(CLI::ExistingFile);
  app.add_option("--tls_server_name", o.channel.tls_server_name,
                 "name expected in the server's certificate when it differs from the target");
  app.add_option("--token_file", o.token_file,
                 "file holding a bearer token sent with every call")
      ->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);
  if (!IsLoopback(o.target)) {
    std::cerr << "refusing to send load to a non-loopback target: " << o.target << "\n";
    return 2;
  }
  std::ifstream in(o.file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string authorization;
  if (!o.token_file.empty()) {
    const std::optional<std::string> token = ReadToken(o.token_file);
    if (!token) {
      std::cerr << "no token in " << o.token_file << "\n";
      return 2;
    }
    authorization = "Bearer " + *token;
  }
  auto channel_or = juesuan::CreateClientChannel(o.target, o.channel);
  if (!channel_or.ok()) {
    std::cerr << channel_or.status().ToString() << "\n";
    return 2;
  }
  std::shared_ptr<grpc::Channel> channel = *std::move(channel_or);
  Method method =
      o.method == "parse" ? ParseMethod(buffer.str()) : AnalyzeMethod(buffer.str(), o.file);
  LoadRun run(o, std::move(method), std::move(channel), std::move(authorization));
  run.Run();
  const double seconds = run.seconds();
  Results& results = run.results();

  auto& lat = results.latencies_us;
  std::sort(lat.begin(), lat.end());
  fmt::print("requests {}  seconds {:.3f}  throughput {:.1f}/s\n", lat.size(), seconds,
             lat.size() / seconds);
  fmt::print("latency_us p50 {}  p90 {}  p99 {}  max {}\n", Percentile(lat, 0.50),
             Percentile(lat, 0.90), Percentile(lat, 0.99), lat.empty() ? 0 : lat.back());
  for (auto& [stage, times] : results.stage_us) {
    std::sort(times.begin(), times.end());
    fmt::print("stage_us {} p50 {}  p90 {}  p99 {}  max {}\n", stage, Percentile(times, 0.50),
               Percentile(times, 0.90), Percentile(times, 0.99), times.back());
  }
  for (const auto& [code, n] : results.codes) fmt::print("status {} {}\n", code, n);
  if (o.server_pid > 0) {
    for (const auto& [done, kib] : results.rss_samples) {
      fmt::print("rss_kib_after {} {}\n", done, kib);
    }
    const auto [rss, hwm] = ReadRss(o.server_pid);
    fmt::print("server_rss_kib {}  server_peak_rss_kib {}\n", rss, hwm);
  }
  return results.codes.size() == 1 && results.codes.count("OK") ? 0 : 1;
}
