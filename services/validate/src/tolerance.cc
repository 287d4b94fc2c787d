#include "services/validate/src/tolerance.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace juesuan::validate {
namespace {

Int128 AbsValue(Int128 v) { return v < 0 ? -v : v; }

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string Int128ToString(Int128 v) {
  // Fast path: 128-bit division by 10 is a library call per digit.
  if (v >= INT64_MIN && v <= INT64_MAX) return std::to_string(static_cast<int64_t>(v));
  const bool negative = v < 0;
  if (negative) v = -v;
  std::string digits;
  while (v > 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// Writes `scaled` / 10^decimals with a decimal point.
std::string FormatScaled(Int128 scaled, int decimals) {
  const bool negative = scaled < 0;
  std::string digits = Int128ToString(AbsValue(scaled));
  if (decimals > 0) {
    if (static_cast<int>(digits.size()) <= decimals) {
      digits.insert(0, static_cast<size_t>(decimals + 1) - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return negative && scaled != 0 ? "-" + digits : digits;
}

Int128 FloorDiv(Int128 a, Int128 b) {  // b > 0
  Int128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}

Int128 CeilDiv(Int128 a, Int128 b) {  // b > 0
  Int128 q = a / b;
  if ((a % b != 0) && (a > 0)) ++q;
  return q;
}

// p/10^s shifted by k half printing quanta: (2p + k) / (2·10^s).
Rational ShiftedPercent(const PrintedPercent& p, int k) {
  return {2 * static_cast<Int128>(p.digits) + k, 2 * Pow10(p.scale)};
}

}  // namespace

int Compare(const Rational& a, const Rational& b) {
  const Int128 lhs = a.num * b.den;
  const Int128 rhs = b.num * a.den;
  return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

std::string FormatRational(const Rational& r, int decimals) {
  const Int128 scaled = r.num * Pow10(decimals);
  const Int128 rounded = (2 * AbsValue(scaled) + r.den) / (2 * r.den);
  return FormatScaled(scaled < 0 ? -rounded : rounded, decimals);
}

std::string FormatRationalFloor(const Rational& r, int decimals) {
  return FormatScaled(FloorDiv(r.num * Pow10(decimals), r.den), decimals);
}

std::string FormatRationalCeil(const Rational& r, int decimals) {
  return FormatScaled(CeilDiv(r.num * Pow10(decimals), r.den), decimals);
}

bool InRange(const PrintedAmount& a) {
  return a.fen >= -kMaxAbsFen && a.fen <= kMaxAbsFen && a.quantum > 0 &&
         a.quantum <= kMaxQuantumFen;
}

bool InRange(const PrintedPercent& p) {
  return p.digits >= -kMaxPercentDigits && p.digits <= kMaxPercentDigits && p.scale >= 0 &&
         p.scale <= kMaxPercentScale;
}

int DecimalsOfQuantum(int64_t quantum) {
  // The coarsest power of ten dividing the quantum: a derived quantum such as
  // 0.02 万元 (two prints of 0.01) still shows two decimals.
  int64_t unit = 1'000'000;  // 1 万元 in 分
  for (int decimals = 0; decimals <= 6; ++decimals) {
    if (quantum > 0 && quantum % unit == 0) return decimals;
    unit /= 10;
  }
  return 6;
}

std::string FormatWan(Int128 fen, int64_t quantum) {
  const int decimals = DecimalsOfQuantum(quantum);
  return FormatScaled(fen / static_cast<Int128>(Pow10(6 - decimals)), decimals);
}

std::string FormatWan(int64_t fen, int64_t quantum) {
  return FormatWan(static_cast<Int128>(fen), quantum);
}

std::string FormatPercent(const PrintedPercent& p) {
  return FormatScaled(p.digits, p.scale);
}

SumResult CheckSum(const PrintedAmount& total, std::span<const SignedTerm> terms,
                   bool count_zeros) {
  SumResult result;
  Int128 counted_quanta = 0;
  int64_t finest = total.quantum;
  auto count = [&](const PrintedAmount& a) {
    finest = std::min(finest, a.quantum);
    if (count_zeros || a.fen != 0) {
      counted_quanta += a.quantum;
      ++result.nonzero_operands;
    }
  };
  count(total);
  for (const SignedTerm& term : terms) {
    result.expected += static_cast<Int128>(term.sign) * term.amount.fen;
    count(term.amount);
  }
  result.quantum = finest;
  result.residue = static_cast<Int128>(total.fen) - result.expected;
  // Each counted operand is off by at most half its quantum; the residue is a
  // whole number of the finest quantum.
  result.tolerance = (counted_quanta / 2) / finest * finest;
  const Int128 r = AbsValue(result.residue);
  if (r == 0) {
    result.verdict = Verdict::kPass;
  } else if (r <= result.tolerance) {
    result.verdict = Verdict::kInfo;
  } else {
    result.verdict = Verdict::kError;
  }
  return result;
}

SameResult CheckSame(const PrintedAmount& a, const PrintedAmount& b, Verdict one_quantum) {
  SameResult result;
  result.difference = static_cast<Int128>(a.fen) - b.fen;
  result.quantum = std::max(a.quantum, b.quantum);
  const Int128 d = AbsValue(result.difference);
  if (d == 0) return result;
  // Different precisions: the prints agree when their boxes overlap.
  if (a.quantum != b.quantum && 2 * d <= static_cast<Int128>(a.quantum) + b.quantum) return result;
  result.verdict = d <= result.quantum ? one_quantum : Verdict::kError;
  return result;
}

bool ViolatesAtMost(const PrintedAmount& a, const PrintedAmount& b) {
  const Int128 excess = static_cast<Int128>(a.fen) - b.fen;
  return 2 * excess > static_cast<Int128>(a.quantum) + b.quantum;
}

RatioResult CheckRatio(const RatioForm& form, const PrintedAmount& x, const PrintedAmount& y,
                       const PrintedPercent& printed) {
  RatioResult result;
  // Work in half quanta: a corner is 2x̂ ± q.
  auto value_at = [&](Int128 x2, Int128 y2, Rational* out) {
    const Int128 num = form.nx * x2 + form.ny * y2;
    Int128 den = form.dx * x2 + form.dy * y2;
    if (den == 0) return false;
    Int128 n = 100 * num + static_cast<Int128>(form.offset_pp) * den;
    if (den < 0) {
      n = -n;
      den = -den;
    }
    *out = {n, den};
    return true;
  };
  const Int128 x2 = 2 * static_cast<Int128>(x.fen);
  const Int128 y2 = 2 * static_cast<Int128>(y.fen);
  result.exact_defined = value_at(x2, y2, &result.exact);

  std::array<Rational, 4> corners;
  int sign = 0;
  int i = 0;
  for (int sx : {-1, 1}) {
    for (int sy : {-1, 1}) {
      const Int128 cx = x2 + sx * static_cast<Int128>(x.quantum);
      const Int128 cy = y2 + sy * static_cast<Int128>(y.quantum);
      const Int128 den = form.dx * cx + form.dy * cy;
      const int s = den > 0 ? 1 : (den < 0 ? -1 : 0);
      if (s == 0 || (sign != 0 && s != sign)) {
        result.verdict = Verdict::kUndefined;
        return result;
      }
      sign = s;
      value_at(cx, cy, &corners[static_cast<size_t>(i++)]);
    }
  }
  Rational lo = corners[0], hi = corners[0];
  for (const Rational& c : corners) {
    if (Compare(c, lo) < 0) lo = c;
    if (Compare(c, hi) > 0) hi = c;
  }
  // Widen by half the percent's printing quantum h = 1/(2·10^s).
  const Int128 two_pow = 2 * Pow10(printed.scale);
  result.allowed_lo = {lo.num * two_pow - lo.den, lo.den * two_pow};
  result.allowed_hi = {hi.num * two_pow + hi.den, hi.den * two_pow};

  // printed inside [lo − h, hi + h]  ⇔  p − h ≤ hi and lo ≤ p + h.
  auto within = [&](int half_quanta) {
    return Compare(ShiftedPercent(printed, -half_quanta), hi) <= 0 &&
           Compare(lo, ShiftedPercent(printed, half_quanta)) <= 0;
  };
  const Rational p{printed.digits, Pow10(printed.scale)};
  if (Compare(p, result.allowed_hi) > 0) {
    result.outside_by = {p.num * result.allowed_hi.den - result.allowed_hi.num * p.den,
                         p.den * result.allowed_hi.den};
  } else if (Compare(p, result.allowed_lo) < 0) {
    result.outside_by = {result.allowed_lo.num * p.den - p.num * result.allowed_lo.den,
                         p.den * result.allowed_lo.den};
  }
  if (within(1)) {
    result.verdict = Verdict::kPass;
  } else if (within(3)) {
    result.verdict = Verdict::kInfo;
  } else {
    result.verdict = Verdict::kError;
  }
  return result;
}

}  // namespace juesuan::validate
