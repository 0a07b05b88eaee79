"""A database made by an older Axis gains the columns a newer one needs, rows intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.db.engine import dispose_all, get_engine


def test_missing_columns_are_added_to_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:  # kpi_months as an earlier version created it
        conn.execute(
            "CREATE TABLE kpi_months (id INTEGER PRIMARY KEY, workspace VARCHAR(64) NOT NULL,"
            " source VARCHAR(512) NOT NULL, row INTEGER NOT NULL, month VARCHAR(7) NOT NULL,"
            " segment TEXT, leads INTEGER, mql INTEGER, sql INTEGER, won INTEGER,"
            " spend BIGINT, revenue BIGINT, targets JSON NOT NULL)"
        )
        conn.execute(
            "INSERT INTO kpi_months (workspace, source, row, month, leads, targets)"
            " VALUES ('default', 'kpi.csv', 1, '2026-09', 120, '{}')"
        )
    get_engine(f"sqlite:///{path}")
    dispose_all()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(kpi_months)")}
        assert "extra" in columns
        assert conn.execute("SELECT month, leads FROM kpi_months").fetchall() == [("2026-09", 120)]

    from assistant.db.records import load_kpi_months

    [stored] = load_kpi_months(f"sqlite:///{path}", "default")
    assert stored.month.extra == {} and stored.month.leads == 120
    dispose_all()
