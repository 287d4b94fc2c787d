#include "services/parse/docx/docx_reader.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>

#include "absl/status/status.h"
#include "common/text/normalize.h"
#include "fmt/format.h"

namespace juesuan::parse::docx {
namespace {

constexpr char kDocumentPart[] = "word/document.xml";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Nesting depth of the elements, counted over the raw bytes before any
// parsing, so that a hostile nesting never reaches a recursive walk.
absl::Status CheckXmlShape(std::string_view xml, int max_depth) {
  int depth = 0;
  for (size_t i = xml.find('<'); i != std::string_view::npos; i = xml.find('<', i + 1)) {
    if (i + 1 >= xml.size()) break;
    const char next = xml[i + 1];
    if (next == '!') {
      if (xml.compare(i, 9, "<!DOCTYPE") == 0) {
        return absl::InvalidArgumentError(
            "DOCX document.xml has a DOCTYPE declaration; entity declarations are not accepted");
      }
      continue;
    }
    if (next == '?') continue;
    if (next == '/') {
      --depth;
      continue;
    }
    const size_t close = xml.find('>', i);
    if (close == std::string_view::npos) break;
    if (xml[close - 1] == '/') continue;  // <w:tab/>
    if (++depth > max_depth) {
      return absl::InvalidArgumentError(fmt::format(
          "DOCX document.xml nests elements deeper than {} levels (at byte {})", max_depth, i));
    }
  }
  return absl::OkStatus();
}

std::string_view Name(const pugi::xml_node& n) { return n.name(); }

// The text of a paragraph (or of any element holding paragraphs): w:t runs,
// w:tab as a space, paragraphs inside joined with a space.
void AppendText(const pugi::xml_node& node, std::string& out) {
  std::vector<pugi::xml_node> stack{node};
  // Iterative pre-order walk: children pushed in reverse.
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    const std::string_view name = Name(n);
    if (name == "w:t") {
      out += n.text().get();
      continue;
    }
    if (name == "w:tab") {
      out += ' ';
      continue;
    }
    if (name == "w:p" && n != node && !out.empty() && out.back() != ' ') out += ' ';
    if (name == "w:instrText" || name == "w:delText") continue;
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) children.push_back(c);
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
}

std::string Trimmed(std::string s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

class BodyWriter {
 public:
  void Paragraph(const pugi::xml_node& p) {
    std::string text;
    AppendText(p, text);
    last_paragraph_ = static_cast<int>(lines_);
    Emit(Trimmed(std::move(text)));
  }

  void Table(const pugi::xml_node& tbl) {
    DocxTable table;
    table.first_line = static_cast<uint32_t>(lines_ + 1);
    table.title_paragraph = last_paragraph_;
    table.grid.begin = out_.text.size();
    for (pugi::xml_node tr = tbl.child("w:tr"); tr; tr = tr.next_sibling("w:tr")) {
      GridRow row;
      std::string line;
      const size_t line_begin = out_.text.size();
      for (pugi::xml_node tc = tr.child("w:tc"); tc; tc = tc.next_sibling("w:tc")) {
        GridCell cell;
        const pugi::xml_node pr = tc.child("w:tcPr");
        cell.column_span = std::max(1, std::min(64, pr.child("w:gridSpan").attribute("w:val").as_int(1)));
        const pugi::xml_node vmerge = pr.child("w:vMerge");
        cell.merged_from_above =
            vmerge && std::string_view(vmerge.attribute("w:val").as_string()) != "restart";
        std::string text;
        AppendText(tc, text);
        cell.text = Trimmed(std::move(text));
        cell.norm = text::NormalizeForMatching(cell.text);
        if (!line.empty() || !row.cells.empty()) line += '\t';
        cell.begin = line_begin + line.size();
        line += cell.text;
        cell.end = line_begin + line.size();
        row.cells.push_back(std::move(cell));
      }
      Emit(line);
      table.grid.rows.push_back(std::move(row));
    }
    table.grid.end = out_.text.empty() ? 0 : out_.text.size() - 1;
    table.last_line = static_cast<uint32_t>(lines_);
    last_paragraph_ = -1;
    out_.tables.push_back(std::move(table));
  }

  // Body children in order; content controls (w:sdt) are transparent.
  void Body(const pugi::xml_node& body) {
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node c = body.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
    while (!stack.empty()) {
      pugi::xml_node n = stack.back();
      stack.pop_back();
      const std::string_view name = Name(n);
      if (name == "w:p") {
        Paragraph(n);
      } else if (name == "w:tbl") {
        Table(n);
      } else if (name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml") {
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
      }
    }
  }

  DocxDocument Take() { return std::move(out_); }

 private:
  void Emit(const std::string& line) {
    out_.text += line;
    out_.text += '\n';
    ++lines_;
  }

  DocxDocument out_;
  size_t lines_ = 0;
  int last_paragraph_ = -1;
};

}  // namespace

absl::StatusOr<DocxDocument> ReadDocumentXml(std::string_view xml, const DocxLimits& limits) {
  if (auto s = CheckXmlShape(xml, limits.max_xml_depth); !s.ok()) return s;
  pugi::xml_document doc;
  // parse_default has no DTD processing; only the predefined and numeric
  // character entities are expanded.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(fmt::format("DOCX document.xml is malformed: {} at byte {}",
                                                  parsed.description(), parsed.offset));
  }
  const pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) {
    return absl::InvalidArgumentError("DOCX document.xml has no w:document/w:body element");
  }
  BodyWriter writer;
  writer.Body(body);
  return writer.Take();
}

absl::StatusOr<DocxDocument> ReadDocx(std::string_view bytes, const DocxLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(fmt::format("DOCX cannot be read: {}", message));
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    zip_source_free(source);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(
        fmt::format("DOCX is not a readable zip archive: {}", message));
  }
  zip_error_fini(&error);
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > limits.max_entries) {
    return absl::ResourceExhaustedError(fmt::format(
        "DOCX archive has {} entries; the limit is {}", entries, limits.max_entries));
  }
  const zip_int64_t index = zip_name_locate(archive.get(), kDocumentPart, 0);
  if (index < 0) {
    return absl::InvalidArgumentError(
        "zip archive is not a Word document: it has no word/document.xml");
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) && stat.size > limits.max_uncompressed_bytes) {
    return absl::ResourceExhaustedError(fmt::format(
        "DOCX word/document.xml decompresses to {} bytes; the limit is {} bytes", stat.size,
        limits.max_uncompressed_bytes));
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) {
    return absl::InvalidArgumentError(fmt::format(
        "DOCX word/document.xml cannot be opened: {}", zip_strerror(archive.get())));
  }
  // The declared size may lie: the cap is enforced on the bytes inflated.
  std::string xml;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      return absl::InvalidArgumentError(fmt::format(
          "DOCX word/document.xml is damaged: {}", zip_file_strerror(file.get())));
    }
    if (n == 0) break;
    if (xml.size() + static_cast<uint64_t>(n) > limits.max_uncompressed_bytes) {
      return absl::ResourceExhaustedError(fmt::format(
          "DOCX word/document.xml decompresses to more than {} bytes (zip bomb?)",
          limits.max_uncompressed_bytes));
    }
    xml.append(buffer, static_cast<size_t>(n));
  }
  return ReadDocumentXml(xml, limits);
}

}  // namespace juesuan::parse::docx
