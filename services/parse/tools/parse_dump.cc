// Development aid: parses a file with the built-in configuration and prints
// the report (proto text format, --json, or --outline as used by the golden
// files under tests/golden/).
#include <fstream>
#include <iostream>
#include <sstream>

#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include "common/report/outline.h"
#include "services/parse/pdf/pdf_layout.h"
#include "services/parse/src/parser.h"
#include "services/parse/tables/table_listing.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: juesuan-parse-dump FILE [--json|--outline|--tables|--text]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (argc > 3 && std::string(argv[2]) == "--words") {
    // The word boxes of one PDF page, line by line (table layout work).
    auto pdf = juesuan::parse::pdf::ReadPdf(buffer.str(), {});
    if (!pdf.ok()) {
      std::cerr << pdf.status() << "\n";
      return 1;
    }
    const size_t page = std::stoul(argv[3]);
    if (page == 0 || page > pdf->pages.size()) return 2;
    for (const auto& line : pdf->pages[page - 1].lines) {
      std::cout << "line y=" << line.box.y0 << "-" << line.box.y1 << "\n";
      for (const auto& w : line.words) {
        std::cout << "  [" << w.box.x0 << "," << w.box.x1 << "] y=" << w.box.y0 << "-"
                  << w.box.y1 << " " << w.text << "\n";
      }
    }
    return 0;
  }
  auto parser = juesuan::parse::DocumentParser::CreateDefault();
  if (!parser.ok()) {
    std::cerr << parser.status() << "\n";
    return 1;
  }
  juesuan::parse::ParseOptions options;
  const std::string mode = argc > 2 ? argv[2] : "";
  options.omit_text = mode != "--text";
  auto report = (*parser)->Parse(buffer.str(), options);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  std::string out;
  if (mode == "--text") {
    std::cout << report->text();
    return 0;
  }
  if (mode == "--cells") {
    std::cout << juesuan::parse::tables::CellListing(*report);
    return 0;
  }
  if (mode == "--tables") {
    std::cout << juesuan::parse::tables::TableListing(*report);
    return 0;
  }
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
