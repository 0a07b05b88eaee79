# -*- coding: utf-8 -*-
"""Rebuild files/ and answer_key/ for the format-zoo company "alpha" (株式会社トキワセンス, fictional).

Run from the output folder:   python _generate/generate.py
Needs: python-docx, python-pptx, openpyxl, reportlab, Pillow; LibreOffice (soffice) for one PDF.
"""
import sys
sys.dont_write_bytecode = True
import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
import tempfile
import unicodedata
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)
FILES = os.path.join(ROOT, "files")
KEYS = os.path.join(ROOT, "answer_key")

import crmdata as C  # noqa: E402
import feedback as FB  # noqa: E402
import render_docs as R  # noqa: E402
from ooxml import normalize_zip, write_zip  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.chart import LineChart, Reference  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

import docs as D  # noqa: E402

P = OrderedDict()  # doc key -> relative path
P["company_html"] = "00_会社情報/会社概要_社内ポータル.html"
P["logo_png"] = "00_会社情報/トキワセンス_ロゴ.png"
P["persona_docx"] = "01_ペルソナ/ペルソナシート_工場長・情シス部長_v3.docx"
P["booklet_pdf"] = "01_ペルソナ/ペルソナブック2025_生産技術課長編.pdf"
P["product_pptx"] = "02_製品資料/MIHARI_製品紹介資料_2025下期.pptx"
P["brochure_pdf"] = "02_製品資料/MIHARI_製品パンフレット_2025.pdf"
P["comp_pptx"] = "03_競合/競合比較_2025年10月版_社外秘.pptx"
P["comp_html"] = "03_競合/競合メモ_営業ナレッジWiki.html"
P["playbook_docx"] = "04_マーケ営業連携/マーケ営業連携プレイブック_v2.1.docx"
P["minutes_md"] = "04_マーケ営業連携/営業マーケ定例_議事録_2025-10-07.md"
P["feedback_xlsx"] = "04_マーケ営業連携/営業フィードバック一覧_2025上期.xlsx"
P["expo_txt"] = "04_マーケ営業連携/展示会振り返り_ものづくりDXフェア名古屋2025.txt"
P["brand_docx"] = "05_ブランド/ブランドボイス・表記ガイドライン_第3版.docx"
P["style_txt"] = "05_ブランド/表記ルール早見表.txt"
P["kpi_xlsx"] = "06_KPI/2025年度_マーケティングKPI.xlsx"
P["sales_csv"] = "06_KPI/営業本部_月次実績_2024年度.csv"
P["channel_tsv"] = "06_KPI/チャネル別リード数_2025年度.tsv"
P["hs_contacts"] = "07_CRMエクスポート/HubSpot/hubspot-crm-exports-2025年度新規コンタクト-2025-10-31.csv"
P["hs_deals"] = "07_CRMエクスポート/HubSpot/hubspot-crm-exports-all-deals-2025-10-31.xlsx"
P["marketo"] = "07_CRMエクスポート/Marketo/FY2024_全リード_SmartList_20250404.csv"
P["kintone"] = "07_CRMエクスポート/kintone/案件管理_20251031.csv"
P["broken_docx"] = "99_その他/旧_提案書テンプレート_2023.docx"


def fp(key):
    p = os.path.join(FILES, P[key])
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


# ====================================================================== CRM exports
def fmt_dt(d):
    return "" if d is None else d.strftime("%Y-%m-%d %H:%M")


def fmt_d(d):
    return "" if d is None else d.strftime("%Y-%m-%d")


def write_csv(path, header, rows, encoding, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n", delimiter=",",
              preamble=()):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting, lineterminator=lineterminator, delimiter=delimiter)
    for pre in preamble:
        w.writerow(pre)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue()
    with open(path, "wb") as f:
        if encoding == "utf-8-sig":
            f.write(b"\xef\xbb\xbf" + data.encode("utf-8"))
        elif encoding == "utf-16le-bom":
            f.write(b"\xff\xfe" + data.encode("utf-16-le"))
        else:
            f.write(data.encode(encoding))  # strict: fails loudly on characters outside cp932


HS_CONTACT_HEADER = ["レコードID", "名", "姓", "Eメール", "会社名", "役職", "電話番号", "業種", "作成日",
                     "ライフサイクルステージ", "リードステータス", "初回のソース", "リード獲得チャネル", "HubSpotスコア",
                     "リード(見込み客)になった日付", "MQL(マーケティング上の有望な見込み客)になった日付",
                     "SQL(営業上の有望な見込み客)になった日付", "商談になった日付", "顧客に転換した日付", "コンタクト担当者"]


def write_hubspot_contacts(recs):
    rows = []
    for r in recs:
        rows.append([r["id"], r["first"], r["last"], r["email"], r["company"], r["title"], r["phone"], r["industry"],
                     fmt_dt(r["created"]), r["stage"], r["lead_status"], r["source"], r["channel"], r["score"],
                     fmt_dt(r["lead_at"]), fmt_dt(r["mql_at"]), fmt_dt(r["sql_at"]), fmt_dt(r["opp_at"]),
                     fmt_dt(r["cust_at"]), r["owner"]])
    write_csv(fp("hs_contacts"), HS_CONTACT_HEADER, rows, "utf-8-sig", quoting=csv.QUOTE_ALL, lineterminator="\n")


MARKETO_HEADER = ["Id", "First Name", "Last Name", "Email Address", "Company Name", "Job Title", "Industry",
                  "Number of Employees", "Phone Number", "Lead Source", "Person Source", "Acquisition Program",
                  "Lead Status", "Lead Score", "Created At", "Updated At", "MQL Date", "SQL Date"]


def write_marketo(recs):
    rows = []
    for r in recs:
        rows.append([r["Id"], r["First Name"], r["Last Name"], r["Email Address"], r["Company Name"], r["Job Title"],
                     r["Industry"], r["Number of Employees"], r["Phone Number"], r["Lead Source"], r["Person Source"],
                     r["Acquisition Program"], r["Lead Status"], r["Lead Score"], C.utc_iso(r["Created At"]),
                     C.utc_iso(r["Updated At"]), fmt_d(r["MQL Date"]), fmt_d(r["SQL Date"])])
    write_csv(fp("marketo"), MARKETO_HEADER, rows, "utf-8", lineterminator="\n")


KINTONE_HEADER = ["レコード番号", "案件名", "顧客名", "業種", "従業員数", "顧客担当者", "担当営業", "案件ステータス", "確度",
                  "流入経路", "競合", "案件登録日", "PoC開始日", "受注日", "失注日", "見込金額（税抜）", "受注金額（税抜）",
                  "失注理由", "備考", "作成者", "作成日時", "更新者", "更新日時"]


def write_kintone(recs):
    rows = []
    for r in recs:
        rows.append([r["no"], r["deal"], r["customer"], r["industry"], r["employees"], r["contact"], r["rep"],
                     r["status"], r["prob"], r["source"], r["competitor"], fmt_d(r["reg"]), fmt_d(r["poc"]),
                     fmt_d(r["won"]), fmt_d(r["lost"]), r["est"], "" if r["won_amt"] is None else r["won_amt"],
                     r["lost_reason"], r["memo"], r["rep"], fmt_dt(r["created"]), r["rep"], fmt_dt(r["updated"])])
    write_csv(fp("kintone"), KINTONE_HEADER, rows, "cp932", quoting=csv.QUOTE_ALL)


HS_DEAL_HEADER = ["レコードID", "取引名", "パイプライン", "取引ステージ", "金額", "クローズ日", "作成日", "取引担当者",
                  "取引タイプ", "関連付けられた会社", "取引ソース", "失注理由"]


def write_hubspot_deals(recs):
    wb = Workbook()
    ws = wb.active
    ws.title = "取引"
    ws.append(HS_DEAL_HEADER)
    for r in recs:
        ws.append([r["id"], r["name"], r["pipeline"], r["stage"], r["amount"], r["close"], r["created"], r["owner"],
                   r["type"], r["company"], r["source"], r["lost_reason"]])
    for row in ws.iter_rows(min_row=2):
        row[5].number_format = "yyyy-mm-dd"
        row[6].number_format = "yyyy-mm-dd hh:mm"
        row[4].number_format = "#,##0"
    for i, w in enumerate([14, 30, 18, 12, 12, 12, 17, 12, 12, 24, 14, 16], 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wb.properties.creator = "HubSpot"
    wb.properties.created = R.FIXED
    path = fp("hs_deals")
    wb.save(path)
    normalize_zip(path)


# ====================================================================== KPI workbook and text tables
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")

# sheet 1 layout: (group header, [(sub header, canonical metric, value key, factor to yen)])
S1_GROUPS = [
    ("リード数", [("目標", "leads_target", "leads_target", 1), ("実績", "leads", "leads", 1)]),
    ("MQL", [("目標", "mql_target", "mql_target", 1), ("実績", "mql", "mql", 1)]),
    ("SQL", [("目標", "sql_target", "sql_target", 1), ("実績", "sql", "sql", 1)]),
    ("商談数", [("目標", "opportunities_target", "opportunities_target", 1), ("実績", "opportunities", "opportunities", 1)]),
    ("受注件数", [("目標", "won_target", "won_target", 1), ("実績", "won", "won", 1)]),
    ("売上高[万円]", [("目標", "revenue_target", "revenue_target_man", 10000), ("実績", "revenue", "revenue_man", 10000)]),
    ("広告費(千円)", [("予算", "spend_target", "spend_target_sen", 1000), ("実績", "spend", "spend_sen", 1000)]),
]
S1_SINGLE = [("展示会来場者数", "unmapped:展示会来場者数", "booth", 1)]

S2_COLS = [("ウェビナー申込数", "unmapped:ウェビナー申込数", "webinar_signups", 1),
           ("資料DL数", "unmapped:資料DL数", "downloads", 1),
           ("Plan MQL", "mql_target", "mql_target", 1), ("MQL", "mql", "mql", 1),
           ("目標_商談数", "opportunities_target", "opportunities_target", 1), ("商談数", "opportunities", "opportunities", 1),
           ("受注数目標", "won_target", "won_target", 1), ("受注数", "won", "won", 1),
           ("広告費 予算（円）", "spend_target", "spend_target_sen", 1000), ("広告費（円）", "spend", "spend_sen", 1000)]

TSV_COLS = [("展示会", "unmapped:展示会", ("ch", "展示会"), 1), ("ウェビナー", "unmapped:ウェビナー", ("ch", "ウェビナー"), 1),
            ("自然検索", "unmapped:自然検索", ("ch", "自然検索"), 1), ("Web広告", "unmapped:Web広告", ("ch", "Web広告"), 1),
            ("紹介・その他", "unmapped:紹介・その他", ("ch", "紹介・その他"), 1), ("リード合計", "leads", "leads", 1),
            ("リード 目標", "leads_target", "leads_target", 1)]

CSV_COLS = [("商談件数", "opportunities", "opportunities", 1), ("受注件数", "won", "won", 1),
            ("受注件数（計画）", "won_target", "won_target", 1), ("受注金額（千円）", "revenue", "revenue_sen", 1000),
            ("受注金額 計画（千円）", "revenue_target", "revenue_target_sen", 1000), ("失注件数", "unmapped:失注件数", "lost", 1)]


def getv(row, key):
    if isinstance(key, tuple):
        if not row["actual"] or "channels" not in row:
            return None
        return row["channels"].get(key[1], 0)
    if key == "revenue_sen":
        return None if row.get("revenue_man") is None else row["revenue_man"] * 10
    if key == "revenue_target_sen":
        return row["revenue_target_man"] * 10
    return row.get(key)


def style_header(cell):
    cell.font = Font(bold=True)
    cell.fill = HEAD_FILL
    cell.border = BOX
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_kpi_workbook(rows, cells):
    wb = Workbook()
    ws = wb.active
    ws.title = "月次KPI_全社"
    ws["A1"] = "マーケティングKPI 月次実績（2024年度・2025年度）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "単位：件（売上高は万円、広告費は千円）　2025年11月10日時点　作成：マーケティング部"
    ws["A2"].font = Font(size=9, color="555555")
    ws.merge_cells("A4:A5")
    ws["A4"] = "年月"
    style_header(ws["A4"]); style_header(ws["A5"])
    col = 2
    layout = []  # (col, metric, key, factor, header)
    for g, subs in S1_GROUPS:
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + len(subs) - 1)
        ws.cell(4, col, g)
        for j, (sub, metric, key, factor) in enumerate(subs):
            style_header(ws.cell(4, col + j))
            ws.cell(5, col + j, sub)
            style_header(ws.cell(5, col + j))
            layout.append((col + j, metric, key, factor))
        col += len(subs)
    for name, metric, key, factor in S1_SINGLE:
        ws.merge_cells(start_row=4, start_column=col, end_row=5, end_column=col)
        ws.cell(4, col, name)
        style_header(ws.cell(4, col)); style_header(ws.cell(5, col))
        layout.append((col, metric, key, factor))
        col += 1
    r = 6
    money_fmt = "#,##0"

    def total_row(label, sel, avg=False):
        nonlocal r
        ws.cell(r, 1, label).font = Font(bold=True)
        for (c, metric, key, factor) in layout:
            vals = [getv(x, key) for x in sel if getv(x, key) is not None]
            if not vals:
                continue
            v = sum(vals) / len(vals) if avg else sum(vals)
            cell = ws.cell(r, c, round(v, 1) if avg else v)
            cell.number_format = "#,##0.0" if avg else money_fmt
        for c in range(1, col):
            ws.cell(r, c).fill = TOTAL_FILL
            ws.cell(r, c).border = BOX
        r += 1

    for fy in (2024, 2025):
        sel = [x for x in rows if x["fy"] == fy]
        for x in sel:
            d = ws.cell(r, 1, dt.datetime(x["y"], x["m"], 1))
            d.number_format = 'yyyy"年"m"月"'
            d.border = BOX
            for (c, metric, key, factor) in layout:
                v = getv(x, key)
                cell = ws.cell(r, c)
                cell.border = BOX
                if v is None:
                    continue
                cell.value = v
                cell.number_format = money_fmt
                cells.append({"file": P["kpi_xlsx"], "sheet": ws.title, "month": x["month"], "metric": metric,
                              "value": v * factor})
            r += 1
        total_row("%d年度 合計" % fy, sel)
    total_row("2025年度 月平均（実績月のみ）", [x for x in rows if x["fy"] == 2025 and x["actual"]], avg=True)
    r += 1
    ws.cell(r, 1, "※売上高は受注月に計上。集計ルールは「前提・定義」シートを参照。11月以降の実績は未確定のため空欄。").font = Font(size=9)
    ws.column_dimensions["A"].width = 24
    for c in range(2, col):
        ws.column_dimensions[get_column_letter(c)].width = 9.5
    ws.column_dimensions[get_column_letter(col - 1)].width = 12
    ws.freeze_panes = "B6"

    # ---- sheet 2: text months, one header row
    ws2 = wb.create_sheet("施策別KPI")
    ws2["A1"] = "2025年度 施策別KPI（マーケティング部）"
    ws2["A1"].font = Font(bold=True, size=13)
    ws2["A2"] = "金額の単位：円／11月以降は計画値のみ"
    ws2.cell(3, 1, "月")
    style_header(ws2.cell(3, 1))
    for j, (h, metric, key, factor) in enumerate(S2_COLS, 2):
        ws2.cell(3, j, h)
        style_header(ws2.cell(3, j))
    rr = 4
    sel = [x for x in rows if x["fy"] == 2025]
    for x in sel:
        ws2.cell(rr, 1, "%d年%d月" % (x["y"], x["m"])).border = BOX
        for j, (h, metric, key, factor) in enumerate(S2_COLS, 2):
            v = getv(x, key)
            cell = ws2.cell(rr, j)
            cell.border = BOX
            if v is None:
                continue
            v = v * factor  # sheet 2 stores money in 円
            cell.value = v
            cell.number_format = "#,##0"
            cells.append({"file": P["kpi_xlsx"], "sheet": ws2.title, "month": x["month"], "metric": metric, "value": v})
        rr += 1
    ws2.cell(rr, 1, "合計").font = Font(bold=True)
    for j, (h, metric, key, factor) in enumerate(S2_COLS, 2):
        vals = [getv(x, key) for x in sel if getv(x, key) is not None]
        ws2.cell(rr, j, sum(vals) * factor).number_format = "#,##0"
        ws2.cell(rr, j).fill = TOTAL_FILL
    ws2.cell(rr, 1).fill = TOTAL_FILL
    ws2.column_dimensions["A"].width = 12
    for j in range(2, len(S2_COLS) + 2):
        ws2.column_dimensions[get_column_letter(j)].width = 14

    # ---- sheet 3: chart only
    ws3 = wb.create_sheet("グラフ")
    ch = LineChart()
    ch.title = "リード数・MQL（2025年度 実績）"
    ch.y_axis.title = "件"
    first = 6 + 13  # first FY2025 data row on sheet 1
    data = Reference(ws, min_col=3, min_row=first, max_row=first + 6)
    ch.add_data(data, titles_from_data=False)
    data2 = Reference(ws, min_col=5, min_row=first, max_row=first + 6)
    ch.add_data(data2, titles_from_data=False)
    ch.set_categories(Reference(ws, min_col=1, min_row=first, max_row=first + 6))
    ch.width, ch.height = 22, 11
    ws3.add_chart(ch, "B2")

    # ---- sheets 4-5: reference
    ws4 = wb.create_sheet("前提・定義")
    for row in D.KPI_REFERENCE_ROWS:
        ws4.append(row)
    ws4["A1"].font = Font(bold=True, size=13)
    for c in ws4[2]:
        style_header(c)
    ws4.column_dimensions["A"].width = 18
    ws4.column_dimensions["B"].width = 100
    ws5 = wb.create_sheet("更新履歴")
    for row in D.KPI_HISTORY_ROWS:
        ws5.append(row)
    for c in ws5[1]:
        style_header(c)
    ws5.column_dimensions["A"].width = 12
    ws5.column_dimensions["C"].width = 80
    wb.properties.creator = "村井 大樹"
    wb.properties.lastModifiedBy = "村井 大樹"
    wb.properties.created = R.FIXED
    path = fp("kpi_xlsx")
    wb.save(path)
    normalize_zip(path)


def write_channel_tsv(rows, cells):
    """Excel「Unicode テキスト」: UTF-16LE with BOM, tab-separated, CRLF, values as displayed."""
    sel = [x for x in rows if x["fy"] == 2025]
    n = len(TSV_COLS) + 1
    lines = [["チャネル別 新規リード数（2025年度）"] + [""] * (n - 1),
             ["出典：HubSpot コンタクト（リード獲得チャネル）　2025/11/10 更新"] + [""] * (n - 1),
             [""] * n,
             ["年月"] + [h for h, _, _, _ in TSV_COLS]]
    tot = defaultdict(int)
    for x in sel:
        line = ["%d-%02d" % (x["y"], x["m"])]
        for h, metric, key, factor in TSV_COLS:
            v = getv(x, key)
            if v is None:
                line.append("")
                continue
            tot[h] += v
            line.append("{:,}".format(v))
            cells.append({"file": P["channel_tsv"], "sheet": None, "month": x["month"], "metric": metric, "value": v})
        lines.append(line)
    lines.append(["合計"] + ["{:,}".format(tot[h]) for h, _, _, _ in TSV_COLS])
    text = "\r\n".join("\t".join(l) for l in lines) + "\r\n"
    with open(fp("channel_tsv"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


def write_sales_csv(rows, cells):
    """Excel「CSV（コンマ区切り）」saved on a Japanese Windows PC: cp932, values as displayed (1,234 quoted)."""
    sel = [x for x in rows if x["fy"] == 2024]
    n = len(CSV_COLS) + 1
    out = [["営業本部 月次実績（2024年度）kintone案件管理より集計"] + [""] * (n - 1), [""] * n,
           ["年月"] + [h for h, _, _, _ in CSV_COLS]]
    tot = defaultdict(int)
    for x in sel:
        line = ["%d/%02d" % (x["y"], x["m"])]
        for h, metric, key, factor in CSV_COLS:
            v = getv(x, key)
            tot[h] += v
            line.append("{:,}".format(v))
            cells.append({"file": P["sales_csv"], "sheet": None, "month": x["month"], "metric": metric, "value": v * factor})
        out.append(line)
    out.append(["合計"] + ["{:,}".format(tot[h]) for h, _, _, _ in CSV_COLS])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for l in out:
        w.writerow(l)
    with open(fp("sales_csv"), "wb") as f:
        f.write(buf.getvalue().encode("cp932"))


# ====================================================================== feedback workbook
def write_feedback(notes_out):
    wb = Workbook()
    ws = wb.active
    ws.title = "商談フィードバック"
    ws["A1"] = "営業フィードバック一覧（2025年度上期〜）"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "記入ルール：1商談1行。顧客名は社内の略称でよい。マーケへの依頼は「対応状況」を「マーケ依頼済」に。"
    ws["A2"].font = Font(size=9)
    head = ["No.", "記入日", "営業担当", "顧客名", "業種", "規模", "商談フェーズ", "カテゴリ", "顧客の声・気づき", "対応状況"]
    for j, h in enumerate(head, 1):
        ws.cell(4, j, h)
        style_header(ws.cell(4, j))
    for i, (d, rep, cust, ind, size, phase, cat, text, status) in enumerate(FB.FEEDBACK, 1):
        row = [i, dt.datetime.strptime(d, "%Y-%m-%d"), rep, cust, ind, size, phase, cat, text, status]
        for j, v in enumerate(row, 1):
            c = ws.cell(4 + i, j, v)
            c.border = BOX
            if j == 2:
                c.number_format = "yyyy/m/d"
            if j == 9:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        notes_out.append({"file": P["feedback_xlsx"], "sheet": ws.title, "row": i, "text": text})
    ws.auto_filter.ref = "A4:J%d" % (4 + len(FB.FEEDBACK))
    for j, w in enumerate([5, 11, 9, 16, 10, 8, 13, 11, 70, 12], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A5"

    ws2 = wb.create_sheet("失注・保留ヒアリング")
    head2 = ["日付", "担当者", "会社名", "業種", "理由区分", "ヒアリング内容"]
    ws2.append(head2)
    for c in ws2[1]:
        style_header(c)
    for i, (d, rep, cust, ind, reason, text) in enumerate(FB.LOSS_HEARINGS, 1):
        ws2.append([dt.datetime.strptime(d, "%Y-%m-%d"), rep, cust, ind, reason, text])
        ws2.cell(1 + i, 1).number_format = "yyyy/mm/dd"
        notes_out.append({"file": P["feedback_xlsx"], "sheet": ws2.title, "row": i, "text": text})
    for j, w in enumerate([11, 9, 16, 10, 10, 80], 1):
        ws2.column_dimensions[get_column_letter(j)].width = w

    ws3 = wb.create_sheet("集計")
    ws3.append(["カテゴリ別件数（商談フィードバック）", ""])
    ws3["A1"].font = Font(bold=True)
    ws3.append(["カテゴリ", "件数"])
    cnt = defaultdict(int)
    for f in FB.FEEDBACK:
        cnt[f[6]] += 1
    for k in sorted(cnt, key=lambda k: (-cnt[k], k)):
        ws3.append([k, cnt[k]])
    ws3.append([])
    ws3.append(["理由区分別件数（失注・保留ヒアリング）", ""])
    ws3.append(["理由区分", "件数"])
    cnt2 = defaultdict(int)
    for f in FB.LOSS_HEARINGS:
        cnt2[f[4]] += 1
    for k in sorted(cnt2, key=lambda k: (-cnt2[k], k)):
        ws3.append([k, cnt2[k]])
    wb.properties.creator = "石井 隆之"
    wb.properties.created = R.FIXED
    path = fp("feedback_xlsx")
    wb.save(path)
    normalize_zip(path)


# ====================================================================== image + broken file
def write_logo():
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("RGB", (480, 140), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([20, 30, 100, 110], fill=(13, 77, 115))
    d.ellipse([40, 50, 80, 90], outline=(255, 255, 255), width=6)
    d.text((120, 52), "TOKIWA SENSE", fill=(13, 77, 115), font=ImageFont.load_default())
    d.text((120, 78), "MIHARI - IoT predictive maintenance", fill=(90, 90, 90), font=ImageFont.load_default())
    img.save(fp("logo_png"), format="PNG", optimize=False)


def write_broken_docx():
    from PIL import Image
    members = []
    for i, col in enumerate([(200, 200, 200), (230, 220, 200)], 1):
        b = io.BytesIO()
        Image.new("RGB", (64, 48), col).save(b, format="PNG")
        members.append(("scan_%03d.png" % i, b.getvalue()))
    members.append(("readme.txt", "旧提案書のスキャン画像（2023年）\r\n".encode("cp932")))
    write_zip(fp("broken_docx"), members)


# ====================================================================== facts: find each answer in the source structures
def doc_sections(kind, blocks):
    """yield (location, text) pairs for docx/html/md/txt block lists"""
    heading = None
    buf = defaultdict(list)
    order = []
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "h3", "title") and not (kind in ("html", "md") and k == "h3"):
            if kind in ("html", "md", "txt") and k == "h1":
                heading = b[1]
            elif kind in ("html", "md", "txt") and k in ("h2",):
                heading = b[1]
            elif kind == "docx" and k in ("h1", "h2", "h3"):
                heading = b[1]
            elif k == "title":
                heading = b[1]
            if heading not in order:
                order.append(heading)
            buf[heading].append(b[1])
            continue
        if heading not in order:
            order.append(heading)
        if k == "p":
            buf[heading].append(b[1])
        elif k in ("ul", "ol"):
            buf[heading].extend(b[1])
        elif k == "table":
            for row in b[1]:
                buf[heading].extend(row)
    return [("section %s" % h, buf[h]) for h in order]


def slide_units(slides):
    out = []
    for i, s in enumerate(slides, 1):
        texts = [s["title"], s.get("subtitle", "")]
        for b in s.get("bullets", []):
            texts.append(b[1] if isinstance(b, tuple) else b)
        for row in s.get("table", []):
            texts.extend(row)
        out.append(("slide %d" % i, texts))
        if s.get("notes"):
            out.append(("slide %d notes" % i, [s["notes"]]))
    return out


def page_units(pages):
    out = []
    for i, page in enumerate(pages, 1):
        texts = []
        for b in page:
            if b[0] in ("ul", "ol"):
                texts.extend(b[1])
            elif b[0] == "table":
                for row in b[1]:
                    texts.extend(row)
            elif b[0] != "pagebreak":
                texts.append(b[1])
        out.append(("p.%d" % i, texts))
    return out


def build_facts(ctx):
    units = {
        "persona_docx": ("docx", doc_sections("docx", D.PERSONA_DOCX)),
        "playbook_docx": ("docx", doc_sections("docx", D.PLAYBOOK_DOCX)),
        "brand_docx": ("docx", doc_sections("docx", D.BRAND_DOCX)),
        "booklet_pdf": ("pdf", page_units(D.BOOKLET_PAGES)),
        "brochure_pdf": ("pdf", page_units(D.BROCHURE_PAGES)),
        "product_pptx": ("pptx", slide_units(D.PRODUCT_SLIDES)),
        "comp_pptx": ("pptx", slide_units(D.COMP_SLIDES)),
        "company_html": ("html", doc_sections("html", D.COMPANY_HTML)),
        "comp_html": ("html", doc_sections("html", D.COMP_HTML)),
        "minutes_md": ("md", doc_sections("md", ctx["minutes"])),
        "expo_txt": ("txt", doc_sections("txt", D.EXPO_TXT)),
        "style_txt": ("txt", doc_sections("txt", D.STYLE_TXT)),
        "kpi_xlsx:前提・定義": ("xlsx", [("sheet 前提・定義", [c for row in D.KPI_REFERENCE_ROWS for c in row])]),
        "kpi_xlsx:更新履歴": ("xlsx", [("sheet 更新履歴", [c for row in D.KPI_HISTORY_ROWS for c in row])]),
    }
    alltext = {k: nfkc("\n".join(t for _, ts in v[1] for t in ts)) for k, v in units.items()}
    facts = []
    for n, (key, q, a) in enumerate(D.FACTS, 1):
        if a == "@SEP_RATE":
            a = "9月のMQL→SQL転換率は%s%%" % ctx["sep_rate"]
        typ, us = units[key]
        hits = [loc for loc, texts in us if any(nfkc(a) in nfkc(t) for t in texts)]
        if len(hits) != 1:
            raise SystemExit("fact %d %r found in %d locations of %s: %s" % (n, a, len(hits), key, hits))
        others = [k for k, t in alltext.items() if k.split(":")[0] != key.split(":")[0] and nfkc(a) in t]
        if others:
            raise SystemExit("fact %d %r is not unique to %s (also in %s)" % (n, a, key, others))
        if not 5 <= len(a) <= 40:
            raise SystemExit("fact %d answer length %d: %r" % (n, len(a), a))
        facts.append({"id": "F%02d" % n, "file": P[key.split(":")[0]], "type": typ, "location": hits[0],
                      "question": q, "answer": a})
    return facts


# ====================================================================== CRM month keys
def crm_months(crm):
    specs = [("hs_contacts", "hubspot", crm["contacts"], C.hubspot_contact_rules(),
              ["leads", "mql", "sql", "opportunities", "won"]),
             ("hs_deals", "hubspot", crm["deals"], C.hubspot_deal_rules(), ["opportunities", "won", "revenue"]),
             ("marketo", "marketo", crm["marketo"], C.marketo_rules(), ["leads", "mql", "sql"]),
             ("kintone", "kintone", crm["kintone"], C.kintone_rules(), ["opportunities", "won", "revenue"])]
    out = []
    for key, tool, recs, rules, metrics in specs:
        rules = {m: rules[m] for m in metrics}
        ag = C.agg(recs, rules)
        months = sorted({mo for m in metrics for mo in ag[m]})
        first = tuple(int(x) for x in months[0].split("-"))
        last = tuple(int(x) for x in months[-1].split("-"))
        for mo in C.month_range(first, last):
            for m in metrics:
                out.append({"file": P[key], "tool": tool, "month": mo, "metric": m, "value": ag[m].get(mo, 0)})
    return out


# ====================================================================== files.jsonl
def files_index():
    F = []

    def add(key, typ, expected, content, why, crm_tool=None, sheets=None):
        F.append({"file": P[key], "type": typ, "expected": expected, "content": content, "crm_tool": crm_tool,
                  "sheets": sheets, "why": why})
    add("company_html", "html", "ingest", "company", "社内ポータルの会社概要ページ（Shift_JIS、meta charset で宣言）。見出し・リスト・表あり")
    add("logo_png", "png", "skip", "image", "ロゴ画像。テキストなし・非対応形式として skipped に理由付きで列挙されるべき")
    add("persona_docx", "docx", "ingest", "persona", "工場長と情報システム部長のペルソナ。情シス部長はこのファイルにしか存在しない")
    add("booklet_pdf", "pdf", "ingest", "persona", "生産技術課長ペルソナ冊子（5ページ、Wordから LibreOffice でPDF化、テキスト層あり）")
    add("product_pptx", "pptx", "ingest", "product", "製品紹介デッキ16枚。表あり、ノートにだけある事実あり")
    add("brochure_pdf", "pdf", "ingest", "product", "製品パンフレット6ページ（テキスト層あり、CIDフォント）")
    add("comp_pptx", "pptx", "ingest", "competitor", "競合比較デッキ10枚。比較表・価格表あり、ノートにだけある事実あり")
    add("comp_html", "html", "ingest", "competitor", "営業ナレッジWikiの競合メモ（UTF-8）")
    add("playbook_docx", "docx", "ingest", "playbook", "MQL定義・スコアリング表・受け渡し期限・SQL基準・会議体を含むプレイブック")
    add("minutes_md", "md", "ingest", "note", "営業・マーケ定例の議事録（front matter なし）")
    add("feedback_xlsx", "xlsx", "ingest", "feedback", "営業フィードバック2シート（タイトル行付き70件＋30件）と集計シート",
        sheets=[{"sheet": "商談フィードバック", "content": "feedback"}, {"sheet": "失注・保留ヒアリング", "content": "feedback"},
                {"sheet": "集計", "content": "reference"}])
    add("expo_txt", "txt", "ingest", "note", "展示会の振り返りメモ（プレーンテキスト）")
    add("brand_docx", "docx", "ingest", "brand-voice", "ブランドボイス・表記ガイドライン（言い換え表あり）")
    add("style_txt", "txt", "ingest", "brand-voice", "表記ルール早見表（ブランドガイドの抜粋、プレーンテキスト）")
    add("kpi_xlsx", "xlsx", "ingest", "kpi", "KPIブック：結合見出し＋Excel日付の月次シート、文字列月のシート、グラフのみのシート、定義・履歴シート",
        sheets=[{"sheet": "月次KPI_全社", "content": "kpi"}, {"sheet": "施策別KPI", "content": "kpi"},
                {"sheet": "グラフ", "content": "empty"}, {"sheet": "前提・定義", "content": "reference"},
                {"sheet": "更新履歴", "content": "reference"}])
    add("sales_csv", "csv", "ingest", "kpi", "営業本部の月次実績（cp932 / Shift_JIS、タイトル行あり、桁区切りの数値、合計行）")
    add("channel_tsv", "tsv", "ingest", "kpi", "チャネル別リード数（Excel「Unicodeテキスト」= UTF-16LE BOM・タブ区切り、タイトル2行、合計行）")
    add("hs_contacts", "csv", "ingest", "crm", "HubSpot コンタクトのエクスポート（日本語ラベル、UTF-8 BOM、ライフサイクル日付列あり）",
        crm_tool="hubspot")
    add("hs_deals", "xlsx", "ingest", "crm", "HubSpot 取引のエクスポート（日本語ラベル、XLSX、日付はExcel日付）", crm_tool="hubspot",
        sheets=[{"sheet": "取引", "content": "crm"}])
    add("marketo", "csv", "ingest", "crm", "Marketo スマートリストのエクスポート（英語ラベル、UTF-8、Created At はUTCのISO-8601）",
        crm_tool="marketo")
    add("kintone", "csv", "ingest", "crm",
        "kintone「案件管理」アプリのCSV（cp932、全項目クォート、独自列名）。ユーザーが対応付けを確認して初めて取り込める（未確認なら理由と --map を示して rejected でも可）",
        crm_tool="kintone")
    add("broken_docx", "docx", "reject", "broken", "拡張子は .docx だが中身は画像入りのただのZIP（[Content_Types].xml なし）")
    return F


def write_jsonl(name, rows):
    os.makedirs(KEYS, exist_ok=True)
    with open(os.path.join(KEYS, name), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ====================================================================== main
def main():
    global FILES, KEYS
    final_files, final_keys = FILES, KEYS
    # keep the committed booklet PDF if LibreOffice is missing on this machine
    keep = os.path.join(final_files, P["booklet_pdf"])
    saved = open(keep, "rb").read() if os.path.exists(keep) else None
    # build into temporary folders and swap them in only when everything succeeded
    FILES, KEYS = final_files + ".building", final_keys + ".building"
    for d in (FILES, KEYS):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(FILES)
    crm = C.build_all()
    rows, _ = C.kpi_tables(crm)
    by = {r["month"]: r for r in rows}
    sep = by["2025-09"]
    ctx = {"mql_sep": sep["mql"], "mql_t_sep": sep["mql_target"], "sql_sep": sep["sql"],
           "sep_rate": "%.1f" % (100.0 * sep["sql"] / sep["mql"])}
    ctx["minutes"] = D.minutes_md(ctx)
    h1_won = sum(by[m]["won"] for m in ["2025-%02d" % i for i in range(4, 10)])
    assert h1_won >= 16, "competitor deck says 16 won deals with a competitor in H1"

    # documents
    R.write_docx(fp("persona_docx"), D.PERSONA_DOCX, "ペルソナシート v3", "森本 沙織")
    R.write_docx(fp("playbook_docx"), D.PLAYBOOK_DOCX, "マーケティング・営業連携プレイブック v2.1", "森本 沙織")
    R.write_docx(fp("brand_docx"), D.BRAND_DOCX, "ブランドボイス・表記ガイドライン 第3版", "井上 理沙")
    tmp = tempfile.mkdtemp(prefix="fzalpha-src-")
    try:
        src = os.path.join(tmp, "ペルソナブック2025_生産技術課長編.docx")
        R.write_docx_pages(src, D.BOOKLET_PAGES, "ペルソナブック2025 生産技術課長編", "森本 沙織")
        if not R.soffice_pdf(src, fp("booklet_pdf")):
            if saved is None:
                raise SystemExit("LibreOffice (soffice) is needed to build %s" % P["booklet_pdf"])
            print("warning: soffice not found; keeping the existing", P["booklet_pdf"], file=sys.stderr)
            open(fp("booklet_pdf"), "wb").write(saved)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    R.write_brochure_pdf(fp("brochure_pdf"), D.BROCHURE_PAGES)
    R.write_pptx(fp("product_pptx"), D.PRODUCT_SLIDES, "MIHARI 製品紹介資料 2025下期", "高田 美穂")
    R.write_pptx(fp("comp_pptx"), D.COMP_SLIDES, "競合比較資料 2025年10月版", "川端 亜紀")
    R.write_html(fp("company_html"), D.COMPANY_HTML, "会社概要", "トキワセンス社内ポータル",
                 "ホーム > 会社情報 > 会社概要", "Shift_JIS", "Copyright (C) TOKIWA SENSE Inc. 社外秘")
    R.write_html(fp("comp_html"), D.COMP_HTML, "競合メモ", "営業ナレッジWiki", "営業ナレッジWiki > 競合 > 競合メモ",
                 "utf-8", "このページは営業部・マーケティング部のメンバーが編集できます。")
    with open(fp("minutes_md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(R.md_text(ctx["minutes"]))
    with open(fp("expo_txt"), "w", encoding="utf-8", newline="\r\n") as f:
        f.write(R.txt_text(D.EXPO_TXT))
    with open(fp("style_txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(R.txt_text(D.STYLE_TXT))

    # workbooks / tables
    cells = []
    write_kpi_workbook(rows, cells)
    write_sales_csv(rows, cells)
    write_channel_tsv(rows, cells)
    notes = []
    write_feedback(notes)

    # CRM
    write_hubspot_contacts(crm["contacts"])
    write_hubspot_deals(crm["deals"])
    write_marketo(crm["marketo"])
    write_kintone(crm["kintone"])

    write_logo()
    write_broken_docx()

    # answer keys
    findex = files_index()
    on_disk = sorted(os.path.relpath(os.path.join(d, f), FILES) for d, _, fs in os.walk(FILES) for f in fs)
    assert sorted(x["file"] for x in findex) == on_disk, (sorted(x["file"] for x in findex), on_disk)
    write_jsonl("files.jsonl", findex)
    write_jsonl("facts.jsonl", build_facts(ctx))
    write_jsonl("kpi_cells.jsonl", cells)
    write_jsonl("crm_months.jsonl", crm_months(crm))
    write_jsonl("feedback_notes.jsonl", notes)
    for tmpdir, final in ((FILES, final_files), (KEYS, final_keys)):
        shutil.rmtree(final, ignore_errors=True)
        os.rename(tmpdir, final)
    FILES, KEYS = final_files, final_keys
    print("files:", len(on_disk), "facts:", len(D.FACTS), "kpi cells:", len(cells), "notes:", len(notes),
          "crm records:", {k: len(crm[k]) for k in ("contacts", "deals", "marketo", "kintone")})


if __name__ == "__main__":
    main()
