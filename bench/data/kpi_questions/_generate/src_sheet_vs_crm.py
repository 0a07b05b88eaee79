"""Source data for dataset `sheet_vs_crm` (株式会社ソラリンク, 12月決算 / fiscal start January).

* Monthly KPI sheet (XLSX): rows 2025-07 .. 2026-12. Actuals for 2025-07 .. 2026-10; the 2026-11 row has
  targets but blank actuals (not closed yet); 2026-12 has targets only. The sheet has NO SQL column at all.
* HubSpot exports (CSV): contacts (作成日 / MQLになった日付 / SQLになった日付 ...) and deals (取引ステージ /
  金額 / クローズ日). The export was taken 2026-12-01 and covers 2025-07-01 .. 2026-11-30.
* CRM aggregates agree with the sheet except for the deltas in CRM_DELTA (test records, duplicate import,
  offline leads, a workflow re-run that moved MQL dates, a deal booked 6/30 in the sheet but closed 7/1 in
  the CRM, and a deal entered tax-inclusive in the CRM).
"""
import random

from common import month_list

COMPANY = "株式会社ソラリンク"
FISCAL_START = 1
SHEET_MONTHS = month_list("2025-07", "2026-12")      # rows in the sheet (targets for all)
ACTUAL_MONTHS = month_list("2025-07", "2026-10")     # months with actuals in the sheet
CRM_MONTHS = month_list("2025-07", "2026-11")        # months covered by the CRM export

SHEET = {
    "leads": [88, 95, 102, 97, 110, 84, 79, 93, 118, 105, 101, 112, 99, 91, 108, 115],
    "mql": [30, 33, 37, 34, 39, 28, 26, 33, 44, 36, 35, 40, 34, 30, 38, 42],
    "won": [3, 4, 4, 3, 5, 3, 2, 3, 6, 4, 3, 5, 4, 3, 4, 5],
    "revenue": [5_400_000, 7_650_000, 6_980_000, 5_250_000, 9_120_000, 5_700_000, 3_480_000, 5_610_000,
                11_350_000, 7_240_000, 5_490_000, 9_300_000, 7_560_000, 5_130_000, 7_380_000, 9_850_000],
    "spend": [1_421_380, 1_384_920, 1_512_640, 1_463_050, 1_627_810, 1_291_470, 1_243_900, 1_452_360,
              1_786_220, 1_561_030, 1_534_780, 1_652_490, 1_483_610, 1_392_250, 1_594_870, 1_713_440],
}
TARGET = {  # 2025-07 .. 2026-12 (18 months)
    "leads": [90, 95, 100, 100, 105, 90, 90, 95, 115, 105, 105, 110, 100, 95, 105, 115, 110, 95],
    "mql": [32, 34, 36, 36, 38, 32, 32, 34, 41, 38, 38, 40, 36, 34, 38, 41, 40, 34],
    "won": [4, 4, 4, 4, 5, 4, 3, 4, 6, 5, 5, 5, 5, 4, 5, 6, 5, 4],
    "revenue": [7_200_000, 7_200_000, 7_200_000, 7_200_000, 9_000_000, 7_200_000, 5_700_000, 7_600_000,
                11_400_000, 9_500_000, 9_500_000, 9_500_000, 9_500_000, 7_600_000, 9_500_000, 11_400_000,
                9_500_000, 7_600_000],
    "spend": [1_450_000, 1_450_000, 1_500_000, 1_500_000, 1_600_000, 1_300_000, 1_300_000, 1_450_000,
              1_750_000, 1_550_000, 1_550_000, 1_650_000, 1_500_000, 1_400_000, 1_600_000, 1_700_000,
              1_650_000, 1_400_000],
}
# SQL exists only in the CRM (2025-07 .. 2026-11).
CRM_SQL = [11, 12, 14, 13, 15, 10, 9, 12, 17, 13, 12, 15, 12, 10, 14, 16, 14]
# CRM aggregates for 2026-11 (the sheet has no actuals for it).
CRM_LAST = {"leads": 109, "mql": 39, "won": 4, "revenue": 7_920_000}
# CRM minus sheet, for months where the sheet has actuals.
CRM_DELTA = {
    "leads": {"2025-09": +4, "2026-02": +7, "2026-06": -3},
    "mql": {"2025-12": +2, "2026-03": -5, "2026-04": +5},
    "won": {"2026-06": -1, "2026-07": +1},
    "revenue": {"2026-06": -1_800_000, "2026-07": +1_800_000, "2026-09": +300_000},
}
SPECIAL_DEALS = {  # explicit deal amounts in the CRM
    "2026-07": [("2026-07-01 10:30", 1_800_000, "年度更新ライセンス（6月計上分）")],
    "2026-09": [("2026-09-17 15:10", 3_300_000, "基幹連携オプション（税込入力）")],
}


def crm_target(metric, m):
    if m == "2026-11":
        return CRM_LAST[metric] if metric != "sql" else CRM_SQL[-1]
    if metric == "sql":
        return CRM_SQL[CRM_MONTHS.index(m)]
    base = SHEET[metric][ACTUAL_MONTHS.index(m)]
    return base + CRM_DELTA.get(metric, {}).get(m, 0)


# ---------------------------------------------------------------- CRM record generation
SURNAMES = [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"),
            ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"),
            ("加藤", "kato"), ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"), ("山口", "yamaguchi"),
            ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"), ("清水", "shimizu"),
            ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"), ("石川", "ishikawa"), ("前田", "maeda"),
            ("藤田", "fujita"), ("岡田", "okada"), ("後藤", "goto"), ("長谷川", "hasegawa"), ("村上", "murakami"),
            ("近藤", "kondo"), ("石井", "ishii"), ("坂本", "sakamoto"), ("遠藤", "endo"), ("青木", "aoki")]
GIVEN = [("大輔", "daisuke"), ("健太", "kenta"), ("翔太", "shota"), ("拓也", "takuya"), ("直樹", "naoki"),
         ("美咲", "misaki"), ("由美", "yumi"), ("恵", "megumi"), ("彩", "aya"), ("裕子", "yuko"),
         ("誠", "makoto"), ("隆", "takashi"), ("浩二", "koji"), ("聡", "satoshi"), ("千尋", "chihiro"),
         ("真由美", "mayumi"), ("亮", "ryo"), ("智子", "tomoko"), ("和也", "kazuya"), ("麻衣", "mai"),
         ("陽介", "yosuke"), ("香織", "kaori"), ("修", "osamu"), ("奈々", "nana")]
CO_HEAD = ["東和", "大栄", "三光", "北斗", "丸和", "青葉", "富士見", "平和", "朝日", "新星", "中央", "日進",
           "太陽", "双葉", "光洋", "若葉", "常磐", "白鷺", "緑川", "銀河", "山科", "葵", "明星", "桜台"]
CO_TAIL = ["工業", "商事", "システム", "物流", "製作所", "電機", "化学", "食品", "建設", "ソリューションズ", "精工",
           "情報サービス", "メディカル", "エンジニアリング", "テクノロジー", "産業"]
TITLES = ["情報システム部 部長", "情報システム部 課長", "経営企画部", "総務部 課長", "DX推進室 室長", "営業企画部",
          "管理本部 本部長", "情報システム部", "代表取締役", "製造部 係長", "経理部 課長", ""]
OWNERS = ["佐々木 美咲", "高橋 健太", "中村 あゆみ"]
DEAL_OWNERS = ["小川 亮介", "藤井 真理", "松田 隼人"]
PRODUCTS = ["ソラリンク勤怠クラウド", "ソラリンク経費精算", "ソラリンクID連携", "ソラリンク ワークフロー"]
OPEN_STAGES = ["提案中", "見積提示", "交渉中"]


def _days_in_month(m):
    y, mo = int(m[:4]), int(m[5:])
    nxt = (y + (mo == 12), 1 if mo == 12 else mo + 1)
    import datetime
    return (datetime.date(*nxt, 1) - datetime.date(y, mo, 1)).days


def _dt(m, day, hour, minute):
    return f"{m}-{day:02d} {hour:02d}:{minute:02d}"


def _rand_dt(rng, m, after=None):
    """Random datetime string in month m, strictly after `after` (same format) if given."""
    nd = _days_in_month(m)
    for _ in range(200):
        d = rng.randint(1, nd)
        s = _dt(m, d, rng.randint(8, 21), rng.randint(0, 59))
        if after is None or s > after:
            return s
    # fall back: last day, late
    s = _dt(m, nd, 23, 50)
    assert after is None or s > after
    return s


def build_crm():
    rng = random.Random(3141)
    contacts = []
    next_id = 81000231
    used_emails = {}

    def new_contact(m, test=False, dup_of=None):
        nonlocal next_id
        next_id += rng.randint(3, 40)
        if dup_of is not None:
            c = dict(dup_of)
            c.update(id=next_id, created=_rand_dt(rng, m), mql=None, sql=None, stage="リード",
                     mql_blank=False, dup=True, test=False, email=f"{c['gr']}.{c['sr']}@example.jp")
            return c
        if test:
            return dict(id=next_id, sur="テスト", given="太郎", email=f"test{next_id % 1000:03d}@example.jp",
                        company="テスト株式会社", title="", phone="03-0000-0000", created=_rand_dt(rng, m),
                        mql=None, sql=None, stage="その他", owner=OWNERS[0], mql_blank=False, dup=False, test=True)
        (sj, sr), (gj, gr) = rng.choice(SURNAMES), rng.choice(GIVEN)
        head, tail = rng.choice(CO_HEAD), rng.choice(CO_TAIL)
        company = f"株式会社{head}{tail}" if rng.random() < 0.6 else f"{head}{tail}株式会社"
        base = f"{gr[0]}.{sr}"
        n = used_emails.get(base, 0) + 1
        used_emails[base] = n
        email = f"{base}{n:02d}@example.jp" if n > 1 else f"{base}@example.jp"
        phone = (f"03-0000-{rng.randint(1000, 9999)}" if rng.random() < 0.55
                 else f"090-0000-{rng.randint(1000, 9999)}")
        return dict(id=next_id, sur=sj, given=gj, sr=sr, gr=gr, email=email, company=company,
                    title=rng.choice(TITLES),
                    phone=phone, created=_rand_dt(rng, m), mql=None, sql=None, stage="リード",
                    owner=rng.choice(OWNERS), mql_blank=False, dup=False, test=False)

    by_month = {}
    for m in CRM_MONTHS:
        n = crm_target("leads", m)
        lst = []
        if m == "2025-09":
            lst += [new_contact(m, test=True) for _ in range(4)]
        if m == "2026-02":
            pool = [c for c in contacts if not c["test"] and c["created"] < "2026-01-01"]
            for src in rng.sample(pool, 7):
                lst.append(new_contact(m, dup_of=src))
        while len(lst) < n:
            lst.append(new_contact(m))
        lst.sort(key=lambda c: c["created"])
        by_month[m] = lst
        contacts += lst

    def eligible_mql(c):
        return c["mql"] is None and not c["test"] and not c["dup"]

    # MQL events
    for k, m in enumerate(CRM_MONTHS):
        need = crm_target("mql", m)
        chosen = []
        if m == "2026-04":  # workflow re-run: 5 March leads got MQL date 2026-04-01 09:00
            pool = [c for c in by_month["2026-03"] if eligible_mql(c)]
            for c in rng.sample(pool, 5):
                c["mql"] = "2026-04-01 09:00"
                chosen.append(c)
        prev = by_month[CRM_MONTHS[k - 1]] if k else []
        same = [c for c in by_month[m] if eligible_mql(c) and c["created"][8:10] <= "27"]
        prevp = [c for c in prev if eligible_mql(c)]
        while len(chosen) < need:
            src = prevp if (prevp and rng.random() < 0.3) or not same else same
            c = rng.choice(src)
            src.remove(c)
            after = max(c["created"], f"{m}-01 00:00")
            c["mql"] = _rand_dt(rng, m, after=after)
            chosen.append(c)

    # records with lifecycle MQL but no MQL date (count nowhere)
    blanks = [c for c in contacts if c["mql"] is None and not c["test"] and not c["dup"]]
    for c in rng.sample(blanks, 6):
        c["mql_blank"] = True

    # SQL events
    for k, m in enumerate(CRM_MONTHS):
        need = crm_target("sql", m)
        direct = 1 if k % 2 == 1 else 0
        pool = [c for c in contacts if c["mql"] and c["sql"] is None and c["mql"] < f"{m}-28"
                and c["mql"][:7] in CRM_MONTHS[max(0, k - 2):k + 1]]
        dpool = [c for c in contacts if c["mql"] is None and not c["mql_blank"] and not c["test"]
                 and not c["dup"] and c["sql"] is None and c["created"][:7] == m and c["created"][8:10] <= "25"]
        for j in range(need):
            if j < direct and dpool:
                c = rng.choice(dpool)
                dpool.remove(c)
                c["sql"] = _rand_dt(rng, m, after=c["created"])
            else:
                c = rng.choice(pool)
                pool.remove(c)
                c["sql"] = _rand_dt(rng, m, after=max(c["mql"], f"{m}-01 00:00"))

    # deals
    deals = []
    next_deal = 20450117
    sql_contacts = sorted([c for c in contacts if c["sql"]], key=lambda c: c["sql"])
    unassigned = list(sql_contacts)

    def new_deal(contact, stage, amount, close, created, name=None):
        nonlocal next_deal
        next_deal += rng.randint(5, 60)
        co = contact["company"] if contact else rng.choice(
            [f"株式会社{h}{t}" for h in CO_HEAD[:6] for t in CO_TAIL[:4]])
        prod = rng.choice(PRODUCTS)
        d = dict(id=next_deal, name=f"{co} {name}" if name else f"{co} {prod} 導入", stage=stage, amount=amount, close=close,
                 created=created, owner=rng.choice(DEAL_OWNERS), company=co,
                 contact=contact["id"] if contact else None)
        deals.append(d)
        return d

    for k, m in enumerate(CRM_MONTHS):
        n_won = crm_target("won", m)
        total = crm_target("revenue", m)
        specials = SPECIAL_DEALS.get(m, [])
        amounts = [a for (_, a, _) in specials]
        rest_n = n_won - len(specials)
        rest_total = total - sum(amounts)
        parts = []
        for i in range(rest_n - 1):
            avg = rest_total / (rest_n - i)
            a = int(round(avg * rng.uniform(0.7, 1.3), -4))
            parts.append(a)
            rest_total -= a
        parts.append(rest_total)
        assert all(p > 300_000 for p in parts), (m, parts)
        plan = [(dt, a, nm) for (dt, a, nm) in specials] + [(None, a, None) for a in parts]
        for dt, a, nm in plan:
            cands = [c for c in unassigned if c["sql"] < f"{m}-25" and c["sql"][:7] >= CRM_MONTHS[max(0, k - 3)]]
            contact = rng.choice(cands) if cands and rng.random() < 0.85 else None
            if contact:
                unassigned.remove(contact)
                close = dt or _rand_dt(rng, m, after=max(contact["sql"], f"{m}-01 00:00"))
                created = contact["sql"]
                contact["stage"] = "顧客"
            else:
                close = dt or _rand_dt(rng, m)
                created = _rand_dt(rng, CRM_MONTHS[max(0, k - 2)])
                if created >= close:
                    created = f"{CRM_MONTHS[max(0, k - 2)]}-01 10:00"
            if nm is None and contact is None:
                nm = f"{rng.choice(PRODUCTS)} 追加ライセンス"
            new_deal(contact, "受注", a, close, created, name=nm)
    # a won deal whose close date was never entered (counts nowhere)
    c0 = rng.choice([c for c in unassigned if c["sql"][:7] == "2026-05"])
    unassigned.remove(c0)
    c0["stage"] = "顧客"
    new_deal(c0, "受注", 2_200_000, None, c0["sql"])
    # remaining SQL contacts: lost or still open
    for c in unassigned:
        created = c["sql"]
        if c["sql"] < "2026-09-01" and rng.random() < 0.7:
            y, mo = int(created[:4]), int(created[5:7])
            mo += rng.randint(1, 3)
            y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            close_m = f"{y:04d}-{mo:02d}"
            if close_m > "2026-11":
                close_m = "2026-11"
            close = _rand_dt(rng, close_m, after=created)
            new_deal(c, "失注", int(round(rng.uniform(0.8, 3.5), 1) * 1_000_000), close, created)
            c["stage"] = "SQL"
        else:
            y, mo = int(created[:4]), int(created[5:7])
            mo += rng.randint(1, 4)
            y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
            close = _dt(f"{y:04d}-{mo:02d}", min(28, rng.randint(10, 31)), 0, 0)[:10]
            new_deal(c, rng.choice(OPEN_STAGES), int(round(rng.uniform(0.8, 3.5), 1) * 1_000_000),
                     close + " 00:00", created)
            c["stage"] = "商談"
    for c in contacts:
        if c["stage"] in ("リード",):
            if c["sql"]:
                c["stage"] = "SQL"
            elif c["mql"] or c["mql_blank"]:
                c["stage"] = "MQL"
    deals.sort(key=lambda d: d["id"])
    contacts.sort(key=lambda c: c["id"])
    return contacts, deals
