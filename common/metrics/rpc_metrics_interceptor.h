// Server-side RPC metrics with the go-grpc-prometheus names and labels, so
// off-the-shelf dashboards and alerts work unchanged:
//   grpc_server_started_total{grpc_type,grpc_service,grpc_method}
//   grpc_server_handled_total{grpc_type,grpc_service,grpc_method,grpc_code}
//   grpc_server_handling_seconds{grpc_type,grpc_service,grpc_method} (histogram)
// grpc_code uses the Go spellings (OK, InvalidArgument, ResourceExhausted …).
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <string>

#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace juesuan::metrics {

// The Go spelling of a gRPC status code ("InvalidArgument").
std::string GrpcCodeName(grpc::StatusCode code);

// The metric series of one RPC method, created once and then reused, so the
// per-call path does not take the family mutex.
class MethodMetrics {
 public:
  MethodMetrics(prometheus::Family<prometheus::Counter>& handled_family,
                prometheus::Counter* started, prometheus::Histogram* handling,
                std::map<std::string, std::string> labels);

  void Started() { started_->Increment(); }
  void Handled(grpc::StatusCode code, double seconds);

 private:
  static constexpr int kCodeCount = 17;  // OK … UNAUTHENTICATED
  prometheus::Family<prometheus::Counter>& handled_family_;
  prometheus::Counter* started_;
  prometheus::Histogram* handling_;
  std::map<std::string, std::string> labels_;  // type, service, method
  // One counter per status code, added on first use: a code that never
  // occurred exports no series.
  std::array<std::atomic<prometheus::Counter*>, kCodeCount> handled_{};
};

// Owns the three metric families and the per-method cache.
class RpcMetrics {
 public:
  explicit RpcMetrics(prometheus::Registry& registry);

  // `full_method` is "/package.Service/Method"; `type` is "unary",
  // "client_stream", "server_stream" or "bidi_stream".
  MethodMetrics& ForMethod(const std::string& full_method, const std::string& type);

  // Latency buckets: 0.5 ms … 60 s (parsing a large PDF takes seconds).
  static const prometheus::Histogram::BucketBoundaries& HandlingBuckets();

 private:
  prometheus::Family<prometheus::Counter>& started_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& handling_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::unique_ptr<MethodMetrics>> methods_
      ABSL_GUARDED_BY(mu_);
};

// Creates one interceptor per call; `metrics` must outlive the server.
class MetricsInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(RpcMetrics* metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  RpcMetrics* metrics_;
};

}  // namespace juesuan::metrics
