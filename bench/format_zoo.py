"""Real company folders in: the format-zoo evaluation set (``bench/data/format_zoo``).

Three fictional companies, each written by a helper who saw only issue 12's text: Word,
PowerPoint, PDF, HTML, Markdown, text, multi-sheet workbooks, CSV/TSV in several encodings
and MA/SFA exports.  ``alpha`` is the set the readers were developed on; ``beta`` and
``gamma`` played no part and are reported as found.  For each company the folder is ingested
the way ``axis ingest FOLDER`` does (``assistant.workspace.ingest``) into a fresh store and
scored against the keys the helpers' scripts computed:

* files: every file under exactly one of ingested / skipped / rejected, and the disposition
  and document kind the key expects;
* facts: a director's question (``axis search``, top 5) finds a chunk containing the fact,
  per file type;
* KPI cells: every cell of every KPI sheet read exactly (month, metric, value in yen);
  ``unmapped:`` columns must be reported (kept and named), never dropped silently;
* CRM months: the monthly funnel each export implies under the event-month rule.

    python bench/format_zoo.py [--company alpha] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, log, stdout_to_stderr

DATA = Path(__file__).resolve().parent / "data" / "format_zoo"
TARGETS = {"facts_top5": 0.95, "kpi_cells_exact": 1.0, "files_accounted": 1.0}
_METRICS = ("leads", "mql", "sql", "opportunities", "won", "revenue", "spend")


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _base(source: str) -> str:
    """``files/a/b.xlsx#Sheet`` → ``a/b.xlsx`` (the key's path)."""
    return source.split("#", 1)[0].split("/", 1)[1]


def _accounting(key: list[dict], report: dict, table: Table, company: str) -> dict:
    placed: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for entry in report["ingested"]:
        placed[_base(entry["path"])].append("ingest")
        kinds[_base(entry["path"])].add(entry["kind"])
    for entry in report["skipped"]:
        placed[_base(entry["path"])].append("skip")
    for entry in report["rejected"]:
        placed[_base(entry["path"])].append("reject")
    accounted = sum(1 for k in key if len(set(placed[k["file"]])) == 1)
    disposition = sum(1 for k in key if placed[k["file"]][:1] == [k["expected"]])
    documents = [k for k in key if k["expected"] == "ingest" and k["content"] not in ("crm",)]
    kind_ok = 0
    wrong = []
    for k in documents:
        want = {"kpi": "kpi", "feedback": "feedback"}.get(k["content"], k["content"])
        got = kinds[k["file"]]
        if want in got:
            kind_ok += 1
        else:
            wrong.append(f"{k['file']}: {k['content']} → {sorted(got) or placed[k['file']]}")
    crm = [k for k in key if k["content"] == "crm"]
    crm_ok = sum(1 for k in crm if placed[k["file"]] == ["ingest"] and kinds[k["file"]] == {"kpi"})
    table.add(company, len(key), accounted, disposition, f"{kind_ok}/{len(documents)}",
              f"{crm_ok}/{len(crm)}")  # fmt: skip
    return {"accounted": accounted / len(key), "disposition": disposition / len(key),
            "kinds": kind_ok / max(len(documents), 1), "wrong_kinds": wrong}  # fmt: skip


def _facts(facts: list[dict], store, table: Table, company: str) -> dict:  # type: ignore[no-untyped-def]
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for fact in facts:
        results = store.search(fact["question"], k=5)
        answer = _squash(fact["answer"])
        hit = any(answer in _squash(r.text) for r in results)
        by_type[fact["type"]][0] += hit
        by_type[fact["type"]][1] += 1
        if not hit:
            misses.append(f"{fact['id']} {fact['type']} {fact['location']}: {fact['answer']}")
    for kind, (hit, total) in sorted(by_type.items()):
        table.add(company, kind, total, hit, round(hit / total, 3))
    hits = sum(h for h, _t in by_type.values())
    return {"found": hits / max(len(facts), 1), "misses": misses}


def _stored_months(settings) -> dict[str, list]:  # type: ignore[no-untyped-def]
    from assistant.db.records import load_kpi_months

    by_source: dict[str, list] = defaultdict(list)
    for stored in load_kpi_months(settings.database_url, settings.workspace):
        by_source[stored.source].append(stored.month)
    return by_source


def _value(month, metric: str) -> int | None:  # type: ignore[no-untyped-def]
    if metric.endswith("_target"):
        return month.targets.get(metric.removesuffix("_target"))
    return getattr(month, metric)


def _kpi_cells(cells: list[dict], settings, report: dict, table: Table, company: str) -> dict:  # type: ignore[no-untyped-def]
    stored = _stored_months(settings)
    warned = {(w["path"], w.get("column")) for w in report["warnings"] if w.get("column")}
    by_file: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    dropped = 0
    for cell in cells:
        name = f"files/{cell['file']}" + (f"#{cell['sheet']}" if cell.get("sheet") else "")
        rows = stored.get(name) or stored.get(f"files/{cell['file']}", [])
        rows = [m for m in rows if m.month == cell["month"] and m.segment is None]
        if cell["metric"].startswith("unmapped:"):
            header = cell["metric"].split(":", 1)[1]
            kept = any(header in m.extra for m in rows) or any(
                p.startswith(f"files/{cell['file']}") and c == header for p, c in warned
            )
            dropped += not kept
            continue
        got = _value(rows[0], cell["metric"]) if rows else None
        ok = got == cell["value"]
        by_file[cell["file"]][0] += ok
        by_file[cell["file"]][1] += 1
        if not ok:
            misses.append(f"{cell['file']} {cell.get('sheet')} {cell['month']} "
                          f"{cell['metric']}: {got} ≠ {cell['value']}")  # fmt: skip
    for file, (ok, total) in sorted(by_file.items()):
        table.add(company, file[-40:], total, ok, round(ok / total, 4))
    exact = sum(o for o, _t in by_file.values()) / max(sum(t for _o, t in by_file.values()), 1)
    return {"exact": exact, "silently_dropped_columns": dropped, "misses": misses[:40]}


def _crm(rows: list[dict], settings, table: Table, company: str) -> dict:  # type: ignore[no-untyped-def]
    stored = _stored_months(settings)
    by_tool: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in rows:
        months = [
            m for m in stored.get(f"files/{row['file']}", [])
            if m.month == row["month"] and m.segment is None
        ]  # fmt: skip
        got = getattr(months[0], row["metric"]) if months else None
        ok = (got or 0) == row["value"]
        by_tool[row["tool"]][0] += ok
        by_tool[row["tool"]][1] += 1
        if not ok:
            misses.append(f"{row['tool']} {row['month']} {row['metric']}: {got} ≠ {row['value']}")
    for tool, (ok, total) in sorted(by_tool.items()):
        table.add(company, tool, total, ok, round(ok / total, 3))
    return {"misses": misses[:40]}


def run(company: str, tables: dict[str, Table]) -> dict:
    from assistant.config import load_settings
    from assistant.workspace import ingest, open_store

    base = DATA / company
    keys = base / "answer_key"
    with fresh_axis_home(f"zoo-{company}"):
        settings = load_settings()
        store = open_store(settings)
        log(f"{company}: ingesting {base / 'files'}")
        report = ingest(store, [base / "files"]).as_json()
        summary = {
            "files": _accounting(_lines(keys / "files.jsonl"), report, tables["files"], company),
            "facts": _facts(_lines(keys / "facts.jsonl"), store, tables["facts"], company),
            "kpi": _kpi_cells(
                _lines(keys / "kpi_cells.jsonl"), settings, report, tables["kpi"], company
            ),  # fmt: skip
            "crm": _crm(_lines(keys / "crm_months.jsonl"), settings, tables["crm"], company),
            "rejected": [r["error"][:160] for r in report["rejected"]],
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--company", action="append", help="alpha, beta, gamma (default: all)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="also list every miss")
    args = parser.parse_args()
    companies = args.company or sorted(p.name for p in DATA.iterdir() if p.is_dir())
    tables = {
        "files": Table(
            "Files accounted for",
            ["company", "files", "accounted", "as expected", "kind right", "CRM read"],
        ),  # fmt: skip
        "facts": Table(
            "Key facts in axis search top 5", ["company", "type", "facts", "found", "share"]
        ),  # fmt: skip
        "kpi": Table("KPI cells read exactly", ["company", "file", "cells", "exact", "share"]),
        "crm": Table("CRM monthly funnel", ["company", "tool", "rows", "exact", "share"]),
    }
    summary: dict[str, object] = {}
    with stdout_to_stderr(args.json):
        for company in companies:
            summary[company] = run(company, tables)
    if args.misses and not args.json:
        for company, result in summary.items():
            for part in ("files", "facts", "kpi", "crm"):
                for miss in result[part].get("misses", result[part].get("wrong_kinds", [])):  # type: ignore[index]
                    log(f"{company} {part} miss: {miss}")
            for rejected in result["rejected"]:  # type: ignore[index]
                log(f"{company} rejected: {rejected}")
    emit(list(tables.values()), {"targets": TARGETS, **summary}, as_json=args.json)


if __name__ == "__main__":
    main()
