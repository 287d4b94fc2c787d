// Scoring configuration: loading (proto3 JSON, strict), validation and the
// compiled form the scorer reads. Built-in configs are embedded at build time
// from config/scoring/*.json, so a service needs no files at run time.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "juesuan/scoring/v1/scoring_config.pb.h"
#include "services/scoring/src/rational.h"

namespace juesuan::scoring {

namespace rpt = ::juesuan::report::v1;

struct SchemeEntry {
  std::string label;                    // "产出+成本"
  std::vector<std::string> categories;
  Rational weight;
};

struct CompiledScheme {
  std::string name;
  Rational execution_weight;
  std::vector<SchemeEntry> entries;
};

struct CompiledGradeBand {
  std::string name;
  Rational min_score;
  std::vector<std::string> synonyms;
};

struct CompiledQualBand {
  std::string name;
  Rational min_fraction;
  Rational max_fraction;
  bool max_inclusive = false;
  bool full_marks = false;
  std::vector<std::string> keywords;
};

struct RuleOverride {
  v1::ScoringMethod method = v1::SCORING_METHOD_UNSPECIFIED;
  v1::IndicatorClass indicator_class = v1::INDICATOR_CLASS_UNSPECIFIED;
};

struct CompiledExecutionBand {
  Rational min_rate;
  Rational fraction;
};

// A phrase and what it stands for; lookups pick the longest phrase contained
// in the text, so "未达成" wins over "达成" and "部分完成" over "完成".
template <typename T>
struct Phrase {
  std::string text;
  T value;
};

struct CompiledConfig {
  v1::ScoringConfig proto;

  std::vector<Phrase<std::string>> level1_names;  // printed 一级 name → category key
  std::vector<std::string> satisfaction_categories;
  std::vector<CompiledScheme> schemes;
  std::map<int, size_t> standard_scheme;          // PerformanceTableKind → index in schemes
  std::vector<CompiledGradeBand> grades;          // best first
  std::vector<CompiledQualBand> qual_bands;
  std::vector<Phrase<size_t>> qual_keywords;      // keyword → index in qual_bands
  Rational over_achievement_threshold;
  std::vector<CompiledExecutionBand> execution_bands;  // highest min_rate first
  std::vector<Phrase<RuleOverride>> scoring_rules;
  std::vector<Phrase<v1::IndicatorClass>> polarity_words;
  std::map<std::string, std::string, std::less<>> unit_canonical;  // unit → first unit of its synonym group
  std::vector<std::string> shortfall_phrases;     // spaces removed
  std::vector<std::string> deadline_met_phrases;  // spaces removed
  Rational score_quantum;
  int32_t score_decimals = 2;
  Rational score_tolerance;

  // Category key of a printed 一级 name ("" when unknown).
  std::string CategoryOf(std::string_view level1) const;
  bool IsSatisfactionCategory(std::string_view category) const;
  // Grade band name of a total ("" when the scale is empty).
  std::string GradeOf(const Rational& total) const;
  // Grade band name of a printed grade text ("" when not recognized).
  std::string NormalizeGrade(std::string_view printed) const;
  // The first unit of `unit`'s synonym group, or `unit` itself.
  std::string_view CanonicalUnit(std::string_view unit) const;
};

// Parses proto3 JSON; unknown fields and duplicate keys are errors.
absl::StatusOr<v1::ScoringConfig> ParseConfigJson(std::string_view json);
absl::StatusOr<v1::ScoringConfig> LoadConfigFile(const std::string& path);

// Validates every value and builds the lookup tables.
absl::StatusOr<std::shared_ptr<const CompiledConfig>> CompileConfig(const v1::ScoringConfig& config);

// Built-in configs ("national", "xinjiang", "shanghai"), compiled once.
absl::StatusOr<std::shared_ptr<const CompiledConfig>> BuiltinConfig(std::string_view name);
std::vector<std::string> BuiltinConfigNames();
// Name of the built-in config whose default_for_layouts lists `layout`
// ("national" when none does).
std::string BuiltinConfigNameForLayout(rpt::Layout layout);

// Longest phrase of `phrases` contained in `text`; nullptr when none.
template <typename T>
const Phrase<T>* LongestContained(std::string_view text, const std::vector<Phrase<T>>& phrases) {
  const Phrase<T>* best = nullptr;
  for (const Phrase<T>& p : phrases) {
    if (p.text.empty() || text.find(p.text) == std::string_view::npos) continue;
    if (best == nullptr || p.text.size() > best->text.size()) best = &p;
  }
  return best;
}

// Removes ASCII and ideographic spaces.
std::string StripSpaces(std::string_view s);
// `s` without spaces: `s` itself when it has none (the common case, no
// copy), otherwise the stripped text stored in `buffer`.
std::string_view WithoutSpaces(std::string_view s, std::string& buffer);
// True when `s` holds nothing but spaces.
bool IsBlankText(std::string_view s);

}  // namespace juesuan::scoring
