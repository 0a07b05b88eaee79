"""Counting validated CRM records by event month, and the cohort view by creation month.

A record counts toward a stage in the month of that stage's date, only when the record is
valid and the date is not blank; the won stage (and its revenue) also needs the record to be
won.  The months reported run from the first to the last month in which anything was
counted, so an open opportunity's expected close date never stretches the range.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel

from assistant.analytics.consolidate import EVENT_MONTH_KEY
from assistant.analytics.crm.mappings import ReportMapping
from assistant.analytics.crm.parse import BLANK
from assistant.domain import FUNNEL_STAGES, KpiMonth
from assistant.text.months import month_at

# Marks months counted by event month (kept in ``KpiMonth.extra``, so it is stored and
# searchable): in such a month a later stage can outnumber an earlier one legitimately.
EVENT_MONTH = (EVENT_MONTH_KEY, "イベント月（CRMエクスポートから集計）")


class CohortRow(BaseModel):
    """Records created in ``cohort`` and how many of them ever reached each stage."""

    cohort: str
    leads: int
    mql: int | None = None
    sql: int | None = None
    won: int | None = None
    revenue: int | None = None


@dataclass
class Events:
    mapping: ReportMapping
    dates: dict[str, np.ndarray]
    """date role -> month code per record (``BLANK`` = no date)"""
    won: np.ndarray
    amounts: np.ndarray | None
    valid: np.ndarray

    def counted(self, stage: str) -> np.ndarray | None:
        """Month codes where the record counts toward ``stage`` (``BLANK`` elsewhere);
        ``None`` when the export has no column for the stage."""
        role = self.mapping.events.get(stage)
        if role is None or role not in self.dates:
            return None
        codes = self.dates[role]
        mask = self.valid & (codes != BLANK)
        if stage == "won":
            mask &= self.won
        return np.where(mask, codes, BLANK)


def _bins(
    codes: np.ndarray,
    mask: np.ndarray,
    first: int,
    size: int,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    chosen = mask & (codes != BLANK)
    index = codes[chosen] - first
    if weights is None:
        return np.bincount(index, minlength=size).astype(np.int64)
    totals = np.zeros(size, dtype=np.int64)
    np.add.at(totals, index, weights[chosen])  # exact int64 sums, unlike bincount's floats
    return totals


def monthly(events: Events, channels: tuple[np.ndarray, list[str]] | None) -> list[KpiMonth]:
    """One ``KpiMonth`` per event month (per month and channel with ``channels``)."""
    stages = {stage: events.counted(stage) for stage in (*FUNNEL_STAGES, "opportunities")}
    counted = [c[c != BLANK] for c in stages.values() if c is not None]
    counted = [c for c in counted if len(c)]
    if not counted:
        return []
    first = int(min(c.min() for c in counted))
    size = int(max(c.max() for c in counted)) - first + 1
    everyone = np.ones(len(events.valid), dtype=bool)
    groups = [(None, everyone)]
    if channels is not None:  # a channel only skipped rows have is no segment
        groups = [(name, channels[0] == i) for i, name in enumerate(channels[1])]
        groups = [(name, mask) for name, mask in groups if (mask & events.valid).any()]
    months: list[KpiMonth] = []
    for segment, mask in groups:
        counts = {
            stage: (_bins(codes, mask, first, size) if codes is not None else None)
            for stage, codes in stages.items()
        }
        revenue = None
        if events.amounts is not None and stages["won"] is not None:
            revenue = _bins(stages["won"], mask, first, size, events.amounts)
        for k in range(size):
            months.append(
                KpiMonth(
                    month=month_at(first + k),
                    row=len(months) + 1,
                    segment=segment,
                    revenue=int(revenue[k]) if revenue is not None else None,
                    extra=dict([EVENT_MONTH]),
                    **{s: (int(c[k]) if c is not None else None) for s, c in counts.items()},
                )
            )
    return months


def cohort(events: Events) -> list[CohortRow]:
    """Of the records created in each month, how many ever reached each stage (any month)."""
    created = events.counted("leads")
    if created is None or not (created != BLANK).any():
        return []
    base = created != BLANK
    first = int(created[base].min())
    size = int(created[base].max()) - first + 1
    reached: dict[str, np.ndarray | None] = {}
    for stage in ("mql", "sql", "won"):
        codes = events.counted(stage)
        reached[stage] = None if codes is None else _bins(created, codes != BLANK, first, size)
    revenue = None
    won = events.counted("won")
    if events.amounts is not None and won is not None:
        revenue = _bins(created, won != BLANK, first, size, events.amounts)
    leads = _bins(created, base, first, size)
    return [
        CohortRow(
            cohort=month_at(first + k),
            leads=int(leads[k]),
            revenue=int(revenue[k]) if revenue is not None else None,
            **{s: (int(v[k]) if v is not None else None) for s, v in reached.items()},
        )
        for k in range(size)
    ]
