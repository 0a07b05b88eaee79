"""The Knowledge page: upload, documents, delete, search

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "knowledge_title": {"ja": "ナレッジ管理", "en": "Knowledge"},
    "knowledge_intro": {
        "ja": "ペルソナ、製品資料、営業フィードバック、KPIスナップショットを取り込み、検索できます。",
        "en": "Add personas, product notes, sales feedback and KPI snapshots, then search them.",
    },
    "upload_header": {"ja": "ファイルを取り込む", "en": "Add files"},
    "upload_label": {
        "ja": "Word / PowerPoint / PDF / HTML / Markdown / テキスト / Excel / CSV / TSV / JSON / YAML、MA・SFAのエクスポート（UTF-8・Shift_JIS・UTF-16可）",
        "en": "Word / PowerPoint / PDF / HTML / Markdown / text / Excel / CSV / TSV / JSON / YAML, MA/SFA exports (UTF-8, Shift_JIS or UTF-16)",
    },
    "preview_header": {
        "ja": "表の読み方（取り込む前に確認・修正できます）",
        "en": "How the tables will be read (check or change before ingesting)",
    },
    "preview_intro": {
        "ja": "列ごとに、Axisが読み取る項目を示しています。違っていれば「項目」を選び直してください。空欄の列は数値として使われません（テキストとして保存され、取り込み結果に表示されます）。",
        "en": "Each column shows the field Axis will read it as. Change the field where it is wrong. Columns left blank are not used as figures (they are kept as text and listed in the result).",
    },
    "preview_col_header": {"ja": "列名", "en": "Column"},
    "preview_col_field": {"ja": "項目", "en": "Field"},
    "preview_col_status": {"ja": "判定", "en": "Read as"},
    "preview_col_sample": {"ja": "値の例", "en": "Sample"},
    "status_col_field": {"ja": "項目に対応", "en": "a field"},
    "status_col_month": {"ja": "年月", "en": "the period"},
    "status_col_segment": {"ja": "セグメント", "en": "a segment"},
    "status_col_derived": {"ja": "計算値（Axisが自分で計算）", "en": "computed (Axis computes it)"},
    "status_col_forecast": {"ja": "見込み（使いません）", "en": "a forecast (not used)"},
    "status_col_unknown": {"ja": "不明（テキストとして保存）", "en": "unknown (kept as text)"},
    "kind_kpi": {"ja": "KPI表", "en": "KPI table"},
    "kind_feedback": {"ja": "営業フィードバック一覧", "en": "sales-feedback list"},
    "kind_crm": {
        "ja": "MA・SFAのエクスポート（月別に集計）",
        "en": "MA/SFA export (counted by month)",
    },
    "kind_reference": {
        "ja": "参照用のシート（検索できるメモとして保存）",
        "en": "reference sheet (kept as a searchable note)",
    },
    "kind_empty": {"ja": "空のシート（取り込みません）", "en": "empty sheet (not read)"},
    "ingested_doc": {
        "ja": "{source}：{kind}として取り込みました（{n}チャンク）",
        "en": "{source}: ingested as {kind} ({n} chunks)",
    },
    "part_skipped": {"ja": "シート「{part}」: {reason}", "en": "Sheet “{part}”: {reason}"},
    "skipped_file": {
        "ja": "{path}：取り込みませんでした — {reason}",
        "en": "{path}: not ingested — {reason}",
    },
    "warnings_n": {"ja": "注意 {n}件", "en": "{n} warning(s)"},
    "kind_change_header": {"ja": "文書の種類を直す", "en": "Correct a document's kind"},
    "kind_change_doc": {"ja": "文書", "en": "Document"},
    "kind_change_button": {"ja": "変更", "en": "Change"},
    "kind_changed": {"ja": "{source} を「{kind}」にしました", "en": "{source} is now a {kind}"},
    "open_place": {"ja": "{place} を開く", "en": "Open {place}"},
    "upload_button": {"ja": "取り込む", "en": "Ingest"},
    "ingesting": {"ja": "取り込み中: {name}", "en": "Ingesting: {name}"},
    "ingested": {
        "ja": "{files}件のファイルを取り込みました（追加 {added}チャンク、変更なし {skipped}チャンク）",
        "en": "Ingested {files} file(s): {added} chunk(s) added, {skipped} unchanged",
    },
    "rejected": {"ja": "取り込めませんでした: {error}", "en": "Rejected: {error}"},
    "warning_row": {"ja": "{path} {row}行目: {message}", "en": "{path} row {row}: {message}"},
    "warning": {"ja": "{path}: {message}", "en": "{path}: {message}"},
    "docs_header": {"ja": "取り込み済みのドキュメント", "en": "Documents"},
    "docs_empty": {
        "ja": "まだドキュメントがありません。上のフォームから取り込んでください。",
        "en": "No documents yet. Add some with the form above.",
    },
    "col_source": {"ja": "ファイル", "en": "Source"},
    "col_kind": {"ja": "種類", "en": "Kind"},
    "col_title": {"ja": "タイトル", "en": "Title"},
    "col_chunks": {"ja": "チャンク数", "en": "Chunks"},
    "col_ingested": {"ja": "取り込み日時", "en": "Ingested at"},
    "delete_label": {"ja": "削除するドキュメント", "en": "Document to delete"},
    "delete_button": {"ja": "削除", "en": "Delete"},
    "delete_confirm": {
        "ja": "「{source}」とそのチャンクをすべて削除します。よろしいですか？",
        "en": "Delete “{source}” and all its chunks?",
    },
    "deleted": {
        "ja": "{source} を削除しました（{n}チャンク）",
        "en": "Deleted {source} ({n} chunks)",
    },
    "search_header": {"ja": "検索", "en": "Search"},
    "search_label": {"ja": "検索語（日本語・英語）", "en": "Query (Japanese or English)"},
    "search_placeholder": {
        "ja": "例: セキュリティ審査で聞かれたこと",
        "en": "e.g. security review questions",
    },
    "search_kind": {"ja": "種類で絞り込み", "en": "Filter by kind"},
    "search_all": {"ja": "すべて", "en": "All"},
    "search_k": {"ja": "表示件数", "en": "Results"},
    "search_none": {"ja": "該当するパッセージがありません。", "en": "No matching passages."},
    "search_result": {"ja": "{i}. {source}（{kind}）", "en": "{i}. {source} ({kind})"},
    "score": {"ja": "スコア", "en": "score"},
}
