// SearchTitle finds what a plain Search of the title pattern over the whole
// cover finds: the same match and groups, on random strings built from the
// pattern's pieces and on the seed and corpus texts.
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/src/document_scan.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/source_document.h"
#include "services/parse/src/values.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse {
namespace {

using testing::PassageOf;

// Whether both searches agree on `p` (match span and every group).
void ExpectSameAsRegex(const Passage& p) {
  const std::optional<Match> want = Search(TitlePattern(), p);
  const std::optional<Match> got = SearchTitle(p);
  ASSERT_EQ(got.has_value(), want.has_value()) << p.text();
  if (!want) return;
  EXPECT_EQ(got->begin, want->begin) << p.text();
  EXPECT_EQ(got->end, want->end) << p.text();
  EXPECT_EQ(got->groups, want->groups) << p.text();
}

TEST(TitleSearchTest, RandomStringsFromThePatternPieces) {
  const std::vector<std::string> pieces = {
      "2024", "20", "1", "年", "度", "年度", "部门", "单位", "部", "门", "决算", "决", "算",
      " ", "\t", "上海", "普陀区", "々", "。", "(", "x", "\xC2\xA0", "2024年度部门决算",
      "2023年单位决算", "中共"};
  std::mt19937 rng(1128);
  size_t matches = 0;
  for (int n = 0; n < 30000; ++n) {
    const Passage p = PassageOf(testing::RandomJoin(rng, pieces, 10));
    ExpectSameAsRegex(p);
    if (HasFailure()) return;
    matches += Search(TitlePattern(), p).has_value();
  }
  EXPECT_GT(matches, 1000u);  // the strings do hold titles
}

TEST(TitleSearchTest, SeedAndCorpusTexts) {
  size_t matches = 0;
  for (const std::string& path : testing::SeedAndCorpusTextPaths()) {
    const SourceDocument doc(testing::ReadFile(path));
    const auto& lines = doc.lines();
    // Each line alone, and runs of up to 30 lines joined as a cover is.
    for (size_t first = 0; first < lines.size(); ++first) {
      Passage cover;
      for (size_t i = first; i < lines.size() && i < first + 30; ++i) {
        cover.folded.Append(lines[i].raw, lines[i].begin);
        if (i == first || i == first + 29) {
          ExpectSameAsRegex(cover);
          if (HasFailure()) return;
          matches += Search(TitlePattern(), cover).has_value();
        }
      }
    }
  }
  EXPECT_GT(matches, 10u);
}

}  // namespace
}  // namespace juesuan::parse
