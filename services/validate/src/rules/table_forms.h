// Table forms of the identities of REFERENCE §3.1/§3.2/§3.7: the same
// relation evaluated on the cells of the standard tables (§1.6) instead of
// the narrative. Each is called by the rule that owns the relation and does
// nothing when its tables are absent (the narrative form still runs).
#pragma once

#include "services/validate/src/rule.h"

namespace juesuan::validate {

void TablesIncomeEqualsExpenditure(RuleContext& ctx);  // FA-TOT-001: T1 总计 | 总计
void TablesIncomeSide(RuleContext& ctx);               // FA-TOT-002: T1 left
void TablesExpenditureSide(RuleContext& ctx);          // FA-TOT-003: T1 right
void TablesFiscalIncomeSide(RuleContext& ctx);         // FA-TOT-004: T4 left
void TablesFiscalExpenditureSide(RuleContext& ctx);    // FA-TOT-005: T4 right
void TablesFiscalBalanced(RuleContext& ctx);           // FA-TOT-006: T4 总计 | 总计
void TablesIncomeParts(RuleContext& ctx);              // FA-SUM-001: T1 rows 一–八
void TablesExpenditureClasses(RuleContext& ctx);       // FA-SUM-004: T1 right Σ 类
void TablesBasicParts(RuleContext& ctx);               // FA-SUM-008: T5 合计.基本 = T6 footers
void TablesFiscalIncome(RuleContext& ctx);             // FA-XS-001: T2 合计.财政拨款 = T4 本年收入合计
void TablesFiscalExpenditure(RuleContext& ctx);        // FA-XS-002: T4 本年支出合计 = T5 + T8 + T9

// FA-XS-014: a functional 类 printed in two tables (T1 ↔ T3, T4 ↔ T5) and
// the year totals they share — the same number twice (SAME; one quantum is
// info: forced column balancing, REFERENCE §3.0.1).
void SameLinesAcrossTables(RuleContext& ctx);

}  // namespace juesuan::validate
