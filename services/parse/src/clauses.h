// Parsers for the recurring narrative clauses: year-on-year changes, budget
// versus final, shares and reasons. They read a window [from, to) of a
// passage and return typed values with provenance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {

class ClauseParser {
 public:
  ClauseParser(const ValueFactory& values, std::vector<std::string> no_prior_phrases)
      : values_(values), no_prior_phrases_(std::move(no_prior_phrases)) {}

  // "比上年增加D万元，增长g%，主要原因是：…" / "…持平". The first one in the window.
  std::optional<report::v1::YoY> YoY(const Passage& p, size_t from, size_t to) const;
  // XJ "年初预算数B万元，决算数F万元，预决算差异率r%" or SH "年初预算为B万元，支出决算为F万元，
  // 完成年初预算的c%" with the following "决算数大于预算数" wording.
  std::optional<report::v1::BudgetVsFinal> BudgetVsFinal(const Passage& p, size_t from,
                                                         size_t to) const;
  // "主要原因是：…" up to the end of its sentence, searched from `from`.
  std::optional<report::v1::Text> Reason(const Passage& p, size_t from, size_t to) const;
  // First "NUM万元" in the window, optionally only when it follows `label`
  // with at most a few linking characters between.
  std::optional<report::v1::Amount> AmountAfter(const Passage& p, std::string_view label,
                                                size_t from, size_t to,
                                                size_t* end = nullptr) const;
  // "占…p%" right after position `from` (within the clause).
  std::optional<report::v1::Percent> ShareAfter(const Passage& p, size_t from, size_t to) const;

  const ValueFactory& values() const { return values_; }

 private:
  const ValueFactory& values_;
  std::vector<std::string> no_prior_phrases_;
};

// End of the sentence containing `pos` (position after 。), or `to`.
size_t SentenceEnd(const Passage& p, size_t pos, size_t to = std::string::npos);

}  // namespace juesuan::parse
