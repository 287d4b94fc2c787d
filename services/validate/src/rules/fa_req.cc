// FA-REQ — required content (REFERENCE §3.10).
#include <algorithm>

#include "fmt/format.h"
#include "services/validate/src/rules/common.h"
#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {
namespace {

bool HasSection(const rv1::Report& r, std::string_view key) {
  for (const auto& s : r.sections()) {
    // "N.GPB.OVERALL" counts for "N.GPB".
    if (s.key() == key || (s.key().size() > key.size() && s.key().compare(0, key.size(), key) == 0 &&
                           s.key()[key.size()] == '.')) {
      return true;
    }
  }
  return false;
}

void Sections(RuleContext& ctx) {  // FA-REQ-001
  const auto& r = ctx.report();
  if (r.sections().empty()) {
    ctx.Missing("no sections recognised");
    return;
  }
  ctx.Ran();
  for (const auto& req : ctx.layout().required_sections()) {
    if (HasSection(r, req.key())) continue;
    fv1::Finding& f = ctx.Add(req.severity(), "缺少" + req.key(), "missing section " + req.key());
    f.set_relation(fmt::format("layout {} requires section {}", ctx.layout().name(), req.key()));
    f.set_expected(req.key());
  }
}

std::string NormalizeTitle(std::string_view title) {
  std::string s(title);
  // Drop a leading ordinal ("一、") and the book-title marks.
  if (size_t pos = s.find("、"); pos != std::string::npos && pos <= 9) s.erase(0, pos + 3);
  for (const char* mark : {"《", "》"}) {
    for (size_t pos = s.find(mark); pos != std::string::npos; pos = s.find(mark)) s.erase(pos, 3);
  }
  return s;
}

// The rules that need tables, for the coverage note.
std::string TableRules() {
  std::string ids;
  for (const RuleDef& rule : Catalogue()) {
    if (rule.need != DataNeed::kTables) continue;
    if (!ids.empty()) ids += ", ";
    ids += rule.id;
  }
  return ids;
}

void Tables(RuleContext& ctx) {  // FA-REQ-002
  const auto& r = ctx.report();
  ctx.Ran();
  std::vector<const vv1::RequiredTable*> listed_only, missing;
  // A document whose tables are printed inline (some were read) must print
  // every one: a title in its table of contents does not stand in for a
  // missing table. Only when no table was read (attachments, or a text
  // rendering whose tables were not reconstructed) is a listed title a
  // coverage note.
  const bool tables_inline = r.tables_size() > 0 && !r.document().tables_attached_separately();
  // Normalized once, not once per required table.
  std::vector<std::string> listed_titles;
  listed_titles.reserve(static_cast<size_t>(r.document().tables_listed_size()));
  for (const auto& t : r.document().tables_listed()) listed_titles.push_back(NormalizeTitle(t.text()));
  for (const auto& req : ctx.layout().required_tables()) {
    if (FindTable(r, req.id()) != nullptr) continue;
    const bool listed = r.document().tables_attached_separately() ||
                        std::find(listed_titles.begin(), listed_titles.end(), req.title()) != listed_titles.end();
    (listed && !tables_inline ? listed_only : missing).push_back(&req);
  }
  for (const auto* req : missing) {
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_ERROR, "缺少《" + req->title() + "》",
                              "table " + req->id() + " is neither present nor listed");
    f.set_relation(fmt::format("layout {} requires {} {}", ctx.layout().name(), req->id(), req->title()));
    f.set_expected(req->title());
  }
  if (listed_only.empty()) return;
  fv1::Finding& f = ctx.Add(
      fv1::SEVERITY_INFO,
      fmt::format("{}张报表仅列示标题（见附表），依赖报表的规则未运行", listed_only.size()),
      fmt::format("{} tables are only listed (attached separately); table-dependent rules did not run: {}",
                  listed_only.size(), TableRules()));
  f.set_coverage_note(true);
  f.set_relation("tables present inline or listed as attachments");
  for (const auto& t : r.document().tables_listed()) AddOperand(f, "doc.tables_listed", t);
  f.set_expected(fmt::format("{} tables inline", ctx.layout().required_tables_size()));
}

// Lists what is absent among named parts; one warning naming them.
void ReportAbsent(RuleContext& ctx, std::string_view what, const std::vector<std::string>& absent) {
  ctx.Ran();
  if (absent.empty()) return;
  std::string names;
  for (const auto& a : absent) names += (names.empty() ? "" : ", ") + a;
  fv1::Finding& f = ctx.Add(ctx.rule_severity(), fmt::format("{}缺少：{}", what, names),
                            fmt::format("{} lacks: {}", what, names));
  f.set_relation(std::string(what) + " complete");
  f.set_expected(names);
}

void SangongComplete(RuleContext& ctx) {  // FA-REQ-003
  const auto& sg = ctx.report().sangong();
  if (!ctx.report().has_sangong()) {
    ctx.Missing("N.SANGONG absent");
    return;
  }
  if (sg.has_none_statement()) {
    ctx.Ran();
    return;  // "无“三公”经费财政拨款支出": no items, counts or contents to give
  }
  std::vector<std::string> absent;
  const std::pair<const char*, bool> kItems[] = {
      {"total", sg.has_total()}, {"abroad", sg.has_abroad()}, {"car", sg.has_car()},
      {"car_purchase", sg.has_car_purchase()}, {"car_running", sg.has_car_running()},
      {"reception", sg.has_reception()}};
  for (const auto& [name, has] : kItems) {
    if (!has) absent.push_back(std::string("sg.") + name);
  }
  for (const auto& [name, item] : SangongItems(sg)) {
    if (!item->has_final()) absent.push_back(name + ".final");
    // The car total's budget is complete when both of its parts state theirs
    // (the Xinjiang form gives 全年预算数 for 购置费 and 运行维护费 only).
    const bool car_budget_by_parts = name == "sg.car" && sg.car_purchase().has_budget() &&
                                     sg.car_running().has_budget();
    if (!item->has_budget() && !item->has_budget_vs_final() && !car_budget_by_parts) {
      absent.push_back(name + ".budget");
    }
    if ((name == "sg.total" || name == "sg.abroad" || name == "sg.car" || name == "sg.reception") &&
        !item->has_yoy()) {
      absent.push_back(name + ".yoy");
    }
  }
  const std::pair<const char*, bool> kCounts[] = {
      {"团组", sg.has_abroad_groups()}, {"出国人次", sg.has_abroad_persons()}, {"购置数", sg.has_car_purchased()},
      {"保有量", sg.has_car_holding()}, {"接待批次", sg.has_reception_batches()},
      {"接待人次", sg.has_reception_persons()}};
  for (const auto& [name, has] : kCounts) {
    if (!has) absent.push_back(name);
  }
  ReportAbsent(ctx, "“三公”经费说明", absent);
}

void ProcurementComplete(RuleContext& ctx) {  // FA-REQ-004
  const auto& p = ctx.report().procurement();
  if (!ctx.report().has_procurement()) {
    ctx.Missing("N.PROCURE absent");
    return;
  }
  std::vector<std::string> absent;
  if (!p.has_total()) absent.push_back("proc.total");
  if (!p.has_goods()) absent.push_back("proc.goods");
  if (!p.has_works()) absent.push_back("proc.works");
  if (!p.has_services()) absent.push_back("proc.services");
  if (!p.has_sme_award() && !p.has_sme_reserved() && !p.has_sme_won_in_reserved()) absent.push_back("SME award");
  ReportAbsent(ctx, "政府采购说明", absent);
}

void AssetsComplete(RuleContext& ctx) {  // FA-REQ-005
  const auto& a = ctx.report().assets();
  if (!ctx.report().has_assets()) {
    ctx.Missing("N.ASSETS absent");
    return;
  }
  std::vector<std::string> absent;
  if (!a.has_vehicles()) absent.push_back("ast.vehicles");
  if (a.vehicles_by_category().empty()) absent.push_back("ast.vehicles_by_cat");
  if (!a.has_equipment_over_1m()) absent.push_back("ast.equipment_ge_1m");
  if (ctx.report().document().layout() == rv1::LAYOUT_XINJIANG && !a.has_building_area()) {
    absent.push_back("ast.building_m2");
  }
  ReportAbsent(ctx, "国有资产占用情况", absent);
}

void OperatingCostComplete(RuleContext& ctx) {  // FA-REQ-006
  const auto& op = ctx.report().operating_cost();
  if (!ctx.report().has_operating_cost()) {
    ctx.Missing("N.OPCOST absent");
    return;
  }
  std::vector<std::string> absent;
  if (!op.has_amount() && !op.has_none_statement()) absent.push_back("op.amount");
  if (op.has_amount() && !op.has_yoy()) absent.push_back("op.yoy");
  ReportAbsent(ctx, "机关运行经费说明", absent);
}

void PerformanceComplete(RuleContext& ctx) {  // FA-REQ-007
  const auto& r = ctx.report();
  std::vector<std::string> absent;
  if (!HasSection(r, "N.PERF") && !r.has_performance()) absent.push_back("N.PERF");
  const auto& perf = r.performance();
  const int announced = (perf.has_overall_tables() ? static_cast<int>(perf.overall_tables().value()) : 0) +
                        (perf.has_projects() ? static_cast<int>(perf.projects().value()) : 0);
  if (announced > 0 && r.performance_tables().empty()) absent.push_back("自评表 (announced, none attached)");
  for (int i = 0; i < r.performance_tables_size(); ++i) {
    const auto& t = r.performance_tables(i);
    if (t.funds().empty()) absent.push_back(fmt::format("performance_tables[{}].funds", i));
    if (t.indicators().empty()) absent.push_back(fmt::format("performance_tables[{}].indicators", i));
  }
  ReportAbsent(ctx, "预算绩效情况", absent);
}

void Glossary(RuleContext& ctx) {  // FA-REQ-008
  const auto& r = ctx.report();
  std::vector<std::string> absent;
  for (const char* term : {"三公", "机关运行经费"}) {
    bool found = false;
    for (const auto& g : r.glossary()) found = found || Contains(g.term(), term);
    if (!found) absent.push_back(term);
  }
  ReportAbsent(ctx, "名词解释", absent);
}

void FunctionsDisclosed(RuleContext& ctx) {  // FA-REQ-009
  const auto& p = ctx.report().profile();
  if (!ctx.report().has_profile()) {
    ctx.Missing("P.PROFILE absent");
    return;
  }
  ctx.Ran();
  const bool withheld =
      p.functions_withheld() || ContainsAny(p.functions().text(), ctx.config().text().withheld_markers());
  if (withheld) {
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "主要职能以涉密为由不予公开", "main functions withheld as classified");
    f.set_relation("主要职能 disclosed or withheld with a 涉密 statement");
    AddOperand(f, "prof.functions", p.functions());
  } else if (p.functions().text().empty()) {
    fv1::Finding& f = ctx.Add(fv1::SEVERITY_INFO, "未公开主要职能", "main functions not disclosed");
    f.set_relation("主要职能 disclosed");
  }
}

void ClassesHaveItems(RuleContext& ctx) {  // FA-REQ-010
  const auto& gpb = ctx.report().general_public_budget();
  if (gpb.classes().empty()) {
    ctx.Missing("gpb.classes absent");
    return;
  }
  std::vector<std::string> absent;
  for (const auto& c : gpb.classes()) {
    bool found = false;
    for (const auto& item : gpb.items()) {
      found = found || (!item.path().empty() && item.path(0) == c.name()) ||
              (!c.code().empty() && item.code().rfind(c.code(), 0) == 0);
    }
    if (!found) absent.push_back(c.name());
  }
  ReportAbsent(ctx, "一般公共预算具体情况（项级）", absent);
}

}  // namespace

std::vector<RuleDef> ReqRules() {
  using enum DataNeed;
  return {
      {"FA-REQ-001", fv1::SEVERITY_ERROR, kNarrative, "必备章节", "缺少必备章节", "a required section is missing", Sections},
      {"FA-REQ-002", fv1::SEVERITY_ERROR, kNarrative, "必备报表", "报表", "tables", Tables},
      {"FA-REQ-003", fv1::SEVERITY_WARNING, kNarrative, "三公经费说明完整", "“三公”经费说明不完整",
       "the 三公 section is incomplete", SangongComplete},
      {"FA-REQ-004", fv1::SEVERITY_WARNING, kNarrative, "政府采购说明完整", "政府采购说明不完整",
       "the procurement section is incomplete", ProcurementComplete},
      {"FA-REQ-005", fv1::SEVERITY_WARNING, kNarrative, "国有资产说明完整", "国有资产占用情况说明不完整",
       "the assets section is incomplete", AssetsComplete},
      {"FA-REQ-006", fv1::SEVERITY_WARNING, kNarrative, "机关运行经费说明完整", "机关运行经费说明不完整",
       "the operating-cost section is incomplete", OperatingCostComplete},
      {"FA-REQ-007", fv1::SEVERITY_WARNING, kNarrative, "绩效说明与自评表齐全", "预算绩效情况说明不完整",
       "the performance section is incomplete", PerformanceComplete},
      {"FA-REQ-008", fv1::SEVERITY_INFO, kNarrative, "名词解释", "名词解释不完整", "the glossary is incomplete", Glossary},
      {"FA-REQ-009", fv1::SEVERITY_INFO, kNarrative, "主要职能公开", "主要职能", "main functions", FunctionsDisclosed},
      {"FA-REQ-010", fv1::SEVERITY_WARNING, kNarrative, "每个类级科目有项级说明", "类级科目缺少项级说明",
       "a class has no item-level description", ClassesHaveItems},
  };
}

}  // namespace juesuan::validate
