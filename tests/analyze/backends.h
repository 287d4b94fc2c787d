// Backends for gateway tests, each a real gRPC server on 127.0.0.1:0: the
// real ParseServiceImpl, and validate/scoring services that run the real
// cores but can be told to fail or to answer late.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <prometheus/registry.h>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "juesuan/scoring/v1/scoring_service.grpc.pb.h"
#include "juesuan/validate/v1/validate_service.grpc.pb.h"
#include "services/parse/service/parse_service.h"

namespace juesuan::analyze::testing {

// What a controllable backend does with its next calls.
struct Behaviour {
  absl::Duration delay = absl::ZeroDuration();  // answer after this long
  absl::Status fail_first;                      // returned by the first call, if not OK
};

// The x-request-id metadata of every call a backend received.
class SeenRequestIds {
 public:
  void Record(const grpc::CallbackServerContext& context);
  std::vector<std::string> ids() const;

 private:
  mutable absl::Mutex mu_;
  std::vector<std::string> ids_ ABSL_GUARDED_BY(mu_);
};

// Answers on its own threads, so a delayed call never holds a gRPC thread.
class DelayedAnswers {
 public:
  ~DelayedAnswers();
  void After(absl::Duration delay, std::function<void()> answer);

 private:
  absl::Mutex mu_;
  std::vector<std::thread> threads_;
};

class CoreValidate final : public validate::v1::ValidateService::CallbackService {
 public:
  explicit CoreValidate(Behaviour behaviour) : behaviour_(behaviour) {}
  grpc::ServerUnaryReactor* ValidateReport(grpc::CallbackServerContext* context,
                                           const validate::v1::ValidateReportRequest* request,
                                           validate::v1::ValidateReportResponse* response) override;
  int calls() const { return calls_; }
  std::vector<std::string> request_ids() const { return request_ids_.ids(); }

 private:
  Behaviour behaviour_;
  std::atomic<int> calls_{0};
  SeenRequestIds request_ids_;
  DelayedAnswers answers_;
};

class CoreScoring final : public scoring::v1::ScoringService::CallbackService {
 public:
  explicit CoreScoring(Behaviour behaviour) : behaviour_(behaviour) {}
  grpc::ServerUnaryReactor* ScoreReport(grpc::CallbackServerContext* context,
                                        const scoring::v1::ScoreReportRequest* request,
                                        scoring::v1::ScoreReportResponse* response) override;
  int calls() const { return calls_; }
  std::vector<std::string> request_ids() const { return request_ids_.ids(); }

 private:
  Behaviour behaviour_;
  std::atomic<int> calls_{0};
  SeenRequestIds request_ids_;
  DelayedAnswers answers_;
};

// One service in its own server on 127.0.0.1:0.
struct Backend {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  std::unique_ptr<GrpcServer> server;
  std::string target() const { return "dns:///127.0.0.1:" + std::to_string(server->port()); }
};

absl::StatusOr<std::unique_ptr<GrpcServer>> StartOnLoopback(
    grpc::Service* service, const std::string& name,
    const std::shared_ptr<prometheus::Registry>& registry);

class RealParse {
 public:
  RealParse();
  grpc::Service* service() { return service_.get(); }

 private:
  std::shared_ptr<prometheus::Registry> registry_ = std::make_shared<prometheus::Registry>();
  std::unique_ptr<parse::DocumentParser> parser_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<parse::ParseServiceImpl> service_;
};

}  // namespace juesuan::analyze::testing
