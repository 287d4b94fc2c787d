#!/usr/bin/env python3
"""Builds the PDF and DOCX fixtures of tests/pdf (run from the repository root:
python3 tests/pdf/make_fixtures.py SHARED_DIR). Needs qpdf, img2pdf and
pdftoppm (Debian: qpdf, img2pdf, poppler-utils).

- seed.docx: the seed text as a Word document; its performance tables (the
  Word-export cell lines, REFERENCE §2.7) become real w:tbl tables, rows with
  fewer cells than the widest row end in a w:gridSpan cell.
- merged.docx: a 收入决算表 with w:vMerge and w:gridSpan cells.
- bomb.docx: word/document.xml inflating to 300 MiB of spaces.
- deep.docx: document.xml nested 100,000 elements deep.
- encrypted.pdf: a one-page PDF with a user password (qpdf --encrypt).
- image_only.pdf: a corpus page rasterised and wrapped back into a PDF.
"""
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text):
    return "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % escape(text)


def cell(text, span=1, vmerge=None):
    pr = ""
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    pr = "<w:tcPr>%s</w:tcPr>" % pr if pr else ""
    return "<w:tc>%s%s</w:tc>" % (pr, paragraph(text))


def table(rows):
    """Word-export rows to a w:tbl. In the indicator block a shorter row
    continues the merged first-level/second-level cells above it (w:vMerge);
    a total row's label spans the columns it lacks; other short rows end in a
    spanning cell."""
    width = max(len(r) for r in rows)
    out = ["<w:tbl>"]
    indicator_width = 0
    previous = None  # cells (as lists of [text, span, vmerge]) of the previous row
    for r in rows:
        if r[0] in ("一级指标",):
            indicator_width = len(r)
        if indicator_width and len(r) < indicator_width and r[0] not in ("总分", "合计"):
            missing = indicator_width - len(r)
            cells = [["", 1, "continue"] for _ in range(missing)] + [[t, 1, None] for t in r]
            if previous is not None:
                for c in previous[:missing]:
                    if c[2] is None:
                        c[2] = "restart"
        elif r[0] in ("总分", "合计") and len(r) < width:
            cells = [[r[0], width - len(r) + 1, None]] + [[t, 1, None] for t in r[1:]]
        else:
            cells = [[t, 1, None] for t in r[:-1]] + [[r[-1], width - len(r) + 1, None]]
        if previous is not None:
            out.append(previous)
        previous = cells
    out.append(previous)
    xml = ["<w:tbl>"]
    for cells in out[1:]:
        xml.append("<w:tr>%s</w:tr>" % "".join(cell(t, span, vm) for t, span, vm in cells))
    out = xml
    out.append("</w:tbl>")
    return "".join(out)


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            "<w:document %s><w:body>%s</w:body></w:document>" % (W, body))


def write_docx(name, xml, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", compress) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml)


def seed_docx(seed_path):
    lines = open(seed_path, encoding="utf-8").read().split("\n")
    body, rows, row = [], [], None

    def flush_table():
        nonlocal rows, row
        if row:
            rows.append(row)
        row = None
        if rows:
            # The first one-cell rows (title, year) print as paragraphs.
            while rows and len(rows[0]) == 1 and ("自评表" in rows[0][0] or "年度" in rows[0][0]):
                body.append(paragraph(rows.pop(0)[0]))
            if rows:
                body.append(table(rows))
        rows = []

    in_table = False
    for line in lines:
        if line.startswith("\t") and "自评表" in line and len(line) < 30:
            # A title cell starts the next table: the previous one ends here.
            if in_table:
                flush_table()
            body.append(paragraph(line.strip()))
            in_table = True
            continue
        if line.startswith("\t") and not rows and row is None and line.strip().startswith(("（", "(")) \
                and "年度" in line:
            body.append(paragraph(line.strip()))
            in_table = True
            continue
        if line.startswith("\t"):
            in_table = True
            if row is None:
                row = []
            row.append(line[1:].strip())
        elif line.strip() == "":
            if row is not None:
                rows.append(row)
                row = None
        elif in_table and row is not None:
            row[-1] += line.strip()  # a cell printed over several lines
        else:
            if in_table:
                flush_table()
                in_table = False
            body.append(paragraph(line))
    if in_table:
        flush_table()
    write_docx("seed.docx", document("".join(body)))


def merged_docx():
    rows = [
        "<w:tr>%s%s%s</w:tr>" % (cell("项目", 4), cell("本年收入合计"), cell("财政拨款收入")),
        "<w:tr>%s%s%s%s%s%s</w:tr>" % (cell("类"), cell("款"), cell("项"), cell("科目名称"),
                                       cell("", vmerge=None), cell("")),
        "<w:tr>%s%s%s</w:tr>" % (cell("合计", 4), cell("2,946.25"), cell("2,940.05")),
        "<w:tr>%s%s%s%s%s%s</w:tr>" % (cell("201", vmerge="restart"), cell(""), cell(""),
                                       cell("一般公共服务支出"), cell("2,112.86"), cell("2,106.66")),
        "<w:tr>%s%s%s%s%s%s</w:tr>" % (cell("", vmerge="continue"), cell("06"), cell(""),
                                       cell("财政事务"), cell("2,112.86"), cell("—")),
        "<w:tr>%s%s%s%s%s%s</w:tr>" % (cell("", vmerge="continue"), cell("06"), cell("01"),
                                       cell("行政运行"), cell("0.00"), cell("")),
    ]
    body = (paragraph("上海市XX局2024年度部门决算") + paragraph("第二部分 上海市XX局2024年度部门决算表") +
            paragraph("收入决算表") + paragraph("单位：万元") +
            "<w:tbl>%s</w:tbl>" % "".join(rows) +
            paragraph("第三部分 上海市XX局2024年度部门决算情况说明") +
            paragraph("一、收入支出决算总体情况说明") +
            paragraph("上海市XX局2024年度收入支出总计2995.39万元。"))
    write_docx("merged.docx", document(body))


def bomb_docx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                f.write(chunk)
    open(os.path.join(OUT, "bomb.docx"), "wb").write(buf.getvalue())


def deep_docx():
    depth = 100000
    xml = ('<?xml version="1.0"?><w:document %s><w:body>' % W + "<w:p>" * depth +
           "</w:p>" * depth + "</w:body></w:document>")
    write_docx("deep.docx", xml)


def plain_pdf(text):
    """A one-page PDF printing `text` in Helvetica."""
    stream = "BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out, offsets = "%PDF-1.4\n", []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i + 1, body)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += "".join("%010d 00000 n \n" % o for o in offsets)
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out.encode("ascii")


def pdfs(shared):
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(shared, "corpus", "001")
        pdf = [f for f in os.listdir(corpus) if f.endswith(".pdf")][0]
        page = os.path.join(tmp, "p.pdf")
        open(page, "wb").write(plain_pdf("Page 1"))
        subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", page,
                        os.path.join(OUT, "encrypted.pdf")], check=True)
        subprocess.run(["pdftoppm", "-r", "40", "-f", "3", "-l", "3", "-png",
                        os.path.join(corpus, pdf), os.path.join(tmp, "img")], check=True)
        png = [f for f in os.listdir(tmp) if f.startswith("img")][0]
        subprocess.run(["img2pdf", "-o", os.path.join(OUT, "image_only.pdf"),
                        os.path.join(tmp, png)], check=True)


if __name__ == "__main__":
    shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"
    os.makedirs(OUT, exist_ok=True)
    seed_docx(os.path.join(shared, "seed", "000_0d0d50dd571d51d1.txt"))
    merged_docx()
    bomb_docx()
    deep_docx()
    pdfs(shared)
