"""The fixed sentences Axis says itself (no-LLM answers, notices, pointers), in ja and en.

These are product text, not prompts: they are shown to the user as they are.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "offline_notice": {
        "ja": "LLMが設定されていないため、資料からの抜粋と計算済みの数値で回答しています。"
        "文章で答えさせるには OPENAI_API_KEY（社内サーバーなら OPENAI_BASE_URL と AXIS_MODEL）"
        "を設定してください。",
        "en": "No LLM is configured, so this answer quotes your documents and computed figures."
        " To get written answers, set OPENAI_API_KEY (or OPENAI_BASE_URL and AXIS_MODEL for "
        "your own server).",
    },
    "extract_intro": {
        "ja": "関連する資料の記述です:",
        "en": "What your documents say:",
    },
    "feedback_intro": {
        "ja": "関連する営業メモ:",
        "en": "Related sales notes:",
    },
    "no_evidence": {
        "ja": "手元の資料にはこの質問に答える記述が見つかりませんでした。"
        "関連する資料を「ナレッジ」ページから取り込んでください。",
        "en": "Nothing in your documents answers this. Add the relevant documents on the "
        "Knowledge page.",
    },
    "no_kpi_at_all": {
        "ja": "KPIデータがまだ取り込まれていません。月次KPIのCSVを取り込んでください。",
        "en": "No KPI data has been ingested yet. Add a monthly KPI CSV.",
    },
    "draft_pointer": {
        "ja": "どの下書きを作りますか？ ポジショニング、訴求軸メッセージ、SLA、改善計画、"
        "コンテンツブリーフを作れます。例えば「SLA案を作って」「経理部長向けのコンテンツブリーフを"
        "作って」と書くか、下書き画面で種類とペルソナを選んでください。",
        "en": "Which draft should I write? I can draft positioning, a messaging matrix, a "
        "marketing–sales SLA, an improvement plan or a content brief. Say e.g. “draft the "
        "SLA” or “write a content brief for the 経理部長”, or choose on the Drafts page.",
    },
}


def phrase(key: str, lang: str, **values: object) -> str:
    text = PHRASES[key]["en" if lang == "en" else "ja"]
    return text.format(**values) if values else text
