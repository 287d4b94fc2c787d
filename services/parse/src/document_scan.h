// Document-wide facts that do not belong to one section: the title (unit,
// year, 部门/单位决算), the layout, template residue, dates and years.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "juesuan/config/v1/parse_config.pb.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/passages.h"
#include "services/parse/src/source_document.h"
#include "services/parse/src/values.h"

namespace juesuan::parse {

// Title lines among the first lines of the document: "<unit><Y>年度部门决算".
// Fills document.title, unit_name, year and kind. Returns false if no title.
bool ScanTitle(const SourceDocument& doc, report::v1::DocumentInfo* info);

// The title pattern, `(\p{Han}[^\s]*?)?(\d{4})年度?(部门|单位)决算`: group 1
// the unit, 2 the year, 3 部门 or 单位.
const RE2& TitlePattern();
// Search(TitlePattern(), cover): the same match, with the regex run only
// over the few bytes where the match can lie.
std::optional<Match> SearchTitle(const Passage& cover);

// Layout by the markers of the configuration (most markers wins; ties and
// no markers → GENERIC).
report::v1::Layout DetectLayout(const SourceDocument& doc, const config::v1::ParseConfig& config);

// Whether `folded` holds one of the characters every built-in placeholder
// token has (X, ×, 某, { or ().
bool MayHoldPlaceholder(std::string_view folded);
// MayHoldPlaceholder of each line's folded copy, found over the whole
// document at once.
std::vector<bool> LinesThatMayHoldPlaceholder(const SourceDocument& doc);

// Sets holding[i] for every line i whose folded copy holds `mark` (which
// has no line break), with one search over the document's folded text
// that skips to the next line after each hit. `holding` has a place per line.
void MarkLinesHolding(const SourceDocument& doc, std::string_view mark,
                      std::vector<bool>& holding);

// Every placeholder token of the configuration (longest first, no overlaps).
void ScanPlaceholders(const SourceDocument& doc, const config::v1::ParseConfig& config,
                      report::v1::Report* report);

// Every date "Y年M月D日" (and "Y年M月") with its qualifier (截至/截止 before,
// 前/以前/之前 after) and the clause it stands in. `line_keys` gives the
// section key of each line: views of keys held elsewhere (the section index,
// the report's performance tables, which adding dates leaves in place).
void ScanDates(const SourceDocument& doc, const std::vector<std::string_view>& line_keys,
               report::v1::Report* report);

// Every "Y年度" printed in the title, a heading or a table title.
void ScanHeadingYears(const SourceDocument& doc, const std::vector<uint32_t>& heading_lines,
                      report::v1::DocumentInfo* info);

}  // namespace juesuan::parse
