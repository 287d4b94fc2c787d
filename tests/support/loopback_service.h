// The fixture of the service tests (parse, validate, scoring): one callback
// service, running on a worker pool, in an in-process gRPC server on
// 127.0.0.1:0 with its own metrics registry, called through real stubs over
// loopback.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/impl/service_type.h>
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/grpc/limits.h"
#include "common/grpc/server.h"
#include "common/runtime/worker_pool.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace juesuan::testing {

struct MessageLimits {
  int64_t server_bytes = grpc_limits::kDefaultMaxMessageBytes;
  // The client may be allowed more than the server, to test the server's limit.
  int64_t client_bytes = grpc_limits::kDefaultMaxMessageBytes;
};

class LoopbackServiceTest : public ::testing::Test {
 protected:
  // Builds the service on the fixture's pool and registry.
  using ServiceFactory =
      std::function<std::unique_ptr<grpc::Service>(WorkerPool&, prometheus::Registry&)>;

  // Stops whatever runs, then serves `make`'s service as `service_name` with
  // `workers` threads and `queue` waiting places. Fails the test on error.
  void StartService(const std::string& service_name, size_t workers, size_t queue,
                    const ServiceFactory& make, MessageLimits limits = {});
  // Drains the calls in flight, then stops the server and the pool.
  void StopService();
  void TearDown() override { StopService(); }

  std::string Address() const;
  static std::unique_ptr<grpc::ClientContext> Context(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  grpc::Status Health(const std::string& service,
                      grpc::health::v1::HealthCheckResponse* response);
  // The registry in Prometheus text format.
  std::string Metrics() const;

  // Occupies the worker of a one-worker pool until ReleasePool() (or the
  // end of the test); with `fill_queue`, also its one queue place, with a
  // task whose completion QueuedTaskDone() waits for.
  void OccupyPool(bool fill_queue);
  void ReleasePool();
  bool QueuedTaskDone(absl::Duration timeout = absl::Seconds(10));

  // What OccupyPool's tasks wait on; new for every service started, and
  // declared before the pool, whose threads use it.
  struct PoolGate {
    absl::Notification release, busy, queued_task_done;
  };
  std::unique_ptr<PoolGate> gate_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<grpc::Service> service_;
  std::unique_ptr<GrpcServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace juesuan::testing
