// The rounding model of REFERENCE §3.0.1, checked on its worked examples.
#include "services/validate/src/tolerance.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace juesuan::validate {
namespace {

// `hundredths` of 万元 printed with two decimals.
PrintedAmount Wan(int64_t hundredths) { return {hundredths * 10'000, 10'000}; }
PrintedPercent Pct(int64_t digits, int32_t scale = 2) { return {digits, scale}; }

struct RatioCase {
  const char* what;
  RatioForm form;
  int64_t x, y;          // hundredths of 万元
  int64_t printed;       // hundredths of a percentage point
  const char* exact;     // 4 decimals
  const char* lo;        // allowed interval, 4 decimals
  const char* hi;
  Verdict verdict;
};

class RatioWorkedExamples : public ::testing::TestWithParam<RatioCase> {};

TEST_P(RatioWorkedExamples, MatchesTheReferenceTable) {
  const RatioCase& c = GetParam();
  const RatioResult r = CheckRatio(c.form, Wan(c.x), Wan(c.y), Pct(c.printed));
  EXPECT_EQ(r.verdict, c.verdict) << c.what;
  ASSERT_TRUE(r.exact_defined);
  EXPECT_EQ(FormatRational(r.exact, 4), c.exact) << c.what;
  EXPECT_EQ(FormatRational(r.allowed_lo, 4), c.lo) << c.what;
  EXPECT_EQ(FormatRational(r.allowed_hi, 4), c.hi) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    Section301, RatioWorkedExamples,
    ::testing::Values(
        RatioCase{"seed 一般公共服务支出", kShareForm, 10686, 12139, 8803, "88.0303", "88.0176", "88.0431", Verdict::kPass},
        RatioCase{"seed 卫生健康支出", kShareForm, 267, 12139, 220, "2.1995", "2.1903", "2.2087", Verdict::kPass},
        RatioCase{"seed 基本支出", kShareForm, 5330, 12139, 4391, "43.9081", "43.8971", "43.9190", Verdict::kPass},
        RatioCase{"seed 公务用车", kShareForm, 80, 80, 10000, "100.0000", "98.7528", "101.2629", Verdict::kPass},
        RatioCase{"Putuo 201类", kShareForm, 210666, 294005, 7173, "71.6539", "71.6486", "71.6592", Verdict::kError},
        RatioCase{"Putuo 住房保障", kShareForm, 2942, 30782, 955, "9.5575", "9.5508", "9.5643", Verdict::kInfo},
        RatioCase{"Urumqi YoY", kGrowthIncreaseForm, 43472, 5821, 1546, "15.4604", "15.4537", "15.4672", Verdict::kPass},
        RatioCase{"Putuo 总计 YoY", kGrowthDecreaseForm, 299539, 5695, 187, "1.8658", "1.8606", "1.8709", Verdict::kPass},
        RatioCase{"Putuo 机关运行经费 YoY", kGrowthIncreaseForm, 18465, 255, 140, "1.4003", "1.3925", "1.4082",
                  Verdict::kPass}),
    [](const ::testing::TestParamInfo<RatioCase>& info) { return "Example" + std::to_string(info.index); });

TEST(RatioTest, ReferenceRoundsTheTinyDenominatorIntervalToTwoDecimals) {
  const RatioResult r = CheckRatio(kShareForm, Wan(80), Wan(80), Pct(10000));
  EXPECT_EQ(FormatRational(r.allowed_lo, 2), "98.75");
  EXPECT_EQ(FormatRational(r.allowed_hi, 2), "101.26");
}

TEST(RatioTest, PutuoErrorIsSevenHundredthsOutside) {
  const RatioResult r = CheckRatio(kShareForm, Wan(210666), Wan(294005), Pct(7173));
  EXPECT_EQ(FormatRational(r.outside_by, 2), "0.07");
}

TEST(RatioTest, ZeroBaseIsUndefined) {
  // 增加0.80万元 on a current 0.80: prior 0.00, its box contains zero.
  EXPECT_EQ(CheckRatio(kGrowthIncreaseForm, Wan(80), Wan(80), Pct(10000)).verdict, Verdict::kUndefined);
  // A zero budget: 差异率 undefined.
  EXPECT_EQ(CheckRatio(kDiffRateForm, Wan(12139), Wan(0), Pct(10000)).verdict, Verdict::kUndefined);
  // Share of a zero total.
  EXPECT_EQ(CheckRatio(kShareForm, Wan(0), Wan(0), Pct(0)).verdict, Verdict::kUndefined);
}

TEST(RatioTest, DiffRateAndPercentPrintedWithoutDecimals) {
  EXPECT_EQ(CheckRatio(kDiffRateForm, Wan(80), Wan(80), Pct(0)).verdict, Verdict::kPass);
  // corpus/001 三公 "完成预算的0%": 0.00 / 0.95.
  EXPECT_EQ(CheckRatio(kShareForm, Wan(0), Wan(95), Pct(0, 0)).verdict, Verdict::kPass);
  // corpus/001 98.20% = 2940.05 / 2993.92.
  EXPECT_EQ(CheckRatio(kShareForm, Wan(294005), Wan(299392), Pct(9820)).verdict, Verdict::kPass);
  // An execution rate "100%" on 121.39 / 121.39.
  EXPECT_EQ(CheckRatio(kShareForm, Wan(12139), Wan(12139), Pct(100, 0)).verdict, Verdict::kPass);
  // 99% printed for 100%: off by far more than one quantum of a 0-decimal print.
  EXPECT_EQ(CheckRatio(kShareForm, Wan(12139), Wan(12139), Pct(98, 0)).verdict, Verdict::kError);
}

SumResult Sum(int64_t total, std::vector<int64_t> parts, bool count_zeros = false) {
  std::vector<SignedTerm> terms;
  for (int64_t p : parts) terms.push_back({Wan(p), 1});
  return CheckSum(Wan(total), terms, count_zeros);
}

TEST(SumTest, ToleranceIsHalfTheNonzeroOperandsInQuanta) {
  const SumResult gps = Sum(10686, {3876, 6809});  // 106.86 vs 106.85
  EXPECT_EQ(gps.verdict, Verdict::kInfo);
  EXPECT_EQ(gps.tolerance, 10'000);
  EXPECT_EQ(FormatWan(gps.residue, gps.quantum), "0.01");
  const SumResult proc = Sum(4952, {3635, 0, 1316});  // n_nz = 3 → 1¢
  EXPECT_EQ(proc.verdict, Verdict::kInfo);
  EXPECT_EQ(proc.nonzero_operands, 3);
  EXPECT_EQ(proc.tolerance, 10'000);
  EXPECT_EQ(Sum(4952, {3635, 0, 1316}, /*count_zeros=*/true).tolerance, 20'000);
  // k = 7 addends + total → 4¢.
  EXPECT_EQ(Sum(12139, {3876, 6809, 500, 250, 252, 16, 436}).tolerance, 40'000);
  EXPECT_EQ(Sum(12139, {3876, 6809, 500, 250, 252, 16, 436}).verdict, Verdict::kPass);
  // Two cents with three nonzero operands: beyond tolerance.
  EXPECT_EQ(Sum(4953, {3635, 0, 1316}).verdict, Verdict::kError);
  EXPECT_EQ(Sum(12139, {12139, 0, 0}).verdict, Verdict::kPass);
}

TEST(SumTest, NegativeTermsAndMixedQuanta) {
  // Roll-forward: 0.00 = 0.00 + 121.39 − 121.39.
  std::vector<SignedTerm> terms = {{Wan(0), 1}, {Wan(12139), 1}, {Wan(12139), -1}};
  EXPECT_EQ(CheckSum(Wan(0), terms, false).verdict, Verdict::kPass);
  // 6.2 (one decimal) = 4.15 + 2.10: residue −0.05 within (0.1 + 0.01 + 0.01)/2.
  std::vector<SignedTerm> mixed = {{Wan(415), 1}, {Wan(210), 1}};
  EXPECT_EQ(CheckSum({6'200'000, 100'000}, mixed, false).verdict, Verdict::kInfo);
}

TEST(SameTest, Ladder) {
  EXPECT_EQ(CheckSame(Wan(12139), Wan(12139), Verdict::kWarning).verdict, Verdict::kPass);
  EXPECT_EQ(CheckSame(Wan(32671), Wan(32672), Verdict::kInfo).verdict, Verdict::kInfo);
  EXPECT_EQ(CheckSame(Wan(32671), Wan(32672), Verdict::kWarning).verdict, Verdict::kWarning);
  EXPECT_EQ(CheckSame(Wan(30), Wan(296168), Verdict::kWarning).verdict, Verdict::kError);
  // 6.2 printed with one decimal and 6.23 with two: the boxes overlap.
  EXPECT_EQ(CheckSame({6'200'000, 100'000}, Wan(623), Verdict::kWarning).verdict, Verdict::kPass);
}

TEST(IneqTest, ViolationNeedsMoreThanOneQuantum) {
  EXPECT_FALSE(ViolatesAtMost(Wan(6809), Wan(6809)));
  EXPECT_FALSE(ViolatesAtMost(Wan(6810), Wan(6809)));
  EXPECT_TRUE(ViolatesAtMost(Wan(6811), Wan(6809)));
  EXPECT_TRUE(ViolatesAtMost(Wan(6809), Wan(0)));
}

TEST(FormatTest, ExactDecimals) {
  EXPECT_EQ(FormatWan(int64_t{121'390'000}, 10'000), "121.39");
  EXPECT_EQ(FormatWan(int64_t{-10'000}, 10'000), "-0.01");
  EXPECT_EQ(FormatWan(int64_t{6'200'000}, 100'000), "6.2");
  EXPECT_EQ(FormatRational({2, 3}, 4), "0.6667");
  EXPECT_EQ(FormatRational({-1, 8}, 2), "-0.13");  // half away from zero
  EXPECT_EQ(FormatRationalFloor({-1, 8}, 2), "-0.13");
  EXPECT_EQ(FormatRationalCeil({1, 8}, 2), "0.13");
}

TEST(RangeTest, BoundsProtectTheArithmetic) {
  EXPECT_TRUE(InRange(Wan(12139)));
  EXPECT_FALSE(InRange(PrintedAmount{INT64_MAX, 10'000}));
  EXPECT_FALSE(InRange(PrintedAmount{100, 0}));
  EXPECT_FALSE(InRange(PrintedPercent{INT64_MAX, 2}));
  EXPECT_FALSE(InRange(PrintedPercent{100, 9}));
  // At the bounds the comparison still works (no overflow).
  const RatioResult r = CheckRatio(kShareForm, {kMaxAbsFen, kMaxQuantumFen}, {kMaxAbsFen, 1}, {kMaxPercentDigits, 6});
  EXPECT_EQ(r.verdict, Verdict::kError);
}

}  // namespace
}  // namespace juesuan::validate
