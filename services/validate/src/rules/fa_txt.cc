// FA-TXT — text quality (REFERENCE §3.13).
#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "services/validate/src/functional_catalogue.h"

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

using HitKey = std::pair<uint32_t, uint64_t>;

void Placeholders(RuleContext& ctx) {  // FA-TXT-001
  const auto& r = ctx.report();
  ctx.Ran();
  std::vector<TextHit> hits;
  std::set<HitKey> seen;
  for (const auto& p : r.placeholders()) {
    if (seen.insert({p.src().line(), p.src().byte_begin()}).second) hits.push_back({p.text(), p.src()});
  }
  // Longest tokens first so that "XXX" is not also reported as "XX".
  std::vector<std::string> tokens(ctx.config().text().placeholder_tokens().begin(),
                                  ctx.config().text().placeholder_tokens().end());
  std::sort(tokens.begin(), tokens.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::set<std::pair<uint32_t, uint64_t>> covered;
  for (const auto& token : tokens) {
    for (auto& hit : FindInReportText(ctx, token)) {
      bool inside = false;
      for (const auto& [line, begin] : covered) {
        inside = inside || (line == hit.src.line() && begin <= hit.src.byte_begin() &&
                            hit.src.byte_begin() < begin + 12);
      }
      if (inside || !seen.insert({hit.src.line(), hit.src.byte_begin()}).second) continue;
      covered.insert({hit.src.line(), hit.src.byte_begin()});
      hit.where = token;
      hits.push_back(std::move(hit));
    }
  }
  if (hits.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_WARNING, fmt::format("{}处模板占位符未替换", hits.size()),
                            fmt::format("{} template placeholders left in", hits.size()));
  f.set_relation("no template residue");
  for (const auto& h : hits) AddOperand(f, "placeholder", h.src.raw_text().empty() ? h.where : h.src.raw_text(), h.where, h.src);
}

// How to reach the Amounts under one message type: the fields, in
// declaration order, that are an Amount or may hold one at any depth. Most of
// a report's messages (provenance, text, decimals) hold none and are never
// entered. Built once for the report's types (descriptors live as long as the
// program), so the walk needs no descriptor or reflection lookup per message.
struct AmountWalk {
  struct Step {
    const google::protobuf::FieldDescriptor* field = nullptr;
    const AmountWalk* into = nullptr;  // nullptr: the field is an Amount itself
    // The field type's default instance, which reflection returns for an
    // unset singular field: comparing with it is a cheaper HasField.
    const google::protobuf::Message* unset = nullptr;
  };
  const google::protobuf::Reflection* reflection = nullptr;
  std::vector<Step> steps;
  // A table row whose only Amounts are those of its cells (checked against
  // the schema when the walk is built): the bulk of a report's amounts,
  // read through the generated accessors rather than reflection.
  bool cells_only_row = false;
};

class AmountWalks {
 public:
  static const AmountWalk& ForReport() {
    static const AmountWalks* const walks = new AmountWalks(rv1::Report::descriptor());
    return *walks->root_;
  }

 private:
  explicit AmountWalks(const google::protobuf::Descriptor* root) : root_(Build(root)) {
    if (root_ == nullptr) root_ = &empty_;
  }

  // The walk of `type`, or nullptr when it cannot hold an Amount. A type met
  // again while being built counts as holding none: a recursive type holds an
  // Amount only through another field.
  const AmountWalk* Build(const google::protobuf::Descriptor* type) {
    if (const auto it = built_.find(type); it != built_.end()) return it->second.get();
    built_[type] = nullptr;
    auto walk = std::make_unique<AmountWalk>();
    for (int i = 0; i < type->field_count(); ++i) {
      const auto* field = type->field(i);
      const auto* child = field->message_type();
      if (child == nullptr) continue;
      const google::protobuf::Message* unset =
          google::protobuf::MessageFactory::generated_factory()->GetPrototype(child);
      if (child == rv1::Amount::descriptor()) {
        walk->steps.push_back({field, nullptr, unset});
      } else if (const AmountWalk* into = Build(child)) {
        walk->steps.push_back({field, into, unset});
      }
    }
    if (walk->steps.empty()) return nullptr;
    walk->reflection =
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->GetReflection();
    walk->cells_only_row = type == rv1::Row::descriptor() && IsCellsOnly(*walk);
    return (built_[type] = std::move(walk)).get();
  }

  // Row → cells → amount and nothing else.
  static bool IsCellsOnly(const AmountWalk& row) {
    if (row.steps.size() != 1 || row.steps[0].field != rv1::Row::descriptor()->FindFieldByName("cells")) {
      return false;
    }
    const AmountWalk* cell = row.steps[0].into;
    return cell != nullptr && cell->steps.size() == 1 && cell->steps[0].into == nullptr &&
           cell->steps[0].field == rv1::Cell::descriptor()->FindFieldByName("amount");
  }

  std::unordered_map<const google::protobuf::Descriptor*, std::unique_ptr<AmountWalk>> built_;
  AmountWalk empty_;
  const AmountWalk* root_;
};

// Appends every printed (non-blank) Amount under `m`, depth first.
void CollectPrinted(const google::protobuf::Message& m, const AmountWalk& walk,
                    std::vector<const rv1::Amount*>* out);

void CollectPrintedIn(const google::protobuf::Message& child, const AmountWalk::Step& step,
                      std::vector<const rv1::Amount*>* out) {
  if (step.into != nullptr) {
    CollectPrinted(child, *step.into, out);
    return;
  }
  const auto& amount = static_cast<const rv1::Amount&>(child);
  if (!amount.blank()) out->push_back(&amount);
}

void CollectPrinted(const google::protobuf::Message& m, const AmountWalk& walk,
                    std::vector<const rv1::Amount*>* out) {
  if (walk.cells_only_row) {
    for (const rv1::Cell& cell : static_cast<const rv1::Row&>(m).cells()) {
      if (cell.has_amount() && !cell.amount().blank()) out->push_back(&cell.amount());
    }
    return;
  }
  for (const AmountWalk::Step& step : walk.steps) {
    if (!step.field->is_repeated()) {
      const google::protobuf::Message& child = walk.reflection->GetMessage(m, step.field);
      if (&child != step.unset) CollectPrintedIn(child, step, out);
      continue;
    }
    const int size = walk.reflection->FieldSize(m, step.field);
    for (int i = 0; i < size; ++i) CollectPrintedIn(walk.reflection->GetRepeatedMessage(m, step.field, i), step, out);
  }
}

// Every printed (non-blank) Amount of the report.
std::vector<const rv1::Amount*> PrintedAmounts(const rv1::Report& report) {
  std::vector<const rv1::Amount*> out;
  CollectPrinted(report, AmountWalks::ForReport(), &out);
  return out;
}

// The field path of `target` inside `m` ("sangong.items[2].final"), built
// only for the amounts a finding cites: building it for every amount would
// cost more than the rule.
bool PathTo(const google::protobuf::Message& m, const rv1::Amount* target, std::string* path) {
  using google::protobuf::FieldDescriptor;
  if (&m == target) return true;
  if (m.GetDescriptor() == rv1::Amount::descriptor()) return false;
  const auto* reflection = m.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(m, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const size_t length = path->size();
    if (!path->empty()) path->push_back('.');
    path->append(field->name());
    if (!field->is_repeated()) {
      if (PathTo(reflection->GetMessage(m, field), target, path)) return true;
    } else {
      for (int i = 0; i < reflection->FieldSize(m, field); ++i) {
        const size_t element = path->size();
        path->append(fmt::format("[{}]", i));
        if (PathTo(reflection->GetRepeatedMessage(m, field, i), target, path)) return true;
        path->resize(element);
      }
    }
    path->resize(length);
  }
  return false;
}

std::string PathOf(const rv1::Report& report, const rv1::Amount* target) {
  std::string path;
  return PathTo(report, target, &path) ? path : std::string("amount");
}

// An amount printed in 元 in a document kept in 万元 whose digits are those of
// a 万元 amount printed elsewhere: the unit was slipped (121.39元 for 121.39万元).
void UnitSlip(RuleContext& ctx) {  // FA-TXT-002
  const auto& r = ctx.report();
  if (r.document().amount_unit() != rv1::MONEY_UNIT_WAN_YUAN) {
    ctx.Missing("document unit is not 万元");
    return;
  }
  const std::vector<const rv1::Amount*> amounts = PrintedAmounts(r);
  ctx.Ran();
  const auto slip_candidate = [](const rv1::Amount* a) {
    return a->unit() == rv1::MONEY_UNIT_YUAN && a->fen() != 0;
  };
  // Most reports print no amount in 元: then there is nothing to match.
  if (std::none_of(amounts.begin(), amounts.end(), slip_candidate)) return;
  std::multimap<int64_t, const rv1::Amount*> wan_by_fen;
  for (const rv1::Amount* a : amounts) {
    if (a->unit() == rv1::MONEY_UNIT_WAN_YUAN) wan_by_fen.emplace(a->fen(), a);
  }
  std::set<std::pair<uint64_t, uint64_t>> seen;
  for (const rv1::Amount* a : amounts) {
    if (a->unit() != rv1::MONEY_UNIT_YUAN || a->fen() == 0) continue;
    if (!seen.insert({a->src().byte_begin(), a->src().byte_end()}).second) continue;
    if (a->fen() > std::numeric_limits<int64_t>::max() / 10'000) continue;
    const auto match = wan_by_fen.find(a->fen() * 10'000);  // the same digits read as 万元
    if (match == wan_by_fen.end()) continue;
    const rv1::Amount* wan = match->second;
    auto slipped = ctx.Amount(PathOf(r, a), true, *a);
    auto other = ctx.Amount(PathOf(r, wan), true, *wan);
    if (!slipped || !other) continue;
    fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                              fmt::format("“{}”以元为单位，但同一数字在别处以万元列示", a->src().raw_text()),
                              "an amount printed in 元 repeats a 万元 figure: unit slip");
    f.set_relation("unit(amount) = 万元 where the same figure is printed in 万元");
    AddOperand(f, *slipped);
    AddOperand(f, *other);
    f.set_expected(FormatWan(wan->fen(), wan->quantum_fen() > 0 ? wan->quantum_fen() : int64_t{10'000}));
  }
}

// A printed row label without spaces (ASCII and U+3000) and the
// "其中：" lead-in, as the catalogue spells names.
std::string NormalizedLabel(std::string_view label) {
  std::string out;
  for (size_t i = 0; i < label.size();) {
    if (label[i] == ' ' || label[i] == '\t') {
      ++i;
    } else if (label.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      out += label[i++];
    }
  }
  for (std::string_view lead : {"其中：", "其中:"}) {
    if (std::string_view(out).substr(0, lead.size()) == lead) out.erase(0, lead.size());
  }
  return out;
}

bool IsFunctionalCode(std::string_view code) {
  if (code.size() != 3 && code.size() != 5 && code.size() != 7) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) && code[0] == '2';
}

// A table row whose functional code names another 类/款/项 than its label.
// A label that is part of the catalogue name (or the reverse) is accepted:
// PDF tables wrap long names over two lines.
void CodeNameMismatch(RuleContext& ctx) {  // FA-TXT-003
  const FunctionalCatalogue& catalogue = DefaultFunctionalCatalogue();
  const int year = ctx.report().document().year();
  if (catalogue.paths.empty() || year != catalogue.year) {
    ctx.Missing(fmt::format("functional code catalogue is for {}, the report for {}", catalogue.year, year));
    return;
  }
  std::set<std::string> reported;
  for (const auto& table : ctx.report().tables()) {
    for (int i = 0; i < table.rows_size(); ++i) {
      const auto& row = table.rows(i);
      if (!IsFunctionalCode(row.code()) || row.label().empty()) continue;
      const std::string* expected = catalogue.NameOf(row.code());
      if (expected == nullptr) continue;
      ctx.Ran();
      const std::string label = NormalizedLabel(row.label());
      if (label.empty() || Contains(*expected, label) || Contains(label, *expected)) continue;
      if (!reported.insert(row.code() + "|" + label).second) continue;  // same row in several tables
      fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                                fmt::format("科目编码{}应为“{}”，表中列为“{}”", row.code(), *expected, row.label()),
                                fmt::format("code {} is \"{}\" in the {} catalogue, the table prints \"{}\"",
                                            row.code(), *expected, catalogue.year, row.label()));
      f.set_relation("name(code) = catalogue name");
      AddOperand(f, fmt::format("{}.rows[{}]", table.id(), i), row.code() + " " + row.label(), row.label(), row.src());
      f.set_expected(*expected);
    }
  }
}

// The unit name a part heading prints before its subject: "第一部分 X概况",
// "第二部分 X2024年度部门决算表" → X. Empty when the heading names no unit
// ("第二部分 部门决算情况说明", "第四部分 名词解释").
std::string HeadingUnitName(std::string_view title) {
  std::string text = NormalizedLabel(title);
  // The ordinal "第一部分" (anything printed before it included).
  constexpr size_t kOrdinalBytes = 24;
  const size_t part = text.find("部分");
  if (part != std::string::npos && part < kOrdinalBytes && text.rfind("第", part) != std::string::npos) {
    text.erase(0, part + std::string_view("部分").size());
  }
  size_t cut = std::string::npos;
  for (std::string_view marker : {"概况", "部门决算", "单位决算"}) cut = std::min(cut, text.find(marker));
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      cut = std::min(cut, i);
      break;
    }
  }
  // A generic subject ("单位概况", "本部门概况") is no name: a unit name has at
  // least four characters (12 bytes of UTF-8 Han).
  constexpr size_t kMinNameBytes = 12;
  if (cut == std::string::npos || cut < kMinNameBytes) return {};
  return text.substr(0, cut);
}

// Every place that prints the unit's name (part headings, the 整体支出绩效自评表
// 单位名称) spells it as the title does. Names with template residue are
// FA-TXT-001's.
void UnitNameConsistent(RuleContext& ctx) {  // FA-TXT-005
  const auto& r = ctx.report();
  const std::string unit = NormalizedLabel(r.document().unit_name().text());
  if (unit.empty()) {
    ctx.Missing("unit name not found in the title");
    return;
  }
  struct Printed {
    std::string name;
    std::string printed;
    rv1::Provenance src;
  };
  std::vector<Printed> places;
  for (int i = 0; i < r.sections_size(); ++i) {
    const auto& s = r.sections(i);
    if (s.level() != 1) continue;
    const std::string name = HeadingUnitName(s.title());
    if (!name.empty()) places.push_back({fmt::format("sections[{}].title", i), name, s.heading()});
  }
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.kind() != rv1::PERFORMANCE_TABLE_KIND_OVERALL || t.unit_name().text().empty()) continue;
    places.push_back({fmt::format("performance_tables[{}].unit_name", i), NormalizedLabel(t.unit_name().text()),
                      t.unit_name().src()});
  }
  for (const auto& place : places) {
    ctx.Ran();
    if (place.printed == unit || ContainsAny(place.printed, ctx.config().text().placeholder_tokens())) continue;
    fv1::Finding& f = ctx.Add(ctx.rule_severity(), fmt::format("“{}”与标题中的单位名称“{}”不一致", place.printed, unit),
                              fmt::format("\"{}\" differs from the unit name in the title", place.printed));
    f.set_relation("unit name = title's unit name");
    AddOperand(f, place.name, place.printed, place.printed, place.src);
    AddOperand(f, "document.unit_name", r.document().unit_name());
    f.set_expected(unit);
  }
}

// The rule of config text.item_purposes that governs the 项 `name`, if any.
const vv1::ItemPurposeRule* PurposeRuleFor(const RuleContext& ctx, std::string_view name) {
  for (const auto& rule : ctx.config().text().item_purposes()) {
    if (ContainsAny(name, rule.item_keywords())) return &rule;
  }
  return nullptr;
}

// Why `purpose` contradicts `rule`, or "" when it does not.
std::string PurposeContradiction(const vv1::ItemPurposeRule& rule, std::string_view purpose) {
  for (const auto& forbidden : rule.forbidden_keywords()) {
    if (Contains(purpose, forbidden)) return fmt::format("用途提及“{}”", forbidden);
  }
  if (!rule.expected_any().empty() && !ContainsAny(purpose, rule.expected_any())) {
    return fmt::format("用途未提及“{}”", rule.expected_any(0));
  }
  return {};
}

void ItemPurpose(RuleContext& ctx) {  // FA-TXT-004
  const auto& items = ctx.report().general_public_budget().items();
  for (int i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (item.path().empty() || !item.has_purpose() || item.purpose().text().empty()) continue;
    const std::string& name = item.path(item.path_size() - 1);
    const vv1::ItemPurposeRule* rule = PurposeRuleFor(ctx, name);
    if (rule == nullptr) continue;
    ctx.Ran();
    const std::string why = PurposeContradiction(*rule, item.purpose().text());
    if (why.empty()) continue;
    fv1::Finding& f = ctx.Add(ctx.rule_severity(),
                              fmt::format("{}（项）“主要用于：{}”，{}", name, item.purpose().text(), why),
                              fmt::format("the purpose text of {} does not fit the item", name));
    f.set_relation("purpose(项) consistent with the 项 name");
    AddOperand(f, fmt::format("gpb.items[{}].name", i), name, name, item.src());
    AddOperand(f, fmt::format("gpb.items[{}].purpose", i), item.purpose());
  }
}

void Typos(RuleContext& ctx) {  // FA-TXT-006
  ctx.Ran();
  std::vector<std::pair<TextHit, std::string>> hits;
  for (const auto& typo : ctx.config().text().typos()) {
    for (auto& hit : FindInReportText(ctx, typo.wrong())) hits.push_back({std::move(hit), typo.suggestion()});
  }
  if (hits.empty()) return;
  std::string list;
  for (const auto& [hit, suggestion] : hits) {
    list += fmt::format("{}“{}”→“{}”", list.empty() ? "" : "；", hit.src.raw_text(), suggestion);
  }
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, list, fmt::format("{} likely typos", hits.size()));
  f.set_relation("text free of known typos");
  for (const auto& [hit, suggestion] : hits) AddOperand(f, hit.where, hit.src.raw_text(), suggestion, hit.src);
}

void RepeatedPunctuation(RuleContext& ctx) {  // FA-TXT-007
  ctx.Ran();
  std::vector<TextHit> hits;
  for (const char* doubled : {"。。", "，，", "、、", "；；", "：："}) {
    for (auto& hit : FindInReportText(ctx, doubled)) hits.push_back(std::move(hit));
  }
  if (hits.empty()) return;
  fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, fmt::format("{}处重复标点", hits.size()),
                            fmt::format("{} repeated punctuation marks", hits.size()));
  f.set_relation("no repeated punctuation");
  for (const auto& h : hits) AddOperand(f, h.where, h.src.raw_text(), h.src.raw_text(), h.src);
}

}  // namespace

std::vector<RuleDef> TxtRules() {
  using enum DataNeed;
  return {
      {"FA-TXT-001", fv1::SEVERITY_WARNING, kNarrative, "模板占位符", "模板占位符未替换",
       "template placeholders left in", Placeholders},
      {"FA-TXT-002", fv1::SEVERITY_WARNING, kNarrative, "金额单位", "金额单位疑似误写为元",
       "an amount seems printed in 元 instead of 万元", UnitSlip},
      {"FA-TXT-003", fv1::SEVERITY_WARNING, kTables, "科目编码与名称一致", "功能分类科目编码与名称不符",
       "a functional code does not match its name", CodeNameMismatch},
      {"FA-TXT-004", fv1::SEVERITY_WARNING, kNarrative, "项的用途说明与项一致", "项的用途说明与项不符",
       "the purpose text contradicts the item", ItemPurpose},
      {"FA-TXT-005", fv1::SEVERITY_WARNING, kNarrative, "单位名称一致", "单位名称前后不一致",
       "the unit name is spelled differently", UnitNameConsistent},
      {"FA-TXT-006", fv1::SEVERITY_INFO, kNarrative, "错别字", "疑似错别字", "likely typos", Typos},
      {"FA-TXT-007", fv1::SEVERITY_INFO, kNarrative, "重复标点", "重复标点", "repeated punctuation", RepeatedPunctuation},
  };
}

}  // namespace juesuan::validate
