// The printed words of 绩效自评表: title synonyms, header texts, row labels.
// Forms differ by region and year (REFERENCE §2.4, §4.2), so every word the
// readers match lives here, in one place, as data. Keys are matched after
// HeaderKey() folding (white space and parenthesised notes removed).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse::perf_vocabulary {

// Folded cell text without white space and without parenthesised notes:
// "实施单位 (盖章)" -> "实施单位", "部门资金（万元）" -> "部门资金",
// "其中：当年财政拨款" -> "其中:当年财政拨款".
std::string HeaderKey(std::string_view folded);

// The key to look folded cell text up with in the word tables below
// (FundColumnFor … IsGradeLabel, not FundSourceFor): HeaderKey(folded)
// when it is no longer than the longest word they know, else only its
// first bytes, one more than that word has. Too long for every word, that
// looks up as nothing, as the whole key would, and a long body cell is not
// copied whole to learn so.
std::string LookupKey(std::string_view folded);

// Which table a title names, from its folded text; nullopt if none.
std::optional<report::v1::PerformanceTableKind> TitleKind(std::string_view folded);

// The title words TitleKind looks for in a title's key, in the order it
// tries them, with the table kind each names.
std::span<const std::pair<std::string_view, report::v1::PerformanceTableKind>> TitleWords();

// Columns of the funds block.
enum class FundColumn {
  kLabel,     // 资金来源, 部门资金（万元）, blank …: the row label
  kInitial,   // 年初预算数
  kAnnual,    // 全年预算数 / 调整后预算数
  kExecuted,  // 全年执行数 / 预算执行数
  kWeight,    // 分值 / 分值权重 / 权重
  kRate,      // 执行率 / 预算执行率
  kScore,     // 得分
  kNote,      // 原因 / 说明
};
std::optional<FundColumn> FundColumnFor(std::string_view key);
// The money unit named by a header cell ("（万元）", "(元)"), if any.
std::optional<report::v1::MoneyUnit> MoneyUnitIn(std::string_view folded);

// The source a funds-row label names ("其中：当年财政拨款" -> CURRENT_FISCAL).
std::optional<report::v1::FundSource> FundSourceFor(std::string_view key);

// Columns of the indicator block.
enum class IndicatorColumn {
  kRowLabel,  // the merged "年度绩效指标完成情况" column (or a blank header)
  kLevel1,
  kLevel2,
  kLevel3,
  kTarget,
  kActual,
  kWeight,
  kCompletion,
  kScore,
  kBasis,
  kLastYear,
  kRule,
  kEvidence,
  kDeviation,
  kPolarity,
  kMeasureUnit,
};
std::optional<IndicatorColumn> IndicatorColumnFor(std::string_view key);
// False when no HeaderKey of `folded` can be the 一级/二级/三级指标 header: a
// test on the folded text that spares building the key of most cells.
bool MayNameIndicatorLevel(std::string_view folded);
// Labels of the merged column in front of the indicator rows.
bool IsIndicatorRowLabel(std::string_view key);

// Header-information labels.
enum class InfoField { kUnitName, kProjectName, kDepartment, kImplementer };
std::optional<InfoField> InfoFieldFor(std::string_view key);

// 年度总体目标 block headers.
enum class GoalColumn { kLabel, kExpected, kActual };
std::optional<GoalColumn> GoalColumnFor(std::string_view key);

bool IsTotalLabel(std::string_view key);  // 总分, 合计 …
bool IsGradeLabel(std::string_view key);  // 等级, 评价等级 …
// False when no HeaderKey of `folded` can be a grade label (see
// MayNameIndicatorLevel).
bool MayBeGradeLabel(std::string_view folded);

}  // namespace juesuan::parse::perf_vocabulary
