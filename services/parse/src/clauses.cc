#include "services/parse/src/clauses.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/base/status_macros.h"
#include "common/text/search.h"
#include "services/parse/src/matchers.h"

namespace juesuan::parse {
namespace {

using report::v1::Direction;

Direction DirectionOf(std::string_view word) {
  if (word == "增加" || word == "增长") return report::v1::DIRECTION_INCREASE;
  if (word == "减少" || word == "下降") return report::v1::DIRECTION_DECREASE;
  if (word == "持平") return report::v1::DIRECTION_FLAT;
  return report::v1::DIRECTION_UNSPECIFIED;
}

report::v1::BudgetKind BudgetKindOf(std::string_view word) {
  if (word == "年初") return report::v1::BUDGET_KIND_INITIAL;
  if (word == "全年") return report::v1::BUDGET_KIND_ANNUAL;
  if (word == "调整后") return report::v1::BUDGET_KIND_ADJUSTED;
  return report::v1::BUDGET_KIND_UNSPECIFIED;
}

report::v1::Comparison ComparisonOf(std::string_view word) {
  if (word == "大于") return report::v1::COMPARISON_GREATER;
  if (word == "小于") return report::v1::COMPARISON_LESS;
  if (word.find("基本持平") != std::string_view::npos) return report::v1::COMPARISON_ROUGHLY_EQUAL;
  return report::v1::COMPARISON_EQUAL;  // 等于 / 持平
}

const RE2& FlatPattern() {
  static const RE2 re(R"((?:与上年|比上年|与\d{4}年度?|上年)[^。;]{0,20}?持平|(?:支出)?决算持平)");
  return re;
}

// Whether [from, to) holds 预算为 or 预算数为, which the Shanghai
// budget-versus-final clause cannot do without (its 预算(?:数)?为): the
// clause is not searched for in the many passages that have neither.
bool MayHoldShBudgetVsFinal(const Passage& p, size_t from, size_t to) {
  return Holds(p, "预算为", from, to) || Holds(p, "预算数为", from, to);
}

}  // namespace

size_t SentenceEnd(const Passage& p, size_t pos, size_t to) {
  const std::string& t = p.text();
  if (to > t.size()) to = t.size();
  const size_t stop = t.find("。", pos);
  if (stop == std::string::npos || stop >= to) return to;
  return stop + std::string_view("。").size();
}

std::optional<report::v1::Text> ClauseParser::Reason(const Passage& p, size_t from,
                                                     size_t to) const {
  auto m = SearchReasonLead(p, from, to);
  if (!m) return std::nullopt;
  size_t end = SentenceEnd(p, m->end, to);
  size_t text_end = end;
  const std::string& t = p.text();
  if (text_end >= m->end + 3 && t.compare(text_end - 3, 3, "。") == 0) text_end -= 3;
  if (text_end <= m->end) return std::nullopt;
  return values_.MakeText(p, m->end, text_end);
}

std::optional<report::v1::YoY> ClauseParser::YoY(const Passage& p, size_t from,
                                                 size_t to) const {
  report::v1::YoY yoy;
  // SearchYoY looks for its comparison words itself; the flat pattern's
  // alternatives all need 持平, looked for first.
  std::optional<Match> m = SearchYoY(p, from, to), flat;
  if (Holds(p, "持平", from, to)) flat = Search(FlatPattern(), p, from, to);
  size_t reason_from = 0;
  if (m && (!flat || m->begin <= flat->begin)) {
    yoy.set_direction(DirectionOf(Group(p, *m, 1)));
    if (auto d = values_.MakeAmount(p, *m, 2, 3)) *yoy.mutable_delta() = std::move(*d);
    if (m->has(4)) {
      yoy.set_rate_direction(DirectionOf(Group(p, *m, 4)));
      if (auto r = values_.MakePercent(p, *m, 5)) *yoy.mutable_rate() = std::move(*r);
    }
    *yoy.mutable_src() = values_.Prov(p, m->begin, m->end);
    reason_from = m->end;
  } else if (flat) {
    yoy.set_direction(report::v1::DIRECTION_FLAT);
    yoy.set_rate_direction(report::v1::DIRECTION_FLAT);
    *yoy.mutable_src() = values_.Prov(p, flat->begin, flat->end);
    reason_from = flat->end;
  } else {
    return std::nullopt;
  }
  const size_t sentence_end = SentenceEnd(p, reason_from, to);
  if (auto nc = SearchNoComparableRate(p, reason_from, sentence_end)) {
    yoy.set_rate_text(std::string(Group(p, *nc, 1)));
  }
  // The reason belongs to this clause when it follows before the next
  // comparison starts.
  size_t reason_to = to;
  if (auto next = SearchYoY(p, reason_from, to)) reason_to = next->begin;
  if (auto reason = Reason(p, reason_from, reason_to)) {
    for (const auto& phrase : no_prior_phrases_) {
      if (reason->text().find(phrase) != std::string::npos) {
        yoy.set_reason_says_no_prior(true);
      }
    }
    *yoy.mutable_reason() = *std::move(reason);
  }
  return yoy;
}

std::optional<report::v1::BudgetVsFinal> ClauseParser::BudgetVsFinal(const Passage& p,
                                                                     size_t from,
                                                                     size_t to) const {
  // Xinjiang: 年初预算数B万元，决算数F万元，预决算差异率r% (SearchXjBudgetVsFinal)
  // Shanghai: 年初预算为B万元，[全年预算为A万元，]支出决算为F万元，完成年初预算的c%
  static const RE2 kSh(absl::StrCat(
      R"((年初|全年|调整后)?预算(?:数)?为\s*)", kNum, kMoney,
      R"((?:\s*[,，]?\s*(?:全年|调整后)预算(?:数)?为\s*)", kNum, kMoney, R"()?)",
      R"(\s*[,，]?\s*(?:支出)?决算(?:数)?为\s*)", kNum, kMoney,
      R"((?:\s*[,，]?\s*完成(年初|全年)?预算(?:数)?的\s*)", kNum, R"(\s*%)?)"));
  // Shanghai 三公 items: "因公出国（境）费决算为F万元，完成预算的c%" (no budget printed).
  static const RE2 kShCompletion(absl::StrCat(
      R"((?:支出)?决算(?:数)?为\s*)", kNum, kMoney,
      R"(\s*[,，]?\s*完成(年初|全年)?预算(?:数)?的\s*)", kNum, R"(\s*%)"));
  report::v1::BudgetVsFinal bvf;
  // Every form needs 决算, and each its own word: look for those first.
  if (!Holds(p, "决算", from, to)) return std::nullopt;
  std::optional<Match> xj, sh;
  if (Holds(p, "差异率", from, to)) xj = SearchXjBudgetVsFinal(p, from, to);
  if (MayHoldShBudgetVsFinal(p, from, to)) sh = Search(kSh, p, from, to);
  if (!xj && !sh) {
    auto c = Holds(p, "完成", from, to) ? Search(kShCompletion, p, from, to) : std::nullopt;
    if (!c) return std::nullopt;
    bvf.set_kind(report::v1::BUDGET_KIND_UNSPECIFIED);
    if (auto f = values_.MakeAmount(p, *c, 1, 2)) *bvf.mutable_final() = std::move(*f);
    bvf.set_completion_kind(BudgetKindOf(Group(p, *c, 3)));
    if (auto pct = values_.MakePercent(p, *c, 4)) *bvf.mutable_completion() = std::move(*pct);
    *bvf.mutable_src() = values_.Prov(p, c->begin, c->end);
    return bvf;
  }
  size_t after = 0;
  if (xj && (!sh || xj->begin <= sh->begin)) {
    bvf.set_kind(BudgetKindOf(Group(p, *xj, 1)));
    if (auto b = values_.MakeAmount(p, *xj, 2, 3)) *bvf.mutable_budget() = std::move(*b);
    if (auto f = values_.MakeAmount(p, *xj, 4, 5)) *bvf.mutable_final() = std::move(*f);
    if (auto r = values_.MakePercent(p, *xj, 6)) *bvf.mutable_diff_rate() = std::move(*r);
    *bvf.mutable_src() = values_.Prov(p, xj->begin, xj->end);
    after = xj->end;
  } else if (sh) {
    const auto kind = BudgetKindOf(Group(p, *sh, 1));
    bvf.set_kind(kind == report::v1::BUDGET_KIND_UNSPECIFIED ? report::v1::BUDGET_KIND_INITIAL
                                                              : kind);
    if (auto b = values_.MakeAmount(p, *sh, 2, 3)) *bvf.mutable_budget() = std::move(*b);
    if (auto a = values_.MakeAmount(p, *sh, 4, 5)) *bvf.mutable_annual_budget() = std::move(*a);
    if (auto f = values_.MakeAmount(p, *sh, 6, 7)) *bvf.mutable_final() = std::move(*f);
    if (sh->has(9)) {
      bvf.set_completion_kind(BudgetKindOf(Group(p, *sh, 8)));
      if (auto c = values_.MakePercent(p, *sh, 9)) *bvf.mutable_completion() = std::move(*c);
    }
    *bvf.mutable_src() = values_.Prov(p, sh->begin, sh->end);
    after = sh->end;
  } else {
    return std::nullopt;
  }
  // The comparison word follows in the same or the next sentence.
  static const RE2 kCompare(
      R"(决算数?\s*(大于|小于|等于|与(?:年初|全年|调整后)?预算数?(?:基本)?持平|(?:基本)?持平))");
  const size_t window_end = SentenceEnd(p, SentenceEnd(p, after, to), to);
  size_t reason_from = after;
  if (auto c = Search(kCompare, p, after, window_end)) {
    bvf.set_comparison(ComparisonOf(Group(p, *c, 1)));
    reason_from = c->end;
  }
  size_t reason_to = to;
  if (auto next = SearchXjBudgetVsFinal(p, after, to)) reason_to = std::min(reason_to, next->begin);
  if (MayHoldShBudgetVsFinal(p, after, to)) {
    if (auto next = Search(kSh, p, after, to)) reason_to = std::min(reason_to, next->begin);
  }
  if (auto reason = Reason(p, reason_from, std::min(reason_to, window_end))) {
    *bvf.mutable_reason() = *std::move(reason);
  }
  return bvf;
}

namespace {

bool IsLiteral(std::string_view pattern) {
  return pattern.find_first_of("\\()[]{}?*+|.^$") == std::string::npos;
}

}  // namespace

std::optional<report::v1::Amount> ClauseParser::AmountAfter(const Passage& p,
                                                            std::string_view label,
                                                            size_t from, size_t to,
                                                            size_t* end) const {
  std::optional<Match> m;
  size_t number_group = 1;
  if (IsLiteral(label) && !label.empty()) {
    // Most labels are plain words: find them with a substring search and
    // read the amount only where they stand.
    // Only the window is searched for the label.
    const std::string_view window = std::string_view(p.text()).substr(0, to);
    for (size_t at = text::Find(window, label, from); at != std::string_view::npos;
         at = text::Find(window, label, at + 1)) {
      m = AmountAfterLabel(window, at, at + label.size());
      if (m) break;
    }
  } else if (const LiteralLabel* literal_label = CachedLiteralLabel(label)) {
    // "(?:支出)?决算数?为?": a few literals to choose from, read by hand too.
    const std::string& t = p.text();
    m = literal_label->SearchAmount(std::string_view(t).substr(0, std::min(to, t.size())), from);
  } else {
    const RE2& re =
        CachedPattern(absl::StrCat(ToAbsl(label), R"([^\d,;:。%]{0,8}?\s*)", kNum, kMoney));
    number_group = re.NumberOfCapturingGroups() - 1;
    m = Search(re, p, from, to);
  }
  if (!m) return std::nullopt;
  auto a = values_.MakeAmount(p, *m, number_group, number_group + 1);
  if (a && end) *end = m->end;
  return a;
}

std::optional<report::v1::Percent> ClauseParser::ShareAfter(const Passage& p, size_t from,
                                                            size_t to) const {
  const std::string& t = p.text();
  if (to > t.size()) to = t.size();
  if (from >= to) return std::nullopt;
  auto m = SearchShare(p, from, to, RE2::ANCHOR_START);
  if (!m) return std::nullopt;
  return values_.MakePercent(p, *m, 1);
}

}  // namespace juesuan::parse
