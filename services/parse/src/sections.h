// Recognises the document's headings and gives each section its semantic key
// (REFERENCE §2.3) by title synonyms from the configuration — never by the
// printed ordinal, which differs between layouts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "juesuan/config/v1/parse_config.pb.h"
#include "services/parse/src/source_document.h"

namespace juesuan::parse {

struct SectionSpan {
  std::string key;            // "N.TOTAL", "OTHER" when no synonym matched
  std::string title;          // heading as printed (trimmed)
  int level = 0;              // 1 第N部分, 2 一、, 3 （一）
  uint32_t heading_line = 0;  // index into SourceDocument::lines()
  uint32_t body_first = 0;    // first body line index
  uint32_t body_last = 0;     // one past the last body line index
  std::string matched_synonym;
  bool has_body = false;      // false for table-of-contents entries
};

// Strips an ordinal ("第一部分", "一、", "（三）", "1.") from a folded heading.
std::string_view StripOrdinal(std::string_view folded);

class SectionIndex {
 public:
  SectionIndex(const SourceDocument& doc, const config::v1::ParseConfig& config,
               std::string_view unit_name, const std::vector<bool>& skip_lines);

  const std::vector<SectionSpan>& sections() const { return sections_; }
  // Key of the innermost section holding line `index` ("" before the first).
  const std::string& KeyOfLine(uint32_t index) const;
  // Sections with a body whose key equals `key` or starts with `key` + ".".
  std::vector<const SectionSpan*> Find(std::string_view key) const;

 private:
  std::string MatchKey(std::string_view normalized_title, int level,
                       std::string* synonym) const;

  const config::v1::ParseConfig& config_;
  std::string unit_name_;
  std::vector<SectionSpan> sections_;
  // Per line, the index into sections_ of the section whose key it has
  // (-1 before the first): an index rather than a copy of the key.
  std::vector<int32_t> line_sections_;
};

// Folds a heading for synonym matching: ordinal, unit name, year, spaces and
// quotes removed.
std::string NormalizeHeading(std::string_view folded, std::string_view unit_name);

}  // namespace juesuan::parse
