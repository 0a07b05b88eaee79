#!/usr/bin/env python3
"""Compute the answer key for KPI questions from the dataset files.

Usage (from this folder):
    python compute_answers.py                                  # questions_dev.jsonl -> answers.jsonl
    python compute_answers.py --questions Q.jsonl --out A.jsonl [--datasets DIR]

Reads only the files under datasets/<name>/ (CSV / XLSX / README.md) -- never the generator's source
data. Needs openpyxl. See README.md for the spec format and the definitions used.
"""
import argparse
import csv
import datetime
import io
import json
import os
import re
import sys

from openpyxl import load_workbook

TODAY = datetime.date(2026, 12, 3)
THIS_MONTH = "2026-12"
LAST_MONTH = "2026-11"
HERE = os.path.dirname(os.path.abspath(__file__))

BASE = ["leads", "mql", "sql", "won", "spend", "revenue"]
COUNTS = ["leads", "mql", "sql", "won"]
RATIOS = {
    "lead_to_mql": ("mql", "leads"),
    "mql_to_sql": ("sql", "mql"),
    "sql_to_won": ("won", "sql"),
    "lead_to_won": ("won", "leads"),
    "cpl": ("spend", "leads"),
    "cost_per_mql": ("spend", "mql"),
    "cost_per_sql": ("spend", "sql"),
    "cac": ("spend", "won"),
}
TOTAL = "全体"


class Unanswerable(Exception):
    pass


class NoData(Exception):
    pass


# ----------------------------------------------------------------------------- month helpers
def ym(y, m):
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def add_months(s, k):
    y, m = int(s[:4]), int(s[5:7])
    return ym(y, m + k)


def month_range(a, b):
    out = []
    while a <= b:
        out.append(a)
        a = add_months(a, 1)
    return out


def to_month(v):
    """Normalise a cell / string to 'YYYY-MM' (or None)."""
    if v is None:
        return None
    if isinstance(v, (datetime.datetime, datetime.date)):
        return f"{v.year:04d}-{v.month:02d}"
    s = str(v).strip()
    if not s:
        return None
    mt = re.match(r"^(\d{4})\s*[-/年.]\s*(\d{1,2})", s)
    if mt:
        return f"{int(mt.group(1)):04d}-{int(mt.group(2)):02d}"
    return None


def num(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return v
    s = str(v).strip().replace(",", "").replace("円", "").replace("¥", "")
    if s in ("", "-", "—", "－"):
        return None
    try:
        f = float(s)
    except ValueError:
        return None
    return int(f) if f.is_integer() else f


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    for enc in ("utf-8-sig", "cp932"):
        try:
            txt = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.DictReader(io.StringIO(txt)))


# ----------------------------------------------------------------------------- datasets
class Dataset:
    """data[segment][month] = {base metric or 't_'+base metric: number}; missing keys = no data."""

    def __init__(self, name, fiscal_start):
        self.name = name
        self.fiscal_start = fiscal_start
        self.data = {}
        self.segments = []  # real segments (channels); empty if the data has no segment dimension

    def get(self, seg, month, key):
        return self.data.get(seg, {}).get(month, {}).get(key)


def fiscal_start_from_readme(folder):
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        txt = f.read()
    mt = re.search(r"期首月\s*[:：]\s*(\d{1,2})\s*月", txt)
    if not mt:
        raise SystemExit(f"{folder}/README.md: no 期首月 line")
    return int(mt.group(1))


def load_channels(folder):
    ds = Dataset("channels", fiscal_start_from_readme(folder))
    files = [f for f in sorted(os.listdir(folder)) if f.endswith(".csv")]
    cols = {"リード数": "leads", "MQL数": "mql", "SQL数": "sql", "受注数": "won", "売上(円)": "revenue",
            "広告費(円)": "spend", "目標リード数": "t_leads", "目標MQL数": "t_mql", "目標SQL数": "t_sql",
            "目標受注数": "t_won", "目標売上(円)": "t_revenue", "広告費予算(円)": "t_spend"}
    for fn in files:
        for row in read_csv(os.path.join(folder, fn)):
            m = to_month(row["年月"])
            ch = row["チャネル"].strip()
            if ch not in ds.segments:
                ds.segments.append(ch)
            rec = ds.data.setdefault(ch, {}).setdefault(m, {})
            for h, k in cols.items():
                v = num(row.get(h))
                if v is not None:
                    rec[k] = v
    # company total = sum over channels (only where every channel has the key)
    tot = {}
    months = sorted({m for ch in ds.segments for m in ds.data[ch]})
    for m in months:
        keys = set()
        for ch in ds.segments:
            keys |= set(ds.data[ch].get(m, {}))
        rec = {}
        for k in keys:
            vals = [ds.data[ch].get(m, {}).get(k) for ch in ds.segments]
            if all(v is not None for v in vals):
                rec[k] = sum(vals)
        tot[m] = rec
    ds.data[TOTAL] = tot
    return ds


FISCAL_OCT_ROWS = {"リード数": "leads", "MQL数": "mql", "SQL数": "sql", "受注件数": "won", "売上高": "revenue",
                   "マーケティング費用": "spend"}


def load_fiscal_oct(folder):
    ds = Dataset("fiscal_oct", fiscal_start_from_readme(folder))
    tot = ds.data.setdefault(TOTAL, {})
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".xlsx"):
            continue
        wb = load_workbook(os.path.join(folder, fn), data_only=True)
        for ws in wb.worksheets:
            rows = list(ws.iter_rows(values_only=True))
            hdr_i = next((i for i, r in enumerate(rows) if r and r[0] == "指標"), None)
            if hdr_i is None:
                continue
            month_cols = {j: to_month(v) for j, v in enumerate(rows[hdr_i]) if j >= 2 and to_month(v)}
            metric = None
            for r in rows[hdr_i + 1:]:
                if r[0] not in (None, ""):
                    metric = FISCAL_OCT_ROWS.get(str(r[0]).strip())
                kind = (str(r[1]).strip() if r[1] is not None else "")
                if metric is None or kind not in ("目標", "予算", "実績"):
                    continue
                key = metric if kind == "実績" else "t_" + metric
                for j, m in month_cols.items():
                    v = num(r[j])
                    if v is not None:
                        tot.setdefault(m, {})[key] = v
    return ds


def load_sheet_vs_crm(folder):
    ds = Dataset("sheet_vs_crm", fiscal_start_from_readme(folder))
    sheet = {}
    crm = {}
    contacts_f = deals_f = None
    for fn in sorted(os.listdir(folder)):
        p = os.path.join(folder, fn)
        if fn.endswith(".xlsx"):
            wb = load_workbook(p, data_only=True)
            ws = wb["月次KPI"]
            rows = list(ws.iter_rows(values_only=True))
            hi = next(i for i, r in enumerate(rows) if r and r[0] == "年月")
            top, sub = rows[hi], rows[hi + 1]
            group = None
            colkey = {}
            names = {"リード数": "leads", "MQL数": "mql", "受注件数": "won", "受注金額（円）": "revenue",
                     "広告宣伝費（円）": "spend"}
            for j in range(1, len(top)):
                if top[j] not in (None, ""):
                    group = names.get(str(top[j]).strip())
                kind = str(sub[j]).strip() if sub[j] is not None else ""
                if group and kind in ("目標", "予算"):
                    colkey[j] = "t_" + group
                elif group and kind == "実績":
                    colkey[j] = group
            for r in rows[hi + 2:]:
                m = to_month(r[0])
                if not m:
                    continue
                rec = sheet.setdefault(m, {})
                for j, k in colkey.items():
                    v = num(r[j])
                    if v is not None:
                        rec[k] = v
        elif "contacts" in fn and fn.endswith(".csv"):
            contacts_f = p
        elif "deals" in fn and fn.endswith(".csv"):
            deals_f = p
    # CRM aggregates by event month
    first = last = None

    def bump(m, k, v=1):
        crm.setdefault(m, {}).setdefault(k, 0)
        crm[m][k] += v

    def seen(m):
        nonlocal first, last
        first = m if first is None or m < first else first
        last = m if last is None or m > last else last

    for row in read_csv(contacts_f):
        for col, key in (("作成日", "leads"), ("MQLになった日付", "mql"), ("SQLになった日付", "sql")):
            m = to_month(row.get(col))
            if m:
                bump(m, key)
                seen(m)
    for row in read_csv(deals_f):
        for col in ("作成日", "クローズ日"):
            m = to_month(row.get(col))
            if m and not (col == "クローズ日" and row.get("取引ステージ", "").strip() != "受注"):
                seen(m)
        if row.get("取引ステージ", "").strip() != "受注":
            continue
        m = to_month(row.get("クローズ日"))
        if not m:
            continue
        bump(m, "won")
        bump(m, "revenue", num(row.get("金額")) or 0)
    crm_months = month_range(first, min(last, LAST_MONTH))
    for m in crm_months:
        rec = crm.setdefault(m, {})
        for k in ("leads", "mql", "sql", "won", "revenue"):
            rec.setdefault(k, 0)
    # merge: the sheet is the truth for every metric/month it has; CRM fills the rest
    merged = {}
    for m in sorted(set(sheet) | set(crm)):
        rec = dict(crm.get(m, {}))
        rec.update(sheet.get(m, {}))
        merged[m] = rec
    ds.data[TOTAL] = merged
    ds.sources = {"sheet": sheet, "crm": crm}
    return ds


LOADERS = {"channels": load_channels, "fiscal_oct": load_fiscal_oct, "sheet_vs_crm": load_sheet_vs_crm}


# ----------------------------------------------------------------------------- metrics
def parse_metric(metric):
    """-> (components, fn(sums) -> value, kind) ; kind in count|money|ratio."""
    mt = re.fullmatch(r"(target|achievement)\((\w+)\)", metric)
    if metric in BASE:
        return [metric], (lambda s: s[metric]), ("money" if metric in ("spend", "revenue") else "count")
    if mt and mt.group(2) in BASE:
        b = mt.group(2)
        if mt.group(1) == "target":
            return ["t_" + b], (lambda s: s["t_" + b]), ("money" if b in ("spend", "revenue") else "count")
        return [b, "t_" + b], (lambda s: s[b] / s["t_" + b] if s["t_" + b] else None), "ratio"
    if metric in RATIOS:
        n, d = RATIOS[metric]
        return [n, d], (lambda s: s[n] / s[d] if s[d] else None), ("money" if metric.startswith("c") else "ratio")
    if metric == "roi":
        return ["revenue", "spend"], (lambda s: (s["revenue"] - s["spend"]) / s["spend"] if s["spend"] else None), "ratio"
    raise Unanswerable(f"metric '{metric}' is not available in the data")


class Ctx:
    def __init__(self, ds, spec):
        self.ds = ds
        self.spec = spec
        seg = spec.get("segment")
        if seg is None:
            self.seg = TOTAL
        else:
            if not ds.segments:
                raise Unanswerable(f"the data has no breakdown by channel/segment ('{seg}')")
            if seg not in ds.segments:
                raise Unanswerable(f"segment '{seg}' is not in the data")
            self.seg = seg
        self.notes = []

    def has_metric(self, metric, seg=None):
        comps, _, _ = parse_metric(metric)
        seg = seg or self.seg
        return any(all(self.ds.get(seg, m, c) is not None for c in comps) for m in self.ds.data.get(seg, {}))

    def require_metric(self, metric, seg=None):
        if not self.has_metric(metric, seg):
            raise Unanswerable(f"metric '{metric}' is not available in the data")

    def avail(self, metric, months, seg=None):
        comps, _, _ = parse_metric(metric)
        seg = seg or self.seg
        return [m for m in months if all(self.ds.get(seg, m, c) is not None for c in comps)]

    def pooled(self, metric, months, seg=None):
        """Pooled value over the months that have every component. Returns (value, used_months)."""
        comps, fn, _ = parse_metric(metric)
        seg = seg or self.seg
        used = self.avail(metric, months, seg)
        if not used:
            return None, []
        sums = {c: sum(self.ds.get(seg, m, c) for m in used) for c in comps}
        return fn(sums), used


# ----------------------------------------------------------------------------- periods
def fy_of(month, fs):
    y, m = int(month[:4]), int(month[5:7])
    return y if m >= fs else y - 1


def fy_months(fy, fs):
    start = ym(fy, fs)
    return month_range(start, add_months(start, 11))


def resolve_period(p, ds):
    """-> (label, [months])"""
    fs = ds.fiscal_start
    t = p["type"]
    if t == "month":
        return p["month"], [p["month"]]
    if t == "range":
        return f"{p['start']}..{p['end']}", month_range(p["start"], p["end"])
    if t == "fiscal_year":
        return f"FY{p['fy']}", fy_months(p["fy"], fs)
    if t == "quarter":
        ms = fy_months(p["fy"], fs)[3 * (p["q"] - 1):3 * p["q"]]
        return f"FY{p['fy']} Q{p['q']}", ms
    if t == "half":
        ms = fy_months(p["fy"], fs)[6 * (p["h"] - 1):6 * p["h"]]
        return f"FY{p['fy']} H{p['h']}", ms
    if t == "calendar_year":
        return str(p["year"]), month_range(f"{p['year']}-01", f"{p['year']}-12")
    if t == "all":
        seg_months = sorted({m for seg in ds.data.values() for m in seg})
        return "all months", seg_months
    if t == "shift":
        lab, ms = resolve_period(p["period"], ds)
        k = p["months"]
        ms = [add_months(m, k) for m in ms]
        return (ms[0] if len(ms) == 1 else f"{ms[0]}..{ms[-1]}"), ms
    if t == "relative":
        r = p["rel"]
        cur_fy = fy_of(THIS_MONTH, fs)
        qi = (int(THIS_MONTH[5:7]) - fs) % 12 // 3  # 0-based fiscal quarter of this month
        if r == "this_month":
            return THIS_MONTH, [THIS_MONTH]
        if r == "last_month":
            return LAST_MONTH, [LAST_MONTH]
        if r == "last_n_months":
            ms = month_range(add_months(LAST_MONTH, -(p["n"] - 1)), LAST_MONTH)
            return f"{ms[0]}..{ms[-1]}", ms
        if r == "this_fy":
            return f"FY{cur_fy}", fy_months(cur_fy, fs)
        if r == "last_fy":
            return f"FY{cur_fy - 1}", fy_months(cur_fy - 1, fs)
        if r == "this_fy_to_date":
            ms = month_range(fy_months(cur_fy, fs)[0], LAST_MONTH)
            return f"FY{cur_fy} YTD", ms
        if r in ("this_quarter", "last_quarter"):
            allm = fy_months(cur_fy - 1, fs) + fy_months(cur_fy, fs)
            k = 12 + 3 * qi - (3 if r == "last_quarter" else 0)
            ms = allm[k:k + 3]
            qfy, qn = (cur_fy, qi + 1) if r == "this_quarter" else ((cur_fy, qi) if qi else (cur_fy - 1, 4))
            return f"FY{qfy} Q{qn}", ms
        if r in ("this_half", "last_half"):
            hi = qi // 2
            allm = fy_months(cur_fy - 1, fs) + fy_months(cur_fy, fs)
            k = 12 + 6 * hi - (6 if r == "last_half" else 0)
            hfy, hn = (cur_fy, hi + 1) if r == "this_half" else ((cur_fy, hi) if hi else (cur_fy - 1, 2))
            return f"FY{hfy} H{hn}", allm[k:k + 6]
    raise ValueError(f"bad period spec {p}")


def label_for(label, used, all_months):
    if len(all_months) == 1 or not used or label == f"{used[0]}..{used[-1]}":
        return label
    return f"{label} ({used[0]}..{used[-1]})"


def span(ms):
    return ms[0] if len(ms) == 1 else f"{ms[0]}..{ms[-1]}"


def partial_note(ctx, metric, months, used):
    missing = [m for m in months if m not in used]
    if not missing:
        return
    fut = [m for m in missing if m >= THIS_MONTH]
    past = [m for m in missing if m < THIS_MONTH]
    if fut:
        ctx.notes.append(f"{metric}: period not over yet, no data for {span(fut)}")
    if past:
        ctx.notes.append(f"{metric}: partial - no data for {', '.join(past)}")


def period_value(ctx, metric, period):
    label, months = resolve_period(period, ctx.ds)
    ctx.require_metric(metric)
    v, used = ctx.pooled(metric, months)
    if not used:
        raise NoData(no_data_msg(ctx, metric, label, months))
    partial_note(ctx, metric, months, used)
    return label_for(label, used, months), v, used


def no_data_msg(ctx, metric, label, months):
    comps, _, _ = parse_metric(metric)
    have = [c for c in comps if any(ctx.ds.get(ctx.seg, m, c) is not None for m in months)]
    msg = f"no data for {metric} in {label}"
    if have:
        miss = [c for c in comps if c not in have]
        msg += f" ({', '.join(miss)} missing; {', '.join(have)} present)"
    return msg


# ----------------------------------------------------------------------------- operations
def V(label, metric, value):
    return {"label": label, "metric": metric, "value": value}


def diff_values(metric, a_label, a, b_label, b):
    out = [V(a_label, metric, a), V(b_label, metric, b)]
    if a is not None and b is not None:
        out.append(V("change", metric, a - b))
        out.append(V("change_rel", metric, (a - b) / b if b else None))
    return out


def op_value(ctx, s):
    lab, v, used = period_value(ctx, s["metric"], s["period"])
    return used, [V(lab, s["metric"], v)]


def op_period_aggregate(ctx, s):
    vals, months = [], set()
    for metric in s["metrics"]:
        lab, v, used = period_value(ctx, metric, s["period"])
        vals.append(V(lab, metric, v))
        months |= set(used)
    return sorted(months), vals


def op_trend(ctx, s):
    metric = s["metric"]
    ctx.require_metric(metric)
    label, months = resolve_period(s["period"], ctx.ds)
    vals, used = [], []
    for m in months:
        v, u = ctx.pooled(metric, [m])
        if u:
            vals.append(V(m, metric, v))
            used.append(m)
    if not used:
        raise NoData(f"no data for {metric} in {label}")
    partial_note(ctx, metric, months, used)
    return used, vals


def _change(ctx, s, base_period):
    metric = s["metric"]
    a_lab, a, a_used = period_value(ctx, metric, s["period"])
    b_lab, b, b_used = period_value(ctx, metric, base_period)
    return sorted(set(a_used) | set(b_used)), diff_values(metric, a_lab, a, b_lab, b)


def op_change_mom(ctx, s):
    return _change(ctx, s, {"type": "shift", "period": s["period"], "months": -1})


def op_change_yoy(ctx, s):
    return _change(ctx, s, {"type": "shift", "period": s["period"], "months": -12})


def op_compare_periods(ctx, s):
    return _change(ctx, s, s["baseline"])


def _check_amount(metric):
    _, _, kind = parse_metric(metric)
    if metric not in BASE and not metric.startswith("target("):
        raise ValueError(f"sum/average need a count or amount, not {metric}")


def op_sum(ctx, s):
    _check_amount(s["metric"])
    return op_value(ctx, s)


def op_average(ctx, s):
    metric = s["metric"]
    _check_amount(metric)
    ctx.require_metric(metric)
    label, months = resolve_period(s["period"], ctx.ds)
    used = ctx.avail(metric, months)
    if not used:
        raise NoData(f"no data for {metric} in {label}")
    partial_note(ctx, metric, months, used)
    vals = [ctx.pooled(metric, [m])[0] for m in used]
    return used, [V(label_for(label, used, months) + " monthly mean", metric, sum(vals) / len(vals))]


CMP = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def _monthly_series(ctx, metric, period):
    ctx.require_metric(metric)
    label, months = resolve_period(period or {"type": "all"}, ctx.ds)
    series = []
    for m in months:
        v, u = ctx.pooled(metric, [m])
        if u and v is not None:
            series.append((m, v))
    if not series:
        raise NoData(f"no data for {metric} in {label}")
    return series


def _where(ctx, s, last):
    c = s["condition"]
    series = _monthly_series(ctx, c["metric"], s.get("period"))
    hits = [(m, v) for m, v in series if CMP[c["cmp"]](v, c["value"])]
    if not hits:
        ctx.notes.append(f"no month with {c['metric']} {c['cmp']} {c['value']} "
                         f"in {series[0][0]}..{series[-1][0]}")
        return [], []
    m, v = hits[-1] if last else hits[0]
    return [m], [V(m, c["metric"], v)]


def op_first_month_where(ctx, s):
    return _where(ctx, s, last=False)


def op_last_month_where(ctx, s):
    return _where(ctx, s, last=True)


def _extreme(ctx, s, default):
    series = _monthly_series(ctx, s["metric"], s.get("period"))
    by = s.get("by", default)
    target = max(v for _, v in series) if by == "max" else min(v for _, v in series)
    hits = [(m, v) for m, v in series if v == target]
    return [m for m, _ in hits], [V(m, s["metric"], v) for m, v in hits]


def op_best_month(ctx, s):
    return _extreme(ctx, s, "max")


def op_worst_month(ctx, s):
    return _extreme(ctx, s, "min")


def op_months_below_threshold(ctx, s):
    label, months = resolve_period(s["period"], ctx.ds)
    cmp = CMP[s.get("cmp", "<")]
    thr = s["threshold"]
    metrics = [m for m in s["metrics"] if ctx.has_metric(m)]
    skipped = [m for m in s["metrics"] if m not in metrics]
    if not metrics:
        raise Unanswerable(f"none of {s['metrics']} is available in the data")
    if skipped:
        ctx.notes.append(f"not in the data (skipped): {', '.join(skipped)}")
    vals, any_used = [], []
    for m in months:
        for metric in metrics:
            v, u = ctx.pooled(metric, [m])
            if u and v is not None:
                any_used.append(m)
                if cmp(v, thr):
                    vals.append(V(m, metric, v))
    if not any_used:
        raise NoData(f"no data in {label}")
    if not vals:
        ctx.notes.append(f"no (metric, month) {s.get('cmp', '<')} {thr} in {label}")
    return sorted({v["label"] for v in vals}), vals


def op_rank_segments(ctx, s):
    ds = ctx.ds
    if not ds.segments:
        raise Unanswerable("the data has no breakdown by channel/segment")
    metric = s["metric"]
    label, months = resolve_period(s["period"], ds)
    rows, used_all = [], set()
    for seg in ds.segments:
        if not ctx.has_metric(metric, seg):
            raise Unanswerable(f"metric '{metric}' is not available in the data")
        v, used = ctx.pooled(metric, months, seg)
        if used and v is not None:
            rows.append((seg, v))
            used_all |= set(used)
    if not rows:
        raise NoData(f"no data for {metric} in {label}")
    partial_note(ctx, metric, months, sorted(used_all))
    rev = s.get("order", "desc") == "desc"
    rows.sort(key=lambda r: r[1], reverse=rev)
    if s.get("top"):
        rows = rows[:s["top"]]
    return sorted(used_all), [V(seg, metric, v) for seg, v in rows]


OPS = {
    "value": op_value, "trend": op_trend, "change_mom": op_change_mom, "change_yoy": op_change_yoy,
    "compare_periods": op_compare_periods, "sum": op_sum, "average": op_average,
    "first_month_where": op_first_month_where, "last_month_where": op_last_month_where,
    "best_month": op_best_month, "worst_month": op_worst_month,
    "months_below_threshold": op_months_below_threshold, "rank_segments": op_rank_segments,
    "period_aggregate": op_period_aggregate,
}


def answer(ds, qid, spec):
    try:
        ctx = Ctx(ds, spec)
        months, values = OPS[spec["op"]](ctx, spec)
        return {"id": qid, "status": "ok", "months": months, "values": values, "note": "; ".join(ctx.notes)}
    except NoData as e:
        return {"id": qid, "status": "no_data", "months": [], "values": [], "note": str(e)}
    except Unanswerable as e:
        return {"id": qid, "status": "unanswerable", "months": [], "values": [], "note": str(e)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", default=os.path.join(HERE, "questions_dev.jsonl"))
    ap.add_argument("--out", default=os.path.join(HERE, "answers.jsonl"))
    ap.add_argument("--datasets", default=os.path.join(HERE, "datasets"))
    a = ap.parse_args(argv)
    cache = {}
    out = []
    with open(a.questions, encoding="utf-8") as f:
        qs = [json.loads(line) for line in f if line.strip()]
    for q in qs:
        name = q["dataset"]
        if name not in cache:
            cache[name] = LOADERS[name](os.path.join(a.datasets, name))
        out.append(answer(cache[name], q["id"], q["spec"]))
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} answers to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
