#include "common/runtime/lock_tracking.h"

#include "absl/synchronization/mutex.h"

namespace juesuan {

void TurnOffLockOrderTracking() {
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

}  // namespace juesuan
