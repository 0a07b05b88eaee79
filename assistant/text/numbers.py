"""Finding numbers in Japanese and English text, with their unit and shown precision.

Handles full-width digits (via NFKC), thousands separators (1,234件), decimals (12.5%),
multipliers (30万円, 1.2億円, 5千), currency (¥300,000, 300,000円) and 割 (3割 = 30%).
Dates (2026年9月, 2026-09, 9月3日), citation markers ([1], [F2]) and list numbering are not
claims and are skipped.  ``precision`` is the step of the last digit shown in base units, so
"30万円" (precision 10,000) matches 304,000 but not 320,000: rounding is allowed, invention
is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.text.normalize import nfkc

NumberKind = Literal["percent", "yen", "plain"]

_MULT = {"千": 1_000, "万": 10_000, "億": 100_000_000, "兆": 1_000_000_000_000}
_SKIP = re.compile(
    r"\[F?\d+(?:\s*[,、]\s*F?\d+)*\]"  # citation markers
    r"|#\d+"  # identifiers (draft #12), not quantities
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"  # 2026年9月(3日)
    r"|\d{4}[-/]\d{1,2}(?:[-/]\d{1,2})?"  # 2026-09, 2026/9/3
    r"|\d{4}\s*年度?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?!額)"  # 2026年, 9月3日, 9月
    r"|(?m:^\s*\d{1,2}[.)](?=\s))"  # list numbering
    r"|[A-Za-z]+\d+[A-Za-z\d]*"  # H1, Q3, e5, Win11: names, not quantities
)
_NUMBER = re.compile(
    r"(?P<yen>[¥])?\s*"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"\s*(?P<mult>[千万億兆])?"
    r"\s*(?P<unit>%|パーセント|割|円|percent)?"
)


@dataclass(frozen=True)
class Number:
    text: str
    value: float
    kind: NumberKind
    precision: float

    def matches(self, other: float) -> bool:
        """True when ``other`` shown at this number's precision reads as this number."""
        tolerance = self.precision / 2 + 1e-9 * max(1.0, abs(other))
        return abs(self.value - other) <= tolerance


def find_numbers(text: str) -> list[Number]:
    """Every quantity in ``text`` (dates, citation markers and list numbers excluded)."""
    clean = _SKIP.sub(lambda m: " " * len(m.group(0)), nfkc(text))
    found: list[Number] = []
    for m in _NUMBER.finditer(clean):
        whole = m.group("int").replace(",", "")
        decimals = m.group("dec") or ""
        value = float(f"{whole}.{decimals}" if decimals else whole)
        step = 10.0 ** -len(decimals)
        mult = _MULT.get(m.group("mult") or "", 1)
        value, step = value * mult, step * mult
        unit = m.group("unit") or ""
        if unit == "割":
            found.append(Number(m.group(0).strip(), value * 10, "percent", step * 10))
        elif unit in ("%", "パーセント", "percent"):
            found.append(Number(m.group(0).strip(), value, "percent", step))
        elif unit == "円" or m.group("yen"):
            found.append(Number(m.group(0).strip(), value, "yen", step))
        else:
            found.append(Number(m.group(0).strip(), value, "plain", step))
    return found


def comparable_values(numbers: list[Number]) -> tuple[set[float], set[float]]:
    """Evidence numbers split into (percentages, amounts and counts)."""
    percents = {n.value for n in numbers if n.kind == "percent"}
    amounts = {n.value for n in numbers if n.kind != "percent"}
    return percents, amounts
