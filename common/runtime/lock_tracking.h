// Abseil's lock-order tracking, off in juesuan's binaries.
//
// Debian builds Abseil without NDEBUG, so absl::Mutex (and gRPC's locks,
// which are absl::Mutex) records by default every lock acquired in a
// process-wide graph to report lock-order cycles: a few percent of a
// service's CPU, spent on every RPC. Tests keep it (they do not call this).
#pragma once

namespace juesuan {

// Call once at the start of main(); takes effect for every lock after it.
void TurnOffLockOrderTracking();

}  // namespace juesuan
