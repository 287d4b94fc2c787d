#include "common/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace juesuan::text {
namespace {

// Code points whose NFKC form is themselves and that are common enough in
// these documents to skip ICU for: ASCII and the CJK Unified Ideographs.
bool IsStable(UChar32 c) {
  return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF);
}

// Extra folds beyond NFKC that matter for matching printed figures: the
// various dashes and the ideographic full stop used as a decimal point never
// occur, so only the characters NFKC leaves alone are listed.
UChar32 ExtraFold(UChar32 c) {
  switch (c) {
    case 0x3000: return ' ';     // ideographic space (NFKC keeps it as U+0020 too)
    case 0x00A0: return ' ';
    case 0xFE66: return '=';     // ﹦ small equals (Yunnan tables)
    default: return c;
  }
}

// Appends the folded form of `c` to `out`.
void AppendFolded(UChar32 c, std::string& out) {
  c = ExtraFold(c);
  if (IsStable(c)) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, n);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) {
    folded = nfkc->normalize(icu::UnicodeString(c), status);
  }
  if (U_FAILURE(status) || folded.isEmpty()) folded = icu::UnicodeString(c);
  std::string utf8;
  folded.toUTF8String(utf8);
  out += utf8;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original, size_t original_offset) {
  text_.reserve(original.size());
  to_original_.reserve(original.size());
  Append(original, original_offset);
}

void NormalizedText::Append(std::string_view original, size_t original_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t length = static_cast<int32_t>(original.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // input is validated upstream; stay total anyway
    const size_t before = text_.size();
    AppendFolded(c, text_);
    to_original_.insert(to_original_.end(), text_.size() - before,
                        static_cast<uint32_t>(original_offset + start));
  }
  end_ = original_offset + original.size();
}

size_t NormalizedText::ToOriginal(size_t offset) const {
  if (offset >= to_original_.size()) return end_;
  return to_original_[offset];
}

std::string NormalizeForMatching(std::string_view s) {
  return NormalizedText(s).text();
}

}  // namespace juesuan::text
