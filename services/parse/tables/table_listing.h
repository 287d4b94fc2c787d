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

}  // namespace juesuan::parse::tables
