# -*- coding: utf-8 -*-
"""Renderers for Word, PowerPoint, PDF, HTML, Markdown and plain-text documents."""
import datetime as dt
import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from ooxml import normalize_zip
from pptx import Presentation
from pptx.util import Inches
from pptx.util import Pt as PPt

FIXED = dt.datetime(2025, 11, 10, 0, 0, 0)


# ------------------------------------------------------------------ Word
def _set_east_asian(style, font="游ゴシック"):
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def _docx_blocks(doc, blocks):
    for b in blocks:
        kind = b[0]
        if kind == "title":
            doc.add_paragraph(b[1], style="Title")
        elif kind == "subtitle":
            doc.add_paragraph(b[1], style="Subtitle")
        elif kind in ("h1", "h2", "h3"):
            doc.add_heading(b[1], level=int(kind[1]))
        elif kind == "p":
            doc.add_paragraph(b[1])
        elif kind == "ul":
            for it in b[1]:
                doc.add_paragraph(it, style="List Bullet")
        elif kind == "ol":
            for it in b[1]:
                doc.add_paragraph(it, style="List Number")
        elif kind == "table":
            rows = b[1]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = val
                    if i == 0:
                        for r in cell.paragraphs[0].runs:
                            r.bold = True
            doc.add_paragraph("")
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(kind)


def _new_docx(title, author):
    doc = Document()
    for sname in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"):
        _set_east_asian(doc.styles[sname])
    doc.styles["Normal"].font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin = sec.bottom_margin = Mm(25)
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3
    return doc


def write_docx(path, blocks, title, author):
    doc = _new_docx(title, author)
    _docx_blocks(doc, blocks)
    doc.save(path)
    normalize_zip(path)


def _no_autospace(doc):
    """Turn off the automatic spacing between Japanese and Latin/digits (Word: 日本語と英字/数字の間隔を自動調整する).
    With it on, LibreOffice's PDF makes extractors emit '48 台' for '48台'."""
    for sname in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        ppr = doc.styles[sname].element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            el = ppr.makeelement(qn(tag), {qn("w:val"): "0"})
            ppr.append(el)


def write_docx_pages(path, pages, title, author):
    doc = _new_docx(title, author)
    _no_autospace(doc)
    doc.styles["Normal"].font.size = Pt(12)
    for i, page in enumerate(pages):
        _docx_blocks(doc, page)
        if i < len(pages) - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.save(path)
    normalize_zip(path)


# ------------------------------------------------------------------ LibreOffice conversion made reproducible
def soffice_pdf(docx_path, out_pdf, slug="fz-alpha"):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return False
    tmp = tempfile.mkdtemp(prefix="fzalpha-")
    try:
        subprocess.run([exe, "--headless", "-env:UserInstallation=file:///tmp/lo-%s" % slug, "--convert-to", "pdf",
                        "--outdir", tmp, docx_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=180)
        pdf = os.path.join(tmp, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")
        data = open(pdf, "rb").read()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Same-length patches keep the xref table valid.
    def fix_date(m):
        s = m.group(0)
        inner = m.group(1)
        new = "D:20251110090000" + inner[16:]  # keep length and timezone suffix
        new = new[:len(inner)]
        return s.replace(inner, new)
    data = re.sub(rb"/(?:CreationDate|ModDate)\((D:[^)]*)\)",
                  lambda m: m.group(0).replace(m.group(1), (b"D:20251110090000" + m.group(1)[16:])[:len(m.group(1))]),
                  data)
    body = re.sub(rb"/ID \[ <[0-9A-F]+>\s*<[0-9A-F]+> \]", b"", data)
    body = re.sub(rb"/DocChecksum /[0-9A-F]+", b"", body)
    h = hashlib.md5(body).hexdigest().upper().encode()
    data = re.sub(rb"/ID \[ <([0-9A-F]+)>(\s*)<([0-9A-F]+)> \]",
                  lambda m: b"/ID [ <" + h[:len(m.group(1))] + b">" + m.group(2) + b"<" + h[:len(m.group(3))] + b"> ]", data)
    data = re.sub(rb"/DocChecksum /([0-9A-F]+)", lambda m: b"/DocChecksum /" + h[:len(m.group(1))], data)
    open(out_pdf, "wb").write(data)
    return True


# ------------------------------------------------------------------ PDF with reportlab (brochure)
def write_brochure_pdf(path, pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    for f in ("HeiseiKakuGo-W5", "HeiseiMin-W3"):
        try:
            pdfmetrics.getFont(f)
        except KeyError:
            pdfmetrics.registerFont(UnicodeCIDFont(f))
    G, M = "HeiseiKakuGo-W5", "HeiseiMin-W3"
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("MIHARI 製品パンフレット 2025")
    c.setAuthor("株式会社トキワセンス")
    c.setCreator("Microsoft PowerPoint")  # the brochure was laid out in PowerPoint by the marketing team
    left, right = 56, W - 56

    def fit(text, font, size, width):
        while size > 6 and pdfmetrics.stringWidth(text, font, size) > width:
            size -= 0.5
        return size

    for pno, page in enumerate(pages, 1):
        y = H - 80
        cover = pno == 1
        c.setFillColorRGB(0.05, 0.30, 0.45)
        c.rect(0, H - 28, W, 28, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(G, 9)
        c.drawString(left, H - 19, "MIHARI ｜ IoT予兆保全サービス")
        c.setFillColorRGB(0, 0, 0)
        if cover:
            y = H - 300
        for b in page:
            kind = b[0]
            if kind == "title":
                c.setFont(G, 54)
                c.drawString(left, y, b[1]); y -= 60
            elif kind == "subtitle":
                s = fit(b[1], G, 20, right - left)
                c.setFont(G, s); c.drawString(left, y, b[1]); y -= 40
            elif kind == "h1":
                c.setFillColorRGB(0.05, 0.30, 0.45)
                c.setFont(G, 22); c.drawString(left, y, b[1]); y -= 14
                c.rect(left, y, right - left, 2, fill=1, stroke=0); y -= 34
                c.setFillColorRGB(0, 0, 0)
            elif kind == "p":
                s = fit(b[1], M, 12, right - left)
                c.setFont(M, s); c.drawString(left, y, b[1]); y -= 24
            elif kind in ("ul", "ol"):
                for i, it in enumerate(b[1], 1):
                    mark = "●" if kind == "ul" else "%d." % i
                    s = fit(it, M, 12.5, right - left - 22)
                    c.setFont(G, 11); c.drawString(left, y, mark)
                    c.setFont(M, s); c.drawString(left + 22, y, it); y -= 26
                y -= 8
            elif kind == "table":
                rows = b[1]
                ncol = len(rows[0])
                widths = [max(pdfmetrics.stringWidth(r[j], G, 11) for r in rows) + 20 for j in range(ncol)]
                scale = (right - left) / sum(widths)
                widths = [w * scale for w in widths]
                rh = 26
                for i, r in enumerate(rows):
                    x = left
                    if i == 0:
                        c.setFillColorRGB(0.86, 0.92, 0.96)
                        c.rect(left, y - 8, right - left, rh, fill=1, stroke=0)
                        c.setFillColorRGB(0, 0, 0)
                    for j, val in enumerate(r):
                        font = G if i == 0 or j == 0 else M
                        s = fit(val, font, 11, widths[j] - 10)
                        c.setFont(font, s); c.drawString(x + 6, y, val)
                        x += widths[j]
                    c.setLineWidth(0.4)
                    c.line(left, y - 8, right, y - 8)
                    y -= rh
                y -= 16
        c.setFont(G, 8)
        c.drawString(left, 30, "株式会社トキワセンス")
        c.drawRightString(right, 30, "%d / %d" % (pno, len(pages)))
        c.showPage()
    c.save()


# ------------------------------------------------------------------ PowerPoint
def write_pptx(path, slides, title, author):
    prs = Presentation()
    cp = prs.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 7
    for i, s in enumerate(slides):
        if i == 0:
            sl = prs.slides.add_slide(prs.slide_layouts[0])
            sl.shapes.title.text = s["title"]
            sl.placeholders[1].text = s.get("subtitle", "")
        elif "table" in s:
            sl = prs.slides.add_slide(prs.slide_layouts[5])
            sl.shapes.title.text = s["title"]
            rows = s["table"]
            shape = sl.shapes.add_table(len(rows), len(rows[0]), Inches(0.4), Inches(1.7), Inches(9.2),
                                        Inches(0.5 * len(rows)))
            tbl = shape.table
            for r, row in enumerate(rows):
                for cidx, val in enumerate(row):
                    cell = tbl.cell(r, cidx)
                    cell.text = val
                    for p in cell.text_frame.paragraphs:
                        for run in p.runs:
                            run.font.size = PPt(13 if len(rows[0]) > 3 else 15)
        else:
            sl = prs.slides.add_slide(prs.slide_layouts[1])
            sl.shapes.title.text = s["title"]
            tf = sl.placeholders[1].text_frame
            first = True
            for b in s.get("bullets", []):
                lvl, txt = (b if isinstance(b, tuple) else (0, b))
                p = tf.paragraphs[0] if first else tf.add_paragraph()
                first = False
                p.text = txt
                p.level = lvl
        if s.get("notes"):
            sl.notes_slide.notes_text_frame.text = s["notes"]
    prs.save(path)
    normalize_zip(path)


# ------------------------------------------------------------------ HTML
def _html_blocks(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "h3"):
            out.append("<%s>%s</%s>" % (k, html.escape(b[1]), k))
        elif k == "p":
            out.append("<p>%s</p>" % html.escape(b[1]))
        elif k in ("ul", "ol"):
            out.append("<%s>\n%s\n</%s>" % (k, "\n".join("  <li>%s</li>" % html.escape(x) for x in b[1]), k))
        elif k == "table":
            rows = b[1]
            t = ['<table class="confluenceTable">', "  <thead><tr>%s</tr></thead>" % "".join(
                '<th class="confluenceTh">%s</th>' % html.escape(x) for x in rows[0]), "  <tbody>"]
            for r in rows[1:]:
                t.append("    <tr>%s</tr>" % "".join('<td class="confluenceTd">%s</td>' % html.escape(x) for x in r))
            t.append("  </tbody>\n</table>")
            out.append("\n".join(t))
    return "\n".join(out)


def write_html(path, blocks, page_title, site, breadcrumb, charset, footer):
    body = _html_blocks(blocks)
    doc = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={cs}">
<title>{title} - {site}</title>
<style>
body {{ font-family: "Meiryo", "Hiragino Sans", sans-serif; margin: 0; color: #222; }}
#header {{ background: #0d4d73; color: #fff; padding: 8px 24px; }}
#header a {{ color: #fff; margin-right: 16px; text-decoration: none; }}
#main {{ padding: 16px 32px; max-width: 960px; }}
.breadcrumbs {{ font-size: 12px; color: #666; }}
table.confluenceTable {{ border-collapse: collapse; margin: 8px 0 16px; }}
th.confluenceTh, td.confluenceTd {{ border: 1px solid #bbb; padding: 4px 10px; }}
th.confluenceTh {{ background: #eef3f7; }}
#footer {{ font-size: 11px; color: #888; padding: 16px 32px; border-top: 1px solid #ddd; }}
</style>
</head>
<body>
<div id="header"><a href="../index.html">{site}</a><a href="#">お知らせ</a><a href="#">規程・様式</a><a href="#">ナレッジ</a><a href="#">検索</a></div>
<div id="main">
<div class="breadcrumbs">{bc}</div>
{body}
</div>
<div id="footer">{footer}</div>
</body>
</html>
""".format(cs=charset, title=html.escape(page_title), site=html.escape(site), bc=html.escape(breadcrumb), body=body,
           footer=html.escape(footer))
    enc = "cp932" if charset.lower() in ("shift_jis", "cp932", "windows-31j") else "utf-8"
    with open(path, "wb") as f:
        f.write(doc.replace("\n", "\r\n").encode(enc))


# ------------------------------------------------------------------ Markdown / text
def md_text(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "h1":
            out.append("# " + b[1])
        elif k == "h2":
            out.append("## " + b[1])
        elif k == "p":
            out.append(b[1])
        elif k == "ul":
            out.append("\n".join("- " + x for x in b[1]))
        elif k == "ol":
            out.append("\n".join("%d. %s" % (i, x) for i, x in enumerate(b[1], 1)))
        out.append("")
    return "\n".join(out)


def txt_text(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "title":
            out.append(b[1]); out.append("=" * 30)
        elif k == "h2":
            out.append(""); out.append("■" + b[1])
        elif k == "p":
            out.append(b[1])
        elif k == "ul":
            out.extend("・" + x for x in b[1])
        elif k == "ol":
            out.extend("%d) %s" % (i, x) for i, x in enumerate(b[1], 1))
    return "\n".join(out) + "\n"
