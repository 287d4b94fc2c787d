// A compact, reviewable listing of the tables of a report: one line per
// table, row and cell, used by the golden files under tests/golden/tables/.
#pragma once

#include <string>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse::tables {

// Lines:
//   table T2 income "收入决算表" unit=万元 pages=8-9 rows=24 columns=10 [empty] [note="…"]
//   column T2 c4 total "本年收入合计"
//   row T2 r1 code=201 level=class label="一般公共服务支出" [total]
//   cell T2 r1 c4 "2,112.86" p8            (numbers and dashes; blank cells are omitted)
std::string TableListing(const report::v1::Report& report);

// The golden-file form: one line per printed cell (numbers and dashes),
//   T2 | 2010601 | 本年收入合计 | 1,511.90 | p8
// keyed by the row's code, or by its label when it has none ("合计" rows
// carry "*total*" after the label); empty tables print one line
//   T8 | (empty) | <row count> rows | <note> |
std::string CellListing(const report::v1::Report& report);

}  // namespace juesuan::parse::tables
