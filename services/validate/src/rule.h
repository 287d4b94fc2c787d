// The rule machinery: a rule is a small named function registered with its
// stable ID, severity, title and bilingual message. It reads the report,
// runs its checks through tolerance.h and records findings with their
// operands, or says why it could not run.
#pragma once

#include <array>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "juesuan/findings/v1/finding.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "juesuan/validate/v1/validate_config.pb.h"
#include "juesuan/validate/v1/validate_service.pb.h"
#include "services/validate/src/tolerance.h"

namespace juesuan::validate {

namespace fv1 = ::juesuan::findings::v1;
namespace rv1 = ::juesuan::report::v1;
namespace vv1 = ::juesuan::validate::v1;

// What a rule needs (REFERENCE §3.0.4).
enum class DataNeed { kNarrative, kTables, kPerformance };

class RuleContext;
struct ReportIndex;  // rules/common.h: statements and texts collected once per report
using RuleFn = void (*)(RuleContext&);

struct RuleDef {
  std::string_view id;           // "FA-SUM-012"
  fv1::Severity severity;        // severity beyond tolerance
  DataNeed need;
  std::string_view title;
  std::string_view message_zh;
  std::string_view message_en;
  RuleFn fn;
};

std::string_view FamilyOf(std::string_view rule_id);  // "FA-SUM-012" -> "FA-SUM"

// An operand's name ("T1[本年收入合计].final"), put together only when a
// finding or a could-not-run reason cites it: most operands pass their checks
// and are never named. Either a string of its own, or pieces joined on
// demand that must outlive the name (text of the report or of the run's
// ReportIndex, literals).
class OperandName {
 public:
  // Text that outlives the name, an index printed in decimal, or a path of
  // the report ("类/款/项") printed with '/' between its parts.
  class Piece {
   public:
    Piece(std::string_view text)  // NOLINT: implicit by design
        : data_(text.data()), size_(static_cast<uint32_t>(text.size())) {}
    Piece(const char* text) : Piece(std::string_view(text)) {}          // NOLINT
    Piece(const std::string& text) : Piece(std::string_view(text)) {}   // NOLINT
    Piece(std::string&&) = delete;  // would dangle
    Piece() = default;
    Piece(int index) : size_(static_cast<uint32_t>(index)), kind_(Kind::kIndex) {}  // NOLINT; index ≥ 0
    Piece(size_t index) : size_(static_cast<uint32_t>(index)), kind_(Kind::kIndex) {}  // NOLINT
    Piece(const google::protobuf::RepeatedPtrField<std::string>& path)  // NOLINT
        : path_(&path), kind_(Kind::kPath) {}

    void AppendTo(std::string* out) const;

   private:
    enum class Kind : uint8_t { kText, kIndex, kPath };
    union {
      const char* data_ = nullptr;
      const google::protobuf::RepeatedPtrField<std::string>* path_;
    };
    uint32_t size_ = 0;  // the text's length, or the index
    Kind kind_ = Kind::kText;
  };

  OperandName(std::string name) : owned_(std::move(name)) {}  // NOLINT: implicit by design
  OperandName(const char* name) : owned_(name) {}              // NOLINT
  static OperandName Join(std::initializer_list<Piece> pieces);

  std::string str() const;

 private:
  OperandName() = default;
  static constexpr size_t kMaxPieces = 6;
  std::string owned_;
  std::array<Piece, kMaxPieces> pieces_{};
  size_t piece_count_ = 0;  // 0: the name is owned_
};

// Text a finding may cite (a relation), built only when a finding is
// recorded. Lives for one call only: a literal, a string, or a function
// returning the text (e.g. a lambda around fmt::format).
class LazyText {
 public:
  LazyText(const char* text) : view_(text) {}          // NOLINT: implicit by design
  LazyText(const std::string& text) : view_(text) {}   // NOLINT
  template <typename F, typename = std::enable_if_t<std::is_invocable_r_v<std::string, const F&>>>
  LazyText(const F& make)  // NOLINT
      : make_(&make), call_([](const void* f) { return (*static_cast<const F*>(f))(); }) {}

  std::string str() const { return call_ != nullptr ? call_(make_) : std::string(view_); }

 private:
  std::string_view view_;
  const void* make_ = nullptr;
  std::string (*call_)(const void*) = nullptr;
};

// An amount operand ready for arithmetic, with its evidence.
struct AmountOperand {
  OperandName name;
  const rv1::Amount* amount = nullptr;
  PrintedAmount printed;
};

struct PercentOperand {
  OperandName name;
  const rv1::Percent* percent = nullptr;
  PrintedPercent printed;
};

class RuleContext {
 public:
  RuleContext(const rv1::Report& report, const vv1::ValidateConfig& config,
              const vv1::LayoutProfile& layout, google::protobuf::RepeatedPtrField<fv1::Finding>* out);
  ~RuleContext();

  // Collected once, on first use, and shared by every rule of the run.
  const ReportIndex& index();

  const rv1::Report& report() const { return report_; }
  const vv1::ValidateConfig& config() const { return config_; }
  const vv1::LayoutProfile& layout() const { return layout_; }

  // Starts a rule; Finish() records its outcome in `run`.
  void Begin(const RuleDef& rule);
  void Finish(vv1::RuleRun* run);

  // Adds a finding of `severity` (defaults to the rule's own), message =
  // rule message + "：" + detail.
  fv1::Finding& Add(fv1::Severity severity, std::string_view detail_zh = {},
                    std::string_view detail_en = {});
  fv1::Finding& Add() { return Add(rule_->severity); }
  fv1::Severity rule_severity() const { return rule_->severity; }

  // The rule evaluated at least one instance.
  void Ran() { ran_ = true; }
  // An instance could not be evaluated; the first reason is kept.
  void Missing(std::string reason);

  // Operand access: nullopt (and a Missing() reason) when absent or out of range.
  // `amount` must outlive the operand (never a temporary).
  std::optional<AmountOperand> Amount(OperandName name, bool present, const rv1::Amount& amount);
  std::optional<AmountOperand> Amount(OperandName name, const rv1::Amount* amount) {
    static const rv1::Amount kAbsent;
    return Amount(std::move(name), amount != nullptr, amount != nullptr ? *amount : kAbsent);
  }
  std::optional<PercentOperand> Percent(OperandName name, bool present,
                                        const rv1::Percent& percent);

 private:
  const rv1::Report& report_;
  const vv1::ValidateConfig& config_;
  const vv1::LayoutProfile& layout_;
  google::protobuf::RepeatedPtrField<fv1::Finding>* out_;  // the response's (arena-aware)
  const RuleDef* rule_ = nullptr;
  bool ran_ = false;
  std::string missing_reason_;
  std::unique_ptr<ReportIndex> index_;
};

// ---- operands ------------------------------------------------------------------
PrintedAmount ToPrinted(const rv1::Amount& amount);
PrintedPercent ToPrinted(const rv1::Percent& percent);

void AddOperand(fv1::Finding& f, const AmountOperand& op);
void AddOperand(fv1::Finding& f, const PercentOperand& op);
void AddOperand(fv1::Finding& f, std::string name, const rv1::Count& count);
void AddOperand(fv1::Finding& f, std::string name, const rv1::Text& text);
void AddOperand(fv1::Finding& f, std::string name, std::string printed, std::string value,
                const rv1::Provenance& src);

// ---- text helpers -----------------------------------------------------------------
// Substring search in report text: text::Find (common/text/search.h), which
// does not stop at every CJK lead byte as std::string_view::find does.
bool Contains(std::string_view haystack, std::string_view needle);
bool ContainsAny(std::string_view haystack,
                 const google::protobuf::RepeatedPtrField<std::string>& needles);

// ---- recording checks ----------------------------------------------------------
// Runs a SUM check of `total` = Σ terms and records an info (residue) or an
// error-class finding (the rule's severity). Returns the verdict.
// `beyond` overrides the rule's severity for this check (e.g. a looser sub-check).
Verdict RecordSum(RuleContext& ctx, const LazyText& relation, const AmountOperand& total,
                  const std::vector<std::pair<AmountOperand, int>>& terms,
                  fv1::Severity beyond = fv1::SEVERITY_UNSPECIFIED);
// SAME check; `one_quantum` is the severity of a one-quantum difference.
Verdict RecordSame(RuleContext& ctx, const LazyText& relation, const AmountOperand& a,
                   const AmountOperand& b, fv1::Severity one_quantum);
// a ≤ b (INEQ); records the rule's severity when violated.
bool RecordAtMost(RuleContext& ctx, const LazyText& relation, const AmountOperand& a,
                  const AmountOperand& b, fv1::Severity severity);
// A printed percentage against f(x, y); error beyond one printing quantum,
// info within it. kUndefined is returned without a finding (zero-base rules decide).
Verdict RecordRatio(RuleContext& ctx, const LazyText& relation, const RatioForm& form,
                    const AmountOperand& x, const AmountOperand& y, const PercentOperand& p);

}  // namespace juesuan::validate
