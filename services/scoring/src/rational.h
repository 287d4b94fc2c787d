// Exact rational arithmetic for scores, weights and rates.
//
// Values are int64 fractions kept in lowest terms; every operation works in
// __int128 and checks for overflow. An overflowing operation yields an
// invalid value (den == 0) that stays invalid through later operations, so
// callers check ok() once at the end of a computation instead of after every
// step. Comparisons involving an invalid value are false.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::scoring {

class Rational {
 public:
  constexpr Rational() : num_(0), den_(1) {}
  static Rational Of(int64_t num, int64_t den = 1);
  static Rational Invalid() { Rational r; r.den_ = 0; return r; }
  // digits / 10^scale; invalid when scale is outside [0, 18].
  static Rational FromDecimal(int64_t digits, int32_t scale);
  static Rational FromDecimal(const report::v1::Decimal& d) {
    return FromDecimal(d.digits(), d.scale());
  }

  bool ok() const { return den_ != 0; }
  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  bool is_zero() const { return ok() && num_ == 0; }
  bool is_negative() const { return ok() && num_ < 0; }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // b == 0 → invalid
  Rational& operator+=(const Rational& b) { return *this = *this + b; }

  friend bool operator<(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b);
  friend bool operator<=(const Rational& a, const Rational& b) { return a < b || a == b; }
  friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
  friend bool operator>=(const Rational& a, const Rational& b) { return b <= a; }
  friend bool operator!=(const Rational& a, const Rational& b) {
    return a.ok() && b.ok() && !(a == b);
  }

  Rational Abs() const;

  // Rounds half away from zero (四舍五入) to a multiple of 10^-decimals.
  Rational RoundHalfUp(int32_t decimals) const;
  // "num/den" (or "num" when den == 1); "invalid" when !ok().
  std::string ToFractionString() const;
  // Decimal text rounded half-up to `decimals` places, e.g. "111.11".
  std::string ToDecimalString(int32_t decimals) const;
  // The value rounded to `decimals` places as a report Decimal.
  report::v1::Decimal ToDecimal(int32_t decimals) const;

 private:
  static Rational FromWide(__int128 num, __int128 den);
  int64_t num_;
  int64_t den_;
};

inline Rational Min(const Rational& a, const Rational& b) { return b < a ? b : a; }
inline Rational Max(const Rational& a, const Rational& b) { return a < b ? b : a; }

// Exact text of a printed Decimal, e.g. {2930, 2} -> "29.30".
std::string DecimalText(const report::v1::Decimal& d);

}  // namespace juesuan::scoring
