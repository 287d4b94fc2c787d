#include "tests/parse/test_support.h"

#include <algorithm>
#include <filesystem>
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

std::vector<std::string> SeedAndCorpusTextPaths() {
  std::vector<std::string> paths = {SharedPath(kSeed)};
  std::vector<std::string> corpus;
  for (const auto& dir : std::filesystem::directory_iterator(SharedPath("corpus"))) {
    if (std::filesystem::exists(dir.path() / "text.txt")) corpus.push_back(dir.path() / "text.txt");
  }
  std::sort(corpus.begin(), corpus.end());  // the directory's order is the file system's
  paths.insert(paths.end(), corpus.begin(), corpus.end());
  return paths;
}

Passage PassageOf(const std::string& text) {
  Passage p;
  p.folded.Append(text, 0);
  return p;
}

std::string RandomJoin(std::mt19937& rng, const std::vector<std::string>& pieces, int max_pieces) {
  std::string joined;
  const int count = static_cast<int>(rng() % static_cast<unsigned>(max_pieces));
  for (int k = 0; k < count; ++k) joined += pieces[rng() % pieces.size()];
  return joined;
}

int64_t Cents(const report::v1::Amount& a) { return a.fen() / 10000; }

int64_t PercentCents(const report::v1::Percent& p) {
  auto v = text::Rescale(text::DecimalValue{p.value().digits(), p.value().scale()}, 2);
  return v.ok() ? *v : -1;
}

}  // namespace juesuan::parse::testing
