// Hand-written matchers for the parser's most frequent regular expressions.
//
// Each SearchX(p, from, to, anchor) returns exactly what
// Search(XPattern(), p, from, to, anchor) returns: the same match span and the
// same group spans, under RE2's leftmost-first rules, on folded passage text.
// The patterns stay here as the definition of what each matcher does and as
// the oracle the tests hold the matchers to. They are written out because
// these searches run hundreds of times per document and nearly always
// succeed, and a successful RE2 search with groups runs its slowest engines.
//
// Anchors: UNANCHORED and ANCHOR_START, as Search takes them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "re2/re2.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {

using HandSearch = std::optional<Match> (*)(const Passage& p, size_t from, size_t to,
                                             RE2::Anchor anchor);

// All non-overlapping matches in [from, to), as SearchAll finds them.
std::vector<Match> SearchAll(HandSearch search, const Passage& p, size_t from = 0,
                             size_t to = std::string::npos);

// 名词解释 entry head "一、term：": group 1 the term.
const RE2& GlossaryHeadPattern();
std::optional<Match> SearchGlossaryHead(const Passage& p, size_t from = 0,
                                        size_t to = std::string::npos,
                                        RE2::Anchor anchor = RE2::UNANCHORED);

// "截至2024年12月31日前": groups 1 qualifier before, 2 year, 3 month, 4 day,
// 5 qualifier after.
const RE2& DatePattern();
std::optional<Match> SearchDate(const Passage& p, size_t from = 0,
                                size_t to = std::string::npos,
                                RE2::Anchor anchor = RE2::UNANCHORED);

// "增加D万元，增长g%": groups 1 direction, 2 amount, 3 unit, 4 rate direction,
// 5 rate.
const RE2& YoYPattern();
std::optional<Match> SearchYoY(const Passage& p, size_t from = 0,
                               size_t to = std::string::npos,
                               RE2::Anchor anchor = RE2::UNANCHORED);

// "一、《收入支出决算总表》" at the head of a line: group 1 the title.
const RE2& ListedTablePattern();
std::optional<Match> SearchListedTable(const Passage& p, size_t from = 0,
                                       size_t to = std::string::npos,
                                       RE2::Anchor anchor = RE2::UNANCHORED);

// "，占总支出的79.49%": group 1 the percentage.
const RE2& SharePattern();
std::optional<Match> SearchShare(const Passage& p, size_t from = 0,
                                 size_t to = std::string::npos,
                                 RE2::Anchor anchor = RE2::UNANCHORED);

// "2024年度": group 1 the year.
const RE2& YearPattern();
std::optional<Match> SearchYear(const Passage& p, size_t from = 0,
                                size_t to = std::string::npos,
                                RE2::Anchor anchor = RE2::UNANCHORED);

// "主要原因是：" (no groups): the reason text follows the match.
const RE2& ReasonLeadPattern();
std::optional<Match> SearchReasonLead(const Passage& p, size_t from = 0,
                                      size_t to = std::string::npos,
                                      RE2::Anchor anchor = RE2::UNANCHORED);

// "一般公共服务支出(类)财政事务(款)行政运行(项)": groups 1 class, 2 group
// (款), 3 item (项).
const RE2& GpbItemPattern();
std::optional<Match> SearchGpbItem(const Passage& p, size_t from = 0,
                                   size_t to = std::string::npos,
                                   RE2::Anchor anchor = RE2::UNANCHORED);

// "一般公共服务支出(类)2143.03万元，占71.73%": groups 1 class, 2 amount,
// 3 unit, 4 share.
const RE2& GpbClassPattern();
std::optional<Match> SearchGpbClass(const Passage& p, size_t from = 0,
                                    size_t to = std::string::npos,
                                    RE2::Anchor anchor = RE2::UNANCHORED);

// "其中：一般公务用车1辆": groups 1 category (with any lead-in), 2 count, 3 辆.
const RE2& VehicleCategoryPattern();
std::optional<Match> SearchVehicleCategory(const Passage& p, size_t from = 0,
                                           size_t to = std::string::npos,
                                           RE2::Anchor anchor = RE2::UNANCHORED);

// "年初预算数0.00万元，决算数121.39万元，预决算差异率100.00%": groups 1 kind,
// 2 budget, 3 unit, 4 final, 5 unit, 6 rate.
const RE2& XjBudgetVsFinalPattern();
std::optional<Match> SearchXjBudgetVsFinal(const Passage& p, size_t from = 0,
                                           size_t to = std::string::npos,
                                           RE2::Anchor anchor = RE2::UNANCHORED);

// "开支内容包括：…" up to the end of the sentence: group 1 the content.
const RE2& SpendingContentPattern();
std::optional<Match> SearchSpendingContent(const Passage& p, size_t from = 0,
                                           size_t to = std::string::npos,
                                           RE2::Anchor anchor = RE2::UNANCHORED);

// "主要用于：…" up to the end of the sentence: group 1 the purpose.
const RE2& PurposePattern();
std::optional<Match> SearchPurpose(const Passage& p, size_t from = 0,
                                   size_t to = std::string::npos,
                                   RE2::Anchor anchor = RE2::UNANCHORED);

// "差异原因是：…" up to the end of the sentence: group 1 the reason.
const RE2& DifferenceReasonPattern();
std::optional<Match> SearchDifferenceReason(const Passage& p, size_t from = 0,
                                            size_t to = std::string::npos,
                                            RE2::Anchor anchor = RE2::UNANCHORED);

// "主要包括：…" up to the end of the sentence or clause: group 1 the list.
const RE2& IncludesListPattern();
std::optional<Match> SearchIncludesList(const Passage& p, size_t from = 0,
                                        size_t to = std::string::npos,
                                        RE2::Anchor anchor = RE2::UNANCHORED);

// "支出决算为0.80万元" (every word optional) at a 三公 item's name: groups
// 1 amount, 2 unit.
const RE2& ItemFinalPattern();
std::optional<Match> SearchItemFinal(const Passage& p, size_t from = 0,
                                     size_t to = std::string::npos,
                                     RE2::Anchor anchor = RE2::UNANCHORED);

// "下设4个科室，分别是：办公室、…": groups 1 count, 2 个, 3 the list.
const RE2& DepartmentsPattern();
std::optional<Match> SearchDepartments(const Passage& p, size_t from = 0,
                                       size_t to = std::string::npos,
                                       RE2::Anchor anchor = RE2::UNANCHORED);

// "2024年度无“三公”经费财政拨款支出。": the sentence (up to 。 or :) that
// says there was none (no groups).
const RE2& NoSangongPattern();
std::optional<Match> SearchNoSangong(const Passage& p, size_t from = 0,
                                     size_t to = std::string::npos,
                                     RE2::Anchor anchor = RE2::UNANCHORED);

// "国内公务接待3批次，共计接待20人次": groups 1 batches, 2 批次, 3 persons,
// 4 人次.
const RE2& ReceptionPattern();
std::optional<Match> SearchReception(const Passage& p, size_t from = 0,
                                     size_t to = std::string::npos,
                                     RE2::Anchor anchor = RE2::UNANCHORED);

// "(行政单位和参照公务员法管理的事业单位)": group 1 the words inside.
const RE2& OperatingScopePattern();
std::optional<Match> SearchOperatingScope(const Passage& p, size_t from = 0,
                                          size_t to = std::string::npos,
                                          RE2::Anchor anchor = RE2::UNANCHORED);

// "在职人员10人，增加2人" for the literal `label`: groups 1 count, 2 人,
// 3 增加/减少, 4 the change. StaffRowPattern(label) is its regex.
std::string StaffRowPattern(std::string_view label);
std::optional<Match> SearchStaffRow(const Passage& p, std::string_view label, size_t from = 0,
                                    size_t to = std::string::npos);

// What `label[^\d,;:。%]{0,8}?\s*` kNum kMoney matches anchored at `begin` in
// `t` (already cut where the search ends), the label being the literal
// [begin, label_end): at most eight linking characters (none a digit or
// , ; : 。 %), as few as possible, then the amount. Groups 1 amount, 2 unit.
// ClauseParser::AmountAfter reads every literal label this way.
std::optional<Match> AmountAfterLabel(std::string_view t, size_t begin, size_t label_end);

// A label pattern written only with literal characters (escaped
// punctuation too) and (?:a|b|…) groups of literals, any of them made
// optional by a `?`: "(?:支出)?决算数?为?", "因公出国\(境\)费(?:用)?". The
// narrative reads most of its labels with such patterns; they are matched
// here with RE2's leftmost-first preferences (an optional part is taken
// before it is left out, alternatives in the order written), which for a
// label alone and for a label followed by the amount tail is what RE2 finds.
class LiteralLabel {
 public:
  // Nothing when `pattern` uses any other syntax or can match nothing at all.
  static std::optional<LiteralLabel> Parse(std::string_view pattern);

  // The leftmost match of the label in passage text [from, to): what
  // Search(RE2(pattern), p, from, to) finds.
  std::optional<Match> Search(const Passage& p, size_t from = 0,
                              size_t to = std::string::npos) const;
  // The leftmost match, from `from` in `t` (already cut where the search
  // ends), of the label followed by `[^\d,;:。%]{0,8}?\s*` kNum kMoney: groups
  // 1 amount, 2 unit, as AmountAfterLabel reads them.
  std::optional<Match> SearchAmount(std::string_view t, size_t from) const;
  // The leftmost match, from `from` in `t`, of the label followed by what
  // `rest(start, label_end)` reads: the whole match when it matches after a
  // label from `start` to `label_end`. `rest` must read as RE2 would the
  // pattern after the label, for that label end.
  std::optional<Match> SearchFollowedBy(
      std::string_view t, size_t from,
      absl::FunctionRef<std::optional<Match>(size_t start, size_t label_end)> rest) const;

 private:
  struct Part {
    std::vector<std::string> alternatives;
    bool optional = false;
  };
  LiteralLabel() = default;
  // Calls `take(end)` for each end of a match of parts [part, …) at `at`, in
  // RE2's order of preference, until it returns true; returns whether it did.
  template <typename Take>
  bool ForEachEnd(std::string_view t, size_t part, size_t at, const Take& take) const;
  // Leftmost start from `from` where `at(start)` finds a match: tried only
  // where one of the literals a match begins with stands.
  template <typename AtStart>
  std::optional<Match> Leftmost(std::string_view t, size_t from, const AtStart& at) const;

  std::vector<Part> parts_;
  std::vector<std::string> first_literals_;  // what every match begins with
};

// The label for `pattern` from a cache of this thread (valid while the
// thread lives); nullptr when the pattern is not a LiteralLabel.
const LiteralLabel* CachedLiteralLabel(std::string_view pattern);

// A count pattern "LABEL\s*(\d+)\s*(U1|U2|…)", or with "\s*(?:为)?\s*" after
// the label, LABEL a LiteralLabel and the units literals: "编制数?\s*(\d+)\s*(人|名)".
// Groups 1 the number, 2 the unit, as RE2 finds them.
class CountAfterLabel {
 public:
  // Nothing when `pattern` is not of that form.
  static std::optional<CountAfterLabel> Parse(std::string_view pattern);
  // The leftmost match in passage text [from, to): what
  // Search(RE2(pattern), p, from, to) finds.
  std::optional<Match> Search(const Passage& p, size_t from = 0,
                              size_t to = std::string::npos) const;

 private:
  CountAfterLabel(LiteralLabel label, bool optional_wei, std::vector<std::string> units)
      : label_(std::move(label)), optional_wei_(optional_wei), units_(std::move(units)) {}
  LiteralLabel label_;
  bool optional_wei_;               // "(?:为)?" may stand between label and number
  std::vector<std::string> units_;  // in the order the pattern tries them
};

// The count pattern for `pattern` from a cache of this thread (valid while
// the thread lives); nullptr when the pattern is not a CountAfterLabel.
const CountAfterLabel* CachedCountPattern(std::string_view pattern);

// Whether `c` is in RE2's \p{Han} (the Han script).
bool IsHanCodePoint(char32_t c);

// "无可比性" / "不适用": group 1 the phrase.
const RE2& NoComparableRatePattern();
std::optional<Match> SearchNoComparableRate(const Passage& p, size_t from = 0,
                                            size_t to = std::string::npos,
                                            RE2::Anchor anchor = RE2::UNANCHORED);

}  // namespace juesuan::parse
