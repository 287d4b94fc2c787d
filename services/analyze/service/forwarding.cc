#include "services/analyze/service/forwarding.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/support/proto_buffer_reader.h>
#include <grpcpp/support/proto_buffer_writer.h>

#include <fmt/format.h>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::analyze {

using google::protobuf::internal::WireFormatLite;

std::string MethodPath(std::string_view service_full_name, std::string_view method) {
  return fmt::format("/{}/{}", service_full_name, method);
}

bool DecodeMessage(const grpc::ByteBuffer& buffer, google::protobuf::MessageLite* message) {
  // The reader consumes the buffer it is given; a copy shares the slices.
  grpc::ByteBuffer shared(buffer);
  grpc::ProtoBufferReader reader(&shared);
  return reader.status().ok() && message->ParseFromZeroCopyStream(&reader);
}

absl::Status EncodeMessage(const google::protobuf::MessageLite& message,
                           grpc::ByteBuffer* buffer) {
  const size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(INT32_MAX)) {
    return absl::ResourceExhaustedError(
        fmt::format("a response of {} bytes is over the 2 GiB a message can hold", size));
  }
  grpc::ByteBuffer encoded;
  grpc::ProtoBufferWriter writer(&encoded, grpc::kProtoBufferWriterMaxBufferLength,
                                 static_cast<int>(size));
  if (!message.SerializeToZeroCopyStream(&writer)) {
    return absl::InternalError("the response could not be serialized");
  }
  buffer->Swap(&encoded);
  return absl::OkStatus();
}

bool CopyBytes(const grpc::ByteBuffer& buffer, std::string* out) {
  out->clear();
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  out->reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) {
    out->append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return true;
}

absl::StatusOr<std::string> ReportForScoring(std::string_view report) {
  using report::v1::Report;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(report.data()),
                                            static_cast<int>(report.size()));
  std::string kept;
  {
    google::protobuf::io::StringOutputStream sink(&kept);
    google::protobuf::io::CodedOutputStream out(&sink);
    while (const uint32_t tag = in.ReadTag()) {
      const int field = WireFormatLite::GetTagFieldNumber(tag);
      const bool keep = field == Report::kDocumentFieldNumber ||
                        field == Report::kPerformanceTablesFieldNumber;
      // SkipField with an output stream copies the field, tag included.
      const bool read = keep ? WireFormatLite::SkipField(&in, tag, &out)
                             : WireFormatLite::SkipField(&in, tag);
      if (!read) break;
    }
    if (!in.ConsumedEntireMessage() || in.CurrentPosition() != static_cast<int>(report.size())) {
      return absl::InternalError(fmt::format(
          "the parse service's report is not a serialized message (unreadable at byte {} of {})",
          in.CurrentPosition(), report.size()));
    }
  }
  return kept;
}

}  // namespace juesuan::analyze
