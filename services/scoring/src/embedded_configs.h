// Default scoring configs embedded at build time (generated .cc).
#pragma once

#include <cstddef>

namespace juesuan::scoring {

struct EmbeddedConfig {
  const char* name;   // file stem, e.g. "xinjiang"
  const char* json;
};

extern const EmbeddedConfig kEmbeddedConfigs[];
extern const size_t kEmbeddedConfigCount;

}  // namespace juesuan::scoring
