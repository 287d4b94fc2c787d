// Reads a PEM file (certificate, key or CA bundle) for gRPC credentials.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace juesuan {

// The file's contents; NOT_FOUND when it cannot be read, INVALID_ARGUMENT when
// it holds no PEM block ("-----BEGIN"). `what` names the file in errors
// ("--tls_cert").
absl::StatusOr<std::string> ReadPemFile(const std::string& path, const std::string& what);

}  // namespace juesuan
