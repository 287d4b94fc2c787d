// Helpers of the PDF/DOCX tests: files, parsing, outline normalisation and a
// generator of plain many-page PDFs.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "juesuan/report/v1/report.pb.h"
#include "services/parse/src/parser.h"

namespace juesuan::parse::testing {

std::string ReadFileOrDie(const std::string& path);
// The only .pdf file of corpus/<number> under the shared directory.
std::string CorpusPdfPath(const std::string& number);
std::string FixturePath(const std::string& name);

absl::StatusOr<report::v1::Report> ParseBytes(const std::string& bytes,
                                              ParseOptions options = {});

// Outline lines without positions ([L.. p..], @offsets) and with runs of
// spaces folded, for comparing reports of one document in two formats.
std::vector<std::string> NormalizedOutline(const report::v1::Report& report);

// A valid PDF of `pages` pages, each printing "Page <n>" in Helvetica.
std::string MakePlainPdf(int pages);

// One A4 page printing each text (UTF-8, BMP only) at (x, y) from the top
// left, `size` points, every character one em wide, through an Identity-H
// font with a ToUnicode map (no font file: only the text layer matters).
struct PlacedText {
  double x = 0, y = 0, size = 10;
  std::string text;
};
std::string MakeCjkPdf(const std::vector<PlacedText>& texts);

}  // namespace juesuan::parse::testing
