// Development aid: parse, validate and score a file in-process and list the
// findings one per line (rule, severity, line, message).
#include <fstream>
#include <iostream>
#include <sstream>

#include "services/parse/src/parser.h"
#include "services/scoring/src/scoring.h"
#include "services/validate/src/config.h"
#include "services/validate/src/validator.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: juesuan-pipeline-dump FILE [--detail]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  auto report = (*parser)->Parse(buffer.str(), {});
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  auto findings = juesuan::validate::Validate(*report, juesuan::validate::DefaultConfig());
  if (!findings.ok()) {
    std::cerr << findings.status() << "\n";
    return 1;
  }
  // --detail adds the relation and the operands (value, page) for review
  // against the rendered pages.
  const bool detail = argc > 2 && std::string(argv[2]) == "--detail";
  auto print = [detail](const juesuan::findings::v1::Finding& f) {
    const uint32_t line = f.operands_size() > 0 ? f.operands(0).src().line() : 0;
    std::cout << f.rule_id() << "\t" << juesuan::findings::v1::Severity_Name(f.severity())
              << "\tL" << line << "\t" << f.message_zh() << "\n";
    if (!detail) return;
    std::cout << "\t" << f.relation() << " | expected " << f.expected() << " | residue " << f.residue() << "\n";
    for (const auto& op : f.operands()) {
      std::cout << "\t\t" << op.name() << " = " << op.value() << " (p" << op.src().page() << " L"
                << op.src().line() << ")\n";
    }
  };
  for (const auto& f : findings->findings()) print(f);
  if (detail) {
    for (const auto& run : findings->summary().runs()) {
      std::cout << "run\t" << run.rule_id() << "\t" << juesuan::validate::v1::RuleOutcome_Name(run.outcome())
                << "\t" << run.reason() << "\n";
    }
  }
  juesuan::scoring::v1::ScoreReportRequest request;
  *request.mutable_report() = *report;
  auto scores = juesuan::scoring::Score(request);
  if (!scores.ok()) {
    std::cerr << scores.status() << "\n";
    return 1;
  }
  for (const auto& table : scores->tables()) {
    for (const auto& f : table.findings()) print(f);
  }
  return 0;
}
