"""The SLA draft: rules quoted from the playbook, commitments equal to the reverse plan."""

from __future__ import annotations

import csv
import math
from fractions import Fraction
from pathlib import Path

from assistant.analytics.planning import reverse_plan
from assistant.analytics.report import workspace_report
from assistant.drafts import DraftRequest, generate
from assistant.ingest.pipeline import ingest_paths
from assistant.text.normalize import nfkc
from assistant.workspace import open_store
from tests.conftest import KNOWLEDGE

PLAYBOOK = nfkc((KNOWLEDGE / "playbook" / "lead-management.md").read_text("utf-8"))


def _fact(draft, key: str):  # type: ignore[no-untyped-def]
    return next(f for f in draft.facts if f.key == key)


def test_monthly_mql_and_sql_commitments_are_the_reverse_plans(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(settings, store, DraftRequest(kind="sla"), client=None)
    figures = workspace_report(settings).figures
    target = int(_fact(draft, "sla:revenue_target").value)
    plan = reverse_plan(figures, revenue_target=target, window=settings.kpi_window)
    assert _fact(draft, "sla:commit:mql").value == plan.per_month.mql
    assert _fact(draft, "sla:commit:sql").value == plan.per_month.sql
    body = draft.section("commitments").body
    assert f"{plan.per_month.mql:,}" in body and f"{plan.per_month.sql:,}" in body
    assert "⌈" in body  # the formula is shown


def test_default_target_is_the_latest_won_target_times_the_pooled_deal_size(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(settings, store, DraftRequest(kind="sla"), client=None)
    text = (KNOWLEDGE / "kpi" / "kpi-monthly.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    window = rows[-settings.kpi_window :]

    def total(column: str) -> int:
        return sum(int(r[column].replace(",", "")) for r in window)

    deal = Fraction(total("売上(円)"), total("受注数"))
    won_target = int(rows[-1]["目標受注数"])
    expected = round(deal * won_target)
    assert abs(_fact(draft, "sla:revenue_target").value - expected) <= 1
    # ... and the plan then needs exactly that many won deals a month.
    assert _fact(draft, "sla:commit:won").value == math.ceil(Fraction(expected) / deal)


def test_given_revenue_target_is_used_and_counts_as_evidence(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    request = DraftRequest(kind="sla", options={"revenue_target": "60000000"})
    draft = generate(settings, store, request, client=None)
    plan = reverse_plan(
        workspace_report(settings).figures, revenue_target=60_000_000, window=settings.kpi_window
    )
    assert _fact(draft, "sla:commit:mql").value == plan.per_month.mql
    assert "60,000,000" in draft.section("commitments").body
    assert draft.blocking_warnings == []


def test_rules_come_from_the_playbook_and_are_cited_verbatim(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(settings, store, DraftRequest(kind="sla"), client=None)
    by_ref = {c.ref: c for c in draft.citations}
    definition = draft.section("mql_definition")
    assert definition.status == "ok" and "60点" in definition.body
    assert any("閾値は60点" in by_ref[r].quote for r in definition.refs)
    follow_up = draft.section("follow_up")
    assert "2営業日以内" in follow_up.body and follow_up.status == "ok"
    assert "BANT" in draft.section("acceptance").body
    scoring = draft.section("scoring")
    assert "+20" in scoring.body and "+60" in scoring.body
    for citation in draft.citations:
        assert citation.source.endswith(".md")
        if citation.source.endswith("lead-management.md"):
            assert citation.quote in PLAYBOOK
    # What the playbook lacks is proposed, and marked as such.
    assert draft.section("rejection").status == "proposal"
    assert draft.mode == "offline" and draft.notice
    assert draft.blocking_warnings == []


def test_without_a_playbook_or_kpi_everything_is_a_marked_proposal(
    settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = open_store(settings)
    ingest_paths(store, [KNOWLEDGE / "personas"])
    draft = generate(settings, store, DraftRequest(kind="sla"), client=None)
    assert draft.section("mql_definition").status == "proposal"
    follow_up = draft.section("follow_up")
    assert follow_up.status == "proposal"
    proposed = next(f for f in draft.facts if f.key == "proposal:follow_up_days")
    assert "proposal" in proposed.source.lower() or "提案" in proposed.source
    assert draft.section("commitments").status == "gap"
    # Nothing in it is the company's own: approving it takes an override comment.
    assert [w.code for w in draft.blocking_warnings] == ["no_evidence"]


def test_english_sla(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(settings, store, DraftRequest(kind="sla", lang="en"), client=None)
    assert draft.title.startswith("Marketing")
    assert draft.section("commitments").title.startswith("Monthly commitments")
    assert "Composed without an LLM" in (draft.notice or "")


def test_a_target_no_plan_can_be_made_for_is_refused_for_every_caller(demo) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from assistant.errors import AxisError

    settings, store = demo
    for target in ("0", "-5", str(10**13)):
        request = DraftRequest(kind="sla", options={"revenue_target": target})
        with pytest.raises(AxisError, match="monthly amount above 0"):
            generate(settings, store, request, client=None)
