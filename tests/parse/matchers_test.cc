// The hand-written matchers find what their regular expressions find through
// Search(): the same match and group spans, for random strings built from
// each pattern's own pieces and for every line and passage of the seed and
// corpus texts, at every start offset and several window ends.
#include "services/parse/src/matchers.h"

#include <filesystem>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/source_document.h"
#include "services/parse/src/values.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse {
namespace {

struct MatcherCase {
  std::string name;
  const RE2& (*pattern)();
  HandSearch search;
  // Pieces random strings are made of: the pattern's literals and their
  // prefixes, digits, spaces, the punctuation it stops at, neighbouring CJK.
  std::vector<std::string> alphabet;
  // A character that every match holds: lines without it need no check.
  std::string key;
  // Matches the seed and corpus texts hold at least (windows counted).
  size_t document_matches = 0;
};

std::ostream& operator<<(std::ostream& os, const MatcherCase& c) { return os << c.name; }

std::vector<MatcherCase> Cases() {
  return {
      {"GlossaryHead", GlossaryHeadPattern, SearchGlossaryHead,
       {" ", "\t", "一", "十", "、", "一、", "3", "12", ".", "1.", "2、", ":", "x:", "。", ",",
        "名词", "经费", "a", "甲乙丙丁戊己庚辛壬癸", "\n"},
       ":", 1000},
      {"Date", DatePattern, SearchDate,
       {"截至", "截止", "至", "截", "止", " ", "2024", "20", "1", "12", "3", "年", "月", "日", "前",
        "以前", "之前", "以", "之", "底", "末", "度", "x", "。", "2024年", "2024 年", "12月",
        " 1 月", "3日", "31 日", "截至2024年"},
       "月", 1000},
      {"YoY", YoYPattern, SearchYoY,
       {"增加", "减少", "增", "减", "增长", "下降", " ", "-", "1", "23", "4,5", ",", ".", ".5",
        "万元", "元", "万", "%", "x", "。", "增加12万元", "减少-3.5 元", ",增长3%", "下降 0.5 %",
        "增长-1,2.3%", "增长1."},
       "%", 1000},
      {"ListedTable", ListedTablePattern, SearchListedTable,
       {" ", "\t", "一", "十", "、", "一、", "《", "》", "收入", "表", "\n", "1", "《收入表》",
        "一、《"},
       "《", 10},
      {"Share", SharePattern, SearchShare,
       {" ", ",", "占", "占比", "总", "的", "-", "1", "2.5", "3,4", ".", "%", "。", ";", "x",
        "万元", "甲乙丙丁戊", "占比5%", "占 1.2%", ",占"},
       "占", 1000},
      {"Year", YearPattern, SearchYear,
       {"2024", "20", "1", " ", "\t", "年度", "年", "度", "x"},
       "年度", 1000},
      {"ReasonLead", ReasonLeadPattern, SearchReasonLead,
       {"主要原因", "主要", "原因", "是", "为", " ", ":", "x", "。"},
       "原因", 100},
      {"GpbItem", GpbItemPattern, SearchGpbItem,
       {"(类)", "(款)", "(项)", "(", ")", "类", "款", "项", " ", "支出", "一般公共服务", "财政事务",
        "行政运行", "(其他)", "々", "〇", "⺀", "𠀀", "ア", "x", "1", "。", ",", "、",
        "一般公共服务支出(类)财政事务(款)行政运行(项)", "社会保障(类) 行政(款) 其他(项)"},
       "项", 5},
      {"GpbClass", GpbClassPattern, SearchGpbClass,
       {"(类)", "(", ")", "类", "一般公共服务支出", "社会保障", "々", "𠀀", "ア", " ", "-", "1",
        "2.5", "3,4", ".", "万元", "元", "万", ",", "，", "占", "%", "x", "。",
        "一般公共服务支出(类)2143.03万元", ",占71.73%", "占 5 %"},
       "类", 5},
      {"VehicleCategory", VehicleCategoryPattern, SearchVehicleCategory,
       {"用车", "用", "车", "公务", "一般公务用车", "(", ")", "其中", ":", "々", "𠀀", "ア", " ",
        "1", "12", "辆", "台", "x", ",", "。", "一般公务用车1辆", "执法执勤用车 2 辆"},
       "辆", 1},
      {"XjBudgetVsFinal", XjBudgetVsFinalPattern, SearchXjBudgetVsFinal,
       {"年初", "全年", "调整后", "年", "预算", "预算数", "数", "决算", "决算数", "预决算差异率",
        "差异率", " ", "-", "0.00", "121.39", "1,2", ".", "万元", "元", ",", "，", "%", "x", "。",
        "年初预算数0.00万元", "，决算数121.39万元", "，预决算差异率100.00%", "全年预算 5 元",
        "年初预算数0.00万元，决算数121.39万元，预决算差异率100.00%",
        "全年预算 1,2 元 , 决算 3.5万元预决算差异率-2 %", "调整后预算数7元决算数8元，预决算差异率1%"},
       "差异率", 10},
      {"SpendingContent", SpendingContentPattern, SearchSpendingContent,
       {"开支内容", "开支", "内容", "包括", "主要是", "主要", "为", " ", "\n", ":", "：", "。", ";",
        "车辆加油费", "、", "x", "1"},
       "内容", 2},
      {"Purpose", PurposePattern, SearchPurpose,
       {"主要用于", "主要", "用于", " ", "\n", ":", "：", "。", ";", "行政运行", "、", "x", "1"},
       "用于", 1},
      {"DifferenceReason", DifferenceReasonPattern, SearchDifferenceReason,
       {"差异原因", "差异", "原因", "是", "为", " ", "\n", ":", "：", "。", ";", "临时调用", "x"},
       "原因", 1},
      {"IncludesList", IncludesListPattern, SearchIncludesList,
       {"主要包括", "主要", "包括", "主", " ", "\n", ":", "：", "。", ";", "工资", "、", "x", "1"},
       "包括", 1},
      {"ItemFinal", ItemFinalPattern, SearchItemFinal,
       {"支出", "决算", "数", "为", "支", "决", " ", "-", "0.80", "1,2", ".", "万元", "元", "万", "x",
        "。", "支出决算为0.80万元", "决算数 1 元"},
       "元", 100},
      {"Departments", DepartmentsPattern, SearchDepartments,
       {"下设", "下", "设", " ", "\n", "4", "12", "个", "内设", "内", "科室", "处室", "部门", "机构",
        "科", ",", "分别是", ":", "：", "。", "办公室", "、", "x", "下设4个科室", ",分别是:"},
       "下设", 1},
      {"NoSangong", NoSangongPattern, SearchNoSangong,
       {"无", "没有", "没", "三公", "“", "”", "经费", "经", "原", "因", "原因", "。", ":", " ", "\n",
        "支出", "x", "1", "无“三公”经费", "三公经费"},
       "三公", 1},
      {"Reception", ReceptionPattern, SearchReception,
       {"国内", "公务接待", "国内公务接待", "公务", "接待", "批次", "批", "人次", "人", "共", "计", "共计接待",
        " ", "\n", ",", "，", "0", "12", "。", "x", "国内公务接待0批次", ",0人次"},
       "接待", 1},
      {"OperatingScope", OperatingScopePattern, SearchOperatingScope,
       {"(", ")", "行政单位", "参照公务员法", "行政", "单位", "参照", "和", "管理的事业单位", " ", "\n",
        "。", "x", "(行政单位和参照公务员法管理的事业单位)"},
       "单位", 1},
      {"NoComparableRate", NoComparableRatePattern, SearchNoComparableRate,
       {"无可比性", "无可比", "不适用", "不适", "x", " "},
       "不", 0},  // the documents say neither
  };
}

std::string Describe(const std::optional<Match>& m) {
  if (!m) return "no match";
  std::ostringstream os;
  os << "[" << m->begin << "," << m->end << ")";
  for (const auto& [b, e] : m->groups) {
    if (b == std::string::npos) os << " -";
    else os << " " << b << ":" << e;
  }
  return os.str();
}

bool Same(const std::optional<Match>& a, const std::optional<Match>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->begin == b->begin && a->end == b->end && a->groups == b->groups);
}

bool CharStart(const std::string& t, size_t i) {
  return i >= t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
}

// Counts what the comparisons saw, so a test can tell it compared matches
// (and every group of them), not only absences.
struct Seen {
  size_t compared = 0;
  size_t matched = 0;
  std::vector<size_t> group_taken;  // matches in which group i took part

  void Add(const std::optional<Match>& m) {
    ++compared;
    if (!m) return;
    ++matched;
    if (group_taken.size() < m->groups.size()) group_taken.resize(m->groups.size());
    for (size_t i = 0; i < m->groups.size(); ++i) group_taken[i] += m->has(i);
  }
};

// Compares the matcher with its regex on `p` for one window and anchor;
// false (with a failure recorded) when they differ.
bool Agrees(const MatcherCase& c, const Passage& p, size_t from, size_t to, RE2::Anchor anchor,
            Seen* seen) {
  const auto expected = Search(c.pattern(), p, from, to, anchor);
  const auto got = c.search(p, from, to, anchor);
  seen->Add(expected);
  if (Same(expected, got)) return true;
  ADD_FAILURE() << c.name << " on [" << p.text() << "] from " << from << " to " << to
                << (anchor == RE2::ANCHOR_START ? " anchored" : "") << ": regex "
                << Describe(expected) << ", matcher " << Describe(got);
  return false;
}

// Every start offset (inside characters too, unless `char_starts_only`),
// window ends at the text's end, unbounded and at two random bytes
// (mid-character too), both anchors.
bool AgreesEverywhere(const MatcherCase& c, const Passage& p, std::mt19937& rng, Seen* seen,
                      bool char_starts_only = false) {
  const std::string& t = p.text();
  for (size_t from = 0; from <= t.size(); ++from) {
    if (char_starts_only && !CharStart(t, from)) continue;
    std::vector<size_t> ends = {t.size(), std::string::npos};
    for (int k = 0; k < 2; ++k) {
      ends.push_back(from + std::uniform_int_distribution<size_t>(0, t.size() - from)(rng));
    }
    for (size_t to : ends) {
      for (RE2::Anchor anchor : {RE2::UNANCHORED, RE2::ANCHOR_START}) {
        if (!Agrees(c, p, from, to, anchor, seen)) return false;
      }
    }
  }
  return true;
}

class MatcherTest : public ::testing::TestWithParam<MatcherCase> {};

TEST_P(MatcherTest, RandomStringsMatchAsTheRegex) {
  const MatcherCase& c = GetParam();
  ASSERT_TRUE(c.pattern().ok()) << c.pattern().error();
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<size_t> piece(0, c.alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 14);
  Seen seen;
  constexpr int kStrings = 6000;
  for (int n = 0; n < kStrings; ++n) {
    std::string s;
    for (int k = length(rng); k > 0; --k) s += c.alphabet[piece(rng)];
    Passage p;
    p.folded.Append(s, 0);
    if (!AgreesEverywhere(c, p, rng, &seen)) return;
  }
  // The strings exercised the pattern: many matches, each group taking part.
  EXPECT_GE(seen.compared, 200000u);
  EXPECT_GE(seen.matched, 1000u) << c.name;
  for (size_t i = 0; i < seen.group_taken.size(); ++i) {
    EXPECT_GE(seen.group_taken[i], 100u) << c.name << " group " << i;
  }
}

// The seed and corpus texts: every line, and every passage a whole document
// is re-flowed into.
std::vector<std::string> DocumentTexts() {
  std::vector<std::string> texts = {testing::ReadFile(testing::SharedPath(testing::kSeed))};
  for (const auto& entry : std::filesystem::directory_iterator(testing::SharedPath("corpus"))) {
    const auto text = entry.path() / "text.txt";
    if (std::filesystem::exists(text)) texts.push_back(testing::ReadFile(text.string()));
  }
  return texts;
}

TEST_P(MatcherTest, DocumentLinesAndPassagesMatchAsTheRegex) {
  const MatcherCase& c = GetParam();
  std::mt19937 rng(7);
  Seen seen;
  for (const std::string& text : DocumentTexts()) {
    SourceDocument doc(text);
    std::vector<Passage> passages =
        BuildPassages(doc, 0, doc.lines().size(), std::vector<bool>(doc.lines().size()), "ALL");
    for (const auto& line : doc.lines()) passages.push_back(LinePassage(line, "LINE"));
    for (const Passage& p : passages) {
      // Everywhere where the pattern can match; elsewhere only from the start.
      if (p.text().find(c.key) != std::string::npos) {
        if (!AgreesEverywhere(c, p, rng, &seen, /*char_starts_only=*/true)) return;
      } else if (!Agrees(c, p, 0, std::string::npos, RE2::UNANCHORED, &seen)) {
        return;
      }
    }
  }
  EXPECT_GE(seen.matched, c.document_matches) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Patterns, MatcherTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param.name; });

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

// The Han predicate is RE2's \p{Han}, code point by code point.
TEST(HanTest, EveryCodePointAsRe2) {
  const RE2 han(R"(\p{Han})");
  size_t in = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are no characters
    const bool expected = RE2::FullMatch(Utf8(c), han);
    ASSERT_EQ(IsHanCodePoint(c), expected) << std::hex << static_cast<uint32_t>(c);
    in += expected;
  }
  EXPECT_GT(in, 90000u);
}

// SearchAll over a matcher chains its matches as SearchAll over the regex.
TEST(MatcherSearchAllTest, SameMatchesAsTheRegex) {
  const std::string text = " 2024年度 至2023 年 3月底 截至2024年12月31日前,2025年1月 5日 20245年度";
  Passage p;
  p.folded.Append(text, 0);
  for (auto [re, search] : {std::pair{&DatePattern, &SearchDate}, {&YearPattern, &SearchYear}}) {
    const auto expected = SearchAll(re(), p);
    const auto got = SearchAll(search, p);
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_GE(got.size(), 2u);
    for (size_t i = 0; i < got.size(); ++i) EXPECT_TRUE(Same(got[i], expected[i])) << i;
  }
}

// ---------------------------------------------------------------------------
// Literal labels
// ---------------------------------------------------------------------------

TEST(LiteralLabelTest, ParsesOnlyLiteralsAndOptionalLiteralGroups) {
  for (const char* pattern :
       {"收入总计", "(?:支出)?决算数?为?", "因公出国\\(境\\)费(?:用)?", "“?三公”?经费(?:财政拨款)?(?:支出)?",
        "政府采购(?:支出总额|金额|支出)(?:\\(以合同签订为准\\))?", "(?:日常)?公用经费", "a\\.b"}) {
    EXPECT_TRUE(LiteralLabel::Parse(pattern).has_value()) << pattern;
  }
  for (const char* pattern :
       {"", "数?", "(?:支出)?", "(支出)决算", "决算\\s*", "决算\\d", "决算.", "决算数*", "决算数+",
        "决算数??", "决算数{2}", "决算[数]", "决算|支出", "(?:决算|)", "(?:决算", "^决算", "决算$",
        "(?:决算(?:数)?)", "决算\\", "\\p{Han}"}) {
    EXPECT_FALSE(LiteralLabel::Parse(pattern).has_value()) << pattern;
  }
}

// The labels the narrative reads, and a few that stress the preferences
// (an optional part taken or left out, alternatives that prefix each other),
// each with the pieces of its random strings: its literals and parts of them.
struct LabelCase {
  std::string pattern;
  std::vector<std::string> pieces;
};

const std::vector<LabelCase>& LabelCases() {
  static const std::vector<LabelCase> cases = {
      {"“?三公”?经费(?:财政拨款)?(?:支出)?", {"“", "”", "三公", "三", "经费", "财政拨款", "财政", "支出", "“三公”经费", "三公经费支出"}},
      {"公务用车购置及运行(?:维护)?费", {"公务用车", "购置及运行", "购置", "维护", "费", "公务用车购置及运行", "公务用车购置及运行维护费"}},
      {"公务用车运行(?:维护)?费", {"公务用车运行", "公务用车", "运行", "维护", "费", "公务用车运行维护费"}},
      {"因公出国\\(境\\)费(?:用)?", {"因公出国", "(境)", "(", "境", ")", "费", "用", "因公出国(境)费"}},
      {"(?:支出)?决算数?为?", {"支出", "决算", "决", "数", "为"}},
      {"本年收入(?:合计)?", {"本年收入", "本年", "合计", "合", "本年收入合计"}},
      {"(?:日常)?公用经费", {"日常", "公用经费", "公用", "日常公用经费"}},
      {"机关运行经费(?:支出)?(?:决算)?", {"机关运行经费", "支出", "决算", "支", "机关运行经费支出决算"}},
      {"政府采购(?:支出总额|金额|支出)(?:\\(以合同签订为准\\))?",
       {"政府采购", "支出总额", "支出", "总额", "金额", "(以合同签订为准)", "(以合同", "政府采购支出"}},
      {"(?:政府采购)?货物(?:采购)?(?:支出|金额)", {"政府采购", "货物", "采购", "支出", "金额", "货物采购金额"}},
      {"(?:支出|支出总额)?总额?", {"支出", "总额", "总", "额"}},
      {"(?:决算|决)?(?:算数|数)为?", {"决算", "决", "算数", "算", "数", "为"}},
  };
  return cases;
}

std::string AmountTail() { return absl::StrCat(R"([^\d,;:。%]{0,8}?\s*)", kNum, kMoney); }

// The caches hand out pointers that callers keep: they must stay valid, and
// stay the same, however many patterns come after.
TEST(CachedMatchers, PointersSurviveTheCacheGrowing) {
  const LiteralLabel* label = CachedLiteralLabel("决算数?为?");
  const CountAfterLabel* count = CachedCountPattern(R"(编制数?\s*(\d+)\s*(人|名))");
  ASSERT_NE(label, nullptr);
  ASSERT_NE(count, nullptr);
  for (int i = 0; i < 2000; ++i) {
    CachedLiteralLabel("标签" + std::to_string(i));
    CachedCountPattern("标签" + std::to_string(i) + R"(\s*(\d+)\s*(人))");
  }
  EXPECT_EQ(CachedLiteralLabel("决算数?为?"), label);
  EXPECT_EQ(CachedCountPattern(R"(编制数?\s*(\d+)\s*(人|名))"), count);
  Passage p;
  p.folded.Append("本年决算数为12.00万元", 0);
  EXPECT_TRUE(label->Search(p).has_value());
  EXPECT_TRUE(count->Search(p) == std::nullopt);
}

// Compares both searches of one label with RE2 on `p` from every offset (or
// every character start) and at several window ends.
void ExpectLabelAgrees(const std::string& pattern, const Passage& p, std::mt19937& rng,
                       Seen* label_seen, Seen* amount_seen, bool char_starts_only = false) {
  const LiteralLabel* label = CachedLiteralLabel(pattern);
  ASSERT_NE(label, nullptr) << pattern;
  const RE2& label_re = CachedPattern(pattern);
  const RE2& amount_re = CachedPattern(pattern + AmountTail());
  const std::string& t = p.text();
  for (size_t from = 0; from <= t.size(); ++from) {
    if (char_starts_only && !CharStart(t, from)) continue;
    std::vector<size_t> ends = {t.size(), std::string::npos,
                                from + std::uniform_int_distribution<size_t>(0, t.size() - from)(rng)};
    for (size_t to : ends) {
      const auto expected = Search(label_re, p, from, to);
      const auto got = label->Search(p, from, to);
      label_seen->Add(expected);
      ASSERT_TRUE(Same(expected, got)) << pattern << " on [" << t << "] from " << from << " to "
                                       << to << ": regex " << Describe(expected) << ", by hand "
                                       << Describe(got);
      const auto expected_amount = Search(amount_re, p, from, to);
      const auto got_amount =
          label->SearchAmount(std::string_view(t).substr(0, std::min(to, t.size())), from);
      amount_seen->Add(expected_amount);
      ASSERT_TRUE(Same(expected_amount, got_amount))
          << pattern << " + amount on [" << t << "] from " << from << " to " << to << ": regex "
          << Describe(expected_amount) << ", by hand " << Describe(got_amount);
    }
  }
}

TEST(LiteralLabelTest, RandomStringsMatchAsTheRegex) {
  // What may stand between a label and its amount, and around them.
  const std::vector<std::string> surroundings = {
      " ", "1", "2.5", "-", ",", ";", ":", "%", "。", "万元", "元", "万", "x", "一二三", "一二三四五六七八",
      "1万元", " 2.5 万元", "-3,4元", "为12元", "12.万元"};
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> length(0, 10);
  for (const LabelCase& c : LabelCases()) {
    std::vector<std::string> alphabet = surroundings;
    alphabet.insert(alphabet.end(), c.pieces.begin(), c.pieces.end());
    // Each of the label's pieces about as often as all the rest together.
    std::uniform_int_distribution<size_t> surrounding(0, surroundings.size() - 1);
    std::uniform_int_distribution<size_t> own(0, c.pieces.size() - 1);
    std::bernoulli_distribution pick_own(0.5);
    Seen label_seen, amount_seen;
    for (int n = 0; n < 1500; ++n) {
      std::string s;
      for (int k = length(rng); k > 0; --k) {
        s += pick_own(rng) ? c.pieces[own(rng)] : surroundings[surrounding(rng)];
      }
      Passage p;
      p.folded.Append(s, 0);
      ExpectLabelAgrees(c.pattern, p, rng, &label_seen, &amount_seen);
      if (HasFatalFailure()) return;
    }
    // Both searches found matches, not only absences.
    EXPECT_GE(label_seen.matched, 10000u) << c.pattern;
    EXPECT_GE(amount_seen.matched, 1000u) << c.pattern;
  }
}

TEST(LiteralLabelTest, DocumentPassagesMatchAsTheRegex) {
  std::mt19937 rng(11);
  Seen label_seen, amount_seen;
  for (const std::string& text : DocumentTexts()) {
    SourceDocument doc(text);
    const std::vector<Passage> passages =
        BuildPassages(doc, 0, doc.lines().size(), std::vector<bool>(doc.lines().size()), "ALL");
    for (const Passage& p : passages) {
      for (const LabelCase& c : LabelCases()) {
        ExpectLabelAgrees(c.pattern, p, rng, &label_seen, &amount_seen, /*char_starts_only=*/true);
        if (HasFatalFailure()) return;
      }
    }
  }
  EXPECT_GE(label_seen.matched, 1000u);
  EXPECT_GE(amount_seen.matched, 1000u);
}

// Count patterns: a label, a number and a unit, as ReadCount reads them.
const std::vector<LabelCase>& CountCases() {
  static const std::vector<LabelCase> cases = {
      {"实有人数\\s*(\\d+)\\s*(人)", {"实有人数", "实有", "人数", "人", "实有人数 "}},
      {"编制数?\\s*(\\d+)\\s*(人|名)", {"编制", "数", "人", "名", "人次", "编制数"}},
      {"下属(?:预算)?单位\\s*(\\d+)\\s*(个|家)", {"下属", "预算", "单位", "个", "家", "下属单位", "下属预算单位"}},
      {"因公出国\\(境\\)\\s*(\\d+)\\s*(人次|人)", {"因公出国", "(境)", "(", "人次", "人", "次", "因公出国(境)"}},
      {"购置数?\\s*(?:为)?\\s*(\\d+)\\s*(辆)", {"购置", "数", "为", "辆", "购置数为"}},
      {"已经?完成整改的\\s*(\\d+)\\s*(个)", {"已经", "已", "完成整改的", "个", "已经完成整改的", "已完成整改的"}},
      {"绩效评级为“优”的项目\\s*(\\d+)\\s*(个)", {"绩效评级为“优”的项目", "绩效评级为", "“", "优", "”的项目", "个"}},
  };
  return cases;
}

TEST(CountAfterLabelTest, ParsesLabelNumberAndUnitOnly) {
  for (const LabelCase& c : CountCases()) {
    EXPECT_NE(CachedCountPattern(c.pattern), nullptr) << c.pattern;
  }
  for (const char* pattern :
       {"实有人数\\s*(\\d+)\\s*(人", "实有人数\\s*(\\d+)\\s*(人|)", "实有人数\\s*(\\d+)\\s*(人.)",
        "实有人数(\\d+)\\s*(人)", "实有人数\\s*(\\d+)\\s*(人)\\s*", "\\s*(\\d+)\\s*(人)",
        "实有\\s*人数\\s*(\\d+)\\s*(人)", "实有人数\\s*(?:为)\\s*(\\d+)\\s*(人)",
        "实有人数\\s*(\\d+)\\s*(人(?:次)?)"}) {
    EXPECT_EQ(CountAfterLabel::Parse(pattern), std::nullopt) << pattern;
  }
}

// A hand matcher against its regex on one string: from every offset, to the
// end, to npos and to a random end. False (after a test failure naming
// `what`, the string and both results) at the first disagreement.
bool SearchesAgreeEverywhere(
    const RE2& re, const std::string& text, std::mt19937& rng, Seen& seen, std::string_view what,
    const std::function<std::optional<Match>(const Passage&, size_t, size_t)>& by_hand) {
  Passage p;
  p.folded.Append(text, 0);
  const std::string& t = p.text();
  for (size_t from = 0; from <= t.size(); ++from) {
    for (size_t to : {t.size(), std::string::npos,
                      from + std::uniform_int_distribution<size_t>(0, t.size() - from)(rng)}) {
      const auto expected = Search(re, p, from, to);
      const auto got = by_hand(p, from, to);
      seen.Add(expected);
      if (!Same(expected, got)) {
        ADD_FAILURE() << what << " on [" << t << "] from " << from << " to " << to
                      << ": regex " << Describe(expected) << ", by hand " << Describe(got);
        return false;
      }
    }
  }
  return true;
}

TEST(CountAfterLabelTest, RandomStringsMatchAsTheRegex) {
  const std::vector<std::string> surroundings = {" ", "\t", "1", "23", "0", ".", ",", "。", "x",
                                                 "一二三", " 4 "};
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> length(0, 10);
  for (const LabelCase& c : CountCases()) {
    const CountAfterLabel* count = CachedCountPattern(c.pattern);
    ASSERT_NE(count, nullptr) << c.pattern;
    const RE2& re = CachedPattern(c.pattern);
    std::uniform_int_distribution<size_t> surrounding(0, surroundings.size() - 1);
    std::vector<std::string> pieces = c.pieces;
    pieces.insert(pieces.end(), {"1", "12", " "});  // numbers follow the label often
    std::uniform_int_distribution<size_t> own(0, pieces.size() - 1);
    std::bernoulli_distribution pick_own(0.6);
    Seen seen;
    for (int n = 0; n < 12000; ++n) {
      std::string s;
      for (int k = length(rng); k > 0; --k) {
        s += pick_own(rng) ? pieces[own(rng)] : surroundings[surrounding(rng)];
      }
      const auto by_hand = [&](const Passage& p, size_t from, size_t to) {
        return count->Search(p, from, to);
      };
      if (!SearchesAgreeEverywhere(re, s, rng, seen, c.pattern, by_hand)) return;
    }
    EXPECT_GE(seen.matched, 1000u) << c.pattern;
  }
}

// The staff rows of the profile ("在职人员10人，增加2人"), as their regex.
TEST(StaffRowTest, RandomStringsMatchAsTheRegex) {
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> length(0, 10);
  for (const std::string label : {"在职人员", "退休人员"}) {
    const std::vector<std::string> alphabet = {
        label, "在职", "人员", "人", " ", "\t", "1", "23", ",", "，", "增加", "减少", "增", "。", "x",
        label + "10人", ",增加2人", "减少 3 人"};
    std::uniform_int_distribution<size_t> piece(0, alphabet.size() - 1);
    const RE2& re = CachedPattern(StaffRowPattern(label));
    Seen seen;
    for (int n = 0; n < 6000; ++n) {
      std::string s;
      for (int k = length(rng); k > 0; --k) s += alphabet[piece(rng)];
      const auto by_hand = [&](const Passage& p, size_t from, size_t to) {
        return SearchStaffRow(p, label, from, to);
      };
      if (!SearchesAgreeEverywhere(re, s, rng, seen, label, by_hand)) return;
    }
    EXPECT_GE(seen.matched, 1000u) << label;
    ASSERT_EQ(seen.group_taken.size(), 5u);
    EXPECT_GE(seen.group_taken[4], 100u) << label;  // the change was read too
  }
}

}  // namespace
}  // namespace juesuan::parse
