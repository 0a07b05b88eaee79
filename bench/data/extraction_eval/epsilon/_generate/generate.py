# -*- coding: utf-8 -*-
"""Rebuild every document, answer_key.jsonl, special_cases.jsonl and README.md
of the "epsilon" extraction-evaluation set.

Run from the output folder (bench/data/extraction_eval/epsilon/):
    python _generate/generate.py

Needs python-docx, python-pptx and pypdf, plus LibreOffice (`soffice`) for the
two PDF files (docx/pptx -> PDF with a real Japanese text layer).
Output is byte-for-byte reproducible: zip entries get a fixed timestamp,
document core properties are fixed, and the PDF dates / IDs written by
LibreOffice are replaced by fixed values of the same length.
"""
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
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import DOCS, FIELDS  # noqa: E402

import docx  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402,F401
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, Cm  # noqa: E402
import pptx  # noqa: E402
from pptx.util import Inches, Pt as PPt  # noqa: E402
from pypdf import PdfReader  # noqa: E402

OUT = os.getcwd()
DOCS_DIR = os.path.join(OUT, "docs")
FIXED_DT = datetime(2025, 4, 1, 9, 0, 0)
ZIP_DT = (2025, 4, 1, 9, 0, 0)
JP_FONT = "Noto Sans CJK JP"

MARK = re.compile(r"\{\{(?:([A-Za-z0-9_]+)@)?([a-z_]+):(.+?)\}\}")


# ---------------------------------------------------------------------------
# markup
# ---------------------------------------------------------------------------
class Collector:
    """Collects (entity_key, field, span, location) while rendering."""

    def __init__(self, doc):
        self.doc = doc
        self.records = []

    def strip(self, text, location):
        def repl(m):
            ent, field, span = m.group(1), m.group(2), m.group(3)
            if field not in FIELDS[self.doc["kind"]]:
                raise ValueError(f"{self.doc['file']}: unknown field {field!r}")
            if ent is not None and ent not in self.doc.get("entities", {}):
                raise ValueError(f"{self.doc['file']}: unknown entity key {ent!r}")
            self.records.append({"entity": ent, "field": field, "span": span, "location": location})
            return span
        out = MARK.sub(repl, text)
        if "{{" in out or "}}" in out:
            raise ValueError(f"{self.doc['file']}: unbalanced markup in {text!r}")
        return out


# ---------------------------------------------------------------------------
# deterministic zip
# ---------------------------------------------------------------------------
def normalize_zip(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------
def render_md(doc):
    col = Collector(doc)
    lines = []
    section = None
    para_no = 0
    no_head = doc.get("no_headings", False)

    def loc():
        if no_head:
            return f"paragraph {para_no}"
        return f"section {section}"

    for kind, *rest in doc["blocks"]:
        if kind in ("title", "h1", "h2"):
            if no_head:
                raise ValueError("heading in a no-heading document")
            text = col.strip(rest[0], None)
            section = text
            lines.append({"title": "# ", "h1": "## ", "h2": "### "}[kind] + text)
            lines.append("")
        elif kind in ("p", "quote"):
            para_no += 1
            text = col.strip(rest[0], loc())
            lines.append(("> " if kind == "quote" else "") + text)
            lines.append("")
        elif kind in ("ul", "ol"):
            para_no += 1
            for i, item in enumerate(rest[0], 1):
                text = col.strip(item, loc())
                lines.append((f"{i}. " if kind == "ol" else "- ") + text)
            lines.append("")
        elif kind == "table":
            para_no += 1
            rows = rest[0]
            for r, row in enumerate(rows):
                cells = [col.strip(c, loc()) for c in row]
                lines.append("| " + " | ".join(cells) + " |")
                if r == 0:
                    lines.append("|" + "|".join(["---"] * len(row)) + "|")
            lines.append("")
        else:
            raise ValueError(kind)
    text = "\n".join(lines).rstrip("\n") + "\n"
    write_bytes(os.path.join(DOCS_DIR, doc["file"]), text.encode("utf-8"))
    return col.records


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------
def _set_east_asian(style_or_run_font_element, name):
    rpr = style_or_run_font_element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]


def build_docx(doc, path):
    col = Collector(doc)
    d = docx.Document()
    for sname in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        st = d.styles[sname]
        _set_east_asian(st.element, JP_FONT)
    d.styles["Normal"].font.size = Pt(10.5)
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rf = defaults.find(qn("w:rFonts"))
    for attr in list(rf.attrib):
        del rf.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(attr), JP_FONT)
    lang = defaults.find(qn("w:lang"))
    lang.set(qn("w:val"), "ja-JP")
    lang.set(qn("w:eastAsia"), "ja-JP")
    # no automatic CJK/Latin spacing, so the PDF text layer has no inserted blanks
    ppr = d.styles["Normal"].element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = ppr.makeelement(qn(tag), {qn("w:val"): "0"})
        ppr.append(el)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)

    cp = d.core_properties
    cp.author = "株式会社ユイノワ"
    cp.last_modified_by = "株式会社ユイノワ"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1
    cp.title = ""

    section = None
    for kind, *rest in doc["blocks"]:
        if kind in ("title", "h1", "h2"):
            text = col.strip(rest[0], None)
            section = text
            d.add_heading(text, level={"title": 0, "h1": 1, "h2": 2}[kind])
            if kind == "title":
                cp.title = text
        elif kind in ("p", "quote"):
            d.add_paragraph(col.strip(rest[0], f"section {section}"))
        elif kind in ("ul", "ol"):
            style = "List Bullet" if kind == "ul" else "List Number"
            for item in rest[0]:
                d.add_paragraph(col.strip(item, f"section {section}"), style=style)
        elif kind == "table":
            rows = rest[0]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = d.styles["Table Grid"]
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    text = col.strip(cell, f"section {section}")
                    tc = t.cell(r, c)
                    tc.text = ""
                    run = tc.paragraphs[0].add_run(text)
                    if r == 0:
                        run.bold = True
            d.add_paragraph("")
        else:
            raise ValueError(kind)
    buf = io.BytesIO()
    d.save(buf)
    write_bytes(path, normalize_zip(buf.getvalue()))
    return col.records


# ---------------------------------------------------------------------------
# PPTX
# ---------------------------------------------------------------------------
def _pptx_font(run, size):
    run.font.size = PPt(size)
    run.font.name = JP_FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", JP_FONT)


def build_pptx(doc, path):
    col = Collector(doc)
    p = pptx.Presentation()
    p.slide_width, p.slide_height = Inches(13.333), Inches(7.5)
    cp = p.core_properties
    cp.author = "株式会社ユイノワ マーケティング部"
    cp.last_modified_by = "株式会社ユイノワ"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1
    cp.title = col.strip(doc["slides"][0]["title"], None)
    col.records.clear()

    for n, s in enumerate(doc["slides"], 1):
        loc = f"slide {n}"
        if "subtitle" in s:
            slide = p.slides.add_slide(p.slide_layouts[0])
            slide.shapes.title.text = col.strip(s["title"], loc)
            slide.shapes.title.left, slide.shapes.title.width = Inches(0.8), Inches(11.7)
            sub = slide.placeholders[1]
            sub.left, sub.width = Inches(0.8), Inches(11.7)
            sub.text = col.strip(s["subtitle"], loc)
        else:
            slide = p.slides.add_slide(p.slide_layouts[1])
            title = slide.shapes.title
            title.left, title.top, title.width, title.height = Inches(0.6), Inches(0.4), Inches(12.1), Inches(1.1)
            title.text = col.strip(s["title"], loc)
            for para in title.text_frame.paragraphs:
                for run in para.runs:
                    _pptx_font(run, 34)
            body = slide.placeholders[1]
            body.left, body.top, body.width, body.height = Inches(0.8), Inches(1.8), Inches(11.7), Inches(5.0)
            tf = body.text_frame
            for i, b in enumerate(s.get("bullets", [])):
                para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                run = para.add_run()
                run.text = col.strip(b, loc)
                _pptx_font(run, 24)
        notes = s.get("notes")
        if notes:
            ntf = slide.notes_slide.notes_text_frame
            ntf.text = "\n".join(col.strip(x, f"slide {n} notes") for x in notes)
    buf = io.BytesIO()
    p.save(buf)
    write_bytes(path, normalize_zip(buf.getvalue()))
    return col.records


# ---------------------------------------------------------------------------
# PDF via LibreOffice
# ---------------------------------------------------------------------------
def to_pdf(src_path, dst_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is required to build the PDF files")
    profile = "file:///tmp/lo-ex-epsilon"

    def convert(path, target, outdir):
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}",
                        "--convert-to", target, "--outdir", outdir, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + "." + target)

    with tempfile.TemporaryDirectory() as tmp:
        if src_path.endswith(".docx"):
            # Writer adds a visible gap between Japanese and Latin/digits
            # ("ideograph-alpha" autospace), which PDF text extractors turn into
            # blanks. Go through ODT and switch that off so the text layer is clean.
            odt = convert(src_path, "odt", tmp)
            zin = zipfile.ZipFile(odt)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as zout:
                for info in zin.infolist():
                    data = zin.read(info.filename)
                    if info.filename in ("styles.xml", "content.xml"):
                        data = data.replace(b'style:text-autospace="ideograph-alpha"',
                                            b'style:text-autospace="none"')
                    zout.writestr(info, data)
            zin.close()
            with open(odt, "wb") as f:
                f.write(buf.getvalue())
            pdf_dir = os.path.join(tmp, "pdf")
            os.makedirs(pdf_dir)
            pdf = convert(odt, "pdf", pdf_dir)
        else:
            pdf = convert(src_path, "pdf", tmp)
        with open(pdf, "rb") as f:
            data = f.read()
    # Fix the per-run values (same byte length, so xref offsets stay valid).
    def fix_date(m):
        return m.group(1) + b"20250401090000" + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*\))", fix_date, data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<)",
                  lambda m: m.group(1) + b"2025-04-01T09:00:00"[:len(m.group(2))].ljust(len(m.group(2)), b" ") + m.group(3),
                  data)

    def fix_id(m):
        return (m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5))
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)", fix_id, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    write_bytes(dst_path, data)


# ---------------------------------------------------------------------------
# text extraction (used for verification and PDF page locations)
# ---------------------------------------------------------------------------
def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def squash(s):
    return re.sub(r"\s+", "", nfkc(s))


def extract_text(path):
    ext = os.path.splitext(path)[1]
    if ext == ".md":
        with open(path, encoding="utf-8") as f:
            return [f.read()]
    if ext == ".docx":
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        return ["\n".join(parts)]
    if ext == ".pptx":
        pr = pptx.Presentation(path)
        parts = []
        for s in pr.slides:
            for sh in s.shapes:
                if sh.has_text_frame:
                    parts.append(sh.text_frame.text)
            if s.has_notes_slide:
                parts.append(s.notes_slide.notes_text_frame.text)
        return ["\n".join(parts)]
    if ext == ".pdf":
        return [pg.extract_text() or "" for pg in PdfReader(path).pages]
    raise ValueError(path)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------
def build_all():
    if os.path.isdir(DOCS_DIR):
        shutil.rmtree(DOCS_DIR)
    os.makedirs(DOCS_DIR)
    results = []
    for doc in DOCS:
        path = os.path.join(DOCS_DIR, doc["file"])
        fmt = doc["fmt"]
        if fmt == "md":
            recs = render_md(doc)
        elif fmt == "docx":
            recs = build_docx(doc, path)
        elif fmt == "pptx":
            recs = build_pptx(doc, path)
        elif fmt in ("pdf_from_docx", "pdf_from_pptx"):
            with tempfile.TemporaryDirectory() as tmp:
                stem = os.path.splitext(os.path.basename(doc["file"]))[0]
                src = os.path.join(tmp, stem + (".docx" if fmt == "pdf_from_docx" else ".pptx"))
                recs = build_docx(doc, src) if fmt == "pdf_from_docx" else build_pptx(doc, src)
                to_pdf(src, path)
            pages = [squash(t) for t in extract_text(path)]
            for r in recs:
                hits = [i + 1 for i, t in enumerate(pages) if squash(r["span"]) in t]
                if not hits:
                    raise SystemExit(f"{doc['file']}: span not found in PDF text: {r['span']}")
                r["location"] = f"p.{hits[0]}"
        else:
            raise ValueError(fmt)
        results.append((doc, recs))
    return results


def verify(results):
    problems = []
    strict_misses = []
    for doc, recs in results:
        path = os.path.join(DOCS_DIR, doc["file"])
        texts = extract_text(path)
        full = nfkc("\n".join(texts))
        full_sq = squash(full)
        for r in recs:
            span = r["span"]
            if not (5 <= len(span) <= 120):
                problems.append(f"{doc['file']}: span length {len(span)}: {span}")
            if nfkc(span) not in full:
                if squash(span) in full_sq:
                    strict_misses.append(f"{doc['file']}: only whitespace-insensitive match: {span}")
                else:
                    problems.append(f"{doc['file']}: span not in extracted text: {span}")
        if doc.get("special", {}).get("case") == "no_fields" and recs:
            problems.append(f"{doc['file']}: no_fields document has tagged spans")
    return problems, strict_misses


def answer_key(results):
    lines = []
    for doc, recs in results:
        ents = doc.get("entities") or {None: doc["entity"]}
        for key, name in ents.items():
            for field in FIELDS[doc["kind"]]:
                sel = [r for r in recs if r["entity"] == key and r["field"] == field]
                locs = []
                for r in sel:
                    if r["location"] not in locs:
                        locs.append(r["location"])
                lines.append({"file": doc["file"], "kind": doc["kind"], "entity": name, "field": field,
                              "values": [r["span"] for r in sel], "location": locs})
    return lines


def dump_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


FORMAT_NOTES = {
    "persona_kaigyoui_inchou.md": "Markdown; colloquial Japanese headings (「日々のモヤモヤ」「決め手になる人たち」…); bullets, one numbered list, prose; a pain hidden in the buying-process paragraph; no budget",
    "persona_uketsuke_leader.md": "Markdown with NO headings at all (8 plain paragraphs); pains written as 「〜に手間がかかる」「〜のが難しい」 sentences; decision makers inside the buying-process paragraph; no company size, no budget",
    "persona_byoin_jimuchou.docx": "Word; Title + Heading 1 styles (Japanese, not field names); profile table, bullets, numbered list, prose; all 10 fields present",
    "persona_iryou_joho_tantou.pptx": "PowerPoint, one idea per slide with slide titles; some pains, decision makers, buying-process and budget facts only in speaker notes; no goals, no info sources",
    "product_yuinowa_uketsuke.pdf": "PDF (converted from Word by LibreOffice via ODT, CJK autospacing off) with text layer; Japanese headings; bullets + a table of supported integrations",
    "competitor_apomaru.md": "Markdown sales battle card with English headings (Their edge / Gaps we can hit / Price points / Watch out); terse bullets",
    "competitor_caredoor.docx": "Word; marketing prose report with Japanese headings; bullets and a pricing table",
    "playbook_lead_management_fy2025.docx": "Word; English numbered Heading 1 titles; scoring table, numbered SQL list, owners table; consistent (MQL = 60点)",
    "playbook_is_tachiage_memo.md": "Markdown draft memo; SPECIAL contradiction (MQL 50点 vs 70点); no recycling, no meetings",
    "brand_kotoba_guideline.md": "Markdown; Japanese headings; bullets, prose and a table of banned expressions",
    "persona_kenshin_center.md": "Markdown; SPECIAL no_fields: titled as a persona but it is a meeting memo",
    "persona_seminar_sankasha.pdf": "PDF (converted from PowerPoint; one slide per page); SPECIAL two_personas in one file",
}


def readme(results, key_lines, specials, strict):
    n_vals = sum(len(x["values"]) for x in key_lines)
    n_empty = sum(1 for x in key_lines if not x["values"])
    rows = []
    for doc, recs in results:
        ents = list((doc.get("entities") or {None: doc["entity"]}).values())
        rows.append(f"| `{doc['file']}` | {doc['kind']} | {' / '.join(ents)} | {len(recs)} | {FORMAT_NOTES[doc['file']]} |")
    from collections import Counter
    cnt = Counter(r["field"] for d, recs in results for r in recs if r["location"].endswith("notes"))
    notes_summary = ", ".join(f"{n} value(s) of `{f}`" for f, n in cnt.items())
    strict_note = ("All current spans match even without that step." if not strict else
                   f"{len(strict)} span(s) match only whitespace-insensitively.")
    spec_rows = "\n".join(f"- `{s['file']}` — `{s['case']}`: {s['detail']}" for s in specials)
    return f"""# Extraction evaluation set "epsilon"

Frozen evaluation data for Axis (the marketing-strategy assistant): the internal documents of one fictional
Japanese company, **株式会社ユイノワ**, which sells **ユイノワ受付**, a Web予約・Web問診 service for clinics and
small to mid-size hospitals (診療所〜中規模病院). The documents are written the way its marketing team (long prose)
and its sales team (terse bullet memos) would write them. Headings never name the fields, and some fields are
simply missing, so an extractor has to find each field by what the text means. Every company, person, product,
e-mail address (`example.jp`) and phone number (`03-0000-xxxx`) is fictional.

## Files

`docs/` holds {len(results)} documents: 6 Markdown, 3 Word, 1 PowerPoint and 2 PDF. Each persona, product,
competitor, playbook and guide is in exactly one file.

| file | kind | entity (as the document calls it) | values in key | format / style notes |
|---|---|---|---|---|
{chr(10).join(rows)}

Special cases (also in `special_cases.jsonl`):
{spec_rows}

## Answer key: `answer_key.jsonl`

UTF-8 JSON Lines, {len(key_lines)} lines: one per (document, entity, field) for **every** field of the document's kind,
whether the field is present or not. {n_vals} values in total. {n_empty} lines have `values: []`, which means the field
is absent from that document.

```
{{"file": "<path relative to docs/>", "kind": "persona|product|competitor|playbook|brand-voice",
 "entity": "<name as the document calls it>", "field": "<field id>",
 "values": ["<verbatim span>", ...], "location": ["section <heading>", ...]}}
```

- Field ids: persona `{", ".join(FIELDS["persona"])}`; product `{", ".join(FIELDS["product"])}`;
  competitor `{", ".join(FIELDS["competitor"])}`; playbook `{", ".join(FIELDS["playbook"])}`;
  brand-voice `{", ".join(FIELDS["brand-voice"])}`.
- `values` are verbatim spans of the document text: a bullet item, a table cell, a sentence or a clause, 5–120
  characters each. Values are listed in document order. When a field is filled by several bullets or clauses, each
  one is a separate value.
- `location` is the de-duplicated list of places where the values are, in document order:
  `section <heading text>` for Markdown and Word (the nearest heading above; text before the first heading uses the
  title), `paragraph N` for `persona_uketsuke_leader.md`, which has no headings (N counts the blank-line-separated
  blocks from 1), `slide N` / `slide N notes` for the .pptx, and `p.N` for PDFs (pages from 1).
- In tables, the value is the one cell that carries the information. For example, in a scoring table it is the cell
  naming the behaviour; the points are in the next cell of that row. In the contradiction playbook, both MQL thresholds
  are values of `mql_definition`.
- A value can be a clause of a longer sentence. Some sentences hold clauses for two fields (for example, a pain
  inside the buying-process paragraph), and each clause is then a value of its own field.
- Judgement calls: in the brand guide, the sentence about 「約」「最大」 is counted under `rules` (a writing rule), and
  the 理由 / 言い換えの例 columns of the banned-expressions table are not values. In the playbooks, the points column
  and the category column of a scoring table are not values.

## Rules for a scorer

- Compare after Unicode NFKC normalisation. Every value occurs, after NFKC, in the text that python-docx,
  python-pptx (shapes + notes), pypdf or a plain read of the .md gives. The generator checks this. For the two PDFs,
  also remove whitespace before comparing, because a PDF text layer may break a line inside a span. {strict_note}
- PDF text from LibreOffice may contain CJK compatibility characters (for example Kangxi radicals); NFKC maps them back.
- `persona_kenshin_center.md` must give an empty result for every persona field. A system that fills in
  fields there is hallucinating.
- `persona_seminar_sankasha.pdf` has two entities. Each has its own 10 lines, and the fields missing for one persona
  are present for the other, so values must not cross from one persona to the other.
- `persona_iryou_joho_tantou.pptx` has facts only in its speaker notes (`slide N notes`). A reader that ignores notes
  will miss {notes_summary}.
- Text that fills no field has no value in the key: author/date lines, talk tracks, the "seminar topics" slide, and
  statements of where a competitor does *not* compete. A system that extracts them should be counted as wrong.

## How it was generated

`_generate/content.py` holds all the text as Python data. Inside each string, the spans that fill a field are marked
inline as `{{{{field:span}}}}` (or `{{{{KEY@field:span}}}}` for the two-persona deck). `_generate/generate.py` strips the
markup, writes the .md/.docx/.pptx files (python-docx, python-pptx) and converts two of them to PDF with LibreOffice
(`soffice --headless --convert-to pdf`). The Word file goes through ODT first, with Writer's Asian/Latin autospacing
switched off; otherwise the PDF text layer gets blanks such as `1,240 施設`. It then reads every file back, checks that each span occurs in the extracted
text, takes PDF page numbers from the extracted page text, and writes `answer_key.jsonl`, `special_cases.jsonl` and
this README. No answer key is typed by hand.

```
cd bench/data/extraction_eval/epsilon
python _generate/generate.py      # needs python-docx, python-pptx, pypdf and soffice
```

The build is byte-for-byte reproducible on a machine with the same LibreOffice version (7.4): zip entries and core
properties get fixed timestamps, and the PDF creation dates, `/ID` and `/DocChecksum` are replaced by constants of
the same length. A different LibreOffice or
font version can change the PDF bytes (not the text).
"""


def main():
    results = build_all()
    problems, strict = verify(results)
    for s in strict:
        print("NOTE:", s)
    if problems:
        for pr in problems:
            print("PROBLEM:", pr)
        sys.exit(1)
    key_lines = answer_key(results)
    dump_jsonl(os.path.join(OUT, "answer_key.jsonl"), key_lines)
    specials = [{"file": d["file"], "case": d["special"]["case"], "detail": d["special"]["detail"]}
                for d, _ in results if d.get("special")]
    dump_jsonl(os.path.join(OUT, "special_cases.jsonl"), specials)
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(results, key_lines, specials, strict))
    print(f"{len(results)} documents, {len(key_lines)} answer-key lines, "
          f"{sum(len(x['values']) for x in key_lines)} values, {len(specials)} special cases")


if __name__ == "__main__":
    main()
