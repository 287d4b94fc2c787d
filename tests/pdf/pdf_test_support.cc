#include "tests/pdf/pdf_test_support.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "common/report/outline.h"
#include "fmt/format.h"
#include "gtest/gtest.h"

namespace juesuan::parse::testing {

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "cannot read " << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string CorpusPdfPath(const std::string& number) {
  const std::filesystem::path dir =
      std::filesystem::path(JUESUAN_SHARED_DIR) / "corpus" / number;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".pdf") return entry.path().string();
  }
  ADD_FAILURE() << "no PDF in " << dir;
  return "";
}

std::string FixturePath(const std::string& name) {
  return std::string(JUESUAN_PDF_FIXTURES) + "/" + name;
}

absl::StatusOr<report::v1::Report> ParseBytes(const std::string& bytes, ParseOptions options) {
  auto parser = DocumentParser::CreateDefault();
  if (!parser.ok()) return parser.status();
  return (*parser)->Parse(bytes, options);
}

std::vector<std::string> NormalizedOutline(const report::v1::Report& report) {
  static const std::regex kPosition(R"( *\[L[0-9]+[^\]]*\])");
  static const std::regex kOffsets(R"(@[0-9]+(-[0-9]+)?)");
  static const std::regex kSpaces("  +");
  std::vector<std::string> out;
  std::istringstream in(juesuan::report::Outline(report));
  for (std::string line; std::getline(in, line);) {
    line = std::regex_replace(line, kPosition, "");
    line = std::regex_replace(line, kOffsets, "");
    line = std::regex_replace(line, kSpaces, " ");
    out.push_back(line);
  }
  return out;
}

std::string MakePlainPdf(int pages) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
  };
  // 1 catalog, 2 pages, 3 font, then page/content pairs.
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += fmt::format("{} 0 R ", 4 + 2 * i);
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages));
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < pages; ++i) {
    object(fmt::format(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents {} 0 R >>",
        5 + 2 * i));
    const std::string stream = fmt::format("BT /F1 12 Tf 72 720 Td (Page {}) Tj ET", i + 1);
    object(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", stream.size(), stream));
  }
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
  for (size_t o : offsets) pdf += fmt::format("{:010d} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                     offsets.size() + 1, xref);
  return pdf;
}

namespace {

std::u32string Utf32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out += cp;
    i += n + 1;
  }
  return out;
}

}  // namespace

std::string MakeCjkPdf(const std::vector<PlacedText>& texts) {
  std::string content;
  for (const PlacedText& t : texts) {
    std::string hex;
    for (char32_t c : Utf32(t.text)) hex += fmt::format("{:04X}", static_cast<unsigned>(c));
    content += fmt::format("BT /F1 {} Tf {:.2f} {:.2f} Td <{}> Tj ET\n", t.size, t.x, 842 - t.y,
                           hex);
  }
  // ToUnicode: every two-byte code is its own UCS-2 value.
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ident def "
      "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
  for (int block = 0; block < 256; block += 64) {
    cmap += "64 beginbfrange\n";
    for (int hi = block; hi < block + 64; ++hi) {
      cmap += fmt::format("<{:02X}00> <{:02X}FF> <{:02X}00>\n", hi, hi, hi);
    }
    cmap += "endbfrange\n";
  }
  cmap += "endcmap CMapName currentdict /CMap defineresource pop end end";
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
         ">> >> /Contents 7 0 R >>");
  object("<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H "
         "/DescendantFonts [5 0 R] /ToUnicode 6 0 R >>");
  object("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry "
         "(Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor << /Type "
         "/FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
         "/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >> >>");
  object(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", cmap.size(), cmap));
  object(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content));
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
  for (size_t o : offsets) pdf += fmt::format("{:010d} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n",
                     offsets.size() + 1, xref);
  return pdf;
}

}  // namespace juesuan::parse::testing
