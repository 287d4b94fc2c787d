#include "services/scoring/src/rational.h"

#include <limits>
#include <numeric>

#include "fmt/format.h"

namespace juesuan::scoring {
namespace {

using i128 = __int128;

i128 Gcd(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool FitsInt64(i128 v) {
  return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

i128 Pow10(int32_t n) {
  i128 p = 1;
  for (int32_t i = 0; i < n; ++i) p *= 10;
  return p;
}

// Decimal digits of a non-negative value.
std::string Int128Text(i128 v) {
  if (v <= std::numeric_limits<int64_t>::max()) return std::to_string(static_cast<int64_t>(v));
  char buffer[48];
  size_t pos = sizeof(buffer);
  do {
    buffer[--pos] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  return std::string(buffer + pos, sizeof(buffer) - pos);
}

// Rounds num/den (den > 0) half away from zero to an integer.
i128 RoundToInteger(i128 num, i128 den) {
  i128 magnitude = num < 0 ? -num : num;
  i128 q = (2 * magnitude + den) / (2 * den);
  return num < 0 ? -q : q;
}

}  // namespace

Rational Rational::FromWide(i128 num, i128 den) {
  if (den == 0) return Invalid();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  if (den == 1 && FitsInt64(num)) {
    Rational r;
    r.num_ = static_cast<int64_t>(num);
    return r;
  }
  if (FitsInt64(num) && FitsInt64(den) && num != std::numeric_limits<int64_t>::min()) {
    // Common case: 64-bit gcd is much cheaper than the 128-bit one.
    int64_t n = static_cast<int64_t>(num);
    int64_t d = static_cast<int64_t>(den);
    int64_t g = std::gcd(n, d);
    Rational r;
    r.num_ = g > 1 ? n / g : n;
    r.den_ = g > 1 ? d / g : d;
    return r;
  }
  i128 g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (!FitsInt64(num) || !FitsInt64(den)) return Invalid();
  Rational r;
  r.num_ = static_cast<int64_t>(num);
  r.den_ = static_cast<int64_t>(den);
  return r;
}

Rational Rational::Of(int64_t num, int64_t den) { return FromWide(num, den); }

Rational Rational::FromDecimal(int64_t digits, int32_t scale) {
  if (scale < 0 || scale > 18) return Invalid();
  return FromWide(digits, Pow10(scale));
}

Rational operator+(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok()) return Rational::Invalid();
  i128 left = static_cast<i128>(a.num_) * b.den_;
  i128 right = static_cast<i128>(b.num_) * a.den_;
  i128 sum;
  if (__builtin_add_overflow(left, right, &sum)) return Rational::Invalid();
  return Rational::FromWide(sum, static_cast<i128>(a.den_) * b.den_);
}

Rational operator-(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok()) return Rational::Invalid();
  i128 left = static_cast<i128>(a.num_) * b.den_;
  i128 right = static_cast<i128>(b.num_) * a.den_;
  i128 difference;
  if (__builtin_sub_overflow(left, right, &difference)) return Rational::Invalid();
  return Rational::FromWide(difference, static_cast<i128>(a.den_) * b.den_);
}

Rational Rational::Abs() const {
  if (!is_negative()) return *this;
  return FromWide(-static_cast<i128>(num_), den_);
}

Rational operator*(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok()) return Rational::Invalid();
  return Rational::FromWide(static_cast<i128>(a.num_) * b.num_,
                            static_cast<i128>(a.den_) * b.den_);
}

Rational operator/(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok() || b.num_ == 0) return Rational::Invalid();
  return Rational::FromWide(static_cast<i128>(a.num_) * b.den_,
                            static_cast<i128>(a.den_) * b.num_);
}

bool operator<(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok()) return false;
  return static_cast<i128>(a.num_) * b.den_ < static_cast<i128>(b.num_) * a.den_;
}

bool operator==(const Rational& a, const Rational& b) {
  if (!a.ok() || !b.ok()) return false;
  return a.num_ == b.num_ && a.den_ == b.den_;  // both in lowest terms
}

Rational Rational::RoundHalfUp(int32_t decimals) const {
  if (!ok() || decimals < 0 || decimals > 18) return Invalid();
  i128 scale = Pow10(decimals);
  i128 scaled;
  if (__builtin_mul_overflow(static_cast<i128>(num_), scale, &scaled)) return Invalid();
  return FromWide(RoundToInteger(scaled, den_), scale);
}

std::string Rational::ToFractionString() const {
  if (!ok()) return "invalid";
  if (den_ == 1) return fmt::format("{}", num_);
  return fmt::format("{}/{}", num_, den_);
}

namespace {

// "units / 10^decimals" as text, e.g. (11111, 2) -> "111.11".
std::string FixedPointText(i128 units, int32_t decimals) {
  const bool negative = units < 0;
  std::string digits = Int128Text(negative ? -units : units);
  const size_t places = static_cast<size_t>(decimals);
  std::string out;
  out.reserve(digits.size() + places + 3);
  if (negative) out.push_back('-');
  if (digits.size() <= places) {
    out.append("0.");
    out.append(places - digits.size(), '0');
    out.append(digits);
    return out;
  }
  out.append(digits, 0, digits.size() - places);
  if (places > 0) {
    out.push_back('.');
    out.append(digits, digits.size() - places, places);
  }
  return out;
}

}  // namespace

std::string Rational::ToDecimalString(int32_t decimals) const {
  if (!ok() || decimals < 0 || decimals > 18) return "invalid";
  i128 scaled;
  if (__builtin_mul_overflow(static_cast<i128>(num_), Pow10(decimals), &scaled)) return "invalid";
  return FixedPointText(RoundToInteger(scaled, den_), decimals);
}

report::v1::Decimal Rational::ToDecimal(int32_t decimals) const {
  report::v1::Decimal out;
  Rational rounded = RoundHalfUp(decimals);
  if (!rounded.ok()) return out;
  i128 units = static_cast<i128>(rounded.num_) * (Pow10(decimals) / rounded.den_);
  if (!FitsInt64(units)) return out;
  out.set_digits(static_cast<int64_t>(units));
  out.set_scale(decimals);
  return out;
}

std::string DecimalText(const report::v1::Decimal& d) {
  if (d.scale() < 0 || d.scale() > 18) return "invalid";
  return FixedPointText(d.digits(), d.scale());
}

}  // namespace juesuan::scoring
