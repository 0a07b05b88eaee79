"""The app's frame: title, language, workspace, navigation, sidebar status, section badges

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {
        "ja": "Axis — マーケティング戦略アシスタント",
        "en": "Axis — marketing strategy assistant",
    },
    "language": {"ja": "言語 / Language", "en": "Language / 言語"},
    "workspace": {"ja": "ワークスペース", "en": "Workspace"},
    "nav_knowledge": {"ja": "ナレッジ", "en": "Knowledge"},
    "status_docs": {"ja": "ドキュメント", "en": "Documents"},
    "status_chunks": {"ja": "チャンク", "en": "Chunks"},
    "status_llm": {"ja": "LLM", "en": "LLM"},
    "nav_chat": {"ja": "チャット", "en": "Chat"},
    "nav_dashboard": {"ja": "KPIダッシュボード", "en": "KPI dashboard"},
    "nav_feedback": {"ja": "営業フィードバック", "en": "Sales feedback"},
    "nav_drafts": {"ja": "ドラフト作成", "en": "Drafts"},
    "nav_review": {"ja": "レビュー", "en": "Review"},
    "status_ok": {"ja": "根拠あり", "en": "evidenced"},
    "status_gap": {"ja": "情報不足", "en": "gap"},
    "status_proposal": {"ja": "提案", "en": "proposal"},
    "status_unknown": {"ja": "不明", "en": "unknown"},
}
