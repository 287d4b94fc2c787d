#include "cli/output/html_report.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "cli/output/summary.h"
#include "common/report/outline.h"

namespace juesuan::cli {
namespace {

constexpr char kStyle[] = R"css(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3b57;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{display:grid;grid-template-columns:minmax(360px,46%) 1fr;gap:16px;padding:16px 24px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:17px;margin:0 0 8px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;font-size:14px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:2px 10px;margin-right:8px;font-weight:bold}
.sev-error{background:#fde2e1;color:#a4161a}.sev-warning{background:#fff3cd;color:#7a5200}.sev-info{background:#e3f2fd;color:#0d47a1}
ol.findings{padding-left:22px}ol.findings li{margin-bottom:10px;font-size:14px}ol.findings li:target{outline:2px solid #1f3b57}
.rule{font-family:monospace;font-weight:bold}.msg{margin:2px 0}.ev-links a{margin-right:8px;font-size:13px}
pre.doc{white-space:pre-wrap;word-break:break-all;font-size:13px;line-height:1.5;max-height:none}
mark.ev{border-radius:2px;padding:0 1px}mark.ev.sev-error{background:#ffb3ae}mark.ev.sev-warning{background:#ffe28a}mark.ev.sev-info{background:#bbdefb}
mark.ev:target{outline:2px solid #1f3b57}mark.ev a{color:inherit;text-decoration:none}
.failed{color:#a4161a;font-weight:bold}
)css";

std::string Where(const report::v1::Provenance& src) {
  if (src.line() == 0) return "";
  return src.page() > 0 ? fmt::format("第{}行 第{}页", src.line(), src.page())
                        : fmt::format("第{}行", src.line());
}

std::string SeverityClass(findings::v1::Severity severity) {
  return std::string("sev-") + SeverityName(severity);
}

struct Highlight {
  uint64_t begin;
  uint64_t end;
  size_t finding;
  std::string id;
};

// Evidence spans of every finding, non-overlapping, in text order. An operand
// whose span overlaps one already taken links to that one instead.
struct EvidenceMap {
  std::vector<Highlight> spans;
  // finding index -> (anchor id, label) of each operand
  std::map<size_t, std::vector<std::pair<std::string, std::string>>> links;
};

EvidenceMap MapEvidence(const std::vector<const findings::v1::Finding*>& all,
                        const std::string& text) {
  struct Candidate {
    uint64_t begin, end;
    size_t finding;
    std::string label;
  };
  std::vector<Candidate> candidates;
  EvidenceMap map;
  for (size_t i = 0; i < all.size(); ++i) {
    for (const auto& operand : all[i]->operands()) {
      const auto& src = operand.src();
      const std::string label =
          fmt::format("{} {}", Where(src), src.raw_text().empty() ? operand.printed()
                                                                  : src.raw_text());
      if (src.byte_end() > src.byte_begin() && src.byte_end() <= text.size()) {
        candidates.push_back({src.byte_begin(), src.byte_end(), i, label});
      } else if (src.line() > 0) {
        map.links[i].emplace_back(fmt::format("L{}", src.line()), label);
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  for (const Candidate& c : candidates) {
    if (!map.spans.empty() && c.begin < map.spans.back().end) {
      map.links[c.finding].emplace_back(map.spans.back().id, c.label);
      continue;
    }
    const std::string id = fmt::format("ev-{}", map.spans.size());
    map.spans.push_back({c.begin, c.end, c.finding, id});
    map.links[c.finding].emplace_back(id, c.label);
  }
  return map;
}

// The document text with line anchors (L1, L2 …) and evidence marks.
std::string HighlightedText(const std::string& text, const EvidenceMap& map,
                            const std::vector<const findings::v1::Finding*>& all) {
  std::string out;
  out.reserve(text.size() * 5 / 4);
  size_t next_span = 0;
  uint32_t line = 1;
  out += "<span class=\"ln\" id=\"L1\"></span>";
  size_t i = 0;
  const auto copy_escaped = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      const char c = text[k];
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\n':
          out += "\n";
          out += fmt::format("<span class=\"ln\" id=\"L{}\"></span>", ++line);
          break;
        default: out += c;
      }
    }
  };
  while (i < text.size()) {
    if (next_span < map.spans.size()) {
      const Highlight& h = map.spans[next_span];
      copy_escaped(i, h.begin);
      const findings::v1::Finding& f = *all[h.finding];
      out += fmt::format("<mark class=\"ev {}\" id=\"{}\" title=\"{}\"><a href=\"#f-{}\">",
                         SeverityClass(f.severity()), h.id, HtmlEscape(f.rule_id()),
                         h.finding);
      copy_escaped(h.begin, h.end);
      out += "</a></mark>";
      i = h.end;
      ++next_span;
    } else {
      copy_escaped(i, text.size());
      i = text.size();
    }
  }
  return out;
}

// Exact share of `value` in `weight`, in thousandths, clamped to [0, 1000].
int64_t Permille(const report::v1::Decimal& value, const report::v1::Decimal& weight) {
  const int scale = std::max(value.scale(), weight.scale());
  __int128 v = value.digits(), w = weight.digits();
  for (int s = value.scale(); s < scale; ++s) v *= 10;
  for (int s = weight.scale(); s < scale; ++s) w *= 10;
  if (w <= 0) return 0;
  const __int128 permille = v * 1000 / w;
  return static_cast<int64_t>(std::clamp<__int128>(permille, 0, 1000));
}

std::string ScoreChart(const analyze::v1::AnalyzeResponse& r) {
  const int rows = r.scoring().tables_size();
  const int row_height = 26, label_width = 90, bar_width = 300;
  std::string svg = fmt::format(
      "<svg width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"performance scores\" class=\"score-chart\">",
      label_width + bar_width + 130, rows * row_height + 6);
  const std::vector<std::string> grades = PerformanceGrades(r);
  for (int i = 0; i < rows; ++i) {
    const auto& total = r.scoring().tables(i).total();
    const int y = 3 + i * row_height;
    const int64_t low = Permille(total.determined() ? total.value() : total.range().min(),
                                 total.weight());
    const int64_t high = Permille(total.determined() ? total.value() : total.range().max(),
                                  total.weight());
    svg += fmt::format(
        "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#e8eef4\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#9fb8d0\"/>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#1f3b57\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
        y + 13, HtmlEscape(r.scoring().tables(i).section_key()), label_width, y, bar_width,
        label_width, y, high * bar_width / 1000, label_width, y, low * bar_width / 1000,
        label_width + bar_width + 6, y + 13,
        HtmlEscape(grades[i].substr(grades[i].find(' ') + 1)));
  }
  return svg + "</svg>";
}

std::string FiguresSection(const report::v1::Report& report) {
  std::string out = "<section id=\"figures\"><h2>主要数据 Key figures</h2><table>";
  for (const KeyFigure& figure : KeyFigures(report)) {
    const auto& src = figure.amount->src();
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                       HtmlEscape(figure.label), HtmlEscape(report::FormatAmount(*figure.amount)),
                       src.line() > 0 ? fmt::format("<a href=\"#L{}\">{}</a>", src.line(),
                                                    HtmlEscape(Where(src)))
                                      : "");
  }
  return out + "</table></section>";
}

std::string ScoresSection(const analyze::v1::AnalyzeResponse& r) {
  std::string out = "<section id=\"scores\"><h2>绩效评分 Performance scores</h2>";
  if (r.scoring().tables_size() == 0) return out + "<p>没有绩效自评表</p></section>";
  out += ScoreChart(r) + "<table><tr><th>表</th><th>名称</th><th>得分</th></tr>";
  const std::vector<std::string> grades = PerformanceGrades(r);
  for (int i = 0; i < r.scoring().tables_size(); ++i) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                       HtmlEscape(r.scoring().tables(i).section_key()),
                       HtmlEscape(r.scoring().tables(i).name()), HtmlEscape(grades[i]));
  }
  return out + "</table></section>";
}

std::string FindingsSection(const std::vector<const findings::v1::Finding*>& all,
                            const EvidenceMap& map) {
  std::string out = "<section id=\"findings\"><h2>审核发现 Findings</h2><ol class=\"findings\">";
  for (size_t i = 0; i < all.size(); ++i) {
    const findings::v1::Finding& f = *all[i];
    const std::string& message = f.message_zh().empty() ? f.message_en() : f.message_zh();
    out += fmt::format(
        "<li class=\"finding\" id=\"f-{}\"><span class=\"badge {}\">{}</span>"
        "<span class=\"rule\">{}</span> {}<p class=\"msg\">{}</p>",
        i, SeverityClass(f.severity()), SeverityName(f.severity()), HtmlEscape(f.rule_id()),
        HtmlEscape(f.title()), HtmlEscape(message));
    const auto links = map.links.find(i);
    if (links != map.links.end()) {
      out += "<div class=\"ev-links\">";
      for (const auto& [id, label] : links->second) {
        out += fmt::format("<a class=\"ev-link\" href=\"#{}\">{}</a>", id, HtmlEscape(label));
      }
      out += "</div>";
    }
    out += "</li>";
  }
  return out + "</ol></section>";
}

std::string PageStart(const std::string& title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>{}</title>"
      "<style>{}</style></head><body>",
      HtmlEscape(title), kStyle);
}

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string UrlEncodePath(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    out += unreserved ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string HtmlDocumentPage(const DocumentResult& result) {
  std::string page = PageStart(result.name + " — juesuan");
  if (!result.status.ok()) {
    return page + fmt::format(
                      "<header><h1>{}</h1></header><main><section><p class=\"failed\">"
                      "分析失败 FAILED {}: {}</p></section></main></body></html>\n",
                      HtmlEscape(result.name), absl::StatusCodeToString(result.status.code()),
                      HtmlEscape(std::string(result.status.message())));
  }
  const auto& r = result.response;
  const auto& doc = r.report().document();
  const SeverityCounts counts = CountSeverities(r);
  const auto all = AllFindings(r);
  const EvidenceMap evidence = MapEvidence(all, r.report().text());
  page += fmt::format("<header><h1>{}</h1><p>{} · {}年度 · {}</p></header><main><div>",
                      HtmlEscape(UnitName(r.report()).empty() ? result.name
                                                              : UnitName(r.report())),
                      HtmlEscape(result.name), doc.year(),
                      report::v1::Layout_Name(doc.layout()).substr(7));
  page += fmt::format(
      "<section id=\"summary\"><span class=\"badge sev-error\">{} errors</span>"
      "<span class=\"badge sev-warning\">{} warnings</span>"
      "<span class=\"badge sev-info\">{} info</span>",
      counts.errors, counts.warnings, counts.infos);
  for (const std::string& failure : FailedStages(r)) {
    page += "<p class=\"failed\">" + HtmlEscape(failure) + "</p>";
  }
  page += "</section>" + FiguresSection(r.report()) + ScoresSection(r) +
          FindingsSection(all, evidence) + "</div>";
  page += "<div><section id=\"document\"><h2>原文 Document text</h2>";
  if (r.report().text().empty()) {
    page += "<p>(text omitted)</p>";
  } else {
    page += "<pre class=\"doc\">" + HighlightedText(r.report().text(), evidence, all) + "</pre>";
  }
  return page + "</section></div></main></body></html>\n";
}

std::string HtmlIndexPage(const std::vector<DocumentResult>& results,
                          const std::vector<std::string>& pages) {
  std::string page = PageStart("juesuan — analysis index");
  page += fmt::format(
      "<header><h1>决算公开审核 Analysis</h1><p>{} documents</p></header><main "
      "style=\"display:block\"><section><table id=\"index\"><tr><th>文件 document</th>"
      "<th>单位 unit</th><th>年度</th><th>errors</th><th>warnings</th><th>info</th>"
      "<th>绩效 performance</th></tr>",
      results.size());
  for (size_t i = 0; i < results.size(); ++i) {
    const DocumentResult& result = results[i];
    page += fmt::format("<tr><td><a href=\"{}\">{}</a></td>", UrlEncodePath(pages[i]),
                        HtmlEscape(result.name));
    if (!result.status.ok()) {
      page += fmt::format("<td colspan=\"6\" class=\"failed\">FAILED {}: {}</td></tr>",
                          absl::StatusCodeToString(result.status.code()),
                          HtmlEscape(std::string(result.status.message())));
      continue;
    }
    const SeverityCounts counts = CountSeverities(result.response);
    std::string grades;
    for (const std::string& grade : PerformanceGrades(result.response)) {
      grades += (grades.empty() ? "" : "; ") + grade;
    }
    page += fmt::format(
        "<td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td>{}</td></tr>",
        HtmlEscape(UnitName(result.response.report())),
        result.response.report().document().year(), counts.errors, counts.warnings,
        counts.infos, HtmlEscape(grades));
  }
  return page + "</table></section></main></body></html>\n";
}

}  // namespace juesuan::cli
