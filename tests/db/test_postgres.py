"""AXIS_DB_URL pointing at a real PostgreSQL: the same commands, the same guarantees."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from tests.conftest import KNOWLEDGE

pytestmark = pytest.mark.integration
runner = CliRunner()


def axis(*args: str) -> tuple[int, dict | None, str]:
    result = runner.invoke(app, list(args))
    payload = json.loads(result.stdout) if "--json" in args and result.exit_code == 0 else None
    return result.exit_code, payload, result.stderr


def _rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        return conn.execute(sql).fetchall()


def test_ingest_draft_and_review_live_in_postgres(postgres_url: str, axis_home: Path) -> None:
    code, report, err = axis(
        "ingest", str(KNOWLEDGE / "playbook"), str(KNOWLEDGE / "kpi"), "--json"
    )
    assert code == 0, err and report["rejected"] == []
    code, found, _ = axis("search", "MQLの閾値", "--k", "1", "--json")
    assert "60点" in found["results"][0]["text"]
    code, made, err = axis("draft", "sla", "--by", "marketing", "--json")
    assert code == 0, err
    draft_id = str(made["id"])
    axis("review", "comment", draft_id, "期限を明記して", "--section", "follow_up")
    axis("review", "submit", draft_id)
    code, record, err = axis("review", "approve", draft_id, "--by", "director", "--json")
    assert code == 0, err and record["status"] == "approved"

    # Everything is in PostgreSQL, nothing in a SQLite file under AXIS_HOME.
    assert _rows(postgres_url, "select status, current_version from drafts") == [("approved", 1)]
    assert _rows(postgres_url, "select section, text from draft_comments") == [
        ("follow_up", "期限を明記して")
    ]
    actions = [r[0] for r in _rows(postgres_url, "select action from draft_events order by id")]
    assert actions == ["create", "comment", "submit", "approve"]
    months = _rows(postgres_url, "select count(distinct month) from kpi_months")[0][0]
    assert months == 13
    assert not list(axis_home.rglob("*.db"))


def test_two_reviewers_acting_at_once_cannot_both_win(postgres_url: str) -> None:
    from assistant.config import load_settings
    from assistant.drafts import DraftRequest
    from assistant.errors import ReviewError
    from assistant.ingest.pipeline import ingest_paths
    from assistant.review.service import ReviewService
    from assistant.workspace import open_store

    settings = load_settings()
    store = open_store(settings)
    ingest_paths(store, [KNOWLEDGE / "playbook"])

    service = ReviewService(settings, store, client=None)
    record, _ = service.create(DraftRequest(kind="sla"))
    service.submit(record.id)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def act(name: str, action) -> None:  # type: ignore[no-untyped-def]
        mine = ReviewService(settings, open_store(settings), client=None)
        barrier.wait()
        try:
            action(mine)
            outcomes[name] = "won"
        except ReviewError:
            outcomes[name] = "refused"

    threads = [
        threading.Thread(target=act, args=("approve", lambda s: s.approve(record.id, actor="a"))),
        threading.Thread(
            target=act, args=("send back", lambda s: s.request_changes(record.id, actor="b"))
        ),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes.values()) == ["refused", "won"]
    final = service.view(record.id).record.status
    assert final == ("approved" if outcomes["approve"] == "won" else "changes_requested")
