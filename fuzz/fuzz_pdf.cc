// PDF input: poppler word boxes, lines, tables and the narrative over the
// decoded text (the whole pipeline from "%PDF-" bytes).
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/time/clock.h"
#include "services/parse/src/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* parser = juesuan::parse::DocumentParser::CreateDefault()->release();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.compare(0, 5, "%PDF-") != 0) bytes.insert(0, "%PDF-1.7\n");
  juesuan::parse::ParseOptions options;
  options.omit_text = true;
  options.max_pdf_pages = 50;
  options.deadline = absl::Now() + absl::Seconds(5);
  (void)parser->Parse(bytes, options);
  return 0;
}
