"""The role checklist as data, and its evidence rules against the demo company."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from assistant.drafts.evidence import Corpus, EvidenceBook
from assistant.drafts.improvement_plan.checklist import (
    RULES,
    STATUSES,
    Evidence,
    RuleResult,
    assess_all,
    load_checklist,
)
from tests.conftest import KNOWLEDGE

KPI_NAMES = {"leads", "mql", "sql", "won", "lead_to_mql", "mql_to_sql", "sql_to_won", "cpl", "roi"}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def kpi_rows() -> list[dict[str, int]]:
    """The demo KPI CSV read by the test itself (full-width digits, thousands separators)."""
    with (KNOWLEDGE / "kpi" / "kpi-monthly.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        {k: int(nfkc(v).replace(",", "")) for k, v in row.items() if k != "年月"} for row in rows
    ]


def run_rules(settings, store, lang: str = "ja") -> tuple[dict[str, RuleResult], EvidenceBook]:  # type: ignore[no-untyped-def]
    book = EvidenceBook()
    ev = Evidence.of(Corpus(settings, store), book, lang)
    return {item.id: result for item, result in assess_all(ev)}, book


# -- the data ---------------------------------------------------------------------------------
def test_checklist_has_twenty_unique_items_in_both_languages() -> None:
    items = load_checklist()
    assert len(items) == 20
    assert len({i.id for i in items}) == 20
    for item in items:
        for text in (item.text, item.question):
            assert text.ja.strip() and text.en.strip()
            assert re.search(r"[ぁ-んァ-ン一-龥]", text.ja), item.id  # Japanese is Japanese
            assert not re.search(r"[ぁ-んァ-ン一-龥]", text.en), item.id
        assert item.action.ja and item.action.en and item.action.owner.en
        assert item.action.kpi in KPI_NAMES | {"none"}
        assert item.rule == "none" or item.rule in RULES
        # Numbers a user sees must come from data; the checklist's own words carry none.
        for text in (item.text.ja, item.text.en, item.question.ja, item.action.ja):
            assert not re.search(r"\d", nfkc(text)), (item.id, text)


def test_the_shipped_yaml_is_the_one_loaded() -> None:
    raw = yaml.safe_load(
        (Path(__file__).parents[2] / "assistant/drafts/improvement_plan/checklist.yaml").read_text(
            "utf-8"
        )
    )
    assert [i["id"] for i in raw["items"]] == [i.id for i in load_checklist()]


# -- the rules on the demo -------------------------------------------------------------------
def test_sla_is_not_met_and_cites_the_playbook_saying_it_is_not_written(demo) -> None:  # type: ignore[no-untyped-def]
    results, book = run_rules(*demo)
    sla = results["sla-written"]
    assert sla.status == "not_met"
    playbook = (KNOWLEDGE / "playbook" / "lead-management.md").read_text("utf-8")
    sentence = next(
        nfkc(line).strip()
        for line in playbook.splitlines()
        if "SLA" in line and "文書化されておらず" in line
    )
    cited = {c.ref: c for c in book.citations}
    quotes = [cited[r] for claim in sla.evidence for r in claim.refs if r in cited]
    assert any(
        q.source.endswith("playbook/lead-management.md") and q.quote == sentence for q in quotes
    ), [q.quote for q in quotes]


def test_cpl_is_met_and_its_fact_is_spend_over_leads_of_the_latest_month(demo) -> None:  # type: ignore[no-untyped-def]
    results, book = run_rules(*demo)
    latest = kpi_rows()[-1]
    cpl = Fraction(latest["広告費(円)"], latest["リード数"])
    assert results["cpl-known"].status == "met"
    facts = {f.id: f for f in book.facts}
    cpl_facts = [facts[r] for r in results["cpl-known"].evidence[0].refs if facts[r].unit == "yen"]
    assert any(f.key.endswith(":cpl") for f in cpl_facts)
    fact = next(f for f in cpl_facts if f.key.endswith(":cpl"))
    assert fact.value == pytest.approx(float(cpl))
    assert fact.display == f"{round(cpl):,}円"


def test_personas_met_because_every_demo_persona_has_the_three_fields(demo) -> None:  # type: ignore[no-untyped-def]
    files = sorted((KNOWLEDGE / "personas").iterdir())
    loaded = [
        json.loads(f.read_text("utf-8")) if f.suffix == ".json" else yaml.safe_load(f.read_text())
        for f in files
    ]
    assert all(p["challenges"] and p["buying_process"] and p["decision_makers"] for p in loaded)
    results, book = run_rules(*demo)
    assert results["personas-defined"].status == "met"
    counts = [f.value for f in book.facts if f.key.startswith("checklist:personas")]
    assert counts == [len(files), len(files)]


def test_handoff_agreement_is_not_fully_met_because_it_was_only_oral(demo) -> None:  # type: ignore[no-untyped-def]
    results, book = run_rules(*demo)
    handoff = results["mql-sql-handoff"]
    assert handoff.status in ("partly", "not_met")
    quotes = {c.ref: c.quote for c in book.citations}
    cited = [quotes[r] for claim in handoff.evidence for r in claim.refs]
    assert any("口頭" in q for q in cited)


def test_demo_gives_a_realistic_mix(demo) -> None:  # type: ignore[no-untyped-def]
    results, _ = run_rules(*demo)
    by_status = {s: [i for i, r in results.items() if r.status == s] for s in STATUSES}
    assert all(by_status[s] for s in STATUSES), by_status
    assert len(by_status["unknown"]) >= 3
    for item in load_checklist():
        if item.rule == "none":
            assert results[item.id].status == "unknown"


def test_without_kpi_data_the_kpi_items_are_unknown_with_questions(demo_home) -> None:  # type: ignore[no-untyped-def]
    from assistant.config import load_settings
    from assistant.drafts.context import DraftRequest
    from assistant.drafts.generate import generate
    from assistant.ingest.pipeline import ingest_paths
    from assistant.workspace import open_store

    settings = load_settings(workspace="no-kpi", llm="offline")
    store = open_store(settings)
    report = ingest_paths(store, [KNOWLEDGE / "playbook" / "lead-management.md"])
    assert not report.rejected
    results, _ = run_rules(settings, store)
    kpi_items = [
        i for i in load_checklist() if i.rule in ("kpi_freshness", "win_rate", "cpl", "roi")
    ]
    assert len(kpi_items) == 4
    for item in kpi_items:
        assert results[item.id].status == "unknown", item.id
    assert results["sla-written"].status == "not_met"  # documents still decide their items

    draft = generate(settings, store, DraftRequest(kind="improvement-plan"), client=None)
    questions = draft.section("questions")
    assert questions is not None
    for item in kpi_items:
        assert item.question.ja in questions.body
    assert draft.content["anchor_basis"] == "today"
    assert not draft.blocking_warnings, draft.blocking_warnings
