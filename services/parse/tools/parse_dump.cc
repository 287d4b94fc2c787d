// Development aid: parses a file with the built-in configuration and prints
// the report (proto text format, --json, or --outline as used by the golden
// files under tests/golden/).
#include <fstream>
#include <iostream>
#include <sstream>

#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "common/report/outline.h"
#include "services/parse/src/parser.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: juesuan-parse-dump FILE [--json|--outline]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  if (!parser.ok()) {
    std::cerr << parser.status() << "\n";
    return 1;
  }
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  auto report = (*parser)->Parse(buffer.str(), options);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  std::string out;
  if (argc > 2 && std::string(argv[2]) == "--outline") {
    std::cout << juesuan::report::Outline(*report);
    return 0;
  }
  if (argc > 2 && std::string(argv[2]) == "--json") {
    google::protobuf::util::JsonPrintOptions json;
    json.preserve_proto_field_names = true;
    (void)google::protobuf::util::MessageToJsonString(*report, &out, json);
    std::cout << out << "\n";
    return 0;
  }
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  printer.PrintToString(*report, &out);
  std::cout << out;
  return 0;
}
