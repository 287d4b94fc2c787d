#include "common/text/decimal.h"

#include <cstdlib>
#include <limits>

#include "absl/strings/str_cat.h"
#include "fmt/format.h"

namespace juesuan::text {
namespace {

constexpr int kMaxFractionDigits = 6;
constexpr int kMaxSignificantDigits = 18;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// |v| without overflow for INT64_MIN.
uint64_t Magnitude(int64_t v) {
  return v < 0 ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
}

absl::Status Malformed(std::string_view printed, std::string_view why) {
  return absl::InvalidArgumentError(
      fmt::format("not a decimal number \"{}\": {}", printed, why));
}

// Thousands separators must separate groups of exactly three digits.
bool ValidGrouping(std::string_view integer_part) {
  size_t first_comma = integer_part.find(',');
  if (first_comma == std::string_view::npos) return true;
  if (first_comma == 0 || first_comma > 3) return false;
  size_t pos = first_comma;
  while (pos < integer_part.size()) {
    if (integer_part[pos] != ',') return false;
    if (pos + 4 > integer_part.size()) return false;
    for (size_t i = pos + 1; i < pos + 4; ++i) {
      if (!IsDigit(integer_part[i])) return false;
    }
    pos += 4;
  }
  return true;
}

}  // namespace

absl::StatusOr<DecimalValue> ParseDecimal(std::string_view printed) {
  std::string_view s = printed;
  if (s.empty()) return Malformed(printed, "empty");
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const size_t dot = s.find('.');
  std::string_view integer_part = s.substr(0, dot);
  std::string_view fraction_part =
      dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (integer_part.empty() && fraction_part.empty()) {
    return Malformed(printed, "no digits");
  }
  if (!ValidGrouping(integer_part)) {
    return Malformed(printed, "misplaced thousands separator");
  }
  if (fraction_part.size() > kMaxFractionDigits) {
    return Malformed(printed, "too many decimals");
  }
  DecimalValue out;
  int significant = 0;
  // A digit is counted before it is added: 18 significant digits fit in
  // int64, more could overflow it.
  auto append = [&](char c) -> absl::Status {
    if (!IsDigit(c)) return Malformed(printed, "unexpected character");
    if (significant > 0 || c != '0') ++significant;
    if (significant > kMaxSignificantDigits) return Malformed(printed, "too many digits");
    out.digits = out.digits * 10 + (c - '0');
    return absl::OkStatus();
  };
  for (char c : integer_part) {
    if (c == ',') continue;
    if (absl::Status appended = append(c); !appended.ok()) return appended;
  }
  for (char c : fraction_part) {
    if (absl::Status appended = append(c); !appended.ok()) return appended;
  }
  out.scale = static_cast<int32_t>(fraction_part.size());
  if (negative) out.digits = -out.digits;
  return out;
}

absl::StatusOr<int64_t> Rescale(const DecimalValue& value, int32_t scale) {
  __int128 digits = value.digits;
  int32_t from = value.scale;
  while (from < scale) {
    digits *= 10;
    ++from;
  }
  while (from > scale) {
    if (digits % 10 != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          FormatDecimal(value), " has more than ", scale, " decimals"));
    }
    digits /= 10;
    --from;
  }
  if (digits > std::numeric_limits<int64_t>::max() ||
      digits < std::numeric_limits<int64_t>::min()) {
    return absl::OutOfRangeError(
        absl::StrCat(FormatDecimal(value), " is out of range"));
  }
  return static_cast<int64_t>(digits);
}

absl::StatusOr<int64_t> ToFen(const DecimalValue& value, MoneyScale unit) {
  // 万元 -> 分 is ×10^6; 元 -> 分 is ×10^2. Rescale to that many decimals.
  const int32_t fen_decimals = unit == MoneyScale::kWanYuan ? 6 : 2;
  return Rescale(value, fen_decimals);
}

int64_t QuantumFen(int32_t scale, MoneyScale unit) {
  int64_t quantum = unit == MoneyScale::kWanYuan ? 1000000 : 100;
  for (int32_t i = 0; i < scale && quantum > 1; ++i) quantum /= 10;
  return quantum;
}

std::string FormatDecimal(const DecimalValue& value) {
  const bool negative = value.digits < 0;
  std::string digits = absl::StrCat(Magnitude(value.digits));
  if (value.scale > 0) {
    if (digits.size() <= static_cast<size_t>(value.scale)) {
      digits.insert(0, value.scale - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - value.scale, ".");
  }
  return negative ? "-" + digits : digits;
}

std::string FormatFenAsWan(int64_t fen) {
  // One hundredth of 万元 is 10,000 分; round half away from zero.
  const bool negative = fen < 0;
  const uint64_t hundredths = (Magnitude(fen) + 5000) / 10000;
  DecimalValue v{static_cast<int64_t>(hundredths), 2};
  std::string s = FormatDecimal(v);
  return negative && hundredths != 0 ? "-" + s : s;
}

}  // namespace juesuan::text
