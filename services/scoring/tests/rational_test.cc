#include "services/scoring/src/rational.h"

#include <limits>

#include "gtest/gtest.h"
#include "services/scoring/src/evidence.h"

namespace juesuan::scoring {
namespace {

TEST(Rational, RoundsHalfAwayFromZero) {
  EXPECT_EQ(Rational::FromDecimal(2675, 3).ToDecimalString(2), "2.68");
  EXPECT_EQ(Rational::FromDecimal(-2675, 3).ToDecimalString(2), "-2.68");
  EXPECT_EQ(Rational::Of(10, 9).ToDecimalString(4), "1.1111");
  EXPECT_EQ(Rational::Of(2, 3).ToDecimalString(2), "0.67");
  EXPECT_EQ(Rational::Of(1, 200).ToDecimalString(2), "0.01");
  EXPECT_EQ(Rational::Of(0).ToDecimalString(2), "0.00");
}

TEST(Rational, ExactSumsOfPrintedAmounts) {
  // 38.76 + 68.09 + 5.00 + 2.50 + 2.52 + 0.16 + 4.36 = 121.39 exactly (REFERENCE §2.1).
  Rational sum;
  for (int64_t fen : {3876, 6809, 500, 250, 252, 16, 436}) sum += Rational::FromDecimal(fen, 2);
  EXPECT_EQ(sum, Rational::FromDecimal(12139, 2));
}

TEST(Rational, DivisionByZeroAndOverflowAreInvalid) {
  EXPECT_FALSE((Rational::Of(1) / Rational::Of(0)).ok());
  Rational big = Rational::Of(std::numeric_limits<int64_t>::max());
  EXPECT_FALSE((big * big).ok());
  EXPECT_FALSE((big * big + Rational::Of(1)).ok());
  EXPECT_FALSE(Rational::Invalid() < Rational::Of(1));
  EXPECT_FALSE(Rational::FromDecimal(1, 19).ok());
  Rational lowest = Rational::Of(std::numeric_limits<int64_t>::min());
  EXPECT_FALSE(lowest.Abs().ok());
  EXPECT_FALSE((Rational::Of(0) - lowest).ok());
}

TEST(Rational, ExactText) {
  EXPECT_EQ(ExactText(Rational::FromDecimal(2930, 2)), "29.3");
  EXPECT_EQ(ExactText(Rational::Of(10, 9)), "10/9");
  EXPECT_EQ(ExactText(Rational::Of(-1, 8)), "-0.125");
}

}  // namespace
}  // namespace juesuan::scoring
