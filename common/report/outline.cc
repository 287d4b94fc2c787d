#include "common/report/outline.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "common/text/decimal.h"
#include "fmt/format.h"

namespace juesuan::report {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

std::string Where(const v1::Provenance& src) {
  if (src.line() == 0) return "";
  if (src.page() > 0) return fmt::format(" [L{} p{}]", src.line(), src.page());
  return fmt::format(" [L{}]", src.line());
}

std::string Cut(const std::string& s, size_t max_chars) {
  // Count UTF-8 code points, not bytes.
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return s.substr(0, i) + "…";
      ++chars;
    }
  }
  return s;
}

class OutlineWriter {
 public:
  explicit OutlineWriter(const OutlineOptions& options) : options_(options) {}

  void Walk(const Message& m, const std::string& path) {
    if (WriteLeaf(m, path)) return;
    const Reflection* r = m.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(m, &fields);
    for (const FieldDescriptor* f : fields) {
      // A composite value's own evidence: where it was printed.
      if (f->name() == "src" && f->message_type() &&
          f->message_type()->full_name() == "juesuan.report.v1.Provenance") {
        const auto& src = static_cast<const v1::Provenance&>(r->GetMessage(m, f));
        if (src.line() > 0) Line(path + ".at", Where(src).substr(1));
      }
      if (Skipped(m, f)) continue;
      const std::string child = path.empty() ? f->name() : path + "." + f->name();
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          WriteField(m, f, i, fmt::format("{}[{}]", child, i));
        }
      } else {
        WriteField(m, f, -1, child);
      }
    }
  }

  std::string str() && { return std::move(out_); }

 private:
  bool Skipped(const Message& m, const FieldDescriptor* f) const {
    if (f->message_type() && f->message_type()->full_name() == "juesuan.report.v1.Provenance") {
      return true;  // printed as [Lnn] beside the value it belongs to
    }
    if (m.GetDescriptor()->full_name() == "juesuan.report.v1.Report") {
      if (f->name() == "text") return true;
      if (f->name() == "statements" && !options_.include_statements) return true;
      if (f->name() == "diagnostics" && !options_.include_diagnostics) return true;
    }
    return false;
  }

  void WriteField(const Message& m, const FieldDescriptor* f, int index,
                  const std::string& path) {
    const Reflection* r = m.GetReflection();
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      const Message& child = index < 0 ? r->GetMessage(m, f) : r->GetRepeatedMessage(m, f, index);
      Walk(child, path);
      return;
    }
    std::string value;
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        value = "\"" + Cut(index < 0 ? r->GetString(m, f) : r->GetRepeatedString(m, f, index),
                           options_.max_text_chars) + "\"";
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        value = (index < 0 ? r->GetEnum(m, f) : r->GetRepeatedEnum(m, f, index))->name();
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        value = (index < 0 ? r->GetBool(m, f) : r->GetRepeatedBool(m, f, index)) ? "true" : "false";
        break;
      case FieldDescriptor::CPPTYPE_INT32:
        value = std::to_string(index < 0 ? r->GetInt32(m, f) : r->GetRepeatedInt32(m, f, index));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        value = std::to_string(index < 0 ? r->GetInt64(m, f) : r->GetRepeatedInt64(m, f, index));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        value = std::to_string(index < 0 ? r->GetUInt32(m, f) : r->GetRepeatedUInt32(m, f, index));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        value = std::to_string(index < 0 ? r->GetUInt64(m, f) : r->GetRepeatedUInt64(m, f, index));
        break;
      default:
        value = "?";  // no floating-point fields exist in the report
    }
    Line(path, value);
  }

  // Value types print on one line with their evidence location.
  bool WriteLeaf(const Message& m, const std::string& path) {
    const std::string& type = m.GetDescriptor()->full_name();
    if (type == "juesuan.report.v1.Amount") {
      const auto& a = static_cast<const v1::Amount&>(m);
      Line(path, FormatAmount(a) + Where(a.src()));
      return true;
    }
    if (type == "juesuan.report.v1.Percent") {
      const auto& p = static_cast<const v1::Percent&>(m);
      Line(path, FormatPercent(p) + Where(p.src()));
      return true;
    }
    if (type == "juesuan.report.v1.Decimal") {
      Line(path, FormatDecimal(static_cast<const v1::Decimal&>(m)));
      return true;
    }
    if (type == "juesuan.report.v1.Count") {
      const auto& c = static_cast<const v1::Count&>(m);
      Line(path, fmt::format("{}{}{}", c.value(), c.unit(), Where(c.src())));
      return true;
    }
    if (type == "juesuan.report.v1.Text") {
      const auto& t = static_cast<const v1::Text&>(m);
      Line(path, "\"" + Cut(t.text(), options_.max_text_chars) + "\"" + Where(t.src()));
      return true;
    }
    if (type == "juesuan.report.v1.DecimalCell") {
      const auto& c = static_cast<const v1::DecimalCell&>(m);
      Line(path, (c.blank() ? "(blank) \"" + c.raw() + "\"" : FormatDecimal(c.value())) +
                     Where(c.src()));
      return true;
    }
    if (type == "juesuan.report.v1.Date") {
      const auto& d = static_cast<const v1::Date&>(m);
      Line(path, fmt::format("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
      return true;
    }
    return false;
  }

  void Line(const std::string& path, const std::string& value) {
    out_ += path;
    out_ += " = ";
    out_ += value;
    out_ += "\n";
  }

  const OutlineOptions& options_;
  std::string out_;
};

}  // namespace

std::string FormatDecimal(const v1::Decimal& d) {
  return text::FormatDecimal(text::DecimalValue{d.digits(), d.scale()});
}

std::string FormatPercent(const v1::Percent& p) {
  return FormatDecimal(p.value()) + (p.has_percent_sign() ? "%" : "");
}

std::string FormatAmount(const v1::Amount& a) {
  if (a.blank()) return "(blank)";
  // Print with as many decimals as the quantum says were printed.
  const bool yuan = a.unit() == v1::MONEY_UNIT_YUAN;
  const int64_t unit_fen = yuan ? 100 : 1000000;
  int32_t scale = 0;
  for (int64_t q = unit_fen; q > std::max<int64_t>(a.quantum_fen(), 1); q /= 10) ++scale;
  // fen has 6 (万元) or 2 (元) implied decimals; drop the unprinted ones.
  // The quantum guarantees that the dropped digits are zero.
  int64_t digits = a.fen();
  for (int32_t i = scale; i < (yuan ? 2 : 6); ++i) digits /= 10;
  return text::FormatDecimal(text::DecimalValue{digits, scale}) + (yuan ? "元" : "万元");
}

std::string Outline(const v1::Report& report, const OutlineOptions& options) {
  OutlineWriter writer(options);
  writer.Walk(report, "");
  return std::move(writer).str();
}

}  // namespace juesuan::report
