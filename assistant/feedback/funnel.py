"""Which funnel conversion a theme hurts, and what the KPI months say about it.

The stage comes from two kinds of evidence, both counted by code:

* deal-stage metadata — a note logged at 初回商談/ヒアリング is about turning an MQL into an
  SQL; one logged at 提案/見積/稟議/失注 is about winning the deal; one at the lead/MQL stage
  is about turning leads into MQLs;
* words in the notes — 決裁者/情報収集/温度感 point to MQL→SQL, 価格/見積/競合/稟議 to
  SQL→won, 展示会/ホワイトペーパー/資料請求 to leads→MQL.

Stage metadata weighs twice a keyword.  When the workspace has KPI months, the conversion
rate of that stage is compared between the first and the second half of the theme's months
(pooled: Σ numerator / Σ denominator per half), next to the theme's notes in each half —
"決裁者不在 rose from 3 to 9 notes while MQL→SQL fell 8.0 pt".  The figures and rates are
the KPI engine's (``assistant.analytics``); nothing is estimated.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant.analytics.consolidate import SourcePolicy, consolidate
from assistant.analytics.funnel import metric_value, pooled
from assistant.analytics.options import KpiOptions
from assistant.config import Settings
from assistant.db.records import StoredKpiMonth, load_kpi_months
from assistant.domain import FeedbackNote
from assistant.domain.kpi import MonthFigures
from assistant.feedback.models import FunnelLink
from assistant.text.normalize import nfkc

# stage → (numerator field, denominator field, label)
CONVERSIONS: dict[str, tuple[str, str, str]] = {
    "mql": ("mql", "leads", "リード→MQL"),
    "sql": ("sql", "mql", "MQL→SQL"),
    "won": ("won", "sql", "SQL→受注"),
}
CONVERSION_LABELS_EN = {"mql": "Leads→MQL", "sql": "MQL→SQL", "won": "SQL→won"}
_RATE_OF = {"mql": "lead_to_mql", "sql": "mql_to_sql", "won": "sql_to_won"}
_DEAL_STAGES: dict[str, tuple[str, ...]] = {
    "mql": (
        "リード", "mql", "ナーチャリング", "資料請求", "問い合わせ", "lead", "nurtur", "inquiry",
    ),
    "sql": (
        "初回", "ヒアリング", "アポ", "インサイド", "is", "sql", "商談化", "発掘",
        "qualif", "discovery", "first meeting", "hearing",
    ),
    "won": (
        "提案", "見積", "稟議", "交渉", "受注", "失注", "契約", "クロージング", "決裁",
        "proposal", "quote", "negotiat", "closed", "won", "lost", "contract",
    ),
}  # fmt: skip
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "mql": ("展示会", "ホワイトペーパー", "ウェビナー", "資料請求", "ダウンロード", "webinar"),
    "sql": (
        "決裁者", "決裁権", "情報収集", "温度感", "mql", "引き継", "上長", "予算も決まって",
        "decision maker", "just collecting",
    ),
    "won": (
        "価格", "見積", "値引", "競合", "失注", "稟議", "セキュリティ審査", "他社", "費用",
        "price", "budget", "competitor", "chose",
    ),
}  # fmt: skip
_ORDER = ("mql", "sql", "won")


def deal_stage_of(stage: str | None) -> str | None:
    """The funnel stage a deal-stage value belongs to (``None`` when unknown)."""
    if not stage:
        return None
    value = nfkc(stage).casefold().strip()
    for funnel_stage in ("won", "sql", "mql"):  # 受注/失注 before 'is' of 'inside sales'
        for word in _DEAL_STAGES[funnel_stage]:
            # short Latin words ("is", "won") must be the whole value, not a part of one
            if (word == value) if word.isascii() and len(word) <= 3 else (word in value):
                return funnel_stage
    return None


def _keyword_stage(text: str) -> list[str]:
    value = nfkc(text).casefold()
    return [s for s in _ORDER if any(word in value for word in _KEYWORDS[s])]


def infer_stage(notes: Sequence[FeedbackNote], texts: Sequence[str]) -> tuple[str, str] | None:
    """(stage, basis) for a theme's notes, or ``None`` when nothing points anywhere."""
    by_metadata: Counter[str] = Counter()
    raw_stages: dict[str, Counter[str]] = {s: Counter() for s in _ORDER}
    for note in notes:
        stage = deal_stage_of(note.stage)
        if stage:
            by_metadata[stage] += 1
            raw_stages[stage][note.stage or ""] += 1
    by_words: Counter[str] = Counter()
    for text in texts:
        by_words.update(_keyword_stage(text))
    scores = {s: 2 * by_metadata[s] + by_words[s] for s in _ORDER}
    best = max(_ORDER, key=lambda s: (scores[s], -_ORDER.index(s)))
    if scores[best] == 0:
        return None
    parts = []
    if by_metadata[best]:
        stages = "・".join(f"{name} {n}" for name, n in raw_stages[best].most_common(3))
        parts.append(f"deal stage: {stages}")
    if by_words[best]:
        parts.append(f"notes mentioning {CONVERSIONS[best][2]} words: {by_words[best]}")
    return best, "; ".join(parts)


@dataclass(frozen=True)
class KpiSeries:
    """The workspace's monthly company totals, as the KPI engine consolidates them."""

    months: dict[str, MonthFigures]
    source: str

    @classmethod
    def of(
        cls, stored: Sequence[StoredKpiMonth], policy: SourcePolicy | None = None
    ) -> KpiSeries | None:
        figures, _ = consolidate(stored, policy=policy)
        if not figures:
            return None
        sources = sorted({loc.source for f in figures for loc in f.locations})
        return cls(months={f.month: f for f in figures}, source=", ".join(sources))

    def pooled_rate(self, stage: str, months: Sequence[str]) -> Decimal | None:
        """The stage's conversion over ``months``, pooled (Σ numerator / Σ denominator)."""
        rows = [self.months[m] for m in months if m in self.months]
        if len(rows) != len(months):
            return None
        return metric_value(_RATE_OF[stage], pooled(rows))


def load_kpi(settings: Settings) -> KpiSeries | None:
    """The workspace's stored KPI months (``axis ingest`` of a KPI file), or ``None``."""
    stored = load_kpi_months(settings.database_url, settings.workspace)
    return KpiSeries.of(stored, KpiOptions.of(settings).policy)


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def link(
    stage: str,
    basis: str,
    *,
    dates: Sequence[dt.date | None],
    kpi: KpiSeries | None,
    language: str = "ja",
) -> FunnelLink:
    """The theme's stage with the KPI change over its months (first half vs second half)."""
    label = CONVERSIONS[stage][2] if language == "ja" else CONVERSION_LABELS_EN[stage]
    result = FunnelLink(stage=stage, conversion=label, basis=basis)  # type: ignore[arg-type]
    if kpi is None:
        return result
    noted = sorted({_month(d) for d in dates if d is not None})
    if noted:
        window = [m for m in kpi.months if noted[0] <= m <= noted[-1]]
    else:
        window = list(kpi.months)[-6:]
    half = len(window) // 2
    if half == 0:
        return result
    before, after = window[:half], window[-half:]
    rate_before = kpi.pooled_rate(stage, before)
    rate_after = kpi.pooled_rate(stage, after)
    month_counts = Counter(_month(d) for d in dates if d is not None)
    result.window = (window[0], window[-1])
    result.kpi_source = kpi.source
    if noted:
        result.notes_before = sum(month_counts[m] for m in before)
        result.notes_after = sum(month_counts[m] for m in after)
    if rate_before is not None and rate_after is not None:
        result.rate_before = float(round(rate_before, 4))
        result.rate_after = float(round(rate_after, 4))
        result.change_pt = float(round((rate_after - rate_before) * 100, 1))
    return result
