// --workers and --queue_size for the services that work on a bounded pool
// (parse, validate, scoring; not the gateway, which never blocks a thread).
// Link juesuan_worker_flags only into such mains.
#pragma once

#include <cstddef>

#include "absl/status/statusor.h"

namespace juesuan {

struct WorkerPoolSize {
  size_t threads = 1;  // --workers, or one per CPU core when 0
  size_t queue = 0;    // --queue_size
};

// INVALID_ARGUMENT when --queue_size is negative.
absl::StatusOr<WorkerPoolSize> WorkerPoolSizeFromFlags();

}  // namespace juesuan
