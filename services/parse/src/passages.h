// Narrative text re-flowed into passages: lines joined across line breaks,
// and fragments that a layout-preserving PDF-to-text conversion printed
// before their sentence moved back to where they belong. Offsets stay
// mapped to the document, so evidence quotes the printed text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/text/normalize.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

struct Passage {
  text::NormalizedText folded;  // joined, folded text
  std::string section_key;
  uint32_t first_line = 0;      // line indices (0-based) it was built from
  uint32_t last_line = 0;

  const std::string& text() const { return folded.text(); }
};

// Builds passages from lines [first, last) of `doc`, skipping lines marked in
// `skip` (tables consumed by table readers, headings). A new passage starts
// after each closed paragraph, unless `single` asks for one passage holding
// the whole re-flowed range (a section's body).
std::vector<Passage> BuildPassages(const SourceDocument& doc, uint32_t first,
                                   uint32_t last, const std::vector<bool>& skip,
                                   const std::string& section_key, bool single = false);

// A passage of exactly one line (its folded copy, not folded again).
Passage LinePassage(const SourceLine& line, std::string section_key);

// Splits a passage into sentences at 。！？ (clause separators ；stay inside).
// Returns [begin, end) offsets into passage.text().
std::vector<std::pair<size_t, size_t>> SplitSentences(const Passage& passage);

}  // namespace juesuan::parse
