// Decoding document bytes to UTF-8.
//
// Order (NOTES B.2): a BOM decides; otherwise strict UTF-8 validation; otherwise
// a strict GB18030 decode (a superset of GBK/GB2312) that stops at the first
// invalid sequence. Statistical detection is not used: it misreads short
// Chinese texts.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace juesuan::text {

enum class SourceEncoding { kUtf8, kGb18030, kUtf16 };

struct DecodedText {
  std::string utf8;
  SourceEncoding encoding = SourceEncoding::kUtf8;
};

// INVALID_ARGUMENT when the bytes are neither valid UTF-8 (or UTF-16 with a
// BOM) nor valid GB18030; the message names the byte offset of the problem.
absl::StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes);

// True when `bytes` is well-formed UTF-8. On failure *error_offset is the
// offset of the first byte of the first ill-formed sequence.
bool IsValidUtf8(std::string_view bytes, size_t* error_offset = nullptr);

}  // namespace juesuan::text
