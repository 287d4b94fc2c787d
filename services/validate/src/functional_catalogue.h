// The 支出功能分类 catalogue (code → name path) the validator checks printed
// codes against. It is the parser's own catalogue (config/parse_default.json,
// functionalCodes), embedded at build time, so both services read one list.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace juesuan::validate {

struct FunctionalCatalogue {
  int year = 0;  // the budget year the catalogue is for
  std::map<std::string, std::vector<std::string>, std::less<>> paths;  // "2010101" → [类, 款, 项]

  // The printed name the catalogue gives `code` (the last element of its
  // path), or nullptr when the code is not in the catalogue.
  const std::string* NameOf(std::string_view code) const;
};

const FunctionalCatalogue& DefaultFunctionalCatalogue();

}  // namespace juesuan::validate
