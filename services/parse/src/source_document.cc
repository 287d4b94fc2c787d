#include "services/parse/src/source_document.h"

#include <algorithm>
#include <tuple>

namespace juesuan::parse {
namespace {

// memchr skips from newline to newline: far fewer steps than a byte count.
size_t CountNewlines(std::string_view text) {
  size_t n = 0;
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) ++n;
  return n;
}

}  // namespace

bool SourceLine::blank() const {
  return norm().find_first_not_of(" \t\r\f") == std::string::npos;
}

SourceDocument::SourceDocument(std::string text, std::vector<size_t> page_starts)
    : text_(std::move(text)), page_starts_(std::move(page_starts)) {
  // Text from pdftotext separates pages with form feeds: they give pages too.
  if (page_starts_.empty() && text_.find('\f') != std::string::npos) {
    page_starts_.push_back(0);
    for (size_t i = text_.find('\f'); i != std::string::npos; i = text_.find('\f', i + 1)) {
      if (i + 1 < text_.size()) page_starts_.push_back(i + 1);
    }
  }
  lines_.reserve(CountNewlines(text_) + 1);
  folded_text_.reserve(text_.size() + 1);
  size_t begin = 0;
  uint32_t number = 1;
  while (begin <= text_.size()) {
    size_t newline = text_.find('\n', begin);
    if (newline == std::string::npos) newline = text_.size();
    size_t end = newline;
    if (end > begin && text_[end - 1] == '\r') --end;
    // Built in its place: the lines were reserved, and a moved line would
    // copy its folded text's pointers and runs once more.
    SourceLine& line = lines_.emplace_back();
    line.number = number++;
    line.begin = begin;
    line.end = end;
    line.raw = std::string_view(text_).substr(begin, end - begin);
    line.folded = text::NormalizedText(line.raw, begin);
    line.folded_begin = folded_text_.size();
    folded_text_ += line.norm();
    folded_text_ += '\n';
    line.page = PageAt(begin);
    while (line.leading_tabs < static_cast<int>(line.raw.size()) &&
           line.raw[line.leading_tabs] == '\t') {
      ++line.leading_tabs;
    }
    if (newline == text_.size()) break;
    begin = newline + 1;
  }
}

uint32_t SourceDocument::LineAt(size_t offset) const {
  auto it = std::upper_bound(
      lines_.begin(), lines_.end(), offset,
      [](size_t value, const SourceLine& line) { return value < line.begin; });
  if (it == lines_.begin()) return 1;
  return std::prev(it)->number;
}

uint32_t SourceDocument::PageAt(size_t offset) const {
  if (page_starts_.empty()) return 0;
  auto it = std::upper_bound(page_starts_.begin(), page_starts_.end(), offset);
  return static_cast<uint32_t>(std::max<ptrdiff_t>(1, it - page_starts_.begin()));
}

std::pair<size_t, size_t> SourceDocument::QuotedSpan(size_t begin, size_t end) const {
  end = std::min(end, text_.size());
  begin = std::min(begin, end);
  // Evidence quotes the printed characters, not the layout around them.
  auto space_at = [&](size_t i) -> size_t {
    const char c = text_[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
    if (text_.compare(i, 3, "\xE3\x80\x80") == 0) return 3;  // ideographic space
    return 0;
  };
  while (begin < end) {
    const size_t n = space_at(begin);
    if (n == 0 || begin + n > end) break;
    begin += n;
  }
  while (end > begin) {
    if (space_at(end - 1) == 1) {
      --end;
    } else if (end >= begin + 3 && text_.compare(end - 3, 3, "\xE3\x80\x80") == 0) {
      end -= 3;
    } else {
      break;
    }
  }
  return {begin, end};
}

report::v1::Provenance SourceDocument::Provenance(
    size_t begin, size_t end, std::string_view section_key) const {
  std::tie(begin, end) = QuotedSpan(begin, end);
  report::v1::Provenance p;
  p.set_byte_begin(begin);
  p.set_byte_end(end);
  p.set_line(LineAt(begin));
  p.set_page(PageAt(begin));
  p.set_section_key(std::string(section_key));
  p.set_raw_text(text_.substr(begin, end - begin));
  return p;
}

}  // namespace juesuan::parse
