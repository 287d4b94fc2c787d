#include "services/parse/pdf/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

namespace juesuan::parse::pdf {
namespace {

// Vertical positions of different pages are kept apart by this offset.
constexpr double kPageOffset = 100000;

// Position of one line of the document.
struct LineRef {
  size_t page = 0;
  size_t line = 0;
};

struct Fragment {
  std::string text;
  Box box;  // y with the page offset added
  size_t begin = 0, end = 0;
  size_t line_id = 0;  // index of the body line it was printed on
  int column = -1;
};

struct Column {
  double x0 = 0, x1 = 0;
  std::string leaf;   // text of the lowest header cell
  std::string path;   // group headers above it, "/"-joined, then the leaf
};

std::string Squeezed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

bool IsNumber(std::string_view s) {
  if (s.empty()) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != ',' && c != '.' && c != '-') {
      return false;
    }
  }
  return digit;
}

bool IsCodeToken(std::string_view s) {
  if (s.size() != 3 && s.size() != 5 && s.size() != 7) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsWithListNumber(std::string_view s) {
  for (std::string_view d : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (s.substr(0, d.size()) == d) return s.find("、") != std::string_view::npos && s.find("、") <= 12;
  }
  return false;
}

bool IsTotalText(std::string_view s) {
  return s == "合计" || s == "总计" || s.find("经费合计") != std::string_view::npos ||
         s.find("本年收入合计") != std::string_view::npos ||
         s.find("本年支出合计") != std::string_view::npos;
}

bool IsPartHeading(std::string_view s) {
  return s.substr(0, 3) == "第" && s.find("部分") != std::string_view::npos &&
         s.find("部分") <= 12;
}

bool IsNote(std::string_view s) {
  return s.substr(0, 4) == "注：" || s.substr(0, 4) == "注:" || s.substr(0, 6) == "备注：";
}

std::optional<report::v1::MoneyUnit> UnitOf(std::string_view s) {
  const size_t at = s.find("单位");
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view rest = s.substr(at);
  if (rest.find("万元") != std::string_view::npos) return report::v1::MONEY_UNIT_WAN_YUAN;
  if (rest.find("元") != std::string_view::npos) return report::v1::MONEY_UNIT_YUAN;
  return std::nullopt;
}

double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

// Leaf columns from the header words, bottom-up: a word over no column
// starts one; a word over one column is more of its header (multi-line
// header); a word over several is a group header for all of them.
std::vector<Column> ColumnsFromHeader(std::vector<Fragment> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Fragment& a, const Fragment& b) { return a.box.y0 > b.box.y0; });
  std::vector<Column> columns;
  for (const Fragment& w : words) {
    std::vector<size_t> over;
    for (size_t c = 0; c < columns.size(); ++c) {
      const double o = Overlap(w.box.x0, w.box.x1, columns[c].x0, columns[c].x1);
      const double narrow = std::min(w.box.x1 - w.box.x0, columns[c].x1 - columns[c].x0);
      if (o > 0.3 * narrow) over.push_back(c);
    }
    if (over.empty()) {
      columns.push_back(Column{w.box.x0, w.box.x1, w.text, w.text});
    } else if (over.size() == 1) {
      Column& c = columns[over[0]];
      // Lines of one header cell read top to bottom: the upper one first.
      if (c.path == c.leaf) {
        c.leaf = w.text + c.leaf;
        c.path = c.leaf;
      } else {
        c.path = w.text + "/" + c.path;
      }
      c.x0 = std::min(c.x0, w.box.x0);
      c.x1 = std::max(c.x1, w.box.x1);
    } else {
      for (size_t c : over) columns[c].path = w.text + "/" + columns[c].path;
    }
  }
  std::sort(columns.begin(), columns.end(),
            [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  return columns;
}

int ColumnOf(const std::vector<Column>& columns, const Box& box) {
  const double x = (box.x0 + box.x1) / 2;
  for (size_t c = 0; c + 1 < columns.size(); ++c) {
    const double boundary = (std::max(columns[c].x1, (columns[c].x0 + columns[c].x1) / 2) +
                             std::min(columns[c + 1].x0, (columns[c + 1].x0 + columns[c + 1].x1) / 2)) / 2;
    if (x < boundary) return static_cast<int>(c);
  }
  return static_cast<int>(columns.size()) - 1;
}

struct Block {
  int first = 0, last = 0;  // column range, inclusive
  int code = -1;            // first code column
  int label = -1;           // name column
};

bool IsCodeHeader(std::string_view leaf) {
  return leaf == "类" || leaf == "款" || leaf == "项" || leaf.find("编码") != std::string_view::npos;
}

bool IsLabelHeader(std::string_view leaf) {
  return leaf.find("科目名称") != std::string_view::npos || leaf == "项目" || leaf == "科目" ||
         leaf == "名称";
}

// Side-by-side blocks: a column repeating the first column's header starts
// a new block (收入 | 支出; three blocks of 科目编码 | 科目名称 | 决算数).
std::vector<Block> Blocks(const std::vector<Column>& columns) {
  std::vector<Block> blocks;
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    if (blocks.empty() || (c > 0 && columns[static_cast<size_t>(c)].leaf == columns[0].leaf &&
                           (IsCodeHeader(columns[0].leaf) || IsLabelHeader(columns[0].leaf)))) {
      blocks.push_back(Block{c, c});
    }
    Block& b = blocks.back();
    b.last = c;
    const std::string& leaf = columns[static_cast<size_t>(c)].leaf;
    if (b.code < 0 && IsCodeHeader(leaf)) b.code = c;
    if (b.label < 0 && IsLabelHeader(leaf)) b.label = c;
  }
  return blocks;
}

// The words of one line that fall in one column, as one fragment.
std::vector<Fragment> SplitLine(const Line& line, size_t line_id, double y_offset,
                                const std::vector<Column>& columns) {
  std::map<int, Line> parts;
  std::map<int, std::pair<size_t, size_t>> spans;
  for (size_t i = 0; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    const int c = ColumnOf(columns, w.box);
    Line& part = parts[c];
    if (part.words.empty()) {
      part.box = w.box;
      spans[c] = {line.word_begin[i], line.word_begin[i] + w.text.size()};
    }
    part.box.x0 = std::min(part.box.x0, w.box.x0);
    part.box.x1 = std::max(part.box.x1, w.box.x1);
    part.box.y0 = std::min(part.box.y0, w.box.y0);
    part.box.y1 = std::max(part.box.y1, w.box.y1);
    part.words.push_back(w);
    spans[c].second = line.word_begin[i] + w.text.size();
  }
  std::vector<Fragment> out;
  for (auto& [c, part] : parts) {
    AssembleLineText(part);
    Fragment f;
    f.text = Squeezed(part.text);
    f.box = part.box;
    f.box.y0 += y_offset;
    f.box.y1 += y_offset;
    f.begin = spans[c].first;
    f.end = spans[c].second;
    f.line_id = line_id;
    f.column = c;
    out.push_back(std::move(f));
  }
  return out;
}

struct RowBuild {
  double y = 0;                          // centre of the anchor
  std::map<int, std::vector<Fragment>> cells;
};

bool IsAnchor(const Block& block, const std::vector<Fragment>& line_frags,
              const Fragment* prev_label) {
  const Fragment* code = nullptr;
  const Fragment* label = nullptr;
  bool number = false;
  for (const Fragment& f : line_frags) {
    if (f.column == block.code) code = &f;
    if (f.column == block.label) label = &f;
    if (IsNumber(f.text)) number = true;
  }
  if (block.code >= 0) {
    return (code != nullptr && IsCodeToken(code->text)) ||
           (label != nullptr && IsTotalText(label->text));
  }
  if (block.label >= 0) {
    if (label == nullptr) return false;
    if (IsTotalText(label->text) || StartsWithListNumber(label->text)) return true;
    // A label line printed tight under the previous one continues its cell.
    if (!number && prev_label != nullptr &&
        label->box.y0 - prev_label->box.y1 < 0.35 * label->box.height()) {
      return false;
    }
    return true;
  }
  return number;  // no code or label column: every line of figures is a row
}

// Rows of one block: anchors first, then every other fragment to the
// nearer of the anchors around it, preferring one whose cell is still empty.
std::vector<RowBuild> BuildRows(const Block& block,
                                const std::vector<std::vector<Fragment>>& body_lines) {
  std::vector<RowBuild> rows;
  std::vector<Fragment> loose;
  const Fragment* prev_label = nullptr;
  for (const auto& line : body_lines) {
    std::vector<Fragment> mine;
    for (const Fragment& f : line) {
      if (f.column >= block.first && f.column <= block.last) mine.push_back(f);
    }
    if (mine.empty()) continue;
    if (IsAnchor(block, mine, prev_label)) {
      RowBuild row;
      double y0 = 1e18, y1 = -1e18;
      for (Fragment& f : mine) {
        y0 = std::min(y0, f.box.y0);
        y1 = std::max(y1, f.box.y1);
        row.cells[f.column].push_back(std::move(f));
      }
      row.y = (y0 + y1) / 2;
      rows.push_back(std::move(row));
    } else {
      for (Fragment& f : mine) loose.push_back(std::move(f));
    }
    for (const Fragment& f : line) {
      if (f.column == block.label) prev_label = &f;
    }
  }
  if (rows.empty()) return rows;
  for (Fragment& f : loose) {
    const double y = f.box.center_y();
    size_t below = 0;
    while (below < rows.size() && rows[below].y < y) ++below;
    std::vector<size_t> candidates;
    if (below > 0) candidates.push_back(below - 1);
    if (below < rows.size()) candidates.push_back(below);
    size_t best = candidates[0];
    if (candidates.size() == 2) {
      const size_t a = candidates[0], b = candidates[1];
      const bool a_empty = rows[a].cells.count(f.column) == 0;
      const bool b_empty = rows[b].cells.count(f.column) == 0;
      if (a_empty != b_empty) {
        best = a_empty ? a : b;
      } else {
        best = std::abs(rows[a].y - y) <= std::abs(rows[b].y - y) ? a : b;
      }
    }
    // Figures far from every row (a page number under the table) are not cells.
    if (std::abs(rows[best].y - y) > 4 * std::max(8.0, f.box.height())) continue;
    rows[best].cells[f.column].push_back(std::move(f));
  }
  return rows;
}

GridCell MakeCell(std::vector<Fragment> parts) {
  std::stable_sort(parts.begin(), parts.end(), [](const Fragment& a, const Fragment& b) {
    return a.box.y0 < b.box.y0 || (a.box.y0 == b.box.y0 && a.box.x0 < b.box.x0);
  });
  GridCell cell;
  cell.begin = SIZE_MAX;
  for (const Fragment& f : parts) {
    cell.text += f.text;
    cell.begin = std::min(cell.begin, f.begin);
    cell.end = std::max(cell.end, f.end);
  }
  if (parts.empty()) cell.begin = 0;
  return cell;
}

class TableLocator {
 public:
  TableLocator(const PdfDocument& doc, const config::v1::ParseConfig& config)
      : doc_(doc), config_(config) {
    // ReadPdf writes one text line per page line and one for an empty page.
    uint32_t number = 1;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
      for (size_t l = 0; l < doc.pages[p].lines.size(); ++l) {
        refs_.push_back({p, l});
        numbers_.push_back(number++);
      }
      if (doc.pages[p].lines.empty()) ++number;
    }
  }

  std::vector<tables::TableSource> FindAll() {
    std::vector<tables::TableSource> out;
    for (size_t i = 0; i < refs_.size(); ++i) {
      if (!IsTitle(i)) continue;
      size_t end = i + 1;
      while (end < refs_.size() && !IsTitle(end) && !IsPartHeading(Squeezed(line(end).text)) &&
             !IsNote(Squeezed(line(end).text))) {
        ++end;
      }
      tables::TableSource source = Read(i, end);
      if (end < refs_.size() && IsNote(Squeezed(line(end).text))) {
        // The note runs to the next title, heading or blank gap.
        size_t last = end;
        while (last + 1 < refs_.size() && refs_[last + 1].page == refs_[end].page &&
               !IsTitle(last + 1) && !IsPartHeading(Squeezed(line(last + 1).text)) &&
               line(last + 1).box.y0 - line(last).box.y1 < line(last).box.height()) {
          ++last;
        }
        for (size_t k = end; k <= last; ++k) source.note += Squeezed(line(k).text);
        source.note_begin = line(end).begin;
        source.note_end = line(last).end;
        end = last + 1;
      }
      source.last_line = LineNumber(end - 1);
      out.push_back(std::move(source));
      i = end - 1;
    }
    return out;
  }

 private:
  const Line& line(size_t i) const { return doc_.pages[refs_[i].page].lines[refs_[i].line]; }

  bool IsTitle(size_t i) const { return tables::MatchTableTitle(line(i).text, config_) != nullptr; }

  uint32_t LineNumber(size_t i) const { return numbers_[i]; }

  tables::TableSource Read(size_t title, size_t end) const {
    tables::TableSource source;
    source.title = Squeezed(line(title).text);
    source.title_begin = line(title).begin;
    source.title_end = line(title).end;
    source.first_line = LineNumber(title);

    size_t begin = title + 1;
    for (size_t i = begin; i < end && i < title + 4; ++i) {
      if (auto unit = UnitOf(Squeezed(line(i).text))) {
        source.unit = *unit;
        begin = i + 1;
        break;
      }
    }
    // The body starts at the first line holding a code, a numbered or total
    // label; without such a line, at the first line holding a figure.
    size_t body = end;
    for (size_t i = begin; i < end && body == end; ++i) {
      for (const Word& w : line(i).words) {
        const std::string t = Squeezed(w.text);
        if (IsCodeToken(t) || IsTotalText(t) || StartsWithListNumber(t)) {
          body = i;
          break;
        }
      }
    }
    if (body == end) {
      for (size_t i = begin; i < end && body == end; ++i) {
        for (const Word& w : line(i).words) {
          if (IsNumber(Squeezed(w.text))) body = i;
        }
      }
    }
    // Header words: every word above the body that is not a figure, on the
    // table's first page.
    std::vector<Fragment> header;
    std::vector<size_t> early_figures;  // figure lines printed among the header
    for (size_t i = begin; i < body; ++i) {
      bool figures = false;
      for (size_t k = 0; k < line(i).words.size(); ++k) {
        const Word& w = line(i).words[k];
        if (IsNumber(Squeezed(w.text))) {
          figures = true;
          continue;
        }
        Fragment f;
        f.text = Squeezed(w.text);
        f.box = w.box;
        header.push_back(std::move(f));
      }
      if (figures) early_figures.push_back(i);
    }
    const std::vector<Column> columns = ColumnsFromHeader(std::move(header));
    if (columns.empty()) return source;

    GridRow header_row;
    for (const Column& c : columns) {
      GridCell cell;
      cell.text = c.path;
      header_row.cells.push_back(std::move(cell));
    }
    source.grid.rows.push_back(std::move(header_row));
    source.header_rows = 1;

    // Body lines (figure lines among the header included), split by column.
    std::vector<std::vector<Fragment>> body_lines;
    const size_t first_page = refs_[title].page;
    auto add_line = [&](size_t i) {
      const double offset = kPageOffset * static_cast<double>(refs_[i].page - first_page);
      std::vector<Fragment> frags = SplitLine(line(i), body_lines.size(), offset, columns);
      if (i < body) {  // figures only
        frags.erase(std::remove_if(frags.begin(), frags.end(),
                                   [](const Fragment& f) { return !IsNumber(f.text); }),
                    frags.end());
      }
      body_lines.push_back(std::move(frags));
    };
    for (size_t i : early_figures) add_line(i);
    for (size_t i = body; i < end; ++i) {
      // A header repeated at the top of a continuation page is not a row.
      if (refs_[i].page != refs_[title].page && RepeatsHeader(i, columns)) continue;
      add_line(i);
    }

    source.grid.begin = line(title).begin;
    source.grid.end = end > title + 1 ? line(end - 1).end : line(title).end;
    for (const Block& block : Blocks(columns)) {
      for (RowBuild& row : BuildRows(block, body_lines)) {
        GridRow out;
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
          auto it = row.cells.find(c);
          out.cells.push_back(it == row.cells.end() ? GridCell{} : MakeCell(std::move(it->second)));
        }
        source.grid.rows.push_back(std::move(out));
      }
    }
    return source;
  }

  // A line on a continuation page made only of header words.
  bool RepeatsHeader(size_t i, const std::vector<Column>& columns) const {
    for (const Word& w : line(i).words) {
      const std::string t = Squeezed(w.text);
      if (IsNumber(t) || IsCodeToken(t)) return false;
      bool known = false;
      for (const Column& c : columns) {
        if (c.path.find(t) != std::string::npos) known = true;
      }
      if (!known) return false;
    }
    return true;
  }

  const PdfDocument& doc_;
  const config::v1::ParseConfig& config_;
  std::vector<LineRef> refs_;
  std::vector<uint32_t> numbers_;  // 1-based text line of each ref
};

}  // namespace

std::vector<tables::TableSource> FindPdfTables(const PdfDocument& doc,
                                               const config::v1::ParseConfig& config) {
  return TableLocator(doc, config).FindAll();
}

}  // namespace juesuan::parse::pdf
