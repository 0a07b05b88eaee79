"""The Chat page

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "chat_title": {"ja": "Axis に質問する", "en": "Ask Axis"},
    "chat_intro": {
        "ja": "資料・KPI・営業フィードバックをもとに、出典付きで答えます。",
        "en": "Answers from your documents, KPIs and sales feedback, with sources.",
    },
    "chat_placeholder": {"ja": "質問を入力（例: 9月のMQL→SQL転換率は？）", "en": "Ask a question"},
    "chat_mode_offline": {"ja": "LLMなし（抜粋モード）", "en": "no LLM (extracts)"},
    "chat_mode_llm": {"ja": "LLM: {model}", "en": "LLM: {model}"},
    "chat_starters": {"ja": "こんな質問ができます", "en": "Try asking"},
    "chat_sources": {"ja": "出典（{n}件）", "en": "Sources ({n})"},
    "chat_chart_month": {"ja": "月", "en": "Month"},
    "chat_chart_ratio": {"ja": "率", "en": "Rate"},
    "chat_chart_yen": {"ja": "金額（円）", "en": "Amount (¥)"},
    "chat_chart_count": {"ja": "件数", "en": "Count"},
    "chat_facts": {"ja": "計算済みの数値（{n}件）", "en": "Computed figures ({n})"},
    "chat_conversations": {"ja": "会話", "en": "Conversations"},
    "chat_new": {"ja": "＋ 新しい会話", "en": "+ New conversation"},
    "chat_rename": {"ja": "名前を変更", "en": "Rename"},
    "chat_rename_label": {"ja": "会話の名前", "en": "Conversation name"},
    "chat_delete": {"ja": "この会話を削除", "en": "Delete this conversation"},
    "chat_deleted": {"ja": "会話を削除しました", "en": "Conversation deleted"},
    "chat_empty": {"ja": "まだ会話はありません。", "en": "No conversations yet."},
    "chat_error_saved": {
        "ja": "回答できませんでした（質問は保存されています）: {error}",
        "en": "Could not answer (your question is saved): {error}",
    },
    "warn_unverified_number": {
        "ja": "⚠ 数値「{detail}」は出典・計算値で確認できません",
        "en": "⚠ The number “{detail}” is not in the sources or computed figures",
    },
    "warn_bad_citation": {
        "ja": "⚠ 出典の引用が資料と一致しません（{detail}）",
        "en": "⚠ A citation does not match its document ({detail})",
    },
    "warn_unknown_ref": {
        "ja": "⚠ [{detail}] に対応する出典がありません",
        "en": "⚠ [{detail}] does not name a source",
    },
    "warn_injection": {
        "ja": "⚠ 指示のような文を含む資料がありました（データとして扱い、従っていません）",
        "en": "⚠ A document contained instruction-like text (treated as data, not obeyed)",
    },
    "warn_no_evidence": {"ja": "⚠ 根拠が見つかりません", "en": "⚠ No evidence found"},
    "chat_open_draft": {
        "ja": "レビューページでドラフト #{id} を開く",
        "en": "Open draft #{id} on the Review page",
    },
}
