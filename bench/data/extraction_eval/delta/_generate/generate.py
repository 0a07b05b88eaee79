# -*- coding: utf-8 -*-
"""Rebuild the "delta" extraction-evaluation set from content.py.

Run from the output folder:   python _generate/generate.py
Needs: python-docx, python-pptx, pypdf (pip) and LibreOffice `soffice` (for the one PDF).
If those modules are missing and /tmp/evalgen-ex-delta exists, the script re-runs itself
with that virtualenv's interpreter.

Writes docs/*, answer_key.jsonl and special_cases.jsonl. Output is byte-for-byte
reproducible: zip entry dates, Office core properties and the PDF's dates/IDs are fixed.
Every answer span is re-checked against text extracted from the written files.
"""
import os
import sys

try:
    import docx  # noqa: F401
    import pptx  # noqa: F401
    import pypdf  # noqa: F401
except ImportError:
    venv = "/tmp/evalgen-ex-delta"
    venv_py = os.path.join(venv, "bin", "python")
    if os.path.exists(venv_py) and os.path.realpath(sys.prefix) != os.path.realpath(venv):
        os.execv(venv_py, [venv_py] + sys.argv)
    sys.exit("generate.py needs python-docx, python-pptx and pypdf (pip install python-docx python-pptx pypdf)")

import datetime
import hashlib
import io
import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile

from docx import Document
from docx.oxml.ns import qn as dqn
from docx.shared import Pt as DPt
from pptx import Presentation
from pptx.oxml.ns import qn as pqn
from pptx.util import Inches, Pt
from pypdf import PdfReader

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import content  # noqa: E402

OUT = os.path.dirname(HERE)
DOCS_DIR = os.path.join(OUT, "docs")
FIXED_DT = datetime.datetime(2025, 6, 2, 9, 0, 0)
ZIP_DT = (2025, 6, 2, 9, 0, 0)
FONT = "Noto Sans CJK JP"

MARK = re.compile(r"\{\{([^|{}]+)\|([^{}]+)\}\}")


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


# --------------------------------------------------------------------------- markup
def parse(text):
    """Return (plain_text, [(specs, span)]) where specs is a list of (entity_key, field)."""
    marks = []

    def repl(m):
        specs = []
        for item in m.group(1).split(","):
            item = item.strip()
            ent, field = item.split(".", 1) if "." in item else ("_", item)
            specs.append((ent, field))
        marks.append((specs, m.group(2)))
        return m.group(2)

    plain = MARK.sub(repl, text)
    if "{{" in plain or "}}" in plain:
        raise ValueError("unbalanced markup: " + text)
    return plain, marks


class Collector:
    def __init__(self, doc):
        self.doc = doc
        self.items = []  # (entity_key, field, span, location)

    def add(self, text, location):
        plain, marks = parse(text)
        for specs, span in marks:
            for ent, field in specs:
                self.items.append((ent, field, span, location))
        return plain


# --------------------------------------------------------------------------- zip / pdf normalisation
def normalize_zip(data):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def normalize_pdf(b, seed):
    fixed_hex = hashlib.md5(seed.encode()).hexdigest().upper().encode()

    def date_rep(key):
        def f(m):
            new = key + b"(D:20250602090000Z')"
            return new[:len(m.group(0))].ljust(len(m.group(0)), b" ")
        return f

    b = re.sub(rb"/CreationDate\(D:[^)]*\)", date_rep(b"/CreationDate"), b)
    b = re.sub(rb"/ModDate\(D:[^)]*\)", date_rep(b"/ModDate"), b)

    def id_rep(m):
        h1, h2 = m.group(1), m.group(2)
        return m.group(0).replace(h1, fixed_hex[:len(h1)]).replace(h2, fixed_hex[:len(h2)])

    b = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", id_rep, b)
    b = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)",
               lambda m: b"/DocChecksum /" + fixed_hex[:len(m.group(1))], b)
    return b


# --------------------------------------------------------------------------- markdown
def render_md(doc, col):
    lines = []
    section = None
    para_no = 0

    def loc():
        if doc.get("no_headings"):
            return "paragraph %d" % para_no
        return "section %s" % section

    for block in doc["blocks"]:
        kind = block[0]
        if kind in ("title", "h1", "h2"):
            if doc.get("no_headings"):
                raise ValueError("heading in a no-heading document")
            section = block[1]
            prefix = {"title": "#", "h1": "##", "h2": "###"}[kind]
            lines.append("%s %s" % (prefix, col.add(block[1], loc())))
        elif kind == "p":
            para_no += 1
            lines.append(col.add(block[1], loc()))
        elif kind == "ul":
            lines.append("\n".join("- " + col.add(it, loc()) for it in block[1]))
        elif kind == "ol":
            lines.append("\n".join("%d. %s" % (i + 1, col.add(it, loc())) for i, it in enumerate(block[1])))
        elif kind == "table":
            rows = [[col.add(c, loc()) for c in r] for r in block[1]]
            out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(" --- " for _ in rows[0]) + "|"]
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            lines.append("\n".join(out))
        else:
            raise ValueError(kind)
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    with open(os.path.join(DOCS_DIR, doc["file"]), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------- docx
def set_core(props, doc):
    props.author = doc.get("author", "株式会社カナメクラウド")
    props.last_modified_by = doc.get("author", "株式会社カナメクラウド")
    props.created = FIXED_DT
    props.modified = FIXED_DT
    props.revision = 3
    props.title = parse(first_title(doc))[0]


def first_title(doc):
    if "blocks" in doc:
        for b in doc["blocks"]:
            if b[0] == "title":
                return b[1]
    return doc["slides"][0]["title"]


def render_docx(doc, col):
    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = "Yu Gothic"
    normal.font.size = DPt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(dqn("w:eastAsia"), "游ゴシック")
    section = None
    for block in doc["blocks"]:
        kind = block[0]
        loc = lambda: "section %s" % section  # noqa: E731
        if kind in ("title", "h1", "h2"):
            section = parse(block[1])[0]
            level = {"title": 0, "h1": 1, "h2": 2}[kind]
            d.add_heading(col.add(block[1], loc()), level)
        elif kind == "p":
            d.add_paragraph(col.add(block[1], loc()))
        elif kind == "ul":
            for it in block[1]:
                d.add_paragraph(col.add(it, loc()), style="List Bullet")
        elif kind == "ol":
            for it in block[1]:
                d.add_paragraph(col.add(it, loc()), style="List Number")
        elif kind == "table":
            rows = block[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    cell = t.cell(i, j)
                    run = cell.paragraphs[0].add_run(col.add(c, loc()))
                    if i == 0:
                        run.bold = True
            d.add_paragraph("")
        else:
            raise ValueError(kind)
    set_core(d.core_properties, doc)
    buf = io.BytesIO()
    d.save(buf)
    with open(os.path.join(DOCS_DIR, doc["file"]), "wb") as f:
        f.write(normalize_zip(buf.getvalue()))


# --------------------------------------------------------------------------- pptx
def style_runs(text_frame, size):
    for para in text_frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(size)
            rpr = run._r.get_or_add_rPr()
            for tag in ("a:latin", "a:ea", "a:cs"):
                el = rpr.find(pqn(tag))
                if el is None:
                    el = rpr.makeelement(pqn(tag), {})
                    rpr.append(el)
                el.set("typeface", FONT)


def place(shape, left, top, width, height):
    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)


def fill_lines(text_frame, lines, size):
    text_frame.text = lines[0]
    for line in lines[1:]:
        text_frame.add_paragraph().text = line
    text_frame.word_wrap = True
    style_runs(text_frame, size)


def render_pptx(doc, col, path):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for n, s in enumerate(doc["slides"], start=1):
        loc = "slide %d" % n
        if "subtitle" in s:
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            place(slide.shapes.title, 0.8, 2.2, 11.7, 1.6)
            fill_lines(slide.shapes.title.text_frame, [col.add(s["title"], loc)], 36)
            sub = slide.placeholders[1]
            place(sub, 0.8, 4.0, 11.7, 1.2)
            fill_lines(sub.text_frame, [col.add(s["subtitle"], loc)], 20)
        elif "bullets" in s:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            place(slide.shapes.title, 0.6, 0.4, 12.1, 1.1)
            fill_lines(slide.shapes.title.text_frame, [col.add(s["title"], loc)], 32)
            body = slide.placeholders[1]
            place(body, 0.6, 1.7, 12.1, 5.3)
            fill_lines(body.text_frame, [col.add(b, loc) for b in s["bullets"]], 22)
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            place(slide.shapes.title, 0.6, 0.4, 12.1, 1.1)
            fill_lines(slide.shapes.title.text_frame, [col.add(s["title"], loc)], 32)
            if "table" in s:
                rows = s["table"]
                ncols = len(rows[0])
                shape = slide.shapes.add_table(len(rows), ncols, Inches(0.6), Inches(1.7),
                                               Inches(12.1), Inches(0.62 * len(rows)))
                table = shape.table
                widths = [4.6, 7.5] if ncols == 2 else [12.1 / ncols] * ncols
                for j, w in enumerate(widths):
                    table.columns[j].width = Inches(w)
                for i, r in enumerate(rows):
                    for j, c in enumerate(r):
                        cell = table.cell(i, j)
                        cell.text = col.add(c, loc)
                        style_runs(cell.text_frame, 18)
            if "body" in s:
                box = slide.shapes.add_textbox(Inches(0.6), Inches(1.9), Inches(12.1), Inches(2.0))
                fill_lines(box.text_frame, [col.add(s["body"], loc)], 22)
        if "notes" in s:
            slide.notes_slide.notes_text_frame.text = col.add(s["notes"], loc + " notes")
    set_core(prs.core_properties, doc)
    buf = io.BytesIO()
    prs.save(buf)
    with open(path, "wb") as f:
        f.write(normalize_zip(buf.getvalue()))


def render_pdf(doc, col):
    """Build a .pptx in a temp dir, convert it with LibreOffice, keep only the PDF."""
    if doc["slides"] and any("notes" in s for s in doc["slides"]):
        raise ValueError("notes are not exported to PDF; do not put answer spans there")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed to build %s" % doc["file"])
    tmp = tempfile.mkdtemp(prefix="exdelta-")
    try:
        stem = os.path.splitext(doc["file"])[0]
        src = os.path.join(tmp, stem + ".pptx")
        tmpcol = Collector(doc)
        render_pptx(doc, tmpcol, src)
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file:///tmp/lo-ex-delta",
                        "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(tmp, stem + ".pdf"), "rb") as f:
            data = normalize_pdf(f.read(), doc["file"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = os.path.join(DOCS_DIR, doc["file"])
    with open(out, "wb") as f:
        f.write(data)
    # locations: the page of the PDF whose extracted text holds the span
    pages = [nfkc(p.extract_text() or "") for p in PdfReader(out).pages]
    for ent, field, span, _slide_loc in tmpcol.items:
        hits = [i + 1 for i, t in enumerate(pages) if nfkc(span) in t]
        if len(hits) != 1:
            raise ValueError("PDF span not found exactly once in %s: %s (%s)" % (doc["file"], span, hits))
        col.items.append((ent, field, span, "p.%d" % hits[0]))


# --------------------------------------------------------------------------- extraction for checks
def extract_text(path):
    ext = os.path.splitext(path)[1]
    if ext == ".md":
        with open(path, encoding="utf-8") as f:
            return {"all": f.read()}
    if ext == ".docx":
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        return {"all": "\n".join(parts)}
    if ext == ".pptx":
        res = {}
        for n, slide in enumerate(Presentation(path).slides, start=1):
            parts = []
            for shape in slide.shapes:
                if shape.has_text_frame:
                    parts.append(shape.text_frame.text)
                if getattr(shape, "has_table", False) and shape.has_table:
                    for row in shape.table.rows:
                        for cell in row.cells:
                            parts.append(cell.text)
            res["slide %d" % n] = "\n".join(parts)
            if slide.has_notes_slide:
                res["slide %d notes" % n] = slide.notes_slide.notes_text_frame.text
        res["all"] = "\n".join(res.values())
        return res
    if ext == ".pdf":
        res = {"p.%d" % (i + 1): (p.extract_text() or "") for i, p in enumerate(PdfReader(path).pages)}
        res["all"] = "\n".join(res.values())
        return res
    raise ValueError(path)


# --------------------------------------------------------------------------- main
def main():
    if os.path.isdir(DOCS_DIR):
        shutil.rmtree(DOCS_DIR)
    os.makedirs(DOCS_DIR)
    key_lines, special_lines = [], []
    seen_files = set()
    for doc in content.DOCS:
        assert doc["file"] not in seen_files
        seen_files.add(doc["file"])
        col = Collector(doc)
        fmt = doc["format"]
        if fmt == "md":
            render_md(doc, col)
        elif fmt == "docx":
            render_docx(doc, col)
        elif fmt == "pptx":
            render_pptx(doc, col, os.path.join(DOCS_DIR, doc["file"]))
        elif fmt == "pdf":
            render_pdf(doc, col)
        else:
            raise ValueError(fmt)

        fields = content.FIELDS[doc["kind"]]
        texts = extract_text(os.path.join(DOCS_DIR, doc["file"]))
        texts = {k: nfkc(v) for k, v in texts.items()}
        for ent, field, span, loc in col.items:
            if ent not in doc["entities"]:
                raise ValueError("unknown entity %s in %s" % (ent, doc["file"]))
            if field not in fields:
                raise ValueError("field %s not valid for %s" % (field, doc["kind"]))
            n = len(nfkc(span))
            if not 5 <= n <= 120:
                raise ValueError("span length %d out of range: %s" % (n, span))
            if nfkc(span) not in texts["all"]:
                raise ValueError("span not in extracted text of %s: %s" % (doc["file"], span))
            if loc in texts and nfkc(span) not in texts[loc]:
                raise ValueError("span not at %s in %s: %s" % (loc, doc["file"], span))
            if loc.endswith(" notes") and nfkc(span) in texts[loc[:-len(" notes")]]:
                raise ValueError("notes-only span also on slide: %s" % span)

        for ent_key, ent_name in doc["entities"].items():
            for field in fields:
                values, locations, seen = [], [], set()
                for ent, f, span, loc in col.items:
                    if ent == ent_key and f == field and (span, loc) not in seen:
                        seen.add((span, loc))
                        values.append(span)
                        locations.append(loc)
                key_lines.append({"file": doc["file"], "kind": doc["kind"], "entity": ent_name,
                                  "field": field, "values": values, "location": locations})
        if "special" in doc:
            special_lines.append({"file": doc["file"], "case": doc["special"]["case"],
                                  "detail": doc["special"]["detail"]})

    with open(os.path.join(OUT, "answer_key.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for line in key_lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "special_cases.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for line in special_lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    filled = sum(1 for l in key_lines if l["values"])
    print("wrote %d documents, %d answer-key lines (%d filled, %d empty), %d special cases"
          % (len(content.DOCS), len(key_lines), filled, len(key_lines) - filled, len(special_lines)))


if __name__ == "__main__":
    main()
