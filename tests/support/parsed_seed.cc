#include "tests/support/parsed_seed.h"

#include <utility>

#include "services/parse/src/parser.h"
#include "tests/e2e/process.h"

namespace juesuan::testing {

const report::v1::Report& ParsedSeedReport() {
  static const report::v1::Report* const report = [] {
    auto* parsed = new report::v1::Report();
    auto parser = parse::DocumentParser::CreateDefault();
    if (!parser.ok()) return parsed;
    auto result = (*parser)->Parse(
        ReadFileOrEmpty(JUESUAN_SHARED_DIR "/seed/000_0d0d50dd571d51d1.txt"), {});
    if (result.ok()) *parsed = *std::move(result);
    return parsed;
  }();
  return *report;
}

}  // namespace juesuan::testing
