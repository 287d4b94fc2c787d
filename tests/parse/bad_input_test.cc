// Bad input gets a correct result or a precise status that names the
// problem — never a crash, a hang or an empty success.
#include <random>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse::testing {
namespace {

void ExpectStatus(const absl::StatusOr<report::v1::Report>& r, absl::StatusCode code,
                  const std::string& words) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), code) << r.status();
  EXPECT_NE(std::string(r.status().message()).find(words), std::string::npos) << r.status();
}

TEST(BadInput, EmptyFile) {
  ExpectStatus(ParseBytes(""), absl::StatusCode::kInvalidArgument, "empty");
}

TEST(BadInput, RandomBytes) {
  std::mt19937 rng(20241231);
  std::string bytes(64 * 1024, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  auto r = ParseBytes(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
}

TEST(BadInput, NewsArticleIsNotADisclosure) {
  const std::string news =
      "新华社北京11月27日电 今年以来，各地加快推进重大项目建设，投资增长保持稳定。\n"
      "记者从有关部门获悉，前三季度全国完成固定资产投资38万亿元，同比增长3.4%。\n"
      "专家表示，下一步将继续加大政策支持力度。\n";
  ExpectStatus(ParseBytes(news), absl::StatusCode::kInvalidArgument, "not a 决算 disclosure");
}

TEST(BadInput, InvalidUtf8NamesTheOffset) {
  std::string text = ReadFile(SharedPath(kSeed)).substr(0, 3000);
  text[1500] = '\xFF';  // invalid in UTF-8 and in GB18030
  text[1501] = '\xFF';
  ExpectStatus(ParseBytes(text), absl::StatusCode::kInvalidArgument, "offset");
}

TEST(BadInput, DocumentCutOffMidwayStillParsesWhatIsThere) {
  const std::string seed = ReadFile(SharedPath(kSeed));
  const std::string cut = seed.substr(0, seed.find("五、一般公共预算财政拨款支出决算情况说明"));
  auto r = ParseBytes(cut);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(Cents(r->totals().income_total()), 12139);
  EXPECT_EQ(Cents(r->fiscal().income_total()), 12139);
  EXPECT_FALSE(r->general_public_budget().has_total());  // absent, not zero
  EXPECT_FALSE(r->sangong().total().has_final());
}

TEST(BadInput, HundredMegabyteTextIsRefusedBeforeWork) {
  const std::string big(100u << 20, 'a');
  ExpectStatus(ParseBytes(big), absl::StatusCode::kResourceExhausted, "limit");
}

TEST(BadInput, BinaryWithNulBytes) {
  std::string text = "部门决算";
  text.push_back('\0');
  text += "收入总计";
  ExpectStatus(ParseBytes(text), absl::StatusCode::kInvalidArgument, "NUL");
}

// A NUL put at each byte of `clean` (ASCII, so that the text stays UTF-8)
// is refused with its offset.
void ExpectNulFoundAtEveryOffset(const std::string& clean) {
  for (size_t at = 0; at < clean.size(); ++at) {
    std::string text = clean;
    text[at] = '\0';
    ExpectStatus(ParseBytes(text), absl::StatusCode::kInvalidArgument,
                 fmt::format("NUL byte at offset {}", at));
  }
}

// The check reads eight bytes at a time: a NUL or a control character at
// any position of a word, and in the tail, must still be found.
TEST(BadInput, NulAtEveryPositionIsFoundWithItsOffset) {
  ExpectNulFoundAtEveryOffset("2024 final accounts: income 121.39, spending 98.00 (wan yuan).");
}

// The check jumps to the first byte of a word that may be a control
// character: line breaks and tabs before a NUL or a control character in
// the same word must not hide it.
TEST(BadInput, NulAfterLineBreaksIsFoundWithItsOffset) {
  ExpectNulFoundAtEveryOffset("income\n\t121.39\r\nspending\f98.00\n\n\t\t(wan yuan)\r\n");
}

TEST(BadInput, ControlCharactersAmongLineBreaksAreCounted) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "部门决算\n收入\t总计万元\x01\r\n\x7f";  // 2 in 36 bytes
  ExpectStatus(ParseBytes(text), absl::StatusCode::kInvalidArgument, "80 control characters");
}

TEST(BadInput, ControlCharactersAboveOnePercentAreBinary) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "部门决算收入总计万元\x01\x7f";  // 2 in 32 bytes
  ExpectStatus(ParseBytes(text), absl::StatusCode::kInvalidArgument, "80 control characters");
}

TEST(BadInput, PassedDeadline) {
  ParseOptions options;
  options.deadline = absl::Now() - absl::Seconds(1);
  auto r = Parser().Parse(ReadFile(SharedPath(kSeed)), options);
  ExpectStatus(r, absl::StatusCode::kDeadlineExceeded, "deadline");
}

// The table and statement limits hold exactly at the document's own counts
// and refuse one below them, naming the counts.
TEST(BadInput, TableAndStatementLimits) {
  const std::string seed = ReadFile(SharedPath(kSeed));
  const report::v1::Report full = ParseSharedOrDie(kSeed);
  const uint32_t tables = full.tables_size() + full.performance_tables_size();
  const uint32_t statements = full.statements_size();
  ASSERT_GT(tables, 0u);
  ASSERT_GT(statements, 100u);

  ParseOptions at_limit;
  at_limit.max_tables = tables;
  at_limit.max_statements = statements;
  ASSERT_TRUE(Parser().Parse(seed, at_limit).ok());

  ParseOptions few_tables = at_limit;
  few_tables.max_tables = tables - 1;
  ExpectStatus(Parser().Parse(seed, few_tables), absl::StatusCode::kResourceExhausted,
               fmt::format("document has {} tables; the limit is {} tables", tables, tables - 1));

  ParseOptions few_statements = at_limit;
  few_statements.max_statements = statements - 1;
  ExpectStatus(Parser().Parse(seed, few_statements), absl::StatusCode::kResourceExhausted,
               fmt::format("document has {} narrative statements", statements));
}

}  // namespace
}  // namespace juesuan::parse::testing
