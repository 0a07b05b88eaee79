"""Builders for analytics tests: stored KPI rows without files, and the demo data ingested."""

from __future__ import annotations

from pathlib import Path

from assistant.db.records import StoredKpiMonth
from assistant.domain import KpiMonth

DATA = Path(__file__).parent / "data"

# The first four months of knowledge/kpi/kpi-monthly.csv (hand arithmetic below uses them).
DEMO_Q = [
    ("2025-10", 400, 120, 54, 14, 3_000_000, 33_320_000),
    ("2025-11", 415, 123, 56, 14, 3_150_000, 34_300_000),
    ("2025-12", 430, 131, 58, 15, 3_250_000, 34_650_000),
    ("2026-01", 445, 132, 60, 15, 3_380_000, 37_800_000),
]


def row(
    month: str,
    leads: int | None = None,
    mql: int | None = None,
    sql: int | None = None,
    won: int | None = None,
    spend: int | None = None,
    revenue: int | None = None,
    *,
    source: str = "kpi.csv",
    at: int = 1,
    targets: dict[str, int] | None = None,
    segment: str | None = None,
    extra: dict[str, str] | None = None,
) -> StoredKpiMonth:
    """A stored KPI row as `axis ingest` would have written it (no validation applied)."""
    return StoredKpiMonth(
        source=source,
        month=KpiMonth.model_construct(
            month=month,
            row=at,
            leads=leads,
            mql=mql,
            sql=sql,
            won=won,
            spend=spend,
            revenue=revenue,
            targets=targets or {},
            segment=segment,
            extra=extra or {},
        ),
    )


def series(data: list[tuple], *, source: str = "kpi.csv") -> list[StoredKpiMonth]:
    return [row(*values, source=source, at=i) for i, values in enumerate(data, start=1)]


def ingest_demo_kpi(home: Path) -> None:
    """Ingest the demo KPI file into ``home`` (for a module-scoped, read-only workspace)."""
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval import KnowledgeStore

    kpi = Path(__file__).resolve().parents[2] / "knowledge" / "kpi" / "kpi-monthly.csv"
    report = ingest_paths(KnowledgeStore(load_settings(home=home)), [kpi])
    assert report.rejected == [] and report.warnings == []
