#include "services/parse/src/narrative.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/text/search.h"
#include "fmt/format.h"
#include "re2/re2.h"
#include "services/parse/src/matchers.h"

namespace juesuan::parse {
namespace {

using report::v1::Amount;
using report::v1::Share;

std::vector<std::string> Phrases(const config::v1::ParseConfig& config) {
  return {config.no_prior_data_phrases().begin(), config.no_prior_data_phrases().end()};
}

// Removes a trailing "。" or "；" from a text span [begin, end).
size_t TrimSentenceEnd(const Passage& p, size_t begin, size_t end) {
  const std::string& t = p.text();
  for (std::string_view tail : {"。", ";", ",", " "}) {
    while (end >= begin + tail.size() && t.compare(end - tail.size(), tail.size(), tail) == 0) {
      end -= tail.size();
    }
  }
  return end;
}

}  // namespace

NarrativeExtractor::NarrativeExtractor(const SourceDocument& doc, const SectionIndex& sections,
                                       std::vector<bool> skip,
                                       const config::v1::ParseConfig& config,
                                       report::v1::Report& report, Diagnostics& diags)
    : doc_(doc),
      sections_(sections),
      skip_(std::move(skip)),
      config_(config),
      report_(report),
      diags_(diags),
      values_(doc),
      clauses_(values_, Phrases(config)) {
  // Headings are structure, not narrative.
  skip_.resize(doc.lines().size(), false);
  for (const auto& s : sections.sections()) skip_[s.heading_line] = true;
  BuildRuns();
}

void NarrativeExtractor::ExtractAll() {
  ExtractProfile();
  ExtractTotals();
  ExtractIncome();
  ExtractExpenditure();
  ExtractFiscal();
  ExtractGeneralPublicBudget();
  ExtractBasic();
  ExtractFund("N.GOVFUND", report_.mutable_government_fund());
  ExtractFund("N.SOE", report_.mutable_state_capital());
  ExtractSangong();
  ExtractOperatingCost();
  ExtractProcurement();
  ExtractAssets();
  ExtractPerformanceNarrative();
  ExtractGlossary();
  ExtractTablesListed();
  ReportUnusedFigures();
}

NarrativeExtractor::PassageRefs NarrativeExtractor::PassagesFor(std::string_view key) const {
  PassageRefs out;
  for (const Passage& p : runs_) {
    const std::string& k = p.section_key;
    if (k == key || (k.size() > key.size() && k.compare(0, key.size(), key) == 0 &&
                     k[key.size()] == '.')) {
      out.push_back(std::cref(p));
    }
  }
  return out;
}

void NarrativeExtractor::BuildRuns() {
  const auto& lines = doc_.lines();
  uint32_t i = 0;
  while (i < lines.size()) {
    const std::string& k = sections_.KeyOfLine(i);
    uint32_t j = i;
    while (j < lines.size() && sections_.KeyOfLine(j) == k) ++j;
    if (!k.empty()) {
      for (auto& p : BuildPassages(doc_, i, j, skip_, k, /*single=*/true)) {
        runs_.push_back(std::move(p));
      }
    }
    i = j;
  }
}

// ---------------------------------------------------------------------------
// Evidence bookkeeping
// ---------------------------------------------------------------------------

void NarrativeExtractor::Use(const report::v1::Provenance& src) {
  used_.emplace_back(src.byte_begin(), src.byte_end());
}

void NarrativeExtractor::Emit(std::string_view subject, const Amount& a) {
  Use(a.src());
  auto* s = report_.add_statements();
  s->set_subject(std::string(subject));
  *s->mutable_src() = a.src();
  *s->mutable_amount() = a;
}

void NarrativeExtractor::Emit(std::string_view subject, const report::v1::YoY& y) {
  if (y.has_delta()) Use(y.delta().src());
  if (y.has_rate()) Use(y.rate().src());
  auto* s = report_.add_statements();
  s->set_subject(std::string(subject));
  *s->mutable_src() = y.src();
  *s->mutable_yoy() = y;
}

void NarrativeExtractor::Emit(std::string_view subject, const report::v1::BudgetVsFinal& b) {
  for (const auto* a : {&b.budget(), &b.final(), &b.annual_budget()}) Use(a->src());
  if (b.has_diff_rate()) Use(b.diff_rate().src());
  if (b.has_completion()) Use(b.completion().src());
  auto* s = report_.add_statements();
  s->set_subject(std::string(subject));
  *s->mutable_src() = b.src();
  *s->mutable_budget_vs_final() = b;
}

void NarrativeExtractor::Emit(std::string_view subject, const report::v1::Count& c) {
  Use(c.src());
  auto* s = report_.add_statements();
  s->set_subject(std::string(subject));
  *s->mutable_src() = c.src();
  *s->mutable_count() = c;
}

void NarrativeExtractor::Emit(std::string_view subject, Share sh) {
  Use(sh.amount().src());
  if (sh.has_share()) Use(sh.share().src());
  auto* s = report_.add_statements();
  s->set_subject(std::string(subject));
  *s->mutable_src() = sh.amount().src();
  *s->mutable_share() = std::move(sh);
}

bool NarrativeExtractor::ReadAmount(const Passage& p, std::string_view label,
                                    std::string_view subject, const Field<Amount>& out,
                                    size_t from, size_t to, size_t* end) {
  auto a = clauses_.AmountAfter(p, label, from, to, end);
  if (!a) return false;
  Emit(subject, *a);
  *out() = std::move(*a);
  return true;
}

bool NarrativeExtractor::ReadShare(const Passage& p, std::string_view label,
                                   std::string_view subject, std::string_view denominator,
                                   const Field<Share>& out) {
  size_t end = 0;
  auto a = clauses_.AmountAfter(p, label, 0, std::string::npos, &end);
  if (!a) return false;
  Share* share = out();
  *share->mutable_amount() = std::move(*a);
  share->set_denominator(std::string(denominator));
  if (auto pct = clauses_.ShareAfter(p, end, std::string::npos)) {
    *share->mutable_share() = std::move(*pct);
  }
  Emit(subject, *share);
  return true;
}

bool NarrativeExtractor::ReadCount(const Passage& p, std::string_view pattern,
                                   std::string_view subject,
                                   const Field<report::v1::Count>& out, size_t from,
                                   size_t to) {
  // Most count patterns are a label, a number and a unit: read by hand.
  const CountAfterLabel* count = CachedCountPattern(pattern);
  auto m = count ? count->Search(p, from, to)
                 : Search(CachedPattern(std::string(pattern)), p, from, to);
  if (!m) return false;
  auto c = values_.MakeCount(p, *m, 1, 2);
  if (!c) return false;
  Emit(subject, *c);
  *out() = std::move(*c);
  return true;
}

// ---------------------------------------------------------------------------
// 第一部分 概况
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractProfile() {
  auto* prof = report_.mutable_profile();
  const PassageRefs functions = PassagesFor("P.FUNCTIONS");
  for (const Passage& p : functions) {
    if (Holds(p, "不予公开") || Holds(p, "涉密")) prof->set_functions_withheld(true);
  }
  if (!functions.empty()) {
    const Passage& first = functions.front();
    const Passage& last = functions.back();
    const size_t begin = first.folded.ToOriginal(0);
    const size_t end = last.folded.ToOriginal(last.text().size());
    *prof->mutable_functions()->mutable_src() = doc_.Provenance(begin, end, "P.FUNCTIONS");
    prof->mutable_functions()->set_text(JoinLines(prof->functions().src().raw_text()));
  }
  ExtractUnits();
  for (const Passage& p : PassagesFor("P")) {
    auto staff = [&] { return prof->mutable_staff(); };
    ReadCount(p, R"(实有人数\s*(\d+)\s*(人))", "prof.staff.actual", [&] { return staff()->mutable_actual(); });
    ReadCount(p, R"(编制数?\s*(\d+)\s*(人|名))", "prof.staff.authorized",
              [&] { return staff()->mutable_authorized(); });
    struct Row { const char* label; const char* subject; Field<report::v1::Count> value;
                 Field<report::v1::Count> delta; };
    const Row rows[] = {
        {"在职人员", "prof.staff.in_service", [&] { return staff()->mutable_in_service(); },
         [&] { return staff()->mutable_delta_in_service(); }},
        {"离休人员", "prof.staff.retired_li", [&] { return staff()->mutable_retired_li(); },
         [&] { return staff()->mutable_delta_retired_li(); }},
        {"退休人员", "prof.staff.retired_tui", [&] { return staff()->mutable_retired_tui(); },
         [&] { return staff()->mutable_delta_retired_tui(); }},
    };
    for (const Row& row : rows) {
      auto m = SearchStaffRow(p, row.label);
      if (!m) continue;
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit(row.subject, *c);
        *row.value() = std::move(*c);
      }
      if (m->has(4)) {
        if (auto d = values_.MakeCount(p, *m, 4, 3)) {
          if (Group(p, *m, 3) == "减少") d->set_value(-d->value());
          d->set_unit("人");
          *row.delta() = *d;
          Use(d->src());
        }
      }
    }
    if (Holds(p, "无下属预算单位") || Holds(p, "无下属单位")) {
      prof->set_no_subordinate_units(true);
      prof->mutable_subordinate_units()->set_value(0);
    }
    ReadCount(p, R"(下属(?:预算)?单位\s*(\d+)\s*(个|家))", "prof.subordinate_units",
              [&] { return prof->mutable_subordinate_units(); });
    if (auto m = SearchDepartments(p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit("prof.departments_count", *c);
        *prof->mutable_departments_count() = std::move(*c);
      }
      // Names are separated by 、 (parentheses inside a name are kept).
      size_t begin = m->groups[3].first;
      const size_t end = TrimSentenceEnd(p, begin, m->groups[3].second);
      const std::string& t = p.text();
      while (begin < end) {
        size_t sep = t.find("、", begin);
        if (sep == std::string::npos || sep > end) sep = end;
        if (sep > begin) *prof->add_departments() = values_.MakeText(p, begin, sep);
        begin = sep + (sep < end ? std::string_view("、").size() : 0);
      }
    }
  }
}

void NarrativeExtractor::ExtractUnits() {
  // Shanghai 单位构成 table rows, one per line, columns separated by spaces in
  // the printed layout: "1 上海市…（本级）" / "2 …财政所 预算不单列，并入本级".
  // Matched on the line as printed, since the columns are told apart by spaces.
  static const RE2 kUnitRow(R"(^\s*(\d{1,2})\s+(\S+)(?:\s+(\S*(?:单列|并入本级)\S*))?\s*$)");
  auto* prof = report_.mutable_profile();
  const auto& lines = doc_.lines();
  for (const SectionSpan* s : sections_.Find("P.ORG")) {
    for (uint32_t l = s->body_first; l < s->body_last; ++l) {
      if (skip_[l]) continue;
      const SourceLine& line = lines[l];
      re2::StringPiece number, name, note;
      if (!RE2::FullMatch(line.raw, kUnitRow, &number, &name, &note)) continue;
      auto text_of = [&](re2::StringPiece piece) {
        const size_t begin = line.begin + (piece.data() - line.raw.data());
        report::v1::Text t;
        *t.mutable_src() = doc_.Provenance(begin, begin + piece.size(), "P.ORG");
        t.set_text(t.src().raw_text());
        return t;
      };
      auto* unit = prof->add_units();
      *unit->mutable_name() = text_of(name);
      unit->set_is_own_level(unit->name().text().find("本级") != std::string::npos);
      if (!note.empty()) *unit->mutable_note() = text_of(note);
    }
  }
}

// ---------------------------------------------------------------------------
// 收入支出决算总体情况
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractTotals() {
  auto* tot = report_.mutable_totals();
  for (const Passage& p : PassagesFor("N.TOTAL")) {
    if (!ReadAmount(p, "收入支出总计", "tot.income_expend_total",
                    [&] { return tot->mutable_income_expend_total(); })) {
      ReadAmount(p, "收入总计", "tot.income_total", [&] { return tot->mutable_income_total(); });
      ReadAmount(p, "支出总计", "tot.expend_total", [&] { return tot->mutable_expend_total(); });
    }
    ReadAmount(p, "本年收入合计", "tot.income_year", [&] { return tot->mutable_income_year(); });
    ReadAmount(p, R"(使用非财政拨款结余(?:\(含专用结余\))?)", "tot.use_nonfiscal_surplus",
               [&] { return tot->mutable_use_nonfiscal_surplus(); });
    ReadAmount(p, "年初结转和结余", "tot.carry_in", [&] { return tot->mutable_carry_in(); });
    ReadAmount(p, "本年支出合计", "tot.expend_year", [&] { return tot->mutable_expend_year(); });
    ReadAmount(p, "结余分配", "tot.surplus_distribution", [&] { return tot->mutable_surplus_distribution(); });
    ReadAmount(p, "年末结转和结余", "tot.carry_out", [&] { return tot->mutable_carry_out(); });
    if (!tot->has_yoy()) {
      if (auto y = clauses_.YoY(p, 0, p.text().size())) {
        if (tot->has_income_expend_total()) *y->mutable_current() = tot->income_expend_total();
        else if (tot->has_income_total()) *y->mutable_current() = tot->income_total();
        Emit("tot.income_expend_total", *y);
        *tot->mutable_yoy() = std::move(*y);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 收入 / 支出决算情况
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractIncome() {
  auto* inc = report_.mutable_income();
  const std::string den = "tot.income_year";
  for (const Passage& p : PassagesFor("N.INCOME")) {
    ReadAmount(p, R"(本年收入(?:合计)?)", "inc.total", [&] { return inc->mutable_total(); });
    ReadShare(p, "财政拨款收入", "inc.fiscal", den, [&] { return inc->mutable_fiscal(); });
    ReadShare(p, "上级补助收入", "inc.superior_subsidy", den, [&] { return inc->mutable_superior_subsidy(); });
    ReadShare(p, "事业收入", "inc.business", den, [&] { return inc->mutable_business(); });
    ReadShare(p, "经营收入", "inc.operating", den, [&] { return inc->mutable_operating(); });
    ReadShare(p, "附属单位上缴收入", "inc.affiliated", den, [&] { return inc->mutable_affiliated(); });
    ReadShare(p, "其他收入", "inc.other", den, [&] { return inc->mutable_other(); });
  }
}

void NarrativeExtractor::ExtractExpenditure() {
  auto* exp = report_.mutable_expenditure();
  const std::string den = "tot.expend_year";
  for (const Passage& p : PassagesFor("N.EXPEND")) {
    ReadAmount(p, R"(本年支出(?:合计)?)", "exp.total", [&] { return exp->mutable_total(); });
    ReadShare(p, "基本支出", "exp.basic", den, [&] { return exp->mutable_basic(); });
    ReadShare(p, "项目支出", "exp.project", den, [&] { return exp->mutable_project(); });
    ReadShare(p, "上缴上级支出", "exp.to_superior", den, [&] { return exp->mutable_to_superior(); });
    ReadShare(p, "经营支出", "exp.operating", den, [&] { return exp->mutable_operating(); });
    ReadShare(p, "对附属单位补助支出", "exp.to_affiliated", den, [&] { return exp->mutable_to_affiliated(); });
  }
}

// ---------------------------------------------------------------------------
// 财政拨款收入支出决算总体情况
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractFiscal() {
  auto* fis = report_.mutable_fiscal();
  for (const Passage& p : PassagesFor("N.FISCAL")) {
    if (!ReadAmount(p, "财政拨款收入支出总计", "fis.income_expend_total",
                    [&] { return fis->mutable_income_expend_total(); })) {
      ReadAmount(p, "财政拨款收入总计", "fis.income_total", [&] { return fis->mutable_income_total(); });
      ReadAmount(p, "财政拨款支出总计", "fis.expend_total", [&] { return fis->mutable_expend_total(); });
    }
    ReadAmount(p, "年初财政拨款结转和结余", "fis.carry_in", [&] { return fis->mutable_carry_in(); });
    ReadAmount(p, "本年财政拨款收入", "fis.income_year", [&] { return fis->mutable_income_year(); });
    ReadAmount(p, "年末财政拨款结转和结余", "fis.carry_out", [&] { return fis->mutable_carry_out(); });
    ReadAmount(p, "本年财政拨款支出", "fis.expend_year", [&] { return fis->mutable_expend_year(); });
    if (!fis->has_yoy()) {
      if (auto y = clauses_.YoY(p, 0, p.text().size())) {
        if (fis->has_income_expend_total()) *y->mutable_current() = fis->income_expend_total();
        else if (fis->has_income_total()) *y->mutable_current() = fis->income_total();
        Emit("fis.income_total", *y);
        *fis->mutable_yoy() = std::move(*y);
      }
    }
    if (!fis->has_budget_vs_final()) {
      if (auto b = clauses_.BudgetVsFinal(p, 0, p.text().size())) {
        Emit("fis.expend_year", *b);
        *fis->mutable_budget_vs_final() = std::move(*b);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 一般公共预算财政拨款支出决算情况
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractGeneralPublicBudget() {
  auto* gpb = report_.mutable_general_public_budget();
  for (const Passage& p : PassagesFor("N.GPB.OVERALL")) {
    size_t end = 0;
    if (!gpb->has_total() &&
        ReadAmount(p, "一般公共预算财政拨款支出", "gpb.total", [&] { return gpb->mutable_total(); }, 0,
                   std::string::npos, &end)) {
      if (auto pct = clauses_.ShareAfter(p, end, std::string::npos)) {
        Use(pct->src());
        *gpb->mutable_share_of_expend_year() = std::move(*pct);
      }
    }
    if (!gpb->has_yoy()) {
      if (auto y = clauses_.YoY(p, 0, p.text().size())) {
        if (gpb->has_total()) *y->mutable_current() = gpb->total();
        Emit("gpb.total", *y);
        *gpb->mutable_yoy() = std::move(*y);
      }
    }
    if (!gpb->has_budget_vs_final()) {
      if (auto b = clauses_.BudgetVsFinal(p, 0, p.text().size())) {
        Emit("gpb.total", *b);
        *gpb->mutable_budget_vs_final() = std::move(*b);
      }
    }
  }
  ExtractGpbClasses(PassagesFor("N.GPB.STRUCT"));
  ExtractGpbItems(PassagesFor("N.GPB.DETAIL"));
}

void NarrativeExtractor::ExtractGpbClasses(const PassageRefs& passages) {
  auto* gpb = report_.mutable_general_public_budget();
  for (const Passage& p : passages) {
    Amount restated;
    if (ReadAmount(p, "一般公共预算财政拨款支出", "gpb.total", [&] { return &restated; }) &&
        !gpb->has_total()) {
      *gpb->mutable_total() = std::move(restated);
    }
    for (const Match& m : SearchAll(SearchGpbClass, p)) {
      auto* c = gpb->add_classes();
      c->set_name(std::string(Group(p, m, 1)));
      if (auto a = values_.MakeAmount(p, m, 2, 3)) *c->mutable_amount() = std::move(*a);
      if (auto pct = values_.MakePercent(p, m, 4)) *c->mutable_share() = std::move(*pct);
      *c->mutable_src() = values_.Prov(p, m.begin, m.end);
      for (const auto& code : config_.functional_codes()) {
        if (code.path_size() == 1 && code.path(0) == c->name()) c->set_code(code.code());
      }
      Share share;
      *share.mutable_amount() = c->amount();
      if (c->has_share()) *share.mutable_share() = c->share();
      share.set_denominator("gpb.total");
      Emit(absl::StrCat("gpb.class:", c->name()), std::move(share));
    }
  }
  // Shanghai also states the budget comparison in the detail sub-section.
}

void NarrativeExtractor::ExtractGpbItems(const PassageRefs& passages) {
  auto* gpb = report_.mutable_general_public_budget();
  for (const Passage& p : passages) {
    std::vector<Match> items = SearchAll(SearchGpbItem, p);
    // Text before the first item is the overall statement (SH: budget vs final).
    const size_t first_item = items.empty() ? p.text().size() : items.front().begin;
    if (!gpb->has_budget_vs_final()) {
      if (auto b = clauses_.BudgetVsFinal(p, 0, first_item)) {
        Emit("gpb.total", *b);
        *gpb->mutable_budget_vs_final() = std::move(*b);
      }
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const Match& m = items[i];
      const size_t to = i + 1 < items.size() ? items[i + 1].begin : p.text().size();
      auto* item = gpb->add_items();
      for (size_t g = 1; g <= 3; ++g) item->add_path(std::string(Group(p, m, g)));
      *item->mutable_src() = values_.Prov(p, m.begin, to);
      const std::string subject = absl::StrCat("gpb.item:", absl::StrJoin(item->path(), "/"));
      for (const auto& code : config_.functional_codes()) {
        if (code.path_size() == 3 && std::equal(code.path().begin(), code.path().end(),
                                                item->path().begin())) {
          item->set_code(code.code());
          item->set_code_inferred(true);
        }
      }
      if (auto pm = SearchPurpose(p, m.end, to)) {
        *item->mutable_purpose() = values_.MakeText(p, pm->groups[1].first, pm->groups[1].second);
      }
      if (auto b = clauses_.BudgetVsFinal(p, m.end, to)) {
        *item->mutable_amount() = b->final();
        Emit(subject, *b);
        *item->mutable_budget_vs_final() = std::move(*b);
      } else {
        ReadAmount(p, R"((?:支出)?决算数?为?)", subject, [&] { return item->mutable_amount(); }, m.end, to);
      }
      if (auto y = clauses_.YoY(p, m.end, to)) {
        if (item->has_amount()) *y->mutable_current() = item->amount();
        Emit(subject, *y);
        *item->mutable_yoy() = std::move(*y);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 基本支出
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractBasic() {
  auto* bas = report_.mutable_basic();
  auto read_list = [&](const Passage& p, size_t from,
                       google::protobuf::RepeatedPtrField<report::v1::Text>* out) {
    auto m = SearchIncludesList(p, from);
    if (!m) return;
    size_t begin = m->groups[1].first;
    const size_t end = TrimSentenceEnd(p, begin, m->groups[1].second);
    const std::string& t = p.text();
    while (begin < end) {
      size_t sep = t.find("、", begin);
      if (sep == std::string::npos || sep > end) sep = end;
      if (sep > begin) *out->Add() = values_.MakeText(p, begin, sep);
      begin = sep + (sep < end ? std::string_view("、").size() : 0);
    }
  };
  for (const Passage& p : PassagesFor("N.BASIC")) {
    ReadAmount(p, "基本支出", "bas.total", [&] { return bas->mutable_total(); });
    size_t end = 0;
    if (ReadAmount(p, "人员经费", "bas.personnel", [&] { return bas->mutable_personnel(); }, 0,
                   std::string::npos, &end)) {
      read_list(p, end, bas->mutable_personnel_items());
    }
    if (ReadAmount(p, R"((?:日常)?公用经费)", "bas.public", [&] { return bas->mutable_public_(); }, 0,
                   std::string::npos, &end)) {
      read_list(p, end, bas->mutable_public_items());
    }
  }
}

// ---------------------------------------------------------------------------
// 政府性基金 / 国有资本经营
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractFund(std::string_view key,
                                     report::v1::FundAppropriation* fund) {
  static const RE2 kEmpty(R"([^。]*(?:无|没有)[^。]*(?:空表|收入和支出|收入、支出|无数据|支出)[^。]*。?)");
  bool any_amount = false;
  const std::string prefix = key == "N.GOVFUND" ? "gf" : "soe";
  for (const Passage& p : PassagesFor(key)) {
    if (auto m = Search(kEmpty, p)) {
      if (!fund->has_empty_statement()) {
        *fund->mutable_empty_statement() = values_.MakeText(p, m->begin, m->end);
      }
    }
    any_amount |= ReadAmount(p, "年初结转和结余", prefix + ".carry_in", [&] { return fund->mutable_carry_in(); });
    any_amount |= ReadAmount(p, "本年收入", prefix + ".income", [&] { return fund->mutable_income(); });
    any_amount |= ReadAmount(p, "本年支出", prefix + ".expend", [&] { return fund->mutable_expend(); });
    any_amount |= ReadAmount(p, "年末结转和结余", prefix + ".carry_out", [&] { return fund->mutable_carry_out(); });
  }
  fund->set_has_data(any_amount && !fund->has_empty_statement());
}

// ---------------------------------------------------------------------------
// 三公经费
// ---------------------------------------------------------------------------

namespace {

struct SangongLabel {
  const char* pattern;   // folded-text regex of the item's name
  const char* subject;
};

// Longest names first, so 公务用车购置及运行维护费 wins over 公务用车购置费.
const SangongLabel kSangongLabels[] = {
    {R"(“?三公”?经费(?:财政拨款)?(?:支出)?)", "sg.total"},
    {R"(公务用车购置及运行(?:维护)?费)", "sg.car"},
    {R"(公务用车购置费)", "sg.car_purchase"},
    {R"(公务用车运行(?:维护)?费)", "sg.car_running"},
    {R"(因公出国\(境\)费(?:用)?)", "sg.abroad"},
    {R"(公务接待费)", "sg.reception"},
};

report::v1::SangongItem* SangongItemFor(report::v1::Sangong* sg, std::string_view subject) {
  if (subject == "sg.total") return sg->mutable_total();
  if (subject == "sg.car") return sg->mutable_car();
  if (subject == "sg.car_purchase") return sg->mutable_car_purchase();
  if (subject == "sg.car_running") return sg->mutable_car_running();
  if (subject == "sg.abroad") return sg->mutable_abroad();
  return sg->mutable_reception();
}

struct LabelHit {
  size_t begin, end;
  std::string subject;
};

// "本单位无因公出国（境）费" / "均未安排公务接待费支出": the name is mentioned,
// not stated as a figure; it must not cut the clause it stands in.
bool IsMention(const Passage& p, size_t begin) {
  const std::string& t = p.text();
  for (std::string_view before : {"无", "安排", "包括"}) {
    if (begin >= before.size() && t.compare(begin - before.size(), before.size(), before) == 0) {
      return true;
    }
  }
  return false;
}

// Every match of an item's name in the passage. The names are literal
// labels, matched by hand; RE2 would read any other pattern.
std::vector<Match> NameMatches(const SangongLabel& label, const Passage& p) {
  const LiteralLabel* name = CachedLiteralLabel(label.pattern);
  if (name == nullptr) return SearchAll(CachedPattern(label.pattern), p);
  std::vector<Match> out;
  for (auto m = name->Search(p); m; m = name->Search(p, m->end)) out.push_back(*std::move(m));
  return out;
}

std::vector<LabelHit> FindSangongLabels(const Passage& p) {
  std::vector<LabelHit> hits;
  for (const auto& label : kSangongLabels) {
    for (const Match& m : NameMatches(label, p)) {
      if (IsMention(p, m.begin)) continue;
      bool overlaps = std::any_of(hits.begin(), hits.end(), [&](const LabelHit& h) {
        return m.begin < h.end && h.begin < m.end;
      });
      if (!overlaps) hits.push_back({m.begin, m.end, label.subject});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LabelHit& a, const LabelHit& b) { return a.begin < b.begin; });
  return hits;
}

}  // namespace

void NarrativeExtractor::ExtractSangong() {
  auto* sg = report_.mutable_sangong();
  for (const Passage& p : PassagesFor("N.SANGONG")) {
    // "…2024年度无“三公”经费财政拨款支出。" — a statement, not a reason clause.
    if (auto m = SearchNoSangong(p); m && !sg->has_none_statement()) {
      *sg->mutable_none_statement() = values_.MakeText(p, m->begin, m->end);
    }
    const std::vector<LabelHit> hits = FindSangongLabels(p);
    for (size_t i = 0; i < hits.size(); ++i) {
      const LabelHit& h = hits[i];
      const size_t to = i + 1 < hits.size() ? hits[i + 1].begin : p.text().size();
      auto* item = SangongItemFor(sg, h.subject);
      if (auto b = clauses_.BudgetVsFinal(p, h.end, to)) {
        if (b->src().byte_begin() <= values_.ProvSpan(p, h.end, h.end + 12).second) {
          if (b->has_budget()) {
            *item->mutable_budget() = b->budget();
            item->set_budget_kind(b->kind());
          }
          if (!item->has_final()) *item->mutable_final() = b->final();
          Emit(h.subject, *b);
          *item->mutable_budget_vs_final() = std::move(*b);
          continue;
        }
      }
      // "<item>支出0.80万元，占100.00%，比上年增加…": the amount right after the name.
      size_t clause_from = h.end;
      if (auto m = SearchItemFinal(p, h.end, to, RE2::ANCHOR_START)) {
        if (auto a = values_.MakeAmount(p, *m, 1, 2)) {
          if (!item->has_final()) {
            Emit(h.subject, *a);
            *item->mutable_final() = std::move(*a);
          } else {
            Use(a->src());
          }
          clause_from = m->end;
          if (auto pct = clauses_.ShareAfter(p, m->end, to)) {
            Use(pct->src());
            *item->mutable_share() = std::move(*pct);
          }
        }
      }
      if (!item->has_yoy()) {
        if (auto y = clauses_.YoY(p, clause_from, to)) {
          if (item->has_final()) *y->mutable_current() = item->final();
          Emit(h.subject, *y);
          *item->mutable_yoy() = std::move(*y);
        }
      }
      if (auto c = SearchSpendingContent(p, h.end, to); c && !item->has_content()) {
        *item->mutable_content() = values_.MakeText(p, c->groups[1].first, c->groups[1].second);
      }
    }
    // Shanghai prints the reason for the whole 三公 budget difference after
    // the item clauses: "…决算数小于预算数的主要原因：当年度无“三公”经费支出。"
    if (sg->total().has_budget_vs_final() && !sg->total().budget_vs_final().has_reason()) {
      static const RE2 kTotalReason(R"(决算数?(大于|小于|等于)预算数?的主要原因\s*:?\s*([^。]*))");
      if (auto m = Search(kTotalReason, p)) {
        auto* bvf = sg->mutable_total()->mutable_budget_vs_final();
        *bvf->mutable_reason() = values_.MakeText(p, m->groups[2].first, m->groups[2].second);
        const std::string_view word = Group(p, *m, 1);
        bvf->set_comparison(word == "大于"   ? report::v1::COMPARISON_GREATER
                            : word == "小于" ? report::v1::COMPARISON_LESS
                                             : report::v1::COMPARISON_EQUAL);
      }
    }
    ReadCount(p, R"(团组\s*(\d+)\s*(个))", "sg.abroad_groups", [&] { return sg->mutable_abroad_groups(); });
    ReadCount(p, R"(因公出国\(境\)\s*(\d+)\s*(人次|人))", "sg.abroad_persons",
              [&] { return sg->mutable_abroad_persons(); });
    ReadCount(p, R"(购置数?\s*(?:为)?\s*(\d+)\s*(辆))", "sg.car_purchased",
              [&] { return sg->mutable_car_purchased(); });
    ReadCount(p, R"(保有量\s*(?:为)?\s*(\d+)\s*(辆))", "sg.car_holding", [&] { return sg->mutable_car_holding(); });
    ReadCount(p, R"(固定资产车辆\s*(\d+)\s*(辆))", "sg.asset_vehicles", [&] { return sg->mutable_asset_vehicles(); });
    if (auto m = SearchDifferenceReason(p)) {
      *sg->mutable_car_holding_vs_assets_reason() =
          values_.MakeText(p, m->groups[1].first, m->groups[1].second);
    }
    if (auto m = SearchReception(p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit("sg.reception_batches", *c);
        *sg->mutable_reception_batches() = std::move(*c);
      }
      if (auto c = values_.MakeCount(p, *m, 3, 4)) {
        Emit("sg.reception_persons", *c);
        *sg->mutable_reception_persons() = std::move(*c);
      }
    }
    static const RE2 kForeign(R"(外宾接待\s*(\d+)\s*(批次)\s*[,，]?\s*(\d+)\s*(人次))");
    if (auto m = Search(kForeign, p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) *sg->mutable_reception_foreign_batches() = std::move(*c);
      if (auto c = values_.MakeCount(p, *m, 3, 4)) *sg->mutable_reception_foreign_persons() = std::move(*c);
    }
  }
}

// ---------------------------------------------------------------------------
// 其他重要事项: 机关运行经费, 政府采购, 国有资产
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractOperatingCost() {
  auto* op = report_.mutable_operating_cost();
  static const RE2 kNone(R"([^。]*无机关运行经费[^。]*。?)");
  for (const Passage& p : PassagesFor("N.OPCOST")) {
    size_t end = 0;
    if (!op->has_amount() &&
        ReadAmount(p, R"(机关运行经费(?:支出)?(?:决算)?)", "op.amount", [&] { return op->mutable_amount(); }, 0,
                   std::string::npos, &end)) {
      if (auto y = clauses_.YoY(p, end, p.text().size())) {
        if (op->has_amount()) *y->mutable_current() = op->amount();
        Emit("op.amount", *y);
        *op->mutable_yoy() = std::move(*y);
      }
    }
    if (auto m = SearchOperatingScope(p); m && !op->has_scope()) {
      *op->mutable_scope() = values_.MakeText(p, m->groups[1].first, m->groups[1].second);
    }
    if (auto m = Search(kNone, p); m && !op->has_none_statement()) {
      *op->mutable_none_statement() = values_.MakeText(p, m->begin, m->end);
    }
  }
}

void NarrativeExtractor::ExtractProcurement() {
  auto* proc = report_.mutable_procurement();
  for (const Passage& p : PassagesFor("N.PROCURE")) {
    if (Holds(p, "以合同签订为准")) proc->set_contract_basis(true);
    ReadAmount(p, R"(政府采购(?:支出总额|金额|支出)(?:\(以合同签订为准\))?)", "proc.total",
               [&] { return proc->mutable_total(); });
    ReadAmount(p, R"((?:政府采购)?货物(?:采购)?(?:支出|金额))", "proc.goods", [&] { return proc->mutable_goods(); });
    ReadAmount(p, R"((?:政府采购)?工程(?:采购)?(?:支出|金额))", "proc.works", [&] { return proc->mutable_works(); });
    ReadAmount(p, R"((?:政府采购)?服务(?:采购)?(?:支出|金额))", "proc.services",
               [&] { return proc->mutable_services(); });
    // Xinjiang form: 授予中小企业合同金额A万元，占…p%，其中：授予小微企业合同金额B万元，占…q%
    ReadShare(p, "授予中小企业合同金额", "proc.sme_award", "proc.total", [&] { return proc->mutable_sme_award(); });
    ReadShare(p, "授予小微企业合同金额", "proc.small_micro_award", "proc.total",
              [&] { return proc->mutable_small_micro_award(); });
    // Shanghai form (REFERENCE §1.3, A–E).
    ReadAmount(p, "面向中小企业预留政府采购项目预算金额", "proc.sme_reserved",
               [&] { return proc->mutable_sme_reserved(); });
    ReadAmount(p, "面向小微企业预留政府采购项目预算金额", "proc.small_micro_reserved",
               [&] { return proc->mutable_small_micro_reserved(); });
    static const RE2 kWon(absl::StrCat(
        R"(在(面向中小企业预留|面向小微企业预留|其他)[^。;]*?由(中小企业|小微企业)供应商中标或成交的\s*[,，]?\s*采购金额\s*)",
        kNum, kMoney));
    for (const Match& m : SearchAll(kWon, p)) {
      auto a = values_.MakeAmount(p, m, 3, 4);
      if (!a) continue;
      std::string_view scope = Group(p, m, 1);
      if (scope == "面向中小企业预留") {
        Emit("proc.sme_won_in_reserved", *a);
        *proc->mutable_sme_won_in_reserved() = std::move(*a);
      } else if (scope == "面向小微企业预留") {
        Emit("proc.small_micro_won_in_reserved", *a);
        *proc->mutable_small_micro_won_in_reserved() = std::move(*a);
      } else {
        Emit("proc.sme_won_in_other", *a);
        *proc->mutable_sme_won_in_other() = std::move(*a);
      }
    }
  }
}

void NarrativeExtractor::ExtractAssets() {
  auto* ast = report_.mutable_assets();
  static const RE2 kAsOf(R"((截至|截止)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)");
  static const RE2 kEquipmentThreshold(R"(单价\s*\d+\s*万元\s*\(含\)\s*以上(?:的)?设备(?:\(不含车辆\))?)");
  static const RE2 kEquipment(R"(单价\s*\d+\s*万元\s*\(含\)\s*以上(?:的)?设备(?:\(不含车辆\))?\s*(\d+)\s*(台\(套\)|台|套))");
  static const RE2 kBuilding(absl::StrCat(R"(房屋\s*)", kNum, R"(\s*(平方米))"));
  for (const Passage& p : PassagesFor("N.ASSETS")) {
    if (auto m = Search(kAsOf, p); m && !ast->has_as_of()) {
      auto* d = ast->mutable_as_of();
      d->set_qualifier(std::string(Group(p, *m, 1)));
      d->mutable_date()->set_year(std::stoi(std::string(Group(p, *m, 2))));
      d->mutable_date()->set_month(std::stoi(std::string(Group(p, *m, 3))));
      d->mutable_date()->set_day(std::stoi(std::string(Group(p, *m, 4))));
      *d->mutable_src() = values_.Prov(p, m->begin, m->end);
    }
    if (auto m = Search(kBuilding, p)) {
      auto* q = ast->mutable_building_area();
      auto c = values_.MakePercent(p, *m, 1, false);  // a plain decimal with evidence
      if (c) {
        *q->mutable_value() = c->value();
        q->set_unit("平方米");
        *q->mutable_src() = values_.Prov(p, m->groups[1].first, m->groups[2].second);
        Use(q->src());
      }
      ReadAmount(p, "价值", "ast.building_value", [&] { return ast->mutable_building_value(); }, m->end,
                 SentenceEnd(p, m->end));
    }
    size_t vehicles_end = 0;
    static const RE2 kVehicles(R"((?:共有)?车辆\s*(\d+)\s*(辆))");
    if (auto m = Search(kVehicles, p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit("ast.vehicles", *c);
        *ast->mutable_vehicles() = std::move(*c);
      }
      vehicles_end = m->end;
      ReadAmount(p, "价值", "ast.vehicle_value", [&] { return ast->mutable_vehicle_value(); }, m->end,
                 std::min(SentenceEnd(p, m->end), m->end + 24));
    }
    for (const Match& m : SearchAll(SearchVehicleCategory, p, vehicles_end)) {
      auto* cat = ast->add_vehicles_by_category();
      std::string name(Group(p, m, 1));
      // The category list follows "其中："; drop that lead-in from the first name.
      for (std::string_view lead : {"其中:", "其中"}) {
        if (name.rfind(lead, 0) == 0) name = name.substr(lead.size());
      }
      cat->set_name(name);
      if (auto c = values_.MakeCount(p, m, 2, 3)) {
        Emit(absl::StrCat("ast.vehicles_by_category:", name), *c);
        *cat->mutable_count() = std::move(*c);
      }
    }
    static const RE2 kOtherDesc(R"(其他用车主要是\s*:?\s*([^。]*))");
    if (auto m = Search(kOtherDesc, p)) {
      *ast->mutable_other_vehicle_description() =
          values_.MakeText(p, m->groups[1].first, m->groups[1].second);
    }
    // The "100万元" in the threshold is not an amount of money.
    for (const Match& m : SearchAll(kEquipmentThreshold, p)) {
      used_.push_back(values_.ProvSpan(p, m.begin, m.end));
    }
    if (auto m = Search(kEquipment, p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit("ast.equipment_over_1m", *c);
        *ast->mutable_equipment_over_1m() = std::move(*c);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 预算绩效
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractPerformanceNarrative() {
  auto* perf = report_.mutable_performance();
  for (const Passage& p : PassagesFor("N.PERF")) {
    // Xinjiang form.
    ReadCount(p, R"(整体支出绩效自评表\s*(\d+)\s*(个|张|份))", "perf.overall_tables",
              [&] { return perf->mutable_overall_tables(); });
    ReadAmount(p, "全年预算总额", "perf.overall_budget", [&] { return perf->mutable_overall_budget(); });
    ReadAmount(p, "实际执行总额", "perf.overall_executed", [&] { return perf->mutable_overall_executed(); });
    size_t end = 0;
    static const RE2 kProjects(R"(绩效评价项目\s*(\d+)\s*(个))");
    if (auto m = Search(kProjects, p)) {
      if (auto c = values_.MakeCount(p, *m, 1, 2)) {
        Emit("perf.projects", *c);
        *perf->mutable_projects() = std::move(*c);
      }
      end = m->end;
      ReadAmount(p, "全年预算数", "perf.projects_budget", [&] { return perf->mutable_projects_budget(); }, end);
      ReadAmount(p, "全年执行数", "perf.projects_executed", [&] { return perf->mutable_projects_executed(); }, end);
    }
    // 成效 / 问题及原因 / 改进措施: each text runs to the next one's label.
    const std::string& t = p.text();
    auto label_end = [&](std::initializer_list<std::string_view> labels, size_t* begin) {
      for (std::string_view label : labels) {
        const size_t at = text::Find(t, label);
        if (at == std::string::npos) continue;
        size_t end = at + label.size();
        while (end < t.size() && (t[end] == ':' || t[end] == ' ')) ++end;
        if (begin) *begin = at;
        return end;
      }
      return std::string::npos;
    };
    size_t problems_at = std::string::npos, improvements_at = std::string::npos;
    const size_t achievements = label_end({"取得的成效"}, nullptr);
    const size_t problems = label_end({"发现的问题及原因", "存在的问题及原因"}, &problems_at);
    const size_t improvements = label_end({"下一步改进措施", "改进措施"}, &improvements_at);
    auto text_between = [&](size_t begin, size_t end, report::v1::Text* out) {
      if (begin == std::string::npos || begin >= end) return;
      *out = values_.MakeText(p, begin, TrimSentenceEnd(p, begin, end));
    };
    if (achievements != std::string::npos) {
      text_between(achievements, std::min({problems_at, improvements_at, t.size()}),
                   perf->mutable_achievements());
    }
    if (problems != std::string::npos) {
      text_between(problems, std::min(improvements_at, t.size()), perf->mutable_problems());
    }
    if (improvements != std::string::npos) {
      text_between(improvements, t.size(), perf->mutable_improvements());
    }
    // Shanghai form.
    struct Block { const char* lead; Field<report::v1::Count> n;
                   Field<report::v1::Amount> amount; const char* subject; };
    const Block blocks[] = {
        {"编报绩效目标的", [&] { return perf->mutable_target_projects(); },
         [&] { return perf->mutable_target_amount(); }, "perf.target"},
        {"绩效跟踪(?:评价)?的", [&] { return perf->mutable_tracked_projects(); },
         [&] { return perf->mutable_tracked_amount(); }, "perf.tracked"},
        {"绩效自评的", [&] { return perf->mutable_selfeval_projects(); },
         [&] { return perf->mutable_selfeval_amount(); }, "perf.selfeval"},
    };
    for (const Block& b : blocks) {
      const RE2& re = CachedPattern(absl::StrCat(
          b.lead, R"(\d{4}年度项目\s*(\d+)\s*(个)\s*[,，]?\s*涉及预算金额\s*)", kNum, kMoney));
      if (auto m = Search(re, p)) {
        if (auto c = values_.MakeCount(p, *m, 1, 2)) {
          Emit(absl::StrCat(b.subject, "_projects"), *c);
          *b.n() = std::move(*c);
        }
        if (auto a = values_.MakeAmount(p, *m, 3, 4)) {
          Emit(absl::StrCat(b.subject, "_amount"), *a);
          *b.amount() = std::move(*a);
        }
      }
    }
    static const RE2 kAverage(absl::StrCat(R"(平均得分\s*)", kNum, R"(\s*分)"));
    if (auto m = Search(kAverage, p)) {
      if (auto v = values_.MakePercent(p, *m, 1, false)) {
        *perf->mutable_selfeval_average_score() = v->value();
        *perf->mutable_selfeval_average_score_src() = values_.Prov(p, m->begin, m->end);
        Use(perf->selfeval_average_score_src());
      }
    }
    struct Grade { const char* word; std::function<report::v1::Count*()> n; };
    const Grade grades[] = {{"优", [&] { return perf->mutable_grade_excellent(); }},
                            {"良", [&] { return perf->mutable_grade_good(); }},
                            {"合格", [&] { return perf->mutable_grade_pass(); }},
                            {"不合格", [&] { return perf->mutable_grade_fail(); }}};
    for (const Grade& g : grades) {
      ReadCount(p, absl::StrCat(R"(绩效评级为“)", g.word, R"(”的项目\s*(\d+)\s*(个))"),
                absl::StrCat("perf.grade:", g.word), [&] { return g.n(); });
    }
    ReadCount(p, R"(共发现问题\s*(\d+)\s*(个))", "perf.problems_found", [&] { return perf->mutable_problems_found(); });
    ReadCount(p, R"(已经?完成整改的\s*(\d+)\s*(个))", "perf.problems_fixed",
              [&] { return perf->mutable_problems_fixed(); });
    ReadCount(p, R"(正在整改的\s*(\d+)\s*(个))", "perf.problems_fixing",
              [&] { return perf->mutable_problems_fixing(); });
  }
}

// ---------------------------------------------------------------------------
// 名词解释 and the list of tables
// ---------------------------------------------------------------------------

void NarrativeExtractor::ExtractGlossary() {
  // Entries are "一、term：definition" (ordinal optional); a definition may
  // wrap onto following lines.
  // Only the head of the line is matched (term and colon); the definition is
  // the rest of the line.
  constexpr size_t kEntryHeadBytes = 160;
  const auto& lines = doc_.lines();
  for (const SectionSpan* s : sections_.Find("GLOSSARY")) {
    for (uint32_t l = s->body_first; l < s->body_last; ++l) {
      if (skip_[l] || lines[l].blank()) continue;
      // An entry's head ends in a colon: a line without one continues the
      // definition above, and needs no passage to tell.
      std::optional<Match> m;
      Passage p;
      if (lines[l].norm().find(':') != std::string::npos) {
        p = LinePassage(lines[l], "GLOSSARY");
        m = SearchGlossaryHead(p, 0, kEntryHeadBytes, RE2::ANCHOR_START);
      }
      if (m && m->end >= p.text().size()) m.reset();  // a term with no definition
      if (!m) {
        if (report_.glossary_size() > 0) {
          // Continuation of the previous definition.
          auto* def = report_.mutable_glossary(report_.glossary_size() - 1)->mutable_definition();
          def->set_text(def->text() + std::string(lines[l].raw));
          def->mutable_src()->set_byte_end(lines[l].end);
        }
        continue;
      }
      auto* entry = report_.add_glossary();
      entry->set_term(values_.TextOf(p, m->groups[1].first, m->groups[1].second));
      *entry->mutable_definition() = values_.MakeText(p, m->end, p.text().size());
    }
  }
}

void NarrativeExtractor::ExtractTablesListed() {
  auto* info = report_.mutable_document();
  const auto& lines = doc_.lines();
  // Titles of the standard tables, folded, to recognise an unbracketed list
  // ("一、收入支出决算总表" in a table of contents). Folded when first asked
  // for: a list of 《》 titles needs none.
  std::vector<std::string> known_titles;
  auto is_known_title = [&](const std::string& bare) {
    if (known_titles.empty()) {
      for (const auto& table : config_.tables()) {
        for (const auto& title : table.titles()) {
          known_titles.push_back(text::NormalizeForMatching(title));
        }
      }
    }
    return std::find(known_titles.begin(), known_titles.end(), bare) != known_titles.end();
  };
  std::set<std::string> listed;
  for (const auto& s : sections_.sections()) {
    if (s.key != "TABLES") continue;
    if (s.title.find("见附表") != std::string::npos || s.title.find("附件") != std::string::npos) {
      info->set_tables_attached_separately(true);
    }
    for (uint32_t l = s.heading_line; l < s.body_last; ++l) {
      // A listed title is bracketed by 《》; other lines matter only as a
      // sub-section's heading. Most lines are neither: no passage for them.
      const bool heading_may_list = s.level >= 2 && l == s.heading_line;
      if (!heading_may_list && !text::Contains(lines[l].norm(), "《")) continue;
      Passage p = LinePassage(lines[l], "TABLES");
      if (auto m = SearchListedTable(p)) {
        report::v1::Text title = values_.MakeText(p, m->groups[1].first, m->groups[1].second);
        if (listed.insert(title.text()).second) *info->add_tables_listed() = std::move(title);
        continue;
      }
      if (s.level < 2 || l != s.heading_line) continue;
      const std::string bare(StripOrdinal(p.text()));
      if (!is_known_title(bare)) continue;
      const size_t begin = p.text().size() - bare.size();
      report::v1::Text title = values_.MakeText(p, begin, p.text().size());
      if (listed.insert(title.text()).second) *info->add_tables_listed() = std::move(title);
    }
  }
}

// ---------------------------------------------------------------------------
// Figures nobody read
// ---------------------------------------------------------------------------

namespace {

// Every "NUM万元", "NUM元" and "NUM%" of a passage as [begin, end) of its
// text, in text order: found from the unit backwards, which is much cheaper
// than a regex scan starting at every digit. Plain spans, not Matches: a
// Match carries room for a dozen groups, which every push and sort moves.
std::vector<std::pair<size_t, size_t>> FiguresIn(const Passage& p) {
  const std::string& t = p.text();
  std::vector<std::pair<size_t, size_t>> out;
  auto add = [&](size_t unit_begin, size_t unit_end) {
    size_t b = unit_begin;
    while (b > 0 && t[b - 1] == ' ') --b;
    const size_t number_end = b;
    while (b > 0 && ((t[b - 1] >= '0' && t[b - 1] <= '9') || t[b - 1] == '.' || t[b - 1] == ',')) --b;
    if (b == number_end || t[b] < '0' || t[b] > '9') return;
    out.emplace_back(b, unit_end);
  };
  for (size_t at = text::Find(t, "元"); at != std::string::npos; at = text::Find(t, "元", at + 3)) {
    const bool wan = at >= 3 && t.compare(at - 3, 3, "万") == 0;
    add(wan ? at - 3 : at, at + 3);
  }
  for (size_t at = t.find('%'); at != std::string::npos; at = t.find('%', at + 1)) add(at, at + 1);
  // A number has one unit after it: no two figures begin alike.
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void NarrativeExtractor::ReportUnusedFigures() {
  std::sort(used_.begin(), used_.end());
  auto is_used = [&](size_t begin, size_t end) {
    auto it = std::upper_bound(used_.begin(), used_.end(), std::make_pair(begin, SIZE_MAX));
    while (it != used_.begin()) {
      --it;
      if (it->second > begin && it->first < end) return true;
      if (it->second <= begin && begin - it->second > 4096) break;
    }
    return false;
  };
  for (const Passage& p : PassagesFor("N")) {
    for (const auto& [figure_begin, figure_end] : FiguresIn(p)) {
      // Most figures were read: check the span before building evidence.
      const auto [begin, end] = values_.ProvSpan(p, figure_begin, figure_end);
      if (is_used(begin, end)) continue;
      auto src = values_.Prov(p, figure_begin, figure_end);
      // Quote the sentence so a reviewer sees the figure in context.
      const size_t full_stop = p.text().rfind("。", figure_begin);
      const size_t sentence_begin =
          full_stop == std::string::npos ? size_t{0} : full_stop + std::string_view("。").size();
      auto sentence = values_.Prov(p, sentence_begin, SentenceEnd(p, figure_end));
      diags_.Info("UNPARSED_FIGURE",
                  fmt::format("figure \"{}\" in {} was not attributed to any field: {}",
                              JoinLines(src.raw_text()), p.section_key,
                              JoinLines(sentence.raw_text())),
                  src);
    }
  }
}

}  // namespace juesuan::parse
