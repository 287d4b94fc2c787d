#include "services/scoring/src/indicator.h"

#include "fmt/format.h"

namespace juesuan::scoring {
namespace {

constexpr int32_t kPercentDecimals = 2;  // completion printed as "111.11%"

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int32_t DaysInMonth(int64_t y, int32_t m) {
  static constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Days since 0001-01-01. A missing month or day means the end of the period:
// a target "2024年12月前" runs to 12-31, and an undated actual must be shown
// to lie inside it.
int64_t DayNumber(const rpt::Date& d) {
  int64_t y = d.year();
  int32_t m = d.month() >= 1 && d.month() <= 12 ? d.month() : 12;
  int32_t day = d.day() >= 1 && d.day() <= DaysInMonth(y, m) ? d.day() : DaysInMonth(y, m);
  int64_t days = (y - 1) * 365 + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
  for (int32_t month = 1; month < m; ++month) days += DaysInMonth(y, month);
  return days + day - 1;
}

bool HasDate(const rpt::IndicatorValue& v) { return v.date().year() > 0; }

bool IsBlankValue(const rpt::IndicatorValue& v) {
  return v.kind() == rpt::INDICATOR_VALUE_KIND_BLANK || IsBlankText(v.raw());
}

std::string PercentText(const Rational& fraction) {
  return (fraction * Rational::Of(100)).ToDecimalString(kPercentDecimals) + "%";
}

v1::IndicatorClass ClassFromOperator(rpt::IndicatorOp op) {
  switch (op) {
    case rpt::INDICATOR_OP_GE:
    case rpt::INDICATOR_OP_GT:
      return v1::INDICATOR_CLASS_POSITIVE;
    case rpt::INDICATOR_OP_LE:
    case rpt::INDICATOR_OP_LT:
      return v1::INDICATOR_CLASS_NEGATIVE;
    case rpt::INDICATOR_OP_EQ:
      return v1::INDICATOR_CLASS_EXACT;
    default:
      return v1::INDICATOR_CLASS_POSITIVE;  // a bare number is read as "at least"
  }
}

// Class implied by the target cell alone.
Classification ClassFromTarget(const rpt::IndicatorValue& target) {
  if (HasDate(target) || target.kind() == rpt::INDICATOR_VALUE_KIND_DEADLINE ||
      target.kind() == rpt::INDICATOR_VALUE_KIND_DATE) {
    return {v1::INDICATOR_CLASS_DEADLINE, v1::SCORING_METHOD_UNSPECIFIED, "target is a date"};
  }
  if (!target.has_number()) {
    return {v1::INDICATOR_CLASS_QUALITATIVE, v1::SCORING_METHOD_UNSPECIFIED, "target is text"};
  }
  std::string basis = target.op() == rpt::INDICATOR_OP_UNSPECIFIED
                          ? "target without operator (read as ≥)"
                          : fmt::format("target operator of \"{}\"", target.raw());
  return {ClassFromOperator(target.op()), v1::SCORING_METHOD_UNSPECIFIED, basis};
}

bool IsNumericClass(v1::IndicatorClass c) {
  return c == v1::INDICATOR_CLASS_POSITIVE || c == v1::INDICATOR_CLASS_NEGATIVE ||
         c == v1::INDICATOR_CLASS_EXACT || c == v1::INDICATOR_CLASS_SATISFACTION;
}

bool IsPercentUnit(const CompiledConfig& config, const rpt::IndicatorValue& v) {
  return config.CanonicalUnit(v.unit()) == config.CanonicalUnit("%");
}

}  // namespace

Classification Classify(const rpt::Indicator& indicator, const std::string& category,
                        const CompiledConfig& config) {
  Classification result = ClassFromTarget(indicator.target());
  const Classification from_target = result;
  std::string basis;
  auto reason = [&basis](std::string_view text) {
    if (!basis.empty()) basis.append("; ");
    basis.append(text);
  };

  std::string buffer;
  if (const auto* rule = LongestContained(WithoutSpaces(indicator.scoring_rule(), buffer), config.scoring_rules)) {
    result.method = rule->value.method;
    reason("赋分规则「" + indicator.scoring_rule() + "」");
    if (rule->value.indicator_class != v1::INDICATOR_CLASS_UNSPECIFIED) {
      result.indicator_class = rule->value.indicator_class;
    }
  } else if (const auto* word = LongestContained(WithoutSpaces(indicator.polarity(), buffer), config.polarity_words)) {
    result.indicator_class = word->value;
    reason("指标性质「" + indicator.polarity() + "」");
  }

  // A number-based class needs a numeric target; text and dates keep their
  // own class whatever the columns say.
  if (IsNumericClass(result.indicator_class) && !IsNumericClass(from_target.indicator_class)) {
    result.indicator_class = from_target.indicator_class;
  }
  if (result.indicator_class == v1::INDICATOR_CLASS_POSITIVE ||
      result.indicator_class == v1::INDICATOR_CLASS_EXACT) {
    bool satisfaction = config.IsSatisfactionCategory(category) ||
                        config.IsSatisfactionCategory(config.CategoryOf(indicator.level2()));
    if (satisfaction && IsPercentUnit(config, indicator.target())) {
      result.indicator_class = v1::INDICATOR_CLASS_SATISFACTION;
      reason("满意度 indicator with a percent target");
    }
  }
  if (result.indicator_class == v1::INDICATOR_CLASS_QUALITATIVE) {
    if (result.method != v1::SCORING_METHOD_ALL_OR_NOTHING) result.method = v1::SCORING_METHOD_QUALITATIVE_BANDS;
  } else if (result.method == v1::SCORING_METHOD_UNSPECIFIED ||
             result.method == v1::SCORING_METHOD_QUALITATIVE_BANDS) {
    result.method = v1::SCORING_METHOD_PROPORTIONAL;  // bands apply to text only
  }
  reason(from_target.basis);
  result.basis = std::move(basis);
  return result;
}

std::string RowName(const TableContext& ctx, uint32_t row, const rpt::Indicator& indicator) {
  std::string name = ctx.section_key;
  name.append(".indicators[").append(std::to_string(row)).append("] ").append(indicator.level3());
  return name;
}

namespace {

struct RowScorer {
  const rpt::Indicator& ind;
  const CompiledConfig& config;
  IndicatorResult& r;

  v1::ScoredIndicator& out() { return *r.scored; }

  void Unscorable(std::string reason) {
    r.scorable = false;
    out().set_scorable(false);
    out().set_unscorable_reason(std::move(reason));
  }

  // Score = w · fraction, rounded to the score quantum.
  void SetPointScore(const Rational& fraction, std::string formula) {
    Rational exact = r.weight * fraction;
    if (!exact.ok()) return Unscorable("numbers too large for exact arithmetic");
    r.scorable = true;
    r.exact_score = exact;
    r.range_min = r.range_max = exact.RoundHalfUp(config.score_decimals);
    r.effective = r.range_min;
    r.effective_ok = true;
    out().set_scorable(true);
    *out().mutable_recomputed()->mutable_min() = r.range_min.ToDecimal(config.score_decimals);
    *out().mutable_recomputed()->mutable_max() = r.range_max.ToDecimal(config.score_decimals);
    out().set_formula(fmt::format("{} = {}", formula, r.range_min.ToDecimalString(config.score_decimals)));
  }

  void SetCompletion(const Rational& c) {
    if (!c.ok()) return;
    r.completion_defined = true;
    r.completion = c;
    out().set_completion_defined(true);
    auto* completion = out().mutable_completion();
    completion->mutable_exact()->set_num(c.num());
    completion->mutable_exact()->set_den(c.den());
    completion->set_percent(PercentText(c));
    completion->set_capped(Rational::Of(1) < c);
    out().set_cap_applied(Rational::Of(1) < c && out().method() == v1::SCORING_METHOD_PROPORTIONAL);
  }

  std::string W() const { return ExactText(r.weight); }

  void ScoreNumeric() {
    const rpt::IndicatorValue& target = ind.target();
    const rpt::IndicatorValue& actual = ind.actual();
    if (!target.has_number()) return Unscorable("target has no number");
    if (!actual.has_number()) {
      return Unscorable(IsBlankValue(actual) ? "actual value not printed" : "actual value has no number");
    }
    Rational t = Rational::FromDecimal(target.number());
    Rational a = Rational::FromDecimal(actual.number());
    if (!t.ok() || !a.ok()) return Unscorable("numbers out of range");
    if (t.is_negative() || a.is_negative()) return Unscorable("negative target or actual");
    const v1::IndicatorClass cls = out().indicator_class();
    const bool all_or_nothing = out().method() == v1::SCORING_METHOD_ALL_OR_NOTHING;
    if (t.is_zero()) return ScoreZeroTarget(cls, a);

    Rational c;
    std::string ratio;
    if (cls == v1::INDICATOR_CLASS_NEGATIVE) {
      if (a.is_zero()) {
        SetCompletion(Rational::Of(1));
        return SetPointScore(Rational::Of(1), fmt::format("actual 0 ≤ target → {}", W()));
      }
      c = t / a;
      ratio = fmt::format("{} / {}", ExactText(t), ExactText(a));
    } else {
      c = a / t;
      ratio = fmt::format("{} / {}", ExactText(a), ExactText(t));
    }
    SetCompletion(c);
    if (all_or_nothing) {
      bool met = c >= Rational::Of(1);
      return SetPointScore(Rational::Of(met ? 1 : 0),
                           fmt::format("直接赋分: c = {} {} 1 → {}", ratio, met ? "≥" : "<", met ? W() : "0"));
    }
    SetPointScore(Min(c, Rational::Of(1)), fmt::format("w · min(c, 1) = {} · min({}, 1)", W(), ratio));
  }

  void ScoreZeroTarget(v1::IndicatorClass cls, const Rational& a) {
    out().set_zero_target(true);
    if (config.proto.zero_target() == v1::ZERO_TARGET_RULE_UNSCORABLE) {
      return Unscorable("zero target: no proportional rule (config: unscorable)");
    }
    bool met = cls == v1::INDICATOR_CLASS_NEGATIVE || cls == v1::INDICATOR_CLASS_EXACT ? a.is_zero() : true;
    SetPointScore(Rational::Of(met ? 1 : 0),
                  fmt::format("zero target: actual {} → {}", ExactText(a), met ? "met, " + W() : "missed, 0"));
  }

  void ScoreDeadline() {
    const rpt::IndicatorValue& target = ind.target();
    const rpt::IndicatorValue& actual = ind.actual();
    if (!HasDate(target)) return Unscorable("deadline target has no date");
    if (!HasDate(actual)) {
      if (ContainsAny(actual.raw(), config.deadline_met_phrases)) {
        SetCompletion(Rational::Of(1));
        return SetPointScore(Rational::Of(1), fmt::format("deadline met (\"{}\") → {}", actual.raw(), W()));
      }
      return Unscorable(IsBlankValue(actual) ? "actual date not printed" : "actual value is not a date");
    }
    int64_t late_days = DayNumber(actual.date()) - DayNumber(target.date());
    if (late_days <= 0) {
      SetCompletion(Rational::Of(1));
      return SetPointScore(Rational::Of(1), fmt::format("{} ≤ {}: met → {}", actual.raw(), target.raw(), W()));
    }
    Rational fraction = Rational::Of(0);
    if (out().method() != v1::SCORING_METHOD_ALL_OR_NOTHING &&
        config.proto.deadline().late() == v1::LATE_DEADLINE_RULE_PROPORTIONAL_BY_DAYS) {
      Rational lost = Rational::Of(late_days, config.proto.deadline().late_days_to_zero());
      fraction = Max(Rational::Of(0), Rational::Of(1) - lost);
    }
    SetCompletion(fraction);
    SetPointScore(fraction, fmt::format("{} is {} day(s) after {}: late → {} · {}", actual.raw(), late_days,
                                        target.raw(), W(), ExactText(fraction)));
  }

  static bool ContainsAny(std::string_view text, const std::vector<std::string>& phrases) {
    std::string buffer;
    std::string_view stripped = WithoutSpaces(text, buffer);
    for (const std::string& p : phrases) {
      if (stripped.find(p) != std::string_view::npos) return true;
    }
    return false;
  }

  void ScoreQualitative() {
    std::string buffer;
    std::string_view actual = WithoutSpaces(ind.actual().raw(), buffer);
    const auto* keyword = LongestContained(actual, config.qual_keywords);
    if (keyword == nullptr) {
      return Unscorable(actual.empty() ? "actual value not printed" : "actual text matches no qualitative band");
    }
    r.band = &config.qual_bands[keyword->value];
    out().set_band(r.band->name);
    if (out().method() == v1::SCORING_METHOD_ALL_OR_NOTHING) {
      return SetPointScore(Rational::Of(r.band->full_marks ? 1 : 0),
                           fmt::format("直接赋分: band {} → {}", r.band->name, r.band->full_marks ? W() : "0"));
    }
    r.is_band = true;
    r.scorable = true;
    out().set_scorable(true);
    r.range_min = (r.weight * r.band->min_fraction).RoundHalfUp(config.score_decimals);
    r.range_max = (r.weight * r.band->max_fraction).RoundHalfUp(config.score_decimals);
    if (!r.range_min.ok() || !r.range_max.ok()) return Unscorable("numbers too large for exact arithmetic");
    *out().mutable_recomputed()->mutable_min() = r.range_min.ToDecimal(config.score_decimals);
    *out().mutable_recomputed()->mutable_max() = r.range_max.ToDecimal(config.score_decimals);
    out().set_formula(fmt::format("band {} (\"{}\"): [{} · w, {} · w{} = [{}, {}{}", r.band->name, keyword->text,
                                  ExactText(r.band->min_fraction), ExactText(r.band->max_fraction),
                                  r.band->max_inclusive ? "]" : ")",
                                  r.range_min.ToDecimalString(config.score_decimals),
                                  r.range_max.ToDecimalString(config.score_decimals),
                                  r.band->max_inclusive ? "]" : ")"));
    if (r.reported.ok() && InBand(r.reported)) {
      r.effective = r.reported;
      r.effective_ok = true;
    }
  }

 public:
  bool InBand(const Rational& s) const {
    if (s < r.range_min) return false;
    return r.band->max_inclusive || r.band->max_fraction == Rational::Of(1) ? s <= r.range_max : s < r.range_max;
  }
};

}  // namespace

IndicatorResult ScoreIndicator(const rpt::Indicator& ind, uint32_t row, const CompiledConfig& config,
                               v1::ScoredIndicator* scored) {
  IndicatorResult r;
  r.scored = scored;
  v1::ScoredIndicator& out = *scored;
  out.set_row(row);
  out.set_level1(ind.level1());
  out.set_level2(ind.level2());
  out.set_level3(ind.level3());
  out.set_category(config.CategoryOf(ind.level1()));
  Classification cls = Classify(ind, out.category(), config);
  out.set_indicator_class(cls.indicator_class);
  out.set_method(cls.method);
  out.set_class_basis(cls.basis);
  out.set_units_agree(true);

  r.weight = CellValue(ind.weight());
  if (r.weight.ok()) *out.mutable_weight() = ind.weight().value();
  r.reported = CellValue(ind.score());
  out.set_reported_printed(r.reported.ok());
  if (r.reported.ok()) *out.mutable_reported() = ind.score().value();

  // The formula's operands; the printed score is evidence only where a
  // finding cites it.
  FillValueOperand(out.add_inputs(), "target", ind.target());
  FillValueOperand(out.add_inputs(), "actual", ind.actual());
  FillCellOperand(out.add_inputs(), "weight", ind.weight());

  RowScorer scorer{ind, config, r};
  if (!r.weight.ok()) {
    scorer.Unscorable(CellNonNumeric(ind.weight()) ? "weight is not a number" : "weight not printed");
  } else if (r.weight.is_negative()) {
    scorer.Unscorable("negative weight");
  } else if (cls.indicator_class == v1::INDICATOR_CLASS_QUALITATIVE) {
    scorer.ScoreQualitative();
  } else if (cls.indicator_class == v1::INDICATOR_CLASS_DEADLINE) {
    scorer.ScoreDeadline();
  } else {
    scorer.ScoreNumeric();
  }
  if (!r.scorable && r.weight.ok() && !r.weight.is_negative()) {
    // Anything between 0 and the weight is admissible for the total.
    r.range_min = Rational::Of(0);
    r.range_max = r.weight.RoundHalfUp(config.score_decimals);
  }
  if (r.effective_ok) *out.mutable_effective() = r.effective.ToDecimal(config.score_decimals);
  out.set_effective_determined(r.effective_ok);
  return r;
}

namespace {

bool IsFullMarks(const IndicatorResult& r) {
  Rational score = r.reported.ok() ? r.reported : r.effective;
  return score.ok() && r.weight.ok() && score >= r.weight;
}

std::string PrintedCompletion(const rpt::Indicator& ind) {
  return ind.completion().src().raw_text().empty() && ind.completion().has_value()
             ? DecimalText(ind.completion().value()) + "%"
             : ind.completion().src().raw_text();
}

// PF-TAB-005: printed 完成率 vs the exact completion (uncapped or capped),
// within half a printing quantum; one quantum further → info.
void CheckPrintedCompletion(const rpt::Indicator& ind, const IndicatorResult& r, const TableContext& ctx,
                            Findings* findings) {
  if (!ind.has_completion() || !ind.completion().has_value() || !r.completion_defined) return;
  if (r.scored->indicator_class() == v1::INDICATOR_CLASS_QUALITATIVE) return;
  Rational printed = PercentPoints(ind.completion());
  int32_t scale = ind.completion().value().scale();
  Rational quantum = Rational::FromDecimal(1, scale);
  Rational half = quantum * Rational::Of(1, 2);
  Rational uncapped = r.completion * Rational::Of(100);
  Rational capped = Min(r.completion, Rational::Of(1)) * Rational::Of(100);
  Rational residue = Min((printed - uncapped).Abs(), (printed - capped).Abs());
  if (!residue.ok() || residue <= half) return;
  bool last_digit = residue <= half + quantum;
  fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-005", last_digit ? fnd::SEVERITY_INFO : fnd::SEVERITY_WARNING,
      fmt::format("“{}”完成率印为{}，按目标值与实际值计算应为{}", ind.level3(), PrintedCompletion(ind),
                  PercentText(r.completion)),
      fmt::format("\"{}\": printed completion {} but target/actual give {}", ind.level3(), PrintedCompletion(ind),
                  PercentText(r.completion)),
      r.scored->indicator_class() == v1::INDICATOR_CLASS_NEGATIVE ? "完成率 = target / actual"
                                                                : "完成率 = actual / target");
  const std::string row = RowName(ctx, r.scored->row(), ind);
  FillPercentOperand(f.add_operands(), row + ".completion", ind.completion());
  FillValueOperand(f.add_operands(), row + ".target", ind.target());
  FillValueOperand(f.add_operands(), row + ".actual", ind.actual());
  f.set_expected(PercentText(r.completion));
  f.set_residue(ExactText(residue) + " pp");
  f.set_tolerance(ExactText(half) + " pp");
}

void CheckUnits(const rpt::Indicator& ind, IndicatorResult& r, const CompiledConfig& config,
                const TableContext& ctx, Findings* findings) {
  if (!ind.target().has_number() || !ind.actual().has_number()) return;
  std::string target_unit = ind.target().unit().empty() ? ind.measure_unit() : ind.target().unit();
  std::string actual_unit = ind.actual().unit().empty() ? ind.measure_unit() : ind.actual().unit();
  if (target_unit.empty() || actual_unit.empty()) return;
  if (config.CanonicalUnit(target_unit) == config.CanonicalUnit(actual_unit)) return;
  r.scored->set_units_agree(false);
  fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-006", fnd::SEVERITY_INFO,
      fmt::format("“{}”目标值单位“{}”与实际值单位“{}”不一致", ind.level3(), target_unit, actual_unit),
      fmt::format("\"{}\": target unit \"{}\" differs from actual unit \"{}\"", ind.level3(), target_unit,
                  actual_unit),
      "unit(target) = unit(actual)");
  const std::string row = RowName(ctx, r.scored->row(), ind);
  FillValueOperand(f.add_operands(), row + ".target", ind.target());
  FillValueOperand(f.add_operands(), row + ".actual", ind.actual());
  f.set_expected(target_unit);
}

// PF-TAB-004 (0 ≤ score ≤ w) and PF-SCORE-003 (uncapped completion); returns
// true when the printed score is out of range.
bool CheckScoreRange(const rpt::Indicator& ind, const IndicatorResult& r, const Rational& tolerance,
                     const TableContext& ctx, Findings* findings) {
  if (!r.reported.ok() || !r.weight.ok()) return false;
  if (!(r.reported.is_negative() || r.weight < r.reported)) return false;
  // Attributed to a missing cap only when the printed score is w · c itself.
  bool uncapped = r.completion_defined && Rational::Of(1) < r.completion && r.weight < r.reported &&
                  (r.reported - r.weight * r.completion).Abs() <= tolerance;
  const std::string row = RowName(ctx, r.scored->row(), ind);
  fnd::Finding& f = uncapped
      ? AddFinding(findings, ctx, "PF-SCORE-003", fnd::SEVERITY_ERROR,
                    fmt::format("“{}”完成率{}超过100%未封顶：得分{}高于分值{}", ind.level3(),
                                PercentText(r.completion), ExactText(r.reported), ExactText(r.weight)),
                    fmt::format("\"{}\": completion {} not capped at 100%: score {} exceeds weight {}",
                                ind.level3(), PercentText(r.completion), ExactText(r.reported),
                                ExactText(r.weight)),
                    "score = w · min(c, 1) ≤ w")
      : AddFinding(findings, ctx, "PF-TAB-004", fnd::SEVERITY_ERROR,
                    fmt::format("“{}”得分{}不在0至分值{}之间", ind.level3(), ExactText(r.reported),
                                ExactText(r.weight)),
                    fmt::format("\"{}\": score {} outside 0 … weight {}", ind.level3(), ExactText(r.reported),
                                ExactText(r.weight)),
                    "0 ≤ score ≤ weight");
  FillCellOperand(f.add_operands(), row + ".score", ind.score());
  FillCellOperand(f.add_operands(), row + ".weight", ind.weight());
  if (uncapped) FillPercentOperand(f.add_operands(), row + ".completion", ind.completion());
  f.set_expected(fmt::format("[0, {}]", ExactText(r.weight)));
  f.set_residue(ExactText(r.reported.is_negative() ? r.reported : r.reported - r.weight));
  f.set_tolerance("0");
  return true;
}

// PF-SCORE-001 (point rows) and PF-SCORE-002 (band rows).
void CheckReportedScore(const rpt::Indicator& ind, const IndicatorResult& r, const CompiledConfig& config,
                        const TableContext& ctx, Findings* findings) {
  if (!r.reported.ok() || !r.scorable) return;
  const std::string row = RowName(ctx, r.scored->row(), ind);
  const int32_t dp = config.score_decimals;
  if (r.is_band && r.band != nullptr) {
    bool in_band = r.reported >= r.range_min &&
                   (r.band->max_inclusive ? r.reported <= r.range_max : r.reported < r.range_max);
    if (in_band) return;
    std::string band_text = fmt::format("[{}, {}{}", r.range_min.ToDecimalString(dp),
                                        r.range_max.ToDecimalString(dp), r.band->max_inclusive ? "]" : ")");
    fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-002", fnd::SEVERITY_WARNING,
        fmt::format("“{}”实际完成“{}”属“{}”档，得分应在{}内，表中为{}", ind.level3(), ind.actual().raw(),
                    r.band->name, band_text, ExactText(r.reported)),
        fmt::format("\"{}\": actual \"{}\" is band {}; score should lie in {}, printed {}", ind.level3(),
                    ind.actual().raw(), r.band->name, band_text, ExactText(r.reported)),
        "score ∈ band(actual text) · w");
    FillValueOperand(f.add_operands(), row + ".actual", ind.actual());
    FillCellOperand(f.add_operands(), row + ".score", ind.score());
    FillCellOperand(f.add_operands(), row + ".weight", ind.weight());
    f.set_expected(band_text);
    return;
  }
  Rational diff = r.reported - r.exact_score;
  if (!diff.ok() || diff.Abs() <= config.score_tolerance) return;
  bool overstated = !diff.is_negative();
  fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-001", overstated ? fnd::SEVERITY_ERROR : fnd::SEVERITY_WARNING,
      fmt::format("“{}”得分{}，按{}应为{}（{}）", ind.level3(), ExactText(r.reported), r.scored->class_basis(),
                  r.range_min.ToDecimalString(dp), overstated ? "多计" : "少计且未说明扣分理由"),
      fmt::format("\"{}\": printed score {} but the method gives {} ({})", ind.level3(), ExactText(r.reported),
                  r.range_min.ToDecimalString(dp), overstated ? "overstated" : "understated without a stated reason"),
      r.scored->formula());
  FillCellOperand(f.add_operands(), row + ".score", ind.score());
  FillCellOperand(f.add_operands(), row + ".weight", ind.weight());
  FillValueOperand(f.add_operands(), row + ".target", ind.target());
  FillValueOperand(f.add_operands(), row + ".actual", ind.actual());
  f.set_expected(r.range_min.ToDecimalString(dp));
  f.set_residue(ExactText(diff));
  f.set_tolerance(ExactText(config.score_tolerance));
}

void CheckOverAchievement(const rpt::Indicator& ind, const IndicatorResult& r, const CompiledConfig& config,
                          const TableContext& ctx, Findings* findings) {
  if (!r.completion_defined || !IsFullMarks(r) || !IsBlankText(ind.deviation())) return;
  bool exact_overshoot = r.scored->indicator_class() == v1::INDICATOR_CLASS_EXACT && Rational::Of(1) < r.completion;
  if (!exact_overshoot && r.completion < config.over_achievement_threshold) return;
  fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-006", fnd::SEVERITY_INFO,
      fmt::format("“{}”完成率{}，得满分且无偏差说明，目标值可能设置偏低", ind.level3(), PercentText(r.completion)),
      fmt::format("\"{}\": completion {} with full marks and no deviation note: target possibly set too low",
                  ind.level3(), PercentText(r.completion)),
      exact_overshoot ? "actual > target on an \"=\" target" : "c ≥ over-achievement threshold");
  const std::string row = RowName(ctx, r.scored->row(), ind);
  FillValueOperand(f.add_operands(), row + ".target", ind.target());
  FillValueOperand(f.add_operands(), row + ".actual", ind.actual());
  f.set_expected(fmt::format("c < {}", ExactText(config.over_achievement_threshold)));
}

void CheckShortfallText(const rpt::Indicator& ind, const IndicatorResult& r, const CompiledConfig& config,
                        const TableContext& ctx, Findings* findings) {
  if (!IsFullMarks(r)) return;
  if (IsBlankText(ind.deviation())) return;
  std::string buffer;
  std::string_view deviation = WithoutSpaces(ind.deviation(), buffer);
  for (const std::string& phrase : config.shortfall_phrases) {
    if (deviation.find(phrase) == std::string_view::npos) continue;
    fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-007", fnd::SEVERITY_WARNING,
        fmt::format("“{}”得满分，但偏差说明写有“{}”", ind.level3(), phrase),
        fmt::format("\"{}\": full marks although the deviation note says \"{}\"", ind.level3(), phrase),
        "full marks ⇒ no admitted shortfall");
    const std::string row = RowName(ctx, r.scored->row(), ind);
    FillCellOperand(f.add_operands(), row + ".score", ind.score());
    FillTextOperand(f.add_operands(), row + ".deviation", ind.deviation(), ind.src());
    return;
  }
}

void CheckDeviationPresent(const rpt::Indicator& ind, const IndicatorResult& r, const TableContext& ctx,
                           Findings* findings) {
  bool under = (r.completion_defined && r.completion < Rational::Of(1)) ||
               (r.reported.ok() && r.weight.ok() && r.reported < r.weight);
  if (!under || !IsBlankText(ind.deviation())) return;
  fnd::Finding& f = AddFinding(findings, ctx, "PF-TAB-008", fnd::SEVERITY_WARNING,
      fmt::format("“{}”未完全完成或未得满分，但未填写偏差原因分析及改进措施", ind.level3()),
      fmt::format("\"{}\": below target or below full marks but no deviation analysis", ind.level3()),
      "c < 100% ∨ score < w ⇒ deviation text present");
  const std::string row = RowName(ctx, r.scored->row(), ind);
  FillCellOperand(f.add_operands(), row + ".score", ind.score());
  FillCellOperand(f.add_operands(), row + ".weight", ind.weight());
  if (r.completion_defined) FillComputedOperand(f.add_operands(), row + ".completion", r.completion, 4);
}

}  // namespace

void CheckIndicator(const rpt::Indicator& ind, IndicatorResult& r, const CompiledConfig& config,
                    const TableContext& ctx, bool has_deviation_column, Findings* findings) {
  CheckUnits(ind, r, config, ctx, findings);
  CheckPrintedCompletion(ind, r, ctx, findings);
  bool out_of_range = CheckScoreRange(ind, r, config.score_tolerance, ctx, findings);
  if (!out_of_range) CheckReportedScore(ind, r, config, ctx, findings);
  if (ind.has_completion() && ind.completion().has_value() &&
      Rational::Of(100) < PercentPoints(ind.completion()) && !out_of_range) {
    fnd::Finding& f = AddFinding(findings, ctx, "PF-SCORE-003", fnd::SEVERITY_INFO,
        fmt::format("“{}”完成率印为{}（超过100%），评分按100%封顶", ind.level3(), PrintedCompletion(ind)),
        fmt::format("\"{}\": printed completion {} exceeds 100%; scored capped at 100%", ind.level3(),
                    PrintedCompletion(ind)),
        "score = w · min(c, 1)");
    const std::string row = RowName(ctx, r.scored->row(), ind);
    FillPercentOperand(f.add_operands(), row + ".completion", ind.completion());
    FillCellOperand(f.add_operands(), row + ".score", ind.score());
    FillCellOperand(f.add_operands(), row + ".weight", ind.weight());
    f.set_expected("100%");
  }
  CheckOverAchievement(ind, r, config, ctx, findings);
  CheckShortfallText(ind, r, config, ctx, findings);
  if (has_deviation_column) CheckDeviationPresent(ind, r, ctx, findings);
}

}  // namespace juesuan::scoring
