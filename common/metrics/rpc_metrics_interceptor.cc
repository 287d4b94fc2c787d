#include "common/metrics/rpc_metrics_interceptor.h"

#include <chrono>
#include <utility>

namespace juesuan::metrics {
namespace {

using grpc::experimental::InterceptionHookPoints;

const char* RpcTypeName(grpc::experimental::ServerRpcInfo::Type type) {
  using Type = grpc::experimental::ServerRpcInfo::Type;
  switch (type) {
    case Type::UNARY: return "unary";
    case Type::CLIENT_STREAMING: return "client_stream";
    case Type::SERVER_STREAMING: return "server_stream";
    case Type::BIDI_STREAMING: return "bidi_stream";
  }
  return "unknown";
}

// "/juesuan.parse.v1.ParseService/ParseDocument" -> service, method.
std::pair<std::string, std::string> SplitFullMethod(const std::string& full) {
  const std::string trimmed = (!full.empty() && full[0] == '/') ? full.substr(1) : full;
  const size_t slash = trimmed.rfind('/');
  if (slash == std::string::npos) return {"unknown", trimmed};
  return {trimmed.substr(0, slash), trimmed.substr(slash + 1)};
}

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit MetricsInterceptor(MethodMetrics* method) : method_(method) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      start_ = std::chrono::steady_clock::now();
      method_->Started();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const std::chrono::duration<double> elapsed =
          std::chrono::steady_clock::now() - start_;
      method_->Handled(methods->GetSendStatus().error_code(), elapsed.count());
    }
    methods->Proceed();
  }

 private:
  MethodMetrics* method_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

std::string GrpcCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return "OK";
    case grpc::StatusCode::CANCELLED: return "Canceled";
    case grpc::StatusCode::UNKNOWN: return "Unknown";
    case grpc::StatusCode::INVALID_ARGUMENT: return "InvalidArgument";
    case grpc::StatusCode::DEADLINE_EXCEEDED: return "DeadlineExceeded";
    case grpc::StatusCode::NOT_FOUND: return "NotFound";
    case grpc::StatusCode::ALREADY_EXISTS: return "AlreadyExists";
    case grpc::StatusCode::PERMISSION_DENIED: return "PermissionDenied";
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return "ResourceExhausted";
    case grpc::StatusCode::FAILED_PRECONDITION: return "FailedPrecondition";
    case grpc::StatusCode::ABORTED: return "Aborted";
    case grpc::StatusCode::OUT_OF_RANGE: return "OutOfRange";
    case grpc::StatusCode::UNIMPLEMENTED: return "Unimplemented";
    case grpc::StatusCode::INTERNAL: return "Internal";
    case grpc::StatusCode::UNAVAILABLE: return "Unavailable";
    case grpc::StatusCode::DATA_LOSS: return "DataLoss";
    case grpc::StatusCode::UNAUTHENTICATED: return "Unauthenticated";
    default: return "Unknown";
  }
}

MethodMetrics::MethodMetrics(prometheus::Family<prometheus::Counter>& handled_family,
                             prometheus::Counter* started,
                             prometheus::Histogram* handling,
                             std::map<std::string, std::string> labels)
    : handled_family_(handled_family),
      started_(started),
      handling_(handling),
      labels_(std::move(labels)) {}

void MethodMetrics::Handled(grpc::StatusCode code, double seconds) {
  handling_->Observe(seconds);
  int index = static_cast<int>(code);
  if (index < 0 || index >= kCodeCount) index = static_cast<int>(grpc::StatusCode::UNKNOWN);
  prometheus::Counter* counter = handled_[index].load(std::memory_order_acquire);
  if (counter == nullptr) {
    // Family::Add is idempotent for equal labels, so a race here only
    // stores the same pointer twice.
    auto labels = labels_;
    labels["grpc_code"] = GrpcCodeName(static_cast<grpc::StatusCode>(index));
    counter = &handled_family_.Add(labels);
    handled_[index].store(counter, std::memory_order_release);
  }
  counter->Increment();
}

RpcMetrics::RpcMetrics(prometheus::Registry& registry)
    : started_(prometheus::BuildCounter()
                   .Name("grpc_server_started_total")
                   .Help("Total number of RPCs started on the server.")
                   .Register(registry)),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("Total number of RPCs completed on the server, regardless of "
                         "success or failure.")
                   .Register(registry)),
      handling_(prometheus::BuildHistogram()
                    .Name("grpc_server_handling_seconds")
                    .Help("Histogram of response latency (seconds) of gRPC that had been "
                          "application-level handled by the server.")
                    .Register(registry)) {}

const prometheus::Histogram::BucketBoundaries& RpcMetrics::HandlingBuckets() {
  static const auto* const kBuckets = new prometheus::Histogram::BucketBoundaries{
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25,   0.5,   1,      2.5,   5,    10,   30,    60};
  return *kBuckets;
}

MethodMetrics& RpcMetrics::ForMethod(const std::string& full_method,
                                     const std::string& type) {
  const std::string key = type + full_method;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto it = methods_.find(key); it != methods_.end()) return *it->second;
  }
  absl::MutexLock lock(&mu_);
  auto& slot = methods_[key];
  if (slot == nullptr) {
    auto [service, method] = SplitFullMethod(full_method);
    std::map<std::string, std::string> labels = {
        {"grpc_type", type}, {"grpc_service", service}, {"grpc_method", method}};
    slot = std::make_unique<MethodMetrics>(handled_, &started_.Add(labels),
                                           &handling_.Add(labels, HandlingBuckets()),
                                           labels);
  }
  return *slot;
}

grpc::experimental::Interceptor* MetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  MethodMetrics& method = metrics_->ForMethod(info->method(), RpcTypeName(info->type()));
  return new MetricsInterceptor(&method);
}

}  // namespace juesuan::metrics
