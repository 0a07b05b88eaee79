# -*- coding: utf-8 -*-
"""Rebuild the zeta extraction-evaluation set: docs/, answer_key.jsonl, special_cases.jsonl.

Run from the output folder (bench/data/extraction_eval/zeta/):
    python _generate/generate.py
Needs python-docx, python-pptx, pypdf (see _generate/requirements.txt) and LibreOffice
(`soffice`, with a Japanese font such as fonts-noto-cjk) for the two PDF files.

The answer key is derived from the S() spans in content.py; after writing every file the script
re-extracts the text from each file (md raw, docx paragraphs + table cells, pptx shapes + notes,
pdf via pypdf) and checks that every value occurs there after NFKC normalisation.
"""
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

sys.dont_write_bytecode = True  # keep _generate/ free of __pycache__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
DOCS_DIR = os.path.join(OUT, "docs")
sys.path.insert(0, HERE)

from content import DOCS, FIELDS, S  # noqa: E402

from docx import Document  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.util import Inches, Pt as PPt  # noqa: E402
from pypdf import PdfReader  # noqa: E402

FIXED_DT = datetime.datetime(2025, 4, 1, 9, 0, 0)
ZIP_DT = (2025, 4, 1, 9, 0, 0)
JP_FONT = "Noto Sans CJK JP"
AUTHOR = "Northvale Japan Marketing"


# ------------------------------------------------------------------------------------------ util
def as_pieces(x):
    if isinstance(x, (str, S)):
        return [x]
    return list(x)


def pieces_text(x):
    return "".join(p.text if isinstance(p, S) else p for p in as_pieces(x))


class Collector:
    """Collects (entity, field, text, location) for every S span in reading order."""

    def __init__(self, doc):
        self.doc = doc
        self.items = []

    def add(self, pieces, location):
        for p in as_pieces(pieces):
            if isinstance(p, S):
                ents = p.entity
                if ents is None:
                    ents = (self.doc["entities"][0],)
                elif isinstance(ents, str):
                    ents = (ents,)
                for e in ents:
                    assert e in self.doc["entities"], (self.doc["file"], e)
                    assert p.field in FIELDS[self.doc["kind"]], (self.doc["file"], p.field)
                    self.items.append((e, p.field, p.text, location))


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def normalize_zip(path):
    """Rewrite an OOXML zip with fixed timestamps so output is byte-for-byte reproducible."""
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def normalize_pdf(path, seed):
    """Fix LibreOffice's per-run metadata (dates, /ID) with same-length replacements."""
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", rb"\g<1>20250401090000", data)
    fixed = hashlib.md5(seed.encode("utf-8")).hexdigest().upper().encode()

    def repl_id(m):
        return m.group(1) + fixed[:len(m.group(2))] + m.group(3) + fixed[:len(m.group(4))] + m.group(5)

    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)", repl_id, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + fixed[:len(m.group(2))], data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)",
                  rb"\g<1>2025-04-01T09:00:00", data)
    with open(path, "wb") as f:
        f.write(data)


# ------------------------------------------------------------------------------------------ md
def render_md(doc):
    col = Collector(doc)
    lines = []
    section = None
    para_no = 0
    headless = doc.get("headless", False)

    def loc():
        if headless:
            return "para %d" % para_no
        return "section %s" % section

    for block in doc["blocks"]:
        kind = block[0]
        if kind == "title":
            assert not headless
            section = pieces_text(block[1])
            lines += ["# " + section, ""]
        elif kind in ("h1", "h2"):
            assert not headless
            section = block[1]
            lines += [("# " if kind == "h1" else "## ") + section, ""]
        elif kind == "p":
            para_no += 1
            col.add(block[1], loc())
            lines += [pieces_text(block[1]), ""]
        elif kind == "quote":
            para_no += 1
            col.add(block[1], loc())
            lines += ["> " + pieces_text(block[1]), ""]
        elif kind in ("ul", "ol"):
            para_no += 1
            for i, item in enumerate(block[1], 1):
                col.add(item, loc())
                prefix = "- " if kind == "ul" else "%d. " % i
                lines.append(prefix + pieces_text(item))
            lines.append("")
        elif kind == "table":
            para_no += 1
            header, rows = block[1], block[2]
            lines.append("| " + " | ".join(header) + " |")
            lines.append("|" + "|".join(["---"] * len(header)) + "|")
            for row in rows:
                for cell in row:
                    col.add(cell, loc())
                lines.append("| " + " | ".join(pieces_text(c) for c in row) + " |")
            lines.append("")
        else:
            raise ValueError(kind)
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text, col.items


# ------------------------------------------------------------------------------------------ docx
def _set_style_font(style, size=None):
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(a)) is not None:
            del rfonts.attrib[qn(a)]
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), JP_FONT)
    if size:
        style.font.size = Pt(size)
    # Japanese as the East Asian language of the text
    rpr_lang = rpr.find(qn("w:lang"))
    if rpr_lang is None:
        rpr_lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(rpr_lang)
    rpr_lang.set(qn("w:eastAsia"), "ja-JP")


def render_docx(doc, path):
    col = Collector(doc)
    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    sec.top_margin = sec.bottom_margin = Mm(25)
    for name, size in (("Normal", 10.5), ("Title", 22), ("Heading 1", 14), ("Heading 2", 12),
                       ("List Bullet", None), ("List Number", None)):
        _set_style_font(d.styles[name], size)
    cp = d.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = doc.get("title_meta", "")
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1

    section = None
    for block in doc["blocks"]:
        kind = block[0]
        if kind == "title":
            section = pieces_text(block[1])
            d.add_heading(section, level=0)
        elif kind in ("h1", "h2"):
            section = block[1]
            d.add_heading(section, level=1 if kind == "h1" else 2)
        elif kind in ("p", "quote"):
            col.add(block[1], "section %s" % section)
            d.add_paragraph(pieces_text(block[1]))
        elif kind in ("ul", "ol"):
            style = "List Bullet" if kind == "ul" else "List Number"
            for item in block[1]:
                col.add(item, "section %s" % section)
                d.add_paragraph(pieces_text(item), style=style)
        elif kind == "table":
            header, rows = block[1], block[2]
            t = d.add_table(rows=1 + len(rows), cols=len(header))
            t.style = d.styles["Table Grid"]
            for j, h in enumerate(header):
                cell = t.rows[0].cells[j]
                cell.text = h
                for r in cell.paragraphs[0].runs:
                    r.bold = True
            for i, row in enumerate(rows, 1):
                for j, c in enumerate(row):
                    col.add(c, "section %s" % section)
                    t.rows[i].cells[j].text = pieces_text(c)
            d.add_paragraph("")
        elif kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(kind)
    d.save(path)
    normalize_zip(path)
    return col.items


# ------------------------------------------------------------------------------------------ pptx
def _font_run(run, size):
    run.font.size = PPt(size)
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", JP_FONT)


def _fill(tf, paragraphs, size):
    tf.clear()
    for i, text in enumerate(paragraphs):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        r = p.add_run()
        r.text = text
        _font_run(r, size)


def render_pptx(doc, path):
    col = Collector(doc)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    cp = prs.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = doc.get("title_meta", "")
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1
    for n, sd in enumerate(doc["slides"], 1):
        if "subtitle" in sd:
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            title, sub = slide.placeholders[0], slide.placeholders[1]
            title.left, title.top, title.width, title.height = Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.5)
            sub.left, sub.top, sub.width, sub.height = Inches(0.8), Inches(3.9), Inches(11.7), Inches(1.2)
            _fill(title.text_frame, [sd["title"]], 36)
            col.add(sd["subtitle"], "slide %d" % n)
            _fill(sub.text_frame, [pieces_text(sd["subtitle"])], 18)
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            title, body = slide.placeholders[0], slide.placeholders[1]
            title.left, title.top, title.width, title.height = Inches(0.6), Inches(0.35), Inches(12.1), Inches(1.0)
            body.left, body.top, body.width, body.height = Inches(0.6), Inches(1.5), Inches(12.1), Inches(5.6)
            _fill(title.text_frame, [sd["title"]], 30)
            for b in sd.get("bullets", []):
                col.add(b, "slide %d" % n)
            _fill(body.text_frame, [pieces_text(b) for b in sd.get("bullets", [])], 18)
        if sd.get("notes"):
            for para in sd["notes"]:
                col.add(para, "slide %d notes" % n)
            ntf = slide.notes_slide.notes_text_frame
            _fill(ntf, [pieces_text(p) for p in sd["notes"]], 12)
    prs.save(path)
    normalize_zip(path)
    return col.items


# ------------------------------------------------------------------------------------------ pdf
def _soffice(args):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("LibreOffice (soffice) is needed to build the PDF files")
    subprocess.run([exe, "--headless", "-env:UserInstallation=file:///tmp/lo-ex-zeta"] + args,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _odt_without_autospace(odt):
    """LibreOffice ignores w:autoSpaceDE from .docx and would add visual gaps between Japanese and
    Latin/digits (which PDF text extractors turn into spaces: "60 字"). Switch it off in the ODT."""
    with zipfile.ZipFile(odt) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info, data in entries:
            if info.filename in ("styles.xml", "content.xml"):
                data = data.replace(b'style:text-autospace="ideograph-alpha"', b'style:text-autospace="none"')
            zout.writestr(info, data, compress_type=info.compress_type)
    with open(odt, "wb") as f:
        f.write(buf.getvalue())


def soffice_to_pdf(src, outdir):
    stem = os.path.splitext(os.path.basename(src))[0]
    if src.endswith(".docx"):
        # docx -> odt (fix Asian/Latin autospacing) -> pdf
        _soffice(["--convert-to", "odt", "--outdir", outdir, src])
        odt = os.path.join(outdir, stem + ".odt")
        _odt_without_autospace(odt)
        src = odt
    _soffice(["--convert-to", "pdf", "--outdir", outdir, src])
    pdf = os.path.join(outdir, stem + ".pdf")
    assert os.path.exists(pdf), pdf
    return pdf


def pdf_pages(path):
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def render_pdf(doc, path):
    with tempfile.TemporaryDirectory(prefix="zeta-") as tmp:
        stem = os.path.splitext(os.path.basename(path))[0]
        if doc["format"] == "pdf-from-docx":
            src = os.path.join(tmp, stem + ".docx")
            items = render_docx(doc, src)
        else:
            src = os.path.join(tmp, stem + ".pptx")
            items = render_pptx(doc, src)
        pdf = soffice_to_pdf(src, tmp)
        shutil.copyfile(pdf, path)
    normalize_pdf(path, doc["file"])
    pages = [nfkc(t) for t in pdf_pages(path)]
    located = []
    for (e, f, text, _loc) in items:
        hits = [i for i, t in enumerate(pages, 1) if nfkc(text) in t]
        if not hits:
            raise SystemExit("span not found in PDF text layer: %s: %r" % (doc["file"], text))
        located.append((e, f, text, "p.%d" % hits[0]))
    return located


# ------------------------------------------------------------------------------------------ extraction check
def extract_text(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".md":
        with open(path, encoding="utf-8") as f:
            return f.read()
    if ext == ".docx":
        d = Document(path)
        out = []
        body = d.element.body
        for child in body.iterchildren():
            if child.tag == qn("w:p"):
                out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
            elif child.tag == qn("w:tbl"):
                for tc in child.iter(qn("w:tc")):
                    out.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
        return "\n".join(out)
    if ext == ".pptx":
        prs = Presentation(path)
        out = []
        for slide in prs.slides:
            for shp in slide.shapes:
                if shp.has_text_frame:
                    out.append(shp.text_frame.text)
            if slide.has_notes_slide:
                out.append(slide.notes_slide.notes_text_frame.text)
        return "\n".join(out)
    if ext == ".pdf":
        return "\n".join(pdf_pages(path))
    raise ValueError(path)


# ------------------------------------------------------------------------------------------ main
def main():
    if os.path.isdir(DOCS_DIR):
        shutil.rmtree(DOCS_DIR)
    os.makedirs(DOCS_DIR)
    key_lines = []
    special_lines = []
    problems = []
    for doc in DOCS:
        path = os.path.join(DOCS_DIR, doc["file"])
        fmt = doc["format"]
        if fmt == "md":
            text, items = render_md(doc)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        elif fmt == "docx":
            items = render_docx(doc, path)
        elif fmt == "pptx":
            items = render_pptx(doc, path)
        elif fmt.startswith("pdf-from-"):
            items = render_pdf(doc, path)
        else:
            raise ValueError(fmt)

        extracted = nfkc(extract_text(path))
        for (_e, _f, text, _l) in items:
            if not (5 <= len(text) <= 120):
                problems.append("length %d: %s: %r" % (len(text), doc["file"], text))
            if nfkc(text) not in extracted:
                problems.append("not in extracted text: %s: %r" % (doc["file"], text))

        for ent in doc["entities"]:
            for field in FIELDS[doc["kind"]]:
                values, locs = [], []
                for (e, f, text, loc) in items:
                    if e == ent and f == field:
                        if text not in values:
                            values.append(text)
                        if loc not in locs:
                            locs.append(loc)
                key_lines.append(dict(file=doc["file"], kind=doc["kind"], entity=ent, field=field,
                                      values=values, location=locs))
        if doc.get("special"):
            special_lines.append(dict(file=doc["file"], case=doc["special"]["case"],
                                      detail=doc["special"]["detail"]))

    if problems:
        for p in problems:
            print("PROBLEM:", p, file=sys.stderr)
        sys.exit(1)

    with open(os.path.join(OUT, "answer_key.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for line in key_lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "special_cases.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for line in special_lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

    filled = sum(1 for l in key_lines if l["values"])
    print("docs: %d files, answer-key lines: %d (%d filled, %d empty), special cases: %d"
          % (len(DOCS), len(key_lines), filled, len(key_lines) - filled, len(special_lines)))


if __name__ == "__main__":
    main()
