#include "services/validate/testing/seed_fixture.h"

#include <string>

namespace juesuan::validate::testing {
namespace {

namespace r = ::juesuan::report::v1;

r::Provenance Src(uint32_t line, const char* section, std::string raw = "") {
  r::Provenance p;
  p.set_line(line);
  p.set_section_key(section);
  p.set_raw_text(std::move(raw));
  return p;
}

// `hundredths` of 万元, printed with two decimals.
r::Amount Wan(int64_t hundredths, uint32_t line, const char* section) {
  r::Amount a;
  a.set_fen(hundredths * 10'000);
  a.set_quantum_fen(10'000);
  a.set_unit(r::MONEY_UNIT_WAN_YUAN);
  const std::string digits = std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
                             std::to_string(hundredths % 100);
  *a.mutable_src() = Src(line, section, digits + "万元");
  return a;
}

r::Percent Pct(int64_t digits, int32_t scale, uint32_t line, const char* section, const char* raw) {
  r::Percent p;
  p.mutable_value()->set_digits(digits);
  p.mutable_value()->set_scale(scale);
  p.set_has_percent_sign(true);
  *p.mutable_src() = Src(line, section, raw);
  return p;
}

r::Count Cnt(int64_t value, const char* unit, uint32_t line, const char* section) {
  r::Count c;
  c.set_value(value);
  c.set_unit(unit);
  *c.mutable_src() = Src(line, section, std::to_string(value) + unit);
  return c;
}

r::Text Txt(std::string text, uint32_t line, const char* section) {
  r::Text t;
  *t.mutable_src() = Src(line, section);
  t.set_text(std::move(text));
  return t;
}

r::Share ShareOf(int64_t amount, int64_t pct, uint32_t line, const char* section, const char* den,
                 const char* pct_raw) {
  r::Share s;
  *s.mutable_amount() = Wan(amount, line, section);
  *s.mutable_share() = Pct(pct, 2, line, section, pct_raw);
  s.set_denominator(den);
  return s;
}

constexpr char kNoPrior[] = "我单位是2024年9月新成立的单位，无上年数据。";
constexpr char kMidYear[] =
    "年中追加人员工资、社保、公积金基数调增部分资金，年中追加州党委社会工作部开办经费，导致预决算存在差异。";

// "增加D万元，增长g%，主要原因是：…"
r::YoY Yoy(int64_t delta, int64_t rate, uint32_t line, const char* section, const std::string& reason,
           bool no_prior) {
  r::YoY y;
  y.set_direction(r::DIRECTION_INCREASE);
  *y.mutable_delta() = Wan(delta, line, section);
  y.set_rate_direction(r::DIRECTION_INCREASE);
  *y.mutable_rate() = Pct(rate, 2, line, section, rate == 10000 ? "100.00%" : "0.00%");
  *y.mutable_reason() = Txt(reason, line, section);
  y.set_reason_says_no_prior(no_prior);
  *y.mutable_src() = Src(line, section);
  return y;
}

r::BudgetVsFinal Bvf(r::BudgetKind kind, int64_t budget, int64_t final_amount, int64_t rate, uint32_t line,
                     const char* section, const std::string& reason) {
  r::BudgetVsFinal b;
  b.set_kind(kind);
  *b.mutable_budget() = Wan(budget, line, section);
  *b.mutable_final() = Wan(final_amount, line, section);
  *b.mutable_diff_rate() = Pct(rate, 2, line, section, rate == 10000 ? "100.00%" : "0.00%");
  *b.mutable_reason() = Txt(reason, line, section);
  *b.mutable_src() = Src(line, section);
  return b;
}

r::IndicatorValue Value(const char* raw, r::IndicatorOp op, int64_t digits, int32_t scale, const char* unit,
                        uint32_t line, const char* section) {
  r::IndicatorValue v;
  v.set_raw(raw);
  v.set_op(op);
  v.mutable_number()->set_digits(digits);
  v.mutable_number()->set_scale(scale);
  v.set_unit(unit);
  v.set_kind(r::INDICATOR_VALUE_KIND_QUANTITATIVE);
  *v.mutable_src() = Src(line, section, raw);
  return v;
}

r::IndicatorValue Qualitative(const char* raw, r::IndicatorValueKind kind, uint32_t line, const char* section) {
  r::IndicatorValue v;
  v.set_raw(raw);
  v.set_kind(kind);
  *v.mutable_src() = Src(line, section, raw);
  return v;
}

r::DecimalCell Dec(int64_t digits, int32_t scale, const char* raw, uint32_t line, const char* section) {
  r::DecimalCell c;
  c.mutable_value()->set_digits(digits);
  c.mutable_value()->set_scale(scale);
  c.set_raw(raw);
  *c.mutable_src() = Src(line, section, raw);
  return c;
}

void AddFunds(r::PerformanceTable* t, const char* label, r::FundSource source, int64_t initial, int64_t annual,
              int64_t executed, uint32_t line, const char* section) {
  r::FundRow* row = t->add_funds();
  row->set_label(label);
  row->set_source(source);
  *row->mutable_initial() = Wan(initial, line + 1, section);
  *row->mutable_annual() = Wan(annual, line + 2, section);
  *row->mutable_executed() = Wan(executed, line + 3, section);
  *row->mutable_src() = Src(line, section, label);
}

void FillDocument(r::Report& rep) {
  auto* doc = rep.mutable_document();
  doc->set_format(r::FORMAT_TEXT);
  doc->set_encoding(r::ENCODING_UTF8);
  doc->set_layout(r::LAYOUT_XINJIANG);
  doc->set_kind(r::DOCUMENT_KIND_DEPARTMENT);
  doc->set_year(2024);
  *doc->mutable_unit_name() = Txt("中共昌吉回族自治州委员会社会工作部", 6, "TITLE");
  *doc->mutable_title() = Txt("中共昌吉回族自治州委员会社会工作部2024年度部门决算", 6, "TITLE");
  doc->set_amount_unit(r::MONEY_UNIT_WAN_YUAN);
  const char* kListed[] = {"一、《收入支出决算总表》", "二、《收入决算表》", "三、《支出决算表》",
                           "四、《财政拨款收入支出决算总表》", "五、《一般公共预算财政拨款支出决算表》",
                           "六、《一般公共预算财政拨款基本支出决算表》",
                           "七、《政府性基金预算财政拨款收入支出决算表》",
                           "八、《国有资本经营预算财政拨款收入支出决算表》", "九、《财政拨款“三公”经费支出决算表》"};
  for (uint32_t i = 0; i < 9; ++i) *doc->add_tables_listed() = Txt(kListed[i], 397 + i, "TABLES");
  doc->set_tables_attached_separately(true);
  *doc->add_years_in_headings() = Txt("2024年度", 6, "TITLE");
  *doc->add_years_in_headings() = Txt("2024年度", 72, "PE");
  *doc->add_years_in_headings() = Txt("2024年度", 171, "PP");

  const std::pair<const char*, uint32_t> kSections[] = {
      {"P.PROFILE", 8},      {"N.TOTAL", 17},       {"N.INCOME", 21},      {"N.EXPEND", 23},
      {"N.FISCAL", 25},      {"N.GPB", 28},         {"N.GPB.OVERALL", 29}, {"N.GPB.STRUCT", 31},
      {"N.GPB.DETAIL", 36},  {"N.BASIC", 44},       {"N.GOVFUND", 47},     {"N.SOE", 49},
      {"N.SANGONG", 51},     {"OTHER", 58}, {"N.OPCOST", 59},   {"N.PROCURE", 61},
      {"N.ASSETS", 64},      {"N.PERF", 66},        {"PE", 70},            {"PP", 169},
      {"N.MISC", 375},       {"GLOSSARY", 379},     {"TABLES", 396}};
  for (const auto& [key, line] : kSections) {
    r::Section* s = rep.add_sections();
    s->set_key(key);
    *s->mutable_heading() = Src(line, key);
  }
}

void FillProfile(r::Report& rep) {
  auto* p = rep.mutable_profile();
  *p->mutable_functions() = Txt("本单位主要职能SM不予公开。", 10, "P.PROFILE");
  p->set_functions_withheld(true);
  auto* s = p->mutable_staff();
  *s->mutable_actual() = Cnt(12, "人", 12, "P.PROFILE");
  *s->mutable_in_service() = Cnt(12, "人", 12, "P.PROFILE");
  *s->mutable_retired_li() = Cnt(0, "人", 12, "P.PROFILE");
  *s->mutable_retired_tui() = Cnt(0, "人", 12, "P.PROFILE");
  *s->mutable_delta_in_service() = Cnt(12, "人", 12, "P.PROFILE");
  p->set_no_subordinate_units(true);
  *p->mutable_departments_count() = Cnt(4, "个", 13, "P.PROFILE");
  for (const char* d : {"办公室（干部科）", "党建引领基层治理和基层政权建设科", "社会工作服务和志愿服务科",
                        "两企三新党建和行业协会商会科"}) {
    *p->add_departments() = Txt(d, 13, "P.PROFILE");
  }
}

void FillTotalsIncomeExpenditure(r::Report& rep) {
  auto* t = rep.mutable_totals();
  *t->mutable_income_total() = Wan(12139, 18, "N.TOTAL");
  *t->mutable_income_year() = Wan(12139, 18, "N.TOTAL");
  *t->mutable_use_nonfiscal_surplus() = Wan(0, 18, "N.TOTAL");
  *t->mutable_carry_in() = Wan(0, 18, "N.TOTAL");
  *t->mutable_expend_total() = Wan(12139, 19, "N.TOTAL");
  *t->mutable_expend_year() = Wan(12139, 19, "N.TOTAL");
  *t->mutable_surplus_distribution() = Wan(0, 19, "N.TOTAL");
  *t->mutable_carry_out() = Wan(0, 19, "N.TOTAL");
  *t->mutable_yoy() = Yoy(12139, 10000, 20, "N.TOTAL", kNoPrior, true);

  auto* in = rep.mutable_income();
  *in->mutable_total() = Wan(12139, 22, "N.INCOME");
  *in->mutable_fiscal() = ShareOf(12139, 10000, 22, "N.INCOME", "tot.income_year", "100.00%");
  *in->mutable_superior_subsidy() = ShareOf(0, 0, 22, "N.INCOME", "tot.income_year", "0.00%");
  *in->mutable_business() = ShareOf(0, 0, 22, "N.INCOME", "tot.income_year", "0.00%");
  *in->mutable_operating() = ShareOf(0, 0, 22, "N.INCOME", "tot.income_year", "0.00%");
  *in->mutable_affiliated() = ShareOf(0, 0, 22, "N.INCOME", "tot.income_year", "0.00%");
  *in->mutable_other() = ShareOf(0, 0, 22, "N.INCOME", "tot.income_year", "0.00%");

  auto* ex = rep.mutable_expenditure();
  *ex->mutable_total() = Wan(12139, 24, "N.EXPEND");
  *ex->mutable_basic() = ShareOf(5330, 4391, 24, "N.EXPEND", "tot.expend_year", "43.91%");
  *ex->mutable_project() = ShareOf(6809, 5609, 24, "N.EXPEND", "tot.expend_year", "56.09%");
  *ex->mutable_to_superior() = ShareOf(0, 0, 24, "N.EXPEND", "tot.expend_year", "0.00%");
  *ex->mutable_operating() = ShareOf(0, 0, 24, "N.EXPEND", "tot.expend_year", "0.00%");
  *ex->mutable_to_affiliated() = ShareOf(0, 0, 24, "N.EXPEND", "tot.expend_year", "0.00%");
}

void FillFiscalAndGpb(r::Report& rep) {
  auto* f = rep.mutable_fiscal();
  *f->mutable_income_total() = Wan(12139, 26, "N.FISCAL");
  *f->mutable_carry_in() = Wan(0, 26, "N.FISCAL");
  *f->mutable_income_year() = Wan(12139, 26, "N.FISCAL");
  *f->mutable_expend_total() = Wan(12139, 26, "N.FISCAL");
  *f->mutable_carry_out() = Wan(0, 26, "N.FISCAL");
  *f->mutable_expend_year() = Wan(12139, 26, "N.FISCAL");
  *f->mutable_yoy() = Yoy(12139, 10000, 27, "N.FISCAL", kNoPrior, true);
  *f->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_INITIAL, 0, 12139, 10000, 27, "N.FISCAL", kMidYear);

  auto* g = rep.mutable_general_public_budget();
  *g->mutable_total() = Wan(12139, 30, "N.GPB.OVERALL");
  *g->mutable_share_of_expend_year() = Pct(10000, 2, 30, "N.GPB.OVERALL", "100.00%");
  *g->mutable_yoy() = Yoy(12139, 10000, 30, "N.GPB.OVERALL", kNoPrior, true);
  *g->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_INITIAL, 0, 12139, 10000, 30, "N.GPB.OVERALL", kMidYear);
  struct ClassRow { const char* name; const char* code; int64_t amount, share; const char* raw; uint32_t line; };
  const ClassRow kClasses[] = {{"一般公共服务支出", "201", 10686, 8803, "88.03%", 32},
                               {"社会保障和就业支出", "208", 750, 618, "6.18%", 33},
                               {"卫生健康支出", "210", 267, 220, "2.20%", 34},
                               {"住房保障支出", "221", 436, 359, "3.59%", 35}};
  for (const auto& c : kClasses) {
    auto* cls = g->add_classes();
    cls->set_name(c.name);
    cls->set_code(c.code);
    *cls->mutable_amount() = Wan(c.amount, c.line, "N.GPB.STRUCT");
    *cls->mutable_share() = Pct(c.share, 2, c.line, "N.GPB.STRUCT", c.raw);
    *cls->mutable_src() = Src(c.line, "N.GPB.STRUCT");
  }
  struct ItemRow { const char* cls; const char* kuan; const char* xiang; const char* code; int64_t amount; uint32_t line; };
  const ItemRow kItems[] = {
      {"一般公共服务支出", "社会工作事务", "行政运行", "2013901", 3876, 37},
      {"一般公共服务支出", "社会工作事务", "一般行政管理事务", "2013902", 6809, 38},
      {"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", "2080505", 500, 39},
      {"社会保障和就业支出", "行政事业单位养老支出", "机关事业单位职业年金缴费支出", "2080506", 250, 40},
      {"卫生健康支出", "行政事业单位医疗", "行政单位医疗", "2101101", 252, 41},
      {"卫生健康支出", "行政事业单位医疗", "公务员医疗补助", "2101103", 16, 42},
      {"住房保障支出", "住房改革支出", "住房公积金", "2210201", 436, 43}};
  for (const auto& i : kItems) {
    auto* item = g->add_items();
    item->add_path(i.cls);
    item->add_path(i.kuan);
    item->add_path(i.xiang);
    item->set_code(i.code);
    item->set_code_inferred(true);
    *item->mutable_amount() = Wan(i.amount, i.line, "N.GPB.DETAIL");
    *item->mutable_yoy() = Yoy(i.amount, 10000, i.line, "N.GPB.DETAIL", kNoPrior, true);
    *item->mutable_src() = Src(i.line, "N.GPB.DETAIL");
  }
}

void FillBasicAndFunds(r::Report& rep) {
  auto* b = rep.mutable_basic();
  *b->mutable_total() = Wan(5330, 45, "N.BASIC");
  *b->mutable_personnel() = Wan(5330, 45, "N.BASIC");
  for (const char* n : {"基本工资", "津贴补贴", "奖金", "机关事业单位基本养老保险缴费", "职业年金缴费",
                        "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金"}) {
    *b->add_personnel_items() = Txt(n, 45, "N.BASIC");
  }
  *b->mutable_public_() = Wan(0, 46, "N.BASIC");
  *b->add_public_items() = Txt("无公用经费", 46, "N.BASIC");

  auto* gf = rep.mutable_government_fund();
  gf->set_has_data(false);
  *gf->mutable_empty_statement() = Txt(
      "本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表。",
      48, "N.GOVFUND");
  auto* soe = rep.mutable_state_capital();
  soe->set_has_data(false);
  *soe->mutable_empty_statement() = Txt(
      "本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，国有资本经营预算财政拨款收入支出决算表为空表。",
      50, "N.SOE");
}

void FillSangong(r::Report& rep) {
  auto* sg = rep.mutable_sangong();
  const char* S = "N.SANGONG";
  auto* total = sg->mutable_total();
  *total->mutable_final() = Wan(80, 52, S);
  *total->mutable_budget() = Wan(80, 57, S);
  total->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *total->mutable_yoy() = Yoy(80, 10000, 52, S, kNoPrior, true);
  *total->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_ANNUAL, 80, 80, 0, 57, S, "严格按照预算执行，预决算无差异。");

  auto* abroad = sg->mutable_abroad();
  *abroad->mutable_final() = Wan(0, 52, S);
  *abroad->mutable_budget() = Wan(0, 57, S);
  abroad->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *abroad->mutable_share() = Pct(0, 2, 52, S, "0.00%");
  *abroad->mutable_yoy() = Yoy(0, 0, 52, S, "2023年与2024年均未安排因公出国（境）费支出。", false);
  *abroad->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_ANNUAL, 0, 0, 0, 57, S, "本单位无因公出国（境）费。");
  *abroad->mutable_content() = Txt("本单位无因公出国（境）费。", 54, S);

  auto* car = sg->mutable_car();
  *car->mutable_final() = Wan(80, 52, S);
  *car->mutable_budget() = Wan(80, 57, S);
  car->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *car->mutable_share() = Pct(10000, 2, 52, S, "100.00%");
  *car->mutable_yoy() = Yoy(80, 10000, 52, S, kNoPrior, true);

  auto* purchase = sg->mutable_car_purchase();
  *purchase->mutable_final() = Wan(0, 55, S);
  *purchase->mutable_budget() = Wan(0, 57, S);
  purchase->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *purchase->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_ANNUAL, 0, 0, 0, 57, S, "本单位无公务用车购置费。");

  auto* running = sg->mutable_car_running();
  *running->mutable_final() = Wan(80, 55, S);
  *running->mutable_budget() = Wan(80, 57, S);
  running->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *running->mutable_budget_vs_final() =
      Bvf(r::BUDGET_KIND_ANNUAL, 80, 80, 0, 57, S, "严格按照预算执行，预决算无差异。");
  *running->mutable_content() = Txt("车辆加油费、维修费、保险费、审车费、过路费等", 55, S);

  auto* reception = sg->mutable_reception();
  *reception->mutable_final() = Wan(0, 52, S);
  *reception->mutable_budget() = Wan(0, 57, S);
  reception->set_budget_kind(r::BUDGET_KIND_ANNUAL);
  *reception->mutable_share() = Pct(0, 2, 52, S, "0.00%");
  *reception->mutable_yoy() = Yoy(0, 0, 52, S, "2023年与2024年均未安排公务接待费支出。", false);
  *reception->mutable_budget_vs_final() = Bvf(r::BUDGET_KIND_ANNUAL, 0, 0, 0, 57, S, "本单位无公务接待费。");

  *sg->mutable_abroad_groups() = Cnt(0, "个", 54, S);
  *sg->mutable_abroad_persons() = Cnt(0, "人次", 54, S);
  *sg->mutable_car_purchased() = Cnt(0, "辆", 55, S);
  *sg->mutable_car_holding() = Cnt(1, "辆", 55, S);
  *sg->mutable_asset_vehicles() = Cnt(0, "辆", 55, S);
  *sg->mutable_car_holding_vs_assets_reason() = Txt("机关事务管理局临时调用车辆，费用由本单位支付。", 55, S);
  *sg->mutable_reception_batches() = Cnt(0, "批次", 56, S);
  *sg->mutable_reception_persons() = Cnt(0, "人次", 56, S);
}

void FillOtherMatters(r::Report& rep) {
  auto* op = rep.mutable_operating_cost();
  *op->mutable_amount() = Wan(0, 60, "N.OPCOST");
  *op->mutable_scope() = Txt("行政单位和参照公务员法管理事业单位", 60, "N.OPCOST");
  *op->mutable_yoy() = Yoy(0, 0, 60, "N.OPCOST", kNoPrior, true);

  auto* proc = rep.mutable_procurement();
  *proc->mutable_total() = Wan(4952, 62, "N.PROCURE");
  *proc->mutable_goods() = Wan(3635, 62, "N.PROCURE");
  *proc->mutable_works() = Wan(0, 62, "N.PROCURE");
  *proc->mutable_services() = Wan(1316, 62, "N.PROCURE");
  *proc->mutable_sme_award() = ShareOf(4952, 10000, 63, "N.PROCURE", "proc.total", "100.00%");
  *proc->mutable_small_micro_award() = ShareOf(4952, 10000, 63, "N.PROCURE", "proc.total", "100.00%");

  auto* a = rep.mutable_assets();
  auto* as_of = a->mutable_as_of();
  as_of->mutable_date()->set_year(2024);
  as_of->mutable_date()->set_month(12);
  as_of->mutable_date()->set_day(31);
  as_of->set_qualifier("截至");
  *as_of->mutable_src() = Src(65, "N.ASSETS", "截至2024年12月31日");
  as_of->set_context("截至2024年12月31日，房屋0.00平方米，价值0.00万元。");
  auto* area = a->mutable_building_area();
  area->mutable_value()->set_digits(0);
  area->mutable_value()->set_scale(2);
  area->set_unit("平方米");
  *area->mutable_src() = Src(65, "N.ASSETS", "0.00平方米");
  *a->mutable_building_value() = Wan(0, 65, "N.ASSETS");
  *a->mutable_vehicles() = Cnt(0, "辆", 65, "N.ASSETS");
  *a->mutable_vehicle_value() = Wan(0, 65, "N.ASSETS");
  for (const char* cat : {"副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车",
                          "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "其他用车"}) {
    auto* c = a->add_vehicles_by_category();
    c->set_name(cat);
    *c->mutable_count() = Cnt(0, "辆", 65, "N.ASSETS");
  }
  *a->mutable_other_vehicle_description() = Txt("本单位无其他用车。", 65, "N.ASSETS");
  *a->mutable_equipment_over_1m() = Cnt(0, "台（套）", 65, "N.ASSETS");

  auto* perf = rep.mutable_performance();
  *perf->mutable_overall_tables() = Cnt(1, "个", 67, "N.PERF");
  *perf->mutable_overall_budget() = Wan(12139, 67, "N.PERF");
  *perf->mutable_overall_executed() = Wan(12139, 67, "N.PERF");
  *perf->mutable_projects() = Cnt(1, "个", 67, "N.PERF");
  *perf->mutable_projects_budget() = Wan(6809, 67, "N.PERF");
  *perf->mutable_projects_executed() = Wan(6809, 67, "N.PERF");
  *perf->mutable_achievements() = Txt("一是着力做好人民建议征集和人民信访工作。", 67, "N.PERF");
  *perf->mutable_problems() = Txt("一是财务管理制度有待完善。二是预算管理精准度不足。", 67, "N.PERF");
  *perf->mutable_improvements() = Txt("一是优化完善财务管理制度。二是强化预算管理工作。", 67, "N.PERF");

  const char* kTerms[] = {"财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
                          "年初结转和结余", "年末结转和结余", "基本支出", "项目支出", "经营支出",
                          "对附属单位补助支出", "“三公”经费", "机关运行经费"};
  for (uint32_t i = 0; i < 14; ++i) {
    auto* g = rep.add_glossary();
    g->set_term(kTerms[i]);
    *g->mutable_definition() = Txt(std::string(kTerms[i]) + "：…", 380 + i, "GLOSSARY");
  }

  // Dates a parser reports besides the assets anchor (REFERENCE §2.5 DateStmt).
  auto add_date = [&](int y, int m, int d, const char* qualifier, uint32_t line, const char* section,
                      const char* raw, const char* context) {
    auto* dm = rep.add_dates();
    dm->mutable_date()->set_year(y);
    dm->mutable_date()->set_month(m);
    dm->mutable_date()->set_day(d);
    dm->set_qualifier(qualifier);
    *dm->mutable_src() = Src(line, section, raw);
    dm->set_context(context);
  };
  add_date(2024, 9, 0, "", 20, "N.TOTAL", "2024年9月", kNoPrior);
  add_date(2024, 12, 31, "截至", 65, "N.ASSETS", "截至2024年12月31日", "截至2024年12月31日，房屋0.00平方米，价值0.00万元。");
  add_date(2025, 12, 31, "截止", 223, "PP", "截止2025年12月31日", "截止2025年12月31日，该项目实际完成：");
  add_date(2024, 11, 21, "前", 223, "PP", "2024年11月21日前", "2024年11月21日前完成设备采购");
}

r::Indicator* AddIndicator(r::PerformanceTable* t, const char* l1, const char* l2, const char* l3, uint32_t line) {
  auto* ind = t->add_indicators();
  ind->set_level1(l1);
  ind->set_level2(l2);
  ind->set_level3(l3);
  *ind->mutable_src() = Src(line, t->kind() == r::PERFORMANCE_TABLE_KIND_OVERALL ? "PE" : "PP", l3);
  return ind;
}

void FillOverallTable(r::Report& rep) {
  auto* t = rep.add_performance_tables();
  t->set_kind(r::PERFORMANCE_TABLE_KIND_OVERALL);
  *t->mutable_title() = Txt("单位整体支出绩效自评表", 70, "PE");
  t->set_year(2024);
  *t->mutable_unit_name() = Txt("中共昌吉回族自治州委员会社会工作部", 75, "PE");
  AddFunds(t, "上级资金", r::FUND_SOURCE_SUPERIOR, 0, 0, 0, 87, "PE");
  AddFunds(t, "本级资金", r::FUND_SOURCE_OWN_LEVEL, 12139, 12139, 12139, 96, "PE");
  AddFunds(t, "其他资金", r::FUND_SOURCE_OTHER, 0, 0, 0, 105, "PE");
  AddFunds(t, "合计", r::FUND_SOURCE_TOTAL, 12139, 12139, 12139, 114, "PE");
  auto* exec = t->mutable_execution();
  *exec->mutable_weight() = Dec(10, 0, "10", 91, "PE");
  *exec->mutable_rate() = Pct(100, 0, 92, "PE", "100%");
  *exec->mutable_score() = Dec(10, 0, "10", 93, "PE");
  exec->set_printed_on_row("上级资金");
  exec->set_printed_on_source(r::FUND_SOURCE_SUPERIOR);
  *t->mutable_goal_expected() = Txt("2024年，昌吉州党委社会工作部将坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于社会工作的重要论述和重要指示批示精神，认真贯彻落实中央社会工作会议各项部署，研究制定《昌吉州规范办理人民建议和群众困难诉求工作规则（试行）》，主办《人民建议和群众困难诉求办理专报》96期，受理人民建议和群众困难诉求11.6万余件，每月办结率达90%以上；持续开展“社区万能章”“村章乡管”乱象治理“回头看”，印发《关于进一步加强基层群众性自治组织减负工作的通知》，以清单化管理明晰寸（社区）工作事项、机制挂牌、证明等事项，推动基层治理“小马拉大车”措施落实落地。进一步研究完善“两新”工委《工作规则》《委员单位职责》，着力优化“两新”工委运行机制和各项制度，理清9个行业综合党委（党总支）运行情况，构建更加畅通的工作格局。推动实施“三新”组织党组织孵化三年攻坚计划，持续实施“两新”组织发展党员“火种计划”，不断增强党在新兴领域的号召力凝聚力影响力。开展全州社会工作专业人才摸底，建立闵昌两地社会工作服务协同发展机制，选派社会工作者参加全国“三区”社会工作人才支持计划，引导社会工作从业人员参加全国职业水平考试，加强社会工作专业人才激励保障，督促县市落实社区工作者获得社会工作职业资格补贴政策，推动新时代社会工作高质量发展。", 127, "PE");
  *t->mutable_goal_actual() = Txt("2024年我单位全年预算数为121.39万元，全年执行数为121.39万元，总预算执行率为100.00%。2024年，昌吉州党委社会工作部认真贯彻落实中央社会工作会议各项部署，研究制定了《昌吉州规范办理人民建议和群众困难诉求工作规则（试行）》，主办《人民建议和群众困难诉求办理专报》150余期，每月人民建议和群众困难诉求办结率达90%以上；开展“社区万能章”“村章乡管”乱象治理“回头看”，印发《关于进一步加强基层群众性自治组织减负工作的通知》，以清单化管理明晰寸（社区）工作事项、机制挂牌、证明等事项，推动基层治理“小马拉大车”措施落实落地。进一步研究完善“两新”工委《工作规则》《委员单位职责》，着力优化“两新”工委运行机制和各项制度，理清9个行业综合党委（党总支）运行情况，工作格局更加畅通。实施“三新”组织党组织孵化三年攻坚计划，持续实施“两新”组织发展党员“火种计划”，不断提高党组织覆盖率和发展党员人数，进一步增强党在新兴领域的号召力凝聚力影响力。开展全州社会工作专业人才摸底，建立闵昌两地社会工作服务协同发展机制，选派社会工作者参加全国“三区”社会工作人才支持计划，引导社会工作从业人员参加全国职业水平考试，对部分参加考试人员进行培训，进一步加强社会工作专业人才激励保障，督促县市落实社区工作者获得社会工作职业资格补贴政策，推动新时代社会工作高质量发展。", 128, "PE");
  for (const char* c : {"一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据", "分值权重",
                        "实际完成指标值", "得分"}) {
    t->add_indicator_columns(c);
  }
  struct Row { const char* l3; const char* target; int64_t target_n; const char* target_unit; const char* basis;
               int64_t weight; const char* actual; const char* actual_unit; uint32_t line; r::IndicatorOp op; };
  const Row kRows[] = {
      {"办理人民建议和群众困难诉求办理专报", ">=105期", 105, "期", "专报", 40, "105期", "期", 141, r::INDICATOR_OP_GE},
      {"县市调研次数", ">=3次", 3, "次", "县市调研方案", 20, "3次", "次", 150, r::INDICATOR_OP_GE},
      {"举办业务培训班次数", "=1次", 1, "次", "培训班方案", 30, "1期", "期", 159, r::INDICATOR_OP_EQ}};
  for (const auto& row : kRows) {
    auto* ind = AddIndicator(t, "履职效能", "数量指标", row.l3, row.line);
    ind->set_level1_forward_filled(row.line != 141);
    ind->set_level2_forward_filled(row.line != 141);
    *ind->mutable_target() = Value(row.target, row.op, row.target_n, 0, row.target_unit, row.line + 1, "PE");
    ind->set_basis(row.basis);
    const std::string w = std::to_string(row.weight);
    *ind->mutable_weight() = Dec(row.weight, 0, w.c_str(), row.line + 3, "PE");
    *ind->mutable_actual() =
        Value(row.actual, r::INDICATOR_OP_UNSPECIFIED, row.target_n, 0, row.actual_unit, row.line + 4, "PE");
    *ind->mutable_score() = Dec(row.weight, 0, w.c_str(), row.line + 5, "PE");
  }
  *t->mutable_src() = Src(70, "PE");
}

void FillProjectTable(r::Report& rep) {
  auto* t = rep.add_performance_tables();
  t->set_kind(r::PERFORMANCE_TABLE_KIND_PROJECT);
  *t->mutable_title() = Txt("项目支出绩效自评表", 169, "PP");
  t->set_year(2024);
  *t->mutable_project_name() = Txt("州党委社会工作部开办经费", 174, "PP");
  *t->mutable_department() = Txt("中共昌吉回族自治州委员会社会工作部", 177, "PP");
  *t->mutable_implementer() = Txt("中共昌吉回族自治州委员会社会工作部", 179, "PP");
  AddFunds(t, "年度资金总额", r::FUND_SOURCE_TOTAL, 6809, 6809, 6809, 191, "PP");
  AddFunds(t, "其中：当年财政拨款", r::FUND_SOURCE_CURRENT_FISCAL, 6809, 6809, 6809, 200, "PP");
  AddFunds(t, "其他资金", r::FUND_SOURCE_OTHER, 0, 0, 0, 209, "PP");
  auto* exec = t->mutable_execution();
  *exec->mutable_weight() = Dec(10, 0, "10", 195, "PP");
  *exec->mutable_rate() = Pct(10000, 2, 196, "PP", "100.00%");
  *exec->mutable_score() = Dec(1000, 2, "10.00", 197, "PP");
  exec->set_printed_on_row("年度资金总额");
  exec->set_printed_on_source(r::FUND_SOURCE_TOTAL);
  *t->mutable_goal_expected() = Txt("在12月10日前至少完成2批次办公设备购置工作，购置设备要全部验收合格，满足12名干部日常办公需求，确保工作正常运转。", 222, "PP");
  *t->mutable_goal_actual() = Txt("截止2025年12月31日，该项目实际完成：办公设备购置2批，保障人员12人，2024年11月21日前完成设备采购，支付办公设备购置费38.79万元，保障机关运行支出29.3万元，设备采购合格率达100%，干部满意度达100%，通过该项目的实施，提升了职工工作的积极性和工作质量求，促进了各项业务工作正常开展。", 223, "PP");
  for (const char* c : {"一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分",
                        "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料", "偏差原因分析及改进措施"}) {
    t->add_indicator_columns(c);
  }
  struct Row { const char* l1; const char* l2; const char* l3; int64_t weight; uint32_t line; const char* rule; };
  const Row kRows[] = {{"产出指标", "数量指标", "办公设备购置批数", 10, 243, "按照完成比例赋分"},
                       {"产出指标", "数量指标", "保障人员数", 10, 258, "按照完成比例赋分"},
                       {"产出指标", "质量指标", "设备采购合格率", 10, 273, "按照完成比例赋分"},
                       {"产出指标", "时效指标", "采购完成期限", 10, 288, "直接赋分"},
                       {"成本指标", "经济成本指标", "办公设备购置", 10, 303, "按照完成比例赋分"},
                       {"成本指标", "经济成本指标", "保障机关运行支出", 10, 318, "按照完成比例赋分"},
                       {"效益指标", "社会效益指标", "确保工作正常运转", 20, 333, "按评判等级赋分"},
                       {"满意度指标", "满意度指标", "干部满意度", 10, 348, "满意度赋分"}};
  for (const auto& row : kRows) {
    auto* ind = AddIndicator(t, row.l1, row.l2, row.l3, row.line);
    const std::string w = std::to_string(row.weight);
    *ind->mutable_weight() = Dec(row.weight, 0, w.c_str(), row.line + 1, "PP");
    *ind->mutable_score() = Dec(row.weight, 0, w.c_str(), row.line + 5, "PP");
    *ind->mutable_completion() = Pct(100, 0, row.line + 4, "PP", "100%");
    ind->set_basis("计划标准");
    ind->set_last_year("/");
    ind->set_scoring_rule(row.rule);
  }
  auto* rows = t->mutable_indicators();
  *(*rows)[0].mutable_target() = Value(">=2批", r::INDICATOR_OP_GE, 2, 0, "批", 245, "PP");
  *(*rows)[0].mutable_actual() = Value("=2批", r::INDICATOR_OP_EQ, 2, 0, "批", 246, "PP");
  *(*rows)[1].mutable_target() = Value(">=12人", r::INDICATOR_OP_GE, 12, 0, "人", 260, "PP");
  *(*rows)[1].mutable_actual() = Value("=12人", r::INDICATOR_OP_EQ, 12, 0, "人", 261, "PP");
  *(*rows)[2].mutable_target() = Value("=100%", r::INDICATOR_OP_EQ, 100, 0, "%", 275, "PP");
  *(*rows)[2].mutable_actual() = Value("=100%", r::INDICATOR_OP_EQ, 100, 0, "%", 276, "PP");
  auto* deadline = (*rows)[3].mutable_target();
  *deadline = Qualitative("2024年12月10日前", r::INDICATOR_VALUE_KIND_DEADLINE, 290, "PP");
  deadline->mutable_date()->set_year(2024);
  deadline->mutable_date()->set_month(12);
  deadline->mutable_date()->set_day(10);
  deadline->set_date_qualifier("前");
  auto* done = (*rows)[3].mutable_actual();
  *done = Qualitative("2024年11月21日", r::INDICATOR_VALUE_KIND_DATE, 291, "PP");
  done->mutable_date()->set_year(2024);
  done->mutable_date()->set_month(11);
  done->mutable_date()->set_day(21);
  *(*rows)[4].mutable_target() = Value("<=38.79万元", r::INDICATOR_OP_LE, 3879, 2, "万元", 305, "PP");
  *(*rows)[4].mutable_actual() = Value("=38.79万元", r::INDICATOR_OP_EQ, 3879, 2, "万元", 306, "PP");
  *(*rows)[5].mutable_target() = Value("<=29.3万元", r::INDICATOR_OP_LE, 293, 1, "万元", 320, "PP");
  *(*rows)[5].mutable_actual() = Value("=29.3万元", r::INDICATOR_OP_EQ, 293, 1, "万元", 321, "PP");
  *(*rows)[6].mutable_target() = Qualitative("保障", r::INDICATOR_VALUE_KIND_QUALITATIVE, 335, "PP");
  *(*rows)[6].mutable_actual() = Qualitative("达到预期指标", r::INDICATOR_VALUE_KIND_QUALITATIVE, 336, "PP");
  *(*rows)[7].mutable_target() = Value(">=90%", r::INDICATOR_OP_GE, 90, 0, "%", 350, "PP");
  *(*rows)[7].mutable_actual() = Value("=100%", r::INDICATOR_OP_EQ, 100, 0, "%", 351, "PP");
  *(*rows)[7].mutable_completion() = Pct(11111, 2, 352, "PP", "111.11%");
  (*rows)[7].set_deviation("该项目在实施过程中完成较好，干部对项目实施比较满意。");
  t->set_has_total_row(true);
  *t->mutable_total_weight() = Dec(100, 0, "100", 361, "PP");
  *t->mutable_total_score() = Dec(10000, 2, "100.00分", 365, "PP");
  *t->mutable_src() = Src(169, "PP");
}

}  // namespace

r::Report SeedReport() {
  r::Report rep;
  FillDocument(rep);
  FillProfile(rep);
  FillTotalsIncomeExpenditure(rep);
  FillFiscalAndGpb(rep);
  FillBasicAndFunds(rep);
  FillSangong(rep);
  FillOtherMatters(rep);
  FillOverallTable(rep);
  FillProjectTable(rep);
  return rep;
}

}  // namespace juesuan::validate::testing
