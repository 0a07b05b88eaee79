"""KPI figures as they cross module boundaries: one month of the funnel, from a file row.

``KpiMonth`` is what a loader reads from one row of a KPI file (or what a CRM import counts
for one month); the analytics engine consolidates stored rows into ``MonthFigures``.  Both
share ``KpiValues``, so a field is defined once.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.domain.grounding import Location

FUNNEL_STAGES: tuple[str, ...] = ("leads", "mql", "sql", "won")
VALUE_FIELDS: tuple[str, ...] = ("leads", "mql", "sql", "opportunities", "won", "spend", "revenue")
"""Every figure a month can hold.  ``opportunities`` (商談) is kept and reported, but the
funnel's conversion rates run leads → MQL → SQL → won."""
COUNT_FIELDS: tuple[str, ...] = FUNNEL_STAGES


class KpiValues(BaseModel):
    """The numbers of one month.  Counts are integers; money is integer yen.

    ``None`` means "not in the data", never zero.  ``targets`` maps a funnel stage
    (``leads``, ``mql``, ``sql``, ``won``) or ``revenue``/``spend`` to its target.
    """

    month: str = Field(pattern=r"^\d{4}-\d{2}$")
    segment: str | None = None
    leads: int | None = None
    mql: int | None = None
    sql: int | None = None
    opportunities: int | None = None
    won: int | None = None
    spend: int | None = None
    revenue: int | None = None
    targets: dict[str, int] = Field(default_factory=dict)

    def value(self, name: str) -> int | None:
        return getattr(self, name)

    def has_actuals(self) -> bool:
        return any(self.value(name) is not None for name in VALUE_FIELDS)


class KpiMonth(KpiValues):
    """One row of a KPI file (or one month a CRM import counted), with where it came from."""

    row: int
    # Columns Axis has no field for (CPL, メモ, ...), kept as text so nothing is lost.
    extra: dict[str, str] = Field(default_factory=dict)


class MonthFigures(KpiValues):
    """One month's numbers after consolidation (analytics): where each came from, and how."""

    attributable_revenue: int | None = None
    locations: list[Location] = Field(default_factory=list)
    origins: dict[str, Location] = Field(
        default_factory=dict,
        description="Per figure (``sql``, ``target_won``), the row it was taken from when "
        "rows from several files held the month.",
    )
    event_month: bool = Field(
        default=False, description="Counted by event month (a CRM import), not per cohort."
    )
