"""KPI questions answered as asked: accuracy per question type, offline and with an LLM.

The question sets, datasets and answer keys are in ``bench/data/kpi_questions`` (written by
a helper who never saw the parser; keys computed by its ``compute_answers.py``).  Each
dataset is ingested into a fresh workspace exactly as a user would (``axis ingest`` of its
folder), with the company's fiscal start month (its README's 「期首月」 line — a workspace
setting in the product) and today fixed at 2026-12-03, the date the keys assume.

Scoring per question (the set's README):

* the status must match (``ok`` / ``no_data`` / ``unanswerable``);
* for ``ok``: the months covered must be exactly the key's, and every key value must appear
  with the same metric (and month or channel label) within tolerance — rates 0.1 point,
  money 0.5 %, counts exact; an answer may show more context (a target beside an
  achievement, both the absolute and relative change);
* a *substitution* is an answer that gives figures for other months than asked (or figures
  where the key says there are none): the one failure that must never happen.

    python bench/kpi_questions.py                 # dev set, offline grammar parser
    python bench/kpi_questions.py --set test      # the held-out set
    python bench/kpi_questions.py --llm           # also LLM-only parsing (OPENAI_BASE_URL)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Table, emit, fresh_axis_home, load_note, log, stdout_to_stderr

DATA = Path(__file__).resolve().parent / "data" / "kpi_questions"
SETS = {
    "dev": ("questions_dev.jsonl", "answers.jsonl"),
    "test": ("questions_test.jsonl", "answers_test.jsonl"),
    "test2": ("questions_test2.jsonl", "answers_test2.jsonl"),
}
TODAY = dt.date(2026, 12, 3)
TARGETS = {"accuracy": 0.95, "substitutions": 0}
_RATIO_METRICS = ("lead_to_mql", "mql_to_sql", "sql_to_won", "lead_to_won", "roi", "achievement(")
_MONEY = (
    "spend",
    "revenue",
    "cpl",
    "cost_per_mql",
    "cost_per_sql",
    "cac",
    "target(spend)",
    "target(revenue)",
)


def fiscal_start(folder: Path) -> int:
    text = (folder / "README.md").read_text(encoding="utf-8")
    match = re.search(r"期首月\s*[:：]\s*(\d{1,2})\s*月", text)
    if not match:
        raise SystemExit(f"{folder}/README.md has no 期首月 line")
    return int(match.group(1))


def load_dataset(name: str):  # type: ignore[no-untyped-def]
    """Ingest the dataset's folder into the current AXIS_HOME workspace; its KpiData."""
    from assistant.analytics.options import KpiOptions
    from assistant.analytics.query import KpiData
    from assistant.config import load_settings
    from assistant.db.records import load_kpi_months
    from assistant.workspace import ingest, open_store

    folder = DATA / "datasets" / name
    settings = load_settings(workspace=name.replace("_", "-"))
    with stdout_to_stderr(True):
        ingest(open_store(settings), [folder])
    options = KpiOptions(fiscal_start=fiscal_start(folder), today=TODAY)
    return KpiData.of(load_kpi_months(settings.database_url, settings.workspace), options)


def _close(metric: str, expected: float | None, got: float | None, label: str) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if label == "change_rel" or metric.startswith(_RATIO_METRICS) or metric in ("lead_to_won",):
        return abs(expected - got) <= 0.001 + 1e-9
    if metric in _MONEY or metric.startswith(("cp", "ca")):
        return abs(expected - got) <= max(0.005 * abs(expected), 0.5)
    return abs(expected - got) <= 1e-6 * max(1.0, abs(expected))


def _label_match(key_label: str, got_label: str) -> bool:
    if re.fullmatch(r"\d{4}-\d{2}", key_label) or key_label in ("change", "change_rel"):
        return key_label == got_label
    if re.fullmatch(r"\d{4}-\d{2}", got_label) or got_label in ("change", "change_rel"):
        return False  # a month or a change where the key has a period or a channel
    if got_label in ("period", "baseline", "monthly_mean"):
        return True
    return key_label == got_label  # a channel


def score(key: dict, result) -> tuple[bool, bool, str]:  # type: ignore[no-untyped-def]  # noqa: C901
    """(right, substituted, why) for one answer against its key."""
    if result is None:
        return False, False, "not understood"
    if result.status != key["status"]:
        substituted = key["status"] != "ok" and result.status == "ok" and bool(result.values)
        return False, substituted, f"status {result.status} ≠ {key['status']}"
    if key["status"] != "ok":
        return True, False, ""
    if result.months != key["months"]:
        return False, bool(result.months), f"months {result.months} ≠ {key['months']}"
    got = [
        (v.label, v.metric, float(v.value) if v.value is not None else None) for v in result.values
    ]
    used: set[int] = set()
    kinds = {v["label"] for v in key["values"]}
    for want in key["values"]:
        match = None
        for i, (label, metric, value) in enumerate(got):
            if i in used or metric != want["metric"]:
                continue
            if want["label"] in ("change", "change_rel") or label in ("change", "change_rel"):
                if label != want["label"]:
                    continue
            elif (
                not _label_match(want["label"], label)
                or label == "baseline"
                and "change" in kinds
                and want is key["values"][0]
            ):
                continue
            if _close(want["metric"], want["value"], value, want["label"]):
                match = i
                break
        if match is None:
            return False, False, f"missing {want['label']} {want['metric']}={want['value']}"
        used.add(match)
    if key["values"] and all(re.fullmatch(r"\d{4}-\d{2}", v["label"]) for v in key["values"]):
        extra = [g for i, g in enumerate(got) if i not in used]
        if extra:
            return False, False, f"extra values {extra[:3]}"
    if (
        len(key["values"]) > 1
        and all(
            not re.fullmatch(r"\d{4}-\d{2}", v["label"])
            and v["label"] not in ("change", "change_rel")
            for v in key["values"]
        )
        and key["values"][0]["label"] in {g[0] for g in got}
    ):
        order = [g[0] for i, g in enumerate(got) if i in used]
        if order != [v["label"] for v in key["values"]]:
            return False, False, f"order {order}"
    return True, False, ""


def run(set_name: str, *, client=None, use_grammar: bool = True, verbose: bool = False):  # type: ignore[no-untyped-def]
    from assistant.analytics.query import ask

    questions_file, answers_file = SETS[set_name]
    questions = [
        json.loads(line)
        for line in (DATA / questions_file).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    keys = {
        a["id"]: a
        for a in map(json.loads, (DATA / answers_file).read_text(encoding="utf-8").splitlines())
        if a
    }
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    timings = []
    with fresh_axis_home("kpi-questions"):
        data = {name: load_dataset(name) for name in sorted({q["dataset"] for q in questions})}
        for q in questions:
            started = time.perf_counter()
            asked = ask(q["question"], data[q["dataset"]], client=client, use_grammar=use_grammar)
            timings.append(time.perf_counter() - started)
            right, substituted, why = score(keys[q["id"]], asked.result)
            cell = by_type[q["type"]]
            cell[0] += right
            cell[1] += 1
            cell[2] += substituted
            by_lang[q["lang"]][0] += right
            by_lang[q["lang"]][1] += 1
            if not right:
                query = (
                    asked.query.model_dump(exclude_defaults=True)
                    if asked.query
                    else asked.understood
                )
                misses.append(
                    {
                        "id": q["id"],
                        "type": q["type"],
                        "question": q["question"],
                        "why": why,
                        "query": str(query),
                    }
                )
                if verbose:
                    log(f"{q['id']} {q['type']} {q['question']}\n   {why}\n   {query}")
    return by_type, by_lang, misses, timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument(
        "--llm", action="store_true", help="also parse with the configured LLM only"
    )
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tables, summary = [], {}
    modes = [("offline grammar", None, True)]
    if args.llm:
        from assistant.config import load_settings
        from assistant.llm import get_client

        client = get_client(load_settings())
        if client is None:
            raise SystemExit("--llm needs an LLM (OPENAI_BASE_URL / AXIS_LLM)")
        modes.append((f"LLM only ({client.label})", client, False))
    for mode, client, grammar in modes:
        log(f"{args.set}: {mode} …")
        by_type, by_lang, misses, timings = run(
            args.set, client=client, use_grammar=grammar, verbose=args.verbose
        )
        table = Table(
            f"KPI questions ({args.set}, {mode})",
            ["type", "questions", "right", "accuracy", "substitutions"],
        )
        total = [0, 0, 0]
        for kind in sorted(by_type):
            right, n, sub = by_type[kind]
            table.add(kind, n, right, round(right / n, 3), sub)
            total = [total[0] + right, total[1] + n, total[2] + sub]
        table.add("all", total[1], total[0], round(total[0] / total[1], 3), total[2])
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))] * 1000
        table.note = (
            "by language: "
            + ", ".join(f"{lang} {r}/{n}" for lang, (r, n) in sorted(by_lang.items()))
            + f"; p95 {p95:.1f} ms per question"
            + f"; target ≥ {TARGETS['accuracy']:.0%} right, 0 substitutions; {load_note()}"
        )
        tables.append(table)
        summary[mode] = {
            "accuracy": total[0] / total[1],
            "substitutions": total[2],
            "misses": misses,
        }
    emit(tables, summary, as_json=args.json)


if __name__ == "__main__":
    main()
