#include "common/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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

std::string FoldWithIcu(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) folded = nfkc->normalize(icu::UnicodeString(c), status);
  if (U_FAILURE(status) || folded.isEmpty()) folded = icu::UnicodeString(c);
  std::string utf8;
  folded.toUTF8String(utf8);
  return utf8;
}

// The punctuation blocks that fill these documents (Latin-1, general
// punctuation, CJK symbols, full-width forms) are folded once into a table;
// anything rarer goes to ICU each time.
class FoldTable {
 public:
  static const FoldTable& Get() {
    static const FoldTable* table = new FoldTable();
    return *table;
  }
  const std::string* Find(UChar32 c) const {
    for (const Block& b : blocks_) {
      if (c >= b.first && c < b.first + static_cast<UChar32>(b.folded.size())) {
        return &b.folded[c - b.first];
      }
    }
    return nullptr;
  }

 private:
  struct Block {
    UChar32 first;
    std::vector<std::string> folded;
  };
  FoldTable() {
    for (auto [first, last] : {std::pair<UChar32, UChar32>{0x00A0, 0x0100},
                               {0x2000, 0x2070}, {0x3000, 0x3040}, {0xFE30, 0xFF00},
                               {0xFF00, 0xFFF0}}) {
      Block b{first, {}};
      for (UChar32 c = first; c < last; ++c) b.folded.push_back(FoldWithIcu(ExtraFold(c)));
      blocks_.push_back(std::move(b));
    }
  }
  std::vector<Block> blocks_;
};

// Appends the folded form of `c` to `out`.
void AppendFoldedCodePoint(UChar32 c, std::string& out) {
  if (IsStable(c)) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, n);
    return;
  }
  if (const std::string* folded = FoldTable::Get().Find(c)) {
    out += *folded;
    return;
  }
  out += FoldWithIcu(ExtraFold(c));
}

// Ideographs, kana, CJK and full-width punctuation: the scripts that are
// written without spaces between words.
bool IsCjk(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

// Last code point of a UTF-8 string (0 when empty).
UChar32 LastCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

// Whether a CJK Unified Ideograph (U+4E00..U+9FFF) is encoded at s[i], read
// from its lead byte (E4 B8..E9 BF): the text is valid UTF-8, so the
// continuation bytes need no check here. (Invalid input, which the decoder
// refuses before any folding, would be copied as it is, never read past its
// end.)
inline bool IsIdeographAt(const uint8_t* s, int32_t i, int32_t length) {
  if (i + 2 >= length) return false;
  const uint8_t b0 = s[i];
  return (b0 >= 0xE5 && b0 <= 0xE9) || (b0 == 0xE4 && s[i + 1] >= 0xB8);
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
  text_.reserve(text_.size() + original.size());
  to_original_.reserve(to_original_.size() + original.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    const uint32_t offset = static_cast<uint32_t>(original_offset + start);
    // Most of the text is runs of unified ideographs or of ASCII other than
    // the space, already in folded form: copied a run at a time, without the
    // general decoding below.
    if (IsIdeographAt(s, i, length)) {
      // Any ideograph stands for the run in FlushSpaces: all are CJK.
      if (!pending_spaces_.empty()) FlushSpaces(0x4E00);
      do {
        i += 3;
      } while (IsIdeographAt(s, i, length));
      AppendRun<3>(original.substr(start, i - start), offset);
      continue;
    }
    if (s[i] < 0x80 && s[i] != ' ') {
      if (!pending_spaces_.empty()) FlushSpaces(s[i]);
      do {
        ++i;
      } while (i < length && s[i] < 0x80 && s[i] != ' ');
      AppendRun<1>(original.substr(start, i - start), offset);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // input is validated upstream; stay total anyway
    if (c == ' ' || c == 0x3000 || c == 0x00A0) {
      pending_spaces_.push_back(offset);
      continue;
    }
    if (!pending_spaces_.empty()) FlushSpaces(c);
    const size_t before = text_.size();
    if (IsStable(c)) {
      text_.append(original.data() + start, i - start);  // already in folded form
    } else {
      AppendFoldedCodePoint(c, text_);
    }
    for (size_t k = before; k < text_.size(); ++k) to_original_.push_back(offset);
  }
  end_ = original_offset + original.size();
  pending_spaces_.clear();  // spaces at the end of a piece separate nothing
}

template <uint32_t kCharBytes>
void NormalizedText::AppendRun(std::string_view run, uint32_t offset) {
  text_.append(run);
  const size_t first = to_original_.size();
  to_original_.resize(first + run.size());
  uint32_t* map = to_original_.data() + first;
  const uint32_t n = static_cast<uint32_t>(run.size());
  for (uint32_t k = 0; k < n; k += kCharBytes) {
    for (uint32_t b = 0; b < kCharBytes; ++b) map[k + b] = offset + k;
  }
}

void NormalizedText::FlushSpaces(int32_t next) {
  if (!text_.empty() && !IsCjk(next) && !IsCjk(LastCodePoint(text_))) {
    for (uint32_t offset : pending_spaces_) {
      text_.push_back(' ');
      to_original_.push_back(offset);
    }
  }
  pending_spaces_.clear();
}

void NormalizedText::AppendFolded(const NormalizedText& other, size_t original_begin,
                                  size_t original_end) {
  const auto& map = other.to_original_;
  auto first = std::lower_bound(map.begin(), map.end(), original_begin);
  auto last = std::lower_bound(first, map.end(), original_end);
  const size_t b = first - map.begin();
  const size_t e = last - map.begin();
  text_.append(other.text_, b, e - b);
  to_original_.insert(to_original_.end(), first, last);
  end_ = original_end;
  pending_spaces_.clear();
}

std::string_view NormalizedText::Slice(size_t original_begin, size_t original_end) const {
  auto first = std::lower_bound(to_original_.begin(), to_original_.end(), original_begin);
  auto last = std::lower_bound(first, to_original_.end(), original_end);
  return std::string_view(text_).substr(first - to_original_.begin(), last - first);
}

size_t NormalizedText::ToOriginal(size_t offset) const {
  if (offset >= to_original_.size()) return end_;
  return to_original_[offset];
}

std::string NormalizeForMatching(std::string_view s) {
  return NormalizedText(s).text();
}

}  // namespace juesuan::text
