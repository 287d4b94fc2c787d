// Extraction of the narrative parts (profile, 情况说明 sections, glossary,
// table list) into the report's entities and statements.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "juesuan/config/v1/parse_config.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/clauses.h"
#include "services/parse/src/diagnostics.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/sections.h"
#include "services/parse/src/source_document.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {

class NarrativeExtractor {
 public:
  NarrativeExtractor(const SourceDocument& doc, const SectionIndex& sections,
                     std::vector<bool> skip, const config::v1::ParseConfig& config,
                     report::v1::Report& report, Diagnostics& diags);

  // Fills every entity the narrative carries, the statements list and the
  // diagnostics for figure-bearing sentences that were not understood.
  void ExtractAll();

 private:
  void BuildRuns();
  using PassageRefs = std::vector<std::reference_wrapper<const Passage>>;
  // Passages of every line whose section key is `key` or below it; each run
  // of lines with one key is re-flowed once, when the extractor is built.
  PassageRefs PassagesFor(std::string_view key) const;

  void ExtractProfile();
  void ExtractUnits();
  void ExtractTotals();
  void ExtractIncome();
  void ExtractExpenditure();
  void ExtractFiscal();
  void ExtractGeneralPublicBudget();
  void ExtractGpbClasses(const PassageRefs& passages);
  void ExtractGpbItems(const PassageRefs& passages);
  void ExtractBasic();
  void ExtractFund(std::string_view key, report::v1::FundAppropriation* fund);
  void ExtractSangong();
  void ExtractOperatingCost();
  void ExtractProcurement();
  void ExtractAssets();
  void ExtractPerformanceNarrative();
  void ExtractGlossary();
  void ExtractTablesListed();
  void ReportUnusedFigures();

  // Records an extracted amount as used evidence and as a statement.
  void Use(const report::v1::Provenance& src);
  void Emit(std::string_view subject, const report::v1::Amount& a);
  void Emit(std::string_view subject, const report::v1::YoY& y);
  void Emit(std::string_view subject, const report::v1::BudgetVsFinal& b);
  void Emit(std::string_view subject, const report::v1::Count& c);
  // Taken by value: a share built only to be emitted is moved in, not copied.
  void Emit(std::string_view subject, report::v1::Share s);

  // A report field, created only when a value is found: an absent figure
  // stays absent (never an empty zero).
  template <typename T>
  using Field = std::function<T*()>;

  // "LABEL…NUM万元" / "LABEL…NUM万元，占p%" / a count pattern with groups
  // (number, unit). Return whether the value was found.
  // Labels, patterns and subjects are mostly literals: taken as views, not
  // built into strings on every call.
  bool ReadAmount(const Passage& p, std::string_view label, std::string_view subject,
                  const Field<report::v1::Amount>& out, size_t from = 0,
                  size_t to = std::string::npos, size_t* end = nullptr);
  bool ReadShare(const Passage& p, std::string_view label, std::string_view subject,
                 std::string_view denominator, const Field<report::v1::Share>& out);
  bool ReadCount(const Passage& p, std::string_view pattern, std::string_view subject,
                 const Field<report::v1::Count>& out, size_t from = 0,
                 size_t to = std::string::npos);

  const SourceDocument& doc_;
  const SectionIndex& sections_;
  std::vector<bool> skip_;
  const config::v1::ParseConfig& config_;
  report::v1::Report& report_;
  Diagnostics& diags_;
  ValueFactory values_;
  ClauseParser clauses_;
  std::vector<std::pair<size_t, size_t>> used_;  // document spans read into the model
  std::vector<Passage> runs_;                     // one passage per run of a section key
};

}  // namespace juesuan::parse
