"""Synthesis over every note stored in the workspace, by period, with the workspace's names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.errors import FeedbackError
from assistant.feedback.synthesize import synthesize
from assistant.feedback.workspace import vocabulary, workspace_notes
from assistant.ingest.pipeline import ingest_paths
from assistant.workspace import open_store
from tests.feedback.conftest import PRICE, SECURITY


def _ingest(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "h1.csv"
    first.write_text(
        "日付,担当者,企業名,メモ\n"
        + "".join(f"2026/0{4 + i % 2}/1{i},森田,A{i}社,{t}\n" for i, t in enumerate(PRICE)),
        encoding="utf-8",
    )
    second = tmp_path / "h2.csv"
    second.write_text(
        "日付,担当者,企業名,メモ\n"
        + "".join(f"2026/09/0{1 + i},小林,B{i}社,{t}\n" for i, t in enumerate(SECURITY))
        + ",小林,C社,日付のないメモ。セキュリティ審査の話。\n",
        encoding="utf-8",
    )
    competitor = tmp_path / "fabrina.md"
    competitor.write_text(
        "---\nkind: competitor\ntitle: 競合分析\ncompetitor: ツバメ生産管理\n---\n\n本文。\n",
        encoding="utf-8",
    )
    report = ingest_paths(open_store(settings), [first, second, competitor])
    assert not report.rejected, report.rejected


def test_every_stored_note_comes_with_its_file_and_row(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ingest(settings, tmp_path)
    given = workspace_notes(settings)
    assert len(given.notes) == 9 and given.sources.count("h1.csv") == 4
    result = synthesize(settings, given, kpi=None)
    assert {(i.source, i.row) for i in result.items} >= {("h1.csv", 1), ("h2.csv", 5)}
    months = {c.key for t in result.themes for c in t.monthly}
    assert months == {"2026-04", "2026-05", "2026-09"}


def test_a_period_keeps_dated_notes_inside_it_and_says_how_many_were_undated(
    settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    _ingest(settings, tmp_path)
    given = workspace_notes(settings, since=dt.date(2026, 9, 1), until=dt.date(2026, 9, 30))
    assert [n.text for n in given.notes] == SECURITY
    assert given.warnings == [
        "1 stored note(s) have no date and were left out of the period (add a 日付/date column "
        "to include them)"
    ]


def test_an_empty_workspace_or_period_says_what_to_do(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FeedbackError, match="no stored feedback notes — ingest a feedback file"):
        workspace_notes(settings)
    _ingest(settings, tmp_path)
    with pytest.raises(FeedbackError, match="in that period"):
        workspace_notes(settings, since=dt.date(2027, 1, 1))
    with pytest.raises(FeedbackError, match="is after --until"):
        workspace_notes(settings, since=dt.date(2026, 9, 1), until=dt.date(2026, 8, 1))


def test_the_workspaces_documents_give_its_names(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _ingest(settings, tmp_path)
    documents, names = vocabulary(open_store(settings))
    assert names == ["ツバメ生産管理"] and len(documents) == 1
