// Template residue is found as the regex (t1|t2|…)X* with leftmost-longest
// matching finds it over each folded line, whatever the line holds.
#include <random>
#include <sstream>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "services/parse/src/default_config.h"
#include "services/parse/src/document_scan.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse::testing {
namespace {

struct Found {
  std::string text;
  uint64_t begin = 0, end = 0;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Found& f) {
  return out << f.text << "@" << f.begin << "-" << f.end;
}

// The definition: the alternation of the folded tokens, matched
// leftmost-longest, consumed match by match; none inside a Latin word.
std::vector<Found> ByDefinition(const SourceDocument& doc, const config::v1::ParseConfig& config) {
  std::vector<std::string> tokens;
  for (const auto& t : config.placeholders()) {
    tokens.push_back(RE2::QuoteMeta(text::NormalizeForMatching(t)));
  }
  RE2::Options options;
  options.set_longest_match(true);
  const RE2 re("(" + absl::StrJoin(tokens, "|") + ")X*", options);
  std::vector<Found> out;
  for (const auto& line : doc.lines()) {
    const std::string& t = line.norm();
    re2::StringPiece input(t), token;
    while (RE2::FindAndConsume(&input, re, &token)) {
      const size_t pos = token.data() - t.data();
      const size_t end = input.data() - t.data();
      auto latin = [&](size_t i) {
        return i < t.size() && std::isalpha(static_cast<unsigned char>(t[i])) && t[i] != 'X';
      };
      if ((pos > 0 && latin(pos - 1)) || latin(end)) continue;
      const auto src = doc.Provenance(line.folded.ToOriginal(pos), line.folded.ToOriginal(end), "");
      out.push_back({std::string(token), src.byte_begin(), src.byte_end()});
    }
  }
  return out;
}

std::vector<Found> Scanned(const SourceDocument& doc, const config::v1::ParseConfig& config) {
  report::v1::Report report;
  ScanPlaceholders(doc, config, &report);
  std::vector<Found> out;
  for (const auto& p : report.placeholders()) {
    out.push_back({p.text(), p.src().byte_begin(), p.src().byte_end()});
  }
  return out;
}

TEST(Placeholders, AsTheirRegexOnRandomLinesAndTheDocuments) {
  auto config = ParseConfigFromJson(DefaultParseConfigJson());
  ASSERT_TRUE(config.ok()) << config.status();
  const std::vector<std::string> pieces = {
      "X", "XX", "XXX", "x", "Ｘ", "×", "××", "某", "某某", "{单位}", "{", "}", "增加", "减少",
      "（", "）", "(", ")", "增长", "下降", "（减少）", "增加（减少）", "减少（增加）",
      "（如持平作持平表述）", "（不涉及的不列）", "a", "Word", " ", "，", "2024", "万元", "\n"};
  std::mt19937 rng(20241128);
  size_t found = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string text = RandomJoin(rng, pieces, 14);
    const SourceDocument doc(text);
    const std::vector<Found> expected = ByDefinition(doc, *config);
    ASSERT_EQ(Scanned(doc, *config), expected) << text;
    found += expected.size();
  }
  EXPECT_GT(found, 5000u);
  for (const char* path : {"seed/000_0d0d50dd571d51d1.txt", "corpus/001/text.txt",
                           "corpus/003/text.txt", "corpus/004/text.txt", "corpus/005/text.txt"}) {
    const SourceDocument doc(ReadFile(SharedPath(path)));
    EXPECT_EQ(Scanned(doc, *config), ByDefinition(doc, *config)) << path;
  }
}

// The line prefilter, found over the whole document, says of each line
// what looking for each mark in the line alone says.
TEST(Placeholders, LinePrefilterAsEachLineAlone) {
  auto by_line = [](const SourceDocument& doc) {
    std::vector<bool> out;
    for (const auto& line : doc.lines()) {
      bool any = false;
      for (const char* mark : {"X", "{", "(", "×", "某"}) {
        any = any || line.norm().find(mark) != std::string::npos;
      }
      out.push_back(any);
    }
    return out;
  };
  const std::vector<std::string> pieces = {"X", "x", "Ｘ", "×", "某", "{", "(", "（", "\xC3",
                                           "\x97", "\xE6\x9F", "增加", "a", " ", "\n", "\n\n"};
  std::mt19937 rng(1128);
  size_t marked = 0;
  for (int n = 0; n < 20000; ++n) {
    const std::string text = RandomJoin(rng, pieces, 14);
    const SourceDocument doc(text);
    const std::vector<bool> lines = LinesThatMayHoldPlaceholder(doc);
    ASSERT_EQ(lines, by_line(doc)) << text;
    for (size_t i = 0; i < lines.size(); ++i) {
      EXPECT_EQ(MayHoldPlaceholder(doc.lines()[i].norm()), lines[i]) << text;
      marked += lines[i];
    }
  }
  EXPECT_GT(marked, 10000u);
  for (const char* path : {"seed/000_0d0d50dd571d51d1.txt", "corpus/001/text.txt",
                           "corpus/003/text.txt", "corpus/004/text.txt", "corpus/005/text.txt"}) {
    const SourceDocument doc(ReadFile(SharedPath(path)));
    EXPECT_EQ(LinesThatMayHoldPlaceholder(doc), by_line(doc)) << path;
    // Any other mark, as ScanDates looks for 月.
    for (const char* mark : {"月", "年", "决算", "。"}) {
      std::vector<bool> holding(doc.lines().size(), false), expected;
      MarkLinesHolding(doc, mark, holding);
      for (const auto& line : doc.lines()) {
        expected.push_back(line.norm().find(mark) != std::string::npos);
      }
      EXPECT_EQ(holding, expected) << path << " " << mark;
    }
  }
}

// A configured token without any of the characters the line prefilter
// looks for is still found.
TEST(Placeholders, TokenOutsideThePrefilterIsFound) {
  auto config = ParseConfigFromJson(DefaultParseConfigJson());
  ASSERT_TRUE(config.ok()) << config.status();
  config->add_placeholders("待填写");
  const SourceDocument doc("单位名称：待填写\n");
  const std::vector<Found> found = Scanned(doc, *config);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "待填写");
}

}  // namespace
}  // namespace juesuan::parse::testing
