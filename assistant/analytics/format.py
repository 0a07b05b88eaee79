"""The one way Axis writes a KPI number (and, through ``text.labels``, names it), ja and en.

Every percent, yen amount, count and metric label a user sees — chat answers, the dashboard,
drafts, exports and the CLI — comes from here, so the same figure never reads differently in
two places.  Rounding is half up (what a Japanese accountant expects): 1 of 80 is 1.3%, and a
CPL of 2,250,000.5円 is 2,250,001円.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from assistant.text.labels import LABELS, label

__all__ = ["LABELS", "count", "label", "metric", "percent", "round_yen", "yen"]

Number = Decimal | int | float | Fraction

RATE_METRICS = frozenset(
    {"lead_to_mql", "mql_to_sql", "sql_to_won", "lead_to_won", "roi", "roi_attributable"}
)
YEN_METRICS = frozenset(
    {"spend", "revenue", "attributable_revenue", "cpl", "cost_per_mql", "cost_per_sql", "cac"}
)


def _decimal(value: Number) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def percent(value: Number, *, signed: bool = False) -> str:
    """A fraction as a percentage with one decimal: ``0.24424`` → ``24.4%``."""
    shown = (_decimal(value) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "+" if signed and shown > 0 else ""
    return f"{sign}{shown}%"


def round_yen(value: Number) -> int:
    """Integer yen, rounding half up."""
    return int(_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yen(value: Number, lang: str) -> str:
    """``7,692円`` in Japanese, ``¥7,692`` in English."""
    amount = round_yen(value)
    return f"{amount:,}円" if lang == "ja" else f"¥{amount:,}"


def count(value: Number, lang: str) -> str:
    """``1,234件`` in Japanese, ``1,234`` in English."""
    shown = f"{int(_decimal(value)):,}"
    return f"{shown}件" if lang == "ja" else shown


def metric(name: str, value: Number, lang: str) -> str:
    """A metric's value as a reader sees it: rates as %, money in yen, counts with 件."""
    if name in RATE_METRICS or name.startswith("achievement"):
        return percent(value)
    if name in YEN_METRICS or name.removeprefix("target_") in YEN_METRICS:
        return yen(value, lang)
    return count(value, lang)
