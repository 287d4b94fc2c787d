#include "services/scoring/tests/table_builder.h"

#include <regex>

#include "common/text/decimal.h"

namespace juesuan::scoring::testing {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool IsDash(const std::string& s) { return s.empty() || s == "—" || s == "-" || s == "/"; }

// Splits a leading decimal number off `s`; false when `s` does not start with one.
bool SplitNumber(const std::string& s, rpt::Decimal* number, std::string* rest) {
  size_t n = 0;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
  if (n == 0) return false;
  auto parsed = text::ParseDecimal(s.substr(0, n));
  if (!parsed.ok()) return false;
  number->set_digits(parsed->digits);
  number->set_scale(parsed->scale);
  *rest = s.substr(n);
  return true;
}

}  // namespace

rpt::Provenance Src(const std::string& section, const std::string& raw, uint32_t line, uint32_t row,
                    uint32_t column) {
  rpt::Provenance p;
  p.set_section_key(section);
  p.set_raw_text(raw);
  p.set_line(line);
  p.mutable_table()->set_table_id(section);
  p.mutable_table()->set_row(row);
  p.mutable_table()->set_column(column);
  return p;
}

rpt::IndicatorValue Value(const std::string& printed, const rpt::Provenance& src) {
  rpt::IndicatorValue v;
  v.set_raw(printed);
  *v.mutable_src() = src;
  std::string s = Trim(printed);
  if (s.empty()) {
    v.set_kind(rpt::INDICATOR_VALUE_KIND_BLANK);
    return v;
  }
  static const std::regex kDate(R"((\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(前|以前|之前)?)");
  std::smatch m;
  if (std::regex_match(s, m, kDate)) {
    v.mutable_date()->set_year(std::stoi(m[1]));
    v.mutable_date()->set_month(std::stoi(m[2]));
    if (m[3].matched) v.mutable_date()->set_day(std::stoi(m[3]));
    v.set_date_qualifier(m[4].matched ? m[4].str() : "");
    v.set_kind(m[4].matched ? rpt::INDICATOR_VALUE_KIND_DEADLINE : rpt::INDICATOR_VALUE_KIND_DATE);
    return v;
  }
  static const std::vector<std::pair<std::string, rpt::IndicatorOp>> kOps = {
      {">=", rpt::INDICATOR_OP_GE}, {"≥", rpt::INDICATOR_OP_GE}, {"<=", rpt::INDICATOR_OP_LE},
      {"≤", rpt::INDICATOR_OP_LE},  {"=", rpt::INDICATOR_OP_EQ}, {"＝", rpt::INDICATOR_OP_EQ},
      {"﹦", rpt::INDICATOR_OP_EQ}, {">", rpt::INDICATOR_OP_GT}, {"<", rpt::INDICATOR_OP_LT}};
  std::string rest = s;
  for (const auto& [token, op] : kOps) {
    if (s.rfind(token, 0) == 0) {
      v.set_op(op);
      rest = s.substr(token.size());
      break;
    }
  }
  rpt::Decimal number;
  std::string unit;
  if (SplitNumber(rest, &number, &unit)) {
    *v.mutable_number() = number;
    v.set_unit(unit);
    v.set_kind(rpt::INDICATOR_VALUE_KIND_QUANTITATIVE);
  } else {
    v.set_op(rpt::INDICATOR_OP_UNSPECIFIED);
    v.set_kind(rpt::INDICATOR_VALUE_KIND_QUALITATIVE);
  }
  return v;
}

rpt::DecimalCell Cell(const std::string& printed, const rpt::Provenance& src) {
  rpt::DecimalCell c;
  c.set_raw(printed);
  *c.mutable_src() = src;
  std::string s = Trim(printed);
  if (IsDash(s)) {
    c.set_blank(true);
    return c;
  }
  rpt::Decimal number;
  std::string rest;
  if (SplitNumber(s, &number, &rest) && (rest.empty() || rest == "分")) *c.mutable_value() = number;
  return c;
}

rpt::Percent Pct(const std::string& printed, const rpt::Provenance& src) {
  rpt::Percent p;
  *p.mutable_src() = src;
  rpt::Decimal number;
  std::string rest;
  if (SplitNumber(Trim(printed), &number, &rest)) {
    *p.mutable_value() = number;
    p.set_has_percent_sign(rest == "%");
  }
  return p;
}

rpt::Amount Wan(const std::string& printed, const rpt::Provenance& src) {
  rpt::Amount a;
  *a.mutable_src() = src;
  a.set_unit(rpt::MONEY_UNIT_WAN_YUAN);
  std::string s = Trim(printed);
  if (IsDash(s)) {
    a.set_blank(true);
    return a;
  }
  auto parsed = text::ParseDecimal(s);
  if (!parsed.ok()) {
    a.set_blank(true);
    return a;
  }
  a.set_fen(*text::ToFen(*parsed, text::MoneyScale::kWanYuan));
  a.set_quantum_fen(text::QuantumFen(parsed->scale, text::MoneyScale::kWanYuan));
  return a;
}

rpt::PerformanceTable BuildTable(const TableSpec& spec) {
  rpt::PerformanceTable t;
  t.set_kind(spec.kind);
  t.set_year(2024);
  if (spec.kind == rpt::PERFORMANCE_TABLE_KIND_PROJECT) {
    t.mutable_project_name()->set_text(spec.name);
  } else {
    t.mutable_unit_name()->set_text(spec.name);
  }
  t.mutable_src()->set_section_key(spec.section);
  for (const std::string& c : spec.indicator_columns) t.add_indicator_columns(c);
  uint32_t row_index = 0;
  for (const FundSpec& f : spec.funds) {
    rpt::FundRow* row = t.add_funds();
    row->set_label(f.label);
    row->set_source(f.source);
    const uint32_t l = f.line;
    *row->mutable_initial() = Wan(f.initial, Src(spec.section, f.initial, l ? l + 1 : 0, row_index, 1));
    *row->mutable_annual() = Wan(f.annual, Src(spec.section, f.annual, l ? l + 2 : 0, row_index, 2));
    *row->mutable_executed() = Wan(f.executed, Src(spec.section, f.executed, l ? l + 3 : 0, row_index, 3));
    *row->mutable_src() = Src(spec.section, f.label, l, row_index, 0);
    ++row_index;
  }
  const ExecutionSpec& e = spec.execution;
  rpt::ExecutionBlock* block = t.mutable_execution();
  *block->mutable_weight() = Cell(e.weight, Src(spec.section, e.weight, e.line, 0, 4));
  *block->mutable_rate() = Pct(e.rate, Src(spec.section, e.rate, e.line ? e.line + 1 : 0, 0, 5));
  *block->mutable_score() = Cell(e.score, Src(spec.section, e.score, e.line ? e.line + 2 : 0, 0, 6));
  block->set_printed_on_row(e.printed_on_row);
  block->set_printed_on_source(e.printed_on_source);

  row_index = 0;
  for (const IndicatorSpec& s : spec.indicators) {
    rpt::Indicator* ind = t.add_indicators();
    const uint32_t l = s.line;
    auto at = [&](int offset, int column) {
      return [&, offset, column](const std::string& raw) {
        return Src(spec.section, raw, l ? l + offset : 0, row_index, column);
      };
    };
    ind->set_level1(s.level1);
    ind->set_level2(s.level2);
    ind->set_level3(s.level3);
    ind->set_level1_forward_filled(s.level1_forward_filled);
    ind->set_level2_forward_filled(s.level2_forward_filled);
    *ind->mutable_weight() = Cell(s.weight, at(spec.weight_offset, 3)(s.weight));
    *ind->mutable_target() = Value(s.target, at(spec.target_offset, 4)(s.target));
    *ind->mutable_actual() = Value(s.actual, at(spec.actual_offset, 5)(s.actual));
    if (!s.completion.empty()) {
      *ind->mutable_completion() = Pct(s.completion, at(spec.completion_offset, 6)(s.completion));
    }
    *ind->mutable_score() = Cell(s.score, at(spec.score_offset, 7)(s.score));
    ind->set_scoring_rule(s.scoring_rule);
    ind->set_deviation(s.deviation);
    ind->set_polarity(s.polarity);
    *ind->mutable_src() = Src(spec.section, s.level3, l, row_index, 2);
    ++row_index;
  }
  t.set_has_total_row(spec.has_total_row);
  if (spec.has_total_row) {
    *t.mutable_total_weight() = Cell(spec.total_weight, Src(spec.section, spec.total_weight, spec.total_line));
    *t.mutable_total_score() =
        Cell(spec.total_score, Src(spec.section, spec.total_score, spec.total_line ? spec.total_line + 4 : 0));
  }
  if (!spec.goal_expected.empty()) {
    t.mutable_goal_expected()->set_text(spec.goal_expected);
    *t.mutable_goal_expected()->mutable_src() = Src(spec.section, spec.goal_expected, spec.goal_line);
  }
  if (!spec.goal_actual.empty()) {
    t.mutable_goal_actual()->set_text(spec.goal_actual);
    *t.mutable_goal_actual()->mutable_src() =
        Src(spec.section, spec.goal_actual, spec.goal_line ? spec.goal_line + 1 : 0);
  }
  if (!spec.grade.empty()) {
    t.mutable_grade()->set_text(spec.grade);
    *t.mutable_grade()->mutable_src() = Src(spec.section, spec.grade);
  }
  return t;
}

}  // namespace juesuan::scoring::testing
