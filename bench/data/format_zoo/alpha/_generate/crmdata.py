# -*- coding: utf-8 -*-
"""Source data: per-record CRM exports and the monthly KPI tables derived from them.

Story of 株式会社トキワセンス (fictional):
  * FY2024 (2024-04..2025-03): marketing ran Marketo; sales kept deals in a kintone app「案件管理」.
  * FY2025 (from 2025-04): marketing moved to HubSpot (contacts); new deals are HubSpot deals.
    Deals registered in kintone during FY2024 were still worked (and closed) in kintone.
  * Snapshot date of every export and KPI sheet: 2025-10-31 / 2025-11-10.
Everything is generated from fixed seeds.
"""
import datetime as dt
import random
from collections import defaultdict

from names import (
    COMPANY_PREFIX,
    COMPANY_SUFFIX,
    GIVEN,
    IS_REPS,
    SALES_REPS,
    SURNAMES,
    SURNAMES_CP932,
    TITLES,
)

JST = dt.timezone(dt.timedelta(hours=9))
SNAP = dt.date(2025, 10, 31)
FY24 = [(2024, m) for m in range(4, 13)] + [(2025, m) for m in range(1, 4)]
FY25 = [(2025, m) for m in range(4, 13)] + [(2026, m) for m in range(1, 4)]
ALL_MONTHS = FY24 + FY25


def ym(d):
    return "%04d-%02d" % (d.year, d.month)


def month_days(y, m):
    n = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.date(y, m, 1)
    return n.days


# ---------------------------------------------------------------- companies / people
def make_companies(rng, n=120):
    out, seen = [], set()
    while len(out) < n:
        p, pr = rng.choice(COMPANY_PREFIX)
        s, sr, ind = rng.choice(COMPANY_SUFFIX)
        if (p, s) in seen:
            continue
        seen.add((p, s))
        style = rng.random()
        name = ("株式会社" + p + s) if style < 0.55 else (p + s + "株式会社")
        emp = rng.choice([320, 380, 450, 520, 600, 680, 750, 820, 950, 1100, 1200, 1400, 1600, 1900, 2300, 2800])
        out.append({"name": name, "short": p + s, "domain": "%s-%s.example.jp" % (pr, sr),
                    "industry": ind, "employees": emp})
    return out


class People:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def person(self, company, cp932=False):
        rng = self.rng
        pool = SURNAMES + (SURNAMES_CP932 if cp932 else [])
        for _ in range(1000):
            sn, sr = rng.choice(pool)
            gn, gr = rng.choice(GIVEN)
            style = rng.randrange(3)
            local = ["%s.%s" % (gr, sr), "%s.%s" % (gr[0], sr), "%s_%s" % (sr, gr)][style]
            email = "%s@%s" % (local, company["domain"])
            if email not in self.used:
                self.used.add(email)
                return {"last": sn, "first": gn, "email": email, "last_r": sr, "first_r": gr}
        raise RuntimeError("names exhausted")


def phone(rng):
    if rng.random() < 0.6:
        return "03-0000-%04d" % rng.randrange(1000, 10000)
    return "090-0000-%04d" % rng.randrange(1000, 10000)


def rand_dt(rng, y, m, night=False):
    d = rng.randrange(1, month_days(y, m) + 1)
    if night:
        h = rng.randrange(0, 8)
    else:
        h = rng.choice([8, 9, 9, 10, 10, 11, 11, 13, 13, 14, 14, 15, 15, 16, 16, 17, 18, 19, 21])
    return dt.datetime(y, m, d, h, rng.randrange(60), rng.randrange(60))


def add_days(rng, base, lo, hi):
    return base + dt.timedelta(days=rng.randint(lo, hi), minutes=rng.randrange(-300, 300))


def amount(rng):
    r = rng.random()
    if r < 0.25:
        v = rng.randint(90, 135)
    elif r < 0.65:
        v = rng.randint(160, 320)
    elif r < 0.9:
        v = rng.randint(320, 620)
    else:
        v = rng.randint(700, 1800)
    return v * 10000


# ---------------------------------------------------------------- Marketo (FY2024 leads)
MARKETO_MONTHLY = [22, 24, 58, 26, 25, 28, 24, 47, 27, 24, 31, 24]  # JST creation months, FY2024


def gen_marketo(rng, companies, people):
    recs = []
    end = dt.datetime(2025, 3, 31, 23, 59, 59)
    lid = 18230
    for (y, m), n in zip(FY24, MARKETO_MONTHLY):
        event = (y, m) in [(2024, 6), (2024, 11)]
        for i in range(n):
            c = rng.choice(companies)
            p = people.person(c)
            # the first record of each month is a night-time web form on day 1 (JST 00:00-07:59):
            # its UTC timestamp falls on the previous month.
            if i == 0:
                created = dt.datetime(y, m, 1, rng.randrange(0, 8), rng.randrange(60), rng.randrange(60))
            else:
                created = rand_dt(rng, y, m, night=rng.random() < 0.06)
            if event and rng.random() < 0.6:
                src, prog = "Trade Show", ("2024-06_ものづくりDXフェア名古屋" if m == 6 else "2024-11_スマート保全EXPO東京")
            else:
                src, prog = rng.choice([
                    ("Webinar", "%04d-%02d_ウェビナー_予兆保全入門" % (y, m)),
                    ("Organic Search", "Web_自然検索"), ("Organic Search", "Web_自然検索"),
                    ("Paid Search", "Web_リスティング"), ("Paid Search", "Web_リスティング"),
                    ("Referral", "紹介_パートナー"), ("Website", "Web_資料ダウンロード"),
                    ("Website", "Web_資料ダウンロード"), ("Webinar", "%04d-%02d_ウェビナー_導入事例" % (y, m))])
            mql = sql = None
            if rng.random() < 0.42:
                md = add_days(rng, created, 0, 45).date()
                if md <= end.date():
                    mql = md
                    if rng.random() < 0.40:
                        sd = mql + dt.timedelta(days=rng.randint(2, 30))
                        if sd <= end.date():
                            sql = sd
            if sql:
                status = rng.choice(["SQL", "Converted", "Converted"])
            elif mql:
                status = rng.choice(["MQL", "MQL", "Recycled", "Nurture"])
            else:
                status = rng.choice(["New", "Nurture", "Nurture", "Disqualified", "Contacted"])
            score = (rng.randint(62, 140) if mql else rng.randint(0, 58))
            upd = created + dt.timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 12))
            upd = min(upd, dt.datetime(2025, 4, 4, 18, 0, 0))
            if sql:
                upd = max(upd, dt.datetime.combine(sql, dt.time(12, 0)))
            recs.append({
                "Id": lid, "First Name": p["first"], "Last Name": p["last"], "Email Address": p["email"],
                "Company Name": c["name"], "Job Title": rng.choice(TITLES), "Industry": c["industry"],
                "Number of Employees": c["employees"], "Phone Number": phone(rng),
                "Created At": created, "Updated At": upd, "Lead Source": src, "Person Source": prog,
                "Acquisition Program": prog, "Lead Status": status, "Lead Score": score,
                "MQL Date": mql, "SQL Date": sql,
            })
            lid += rng.randint(1, 9)
    return recs


def utc_iso(naive_jst):
    return naive_jst.replace(tzinfo=JST).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- HubSpot contacts (FY2025)
HUBSPOT_MONTHLY = [44, 48, 96, 50, 42, 52, 58]  # 2025-04 .. 2025-10
HS_SOURCE = {"展示会": "オフラインソース", "ウェビナー": "その他のキャンペーン", "自然検索": "自然検索",
             "Web広告": "有料検索", "紹介・その他": "参照サイト"}


def gen_hubspot_contacts(rng, companies, people):
    recs = []
    rid = 70312450101
    months = FY25[:7]
    snap_end = dt.datetime(2025, 10, 31, 23, 59)
    k = 0
    for (y, m), n in zip(months, HUBSPOT_MONTHLY):
        for i in range(n):
            k += 1
            c = rng.choice(companies)
            p = people.person(c)
            created = rand_dt(rng, y, m)
            if (y, m) == (2025, 6) and rng.random() < 0.55:
                ch = "展示会"
            else:
                ch = rng.choice(["ウェビナー", "ウェビナー", "自然検索", "自然検索", "自然検索", "Web広告", "Web広告",
                                 "紹介・その他", "展示会"])
            src = HS_SOURCE[ch]
            if ch == "Web広告" and rng.random() < 0.3:
                src = "有料ソーシャル"
            if ch == "紹介・その他" and rng.random() < 0.4:
                src = "ダイレクトトラフィック"
            mql = sql = opp = cust = None
            if rng.random() < 0.45:
                t = add_days(rng, created, 0, 40)
                if t <= snap_end:
                    mql = t
                    if rng.random() < 0.34:
                        t2 = add_days(rng, mql, 2, 25)
                        if t2 <= snap_end:
                            sql = t2
                            if rng.random() < 0.75:
                                t3 = add_days(rng, sql, 3, 20)
                                if t3 <= snap_end:
                                    opp = t3
                                    if rng.random() < 0.28:
                                        t4 = add_days(rng, opp, 30, 110)
                                        if t4 <= snap_end:
                                            cust = t4
            stage = "顧客" if cust else "商談" if opp else "SQL" if sql else "MQL" if mql else "リード"
            if stage == "リード" and rng.random() < 0.08:
                stage = "その他"  # disqualified: competitors, students, vendors
            lead_status = {"リード": rng.choice(["新規", "新規", "接続を試行中", "不良タイミング"]),
                           "その他": "不適格", "MQL": rng.choice(["接続を試行中", "接続済み", "オープン"]),
                           "SQL": rng.choice(["接続済み", "進行中"]), "商談": "進行中", "顧客": "進行中"}[stage]
            score = rng.randint(60, 130) if mql or sql else rng.randint(0, 55)
            recs.append({"id": rid, "first": p["first"], "last": p["last"], "email": p["email"],
                         "company": c["name"], "title": rng.choice(TITLES), "phone": phone(rng),
                         "industry": c["industry"], "created": created, "stage": stage,
                         "lead_status": lead_status, "source": src, "channel": ch, "score": score,
                         "lead_at": created, "mql_at": mql, "sql_at": sql, "opp_at": opp, "cust_at": cust,
                         "owner": rng.choice(IS_REPS) if mql else ""})
            rid += rng.randint(1, 40)
    # data-quality quirks (deterministic): some records skipped the MQL stage (sales set SQL by hand),
    # a few MQLs came in through a list import without a transition date.
    adv = [r for r in recs if r["sql_at"]]
    for r in rng.sample(adv, 7):
        r["mql_at"] = None
        r["score"] = rng.randint(20, 58)
    mqls = [r for r in recs if r["stage"] == "MQL"]
    for r in rng.sample(mqls, 3):
        r["mql_at"] = None
    return recs


# ---------------------------------------------------------------- kintone 案件管理 (deals registered FY2024)
KINTONE_MONTHLY = [8, 9, 12, 10, 9, 11, 10, 13, 11, 9, 12, 10]
KINTONE_SOURCES = ["展示会", "Web問い合わせ", "ウェビナー", "紹介", "既存顧客の紹介", "アウトバウンド", "代理店"]
COMPETITORS = ["", "", "", "ホシミ保全クラウド", "ホシミ保全クラウド", "GEARSIGHT", "設備メーカー純正", "自社開発"]
LOST_REASONS = ["価格", "時期尚早", "競合に決定", "予算凍結", "社内体制", "情シス承認が下りず", "PoC効果不十分"]


def gen_kintone(rng, companies, people):
    recs = []
    rec_no = 1043
    for (y, m), n in zip(FY24, KINTONE_MONTHLY):
        for i in range(n):
            c = rng.choice(companies)
            name = c["name"]
            if rng.random() < 0.12:  # sales reps often type ㈱ (cp932-only glyph)
                name = name.replace("株式会社", "㈱")
            p = people.person(c, cp932=True)
            reg = rand_dt(rng, y, m)
            created = reg + dt.timedelta(days=rng.choice([0, 0, 0, 0, 1, 3, 8]), minutes=rng.randrange(5, 200))
            est = amount(rng)
            outcome = rng.choices(["won", "lost", "hold", "open"], [0.30, 0.40, 0.12, 0.18])[0]
            close = (reg + dt.timedelta(days=rng.randint(25, 200))).date()
            won_date = lost_date = None
            won_amt = None
            poc = None
            if rng.random() < 0.55:
                poc = (reg + dt.timedelta(days=rng.randint(10, 40))).date()
            if outcome in ("won", "lost") and close > SNAP:
                outcome = "open"
            if outcome == "won":
                status, won_date = "受注", close
                won_amt = int(round(est * rng.choice([1.0, 1.0, 0.95, 0.9, 0.85]) / 10000.0)) * 10000
            elif outcome == "lost":
                status, lost_date = "失注", close
            elif outcome == "hold":
                status = "保留"
            else:
                status = rng.choice(["提案中", "PoC中", "見積提出済"])
            comp = rng.choice(COMPETITORS)
            reason = rng.choice(LOST_REASONS) if status == "失注" else ""
            if reason == "競合に決定" and not comp:
                comp = "ホシミ保全クラウド"
            prob = {"受注": "A", "失注": "", "保留": "C"}.get(status, rng.choice(["A", "B", "B", "C"]))
            memo = rng.choice(["", "", "", "①PoC延長あり", "稟議待ち", "工場長同席で再提案予定", "情シス面談済み",
                               "②追加センサー見積中", "年度末に再アプローチ"])
            upd_base = max([d for d in [won_date, lost_date, poc, reg.date()] if d])
            upd = dt.datetime.combine(upd_base, dt.time(rng.randrange(9, 20), rng.randrange(60)))
            if upd < created:
                upd = created + dt.timedelta(minutes=rng.randrange(3, 90))
            recs.append({"no": rec_no, "deal": "%s 第%s工場 MIHARI導入" % (c["short"], rng.choice("一二三")) if rng.random() < 0.5
                         else "%s MIHARI %s" % (c["short"], rng.choice(["新規導入", "PoC→本導入", "スタンダード導入", "複数工場展開"])),
                         "customer": name, "industry": c["industry"], "employees": c["employees"],
                         "contact": p["last"] + " " + p["first"], "rep": rng.choice(SALES_REPS[1:]),
                         "status": status, "reg": reg.date(), "poc": poc, "won": won_date, "lost": lost_date,
                         "est": est, "won_amt": won_amt, "prob": prob, "source": rng.choice(KINTONE_SOURCES),
                         "competitor": comp, "lost_reason": reason, "memo": memo,
                         "created": created, "updated": upd})
            rec_no += rng.randint(1, 4)
    # data-entry gaps: two deals marked 受注 without a 受注日 (counted nowhere)
    won = [r for r in recs if r["status"] == "受注"]
    for r in rng.sample(won, 2):
        r["won"] = None
    return recs


# ---------------------------------------------------------------- HubSpot deals (FY2025)
HS_DEALS_MONTHLY = [11, 12, 15, 13, 11, 13, 12]
HS_STAGES_OPEN = ["アポ獲得", "初回商談済み", "PoC実施中", "見積提出"]


def gen_hubspot_deals(rng, companies):
    recs = []
    rid = 21877340011
    for (y, m), n in zip(FY25[:7], HS_DEALS_MONTHLY):
        for i in range(n):
            c = rng.choice(companies)
            created = rand_dt(rng, y, m)
            outcome = rng.choices(["won", "lost", "open"], [0.36, 0.26, 0.38])[0]
            close = (created + dt.timedelta(days=rng.randint(18, 120))).replace(hour=0, minute=0, second=0)
            if outcome in ("won", "lost") and close.date() > SNAP:
                outcome = "open"
            stage = {"won": "成約", "lost": "失注"}.get(outcome) or rng.choice(HS_STAGES_OPEN)
            amt = amount(rng)
            recs.append({"id": rid, "name": "%s_%s" % (c["short"], rng.choice(["MIHARI新規", "MIHARI導入", "PoC→本契約", "第二工場展開", "スタンダード"])),
                         "pipeline": "新規導入パイプライン", "stage": stage, "amount": amt,
                         "close": close, "created": created, "owner": rng.choice(SALES_REPS[1:]),
                         "type": rng.choice(["新規ビジネス", "新規ビジネス", "新規ビジネス", "既存ビジネス"]),
                         "company": c["name"],
                         "lost_reason": rng.choice(LOST_REASONS) if stage == "失注" else "",
                         "source": rng.choice(["展示会", "ウェビナー", "Web問い合わせ", "紹介", "アウトバウンド"])})
            rid += rng.randint(1, 30)
    return recs


# ---------------------------------------------------------------- event-month aggregation
def agg(records, rules):
    """rules: metric -> function(record) -> (date or None, value)"""
    out = defaultdict(lambda: defaultdict(int))
    for r in records:
        for metric, f in rules.items():
            d, v = f(r)
            if d is not None and v:
                out[metric][ym(d)] += v
    return out


def marketo_rules():
    return {
        "leads": lambda r: (r["Created At"], 1),  # Created At is naive JST here; exported as UTC 'Z'
        "mql": lambda r: (r["MQL Date"], 1),
        "sql": lambda r: (r["SQL Date"], 1),
    }


def hubspot_contact_rules():
    return {
        "leads": lambda r: (r["created"], 1),
        "mql": lambda r: (r["mql_at"], 1),
        "sql": lambda r: (r["sql_at"], 1),
        "opportunities": lambda r: (r["opp_at"], 1),
        "won": lambda r: (r["cust_at"], 1),  # 顧客に転換した日付 (contacts file: customers, no revenue)
    }


def hubspot_deal_rules():
    return {
        "opportunities": lambda r: (r["created"], 1),
        "won": lambda r: (r["close"] if r["stage"] == "成約" else None, 1),
        "revenue": lambda r: (r["close"] if r["stage"] == "成約" else None, r["amount"]),
    }


def kintone_rules():
    return {
        "opportunities": lambda r: (r["reg"], 1),
        "won": lambda r: (r["won"] if r["status"] == "受注" else None, 1),
        "revenue": lambda r: (r["won"] if r["status"] == "受注" else None, r["won_amt"] or 0),
        "lost": lambda r: (r["lost"] if r["status"] == "失注" else None, 1),  # only used for the sales CSV
    }


def month_range(first, last):
    y, m = first
    out = []
    while (y, m) <= last:
        out.append("%04d-%02d" % (y, m))
        y, m = (y + (m == 12), m % 12 + 1)
    return out


def build_all():
    rng = random.Random(20251110)
    companies = make_companies(rng)
    people = People(rng)
    marketo = gen_marketo(random.Random(101), companies, people)
    contacts = gen_hubspot_contacts(random.Random(202), companies, people)
    kintone = gen_kintone(random.Random(303), companies, people)
    deals = gen_hubspot_deals(random.Random(404), companies)
    return {"companies": companies, "marketo": marketo, "contacts": contacts, "kintone": kintone, "deals": deals}


def kpi_tables(crm):
    """Monthly KPI values (actuals from CRM, targets/spend/etc. from fixed plans)."""
    mk = agg(crm["marketo"], marketo_rules())
    hc = agg(crm["contacts"], hubspot_contact_rules())
    kt = agg(crm["kintone"], kintone_rules())
    hd = agg(crm["deals"], hubspot_deal_rules())
    rng = random.Random(505)
    rows = []
    for (y, m) in ALL_MONTHS:
        key = "%04d-%02d" % (y, m)
        fy = 2024 if (y, m) in FY24 else 2025
        actual = (y, m) <= (2025, 10)
        event = (y, m) in [(2024, 6), (2024, 11), (2025, 6), (2025, 11)]
        src = mk if fy == 2024 else hc
        r = {"month": key, "y": y, "m": m, "fy": fy, "actual": actual}
        # targets
        lt = (50 if event else 30) if fy == 2024 else (85 if event else 45)
        r["leads_target"] = lt
        r["mql_target"] = int(round(lt * (0.40 if fy == 2024 else 0.45)))
        r["sql_target"] = int(round(r["mql_target"] * (0.40 if fy == 2024 else 0.35)))
        r["opportunities_target"] = 10 if fy == 2024 else 13
        r["won_target"] = 3 if fy == 2024 else 4
        r["revenue_target_man"] = r["won_target"] * (300 if fy == 2024 else 320)  # 万円
        budget = (2500 if fy == 2024 else 3000) + (500 if event else 0)  # 千円
        r["spend_target_sen"] = budget
        if actual:
            r["leads"] = src["leads"].get(key, 0)
            r["mql"] = src["mql"].get(key, 0)
            r["sql"] = src["sql"].get(key, 0)
            r["opportunities"] = kt["opportunities"].get(key, 0) + hd["opportunities"].get(key, 0)
            r["won"] = kt["won"].get(key, 0) + hd["won"].get(key, 0)
            rev = kt["revenue"].get(key, 0) + hd["revenue"].get(key, 0)
            assert rev % 10000 == 0
            r["revenue_man"] = rev // 10000
            r["spend_sen"] = int(round(budget * rng.uniform(0.86, 1.07) / 10.0)) * 10
            r["lost"] = kt["lost"].get(key, 0)
        # booth visitors (展示会来場者数) only in months with an exhibition that already happened
        booth = {"2024-06": 412, "2024-11": 538, "2025-06": 455}
        if key in booth:
            r["booth"] = booth[key]
        if fy == 2025 and actual:
            r["webinar_signups"] = rng.choice([0, 36, 41, 48, 55, 63, 72])
            r["downloads"] = rng.randint(70, 140)
            ch = defaultdict(int)
            for c in crm["contacts"]:
                if ym(c["created"]) == key:
                    ch[c["channel"]] += 1
            r["channels"] = dict(ch)
        rows.append(r)
    return rows, {"marketo": mk, "contacts": hc, "kintone": kt, "deals": hd}


if __name__ == "__main__":
    crm = build_all()
    rows, ag = kpi_tables(crm)
    for k in ("marketo", "contacts", "kintone", "deals"):
        print(k, len(crm[k]))
    for r in rows:
        print(r["month"], {k: r.get(k) for k in ("leads", "mql", "sql", "opportunities", "won", "revenue_man", "spend_sen")})
    h1 = sum(r["won"] for r in rows if "2025-04" <= r["month"] <= "2025-09")
    print("H1 FY2025 won", h1)
