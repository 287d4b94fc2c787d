#include "common/text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"

namespace juesuan::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Strict conversion through ICU: the STOP callbacks turn any invalid or
// unmappable sequence into an error instead of a substitution character.
absl::StatusOr<std::string> ConvertStrict(std::string_view bytes,
                                          const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) {
    return absl::InternalError(absl::StrCat("ICU has no converter for ", charset));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  icu::UnicodeString unicode;
  const char* source = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  constexpr int32_t kChunk = 1 << 14;
  UChar buffer[kChunk];
  while (true) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer + kChunk, &source, limit,
                   nullptr, /*flush=*/true, &status);
    unicode.append(buffer, static_cast<int32_t>(target - buffer));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      // `source` points past the offending sequence; report where it began.
      const size_t offset = static_cast<size_t>(source - bytes.data());
      return absl::InvalidArgumentError(absl::StrCat(
          "text is neither UTF-8 nor ", charset, ": invalid byte sequence near offset ",
          offset > 0 ? offset - 1 : 0));
    }
    break;
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

// Lead bytes of three-byte characters whose second byte may be any
// continuation byte: E1..EC, EE, EF.
constexpr std::array<bool, 256> kPlainThreeByteLead = [] {
  std::array<bool, 256> lead{};
  for (int b = 0xE1; b <= 0xEF; ++b) lead[b] = b != 0xED;
  return lead;
}();

// Whether a three-byte character with a plain lead byte starts at `p`, four
// bytes of which may be read.
inline bool IsPlainThreeByteAt(const uint8_t* p) {
  static_assert(std::endian::native == std::endian::little, "byte order of the word test");
  uint32_t word;
  std::memcpy(&word, p, sizeof(word));
  // Bytes 1 and 2 (little end first) must both be continuation bytes.
  return kPlainThreeByteLead[p[0]] && (word & 0x00C0C000u) == 0x00808000u;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes, size_t* error_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    // Fast paths for what these documents are made of: ASCII, and
    // three-byte characters whose lead byte needs no range check of the
    // second byte (E1..EC, EE, EF; E0 and ED are left to U8_NEXT).
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    if (kPlainThreeByteLead[s[i]] && i + 2 < length && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      // Chinese text is mostly such characters in a row: each tested with
      // one four-byte load while four bytes remain.
      while (i + 4 <= length && IsPlainThreeByteAt(s + i)) i += 3;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (error_offset) *error_offset = static_cast<size_t>(start);
      return false;
    }
  }
  return true;
}

absl::StatusOr<DecodedText> DecodeToUtf8(std::string_view bytes) {
  DecodedText out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    auto converted = ConvertStrict(bytes.substr(2), charset);
    if (!converted.ok()) return converted.status();
    out.utf8 = *std::move(converted);
    out.encoding = SourceEncoding::kUtf16;
    return out;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::ResourceExhaustedError("text larger than 2 GiB");
  }
  size_t utf8_error = 0;
  if (IsValidUtf8(bytes, &utf8_error)) {
    out.utf8 = std::string(bytes);
    out.encoding = SourceEncoding::kUtf8;
    return out;
  }
  auto converted = ConvertStrict(bytes, "GB18030");
  if (!converted.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "text is neither valid UTF-8 (first invalid byte at offset ", utf8_error,
        ") nor valid GB18030 (", converted.status().message(), ")"));
  }
  out.utf8 = *std::move(converted);
  out.encoding = SourceEncoding::kGb18030;
  return out;
}

}  // namespace juesuan::text
