#include "services/parse/src/parser.h"

namespace juesuan::parse {

absl::StatusOr<std::unique_ptr<DocumentParser>> DocumentParser::CreateDefault() {
  return Create(config::v1::ParseConfig());
}

absl::StatusOr<std::unique_ptr<DocumentParser>> DocumentParser::Create(
    config::v1::ParseConfig config) {
  return std::unique_ptr<DocumentParser>(new DocumentParser(std::move(config)));
}

absl::StatusOr<report::v1::Report> DocumentParser::Parse(
    std::string_view content, const ParseOptions& options) const {
  return absl::UnimplementedError("parser under construction");
}

}  // namespace juesuan::parse
