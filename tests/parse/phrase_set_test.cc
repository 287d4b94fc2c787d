// PhraseSet finds exactly the phrases a plain search per phrase finds: on
// random strings built from the phrases' own pieces, at the edges of the
// text, and on the folded seed and corpus texts with the configured layout
// markers.
#include "common/text/phrase_set.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/parse/src/default_config.h"
#include "services/parse/src/parser.h"
#include "services/parse/src/source_document.h"
#include "tests/parse/test_support.h"

namespace juesuan::text {
namespace {

std::vector<bool> SearchedOneByOne(const std::vector<std::string>& phrases, std::string_view t) {
  std::vector<bool> out;
  for (const std::string& p : phrases) out.push_back(t.find(p) != std::string_view::npos);
  return out;
}

void ExpectSameAsPlainSearch(const std::vector<std::string>& phrases, std::string_view t) {
  const PhraseSet set(phrases);
  EXPECT_EQ(set.Occurring(t), SearchedOneByOne(phrases, t)) << "text: " << t;
}

TEST(PhraseSetTest, EdgesOfTheText) {
  const std::vector<std::string> phrases = {"本表反映", "见附表", "预决算差异率", "表反"};
  for (std::string t : {"", "见", "见附", "见附表", "本表反映", "xx见附表", "见附表xx", "本表反",
                        "表反映", "本表反映见附表", "附表见附表见"}) {
    ExpectSameAsPlainSearch(phrases, t);
  }
  // The one phrase is found where it is the whole text, and nowhere else.
  const PhraseSet one({"见附表"});
  EXPECT_EQ(one.Occurring("见附表"), std::vector<bool>{true});
  EXPECT_EQ(one.Occurring("见附"), std::vector<bool>{false});
}

TEST(PhraseSetTest, ShortEmptyAndLongPhrases) {
  std::string long_phrase;
  for (int i = 0; i < 120; ++i) long_phrase += "决算";  // 720 bytes: shifts cap at 255
  const std::vector<std::string> phrases = {"", "X", "ab", long_phrase, "算决"};
  for (std::string t : {std::string(), std::string("X"), std::string("xab"),
                        "前" + long_phrase + "后", long_phrase.substr(3), "决" + long_phrase}) {
    ExpectSameAsPlainSearch(phrases, t);
  }
  EXPECT_TRUE(PhraseSet({}).Occurring("abc").empty());
}

TEST(PhraseSetTest, RandomTextsFromThePhrasesPieces) {
  const std::vector<std::string> phrases = {"部门决算公开说明", "预决算差异率", "见附表",
                                            "第四部分 名词解释", "本表反映", "以合同签订为准",
                                            "表反映", "ab"};
  const std::vector<std::string> pieces = {
      "部门", "决算", "公开", "说明", "预", "决算差异", "率", "见", "附表", "见附", "第四部分",
      " ", "名词解释", "本表", "反映", "以合同", "签订为准", "a", "b", "表", "\n", "。", "2024"};
  const PhraseSet set(phrases);
  std::mt19937 rng(20241128);
  for (int n = 0; n < 20000; ++n) {
    const std::string t = parse::testing::RandomJoin(rng, pieces, 12);
    ASSERT_EQ(set.Occurring(t), SearchedOneByOne(phrases, t)) << "text: " << t;
  }
}

TEST(PhraseSetTest, LayoutMarkersInTheSeedAndCorpusTexts) {
  auto config = parse::ParseConfigFromJson(parse::DefaultParseConfigJson());
  ASSERT_TRUE(config.ok());
  std::vector<std::string> markers;
  for (const auto& signature : config->layouts()) {
    for (const auto& marker : signature.markers()) markers.push_back(NormalizeForMatching(marker));
  }
  size_t found = 0;
  for (const std::string& path : parse::testing::SeedAndCorpusTextPaths()) {
    const parse::SourceDocument doc(parse::testing::ReadFile(path));
    std::string folded;
    for (const auto& line : doc.lines()) folded += line.norm() + "\n";
    ExpectSameAsPlainSearch(markers, folded);
    for (bool b : PhraseSet(markers).Occurring(folded)) found += b;
  }
  EXPECT_GE(found, 5u);  // the texts do hold markers: the comparison is not all "absent"
}

}  // namespace
}  // namespace juesuan::text
