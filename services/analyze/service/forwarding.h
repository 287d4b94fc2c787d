// What the gateway needs to pass messages on without reading them: every
// backend is called through a generic stub whose responses stay raw bytes,
// and the contract messages are read and written through the byte views of
// forwarding.proto, so that the report the parse service wrote reaches
// validate, scoring and the caller as it was written.
#pragma once

#include <string>
#include <string_view>

#include <google/protobuf/message_lite.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>

#include "absl/status/statusor.h"

namespace juesuan::analyze {

// Requests are any protobuf message (a contract message or a byte view of
// one); responses are kept as the bytes the backend sent.
using BackendStub = grpc::TemplatedGenericStub<google::protobuf::MessageLite, grpc::ByteBuffer>;

// The "/package.Service/Method" path of a backend method.
std::string MethodPath(std::string_view service_full_name, std::string_view method);

// Reads `buffer` as `message`; false when the bytes are not one.
bool DecodeMessage(const grpc::ByteBuffer& buffer, google::protobuf::MessageLite* message);

// `message` serialized into `buffer` (which it replaces).
absl::Status EncodeMessage(const google::protobuf::MessageLite& message,
                           grpc::ByteBuffer* buffer);

// The bytes of `buffer` into `out` (which is cleared first); false when the
// buffer holds none to read (never after a unary call that ended OK).
bool CopyBytes(const grpc::ByteBuffer& buffer, std::string* out);

// The part of a serialized juesuan.report.v1.Report that the scoring service
// reads — its `document` and `performance_tables` fields, copied unchanged —
// so that the rest is neither sent to it nor parsed by it. INTERNAL when the
// bytes are not a serialized message.
absl::StatusOr<std::string> ReportForScoring(std::string_view report);

}  // namespace juesuan::analyze
