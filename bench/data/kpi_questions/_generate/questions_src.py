"""Dev questions. Each spec states exactly what the question asks (see README.md for the format).
Relative periods are resolved by compute_answers.py against "today" = 2026-12-03 and the company's
fiscal start month (channels: April, fiscal_oct: October, sheet_vs_crm: January)."""


def M(m):
    return {"type": "month", "month": m}


def R(a, b):
    return {"type": "range", "start": a, "end": b}


def FY(fy):
    return {"type": "fiscal_year", "fy": fy}


def H(fy, h):
    return {"type": "half", "fy": fy, "h": h}


def Q(fy, q):
    return {"type": "quarter", "fy": fy, "q": q}


def REL(rel, **kw):
    return dict({"type": "relative", "rel": rel}, **kw)


ALL = {"type": "all"}
STAGES = ["achievement(leads)", "achievement(mql)", "achievement(sql)", "achievement(won)"]


def q(dataset, lang, typ, question, spec):
    return {"dataset": dataset, "lang": lang, "type": typ, "question": question, "spec": spec}


QUESTIONS = [
    # ------------------------------------------------------------------ channels (fiscal start April)
    q("channels", "ja", "value", "先月のリード数、全チャネル合計で何件だった？",
      {"op": "value", "metric": "leads", "period": REL("last_month")}),
    q("channels", "en", "trend", "How did CPL for paid ads move over the last 6 months?",
      {"op": "trend", "metric": "cpl", "segment": "Web広告", "period": REL("last_n_months", n=6)}),
    q("channels", "ja", "rank_segments", "今期ここまでで一番CPLが高いチャネルってどこ？",
      {"op": "rank_segments", "metric": "cpl", "period": REL("this_fy"), "order": "desc", "top": 1}),
    q("channels", "en", "rank_segments", "Rank our channels by CAC for FY2025, most expensive first.",
      {"op": "rank_segments", "metric": "cac", "period": FY(2025), "order": "desc"}),
    q("channels", "ja", "rank_segments", "前期、受注が多かった順にチャネルを並べてもらえますか",
      {"op": "rank_segments", "metric": "won", "period": REL("last_fy"), "order": "desc"}),
    q("channels", "ja", "period_aggregate", "上期の受注達成率どうだった？",
      {"op": "period_aggregate", "metrics": ["won", "target(won)", "achievement(won)"], "period": H(2026, 1)}),
    q("channels", "ja", "change_yoy", "11月のウェビナー経由リード、前年同月と比べて伸びてる？",
      {"op": "change_yoy", "metric": "leads", "segment": "ウェビナー", "period": M("2026-11")}),
    q("channels", "en", "change_mom", "Did our overall CPL go up or down last month compared with the month before?",
      {"op": "change_mom", "metric": "cpl", "period": REL("last_month")}),
    q("channels", "ja", "first_month_where", "Web広告のCPLが初めて14,000円を超えたのはいつ？",
      {"op": "first_month_where", "segment": "Web広告",
       "condition": {"metric": "cpl", "cmp": ">", "value": 14000}, "period": ALL}),
    q("channels", "ja", "months_below_threshold", "ウェビナー、今期で目標の8割に届かなかった段階と月を洗い出して",
      {"op": "months_below_threshold", "segment": "ウェビナー", "metrics": STAGES, "threshold": 0.8, "cmp": "<",
       "period": REL("this_fy")}),
    q("channels", "en", "best_month", "Which month in FY2025 had the best lead-to-won conversion overall?",
      {"op": "best_month", "metric": "lead_to_won", "by": "max", "period": FY(2025)}),
    q("channels", "ja", "worst_month", "自然検索のMQL→SQL、直近12ヶ月で一番悪かった月は？",
      {"op": "worst_month", "metric": "mql_to_sql", "segment": "自然検索", "by": "min",
       "period": REL("last_n_months", n=12)}),
    q("channels", "ja", "sum", "前期の広告費って全チャネルでトータルいくら使いました？",
      {"op": "sum", "metric": "spend", "period": REL("last_fy")}),
    q("channels", "en", "average", "What's our average monthly revenue from referrals this fiscal year?",
      {"op": "average", "metric": "revenue", "segment": "紹介", "period": REL("this_fy")}),
    q("channels", "ja", "compare_periods", "展示会のCPL、今期上期と前期上期で比べるとどう？",
      {"op": "compare_periods", "metric": "cpl", "segment": "展示会", "period": H(2026, 1), "baseline": H(2025, 1)}),
    q("channels", "en", "value", "What was the MQL→SQL rate for webinars in Q1 of this fiscal year?",
      {"op": "value", "metric": "mql_to_sql", "segment": "ウェビナー", "period": Q(2026, 1)}),
    q("channels", "ja", "no_data", "2024年12月のウェビナーのリード数を教えてください",
      {"op": "value", "metric": "leads", "segment": "ウェビナー", "period": M("2024-12")}),
    q("channels", "en", "no_data", "How many leads have we gotten so far this month?",
      {"op": "value", "metric": "leads", "period": REL("this_month")}),
    q("channels", "ja", "unanswerable", "チャネル別のサイト訪問数（セッション数）って先月どれくらい？",
      {"op": "value", "metric": "sessions", "period": REL("last_month")}),
    q("channels", "en", "last_month_where", "When was the last month our overall MQL→SQL was above 32%?",
      {"op": "last_month_where", "condition": {"metric": "mql_to_sql", "cmp": ">", "value": 0.32}, "period": ALL}),
    q("channels", "ja", "trend", "紹介経由の受注件数、今期の月別推移を見せて",
      {"op": "trend", "metric": "won", "segment": "紹介", "period": REL("this_fy")}),
    q("channels", "en", "change_yoy", "October revenue vs. last October — how much did it change?",
      {"op": "change_yoy", "metric": "revenue", "period": M("2026-10")}),

    # ------------------------------------------------------------------ fiscal_oct (fiscal start October)
    q("fiscal_oct", "ja", "first_month_where", "MQL→SQLが30%を割った最初の月は？",
      {"op": "first_month_where", "condition": {"metric": "mql_to_sql", "cmp": "<", "value": 0.30}, "period": ALL}),
    q("fiscal_oct", "en", "first_month_where",
      "After MQL-to-SQL first slipped under 30% (July 2025), when did it get back to 30% or more?",
      {"op": "first_month_where", "condition": {"metric": "mql_to_sql", "cmp": ">=", "value": 0.30},
       "period": R("2025-08", "2026-10")}),
    q("fiscal_oct", "ja", "last_month_where", "MQL→SQLが最後に30%を下回ったのっていつだっけ？",
      {"op": "last_month_where", "condition": {"metric": "mql_to_sql", "cmp": "<", "value": 0.30}, "period": ALL}),
    q("fiscal_oct", "ja", "months_below_threshold", "2026年9月期で達成率80%未満だったのは、どのステージの何月？",
      {"op": "months_below_threshold", "metrics": STAGES, "threshold": 0.8, "cmp": "<", "period": FY(2025)}),
    q("fiscal_oct", "en", "months_below_threshold",
      "For the fiscal year that ended September 2025, which funnel stages came in under 80% of target, and in which months?",
      {"op": "months_below_threshold", "metrics": STAGES, "threshold": 0.8, "cmp": "<", "period": FY(2024)}),
    q("fiscal_oct", "ja", "period_aggregate", "2026年9月期の上期、リード・MQL・SQL・受注・売上の実績と達成率をまとめて",
      {"op": "period_aggregate", "period": H(2025, 1),
       "metrics": ["leads", "mql", "sql", "won", "revenue", "achievement(leads)", "achievement(mql)",
                   "achievement(sql)", "achievement(won)", "achievement(revenue)"]}),
    q("fiscal_oct", "en", "period_aggregate", "How did FY2025 close? Revenue against target, and ROI.",
      {"op": "period_aggregate", "period": FY(2025),
       "metrics": ["revenue", "target(revenue)", "achievement(revenue)", "roi"]}),
    q("fiscal_oct", "ja", "value", "今期の受注、今のところ何件？",
      {"op": "value", "metric": "won", "period": REL("this_fy")}),
    q("fiscal_oct", "ja", "no_data", "先月のリード数は？",
      {"op": "value", "metric": "leads", "period": REL("last_month")}),
    q("fiscal_oct", "ja", "unanswerable", "チャネル別だと、どこのCPLが一番高い？",
      {"op": "rank_segments", "metric": "cpl", "period": FY(2025), "order": "desc", "top": 1}),
    q("fiscal_oct", "ja", "compare_periods", "2026年9月期と前の期で売上を比較してほしい",
      {"op": "compare_periods", "metric": "revenue", "period": FY(2025), "baseline": FY(2024)}),
    q("fiscal_oct", "en", "change_yoy", "How did October's SQL count compare with a year ago?",
      {"op": "change_yoy", "metric": "sql", "period": M("2026-10")}),
    q("fiscal_oct", "ja", "change_mom", "9月のCAC、8月からどれくらい改善した？",
      {"op": "change_mom", "metric": "cac", "period": M("2026-09")}),
    q("fiscal_oct", "en", "trend", "Show me MQL→SQL month by month for the fiscal year that ended September 2026.",
      {"op": "trend", "metric": "mql_to_sql", "period": FY(2025)}),
    q("fiscal_oct", "en", "worst_month", "In the fiscal year that ended September 2025, which month had the weakest won-deal attainment?",
      {"op": "worst_month", "metric": "achievement(won)", "by": "min", "period": FY(2024)}),
    q("fiscal_oct", "ja", "best_month", "2026年9月期でいちばん売上が大きかった月はどこ？",
      {"op": "best_month", "metric": "revenue", "by": "max", "period": FY(2025)}),
    q("fiscal_oct", "ja", "average", "2026年9月期のマーケ費用って月平均でいくら？",
      {"op": "average", "metric": "spend", "period": FY(2025)}),
    q("fiscal_oct", "ja", "sum", "2025年度の売上合計はいくら？",
      {"op": "sum", "metric": "revenue", "period": FY(2025)}),

    # ------------------------------------------------------------------ sheet_vs_crm (fiscal start January)
    q("sheet_vs_crm", "ja", "value", "先月のリード数は？",
      {"op": "value", "metric": "leads", "period": REL("last_month")}),
    q("sheet_vs_crm", "ja", "no_data", "先月のCPLいくらだった？",
      {"op": "value", "metric": "cpl", "period": REL("last_month")}),
    q("sheet_vs_crm", "en", "value", "How many SQLs did we have in March?",
      {"op": "value", "metric": "sql", "period": M("2026-03")}),
    q("sheet_vs_crm", "ja", "value", "2月のリード、何件でした？",
      {"op": "value", "metric": "leads", "period": M("2026-02")}),
    q("sheet_vs_crm", "en", "change_mom", "MQLs in April vs March — up or down, and by how much?",
      {"op": "change_mom", "metric": "mql", "period": M("2026-04")}),
    q("sheet_vs_crm", "ja", "trend", "今年のMQL→SQL転換率、月ごとの推移が見たい",
      {"op": "trend", "metric": "mql_to_sql", "period": {"type": "calendar_year", "year": 2026}}),
    q("sheet_vs_crm", "en", "first_month_where", "What was the first month this year that MQL-to-SQL fell below 34%?",
      {"op": "first_month_where", "condition": {"metric": "mql_to_sql", "cmp": "<", "value": 0.34},
       "period": R("2026-01", "2026-11")}),
    q("sheet_vs_crm", "ja", "months_below_threshold", "今期、リード・MQL・受注で目標の80%を切った月ある？",
      {"op": "months_below_threshold", "metrics": ["achievement(leads)", "achievement(mql)", "achievement(won)"],
       "threshold": 0.8, "cmp": "<", "period": REL("this_fy")}),
    q("sheet_vs_crm", "en", "unanswerable", "What's our SQL attainment against target for Q3?",
      {"op": "value", "metric": "achievement(sql)", "period": Q(2026, 3)}),
    q("sheet_vs_crm", "en", "sum", "What's our total closed-won revenue this year through November?",
      {"op": "sum", "metric": "revenue", "period": R("2026-01", "2026-11")}),
    q("sheet_vs_crm", "en", "compare_periods", "Compare Q3 revenue with Q2.",
      {"op": "compare_periods", "metric": "revenue", "period": Q(2026, 3), "baseline": Q(2026, 2)}),
    q("sheet_vs_crm", "ja", "change_yoy", "先月の受注件数、前年同月より増えた？",
      {"op": "change_yoy", "metric": "won", "period": REL("last_month")}),
    q("sheet_vs_crm", "ja", "period_aggregate", "2025年下期の実績をざっくり教えて。リード、MQL、SQL、受注、売上、広告費で",
      {"op": "period_aggregate", "period": H(2025, 2),
       "metrics": ["leads", "mql", "sql", "won", "revenue", "spend"]}),
    q("sheet_vs_crm", "en", "best_month", "Which month had our lowest CPL?",
      {"op": "best_month", "metric": "cpl", "by": "min", "period": ALL}),
    q("sheet_vs_crm", "ja", "worst_month", "受注の達成率が一番悪かったのは何月？",
      {"op": "worst_month", "metric": "achievement(won)", "by": "min", "period": ALL}),
    q("sheet_vs_crm", "en", "average", "Average monthly leads over the last 6 months?",
      {"op": "average", "metric": "leads", "period": REL("last_n_months", n=6)}),
    q("sheet_vs_crm", "ja", "last_month_where", "ROIが300%を下回った直近の月はいつ？",
      {"op": "last_month_where", "condition": {"metric": "roi", "cmp": "<", "value": 3.0}, "period": ALL}),
    q("sheet_vs_crm", "en", "trend", "Can I see revenue by month for Q2 and Q3?",
      {"op": "trend", "metric": "revenue", "period": R("2026-04", "2026-09")}),
    q("sheet_vs_crm", "ja", "unanswerable", "チャネル別にCACを比べたい。どこが一番高い？",
      {"op": "rank_segments", "metric": "cac", "period": REL("this_fy"), "order": "desc"}),
    q("sheet_vs_crm", "en", "no_data", "Can you pull our lead count for the first half of 2025 (Jan–Jun)?",
      {"op": "value", "metric": "leads", "period": H(2025, 1)}),
]
