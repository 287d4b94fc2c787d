#include "tests/parse/test_support.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/text/decimal.h"

namespace juesuan::parse::testing {

std::string SharedPath(const std::string& relative) {
  return std::string(JUESUAN_SHARED_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const DocumentParser& Parser() {
  static const auto* parser = [] {
    auto p = DocumentParser::CreateDefault();
    if (!p.ok()) throw std::runtime_error(std::string(p.status().message()));
    return p->release();
  }();
  return *parser;
}

absl::StatusOr<report::v1::Report> ParseBytes(const std::string& content) {
  ParseOptions options;
  return Parser().Parse(content, options);
}

report::v1::Report ParseSharedOrDie(const std::string& relative) {
  auto report = ParseBytes(ReadFile(SharedPath(relative)));
  if (!report.ok()) throw std::runtime_error(std::string(report.status().message()));
  return *std::move(report);
}

int64_t Cents(const report::v1::Amount& a) { return a.fen() / 10000; }

int64_t PercentCents(const report::v1::Percent& p) {
  auto v = text::Rescale(text::DecimalValue{p.value().digits(), p.value().scale()}, 2);
  return v.ok() ? *v : -1;
}

}  // namespace juesuan::parse::testing
