// A matching copy of a text: full-width forms folded (NFKC per code point),
// spaces next to CJK characters dropped (PDF-to-text conversion and justified
// layouts put spaces between every character: "本 年 收 入 2946.25 万 元"),
// with a map from every byte of the copy back to the original text, so that
// evidence always quotes the document as printed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace juesuan::text {

class NormalizedText {
 public:
  NormalizedText() = default;
  // Folds `original` (valid UTF-8), whose first byte is at `original_offset`
  // in the document.
  explicit NormalizedText(std::string_view original, size_t original_offset = 0);

  // Appends another folded piece of the document (e.g. the next line of a
  // paragraph re-flowed across a line break).
  void Append(std::string_view original, size_t original_offset);

  // Appends the part of an already folded text whose document offsets lie in
  // [original_begin, original_end): the same result as folding that part of
  // the document again, without the work.
  void AppendFolded(const NormalizedText& other, size_t original_begin, size_t original_end);

  const std::string& text() const { return text_; }

  // The folded text of the document bytes [original_begin, original_end),
  // which this text covers: what AppendFolded would copy.
  std::string_view Slice(size_t original_begin, size_t original_end) const;

  // Document byte offset of normalised byte `offset`. `offset == size()` maps
  // to the end of the last appended piece.
  size_t ToOriginal(size_t offset) const;

 private:
  // Appends `run`, already in folded form, of characters `kCharBytes` long
  // each, whose first byte is at document offset `offset`.
  template <uint32_t kCharBytes>
  void AppendRun(std::string_view run, uint32_t offset);
  // Emits the pending spaces unless a CJK character stands on either side.
  void FlushSpaces(int32_t next_code_point);

  std::string text_;
  std::vector<uint32_t> to_original_;  // one entry per byte of text_
  size_t end_ = 0;                     // document offset after the last piece
  // Spaces seen but not yet emitted: kept only when neither neighbour is CJK.
  std::vector<uint32_t> pending_spaces_;
};

// Folds one string for matching (same folding as NormalizedText).
std::string NormalizeForMatching(std::string_view s);

}  // namespace juesuan::text
