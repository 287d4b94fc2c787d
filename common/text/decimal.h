// Exact decimal numbers parsed straight from their printed digits.
//
// Money, percentages, weights and scores are never converted through
// floating point: "121.39" becomes the integer 12139 with scale 2.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace juesuan::text {

// value = digits / 10^scale
struct DecimalValue {
  int64_t digits = 0;
  int32_t scale = 0;

  friend bool operator==(const DecimalValue&, const DecimalValue&) = default;
};

// Parses an ASCII decimal such as "121.39", "-6.2", "2,940.05", "+3", ".5".
// Thousands separators are accepted only in groups of three. At most 6
// fractional digits and 18 significant digits; anything else is an error
// naming the offending text.
absl::StatusOr<DecimalValue> ParseDecimal(std::string_view printed);

// Rescales to `scale` decimals; fails if digits would be lost or overflow.
absl::StatusOr<int64_t> Rescale(const DecimalValue& value, int32_t scale);

// Money: the printed number in the given unit, converted to 分 (0.01 元).
// 1 万元 = 1,000,000 分; 1 元 = 100 分.
enum class MoneyScale { kWanYuan, kYuan };
absl::StatusOr<int64_t> ToFen(const DecimalValue& value, MoneyScale unit);
// The value of one unit in the last printed digit, in 分.
int64_t QuantumFen(int32_t scale, MoneyScale unit);

// Formats digits/10^scale exactly, e.g. {12139, 2} -> "121.39".
std::string FormatDecimal(const DecimalValue& value);
// Formats an amount in 分 as 万元 with two decimals (half away from zero when
// the amount has finer digits), e.g. 121390000 -> "121.39".
std::string FormatFenAsWan(int64_t fen);

}  // namespace juesuan::text
