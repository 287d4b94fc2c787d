// Collects parse diagnostics: what the parser saw but could not fully
// understand is reported with its text and location, never dropped.
#pragma once

#include <string>
#include <string_view>

#include "juesuan/report/v1/report.pb.h"

namespace juesuan::parse {

class Diagnostics {
 public:
  explicit Diagnostics(report::v1::Report* report) : report_(report) {}

  void Warning(std::string_view code, std::string message,
               report::v1::Provenance src) {
    Add(report::v1::DIAGNOSTIC_SEVERITY_WARNING, code, std::move(message), std::move(src));
  }
  void Info(std::string_view code, std::string message, report::v1::Provenance src) {
    Add(report::v1::DIAGNOSTIC_SEVERITY_INFO, code, std::move(message), std::move(src));
  }

 private:
  void Add(report::v1::DiagnosticSeverity severity, std::string_view code,
           std::string message, report::v1::Provenance src) {
    auto* d = report_->add_diagnostics();
    d->set_severity(severity);
    d->set_code(std::string(code));
    d->set_message(std::move(message));
    *d->mutable_src() = std::move(src);
  }

  report::v1::Report* report_;
};

}  // namespace juesuan::parse
