"""The Drafts page

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "drafts_title": {"ja": "ドラフト作成", "en": "Drafts"},
    "drafts_intro": {
        "ja": "ポジショニング・訴求軸メッセージ・SLA・改善計画・コンテンツブリーフを、社内資料の引用と計算値から作成します。作成したドラフトはレビュー待ちに入ります。",
        "en": "Positioning, messaging, SLA, improvement plans and content briefs, built from quoted evidence and computed figures. Every draft goes to the review queue.",
    },
    "drafts_empty": {
        "ja": "ワークスペースにまだ資料がありません。ドラフトの根拠になるペルソナ・製品資料・営業フィードバック・KPIを先に取り込んでください。",
        "en": "This workspace has no documents yet. Add the personas, product notes, sales feedback and KPIs a draft is built from first.",
    },
    "drafts_go_knowledge": {
        "ja": "ナレッジページで取り込む",
        "en": "Add them on the Knowledge page",
    },
    "drafts_kind": {"ja": "ドラフトの種類", "en": "Kind of draft"},
    "drafts_persona": {"ja": "ペルソナ", "en": "Persona"},
    "drafts_persona_none": {
        "ja": "指定しない（全ペルソナ／セグメント）",
        "en": "None (every persona / a segment)",
    },
    "drafts_no_personas": {
        "ja": "ペルソナの資料（kind: persona）がないため、ペルソナを選べません。",
        "en": "No persona documents (kind: persona), so no persona can be chosen.",
    },
    "drafts_axis": {"ja": "訴求軸", "en": "Message axis"},
    "drafts_axis_none": {"ja": "指定しない（すべての訴求軸）", "en": "None (every axis)"},
    "drafts_axes": {"ja": "訴求軸（複数可）", "en": "Message axes (one or more)"},
    "drafts_segment": {
        "ja": "セグメント（業種、任意）",
        "en": "Segment (an industry, optional)",
    },
    "drafts_revenue_target": {
        "ja": "月間売上目標（円、任意。例: 3000万円、30,000,000）",
        "en": "Monthly revenue target (yen, optional; e.g. 30,000,000 or 3000万円)",
    },
    "drafts_revenue_help": {
        "ja": "空欄のときは、KPIデータの受注目標と実績の平均受注単価から計算します。",
        "en": "Left blank, it is computed from the KPI data's won-deal target and the average deal size.",
    },
    "drafts_bad_yen": {
        "ja": "売上目標「{value}」を金額として読めません。50000000、5,000万円、1.2億 のように入力してください。",
        "en": "Cannot read the revenue target “{value}” as yen. Write it like 50000000, 5,000万円 or 1.2億.",
    },
    "drafts_format": {"ja": "コンテンツ形式", "en": "Format"},
    "drafts_stage": {"ja": "ファネル段階", "en": "Funnel stage"},
    "drafts_default": {"ja": "おまかせ", "en": "Default"},
    "drafts_batch": {
        "ja": "全ペルソナ × 選んだ訴求軸 でまとめて作成",
        "en": "Every persona × the chosen axes, in one batch",
    },
    "drafts_batch_count": {
        "ja": "{n}件のブリーフを作成します。",
        "en": "This makes {n} brief(s).",
    },
    "drafts_need_persona": {
        "ja": "コンテンツブリーフにはペルソナが必要です。選ぶか、まとめて作成を選んでください。",
        "en": "A content brief needs a persona: choose one, or make a batch.",
    },
    "drafts_need_axis": {
        "ja": "訴求軸を1つ以上選んでください。",
        "en": "Choose at least one message axis.",
    },
    "drafts_generate": {"ja": "ドラフトを作成", "en": "Generate"},
    "drafts_generating": {"ja": "ドラフトを作成中…", "en": "Generating the draft…"},
    "drafts_batch_progress": {"ja": "ブリーフ {done}/{total}", "en": "Brief {done}/{total}"},
    "drafts_created": {
        "ja": "ドラフト #{id} を作成し、レビュー待ちに入れました。",
        "en": "Draft #{id} created and added to the review queue.",
    },
    "drafts_batch_created": {
        "ja": "{n}件のブリーフを作成しました。",
        "en": "Created {n} brief(s).",
    },
    "drafts_batch_pick": {"ja": "表示するドラフト", "en": "Draft to show"},
    "drafts_open_review": {
        "ja": "レビューページで開く（#{id}）",
        "en": "Open on the Review page (#{id})",
    },
    "drafts_none_yet": {
        "ja": "種類を選んで「ドラフトを作成」を押してください。",
        "en": "Choose a kind and press Generate.",
    },
    "drafts_mode_offline": {"ja": "LLMなし（テンプレート構成）", "en": "no LLM (template)"},
    "drafts_version": {"ja": "バージョン {n}", "en": "version {n}"},
    "drafts_warnings": {"ja": "確認事項（{n}件）", "en": "Checks ({n})"},
    "drafts_blocking": {
        "ja": "承認を止める問題: {message}",
        "en": "Blocks approval: {message}",
    },
    "drafts_sources": {"ja": "出典（{n}件）", "en": "Sources ({n})"},
    "drafts_facts": {"ja": "計算済みの数値（{n}件）", "en": "Computed figures ({n})"},
    "drafts_col_ref": {"ja": "参照", "en": "Ref"},
    "drafts_col_source": {"ja": "ファイル", "en": "Source"},
    "drafts_col_quote": {"ja": "引用", "en": "Quote"},
    "drafts_col_label": {"ja": "項目", "en": "Figure"},
    "drafts_col_value": {"ja": "値", "en": "Value"},
    "drafts_edit": {"ja": "編集", "en": "Edit"},
    "drafts_edit_label": {
        "ja": "本文（Markdown。[S1] などの出典記号は残してください）",
        "en": "Text (Markdown; keep source markers such as [S1])",
    },
    "drafts_save": {"ja": "保存（新しいバージョン）", "en": "Save as a new version"},
    "drafts_saved": {
        "ja": "「{section}」を保存しました（バージョン {n}）。数値と出典を再チェックしました。",
        "en": "Saved “{section}” as version {n}; numbers and sources were checked again.",
    },
}
