"""The names of KPI metrics in Japanese and English: one table every part reads.

Loaders name columns with them in their messages, the analytics engine in its findings and
locations, chat and drafts in their facts, the pages and exports in their headers.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "leads": {"ja": "リード数", "en": "leads"},
    "mql": {"ja": "MQL数", "en": "MQLs"},
    "sql": {"ja": "SQL数", "en": "SQLs"},
    "won": {"ja": "受注数", "en": "deals won"},
    "spend": {"ja": "広告費", "en": "spend"},
    "revenue": {"ja": "売上", "en": "revenue"},
    "attributable_revenue": {"ja": "マーケ起点売上", "en": "attributable revenue"},
    "lead_to_mql": {"ja": "リード→MQL転換率", "en": "lead→MQL rate"},
    "mql_to_sql": {"ja": "MQL→SQL転換率", "en": "MQL→SQL rate"},
    "sql_to_won": {"ja": "SQL→受注率", "en": "SQL→won rate"},
    "lead_to_won": {"ja": "リード→受注率", "en": "lead→won rate"},
    "cpl": {"ja": "CPL（リード獲得単価）", "en": "CPL"},
    "cost_per_mql": {"ja": "MQL単価", "en": "cost per MQL"},
    "cost_per_sql": {"ja": "SQL単価", "en": "cost per SQL"},
    "cac": {"ja": "CAC（受注単価）", "en": "CAC"},
    "roi": {"ja": "マーケティングROI", "en": "marketing ROI"},
    "roi_attributable": {"ja": "マーケティングROI（貢献売上ベース）", "en": "attributable ROI"},
}


def label(key: str, lang: str) -> str:
    """A metric's name: 「MQL→SQL転換率」 / "MQL→SQL rate"; ``target_won`` → 「目標受注数」."""
    if key.startswith("target_"):
        base = label(key.removeprefix("target_"), lang)
        return f"目標{base}" if lang == "ja" else f"{base} target"
    return LABELS.get(key, {}).get("ja" if lang == "ja" else "en", key)
