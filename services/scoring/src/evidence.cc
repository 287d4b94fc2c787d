#include "services/scoring/src/evidence.h"

#include <algorithm>

#include "common/text/decimal.h"
#include "fmt/format.h"

namespace juesuan::scoring {

fnd::Finding& AddFinding(Findings* findings, const TableContext& ctx, std::string_view rule_id,
                         fnd::Severity severity, std::string message_zh, std::string message_en,
                         std::string relation) {
  fnd::Finding& f = *findings->Add();
  f.set_rule_id(std::string(rule_id));
  f.set_severity(severity);
  f.set_message_zh(std::move(message_zh));
  f.set_message_en(std::move(message_en));
  f.set_relation(std::move(relation));
  f.set_section_key(ctx.section_key);
  f.set_table(ctx.name);
  return f;
}

std::string ExactText(const Rational& r) {
  if (!r.ok()) return "invalid";
  // A fraction in lowest terms has a terminating decimal iff its denominator
  // is 2^a · 5^b; it then needs max(a, b) decimals.
  int64_t den = r.den();
  int32_t twos = 0, fives = 0;
  while (den % 2 == 0) { den /= 2; ++twos; }
  while (den % 5 == 0) { den /= 5; ++fives; }
  if (den != 1) return r.ToFractionString();
  return r.ToDecimalString(std::max(twos, fives));
}

Rational CellValue(const rpt::DecimalCell& cell) {
  if (cell.blank() || !cell.has_value()) return Rational::Invalid();
  return Rational::FromDecimal(cell.value());
}

bool CellPrinted(const rpt::DecimalCell& cell) { return !cell.blank() && cell.has_value(); }

bool CellNonNumeric(const rpt::DecimalCell& cell) {
  return !cell.blank() && !cell.has_value() && !cell.raw().empty();
}

Rational AmountWan(const rpt::Amount& amount) { return Rational::Of(amount.fen(), 1000000); }

Rational PercentPoints(const rpt::Percent& percent) {
  if (!percent.has_value()) return Rational::Invalid();
  return Rational::FromDecimal(percent.value());
}

void FillCellOperand(fnd::Operand* out, std::string name, const rpt::DecimalCell& cell) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(cell.raw().empty() && cell.has_value() ? DecimalText(cell.value()) : cell.raw());
  *op.mutable_src() = cell.src();
  if (CellPrinted(cell)) op.set_value(DecimalText(cell.value()));
}

fnd::Operand CellOperand(std::string name, const rpt::DecimalCell& cell) {
  fnd::Operand op;
  FillCellOperand(&op, std::move(name), cell);
  return op;
}

void FillValueOperand(fnd::Operand* out, std::string name, const rpt::IndicatorValue& value) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(value.raw());
  *op.mutable_src() = value.src();
  if (value.has_number()) {
    op.set_value(DecimalText(value.number()) + value.unit());
  } else if (value.date().year() > 0) {
    op.set_value(fmt::format("{:04d}-{:02d}-{:02d}", value.date().year(), value.date().month(),
                             value.date().day()));
  }
}

fnd::Operand ValueOperand(std::string name, const rpt::IndicatorValue& value) {
  fnd::Operand op;
  FillValueOperand(&op, std::move(name), value);
  return op;
}

void FillAmountOperand(fnd::Operand* out, std::string name, const rpt::Amount& amount) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(amount.src().raw_text().empty() ? (amount.blank() ? "" : text::FormatFenAsWan(amount.fen()))
                                                 : amount.src().raw_text());
  *op.mutable_src() = amount.src();
  op.set_value(amount.blank() ? "" : ExactText(AmountWan(amount)) + "万元");
}

fnd::Operand AmountOperand(std::string name, const rpt::Amount& amount) {
  fnd::Operand op;
  FillAmountOperand(&op, std::move(name), amount);
  return op;
}

void FillPercentOperand(fnd::Operand* out, std::string name, const rpt::Percent& percent) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(percent.src().raw_text().empty() && percent.has_value()
                     ? DecimalText(percent.value()) + "%"
                     : percent.src().raw_text());
  *op.mutable_src() = percent.src();
  if (percent.has_value()) op.set_value(DecimalText(percent.value()) + "%");
}

fnd::Operand PercentOperand(std::string name, const rpt::Percent& percent) {
  fnd::Operand op;
  FillPercentOperand(&op, std::move(name), percent);
  return op;
}

void FillTextOperand(fnd::Operand* out, std::string name, std::string_view text, const rpt::Provenance& src) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(std::string(text));
  *op.mutable_src() = src;
}

fnd::Operand TextOperand(std::string name, std::string_view text, const rpt::Provenance& src) {
  fnd::Operand op;
  FillTextOperand(&op, std::move(name), text, src);
  return op;
}

void FillComputedOperand(fnd::Operand* out, std::string name, const Rational& value, int32_t decimals) {
  fnd::Operand& op = *out;
  op.set_name(std::move(name));
  op.set_printed(value.ToDecimalString(decimals));
  op.set_value(ExactText(value));
}

fnd::Operand ComputedOperand(std::string name, const Rational& value, int32_t decimals) {
  fnd::Operand op;
  FillComputedOperand(&op, std::move(name), value, decimals);
  return op;
}

}  // namespace juesuan::scoring
