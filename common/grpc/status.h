// The single mapping between absl::Status (used everywhere inside juesuan)
// and grpc::Status (used only at the RPC boundary). The numeric codes are
// identical by design, so the mapping keeps code and message unchanged.
#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace juesuan {

grpc::Status ToGrpcStatus(const absl::Status& status);

// For clients that continue in absl::Status after a call.
absl::Status FromGrpcStatus(const grpc::Status& status);

// "INVALID_ARGUMENT" — the canonical upper-case name of a gRPC code.
std::string GrpcCodeToString(grpc::StatusCode code);

}  // namespace juesuan
