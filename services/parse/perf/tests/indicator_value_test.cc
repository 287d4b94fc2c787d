#include "services/parse/perf/indicator_value.h"

#include <string>

#include "gtest/gtest.h"

namespace juesuan::parse {
namespace {

using report::v1::IndicatorValue;
namespace v1 = report::v1;

void ExpectQuantity(std::string_view raw, v1::IndicatorOp op, int64_t digits, int32_t scale,
                    std::string_view unit) {
  SCOPED_TRACE(std::string(raw));
  const IndicatorValue v = ParseIndicatorValue(raw);
  EXPECT_EQ(v.raw(), raw);
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_QUANTITATIVE);
  EXPECT_EQ(v.op(), op);
  ASSERT_TRUE(v.has_number());
  EXPECT_EQ(v.number().digits(), digits);
  EXPECT_EQ(v.number().scale(), scale);
  EXPECT_EQ(v.unit(), unit);
  EXPECT_FALSE(v.has_date());
}

TEST(IndicatorValueTest, SeedTargetsAndActuals) {
  ExpectQuantity(">=105期", v1::INDICATOR_OP_GE, 105, 0, "期");
  ExpectQuantity("105期", v1::INDICATOR_OP_UNSPECIFIED, 105, 0, "期");
  ExpectQuantity(">=3次", v1::INDICATOR_OP_GE, 3, 0, "次");
  ExpectQuantity("=1次", v1::INDICATOR_OP_EQ, 1, 0, "次");
  ExpectQuantity("1期", v1::INDICATOR_OP_UNSPECIFIED, 1, 0, "期");
  ExpectQuantity(">=2批", v1::INDICATOR_OP_GE, 2, 0, "批");
  ExpectQuantity("=2批", v1::INDICATOR_OP_EQ, 2, 0, "批");
  ExpectQuantity(">=12人", v1::INDICATOR_OP_GE, 12, 0, "人");
  ExpectQuantity("=100%", v1::INDICATOR_OP_EQ, 100, 0, "%");
  ExpectQuantity("<=38.79万元", v1::INDICATOR_OP_LE, 3879, 2, "万元");
  ExpectQuantity("=38.79万元", v1::INDICATOR_OP_EQ, 3879, 2, "万元");
  ExpectQuantity("<=29.3万元", v1::INDICATOR_OP_LE, 293, 1, "万元");
  ExpectQuantity(">=90%", v1::INDICATOR_OP_GE, 90, 0, "%");
}

TEST(IndicatorValueTest, OperatorForms) {
  ExpectQuantity("≥95", v1::INDICATOR_OP_GE, 95, 0, "");
  ExpectQuantity("≧95%", v1::INDICATOR_OP_GE, 95, 0, "%");
  ExpectQuantity("＞＝95％", v1::INDICATOR_OP_GE, 95, 0, "%");
  ExpectQuantity("=>95", v1::INDICATOR_OP_GE, 95, 0, "");
  ExpectQuantity("≤5天", v1::INDICATOR_OP_LE, 5, 0, "天");
  ExpectQuantity("＜＝5天", v1::INDICATOR_OP_LE, 5, 0, "天");
  ExpectQuantity("≦5天", v1::INDICATOR_OP_LE, 5, 0, "天");
  ExpectQuantity("﹦100%", v1::INDICATOR_OP_EQ, 100, 0, "%");
  ExpectQuantity("＝100%", v1::INDICATOR_OP_EQ, 100, 0, "%");
  ExpectQuantity(">0个", v1::INDICATOR_OP_GT, 0, 0, "个");
  ExpectQuantity("＞3个", v1::INDICATOR_OP_GT, 3, 0, "个");
  ExpectQuantity("<1%", v1::INDICATOR_OP_LT, 1, 0, "%");
  ExpectQuantity("＜1%", v1::INDICATOR_OP_LT, 1, 0, "%");
  ExpectQuantity(" >= 105 期 ", v1::INDICATOR_OP_GE, 105, 0, "期");
}

TEST(IndicatorValueTest, WordOperatorsAndBoundSuffixes) {
  ExpectQuantity("不低于95%", v1::INDICATOR_OP_GE, 95, 0, "%");
  ExpectQuantity("不少于3次", v1::INDICATOR_OP_GE, 3, 0, "次");
  ExpectQuantity("不超过38.79万元", v1::INDICATOR_OP_LE, 3879, 2, "万元");
  ExpectQuantity("大于等于90%", v1::INDICATOR_OP_GE, 90, 0, "%");
  ExpectQuantity("105期以上", v1::INDICATOR_OP_GE, 105, 0, "期");
  ExpectQuantity("5天以内", v1::INDICATOR_OP_LE, 5, 0, "天");
  ExpectQuantity("10万元以下", v1::INDICATOR_OP_LE, 10, 0, "万元");
  // An explicit operator wins over a suffix.
  ExpectQuantity("=105期以上", v1::INDICATOR_OP_EQ, 105, 0, "期");
}

TEST(IndicatorValueTest, NumbersAreExact) {
  ExpectQuantity("1,200人次", v1::INDICATOR_OP_UNSPECIFIED, 1200, 0, "人次");
  ExpectQuantity("0.01万元", v1::INDICATOR_OP_UNSPECIFIED, 1, 2, "万元");
  ExpectQuantity("121.390元", v1::INDICATOR_OP_UNSPECIFIED, 121390, 3, "元");
  ExpectQuantity("100", v1::INDICATOR_OP_UNSPECIFIED, 100, 0, "");
  ExpectQuantity("2台(套)", v1::INDICATOR_OP_UNSPECIFIED, 2, 0, "台(套)");
  ExpectQuantity("2台（套）", v1::INDICATOR_OP_UNSPECIFIED, 2, 0, "台(套)");
}

TEST(IndicatorValueTest, Deadlines) {
  for (const char* qualifier : {"前", "以前", "之前"}) {
    const std::string raw = std::string("2024年12月10日") + qualifier;
    SCOPED_TRACE(raw);
    const IndicatorValue v = ParseIndicatorValue(raw);
    EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DEADLINE);
    EXPECT_EQ(v.date().year(), 2024);
    EXPECT_EQ(v.date().month(), 12);
    EXPECT_EQ(v.date().day(), 10);
    EXPECT_EQ(v.date_qualifier(), qualifier);
    EXPECT_FALSE(v.has_number());
  }
  IndicatorValue v = ParseIndicatorValue("2024年底前");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DEADLINE);
  EXPECT_EQ(v.date().month(), 12);
  EXPECT_EQ(v.date().day(), 31);
  v = ParseIndicatorValue("≤2024年6月30日");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DEADLINE);
  EXPECT_EQ(v.op(), v1::INDICATOR_OP_LE);
  EXPECT_EQ(v.date().month(), 6);
  v = ParseIndicatorValue("12月10日前");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DEADLINE);
  EXPECT_EQ(v.date().year(), 0);
  EXPECT_EQ(v.date().month(), 12);
  EXPECT_EQ(v.date().day(), 10);
  v = ParseIndicatorValue("2024年12月前");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DEADLINE);
  EXPECT_EQ(v.date().month(), 12);
  EXPECT_EQ(v.date().day(), 0);
}

TEST(IndicatorValueTest, PlainDates) {
  IndicatorValue v = ParseIndicatorValue("2024年11月21日");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DATE);
  EXPECT_EQ(v.date().year(), 2024);
  EXPECT_EQ(v.date().month(), 11);
  EXPECT_EQ(v.date().day(), 21);
  EXPECT_EQ(v.date_qualifier(), "");
  v = ParseIndicatorValue("2024.11.21");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DATE);
  EXPECT_EQ(v.date().day(), 21);
  v = ParseIndicatorValue("2024-11-21");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DATE);
  EXPECT_EQ(v.date().month(), 11);
  v = ParseIndicatorValue("=2024年11月21日");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_DATE);
  EXPECT_EQ(v.op(), v1::INDICATOR_OP_EQ);
}

TEST(IndicatorValueTest, InvalidDatesAreNotDates) {
  EXPECT_NE(ParseIndicatorValue("2024年13月1日").kind(), v1::INDICATOR_VALUE_KIND_DATE);
  // A small year count is a quantity, not a date.
  ExpectQuantity("3年", v1::INDICATOR_OP_UNSPECIFIED, 3, 0, "年");
  ExpectQuantity(">=2000人", v1::INDICATOR_OP_GE, 2000, 0, "人");
}

TEST(IndicatorValueTest, Qualitative) {
  for (const char* raw : {"保障", "达到预期指标", "效果明显", "高", "好", "应保尽保", "有效提升",
                          "高于预期", "90%-100%", "100%完成全部采购任务并验收"}) {
    SCOPED_TRACE(raw);
    const IndicatorValue v = ParseIndicatorValue(raw);
    EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_QUALITATIVE);
    EXPECT_EQ(v.op(), v1::INDICATOR_OP_UNSPECIFIED);
    EXPECT_FALSE(v.has_number());
    EXPECT_EQ(v.unit(), "");
    EXPECT_EQ(v.raw(), raw);
  }
  // A symbol operator before prose is kept.
  const IndicatorValue v = ParseIndicatorValue("=达标");
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_QUALITATIVE);
  EXPECT_EQ(v.op(), v1::INDICATOR_OP_EQ);
}

TEST(IndicatorValueTest, BlankMarks) {
  for (const char* raw : {"", "  ", "—", "——", "-", "－", "/", "／", "\\"}) {
    SCOPED_TRACE(raw);
    const IndicatorValue v = ParseIndicatorValue(raw);
    EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_BLANK);
    EXPECT_EQ(v.raw(), raw);
    EXPECT_FALSE(v.has_number());
  }
  EXPECT_TRUE(IsBlankMark("—"));
  EXPECT_FALSE(IsBlankMark("0"));
  EXPECT_FALSE(IsBlankMark("0.00"));
}

TEST(IndicatorValueTest, OperatorAlone) {
  const IndicatorValue v = ParseIndicatorValue("≥");
  EXPECT_EQ(v.op(), v1::INDICATOR_OP_GE);
  EXPECT_EQ(v.kind(), v1::INDICATOR_VALUE_KIND_UNSPECIFIED);
}

TEST(IndicatorValueTest, OperatorCells) {
  EXPECT_EQ(ParseOperatorCell("≥"), v1::INDICATOR_OP_GE);
  EXPECT_EQ(ParseOperatorCell("＞＝"), v1::INDICATOR_OP_GE);
  EXPECT_EQ(ParseOperatorCell("﹦"), v1::INDICATOR_OP_EQ);
  EXPECT_EQ(ParseOperatorCell("="), v1::INDICATOR_OP_EQ);
  EXPECT_EQ(ParseOperatorCell("≤"), v1::INDICATOR_OP_LE);
  EXPECT_EQ(ParseOperatorCell("正向"), v1::INDICATOR_OP_GE);
  EXPECT_EQ(ParseOperatorCell("反向"), v1::INDICATOR_OP_LE);
  EXPECT_EQ(ParseOperatorCell("定性"), v1::INDICATOR_OP_UNSPECIFIED);
  EXPECT_EQ(ParseOperatorCell(""), v1::INDICATOR_OP_UNSPECIFIED);
  EXPECT_EQ(ParseOperatorCell("=5"), v1::INDICATOR_OP_UNSPECIFIED);
}

}  // namespace
}  // namespace juesuan::parse
