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
        "ja": "Markdown / CSV / TSV / XLSX / TXT / JSON / YAML（UTF-8・Shift_JIS可）",
        "en": "Markdown / CSV / TSV / XLSX / TXT / JSON / YAML (UTF-8 or Shift_JIS)",
    },
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

KIND_LABELS: dict[str, dict[str, str]] = {
    "company": {"ja": "会社", "en": "Company"},
    "product": {"ja": "製品", "en": "Product"},
    "persona": {"ja": "ペルソナ", "en": "Persona"},
    "competitor": {"ja": "競合", "en": "Competitor"},
    "brand-voice": {"ja": "ブランドボイス", "en": "Brand voice"},
    "playbook": {"ja": "プレイブック", "en": "Playbook"},
    "note": {"ja": "メモ", "en": "Note"},
    "feedback": {"ja": "営業フィードバック", "en": "Sales feedback"},
    "kpi": {"ja": "KPI", "en": "KPI"},
    "feedback-synthesis": {"ja": "フィードバック分析", "en": "Feedback synthesis"},
}
