// --workers and --queue_size for the services that work on a bounded pool
// (parse, validate, scoring; not the gateway, which never blocks a thread).
// Link juesuan_worker_flags only into such mains.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>
#include <prometheus/registry.h>

#include "absl/status/statusor.h"
#include "common/runtime/main_support.h"
#include "common/runtime/worker_pool.h"

namespace juesuan {

struct WorkerPoolSize {
  size_t threads = 1;  // --workers, or one per CPU core when 0
  size_t queue = 0;    // --queue_size
};

// INVALID_ARGUMENT when --queue_size is negative.
absl::StatusOr<WorkerPoolSize> WorkerPoolSizeFromFlags();

// Builds a pooled service on the worker pool and the metrics registry it is
// given; a status (e.g. a bad flag) ends the process instead.
using PooledServiceFactory = std::function<absl::StatusOr<std::unique_ptr<grpc::Service>>(
    WorkerPool& pool, prometheus::Registry& registry)>;

// What every pooled service's main() does once its own flags are read: a
// worker pool sized by --workers/--queue_size, the service `make_service`
// builds on it, served until SIGTERM (ServeUntilTerminated). Returns the
// process exit code; 1 when the pool size or the service is refused.
int ServeOnWorkerPool(const std::string& service_name, const ServeOptions& options,
                      const std::string& full_service_name,
                      const PooledServiceFactory& make_service);

}  // namespace juesuan
