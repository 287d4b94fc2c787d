// The seed document parsed once by the real parse core, for tests of the
// services that take a report (validate, scoring). An empty report when the
// seed cannot be read or parsed: tests check a known field first.
#pragma once

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::testing {

const report::v1::Report& ParsedSeedReport();

}  // namespace juesuan::testing
