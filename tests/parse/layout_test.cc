// Sections are recognised by their titles for each layout, whatever their
// ordinals; unknown sections are kept and reported.
#include <random>
#include <sstream>

#include "absl/strings/str_replace.h"
#include "common/text/normalize.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "services/parse/src/sections.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse::testing {
namespace {

std::map<std::string, std::string> KeysByTitle(const report::v1::Report& r) {
  std::map<std::string, std::string> out;
  for (const auto& s : r.sections()) out[s.title()] = s.key();
  return out;
}

// The Yunnan tree of REFERENCE §1.4 (no Yunnan document is in the corpus:
// the headings are those published by Yunnan units).
TEST(Layouts, YunnanHeadingsGetTheirSemanticKeys) {
  const std::string text =
      "云南省某某局2024年度部门决算\n"
      "第一部分 部门概况\n一、主要职责\n本部门负责…。\n二、基本情况\n三、重点工作概述\n"
      "第二部分 2024年度部门决算表\n一、收入支出决算表\n"
      "第三部分 2024年度部门决算情况说明\n"
      "一、收入决算情况说明\n本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100.00%。\n"
      "二、支出决算情况说明\n"
      "三、一般公共预算财政拨款支出决算情况说明\n"
      "四、财政拨款“三公”经费支出决算情况说明\n"
      "第四部分 其他重要事项及相关口径情况说明\n"
      "一、机关运行经费支出情况\n二、国有资产占用情况\n三、政府采购支出情况\n"
      "四、部门绩效自评情况\n五、其他重要事项情况说明\n六、相关口径说明\n"
      "第五部分 名词解释\n一、财政拨款收入：指本级财政当年拨付的资金。\n";
  auto r = ParseBytes(text);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->document().layout(), report::v1::LAYOUT_YUNNAN);
  auto keys = KeysByTitle(*r);
  EXPECT_EQ(keys["第一部分 部门概况"], "P.PROFILE");
  EXPECT_EQ(keys["一、主要职责"], "P.FUNCTIONS");
  EXPECT_EQ(keys["二、基本情况"], "P.ORG");
  EXPECT_EQ(keys["第二部分 2024年度部门决算表"], "TABLES");
  EXPECT_EQ(keys["第三部分 2024年度部门决算情况说明"], "N");
  EXPECT_EQ(keys["一、收入决算情况说明"], "N.INCOME");
  EXPECT_EQ(keys["二、支出决算情况说明"], "N.EXPEND");
  EXPECT_EQ(keys["三、一般公共预算财政拨款支出决算情况说明"], "N.GPB");
  EXPECT_EQ(keys["四、财政拨款“三公”经费支出决算情况说明"], "N.SANGONG");
  EXPECT_EQ(keys["第四部分 其他重要事项及相关口径情况说明"], "N.IMPORTANT");
  EXPECT_EQ(keys["一、机关运行经费支出情况"], "N.OPCOST");
  EXPECT_EQ(keys["二、国有资产占用情况"], "N.ASSETS");
  EXPECT_EQ(keys["三、政府采购支出情况"], "N.PROCURE");
  EXPECT_EQ(keys["四、部门绩效自评情况"], "N.PERF");
  EXPECT_EQ(keys["六、相关口径说明"], "N.SCOPE");
  EXPECT_EQ(keys["第五部分 名词解释"], "GLOSSARY");
  EXPECT_EQ(Cents(r->income().fiscal().amount()), 10000);
}

// The same section under another ordinal, and an unknown section, in a
// Xinjiang-like document: keys follow titles; the unknown one is kept.
TEST(Layouts, OrdinalsDoNotDecideAndUnknownSectionsAreKept) {
  const std::string text =
      "某某单位2024年度部门决算\n第二部分 部门决算情况说明\n"
      "七、财政拨款“三公”经费支出决算情况说明\n"
      "2024年度财政拨款“三公”经费支出1.00万元，比上年增加1.00万元，增长100.00%，主要原因是：新成立。\n"
      "八、本单位特色工作情况\n开展了若干工作。\n"
      "九、政府性基金预算财政拨款收入支出决算情况说明\n本单位本年度无政府性基金预算财政拨款收入、支出。\n";
  auto r = ParseBytes(text);
  ASSERT_TRUE(r.ok()) << r.status();
  auto keys = KeysByTitle(*r);
  EXPECT_EQ(keys["七、财政拨款“三公”经费支出决算情况说明"], "N.SANGONG");
  EXPECT_EQ(keys["九、政府性基金预算财政拨款收入支出决算情况说明"], "N.GOVFUND");
  EXPECT_EQ(Cents(r->sangong().total().final()), 100);
  EXPECT_TRUE(r->government_fund().has_empty_statement());
  bool unknown_reported = false;
  for (const auto& d : r->diagnostics()) {
    unknown_reported |= d.code() == "UNKNOWN_SECTION" && d.src().line() == 5;
  }
  EXPECT_TRUE(unknown_reported);
  EXPECT_EQ(keys["八、本单位特色工作情况"], "N");  // kept, inside its part
}

// NormalizeHeading by its definition: the ordinal stripped, every
// `\d{4}\s*年度?` removed, then the unit name, then spaces, quotes, title
// brackets, full stops and colons.
std::string HeadingByDefinition(std::string_view folded, const std::string& unit_name) {
  std::string_view t = folded;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  std::string s(StripOrdinal(t));
  static const RE2 kYear(R"(\d{4}\s*年度?)");
  RE2::GlobalReplace(&s, kYear, "");
  if (!unit_name.empty()) s = absl::StrReplaceAll(s, {{unit_name, ""}});
  return absl::StrReplaceAll(s, {{" ", ""}, {"\t", ""}, {"“", ""}, {"”", ""}, {"\"", ""},
                                 {"'", ""}, {"《", ""}, {"》", ""}, {"。", ""}, {":", ""}});
}

TEST(NormalizeHeading, AsItsDefinitionOnRandomAndPrintedHeadings) {
  const std::string unit = "财政局";
  const std::vector<std::string> pieces = {
      "2", "0", "24", "2024", "12345", " ", "\t", "年", "度", "年度", "财政局", "财政", "局",
      "“", "”", "\"", "'", "《", "》", "。", ":", "收入", "决算", "一、", "第二部分", "(三)",
      "X", "\r"};
  std::mt19937 rng(20241128);
  for (int n = 0; n < 20000; ++n) {
    std::string heading;
    const int length = static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) heading += pieces[rng() % pieces.size()];
    ASSERT_EQ(NormalizeHeading(heading, unit), HeadingByDefinition(heading, unit)) << heading;
    ASSERT_EQ(NormalizeHeading(heading, ""), HeadingByDefinition(heading, "")) << heading;
  }
  for (const char* path : {"seed/000_0d0d50dd571d51d1.txt", "corpus/001/text.txt",
                           "corpus/003/text.txt", "corpus/005/text.txt"}) {
    std::istringstream lines(ReadFile(SharedPath(path)));
    for (std::string line; std::getline(lines, line);) {
      const std::string folded = text::NormalizeForMatching(line);
      ASSERT_EQ(NormalizeHeading(folded, unit), HeadingByDefinition(folded, unit)) << line;
    }
  }
}

}  // namespace
}  // namespace juesuan::parse::testing
