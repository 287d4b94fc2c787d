#include "services/parse/pdf/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <thread>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "absl/status/status.h"
#include "fmt/format.h"

namespace juesuan::parse::pdf {
namespace {

// Poppler reports recoverable damage on stderr; the reader reports what
// matters through its status, so the messages are dropped.
void IgnorePopplerMessage(const std::string&, void*) {}

// Readers should find the end-of-file marker within the last 1024 bytes.
bool HasEofMarker(std::string_view bytes) {
  constexpr size_t kTail = 1024;
  const std::string_view tail = bytes.size() > kTail ? bytes.substr(bytes.size() - kTail) : bytes;
  return tail.find("%%EOF") != std::string_view::npos;
}

// The first code point of a UTF-8 string (0 when empty).
char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> n);
  for (int i = 1; i <= n && i < static_cast<int>(s.size()); ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  }
  return cp;
}

char32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return FirstCodePoint(s.substr(i));
}

bool IsCjk(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

bool IsDigitLike(char32_t c) {
  return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%' || c == '-';
}

// Words of one page, in page coordinates with y growing downwards.
std::vector<Word> PageWords(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (text.find_first_not_of(" \t\r\n\xC2\xA0") == std::string::npos) continue;
    const poppler::rectf r = box.bbox();
    words.push_back(Word{std::move(text), Box{r.x(), r.y(), r.x() + r.width(), r.y() + r.height()}});
  }
  return words;
}

double VerticalOverlap(const Box& a, const Box& b) {
  return std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
}

}  // namespace

void AssembleLineText(Line& line) {
  line.text.clear();
  line.word_begin.clear();
  for (size_t i = 0; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    if (i > 0) {
      const Word& prev = line.words[i - 1];
      const double em = std::max(1.0, std::min(prev.box.height(), w.box.height()));
      const double gap = w.box.x0 - prev.box.x1;
      const char32_t left = LastCodePoint(prev.text);
      const char32_t right = FirstCodePoint(w.text);
      const bool joinable = (IsCjk(left) && (IsCjk(right) || IsDigitLike(right))) ||
                            (IsDigitLike(left) && IsCjk(right));
      int spaces = 0;
      if (gap >= em) {
        // A column gap: keep the layout readable as columns.
        spaces = std::clamp(static_cast<int>(std::lround(gap / (em / 2))), 2, 40);
      } else if (!joinable && gap > 0.1 * em) {
        spaces = 1;
      }
      line.text.append(static_cast<size_t>(spaces), ' ');
    }
    line.word_begin.push_back(line.text.size());
    line.text += w.text;
  }
}

namespace {

void Extend(Line& line, Word w) {
  line.box.x0 = std::min(line.box.x0, w.box.x0);
  line.box.x1 = std::max(line.box.x1, w.box.x1);
  line.box.y0 = std::min(line.box.y0, w.box.y0);
  line.box.y1 = std::max(line.box.y1, w.box.y1);
  line.words.push_back(std::move(w));
}

}  // namespace

std::vector<Line> BuildLines(std::vector<Word> words) {
  // Some producers give figures boxes several lines tall (font metrics):
  // lines are built from the ordinary words first, and each tall word then
  // joins the line whose centre is nearest its own.
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.box.height());
  double median = 0;
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    median = heights[heights.size() / 2];
  }
  std::vector<Word> tall;
  std::vector<Word> normal;
  for (Word& w : words) {
    (median > 0 && w.box.height() > 2.5 * median ? tall : normal).push_back(std::move(w));
  }
  std::stable_sort(normal.begin(), normal.end(), [](const Word& a, const Word& b) {
    return a.box.center_y() < b.box.center_y();
  });
  std::vector<Line> lines;
  for (Word& w : normal) {
    bool joined = false;
    // A word joins the last line whose box it overlaps by half its height
    // (the same baseline); looking back two lines tolerates sub/superscripts.
    for (size_t back = 0; back < 2 && back < lines.size(); ++back) {
      Line& line = lines[lines.size() - 1 - back];
      const double overlap = VerticalOverlap(line.box, w.box);
      if (overlap >= 0.5 * std::min(line.box.height(), w.box.height())) {
        Extend(line, std::move(w));
        joined = true;
        break;
      }
    }
    if (!joined) {
      Line line;
      line.box = w.box;
      line.words.push_back(std::move(w));
      lines.push_back(std::move(line));
    }
  }
  std::stable_sort(tall.begin(), tall.end(), [](const Word& a, const Word& b) {
    return a.box.center_y() < b.box.center_y();
  });
  for (Word& w : tall) {
    Line* best = nullptr;
    double best_distance = 0;
    for (Line& line : lines) {
      if (VerticalOverlap(line.box, w.box) <= 0) continue;
      // Words of one line never overlap horizontally.
      const bool collides = std::any_of(line.words.begin(), line.words.end(), [&](const Word& o) {
        return std::min(o.box.x1, w.box.x1) - std::max(o.box.x0, w.box.x0) > 0.5;
      });
      if (collides) continue;
      const double d = std::abs(line.box.center_y() - w.box.center_y());
      if (best == nullptr || d < best_distance) {
        best = &line;
        best_distance = d;
      }
    }
    if (best != nullptr) {
      Extend(*best, std::move(w));
    } else {
      Line line;
      line.box = w.box;
      line.words.push_back(std::move(w));
      lines.push_back(std::move(line));
    }
  }
  for (Line& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    AssembleLineText(line);
  }
  // Reading order by the lines' centres: a line made of one tall box (its
  // top far above its baseline) still falls where it is printed.
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.box.center_y() < b.box.center_y();
  });
  return lines;
}

namespace {

using PopplerDocument = std::unique_ptr<poppler::document>;

absl::StatusOr<PopplerDocument> OpenPdf(std::string_view bytes) {
  PopplerDocument doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    return absl::InvalidArgumentError(
        "PDF is damaged: its cross-reference table and objects cannot be read");
  }
  if (doc->is_locked()) {
    return absl::FailedPreconditionError(
        "PDF is encrypted with a password: its text cannot be read without it");
  }
  return doc;
}

// Reads pages [first, last) (0-based) of `doc` into `pages[first..last)`.
absl::Status ReadPages(const poppler::document& doc, int first, int last, int page_count,
                       absl::Time deadline, std::vector<Page>& pages) {
  for (int i = first; i < last; ++i) {
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(fmt::format(
          "parse deadline exceeded while reading PDF page {} of {}", i + 1, page_count));
    }
    Page& p = pages[i];
    p.number = static_cast<uint32_t>(i + 1);
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (page == nullptr) continue;
    const poppler::rectf rect = page->page_rect();
    p.width = rect.width();
    p.height = rect.height();
    p.lines = BuildLines(PageWords(*page));
  }
  return absl::OkStatus();
}

// Reads every page, `threads` contiguous runs of pages at once. A poppler
// document is not to be shared between threads, so every run but the first
// opens its own from the same bytes (cheap next to rendering the pages).
absl::Status ReadAllPages(std::string_view bytes, const poppler::document& doc, int page_count,
                          const PdfLimits& limits, std::vector<Page>& pages) {
  const int runs = std::clamp(static_cast<int>(limits.page_threads), 1, page_count);
  auto run_begin = [&](int r) { return static_cast<int>(int64_t{page_count} * r / runs); };
  std::vector<absl::Status> statuses(runs);
  std::vector<std::thread> helpers;
  for (int r = 1; r < runs; ++r) {
    helpers.emplace_back([&, r] {
      absl::StatusOr<PopplerDocument> own = OpenPdf(bytes);
      statuses[r] = own.ok() ? ReadPages(**own, run_begin(r), run_begin(r + 1), page_count,
                                         limits.deadline, pages)
                             : own.status();
    });
  }
  statuses[0] = ReadPages(doc, 0, run_begin(1), page_count, limits.deadline, pages);
  for (std::thread& t : helpers) t.join();
  for (absl::Status& status : statuses) {
    if (!status.ok()) return status;  // the earliest pages' error
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PdfDocument> ReadPdf(std::string_view bytes, const PdfLimits& limits) {
  if (bytes.substr(0, 5) != "%PDF-") {
    return absl::InvalidArgumentError("not a PDF: the content does not start with \"%PDF-\"");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::ResourceExhaustedError("PDF is larger than 2 GiB");
  }
  if (!HasEofMarker(bytes)) {
    return absl::InvalidArgumentError(fmt::format(
        "PDF is truncated: no %%EOF marker in the last 1024 of its {} bytes", bytes.size()));
  }
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  absl::StatusOr<PopplerDocument> doc = OpenPdf(bytes);
  if (!doc.ok()) return doc.status();
  const int page_count = (*doc)->pages();
  if (page_count <= 0) return absl::InvalidArgumentError("PDF is damaged: it has no pages");
  if (static_cast<uint32_t>(page_count) > limits.max_pages) {
    return absl::ResourceExhaustedError(fmt::format(
        "PDF has {} pages; the limit is {} pages", page_count, limits.max_pages));
  }

  PdfDocument out;
  out.encrypted = (*doc)->is_encrypted();
  out.pages.resize(page_count);
  if (absl::Status read = ReadAllPages(bytes, **doc, page_count, limits, out.pages); !read.ok()) {
    return read;
  }
  for (const Page& p : out.pages) {
    if (p.lines.empty()) out.pages_without_text.push_back(p.number);
  }
  if (out.pages_without_text.size() == out.pages.size()) {
    return absl::FailedPreconditionError(fmt::format(
        "PDF has no text layer on any of its {} pages (scanned images?); OCR is not supported",
        page_count));
  }

  // One text: pages in order, lines top to bottom, indentation kept so that
  // paragraphs read as in a layout-preserving conversion.
  for (Page& page : out.pages) {
    out.page_starts.push_back(out.text.size());
    double margin = 1e9;
    for (const Line& line : page.lines) margin = std::min(margin, line.box.x0);
    for (Line& line : page.lines) {
      const double em = std::max(1.0, line.box.height());
      const int indent =
          std::clamp(static_cast<int>(std::lround((line.box.x0 - margin) / em)), 0, 80);
      out.text.append(static_cast<size_t>(indent), ' ');
      line.begin = out.text.size();
      for (size_t& b : line.word_begin) b += line.begin;
      out.text += line.text;
      line.end = out.text.size();
      out.text += '\n';
    }
    if (page.lines.empty()) out.text += '\n';  // an empty page still has a line
  }
  return out;
}

}  // namespace juesuan::parse::pdf
