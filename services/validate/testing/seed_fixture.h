// The seed document (shared/seed/000_0d0d50dd571d51d1.txt) as a parser
// would report it, built by hand from REFERENCE Appendix B: amounts with the
// 0.01 万元 quantum, percentages as printed, and provenance carrying the
// seed's line numbers and section keys.
#pragma once

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::validate::testing {

juesuan::report::v1::Report SeedReport();

}  // namespace juesuan::validate::testing
