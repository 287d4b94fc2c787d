#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "cli/output/formats.h"

namespace juesuan::cli {

std::string FormatDocumentJson(const DocumentResult& result, bool pretty) {
  const std::string name = nlohmann::json(result.name).dump();
  if (!result.status.ok()) {
    nlohmann::json error = {
        {"code", absl::StatusCodeToString(result.status.code())},
        {"message", std::string(result.status.message())}};
    return fmt::format("{{\"document\": {}, \"error\": {}}}\n", name,
                       error.dump(pretty ? 2 : -1));
  }
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  std::string analysis;
  const auto status =
      google::protobuf::util::MessageToJsonString(result.response, &analysis, options);
  if (!status.ok()) analysis = "null";
  while (!analysis.empty() && analysis.back() == '\n') analysis.pop_back();
  return fmt::format("{{\"document\": {}, \"analysis\": {}}}\n", name, analysis);
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvHeader() {
  return "\xEF\xBB\xBF" "document,rule,severity,message,page,line,quote\r\n";
}

std::string CsvRows(const DocumentResult& result) {
  const auto row = [&](const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line += ',';
      line += CsvField(fields[i]);
    }
    return line + "\r\n";
  };
  if (!result.status.ok()) {
    return row({result.name, "", "failed",
                absl::StatusCodeToString(result.status.code()) + ": " +
                    std::string(result.status.message()),
                "", "", ""});
  }
  std::string rows;
  for (const std::string& failure : FailedStages(result.response)) {
    rows += row({result.name, "", "failed", failure, "", "", ""});
  }
  for (const findings::v1::Finding* f : AllFindings(result.response)) {
    const std::string& message = f->message_zh().empty() ? f->message_en() : f->message_zh();
    std::string page, line, quote;
    if (f->operands_size() > 0) {
      const auto& src = f->operands(0).src();
      if (src.page() > 0) page = std::to_string(src.page());
      if (src.line() > 0) line = std::to_string(src.line());
      quote = OneLine(src.raw_text(), 200);
    }
    rows += row({result.name, f->rule_id(), SeverityName(f->severity()), message, page, line,
                 quote});
  }
  return rows;
}

}  // namespace juesuan::cli
