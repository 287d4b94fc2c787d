#include "services/scoring/tests/seed_tables.h"

namespace juesuan::scoring::testing {

TableSpec SeedOverallSpec() {
  TableSpec t;
  t.kind = rpt::PERFORMANCE_TABLE_KIND_OVERALL;
  t.section = "PE";
  t.name = "中共昌吉回族自治州委员会社会工作部";
  t.indicator_columns = {"一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据",
                         "分值权重", "实际完成指标值", "得分"};
  t.funds = {
      {"上级资金", rpt::FUND_SOURCE_SUPERIOR, "0.00", "0.00", "0.00", 87},
      {"本级资金", rpt::FUND_SOURCE_OWN_LEVEL, "121.39", "121.39", "121.39", 96},
      {"其他资金", rpt::FUND_SOURCE_OTHER, "0.00", "0.00", "0.00", 105},
      {"合计", rpt::FUND_SOURCE_TOTAL, "121.39", "121.39", "121.39", 114},
  };
  // The merged 分值权重/执行率/得分 cells print on the 上级资金 row [S lines 86–93].
  t.execution = {"10", "100%", "10", "上级资金", rpt::FUND_SOURCE_SUPERIOR, 91};
  // PE row layout: 三级 | 预期指标值 | 依据 | 分值权重 | 实际完成指标值 | 得分.
  t.target_offset = 1;
  t.weight_offset = 3;
  t.actual_offset = 4;
  t.score_offset = 5;
  t.indicators = {
      {"履职效能", "数量指标", "办理人民建议和群众困难诉求办理专报", "40", ">=105期", "105期", "", "40", "", "", "",
       141},
      {"履职效能", "数量指标", "县市调研次数", "20", ">=3次", "3次", "", "20", "", "", "", 150, true, true},
      {"履职效能", "数量指标", "举办业务培训班次数", "30", "=1次", "1期", "", "30", "", "", "", 159, true, true},
  };
  t.has_total_row = false;
  return t;
}

TableSpec SeedProjectSpec() {
  TableSpec t;
  t.kind = rpt::PERFORMANCE_TABLE_KIND_PROJECT;
  t.section = "PP[0]";
  t.name = "州党委社会工作部开办经费";
  t.indicator_columns = {"一级指标", "二级指标",   "三级指标", "权重",     "目标值",   "业绩值",
                         "完成率",   "指标得分",   "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料",
                         "偏差原因分析及改进措施"};
  t.funds = {
      {"年度资金总额", rpt::FUND_SOURCE_TOTAL, "68.09", "68.09", "68.09", 191},
      {"其中：当年财政拨款", rpt::FUND_SOURCE_CURRENT_FISCAL, "68.09", "68.09", "68.09", 200},
      {"其他资金", rpt::FUND_SOURCE_OTHER, "0.00", "0.00", "0.00", 209},
  };
  t.execution = {"10", "100.00%", "10.00", "年度资金总额", rpt::FUND_SOURCE_TOTAL, 195};
  const std::string kProportional = "按照完成比例赋分";
  t.indicators = {
      {"产出指标", "数量指标", "办公设备购置批数", "10", ">=2批", "=2批", "100%", "10", kProportional, "", "", 243},
      {"产出指标", "数量指标", "保障人员数", "10", ">=12人", "=12人", "100%", "10", kProportional, "", "", 258, true,
       true},
      {"产出指标", "质量指标", "设备采购合格率", "10", "=100%", "=100%", "100%", "10", kProportional, "", "", 273,
       true},
      {"产出指标", "时效指标", "采购完成期限", "10", "2024年12月10日前", "2024年11月21日", "100%", "10", "直接赋分",
       "", "", 288, true},
      {"成本指标", "经济成本指标", "办公设备购置", "10", "<=38.79万元", "=38.79万元", "100%", "10", kProportional, "",
       "", 303},
      {"成本指标", "经济成本指标", "保障机关运行支出", "10", "<=29.3万元", "=29.3万元", "100%", "10", kProportional,
       "", "", 318, true, true},
      {"效益指标", "社会效益指标", "确保工作正常运转", "20", "保障", "达到预期指标", "100%", "20", "按评判等级赋分", "",
       "", 333},
      {"满意度指标", "满意度指标", "干部满意度", "10", ">=90%", "=100%", "111.11%", "10", "满意度赋分",
       "该项目在实施过程中完成较好，干部对项目实施比较满意。", "", 348},
  };
  t.has_total_row = true;
  t.total_weight = "100";
  t.total_score = "100.00分";
  t.total_line = 361;
  return t;
}

rpt::Report SeedReport() {
  rpt::Report report;
  report.mutable_document()->set_layout(rpt::LAYOUT_XINJIANG);
  report.mutable_document()->set_year(2024);
  *report.add_performance_tables() = BuildTable(SeedOverallSpec());
  *report.add_performance_tables() = BuildTable(SeedProjectSpec());
  return report;
}

}  // namespace juesuan::scoring::testing
