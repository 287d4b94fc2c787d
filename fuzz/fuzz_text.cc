// Text input: decoding (UTF-8, GB18030, UTF-16), sections and narrative.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "services/parse/src/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* parser = juesuan::parse::DocumentParser::CreateDefault()->release();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // PDF and DOCX signatures belong to the other targets.
  if (bytes.substr(0, 5) == "%PDF-" || bytes.substr(0, 2) == "PK") return 0;
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  (void)parser->Parse(bytes, options);
  return 0;
}
