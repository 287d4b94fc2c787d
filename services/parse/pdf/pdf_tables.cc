#include "services/parse/pdf/pdf_tables.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

#include "common/text/normalize.h"
#include "services/parse/pdf/grid_header.h"
#include "services/parse/pdf/table_parts.h"

namespace juesuan::parse::pdf {
namespace {

// Vertical positions of different pages are kept apart by this offset.
constexpr double kPageOffset = 100000;

// Position of one line of the document.
struct LineRef {
  size_t page = 0;
  size_t line = 0;
};

struct Column {
  double x0 = 0, x1 = 0;
  std::string leaf;   // text of the lowest header cell
  std::string path;   // group headers above it, "/"-joined, then the leaf
  std::string role;   // tables::ColumnRole(path), looked at for every fragment
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

// A page number: one to three digits.
bool IsPageNumber(std::string_view s) {
  return s.size() <= 3 && AllDigits(s);
}

// Only "…" or "⋯" characters.
bool IsEllipsis(std::string_view s) {
  for (size_t i = 0; i < s.size(); i += 3) {
    const std::string_view c = s.substr(i, 3);
    if (c != "\u2026" && c != "\u22EF") return false;
  }
  return !s.empty();
}

bool IsCodeToken(std::string_view s) {
  return (s.size() == 3 || s.size() == 5 || s.size() == 7) && AllDigits(s);
}

// A code, or a 款/项 code of two digits alone (figures carry decimals).
bool IsGridCode(std::string_view s) {
  return IsCodeToken(s) || (s.size() == 2 && AllDigits(s));
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

// A CJK ideograph (U+4E00–U+9FFF: UTF-8 lead bytes E4–E9) in `s`; dashes
// and other punctuation printed in empty cells have none.
bool HasHan(std::string_view s) {
  // Continuation bytes are 80–BF, so any byte in E4–E9 leads an ideograph.
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0xE4 && byte <= 0xE9) return true;
  }
  return false;
}

bool IsPartHeading(std::string_view s) {
  return s.substr(0, 3) == "第" && s.find("部分") != std::string_view::npos &&
         s.find("部分") <= 12;
}

bool IsNote(std::string_view s) {
  for (std::string_view mark : {"注：", "注:", "备注：", "说明："}) {
    if (s.substr(0, mark.size()) == mark) return true;
  }
  return false;
}

std::optional<report::v1::MoneyUnit> UnitOf(std::string_view s) {
  const size_t at = s.find("单位");
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view rest = s.substr(at);
  if (rest.find("万元") != std::string_view::npos) return report::v1::MONEY_UNIT_WAN_YUAN;
  if (rest.find("元") != std::string_view::npos) return report::v1::MONEY_UNIT_YUAN;
  return std::nullopt;
}

// A header word printed over a run of columns (a group header), or two
// wrapped lines of one such cell ("公务用车" over "购置费").
struct GroupClaim {
  size_t first = 0, last = 0;  // column range, inclusive
  double y0 = 0, y1 = 0;
  std::string text;
};

// Where the cell of column `c` begins and ends: halfway across the gaps to
// its neighbours' words (the outer edges mirror the inner gap).
double LeftEdge(const std::vector<ColumnBuild>& columns, size_t c) {
  if (c > 0) return (columns[c - 1].x1 + columns[c].x0) / 2;
  if (columns.size() > 1) return columns[0].x0 - (columns[1].x0 - columns[0].x1) / 2;
  return columns[0].x0;
}

double RightEdge(const std::vector<ColumnBuild>& columns, size_t c) {
  if (c + 1 < columns.size()) return (columns[c].x1 + columns[c + 1].x0) / 2;
  if (c > 0) return columns[c].x1 + (columns[c].x0 - columns[c - 1].x1) / 2;
  return columns[c].x1;
}

double RunCenter(const std::vector<ColumnBuild>& columns, size_t first, size_t last) {
  return (LeftEdge(columns, first) + RightEdge(columns, last)) / 2;
}

// Whether column `c` has a header word or group printed below `w`.
bool HasHeaderBelow(const ColumnBuild& column, const std::vector<GroupClaim>& claims, size_t c,
                    const Fragment& w) {
  // Sub-headers sit in a row of their own: a line right under the word is
  // the rest of its cell ("财政拨款收" / "入").
  for (const HeaderPiece& p : column.pieces) {
    if (p.y - w.box.y1 > 0.6 * w.box.height()) return true;
  }
  return std::any_of(claims.begin(), claims.end(), [&](const GroupClaim& g) {
    return g.first <= c && c <= g.last && g.y0 >= w.box.y1;
  });
}

// Whether the columns of `run` are headed by one line of single-line
// sub-headers, a row apart below `w`: every header word of every column
// of the run sits on that line. Cell edges are only estimated from the
// words' extents, so a group over such a row may seem to centre better on
// one of its columns; the shared row settles it. (Multi-line headers of
// neighbouring cells share lines too, but each has words on several.)
bool SharesSubHeaderRow(const std::vector<ColumnBuild>& columns, std::pair<size_t, size_t> run,
                        const Fragment& w) {
  std::optional<double> row;
  for (size_t c = run.first; c <= run.second; ++c) {
    bool any = false;
    for (const HeaderPiece& p : columns[c].pieces) {
      if (p.group) continue;
      if (!row) row = p.y;
      if (std::abs(p.y - *row) >= 1.0) return false;
      any = true;
    }
    if (!any) return false;
  }
  return row && *row - w.box.y1 > 0.6 * w.box.height();
}

// The run of two or more columns a header word is centred over, if that
// fits it better than the single column under its centre. Header text is
// centred in its cell, but the words of the cells below may be left-aligned
// in theirs, so runs are compared by the centre of their cells, not by which
// word centres the word covers. A run may not cut through a group already
// claimed below, and every column of it must have header text below the
// word (a group has sub-headers). The same run as a group right below is a
// wrapped line of that group.
std::optional<size_t> FindGroup(const std::vector<ColumnBuild>& columns,
                                const std::vector<GroupClaim>& claims, const Fragment& w,
                                bool topmost, std::pair<size_t, size_t>* run) {
  const double center = (w.box.x0 + w.box.x1) / 2;
  // Units: the widest claims, and the columns no claim covers.
  std::vector<std::pair<size_t, size_t>> units;
  for (size_t c = 0; c < columns.size();) {
    size_t last = c;
    for (const GroupClaim& g : claims) {
      if (g.first == c) last = std::max(last, g.last);
    }
    units.emplace_back(c, last);
    c = last + 1;
  }
  double best_distance = 1e18;
  size_t best_width = 0;
  bool best_every = false;
  std::optional<size_t> best_claim;  // the claim `w` continues, if any
  bool found = false;
  for (size_t a = 0; a < units.size(); ++a) {
    for (size_t b = a; b < units.size(); ++b) {
      const size_t first = units[a].first, last = units[b].second;
      if (last == first) continue;
      bool children = true;
      for (size_t c = first; c <= last && children; ++c) {
        children = HasHeaderBelow(columns[c], claims, c, w);
      }
      if (!children) continue;
      std::optional<size_t> same;
      for (size_t g = 0; g < claims.size(); ++g) {
        if (claims[g].first == first && claims[g].last == last) same = g;
      }
      if (same) {
        const GroupClaim& g = claims[*same];
        const double gap = g.y0 - w.box.y1;
        if (gap > 0.6 * w.box.height()) continue;  // not a wrapped line of it
      }
      // The word lies over the run, near its centre (within a quarter of
      // the run's mean column width: cell text may sit off-centre).
      const double left = LeftEdge(columns, first), right = RightEdge(columns, last);
      const double distance = std::abs(RunCenter(columns, first, last) - center);
      const double tolerance = 0.25 * (right - left) / static_cast<double>(last - first + 1) + 2.0;
      if (w.box.x0 < left - 2.0 || w.box.x1 > right + 2.0 || distance > tolerance) continue;
      // Columns laid out at an even pitch centre many runs on the same
      // point: the narrowest is the cell, except for the table's top title,
      // which spans every column.
      const bool every = first == 0 && last + 1 == columns.size();
      const size_t width = last - first;
      const bool better = !found || (topmost && every) ||
                          (!(topmost && best_every) &&
                           (width < best_width || (width == best_width && distance < best_distance)));
      if (better) {
        best_distance = distance;
        best_width = width;
        best_every = every;
        *run = {first, last};
        best_claim = same;
        found = true;
      }
    }
  }
  if (!found) return std::nullopt;
  // The single column under the word's centre keeps it when it fits better,
  // or when the word is the line above a header word centred under it (a
  // cell's wrapped text: "财政拨款收" / "入") — unless the run's columns
  // share a row of sub-headers a row below: a group over an odd number of
  // columns is centred over its middle one's header too.
  const bool sub_header_row = SharesSubHeaderRow(columns, *run, w);
  for (size_t c = 0; c < columns.size(); ++c) {
    if (LeftEdge(columns, c) > center || center > RightEdge(columns, c)) continue;
    if (!sub_header_row && std::abs(RunCenter(columns, c, c) - center) + 1.0 < best_distance) {
      return std::nullopt;
    }
    for (const HeaderPiece& p : columns[c].pieces) {
      if (!p.group && std::abs(p.x_center - center) <= 2.0 && !sub_header_row) {
        return std::nullopt;
      }
    }
  }
  // A group must still fit over its run.
  const double width = RightEdge(columns, run->second) - LeftEdge(columns, run->first);
  if (w.box.x1 - w.box.x0 > width + 2.0) return std::nullopt;
  return best_claim ? *best_claim : claims.size();
}

// The width of the gap between the columns' words that `w` lies in.
double GapAround(const std::vector<ColumnBuild>& columns, const Fragment& w) {
  double left = -1e18, right = 1e18;
  for (const ColumnBuild& c : columns) {
    if (c.x1 <= w.box.x0) left = std::max(left, c.x1);
    if (c.x0 >= w.box.x1) right = std::min(right, c.x0);
  }
  return right - left;
}

// Columns from the x-extents of the body's words, clustered by overlap.
std::vector<ColumnBuild> BodyColumns(std::vector<Box> body) {
  std::sort(body.begin(), body.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
  std::vector<ColumnBuild> columns;
  for (const Box& b : body) {
    if (!columns.empty() && b.x0 < columns.back().x1) {
      columns.back().x1 = std::max(columns.back().x1, b.x1);
    } else {
      columns.push_back(ColumnBuild{b.x0, b.x1, {}});
    }
  }
  return columns;
}

// The columns with their header paths: pieces top to bottom, a group's text
// followed by "/".
std::vector<Column> FinishColumns(std::vector<ColumnBuild> columns) {
  std::vector<Column> out;
  for (ColumnBuild& c : columns) {
    std::stable_sort(c.pieces.begin(), c.pieces.end(),
                     [](const HeaderPiece& a, const HeaderPiece& b) { return a.y < b.y; });
    Column column{c.x0, c.x1, "", ""};
    for (const HeaderPiece& p : c.pieces) {
      if (p.group) {
        column.path += p.text + "/";
        column.leaf.clear();
      } else {
        column.path += p.text;
        column.leaf += p.text;
      }
    }
    if (!column.path.empty() && column.path.back() == '/') column.path.pop_back();
    column.role = tables::ColumnRole(column.path);
    out.push_back(std::move(column));
  }
  return out;
}

// Columns: the x-extents of the body's words (codes, labels, figures)
// clustered by overlap, plus columns printed only in the header (a column
// with no figures). Header words are then laid over them bottom-up: a word
// centred over a run of columns with sub-headers is a group header for all
// of them ("本年支出" over 小计 | 基本支出 | 项目支出); a word over one
// column is part of its header (multi-line headers read top to bottom); a
// word over none is a column of its own.
std::vector<Column> BuildColumns(std::vector<Fragment> header, std::vector<Box> body, bool grid,
                                 std::vector<Box> codes) {
  std::vector<ColumnBuild> columns = BodyColumns(std::move(body));
  if (grid) {
    for (ColumnBuild& c : BodyColumns(std::move(codes))) columns.push_back(std::move(c));
    std::sort(columns.begin(), columns.end(),
              [](const ColumnBuild& a, const ColumnBuild& b) { return a.x0 < b.x0; });
    GridHeader(std::move(header), columns);
    return FinishColumns(std::move(columns));
  }
  std::stable_sort(header.begin(), header.end(),
                   [](const Fragment& a, const Fragment& b) { return a.box.y0 > b.box.y0; });
  std::vector<bool> from_body(columns.size(), true);
  std::vector<GroupClaim> claims;
  for (const Fragment& w : header) {
    std::vector<size_t> centred, overlapping;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].center() >= w.box.x0 && columns[c].center() <= w.box.x1) centred.push_back(c);
      if (Overlap(w.box.x0, w.box.x1, columns[c].x0, columns[c].x1) > 0) overlapping.push_back(c);
    }
    const HeaderPiece piece{w.box.y0, w.box.y1, (w.box.x0 + w.box.x1) / 2, w.text, false};
    std::pair<size_t, size_t> run;
    const bool topmost = w.box.y0 <= header.back().box.y0 + 1.0;
    // A word alone in a wide gap between two columns' words heads a column
    // of its own; one filling a narrow gap may be centred on a cell border.
    std::optional<size_t> claim;
    if (!overlapping.empty() || GapAround(columns, w) < 1.5 * (w.box.x1 - w.box.x0)) {
      claim = FindGroup(columns, claims, w, topmost, &run);
    }
    if (claim) {
      if (*claim < claims.size()) {  // a wrapped line above the group's text
        claims[*claim].text = w.text + claims[*claim].text;
        claims[*claim].y0 = w.box.y0;
      } else {
        claims.push_back(GroupClaim{run.first, run.second, w.box.y0, w.box.y1, w.text});
      }
    } else if (centred.size() >= 2) {
      claims.push_back(GroupClaim{centred.front(), centred.back(), w.box.y0, w.box.y1, w.text});
    } else if (centred.size() == 1 || !overlapping.empty()) {
      columns[centred.size() == 1 ? centred[0] : overlapping[0]].pieces.push_back(piece);
    } else {
      ColumnBuild column{w.box.x0, w.box.x1, {piece}};
      auto at = std::upper_bound(columns.begin(), columns.end(), column,
                                 [](const ColumnBuild& a, const ColumnBuild& b) {
                                   return a.x0 < b.x0;
                                 });
      const size_t index = static_cast<size_t>(at - columns.begin());
      for (GroupClaim& g : claims) {
        if (g.first >= index) ++g.first;
        if (g.last >= index) ++g.last;
      }
      from_body.insert(from_body.begin() + static_cast<ptrdiff_t>(index), false);
      columns.insert(at, std::move(column));
    }
  }
  for (const GroupClaim& g : claims) {
    for (size_t c = g.first; c <= g.last; ++c) {
      columns[c].pieces.push_back(HeaderPiece{g.y0, g.y1, 0, g.text, true});
    }
  }
  // A header-only column printed above every header word of both its
  // neighbours is a group title between them ("收入" | "支出"), not a column
  // ("本年收入", centred in a cell as tall as the whole header, is one).
  auto top = [](const ColumnBuild& c) {
    double y = 1e18;
    for (const HeaderPiece& p : c.pieces) {
      if (!p.group) y = std::min(y, p.y);
    }
    return y;
  };
  for (size_t c = 1; c + 1 < columns.size();) {
    if (!from_body[c] && columns[c].pieces.size() == 1 &&
        columns[c].pieces[0].y1 < std::min(top(columns[c - 1]), top(columns[c + 1]))) {
      HeaderPiece group = columns[c].pieces[0];
      group.group = true;
      columns[c + 1].pieces.push_back(group);
      columns.erase(columns.begin() + static_cast<ptrdiff_t>(c));
      from_body.erase(from_body.begin() + static_cast<ptrdiff_t>(c));
    } else {
      ++c;
    }
  }
  return FinishColumns(std::move(columns));
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

bool IsCodeColumn(const Column& c) { return c.role.starts_with("code"); }
bool IsLabelColumn(const Column& c) { return c.role == "name"; }

// Side-by-side blocks: a column with the first column's role starts a new
// block (收入 | 支出; two or three blocks of 科目编码 | 科目名称 | 决算数).
// Code columns count as one role however their levels are headed (a block
// headed "科目编码" beside one headed 类 | 款), so that a code column after
// a column that is not one starts the block.
std::vector<Block> Blocks(const std::vector<Column>& columns) {
  std::vector<Block> blocks;
  if (columns.empty()) return blocks;
  const std::string& first_role = columns[0].role;
  const bool by_code = IsCodeColumn(columns[0]);
  const bool repeatable = by_code || IsLabelColumn(columns[0]);
  auto starts_block = [&](int c) {
    const Column& column = columns[static_cast<size_t>(c)];
    if (by_code) return IsCodeColumn(column) && !IsCodeColumn(columns[static_cast<size_t>(c - 1)]);
    return column.role == first_role;
  };
  for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
    const Column& column = columns[static_cast<size_t>(c)];
    if (blocks.empty() || (repeatable && c > 0 && starts_block(c) &&
                           blocks.back().last > blocks.back().first)) {
      blocks.push_back(Block{c, c});
    }
    Block& b = blocks.back();
    b.last = c;
    if (b.code < 0 && IsCodeColumn(column)) b.code = c;
    if (b.label < 0 && IsLabelColumn(column)) b.label = c;
  }
  return blocks;
}

// The words of one line as one fragment per column, each word in the column
// `column_of_word` gives it.
std::vector<Fragment> SplitLineInto(const Line& line, size_t line_id, double y_offset,
                                    const std::vector<int>& column_of_word) {
  std::map<int, Line> parts;
  std::map<int, std::pair<size_t, size_t>> spans;
  for (size_t i = 0; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    const int c = column_of_word[i];
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

// The words of one line that fall in one column, as one fragment.
std::vector<Fragment> SplitLine(const Line& line, size_t line_id, double y_offset,
                                const std::vector<Column>& columns) {
  std::vector<int> column_of_word;
  for (const Word& w : line.words) column_of_word.push_back(ColumnOf(columns, w.box));
  return SplitLineInto(line, line_id, y_offset, column_of_word);
}

enum class Kind { kCode, kName, kFigure };

Kind WordKind(std::string_view word) {
  const std::string text = Squeezed(word);
  if (IsGridCode(text)) return Kind::kCode;
  if (HasHan(text)) return Kind::kName;
  return Kind::kFigure;  // figures, dashes
}

Kind ColumnKind(const Column& column) {
  if (IsCodeColumn(column)) return Kind::kCode;
  if (IsLabelColumn(column)) return Kind::kName;
  return Kind::kFigure;
}

// Whether each word of a line falls in a column of its kind: a code in a
// code column, a figure in a figure column, a name of several characters in
// a name column (a lone character such as "无" may stand anywhere).
bool FitsColumns(const Line& line, const std::vector<Column>& columns) {
  return std::all_of(line.words.begin(), line.words.end(), [&](const Word& w) {
    const Kind kind = WordKind(w.text);
    if (kind == Kind::kName && Squeezed(w.text).size() <= 3) return true;
    return ColumnKind(columns[static_cast<size_t>(ColumnOf(columns, w.box))]) == kind;
  });
}

// On a character grid a continuation page may pack its columns so unevenly
// that no rescaling lines them up (corpus 004's T6: the right-hand block
// moved against the left margin). Its words still come in column order:
// each run of one kind (a code, a name, a figure) goes to the next column of
// that kind, in order. When several placements fit, a code goes to the block
// whose rows above carry its 类 (first three digits); the line is placed only
// when exactly one placement is best. Returns each word's column.
std::optional<std::vector<int>> PlaceByKind(const Line& line, const std::vector<Column>& columns,
                                            const std::map<int, std::string>& class_of_column) {
  struct Run {
    Kind kind;
    size_t first, last;  // words, inclusive
    std::string code_class;
  };
  std::vector<Run> runs;
  for (size_t i = 0; i < line.words.size(); ++i) {
    const Kind kind = WordKind(line.words[i].text);
    if (!runs.empty() && runs.back().kind == kind && kind == Kind::kName) {
      runs.back().last = i;
      continue;
    }
    const std::string text = Squeezed(line.words[i].text);
    runs.push_back(Run{kind, i, i, kind == Kind::kCode && text.size() >= 3 ? text.substr(0, 3) : ""});
  }
  // best[r][c]: the highest score placing runs r.. on columns c.. in order
  // (-1: impossible); ways[r][c]: how many placements reach it (2 = several).
  const size_t n = runs.size(), m = columns.size();
  std::vector<Kind> kinds;
  for (const Column& c : columns) kinds.push_back(ColumnKind(c));
  auto gain = [&](size_t r, size_t c) {
    const auto known = class_of_column.find(static_cast<int>(c));
    return !runs[r].code_class.empty() && known != class_of_column.end() &&
                   known->second == runs[r].code_class
               ? 1
               : 0;
  };
  std::vector<std::vector<int>> best(n + 1, std::vector<int>(m + 1, -1));
  std::vector<std::vector<int>> ways(n + 1, std::vector<int>(m + 1, 0));
  for (size_t c = 0; c <= m; ++c) {
    best[n][c] = 0;
    ways[n][c] = 1;
  }
  auto take = [&](size_t r, size_t c) {
    return kinds[c] == runs[r].kind && best[r + 1][c + 1] >= 0 ? best[r + 1][c + 1] + gain(r, c) : -1;
  };
  for (size_t r = n; r-- > 0;) {
    for (size_t c = m; c-- > 0;) {
      const int skip = best[r][c + 1], taken = take(r, c);
      best[r][c] = std::max(skip, taken);
      if (best[r][c] < 0) continue;
      ways[r][c] = std::min(2, (skip == best[r][c] ? ways[r][c + 1] : 0) +
                                   (taken == best[r][c] ? ways[r + 1][c + 1] : 0));
    }
  }
  if (n == 0 || best[0][0] < 0 || ways[0][0] != 1) return std::nullopt;
  std::vector<int> placed(n);
  for (size_t r = 0, c = 0; r < n; ++c) {
    if (take(r, c) == best[r][c]) placed[r++] = static_cast<int>(c);
  }
  std::vector<int> column_of_word(line.words.size());
  for (size_t r = 0; r < runs.size(); ++r) {
    for (size_t i = runs[r].first; i <= runs[r].last; ++i) column_of_word[i] = placed[r];
  }
  return column_of_word;
}

// Notes the 类 (first three digits) of each code read in a code column.
void NoteClasses(const std::vector<Fragment>& line, const std::vector<Column>& columns,
                 std::map<int, std::string>& classes) {
  for (const Fragment& f : line) {
    if (f.column >= 0 && IsCodeColumn(columns[static_cast<size_t>(f.column)]) &&
        IsCodeToken(f.text)) {
      classes[f.column] = f.text.substr(0, 3);
    }
  }
}

struct RowBuild {
  double y = 0;                          // centre of the anchor
  std::map<int, std::vector<Fragment>> cells;
};

// On a character grid (`grid`) every line is as far from the next as any
// other, so a label line's distance to the one above tells nothing: only a
// short remainder continues it there.
bool IsAnchor(const Block& block, const std::vector<Fragment>& line_frags,
              const Fragment* prev_label, bool grid) {
  const Fragment* code = nullptr;
  const Fragment* label = nullptr;
  bool number = false;
  for (const Fragment& f : line_frags) {
    if (f.column == block.code) code = &f;
    if (f.column == block.label) label = &f;
    if (IsNumber(f.text)) number = true;
  }
  if (block.code >= 0) {
    if (code != nullptr && IsCodeToken(code->text)) return true;
    // A total row prints its label across the code and name columns.
    return std::any_of(line_frags.begin(), line_frags.end(),
                       [](const Fragment& f) { return IsTotalText(f.text); });
  }
  if (block.label >= 0) {
    if (label == nullptr) return false;
    if (IsTotalText(label->text) || StartsWithListNumber(label->text)) return true;
    // A label line printed tight under the previous one, or a short
    // remainder ("款", "支出", "的支出"), continues the cell above — even
    // when it shares its line with a figure of the next row (a figure
    // top-aligned in a taller cell: T4's 本年支出合计 under the wrapped
    // "二十六、抗疫特别国债安排/的支出").
    if (prev_label == nullptr) return true;
    const bool tight = !grid && label->box.y0 - prev_label->box.y1 < 0.35 * label->box.height();
    const bool remainder = label->text.size() <= 9;
    return !(remainder || (!number && tight));
  }
  return number;  // no code or label column: every line of figures is a row
}

// On a character grid, a label centred on its row is printed on the lines
// above and below the row's own line: `below` is the next line but one
// after `above`, and the row's line lies between them.
bool AcrossAnchor(const Box& above, double row_y, const Box& below) {
  return below.y0 - above.y1 < 2.5 * below.height() && above.y1 < row_y && row_y < below.y0;
}

// Rows of one block: anchors first, then every other fragment to the
// nearer of the anchors around it, preferring one whose cell is still empty.
// Fragments no row takes go to `unplaced`.
std::vector<RowBuild> BuildRows(const Block& block,
                                const std::vector<std::vector<Fragment>>& body_lines, bool grid,
                                std::vector<Fragment>& unplaced) {
  std::vector<RowBuild> rows;
  std::vector<Fragment> loose;
  const Fragment* prev_label = nullptr;
  for (const auto& line : body_lines) {
    std::vector<Fragment> mine;
    for (const Fragment& f : line) {
      if (f.column >= block.first && f.column <= block.last) mine.push_back(f);
    }
    if (mine.empty()) continue;
    if (IsAnchor(block, mine, prev_label, grid)) {
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
  if (rows.empty()) {
    unplaced.insert(unplaced.end(), loose.begin(), loose.end());
    return rows;
  }
  // The right edge of the label column: a label line reaching it wrapped.
  double label_right = -1e18;
  for (const RowBuild& row : rows) {
    if (auto it = row.cells.find(block.label); it != row.cells.end()) {
      for (const Fragment& f : it->second) label_right = std::max(label_right, f.box.x1);
    }
  }
  for (const Fragment& f : loose) {
    if (f.column == block.label) label_right = std::max(label_right, f.box.x1);
  }
  std::optional<std::pair<Box, size_t>> wrapped;  // a wrapped loose label line and its row
  for (Fragment& f : loose) {
    const double y = f.box.center_y();
    if (f.column == block.label && wrapped && f.box.y0 > wrapped->first.y0 &&
        (f.box.y0 - wrapped->first.y1 < f.box.height() ||
         (grid && AcrossAnchor(wrapped->first, rows[wrapped->second].y, f.box)))) {
      // The line right under a wrapped label line ends that label
      // ("机关事业单位基本养老保" / "险缴费支出"), even when a lower row's
      // code is printed nearer to it.
      const size_t row = wrapped->second;
      wrapped.reset();
      rows[row].cells[f.column].push_back(std::move(f));
      continue;
    }
    // Rows are in line order, so by y: the first row at or below the fragment.
    const size_t below = static_cast<size_t>(
        std::partition_point(rows.begin(), rows.end(), [y](const RowBuild& r) { return r.y < y; }) -
        rows.begin());
    std::vector<size_t> candidates;
    if (below > 0) candidates.push_back(below - 1);
    if (below < rows.size()) candidates.push_back(below);
    size_t best = candidates[0];
    const bool short_remainder = f.text.size() <= 6 && !IsNumber(f.text);
    if ((block.code < 0 || short_remainder) && f.column == block.label && below > 0) {
      // A wrapped label continues downwards: it belongs to the row above.
      candidates.assign(1, below - 1);
    }
    if (grid && f.column == block.code && IsGridCode(f.text) && below > 0) {
      // A 款 or 项 code the grid put on a line of its own follows its 类.
      candidates.assign(1, below - 1);
    }
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
    // Text far from every row is not a cell: a page number under the table
    // or a template's "…" filler line is not worth a word; anything else is
    // reported.
    if (std::abs(rows[best].y - y) > 4 * std::max(8.0, f.box.height())) {
      if (!IsPageNumber(f.text) && !IsEllipsis(f.text)) unplaced.push_back(std::move(f));
      continue;
    }
    if (f.column == block.label) {
      wrapped.reset();
      if (f.box.x1 >= label_right - f.box.height()) wrapped = std::make_pair(f.box, best);
    }
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
  cell.norm = text::NormalizeForMatching(cell.text);
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
    // Every line is looked at as a possible title, heading or note.
    squeezed_.reserve(refs_.size());
    for (size_t i = 0; i < refs_.size(); ++i) squeezed_.push_back(Squeezed(line(i).text));
    title_.reserve(refs_.size());
    for (size_t i = 0; i < refs_.size(); ++i) {
      title_.push_back(tables::MatchTableTitle(squeezed_[i], config_) != nullptr ||
                       IsOtherTableTitle(i));
    }
  }

  std::vector<tables::TableSource> FindAll() {
    std::vector<tables::TableSource> out;
    for (size_t i = 0; i < refs_.size(); ++i) {
      if (!IsTitle(i)) continue;
      size_t end = i + 1;
      while (end < refs_.size() && !IsTitle(end) && !IsPartHeading(squeezed_[end]) &&
             !IsNote(squeezed_[end])) {
        ++end;
      }
      tables::TableSource source = Read(i, end);
      if (end < refs_.size() && IsNote(squeezed_[end])) {
        // The note runs to the next title, heading or blank gap.
        size_t last = end;
        while (last + 1 < refs_.size() && refs_[last + 1].page == refs_[end].page &&
               !IsTitle(last + 1) && !IsPartHeading(squeezed_[last + 1]) &&
               line(last + 1).box.y0 - line(last).box.y1 < line(last).box.height()) {
          ++last;
        }
        for (size_t k = end; k <= last; ++k) source.note += squeezed_[k];
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

  bool IsTitle(size_t i) const { return title_[i]; }

  // A table outside the configured nine (Yunnan's 11, Sichuan's 13 …): a
  // short line ending in "表", not a list item nor a sentence, with a unit
  // line ("单位：万元") right under it on the same page.
  bool IsOtherTableTitle(size_t i) const {
    const std::string& text = squeezed_[i];
    constexpr std::string_view kBiao = "表";
    if (text.size() < 2 * kBiao.size() || text.size() > 90 ||
        text.compare(text.size() - kBiao.size(), kBiao.size(), kBiao) != 0 ||
        StartsWithListNumber(text) || IsPartHeading(text) ||
        text.find("部门决算表") != std::string::npos) {
      return false;
    }
    for (std::string_view mark : {"，", "。", "；", "："}) {
      if (text.find(mark) != std::string::npos) return false;
    }
    for (size_t k = i + 1; k < refs_.size() && k <= i + 3; ++k) {
      if (refs_[k].page != refs_[i].page ||
          tables::MatchTableTitle(squeezed_[k], config_) != nullptr) {
        break;
      }
      if (UnitOf(squeezed_[k])) return true;
    }
    return false;
  }

  uint32_t LineNumber(size_t i) const { return numbers_[i]; }

  tables::TableSource Read(size_t title, size_t end) const {
    tables::TableSource source;
    source.title = squeezed_[title];
    source.title_begin = line(title).begin;
    source.title_end = line(title).end;
    source.first_line = LineNumber(title);
    source.grid.begin = line(title).begin;
    source.grid.end = end > title + 1 ? line(end - 1).end : line(title).end;

    size_t begin = title + 1;
    for (size_t i = begin; i < end && i < title + 4; ++i) {
      if (auto unit = UnitOf(squeezed_[i])) {
        source.unit = *unit;
        begin = i + 1;
        break;
      }
    }
    // The body starts at the first line holding a code, a numbered label or
    // a total with its figures; else at the first total (an empty table);
    // else at the first line holding a figure.
    size_t body = end;
    for (size_t i = begin; i < end && body == end; ++i) {
      bool figure = false, total = false;
      int other_words = 0;  // words that are neither figures nor 类/款/项
      for (const Word& w : line(i).words) {
        const std::string t = Squeezed(w.text);
        if (IsCodeToken(t) || StartsWithListNumber(t)) body = i;
        if (IsNumber(t)) figure = true;
        if (IsTotalText(t)) total = true;
        if (!IsNumber(t) && t != "类" && t != "款" && t != "项") ++other_words;
      }
      // A total row: with its figures, or its label alone on the line (a
      // header "合计" stands among other column headers).
      if (total && (figure || other_words == 1)) body = i;
      // A row of a table without codes or numbered labels: a label and its
      // figures (header lines carry no figures).
      if (figure && other_words > 0) body = i;
    }
    for (size_t i = begin; i < end && body == end; ++i) {
      for (const Word& w : line(i).words) {
        if (IsNumber(Squeezed(w.text))) body = i;
      }
    }
    for (size_t i = begin; i < end && body == end; ++i) {
      // An empty table's total row: its label alone on the line.
      int words = 0;
      bool total = false;
      for (const Word& w : line(i).words) {
        const std::string t = Squeezed(w.text);
        if (t != "类" && t != "款" && t != "项") ++words;
        if (IsTotalText(t)) total = true;
      }
      if (total && (words == 1 || !HeaderLineBelow(i, end))) body = i;
    }
    if (doc_.character_grid && FirstLabelAbove(begin, body)) --body;
    // Header words: every word above the body that is not a figure, and the
    // code-level headings (类 款 项) when they share the first body line.
    std::vector<Fragment> header;
    std::vector<std::pair<size_t, size_t>> header_in_body;  // (line, word)
    if (body < end) {
      // Header words printed entirely above the first row's own words share
      // its line when tall figure boxes join them (类 款 项 beside 合计).
      double row_top = 1e18;
      for (const Word& w : line(body).words) {
        const std::string t = Squeezed(w.text);
        if (IsCodeToken(t) || StartsWithListNumber(t) || IsTotalText(t)) {
          row_top = std::min(row_top, w.box.y0);
        }
      }
      const std::optional<double> label_end = HeadersBesideTotal(line(body));
      for (size_t k = 0; row_top < 1e17 && k < line(body).words.size(); ++k) {
        const Word& w = line(body).words[k];
        const std::string t = Squeezed(w.text);
        const bool level_heading = t == "类" || t == "款" || t == "项";
        // Two characters at least: a lone "无" printed in an empty cell is no header.
        const bool beside_total = label_end && w.box.x0 >= *label_end && HasHan(t) && t.size() >= 6;
        if (!IsNumber(t) && (w.box.y1 <= row_top || level_heading || beside_total)) {
          Fragment f;
          f.text = t;
          f.box = w.box;
          header.push_back(std::move(f));
          header_in_body.emplace_back(body, k);
        }
      }
    }
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
    std::vector<Box> body_boxes, code_boxes;
    auto is_header_word = [&](size_t i, size_t k) {
      return std::find(header_in_body.begin(), header_in_body.end(), std::make_pair(i, k)) !=
             header_in_body.end();
    };
    for (size_t i = body; i < end; ++i) {
      if (refs_[i].page != refs_[title].page) break;  // the first page sets the columns
      // Letter-spaced labels ("因 公 出 国") are one phrase, not columns.
      for (size_t k = 0; k < line(i).words.size(); ++k) {
        if (is_header_word(i, k)) continue;
        const Box& b = line(i).words[k].box;
        const bool cjk = static_cast<unsigned char>(line(i).words[k].text[0]) >= 0xE0;
        if (cjk && k > 0 && !body_boxes.empty() && !is_header_word(i, k - 1) &&
            static_cast<unsigned char>(line(i).words[k - 1].text[0]) >= 0xE0 &&
            b.x0 - line(i).words[k - 1].box.x1 < 1.5 * (b.x1 - b.x0) &&
            b.x0 - line(i).words[k - 1].box.x1 < 12) {
          body_boxes.back().x1 = std::max(body_boxes.back().x1, b.x1);
          continue;
        }
        // On a character grid a code may reach into the label column beside
        // it (the layout shifts text by a character or two): codes, and the
        // 款 or 项 code printed on a line of its own, are clustered apart
        // from the rest.
        if (doc_.character_grid && IsGridCode(Squeezed(line(i).words[k].text))) {
          code_boxes.push_back(b);
          continue;
        }
        body_boxes.push_back(b);
      }
    }
    for (size_t i : early_figures) {
      for (const Word& w : line(i).words) {
        if (IsNumber(Squeezed(w.text))) body_boxes.push_back(w.box);
      }
    }
    const std::vector<Column> columns = BuildColumns(std::move(header), std::move(body_boxes), doc_.character_grid, std::move(code_boxes));
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
    const std::map<size_t, GridScale> scales =
        doc_.character_grid ? ContinuationScales(title, body, end) : std::map<size_t, GridScale>{};
    std::vector<Fragment> continuation_unplaced;
    std::map<int, std::string> last_class;  // 类 of the last code read in each code column
    auto add_line = [&](size_t i) {
      const double offset = kPageOffset * static_cast<double>(refs_[i].page - first_page);
      const auto scale = scales.find(refs_[i].page);
      const Line rescaled = scale == scales.end() ? Line{} : Rescaled(line(i), scale->second);
      std::vector<Fragment> frags =
          SplitLine(scale == scales.end() ? line(i) : rescaled, body_lines.size(), offset, columns);
      if (i == body && !header_in_body.empty()) {
        // Rebuild the first row's line without its header words.
        Line rest;
        for (size_t k = 0; k < line(i).words.size(); ++k) {
          if (!is_header_word(i, k)) {
            rest.words.push_back(line(i).words[k]);
            rest.word_begin.push_back(line(i).word_begin[k]);
          }
        }
        frags = SplitLine(rest, body_lines.size(), offset, columns);
      }
      if (i < body) {  // figures only
        frags.erase(std::remove_if(frags.begin(), frags.end(),
                                   [](const Fragment& f) { return !IsNumber(f.text); }),
                    frags.end());
      }
      if (scale != scales.end() && !FitsColumns(rescaled, columns)) {
        // The rescaled continuation line does not line up with the columns:
        // placed by the kinds of its words, else reported rather than read
        // into the wrong cells.
        const auto placed = PlaceByKind(line(i), columns, last_class);
        if (placed) {
          frags = SplitLineInto(line(i), body_lines.size(), offset, *placed);
        } else {
          continuation_unplaced.insert(continuation_unplaced.end(), frags.begin(), frags.end());
          frags.clear();
        }
      }
      NoteClasses(frags, columns, last_class);
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
      std::vector<Fragment> unplaced;
      for (RowBuild& row : BuildRows(block, body_lines, doc_.character_grid, unplaced)) {
        GridRow out;
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
          auto it = row.cells.find(c);
          out.cells.push_back(it == row.cells.end() ? GridCell{} : MakeCell(std::move(it->second)));
        }
        source.grid.rows.push_back(std::move(out));
      }
      for (const Fragment& f : unplaced) source.unplaced.emplace_back(f.begin, f.end);
    }
    for (const Fragment& f : continuation_unplaced) source.unplaced.emplace_back(f.begin, f.end);
    return source;
  }

  // On a character grid, pdftotext lays out each page on a grid of its own,
  // so the columns of a continuation page stand at other character
  // positions than on the table's first page, stretched or squeezed (the
  // page's character pitch and the text pushed along by wide characters),
  // and figures by another factor than codes and labels (figures are
  // right-aligned in their cells, codes and labels left-aligned). Each
  // continuation page gets two factors: the one that brings the right edges
  // of its figures nearest to those on the first page, and the one that
  // does so for the left edges of its other words.
  struct GridScale {
    double figures = 1, words = 1;
  };

  std::map<size_t, GridScale> ContinuationScales(size_t title, size_t body, size_t end) const {
    struct Edges {
      std::vector<double> figures, words;
    };
    Edges first;
    std::map<size_t, Edges> pages;
    for (size_t i = body; i < end; ++i) {
      Edges& edges = refs_[i].page == refs_[title].page ? first : pages[refs_[i].page];
      for (const Word& w : line(i).words) {
        if (IsNumber(Squeezed(w.text))) {
          edges.figures.push_back(w.box.x1);
        } else {
          edges.words.push_back(w.box.x0);
        }
      }
    }
    std::map<size_t, GridScale> scales;
    for (const auto& [page, edges] : pages) {
      scales[page] = GridScale{BestScale(edges.figures, first.figures),
                               BestScale(edges.words, first.words)};
    }
    return scales;
  }

  // The factor, among those mapping one of `edges` onto one of `targets`,
  // that brings `edges` nearest to `targets` in all; the one nearest 1 of
  // those that do as well; 1 when nothing fits. Edges repeat down a column:
  // each distinct one is weighed by its count.
  static double BestScale(std::vector<double> edges, std::vector<double> targets) {
    constexpr double kLeast = 0.6, kMost = 1.7;
    std::map<double, int> weights;
    for (double e : edges) ++weights[e];
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    if (targets.empty()) return 1;
    auto nearest = [&](double x) {
      const auto at = std::lower_bound(targets.begin(), targets.end(), x);
      double d = at == targets.end() ? 1e18 : *at - x;
      if (at != targets.begin()) d = std::min(d, x - *(at - 1));
      return d;
    };
    auto cost = [&](double scale) {
      double sum = 0;
      for (const auto& [e, n] : weights) sum += n * nearest(scale * e);
      return sum;
    };
    double best = 1, best_cost = cost(1);
    for (const auto& [e, n] : weights) {
      for (double t : targets) {
        if (e <= 0) continue;
        const double scale = t / e;
        if (scale < kLeast || scale > kMost) continue;
        const double c = cost(scale);
        if (c < best_cost - 1e-9 ||
            (c < best_cost + 1e-9 && std::abs(scale - 1) < std::abs(best - 1))) {
          best = scale;
          best_cost = c;
        }
      }
    }
    return best;
  }

  static Line Rescaled(const Line& original, const GridScale& scale) {
    Line line = original;
    for (Word& w : line.words) {
      const double factor = IsNumber(Squeezed(w.text)) ? scale.figures : scale.words;
      w.box.x0 *= factor;
      w.box.x1 *= factor;
    }
    return line;
  }

  // On a character grid, the first row's label, centred on a taller row,
  // may start on the line above the row's code: a line of one word, not a
  // figure, parted from the header above it by an empty line.
  bool FirstLabelAbove(size_t begin, size_t body) const {
    if (body < begin + 2 || body >= refs_.size()) return false;
    const auto& words = line(body - 1).words;
    return words.size() == 1 && !IsNumber(Squeezed(words[0].text)) && HasHan(words[0].text) &&
           line(body - 2).words.empty();
  }

  // Shanghai's T8/T9 print the 本年支出 group's sub-headers (合计 基本支出
  // 项目支出) on the line of the total row, right of its label. For a total
  // row without figures: where its label ends, the words beyond being headers.
  static std::optional<double> HeadersBesideTotal(const Line& row) {
    std::optional<double> label_end;
    for (const Word& w : row.words) {
      const std::string t = Squeezed(w.text);
      if (IsNumber(t)) return std::nullopt;
      if (!label_end && IsTotalText(t)) label_end = w.box.x1;
    }
    return label_end;
  }

  // A line of three or more words and no figure below `i` (before `end`):
  // more header ("预算数 决算数 …"), so a "合计" above it is a header too.
  bool HeaderLineBelow(size_t i, size_t end) const {
    for (size_t k = i + 1; k < end; ++k) {
      const auto& words = line(k).words;
      if (words.size() >= 3 && std::none_of(words.begin(), words.end(), [](const Word& w) {
            return IsNumber(Squeezed(w.text));
          })) {
        return true;
      }
    }
    return false;
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
  std::vector<std::string> squeezed_;  // each line's text without spaces
  std::vector<bool> title_;            // whether each line is a table title
};

}  // namespace

std::vector<tables::TableSource> FindPdfTables(const PdfDocument& doc,
                                               const config::v1::ParseConfig& config) {
  return TableLocator(doc, config).FindAll();
}

}  // namespace juesuan::parse::pdf
