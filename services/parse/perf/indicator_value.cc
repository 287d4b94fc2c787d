#include "services/parse/perf/indicator_value.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "common/text/decimal.h"
#include "common/text/normalize.h"

namespace juesuan::parse {
namespace {

using report::v1::IndicatorOp;
using report::v1::IndicatorValue;

// Units longer than this (in code points) are not units but prose.
constexpr int kMaxUnitCodePoints = 6;

struct OperatorForm {
  std::string_view text;  // folded form
  IndicatorOp op;
  bool is_word;  // word forms only count when a number/date follows
};

// Longest forms first: the first prefix that matches wins.
constexpr std::array<OperatorForm, 32> kOperatorForms = {{
    {"大于或等于", report::v1::INDICATOR_OP_GE, true},
    {"小于或等于", report::v1::INDICATOR_OP_LE, true},
    {"大于等于", report::v1::INDICATOR_OP_GE, true},
    {"小于等于", report::v1::INDICATOR_OP_LE, true},
    {"不低于", report::v1::INDICATOR_OP_GE, true},
    {"不少于", report::v1::INDICATOR_OP_GE, true},
    {"不小于", report::v1::INDICATOR_OP_GE, true},
    {"不高于", report::v1::INDICATOR_OP_LE, true},
    {"不超过", report::v1::INDICATOR_OP_LE, true},
    {"不多于", report::v1::INDICATOR_OP_LE, true},
    {"不大于", report::v1::INDICATOR_OP_LE, true},
    {"等于", report::v1::INDICATOR_OP_EQ, true},
    {"大于", report::v1::INDICATOR_OP_GT, true},
    {"高于", report::v1::INDICATOR_OP_GT, true},
    {"超过", report::v1::INDICATOR_OP_GT, true},
    {"多于", report::v1::INDICATOR_OP_GT, true},
    {"小于", report::v1::INDICATOR_OP_LT, true},
    {"低于", report::v1::INDICATOR_OP_LT, true},
    {"少于", report::v1::INDICATOR_OP_LT, true},
    {">=", report::v1::INDICATOR_OP_GE, false},
    {"=>", report::v1::INDICATOR_OP_GE, false},
    {"<=", report::v1::INDICATOR_OP_LE, false},
    {"=<", report::v1::INDICATOR_OP_LE, false},
    {"≥", report::v1::INDICATOR_OP_GE, false},
    {"≧", report::v1::INDICATOR_OP_GE, false},
    {"⩾", report::v1::INDICATOR_OP_GE, false},
    {"≤", report::v1::INDICATOR_OP_LE, false},
    {"≦", report::v1::INDICATOR_OP_LE, false},
    {"⩽", report::v1::INDICATOR_OP_LE, false},
    {"=", report::v1::INDICATOR_OP_EQ, false},
    {">", report::v1::INDICATOR_OP_GT, false},
    {"<", report::v1::INDICATOR_OP_LT, false},
}};

// Words after a number that bound it ("105期以上") or only qualify it.
struct BoundSuffix {
  std::string_view text;
  IndicatorOp op;  // UNSPECIFIED: the suffix is dropped without meaning
};
constexpr std::array<BoundSuffix, 8> kBoundSuffixes = {{
    {"及以上", report::v1::INDICATOR_OP_GE},
    {"以上", report::v1::INDICATOR_OP_GE},
    {"及以下", report::v1::INDICATOR_OP_LE},
    {"以下", report::v1::INDICATOR_OP_LE},
    {"以内", report::v1::INDICATOR_OP_LE},
    {"(含)", report::v1::INDICATOR_OP_UNSPECIFIED},
    {"左右", report::v1::INDICATOR_OP_UNSPECIFIED},
    {"内", report::v1::INDICATOR_OP_LE},
}};

// Qualifiers that turn a date into a deadline.
constexpr std::array<std::string_view, 5> kDeadlineQualifiers = {"以前", "之前", "前", "以内",
                                                                 "内"};

constexpr std::array<std::string_view, 9> kBlankMarks = {"",  "—",  "——", "-", "--",
                                                         "/", "\\", "―",  "─"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view TrimAscii(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const size_t last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

int CountCodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Reads up to `max_digits` ASCII digits; returns the count read.
int ReadDigits(std::string_view s, size_t pos, int max_digits, int* value) {
  int n = 0;
  *value = 0;
  while (pos + n < s.size() && n < max_digits && IsDigit(s[pos + n])) {
    *value = *value * 10 + (s[pos + n] - '0');
    ++n;
  }
  return n;
}

// The bytes an operator form can begin with: a value that begins otherwise
// (most begin with a digit) is not compared with every form.
constexpr std::array<bool, 256> kOperatorLeadBytes = [] {
  std::array<bool, 256> lead{};
  for (const OperatorForm& form : kOperatorForms) lead[static_cast<unsigned char>(form.text[0])] = true;
  return lead;
}();

std::pair<IndicatorOp, std::string_view> TakeOperator(std::string_view s, bool* is_word) {
  if (s.empty() || !kOperatorLeadBytes[static_cast<unsigned char>(s[0])]) {
    *is_word = false;
    return {report::v1::INDICATOR_OP_UNSPECIFIED, s};
  }
  for (const OperatorForm& form : kOperatorForms) {
    if (StartsWith(s, form.text)) {
      *is_word = form.is_word;
      return {form.op, TrimAscii(s.substr(form.text.size()))};
    }
  }
  *is_word = false;
  return {report::v1::INDICATOR_OP_UNSPECIFIED, s};
}

struct DateParse {
  report::v1::Date date;
  std::string_view rest;
};

// "2024年12月10日", "2024年12月", "2024年底", "12月10日", "2024.12.10",
// "2024-12-10". Years outside 1900..2100 are not dates ("3年" is a count).
bool ParseDate(std::string_view s, DateParse* out) {
  int year = 0, month = 0, day = 0;
  size_t pos = 0;
  const int year_digits = ReadDigits(s, 0, 4, &year);
  auto finish = [&](size_t end) {
    out->date.set_year(year);
    out->date.set_month(month);
    out->date.set_day(day);
    out->rest = TrimAscii(s.substr(end));
    return month <= 12 && day <= 31;
  };
  if (year_digits == 4 && year >= 1900 && year <= 2100) {
    pos = 4;
    const char sep = pos < s.size() ? s[pos] : '\0';
    if (sep == '.' || sep == '-' || sep == '/') {
      const int m = ReadDigits(s, pos + 1, 2, &month);
      if (m == 0 || pos + 1 + m >= s.size() || s[pos + 1 + m] != sep) return false;
      const int d = ReadDigits(s, pos + 2 + m, 2, &day);
      if (d == 0 || month == 0 || day == 0) return false;
      return finish(pos + 2 + m + d);
    }
    if (!StartsWith(s.substr(pos), "年")) return false;
    pos += std::string_view("年").size();
    for (std::string_view year_end : {"底", "末"}) {
      // "2024年底前": the last day of the year.
      if (StartsWith(s.substr(pos), year_end)) {
        month = 12;
        day = 31;
        return finish(pos + year_end.size());
      }
    }
  } else if (year_digits > 0) {
    year = 0;  // "12月10日前": a date without its year
    pos = 0;
  } else {
    return false;
  }
  const int m = ReadDigits(s, pos, 2, &month);
  if (m == 0 || !StartsWith(s.substr(pos + m), "月")) {
    if (year == 0) return false;  // bare number, not a date
    month = 0;
    return finish(pos);
  }
  pos += m + std::string_view("月").size();
  const int d = ReadDigits(s, pos, 2, &day);
  if (d > 0 && (StartsWith(s.substr(pos + d), "日") || StartsWith(s.substr(pos + d), "号"))) {
    pos += d + std::string_view("日").size();
  } else {
    day = 0;
  }
  if (month == 0) return false;
  return finish(pos);
}

// The longest prefix of `s` that reads as a decimal number.
std::string_view NumberPrefix(std::string_view s) {
  size_t end = 0;
  if (end < s.size() && s[end] == '+') ++end;
  bool digits = false, dot = false;
  while (end < s.size()) {
    const char c = s[end];
    if (IsDigit(c)) {
      digits = true;
    } else if (c == ',' && digits && !dot && end + 1 < s.size() && IsDigit(s[end + 1])) {
    } else if (c == '.' && !dot && end + 1 < s.size() && IsDigit(s[end + 1])) {
      dot = true;
    } else {
      break;
    }
    ++end;
  }
  return digits ? s.substr(0, end) : std::string_view();
}

bool LooksLikeUnit(std::string_view unit) {
  if (CountCodePoints(unit) > kMaxUnitCodePoints) return false;
  for (char c : unit) {
    if (IsDigit(c) || c == ',' || c == ';' || c == ':' || c == ' ') return false;
  }
  return unit.find("。") == std::string_view::npos && unit.find("、") == std::string_view::npos;
}

void SetQualitative(IndicatorValue* v) {
  v->clear_number();
  v->clear_unit();
  v->clear_date();
  v->clear_date_qualifier();
  v->set_kind(report::v1::INDICATOR_VALUE_KIND_QUALITATIVE);
}

bool TryDate(std::string_view rest, IndicatorOp op, IndicatorValue* v) {
  DateParse parsed;
  if (!ParseDate(rest, &parsed)) return false;
  *v->mutable_date() = parsed.date;
  for (std::string_view q : kDeadlineQualifiers) {
    if (StartsWith(parsed.rest, q)) {
      v->set_kind(report::v1::INDICATOR_VALUE_KIND_DEADLINE);
      v->set_date_qualifier(std::string(q));
      return true;
    }
  }
  const bool bounded_above = op == report::v1::INDICATOR_OP_LE || op == report::v1::INDICATOR_OP_LT;
  v->set_kind(bounded_above ? report::v1::INDICATOR_VALUE_KIND_DEADLINE
                            : report::v1::INDICATOR_VALUE_KIND_DATE);
  return true;
}

bool TryQuantity(std::string_view rest, IndicatorValue* v) {
  const std::string_view number = NumberPrefix(rest);
  if (number.empty()) return false;
  auto parsed = text::ParseDecimal(number);
  if (!parsed.ok()) return false;
  std::string_view unit = TrimAscii(rest.substr(number.size()));
  IndicatorOp suffix_op = report::v1::INDICATOR_OP_UNSPECIFIED;
  for (const BoundSuffix& suffix : kBoundSuffixes) {
    if (EndsWith(unit, suffix.text)) {
      unit = TrimAscii(unit.substr(0, unit.size() - suffix.text.size()));
      suffix_op = suffix.op;
      break;
    }
  }
  if (!LooksLikeUnit(unit)) return false;
  if (v->op() == report::v1::INDICATOR_OP_UNSPECIFIED) v->set_op(suffix_op);
  v->mutable_number()->set_digits(parsed->digits);
  v->mutable_number()->set_scale(parsed->scale);
  v->set_unit(std::string(unit));
  v->set_kind(report::v1::INDICATOR_VALUE_KIND_QUANTITATIVE);
  return true;
}

}  // namespace

bool IsBlankMark(std::string_view folded) {
  const std::string_view s = TrimAscii(folded);
  for (std::string_view mark : kBlankMarks) {
    if (s == mark) return true;
  }
  return false;
}

IndicatorValue ParseIndicatorValue(std::string_view raw) {
  IndicatorValue v;
  v.set_raw(std::string(raw));
  const std::string folded = text::NormalizeForMatching(raw);
  const std::string_view s = TrimAscii(folded);
  if (IsBlankMark(s)) {
    v.set_kind(report::v1::INDICATOR_VALUE_KIND_BLANK);
    return v;
  }
  bool word_operator = false;
  const auto [op, rest] = TakeOperator(s, &word_operator);
  v.set_op(op);
  if (op != report::v1::INDICATOR_OP_UNSPECIFIED && rest.empty()) {
    return v;  // an operator alone (a 指标性质 cell): kind stays unspecified
  }
  if (TryDate(rest, op, &v) || TryQuantity(rest, &v)) return v;
  // Prose. A word operator was part of the prose ("高于预期"); a symbol
  // operator is kept ("=达标").
  if (word_operator) v.set_op(report::v1::INDICATOR_OP_UNSPECIFIED);
  SetQualitative(&v);
  return v;
}

IndicatorOp ParseOperatorCell(std::string_view raw) {
  const std::string folded = text::NormalizeForMatching(raw);
  const std::string_view s = TrimAscii(folded);
  if (s == "正向") return report::v1::INDICATOR_OP_GE;
  if (s == "反向") return report::v1::INDICATOR_OP_LE;
  bool word = false;
  const auto [op, rest] = TakeOperator(s, &word);
  return rest.empty() ? op : report::v1::INDICATOR_OP_UNSPECIFIED;
}

}  // namespace juesuan::parse
