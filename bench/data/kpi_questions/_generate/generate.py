#!/usr/bin/env python3
"""Rebuild every file of the KPI question set (run from the output folder):

    python _generate/generate.py

Writes datasets/<name>/..., questions_dev.jsonl, and runs compute_answers.py -> answers.jsonl.
Deterministic: fixed seeds, fixed XLSX timestamps.
"""
import datetime
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

import src_channels  # noqa: E402
import src_fiscal_oct  # noqa: E402
import src_sheet_vs_crm  # noqa: E402
from common import save_workbook_deterministic, write_csv  # noqa: E402
from dataset_readmes import README_CHANNELS, README_FISCAL_OCT, README_SHEET_VS_CRM  # noqa: E402
from questions_src import QUESTIONS  # noqa: E402

DS = os.path.join(ROOT, "datasets")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
SUB_FILL = PatternFill("solid", fgColor="F2F2F2")
YEN = '#,##0'
PCT = '0.0%'


def clean_dir(d):
    os.makedirs(d, exist_ok=True)
    for fn in os.listdir(d):
        os.remove(os.path.join(d, fn))


def write_text(path, txt):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(txt)


# ----------------------------------------------------------------------------- channels
def gen_channels():
    d = os.path.join(DS, "channels")
    clean_dir(d)
    rows = src_channels.build()
    header = ["年月", "チャネル", "リード数", "MQL数", "SQL数", "受注数", "売上(円)", "広告費(円)",
              "目標リード数", "目標MQL数", "目標SQL数", "目標受注数", "目標売上(円)", "広告費予算(円)"]
    out = []
    for r in rows:
        out.append([r["month"].replace("-", "/"), r["channel"], r["leads"], r["mql"], r["sql"], r["won"],
                    r["revenue"], r["spend"], r["t_leads"], r["t_mql"], r["t_sql"], r["t_won"], r["t_revenue"],
                    r["budget"]])
    write_csv(os.path.join(d, "チャネル別月次KPI_202501-202611.csv"), header, out)
    write_text(os.path.join(d, "README.md"), README_CHANNELS)


# ----------------------------------------------------------------------------- fiscal_oct
def gen_fiscal_oct():
    d = os.path.join(DS, "fiscal_oct")
    clean_dir(d)
    src = src_fiscal_oct
    data = src.monthly()
    wb = Workbook()
    wb.remove(wb.active)
    groups = [("リード数", "leads", "目標", "達成率"), ("MQL数", "mql", "目標", "達成率"),
              ("SQL数", "sql", "目標", "達成率"), ("受注件数", "won", "目標", "達成率"),
              ("売上高", "revenue", "目標", "達成率"), ("マーケティング費用", "spend", "予算", "消化率")]
    ratios = [("リード→MQL率", "mql", "leads", PCT), ("MQL→SQL率", "sql", "mql", PCT),
              ("SQL→受注率", "won", "sql", PCT), ("CPL（円）", "spend", "leads", YEN),
              ("CAC（円）", "spend", "won", YEN)]
    for fy in (2024, 2025, 2026):
        months = [m for m in src.TARGET_MONTHS if (int(m[:4]) if int(m[5:]) >= 10 else int(m[:4]) - 1) == fy]
        closed = all(data[m]["leads"] is not None for m in months)
        ws = wb.create_sheet(f"{fy + 1}年9月期")
        ws["A1"] = f"{src.COMPANY}　マーケティング部　月次KPI管理表（{fy + 1}年9月期／FY{fy}：{fy}年10月〜{fy + 1}年9月）"
        ws["A1"].font = Font(bold=True, size=12)
        ws["A2"] = "単位：件・円（税抜）。実績は月次締め（翌月第5営業日）後に更新。" + (
            "" if closed else "　※当期は締め済みの月のみ実績を記入。")
        hdr = ["指標", "区分"] + [f"{int(m[:4])}年{int(m[5:])}月" for m in months] + ["上期計", "下期計", "通期計"]
        for j, h in enumerate(hdr, 1):
            c = ws.cell(row=4, column=j, value=h)
            c.font = Font(bold=True)
            c.fill = HEAD_FILL
            c.border = BOX
            c.alignment = Alignment(horizontal="center")
        r = 5
        halves = [months[:6], months[6:], months]

        def pooled(keyn, keyd, ms):
            if any(data[m][keyn] is None or data[m][keyd] is None for m in ms):
                return None
            den = sum(data[m][keyd] for m in ms)
            return sum(data[m][keyn] for m in ms) / den if den else None

        def total(key, ms):
            if any(data[m][key] is None for m in ms):
                return None
            return sum(data[m][key] for m in ms)

        for label, key, tname, aname in groups:
            ws.merge_cells(start_row=r, start_column=1, end_row=r + 2, end_column=1)
            ws.cell(row=r, column=1, value=label).alignment = Alignment(vertical="center")
            fmt = YEN if key in ("revenue", "spend") else "#,##0"
            for k, (kind, getter) in enumerate([
                    (tname, lambda m: data[m]["t_" + key]),
                    ("実績", lambda m: data[m][key]),
                    (aname, lambda m: (data[m][key] / data[m]["t_" + key]) if data[m][key] is not None else None)]):
                ws.cell(row=r + k, column=2, value=kind)
                for j, m in enumerate(months):
                    c = ws.cell(row=r + k, column=3 + j, value=getter(m))
                    c.number_format = PCT if k == 2 else fmt
                for j, ms in enumerate(halves):
                    if k == 0:
                        v = total("t_" + key, ms)
                    elif k == 1:
                        v = total(key, ms) if closed else None
                    else:
                        v = pooled(key, "t_" + key, ms) if closed else None
                    c = ws.cell(row=r + k, column=3 + len(months) + j, value=v)
                    c.number_format = PCT if k == 2 else fmt
                    c.fill = SUB_FILL
            r += 3
        ws.cell(row=r, column=1, value="転換率・効率").font = Font(bold=True)
        r += 1
        for label, kn, kd, fmt in ratios:
            ws.cell(row=r, column=1, value=label)
            ws.cell(row=r, column=2, value="実績（計算値）")
            for j, m in enumerate(months):
                v = pooled(kn, kd, [m])
                c = ws.cell(row=r, column=3 + j, value=v)
                c.number_format = fmt
            for j, ms in enumerate(halves):
                c = ws.cell(row=r, column=3 + len(months) + j, value=pooled(kn, kd, ms) if closed else None)
                c.number_format = fmt
                c.fill = SUB_FILL
            r += 1
        ws.cell(row=r + 1, column=1, value="※率・CPL・CACは件数・金額の合計から算出（月次の率の平均ではない）。")
        ws.column_dimensions["A"].width = 20
        ws.column_dimensions["B"].width = 14
        for j in range(3, 3 + len(months) + 3):
            ws.column_dimensions[get_column_letter(j)].width = 13
        ws.freeze_panes = "C5"
    memo = wb.create_sheet("記入ルール")
    for i, line in enumerate([
        "記入ルール（マーケティング部）",
        "・会計年度は10月〜翌年9月（9月決算）。シート名は決算期（例：2026年9月期＝2025年10月〜2026年9月）。",
        "・リード：展示会・Web・セミナー等で獲得した新規の見込み客（重複除外後）。",
        "・MQL：スコア60点以上かつインサイドセールスが架電対象と判定したリード。",
        "・SQL：営業が商談化を承認したもの。受注件数・売上高は契約締結月で計上。",
        "・マーケティング費用：広告・展示会・コンテンツ制作・ツール費の合計（人件費除く）。",
        "・実績は月次締め後に経営企画が確定値を転記。",
    ], 1):
        memo.cell(row=i, column=1, value=line)
    memo.column_dimensions["A"].width = 100
    save_workbook_deterministic(wb, os.path.join(d, "マーケティングKPI管理表.xlsx"))
    write_text(os.path.join(d, "README.md"), README_FISCAL_OCT)


# ----------------------------------------------------------------------------- sheet_vs_crm
NOTES = {
    "2025-07": "HubSpot運用開始（7/1）",
    "2025-09": "リード：HubSpot上のテストデータ4件を除外",
    "2025-12": "MQL：年末の一括スコアリングで対象外判定2件を除外",
    "2026-02": "リード：展示会名刺リストの重複7件を除外して計上",
    "2026-03": "MQL判定ワークフローが3/27〜3/31停止。手動判定で計上（HubSpot上は4/1付で一括更新）",
    "2026-04": "MQL：3月末分（5件）は3月に計上済みのため除外",
    "2026-06": "リード：オフライン名刺3件（HubSpot未登録）を含む／受注1件（180万円）は6/30契約締結で6月計上",
    "2026-07": "受注：6月計上分はHubSpot上クローズ日7/1",
    "2026-09": "受注金額は税抜で計上（HubSpotに税込入力の案件あり）",
    "2026-11": "11月分は12/8の月次締め後に入力予定",
}


def gen_sheet_vs_crm():
    d = os.path.join(DS, "sheet_vs_crm")
    clean_dir(d)
    src = src_sheet_vs_crm
    wb = Workbook()
    ws = wb.active
    ws.title = "月次KPI"
    ws["A1"] = f"{src.COMPANY}　マーケティング部　月次KPIシート（2025年7月〜）"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "単位：件・円（税抜）。SQL・商談はHubSpotで管理（本シートには記載しない）。"
    groups = [("リード数", "leads", "目標"), ("MQL数", "mql", "目標"), ("受注件数", "won", "目標"),
              ("受注金額（円）", "revenue", "目標"), ("広告宣伝費（円）", "spend", "予算")]
    ws.cell(row=4, column=1, value="年月")
    ws.merge_cells(start_row=4, start_column=1, end_row=5, end_column=1)
    col = 2
    for label, key, tname in groups:
        ws.cell(row=4, column=col, value=label)
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 1)
        ws.cell(row=5, column=col, value=tname)
        ws.cell(row=5, column=col + 1, value="実績")
        col += 2
    extra = ["リード→MQL率", "CPL（円）", "備考"]
    for k, h in enumerate(extra):
        ws.cell(row=4, column=col + k, value=h)
        ws.merge_cells(start_row=4, start_column=col + k, end_row=5, end_column=col + k)
    ncol = col + len(extra) - 1
    for rr in (4, 5):
        for j in range(1, ncol + 1):
            c = ws.cell(row=rr, column=j)
            c.font = Font(bold=True)
            c.fill = HEAD_FILL
            c.border = BOX
            c.alignment = Alignment(horizontal="center", vertical="center")
    for i, m in enumerate(src.SHEET_MONTHS):
        r = 6 + i
        c = ws.cell(row=r, column=1, value=datetime.datetime(int(m[:4]), int(m[5:]), 1))
        c.number_format = 'yyyy"年"m"月"'
        has = m in src.ACTUAL_MONTHS
        ai = src.ACTUAL_MONTHS.index(m) if has else None
        col = 2
        for label, key, tname in groups:
            tv = src.TARGET[key][i]
            av = src.SHEET[key][ai] if has else None
            fmt = YEN if key in ("revenue", "spend") else "#,##0"
            ws.cell(row=r, column=col, value=tv).number_format = fmt
            ws.cell(row=r, column=col + 1, value=av).number_format = fmt
            col += 2
        if has:
            ws.cell(row=r, column=col, value=src.SHEET["mql"][ai] / src.SHEET["leads"][ai]).number_format = PCT
            ws.cell(row=r, column=col + 1,
                    value=round(src.SHEET["spend"][ai] / src.SHEET["leads"][ai])).number_format = YEN
        ws.cell(row=r, column=col + 2, value=NOTES.get(m))
    ws.column_dimensions["A"].width = 11
    for j in range(2, ncol):
        ws.column_dimensions[get_column_letter(j)].width = 12
    ws.column_dimensions[get_column_letter(ncol)].width = 70
    ws.freeze_panes = "B6"
    memo = wb.create_sheet("定義・メモ")
    for i, line in enumerate([
        "指標の定義",
        "・リード：HubSpotに登録された新規コンタクト（テスト・重複・競合を除外後）。オフライン獲得分も含む。",
        "・MQL：リードスコア50点以上、または資料請求＋役職条件を満たしたもの。",
        "・SQL：インサイドセールスが商談化を確認したもの（HubSpotのライフサイクルステージで管理）。",
        "・受注：契約締結月で計上（税抜）。",
        "・広告宣伝費：Web広告・展示会出展・ウェビナー運営・コンテンツ制作の合計。",
        "・会計年度は1月〜12月（12月決算）。",
    ], 1):
        memo.cell(row=i, column=1, value=line)
    memo.column_dimensions["A"].width = 100
    save_workbook_deterministic(wb, os.path.join(d, "マーケKPI月次_2025-2026.xlsx"))

    contacts, deals = src.build_crm()
    ch = ["レコードID", "名", "姓", "Eメール", "会社名", "役職", "電話番号", "ライフサイクルステージ", "作成日",
          "MQLになった日付", "SQLになった日付", "コンタクト担当者"]
    crow = [[c["id"], c["given"], c["sur"], c["email"], c["company"], c["title"], c["phone"], c["stage"],
             c["created"], c["mql"], c["sql"], c["owner"]] for c in contacts]
    write_csv(os.path.join(d, "hubspot-crm-exports-all-contacts-2026-12-01.csv"), ch, crow)
    dh = ["レコードID", "取引名", "パイプライン", "取引ステージ", "金額", "クローズ日", "作成日", "取引担当者",
          "関連会社", "関連コンタクトID"]
    drow = [[x["id"], x["name"], "新規営業パイプライン", x["stage"], x["amount"], x["close"], x["created"],
             x["owner"], x["company"], x["contact"]] for x in deals]
    write_csv(os.path.join(d, "hubspot-crm-exports-all-deals-2026-12-01.csv"), dh, drow)
    write_text(os.path.join(d, "README.md"), README_SHEET_VS_CRM)
    return contacts, deals


def self_check():
    """The files must reproduce the source numbers (catches generator/loader drift)."""
    sys.path.insert(0, ROOT)
    import compute_answers as ca
    ch = ca.load_channels(os.path.join(DS, "channels"))
    for r in src_channels.build():
        for k in ("leads", "mql", "sql", "won", "revenue", "spend"):
            assert ch.get(r["channel"], r["month"], k) == r[k]
    fo = ca.load_fiscal_oct(os.path.join(DS, "fiscal_oct"))
    for m, row in src_fiscal_oct.monthly().items():
        for k, v in row.items():
            assert fo.get(ca.TOTAL, m, k) == v, (m, k, v, fo.get(ca.TOTAL, m, k))
    sc = ca.load_sheet_vs_crm(os.path.join(DS, "sheet_vs_crm"))
    s = src_sheet_vs_crm
    for m in s.CRM_MONTHS:
        for k in ("leads", "mql", "sql", "won", "revenue"):
            assert sc.sources["crm"][m][k] == s.crm_target(k, m), (m, k, sc.sources["crm"][m][k], s.crm_target(k, m))
    for i, m in enumerate(s.ACTUAL_MONTHS):
        for k in s.SHEET:
            assert sc.sources["sheet"][m][k] == s.SHEET[k][i]
    assert "sql" not in sc.sources["sheet"].get("2025-07", {})
    assert "leads" not in sc.sources["sheet"]["2026-11"]
    assert ch.fiscal_start == 4 and fo.fiscal_start == 10 and sc.fiscal_start == 1


def gen_questions():
    ids = set()
    with open(os.path.join(ROOT, "questions_dev.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for i, q in enumerate(QUESTIONS, 1):
            rec = {"id": f"D{i:03d}", "dataset": q["dataset"], "lang": q["lang"], "type": q["type"],
                   "question": q["question"], "spec": q["spec"]}
            assert rec["id"] not in ids
            ids.add(rec["id"])
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def gen_readme(contacts, deals):
    sys.path.insert(0, ROOT)
    import compute_answers as ca
    from collections import Counter
    sc = ca.load_sheet_vs_crm(os.path.join(DS, "sheet_vs_crm"))
    sheet, crm = sc.sources["sheet"], sc.sources["crm"]
    lines = ["| month | metric | sheet (truth) | CRM aggregate | used by the key |", "|---|---|---|---|---|"]
    for m in sorted(crm):
        for k in ("leads", "mql", "won", "revenue"):
            sv, cv = sheet.get(m, {}).get(k), crm[m].get(k)
            if sv is not None and sv != cv:
                lines.append(f"| {m} | {k} | {sv:,} | {cv:,} | sheet {sv:,} |")
    last = crm["2026-11"]
    lines.append("| 2026-11 | leads / mql / sql / won / revenue | (blank) | " + " / ".join(
        f"{last[k]:,}" for k in ("leads", "mql", "sql", "won", "revenue")) + " | CRM |")
    lines.append("| 2026-11 | spend | (blank) | — | no data |")
    lines.append("| every month | sql | (no column) | " + ", ".join(
        f"{m[2:]}: {crm[m]['sql']}" for m in sorted(crm)) + " | CRM |")
    with open(os.path.join(ROOT, "questions_dev.jsonl"), encoding="utf-8") as f:
        qs = [json.loads(line) for line in f]
    ty = Counter(q["type"] for q in qs)
    order = ["value", "trend", "change_mom", "change_yoy", "compare_periods", "sum", "average", "first_month_where",
             "last_month_where", "best_month", "worst_month", "months_below_threshold", "rank_segments",
             "period_aggregate", "no_data", "unanswerable"]
    cl = ["| type | ja | en | total |", "|---|---|---|---|"]
    for t in order:
        ja = sum(1 for q in qs if q["type"] == t and q["lang"] == "ja")
        en = sum(1 for q in qs if q["type"] == t and q["lang"] == "en")
        cl.append(f"| {t} | {ja} | {en} | {ty[t]} |")
    assert sum(ty[t] for t in order) == len(qs)
    ja = sum(1 for q in qs if q["lang"] == "ja")
    cl.append(f"| **all** | {ja} | {len(qs) - ja} | {len(qs)} |")
    dsc = Counter(q["dataset"] for q in qs)
    cl.append("")
    cl.append("By dataset: " + ", ".join(f"{d} {dsc[d]}" for d in ("channels", "fiscal_oct", "sheet_vs_crm")) + ".")
    with open(os.path.join(HERE, "README_template.md"), encoding="utf-8") as f:
        txt = f.read()
    txt = (txt.replace("{{SHEET_VS_CRM_TABLE}}", "\n".join(lines)).replace("{{COUNTS}}", "\n".join(cl))
           .replace("{{N_CONTACTS}}", f"{len(contacts):,}").replace("{{N_DEALS}}", f"{len(deals):,}"))
    write_text(os.path.join(ROOT, "README.md"), txt)


def main():
    gen_channels()
    gen_fiscal_oct()
    contacts, deals = gen_sheet_vs_crm()
    self_check()
    gen_questions()
    gen_readme(contacts, deals)
    subprocess.run([sys.executable, os.path.join(ROOT, "compute_answers.py"),
                    "--questions", os.path.join(ROOT, "questions_dev.jsonl"),
                    "--out", os.path.join(ROOT, "answers.jsonl")], check=True)


if __name__ == "__main__":
    main()
