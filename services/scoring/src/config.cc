#include "services/scoring/src/config.h"

#include <fstream>
#include <set>
#include <sstream>

#include "common/base/status_macros.h"
#include "common/text/decimal.h"
#include "fmt/format.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"
#include "services/scoring/src/embedded_configs.h"

namespace juesuan::scoring {
namespace {

// SAX pass that rejects an object repeating a key: proto3 JSON parsing keeps
// the last value silently, which hides configuration mistakes.
class DuplicateKeyCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool key(string_t& k) override {
    if (!keys_.back().insert(k).second) {
      error_ = fmt::format("duplicate key \"{}\"", k);
      return false;
    }
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error_ = fmt::format("malformed JSON at byte {}: {}", position, e.what());
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  std::vector<std::set<std::string>> keys_;
  std::string error_;
};

absl::StatusOr<Rational> ParseExact(std::string_view field, const std::string& printed) {
  absl::StatusOr<text::DecimalValue> d = text::ParseDecimal(printed);
  if (!d.ok()) {
    return absl::InvalidArgumentError(
        fmt::format("scoring config: {} = \"{}\" is not a decimal number", field, printed));
  }
  Rational r = Rational::FromDecimal(d->digits, d->scale);
  if (!r.ok()) return absl::InvalidArgumentError(fmt::format("scoring config: {} out of range", field));
  return r;
}

absl::StatusOr<Rational> ParseNonNegative(std::string_view field, const std::string& printed) {
  ASSIGN_OR_RETURN(Rational r, ParseExact(field, printed));
  if (r.is_negative()) {
    return absl::InvalidArgumentError(fmt::format("scoring config: {} must not be negative", field));
  }
  return r;
}

// The quantum must be 10^-k so that rounded scores print with k decimals.
absl::StatusOr<int32_t> QuantumDecimals(const Rational& quantum) {
  for (int32_t k = 0; k <= 6; ++k) {
    if (quantum == Rational::FromDecimal(1, k)) return k;
  }
  return absl::InvalidArgumentError("scoring config: score_quantum must be 1, 0.1, 0.01, … (10^-k)");
}

absl::Status CompileCategories(const v1::ScoringConfig& p, CompiledConfig& c,
                               std::set<std::string>& keys) {
  for (const v1::Category& cat : p.categories()) {
    if (cat.key().empty()) return absl::InvalidArgumentError("scoring config: category without key");
    if (!keys.insert(cat.key()).second) {
      return absl::InvalidArgumentError(fmt::format("scoring config: category \"{}\" twice", cat.key()));
    }
    c.level1_names.push_back({cat.key(), cat.key()});
    for (const std::string& name : cat.level1_names()) c.level1_names.push_back({StripSpaces(name), cat.key()});
  }
  for (const std::string& key : p.satisfaction_categories()) {
    if (!keys.count(key)) {
      return absl::InvalidArgumentError(fmt::format("scoring config: unknown satisfaction category \"{}\"", key));
    }
    c.satisfaction_categories.push_back(key);
  }
  return absl::OkStatus();
}

absl::Status CompileSchemes(const v1::ScoringConfig& p, CompiledConfig& c,
                            const std::set<std::string>& keys) {
  for (const v1::WeightScheme& s : p.weight_schemes()) {
    CompiledScheme scheme;
    scheme.name = s.name();
    ASSIGN_OR_RETURN(scheme.execution_weight,
                     ParseNonNegative(fmt::format("weight_schemes[{}].execution_weight", s.name()),
                                      s.execution_weight()));
    for (const v1::CategoryWeight& w : s.weights()) {
      SchemeEntry entry;
      for (const std::string& key : w.categories()) {
        if (!keys.count(key)) {
          return absl::InvalidArgumentError(
              fmt::format("scoring config: scheme \"{}\" names unknown category \"{}\"", s.name(), key));
        }
        entry.label += (entry.label.empty() ? "" : "+") + key;
        entry.categories.push_back(key);
      }
      ASSIGN_OR_RETURN(entry.weight,
                       ParseNonNegative(fmt::format("weight_schemes[{}].weights", s.name()), w.weight()));
      scheme.entries.push_back(std::move(entry));
    }
    c.schemes.push_back(std::move(scheme));
  }
  for (const v1::StandardScheme& std_scheme : p.standard_schemes()) {
    bool found = false;
    for (size_t i = 0; i < c.schemes.size(); ++i) {
      if (c.schemes[i].name == std_scheme.scheme()) {
        c.standard_scheme[std_scheme.table_kind()] = i;
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(
          fmt::format("scoring config: standard scheme \"{}\" is not defined", std_scheme.scheme()));
    }
  }
  return absl::OkStatus();
}

absl::Status CompileGrades(const v1::ScoringConfig& p, CompiledConfig& c) {
  for (const v1::GradeBand& band : p.grades().bands()) {
    CompiledGradeBand g;
    g.name = band.name();
    ASSIGN_OR_RETURN(g.min_score, ParseNonNegative("grades.min_score", band.min_score()));
    if (!c.grades.empty() && !(g.min_score < c.grades.back().min_score)) {
      return absl::InvalidArgumentError("scoring config: grade bands must be ordered best first");
    }
    for (const std::string& s : band.synonyms()) g.synonyms.push_back(StripSpaces(s));
    g.synonyms.push_back(band.name());
    c.grades.push_back(std::move(g));
  }
  return absl::OkStatus();
}

absl::Status CompileQualitative(const v1::ScoringConfig& p, CompiledConfig& c) {
  for (const v1::QualitativeBand& band : p.qualitative_bands()) {
    CompiledQualBand q;
    q.name = band.name();
    ASSIGN_OR_RETURN(q.min_fraction, ParseNonNegative("qualitative_bands.min_fraction", band.min_fraction()));
    ASSIGN_OR_RETURN(q.max_fraction, ParseNonNegative("qualitative_bands.max_fraction", band.max_fraction()));
    if (q.max_fraction < q.min_fraction || Rational::Of(1) < q.max_fraction) {
      return absl::InvalidArgumentError(
          fmt::format("scoring config: qualitative band \"{}\" must satisfy 0 ≤ min ≤ max ≤ 1", band.name()));
    }
    q.max_inclusive = band.max_inclusive();
    q.full_marks = band.full_marks();
    for (const std::string& k : band.keywords()) {
      q.keywords.push_back(k);
      c.qual_keywords.push_back({StripSpaces(k), c.qual_bands.size()});
    }
    c.qual_bands.push_back(std::move(q));
  }
  return absl::OkStatus();
}

absl::Status CompileRules(const v1::ScoringConfig& p, CompiledConfig& c) {
  ASSIGN_OR_RETURN(c.over_achievement_threshold,
                   ParseNonNegative("over_achievement_threshold", p.over_achievement_threshold()));
  if (p.deadline().late() == v1::LATE_DEADLINE_RULE_PROPORTIONAL_BY_DAYS &&
      p.deadline().late_days_to_zero() <= 0) {
    return absl::InvalidArgumentError("scoring config: late_days_to_zero must be > 0 for the proportional rule");
  }
  if (p.deadline().late() == v1::LATE_DEADLINE_RULE_UNSPECIFIED) {
    return absl::InvalidArgumentError("scoring config: deadline.late is required");
  }
  if (p.zero_target() == v1::ZERO_TARGET_RULE_UNSPECIFIED) {
    return absl::InvalidArgumentError("scoring config: zero_target is required");
  }
  switch (p.execution_rate().mode()) {
    case v1::EXECUTION_RATE_MODE_PROPORTIONAL:
      break;
    case v1::EXECUTION_RATE_MODE_BANDED:
      for (const v1::ExecutionBand& b : p.execution_rate().bands()) {
        CompiledExecutionBand band;
        ASSIGN_OR_RETURN(band.min_rate, ParseNonNegative("execution_rate.bands.min_rate", b.min_rate()));
        ASSIGN_OR_RETURN(band.fraction, ParseNonNegative("execution_rate.bands.fraction", b.fraction()));
        if (!c.execution_bands.empty() && !(band.min_rate < c.execution_bands.back().min_rate)) {
          return absl::InvalidArgumentError("scoring config: execution bands must be ordered highest first");
        }
        c.execution_bands.push_back(band);
      }
      if (c.execution_bands.empty()) {
        return absl::InvalidArgumentError("scoring config: banded execution rule without bands");
      }
      break;
    default:
      return absl::InvalidArgumentError("scoring config: execution_rate.mode is required");
  }
  for (const v1::ScoringRuleOverride& rule : p.scoring_rules()) {
    for (const std::string& phrase : rule.phrases()) {
      c.scoring_rules.push_back({StripSpaces(phrase), RuleOverride{rule.method(), rule.indicator_class()}});
    }
  }
  for (const v1::PolarityWord& word : p.polarity_words()) {
    for (const std::string& w : word.words()) c.polarity_words.push_back({StripSpaces(w), word.indicator_class()});
  }
  for (const std::string& phrase : p.shortfall_phrases()) {
    if (!IsBlankText(phrase)) c.shortfall_phrases.push_back(StripSpaces(phrase));
  }
  for (const std::string& phrase : p.deadline().met_phrases()) {
    if (!IsBlankText(phrase)) c.deadline_met_phrases.push_back(StripSpaces(phrase));
  }
  for (const v1::UnitSynonyms& group : p.unit_synonyms()) {
    for (const std::string& unit : group.units()) c.unit_canonical[unit] = group.units(0);
  }
  ASSIGN_OR_RETURN(c.score_quantum, ParseNonNegative("score_quantum", p.score_quantum()));
  ASSIGN_OR_RETURN(c.score_decimals, QuantumDecimals(c.score_quantum));
  ASSIGN_OR_RETURN(c.score_tolerance, ParseNonNegative("score_tolerance", p.score_tolerance()));
  return absl::OkStatus();
}

absl::Status CheckStructureRules(const v1::ScoringConfig& p, const std::set<std::string>& keys) {
  for (const v1::StructureRule& rule : p.structure_rules()) {
    for (const std::string& key : rule.required_categories()) {
      if (!keys.count(key)) {
        return absl::InvalidArgumentError(fmt::format("scoring config: structure rule names unknown category \"{}\"", key));
      }
    }
    if (!rule.output_category().empty() && !keys.count(rule.output_category())) {
      return absl::InvalidArgumentError("scoring config: structure rule output_category is not a category");
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string StripSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    out.push_back(ch);
  }
  return out;
}

std::string_view WithoutSpaces(std::string_view s, std::string& buffer) {
  bool has_space = false;
  for (size_t i = 0; i < s.size() && !has_space; ++i) {
    const char ch = s[i];
    has_space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                (ch == '\xE3' && s.compare(i, 3, "\xE3\x80\x80") == 0);
  }
  if (!has_space) return s;
  buffer = StripSpaces(s);
  return buffer;
}

bool IsBlankText(std::string_view s) {
  std::string buffer;
  return WithoutSpaces(s, buffer).empty();
}

std::string CompiledConfig::CategoryOf(std::string_view level1) const {
  std::string buffer;
  const Phrase<std::string>* match = LongestContained(WithoutSpaces(level1, buffer), level1_names);
  return match == nullptr ? std::string() : match->value;
}

bool CompiledConfig::IsSatisfactionCategory(std::string_view category) const {
  for (const std::string& key : satisfaction_categories) {
    if (key == category) return true;
  }
  return false;
}

std::string CompiledConfig::GradeOf(const Rational& total) const {
  for (const CompiledGradeBand& band : grades) {
    if (total >= band.min_score) return band.name;
  }
  return grades.empty() ? std::string() : grades.back().name;
}

std::string CompiledConfig::NormalizeGrade(std::string_view printed) const {
  std::string text = StripSpaces(printed);
  const CompiledGradeBand* best = nullptr;
  size_t best_length = 0;
  for (const CompiledGradeBand& band : grades) {
    for (const std::string& s : band.synonyms) {
      if (!s.empty() && text.find(s) != std::string::npos && s.size() > best_length) {
        best = &band;
        best_length = s.size();
      }
    }
  }
  return best == nullptr ? std::string() : best->name;
}

std::string_view CompiledConfig::CanonicalUnit(std::string_view unit) const {
  auto it = unit_canonical.find(unit);
  return it == unit_canonical.end() ? unit : std::string_view(it->second);
}

absl::StatusOr<v1::ScoringConfig> ParseConfigJson(std::string_view json) {
  DuplicateKeyCheck check;
  if (!nlohmann::json::sax_parse(json.begin(), json.end(), &check)) {
    return absl::InvalidArgumentError(fmt::format("scoring config: {}", check.error()));
  }
  v1::ScoringConfig config;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &config, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(fmt::format("scoring config: {}", status.message().ToString()));
  }
  return config;
}

absl::StatusOr<v1::ScoringConfig> LoadConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("scoring config: cannot open {}", path));
  std::ostringstream contents;
  contents << in.rdbuf();
  return ParseConfigJson(contents.str());
}

absl::StatusOr<std::shared_ptr<const CompiledConfig>> CompileConfig(const v1::ScoringConfig& config) {
  auto c = std::make_shared<CompiledConfig>();
  c->proto = config;
  std::set<std::string> keys;
  RETURN_IF_ERROR(CompileCategories(config, *c, keys));
  RETURN_IF_ERROR(CompileSchemes(config, *c, keys));
  RETURN_IF_ERROR(CompileGrades(config, *c));
  RETURN_IF_ERROR(CompileQualitative(config, *c));
  RETURN_IF_ERROR(CompileRules(config, *c));
  RETURN_IF_ERROR(CheckStructureRules(config, keys));
  return std::shared_ptr<const CompiledConfig>(std::move(c));
}

namespace {

struct BuiltinEntry {
  std::string name;
  absl::StatusOr<std::shared_ptr<const CompiledConfig>> compiled;
};

// Compiled once per process; the embedded JSON is checked by the tests, so a
// broken default surfaces there rather than at the first request.
const std::vector<BuiltinEntry>& Builtins() {
  static const std::vector<BuiltinEntry>* builtins = [] {
    auto* list = new std::vector<BuiltinEntry>();
    for (size_t i = 0; i < kEmbeddedConfigCount; ++i) {
      absl::StatusOr<v1::ScoringConfig> parsed = ParseConfigJson(kEmbeddedConfigs[i].json);
      list->push_back(BuiltinEntry{kEmbeddedConfigs[i].name,
                                   parsed.ok() ? CompileConfig(*parsed) : parsed.status()});
    }
    return list;
  }();
  return *builtins;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const CompiledConfig>> BuiltinConfig(std::string_view name) {
  for (const BuiltinEntry& entry : Builtins()) {
    if (entry.name == name) return entry.compiled;
  }
  return absl::NotFoundError(fmt::format("no built-in scoring config named \"{}\"", name));
}

std::vector<std::string> BuiltinConfigNames() {
  std::vector<std::string> names;
  for (const BuiltinEntry& entry : Builtins()) names.push_back(entry.name);
  return names;
}

std::string BuiltinConfigNameForLayout(rpt::Layout layout) {
  for (const BuiltinEntry& entry : Builtins()) {
    if (!entry.compiled.ok()) continue;
    for (int l : (*entry.compiled)->proto.default_for_layouts()) {
      if (l == layout) return entry.name;
    }
  }
  return "national";
}

}  // namespace juesuan::scoring
