// The rule catalogue, one function per family (REFERENCE §3.1–§3.14).
#pragma once

#include <vector>

#include "services/validate/src/rule.h"

namespace juesuan::validate {

std::vector<RuleDef> TotRules();   // FA-TOT
std::vector<RuleDef> SumRules();   // FA-SUM
std::vector<RuleDef> PctRules();   // FA-PCT
std::vector<RuleDef> YoyRules();   // FA-YOY
std::vector<RuleDef> BvfRules();   // FA-BVF
std::vector<RuleDef> NtRules();    // FA-NT
std::vector<RuleDef> XsRules();    // FA-XS
std::vector<RuleDef> CntRules();   // FA-CNT
std::vector<RuleDef> YrRules();    // FA-YR
std::vector<RuleDef> ReqRules();   // FA-REQ
std::vector<RuleDef> EmpRules();   // FA-EMP
std::vector<RuleDef> JyfRules();   // FA-JYF
std::vector<RuleDef> TxtRules();   // FA-TXT
std::vector<RuleDef> PfTabRules(); // PF-TAB, PF-TXT

// All rules in catalogue order.
const std::vector<RuleDef>& Catalogue();

}  // namespace juesuan::validate
