#include "services/parse/src/passages.h"

#include <algorithm>
#include <string_view>

namespace juesuan::parse {
namespace {

// One physical line's content without indentation.
struct Piece {
  uint32_t line = 0;
  size_t begin = 0;  // document offsets of the trimmed content
  size_t end = 0;
};

using Paragraph = std::vector<Piece>;

std::string_view PieceText(const SourceDocument& doc, const Piece& p) {
  return std::string_view(doc.text()).substr(p.begin, p.end - p.begin);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A paragraph is "open" when its last line stops mid-sentence.
bool IsOpen(const SourceDocument& doc, const Paragraph& para) {
  std::string_view last = PieceText(doc, para.back());
  for (std::string_view end : {"。", "；", ";", "！", "？", "!", "?"}) {
    if (EndsWith(last, end)) return false;
  }
  return true;
}

// A line that continues a sentence rather than starting one: it begins with
// a figure or a closing quotation.
bool StartsAsContinuation(const SourceDocument& doc, const Piece& piece) {
  std::string_view s = PieceText(doc, piece);
  if (s.empty()) return false;
  if (s.rfind("“", 0) == 0 || s.rfind("”", 0) == 0) return true;
  if (s[0] < '0' || s[0] > '9') return false;
  // "4、…" and "1." number a list item: that starts a sentence.
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')) ++i;
  std::string_view rest = s.substr(i);
  if (rest.rfind("、", 0) == 0 || rest.rfind("．", 0) == 0) return false;
  if (rest.size() >= 2 && rest[0] == '.' && !(rest[1] >= '0' && rest[1] <= '9')) return false;
  return true;
}

Piece TrimmedPiece(const SourceLine& line, uint32_t index) {
  std::string_view raw = line.raw;
  size_t b = 0;
  size_t e = raw.size();
  auto is_space = [&](size_t i, bool from_front) {
    // ASCII white space and the ideographic space (E3 80 80).
    if (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\f') return 1;
    if (from_front && raw.substr(i, 3) == "\xE3\x80\x80") return 3;
    if (!from_front && i >= 2 && raw.substr(i - 2, 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  while (b < e) {
    int n = is_space(b, true);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    int n = is_space(e - 1, false);
    if (n == 0) break;
    e -= n;
  }
  return Piece{index, line.begin + b, line.begin + e};
}

std::vector<Paragraph> SplitParagraphs(const SourceDocument& doc, uint32_t first,
                                       uint32_t last, const std::vector<bool>& skip) {
  std::vector<Paragraph> paragraphs;
  Paragraph current;
  for (uint32_t i = first; i < last && i < doc.lines().size(); ++i) {
    const SourceLine& line = doc.lines()[i];
    const bool skipped = i < skip.size() && skip[i];
    if (skipped || line.blank()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(TrimmedPiece(line, i));
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

// pdftotext -layout prints the last line of a wrapped sentence above its
// first line when the page's text runs are out of order. Put it back.
void RepairDisplacedLines(const SourceDocument& doc, std::vector<Paragraph>& paragraphs) {
  for (Paragraph& para : paragraphs) {
    if (para.size() >= 2 && IsOpen(doc, para) && StartsAsContinuation(doc, para.front())) {
      std::rotate(para.begin(), para.begin() + 1, para.end());
    }
  }
  // A lone figure line before an unfinished sentence ends that sentence —
  // unless the paragraph before it is unfinished itself, which it continues.
  for (size_t i = 0; i + 1 < paragraphs.size(); ++i) {
    Paragraph& orphan = paragraphs[i];
    Paragraph& next = paragraphs[i + 1];
    const bool previous_open = i > 0 && IsOpen(doc, paragraphs[i - 1]);
    if (orphan.size() == 1 && !previous_open && StartsAsContinuation(doc, orphan.front()) &&
        IsOpen(doc, next)) {
      std::swap(orphan, next);
      ++i;
    }
  }
}

}  // namespace

std::vector<Passage> BuildPassages(const SourceDocument& doc, uint32_t first,
                                   uint32_t last, const std::vector<bool>& skip,
                                   const std::string& section_key, bool single) {
  std::vector<Paragraph> paragraphs = SplitParagraphs(doc, first, last, skip);
  RepairDisplacedLines(doc, paragraphs);
  std::vector<Passage> passages;
  bool continue_previous = false;
  for (const Paragraph& para : paragraphs) {
    if (!continue_previous) {
      passages.emplace_back();
      passages.back().section_key = section_key;
      passages.back().first_line = para.front().line;
    }
    Passage& passage = passages.back();
    for (const Piece& piece : para) {
      passage.folded.AppendFolded(doc.lines()[piece.line].folded, piece.begin, piece.end);
      passage.first_line = std::min(passage.first_line, piece.line);
      passage.last_line = std::max(passage.last_line, piece.line);
    }
    continue_previous = single || IsOpen(doc, para);
  }
  return passages;
}

Passage LinePassage(const SourceLine& line, std::string section_key) {
  Passage p;
  p.folded.AppendFolded(line.folded, line.begin, line.end);
  p.section_key = std::move(section_key);
  p.first_line = p.last_line = line.number - 1;
  return p;
}

std::vector<std::pair<size_t, size_t>> SplitSentences(const Passage& passage) {
  std::vector<std::pair<size_t, size_t>> out;
  const std::string& t = passage.text();
  size_t begin = 0;
  size_t i = 0;
  while (i < t.size()) {
    size_t stop = std::string::npos;
    for (std::string_view end : {"。", "！", "？", "!", "?"}) {
      if (t.compare(i, end.size(), end) == 0) {
        stop = i + end.size();
        break;
      }
    }
    if (stop != std::string::npos) {
      out.emplace_back(begin, stop);
      begin = i = stop;
    } else {
      ++i;
    }
  }
  if (begin < t.size()) out.emplace_back(begin, t.size());
  return out;
}

}  // namespace juesuan::parse
