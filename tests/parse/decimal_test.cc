#include "common/text/decimal.h"

#include "gtest/gtest.h"

namespace juesuan::text {
namespace {

TEST(ParseDecimal, ReadsPrintedAmountsExactly) {
  EXPECT_EQ(*ParseDecimal("121.39"), (DecimalValue{12139, 2}));
  EXPECT_EQ(*ParseDecimal("2,940.05"), (DecimalValue{294005, 2}));
  EXPECT_EQ(*ParseDecimal("6.2"), (DecimalValue{62, 1}));
  EXPECT_EQ(*ParseDecimal("0"), (DecimalValue{0, 0}));
  EXPECT_EQ(*ParseDecimal("-56.95"), (DecimalValue{-5695, 2}));
  EXPECT_EQ(*ParseDecimal("0.083"), (DecimalValue{83, 3}));
}

TEST(ParseDecimal, RejectsMalformedNumbers) {
  for (const char* bad : {"", "-", ".", "1,23.4", "12a", "1.2.3", "1.1234567",
                          "1234567890123456789"}) {
    EXPECT_FALSE(ParseDecimal(bad).ok()) << bad;
  }
}

// Found by fuzz_text: a 65-digit 政府采购 amount overflowed int64 while it
// was read, before its length was checked.
TEST(ParseDecimal, RefusesMoreThanEighteenSignificantDigitsBeforeReadingThem) {
  EXPECT_EQ(*ParseDecimal("999999999999999999"), (DecimalValue{999999999999999999, 0}));
  EXPECT_EQ(*ParseDecimal("0000999999999999.999999"), (DecimalValue{999999999999999999, 6}));
  for (const char* long_number :
       {"1234567890123456789", "99999999999999999999",
        "13999999999999999999999999999999999999999999999999999999999999999.16"}) {
    const auto parsed = ParseDecimal(long_number);
    ASSERT_FALSE(parsed.ok()) << long_number;
    EXPECT_NE(parsed.status().message().find("too many digits"), std::string_view::npos);
  }
}

TEST(ToFen, ConvertsWanYuanAndYuan) {
  EXPECT_EQ(*ToFen(*ParseDecimal("121.39"), MoneyScale::kWanYuan), 121390000);
  EXPECT_EQ(*ToFen(*ParseDecimal("3.58"), MoneyScale::kYuan), 358);
  EXPECT_EQ(QuantumFen(2, MoneyScale::kWanYuan), 10000);
  EXPECT_EQ(QuantumFen(1, MoneyScale::kWanYuan), 100000);
  EXPECT_EQ(QuantumFen(2, MoneyScale::kYuan), 1);
}

// The classic floating-point trap: 38.76+68.09+5.00+2.50+2.52+0.16+4.36 is
// 121.38999999999999 in binary floating point; in integers it is exact.
TEST(ToFen, SumsAreExact) {
  int64_t sum = 0;
  for (const char* s : {"38.76", "68.09", "5.00", "2.50", "2.52", "0.16", "4.36"}) {
    sum += *ToFen(*ParseDecimal(s), MoneyScale::kWanYuan);
  }
  EXPECT_EQ(sum, *ToFen(*ParseDecimal("121.39"), MoneyScale::kWanYuan));
}

TEST(Rescale, RefusesToDropDigits) {
  EXPECT_EQ(*Rescale({5609, 2}, 4), 560900);
  EXPECT_FALSE(Rescale({5609, 2}, 1).ok());
}

TEST(Format, PrintsExactly) {
  EXPECT_EQ(FormatDecimal({12139, 2}), "121.39");
  EXPECT_EQ(FormatDecimal({5, 2}), "0.05");
  EXPECT_EQ(FormatDecimal({-5, 2}), "-0.05");
  EXPECT_EQ(FormatFenAsWan(121390000), "121.39");
  EXPECT_EQ(FormatFenAsWan(5000), "0.01");  // half a quantum rounds away from zero
}

}  // namespace
}  // namespace juesuan::text
