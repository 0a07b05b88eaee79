"""Types every analytics module shares: quantities with units, findings, their JSON shape.

A finding is the unit of everything Axis says about the KPIs — a bottleneck, a named pattern,
or a problem in the data — and it always carries the months and the numbers that prove it,
so the chat and the drafts can quote it without doing arithmetic of their own.  Its text is
rendered from the templates in ``messages`` (ja and en), never written inline.

Exact arithmetic: counts are ``int``, money is integer yen, and every derived figure (rates,
CPL, ROI, achievement) is a ``Decimal``.  Floats appear only at the JSON edge, rounded to
``JSON_PLACES`` decimal places.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypedDict

from pydantic import BaseModel, Field

from assistant.analytics.format import round_yen
from assistant.domain.grounding import Location

Lang = Literal["ja", "en"]
Unit = Literal["count", "yen", "rate", "ratio", "change", "pts", "months"]
"""How a number is shown: ``rate``/``ratio`` are fractions shown as %, ``change`` a relative
change shown as a signed %, ``pts`` a difference of two rates in percentage points."""
Category = Literal["bottleneck", "pattern", "data"]
Severity = Literal["info", "warning", "critical"]

JSON_PLACES = 6
ONE = Decimal(1)
ZERO = Decimal(0)


class Quantity(BaseModel):
    """A number with the unit it is shown in."""

    value: Decimal | int
    unit: Unit


class FindingJson(TypedDict):
    code: str
    category: str
    severity: str
    stage: str | None
    months: list[str]
    numbers: dict[str, float | int]
    locations: list[dict[str, str | int | None]]
    message: dict[str, str]


class Finding(BaseModel):
    """One thing the analytics found, with its evidence.

    ``code`` names the template in ``messages.TEMPLATES``; ``stage`` is a funnel stage or a
    rate key (``mql_to_sql``); ``detail`` holds text parameters (a field name, a list of
    sources) the template needs besides the numbers.
    """

    code: str
    category: Category
    severity: Severity = "warning"
    stage: str | None = None
    months: list[str] = Field(default_factory=list)
    numbers: dict[str, Quantity] = Field(default_factory=dict)
    locations: list[Location] = Field(default_factory=list)
    detail: dict[str, str] = Field(default_factory=dict)

    def message(self, lang: Lang = "ja") -> str:
        from assistant.analytics.messages import render

        return render(self, lang)

    def as_json(self) -> FindingJson:
        return FindingJson(
            code=self.code,
            category=self.category,
            severity=self.severity,
            stage=self.stage,
            months=list(self.months),
            numbers={name: json_number(q.value) for name, q in self.numbers.items()},
            locations=[loc.model_dump() for loc in self.locations],
            message={"ja": self.message("ja"), "en": self.message("en")},
        )


def q(value: Decimal | int, unit: Unit) -> Quantity:
    return Quantity(value=value, unit=unit)


def ratio(numerator: int | Decimal | None, denominator: int | Decimal | None) -> Decimal | None:
    """``numerator / denominator`` exactly, or ``None`` when either is missing or the
    denominator is zero (callers report the zero; they never get an exception)."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def relative_change(current: Decimal | None, base: Decimal | None) -> Decimal | None:
    """``(current − base) / |base|``; ``None`` when the base is missing or zero."""
    if current is None or base is None or base == 0:
        return None
    return (current - base) / abs(base)


def json_number(value: Decimal | int | None) -> float | int | None:
    """Counts stay ints; fractions become floats rounded to ``JSON_PLACES`` places."""
    if value is None or isinstance(value, int):
        return value
    return float(value.quantize(Decimal(1).scaleb(-JSON_PLACES), rounding=ROUND_HALF_UP))


def json_yen(value: Decimal | int | None) -> int | None:
    if value is None:
        return None
    return value if isinstance(value, int) else round_yen(value)
