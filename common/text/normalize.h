// A matching copy of a text: full-width forms folded (NFKC per code point),
// spaces next to CJK characters dropped (PDF-to-text conversion and justified
// layouts put spaces between every character: "本 年 收 入 2946.25 万 元"),
// with a map from every byte of the copy back to the original text, so that
// evidence always quotes the document as printed.
//
// The map is kept as runs rather than one entry per byte: most of the folded
// text is copied from the document unchanged (ideographs, ASCII), and inside
// such a copied run a byte maps to the document offset of the character it
// belongs to, found from the run start alone. A character whose folded form
// differs from its printed bytes gets a run of its own whose bytes all map to
// the character's offset.
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
  // the document again, without the work. `other` must map to increasing
  // document offsets (a line, or pieces appended in document order).
  void AppendFolded(const NormalizedText& other, size_t original_begin, size_t original_end);

  const std::string& text() const { return text_; }

  // The folded text of the document bytes [original_begin, original_end),
  // which this text covers: what AppendFolded would copy. Needs increasing
  // document offsets, as AppendFolded does.
  std::string_view Slice(size_t original_begin, size_t original_end) const;

  // Document byte offset of normalised byte `offset`. `offset == size()` maps
  // to the end of the last appended piece.
  size_t ToOriginal(size_t offset) const;

 private:
  // A stretch of text_ from `folded` up to the next run's start (or the end)
  // that begins at document offset `original`. A copied run holds the
  // document's bytes unchanged; a whole run is the folded form of a single
  // character, all of whose bytes map to `original`.
  struct Run {
    uint32_t folded;
    uint32_t original;
    bool whole;
  };

  // Appends `bytes` copied unchanged from document offset `offset`.
  void AppendCopied(std::string_view bytes, uint32_t offset);
  // Appends `folded`, the folded form of the one character at `offset`.
  void AppendWhole(std::string_view folded, uint32_t offset);
  // Starts a run at text_ position `folded` unless it continues the last one.
  void AddRun(uint32_t folded, uint32_t original, bool whole);
  // Emits the pending spaces, piece[pending_begin_, pending_end_), unless a
  // CJK character stands on either side.
  void FlushSpaces(int32_t next_code_point, std::string_view piece, size_t piece_offset);

  // Index of the run holding text_ byte `offset` (< text_.size()).
  size_t RunAt(size_t offset) const;
  // First text_ position whose document offset is at least `original`
  // (text_.size() if none): lower_bound over the per-byte map.
  size_t FoldedLowerBound(size_t original) const;

  std::string text_;
  std::vector<Run> runs_;  // ordered by `folded`, none empty
  size_t end_ = 0;         // document offset after the last piece
  // Spaces seen but not yet emitted (kept only when neither neighbour is
  // CJK): the piece bytes [pending_begin_, pending_end_), consecutive spaces.
  size_t pending_begin_ = 0;
  size_t pending_end_ = 0;
};

// Folds one string for matching (same folding as NormalizedText).
std::string NormalizeForMatching(std::string_view s);

}  // namespace juesuan::text
