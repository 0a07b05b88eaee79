"""UI text in Japanese and English.  Pages look strings up with ``t(key)``."""

from __future__ import annotations

import streamlit as st

from assistant.drafts import kinds
from assistant.review.models import STATUS_NAMES, named

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {
        "ja": "Axis — マーケティング戦略アシスタント",
        "en": "Axis — marketing strategy assistant",
    },
    "language": {"ja": "言語 / Language", "en": "Language / 言語"},
    "workspace": {"ja": "ワークスペース", "en": "Workspace"},
    "nav_knowledge": {"ja": "ナレッジ", "en": "Knowledge"},
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
    "status_docs": {"ja": "ドキュメント", "en": "Documents"},
    "status_chunks": {"ja": "チャンク", "en": "Chunks"},
    "status_llm": {"ja": "LLM", "en": "LLM"},
    # -- chat page (ui/views/chat.py, issue 5) ------------------------------------------
    "nav_chat": {"ja": "チャット", "en": "Chat"},
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
    # -- KPI dashboard page (ui/views/dashboard.py, issue 4) ----------------------------
    "nav_dashboard": {"ja": "KPIダッシュボード", "en": "KPI dashboard"},
    "dash_title": {"ja": "KPIダッシュボード", "en": "KPI dashboard"},
    "dash_intro": {
        "ja": "ファネル・転換率・目標達成率・診断・逆算プランを、取り込んだKPIデータから計算して表示します。",
        "en": "Funnel, conversion rates, achievement, diagnosis and reverse planning, computed from your KPI data.",
    },
    "dash_empty": {
        "ja": "KPIデータがまだありません。次のいずれかで取り込んでください。",
        "en": "No KPI data yet. Add some in one of these ways:",
    },
    "dash_empty_steps": {
        "ja": "- 月次KPIのCSV/XLSX（年月・リード数・MQL数・SQL数・受注数・広告費・売上・目標）を「ナレッジ」ページでアップロード、または `axis ingest knowledge/kpi/kpi-monthly.csv`\n- HubSpot / Salesforce のエクスポートを下の「CRMエクスポートを取り込む」から、または `axis kpi import hubspot FILE`",
        "en": "- Upload a monthly KPI CSV/XLSX (month, leads, MQL, SQL, won, spend, revenue, targets) on the Knowledge page, or run `axis ingest knowledge/kpi/kpi-monthly.csv`\n- Import a HubSpot or Salesforce export below (Import a CRM export), or run `axis kpi import hubspot FILE`",
    },
    "dash_import_header": {"ja": "CRMエクスポートを取り込む", "en": "Import a CRM export"},
    "dash_import_system": {"ja": "エクスポート元", "en": "Exported from"},
    "dash_import_file": {
        "ja": "コンタクト／リード／商談のエクスポート（CSV・XLSX、1行1レコード）",
        "en": "Contacts / leads / opportunities export (CSV or XLSX, one record a row)",
    },
    "dash_import_by_channel": {"ja": "チャネル別に集計する", "en": "One funnel per channel"},
    "dash_import_button": {"ja": "取り込む", "en": "Import"},
    "dash_imported": {
        "ja": "{source}（{report}）から{records}件を{months}か月分に集計して保存しました。スキップ: {skipped}行",
        "en": "Imported {records} record(s) from {source} ({report}) into {months} month(s); {skipped} row(s) skipped",
    },
    "dash_skipped_header": {"ja": "スキップした行", "en": "Skipped rows"},
    "dash_cohort_header": {
        "ja": "コホート（作成月別、イベント月の集計とは別）",
        "en": "Cohort view by creation month (separate from event-month counts)",
    },
    "dash_source": {"ja": "データ元ファイル", "en": "Data source"},
    "dash_all_sources": {"ja": "すべて", "en": "All"},
    "dash_segment": {"ja": "セグメント／チャネル", "en": "Segment / channel"},
    "dash_total": {"ja": "合計", "en": "Total"},
    "dash_month": {"ja": "表示する月", "en": "Month"},
    "dash_funnel": {"ja": "ファネル（{month}）", "en": "Funnel ({month})"},
    "dash_rates": {"ja": "転換率の推移", "en": "Conversion rates over time"},
    "dash_achievement": {"ja": "目標達成率", "en": "Achievement against target"},
    "dash_achievement_help": {
        "ja": "⚠ は目標の{threshold}未満（AXIS_ACHIEVEMENT_THRESHOLD）。",
        "en": "⚠ marks cells below {threshold} of target (AXIS_ACHIEVEMENT_THRESHOLD).",
    },
    "dash_no_targets": {
        "ja": "このデータには目標がありません。",
        "en": "This data has no targets.",
    },
    "dash_diagnosis": {"ja": "診断", "en": "Diagnosis"},
    "dash_no_findings": {"ja": "目立った問題は見つかりませんでした。", "en": "Nothing stands out."},
    "dash_data_checks": {"ja": "データの確認事項（{n}件）", "en": "Data checks ({n})"},
    "dash_plan": {"ja": "売上目標からの逆算", "en": "Plan back from a revenue target"},
    "dash_plan_target_needed": {
        "ja": "月間の売上目標（円）を入力してください",
        "en": "Enter a monthly revenue target (yen)",
    },
    "dash_plan_default": {
        "ja": "初期値は{month}の受注目標{won}件 × 平均受注単価{deal}です。",
        "en": "The default is the {month} won-deal target of {won} × the average deal size of {deal}.",
    },
    "dash_plan_target": {"ja": "売上目標（円）", "en": "Revenue target (yen)"},
    "dash_plan_deal": {
        "ja": "平均受注単価（円、0 = 実績から計算）",
        "en": "Average deal size (yen, 0 = from history)",
    },
    "dash_plan_window": {"ja": "実績の参照期間（か月）", "en": "Months of history"},
    "dash_plan_months": {"ja": "目標の対象期間（か月）", "en": "Months the target covers"},
    "dash_plan_whatif": {"ja": "もしMQL→SQL転換率が（%）", "en": "What if MQL→SQL were (%)"},
    "dash_plan_button": {"ja": "逆算する", "en": "Plan"},
    "dash_plan_assumptions": {
        "ja": "前提: 平均受注単価 {deal}（{deal_source}）、{rates}、CPL {cpl}（{months}の実績を合算）",
        "en": "Assumptions: deal size {deal} ({deal_source}), {rates}, CPL {cpl} (pooled over {months})",
    },
    "dash_deal_given": {"ja": "入力値", "en": "given"},
    "dash_deal_history": {"ja": "実績平均", "en": "history"},
    "dash_whatif_result": {
        "ja": "MQL→SQL転換率が{to}（現在{from_}）なら、必要なリードは{fewer}件少なく、予算は{saved}少なくて済みます。",
        "en": "With MQL→SQL at {to} (now {from_}) you would need {fewer} fewer leads and {saved} less budget.",
    },
    "dash_col_stage": {"ja": "段階", "en": "Stage"},
    "dash_col_count": {"ja": "件数", "en": "Count"},
    "dash_col_conversion": {"ja": "前段階からの転換率", "en": "Conversion from previous"},
    "dash_col_month": {"ja": "月", "en": "Month"},
    "dash_col_rate": {"ja": "指標", "en": "Rate"},
    "dash_col_value": {"ja": "値", "en": "Value"},
    "dash_col_period": {"ja": "期間合計", "en": "Period"},
    "dash_col_per_month": {"ja": "月あたり", "en": "Per month"},
    "dash_col_what_if": {"ja": "もしもの場合", "en": "What if"},
    "dash_col_row": {"ja": "行", "en": "Row"},
    "dash_col_reason": {"ja": "理由", "en": "Reason"},
    "dash_budget": {"ja": "予算（円）", "en": "Budget (yen)"},
    "dash_download": {"ja": "CSVをダウンロード", "en": "Download CSV"},
    "dash_metric_leads": {"ja": "リード数", "en": "Leads"},
    "dash_metric_mql_sql": {"ja": "MQL→SQL転換率", "en": "MQL→SQL"},
    "dash_metric_cpl": {"ja": "CPL", "en": "CPL"},
    "dash_metric_roi": {"ja": "マーケティングROI", "en": "Marketing ROI"},
    # -- feedback page (ui/views/feedback.py, issue 6) ----------------------------------
    "nav_feedback": {"ja": "営業フィードバック", "en": "Sales feedback"},
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
    # -- drafts and review pages (ui/views/drafts.py, ui/views/review.py, issue 7) --------
    "nav_drafts": {"ja": "ドラフト作成", "en": "Drafts"},
    "nav_review": {"ja": "レビュー", "en": "Review"},
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
    "status_ok": {"ja": "根拠あり", "en": "evidenced"},
    "status_gap": {"ja": "情報不足", "en": "gap"},
    "status_proposal": {"ja": "提案", "en": "proposal"},
    "status_unknown": {"ja": "不明", "en": "unknown"},
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
    "chat_open_draft": {
        "ja": "レビューページでドラフト #{id} を開く",
        "en": "Open draft #{id} on the Review page",
    },
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


def lang() -> str:
    return st.session_state.get("lang", "ja")


def t(key: str, **fmt: object) -> str:
    text = STRINGS[key][lang()]
    return text.format(**fmt) if fmt else text


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, {}).get(lang(), kind)


def draft_kind_label(kind: str) -> str:
    return kinds.KINDS[kind].name(lang()) if kind in kinds.KINDS else kind


def review_status_label(status: str) -> str:
    name = named(STATUS_NAMES, status, lang())
    return name[:1].upper() + name[1:]


def stage_label(stage: str) -> str:
    return kinds.stage_name(stage, lang()) if stage in kinds.STAGES else stage
