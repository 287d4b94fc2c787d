// Expectation helpers shared by the performance-table tests.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse::testing_support {

// An expected IndicatorValue.
struct Value {
  Value(std::string raw, report::v1::IndicatorValueKind kind, report::v1::IndicatorOp op,
        int64_t digits = 0, int32_t scale = 0, std::string unit = "", int32_t year = 0,
        int32_t month = 0, int32_t day = 0, std::string qualifier = "")
      : raw(std::move(raw)),
        kind(kind),
        op(op),
        digits(digits),
        scale(scale),
        unit(std::move(unit)),
        year(year),
        month(month),
        day(day),
        qualifier(std::move(qualifier)) {}

  std::string raw;
  report::v1::IndicatorValueKind kind;
  report::v1::IndicatorOp op;
  int64_t digits = 0;
  int32_t scale = 0;
  std::string unit;
  int32_t year = 0, month = 0, day = 0;
  std::string qualifier;
};

inline void ExpectValue(const report::v1::IndicatorValue& v, const Value& e) {
  SCOPED_TRACE(e.raw);
  EXPECT_EQ(v.raw(), e.raw);
  EXPECT_EQ(v.kind(), e.kind);
  EXPECT_EQ(v.op(), e.op);
  EXPECT_EQ(v.unit(), e.unit);
  if (e.kind == report::v1::INDICATOR_VALUE_KIND_QUANTITATIVE) {
    ASSERT_TRUE(v.has_number());
    EXPECT_EQ(v.number().digits(), e.digits);
    EXPECT_EQ(v.number().scale(), e.scale);
  } else {
    EXPECT_FALSE(v.has_number());
  }
  if (e.year != 0) {
    EXPECT_EQ(v.date().year(), e.year);
    EXPECT_EQ(v.date().month(), e.month);
    EXPECT_EQ(v.date().day(), e.day);
    EXPECT_EQ(v.date_qualifier(), e.qualifier);
  } else {
    EXPECT_FALSE(v.has_date());
  }
}

inline void ExpectDecimal(const report::v1::DecimalCell& cell, int64_t digits, int32_t scale,
                          const std::string& raw) {
  SCOPED_TRACE(raw);
  EXPECT_FALSE(cell.blank());
  EXPECT_EQ(cell.raw(), raw);
  ASSERT_TRUE(cell.has_value());
  EXPECT_EQ(cell.value().digits(), digits);
  EXPECT_EQ(cell.value().scale(), scale);
}

inline void ExpectBlankDecimal(const report::v1::DecimalCell& cell, const std::string& raw) {
  EXPECT_TRUE(cell.blank()) << raw;
  EXPECT_EQ(cell.raw(), raw);
  EXPECT_FALSE(cell.has_value()) << raw;
}

}  // namespace juesuan::parse::testing_support

namespace juesuan::parse::testing_support {

// Prints rows the way the Word export does: one tab-prefixed line per cell,
// a blank line after each row.
inline std::string WordExport(const std::vector<std::vector<std::string>>& rows) {
  std::string text;
  for (const auto& row : rows) {
    for (const auto& cell : row) text += "\t" + cell + "\n";
    text += "\n";
  }
  return text;
}

}  // namespace juesuan::parse::testing_support
