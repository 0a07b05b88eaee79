"""The KPI side of the checklist: the workspace's monthly KPIs as the rules and the plan see them.

``KpiView`` is the company-total KPI report (or nothing, when no KPI data is stored), and
``register_kpi`` turns one month's value into a fact a draft can cite, so every KPI figure in
the checklist or the improvement plan is a computed fact with its source, never typed text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from assistant.analytics import format as fmt
from assistant.analytics.funnel import FunnelRow
from assistant.analytics.report import KpiReport, segments, workspace_report, workspace_rows
from assistant.config import Settings
from assistant.drafts.evidence import EvidenceBook
from assistant.errors import NotFoundError
from assistant.text.labels import label
from assistant.text.months import format_month, month_index

KpiName = Literal[
    "leads", "mql", "sql", "won", "lead_to_mql", "mql_to_sql", "sql_to_won", "cpl", "roi", "none"
]
RATE_KPIS = frozenset({"lead_to_mql", "mql_to_sql", "sql_to_won", "roi"})


def kpi_label(name: str, lang: str) -> str:
    return label(name, lang)


def display_value(name: str, value: Decimal | int, lang: str) -> str:
    """How a KPI value is shown (``analytics.format``): counts with 件, rates as %, yen."""
    return fmt.metric(name, value, lang)


class KpiView:
    """The workspace's KPI report (company totals), or nothing when no KPI data is stored."""

    def __init__(self, report: KpiReport | None, segment_names: list[str]) -> None:
        self.report = report
        self.segments = segment_names
        rows = report.funnel.rows if report else []
        self.months = sorted(
            {r.month for r in rows if r.figures.segment is None and r.figures.has_actuals()},
            key=month_index,
        )

    @classmethod
    def of(cls, settings: Settings) -> KpiView:
        try:
            report = workspace_report(settings)
        except NotFoundError:
            return cls(None, [])
        return cls(report, segments(workspace_rows(settings)))

    @property
    def latest(self) -> str | None:
        return self.months[-1] if self.months else None

    def row(self, month: str) -> FunnelRow | None:
        return self.report.funnel.row(month) if self.report else None

    def value(self, name: str, month: str) -> Decimal | int | None:
        row = self.row(month)
        return None if row is None else row.metric(name)

    def source(self, month: str) -> str:
        row = self.row(month)
        locations = row.figures.locations if row else []
        return locations[0].source if locations else "kpi"

    def bottleneck(self) -> str | None:
        """The conversion step the KPI diagnosis names as the bottleneck, if any."""
        if self.report is None:
            return None
        found = next((f for f in self.report.diagnosis if f.category == "bottleneck"), None)
        return found.stage if found else None


def month_end(month: str) -> dt.date:
    year, number = (int(x) for x in month.split("-"))
    first_next = dt.date(year + number // 12, number % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def register_kpi(
    book: EvidenceBook, name: str, month: str, value: Decimal | int, lang: str, source: str
) -> str:
    """A KPI value as a fact the draft can cite (same month and KPI, same ref)."""
    unit = "ratio" if name in RATE_KPIS else "yen" if name in fmt.YEN_METRICS else "count"
    return book.fact(
        f"{month}:{name}",
        f"{format_month(month, lang)} {kpi_label(name, lang)}",
        float(value),
        unit,
        display_value(name, value, lang),
        source=source,
        month=month,
    )
