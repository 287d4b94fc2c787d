// DOCX input: the zip layer (libzip) and the WordprocessingML reader. The
// first byte chooses: 'P' → a whole archive through the parser, anything
// else → the bytes as word/document.xml.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "services/parse/docx/docx_reader.h"
#include "services/parse/src/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* parser = juesuan::parse::DocumentParser::CreateDefault()->release();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  juesuan::parse::docx::DocxLimits limits;
  limits.max_uncompressed_bytes = 16 << 20;
  if (!bytes.empty() && bytes[0] == 'P') {
    juesuan::parse::ParseOptions options;
    options.omit_text = true;
    (void)parser->Parse(bytes, options);
  } else {
    (void)juesuan::parse::docx::ReadDocumentXml(bytes, limits);
  }
  return 0;
}
