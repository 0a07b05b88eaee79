# -*- coding: utf-8 -*-
"""Rebuilds files/ and answer_key/ of the format-zoo set "beta" (株式会社ミツバチHR, fictional).

Run from the set's folder:  python _generate/generate.py
Needs python-docx, python-pptx, openpyxl, pypdf, pypdfium2, pdfplumber, Pillow (see requirements.txt) and
LibreOffice (soffice) for the two PDFs.  Output is byte-for-byte reproducible on the same LibreOffice version:
zip entry times, Office core properties, PDF dates and PDF /ID are normalised.
"""
import csv
import datetime as dt
import hashlib
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)
FILES = os.path.join(ROOT, "files")
KEYS = os.path.join(ROOT, "answer_key")
BUILD = os.path.join(HERE, "_build")          # scratch (deleted at the end)

import crm  # noqa: E402
import data_sheets as DS  # noqa: E402
import docs_slides as S  # noqa: E402
import docs_text as T  # noqa: E402
import docs_word as W  # noqa: E402
import openpyxl  # noqa: E402
from docx import Document  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, RGBColor  # noqa: E402
from openpyxl.chart import BarChart, Reference  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Inches  # noqa: E402
from pptx.util import Pt as PPt


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def out(rel):
    p = os.path.join(FILES, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


# =============================================================================================
# determinism helpers
# =============================================================================================
def normalize_zip(path, when):
    """Rewrite a zip (docx/pptx/xlsx) with fixed entry times and fixed core-property dates."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              lambda m: m.group(1) + stamp.encode() + m.group(3), data)
            zi = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def normalize_pdf(b, when):
    d = when.strftime("%Y%m%d%H%M%S").encode()
    b = re.sub(rb"D:\d{14}", b"D:" + d, b)
    b = re.sub(rb"/DocChecksum /[0-9A-F]+", lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), b)
    m = re.search(rb"/ID \[ ?<([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> ?\]", b)
    if m:
        z = b"0" * len(m.group(1))
        zeroed = b[:m.start(1)] + z + b[m.end(1):m.start(3)] + z + b[m.end(3):]
        h = hashlib.md5(zeroed).hexdigest().upper().encode()[:len(z)]
        b = b[:m.start(1)] + h + b[m.end(1):m.start(3)] + h + b[m.end(3):]
    return b


def soffice_pdf(src, when):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed to build the PDFs")
    subprocess.run([exe, "--headless", "-env:UserInstallation=file:///tmp/lo-fz-beta", "--convert-to", "pdf",
                    "--outdir", BUILD, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = os.path.splitext(src)[0] + ".pdf"
    with open(pdf, "rb") as f:
        return normalize_pdf(f.read(), when)


# =============================================================================================
# Word
# =============================================================================================
def _set_style_font(style, font):
    style.font.name = font
    rpr = style.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts")
        rpr.insert(0, rf)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rf.get(qn(a)) is not None:
            del rf.attrib[qn(a)]
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(a), font)


class NumberingRestarter:
    def __init__(self, doc):
        self.doc = doc
        self.numbering = doc.part.numbering_part.element
        st = doc.styles["List Number"].element
        self.base_num = st.pPr.numPr.numId.val
        num = [n for n in self.numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(self.base_num)][0]
        self.abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        self.next_id = max(int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))) + 1

    def new_list(self):
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        an = OxmlElement("w:abstractNumId")
        an.set(qn("w:val"), self.abstract)
        num.append(an)
        lo = OxmlElement("w:lvlOverride")
        lo.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), "1")
        lo.append(so)
        num.append(lo)
        self.numbering.append(num)
        self.next_id += 1
        return self.next_id - 1

    @staticmethod
    def apply(par, num_id):
        ppr = par._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        il = OxmlElement("w:ilvl")
        il.set(qn("w:val"), "0")
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), str(num_id))
        numpr.append(il)
        numpr.append(ni)
        ppr.append(numpr)


def build_docx(blocks, path, *, title, author, when, font="游ゴシック", header_text=None):
    doc = Document()
    for sn in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"):
        _set_style_font(doc.styles[sn], font)
    doc.styles["Normal"].font.size = Pt(10.5)
    if header_text:
        doc.sections[0].header.paragraphs[0].text = header_text
    numr = NumberingRestarter(doc)
    for b in blocks:
        k = b[0]
        if k == "title":
            doc.add_paragraph(b[1], style="Title")
        elif k in ("h1", "h2", "h3"):
            doc.add_heading(b[1], level=int(k[1]))
        elif k == "p":
            doc.add_paragraph(b[1])
        elif k == "meta":
            r = doc.add_paragraph().add_run(b[1])
            r.font.size = Pt(8.5)
            r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        elif k == "bullets":
            for t in b[1]:
                doc.add_paragraph(t, style="List Bullet")
        elif k == "numbers":
            nid = numr.new_list()
            for t in b[1]:
                p = doc.add_paragraph(t, style="List Number")
                numr.apply(p, nid)
        elif k == "table":
            rows = b[1]
            tb = doc.add_table(rows=len(rows), cols=len(rows[0]))
            tb.style = doc.styles["Table Grid"]
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = tb.cell(i, j)
                    cell.text = val
                    if i == 0:
                        for r in cell.paragraphs[0].runs:
                            r.bold = True
            doc.add_paragraph()
        elif k == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(k)
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by = title, author, author
    cp.created = cp.modified = when
    cp.revision = 7
    doc.save(path)
    normalize_zip(path, when)


# =============================================================================================
# PowerPoint
# =============================================================================================
def build_pptx(slides, path, *, title, author, when):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for s in slides:
        if s.get("kind") == "title":
            sl = prs.slides.add_slide(prs.slide_layouts[0])
            sl.shapes.title.text = s["title"]
            sl.placeholders[1].text = s.get("subtitle", "")
        elif s.get("table"):
            sl = prs.slides.add_slide(prs.slide_layouts[5])
            sl.shapes.title.text = s["title"]
            rows = s["table"]
            h = Inches(0.5) * len(rows)
            gt = sl.shapes.add_table(len(rows), len(rows[0]), Inches(0.7), Inches(1.6), Inches(11.9), h).table
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = gt.cell(i, j)
                    cell.text = val
                    for p in cell.text_frame.paragraphs:
                        for r in p.runs:
                            r.font.size = PPt(16 if len(rows[0]) <= 3 else 14)
            if s.get("bullets"):
                tb = sl.shapes.add_textbox(Inches(0.7), Inches(1.8) + h, Inches(11.9), Inches(1.0)).text_frame
                tb.word_wrap = True
                for i, t in enumerate(s["bullets"]):
                    p = tb.paragraphs[0] if i == 0 else tb.add_paragraph()
                    p.text = t
                    p.font.size = PPt(16)
        else:
            sl = prs.slides.add_slide(prs.slide_layouts[1])
            sl.shapes.title.text = s["title"]
            body = sl.placeholders[1]
            body.left, body.top, body.width, body.height = Inches(0.7), Inches(1.6), Inches(11.9), Inches(5.4)
            tf = body.text_frame
            for i, t in enumerate(s.get("bullets", [])):
                lvl, txt = t if isinstance(t, tuple) else (0, t)
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                p.text = txt
                p.level = lvl
                p.font.size = PPt(22 if lvl == 0 else 18)
        t = sl.shapes.title
        if s.get("kind") == "title":
            t.left, t.top, t.width, t.height = Inches(0.9), Inches(1.6), Inches(11.5), Inches(1.6)
            st = sl.placeholders[1]
            st.left, st.top, st.width, st.height = Inches(0.9), Inches(3.5), Inches(11.5), Inches(2.4)
        else:
            t.left, t.top, t.width, t.height = Inches(0.7), Inches(0.4), Inches(11.9), Inches(1.0)
        if s.get("notes"):
            sl.notes_slide.notes_text_frame.text = s["notes"]
    cp = prs.core_properties
    cp.title, cp.author, cp.last_modified_by = title, author, author
    cp.created = cp.modified = when
    cp.revision = 12
    prs.save(path)
    normalize_zip(path, when)


# =============================================================================================
# Excel
# =============================================================================================
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="FFF2CC")


def _wb_props(wb, author, when):
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    wb.properties.modified = when


def kpi_month_label(y, m):
    return f"{y}年{m}月"


def build_kpi_xlsx(path, when, fy2025):
    wb = openpyxl.Workbook()
    _wb_props(wb, "中村 彩", when)
    cells = []   # answer key rows

    # ---- 2025年度: two-row merged header, real Excel dates, money in 千円
    ws = wb.active
    ws.title = "2025年度"
    ws["A1"] = "2025年度 マーケティングKPI実績"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = "単位：件（売上高・広告費は千円、税抜）　ウェビナー・展示会は人数　更新：2026/4/8 マーケティング部"
    ws["A2"].font = Font(size=9, color="666666")
    ws.cell(4, 1, "年月")
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)
    col = 2
    layout = []   # (col, series, factor, metric)
    for group, subs, factor in DS.FY2025_COLUMNS:
        ws.cell(4, col, group)
        if subs[0][0] is None:
            ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
            layout.append((col, subs[0][1], factor, "unmapped:" + group))
            col += 1
            continue
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + len(subs) - 1)
        for sub, key in subs:
            ws.cell(5, col, sub)
            layout.append((col, key, factor, key))
            col += 1
    last_col = col - 1
    for r in (4, 5):
        for c in range(1, last_col + 1):
            cell = ws.cell(r, c)
            cell.font = Font(bold=True)
            cell.fill = HEAD_FILL
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, (y, m) in enumerate(DS.FY2025_MONTHS):
        r = 6 + i
        c = ws.cell(r, 1, dt.datetime(y, m, 1))
        c.number_format = 'yyyy"年"m"月"'
        c.border = BOX
        for cidx, key, factor, metric in layout:
            v = fy2025[key][i]
            cell = ws.cell(r, cidx, v)
            cell.number_format = "#,##0"
            cell.border = BOX
            if v is not None:
                cells.append(dict(file=DS.KPI_FILE, sheet="2025年度", month=f"{y}-{m:02d}", metric=metric,
                                  value=v * factor))
    tr = 6 + len(DS.FY2025_MONTHS)
    ws.cell(tr, 1, "合計").font = Font(bold=True)
    for cidx, key, factor, metric in layout:
        cell = ws.cell(tr, cidx, sum(v for v in fy2025[key] if v is not None))
        cell.number_format = "#,##0"
        cell.font = Font(bold=True)
        cell.border = Border(top=Side(style="double"), bottom=THIN, left=THIN, right=THIN)
    ws.cell(tr + 2, 1, "※目標・予算は2025年4月の経営会議承認値。商談数には既存顧客の店舗追加案件を含む。").font = Font(size=9)
    ws.column_dimensions["A"].width = 11
    for c in range(2, last_col + 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 9.5
    ws.freeze_panes = "B6"

    # ---- 2024年度: one header row, text months, revenue in 万円
    ws2 = wb.create_sheet("2024年度")
    ws2["A1"] = "2024年度　月次KPI（マーケ部集計）"
    ws2["A1"].font = Font(size=14, bold=True)
    ws2["A2"] = "（件数は件、売上高は万円、広告費は千円）"
    ws2.cell(3, 1, "月")
    for j, (hdr, key, factor) in enumerate(DS.FY2024_COLUMNS):
        ws2.cell(3, 2 + j, hdr)
    for c in range(1, 2 + len(DS.FY2024_COLUMNS)):
        cell = ws2.cell(3, c)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for i, (y, m) in enumerate(DS.FY2024_MONTHS):
        r = 4 + i
        ws2.cell(r, 1, kpi_month_label(y, m)).border = BOX
        for j, (hdr, key, factor) in enumerate(DS.FY2024_COLUMNS):
            v = DS.FY2024[key][i]
            cell = ws2.cell(r, 2 + j, v)
            cell.number_format = "#,##0"
            cell.border = BOX
            if v is not None:
                metric = key if key not in ("expo", "dl") else "unmapped:" + hdr
                cells.append(dict(file=DS.KPI_FILE, sheet="2024年度", month=f"{y}-{m:02d}", metric=metric,
                                  value=v * factor))
    tr = 4 + len(DS.FY2024_MONTHS)
    ws2.cell(tr, 1, "年間合計").font = Font(bold=True)
    ws2.cell(tr + 1, 1, "月平均").font = Font(bold=True)
    for j, (hdr, key, factor) in enumerate(DS.FY2024_COLUMNS):
        vals = [v for v in DS.FY2024[key] if v is not None]
        ws2.cell(tr, 2 + j, sum(vals)).number_format = "#,##0"
        a = ws2.cell(tr + 1, 2 + j, round(sum(vals) / len(vals), 1))
        a.number_format = "#,##0.0"
    ws2.column_dimensions["A"].width = 11
    ws2.freeze_panes = "B4"

    # ---- 前提・定義 (reference)
    ws3 = wb.create_sheet("前提・定義")
    ws3["A1"] = "KPIの定義と前提"
    ws3["A1"].font = Font(size=13, bold=True)
    for i, row in enumerate(DS.KPI_DEFINITIONS):
        for j, v in enumerate(row):
            c = ws3.cell(3 + i, 1 + j, v)
            c.border = BOX
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if i == 0:
                c.font = Font(bold=True)
                c.fill = HEAD_FILL
    for i, t in enumerate(DS.KPI_NOTES):
        ws3.cell(4 + len(DS.KPI_DEFINITIONS) + i, 1, t)
    ws3.column_dimensions["A"].width = 16
    ws3.column_dimensions["B"].width = 70
    ws3.column_dimensions["C"].width = 34

    # ---- 更新履歴 (reference)
    ws4 = wb.create_sheet("更新履歴")
    for i, row in enumerate(DS.KPI_HISTORY):
        for j, v in enumerate(row):
            c = ws4.cell(1 + i, 1 + j, v)
            if i == 0:
                c.font = Font(bold=True)
    ws4.column_dimensions["C"].width = 60

    # ---- グラフ (chart sheet, no cells)
    cs = wb.create_chartsheet("グラフ")
    ch = BarChart()
    ch.title = "2025年度 MQL 実績と目標"
    ch.y_axis.title = "件"
    data = Reference(ws, min_col=4, max_col=5, min_row=5, max_row=5 + len(DS.FY2025_MONTHS))
    ch.add_data(data, titles_from_data=True)
    ch.set_categories(Reference(ws, min_col=1, min_row=6, max_row=5 + len(DS.FY2025_MONTHS)))
    cs.add_chart(ch)
    wb.save(path)
    normalize_zip(path, when)
    return cells


def resolve_fy2025(tc):
    """Fill the C cells of the 2025年度 sheet from the simulated funnel (what marketing itself counted)."""
    hidden = {f"{y}-{m:02d}": v for (y, m), v in crm.HIDDEN_WON_BEFORE_REPORT.items()}
    res = {}
    for key, vals in DS.FY2025.items():
        row = []
        for (y, m), v in zip(DS.FY2025_MONTHS, vals):
            if v == DS.C:
                ym = f"{y}-{m:02d}"
                if key in ("leads", "mql", "sql", "opportunities"):
                    v = tc[key].get(ym, 0)
                elif key == "won":
                    v = tc["won"].get(ym, 0) + len(hidden.get(ym, []))
                elif key == "revenue":
                    yen = tc["revenue"].get(ym, 0) + sum(hidden.get(ym, []))
                    assert yen % 1000 == 0
                    v = yen // 1000
                else:
                    raise KeyError(key)
            row.append(v)
        res[key] = row
    return res


def _spread_dates(n, start, end, seed):
    import random
    rng = random.Random(seed)
    span = (end - start).days
    out_ = []
    for i in range(n):
        d = start + dt.timedelta(days=int(span * i / n) + rng.randint(0, max(0, span // n - 1)))
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        out_.append(d)
    return out_


def build_feedback_xlsx(path, when):
    import random
    rng = random.Random(4242)
    wb = openpyxl.Workbook()
    _wb_props(wb, "石井 大輔", when)
    notes = []
    ws = wb.active
    ws.title = "商談メモ"
    ws["A1"] = "営業フィードバック（商談メモ）　2025年10月〜2026年6月"
    ws["A1"].font = Font(size=13, bold=True)
    ws["A2"] = "※お客さまの個人名は書かないこと。「要対応」に○を付けるとマーケ・PdMが確認します。"
    ws["A2"].font = Font(size=9, color="C00000")
    hdr = ["No.", "記入日", "営業担当", "顧客名", "業態", "店舗数", "商談フェーズ", "競合", "顧客の声・所感", "要対応"]
    for j, h in enumerate(hdr):
        c = ws.cell(3, 1 + j, h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="7F6000")
        c.border = BOX
    owners = {}
    dates = _spread_dates(len(DS.DEAL_NOTES), dt.date(2025, 10, 1), dt.date(2026, 6, 26), 77)
    for i, (acc, phase, comp, todo, text) in enumerate(DS.DEAL_NOTES):
        name, ind, stores = DS.ACCOUNTS[acc]
        owner = owners.setdefault(acc, rng.choice(DS.FS_STAFF))
        row = [i + 1, dt.datetime.combine(dates[i], dt.time()), owner, name, ind, stores, phase, comp or "なし", text, todo]
        for j, v in enumerate(row):
            c = ws.cell(4 + i, 1 + j, v)
            c.border = BOX
            if j == 1:
                c.number_format = "yyyy/m/d"
            if j == 8:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        notes.append(dict(file=DS.FEEDBACK_FILE, sheet="商談メモ", row=i + 1, text=text))
    ws.auto_filter.ref = f"A3:J{3 + len(DS.DEAL_NOTES)}"
    ws.freeze_panes = "A4"
    for letter, w in zip("ABCDEFGHIJ", [5, 10, 11, 28, 16, 7, 11, 17, 70, 7]):
        ws.column_dimensions[letter].width = w

    ws2 = wb.create_sheet("失注理由")
    hdr2 = ["失注日", "案件名", "業態", "店舗数", "失注先", "失注理由（区分）", "詳細", "記入者"]
    for j, h in enumerate(hdr2):
        ws2.cell(1, 1 + j, h).font = Font(bold=True)
    ldates = _spread_dates(len(DS.LOST_NOTES), dt.date(2025, 10, 15), dt.date(2026, 6, 20), 99)
    for i, (ind, stores, who, kind, text) in enumerate(DS.LOST_NOTES):
        row = [dt.datetime.combine(ldates[i], dt.time()), f"{ind}チェーン（{stores}店舗）新規", ind, stores, who, kind,
               text, rng.choice(DS.FS_STAFF)]
        for j, v in enumerate(row):
            c = ws2.cell(2 + i, 1 + j, v)
            if j == 0:
                c.number_format = "yyyy/mm/dd"
        notes.append(dict(file=DS.FEEDBACK_FILE, sheet="失注理由", row=i + 1, text=text))
    ws2.column_dimensions["B"].width = 30
    ws2.column_dimensions["G"].width = 70

    ws3 = wb.create_sheet("記入ルール")
    for i, t in enumerate(["記入ルール",
                           "・商談のたびに1行追加する（同じ顧客でも商談ごとに行を分ける）",
                           "・「顧客の声・所感」には、お客さまの発言と自分の所感を分けて書くとなお良い",
                           "・失注が確定したら「失注理由」シートにも1行追加する",
                           "・毎月第2水曜のマーケ営業定例で、前月分をマーケが集計して共有する"]):
        ws3.cell(1 + i, 1, t)
    ws3["A1"].font = Font(bold=True, size=12)
    wb.save(path)
    normalize_zip(path, when)
    return notes


# =============================================================================================
# CSV / TSV
# =============================================================================================
def write_csv(path, rows, *, encoding, quoting, lineterm, delimiter=",", bom=b"", pre_lines=None, post_lines=None,
              errors="strict"):
    sio = io.StringIO()
    w = csv.writer(sio, quoting=quoting, lineterminator=lineterm, delimiter=delimiter)
    for r in (pre_lines or []):
        w.writerow(r)
    for r in rows:
        w.writerow(r)
    text = sio.getvalue()
    for line in (post_lines or []):
        text += (f'"{line}"' if line else "") + lineterm
    with open(path, "wb") as f:
        f.write(bom + text.encode(encoding, errors=errors))


def build_is_tsv(path):
    import random
    rng = random.Random(515)
    ppl = crm.People(rng)
    rows = [["架電日時", "担当IS", "会社名", "部署・役職", "架電結果", "メモ"]]
    notes = []
    dates = _spread_dates(len(DS.IS_NOTES), dt.date(2026, 1, 6), dt.date(2026, 3, 31), 5)
    for i, (res, title, text) in enumerate(DS.IS_NOTES):
        comp = ppl.company()
        t = dt.time(rng.choice([9, 10, 11, 13, 14, 15, 16, 17]), rng.randrange(60))
        when = f"{dates[i].year}/{dates[i].month}/{dates[i].day} {t.hour}:{t.minute:02d}"
        rows.append([when, rng.choice(DS.IS_STAFF), comp["name"], title, res, text])
        notes.append(dict(file=DS.IS_MEMO_FILE, sheet=None, row=i + 1, text=text))
    # Excel "Unicode text": UTF-16LE with BOM, tab separated, CRLF, quotes only where needed
    write_csv(path, rows, encoding="utf-16-le", quoting=csv.QUOTE_MINIMAL, lineterm="\r\n", delimiter="\t",
              bom=b"\xff\xfe")
    return notes


def build_survey_csv(path):
    import random
    rng = random.Random(218)
    ppl = crm.People(rng)
    rows = [["回答日時", "会社名", "業態", "店舗数", "部署・役職", "満足度（5段階）", "参考になった内容",
             "ご意見・ご要望", "個別相談の希望"]]
    notes = []
    base = dt.datetime(2026, 2, 18, 15, 2)
    for i, (ind, stores, dept, sat, useful, text, want) in enumerate(DS.SURVEY_ROWS):
        comp = ppl.company(industry=ind)
        t = base + dt.timedelta(minutes=int(i * 1.7) + rng.randint(0, 2)) if i < 24 else \
            dt.datetime(2026, 2, 19, 9, 0) + dt.timedelta(hours=(i - 24) * 5, minutes=rng.randint(0, 59))
        rows.append([t.strftime("%Y/%m/%d %H:%M:%S"), comp["name"], ind, stores, dept, str(sat), useful, text, want])
        notes.append(dict(file=DS.SURVEY_FILE, sheet=None, row=i + 1, text=text))
    write_csv(path, rows, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterm="\r\n", bom=b"\xef\xbb\xbf")
    return notes


# =============================================================================================
# images
# =============================================================================================
def _hexagon(draw, cx, cy, r, fill):
    import math
    pts = [(cx + r * math.cos(math.radians(60 * k + 30)), cy + r * math.sin(math.radians(60 * k + 30)))
           for k in range(6)]
    draw.polygon(pts, fill=fill, outline="#7F6000")


def build_logo(path):
    im = Image.new("RGB", (480, 160), "white")
    d = ImageDraw.Draw(im)
    for (cx, cy), col in zip([(50, 55), (88, 55), (69, 88), (31, 88), (107, 88)],
                             ["#F5B400", "#FFD24D", "#F5B400", "#FFE699", "#FFD24D"]):
        _hexagon(d, cx, cy, 20, col)
    font = ImageFont.load_default(size=40)
    d.text((140, 42), "Mitsubachi HR", fill="#333333", font=font)
    d.text((142, 98), "Honeycomb Kintai", fill="#7F6000", font=ImageFont.load_default(size=22))
    im.save(path, format="PNG", optimize=True)


def build_broken_docx(path, when):
    """A '.docx' that is really a zip of scanned case-study pages (no [Content_Types].xml, no word/)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(1, 4):
            im = Image.new("RGB", (240, 340), "#FAFAFA")
            d = ImageDraw.Draw(im)
            d.rectangle([20, 20, 220, 60], fill="#F5B400")
            for y in range(80, 320, 14):
                d.line([20, y, 220 - (y * 7 % 60), y], fill="#BBBBBB", width=3)
            b = io.BytesIO()
            im.save(b, format="PNG", optimize=True)
            zi = zipfile.ZipInfo(f"導入事例集_2023/scan_{k:03d}.png", date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.flag_bits |= 0x800
            z.writestr(zi, b.getvalue())
    with open(path, "wb") as f:
        f.write(buf.getvalue())


# =============================================================================================
# text extraction used only to verify the facts
# =============================================================================================
def docx_sections(path):
    """[(heading_path(list), level, text)] in document order; text before the first heading has path []."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(path)
    secs = [([], 0, [])]
    stack = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            p = Paragraph(el, doc)
            sn = p.style.name if p.style is not None else ""
            if sn.startswith("Heading "):
                lvl = int(sn.split()[1])
                stack = [s for s in stack if s[0] < lvl] + [(lvl, p.text)]
                secs.append(([s[1] for s in stack], lvl, []))
            else:
                secs[-1][2].append(p.text)
        elif el.tag == qn("w:tbl"):
            t = Table(el, doc)
            for row in t.rows:
                secs[-1][2].append(" | ".join(c.text for c in row.cells))
    return [(pth, lvl, "\n".join(txt)) for pth, lvl, txt in secs]


def find_section(secs, loc):
    parts = [p.strip() for p in loc.split(" > ")]
    for pth, lvl, txt in secs:
        if pth and pth[-1] == parts[-1] and all(p in pth for p in parts[:-1]):
            return txt
    raise AssertionError(f"no section {loc}")


def pptx_texts(path):
    prs = Presentation(path)
    res = []
    for sl in prs.slides:
        t = []
        for sh in sl.shapes:
            if sh.has_text_frame:
                t.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    t.append(" | ".join(c.text for c in row.cells))
        notes = sl.notes_slide.notes_text_frame.text if sl.has_notes_slide else ""
        res.append(("\n".join(t), notes))
    return res


def pdf_pages_all(path):
    """Page texts from four extractors: {name: [page text]}."""
    import pdfplumber
    import pypdf
    import pypdfium2
    res = {"pypdf": [p.extract_text() or "" for p in pypdf.PdfReader(path).pages]}
    doc = pypdfium2.PdfDocument(path)
    res["pypdfium2"] = [pg.get_textpage().get_text_range() for pg in doc]
    doc.close()
    with pdfplumber.open(path) as pl:
        res["pdfplumber"] = [pg.extract_text() or "" for pg in pl.pages]
    if shutil.which("pdftotext"):
        txt = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, check=True).stdout.decode()
        res["pdftotext"] = txt.split("\f")[:len(res["pypdf"])]
    return res


class _HtmlSections(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.secs = [["", []]]
        self.in_h = False
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.in_h = True
            self.secs.append(["", []])

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1
        if re.fullmatch(r"h[1-6]", tag):
            self.in_h = False
        if tag in ("p", "li", "tr", "div"):
            self.secs[-1][1].append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        if self.in_h:
            self.secs[-1][0] += data
        else:
            self.secs[-1][1].append(data)


def html_sections(text):
    p = _HtmlSections()
    p.feed(text)
    return {h.strip(): "".join(t) for h, t in p.secs}


def md_sections(text):
    secs, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"#+\s+(.*)", line)
        if m:
            cur = m.group(1).strip()
            secs[cur] = ""
        elif cur is not None:
            secs[cur] += line + "\n"
    return secs


def txt_sections(text):
    secs, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"【(.+)】", line.strip())
        if m:
            cur = m.group(1)
            secs[cur] = ""
        elif cur is not None:
            secs[cur] += line + "\n"
    return secs


def xlsx_sheet_text(path, sheet):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    return "\n".join(" | ".join("" if v is None else str(v) for v in row) for row in ws.iter_rows(values_only=True))


# =============================================================================================
# main
# =============================================================================================
def jdump(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


def main():
    if os.path.isdir(FILES):
        shutil.rmtree(FILES)
    if os.path.isdir(BUILD):
        shutil.rmtree(BUILD)
    os.makedirs(BUILD)
    os.makedirs(KEYS, exist_ok=True)
    W_ = dt.datetime

    # ---------------- the simulated funnel (CRM exports, KPI cells Jul 2025 – Mar 2026, numbers in the minutes)
    world = crm.build_world()
    tc = crm.true_counts(world)
    nums = dict(apr_mql=tc["mql"]["2026-04"], may_mql=tc["mql"]["2026-05"], apr_sql=tc["sql"]["2026-04"],
                mar_sql=tc["sql"]["2026-03"], expo_cards=crm.SATORI_EXPO[2], expo_demo=crm.SATORI_EXPO[3])
    assert nums["apr_mql"] < 20 <= nums["may_mql"], nums          # SLA 20 (playbook): missed in April, met in May
    assert tc["h2_won"] >= 9 and tc["h2_lost"] >= 11, tc          # the competitor tally fits in the closed deals
    T.MINUTES1 = T.MINUTES1.format(**nums)
    T.MINUTES2 = T.MINUTES2.format(**nums)
    T.MINUTES1_FACTS = [(l, q, a.format(**nums)) for l, q, a in T.MINUTES1_FACTS]
    T.MINUTES2_FACTS = [(l, q, a.format(**nums)) for l, q, a in T.MINUTES2_FACTS]

    # ---------------- documents
    build_docx(W.PERSONA_BLOCKS, out(W.PERSONA_FILE), title="ターゲットペルソナシート 2026年版", author="吉田 拓海",
               when=W_(2026, 4, 10, 18, 22))
    build_docx(W.PLAYBOOK_BLOCKS, out(W.PLAYBOOK_FILE), title="マーケティング・営業連携プレイブック v2.1",
               author="藤原 真理子", when=W_(2026, 3, 30, 11, 5), header_text="社外秘　マーケ営業連携プレイブック v2.1")
    build_docx(W.BRAND_BLOCKS, out(W.BRAND_FILE), title="ブランドボイスガイド", author="吉田 拓海",
               when=W_(2026, 2, 16, 15, 40))
    bro_src = os.path.join(BUILD, "ハニカム勤怠_製品パンフレット_2026.docx")
    build_docx(W.BROCHURE_BLOCKS, bro_src, title="ハニカム勤怠 製品パンフレット", author="マーケティング部",
               when=W_(2026, 4, 1, 10, 0), font="Noto Sans CJK JP")
    with open(out(W.BROCHURE_FILE), "wb") as f:
        f.write(soffice_pdf(bro_src, W_(2026, 4, 1, 10, 30)))
    build_pptx(S.PRODUCT_DECK, out(S.PRODUCT_DECK_FILE), title="ハニカム勤怠 製品紹介", author="松本 加奈",
               when=W_(2026, 4, 3, 19, 12))
    build_pptx(S.COMPETITOR_DECK, out(S.COMPETITOR_DECK_FILE), title="競合比較 2026上期", author="石井 大輔",
               when=W_(2026, 4, 24, 17, 48))
    sem_src = os.path.join(BUILD, "店舗人件費セミナー資料_20260218.pptx")
    build_pptx(S.SEMINAR_DECK, sem_src, title="店舗人件費、「見える化」の次へ", author="井上 達也",
               when=W_(2026, 2, 17, 21, 3))
    with open(out(S.SEMINAR_FILE), "wb") as f:
        f.write(soffice_pdf(sem_src, W_(2026, 2, 18, 9, 0)))
    for rel, text, enc, nl in [(T.COMPANY_HTML_FILE, T.COMPANY_HTML, "utf-8", "\n"),
                               (T.COMPETITOR_HTML_FILE, T.COMPETITOR_HTML, "utf-8", "\n"),
                               (T.MA_MEMO_FILE, T.MA_MEMO, "utf-8", "\n"),
                               (T.PLAN_MEMO_FILE, T.PLAN_MEMO, "utf-8", "\n"),
                               (T.MINUTES1_FILE, T.MINUTES1, "utf-8", "\r\n"),
                               (T.MINUTES2_FILE, T.MINUTES2, "cp932", "\r\n")]:   # saved from an old editor
        with open(out(rel), "wb") as f:
            f.write(text.replace("\n", nl).encode(enc))

    # ---------------- workbooks
    kpi_cells = build_kpi_xlsx(out(DS.KPI_FILE), W_(2026, 4, 8, 17, 30), resolve_fy2025(tc))
    notes = build_feedback_xlsx(out(DS.FEEDBACK_FILE), W_(2026, 6, 29, 12, 10))
    notes += build_is_tsv(out(DS.IS_MEMO_FILE))
    notes += build_survey_csv(out(DS.SURVEY_FILE))

    # ---------------- CRM exports
    leads, opps, sat, bow = world["leads"], world["opps"], world["sat"], world["bow"]
    write_csv(out(crm.SF_LEADS_FILE), crm.sf_lead_rows(leads), encoding="cp932", errors="replace",
              quoting=csv.QUOTE_ALL, lineterm="\n", post_lines=crm.sf_footer("リード_全件_2025年10月以降", crm.SF_EXPORT))
    write_csv(out(crm.SF_OPPS_FILE), crm.sf_opp_rows(opps), encoding="cp932", errors="replace",
              quoting=csv.QUOTE_ALL, lineterm="\n",
              post_lines=crm.sf_footer("商談_作成日2025年7月以降", crm.SF_EXPORT + dt.timedelta(minutes=2)))
    write_csv(out(crm.SATORI_FILE), crm.satori_rows(sat), encoding="cp932", quoting=csv.QUOTE_MINIMAL,
              lineterm="\r\n")
    pre, rows = crm.bownow_rows(bow)
    write_csv(out(crm.BOWNOW_FILE), rows, encoding="utf-8", quoting=csv.QUOTE_ALL, lineterm="\r\n", pre_lines=pre)

    # ---------------- unusable files
    build_logo(out("ロゴ/ミツバチHR_ロゴ_横組み.png"))
    build_broken_docx(out("旧資料/導入事例集_2023.docx"), W_(2023, 11, 2, 14, 0))

    # =========================== answer keys
    files = []

    def F(rel, typ, expected, content, why, tool=None, sheets=None):
        files.append(dict(file=rel, type=typ, expected=expected, content=content, crm_tool=tool, sheets=sheets, why=why))

    F(W.PERSONA_FILE, "docx", "ingest", "persona", "3 personas in Word (persona C 経営企画 exists only here): headings, tables, bullets, numbered list")
    F(W.PLAYBOOK_FILE, "docx", "ingest", "playbook", "MQL/SQL definitions, scoring table, hand-off deadlines, meetings, SLA")
    F(W.BRAND_FILE, "docx", "ingest", "brand-voice", "tone rules, term table, forbidden expressions")
    F(W.BROCHURE_FILE, "pdf", "ingest", "product", "4-page product brochure with a text layer (LibreOffice export of a Word file)")
    F(S.PRODUCT_DECK_FILE, "pptx", "ingest", "product", "15-slide product deck, tables, speaker notes with facts not on the slides")
    F(S.COMPETITOR_DECK_FILE, "pptx", "ingest", "competitor", "11-slide competitor comparison, tables, speaker notes")
    F(S.SEMINAR_FILE, "pdf", "ingest", "product", "7-page seminar deck exported to PDF (one slide per page)")
    F(T.COMPANY_HTML_FILE, "html", "ingest", "company", "saved intranet page: company overview with tables and lists")
    F(T.COMPETITOR_HTML_FILE, "html", "ingest", "competitor", "saved wiki page about competitor タイムカードワン")
    F(T.MA_MEMO_FILE, "md", "ingest", "note", "Markdown memo (no front matter) on the BowNow→SATORI migration")
    F(T.PLAN_MEMO_FILE, "md", "ingest", "note", "Markdown memo (no front matter) with FY2026 targets and budget split")
    F(T.MINUTES1_FILE, "txt", "ingest", "note", "meeting minutes, UTF-8, CRLF")
    F(T.MINUTES2_FILE, "txt", "ingest", "note", "meeting minutes saved as Shift_JIS (cp932), CRLF")
    F(DS.KPI_FILE, "xlsx", "ingest", "kpi",
      "two KPI sheets (merged 実績/目標 header + Excel dates; flat header + text months; 千円/万円), notes, history, chart sheet",
      sheets=[dict(sheet="2025年度", content="kpi"), dict(sheet="2024年度", content="kpi"),
              dict(sheet="前提・定義", content="reference"), dict(sheet="更新履歴", content="reference"),
              dict(sheet="グラフ", content="empty")])
    F(DS.FEEDBACK_FILE, "xlsx", "ingest", "feedback", "sales feedback: deal notes (title rows above header) and a lost-reason list",
      sheets=[dict(sheet="商談メモ", content="feedback"), dict(sheet="失注理由", content="feedback"),
              dict(sheet="記入ルール", content="reference")])
    F(DS.IS_MEMO_FILE, "tsv", "ingest", "feedback", "IS call notes, Excel 'Unicode text': UTF-16LE with BOM, tab-separated")
    F(DS.SURVEY_FILE, "csv", "ingest", "feedback", "webinar survey answers, UTF-8 with BOM")
    F(crm.SF_LEADS_FILE, "csv", "ingest", "crm", "Salesforce leads report, Details Only CSV, ja labels, cp932, all quoted, footer lines", tool="salesforce")
    F(crm.SF_OPPS_FILE, "csv", "ingest", "crm", "Salesforce opportunities report, Details Only CSV, ja labels, cp932, all quoted, footer lines", tool="salesforce")
    F(crm.SATORI_FILE, "csv", "ingest", "crm", "SATORI customer CSV download, cp932, custom fields at the end", tool="satori")
    F(crm.BOWNOW_FILE, "csv", "ingest", "crm", "BowNow リードを探す CSV, search conditions above the header, UTF-8", tool="bownow")
    F("ロゴ/ミツバチHR_ロゴ_横組み.png", "png", "skip", "image", "logo image, no text to ingest")
    F("旧資料/導入事例集_2023.docx", "docx", "reject", "broken", "named .docx but is a plain zip of PNG scans (no Word parts)")
    on_disk = sorted(os.path.relpath(os.path.join(dp, fn), FILES) for dp, _, fns in os.walk(FILES) for fn in fns)
    assert sorted(f["file"] for f in files) == on_disk, (set(on_disk) ^ {f["file"] for f in files})
    files.sort(key=lambda f: f["file"])

    # ---------------- facts (+ verification against the files)
    facts_src = [(W.PERSONA_FILE, "docx", W.PERSONA_FACTS), (W.PLAYBOOK_FILE, "docx", W.PLAYBOOK_FACTS),
                 (W.BRAND_FILE, "docx", W.BRAND_FACTS), (W.BROCHURE_FILE, "pdf", W.BROCHURE_FACTS),
                 (S.PRODUCT_DECK_FILE, "pptx", S.PRODUCT_DECK_FACTS),
                 (S.COMPETITOR_DECK_FILE, "pptx", S.COMPETITOR_DECK_FACTS), (S.SEMINAR_FILE, "pdf", S.SEMINAR_FACTS),
                 (T.COMPANY_HTML_FILE, "html", T.COMPANY_HTML_FACTS),
                 (T.COMPETITOR_HTML_FILE, "html", T.COMPETITOR_HTML_FACTS),
                 (T.MA_MEMO_FILE, "md", T.MA_MEMO_FACTS), (T.PLAN_MEMO_FILE, "md", T.PLAN_MEMO_FACTS),
                 (T.MINUTES1_FILE, "txt", T.MINUTES1_FACTS), (T.MINUTES2_FILE, "txt", T.MINUTES2_FACTS),
                 (DS.KPI_FILE, "xlsx", DS.KPI_FACTS)]
    facts = []
    problems = []
    cache = {}
    for rel, typ, lst in facts_src:
        path = os.path.join(FILES, rel)
        for loc, q, a in lst:
            assert 5 <= len(a) <= 40, (rel, a)
            na = nfkc(a)
            if typ == "docx":
                secs = cache.setdefault(rel, docx_sections(path))
                ok = na in nfkc(find_section(secs, loc[len("section "):]))
            elif typ == "pptx":
                sl = cache.setdefault(rel, pptx_texts(path))
                m = re.fullmatch(r"slide (\d+)( notes)?", loc)
                body, notes_ = sl[int(m.group(1)) - 1]
                if m.group(2):
                    ok = na in nfkc(notes_) and na not in nfkc(body)
                else:
                    ok = na in nfkc(body)
            elif typ == "pdf":
                pages = cache.setdefault(rel, pdf_pages_all(path))
                n = int(loc[2:])
                bad = [name for name, pg in pages.items() if na not in nfkc(pg[n - 1])]
                ok = not bad
                if bad:
                    problems.append(f"{rel} {loc} {a!r} missing in {bad}")
            elif typ == "html":
                secs = cache.setdefault(rel, html_sections(open(path, encoding="utf-8").read()))
                ok = na in nfkc(secs[loc[len("section "):]])
            elif typ == "md":
                secs = cache.setdefault(rel, md_sections(open(path, encoding="utf-8").read()))
                ok = na in nfkc(secs[loc[len("section "):]])
            elif typ == "txt":
                raw = open(path, "rb").read()
                enc = "utf-8" if rel == T.MINUTES1_FILE else "cp932"
                secs = cache.setdefault(rel, txt_sections(raw.decode(enc)))
                ok = na in nfkc(secs[loc[len("section "):]])
            elif typ == "xlsx":
                ok = na in nfkc(xlsx_sheet_text(path, loc[len("sheet "):]))
            if not ok and typ != "pdf":
                problems.append(f"{rel} {loc} {a!r} not found")
            facts.append(dict(id=f"F{len(facts) + 1:02d}", file=rel, type=typ, location=loc, question=q, answer=a))
    if problems:
        raise SystemExit("fact verification failed:\n" + "\n".join(problems))
    assert 40 <= len(facts) <= 80, len(facts)

    # ---------------- KPI re-read check (the key itself comes from data_sheets.py)
    wb = openpyxl.load_workbook(os.path.join(FILES, DS.KPI_FILE))
    allvals = {}
    for sh in ("2025年度", "2024年度"):
        allvals[sh] = [v for row in wb[sh].iter_rows(values_only=True) for v in row if isinstance(v, (int, float))]
    for c in kpi_cells:
        factor = 1
        if c["metric"] in ("revenue", "revenue_target"):
            factor = 1000 if c["sheet"] == "2025年度" else 10000
        if c["metric"] in ("spend", "spend_target"):
            factor = 1000
        assert c["value"] / factor in allvals[c["sheet"]], c

    # ---------------- CRM months
    crm_rows = []
    for rel, tool, metrics in crm.crm_months(world):
        for metric, months in metrics.items():
            for month in sorted(months):
                crm_rows.append(dict(file=rel, tool=tool, month=month, metric=metric, value=months[month]))

    jdump(os.path.join(KEYS, "files.jsonl"), files)
    jdump(os.path.join(KEYS, "facts.jsonl"), facts)
    jdump(os.path.join(KEYS, "kpi_cells.jsonl"), kpi_cells)
    jdump(os.path.join(KEYS, "crm_months.jsonl"), crm_rows)
    jdump(os.path.join(KEYS, "feedback_notes.jsonl"), notes)
    shutil.rmtree(BUILD)
    print(f"files={len(files)} facts={len(facts)} kpi_cells={len(kpi_cells)} crm_rows={len(crm_rows)} "
          f"feedback_notes={len(notes)} crm_records: sf_leads={len(leads)} sf_opps={len(opps)} "
          f"satori={len(sat)} bownow={len(bow)}")


if __name__ == "__main__":
    main()
