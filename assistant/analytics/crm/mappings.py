"""How each CRM/MA export maps onto the funnel: one YAML data file per tool (``tools/``).

A mapping names the *roles* Axis needs (creation date, stage dates, amount, won flag, ...),
the header names each role goes by in English and Japanese exports (first match wins, so
order a role's names by preference), and which role dates which funnel stage.  Adding an
export type, a tool, or a header name a customer's tool uses is a change to a data file in
``tools/`` — the importer has no branch per source.

Counting is by event month (ARCHITECTURE.md): a record counts toward a stage in the month of
that stage's date; a blank date counts nowhere.  ``won_gate`` means a record counts as won
only when its won flag is true (or, without that column, its stage is a won stage) — a
Salesforce close date on an open or lost opportunity is not a win.  Revenue is the record's
amount, counted in its won month.

Header names are compared the way KPI headers are (NFKC, case and spaces ignored, a
trailing unit in parentheses split off and applied: ``金額(千円)`` is in thousands of yen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml


@dataclass(frozen=True)
class ReportMapping:
    name: str
    system: str
    title: str
    columns: MappingProxyType[str, tuple[str, ...]]
    events: MappingProxyType[str, str]
    """funnel stage -> the date role that dates it"""
    recognise: tuple[tuple[str, ...], ...]
    """the file is this report when it has every role of one of these sets"""
    won_gate: bool = False
    revenue: str | None = None
    channel: str | None = None
    patterns: MappingProxyType[str, tuple[re.Pattern[str], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """role -> header patterns tried after the names (custom-field spellings vary)"""
    confirm: bool = False
    """the tool's headers are the customer's own: read only when asked for by name"""


@dataclass(frozen=True)
class Tool:
    id: str
    name: str
    reports: tuple[ReportMapping, ...]
    confirm: bool = False


def _tool(path: Path) -> Tool:
    raw = yaml.safe_load(path.read_text("utf-8"))
    confirm = bool(raw.get("confirm", False))
    reports = tuple(
        ReportMapping(
            name=r["name"],
            system=raw["tool"],
            title=r["title"],
            columns=MappingProxyType({k: tuple(map(str, v)) for k, v in r["columns"].items()}),
            events=MappingProxyType(dict(r["events"])),
            recognise=tuple(tuple(x) for x in r["recognise"]),
            won_gate=bool(r.get("won_gate", False)),
            revenue=r.get("revenue"),
            channel=r.get("channel"),
            patterns=MappingProxyType(
                {k: tuple(re.compile(x, re.I) for x in v) for k, v in r.get("patterns", {}).items()}
            ),
            confirm=confirm,
        )
        for r in raw["reports"]
    )
    for report in reports:  # a typo in a data file fails here, at import, in every test run
        unknown = {*report.events.values(), *(r for s in report.recognise for r in s)}
        unknown -= set(report.columns)
        if unknown:
            raise ValueError(f"{path.name}: {report.name} names unknown roles {sorted(unknown)}")
    return Tool(raw["tool"], raw["name"], reports, confirm)


TOOLS: dict[str, Tool] = {
    t.id: t for t in (_tool(p) for p in sorted((Path(__file__).parent / "tools").glob("*.yaml")))
}
SYSTEMS: tuple[str, ...] = tuple(TOOLS)
MAPPINGS: dict[str, tuple[ReportMapping, ...]] = {t.id: t.reports for t in TOOLS.values()}
"""Tried in order: the first report whose ``recognise`` roles the header has is used."""


# Cell values (after NFKC, trimming and lower-casing).
TRUE_WORDS: frozenset[str] = frozenset(
    {"true", "1", "yes", "y", "t", "はい", "○", "◯", "✓", "✔", "成立", "won"}
)
FALSE_WORDS: frozenset[str] = frozenset(
    {"false", "0", "no", "n", "f", "いいえ", "×", "-", "", "不成立", "lost"}
)
WON_STAGES: frozenset[str] = frozenset(
    {
        "closed won",
        "closedwon",
        "won",
        "成立",
        "受注",
        "成約",
        "クローズ/成立",
        "受注済み",
        "クローズ済み成立",
        "契約",
        "契約済み",
    }  # fmt: skip
)
YEN_CURRENCIES: frozenset[str] = frozenset({"", "jpy", "円", "日本円", "yen", "¥"})
