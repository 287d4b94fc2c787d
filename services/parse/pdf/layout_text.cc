#include "services/parse/pdf/layout_text.h"

#include <algorithm>

#include "services/parse/pdf/table_parts.h"

namespace juesuan::parse::pdf {
namespace {

// Page units per line: lines 12 points apart with 10-point word boxes, as
// printed tables roughly measure (columns: kGridColumnWidth).
constexpr double kLinePitch = 12.0;
constexpr double kWordHeight = 10.0;

// Lines needed to call text without form feeds laid out in columns.
constexpr int kMinColumnLines = 3;
// Spaces that separate two columns rather than two words of a sentence.
constexpr size_t kColumnGap = 3;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsBlankByte(char c) { return c == ' ' || c == '\f' || c == '\r'; }

// Whether two words of the line stand `kColumnGap` or more spaces apart.
bool HasColumnGap(std::string_view line) {
  const size_t first = line.find_first_not_of(' ');
  if (first == std::string_view::npos || line[0] == '\t') return false;
  size_t run = 0;
  for (size_t i = first; i < line.size(); ++i) {
    if (line[i] == ' ') {
      ++run;
    } else {
      if (run >= kColumnGap) return true;
      run = 0;
    }
  }
  return false;
}

// Whether `s` is a code of exactly `size` digits.
bool IsCodeOf(std::string_view s, size_t size) { return s.size() == size && AllDigits(s); }

// Joins each 类 code and the 款 and 项 codes printed a few columns after it
// ("201   06   01") into one word, as a PDF's code cell: the grid shifts the
// 类/款/项 headings against the codes under them, so the three cannot be
// told apart by position, while "2010601" reads as one code.
void JoinCodeWords(std::string_view raw, size_t line_begin, Line& line) {
  constexpr double kMaxCodeGap = 5 * kGridColumnWidth;
  for (size_t first = 0; first < line.words.size(); ++first) {
    if (!IsCodeOf(line.words[first].text, 3)) continue;
    size_t last = first;
    while (last + 1 < line.words.size() && last < first + 2 &&
           IsCodeOf(line.words[last + 1].text, 2) &&
           line.words[last + 1].box.x0 - line.words[last].box.x1 <= kMaxCodeGap) {
      ++last;
    }
    if (last == first) continue;
    Word& code = line.words[first];
    const size_t begin = line.word_begin[first] - line_begin;
    const size_t end = line.word_begin[last] - line_begin + line.words[last].text.size();
    code.text = std::string(raw.substr(begin, end - begin));
    code.box.x1 = line.words[last].box.x1;
    const auto from = static_cast<ptrdiff_t>(first) + 1, to = static_cast<ptrdiff_t>(last) + 1;
    line.words.erase(line.words.begin() + from, line.words.begin() + to);
    line.word_begin.erase(line.word_begin.begin() + from, line.word_begin.begin() + to);
  }
}

// Whether a code of 3, 5 or 7 digits starts the word at `start` and ends
// at `at`, right before an ideograph: a code printed against its label
// ("310资本性支出"), which are two cells.
bool CodeEndsAt(std::string_view raw, size_t start, size_t at) {
  const size_t digits = at - start;
  if (digits != 3 && digits != 5 && digits != 7) return false;
  return static_cast<unsigned char>(raw[at]) >= 0xE0 && AllDigits(raw.substr(start, digits));
}

Line LineOfWords(std::string_view text, TextLineRange range, double y0) {
  Line line;
  line.begin = range.first;
  line.end = range.second;
  line.box = Box{0, y0, 0, y0 + kWordHeight};
  const std::string_view raw = text.substr(range.first, range.second - range.first);
  size_t column = 0;
  bool first = true;
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] == '\f' || raw[i] == '\r') {  // no width
      ++i;
      continue;
    }
    if (raw[i] == ' ') {
      ++column;
      ++i;
      continue;
    }
    const size_t start = i;
    const size_t start_column = column;
    while (i < raw.size() && !IsBlankByte(raw[i]) && !(i > start && CodeEndsAt(raw, start, i))) {
      if (!IsContinuationByte(raw[i])) ++column;
      ++i;
    }
    Word word{std::string(raw.substr(start, i - start)),
              Box{start_column * kGridColumnWidth, y0, column * kGridColumnWidth, y0 + kWordHeight}};
    if (first) line.box.x0 = word.box.x0;
    line.box.x1 = word.box.x1;
    first = false;
    if (!line.text.empty()) line.text += ' ';
    line.word_begin.push_back(range.first + start);
    line.text += word.text;
    line.words.push_back(std::move(word));
  }
  JoinCodeWords(raw, range.first, line);
  return line;
}

}  // namespace

bool IsColumnLayout(std::string_view text, const std::vector<TextLineRange>& lines) {
  if (text.find('\f') != std::string_view::npos) return true;
  // Most text without columns has no run of spaces at all: one scan.
  if (text.find(std::string_view("   ", kColumnGap)) == std::string_view::npos) return false;
  int column_lines = 0;
  for (const auto& [begin, end] : lines) {
    if (HasColumnGap(text.substr(begin, end - begin)) && ++column_lines >= kMinColumnLines) {
      return true;
    }
  }
  return false;
}

size_t CountGridWords(std::string_view text, const std::vector<TextLineRange>& lines,
                      const std::vector<bool>& skip, size_t limit) {
  size_t words = 0;
  for (size_t i = 0; i < lines.size() && words <= limit; ++i) {
    if (i < skip.size() && skip[i]) continue;
    bool in_word = false;
    for (size_t k = lines[i].first; k < lines[i].second; ++k) {
      const bool blank = IsBlankByte(text[k]);
      if (!blank && !in_word) ++words;
      in_word = !blank;
    }
  }
  return words;
}

PdfDocument PositionedWords(std::string_view text, const std::vector<TextLineRange>& lines,
                            const std::vector<bool>& skip) {
  PdfDocument doc;
  doc.character_grid = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto [begin, end] = lines[i];
    const bool new_page = text.substr(begin, end - begin).find('\f') != std::string_view::npos;
    if (doc.pages.empty() || (new_page && !doc.pages.back().lines.empty())) {
      Page page;
      page.number = static_cast<uint32_t>(doc.pages.size() + 1);
      doc.pages.push_back(std::move(page));
      doc.page_starts.push_back(begin);
    }
    Page& page = doc.pages.back();
    const double y0 = static_cast<double>(page.lines.size()) * kLinePitch;
    Line line = i < skip.size() && skip[i] ? Line{} : LineOfWords(text, lines[i], y0);
    line.begin = begin;
    line.end = end;
    if (line.words.empty()) line.box = Box{0, y0, 0, y0 + kWordHeight};
    page.lines.push_back(std::move(line));
    page.height = static_cast<double>(page.lines.size()) * kLinePitch;
    page.width = std::max(page.width, page.lines.back().box.x1);
  }
  return doc;
}

}  // namespace juesuan::parse::pdf
