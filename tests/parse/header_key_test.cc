// HeaderKey tells brackets and blanks from other bytes by table; held here
// to its definition written out byte by byte, on random cell texts.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/perf/perf_vocabulary.h"

namespace juesuan::parse {
namespace {

// White space dropped, parenthesised notes (nested, unbalanced ')' ignored)
// dropped.
std::string HeaderKeyByDefinition(const std::string& folded) {
  std::string key;
  int depth = 0;
  for (char c : folded) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      key += c;
    }
  }
  return key;
}

TEST(HeaderKey, AsItsDefinitionOnRandomCells) {
  const std::vector<std::string> pieces = {"年度", "指标值", "(", ")", "(万元)", " ", "\t", "\r",
                                           "\n", "a", "90%", "\f", "\x01", "一级指标"};
  std::mt19937 rng(17);
  for (int round = 0; round < 20000; ++round) {
    std::string cell;
    const int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) cell += pieces[rng() % pieces.size()];
    ASSERT_EQ(perf_vocabulary::HeaderKey(cell), HeaderKeyByDefinition(cell)) << cell;
  }
  EXPECT_EQ(perf_vocabulary::HeaderKey("年度 指标值(万元) (注)"), "年度指标值");
}

// Header words are looked up by hash; every word of the tables is found
// with its column, anything else is not.
TEST(HeaderWords, LookedUpByExactKey) {
  using perf_vocabulary::IndicatorColumn;
  EXPECT_EQ(perf_vocabulary::IndicatorColumnFor(""), IndicatorColumn::kRowLabel);
  EXPECT_EQ(perf_vocabulary::IndicatorColumnFor("一级指标"), IndicatorColumn::kLevel1);
  EXPECT_EQ(perf_vocabulary::IndicatorColumnFor("指标值"), IndicatorColumn::kTarget);
  EXPECT_EQ(perf_vocabulary::IndicatorColumnFor("实际完成指标值"), IndicatorColumn::kActual);
  EXPECT_EQ(perf_vocabulary::IndicatorColumnFor("权重"), IndicatorColumn::kWeight);
  EXPECT_FALSE(perf_vocabulary::IndicatorColumnFor("指标"));
  EXPECT_FALSE(perf_vocabulary::IndicatorColumnFor("一级指标 "));
  EXPECT_EQ(perf_vocabulary::FundColumnFor("年初预算数"), perf_vocabulary::FundColumn::kInitial);
  EXPECT_FALSE(perf_vocabulary::FundColumnFor("年初预算数额"));
}

}  // namespace
}  // namespace juesuan::parse
