# -*- coding: utf-8 -*-
"""Build the hotel/ryokan PMS sales-feedback evaluation set.

Run from the output folder:  python _generate/generate.py
Rebuilds notes.csv, gold.jsonl, themes.json, not_duplicates.jsonl,
mixed_topics.jsonl and README.md byte-for-byte (fixed seed, no timestamps).
Only the standard library is used.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import notes_data as D  # noqa: E402

SEED = 20260401
YEAR = 2026
DATE_MIN = dt.date(2026, 4, 1)
DATE_MAX = dt.date(2026, 11, 30)
PII_RE = re.compile(r"\[\[(name|phone|email|address):(.+?)\]\]")
HEADER = ["日付", "担当者", "企業名", "業種", "商談フェーズ", "メモ"]


def fail(msg):
    raise SystemExit("VALIDATION ERROR: " + msg)


def parse_date(mmdd):
    m, d = mmdd.split("/")
    return dt.date(YEAR, int(m), int(d))


def account(code):
    if code.startswith(":"):
        return "", code[1:]
    if code not in D.ACCOUNTS:
        fail("unknown account " + code)
    return D.ACCOUNTS[code]


def strip_pii(raw):
    """Return (clean text, [pii dicts]) with exact substrings of the clean text."""
    out, pii, pos = [], [], 0
    clean_len = 0
    for m in PII_RE.finditer(raw):
        seg = raw[pos:m.start()]
        out.append(seg)
        clean_len += len(seg)
        typ, text = m.group(1), m.group(2)
        pii.append({"type": typ, "text": text, "_start": clean_len})
        out.append(text)
        clean_len += len(text)
        pos = m.end()
    out.append(raw[pos:])
    clean = "".join(out)
    if "[[" in clean or "]]" in clean:
        fail("unparsed PII marker in: " + raw[:40])
    for p in pii:
        if clean[p["_start"]:p["_start"] + len(p["text"])] != p["text"]:
            fail("PII offset mismatch")
    return clean, pii


def build_items():
    rng = random.Random(SEED)
    items, by_key = [], {}
    for key, mmdd, rep, acct, phase, theme, sub, text in D.NOTES:
        if key in by_key:
            fail("duplicate key " + key)
        it = dict(key=key, date=parse_date(mmdd), rep=rep, acct=acct, phase=phase,
                  theme=theme, sub=sub, raw=text, dup_of=None, kind="original",
                  tb=rng.random())
        items.append(it)
        by_key[key] = it
    for key, orig, days, text in D.REENTRIES:
        o = by_key[orig]
        if o["dup_of"] is not None:
            fail("re-entry of a re-entry: " + key)
        if not 2 <= days <= 13:
            fail("re-entry gap out of range: " + key)
        it = dict(o, key=key, date=o["date"] + dt.timedelta(days=days), raw=text,
                  dup_of=orig, kind="reentry", tb=rng.random())
        items.append(it)
        by_key[key] = it
    for key, orig in D.EXACT_COPIES:
        o = by_key[orig]
        if o["dup_of"] is not None:
            fail("exact copy of a duplicate: " + key)
        tb = o["tb"] + (1.0 - o["tb"]) * (0.05 + 0.9 * rng.random())
        it = dict(o, key=key, dup_of=orig, kind="exact", tb=tb)
        items.append(it)
        by_key[key] = it
    items.sort(key=lambda x: (x["date"], x["tb"]))
    for i, it in enumerate(items, 1):
        it["row"] = i
        it["name"], it["industry"] = account(it["acct"])
        it["memo"], it["pii"] = strip_pii(it["raw"])
        it["injection"] = it["key"] == "inj"
    return items, by_key


def csv_row(it):
    return [it["date"].strftime("%Y/%m/%d"), D.REPS[it["rep"]], it["name"],
            it["industry"], it["phase"], it["memo"]]


def validate(items, by_key):
    n = len(items)
    if n != 230:
        fail("expected 230 rows, got %d" % n)
    themes = set(D.THEMES) | {"other"}
    for it in items:
        if it["theme"] not in themes:
            fail("bad theme " + it["theme"])
        if it["sub"] is not None and (it["sub"] not in D.THEMES or it["sub"] == it["theme"]):
            fail("bad secondary topic " + it["key"])
        if not DATE_MIN <= it["date"] <= DATE_MAX:
            fail("date out of range " + it["key"])
        if it["dup_of"]:
            o = by_key[it["dup_of"]]
            if o["row"] >= it["row"]:
                fail("duplicate precedes original " + it["key"])
            if (o["rep"], o["acct"], o["theme"]) != (it["rep"], it["acct"], it["theme"]):
                fail("duplicate differs in rep/account/theme " + it["key"])
            gap = (it["date"] - o["date"]).days
            if it["kind"] == "exact":
                if gap != 0 or csv_row(o) != csv_row(it):
                    fail("exact copy not identical " + it["key"])
            elif not 2 <= gap <= 13 or o["memo"] == it["memo"]:
                fail("re-entry gap/wording " + it["key"])
        for p in it["pii"]:
            if p["text"] not in it["memo"]:
                fail("pii not substring " + it["key"])
            if p["type"] == "email" and not p["text"].endswith("@example.jp"):
                fail("email domain " + it["key"])
        # no unlabelled contact data
        stripped = it["memo"]
        for p in it["pii"]:
            stripped = stripped.replace(p["text"], "")
        if re.search(r"@|〒|\d{2,4}-\d{4}-\d{4}|[０-９]{3}－", stripped):
            fail("unlabelled contact-like data in " + it["key"])
    # identical memos only for exact copies
    seen = {}
    for it in items:
        k = tuple(csv_row(it))
        if k in seen and it["kind"] != "exact":
            fail("unlabelled identical row " + it["key"])
        seen.setdefault(k, it["key"])
    memos = Counter(it["memo"] for it in items if it["kind"] != "exact")
    if any(c > 1 for c in memos.values()):
        fail("identical memo text outside exact copies")
    # not-duplicate pairs
    for a, b, _ in D.NOT_DUPLICATES:
        A, B = by_key[a], by_key[b]
        if A["dup_of"] or B["dup_of"]:
            fail("not-duplicate pair uses a duplicate row %s/%s" % (a, b))
    if sum(1 for it in items if it["injection"]) != 1:
        fail("exactly one injection expected")
    counts = Counter(it["theme"] for it in items)
    return counts


def write(path, text):
    with open(os.path.join(OUT, path), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    items, by_key = build_items()
    counts = validate(items, by_key)

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for it in items:
        w.writerow(csv_row(it))
    write("notes.csv", buf.getvalue())

    gold_lines = []
    for it in items:
        rec = {
            "row": it["row"],
            "theme": it["theme"],
            "duplicate_of": by_key[it["dup_of"]]["row"] if it["dup_of"] else None,
            "pii": [{"type": p["type"], "text": p["text"]} for p in it["pii"]],
            "injection": it["injection"],
        }
        gold_lines.append(json.dumps(rec, ensure_ascii=False))
    write("gold.jsonl", "\n".join(gold_lines) + "\n")

    write("themes.json", json.dumps(D.THEMES, ensure_ascii=False, indent=2) + "\n")

    nd_lines = []
    for a, b, why in D.NOT_DUPLICATES:
        ra, rb = sorted((by_key[a]["row"], by_key[b]["row"]))
        nd_lines.append(json.dumps({"a": ra, "b": rb, "why": why}, ensure_ascii=False))
    write("not_duplicates.jsonl", "\n".join(nd_lines) + "\n")

    mixed = [it for it in items if it["sub"]]
    write("mixed_topics.jsonl", "".join(
        json.dumps({"row": it["row"], "theme": it["theme"], "secondary": it["sub"]},
                   ensure_ascii=False) + "\n" for it in mixed))

    # ---------------------------------------------------------------- stats for README
    n_reentry = sum(1 for it in items if it["kind"] == "reentry")
    n_exact = sum(1 for it in items if it["kind"] == "exact")
    pii_rows = [it for it in items if it["pii"]]
    pii_types = Counter(p["type"] for it in items for p in it["pii"])
    inj = [it for it in items if it["injection"]][0]
    blank = sum(1 for it in items if it["name"] == "")
    order = ["ota_integration", "staff_shortage", "pricing", "inbound", "competitor",
             "cashless", "data_migration", "training", "support_hours", "other"]
    theme_table = "\n".join(
        "| `%s` | %s | %d |" % (t, D.THEMES.get(t, "（どのテーマにも属さない）"), counts[t])
        for t in order)
    stats = dict(
        n=len(items), n_orig=len(items) - n_reentry - n_exact, n_reentry=n_reentry,
        n_exact=n_exact, n_dup=n_reentry + n_exact, n_nd=len(D.NOT_DUPLICATES),
        n_pii_rows=len(pii_rows), n_pii_spans=sum(pii_types.values()),
        pii_name=pii_types["name"], pii_phone=pii_types["phone"],
        pii_email=pii_types["email"], pii_address=pii_types["address"],
        inj_row=inj["row"], inj_date=inj["date"].strftime("%Y/%m/%d"),
        n_mixed=len(mixed), blank=blank, theme_table=theme_table,
        example_line=[l for l in gold_lines if '"pii": [{' in l][0],
        other_pct="%.1f" % (100.0 * counts["other"] / len(items)),
    )
    with open(os.path.join(HERE, "README.template.md"), encoding="utf-8") as f:
        tmpl = f.read()
    write("README.md", tmpl.format(**stats))

    print("rows", len(items), "| originals", stats["n_orig"], "| re-entries", n_reentry,
          "| exact copies", n_exact)
    print("themes", dict((t, counts[t]) for t in order))
    print("PII rows", len(pii_rows), dict(pii_types), "| mixed", len(mixed),
          "| blank account", blank, "| injection row", inj["row"])
    used = {it["acct"] for it in items}
    unused = sorted(set(D.ACCOUNTS) - used)
    if unused:
        print("unused accounts:", unused)


if __name__ == "__main__":
    main()
