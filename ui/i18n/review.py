"""The Review page

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "review_title": {"ja": "レビュー", "en": "Review"},
    "review_intro": {
        "ja": "ドラフトを状態ごとに確認し、版の差分を比べ、セクションにコメントして、差し戻し・承認します。",
        "en": "Work through drafts by status: compare versions, comment on sections, request changes or approve.",
    },
    "review_empty": {
        "ja": "まだドラフトがありません。「ドラフト作成」ページで作成するか、チャットで「SLA案を作って」と頼んでください。",
        "en": "No drafts yet. Make one on the Drafts page, or ask the chat for one (“draft an SLA”).",
    },
    "review_go_drafts": {"ja": "ドラフトを作成する", "en": "Make a draft"},
    "review_all": {"ja": "すべて", "en": "All"},
    "review_filter": {"ja": "状態で絞り込み", "en": "Filter by status"},
    "review_pick": {"ja": "ドラフト", "en": "Draft"},
    "review_none_in_status": {
        "ja": "この状態のドラフトはありません。",
        "en": "No drafts with this status.",
    },
    "review_not_found": {
        "ja": "ドラフト #{id} はこのワークスペースにありません。",
        "en": "Draft #{id} is not in this workspace.",
    },
    "review_meta": {
        "ja": "{mode} · 版 {version}/{versions} · 作成 {author} · 更新 {updated}",
        "en": "{mode} · version {version} of {versions} · by {author} · updated {updated}",
    },
    "review_version": {"ja": "表示する版", "en": "Version shown"},
    "review_old_version": {
        "ja": "この版は最新ではありません（最新は版 {n}）。操作は最新版に対して行われます。",
        "en": "This is not the current version (current: {n}). Actions apply to the current version.",
    },
    "review_tab_draft": {"ja": "本文とコメント", "en": "Draft and comments"},
    "review_tab_diff": {"ja": "版の比較", "en": "Compare versions"},
    "review_general": {"ja": "全体へのコメント", "en": "Comments on the whole draft"},
    "review_comments": {"ja": "コメント（{n}件）", "en": "Comments ({n})"},
    "review_comment_label": {"ja": "コメント", "en": "Comment"},
    "review_comment_add": {"ja": "コメントする", "en": "Add comment"},
    "review_comment_saved": {"ja": "コメントを保存しました。", "en": "Comment saved."},
    "review_comment_empty": {"ja": "コメントが空です。", "en": "The comment is empty."},
    "review_resolved": {"ja": "版 {n} で対応済み", "en": "resolved in version {n}"},
    "review_comment_kind_comment": {"ja": "コメント", "en": "comment"},
    "review_comment_kind_request_changes": {"ja": "差し戻し", "en": "changes requested"},
    "review_comment_kind_approval": {"ja": "承認コメント", "en": "approval"},
    "review_comment_kind_override": {"ja": "チェックの上書き", "en": "override"},
    "review_comment_kind_assessment": {"ja": "評価", "en": "assessment"},
    "review_only_one_version": {
        "ja": "版が1つしかありません。編集・再生成すると比較できます。",
        "en": "Only one version so far; edit or regenerate to compare.",
    },
    "review_diff_from": {"ja": "比較元（旧）", "en": "From (older)"},
    "review_diff_to": {"ja": "比較先（新）", "en": "To (newer)"},
    "review_diff_same": {
        "ja": "版 {old} と版 {new} は同じ内容です。",
        "en": "Versions {old} and {new} are the same.",
    },
    "review_diff_unchanged": {
        "ja": "変更のないセクションも表示",
        "en": "Show unchanged sections",
    },
    "review_change_added": {"ja": "追加", "en": "added"},
    "review_change_removed": {"ja": "削除", "en": "removed"},
    "review_change_changed": {"ja": "変更", "en": "changed"},
    "review_change_same": {"ja": "変更なし", "en": "unchanged"},
    "review_submit": {"ja": "レビューに提出", "en": "Submit for review"},
    "review_submitted": {"ja": "レビューに提出しました。", "en": "Submitted for review."},
    "review_request_label": {
        "ja": "差し戻しの理由・直してほしいこと",
        "en": "What to change",
    },
    "review_request": {"ja": "差し戻す", "en": "Request changes"},
    "review_requested": {"ja": "差し戻しました。", "en": "Changes requested."},
    "review_approve_label": {"ja": "承認コメント（任意）", "en": "Approval note (optional)"},
    "review_override_label": {
        "ja": "承認理由（必須: 確認できない数値・出典を許容する理由）",
        "en": "Why approve anyway (required: why the unverified items are acceptable)",
    },
    "review_blocking_explain": {
        "ja": "この版には出典・計算値で確認できない項目が{n}件あります。数値の誤りをそのまま社内に出さないため、修正（編集・再生成）するか、許容する理由を書いて承認してください。理由は承認の記録と書き出しに残ります。",
        "en": "This version has {n} item(s) that no source or computed figure confirms. So that a wrong number does not go out unnoticed, fix them (edit or regenerate), or approve with a note saying why they are acceptable; the note is kept with the approval and in exports.",
    },
    "review_approve": {"ja": "承認する", "en": "Approve"},
    "review_approved": {"ja": "承認しました。", "en": "Approved."},
    "review_archive": {"ja": "アーカイブ", "en": "Archive"},
    "review_archived": {"ja": "アーカイブしました。", "en": "Archived."},
    "review_regenerate": {
        "ja": "再生成（未対応コメントを指示として使う）",
        "en": "Regenerate (open comments as instructions)",
    },
    "review_regenerate_offline": {
        "ja": "LLMがないため、再生成は最新の資料から組み直すだけで、コメントの指示は反映されません（コメントは未対応のまま残ります）。",
        "en": "Without an LLM a regeneration only rebuilds from today's evidence; comments are not applied and stay open.",
    },
    "review_regenerating": {"ja": "再生成中…", "en": "Regenerating…"},
    "review_regenerated": {"ja": "版 {n} を作成しました: {note}", "en": "Version {n} made: {note}"},
    "review_not_allowed": {
        "ja": "現在の状態（{status}）ではできません。",
        "en": "Not possible in the current status ({status}).",
    },
    "review_export": {"ja": "書き出し", "en": "Export"},
    "review_export_unapproved": {
        "ja": "未承認のまま書き出す（ファイルに未承認と明記されます）",
        "en": "Export although not approved (the file says so)",
    },
    "review_export_md": {"ja": "Markdown をダウンロード", "en": "Download Markdown"},
    "review_export_docx": {"ja": "Word (DOCX) をダウンロード", "en": "Download Word (DOCX)"},
    "review_history": {"ja": "履歴（{n}件）", "en": "History ({n})"},
    "review_col_at": {"ja": "日時", "en": "When"},
    "review_col_actor": {"ja": "誰が", "en": "Who"},
    "review_col_action": {"ja": "操作", "en": "What"},
    "review_col_detail": {"ja": "詳細", "en": "Detail"},
    "review_col_version": {"ja": "版", "en": "Version"},
    "review_snapshot": {
        "ja": "この版の根拠データ: 資料{docs}件、KPI {months}、営業メモ{notes}件",
        "en": "Data behind this version: {docs} document(s), KPI months {months}, {notes} sales note(s)",
    },
}
