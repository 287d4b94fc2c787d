#include "common/runtime/worker_flags.h"

#include <cstdint>
#include <thread>

#include <spdlog/spdlog.h>

#include "absl/flags/flag.h"

ABSL_FLAG(int32_t, workers, 0, "worker threads; 0 means one per available CPU core");
ABSL_FLAG(int32_t, queue_size, 16,
          "requests that may wait for a worker before new ones get RESOURCE_EXHAUSTED");

namespace juesuan {

absl::StatusOr<WorkerPoolSize> WorkerPoolSizeFromFlags() {
  const int32_t queue = absl::GetFlag(FLAGS_queue_size);
  if (queue < 0) return absl::InvalidArgumentError("--queue_size must not be negative");
  WorkerPoolSize size;
  size.queue = static_cast<size_t>(queue);
  const int32_t workers = absl::GetFlag(FLAGS_workers);
  if (workers > 0) {
    size.threads = static_cast<size_t>(workers);
  } else {
    const unsigned cores = std::thread::hardware_concurrency();
    size.threads = cores == 0 ? 1 : cores;
  }
  return size;
}

int ServeOnWorkerPool(const std::string& service_name, const ServeOptions& options,
                      const std::string& full_service_name,
                      const PooledServiceFactory& make_service) {
  const absl::StatusOr<WorkerPoolSize> pool_size = WorkerPoolSizeFromFlags();
  if (!pool_size.ok()) {
    spdlog::critical("msg=\"{}\"", std::string(pool_size.status().message()));
    return 1;
  }
  auto registry = std::make_shared<prometheus::Registry>();
  // Declared before the service and the server: workers must outlive every
  // call they may still finish.
  WorkerPool pool(pool_size->threads, pool_size->queue);
  absl::StatusOr<std::unique_ptr<grpc::Service>> service = make_service(pool, *registry);
  if (!service.ok()) {
    spdlog::critical("msg=\"{}\"", service.status().ToString());
    return 1;
  }
  return ServeUntilTerminated(service_name, options, {service->get()}, {full_service_name},
                              registry);
}

}  // namespace juesuan
