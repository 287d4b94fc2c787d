// Mutation harness: take a clean document, change one printed amount by more
// than a rounding residue, run parse → validate → score, and check that an
// error or warning finding cites the changed bytes.
//
// Each document is decoded once (DocumentParser::Decode); every mutation then
// goes through the second step of the parser (ParseDecoded) on a copy of the
// decoded document. Candidates are the parser's own evidence: every Amount of
// the clean report whose provenance spans a printed number of the decoded
// text. One digit of that number is replaced (so no offset moves) such that
// the value moves by at least two printing quanta. For a PDF the same digit
// is replaced in the word that printed it, so that tables (built from the
// words) and narrative (built from the text) see the same change.
//
// A mutation counts as caught only through a finding that the clean document
// did not already produce (same rule, severity and cited spans), so standing
// warnings do not inflate the rate. A change that the validator itself proves
// to lie within the rounding tolerance of a relation it takes part in (an
// info finding "rounding residue within tolerance" citing it, REFERENCE
// §3.0.1) is by definition a rounding residue, not a defect: it is redrawn,
// and the redraws are counted and printed.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fmt/format.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"
#include "services/parse/pdf/pdf_layout.h"
#include "services/parse/src/parser.h"
#include "services/scoring/src/scoring.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

namespace juesuan {
namespace {

namespace fv1 = ::juesuan::findings::v1;
namespace rv1 = ::juesuan::report::v1;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr uint64_t kSeed = 20241231;

struct Document {
  std::string label;
  std::string path;           // under JUESUAN_SHARED_DIR
  int mutations;
  std::set<std::string> golden_errors;  // rule IDs of the reviewed defects
};

// One printed number the parser extracted as an Amount.
struct Candidate {
  std::string field;          // report path without indices, tables by id
  size_t begin = 0;           // the number's bytes in the input
  size_t end = 0;
};

struct Mutation {
  std::string document;
  std::string field;
  std::string original;
  std::string mutated;
  size_t digit = 0;           // offset of the changed byte
  bool parsed = true;
  bool caught = false;
  std::string miss;           // why it was not caught (see Classify)
};

std::string ReadShared(const std::string& relative) {
  std::ifstream in(std::string(JUESUAN_SHARED_DIR) + "/" + relative, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The last run of digits, ',' and '.' holding a digit inside [begin, end).
bool LastNumber(const std::string& text, size_t begin, size_t end, size_t* num_begin, size_t* num_end) {
  size_t i = std::min(end, text.size());
  while (i > begin) {
    if (!IsDigit(text[i - 1])) {
      --i;
      continue;
    }
    size_t stop = i;
    size_t start = i;
    while (start > begin && (IsDigit(text[start - 1]) || text[start - 1] == ',' || text[start - 1] == '.')) --start;
    while (start < stop && !IsDigit(text[start])) ++start;
    *num_begin = start;
    *num_end = stop;
    return true;
  }
  return false;
}

// Every Amount of `m` (recursively) with the field path that reached it.
void CollectAmounts(const Message& m, const std::string& path, const std::string& text,
                    std::map<std::pair<size_t, size_t>, Candidate>* out) {
  if (m.GetDescriptor() == rv1::Amount::descriptor()) {
    const auto& a = static_cast<const rv1::Amount&>(m);
    if (a.blank() || a.src().byte_end() <= a.src().byte_begin()) return;
    Candidate c{path};
    if (!LastNumber(text, a.src().byte_begin(), a.src().byte_end(), &c.begin, &c.end)) return;
    out->emplace(std::make_pair(c.begin, c.end), c);
    return;
  }
  std::string here = path;
  if (m.GetDescriptor() == rv1::Table::descriptor()) here += "[" + static_cast<const rv1::Table&>(m).id() + "]";
  const auto* reflection = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(m, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const std::string child = here.empty() ? field->name() : here + "." + field->name();
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(m, field); ++i) {
        CollectAmounts(reflection->GetRepeatedMessage(m, field, i), child, text, out);
      }
    } else {
      CollectAmounts(reflection->GetMessage(m, field), child, text, out);
    }
  }
}

// Every printed Amount of `m` (recursively) whose provenance covers `byte`,
// keyed by its span, with its value.
using AmountsBySpan = std::multimap<std::pair<size_t, size_t>, int64_t>;

void AmountsCovering(const Message& m, size_t byte, AmountsBySpan* out) {
  if (m.GetDescriptor() == rv1::Amount::descriptor()) {
    const auto& a = static_cast<const rv1::Amount&>(m);
    if (!a.blank() && a.src().byte_begin() <= byte && byte < a.src().byte_end()) {
      out->emplace(std::make_pair(a.src().byte_begin(), a.src().byte_end()), a.fen());
    }
    return;
  }
  const auto* reflection = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(m, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(m, field); ++i) {
        AmountsCovering(reflection->GetRepeatedMessage(m, field, i), byte, out);
      }
    } else {
      AmountsCovering(reflection->GetMessage(m, field), byte, out);
    }
  }
}

// How many Amounts over the changed byte still hold their clean value: a
// reader that did not see the change (e.g. a table built from PDF words
// when only the text was changed).
size_t StaleAmounts(const rv1::Report& clean, const rv1::Report& mutated, size_t byte) {
  AmountsBySpan before, after;
  AmountsCovering(clean, byte, &before);
  AmountsCovering(mutated, byte, &after);
  size_t stale = 0;
  for (const auto& [span, fen] : after) {
    auto [first, last] = before.equal_range(span);
    for (auto it = first; it != last; ++it) stale += it->second == fen ? 1 : 0;
  }
  return stale;
}

// One digit of a printed number and the digit that replaces it.
struct DigitChange {
  size_t at = 0;
  char digit = '0';
};

// Picks one digit of the number [begin, end) of `text` and a replacement
// that moves the value by at least two quanta of its last digit (one quantum
// could be a rounding residue) and gives no leading zero.
DigitChange PickDigitChange(const std::string& text, size_t begin, size_t end, std::mt19937_64& rng) {
  std::vector<size_t> digits;
  for (size_t i = begin; i < end; ++i) {
    if (IsDigit(text[i])) digits.push_back(i);
  }
  const size_t pick = std::uniform_int_distribution<size_t>(0, digits.size() - 1)(rng);
  const size_t at = digits[pick];
  const int old_digit = text[at] - '0';
  const bool last = pick + 1 == digits.size();
  size_t integer_digits = 0;
  for (size_t i = begin; i < end && text[i] != '.'; ++i) integer_digits += IsDigit(text[i]) ? 1 : 0;
  const bool leading = pick == 0 && integer_digits > 1;
  std::vector<int> choices;
  for (int d = 0; d <= 9; ++d) {
    if (d == old_digit || (leading && d == 0)) continue;
    if (last && std::abs(d - old_digit) < 2) continue;
    choices.push_back(d);
  }
  const int new_digit = choices[std::uniform_int_distribution<size_t>(0, choices.size() - 1)(rng)];
  return {at, static_cast<char>('0' + new_digit)};
}

// The PDF word that printed byte `at` of the decoded text: the line is found
// by its document offsets, the word by its `word_begin` (document offsets
// once the text is assembled, see pdf_layout.cc).
struct WordSite {
  parse::pdf::Line* line = nullptr;
  size_t word = 0;
  size_t offset = 0;  // of `at` within the word's text
};

std::optional<WordSite> FindWord(parse::pdf::PdfDocument& pdf, size_t at) {
  for (auto& page : pdf.pages) {
    for (auto& line : page.lines) {
      if (at < line.begin || at >= line.end) continue;
      for (size_t k = 0; k < line.words.size() && k < line.word_begin.size(); ++k) {
        const size_t begin = line.word_begin[k];
        if (begin <= at && at < begin + line.words[k].text.size()) return WordSite{&line, k, at - begin};
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Whether byte `at` of the decoded text is, for a PDF, the same byte of the
// word that printed it and of that word's line. Empty when it is; otherwise
// what does not line up.
std::string CheckWordLinesUp(parse::DecodedDocument& decoded, size_t at) {
  if (decoded.format != rv1::FORMAT_PDF) return "";
  const std::optional<WordSite> site = FindWord(decoded.input.pdf, at);
  if (!site) return fmt::format("byte {} lies in no word of any line", at);
  const parse::pdf::Line& line = *site->line;
  const char printed = decoded.input.text[at];
  if (line.words[site->word].text[site->offset] != printed) {
    return fmt::format("byte {}: word \"{}\" does not hold the text's byte", at, line.words[site->word].text);
  }
  if (line.text.size() != line.end - line.begin || line.text[at - line.begin] != printed) {
    return fmt::format("byte {}: line text \"{}\" does not line up with the document", at, line.text);
  }
  return "";
}

// Applies `change` to the decoded text and, for a PDF, to the word and the
// line text that printed the same byte (checked by CheckWordLinesUp).
void ApplyChange(parse::DecodedDocument& decoded, const DigitChange& change) {
  decoded.input.text[change.at] = change.digit;
  if (decoded.format != rv1::FORMAT_PDF) return;
  const std::optional<WordSite> site = FindWord(decoded.input.pdf, change.at);
  site->line->words[site->word].text[site->offset] = change.digit;
  site->line->text[change.at - site->line->begin] = change.digit;
}

std::vector<fv1::Finding> AllFindings(const rv1::Report& report) {
  std::vector<fv1::Finding> out;
  auto validated = validate::Validate(report, validate::DefaultConfig());
  EXPECT_TRUE(validated.ok()) << validated.status();
  if (validated.ok()) {
    for (const auto& f : validated->findings()) out.push_back(f);
  }
  scoring::v1::ScoreReportRequest request;
  *request.mutable_report() = report;
  auto scored = scoring::Score(request);
  EXPECT_TRUE(scored.ok()) << scored.status();
  if (scored.ok()) {
    for (const auto& t : scored->tables()) {
      for (const auto& f : t.findings()) out.push_back(f);
    }
  }
  return out;
}

bool Serious(const fv1::Finding& f) {
  return f.severity() == fv1::SEVERITY_ERROR || f.severity() == fv1::SEVERITY_WARNING;
}

// Rule, severity and the byte spans the finding cites.
std::string FindingKey(const fv1::Finding& f) {
  std::string key = f.rule_id() + " " + fv1::Severity_Name(f.severity());
  for (const auto& op : f.operands()) key += fmt::format(" {}-{}", op.src().byte_begin(), op.src().byte_end());
  return key;
}

bool Cites(const fv1::Finding& f, size_t byte) {
  for (const auto& op : f.operands()) {
    if (op.src().byte_begin() <= byte && byte < op.src().byte_end()) return true;
  }
  return false;
}

// REFERENCE §3.0.1: a SUM relation whose residue stays within its tolerance
// is reported at info as a rounding residue (rule.cc RecordSum, pf_tab.cc).
// Only this kind of finding proves a change to be a rounding residue.
bool ProvesRoundingResidue(const fv1::Finding& f) {
  return f.severity() == fv1::SEVERITY_INFO &&
         std::string_view(f.message_en()).ends_with("rounding residue within tolerance");
}

struct DocumentResult {
  std::vector<Mutation> mutations;  // the counted ones
  size_t redrawn = 0;               // proven rounding residues, not counted
  size_t candidates = 0;
  size_t misaligned = 0;            // PDF candidates whose digits are no word's
  std::multiset<std::string> clean_errors;
};

// Judges the findings of a mutated document; returns false when the change
// is a rounding residue (to be redrawn).
bool Judge(const std::vector<fv1::Finding>& findings, const std::set<std::string>& clean_keys,
           Mutation& m) {
  bool cited_unchanged = false, cited_info = false, residue = false;
  for (const auto& f : findings) {
    if (!Cites(f, m.digit)) continue;
    const bool standing = clean_keys.contains(FindingKey(f));
    if (Serious(f) && !standing) m.caught = true;
    cited_unchanged = cited_unchanged || (Serious(f) && standing);
    cited_info = cited_info || f.severity() == fv1::SEVERITY_INFO;
    residue = residue || ProvesRoundingResidue(f);
  }
  if (m.caught) return true;
  if (residue) return false;
  m.miss = cited_unchanged ? "cited only by a finding the clean document already has"
           : cited_info    ? "cited only at info severity (not as a rounding residue)"
                           : "cited by no finding (no rule relates this amount)";
  return true;
}

DocumentResult RunDocument(const parse::DocumentParser& parser, const Document& doc, std::mt19937_64& rng) {
  DocumentResult result;
  auto decoded = parser.Decode(ReadShared(doc.path), {});
  EXPECT_TRUE(decoded.ok()) << doc.label << ": " << decoded.status();
  if (!decoded.ok()) return result;
  const std::string& text = decoded->input.text;
  auto clean = parser.ParseDecoded(*decoded, {});
  EXPECT_TRUE(clean.ok()) << doc.label << ": " << clean.status();
  if (!clean.ok()) return result;
  // Offsets of the report are offsets of the decoded text.
  EXPECT_EQ(clean->text(), text) << doc.label;
  std::set<std::string> clean_keys;
  for (const auto& f : AllFindings(*clean)) {
    clean_keys.insert(FindingKey(f));
    if (f.severity() == fv1::SEVERITY_ERROR) result.clean_errors.insert(f.rule_id());
  }
  std::map<std::pair<size_t, size_t>, Candidate> by_span;
  CollectAmounts(*clean, "", text, &by_span);
  std::vector<Candidate> candidates;
  for (auto& [span, c] : by_span) {
    // Every digit of a PDF amount must be a byte of the word that printed it.
    std::string misaligned;
    for (size_t i = c.begin; i < c.end && misaligned.empty(); ++i) {
      if (IsDigit(text[i])) misaligned = CheckWordLinesUp(*decoded, i);
    }
    EXPECT_EQ(misaligned, "") << doc.label << " " << c.field;
    if (!misaligned.empty()) {
      ++result.misaligned;
      continue;
    }
    candidates.push_back(c);
  }
  result.candidates = candidates.size();
  if (candidates.empty()) return result;
  // A document whose amounts were all rounding residues would loop forever.
  const int max_draws = doc.mutations * 4;
  for (int draws = 0; draws < max_draws && result.mutations.size() < static_cast<size_t>(doc.mutations);
       ++draws) {
    const Candidate& c = candidates[std::uniform_int_distribution<size_t>(0, candidates.size() - 1)(rng)];
    const DigitChange change = PickDigitChange(text, c.begin, c.end, rng);
    parse::DecodedDocument mutated = *decoded;
    ApplyChange(mutated, change);
    Mutation m;
    m.document = doc.label;
    m.field = c.field;
    m.original = text.substr(c.begin, c.end - c.begin);
    m.mutated = mutated.input.text.substr(c.begin, c.end - c.begin);
    m.digit = change.at;
    auto report = parser.ParseDecoded(std::move(mutated), {});
    m.parsed = report.ok();
    // Whatever read the changed number (narrative from the text, a table
    // from the PDF words) must hold the mutated value.
    if (report.ok()) {
      EXPECT_EQ(StaleAmounts(*clean, *report, m.digit), 0u)
          << doc.label << " " << m.field << ": " << m.original << " -> " << m.mutated;
    }
    if (!report.ok()) {
      m.miss = "mutated document failed to parse";
    } else if (!Judge(AllFindings(*report), clean_keys, m)) {
      ++result.redrawn;
      continue;
    }
    result.mutations.push_back(std::move(m));
  }
  EXPECT_EQ(result.mutations.size(), static_cast<size_t>(doc.mutations)) << doc.label;
  return result;
}

// "12.3%": the catch rate in tenths of a percent, rounded half up, in integers.
std::string Rate(size_t caught, size_t total) {
  const size_t tenths = total == 0 ? 0 : (caught * 2000 + total) / (2 * total);
  return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

TEST(ValidateMutation, ChangedAmountsAreCited) {
  const std::vector<Document> documents = {
      {"seed", "seed/000_0d0d50dd571d51d1.txt", 200, {}},
      {"corpus/001 text", "corpus/001/text.txt", 160, {"FA-NT-004", "FA-PCT-004"}},
      {"corpus/003 text", "corpus/003/text.txt", 160, {"FA-SUM-013"}},
      // The same defects as in tests/pipeline: 001 prints 财政拨款收入支出总计
      // 0.3万元 against T4's 2961.68 and 71.73% for 71.65%; 003 prints
      // C = E = 21.07 with a procurement total of 21.07.
      {"corpus/001 pdf", "corpus/001/上海市普陀区财政局2024年度部门决算.pdf", 160, {"FA-NT-004", "FA-PCT-004"}},
      {"corpus/003 pdf", "corpus/003/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", 160, {"FA-SUM-013"}},
  };
  auto parser = parse::DocumentParser::CreateDefault();
  ASSERT_TRUE(parser.ok()) << parser.status();
  std::mt19937_64 rng(kSeed);
  std::ofstream out(JUESUAN_MUTATION_REPORT);
  size_t caught_all = 0, total_all = 0, redrawn_all = 0;
  std::map<std::string, size_t> miss_classes, miss_reasons;
  std::vector<Mutation> misses;
  auto print = [&](const std::string& line) {
    std::cout << line << "\n";
    out << line << "\n";
  };
  for (const auto& doc : documents) {
    DocumentResult r = RunDocument(**parser, doc, rng);
    // The unmutated document: no error beyond its reviewed defects.
    for (const auto& rule : r.clean_errors) {
      EXPECT_TRUE(doc.golden_errors.contains(rule)) << doc.label << ": unexpected error " << rule;
    }
    size_t caught = 0;
    for (const auto& m : r.mutations) {
      if (m.caught) {
        ++caught;
        continue;
      }
      ++miss_classes[m.document + " | " + m.field];
      ++miss_reasons[m.miss];
      misses.push_back(m);
    }
    caught_all += caught;
    total_all += r.mutations.size();
    redrawn_all += r.redrawn;
    print(fmt::format("{}: {} amounts, {}/{} mutations caught ({}), {} redrawn as rounding residues",
                      doc.label, r.candidates, caught, r.mutations.size(), Rate(caught, r.mutations.size()),
                      r.redrawn));
  }
  const std::string summary = fmt::format("overall: {}/{} caught ({}), {} redrawn as rounding residues",
                                          caught_all, total_all, Rate(caught_all, total_all), redrawn_all);
  print(summary);
  auto print_counts = [&](const char* title, const std::map<std::string, size_t>& counts) {
    std::vector<std::pair<size_t, std::string>> sorted;
    for (const auto& [name, n] : counts) sorted.push_back({n, name});
    std::sort(sorted.rbegin(), sorted.rend());
    out << "\n" << title << ":\n";
    for (const auto& [n, name] : sorted) out << fmt::format("{:5}  {}\n", n, name);
  };
  print_counts("misses by reason", miss_reasons);
  for (const auto& [reason, n] : miss_reasons) std::cout << fmt::format("  missed {:4}: {}\n", n, reason);
  print_counts("misses by field", miss_classes);
  out << "\nuncaught mutations (document | field | original -> mutated | byte | reason):\n";
  for (const auto& m : misses) {
    out << fmt::format("{} | {} | {} -> {} | {} | {}\n", m.document, m.field, m.original, m.mutated, m.digit, m.miss);
  }
  std::cout << "details: " << JUESUAN_MUTATION_REPORT << "\n";
  ASSERT_GE(total_all, 500u);
  // The target is 95%. Measured with seed kSeed: 821/840 = 97.7% (seed
  // 99.0%, corpus/001 text 95.6%, corpus/003 text 98.8%, corpus/001 pdf
  // 95.6%, corpus/003 pdf 99.4%), 19 draws redrawn as rounding residues.
  // The text renderings' nine tables are read from their columns (they were
  // not before: 83.8% and 89.4%). Every remaining miss is an amount
  // REFERENCE relates to nothing that can see the change:
  //  - SH 政府采购 A–E (REFERENCE §3.2 FA-SUM-013): only upper bounds
  //    (B ≤ A, D ≤ B, C + E ≤ total; C ≤ A as info), so raising A or lowering
  //    B–E breaks nothing; in corpus/003 C + E already exceeds the total, so a
  //    change only moves the standing error;
  //  - the 预算绩效管理 amounts (绩效目标/跟踪/自评 涉及预算金额): related to
  //    nothing without 自评表 tables (FA-XS-006 needs PE/PP);
  //  - YoY deltas whose only relation is a rate the change stays inside
  //    (RATIO interval or its one-quantum info band);
  //  - seed: the 决算数 of a budget-vs-final statement on a zero budget is
  //    tied only to the 100% convention (FA-BVF-002; no relation to the
  //    statement's subject amount is defined), and 车辆价值 beside 0 vehicles
  //    is info by definition (FA-CNT-007);
  //  - a T6 item change that makes its class sum exact (a relation that then
  //    passes cites nothing).
  EXPECT_GE(caught_all * 1000, total_all * 950) << summary;
}

}  // namespace
}  // namespace juesuan
