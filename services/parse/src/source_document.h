// The decoded document as the parser sees it: the original UTF-8 text, its
// lines (with page numbers when the source had pages), and a folded copy of
// each line for matching. Every offset is a byte offset into text().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/text/normalize.h"
#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse {

struct SourceLine {
  uint32_t number = 0;        // 1-based
  uint32_t page = 0;          // 1-based; 0 when the source has no pages
  size_t begin = 0;           // offset of the first byte of the line
  size_t end = 0;             // offset past the last byte (newline excluded)
  std::string_view raw;       // the line as printed
  text::NormalizedText folded;  // folded copy, mapped back to document offsets
  int leading_tabs = 0;       // Word-export table cells start with a tab
  size_t folded_begin = 0;    // where norm() stands in SourceDocument::folded_text()

  const std::string& norm() const { return folded.text(); }
  bool blank() const;
};

class SourceDocument {
 public:
  // `page_starts` holds the document offset where each page begins (PDF);
  // empty for plain text.
  explicit SourceDocument(std::string text, std::vector<size_t> page_starts = {});
  SourceDocument(const SourceDocument&) = delete;
  SourceDocument& operator=(const SourceDocument&) = delete;

  const std::string& text() const { return text_; }
  const std::vector<SourceLine>& lines() const { return lines_; }
  // Every line's folded copy, each followed by '\n': document-wide searches
  // pass over it once rather than line by line.
  const std::string& folded_text() const { return folded_text_; }
  uint32_t page_count() const { return static_cast<uint32_t>(page_starts_.size()); }

  // Line (1-based) and page (1-based, 0 if none) holding document offset.
  uint32_t LineAt(size_t offset) const;
  uint32_t PageAt(size_t offset) const;

  // The bytes of [begin, end) that evidence quotes: the span without the
  // spaces, tabs, line and page breaks and ideographic spaces at its ends.
  std::pair<size_t, size_t> QuotedSpan(size_t begin, size_t end) const;

  // Evidence for the document bytes [begin, end), over QuotedSpan.
  report::v1::Provenance Provenance(size_t begin, size_t end,
                                    std::string_view section_key) const;

 private:
  std::string text_;
  std::vector<size_t> page_starts_;
  std::vector<SourceLine> lines_;
  std::string folded_text_;
};

}  // namespace juesuan::parse
