// What a callback service reads from its call context on a worker thread:
// the deadline as absl::Time and a log-safe request id.
#pragma once

#include <string>

#include <grpcpp/support/server_callback.h>
#include <grpcpp/server_context.h>

#include "absl/time/time.h"

namespace juesuan {

// The call's deadline; absl::InfiniteFuture() when the client set none (gRPC
// reports that as a time point a century or more away).
absl::Time CallDeadline(const grpc::CallbackServerContext& context);

// The client's x-request-id metadata reduced to [A-Za-z0-9._-], at most 64
// characters; "-" when absent or empty after reduction.
std::string CallRequestId(const grpc::CallbackServerContext& context);

// CallRequestId, or a new random id (16 hex digits) when the client sent
// none: what a service that calls others forwards as their x-request-id, so
// one document's log lines can be found in every service.
std::string CallRequestIdOrNew(const grpc::CallbackServerContext& context);

}  // namespace juesuan
