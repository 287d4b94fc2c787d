#include "services/parse/perf/perf_vocabulary.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

#include "common/text/search.h"

namespace juesuan::parse::perf_vocabulary {
namespace {

using report::v1::FundSource;
using report::v1::PerformanceTableKind;

template <typename T, size_t N>
std::optional<T> Lookup(const std::array<std::pair<std::string_view, T>, N>& table,
                        std::string_view key) {
  for (const auto& [word, value] : table) {
    if (key == word) return value;
  }
  return std::nullopt;
}

// A long table looked up by hash: every cell of a header row is looked up.
// The first entry of a word wins, as in Lookup.
template <typename T>
class WordIndex {
 public:
  template <size_t N>
  explicit WordIndex(const std::array<std::pair<std::string_view, T>, N>& table) {
    index_.reserve(N);
    for (const auto& [word, value] : table) {
      index_.emplace(word, value);
      longest_ = std::max(longest_, word.size());
    }
  }
  std::optional<T> Find(std::string_view key) const {
    // Most keys asked for are body cells, longer than any header word:
    // those need no hash of their whole text.
    if (key.size() > longest_) return std::nullopt;
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, T> index_;
  size_t longest_ = 0;
};

constexpr std::array<std::pair<std::string_view, PerformanceTableKind>, 6> kTitles = {{
    {"整体支出绩效自评表", report::v1::PERFORMANCE_TABLE_KIND_OVERALL},
    {"整体绩效自评表", report::v1::PERFORMANCE_TABLE_KIND_OVERALL},
    {"整体支出绩效评价表", report::v1::PERFORMANCE_TABLE_KIND_OVERALL},
    {"项目支出绩效自评表", report::v1::PERFORMANCE_TABLE_KIND_PROJECT},
    {"项目绩效自评表", report::v1::PERFORMANCE_TABLE_KIND_PROJECT},
    {"项目支出绩效评价表", report::v1::PERFORMANCE_TABLE_KIND_PROJECT},
}};

constexpr std::array<std::pair<std::string_view, FundColumn>, 23> kFundColumns = {{
    {"资金来源", FundColumn::kLabel},      {"部门资金", FundColumn::kLabel},
    {"项目资金", FundColumn::kLabel},      {"年度预算数", FundColumn::kLabel},
    {"预算执行情况", FundColumn::kLabel},  {"", FundColumn::kLabel},
    {"年初预算数", FundColumn::kInitial},  {"年初预算", FundColumn::kInitial},
    {"全年预算数", FundColumn::kAnnual},   {"全年预算", FundColumn::kAnnual},
    {"调整后预算数", FundColumn::kAnnual}, {"调整后预算", FundColumn::kAnnual},
    {"全年执行数", FundColumn::kExecuted}, {"预算执行数", FundColumn::kExecuted},
    {"执行数", FundColumn::kExecuted},     {"分值", FundColumn::kWeight},
    {"分值权重", FundColumn::kWeight},     {"权重", FundColumn::kWeight},
    {"执行率", FundColumn::kRate},         {"预算执行率", FundColumn::kRate},
    {"得分", FundColumn::kScore},          {"原因", FundColumn::kNote},
    {"说明", FundColumn::kNote},
}};

// Checked in order, by containment: the more specific words come first.
constexpr std::array<std::pair<std::string_view, FundSource>, 14> kFundSources = {{
    {"资金总额", report::v1::FUND_SOURCE_TOTAL},
    {"合计", report::v1::FUND_SOURCE_TOTAL},
    {"总计", report::v1::FUND_SOURCE_TOTAL},
    {"总额", report::v1::FUND_SOURCE_TOTAL},
    {"财政专户", report::v1::FUND_SOURCE_SPECIAL_ACCOUNT},
    {"当年财政拨款", report::v1::FUND_SOURCE_CURRENT_FISCAL},
    {"财政拨款", report::v1::FUND_SOURCE_CURRENT_FISCAL},
    {"财政资金", report::v1::FUND_SOURCE_CURRENT_FISCAL},
    {"上年结转", report::v1::FUND_SOURCE_CARRIED_OVER},
    {"结转资金", report::v1::FUND_SOURCE_CARRIED_OVER},
    {"上级资金", report::v1::FUND_SOURCE_SUPERIOR},
    {"本级资金", report::v1::FUND_SOURCE_OWN_LEVEL},
    {"单位资金", report::v1::FUND_SOURCE_UNIT},
    {"其他资金", report::v1::FUND_SOURCE_OTHER},
}};

constexpr std::array<std::pair<std::string_view, IndicatorColumn>, 44> kIndicatorColumns = {{
    {"", IndicatorColumn::kRowLabel},
    {"年度绩效指标完成情况", IndicatorColumn::kRowLabel},
    {"绩效指标", IndicatorColumn::kRowLabel},
    {"年度绩效指标", IndicatorColumn::kRowLabel},
    {"一级指标", IndicatorColumn::kLevel1},
    {"二级指标", IndicatorColumn::kLevel2},
    {"三级指标", IndicatorColumn::kLevel3},
    {"预期指标值", IndicatorColumn::kTarget},
    {"目标值", IndicatorColumn::kTarget},
    {"年度指标值", IndicatorColumn::kTarget},
    {"指标值", IndicatorColumn::kTarget},
    {"年度目标值", IndicatorColumn::kTarget},
    {"预期目标值", IndicatorColumn::kTarget},
    {"计划指标值", IndicatorColumn::kTarget},
    {"实际完成指标值", IndicatorColumn::kActual},
    {"业绩值", IndicatorColumn::kActual},
    {"实际完成值", IndicatorColumn::kActual},
    {"完成值", IndicatorColumn::kActual},
    {"指标实际完成值", IndicatorColumn::kActual},
    {"全年完成值", IndicatorColumn::kActual},
    {"全年实际值", IndicatorColumn::kActual},
    {"分值权重", IndicatorColumn::kWeight},
    {"权重", IndicatorColumn::kWeight},
    {"分值", IndicatorColumn::kWeight},
    {"指标分值权重", IndicatorColumn::kWeight},
    {"指标权重", IndicatorColumn::kWeight},
    {"完成率", IndicatorColumn::kCompletion},
    {"指标完成率", IndicatorColumn::kCompletion},
    {"得分", IndicatorColumn::kScore},
    {"指标得分", IndicatorColumn::kScore},
    {"指标值设定依据", IndicatorColumn::kBasis},
    {"指标值设置依据", IndicatorColumn::kBasis},
    {"上年完成情况", IndicatorColumn::kLastYear},
    {"上年完成值", IndicatorColumn::kLastYear},
    {"上年实际完成值", IndicatorColumn::kLastYear},
    {"赋分规则", IndicatorColumn::kRule},
    {"指标赋分规则", IndicatorColumn::kRule},
    {"佐证资料", IndicatorColumn::kEvidence},
    {"偏差原因分析及改进措施", IndicatorColumn::kDeviation},
    {"偏差原因分析", IndicatorColumn::kDeviation},
    {"未完成原因分析", IndicatorColumn::kDeviation},
    {"指标性质", IndicatorColumn::kPolarity},
    {"度量单位", IndicatorColumn::kMeasureUnit},
    {"计量单位", IndicatorColumn::kMeasureUnit},
}};

constexpr std::array<std::pair<std::string_view, InfoField>, 6> kInfoFields = {{
    {"单位名称", InfoField::kUnitName},
    {"部门名称", InfoField::kUnitName},
    {"项目名称", InfoField::kProjectName},
    {"主管部门", InfoField::kDepartment},
    {"实施单位", InfoField::kImplementer},
    {"项目实施单位", InfoField::kImplementer},
}};

constexpr std::array<std::pair<std::string_view, GoalColumn>, 7> kGoalColumns = {{
    {"年度总体目标", GoalColumn::kLabel},
    {"总体目标", GoalColumn::kLabel},
    {"预期目标", GoalColumn::kExpected},
    {"项目年度目标", GoalColumn::kExpected},
    {"年度目标", GoalColumn::kExpected},
    {"实际完成情况", GoalColumn::kActual},
    {"年度目标完成情况", GoalColumn::kActual},
}};

constexpr std::array<std::string_view, 4> kTotalLabels = {"总分", "合计", "总计", "总得分"};
constexpr std::array<std::string_view, 5> kGradeLabels = {"等级", "评价等级", "自评等级", "评级",
                                                          "绩效等级"};

// The longest word the exact look-ups (columns, info fields, labels) know.
constexpr size_t LongestLookupWord() {
  size_t longest = 0;
  for (const auto& [word, value] : kFundColumns) longest = std::max(longest, word.size());
  for (const auto& [word, value] : kIndicatorColumns) longest = std::max(longest, word.size());
  for (const auto& [word, value] : kInfoFields) longest = std::max(longest, word.size());
  for (const auto& [word, value] : kGoalColumns) longest = std::max(longest, word.size());
  for (std::string_view word : kTotalLabels) longest = std::max(longest, word.size());
  for (std::string_view word : kGradeLabels) longest = std::max(longest, word.size());
  return longest;
}

// HeaderKey, stopped once it holds more than `limit` bytes.
std::string HeaderKeyUpTo(std::string_view folded, size_t limit) {
  // Written through a pointer: every cell of a performance table gets a key,
  // and push_back's capacity check per byte was most of the cost. Brackets
  // and blanks are told from the other bytes by one table look-up.
  static constexpr std::array<bool, 256> kBracketOrBlank = [] {
    std::array<bool, 256> special{};
    for (unsigned char c : {'(', ')', ' ', '\t', '\r', '\n'}) special[c] = true;
    return special;
  }();
  std::string key(std::min(folded.size(), limit + 1), '\0');
  char* const begin = key.data();
  char* out = begin;
  int depth = 0;
  for (char c : folded) {
    if (!kBracketOrBlank[static_cast<unsigned char>(c)]) {
      if (depth == 0) {
        *out++ = c;  // kept outside brackets only
        if (static_cast<size_t>(out - begin) > limit) break;
      }
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    }
  }
  key.resize(out - begin);
  return key;
}

}  // namespace

std::string HeaderKey(std::string_view folded) {
  return HeaderKeyUpTo(folded, folded.size());
}

std::string LookupKey(std::string_view folded) {
  return HeaderKeyUpTo(folded, LongestLookupWord());
}

// Every title is a kind of 绩效…表: a line without both characters is no
// title (HeaderKey only drops ASCII bytes from valid UTF-8), which spares
// building a key for each line of the document, tables listed included.
constexpr bool EveryTitleHoldsJiAndBiao() {
  for (const auto& [word, kind] : kTitles) {
    if (!word.ends_with("表") || word.find("绩") == std::string_view::npos) return false;
  }
  return true;
}
static_assert(EveryTitleHoldsJiAndBiao());

std::optional<PerformanceTableKind> TitleKind(std::string_view folded) {
  if (!text::Contains(folded, "表") || !text::Contains(folded, "绩")) return std::nullopt;
  const std::string key = HeaderKey(folded);
  for (const auto& [word, kind] : kTitles) {
    if (text::Contains(key, word)) return kind;
  }
  return std::nullopt;
}

std::span<const std::pair<std::string_view, PerformanceTableKind>> TitleWords() {
  return kTitles;
}

std::optional<FundColumn> FundColumnFor(std::string_view key) {
  static const WordIndex<FundColumn> index(kFundColumns);
  return index.Find(key);
}

std::optional<report::v1::MoneyUnit> MoneyUnitIn(std::string_view folded) {
  if (folded.find("万元") != std::string_view::npos) return report::v1::MONEY_UNIT_WAN_YUAN;
  if (folded.find("(元)") != std::string_view::npos ||
      folded.find("单位:元") != std::string_view::npos) {
    return report::v1::MONEY_UNIT_YUAN;
  }
  return std::nullopt;
}

std::optional<FundSource> FundSourceFor(std::string_view key) {
  for (const auto& [word, source] : kFundSources) {
    if (text::Contains(key, word)) return source;
  }
  return std::nullopt;
}

std::optional<IndicatorColumn> IndicatorColumnFor(std::string_view key) {
  static const WordIndex<IndicatorColumn> index(kIndicatorColumns);
  return index.Find(key);
}

bool IsIndicatorRowLabel(std::string_view key) {
  auto column = IndicatorColumnFor(key);
  return !key.empty() && column && *column == IndicatorColumn::kRowLabel;
}

std::optional<InfoField> InfoFieldFor(std::string_view key) { return Lookup(kInfoFields, key); }

std::optional<GoalColumn> GoalColumnFor(std::string_view key) { return Lookup(kGoalColumns, key); }

bool IsTotalLabel(std::string_view key) {
  for (std::string_view word : kTotalLabels) {
    if (key == word) return true;
  }
  return false;
}

// Every level header (一级指标 …) and every grade label (等级 …) holds 级.
constexpr std::string_view kJi = "级";
constexpr bool EveryLevelHeaderHoldsJi() {
  for (const auto& [word, column] : kIndicatorColumns) {
    const bool level = column == IndicatorColumn::kLevel1 || column == IndicatorColumn::kLevel2 ||
                       column == IndicatorColumn::kLevel3;
    if (level && word.find(kJi) == std::string_view::npos) return false;
  }
  return true;
}
static_assert(EveryLevelHeaderHoldsJi());
constexpr bool EveryGradeLabelHoldsJi() {
  for (std::string_view word : kGradeLabels) {
    if (word.find(kJi) == std::string_view::npos) return false;
  }
  return true;
}
static_assert(EveryGradeLabelHoldsJi());

// HeaderKey only drops ASCII bytes from valid UTF-8, so a key holding 级
// comes from folded text holding 级.
bool MayNameIndicatorLevel(std::string_view folded) { return text::Contains(folded, kJi); }

bool MayBeGradeLabel(std::string_view folded) { return text::Contains(folded, kJi); }

bool IsGradeLabel(std::string_view key) {
  for (std::string_view word : kGradeLabels) {
    if (key == word) return true;
  }
  return false;
}

}  // namespace juesuan::parse::perf_vocabulary
