// JoinLines skips eight bytes at a time between breaks; held here to the
// plain byte-by-byte definition on random text.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {
namespace {

bool IsBreak(char c) { return c == '\n' || c == '\f' || c == '\r'; }

// Line and page breaks and the blanks around them dropped, one byte at a time.
std::string JoinLinesByteByByte(const std::string& raw) {
  std::string out;
  size_t i = 0;
  while (i < raw.size()) {
    if (!IsBreak(raw[i])) {
      out += raw[i++];
      continue;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    ++i;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || IsBreak(raw[i]))) ++i;
  }
  return out;
}

TEST(JoinLines, AsTheByteByByteDefinitionOnRandomText) {
  const std::vector<std::string> pieces = {"决算", "收入", "1,234.56", "万元。", " ", "\t", "\n",
                                           "\r\n", "\f", "\x0B", "\x0E", "\x01", "abcdefghij"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) raw += pieces[pick(rng)];
    ASSERT_EQ(JoinLines(raw), JoinLinesByteByByte(raw)) << round;
  }
  EXPECT_EQ(JoinLines("本年收入合计  \n   2946.25万元\f\n同比增长"), "本年收入合计2946.25万元同比增长");
}

}  // namespace
}  // namespace juesuan::parse
