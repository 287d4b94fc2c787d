#include "services/parse/pdf/grid_header.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

#include "services/parse/pdf/layout_text.h"

namespace juesuan::parse::pdf {
namespace {

// Gives the words of one header line (left to right) to columns. A word
// lying within a column's extent is that column's ("类 款 项" over one code
// column). The others go in order, each to its own column of those left,
// at the least sum of distances between word and column centres; when there
// are not columns enough, each to the nearest.
void AssignGridLine(std::vector<Fragment>::const_iterator line_begin,
                    std::vector<Fragment>::const_iterator line_end,
                    std::vector<ColumnBuild>& columns) {
  std::vector<const Fragment*> words;
  std::vector<bool> taken(columns.size(), false);
  for (auto it = line_begin; it != line_end; ++it) {
    const Box& b = it->box;
    auto within = std::find_if(columns.begin(), columns.end(), [&](const ColumnBuild& c) {
      return c.x0 <= b.x0 && b.x1 <= c.x1;
    });
    if (within == columns.end()) {
      words.push_back(&*it);
      continue;
    }
    within->pieces.push_back(HeaderPiece{b.y0, b.y1, (b.x0 + b.x1) / 2, it->text, false});
    taken[static_cast<size_t>(within - columns.begin())] = true;
  }
  std::vector<size_t> free;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!taken[c]) free.push_back(c);
  }
  const size_t k = words.size(), m = free.size();
  if (k == 0 || columns.empty()) return;
  auto distance = [&](size_t w, size_t c) {
    const Box& b = words[w]->box;
    return std::abs((b.x0 + b.x1) / 2 - columns[free[c]].center());
  };
  std::vector<size_t> choice(k);
  if (k > m) {
    free.resize(columns.size());
    std::iota(free.begin(), free.end(), size_t{0});
    for (size_t w = 0; w < k; ++w) {
      size_t best = 0;
      for (size_t c = 1; c < free.size(); ++c) {
        if (distance(w, c) < distance(w, best)) best = c;
      }
      choice[w] = best;
    }
  } else {
    // cost[w][c]: least sum for words w.. placed in columns c.. .
    constexpr double kNone = 1e18;
    std::vector<std::vector<double>> cost(k + 1, std::vector<double>(m + 1, kNone));
    for (size_t c = 0; c <= m; ++c) cost[k][c] = 0;
    for (size_t w = k; w-- > 0;) {
      for (size_t c = m; c-- > 0;) {
        cost[w][c] = std::min(cost[w][c + 1], cost[w + 1][c + 1] + distance(w, c));
      }
    }
    for (size_t w = 0, c = 0; w < k; ++c) {
      if (cost[w][c] == cost[w + 1][c + 1] + distance(w, c)) choice[w++] = c;
    }
  }
  for (size_t w = 0; w < k; ++w) {
    const Box& b = words[w]->box;
    columns[free[choice[w]]].pieces.push_back(
        HeaderPiece{b.y0, b.y1, (b.x0 + b.x1) / 2, words[w]->text, false});
  }
}

// Whether the lowest header line repeats its sub-headers under several
// groups (预算数 | 决算数 under each 三公 item): four words or more, one of
// them printed twice. The code levels 类 | 款 | 项 of side-by-side blocks
// head parts of one code column, not columns.
bool RepeatsSubHeaders(const std::vector<Fragment>& header) {
  if (header.empty()) return false;
  std::map<std::string, int> seen;
  int words = 0;
  bool repeated = false;
  for (const Fragment& f : header) {
    if (f.box.y0 != header.back().box.y0 || f.text == "类" || f.text == "款" || f.text == "项") {
      continue;
    }
    ++words;
    if (++seen[f.text] > 1) repeated = true;
  }
  return words >= 4 && repeated;
}

// A group header cell: the words of one cell over wrapped lines
// ("因公出国" / "（境）费").
struct GroupCell {
  Box box;
  std::string text;
  double center() const { return (box.x0 + box.x1) / 2; }
};

// A word continues the cell above it when both are centred on the same
// point (give or take a character and a half: cell text is centred) and at
// most one line lies between them; a group over a sub-group is centred on
// the middle of several cells.
std::vector<GroupCell> GroupCells(const std::vector<Fragment>& words) {
  constexpr double kCharacter = kGridColumnWidth;
  std::vector<GroupCell> cells;
  for (const Fragment& w : words) {  // top to bottom
    const double center = (w.box.x0 + w.box.x1) / 2;
    auto below = std::find_if(cells.begin(), cells.end(), [&](const GroupCell& c) {
      return w.box.y0 > c.box.y1 - 1 && w.box.y0 - c.box.y1 < 2.5 * w.box.height() &&
             std::abs(c.center() - center) <= 1.5 * kCharacter;
    });
    if (below == cells.end()) {
      cells.push_back(GroupCell{w.box, w.text});
      continue;
    }
    below->text += w.text;
    below->box.x0 = std::min(below->box.x0, w.box.x0);
    below->box.x1 = std::max(below->box.x1, w.box.x1);
    below->box.y1 = w.box.y1;
  }
  return cells;
}

// Group headers over repeated sub-headers on a character grid. Cells with
// no other cell under them head the columns nearest to them (each column
// goes to the nearest such cell: positions on the grid only order things);
// a cell over others heads the columns of the lower cells that lie within
// its own width of it on either side ("公务用车购置及运行费" over 小计,
// 购置费 and 运行费).
void AssignGridGroups(const std::vector<Fragment>& words, std::vector<ColumnBuild>& columns) {
  const std::vector<GroupCell> cells = GroupCells(words);
  auto has_cell_below = [&](const GroupCell& c) {
    return std::any_of(cells.begin(), cells.end(), [&](const GroupCell& o) {
      return o.box.y0 > c.box.y1 && Overlap(c.box.x0, c.box.x1, o.box.x0, o.box.x1) > 0;
    });
  };
  std::vector<size_t> lowest;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!has_cell_below(cells[i])) lowest.push_back(i);
  }
  if (lowest.empty()) return;
  std::vector<size_t> owner(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    owner[c] = *std::min_element(lowest.begin(), lowest.end(), [&](size_t a, size_t b) {
      return std::abs(cells[a].center() - columns[c].center()) <
             std::abs(cells[b].center() - columns[c].center());
    });
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    const GroupCell& cell = cells[i];
    const double width = cell.box.x1 - cell.box.x0;
    for (size_t c = 0; c < columns.size(); ++c) {
      const GroupCell& under = cells[owner[c]];
      const bool heads = owner[c] == i ||
                         (!std::count(lowest.begin(), lowest.end(), i) && under.box.y0 > cell.box.y1 &&
                          Overlap(cell.box.x0 - width, cell.box.x1 + width, under.box.x0, under.box.x1) > 0);
      if (heads) columns[c].pieces.push_back(HeaderPiece{cell.box.y0, cell.box.y1, 0, cell.text, true});
    }
  }
}

}  // namespace

void GridHeader(std::vector<Fragment> header, std::vector<ColumnBuild>& columns) {
  constexpr double kCharacter = kGridColumnWidth;
  constexpr double kClear = 2.5 * kCharacter;
  std::stable_sort(header.begin(), header.end(), [](const Fragment& a, const Fragment& b) {
    return a.box.y0 < b.box.y0 || (a.box.y0 == b.box.y0 && a.box.x0 < b.box.x0);
  });
  std::vector<Fragment> groups;
  if (RepeatsSubHeaders(header)) {
    const auto lowest = std::find_if(header.begin(), header.end(), [&](const Fragment& f) {
      return f.box.y0 == header.back().box.y0;
    });
    groups.assign(header.begin(), lowest);
    header.erase(header.begin(), lowest);
  }
  // Bottom-up, so that a column's lowest header word opens it and the words
  // above join it; a word over a lower one that belongs to a column with
  // figures is a group title ("支出" over its columns), not a column.
  std::vector<Box> bound;  // lower header words near columns with figures
  std::vector<ColumnBuild> opened;
  for (auto word = header.rbegin(); word != header.rend(); ++word) {
    const Box& w = word->box;
    auto near = [&](double margin) {
      return [&w, margin](const ColumnBuild& c) { return w.x0 < c.x1 + margin && c.x0 - margin < w.x1; };
    };
    if (std::any_of(columns.begin(), columns.end(), near(0))) {
      bound.push_back(w);
      continue;
    }
    // Wrapped lines of a header-only cell may start a character apart.
    if (std::any_of(opened.begin(), opened.end(), near(kCharacter))) continue;
    const bool over_bound = std::any_of(bound.begin(), bound.end(), [&](const Box& b) {
      return b.y0 > w.y0 && Overlap(w.x0, w.x1, b.x0, b.x1) > 0;
    });
    if (over_bound || std::any_of(columns.begin(), columns.end(), near(kClear))) {
      bound.push_back(w);
      continue;
    }
    opened.push_back(ColumnBuild{w.x0, w.x1, {}});
  }
  columns.insert(columns.end(), opened.begin(), opened.end());
  std::sort(columns.begin(), columns.end(),
            [](const ColumnBuild& a, const ColumnBuild& b) { return a.x0 < b.x0; });
  for (size_t first = 0; first < header.size();) {
    size_t end = first;
    while (end < header.size() && header[end].box.y0 == header[first].box.y0) ++end;
    AssignGridLine(header.begin() + static_cast<ptrdiff_t>(first),
                   header.begin() + static_cast<ptrdiff_t>(end), columns);
    first = end;
  }
  if (!groups.empty()) AssignGridGroups(groups, columns);
}

}  // namespace juesuan::parse::pdf
