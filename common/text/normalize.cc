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
    // Most used first: Find tries the blocks in order (full-width forms,
    // CJK punctuation, general punctuation, then the rest).
    for (auto [first, last] : {std::pair<UChar32, UChar32>{0xFF00, 0xFFF0},
                               {0x3000, 0x3040}, {0x2000, 0x2070}, {0x00A0, 0x0100},
                               {0xFE30, 0xFF00}}) {
      Block b{first, {}};
      for (UChar32 c = first; c < last; ++c) b.folded.push_back(FoldWithIcu(ExtraFold(c)));
      blocks_.push_back(std::move(b));
    }
  }
  std::vector<Block> blocks_;
};

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

// UTF-8 continuation bytes (10xxxxxx) never start a character.
inline bool IsContinuationByte(char c) {
  return (static_cast<uint8_t>(c) & 0xC0) == 0x80;
}

// The folded form of `c`, a character that is not stable: from the table,
// or else from ICU into `scratch`.
std::string_view FoldUnstable(UChar32 c, std::string& scratch) {
  if (const std::string* folded = FoldTable::Get().Find(c)) return *folded;
  scratch = FoldWithIcu(ExtraFold(c));
  return scratch;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original, size_t original_offset) {
  text_.reserve(original.size());
  runs_.reserve(4);  // a line of figures and full-width punctuation has a few
  Append(original, original_offset);
}

void NormalizedText::Append(std::string_view original, size_t original_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t length = static_cast<int32_t>(original.size());
  text_.reserve(text_.size() + original.size());
  pending_begin_ = pending_end_ = 0;
  // Characters already in folded form are not appended one by one: the
  // stretch of them from `copy_from` is appended at once when something
  // else (a space, a character that folds) interrupts it, or at the end.
  int32_t copy_from = 0;
  auto append_copied_until = [&](int32_t until) {
    if (until > copy_from) {
      AppendCopied(original.substr(copy_from, until - copy_from),
                   static_cast<uint32_t>(original_offset + copy_from));
    }
  };
  std::string scratch;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    // Most of the text is runs of unified ideographs or of ASCII other than
    // the space, already in folded form: skipped a run at a time, without
    // the general decoding below.
    if (IsIdeographAt(s, i, length)) {
      // Any ideograph stands for the run in FlushSpaces: all are CJK.
      if (pending_end_ > pending_begin_) FlushSpaces(0x4E00, original, original_offset);
      do {
        i += 3;
      } while (IsIdeographAt(s, i, length));
      continue;
    }
    if (s[i] < 0x80 && s[i] != ' ') {
      if (pending_end_ > pending_begin_) FlushSpaces(s[i], original, original_offset);
      do {
        ++i;
      } while (i < length && s[i] < 0x80 && s[i] != ' ');
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // input is validated upstream; stay total anyway
    if (c == ' ' || c == 0x3000 || c == 0x00A0) {
      // FlushSpaces looks at the text before the spaces: it must be in.
      append_copied_until(start);
      copy_from = i;
      if (pending_end_ == pending_begin_) pending_begin_ = start;
      pending_end_ = i;
      continue;
    }
    if (pending_end_ > pending_begin_) FlushSpaces(c, original, original_offset);
    if (IsStable(c)) continue;
    const std::string_view printed = original.substr(start, i - start);
    const std::string_view folded = FoldUnstable(c, scratch);
    if (folded == printed) continue;
    append_copied_until(start);
    AppendWhole(folded, static_cast<uint32_t>(original_offset + start));
    copy_from = i;
  }
  append_copied_until(length);
  end_ = original_offset + original.size();
  pending_begin_ = pending_end_ = 0;  // spaces at the end of a piece separate nothing
}

void NormalizedText::AddRun(uint32_t folded, uint32_t original, bool whole) {
  if (!whole && !runs_.empty()) {
    const Run& last = runs_.back();
    // The document bytes follow the last copied run's: it goes on.
    if (!last.whole && last.original + (folded - last.folded) == original) return;
  }
  runs_.push_back(Run{folded, original, whole});
}

void NormalizedText::AppendCopied(std::string_view bytes, uint32_t offset) {
  if (bytes.empty()) return;
  AddRun(static_cast<uint32_t>(text_.size()), offset, /*whole=*/false);
  text_.append(bytes);
}

void NormalizedText::AppendWhole(std::string_view folded, uint32_t offset) {
  if (folded.empty()) return;
  AddRun(static_cast<uint32_t>(text_.size()), offset, /*whole=*/true);
  text_.append(folded);
}

void NormalizedText::FlushSpaces(int32_t next, std::string_view piece, size_t piece_offset) {
  if (!text_.empty() && !IsCjk(next) && !IsCjk(LastCodePoint(text_))) {
    size_t p = pending_begin_;
    while (p < pending_end_) {
      const uint32_t offset = static_cast<uint32_t>(piece_offset + p);
      if (piece[p] == ' ') {
        AppendCopied(piece.substr(p, 1), offset);
        p += 1;
      } else {
        // U+00A0 (C2 A0) or U+3000 (E3 80 80), both folded to a space.
        AppendWhole(" ", offset);
        p += static_cast<uint8_t>(piece[p]) == 0xC2 ? 2 : 3;
      }
    }
  }
  pending_begin_ = pending_end_ = 0;
}

size_t NormalizedText::RunAt(size_t offset) const {
  auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                [](size_t value, const Run& run) { return value < run.folded; });
  return static_cast<size_t>(after - runs_.begin()) - 1;
}

size_t NormalizedText::FoldedLowerBound(size_t original) const {
  auto next = std::lower_bound(runs_.begin(), runs_.end(), original,
                               [](const Run& run, size_t value) { return run.original < value; });
  const size_t candidate = next == runs_.end() ? text_.size() : next->folded;
  if (next == runs_.begin()) return candidate;
  // The run before starts below `original`: a copied run may reach it, at
  // the first character that starts at or after `original`.
  const Run& run = *std::prev(next);
  if (run.whole) return candidate;
  size_t at = run.folded + (original - run.original);
  while (at < candidate && IsContinuationByte(text_[at])) ++at;
  return std::min(at, candidate);
}

void NormalizedText::AppendFolded(const NormalizedText& other, size_t original_begin,
                                  size_t original_end) {
  const size_t b = other.FoldedLowerBound(original_begin);
  const size_t e = std::max(b, other.FoldedLowerBound(original_end));
  if (b < e) {
    const size_t base = text_.size();
    size_t index = other.RunAt(b);
    const size_t copied = other.RunAt(e - 1) + 1 - index;
    if (runs_.size() + copied > runs_.capacity()) {
      runs_.reserve(std::max(runs_.size() + copied, 2 * runs_.capacity()));
    }
    const Run& first = other.runs_[index];
    AddRun(static_cast<uint32_t>(base),
           first.whole ? first.original : static_cast<uint32_t>(first.original + (b - first.folded)),
           first.whole);
    // The runs after the first are copied as they are, only shifted: a
    // copied run left unmerged with the one before it maps the same.
    for (++index; index < other.runs_.size() && other.runs_[index].folded < e; ++index) {
      const Run& run = other.runs_[index];
      runs_.push_back(Run{static_cast<uint32_t>(base + (run.folded - b)), run.original, run.whole});
    }
    text_.append(other.text_, b, e - b);
  }
  end_ = original_end;
  pending_begin_ = pending_end_ = 0;
}

std::string_view NormalizedText::Slice(size_t original_begin, size_t original_end) const {
  const size_t b = FoldedLowerBound(original_begin);
  const size_t e = std::max(b, FoldedLowerBound(original_end));
  return std::string_view(text_).substr(b, e - b);
}

size_t NormalizedText::ToOriginal(size_t offset) const {
  if (offset >= text_.size()) return end_;
  const Run& run = runs_[RunAt(offset)];
  if (run.whole) return run.original;
  // Inside a copied run a byte maps to the start of its character.
  size_t start = offset;
  while (start > run.folded && IsContinuationByte(text_[start])) --start;
  return run.original + (start - run.folded);
}

std::string NormalizeForMatching(std::string_view s) {
  return NormalizedText(s).text();
}

}  // namespace juesuan::text
