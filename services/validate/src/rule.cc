#include "services/validate/src/rule.h"
#include "services/validate/src/rules/common.h"

#include <utility>

#include "common/text/search.h"
#include "fmt/format.h"

namespace juesuan::validate {
namespace {

std::string ToleranceText(const SumResult& sum) {
  return fmt::format("SUM: ⌊Σq/2⌋ over {} counted operands = {} 万元", sum.nonzero_operands,
                     FormatWan(sum.tolerance, sum.quantum));
}

}  // namespace

void OperandName::Piece::AppendTo(std::string* out) const {
  switch (kind_) {
    case Kind::kText:
      out->append(data_, size_);
      break;
    case Kind::kIndex:
      out->append(std::to_string(size_));
      break;
    case Kind::kPath:
      for (int i = 0; i < path_->size(); ++i) {
        if (i > 0) out->push_back('/');
        out->append(path_->Get(i));
      }
      break;
  }
}

OperandName OperandName::Join(std::initializer_list<Piece> pieces) {
  OperandName name;
  if (pieces.size() > kMaxPieces) {
    for (const Piece& piece : pieces) piece.AppendTo(&name.owned_);
    return name;
  }
  for (const Piece& piece : pieces) name.pieces_[name.piece_count_++] = piece;
  return name;
}

std::string OperandName::str() const {
  if (piece_count_ == 0) return owned_;
  std::string out;
  for (size_t i = 0; i < piece_count_; ++i) pieces_[i].AppendTo(&out);
  return out;
}

std::string_view FamilyOf(std::string_view rule_id) {
  const size_t last = rule_id.rfind('-');
  return last == std::string_view::npos ? rule_id : rule_id.substr(0, last);
}

RuleContext::RuleContext(const rv1::Report& report, const vv1::ValidateConfig& config,
                         const vv1::LayoutProfile& layout,
                         google::protobuf::RepeatedPtrField<fv1::Finding>* out)
    : report_(report), config_(config), layout_(layout), out_(out) {}

void RuleContext::Begin(const RuleDef& rule) {
  rule_ = &rule;
  ran_ = false;
  missing_reason_.clear();
}

void RuleContext::Finish(vv1::RuleRun* run) {
  run->set_rule_id(std::string(rule_->id));
  if (ran_) {
    run->set_outcome(vv1::RULE_OUTCOME_RAN);
    if (!missing_reason_.empty()) run->set_reason("partly: " + missing_reason_);
  } else {
    run->set_outcome(vv1::RULE_OUTCOME_COULD_NOT_RUN);
    run->set_reason(missing_reason_.empty() ? "no operands in the report" : missing_reason_);
  }
}

fv1::Finding& RuleContext::Add(fv1::Severity severity, std::string_view detail_zh,
                               std::string_view detail_en) {
  ran_ = true;
  fv1::Finding& f = *out_->Add();
  f.set_rule_id(std::string(rule_->id));
  f.set_severity(severity);
  f.set_title(std::string(rule_->title));
  f.set_message_zh(detail_zh.empty() ? std::string(rule_->message_zh)
                                     : fmt::format("{}：{}", rule_->message_zh, detail_zh));
  f.set_message_en(detail_en.empty() ? std::string(rule_->message_en)
                                     : fmt::format("{}: {}", rule_->message_en, detail_en));
  f.set_layout(layout_.name());
  return f;
}

void RuleContext::Missing(std::string reason) {
  if (missing_reason_.empty()) missing_reason_ = std::move(reason);
}

std::optional<AmountOperand> RuleContext::Amount(OperandName name, bool present,
                                                 const rv1::Amount& amount) {
  if (!present) {
    if (missing_reason_.empty()) Missing(name.str() + " absent");
    return std::nullopt;
  }
  AmountOperand op{std::move(name), &amount, ToPrinted(amount)};
  const int64_t bound = config_.max_abs_amount_fen() > 0
                            ? std::min(config_.max_abs_amount_fen(), kMaxAbsFen)
                            : kMaxAbsFen;
  if (!InRange(op.printed) || op.printed.fen > bound || op.printed.fen < -bound) {
    if (missing_reason_.empty()) Missing(op.name.str() + " out of range");
    return std::nullopt;
  }
  return op;
}

std::optional<PercentOperand> RuleContext::Percent(OperandName name, bool present,
                                                   const rv1::Percent& percent) {
  if (!present || !percent.has_value()) {
    if (missing_reason_.empty()) Missing(name.str() + " absent");
    return std::nullopt;
  }
  PercentOperand op{std::move(name), &percent, ToPrinted(percent)};
  if (!InRange(op.printed)) {
    if (missing_reason_.empty()) Missing(op.name.str() + " out of range");
    return std::nullopt;
  }
  return op;
}

PrintedAmount ToPrinted(const rv1::Amount& amount) {
  PrintedAmount p;
  // A blank cell counts as zero for arithmetic (REFERENCE §1.6).
  p.fen = amount.blank() ? 0 : amount.fen();
  p.quantum = amount.quantum_fen();
  if (p.quantum <= 0) p.quantum = amount.unit() == rv1::MONEY_UNIT_YUAN ? 1 : 10'000;
  return p;
}

PrintedPercent ToPrinted(const rv1::Percent& percent) {
  return {percent.value().digits(), percent.value().scale()};
}

void AddOperand(fv1::Finding& f, std::string name, std::string printed, std::string value,
                const rv1::Provenance& src) {
  fv1::Operand* op = f.add_operands();
  op->set_name(std::move(name));
  op->set_printed(std::move(printed));
  op->set_value(std::move(value));
  *op->mutable_src() = src;
}

void AddOperand(fv1::Finding& f, const AmountOperand& op) {
  const std::string value = FormatWan(op.printed.fen, op.printed.quantum);
  const std::string& raw = op.amount->src().raw_text();
  AddOperand(f, op.name.str(), raw.empty() ? value + "万元" : raw, value, op.amount->src());
}

void AddOperand(fv1::Finding& f, const PercentOperand& op) {
  const std::string value = FormatPercent(op.printed);
  const std::string& raw = op.percent->src().raw_text();
  AddOperand(f, op.name.str(), raw.empty() ? value + "%" : raw, value, op.percent->src());
}

void AddOperand(fv1::Finding& f, std::string name, const rv1::Count& count) {
  const std::string value = std::to_string(count.value());
  const std::string& raw = count.src().raw_text();
  AddOperand(f, std::move(name), raw.empty() ? value + count.unit() : raw, value, count.src());
}

void AddOperand(fv1::Finding& f, std::string name, const rv1::Text& text) {
  AddOperand(f, std::move(name), text.text(), text.text(), text.src());
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return !needle.empty() && text::Find(haystack, needle) != std::string_view::npos;
}

bool ContainsAny(std::string_view haystack,
                 const google::protobuf::RepeatedPtrField<std::string>& needles) {
  for (const std::string& n : needles) {
    if (Contains(haystack, n)) return true;
  }
  return false;
}

Verdict RecordSum(RuleContext& ctx, const LazyText& relation, const AmountOperand& total,
                  const std::vector<std::pair<AmountOperand, int>>& terms, fv1::Severity beyond) {
  ctx.Ran();
  std::vector<SignedTerm> signed_terms;
  signed_terms.reserve(terms.size());
  for (const auto& [op, sign] : terms) signed_terms.push_back({op.printed, sign});
  const SumResult sum = CheckSum(total.printed, signed_terms, ctx.config().sum_count_zeros());
  if (sum.verdict == Verdict::kPass) return sum.verdict;
  const bool info = sum.verdict == Verdict::kInfo;
  fv1::Finding& f =
      info ? ctx.Add(fv1::SEVERITY_INFO, "舍入尾差，在容差内", "rounding residue within tolerance")
           : ctx.Add(beyond == fv1::SEVERITY_UNSPECIFIED ? ctx.rule_severity() : beyond, "超出舍入容差",
                     "beyond rounding tolerance");
  f.set_relation(relation.str());
  AddOperand(f, total);
  for (const auto& [op, sign] : terms) AddOperand(f, op);
  f.set_expected(FormatWan(sum.expected, sum.quantum));
  f.set_residue(FormatWan(sum.residue, sum.quantum));
  f.set_tolerance(ToleranceText(sum));
  return sum.verdict;
}

Verdict RecordSame(RuleContext& ctx, const LazyText& relation, const AmountOperand& a,
                   const AmountOperand& b, fv1::Severity one_quantum) {
  ctx.Ran();
  const SameResult same = CheckSame(a.printed, b.printed, Verdict::kWarning);
  if (same.verdict == Verdict::kPass) return same.verdict;
  const bool ladder = same.verdict == Verdict::kWarning;
  fv1::Finding& f = ladder ? ctx.Add(one_quantum, "两处数值相差一个末位", "differs by one quantum")
                           : ctx.Add(ctx.rule_severity(), "两处数值不一致", "values disagree");
  f.set_relation(relation.str());
  AddOperand(f, a);
  AddOperand(f, b);
  f.set_expected(FormatWan(b.printed.fen, b.printed.quantum));
  f.set_residue(FormatWan(same.difference, same.quantum));
  f.set_tolerance("SAME: exact (one quantum → ladder)");
  return same.verdict;
}

bool RecordAtMost(RuleContext& ctx, const LazyText& relation, const AmountOperand& a,
                  const AmountOperand& b, fv1::Severity severity) {
  ctx.Ran();
  if (!ViolatesAtMost(a.printed, b.printed)) return false;
  fv1::Finding& f = ctx.Add(severity, "前者超过后者", "left side exceeds right side");
  f.set_relation(relation.str());
  AddOperand(f, a);
  AddOperand(f, b);
  f.set_expected("≤ " + FormatWan(b.printed.fen, b.printed.quantum));
  f.set_residue(FormatWan(static_cast<Int128>(a.printed.fen) - b.printed.fen,
                          std::min(a.printed.quantum, b.printed.quantum)));
  f.set_tolerance("INEQ: violation beyond (qa + qb)/2");
  return true;
}

Verdict RecordRatio(RuleContext& ctx, const LazyText& relation, const RatioForm& form,
                    const AmountOperand& x, const AmountOperand& y, const PercentOperand& p) {
  ctx.Ran();
  const RatioResult r = CheckRatio(form, x.printed, y.printed, p.printed);
  if (r.verdict == Verdict::kPass || r.verdict == Verdict::kUndefined) return r.verdict;
  const bool info = r.verdict == Verdict::kInfo;
  fv1::Finding& f =
      info ? ctx.Add(fv1::SEVERITY_INFO, "末位调整（强制合计100%或截尾）",
                     "last-digit adjustment (forced 100% total or truncation)")
           : ctx.Add(ctx.rule_severity(), "百分比与金额不符", "printed percentage does not match the amounts");
  f.set_relation(relation.str());
  AddOperand(f, p);
  AddOperand(f, x);
  AddOperand(f, y);
  f.set_expected(fmt::format("{} ∈ [{}, {}]", r.exact_defined ? FormatRational(r.exact, 4) : "—",
                             FormatRationalFloor(r.allowed_lo, 4),
                             FormatRationalCeil(r.allowed_hi, 4)));
  f.set_residue(FormatRational(r.outside_by, 4));
  f.set_tolerance("RATIO: interval over [x̂ ± q/2] widened by half a printing quantum");
  return r.verdict;
}

}  // namespace juesuan::validate
