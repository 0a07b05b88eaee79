"""The improvement plan: assessed checklist, director overrides, prioritised actions, progress."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from assistant.analytics.report import workspace_report
from assistant.drafts.context import Assessment, DraftRequest
from assistant.drafts.generate import generate
from assistant.drafts.improvement_plan.checklist import load_checklist
from assistant.drafts.improvement_plan.plan import verdict
from assistant.drafts.models import Draft
from tests.drafts.test_checklist import kpi_rows

KPI_HEADER = (
    "年月,リード数,MQL数,SQL数,受注数,広告費(円),売上(円),目標リード数,目標MQL数,目標SQL数,"
    "目標受注数"
)
# A later month: MQL→SQL jumps, lead→MQL holds within a point, SQL→won falls.
NOVEMBER = '2026年11月,700,210,70,11,"5,600,000","26,400,000",640,192,76,19'


def plan(settings, store, **kwargs) -> Draft:  # type: ignore[no-untyped-def]
    return generate(settings, store, DraftRequest(kind="improvement-plan", **kwargs), client=None)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def test_offline_draft_has_every_item_and_no_blocking_warning(demo) -> None:  # type: ignore[no-untyped-def]
    draft = plan(*demo)
    assert not [w for w in draft.warnings if w.code in ("unverified_number", "bad_citation")]
    assert not draft.blocking_warnings, draft.blocking_warnings
    items = load_checklist()
    keys = [s.key for s in draft.sections]
    assert keys == ["summary", *(f"item:{i.id}" for i in items), "questions", "actions", "progress"]
    expected = {"met": "ok", "partly": "gap", "not_met": "gap", "unknown": "unknown"}
    for item in draft.content["items"]:
        section = draft.section(f"item:{item['id']}")
        assert section is not None and section.status == expected[item["status"]]
        if item["status"] == "unknown":
            assert item["question"]["text"] in draft.section("questions").body
    counted = {f.key.split(":")[-1]: f.value for f in draft.facts if "checklist:status" in f.key}
    assert sum(counted.values()) == len(items)


def test_actions_put_the_bottleneck_first_with_dated_deadlines_and_baselines(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = plan(settings, store)
    bottleneck = next(
        f.stage for f in workspace_report(settings).diagnosis if f.category == "bottleneck"
    )
    statuses = {i["id"]: i["status"] for i in draft.content["items"]}
    specs = {i.id: i for i in load_checklist()}
    actions = draft.content["actions"]
    gaps = [i for i, s in statuses.items() if s in ("partly", "not_met")]
    assert sorted(a["item_id"] for a in actions) == sorted(gaps)
    # Bottleneck actions form a prefix; inside each group not_met precedes partly.
    on = [a["kpi"] == bottleneck for a in actions]
    assert on[0] and on == sorted(on, reverse=True)
    for group in (True, False):
        ranks = [statuses[a["item_id"]] for a in actions if (a["kpi"] == bottleneck) == group]
        assert ranks == sorted(ranks, key=lambda s: s != "not_met")

    latest = kpi_rows()[-1]
    anchor = month_end(2026, 10)  # kpi-monthly.csv ends with 2026年10月
    facts = {f.id: f for f in draft.facts}
    for action in actions:
        spec = specs[action["item_id"]].action
        assert action["deadline"] == (anchor + dt.timedelta(weeks=spec.weeks)).isoformat()
        if action["kpi"] == "mql_to_sql":
            base = action["baseline"]
            assert base["month"] == "2026-10"
            expected = Fraction(latest["SQL数"], latest["MQL数"])
            assert facts[base["ref"]].value == pytest.approx(float(expected))
    body = draft.section("actions").body
    assert body.index(actions[0]["action"]["text"]) < body.index(actions[-1]["action"]["text"])


def test_director_override_replaces_the_status_and_keeps_the_computed_one(demo) -> None:  # type: ignore[no-untyped-def]
    first = plan(*demo)
    assert {a["item_id"] for a in first.content["actions"]} >= {"sla-written"}
    assessments = {
        "sla-written": Assessment(
            "met", "SLAは11月に文書で合意済み（フォローは2営業日以内）", "高野"
        ),
        "team-skills": Assessment("not_met", "育成計画はまだない", "高野"),
    }
    draft = plan(*demo, assessments=assessments)
    items = {i["id"]: i for i in draft.content["items"]}
    assert items["sla-written"]["computed"] == "not_met"
    assert items["sla-written"]["status"] == "met"
    body = draft.section("item:sla-written").body
    assert "未達" in body and "達成" in body and "2営業日以内" in body and "高野" in body
    assert draft.section("item:sla-written").status == "ok"
    acted = [a["item_id"] for a in draft.content["actions"]]
    assert "sla-written" not in acted
    assert "team-skills" in acted  # an unknown item the director calls not met gets an action
    assert items["team-skills"]["question"] is None
    assert not draft.blocking_warnings, draft.blocking_warnings  # the comment's number is given


def test_progress_after_a_later_kpi_snapshot(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from assistant.ingest.pipeline import ingest_paths

    settings, store = demo
    first = plan(settings, store)
    csv_file = tmp_path / "kpi-2026-11.csv"
    csv_file.write_text(f"{KPI_HEADER}\n{NOVEMBER}\n", encoding="utf-8")
    report = ingest_paths(store, [csv_file])
    assert not report.rejected, report.rejected

    second = plan(settings, store, previous=first.content)
    assert not second.blocking_warnings, second.blocking_warnings
    october = kpi_rows()[-1]
    nov = [int(x.strip('"').replace(",", "")) for x in NOVEMBER.split(",", 5)[1:5]]
    leads, mql, sql, won = nov
    rates = {
        "mql_to_sql": (Fraction(october["SQL数"], october["MQL数"]), Fraction(sql, mql)),
        "lead_to_mql": (Fraction(october["MQL数"], october["リード数"]), Fraction(mql, leads)),
        "sql_to_won": (Fraction(october["受注数"], october["SQL数"]), Fraction(won, sql)),
    }
    # Expected verdicts from the numbers, one percentage point of tolerance for rates.
    expected = {}
    for kpi, (before, after) in rates.items():
        change = after - before
        expected[kpi] = "moved" if change > 0.01 else "worse" if change < -0.01 else "stayed"
    assert set(expected.values()) == {"moved", "stayed", "worse"}

    progress = second.content["progress"]
    earlier = {a["item_id"] for a in first.content["actions"] if a["kpi"] != "none"}
    assert {p["item_id"] for p in progress} == earlier
    facts = {f.id: f for f in second.facts}
    for entry in progress:
        assert entry["verdict"] == expected[entry["kpi"]], entry
        assert entry["baseline"]["month"] == "2026-10" and entry["current"]["month"] == "2026-11"
        before, after = rates[entry["kpi"]]
        assert facts[entry["baseline"]["ref"]].value == pytest.approx(float(before))
        assert facts[entry["current"]["ref"]].value == pytest.approx(float(after))
    body = second.section("progress").body
    assert "改善" in body and "横ばい" in body and "悪化" in body


def test_english_rendering(demo) -> None:  # type: ignore[no-untyped-def]
    draft = plan(*demo, lang="en")
    assert draft.title.startswith("Improvement plan")
    assert not draft.blocking_warnings, draft.blocking_warnings
    for item in load_checklist():
        section = draft.section(f"item:{item.id}")
        assert section is not None and section.title == item.text.en
        assert section.body.startswith("**Status:")
    assert "Deadlines count from 2026-10-31" in draft.section("summary").body
    assert "Owner:" in draft.section("actions").body


def test_verdict_tolerance() -> None:
    assert verdict("mql_to_sql", "up", 0.244, 0.26) == "moved"
    assert verdict("mql_to_sql", "up", 0.244, 0.25) == "stayed"  # within one point
    assert verdict("mql_to_sql", "up", 0.244, 0.23) == "worse"
    assert verdict("cpl", "down", 7778, 7500) == "moved"  # 3.6% cheaper
    assert verdict("cpl", "down", 7778, 7700) == "stayed"  # 1% is noise
    assert verdict("leads", "up", 700, 650) == "worse"
