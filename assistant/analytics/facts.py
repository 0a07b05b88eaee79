"""KPI figures as citable facts: what chat and drafts quote, computed by the one engine.

A ``Fact`` carries an exact value, how it is shown (``analytics.format``) and the file it came
from, so the verifier can trace every number an answer or a draft shows.  The figures are the
engine's own — consolidated months (``consolidate``), the funnel table (``funnel``) and
achievement (``achievement``) — so chat, drafts, the dashboard and ``axis kpi report`` can
never disagree.  Fact keys are stable: ``2026-09:rate:sql/mql``, ``2026-09:achievement:won``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from assistant.analytics import format as fmt
from assistant.analytics.achievement import AchievementTable, achievement
from assistant.analytics.consolidate import SourcePolicy, consolidate
from assistant.analytics.funnel import STEP_RATES, FunnelTable, funnel_rows
from assistant.analytics.options import KpiOptions
from assistant.config import Settings
from assistant.db.records import StoredKpiMonth, load_kpi_months
from assistant.domain.grounding import Fact, FactUnit
from assistant.domain.kpi import FUNNEL_STAGES
from assistant.text.labels import label
from assistant.text.months import format_month, month_index

# The rate key chat has always cited: ``rate:<stage>/<stage before>``.
_RATE_KEYS = {"lead_to_mql": "mql/leads", "mql_to_sql": "sql/mql", "sql_to_won": "won/sql"}


class KpiFacts:
    """The company-total KPI months of a workspace, and each month's facts."""

    def __init__(
        self,
        stored: Sequence[StoredKpiMonth],
        *,
        threshold: Decimal,
        policy: SourcePolicy | None = None,
    ) -> None:
        figures, _ = consolidate(stored, policy=policy)
        self._funnel: FunnelTable = funnel_rows(figures)
        self._achievement: AchievementTable = achievement(figures, threshold=threshold)[0]
        self._months = sorted(
            (r.month for r in self._funnel.rows if r.figures.has_actuals()), key=month_index
        )

    @classmethod
    def of(cls, settings: Settings) -> KpiFacts:
        settings.ensure_dirs()
        stored = load_kpi_months(settings.database_url, settings.workspace)
        options = KpiOptions.of(settings)
        return cls(stored, threshold=options.threshold, policy=options.policy)

    def months(self) -> list[str]:
        """Months with actual figures, oldest first."""
        return list(self._months)

    def month_facts(self, month: str, *, lang: str) -> list[Fact]:
        """Counts, step rates, achievement and targets, spend, revenue and CPL of ``month``."""
        row = self._funnel.row(month)
        if row is None:
            return []
        f = row.figures
        source = f.locations[0].source if f.locations else "kpi"
        when = format_month(month, lang)
        facts: list[Fact] = []

        def add(key: str, name: str, value: Decimal | int, unit: FactUnit, shown: str) -> None:
            facts.append(
                Fact(
                    id=f"{month}:{key}",
                    key=f"{month}:{key}",
                    label=f"{when} {name}",
                    value=float(value),
                    unit=unit,
                    display=shown,
                    source=source,
                    month=month,
                )
            )

        for stage in FUNNEL_STAGES:
            if (count := f.value(stage)) is not None:
                add(stage, label(stage, lang), count, "count", fmt.count(count, lang))
        for name in STEP_RATES:
            if (rate := row.rates[name]) is not None:
                add(f"rate:{_RATE_KEYS[name]}", label(name, lang), rate, "ratio", fmt.percent(rate))
        cells = {c.stage: c for c in self._achievement.cells if c.month == month}
        for stage in FUNNEL_STAGES:
            cell = cells.get(stage)
            if cell is None or cell.ratio is None:
                continue
            suffix = " 目標達成率" if lang == "ja" else " vs target"
            add(
                f"achievement:{stage}",
                label(stage, lang) + suffix,
                cell.ratio,
                "ratio",
                fmt.percent(cell.ratio),
            )
            add(
                f"target:{stage}",
                label(f"target_{stage}", lang),
                cell.target,
                "count",
                fmt.count(cell.target, lang),
            )
        for money in ("spend", "revenue"):
            if (amount := f.value(money)) is not None:
                add(money, label(money, lang), amount, "yen", fmt.yen(amount, lang))
        if (cpl := row.costs["cpl"]) is not None:
            add("cpl", label("cpl", lang), cpl, "yen", fmt.yen(cpl, lang))
        return facts
