# -*- coding: utf-8 -*-
"""Independent checks of files/ against answer_key/ (re-reads the produced files with common libraries).
Not needed to rebuild; run:  python _generate/verify.py   (needs pypdf, pdfplumber, pypdfium2, bs4 too)"""
import sys
sys.dont_write_bytecode = True
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "files")
KEYS = os.path.join(ROOT, "answer_key")
nf = lambda s: unicodedata.normalize("NFKC", s)
ws = lambda s: re.sub(r"\s+", "", s)


def load(name):
    return [json.loads(l) for l in open(os.path.join(KEYS, name), encoding="utf-8")]


def units_docx(path):
    import docx
    d = docx.Document(path)
    body = d.element.body
    out = []
    for child in body.iterchildren():
        tag = child.tag.split("}")[1]
        if tag == "p":
            out.append(docx.text.paragraph.Paragraph(child, d).text)
        elif tag == "tbl":
            t = docx.table.Table(child, d)
            for row in t.rows:
                out.append(" | ".join(c.text for c in row.cells))
    return {"*": "\n".join(out)}


def units_pptx(path):
    from pptx import Presentation
    prs = Presentation(path)
    out = {}
    for i, s in enumerate(prs.slides, 1):
        texts = []
        for sh in s.shapes:
            if sh.has_text_frame:
                texts.append(sh.text_frame.text)
            if sh.has_table:
                for row in sh.table.rows:
                    texts.append(" | ".join(c.text for c in row.cells))
        out["slide %d" % i] = "\n".join(texts)
        if s.has_notes_slide:
            out["slide %d notes" % i] = s.notes_slide.notes_text_frame.text
    return out


def units_pdf(path):
    import pypdf, pdfplumber, pypdfium2
    res = {}
    r = pypdf.PdfReader(path)
    res["pypdf"] = {"p.%d" % i: p.extract_text() for i, p in enumerate(r.pages, 1)}
    with pdfplumber.open(path) as pl:
        res["pdfplumber"] = {"p.%d" % i: (p.extract_text() or "") for i, p in enumerate(pl.pages, 1)}
    doc = pypdfium2.PdfDocument(path)
    res["pdfium"] = {"p.%d" % (i + 1): doc[i].get_textpage().get_text_range() for i in range(len(doc))}
    return res


def units_html(path):
    from bs4 import BeautifulSoup
    raw = open(path, "rb").read()
    m = re.search(rb'charset=([A-Za-z0-9_\-]+)', raw[:1024])
    enc = m.group(1).decode() if m else "utf-8"
    enc = {"shift_jis": "cp932"}.get(enc.lower(), enc)
    return {"*": BeautifulSoup(raw.decode(enc), "html.parser").get_text("\n")}


def units_xlsx(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for w in wb.worksheets:
        out["sheet " + w.title] = "\n".join(" | ".join("" if v is None else str(v) for v in row)
                                            for row in w.iter_rows(values_only=True))
    return out


def check_facts():
    facts = load("facts.jsonl")
    bad = 0
    cache = {}
    for f in facts:
        path = os.path.join(FILES, f["file"])
        t = f["type"]
        if path not in cache:
            cache[path] = {"docx": units_docx, "pptx": units_pptx, "pdf": units_pdf, "html": units_html,
                           "xlsx": units_xlsx}.get(t, lambda p: {"*": open(p, encoding="utf-8").read()})(path)
        u = cache[path]
        a = nf(f["answer"])
        if t == "pdf":
            for lib, pages in u.items():
                txt = nf(pages.get(f["location"], ""))
                if a not in txt:
                    other = [k for k, v in pages.items() if a in nf(v)]
                    print("FACT %s %s: %s not verbatim on %s (ws-insensitive: %s; found on %s)" % (
                        f["id"], lib, a, f["location"], ws(a) in ws(txt), other))
                    bad += 1
        elif t in ("pptx", "xlsx"):
            txt = nf(u.get(f["location"], ""))
            if a not in txt:
                print("FACT %s: %r not in %s" % (f["id"], a, f["location"])); bad += 1
        else:
            if a not in nf(u["*"]):
                print("FACT %s: %r not in %s" % (f["id"], a, f["file"])); bad += 1
    types = defaultdict(int)
    for f in facts:
        types[f["type"]] += 1
    print("facts:", len(facts), dict(types), "problems:", bad)
    return bad


# ---------------------------------------------------------------- KPI cells, re-read independently
def num(s):
    s = str(s).replace(",", "").strip()
    return None if s == "" else float(s)


def check_kpi():
    import openpyxl
    key = load("kpi_cells.jsonl")
    got = []
    wbp = os.path.join(FILES, "06_KPI/2025年度_マーケティングKPI.xlsx")
    wb = openpyxl.load_workbook(wbp, data_only=True)
    w = wb["月次KPI_全社"]
    g = None
    heads = {}
    for c in range(2, w.max_column + 1):
        top = w.cell(4, c).value or g
        if w.cell(4, c).value:
            g = w.cell(4, c).value
        sub = w.cell(5, c).value
        heads[c] = (g, sub)
    canon = {"リード数": "leads", "MQL": "mql", "SQL": "sql", "商談数": "opportunities", "受注件数": "won",
             "売上高[万円]": "revenue", "広告費(千円)": "spend"}
    factor = {"売上高[万円]": 10000, "広告費(千円)": 1000}
    for r in range(6, w.max_row + 1):
        d = w.cell(r, 1).value
        if not isinstance(d, dt.datetime):
            continue
        for c, (grp, sub) in heads.items():
            v = w.cell(r, c).value
            if v is None:
                continue
            if grp in canon:
                m = canon[grp] + ("_target" if sub in ("目標", "予算") else "")
                v = v * factor.get(grp, 1)
            else:
                m = "unmapped:" + grp
            got.append(("06_KPI/2025年度_マーケティングKPI.xlsx", "月次KPI_全社", d.strftime("%Y-%m"), m, v))
    w2 = wb["施策別KPI"]
    hdr = [c.value for c in w2[3]]
    m2 = {"Plan MQL": "mql_target", "MQL": "mql", "目標_商談数": "opportunities_target", "商談数": "opportunities",
          "受注数目標": "won_target", "受注数": "won", "広告費 予算（円）": "spend_target", "広告費（円）": "spend"}
    for row in w2.iter_rows(min_row=4, values_only=True):
        mm = re.match(r"(\d{4})年(\d{1,2})月$", str(row[0] or ""))
        if not mm:
            continue
        for h, v in zip(hdr[1:], row[1:]):
            if v is None:
                continue
            got.append(("06_KPI/2025年度_マーケティングKPI.xlsx", "施策別KPI", "%s-%02d" % (mm.group(1), int(mm.group(2))),
                        m2.get(h, "unmapped:" + h), v))
    # cp932 csv
    p = "06_KPI/営業本部_月次実績_2024年度.csv"
    rows = list(csv.reader(io.StringIO(open(os.path.join(FILES, p), "rb").read().decode("cp932"))))
    hdr = rows[2]
    m3 = {"商談件数": ("opportunities", 1), "受注件数": ("won", 1), "受注件数（計画）": ("won_target", 1),
          "受注金額（千円）": ("revenue", 1000), "受注金額 計画（千円）": ("revenue_target", 1000)}
    for row in rows[3:]:
        mm = re.match(r"(\d{4})/(\d{2})$", row[0])
        if not mm:
            continue
        for h, v in zip(hdr[1:], row[1:]):
            if v == "":
                continue
            met, fac = m3.get(h, ("unmapped:" + h, 1))
            got.append((p, None, "%s-%s" % mm.groups(), met, num(v) * fac))
    # utf-16 tsv
    p = "06_KPI/チャネル別リード数_2025年度.tsv"
    raw = open(os.path.join(FILES, p), "rb").read()
    assert raw[:2] == b"\xff\xfe"
    rows = [l.split("\t") for l in raw[2:].decode("utf-16-le").split("\r\n") if l]
    hdr = rows[3]
    m4 = {"リード合計": "leads", "リード 目標": "leads_target"}
    for row in rows[4:]:
        mm = re.match(r"(\d{4})-(\d{2})$", row[0])
        if not mm:
            continue
        for h, v in zip(hdr[1:], row[1:]):
            if v == "":
                continue
            got.append((p, None, row[0], m4.get(h, "unmapped:" + h), num(v)))
    a = sorted((k["file"], k["sheet"] or "", k["month"], k["metric"], float(k["value"])) for k in key)
    b = sorted((f, s or "", mo, m, float(v)) for f, s, mo, m, v in got)
    ok = a == b
    print("kpi cells:", len(a), "re-read:", len(b), "match:", ok)
    if not ok:
        sa, sb = set(a), set(b)
        print(" only in key:", sorted(sa - sb)[:10]); print(" only in file:", sorted(sb - sa)[:10])
    return 0 if ok else 1


# ---------------------------------------------------------------- CRM months, re-read independently
JST = dt.timezone(dt.timedelta(hours=9))


def month_of(s, utc=False):
    s = (s or "").strip()
    if not s:
        return None
    if utc:
        d = dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).astimezone(JST)
        return d.strftime("%Y-%m")
    return s[:7]


def check_crm():
    import openpyxl
    key = load("crm_months.jsonl")
    got = defaultdict(int)
    base = "07_CRMエクスポート/"
    p = base + "HubSpot/hubspot-crm-exports-2025年度新規コンタクト-2025-10-31.csv"
    raw = open(os.path.join(FILES, p), "rb").read()
    assert raw[:3] == b"\xef\xbb\xbf"
    rd = csv.DictReader(io.StringIO(raw[3:].decode("utf-8")))
    cols = {"leads": "作成日", "mql": "MQL(マーケティング上の有望な見込み客)になった日付",
            "sql": "SQL(営業上の有望な見込み客)になった日付", "opportunities": "商談になった日付", "won": "顧客に転換した日付"}
    n = 0
    for r in rd:
        n += 1
        for m, c in cols.items():
            mo = month_of(r[c])
            if mo:
                got[(p, mo, m)] += 1
    print("hubspot contacts rows", n)
    p = base + "Marketo/FY2024_全リード_SmartList_20250404.csv"
    rd = csv.DictReader(io.StringIO(open(os.path.join(FILES, p), encoding="utf-8").read()))
    n = shift = 0
    for r in rd:
        n += 1
        mo = month_of(r["Created At"], utc=True)
        got[(p, mo, "leads")] += 1
        if r["Created At"][:7] != mo:
            shift += 1
        for m, c in (("mql", "MQL Date"), ("sql", "SQL Date")):
            mo = month_of(r[c])
            if mo:
                got[(p, mo, m)] += 1
    print("marketo rows", n, "(records whose UTC month differs from the JST month: %d)" % shift)
    p = base + "kintone/案件管理_20251031.csv"
    rd = csv.DictReader(io.StringIO(open(os.path.join(FILES, p), "rb").read().decode("cp932")))
    n = 0
    for r in rd:
        n += 1
        got[(p, month_of(r["案件登録日"]), "opportunities")] += 1
        if r["案件ステータス"] == "受注" and r["受注日"]:
            got[(p, month_of(r["受注日"]), "won")] += 1
            got[(p, month_of(r["受注日"]), "revenue")] += int(r["受注金額（税抜）"])
    print("kintone rows", n)
    p = base + "HubSpot/hubspot-crm-exports-all-deals-2025-10-31.xlsx"
    w = openpyxl.load_workbook(os.path.join(FILES, p)).active
    hdr = [c.value for c in w[1]]
    n = 0
    for row in w.iter_rows(min_row=2, values_only=True):
        n += 1
        r = dict(zip(hdr, row))
        got[(p, r["作成日"].strftime("%Y-%m"), "opportunities")] += 1
        if r["取引ステージ"] == "成約" and r["クローズ日"]:
            got[(p, r["クローズ日"].strftime("%Y-%m"), "won")] += 1
            got[(p, r["クローズ日"].strftime("%Y-%m"), "revenue")] += r["金額"]
    print("hubspot deals rows", n)
    bad = 0
    for k in key:
        if got.get((k["file"], k["month"], k["metric"]), 0) != k["value"]:
            bad += 1
            print("CRM mismatch", k, got.get((k["file"], k["month"], k["metric"])))
    keyset = {(k["file"], k["month"], k["metric"]) for k in key}
    for g, v in got.items():
        if g not in keyset and v:
            bad += 1
            print("CRM value missing from key", g, v)
    print("crm month rows:", len(key), "problems:", bad)
    return bad


def check_feedback():
    import openpyxl
    key = load("feedback_notes.jsonl")
    wb = openpyxl.load_workbook(os.path.join(FILES, "04_マーケ営業連携/営業フィードバック一覧_2025上期.xlsx"))
    bad = 0
    for k in key:
        w = wb[k["sheet"]]
        hdr_row = 4 if k["sheet"] == "商談フィードバック" else 1
        col = 9 if k["sheet"] == "商談フィードバック" else 6
        if w.cell(hdr_row + k["row"], col).value != k["text"]:
            bad += 1
    print("feedback notes:", len(key), "problems:", bad)
    return bad


def check_files():
    key = load("files.jsonl")
    on_disk = sorted(os.path.relpath(os.path.join(d, f), FILES) for d, _, fs in os.walk(FILES) for f in fs)
    ok = sorted(k["file"] for k in key) == on_disk
    z = os.path.join(FILES, "99_その他/旧_提案書テンプレート_2023.docx")
    names = zipfile.ZipFile(z).namelist()
    print("files:", len(on_disk), "listed:", ok, "| broken docx members:", names)
    return 0 if ok else 1


if __name__ == "__main__":
    bad = check_files() + check_facts() + check_kpi() + check_crm() + check_feedback()
    print("TOTAL PROBLEMS", bad)
    sys.exit(1 if bad else 0)
