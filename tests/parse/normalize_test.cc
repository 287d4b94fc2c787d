// NormalizedText keeps its map back to the document as runs; these tests
// hold it to the plain per-byte map: every byte of a character's folded form
// maps to the document offset of that character, and lookups by document
// offset are lower_bound over that map. Random texts are built from
// characters whose folding is known, so the expected text and map are
// computed here independently of the implementation.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "common/text/normalize.h"
#include "gtest/gtest.h"

namespace juesuan::text {
namespace {

// One character of a random text: as printed, as folded, and whether it
// counts as CJK for the space rule as the next character (its printed code
// point) and as the last one of the text (its folded form's last code point).
struct Atom {
  std::string printed;
  std::string folded;
  bool cjk_next;
  bool cjk_last;
};

const std::vector<Atom>& Atoms() {
  static const auto* atoms = new std::vector<Atom>{
      {"本", "本", true, true},
      {"收", "收", true, true},
      {"a", "a", false, false},
      {"7", "7", false, false},
      {".", ".", false, false},
      {"１", "1", true, false},           // full-width digit: 3 bytes -> 1
      {"，", ",", true, false},           // full-width comma
      {"（", "(", true, false},
      {"。", "。", true, true},           // kept by NFKC: copied
      {"“", "“", true, true},             // kept, CJK by the space rule
      {"é", "é", false, false},           // two bytes, kept
      {"½", "1⁄2", false, false},         // several code points from one
      {"㈠", "(一)", true, false},        // several code points from one
      {"Ⅻ", "XII", false, false},         // folded by ICU, outside the table
      {"豈", "豈", true, true},           // compatibility ideograph: 3 bytes -> other 3
      {"\xF0\xA0\x80\x80", "\xF0\xA0\x80\x80", false, false},  // U+20000, four bytes
  };
  return *atoms;
}

// Printed spaces: all fold to one ' ', kept only between non-CJK neighbours.
const std::vector<std::string>& Spaces() {
  static const auto* spaces = new std::vector<std::string>{" ", " ", "\u3000", "\u00A0"};
  return *spaces;
}

// The expected folded text and per-byte map of pieces appended one after
// the other, following the documented rules.
class Expected {
 public:
  // Appends a piece of atoms (index into Atoms(), or -1 - k for Spaces()[k])
  // printed at document offset `offset`; returns the printed piece.
  std::string Append(const std::vector<int>& piece, size_t offset) {
    std::string printed;
    std::vector<size_t> pending;
    for (int item : piece) {
      const size_t at = offset + printed.size();
      if (item < 0) {
        printed += Spaces()[-1 - item];
        pending.push_back(at);
        continue;
      }
      const Atom& atom = Atoms()[item];
      if (!pending.empty() && !text.empty() && !atom.cjk_next && !last_cjk_) {
        for (size_t space_at : pending) Emit(" ", space_at, false);
      }
      pending.clear();
      Emit(atom.folded, at, atom.cjk_last);
      printed += atom.printed;
    }
    end = offset + printed.size();
    return printed;
  }

  // lower_bound over the per-byte map.
  size_t FoldedLowerBound(size_t original) const {
    return std::lower_bound(map.begin(), map.end(), original) - map.begin();
  }

  std::string text;
  std::vector<size_t> map;
  size_t end = 0;

 private:
  void Emit(const std::string& folded, size_t at, bool cjk) {
    text += folded;
    map.insert(map.end(), folded.size(), at);
    last_cjk_ = cjk;
  }
  bool last_cjk_ = false;
};

std::vector<int> RandomPiece(std::mt19937& rng) {
  const int atoms = static_cast<int>(Atoms().size());
  const int spaces = static_cast<int>(Spaces().size());
  std::uniform_int_distribution<int> length(0, 14);
  std::uniform_int_distribution<int> pick(0, atoms + spaces - 1);
  std::vector<int> piece(length(rng));
  for (int& item : piece) {
    const int k = pick(rng);
    item = k < atoms ? k : -1 - (k - atoms);
  }
  return piece;
}

// Builds the same random text both ways: pieces like lines, a newline or
// more apart.
struct RandomText {
  explicit RandomText(std::mt19937& rng) {
    std::uniform_int_distribution<int> pieces(1, 4);
    std::uniform_int_distribution<int> gap(1, 3);
    size_t offset = gap(rng);
    first = offset;
    const int n = pieces(rng);
    for (int p = 0; p < n; ++p) {
      const std::string printed = expected.Append(RandomPiece(rng), offset);
      if (p == 0) {
        actual = NormalizedText(printed, offset);
      } else {
        actual.Append(printed, offset);
      }
      offset += printed.size() + gap(rng);
    }
  }
  Expected expected;
  NormalizedText actual;
  size_t first = 0;
};

void ExpectSameMap(const NormalizedText& actual, const std::string& text,
                   const std::vector<size_t>& map, size_t end, const std::string& label) {
  ASSERT_EQ(actual.text(), text) << label;
  for (size_t k = 0; k < map.size(); ++k) {
    ASSERT_EQ(actual.ToOriginal(k), map[k]) << label << " byte " << k << " of " << text;
  }
  EXPECT_EQ(actual.ToOriginal(map.size()), end) << label;
  EXPECT_EQ(actual.ToOriginal(map.size() + 5), end) << label;
}

TEST(NormalizedTextMap, RandomTextsMapEveryByteLikeThePerByteMap) {
  std::mt19937 rng(20241128);
  for (int round = 0; round < 2000; ++round) {
    RandomText r(rng);
    ExpectSameMap(r.actual, r.expected.text, r.expected.map, r.expected.end,
                  "round " + std::to_string(round));
  }
}

TEST(NormalizedTextMap, SliceIsLowerBoundOverThePerByteMap) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    RandomText r(rng);
    const Expected& e = r.expected;
    for (size_t b = 0; b <= e.end + 2; ++b) {
      for (size_t en = 0; en <= e.end + 2; ++en) {
        const size_t fb = e.FoldedLowerBound(b);
        const size_t fe = std::max(fb, e.FoldedLowerBound(en));
        ASSERT_EQ(r.actual.Slice(b, en), e.text.substr(fb, fe - fb))
            << "round " << round << " [" << b << ", " << en << ") of " << e.text;
      }
    }
  }
}

TEST(NormalizedTextMap, AppendFoldedCopiesTextAndMapOfTheRange) {
  std::mt19937 rng(99);
  for (int round = 0; round < 500; ++round) {
    RandomText a(rng);
    RandomText b(rng);
    // Ranges in any order (passages may take a displaced line first), and
    // adjacent ranges that must read as one.
    std::uniform_int_distribution<size_t> in_a(0, a.expected.end + 1);
    std::uniform_int_distribution<size_t> in_b(0, b.expected.end + 1);
    size_t a1 = in_a(rng), a2 = in_a(rng), a3 = in_a(rng);
    if (a1 > a2) std::swap(a1, a2);
    if (a2 > a3) std::swap(a2, a3);
    if (a1 > a2) std::swap(a1, a2);
    const size_t b1 = in_b(rng), b2 = in_b(rng);

    NormalizedText joined;
    std::string text;
    std::vector<size_t> map;
    auto append = [&](const RandomText& from, size_t begin, size_t end) {
      joined.AppendFolded(from.actual, begin, end);
      const size_t fb = from.expected.FoldedLowerBound(begin);
      const size_t fe = std::max(fb, from.expected.FoldedLowerBound(end));
      text += from.expected.text.substr(fb, fe - fb);
      map.insert(map.end(), from.expected.map.begin() + fb, from.expected.map.begin() + fe);
    };
    append(b, b1, b2);
    append(a, a1, a2);
    append(a, a2, a3);
    ExpectSameMap(joined, text, map, a3, "round " + std::to_string(round));
  }
}

TEST(NormalizedTextMap, FoldedCharactersMapToTheirStart) {
  const std::string original = "合计１２３万元㈠½ Ⅻ";
  NormalizedText n(original, 100);
  EXPECT_EQ(n.text(), "合计123万元(一)1⁄2 XII");
  const size_t paren = n.text().find("(一)");
  for (size_t k = paren; k < paren + 5; ++k) EXPECT_EQ(n.ToOriginal(k), 100 + 21) << k;
  EXPECT_EQ(n.ToOriginal(n.text().find("3")), 100 + 12);
  EXPECT_EQ(n.ToOriginal(n.text().find("元") + 2), 100 + 18);  // inside 元
  EXPECT_EQ(n.Slice(100 + 6, 100 + 15), "123");
  EXPECT_EQ(n.Slice(100 + 7, 100 + 15), "23");  // from inside １: the next character on
}

}  // namespace
}  // namespace juesuan::text
