# -*- coding: utf-8 -*-
"""Build the "format zoo / gamma" company folder and its answer keys.

Run from the output folder (bench/data/format_zoo/gamma):
    /tmp/evalgen-fz-gamma/bin/python _generate/generate.py
Needs python-docx, python-pptx, openpyxl, pypdf, pdfplumber, pypdfium2, pillow and LibreOffice (soffice) for the PDFs.
Everything is seeded; zip members and document properties get fixed timestamps, and the PDF
CreationDate / ID / DocChecksum are overwritten with fixed values of the same length, so a re-run on
the same machine rebuilds every file byte-for-byte.
"""
import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
FILES = OUT / "files"
KEYS = OUT / "answer_key"
sys.path.insert(0, str(HERE))

import content_docs as CD  # noqa: E402
import content_facts as CF  # noqa: E402
import content_misc as CM  # noqa: E402
import content_notes as CN  # noqa: E402
import content_slides as CS  # noqa: E402
import crm  # noqa: E402
import docx  # noqa: E402
import openpyxl  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from openpyxl.chart import LineChart, Reference  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Inches  # noqa: E402
from pptx.util import Pt as PPt

ZIP_TIME = (2025, 12, 1, 9, 0, 0)
REGISTRY = []  # files.jsonl rows


def register(rel, type_, expected, content, why, crm_tool=None, sheets=None):
    REGISTRY.append(dict(file=rel, type=type_, expected=expected, content=content, crm_tool=crm_tool,
                         sheets=sheets, why=why))


def fpath(rel):
    p = FILES / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


# ---------------------------------------------------------------------------
# determinism helpers
# ---------------------------------------------------------------------------
def normalize_ooxml(path, created="2025-09-30T10:00:00Z", modified="2025-12-01T09:00:00Z"):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", r"\g<1>" + created + r"\g<2>", s)
                s = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", r"\g<1>" + modified + r"\g<2>", s)
                data = s.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def normalize_pdf(path):
    b = path.read_bytes()
    tag = hashlib.md5(path.name.encode("utf-8")).hexdigest().upper()

    def fix_date(m):
        s = m.group(0)
        fixed = b"(D:20251201090000Z')"
        return s[: s.index(b"(")] + fixed[: len(s) - s.index(b"(")].ljust(len(s) - s.index(b"("), b" ")

    b = re.sub(rb"/(CreationDate|ModDate)\(D:[^)]*\)", fix_date, b)
    b = re.sub(rb"<[0-9A-F]{32}>", lambda m: b"<" + tag.encode() + b">", b)
    b = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + tag.encode(), b)
    path.write_bytes(b)


# ---------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------
def _set_fonts(d, latin, ea, no_autospace=False):
    for sn in ["Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Table Grid"]:
        try:
            st = d.styles[sn]
        except KeyError:
            continue
        rpr = st.element.get_or_add_rPr()
        rf = rpr.get_or_add_rFonts()
        for a in ("w:ascii", "w:hAnsi", "w:cs"):
            rf.set(qn(a), latin)
        rf.set(qn("w:eastAsia"), ea)
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rf.get(qn(a)) is not None:
                del rf.attrib[qn(a)]
    if no_autospace:
        # no extra spacing between Japanese and Latin/digits (keeps the PDF text layer free of inserted spaces)
        ppr = d.styles["Normal"].element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            el = ppr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                ppr.append(el)
            el.set(qn("w:val"), "0")


def _restart_numbering(d):
    numbering = d.part.numbering_part.element
    style = d.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    num = numbering.num_having_numId(num_id)
    new = numbering.add_num(num.abstractNumId.val)
    new.add_lvlOverride(ilvl=0).add_startOverride(1)
    return new.numId


def build_docx(spec, path, *, latin="游ゴシック", ea="游ゴシック", author="桐島 彩", title=None,
               created="2025-09-30T10:00:00Z", modified="2025-12-01T09:00:00Z", for_pdf=False):
    d = docx.Document()
    _set_fonts(d, latin, ea, no_autospace=for_pdf)
    d.styles["Normal"].font.size = Pt(10.5)
    for b in spec:
        kind = b[0]
        if kind == "title":
            d.add_heading(b[1], level=0)
        elif kind in ("h1", "h2", "h3"):
            d.add_heading(b[1], level=int(kind[1]))
        elif kind == "p":
            d.add_paragraph(b[1])
        elif kind == "ul":
            for it in b[1]:
                d.add_paragraph(it, style="List Bullet")
        elif kind == "ol":
            nid = _restart_numbering(d)
            for it in b[1]:
                p = d.add_paragraph(it, style="List Number")
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = nid
        elif kind == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = d.styles["Table Grid"]
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = val
                    if i == 0:
                        for r in cell.paragraphs[0].runs:
                            r.bold = True
            # column widths in proportion to the longest text (LibreOffice honours tcW)
            total = Cm(16)
            lens = [max(len(row[j]) for row in rows) + 2 for j in range(len(rows[0]))]
            t.autofit = False
            grid = t._tbl.tblGrid.gridCol_lst
            for j, ln in enumerate(lens):
                w = int(total * ln / sum(lens))
                grid[j].w = w
                for i in range(len(rows)):
                    t.cell(i, j).width = w
            d.add_paragraph("")
        elif kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(kind)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = title or spec[0][1]
    cp.revision = 3
    cp.created = dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    cp.modified = dt.datetime.strptime(modified, "%Y-%m-%dT%H:%M:%SZ")
    d.save(path)
    normalize_ooxml(path, created, modified)


def docx_sections(path):
    """[(heading, text)] in body order; text before the first heading is under ''."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(path)
    secs = [["", []]]
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            p = Paragraph(el, d)
            sn = p.style.name if p.style is not None else ""
            if sn.startswith("Heading") or sn == "Title":
                secs.append([p.text, []])
            else:
                secs[-1][1].append(p.text)
        elif el.tag == qn("w:tbl"):
            t = Table(el, d)
            for row in t.rows:
                secs[-1][1].append(" | ".join(c.text for c in row.cells))
    return [(h, "\n".join(t)) for h, t in secs]


# ---------------------------------------------------------------------------
# PowerPoint
# ---------------------------------------------------------------------------
def build_pptx(slides, path, author="マーケティング部 桐島"):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for s in slides:
        if "subtitle" in s:
            sl = prs.slides.add_slide(prs.slide_layouts[0])
            sl.shapes.title.text = s["title"]
            sl.placeholders[1].text = s["subtitle"]
            for ph, top, h in ((sl.shapes.title, 2.0, 1.5), (sl.placeholders[1], 3.8, 1.6)):
                ph.left, ph.top, ph.width, ph.height = Inches(0.9), Inches(top), Inches(11.5), Inches(h)
        elif "table" in s:
            sl = prs.slides.add_slide(prs.slide_layouts[5])
            sl.shapes.title.text = s["title"]
            rows = s["table"]
            shape = sl.shapes.add_table(len(rows), len(rows[0]), Inches(0.6), Inches(1.7), Inches(12.1),
                                        Inches(0.55 * len(rows)))
            tbl = shape.table
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = tbl.cell(i, j)
                    cell.text = val
                    for para in cell.text_frame.paragraphs:
                        for run in para.runs:
                            run.font.size = PPt(16)
        else:
            sl = prs.slides.add_slide(prs.slide_layouts[1])
            sl.shapes.title.text = s["title"]
            body = sl.placeholders[1]
            body.left, body.top, body.width, body.height = Inches(0.6), Inches(1.6), Inches(12.1), Inches(5.4)
            tf = body.text_frame
            for k, bullet in enumerate(s.get("bullets", [])):
                para = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
                para.text = bullet
                para.level = 0
        t = sl.shapes.title
        if "subtitle" not in s:
            t.left, t.top, t.width, t.height = Inches(0.6), Inches(0.35), Inches(12.1), Inches(1.1)
        if s.get("notes"):
            sl.notes_slide.notes_text_frame.text = s["notes"]
    cp = prs.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = slides[0]["title"]
    cp.revision = 7
    cp.created = dt.datetime(2025, 6, 2, 9, 0, 0)
    cp.modified = dt.datetime(2025, 11, 20, 9, 0, 0)
    prs.save(path)
    normalize_ooxml(path, "2025-06-02T09:00:00Z", "2025-11-20T09:00:00Z")


def pptx_text(path):
    prs = Presentation(path)
    out = []
    for sl in prs.slides:
        parts = []
        for sh in sl.shapes:
            if sh.has_text_frame:
                parts.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    parts.append(" | ".join(c.text for c in row.cells))
        notes = sl.notes_slide.notes_text_frame.text if sl.has_notes_slide else ""
        out.append(("\n".join(parts), notes))
    return out


# ---------------------------------------------------------------------------
# PDF (via LibreOffice)
# ---------------------------------------------------------------------------
def build_pdfs(jobs):
    """jobs: [(spec, rel_pdf, title)] -> docx in a temp dir -> soffice -> normalized PDF under files/."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is required to build the PDFs")
    with tempfile.TemporaryDirectory(prefix="fzg-pdf-") as td:
        td = Path(td)
        srcs = []
        for i, (spec, rel, title) in enumerate(jobs):
            src = td / f"src{i}.docx"
            build_docx(spec, src, latin="Noto Sans CJK JP", ea="Noto Sans CJK JP", title=title, for_pdf=True)
            srcs.append(src)
        cmd = [soffice, "--headless", "-env:UserInstallation=file:///tmp/lo-fz-gamma", "--convert-to", "pdf",
               "--outdir", str(td / "out")] + [str(s) for s in srcs]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for i, (spec, rel, title) in enumerate(jobs):
            dst = fpath(rel)
            shutil.copyfile(td / "out" / f"src{i}.pdf", dst)
            normalize_pdf(dst)


def pdf_pages(path):
    import pdfplumber
    import pypdf
    import pypdfium2
    a = [p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages]
    with pdfplumber.open(str(path)) as pdf:
        b = [p.extract_text() or "" for p in pdf.pages]
    doc = pypdfium2.PdfDocument(str(path))
    c = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    doc.close()
    return a, b, c


# ---------------------------------------------------------------------------
# HTML / Markdown / text section readers (for fact checks)
# ---------------------------------------------------------------------------
class _HSec(HTMLParser):
    def __init__(self):
        super().__init__()
        self.secs = [["", []]]
        self.inh = None
        self.skip = 0
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self.skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.inh = tag
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skip -= 1
        if tag == self.inh:
            self.secs.append(["".join(self.buf).strip(), []])
            self.inh = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.inh:
            self.buf.append(data)
        else:
            self.secs[-1][1].append(data)


def html_sections(text):
    p = _HSec()
    p.feed(text)
    return [(h, "\n".join(t)) for h, t in p.secs]


def md_sections(text):
    secs = [["", []]]
    for line in text.splitlines():
        m = re.match(r"^#{1,6}\s+(.*)$", line)
        if m:
            secs.append([m.group(1).strip(), []])
        else:
            secs[-1][1].append(line)
    return [(h, "\n".join(t)) for h, t in secs]


def txt_sections(text):
    secs = [["", []]]
    for line in text.splitlines():
        if line.startswith("■"):
            secs.append([line.strip(), []])
        else:
            secs[-1][1].append(line)
    return [(h, "\n".join(t)) for h, t in secs]


# ---------------------------------------------------------------------------
# small xlsx helpers
# ---------------------------------------------------------------------------
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def fix_wb_props(wb, creator="桐島 彩"):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = dt.datetime(2025, 4, 1, 9, 0, 0)
    wb.properties.modified = dt.datetime(2025, 12, 1, 9, 0, 0)


def ym(d):
    return f"{d.year:04d}-{d.month:02d}"


# ---------------------------------------------------------------------------
# KPI data (source of truth for the KPI workbook, the parent's CSV and kpi_cells.jsonl)
# ---------------------------------------------------------------------------
ACTUAL_LAST = (2025, 11)


def kpi_truth(seed=5505):
    rng = random.Random(seed)
    months = crm.months_between((2024, 4), (2026, 3))
    season = {4: 0.9, 5: 1.05, 6: 1.0, 7: 0.95, 8: 0.8, 9: 1.05, 10: 1.3, 11: 1.1, 12: 0.9, 1: 0.85, 2: 1.15, 3: 1.0}
    expo_cards = {(2024, 5): 198, (2024, 10): 265, (2025, 2): 143, (2025, 5): 241, (2025, 10): 312}
    rows = {}
    for (y, m) in months:
        fy25 = (y, m) >= (2025, 4)
        base = 240 if fy25 else 205
        t = {}
        t["leads_target"] = (250 if m in (4, 5, 6, 7, 8, 9) else 280) if fy25 else (210 if m in (4, 5, 6, 7, 8, 9) else 230)
        t["mql_target"] = round(t["leads_target"] * (0.27 if fy25 else 0.25))
        t["sql_target"] = round(t["mql_target"] * 0.38)
        t["opportunities_target"] = round(t["sql_target"] * 0.72)
        t["won_target"] = max(3, round(t["opportunities_target"] * 0.3))
        t["revenue_target"] = t["won_target"] * (3_200_000 if fy25 else 3_000_000)
        if (y, m) <= ACTUAL_LAST:
            a = {}
            a["leads"] = round(base * season[m] * rng.uniform(0.9, 1.1))
            a["mql"] = round(a["leads"] * rng.uniform(0.22, 0.31))
            a["sql"] = round(a["mql"] * rng.uniform(0.30, 0.43))
            a["opportunities"] = round(a["sql"] * rng.uniform(0.64, 0.82))
            a["won"] = max(1, round(a["opportunities"] * rng.uniform(0.18, 0.36)))
            unit = 1000 if fy25 else 10000
            a["revenue"] = round(a["won"] * rng.uniform(2_100_000, 4_300_000) / unit) * unit
            spend_k = rng.randint(3000, 4600) + (3800 if (y, m) in expo_cards else 0)
            a["spend"] = spend_k * 1000
            a["webinar"] = None if m == 8 else rng.randint(60, 210)
            a["expo"] = expo_cards.get((y, m))
            t.update(a)
        if (y, m) == (2025, 9):
            t["won"] = 4  # minutes of 2025-10-08: four deals won in September,
            t["mql"] = 74  # MQL above target while the SQL rate fell
        rows[(y, m)] = t
    return months, rows


def build_kpi_workbook(months, T, cells):
    rel = "05_KPI/2025年度_マーケティングKPI実績.xlsx"
    wb = openpyxl.Workbook()
    fix_wb_props(wb)
    # ---- sheet 1: FY2025, merged two-row header, months as real dates, money in 千円
    ws = wb.active
    ws.title = "月次KPI（2025年度）"
    ws["A1"] = "2025年度 マーケティングKPI実績（国内MDR事業）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "単位：件（金額は千円・税抜）／実績は毎月第3営業日に更新／最終更新 2025年12月3日"
    groups = [("リード獲得数", "leads"), ("MQL", "mql"), ("SQL", "sql"), ("商談化数", "opportunities"),
              ("受注件数", "won"), ("受注金額（千円）", "revenue")]
    singles = [("広告費(千円)", "spend"), ("ウェビナー申込数", "webinar"), ("展示会名刺獲得数", "expo"), ("備考", None)]
    ws.cell(4, 1, "月")
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)
    col = 2
    colmap = []  # (col, key, header, metric)
    for g, key in groups:
        ws.cell(4, col, g)
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 1)
        ws.cell(5, col, "実績")
        ws.cell(5, col + 1, "目標")
        colmap.append((col, key, g, key))
        colmap.append((col + 1, key + "_target", g, key + "_target"))
        col += 2
    for h, key in singles:
        ws.cell(4, col, h)
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
        if key:
            metric = key if key == "spend" else f"unmapped:{h}"
            colmap.append((col, key, h, metric))
        note_col = col
        col += 1
    for r in (4, 5):
        for c in range(1, col):
            cell = ws.cell(r, c)
            cell.font = Font(bold=True)
            cell.fill = HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BOX
    notes = {(2025, 5): "春の展示会に出展", (2025, 7): "Account Engagementのスコア調整", (2025, 10): "秋の展示会に出展（費用380万円を含む）",
             (2025, 12): "MQL基準を120点に変更"}
    fy25 = [m for m in months if m >= (2025, 4)]
    r = 6
    for (y, m) in fy25:
        row = T[(y, m)]
        c = ws.cell(r, 1, dt.datetime(y, m, 1))
        c.number_format = 'yyyy"年"m"月"'
        for colno, key, h, metric in colmap:
            v = row.get(key)
            if v is None:
                continue
            shown = v // 1000 if key in ("revenue", "revenue_target", "spend") else v
            cell = ws.cell(r, colno, shown)
            cell.number_format = "#,##0"
            cells.append(dict(file=rel, sheet=ws.title, month=f"{y:04d}-{m:02d}", metric=metric, value=v))
        if (y, m) in notes:
            ws.cell(r, note_col, notes[(y, m)])
        for cno in range(1, col):
            ws.cell(r, cno).border = BOX
        r += 1
    ws.cell(r, 1, "合計").font = Font(bold=True)
    for colno, key, h, metric in colmap:
        vals = [T[mm].get(key) for mm in fy25 if T[mm].get(key) is not None]
        tot = sum(vals)
        if key in ("revenue", "revenue_target", "spend"):
            tot //= 1000
        cell = ws.cell(r, colno, tot)
        cell.number_format = "#,##0"
    for cno in range(1, col):
        ws.cell(r, cno).fill = TOTAL_FILL
        ws.cell(r, cno).border = BOX
        ws.cell(r, cno).font = Font(bold=True)
    ws.cell(r + 2, 1, "※2025年12月以降は目標のみ。合計の実績は4〜11月の8か月分。")
    ws.column_dimensions["A"].width = 11
    for cno in range(2, col):
        ws.column_dimensions[get_column_letter(cno)].width = 10
    ws.column_dimensions[get_column_letter(note_col)].width = 34
    ws.freeze_panes = "B6"
    fy25_rows = (6, r - 1)

    # ---- sheet 2: FY2024, single header row, months as text, mixed units
    ws2 = wb.create_sheet("FY2024実績")
    ws2["A1"] = "2024年度（2024年4月〜2025年3月）マーケティングKPI実績"
    ws2["A1"].font = Font(bold=True, size=13)
    ws2["A2"] = "※金額の単位は列見出しを参照（売上は万円、広告費は千円）。MQLはKairos3基準（スコア60点以上）。"
    hdr = [("年月", None, None), ("リード数", "leads", 1), ("リード数（目標）", "leads_target", 1),
           ("MQL数", "mql", 1), ("目標_MQL", "mql_target", 1), ("SQL数", "sql", 1), ("SQL 目標", "sql_target", 1),
           ("商談数", "opportunities", 1), ("受注数", "won", 1), ("受注数目標", "won_target", 1),
           ("売上高[万円]", "revenue", 10000), ("売上 目標[万円]", "revenue_target", 10000),
           ("広告費(千円)", "spend", 1000), ("展示会来場者数", "expo", 1)]
    for j, (h, _, _) in enumerate(hdr, start=1):
        c = ws2.cell(3, j, h)
        c.font = Font(bold=True)
        c.fill = HEAD_FILL
        c.border = BOX
        c.alignment = Alignment(horizontal="center", wrap_text=True)
    fy24 = [m for m in months if m < (2025, 4)]
    r = 4
    for (y, m) in fy24:
        row = T[(y, m)]
        ws2.cell(r, 1, f"{y}年{m}月").border = BOX
        for j, (h, key, div) in enumerate(hdr[1:], start=2):
            v = row.get(key)
            if key == "expo" and v is None:
                ws2.cell(r, j, "-").alignment = Alignment(horizontal="right")
                ws2.cell(r, j).border = BOX
                continue
            cell = ws2.cell(r, j, v // div)
            cell.number_format = "#,##0"
            cell.border = BOX
            metric = "unmapped:展示会来場者数" if key == "expo" else key
            cells.append(dict(file=rel, sheet=ws2.title, month=f"{y:04d}-{m:02d}", metric=metric, value=v))
        r += 1
    ws2.cell(r, 1, "合計").font = Font(bold=True)
    ws2.cell(r + 1, 1, "平均").font = Font(bold=True)
    for j, (h, key, div) in enumerate(hdr[1:], start=2):
        vals = [T[mm][key] // div for mm in fy24 if T[mm].get(key) is not None]
        ws2.cell(r, j, sum(vals)).number_format = "#,##0"
        ws2.cell(r + 1, j, round(sum(vals) / len(vals), 1)).number_format = "#,##0.0"  # like AVERAGE(): text "-" ignored
        for rr in (r, r + 1):
            ws2.cell(rr, j).fill = TOTAL_FILL
            ws2.cell(rr, j).border = BOX
    ws2.column_dimensions["A"].width = 11
    for j in range(2, len(hdr) + 1):
        ws2.column_dimensions[get_column_letter(j)].width = 11

    # ---- sheet 3: definitions (reference)
    ws3 = wb.create_sheet("前提・定義")
    defs = [
        ("項目", "定義・集計ルール"),
        ("リード獲得数", "MAに新規登録された件数（登録日ベース）。名刺の取り込みを含む。"),
        ("MQL", "2025年4月以降はAccount Engagementのスコア100点以上かつグレードB以上。2024年度はKairos3のスコア60点以上。MQL Dateの月で集計。"),
        ("SQL", "ISがBANTのうち3項目以上を確認し、初回商談のアポを獲得した件数（SQL Dateの月）。"),
        ("商談化数", "Salesforceで商談が作成された件数（作成日ベース）。"),
        ("受注件数", "フェーズがClosed Wonになった件数（完了日ベース）。"),
        ("受注金額", "初年度の年間契約金額（税抜）で計上する。初期費用は含めない。"),
        ("広告費", "検索広告・SNS広告・展示会出展費の合計（税抜）。制作費は含めない。"),
        ("ウェビナー申込数", "自社開催ウェビナーの申込件数。共催ウェビナーは含めない。"),
        ("展示会名刺獲得数／展示会来場者数", "ブースで名刺を交換した件数。2024年度は「来場者数」という名前で集計していた。"),
        ("目標", "期初の事業計画の月次値。期中の修正はしない。"),
    ]
    for i, (a, b) in enumerate(defs, start=1):
        ws3.cell(i, 1, a)
        ws3.cell(i, 2, b).alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            ws3.cell(i, 1).font = Font(bold=True)
            ws3.cell(i, 2).font = Font(bold=True)
    ws3.column_dimensions["A"].width = 30
    ws3.column_dimensions["B"].width = 90

    # ---- sheet 4: change log (reference)
    ws4 = wb.create_sheet("更新履歴")
    log = [("更新日", "更新者", "内容"),
           (dt.date(2025, 4, 3), "三好", "2025年度シートを作成。目標値を事業計画から転記"),
           (dt.date(2025, 5, 7), "三好", "4月実績を入力"),
           (dt.date(2025, 8, 5), "桐島", "ウェビナー申込数の列を追加"),
           (dt.date(2025, 10, 6), "三好", "9月実績を入力。受注件数をSalesforceと突合"),
           (dt.date(2025, 12, 3), "三好", "11月実績を入力")]
    for i, row in enumerate(log, start=1):
        for j, v in enumerate(row, start=1):
            c = ws4.cell(i, j, v)
            if isinstance(v, dt.date):
                c.number_format = "yyyy/mm/dd"
            if i == 1:
                c.font = Font(bold=True)
    ws4.column_dimensions["A"].width = 12
    ws4.column_dimensions["C"].width = 60

    # ---- sheet 5: chart only
    ws5 = wb.create_sheet("グラフ")
    ch = LineChart()
    ch.title = "MQL 実績と目標（2025年度）"
    ch.y_axis.title = "件"
    data = Reference(ws, min_col=4, max_col=5, min_row=5, max_row=fy25_rows[1])
    ch.add_data(data, titles_from_data=True)
    ch.set_categories(Reference(ws, min_col=1, min_row=6, max_row=fy25_rows[1]))
    ch.width, ch.height = 22, 11
    ws5.add_chart(ch, "B2")
    p = fpath(rel)
    wb.save(p)
    normalize_ooxml(p, "2025-04-01T09:00:00Z", "2025-12-03T09:00:00Z")
    register(rel, "xlsx", "ingest", "kpi",
             "Monthly KPI workbook: FY2025 sheet (merged 実績/目標 header, Excel dates, 千円), FY2024 sheet (text months, 万円/千円), 2 reference sheets, 1 chart-only sheet",
             sheets=[dict(sheet="月次KPI（2025年度）", content="kpi"), dict(sheet="FY2024実績", content="kpi"),
                     dict(sheet="前提・定義", content="reference"), dict(sheet="更新履歴", content="reference"),
                     dict(sheet="グラフ", content="empty")])
    return rel


def build_parent_kpi_csv(months, T, cells):
    rel = "05_KPI/Japan_Monthly_Funnel_CY2025.csv"
    cols = [("Month", None), ("Leads", "leads"), ("MQL", "mql"), ("Plan MQL", "mql_target"), ("SQL", "sql"),
            ("Opportunities", "opportunities"), ("Closed Won", "won"), ("Plan Closed Won", "won_target"),
            ("Bookings (JPY)", "revenue"), ("Marketing Spend (JPY)", "spend"), ("Webinar Registrations", "webinar")]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["Northgate APAC Global BI - Japan monthly funnel, calendar year 2025 (data as of 2025-12-01)"])
    w.writerow([c for c, _ in cols])
    ms = [m for m in months if (2025, 1) <= m <= ACTUAL_LAST]
    for (y, m) in ms:
        row = [f"{y:04d}-{m:02d}"]
        for h, key in cols[1:]:
            v = T[(y, m)].get(key)
            row.append("" if v is None else str(v))
            if v is not None:
                metric = {"webinar": "unmapped:Webinar Registrations"}.get(key, key)
                cells.append(dict(file=rel, sheet=None, month=f"{y:04d}-{m:02d}", metric=metric, value=v))
        w.writerow(row)
    tot = ["Total"]
    for h, key in cols[1:]:
        tot.append(str(sum(T[mm][key] for mm in ms if T[mm].get(key) is not None)))
    w.writerow(tot)
    fpath(rel).write_bytes(buf.getvalue().encode("utf-8-sig"))
    register(rel, "csv", "ingest", "kpi",
             "Parent company's BI export of the monthly funnel (UTF-8 with BOM, title row above the header, Total row, English 'Plan …' columns, yen)")
    return rel


def workday(rng, start, span):
    while True:
        d = start + dt.timedelta(days=rng.randint(0, span))
        if d.weekday() < 5:
            return d


# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------
def build_feedback(notes_out):
    rng = random.Random(6606)
    rel = "06_営業フィードバック/営業フィードバック一覧_2025上期.xlsx"
    cos = crm.co_pool(rng, 70)
    wb = openpyxl.Workbook()
    fix_wb_props(wb, "長谷部 亮")
    ws = wb.active
    ws.title = "FB一覧"
    ws["A1"] = "営業→マーケ フィードバック一覧（2025年4月〜9月）"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "※商談後3営業日以内に記入。マーケティング部が毎週火曜のリード品質レビューで確認します。"
    hdr = ["No.", "記入日", "記入者", "顧客名", "業種", "従業員数", "商談フェーズ", "顧客の声・気づき", "対応状況"]
    for j, h in enumerate(hdr, start=1):
        c = ws.cell(3, j, h)
        c.font = Font(bold=True)
        c.fill = HEAD_FILL
        c.border = BOX
    combos = set()
    texts = []
    while len(texts) < 84:
        o, fups = rng.choice(CN.FB_OBSERVATIONS)
        f = rng.choice(fups) if fups else ""
        if f is None or fups is None:
            f = rng.choice(CN.FB_GENERIC)
        if f == []:
            f = ""
        if rng.random() < 0.2:
            f = ""
        if (o, f) in combos or any(t.startswith(o) for t in texts[-6:]):
            continue
        combos.add((o, f))
        texts.append(o + f)
    days = sorted(workday(rng, dt.date(2025, 4, 1), 182) for _ in texts)
    for i, (d, t) in enumerate(zip(days, texts), start=1):
        c = rng.choice(cos)
        row = [i, d, rng.choice(CN.FB_STAFF), c["name"], c["industry"], f"{rng.choice(range(110, 990, 10))}名",
               rng.choice(CN.FB_PHASES), t, rng.choice(CN.FB_STATUS)]
        for j, v in enumerate(row, start=1):
            cell = ws.cell(3 + i, j, v)
            cell.border = BOX
            if j == 2:
                cell.number_format = "yyyy/mm/dd"
            if j == 8:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        notes_out.append(dict(file=rel, sheet="FB一覧", row=i, text=t))
    widths = [5, 11, 9, 24, 12, 9, 11, 70, 9]
    for j, wd in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = wd
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:I{3 + len(texts)}"

    ws2 = wb.create_sheet("失注ヒアリング")
    hdr2 = ["ヒアリング日", "営業担当", "会社名", "検討台数", "失注先", "失注理由（ヒアリング内容）"]
    for j, h in enumerate(hdr2, start=1):
        c = ws2.cell(1, j, h)
        c.font = Font(bold=True)
        c.fill = HEAD_FILL
    ldays = sorted(workday(rng, dt.date(2025, 4, 7), 175) for _ in CN.LOST_REASONS)
    for i, ((winner, reason), d) in enumerate(zip(CN.LOST_REASONS, ldays), start=1):
        c = rng.choice(cos)
        row = [d, rng.choice(CN.FB_STAFF), c["name"], rng.choice([60, 100, 150, 200, 300, 450, 800]), winner, reason]
        for j, v in enumerate(row, start=1):
            cell = ws2.cell(1 + i, j, v)
            if j == 1:
                cell.number_format = "yyyy/mm/dd"
        notes_out.append(dict(file=rel, sheet="失注ヒアリング", row=i, text=reason))
    for j, wd in enumerate([12, 9, 24, 9, 16, 80], start=1):
        ws2.column_dimensions[get_column_letter(j)].width = wd

    ws3 = wb.create_sheet("記入ルール")
    rules = ["記入ルール",
             "1. 顧客の発言はできるだけそのまま書く（要約しすぎない）",
             "2. マーケへの依頼は「顧客の声・気づき」の後ろに続けて書く",
             "3. 失注した商談は「失注ヒアリング」シートにも1行追加する",
             "4. 個人の携帯番号やメールアドレスは書かない"]
    for i, t in enumerate(rules, start=1):
        ws3.cell(i, 1, t)
    ws3.column_dimensions["A"].width = 70
    p = fpath(rel)
    wb.save(p)
    normalize_ooxml(p, "2025-04-01T09:00:00Z", "2025-10-01T09:00:00Z")
    register(rel, "xlsx", "ingest", "feedback",
             f"Sales feedback list ({len(texts)} notes under a title row) plus a lost-deal interview list ({len(CN.LOST_REASONS)} notes) and a rules sheet",
             sheets=[dict(sheet="FB一覧", content="feedback"), dict(sheet="失注ヒアリング", content="feedback"),
                     dict(sheet="記入ルール", content="reference")])


def build_is_tsv(notes_out):
    rng = random.Random(7707)
    rel = "06_営業フィードバック/IS架電メモ_2025年10月.tsv"
    cos = crm.co_pool(rng, 50)
    rows = []
    combos = set()
    results = []
    while len(rows) < 42:
        a, res = rng.choice(CN.IS_MEMOS_A)
        b = rng.choice(CN.IS_MEMOS_B)
        if res in ("不在", "対象外") and b in ("BANTは予算と時期を確認済み。", "決裁者は常務とのこと。", "FSの佐久間さんに引き継ぎ。"):
            continue
        if (a, b) in combos:
            continue
        combos.add((a, b))
        rows.append(a + b)
        results.append(res)
    days = sorted(workday(rng, dt.date(2025, 10, 1), 30) for _ in rows)
    lines = ["\t".join(["架電日", "IS担当", "会社名", "部署・役職", "架電結果", "メモ"])]
    for i, (d, memo, res) in enumerate(zip(days, rows, results), start=1):
        c = rng.choice(cos)
        dept, title, _ = rng.choice(crm.TITLES)
        lines.append("\t".join([f"{d.year}/{d.month}/{d.day}", rng.choice(CN.IS_STAFF), c["name"], f"{dept} {title}", res, memo]))
        notes_out.append(dict(file=rel, sheet=None, row=i, text=memo))
    data = "\r\n".join(lines) + "\r\n"
    fpath(rel).write_bytes(b"\xff\xfe" + data.encode("utf-16-le"))
    register(rel, "tsv", "ingest", "feedback",
             f"Inside-sales call memos ({len(rows)} notes) saved from Excel as 'Unicode text' (UTF-16LE with BOM, tab-separated, CRLF)")


# ---------------------------------------------------------------------------
# CRM / MA exports
# ---------------------------------------------------------------------------
def months_zero_fill(events, metrics):
    """events: {metric: [(date, value)]} -> {(ym, metric): value} over the file's month range, zeros included."""
    allm = [ym(d) for ms in events.values() for d, _ in ms]
    if not allm:
        return {}
    lo, hi = min(allm), max(allm)
    rng_m = crm.months_between((int(lo[:4]), int(lo[5:])), (int(hi[:4]), int(hi[5:])))
    out = {}
    for (y, m) in rng_m:
        k = f"{y:04d}-{m:02d}"
        for met in metrics:
            out[(k, met)] = 0
    for met, lst in events.items():
        for d, v in lst:
            out[(ym(d), met)] += v
    return out


def emit_crm_months(rel, tool, table, sink):
    for (month, metric), v in sorted(table.items(), key=lambda kv: (kv[0][0], ["leads", "mql", "sql", "opportunities", "won", "revenue"].index(kv[0][1]))):
        sink.append(dict(file=rel, tool=tool, month=month, metric=metric, value=v))


def build_pardot(sink):
    recs = crm.pardot_records()
    rel = "07_MA_SFA_エクスポート/prospect_export_20251201.csv"
    hdr = ["Prospect Id", "Salutation", "First Name", "Last Name", "Email", "Company", "Job Title", "Department",
           "Phone", "State", "Country", "Industry", "Employees", "Source", "Campaign", "Score", "Grade",
           "Assigned User", "Created Date", "Updated Date", "Last Activity", "Opted Out", "Lifecycle Status",
           "MQL Date", "SQL Date"]
    f = "%Y-%m-%d %H:%M:%S"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(hdr)
    for r in recs:
        w.writerow([r["id"], "", r["first"], r["last"], r["email"], r["company"], r["title"], r["dept"], r["phone"],
                    r["pref"], "Japan", r["industry"], r["band"], r["source"], r["campaign"], r["score"], r["grade"],
                    r["assigned"], r["created"].strftime(f), r["updated"].strftime(f), r["last_activity"].strftime(f),
                    r["opted_out"], r["status"], r["mql"].isoformat() if r["mql"] else "",
                    r["sql"].isoformat() if r["sql"] else ""])
    fpath(rel).write_bytes(buf.getvalue().encode("utf-8"))
    ev = {"leads": [(r["created"], 1) for r in recs], "mql": [(r["mql"], 1) for r in recs if r["mql"]],
          "sql": [(r["sql"], 1) for r in recs if r["sql"]]}
    emit_crm_months(rel, "pardot", months_zero_fill(ev, ["leads", "mql", "sql"]), sink)
    register(rel, "csv", "ingest", "crm",
             f"Account Engagement (Pardot) prospects export, {len(recs)} prospects, English labels, UTF-8 (no BOM), custom fields 'MQL Date'/'SQL Date'",
             crm_tool="pardot")
    return recs


def build_kairos(sink):
    recs = crm.kairos_records()
    rel = "07_MA_SFA_エクスポート/Kairos3_リード一括ダウンロード_20250401.csv"
    hdr = ["リードID", "会社名", "部署名", "役職", "姓", "名", "メールアドレス", "電話番号", "都道府県", "業種",
           "従業員数", "リード獲得経路", "スコア", "リードステータス", "担当者", "リードタグ", "登録日時", "最終更新日時",
           "最終アクセス日時", "メール配信", "MQL認定日", "SQL認定日", "商談化日"]

    def dtf(x):
        return x.strftime("%Y/%m/%d %H:%M")

    def df(x):
        return f"{x.year}/{x.month}/{x.day}" if x else ""

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    w.writerow(hdr)
    for r in recs:
        w.writerow([r["id"], r["company"], r["dept"], r["title"], r["last"], r["first"], r["email"], r["phone"], r["pref"],
                    r["industry"], r["emp"], r["route"], r["score"], r["status"], r["owner"], r["tag"], dtf(r["created"]),
                    dtf(r["updated"]), dtf(r["last_access"]), r["unsub"] or "配信中", df(r["mql"]), df(r["sql"]), df(r["opp"])])
    fpath(rel).write_bytes(buf.getvalue().encode("cp932"))
    ev = {"leads": [(r["created"], 1) for r in recs], "mql": [(r["mql"], 1) for r in recs if r["mql"]],
          "sql": [(r["sql"], 1) for r in recs if r["sql"]], "opportunities": [(r["opp"], 1) for r in recs if r["opp"]]}
    emit_crm_months(rel, "kairos3", months_zero_fill(ev, ["leads", "mql", "sql", "opportunities"]), sink)
    register(rel, "csv", "ingest", "crm",
             f"Kairos3 lead download, {len(recs)} leads, Japanese labels, cp932 (contains ㈱, 髙, 﨑, ①), all fields quoted, CRLF; 自由定義項目 MQL認定日/SQL認定日/商談化日",
             crm_tool="kairos3")
    return recs


def build_hubspot(sink):
    recs = crm.hubspot_records()
    rel = "07_MA_SFA_エクスポート/hubspot-crm-exports-apac-webinar-japan-2025-11-28.xlsx"
    hdr = ["Record ID", "First Name", "Last Name", "Email", "Company Name", "Job Title", "Phone Number",
           "Lifecycle Stage", "Lead Status", "Original Source", "Original Source Drill-Down 1", "Contact owner",
           "Create Date", "Became a Lead Date", "Became a Marketing Qualified Lead Date",
           "Became a Sales Qualified Lead Date", "Became an Opportunity Date", "Became a Customer Date",
           "Last Activity Date"]
    wb = openpyxl.Workbook()
    fix_wb_props(wb, "HubSpot")
    ws = wb.active
    ws.title = "All contacts"
    ws.append(hdr)
    f = "%Y-%m-%d %H:%M"

    def s(x):
        return x.strftime(f) if x else None

    for r in recs:
        ws.append([r["id"], r["first"], r["last"], r["email"], r["company"], r["jobtitle"], r["phone"], r["stage"],
                   r["lead_status"] or None, r["source"], r["drill"] or None, r["owner"], s(r["created"]), s(r["created"]),
                   s(r["mql"]), s(r["sql"]), s(r["opp"]), s(r["cust"]), s(r["last_activity"])])
    p = fpath(rel)
    wb.save(p)
    normalize_ooxml(p, "2025-11-28T08:40:00Z", "2025-11-28T08:40:00Z")
    ev = {"leads": [(r["created"], 1) for r in recs], "mql": [(r["mql"], 1) for r in recs if r["mql"]],
          "sql": [(r["sql"], 1) for r in recs if r["sql"]], "opportunities": [(r["opp"], 1) for r in recs if r["opp"]],
          "won": [(r["cust"], 1) for r in recs if r["cust"]]}
    emit_crm_months(rel, "hubspot", months_zero_fill(ev, ["leads", "mql", "sql", "opportunities", "won"]), sink)
    register(rel, "xlsx", "ingest", "crm",
             f"HubSpot contacts export (parent's APAC webinar portal), {len(recs)} contacts, English labels, lifecycle 'Became a … Date' columns as text",
             crm_tool="hubspot", sheets=[dict(sheet="All contacts", content="crm")])
    return recs


def build_salesforce(sink):
    recs = crm.salesforce_records()
    rel = "07_MA_SFA_エクスポート/JP Opportunities FY2025 2025-12-01-09-12-05.xlsx"
    hdr = ["Opportunity Owner", "Account Name", "Opportunity Name", "Type", "Lead Source", "Stage", "Amount",
           "Probability (%)", "Close Date", "Created Date", "Age", "Next Step", "Won", "Closed", "Opportunity ID"]
    wb = openpyxl.Workbook()
    fix_wb_props(wb, "Salesforce")
    ws = wb.active
    ws.title = "JP Opportunities FY2025"
    ws.append(hdr)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in recs:
        ws.append([r["owner"], r["account"], r["name"], r["type"], r["source"], r["stage"], r["amount"], r["prob"],
                   r["close"], r["created"], r["age"], r["next_step"] or None, r["won"], r["closed"], r["id"]])
        row = ws.max_row
        ws.cell(row, 7).number_format = '"JPY "#,##0'
        ws.cell(row, 9).number_format = "m/d/yyyy"
        ws.cell(row, 10).number_format = "m/d/yyyy"
    ws.append([])
    for line in ["JP Opportunities FY2025",
                 "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.",
                 "Confidential Information - Do Not Distribute",
                 "Generated By:  Aya Kirishima  12/1/2025 9:12 AM",
                 "Northgate Cyber Defense K.K."]:
        ws.append([line])
    p = fpath(rel)
    wb.save(p)
    normalize_ooxml(p, "2025-12-01T00:12:05Z", "2025-12-01T00:12:05Z")
    ev = {"opportunities": [(r["created"], 1) for r in recs],
          "won": [(r["close"], 1) for r in recs if r["won"]],
          "revenue": [(r["close"], r["amount"] or 0) for r in recs if r["won"]]}
    emit_crm_months(rel, "salesforce", months_zero_fill(ev, ["opportunities", "won", "revenue"]), sink)
    register(rel, "xlsx", "ingest", "crm",
             f"Salesforce Opportunities report 'Details Only' XLSX, {len(recs)} opportunities, English labels, en_US dates (real Excel dates), Won/Closed booleans, footer lines after a blank row",
             crm_tool="salesforce", sheets=[dict(sheet="JP Opportunities FY2025", content="crm")])
    return recs


# ---------------------------------------------------------------------------
# images and broken files
# ---------------------------------------------------------------------------
def logo_png():
    im = Image.new("RGB", (480, 140), (255, 255, 255))
    dr = ImageDraw.Draw(im)
    dr.rectangle([20, 20, 120, 120], fill=(11, 37, 69))
    dr.rectangle([45, 50, 95, 120], fill=(255, 255, 255))
    dr.polygon([(20, 20), (70, 0), (120, 20)], fill=(30, 110, 200))
    for i in range(6):
        dr.rectangle([150 + i * 52, 55, 190 + i * 52, 85], fill=(11, 37, 69) if i % 2 == 0 else (30, 110, 200))
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def photo_png(seed):
    rng = random.Random(seed)
    im = Image.new("RGB", (320, 200), (200, 210, 220))
    dr = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rng.randint(0, 300), rng.randint(0, 180)
        dr.rectangle([x, y, x + rng.randint(10, 60), y + rng.randint(10, 40)],
                     fill=(rng.randint(60, 230), rng.randint(60, 230), rng.randint(60, 230)))
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def build_misc_files():
    rel = "04_ブランド・会社/northgate_logo.png"
    fpath(rel).write_bytes(logo_png())
    register(rel, "png", "skip", "image", "Company logo image; no text to ingest")
    rel = "02_製品・競合/導入事例集_丸高精工様_最終版.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in (1, 2, 3):
            zi = zipfile.ZipInfo(f"写真/IMG_00{i + 40}.png", date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, photo_png(900 + i))
    fpath(rel).write_bytes(buf.getvalue())
    register(rel, "docx", "reject", "broken",
             "Named .docx but is a zip of three PNG photos (no [Content_Types].xml / word/document.xml): must be rejected by name")


# ---------------------------------------------------------------------------
# fact verification
# ---------------------------------------------------------------------------
def located_text(rel, location):
    p = FILES / rel
    ext = p.suffix.lower()
    if ext == ".docx":
        name = location[len("section "):]
        hits = [t for h, t in docx_sections(p) if h == name]
        return hits, None
    if ext == ".pptx":
        m = re.fullmatch(r"slide (\d+)( notes)?", location)
        s = pptx_text(p)[int(m.group(1)) - 1]
        return [s[1] if m.group(2) else s[0]], None
    if ext == ".pdf":
        n = int(location[2:]) - 1
        a, b, c = pdf_pages(p)
        return [a[n], b[n]], c[n]
    if ext in (".html", ".md", ".txt"):
        text = p.read_text(encoding="utf-8")
        fn = {".html": html_sections, ".md": md_sections, ".txt": txt_sections}[ext]
        name = location[len("section "):]
        return [t for h, t in fn(text) if h == name], None
    if ext == ".xlsx":
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
        ws = wb[location[len("sheet "):]]
        txt = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)
        wb.close()
        return [txt], None
    raise ValueError(rel)


def build_facts():
    out = []
    for i, (rel, loc, q, ans) in enumerate(CF.FACTS, start=1):
        texts, pdfium = located_text(rel, loc)
        if not texts:
            raise SystemExit(f"fact F{i:02d}: location not found: {rel} {loc}")
        for t in texts:
            if nfkc(ans) not in nfkc(t):
                raise SystemExit(f"fact F{i:02d}: answer {ans!r} not in {rel} {loc}:\n{t}")
        if pdfium is not None and nfkc(ans) not in nfkc(pdfium):
            raise SystemExit(f"fact F{i:02d}: answer {ans!r} not in pypdfium2 text of {rel} {loc}:\n{pdfium}")
        if not (5 <= len(ans) <= 40):
            raise SystemExit(f"fact F{i:02d}: answer length {len(ans)}")
        ext = Path(rel).suffix.lower().lstrip(".")
        out.append(dict(id=f"F{i:02d}", file=rel, type=ext, location=loc, question=q, answer=ans))
    return out


def pdf_space_report():
    """Which PDF answers pypdfium2 returns only with extra spaces (Latin/digit next to kana/kanji)."""
    notes = []
    for i, (rel, loc, q, ans) in enumerate(CF.FACTS, start=1):
        if rel.endswith(".pdf"):
            _, pdfium = located_text(rel, loc)
            if nfkc(ans) not in nfkc(pdfium):
                notes.append(f"F{i:02d}")
    return notes


# ---------------------------------------------------------------------------
def write_jsonl(name, rows):
    KEYS.mkdir(parents=True, exist_ok=True)
    with open(KEYS / name, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    for d in (FILES, KEYS):
        if d.exists():
            shutil.rmtree(d)
    FILES.mkdir(parents=True)

    # Word
    rel = "01_ペルソナ/ペルソナ定義書_v3.2.docx"
    build_docx(CD.PERSONA_DOCX, fpath(rel))
    register(rel, "docx", "ingest", "persona", "Persona definitions A/B/C with tables, bullets, numbered lists; persona C (総務兼任IT担当 小野寺) exists only here")
    rel = "03_マーケ営業連携/マーケ・営業連携プレイブック_2025年度版.docx"
    build_docx(CD.PLAYBOOK_DOCX, fpath(rel), author="井之上 沙織", created="2025-03-21T10:00:00Z", modified="2025-04-01T09:00:00Z")
    register(rel, "docx", "ingest", "playbook", "Marketing–sales playbook: funnel definitions, scoring table, hand-off rules and deadlines, BANT SQL criteria, meetings, SLA")
    rel = "04_ブランド・会社/Northgate_Brand_Voice_Guidelines_JP_v2.1.docx"
    build_docx(CD.BRAND_DOCX, fpath(rel), latin="Calibri", ea="Yu Gothic", author="Global Brand Team",
               created="2025-03-10T02:00:00Z", modified="2025-08-22T06:00:00Z")
    register(rel, "docx", "ingest", "brand-voice", "Parent company's brand-voice guideline in English with a Japanese appendix (表記ルール, 言い換え表)")

    # PowerPoint
    rel = "02_製品・競合/Northgate_Sentinel_MDR_サービス紹介_2025下期.pptx"
    build_pptx(CS.PRODUCT_DECK, fpath(rel))
    register(rel, "pptx", "ingest", "product", f"Product deck, {len(CS.PRODUCT_DECK)} slides, bullets and 3 tables, speaker notes with facts not on the slides")
    rel = "02_製品・競合/競合比較_ArcGuard_Veltrix_営業向け.pptx"
    build_pptx(CS.COMPETITOR_DECK, fpath(rel))
    register(rel, "pptx", "ingest", "competitor", f"Competitor comparison deck, {len(CS.COMPETITOR_DECK)} slides, comparison and loss tables, speaker notes")

    # PDF
    build_pdfs([(CD.PERSONA_BOOK, "01_ペルソナ/ペルソナブック_2025年度版.pdf", "ペルソナブック 2025年度版"),
                (CD.BROCHURE, "02_製品・競合/Sentinel_MDR_サービスパンフレット_2025.pdf", "Northgate Sentinel MDR サービスパンフレット")])
    register("01_ペルソナ/ペルソナブック_2025年度版.pdf", "pdf", "ingest", "persona", "Persona booklet (4 pages, text layer): personas A and B, one per page, message table on p.4")
    register("02_製品・競合/Sentinel_MDR_サービスパンフレット_2025.pdf", "pdf", "ingest", "product", "Product brochure (5 pages, text layer): features, price table, case study, FAQ/contact")

    # HTML / md / txt
    for rel, text, content, why in [
        ("04_ブランド・会社/会社概要_社内ポータル.html", CM.COMPANY_HTML, "company", "Saved intranet page: company facts table, history list, organisation table"),
        ("02_製品・競合/Competitive_Battlecard_Japan_ArcGuard_Veltrix.html", CM.BATTLECARD_HTML, "competitor", "Parent's wiki battlecard in English: changes, list-price table, win/loss table"),
        ("03_マーケ営業連携/議事録/2025-10-08_マーケ営業定例_議事録.md", CM.MINUTES_1008_MD, "note", "Meeting minutes (Markdown, no front matter) with a decisions table"),
        ("03_マーケ営業連携/議事録/2025-11-12_MQL定義見直しWG_メモ.md", CM.MINUTES_1112_MD, "note", "Working-group memo (Markdown, no front matter)"),
        ("03_マーケ営業連携/展示会振り返り_中堅企業セキュリティフェア2025秋.txt", CM.EXPO_MEMO_TXT, "note", "Plain-text trade-show memo (UTF-8), ■ section markers"),
    ]:
        fpath(rel).write_bytes(text.encode("utf-8"))
        register(rel, Path(rel).suffix.lstrip("."), "ingest", content, why)

    # KPI
    cells = []
    months, T = kpi_truth()
    build_kpi_workbook(months, T, cells)
    build_parent_kpi_csv(months, T, cells)

    # feedback
    notes = []
    build_feedback(notes)
    build_is_tsv(notes)

    # CRM
    crm_rows = []
    build_pardot(crm_rows)
    build_kairos(crm_rows)
    build_hubspot(crm_rows)
    build_salesforce(crm_rows)

    build_misc_files()

    facts = build_facts()

    # every file accounted for
    on_disk = sorted(str(p.relative_to(FILES)) for p in FILES.rglob("*") if p.is_file())
    reg = sorted(r["file"] for r in REGISTRY)
    if on_disk != reg:
        raise SystemExit(f"registry mismatch:\n{set(on_disk) ^ set(reg)}")

    write_jsonl("files.jsonl", sorted(REGISTRY, key=lambda r: r["file"]))
    write_jsonl("facts.jsonl", facts)
    write_jsonl("kpi_cells.jsonl", cells)
    write_jsonl("crm_months.jsonl", crm_rows)
    write_jsonl("feedback_notes.jsonl", notes)
    spaced = pdf_space_report()
    print(f"files={len(REGISTRY)} facts={len(facts)} kpi_cells={len(cells)} crm_rows={len(crm_rows)} notes={len(notes)}")
    print("PDF facts that pypdfium2 returns with extra spaces:", ",".join(spaced) or "none")


if __name__ == "__main__":
    main()
