#include "common/text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

#include "common/text/normalize.h"
#include "common/text/search.h"
#include "gtest/gtest.h"

namespace juesuan::text {
namespace {

std::string ToGb18030(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  out.resize(n);
  return out;
}

TEST(Decode, Utf8PassesThrough) {
  auto d = DecodeToUtf8("收入总计121.39万元");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "收入总计121.39万元");
  EXPECT_EQ(d->encoding, SourceEncoding::kUtf8);
}

TEST(Decode, Utf8BomIsDropped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBF决算");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "决算");
}

TEST(Decode, Gb18030IsConverted) {
  const std::string gb = ToGb18030("部门决算公开说明");
  ASSERT_NE(gb, "部门决算公开说明");
  auto d = DecodeToUtf8(gb);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->utf8, "部门决算公开说明");
  EXPECT_EQ(d->encoding, SourceEncoding::kGb18030);
}

TEST(Decode, InvalidBytesAreRefusedWithTheirOffset) {
  auto d = DecodeToUtf8(std::string("决算\x80\xFF\xFE", 9));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("offset 6"), absl::string_view::npos) << d.status();
}

TEST(Normalize, FoldsFullWidthAndMapsBack) {
  const std::string original = "收入１２３．４５万元，占５０％";
  NormalizedText n(original);
  EXPECT_EQ(n.text(), "收入123.45万元,占50%");
  const size_t digits = n.text().find("123.45");
  EXPECT_EQ(original.substr(n.ToOriginal(digits), n.ToOriginal(digits + 6) - n.ToOriginal(digits)),
            "１２３．４５");
}

TEST(Normalize, DropsSpacesBetweenCjkButKeepsLatinSpacing) {
  NormalizedText n("本 年 收 入 合 计 2946.25 万 元 and Word Text");
  EXPECT_EQ(n.text(), "本年收入合计2946.25万元and Word Text");
}

// The three-byte fast path must still refuse what U8_NEXT refuses: overlong
// forms (E0 80..9F), surrogates (ED A0..BF), a missing continuation byte, a
// sequence cut off at the end.
TEST(Utf8, RefusesOverlongSurrogatesAndTruncatedSequences) {
  size_t at = 0;
  EXPECT_TRUE(IsValidUtf8("决算 2024 \xE0\xA4\x85 \xED\x9F\xBF \xEF\xBF\xBD", &at));
  struct Bad { std::string bytes; size_t offset; };
  const Bad cases[] = {
      {"ab\xE0\x80\x80", 2},   // overlong U+0000
      {"决\xED\xA0\x80", 3},   // surrogate U+D800
      {"\xE5\xB9x", 0},         // second continuation byte missing
      {"决算\xE5\xB9", 6},      // cut off
      {"\xC0\xAF", 0},          // overlong '/'
  };
  for (const Bad& bad : cases) {
    at = 99;
    EXPECT_FALSE(IsValidUtf8(bad.bytes, &at)) << bad.bytes;
    EXPECT_EQ(at, bad.offset) << bad.bytes;
  }
}

// The fast paths (ASCII, runs of three-byte characters read four
// bytes at a time) against ICU's U8_NEXT on random mixes of valid characters
// and stray bytes, at every position of long runs.
TEST(Utf8, FastPathsAgreeWithU8NextOnRandomBytes) {
  const std::vector<std::string> pieces = {
      "决", "算", "a", "2024 ", "abcdefgh", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xEF\xBF\xBD",
      "é", "\xF0\xA0\x80\x80",
      // stray or broken bytes
      "\x80", "\xE5\xB9", "\xE5", "\xED\xA0\x80", "\xE0\x80\x80", "\xC0\xAF", "\xFF"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> valid_only(0, 3);
  for (int round = 0; round < 20000; ++round) {
    std::string bytes;
    const bool clean = valid_only(rng) == 0;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) {
      const size_t p = pick(rng);
      if (clean && p >= 10) continue;
      bytes += pieces[p];
    }
    size_t expected_at = 0;
    bool expected_ok = true;
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    for (int32_t i = 0, len = static_cast<int32_t>(bytes.size()); i < len;) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, len, c);
      if (c < 0) {
        expected_ok = false;
        expected_at = static_cast<size_t>(start);
        break;
      }
    }
    size_t at = 12345;
    ASSERT_EQ(IsValidUtf8(bytes, &at), expected_ok) << round;
    if (!expected_ok) ASSERT_EQ(at, expected_at) << round;
  }
}

TEST(Search, FindsCjkWordsWhereStringFindDoes) {
  const std::string text = "年初预算数为121.39万元，决算数为121.39万元，完成年初预算的100%。年";
  for (std::string_view needle : {"年", "万元", "决算数", "100%", "。年", "年初预算的100%", "x", "", "元元"}) {
    for (size_t from : {size_t{0}, size_t{3}, size_t{20}, text.size() - 3, text.size(), text.size() + 1}) {
      EXPECT_EQ(Find(text, needle, from), text.find(needle, from)) << needle << " from " << from;
    }
  }
  EXPECT_TRUE(Contains(text, "完成年初预算"));
  EXPECT_FALSE(Contains(text, "完成年初决算"));
}

}  // namespace
}  // namespace juesuan::text
