"""The KPI dashboard page

Strings in Japanese and English, looked up with ``ui.i18n.t(key)``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
    "dash_plan_target": {
        "ja": "売上目標（例: 年間2億、月3,000万）",
        "en": "Revenue target (e.g. 年間2億, 月3,000万 or 200000000)",
    },
    "dash_plan_target_value": {"ja": "月{amount}円", "en": "月{amount}"},
    "dash_plan_target_placeholder": {"ja": "年間2億", "en": "年間2億"},
    "dash_plan_period": {"ja": "目標の期間", "en": "The target covers"},
    "dash_period_text": {"ja": "目標の書き方から読む", "en": "read it from the target"},
    "dash_period_month": {"ja": "1か月", "en": "a month"},
    "dash_period_quarter": {"ja": "四半期（3か月）", "en": "a quarter (3 months)"},
    "dash_period_half": {"ja": "半期（6か月）", "en": "a half year (6 months)"},
    "dash_period_year": {"ja": "年間（12か月）", "en": "a year (12 months)"},
    "dash_col_run_rate": {"ja": "直近の月平均", "en": "Recent monthly pace"},
    "dash_col_gap": {"ja": "月あたりの差", "en": "Gap per month"},
    "dash_plan_deal": {
        "ja": "平均受注単価（円、0 = 実績から計算）",
        "en": "Average deal size (yen, 0 = from history)",
    },
    "dash_plan_window": {"ja": "実績の参照期間（か月）", "en": "Months of history"},
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
}
