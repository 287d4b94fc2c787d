#include "services/validate/src/rules/rules.h"

namespace juesuan::validate {

const std::vector<RuleDef>& Catalogue() {
  static const std::vector<RuleDef>* const catalogue = [] {
    auto* all = new std::vector<RuleDef>();
    for (auto family : {TotRules, SumRules, PctRules, YoyRules, BvfRules, NtRules, XsRules,
                        CntRules, YrRules, ReqRules, EmpRules, JyfRules, TxtRules, PfTabRules}) {
      for (RuleDef& rule : family()) all->push_back(rule);
    }
    return all;
  }();
  return *catalogue;
}

}  // namespace juesuan::validate
