// FA-TXT — text quality (REFERENCE §3.13).
#include <set>

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
      {"FA-TXT-006", fv1::SEVERITY_INFO, kNarrative, "错别字", "疑似错别字", "likely typos", Typos},
      {"FA-TXT-007", fv1::SEVERITY_INFO, kNarrative, "重复标点", "重复标点", "repeated punctuation", RepeatedPunctuation},
  };
}

}  // namespace juesuan::validate
