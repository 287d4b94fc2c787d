// Self-contained HTML reports (no scripts, fonts or images from anywhere):
// one page per document — the key figures, performance scores with an
// inline SVG bar chart, the findings list, and the document text with each
// finding's evidence highlighted; every finding links to its highlights and
// every highlight back to its finding — and an index page for a batch.
#pragma once

#include <string>
#include <vector>

#include "cli/output/document_result.h"

namespace juesuan::cli {

std::string HtmlDocumentPage(const DocumentResult& result);
// `pages[i]` is the file name of results[i]'s page, relative to the index.
std::string HtmlIndexPage(const std::vector<DocumentResult>& results,
                          const std::vector<std::string>& pages);

std::string HtmlEscape(const std::string& text);
// Percent-encodes a file name for use in an href.
std::string UrlEncodePath(const std::string& name);

}  // namespace juesuan::cli
