"""Source data for dataset `channels` (ミナトクラウド株式会社, 3月決算 / fiscal start April).

Monthly sheet with one row per month per channel, 2025-01 .. 2026-11 (23 months x 5 channels).
The numbers are produced by a seeded, fully deterministic model below; `build()` returns the rows
that are written to the CSV. compute_answers.py never imports this module; it reads the CSV.
"""
import math
import random

from common import month_list

COMPANY = "ミナトクラウド株式会社"
FISCAL_START = 4
MONTHS = month_list("2025-01", "2026-11")
CHANNELS = ["展示会", "ウェビナー", "Web広告", "紹介", "自然検索"]

# Months with a large exhibition (expected leads). Other months: small follow-up events only.
EXPO = {"2025-02": 230, "2025-06": 175, "2025-10": 262, "2026-02": 248, "2026-06": 196, "2026-10": 281}
# Web広告 expected CPL: flat until 2026-05, then rising auction prices.
AD_CPL = {"2026-06": 12400, "2026-07": 13300, "2026-08": 14100, "2026-09": 14800, "2026-10": 15600, "2026-11": 16300}
SEASON = {1: 0.86, 2: 1.0, 3: 1.1, 4: 0.97, 5: 0.93, 6: 1.0, 7: 1.0, 8: 0.8, 9: 1.05, 10: 1.04, 11: 1.0, 12: 0.9}

# channel: (lead->MQL, MQL->SQL, SQL->won, average deal size in yen)
RATES = {
    "展示会": (0.27, 0.31, 0.24, 3_100_000),
    "ウェビナー": (0.41, 0.27, 0.21, 2_200_000),
    "Web広告": (0.23, 0.26, 0.19, 1_700_000),
    "紹介": (0.72, 0.58, 0.42, 4_200_000),
    "自然検索": (0.36, 0.30, 0.23, 2_400_000),
}
# Planned stretch over the expected value when the targets were set (per channel).
STRETCH = {"展示会": 1.06, "ウェビナー": 1.08, "Web広告": 1.05, "紹介": 1.10, "自然検索": 1.07}


def _expected(ch, i, m):
    mon = int(m[5:])
    s = SEASON[mon]
    if ch == "展示会":
        if m in EXPO:
            leads = EXPO[m]
            spend = 5_000_000 * leads / 250
        else:
            leads = 32 * s
            spend = 320_000
    elif ch == "ウェビナー":
        leads = (118 + 3.2 * i) * s
        spend = 680_000 + 8_000 * i
    elif ch == "Web広告":
        leads = (205 + 12 * math.sin(i / 2.0)) * s
        spend = leads * AD_CPL.get(m, 11_200)
    elif ch == "紹介":
        leads = 15 * (0.9 + 0.2 * s)
        spend = 160_000
    else:  # 自然検索
        leads = (52 + 2.6 * i) * s
        spend = 460_000
    return leads, spend


def build():
    rng = random.Random(20250104)
    rows = []
    for i, m in enumerate(MONTHS):
        for ch in CHANNELS:
            r1, r2, r3, deal = RATES[ch]
            leads_e, spend_e = _expected(ch, i, m)
            leads = max(5, round(leads_e * rng.uniform(0.85, 1.12)))
            mql = max(2, round(leads * r1 * rng.uniform(0.88, 1.12)))
            sql = max(1, round(mql * r2 * rng.uniform(0.85, 1.15)))
            won = max(1, round(sql * r3 * rng.uniform(0.8, 1.2)))
            won = min(won, sql)
            revenue = sum(round(deal * rng.uniform(0.6, 1.5), -4) for _ in range(won))
            spend = int(round(spend_e * rng.uniform(0.95, 1.05)))
            st = STRETCH[ch]
            t_leads = round(leads_e * st)
            t_mql = round(t_leads * r1)
            t_sql = max(1, round(t_mql * r2))
            t_won = max(1, round(t_sql * r3))
            t_rev = int(round(t_won * deal, -5))
            budget = int(round(spend_e, -4))
            rows.append({
                "month": m, "channel": ch, "leads": leads, "mql": mql, "sql": sql, "won": won,
                "revenue": int(revenue), "spend": spend,
                "t_leads": t_leads, "t_mql": t_mql, "t_sql": t_sql, "t_won": t_won,
                "t_revenue": t_rev, "budget": budget,
            })
    return rows
