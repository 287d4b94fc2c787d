// Writes the seed reports (REFERENCE Appendix B, as built by the validate and
// scoring fixtures) as binary protobuf files: the starting corpus of
// fuzz_validate and fuzz_score.  Usage: fuzz_report_seeds DIR
#include <fstream>
#include <iostream>
#include <string>

#include "services/scoring/tests/seed_tables.h"
#include "services/validate/testing/seed_fixture.h"

namespace {

bool Write(const std::string& path, const juesuan::report::v1::Report& report) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  return report.SerializeToOstream(&out) && out.flush();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_report_seeds DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const bool ok = Write(dir + "/validate_seed.pb", juesuan::validate::testing::SeedReport()) &&
                  Write(dir + "/scoring_seed.pb", juesuan::scoring::testing::SeedReport());
  return ok ? 0 : 1;
}
