"""The KPI report: what `axis kpi report` prints and the dashboard shows.

One function builds it from stored rows (``build_report``), one reads the workspace's rows
and builds it (``workspace_report``).  The JSON shape is the CLI contract in ARCHITECTURE.md:

    {"months": [{"month", "leads", "mql", "sql", "won", "spend", "revenue",
                 "rates": {"lead_to_mql", "mql_to_sql", "sql_to_won", "lead_to_won"},
                 "cpl", "cost_per_mql", "cost_per_sql", "cac", "roi", "roi_attributable",
                 "achievement": {stage: actual/target}, "flags": [stage, ...],
                 "changes": {"mom" | "trailing_3m": {metric: {"delta", "relative"}}}}],
     "diagnosis": [finding, ...]}

Counts and yen are ints (costs rounded half up to the yen); rates, ROI, achievement and
changes are fractions as floats rounded to 6 places (0.244240 = 24.4%); a change's ``delta``
is current − base in the metric's own unit (a rate's delta is in points as a fraction) and
``relative`` is delta / |base|; ``null`` means the
figure is not in the data or cannot be computed (a ``data`` finding in ``diagnosis`` says
why).  ``flags`` lists the stages below the achievement threshold; every other finding —
bottleneck, patterns, consecutive misses, data problems — is in ``diagnosis``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict

from pydantic import BaseModel, Field

from assistant.analytics.achievement import AchievementTable, achievement
from assistant.analytics.consolidate import MonthFigures, SourcePolicy, consolidate
from assistant.analytics.diagnosis import DiagnosisOptions, diagnose
from assistant.analytics.funnel import COSTS, RATES, Change, FunnelTable, funnel_rows
from assistant.analytics.models import Finding, FindingJson, json_number, json_yen
from assistant.analytics.options import KpiOptions
from assistant.config import Settings
from assistant.db.records import StoredKpiMonth, load_kpi_months
from assistant.errors import NotFoundError
from assistant.text.months import month_index

_CATEGORY_ORDER = {"bottleneck": 0, "pattern": 1, "data": 2}
_CHANGE_METRICS = ("leads", "mql", "sql", "won", "spend", "revenue", *RATES, "cpl", "roi")


class ChangeJson(TypedDict):
    delta: float | None
    relative: float | None


def _change_json(change: Change) -> ChangeJson:
    return ChangeJson(delta=json_number(change.delta), relative=json_number(change.relative))


class MonthJson(TypedDict):
    month: str
    leads: int | None
    mql: int | None
    sql: int | None
    won: int | None
    spend: int | None
    revenue: int | None
    rates: dict[str, float | None]
    cpl: int | None
    cost_per_mql: int | None
    cost_per_sql: int | None
    cac: int | None
    roi: float | None
    roi_attributable: float | None
    achievement: dict[str, float | None]
    flags: list[str]
    changes: dict[str, dict[str, ChangeJson]]


class ReportJson(TypedDict):
    months: list[MonthJson]
    diagnosis: list[FindingJson]


class KpiReport(BaseModel):
    """Everything the report shows; the full history is kept for charts and planning."""

    figures: list[MonthFigures]
    funnel: FunnelTable
    achievement: AchievementTable
    diagnosis: list[Finding]
    months: list[str] = Field(description="The months the report is about (all, or one).")

    def as_json(self) -> ReportJson:
        return ReportJson(
            months=[self._month_json(m) for m in self.months],
            diagnosis=[f.as_json() for f in self.diagnosis],
        )

    def _month_json(self, month: str) -> MonthJson:
        row = self.funnel.row(month)
        assert row is not None
        f = row.figures
        return MonthJson(
            month=month,
            leads=f.leads,
            mql=f.mql,
            sql=f.sql,
            won=f.won,
            spend=f.spend,
            revenue=f.revenue,
            rates={name: json_number(row.rates[name]) for name in RATES},
            cpl=json_yen(row.costs["cpl"]),
            cost_per_mql=json_yen(row.costs["cost_per_mql"]),
            cost_per_sql=json_yen(row.costs["cost_per_sql"]),
            cac=json_yen(row.costs["cac"]),
            roi=json_number(row.roi),
            roi_attributable=json_number(row.roi_attributable),
            achievement={k: json_number(v) for k, v in self.achievement.for_month(month).items()},
            flags=self.achievement.flags(month),
            changes={
                "mom": {m: _change_json(row.mom[m]) for m in _CHANGE_METRICS},
                "trailing_3m": {m: _change_json(row.trailing[m]) for m in _CHANGE_METRICS},
            },
        )


def build_report(
    stored: Sequence[StoredKpiMonth],
    *,
    month: str | None = None,
    segment: str | None = None,
    source: str | None = None,
    threshold: Decimal = Decimal("0.8"),
    options: DiagnosisOptions | None = None,
    policy: SourcePolicy | None = None,
) -> KpiReport:
    """The report for all months, or for ``month`` with diagnosis as of that month."""
    options = options or DiagnosisOptions()
    figures, data_findings = consolidate(stored, segment=segment, source=source, policy=policy)
    if not figures:
        what = f" for segment {segment!r}" if segment else ""
        what += f" from {source!r}" if source else ""
        raise NotFoundError(
            f"No KPI data{what} in this workspace — ingest a KPI file (axis ingest "
            "knowledge/kpi/kpi-monthly.csv) or import a CRM export (axis kpi import hubspot "
            "FILE); `axis docs list --kind kpi` shows what is there"
        )
    known = [f.month for f in figures]
    if month is not None and month not in known:
        raise NotFoundError(
            f"No KPI data for {month} — the data covers {known[0]} to {known[-1]} "
            "(pass --month YYYY-MM within that range)"
        )
    upto = [f for f in figures if month is None or month_index(f.month) <= month_index(month)]
    funnel = funnel_rows(figures)
    table, target_findings = achievement(upto, threshold=threshold)
    findings = diagnose(upto, table, options=options, as_of=month)
    extra = [*funnel.findings, *target_findings, *data_findings]
    if month is not None:
        extra = [f for f in extra if not f.months or month in f.months]
    findings.extend(extra)
    findings.sort(key=lambda f: _CATEGORY_ORDER[f.category])
    return KpiReport(
        figures=figures,
        funnel=funnel,
        achievement=table,
        diagnosis=findings,
        months=[month] if month else known,
    )


def workspace_rows(settings: Settings) -> list[StoredKpiMonth]:
    """Every KPI row stored for the settings' workspace (all files, all segments)."""
    settings.ensure_dirs()  # a fresh AXIS_HOME: the SQLite file needs its folder
    return load_kpi_months(settings.database_url, settings.workspace)


def workspace_report(
    settings: Settings,
    *,
    month: str | None = None,
    segment: str | None = None,
    source: str | None = None,
    options: DiagnosisOptions | None = None,
) -> KpiReport:
    """The report for the settings' workspace, with its threshold and window."""
    stored = workspace_rows(settings)
    options = options or DiagnosisOptions(window=settings.kpi_window)
    return build_report(
        stored,
        month=month,
        segment=segment,
        source=source,
        threshold=Decimal(str(settings.achievement_threshold)),
        options=options,
        policy=KpiOptions.of(settings).policy,
    )


def segments(stored: Sequence[StoredKpiMonth]) -> list[str]:
    return sorted({s.month.segment for s in stored if s.month.segment})


def sources(stored: Sequence[StoredKpiMonth]) -> list[str]:
    return sorted({s.source for s in stored})


__all__ = [
    "COSTS",
    "KpiReport",
    "build_report",
    "segments",
    "sources",
    "workspace_report",
    "workspace_rows",
]
