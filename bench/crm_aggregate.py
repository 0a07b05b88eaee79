"""CRM export → monthly funnel: Axis's importer against a plain pandas group-by.

    .venv/bin/python bench/crm_aggregate.py [--rows 1000000] [--system hubspot|salesforce]
                                            [--repeat 3] [--json]

Generates a synthetic per-record export (HubSpot contacts with lifecycle-stage dates, or a
Salesforce opportunities report) in a temp dir, then aggregates it to counts and revenue per
event month twice, each in its own subprocess so peak memory is measured cleanly:

- **baseline** — what a data person would write: ``pd.read_csv(usecols=...)``, a
  ``to_datetime`` with the known format per date column, ``value_counts`` per month and a
  ``groupby().sum()`` for revenue.  No validation, no row numbers, no Japanese dates.
- **axis** — ``assistant.analytics.crm.importer.import_bytes``: header detection, encoding check,
  column mapping, per-row validation with row numbers, duplicate IDs, event-month counts
  and the cohort view.

Both results are checked to be identical month by month before anything is printed.  Time is
the wall time of the aggregation inside the worker (imports and interpreter start excluded),
best and median of ``--repeat`` runs, interleaved so background load hits both alike.  Peak
memory is the worker's peak RSS (``resource.getrusage``) minus its RSS before reading, which
counts Arrow's and numpy's buffers that ``tracemalloc`` cannot see.  Target: axis ≤ 1.5×
baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HUBSPOT_DATES = {
    "leads": "Create Date",
    "mql": "Became a Marketing Qualified Lead Date",
    "sql": "Became a Sales Qualified Lead Date",
    "won": "Became a Customer Date",
}
HUBSPOT_FORMAT = "%Y-%m-%d %H:%M"
SALESFORCE_FORMAT = "%Y/%m/%d"
TARGET_RATIO = 1.5


def generate(path: Path, *, rows: int, system: str, seed: int = 7) -> None:
    """Write a realistic export: most records stop early in the funnel, dates in order."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pv

    rng = np.random.default_rng(seed)
    minute = np.timedelta64(1, "m")
    start = np.datetime64("2025-01-01T00:00")
    created = start + rng.integers(0, 730 * 24 * 60, rows) * minute
    step = lambda days: rng.integers(0, days * 24 * 60, rows) * minute  # noqa: E731
    mql = np.where(rng.random(rows) < 0.30, created + step(30), np.datetime64("NaT"))
    sql = np.where((rng.random(rows) < 0.40) & ~np.isnat(mql), mql + step(30), np.datetime64("NaT"))
    won = np.where((rng.random(rows) < 0.25) & ~np.isnat(sql), sql + step(60), np.datetime64("NaT"))
    amount = rng.integers(30, 600, rows) * 10_000

    def text(values: np.ndarray, unit: str, fmt: str) -> pa.Array:
        shown = np.datetime_as_string(values, unit=unit)
        shown = (
            np.char.replace(shown, "T", " ") if fmt == "space" else np.char.replace(shown, "-", "/")
        )
        return pa.array(np.where(np.isnat(values), "", shown))

    ids = np.arange(rows) + 100_001
    if system == "hubspot":
        table = pa.table(
            {
                "Record ID": pa.array(ids.astype(str)),
                "First Name": pa.array(np.full(rows, "太郎")),
                "Last Name": pa.array(rng.choice(["山田", "佐藤", "鈴木", "高橋"], rows)),
                "Email": pa.array(
                    np.char.add(np.char.add("user", ids.astype(str)), "@example.co.jp")
                ),
                HUBSPOT_DATES["leads"]: text(created, "m", "space"),
                "Lifecycle Stage": pa.array(
                    np.where(
                        ~np.isnat(won),
                        "customer",
                        np.where(
                            ~np.isnat(sql),
                            "salesqualifiedlead",
                            np.where(~np.isnat(mql), "marketingqualifiedlead", "lead"),
                        ),
                    )
                ),
                HUBSPOT_DATES["mql"]: text(mql, "m", "space"),
                HUBSPOT_DATES["sql"]: text(sql, "m", "space"),
                HUBSPOT_DATES["won"]: text(won, "m", "space"),
                "Total Revenue": pa.array(np.where(np.isnat(won), "", amount.astype(str))),
                "Original Source": pa.array(
                    rng.choice(["Organic Search", "Paid Search", "Offline Sources"], rows)
                ),
            }
        )
    else:
        closed = ~np.isnat(sql) & (rng.random(rows) < 0.7)
        close = np.where(np.isnat(won), created + step(90), won)
        table = pa.table(
            {
                "Opportunity ID": pa.array(np.char.add("006", ids.astype(str))),
                "Opportunity Name": pa.array(np.char.add("案件-", ids.astype(str))),
                "Created Date": text(created, "D", "slash"),
                "Close Date": text(close, "D", "slash"),
                "Stage": pa.array(
                    np.where(
                        ~np.isnat(won), "Closed Won", np.where(closed, "Closed Lost", "Negotiation")
                    )
                ),
                "Amount": pa.array(amount.astype(str)),
                "Won": pa.array(np.where(~np.isnat(won), "1", "0")),
                "Lead Source": pa.array(rng.choice(["Web", "Seminar", "Partner"], rows)),
            }
        )
    pv.write_csv(table, path)


def baseline(path: Path, system: str) -> dict[str, dict[str, int]]:
    """A plain pandas group-by: the same counts, no validation."""
    import pandas as pd

    def monthly(values: pd.Series) -> dict[str, int]:
        counts = values.dropna().dt.strftime("%Y-%m").value_counts()
        return {m: int(c) for m, c in counts.items()}

    if system == "hubspot":
        df = pd.read_csv(path, usecols=[*HUBSPOT_DATES.values(), "Total Revenue"])
        dates = {s: pd.to_datetime(df[c], format=HUBSPOT_FORMAT) for s, c in HUBSPOT_DATES.items()}
        result = {stage: monthly(d) for stage, d in dates.items()}
        won_month = dates["won"].dt.strftime("%Y-%m")
        revenue = df["Total Revenue"].groupby(won_month).sum()
    else:
        df = pd.read_csv(path, usecols=["Created Date", "Close Date", "Amount", "Won"])
        created = pd.to_datetime(df["Created Date"], format=SALESFORCE_FORMAT)
        close = pd.to_datetime(df["Close Date"], format=SALESFORCE_FORMAT)
        won = df["Won"] == 1
        result = {"sql": monthly(created), "won": monthly(close[won])}
        revenue = df.loc[won, "Amount"].groupby(close[won].dt.strftime("%Y-%m")).sum()
    result["revenue"] = {m: int(v) for m, v in revenue.items()}
    return result


def axis(path: Path, system: str) -> dict[str, dict[str, int]]:
    from assistant.analytics.crm.importer import import_bytes

    imported = import_bytes(path.read_bytes(), filename=path.name, system=system)
    result: dict[str, dict[str, int]] = {}
    for m in imported.months:
        for stage in ("leads", "mql", "sql", "won", "revenue"):
            value = getattr(m, stage)
            if value:  # the baseline has no zero months
                result.setdefault(stage, {})[m.month] = value
    if imported.skipped:
        raise SystemExit(f"unexpected skipped rows: {imported.skipped[:3]}")
    return result


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def worker(method: str, path: Path, system: str) -> None:
    import numpy  # noqa: F401  (imports are not what is measured)
    import pandas  # noqa: F401
    import pyarrow.csv  # noqa: F401

    import assistant.analytics.crm.importer  # noqa: F401

    before = _rss_mb()
    started = time.perf_counter()
    result = (baseline if method == "baseline" else axis)(path, system)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"seconds": seconds, "peak_mb": peak - before, "result": result}, sys.stdout)


def _run(method: str, path: Path, system: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", method, "--file", str(path), "--system", system],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--system", choices=("hubspot", "salesforce"), default="hubspot")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--worker", choices=("baseline", "axis"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.file, args.system)
        return
    with tempfile.TemporaryDirectory(prefix="axis-crm-bench-") as tmp:
        path = Path(tmp) / f"{args.system}-export.csv"
        started = time.perf_counter()
        generate(path, rows=args.rows, system=args.system)
        print(
            f"generated {args.rows:,} rows ({path.stat().st_size / 2**20:.0f} MB) in "
            f"{time.perf_counter() - started:.1f}s",
            file=sys.stderr,
        )
        runs: dict[str, list[dict]] = {"baseline": [], "axis": []}
        for _ in range(args.repeat):
            for method in runs:
                runs[method].append(_run(method, path, args.system))
        if runs["baseline"][0]["result"] != runs["axis"][0]["result"]:
            raise SystemExit("the importer and the baseline disagree — not reporting times")
        size_mb = path.stat().st_size / 2**20
    report = _report(runs, rows=args.rows, system=args.system, size_mb=size_mb)
    if args.json:
        print(json.dumps(report))
    else:
        _print(report)


def _report(runs: dict[str, list[dict]], *, rows: int, system: str, size_mb: float) -> dict:
    summary = {
        method: {
            "best_s": round(min(r["seconds"] for r in results), 3),
            "median_s": round(statistics.median(r["seconds"] for r in results), 3),
            "peak_mb": round(max(r["peak_mb"] for r in results), 1),
        }
        for method, results in runs.items()
    }
    ratio = summary["axis"]["best_s"] / summary["baseline"]["best_s"]
    median_ratio = summary["axis"]["median_s"] / summary["baseline"]["median_s"]
    return {
        "rows": rows,
        "system": system,
        "file_mb": round(size_mb, 1),
        "repeat": len(runs["axis"]),
        "baseline": summary["baseline"],
        "axis": summary["axis"],
        "ratio_best": round(ratio, 2),
        "ratio_median": round(median_ratio, 2),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
        "results_identical": True,
    }


def _print(report: dict) -> None:
    print(
        f"CRM export → monthly funnel: {report['rows']:,} rows, {report['system']}, "
        f"{report['file_mb']} MB, best/median of {report['repeat']}"
    )
    print(f"{'method':<34} {'best s':>8} {'median s':>9} {'peak MB':>9}")
    names = {"baseline": "pandas read_csv + group-by", "axis": "axis importer (validating)"}
    for method in ("baseline", "axis"):
        r = report[method]
        print(f"{names[method]:<34} {r['best_s']:>8.3f} {r['median_s']:>9.3f} {r['peak_mb']:>9.1f}")
    verdict = "meets" if report["meets_target"] else "MISSES"
    print(
        f"ratio axis/baseline: {report['ratio_best']:.2f}× best, {report['ratio_median']:.2f}× "
        f"median — {verdict} the ≤{report['target_ratio']}× target; monthly results identical"
    )


if __name__ == "__main__":
    main()
