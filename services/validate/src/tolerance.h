// The rounding model of REFERENCE §3.0.1 in exact integer arithmetic.
//
// Every printed amount x̂ is a true amount rounded half-up to its printing
// quantum q, so the true value lies in the box [x̂ − q/2, x̂ + q/2]. The checks
// below decide whether printed values are consistent with some choice of
// true values satisfying the relation, and by how much they miss otherwise.
// Nothing here uses floating point: amounts are int64 分, intermediate
// products are __int128, percentages are exact rationals.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace juesuan::validate {

using Int128 = __int128;

// num / den with den > 0 (not necessarily reduced).
struct Rational {
  Int128 num = 0;
  Int128 den = 1;
};

// −1, 0, +1 by cross-multiplication. Callers keep |num|·den below 2^126 by
// bounding their inputs (kMaxAbsFen, kMaxPercentDigits).
int Compare(const Rational& a, const Rational& b);
// Decimal text rounded half away from zero, e.g. {880303, 10000} -> "88.0303".
std::string FormatRational(const Rational& r, int decimals);
// Rounds outward: floor for lower bounds, ceil for upper bounds.
std::string FormatRationalFloor(const Rational& r, int decimals);
std::string FormatRationalCeil(const Rational& r, int decimals);

// Bounds inside which the arithmetic below cannot overflow.
inline constexpr int64_t kMaxAbsFen = 10'000'000'000'000'000;   // 10^16 分 = 10^10 万元
inline constexpr int64_t kMaxQuantumFen = 1'000'000'000'000;     // 10^12 分
inline constexpr int64_t kMaxPercentDigits = 1'000'000'000'000;  // 10^12
inline constexpr int32_t kMaxPercentScale = 6;

// A printed amount: value and printing quantum, both in 分.
struct PrintedAmount {
  int64_t fen = 0;
  int64_t quantum = 10'000;  // 0.01 万元
};

// A printed percentage: digits / 10^scale percentage points.
struct PrintedPercent {
  int64_t digits = 0;
  int32_t scale = 2;
};

bool InRange(const PrintedAmount& a);
bool InRange(const PrintedPercent& p);

enum class Verdict {
  kPass,          // consistent, nothing to say
  kInfo,          // consistent within rounding / last-digit adjustment
  kWarning,       // one quantum off where equality is expected (SAME ladder)
  kError,         // beyond tolerance
  kUndefined,     // RATIO: the denominator box contains 0
};

// Formats an amount in 分 as 万元 with as many decimals as its quantum shows
// (quantum 10 000 -> 2 decimals, 100 000 -> 1, 1 -> 6).
std::string FormatWan(int64_t fen, int64_t quantum);
std::string FormatWan(Int128 fen, int64_t quantum);
int DecimalsOfQuantum(int64_t quantum);
std::string FormatPercent(const PrintedPercent& p);

// ---- SUM: total = Σ sign·term ------------------------------------------------
struct SignedTerm {
  PrintedAmount amount;
  int sign = +1;
};

struct SumResult {
  Verdict verdict = Verdict::kPass;  // kPass, kInfo or kError
  Int128 expected = 0;               // Σ sign·term in 分
  Int128 residue = 0;                // total − expected in 分
  Int128 tolerance = 0;              // largest accepted |residue| in 分
  int nonzero_operands = 0;
  int64_t quantum = 10'000;          // the finest quantum involved (display)
};

// tol = ⌊Σ_{counted operands} qᵢ / 2⌋ rounded down to whole finest quanta;
// with a uniform quantum this is ⌊n_nz/2⌋·q. Operands printed as 0 are
// counted only when `count_zeros`.
SumResult CheckSum(const PrintedAmount& total, std::span<const SignedTerm> terms,
                   bool count_zeros);

// ---- SAME: the same quantity printed twice ------------------------------------
struct SameResult {
  Verdict verdict = Verdict::kPass;  // kPass, `one_quantum`, or kError
  Int128 difference = 0;             // a − b in 分
  int64_t quantum = 10'000;
};

// Exact equality; a difference of exactly one (coarser) quantum yields
// `one_quantum` (warning for narrative↔table, info for table↔table). Prints
// of different precision pass when the finer lies inside the coarser's box.
SameResult CheckSame(const PrintedAmount& a, const PrintedAmount& b, Verdict one_quantum);

// ---- INEQ: a ≤ b ---------------------------------------------------------------
// Violated only when â − b̂ exceeds the two half-quanta (one quantum when uniform).
bool ViolatesAtMost(const PrintedAmount& a, const PrintedAmount& b);

// ---- RATIO ------------------------------------------------------------------------
// f(x, y) = 100 · (nx·x + ny·y) / (dx·x + dy·y) + offset_pp, with small
// integer coefficients. Every share, growth rate, 差异率 and completion rate
// has this form, and such a function is monotone in each variable wherever
// the denominator keeps its sign, so its range over a box is spanned by the
// box's corners.
struct RatioForm {
  int nx = 1, ny = 0;
  int dx = 0, dy = 1;
  int offset_pp = 0;
};

inline constexpr RatioForm kShareForm{1, 0, 0, 1, 0};       // x / y
// Growth on current C (= x) and delta D (= y): D / (C − D) or D / (C + D).
inline constexpr RatioForm kGrowthIncreaseForm{0, 1, 1, -1, 0};
inline constexpr RatioForm kGrowthDecreaseForm{0, 1, 1, 1, 0};
// 预决算差异率 on final F (= x) and budget B (= y): (F − B) / B.
inline constexpr RatioForm kDiffRateForm{1, -1, 0, 1, 0};

struct RatioResult {
  Verdict verdict = Verdict::kPass;  // kPass, kInfo, kError or kUndefined
  Rational exact;                    // f at the printed values (if defined)
  bool exact_defined = false;
  Rational allowed_lo, allowed_hi;   // corner range widened by half a printing quantum
  Rational outside_by;               // distance of the printed value from the interval
};

RatioResult CheckRatio(const RatioForm& form, const PrintedAmount& x, const PrintedAmount& y,
                       const PrintedPercent& printed);

}  // namespace juesuan::validate
