// The value grammar of 绩效自评表 indicator cells (REFERENCE §2.6):
//   ">=105期", "≥95", "=100%", "<=38.79万元", "=2批"     -> QUANTITATIVE
//   "2024年12月10日前" / "以前" / "之前"                   -> DEADLINE
//   "2024年11月21日"                                      -> DATE
//   "保障", "达到预期指标", "效果明显", "高", "应保尽保"     -> QUALITATIVE
//   "", "—", "-", "/"                                     -> BLANK
// Operators are accepted in ASCII, full-width and mathematical forms
// (">=", "≥", "＞＝", "﹦", "＝", "<=", "≤" …) and in the common word forms
// (不低于, 不超过 …). Numbers are exact decimals; units are kept in their
// folded form ("％" -> "%") so that 次 and 期 can be compared.
#pragma once

#include <string_view>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse {

// Parses one printed indicator value. Never fails: text that is not a number,
// date or deadline is QUALITATIVE. `src` is left unset (the caller knows
// where the cell was printed).
report::v1::IndicatorValue ParseIndicatorValue(std::string_view raw);

// True for a cell that prints no value: empty, or only a dash or slash
// ("—", "——", "-", "－", "/", "／", "\"). `folded` is the folded cell text.
bool IsBlankMark(std::string_view folded);

// Parses an operator printed on its own (a 指标性质 column: "≥", "＝", "﹦",
// "正向", "反向"). Returns INDICATOR_OP_UNSPECIFIED when it is none.
report::v1::IndicatorOp ParseOperatorCell(std::string_view raw);

}  // namespace juesuan::parse
