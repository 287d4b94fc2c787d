// The seed's two performance tables (REFERENCE Appendix B, §4.7–4.8) as the
// parser should deliver them, with the seed's line numbers as provenance.
#pragma once

#include "juesuan/report/v1/report.pb.h"
#include "services/scoring/tests/table_builder.h"

namespace juesuan::scoring::testing {

TableSpec SeedOverallSpec();   // 单位整体支出绩效自评表 (PE)
TableSpec SeedProjectSpec();   // 项目支出绩效自评表 "州党委社会工作部开办经费" (PP[0])
rpt::Report SeedReport();      // layout XINJIANG, PE then PP

}  // namespace juesuan::scoring::testing
