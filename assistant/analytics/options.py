"""How one workspace's KPIs are read: its fiscal year, which source a figure comes from, and
what day it is — one object every KPI reader (chat, dashboard, report, plan) builds the same way.

A workspace's own settings (``axis settings set``) win over the environment's defaults
(``AXIS_FISCAL_START_MONTH``, ``AXIS_KPI_SOURCES``), so two companies on one server keep their
own fiscal years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from assistant.analytics.consolidate import SourcePolicy
from assistant.config import Settings
from assistant.db.workspace_settings import load_workspace_settings, save_workspace_setting
from assistant.errors import AnalyticsError

JAPAN = ZoneInfo("Asia/Tokyo")
WORKSPACE_KEYS: tuple[str, ...] = ("fiscal_start_month", "kpi_sources")


@dataclass(frozen=True)
class KpiOptions:
    fiscal_start: int = 4
    policy: SourcePolicy = field(default_factory=SourcePolicy)
    today: dt.date = field(default_factory=lambda: dt.datetime.now(JAPAN).date())
    threshold: Decimal = Decimal("0.8")

    @classmethod
    def of(cls, settings: Settings) -> KpiOptions:
        settings.ensure_dirs()
        stored = load_workspace_settings(settings.database_url, settings.workspace)
        start = stored.get("fiscal_start_month", str(settings.fiscal_start_month))
        return cls(
            fiscal_start=parse_fiscal_start(start),
            policy=SourcePolicy.parse(stored.get("kpi_sources", settings.kpi_sources)),
            today=settings.today or dt.datetime.now(JAPAN).date(),
            threshold=Decimal(str(settings.achievement_threshold)),
        )

    @property
    def this_month(self) -> str:
        return f"{self.today.year:04d}-{self.today.month:02d}"


def parse_fiscal_start(text: str) -> int:
    """「4」「4月」「April」 → 4; anything else is refused with what to write."""
    value = text.strip().removesuffix("月")
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    if value[:3].lower() in names:
        return names.index(value[:3].lower()) + 1
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    raise AnalyticsError(
        f"'{text}' is not a month — give the month the fiscal year starts, 1 to 12 (4 = April)",
        ja=f"「{text}」は月として読めません — 期首の月を1〜12で指定してください（4 = 4月始まり）",
    )


def stored_options(settings: Settings) -> dict[str, str]:
    """The settings this workspace has stored itself (the others follow the defaults)."""
    settings.ensure_dirs()
    stored = load_workspace_settings(settings.database_url, settings.workspace)
    return {k: v for k, v in stored.items() if k in WORKSPACE_KEYS}


def save_option(settings: Settings, key: str, value: str | None) -> str | None:
    """Validate and store one workspace setting (``None`` returns it to the default);
    the value as stored (「4月」 is stored as ``4``)."""
    if key not in WORKSPACE_KEYS:
        raise AnalyticsError(
            f"unknown setting '{key}' — one of {', '.join(WORKSPACE_KEYS)}",
            ja=f"「{key}」という設定はありません（設定できるもの: {', '.join(WORKSPACE_KEYS)}）",
        )
    if value is not None:
        if key == "fiscal_start_month":
            value = str(parse_fiscal_start(value))
        else:
            value = SourcePolicy.parse(value).as_text()
    settings.ensure_dirs()
    save_workspace_setting(settings.database_url, settings.workspace, key, value)
    return value
