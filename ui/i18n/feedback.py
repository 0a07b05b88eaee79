"""The Feedback page

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "feedback_title": {"ja": "営業フィードバック分析", "en": "Sales feedback synthesis"},
    "feedback_intro": {
        "ja": "商談メモを貼り付けるかファイルをアップロードすると、テーマ・件数・代表的な声・ファネルへの影響をまとめます。件数はすべてコードで集計し、個人情報は表示前にマスキングします。",
        "en": "Paste sales notes or upload a file to get themes with counts, representative quotes and funnel impact. Every count is computed by code; personal data is masked before anything is shown.",
    },
    "feedback_paste": {
        "ja": "メモを貼り付け（1行・1段落・箇条書き1項目につき1件）",
        "en": "Paste notes (one per line, paragraph or bullet)",
    },
    "feedback_placeholder": {
        "ja": "・価格が高いと言われた\n・大河会計との連携がないと難しい\n・先方は決裁者ではなかった",
        "en": "- Customer said the price is too high\n- Needs an integration with their accounting system",
    },
    "feedback_upload": {
        "ja": "またはファイル（CSV / TSV / XLSX / TXT、UTF-8・Shift_JIS可）",
        "en": "Or a file (CSV / TSV / XLSX / TXT, UTF-8 or Shift_JIS)",
    },
    "feedback_min_theme": {"ja": "テーマに必要な最少件数", "en": "Notes a theme needs"},
    "feedback_input": {"ja": "分析するメモ", "en": "Notes to synthesise"},
    "feedback_input_paste": {"ja": "貼り付け・ファイル", "en": "Paste or file"},
    "feedback_input_workspace": {
        "ja": "ワークスペースに取り込み済みのメモ",
        "en": "Notes stored in the workspace",
    },
    "feedback_workspace_note": {
        "ja": "ナレッジに取り込んだ営業メモをすべて分析します。期間を指定すると、その期間の日付があるメモだけが対象です。",
        "en": "Synthesises every sales note ingested into the knowledge base. With a period, only notes dated inside it are included.",
    },
    "feedback_since": {"ja": "開始日（任意）", "en": "From (optional)"},
    "feedback_until": {"ja": "終了日（任意）", "en": "To (optional)"},
    "feedback_entities": {
        "ja": "資料とメモから見つけた製品名・競合名など（ラベルでは分割しません）: {names}",
        "en": "Product, competitor and feature names found in your documents and notes (never split in labels): {names}",
    },
    "feedback_trend_header": {"ja": "テーマ別の月次推移", "en": "Notes per theme by month"},
    "feedback_month": {"ja": "月", "en": "Month"},
    "feedback_col_source": {"ja": "ファイル", "en": "File"},
    "feedback_col_repeat": {"ja": "再入力されたメモ", "en": "Repeat"},
    "feedback_col_original": {"ja": "元のメモ", "en": "Original"},
    "feedback_col_why": {"ja": "同一と判断した理由", "en": "Why it is the same note"},
    "feedback_run": {"ja": "分析する", "en": "Synthesise"},
    "feedback_step_saved": {"ja": "メモを保存しました…", "en": "Notes saved…"},
    "feedback_step_cleaned": {
        "ja": "マスキングと重複チェック…",
        "en": "Redacting and checking duplicates…",
    },
    "feedback_step_embedding": {"ja": "メモをベクトル化中…", "en": "Embedding notes…"},
    "feedback_step_grouping": {"ja": "テーマに分類中…", "en": "Grouping into themes…"},
    "feedback_step_done": {"ja": "完了", "en": "Done"},
    "feedback_empty": {
        "ja": "メモを貼り付けるかファイルを選んで「分析する」を押してください。",
        "en": "Paste notes or choose a file, then press Synthesise.",
    },
    "feedback_notes": {"ja": "メモ", "en": "Notes"},
    "feedback_distinct": {"ja": "重複除外後", "en": "Distinct"},
    "feedback_themes": {"ja": "テーマ", "en": "Themes"},
    "feedback_duplicates": {"ja": "重複", "en": "Duplicates"},
    "feedback_redacted": {"ja": "マスキング", "en": "Redacted"},
    "feedback_flagged": {"ja": "要注意メモ", "en": "Flagged"},
    "feedback_count": {"ja": "件数", "en": "Notes"},
    "feedback_funnel": {
        "ja": "ファネル: **{conversion}** に影響",
        "en": "Funnel: affects **{conversion}**",
    },
    "feedback_funnel_change": {
        "ja": "ファネル: **{conversion}** — {start}〜{end}にメモが{before}件→{after}件、{conversion}は{change}pt",
        "en": "Funnel: **{conversion}** — {start} to {end}: notes {before} → {after}, {conversion} {change} pt",
    },
    "feedback_card_count": {"ja": "**{count}件**（{share}）", "en": "**{count} notes** ({share})"},
    "feedback_repeats": {"ja": "重複{n}件は数えていません", "en": "{n} repeat(s) not counted"},
    "feedback_row": {"ja": "行", "en": "row"},
    "feedback_drilldown": {"ja": "メモを見る（{n}件）", "en": "Show the notes ({n})"},
    "feedback_col_text": {"ja": "メモ（マスキング済み）", "en": "Note (redacted)"},
    "feedback_col_date": {"ja": "日付", "en": "Date"},
    "feedback_col_rep": {"ja": "担当者", "en": "Rep"},
    "feedback_col_stage": {"ja": "商談フェーズ", "en": "Deal stage"},
    "feedback_col_duplicate": {"ja": "重複元", "en": "Repeat of"},
    "feedback_by_rep": {"ja": "担当者別", "en": "By rep"},
    "feedback_by_industry": {"ja": "業種別", "en": "By industry"},
    "feedback_by_stage": {"ja": "商談フェーズ別", "en": "By deal stage"},
    "feedback_monthly": {"ja": "月別", "en": "By month"},
    "feedback_themes_header": {"ja": "テーマ（件数順）", "en": "Themes (by count)"},
    "feedback_diff": {
        "ja": "前回保存した分析（run {run}、{date}）からの変化",
        "en": "Changes since the last saved synthesis (run {run}, {date})",
    },
    "feedback_duplicates_header": {
        "ja": "重複（{n}件、1件として集計）",
        "en": "Duplicates ({n}, counted once)",
    },
    "feedback_none": {"ja": "なし", "en": "None"},
    "feedback_redactions_header": {
        "ja": "個人情報のマスキング（{n}件）",
        "en": "PII redactions ({n})",
    },
    "feedback_redactions_note": {
        "ja": "電話番号・メール・住所・氏名を [PHONE_1] などに置き換えています。元の値はこの環境のデータベースにだけ保存されます。",
        "en": "Phones, e-mails, addresses and names are replaced by placeholders such as [PHONE_1]; the originals stay in this machine's database only.",
    },
    "feedback_flagged_header": {
        "ja": "要注意・除外したメモ（{n}件）",
        "en": "Flagged and skipped notes ({n})",
    },
    "feedback_flagged_note": {
        "ja": "AIへの指示のように読めるメモです。実行はせず、通常のメモとして集計しています。",
        "en": "These read like instructions to an AI. Nothing acts on them; they are counted as ordinary notes.",
    },
    "feedback_skipped": {
        "ja": "言葉がないためテーマ分けから除外",
        "en": "no words to group, skipped",
    },
    "feedback_export": {"ja": "書き出し・保存", "en": "Export and save"},
    "feedback_themes_csv": {"ja": "テーマCSV", "en": "Themes CSV"},
    "feedback_notes_csv": {"ja": "メモCSV", "en": "Notes CSV"},
    "feedback_markdown": {"ja": "Markdown", "en": "Markdown"},
    "feedback_save": {"ja": "ナレッジに保存", "en": "Save to knowledge"},
    "feedback_saved": {
        "ja": "{name} としてナレッジに保存しました",
        "en": "Saved to knowledge as {name}",
    },
}
