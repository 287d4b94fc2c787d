// Search() over a window of a passage finds what a plain RE2 search of the
// same window finds; headings read without a regex match the old patterns.
#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "services/parse/src/clauses.h"
#include "services/parse/src/source_document.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/sections.h"
#include "services/parse/src/values.h"
#include "tests/parse/test_support.h"

namespace juesuan::parse {
namespace {

using testing::PassageOf;

TEST(SearchTest, SameMatchesAsPlainRegex) {
  const std::string text =
      "本年收入合计2,946.25万元,比上年增加12.5万元,增长0.4%。实有人数12人,在职人员10人。";
  const Passage p = PassageOf(text);
  const std::vector<std::string> patterns = {
      R"(本年收入(?:合计)?[^\d,;:。%]{0,8}?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元))",
      R"((增加|减少)\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元))",
      R"(实有人数\s*(\d+)\s*(人))",
      R"(在职人员\s*(\d+)\s*(人))",
      R"((\d+)\s*%)",
  };
  for (const std::string& pattern : patterns) {
    const RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    for (size_t from = 0; from <= text.size(); from += 3) {
      for (size_t to = from; to <= text.size(); to += 7) {
        re2::StringPiece whole;
        const bool expected = re.Match(text, from, to, RE2::UNANCHORED, &whole, 1);
        auto got = Search(re, p, from, to);
        ASSERT_EQ(got.has_value(), expected) << pattern << " [" << from << "," << to << ")";
        if (expected) {
          EXPECT_EQ(got->begin, static_cast<size_t>(whole.data() - text.data()));
          EXPECT_EQ(got->end, got->begin + whole.size());
        }
      }
    }
  }
}

// The heading ordinals are read by hand; they must read as the patterns do.
TEST(StripOrdinalTest, SameAsTheHeadingPatterns) {
  const RE2 part(R"(^\s*第[一二三四五六七八九十]+部分\s*(.*)$)");
  const RE2 chapter(R"(^\s*[一二三四五六七八九十]+、\s*(.*)$)");
  const RE2 clause(R"(^\s*\([一二三四五六七八九十]+\)\s*(.*)$)");
  auto by_pattern = [&](const std::string& s) -> std::string {
    std::string rest;
    for (const RE2* re : {&part, &chapter, &clause}) {
      if (RE2::FullMatch(s, *re, &rest)) return rest;
    }
    return s;
  };
  const std::vector<std::string> inputs = {
      "第一部分 部门概况", "  第十二部分\t名词解释", "第部分 概况", "第一部 概况", "第一部分",
      "一、部门职责", "\f十三、 “三公”经费：指", "一 、部门职责", "、部门职责", "二十一、",
      "(一)收入", " (十一) 支出 ", "()收入", "(一收入", "(一)\n收入", "三、\n", "第一部分\r",
      "一二三", "", "  ", "收入支出决算总体情况", "1、概况", "(1)概况"};
  for (const std::string& s : inputs) {
    EXPECT_EQ(std::string(StripOrdinal(s)), by_pattern(s)) << "[" << s << "]";
  }
}

// The amount after a label is read by hand, for a plain word and for a
// label of literal choices ("(?:收入)?总计为?") alike; it must read the same
// amount over the same span as the regex the reading stands for, in every
// window.
TEST(AmountAfterTest, LabelReadsAsItsPattern) {
  const std::vector<std::string> texts = {
      "收入总计121.39万元,支出总计98.00万元。",
      "收入总计 为 121.39 万元",
      "收入总计一二三四五六七八121.39万元",    // eight linking characters
      "收入总计一二三四五六七八九121.39万元",  // nine: too many
      "收入总计:121.39万元;收入总计为5元",     // ':' may not link; the second one reads
      "收入总计%5万元,收入总计。5万元,收入总计12万",
      "收入总计-3.5万元 收入总计-万元 收入总计12.万元 收入总计1,234,万元",
      "收入总计\n  2,946.25\n万元",
      "收入总计为负数,收入总计约 7 元整",
      "总计为为5万元,收入总计为为为6元,总计7元",
  };
  size_t read = 0;  // windows where an amount was read
  for (const std::string label : {"收入总计", "(?:收入)?总计为?"}) {
    const RE2& re = CachedPattern(label + R"([^\d,;:。%]{0,8}?\s*)" + kNum + kMoney);
    for (const std::string& text : texts) {
      SourceDocument doc(text);
      ValueFactory values(doc);
      ClauseParser clauses(values, {});
      Passage p;
      p.folded.Append(text, 0);
      const std::string& t = p.text();
      for (size_t from = 0; from <= t.size(); from += 3) {
        // Window ends every five bytes, and the end of the text.
        for (size_t to = from; to <= t.size();
             to = to == t.size() ? to + 1 : std::min(to + 5, t.size())) {
          size_t end_by_hand = 0;
          auto by_hand = clauses.AmountAfter(p, label, from, to, &end_by_hand);
          auto m = Search(re, p, from, to);
          auto by_regex = m ? values.MakeAmount(p, *m, 1, 2) : std::nullopt;
          ASSERT_EQ(by_hand.has_value(), by_regex.has_value())
              << label << " " << text << " [" << from << ", " << to << ")";
          if (!by_hand) continue;
          ++read;
          EXPECT_EQ(by_hand->fen(), by_regex->fen()) << text;
          EXPECT_EQ(by_hand->quantum_fen(), by_regex->quantum_fen()) << text;
          EXPECT_EQ(by_hand->unit(), by_regex->unit()) << text;
          EXPECT_EQ(by_hand->src().byte_begin(), by_regex->src().byte_begin()) << text;
          EXPECT_EQ(by_hand->src().byte_end(), by_regex->src().byte_end()) << text;
          EXPECT_EQ(end_by_hand, m->end) << text;
        }
      }
    }
  }
  EXPECT_GE(read, 200u);  // the comparison saw amounts (219 windows), not only absences
}

// TextOf is the text MakeText quotes, for every span of a passage that
// runs over line breaks, indentation and ideographic spaces.
TEST(ValueFactoryTest, TextOfIsMakeTextsText) {
  const std::string text =
      "  名词解释：\n　一、财政拨款收入：指本年度从本级财政部门取得的\n    财政拨款，"
      "包括一般公共预算财政拨款。 \n\f二、其他收入 ：12.5万元\r\n";
  SourceDocument doc(text);
  ValueFactory values(doc);
  const std::vector<bool> skip(doc.lines().size(), false);
  const std::vector<Passage> passages =
      BuildPassages(doc, 0, static_cast<uint32_t>(doc.lines().size()), skip, "K", true);
  ASSERT_EQ(passages.size(), 1u);
  const Passage& p = passages.front();
  size_t non_empty = 0;
  for (size_t begin = 0; begin <= p.text().size(); ++begin) {
    for (size_t end = begin; end <= p.text().size(); ++end) {
      const std::string expected = values.MakeText(p, begin, end).text();
      ASSERT_EQ(values.TextOf(p, begin, end), expected) << "[" << begin << ", " << end << ")";
      non_empty += !expected.empty();
    }
  }
  EXPECT_GT(non_empty, 1000u);
}

// Holds(p, literal, from, to) says whether the literal lies wholly inside
// [from, to), for every window, the open one included.
TEST(HoldsTest, LiteralWhollyInsideTheWindow) {
  const std::string text = "比上年增加12万元,增长5%;决算数大于预算数,增加增加。持平";
  const Passage p = PassageOf(text);
  const std::string& t = p.text();
  size_t held = 0;
  for (const std::string literal : {"增加", "持平", "决算", "减少", "%", "", "。持平"}) {
    for (size_t from = 0; from <= t.size() + 1; ++from) {
      for (size_t to = from == 0 ? 0 : from - 1; to <= t.size() + 2; ++to) {
        for (size_t window_end : {to, std::string::npos}) {
          const size_t end = std::min(window_end, t.size());
          const bool expected =
              from <= end && t.substr(0, end).find(literal, from) != std::string::npos;
          ASSERT_EQ(Holds(p, literal, from, window_end), expected)
              << literal << " [" << from << ", " << window_end << ")";
          held += expected;
        }
      }
    }
  }
  EXPECT_GT(held, 1000u);
}

// The literal Search looks for before an unanchored pattern is read from
// the pattern's text.
TEST(LiteralPrefixTest, ReadFromThePatternText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"收入总计[^\\d,;:。%]{0,8}?", "收入总计"},
      {"年初预算数?为", "年初预算"},
      {"主要原因(?:是|为)?\\s*", "主要原因"},
      {"abc*", "ab"},
      {"abc+d", "ab"},
      {"abc{2}", "ab"},
      {"a.b", "a"},
      {"ab$", "ab"},
      {"ab(c|d)", "ab"},
      {"ab[|]c", "ab"},
      {"ab\\|c", "ab"},
      {"ab[]|]c", "ab"},
      {"ab\\Q|\\E", "ab"},
      {"abc|d", ""},
      {"ab[|](c)|d", ""},
      {"(ab)c", ""},
      {"(?i)abc", ""},
      {"^abc", ""},
      {"\\d+abc", ""},
      {"[ab]c", ""},
      {"", ""},
  };
  for (const auto& [pattern, prefix] : cases) {
    EXPECT_EQ(LiteralPrefixOf(pattern), prefix) << pattern;
  }
}

// Every match of a pattern begins with its hand-read prefix: the prefix is
// a prefix of the strings RE2 says the pattern can match, for every pattern
// the parser searches without an anchor on the seed and the corpus texts.
TEST(LiteralPrefixTest, EveryPatternInUseAgreesWithRE2) {
  const std::vector<std::string> paths = testing::SeedAndCorpusTextPaths();
  // (Corpus 038 is refused as no 决算 disclosure; the others parse.)
  for (const std::string& path : paths) (void)testing::ParseBytes(testing::ReadFile(path));
  const std::vector<std::string> patterns = PatternsSearchedOnThisThread();
  EXPECT_GE(patterns.size(), 20u);  // labels, counts and clauses are read by hand, the rest by RE2
  size_t with_prefix = 0;
  for (const std::string& pattern : patterns) {
    const RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    const std::string hand = LiteralPrefixOf(pattern);
    with_prefix += hand.size() >= 2;
    std::string min, max;
    if (!re.PossibleMatchRange(&min, &max, 64)) {
      EXPECT_EQ(hand, "") << pattern;
      continue;
    }
    size_t n = 0;
    while (n < min.size() && n < max.size() && min[n] == max[n]) ++n;
    EXPECT_TRUE(min.substr(0, n).starts_with(hand))
        << pattern << ": hand prefix [" << hand << "], RE2's [" << min.substr(0, n) << "]";
  }
  EXPECT_GE(with_prefix, 12u);  // most patterns in use do begin with a word
}

// The literals Search looks for first: a leading optional part gives its
// alternatives, the word after the optional parts closes the list.
TEST(FirstLiteralsTest, ReadFromThePatternText) {
  using V = std::vector<std::string>;
  const std::vector<std::pair<std::string, V>> cases = {
      {"收入总计[^\\d]", {"收入总计"}},
      {"(?:国内)?公务接待\\s*(\\d+)", {"国内", "公务接待"}},
      {"(?:主要)?包括\\s*[:：]", {"主要", "包括"}},
      {"“?三公”?经费", {"“", "三公"}},
      {"(?:支出|支)?(?:决算)?决算数?为", {"支出", "支", "决算", "决算"}},
      {"(?:\\(含)?专用结余", {"(含", "专用结余"}},
      {"\\(?含专用结余", {}},                  // a one-byte literal
      {"(?:支出)?(?:决算)?\\s*(\\d+)", {}},      // may begin with a space or digit
      {"(?:支出)??决算", {}},                   // lazy: left to RE2
      {"(?:支出|)决算", {}},                    // an empty alternative
      {"(?:支出)?决算|预算", {}},               // a top-level alternative
      {"(?:a)?bc", {}},                         // a one-byte literal
      {"(?:支出)?[决]算", {}},
      {"(?:支(?:出))?决算", {}},
      {"(支出)?决算", {}},
      {"", {}},
  };
  for (const auto& [pattern, literals] : cases) {
    EXPECT_EQ(FirstLiteralsOf(pattern), literals) << pattern;
  }
}

// Search, which tries a pattern only where its first literals stand and
// reads the groups of an attempt from its match alone, finds what a plain
// RE2 search finds, groups and all, for every pattern the parser searches
// without an anchor, on every passage of the seed and the corpus texts.
TEST(FirstLiteralsTest, SearchAgreesWithRE2OnEveryPatternInUse) {
  std::vector<std::string> texts;
  for (const std::string& path : testing::SeedAndCorpusTextPaths()) {
    texts.push_back(testing::ReadFile(path));
  }
  for (const std::string& text : texts) (void)testing::ParseBytes(text);
  const std::vector<std::string> patterns = PatternsSearchedOnThisThread();
  size_t with_several = 0, matched = 0;
  for (const std::string& pattern : patterns) with_several += FirstLiteralsOf(pattern).size() > 1;
  EXPECT_GE(with_several, 2u);  // the multi-literal patterns are exercised
  for (const std::string& text : texts) {
    SourceDocument doc(text);
    const std::vector<Passage> passages =
        BuildPassages(doc, 0, doc.lines().size(), std::vector<bool>(doc.lines().size()), "ALL");
    for (const std::string& pattern : patterns) {
      const RE2& re = CachedPattern(pattern);
      const int n = re.NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> pieces(n);
      for (const Passage& p : passages) {
        const std::string& t = p.text();
        for (size_t from = 0; from <= t.size(); from += 16) {
          const auto got = Search(re, p, from);
          const bool expected = re.Match(t, from, t.size(), RE2::UNANCHORED, pieces.data(), n);
          ASSERT_EQ(got.has_value(), expected) << pattern << " on [" << t << "] from " << from;
          if (!expected) continue;
          ++matched;
          for (int i = 0; i < n; ++i) {
            const size_t begin = pieces[i].data() ? pieces[i].data() - t.data() : std::string::npos;
            const size_t end = pieces[i].data() ? begin + pieces[i].size() : std::string::npos;
            ASSERT_EQ(got->groups[i], std::make_pair(begin, end))
                << pattern << " group " << i << " on [" << t << "] from " << from;
          }
        }
      }
    }
  }
  EXPECT_GE(matched, 1000u);
}

// The Shanghai budget-versus-final clause is searched for only where 预算为
// or 预算数为 stands; both forms are read, and a second clause still ends
// the first one's reason.
TEST(BudgetVsFinalTest, ShanghaiClauseWithEitherBudgetWord) {
  struct Case {
    std::string text;
    int64_t budget_fen, final_fen;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"年初预算为10.00万元，支出决算为12.00万元，完成年初预算的120.00%。", 10000000, 12000000, ""},
      {"年初预算数为10.00万元，决算数为12.00万元。", 10000000, 12000000, ""},
      {"年初预算为1万元，决算为2万元，主要原因是：甲。全年预算数为3万元，决算数为4万元，主要原因是：乙。",
       1000000, 2000000, "甲"},
      {"年初预算数为1万元，决算数为2万元，主要原因是：甲。全年预算为3万元，决算为4万元，主要原因是：乙。",
       1000000, 2000000, "甲"},
  };
  for (const Case& c : cases) {
    SourceDocument doc(c.text);
    ValueFactory values(doc);
    ClauseParser clauses(values, {});
    const Passage p = PassageOf(c.text);
    auto b = clauses.BudgetVsFinal(p, 0, p.text().size());
    ASSERT_TRUE(b.has_value()) << c.text;
    EXPECT_EQ(b->budget().fen(), c.budget_fen) << c.text;
    EXPECT_EQ(b->final().fen(), c.final_fen) << c.text;
    EXPECT_EQ(b->reason().text(), c.reason) << c.text;
  }
}

// Evidence quotes the printed characters: the quoted span drops spaces,
// tabs, breaks and ideographic spaces at both ends, and ValueFactory's span
// is the one its evidence carries.
TEST(QuotedSpanTest, TrimsLayoutAtBothEndsOnly) {
  const std::string text = " \t\xE3\x80\x80" "12.5 万元\xE3\x80\x80\n\f x";
  SourceDocument doc(text);
  const size_t number = text.find("12.5");
  const size_t unit_end = text.find("元") + 3;
  EXPECT_EQ(doc.QuotedSpan(0, text.size() - 2), std::make_pair(number, unit_end));
  EXPECT_EQ(doc.QuotedSpan(number, unit_end), std::make_pair(number, unit_end));
  EXPECT_EQ(doc.QuotedSpan(1, 2), std::make_pair(size_t{2}, size_t{2}));  // only layout
  EXPECT_EQ(doc.QuotedSpan(number + 4, text.size() + 10), std::make_pair(number + 5, text.size()));
  ValueFactory values(doc);
  Passage p;
  p.folded.Append(text, 0);
  for (size_t b = 0; b <= p.text().size(); ++b) {
    for (size_t e = b; e <= p.text().size(); ++e) {
      const auto prov = values.Prov(p, b, e);
      const std::pair<size_t, size_t> evidence{prov.byte_begin(), prov.byte_end()};
      ASSERT_EQ(values.ProvSpan(p, b, e), evidence) << b << " " << e;
    }
  }
}

}  // namespace
}  // namespace juesuan::parse
