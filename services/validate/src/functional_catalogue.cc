#include "services/validate/src/functional_catalogue.h"

#include "google/protobuf/util/json_util.h"
#include "juesuan/config/v1/parse_config.pb.h"
#include "spdlog/spdlog.h"

namespace juesuan::validate {

extern const std::string_view kParseDefaultConfigJson;  // functional_catalogue_json.cc

const std::string* FunctionalCatalogue::NameOf(std::string_view code) const {
  const auto it = paths.find(code);
  return it == paths.end() || it->second.empty() ? nullptr : &it->second.back();
}

const FunctionalCatalogue& DefaultFunctionalCatalogue() {
  static const FunctionalCatalogue* const catalogue = [] {
    auto* out = new FunctionalCatalogue();
    config::v1::ParseConfig parse_config;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(kParseDefaultConfigJson.data(), kParseDefaultConfigJson.size()),
        &parse_config, options);
    if (!status.ok()) {
      // Built from a file the parser also compiles in: only a broken build gets here.
      spdlog::error("functional code catalogue: {}", std::string(status.message()));
      return out;
    }
    out->year = parse_config.functional_codes_year();
    for (const auto& code : parse_config.functional_codes()) {
      out->paths[code.code()] = {code.path().begin(), code.path().end()};
    }
    return out;
  }();
  return *catalogue;
}

}  // namespace juesuan::validate
