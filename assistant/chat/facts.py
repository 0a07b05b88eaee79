"""Numbers for KPI answers, computed by code and carried as ``Fact``s the verifier can trace.

``KpiFacts`` is the interface chat needs; ``TableKpiFacts`` implements it over the stored KPI
rows (``assistant.db.records``) with exact fractions, so chat works on its own.  The KPI
analytics package (issue 4) can provide its own implementation behind the same interface.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Protocol

from assistant.db.records import StoredKpiMonth, load_kpi_months
from assistant.domain import FUNNEL_STAGES, KpiMonth
from assistant.domain.grounding import Fact
from assistant.text.months import format_month

_STAGE_LABELS = {
    "ja": {"leads": "リード数", "mql": "MQL数", "sql": "SQL数", "won": "受注数"},
    "en": {"leads": "leads", "mql": "MQLs", "sql": "SQLs", "won": "deals won"},
}
_MONEY_LABELS = {
    "ja": {"spend": "広告費", "revenue": "売上", "cpl": "CPL（リード単価）"},
    "en": {"spend": "ad spend", "revenue": "revenue", "cpl": "CPL (cost per lead)"},
}
_RATES = (("mql", "leads"), ("sql", "mql"), ("won", "sql"))
_RATE_NAMES = {"leads": "リード", "mql": "MQL", "sql": "SQL", "won": "受注"}


class KpiFacts(Protocol):
    """What chat asks of KPI analytics: the months there are, and one month's facts."""

    def months(self) -> list[str]: ...

    def month_facts(self, month: str, *, lang: str) -> list[Fact]: ...


def percent(value: Fraction) -> str:
    return f"{float(value) * 100:.1f}%"


class TableKpiFacts:
    """Facts straight from the ``kpi_months`` table (segments summed when there is no total)."""

    def __init__(self, db_url: str, workspace: str) -> None:
        self._rows = _by_month(load_kpi_months(db_url, workspace))

    def months(self) -> list[str]:
        return sorted(self._rows)

    def month_facts(self, month: str, *, lang: str) -> list[Fact]:
        stored = self._rows.get(month)
        if stored is None:
            return []
        source, kpi = stored
        label = format_month(month, lang)
        facts: list[Fact] = []

        def add(key: str, name: str, value: Fraction | int, unit: str, display: str) -> None:
            facts.append(
                Fact(
                    id=f"{month}:{key}",
                    key=f"{month}:{key}",
                    label=f"{label} {name}",
                    value=float(value),
                    unit=unit,  # type: ignore[arg-type]
                    display=display,
                    source=source,
                    month=month,
                )
            )

        counts = {stage: getattr(kpi, stage) for stage in FUNNEL_STAGES}
        unit_word = "件" if lang == "ja" else ""
        for stage, value in counts.items():
            if value is not None:
                add(stage, _STAGE_LABELS[lang][stage], value, "count", f"{value:,}{unit_word}")
        for upper, lower in _RATES:
            a, b = counts[upper], counts[lower]
            if a is not None and b:
                name = f"{_RATE_NAMES[lower]}→{_RATE_NAMES[upper]}" + (
                    "転換率" if lang == "ja" else " conversion"
                )
                add(f"rate:{upper}/{lower}", name, Fraction(a, b), "ratio", percent(Fraction(a, b)))
        for stage in FUNNEL_STAGES:
            target = kpi.targets.get(stage)
            if counts[stage] is not None and target:
                ratio = Fraction(counts[stage], target)
                name = _STAGE_LABELS[lang][stage] + (
                    " 目標達成率" if lang == "ja" else " vs target"
                )
                add(f"achievement:{stage}", name, ratio, "ratio", percent(ratio))
                target_name = _STAGE_LABELS[lang][stage] + (" 目標" if lang == "ja" else " target")
                add(f"target:{stage}", target_name, target, "count", f"{target:,}{unit_word}")
        for money in ("spend", "revenue"):
            value = getattr(kpi, money)
            if value is not None:
                add(money, _MONEY_LABELS[lang][money], value, "yen", _yen(value, lang))
        if kpi.spend is not None and counts["leads"]:
            cpl = Fraction(kpi.spend, counts["leads"])
            add("cpl", _MONEY_LABELS[lang]["cpl"], cpl, "yen", _yen(round(cpl), lang))
        return facts


def _yen(value: int, lang: str) -> str:
    return f"{value:,}円" if lang == "ja" else f"¥{value:,}"


def _by_month(rows: list[StoredKpiMonth]) -> dict[str, tuple[str, KpiMonth]]:
    """One KPI row per month: the company total, or the sum of its segments."""
    grouped: dict[str, list[StoredKpiMonth]] = defaultdict(list)
    for row in rows:
        grouped[row.month.month].append(row)
    result: dict[str, tuple[str, KpiMonth]] = {}
    for month, items in grouped.items():
        total = [r for r in items if r.month.segment is None]
        if total:
            result[month] = (total[0].source, total[0].month)
            continue
        result[month] = (items[0].source, _sum_segments([r.month for r in items]))
    return result


def _sum_segments(months: list[KpiMonth]) -> KpiMonth:
    def total(name: str) -> int | None:
        values = [getattr(m, name) for m in months]
        return None if any(v is None for v in values) else sum(values)

    targets: dict[str, int] = {}
    for key in set().union(*(m.targets for m in months)):
        values = [m.targets.get(key) for m in months]
        if all(v is not None for v in values):
            targets[key] = sum(v for v in values if v is not None)
    return KpiMonth(
        month=months[0].month,
        row=months[0].row,
        leads=total("leads"),
        mql=total("mql"),
        sql=total("sql"),
        won=total("won"),
        spend=total("spend"),
        revenue=total("revenue"),
        targets=targets,
    )
