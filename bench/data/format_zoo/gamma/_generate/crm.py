# -*- coding: utf-8 -*-
"""Deterministic fictional people, companies and CRM/MA records for the gamma company."""
import datetime as dt
import random

SURNAMES = [
    ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"),
    ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"),
    ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"), ("山口", "yamaguchi"), ("松本", "matsumoto"),
    ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"), ("斎藤", "saito"), ("清水", "shimizu"),
    ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"), ("阿部", "abe"),
    ("石川", "ishikawa"), ("前田", "maeda"), ("藤田", "fujita"), ("小川", "ogawa"), ("岡田", "okada"),
    ("後藤", "goto"), ("長谷川", "hasegawa"), ("村上", "murakami"), ("近藤", "kondo"), ("石井", "ishii"),
    ("坂本", "sakamoto"), ("遠藤", "endo"), ("青木", "aoki"), ("藤井", "fujii"), ("西村", "nishimura"),
    ("福田", "fukuda"), ("太田", "ota"), ("三浦", "miura"), ("藤原", "fujiwara"), ("岡本", "okamoto"),
    ("松田", "matsuda"), ("中川", "nakagawa"), ("中野", "nakano"), ("原田", "harada"), ("小野", "ono"),
    ("田村", "tamura"), ("竹内", "takeuchi"), ("金子", "kaneko"), ("和田", "wada"), ("中山", "nakayama"),
    ("石田", "ishida"), ("上田", "ueda"), ("森田", "morita"), ("柴田", "shibata"), ("酒井", "sakai"),
    ("工藤", "kudo"), ("横山", "yokoyama"), ("宮崎", "miyazaki"), ("宮本", "miyamoto"), ("内田", "uchida"),
    ("高木", "takagi"), ("安藤", "ando"), ("谷口", "taniguchi"), ("大野", "ohno"), ("丸山", "maruyama"),
    ("今井", "imai"), ("河野", "kono"), ("藤本", "fujimoto"), ("村田", "murata"), ("武田", "takeda"),
    ("上野", "ueno"), ("杉山", "sugiyama"), ("増田", "masuda"), ("平野", "hirano"), ("大塚", "otsuka"),
]
# cp932-only spellings (NEC/IBM extensions), used in the Kairos3 export
SURNAMES_CP932 = [("髙橋", "takahashi"), ("山﨑", "yamasaki"), ("髙木", "takagi"), ("濵田", "hamada")]
GIVEN = [
    ("健太", "kenta"), ("翔", "sho"), ("大輔", "daisuke"), ("拓也", "takuya"), ("直樹", "naoki"), ("誠", "makoto"),
    ("浩二", "koji"), ("剛", "tsuyoshi"), ("裕子", "yuko"), ("美香", "mika"), ("恵", "megumi"), ("陽子", "yoko"),
    ("真由美", "mayumi"), ("彩", "aya"), ("さくら", "sakura"), ("智子", "tomoko"), ("和也", "kazuya"), ("修", "osamu"),
    ("亮", "ryo"), ("悠斗", "yuto"), ("雅人", "masato"), ("理恵", "rie"), ("千尋", "chihiro"), ("隆", "takashi"),
    ("聡", "satoshi"), ("由美", "yumi"), ("明美", "akemi"), ("哲也", "tetsuya"), ("慎一", "shinichi"), ("香織", "kaori"),
    ("康弘", "yasuhiro"), ("秀樹", "hideki"), ("奈々", "nana"), ("純一", "junichi"), ("達也", "tatsuya"), ("麻衣", "mai"),
]
CO_PREFIX = [
    ("北陸", "hokuriku"), ("東和", "towa"), ("三葉", "mitsuba"), ("日進", "nisshin"), ("大洋", "taiyo"),
    ("昭栄", "shoei"), ("富士見", "fujimi"), ("青葉", "aoba-t"), ("中部", "chubu"), ("瀬戸内", "setouchi"),
    ("白鷺", "shirasagi"), ("朝日野", "asahino"), ("若松", "wakamatsu"), ("旭陽", "kyokuyo"), ("西海", "saikai"),
    ("大和田", "owada"), ("光洋", "koyo"), ("協和", "kyowa-n"), ("共栄", "kyoei-s"), ("明星", "myojo-k"),
    ("泉", "izumi-k"), ("新星", "shinsei-x"), ("高嶺", "takane"), ("桜川", "sakuragawa"), ("東雲", "shinonome"),
    ("丸辰", "marutatsu"), ("山善", "yamazen-t"), ("双葉", "futaba-m"), ("常盤", "tokiwa-s"), ("弥生", "yayoi-k"),
    ("千早", "chihaya"), ("有明", "ariake-l"), ("八雲", "yakumo"), ("玉川", "tamagawa-s"), ("北斗", "hokuto-e"),
]
CO_SUFFIX = [
    ("精工", "seiko", "製造業"), ("工業", "kogyo", "製造業"), ("電機", "denki", "製造業"), ("化成", "kasei", "製造業"),
    ("物流", "logi", "運輸・物流"), ("運輸", "unyu", "運輸・物流"), ("商事", "shoji", "卸売業"), ("産業", "sangyo", "卸売業"),
    ("食品", "foods", "食品製造"), ("建設", "kensetsu", "建設業"), ("メディカル", "medical", "医療・福祉"),
    ("ホールディングス", "hd", "持株会社"), ("システムズ", "systems", "情報通信"), ("興産", "kosan", "不動産"),
]
PREFS = [("東京都", "03"), ("神奈川県", "045"), ("埼玉県", "048"), ("愛知県", "052"), ("大阪府", "06"),
         ("静岡県", "054"), ("兵庫県", "078"), ("福岡県", "092"), ("石川県", "076"), ("広島県", "082"),
         ("千葉県", "043"), ("岐阜県", "058"), ("長野県", "026"), ("新潟県", "025")]
TITLES = [
    ("情報システム部", "部長", "A"), ("情報システム部", "課長", "A"), ("情報システム課", "主任", "B"),
    ("総務部", "部長", "A"), ("総務部 総務課", "主任", "A"), ("総務課", "係長", "A"), ("管理本部", "本部長", "A"),
    ("経営企画室", "室長", "B"), ("経営企画室", "担当", "B"), ("取締役", "CFO", "A"), ("代表取締役", "社長", "A"),
    ("DX推進室", "マネージャー", "B"), ("製造部", "課長", "C"), ("営業部", "担当", "C"), ("IT推進室", "室長", "A"),
    ("経理部", "部長", "B"),
]
EMP_BANDS = [("50-99", 75, "C"), ("100-299", 200, "A"), ("300-499", 400, "A"), ("500-999", 700, "A"),
             ("1000+", 1500, "C")]


def co_pool(rng, n):
    out, seen = [], set()
    while len(out) < n:
        p = rng.choice(CO_PREFIX)
        s = rng.choice(CO_SUFFIX)
        key = p[0] + s[0]
        if key in seen:
            continue
        seen.add(key)
        name = ("株式会社" + key) if rng.random() < 0.6 else (key + "株式会社")
        out.append(dict(name=name, core=key, domain=f"{p[1]}-{s[1]}.example.jp", industry=s[2]))
    return out


def person(rng, emails, domain, surnames=SURNAMES):
    for _ in range(50):
        sj, sr = rng.choice(surnames)
        gj, gr = rng.choice(GIVEN)
        em = f"{gr[0]}.{sr}@{domain}" if rng.random() < 0.5 else f"{sr}.{gr}@{domain}"
        if em not in emails:
            emails.add(em)
            return sj, gj, em
    raise RuntimeError("email pool exhausted")


def rand_dt_in_month(rng, y, m, biz=True):
    import calendar
    last = calendar.monthrange(y, m)[1]
    d = rng.randint(1, last)
    h = rng.randint(9, 18) if biz and rng.random() < 0.85 else rng.randint(0, 23)
    return dt.datetime(y, m, d, h, rng.randint(0, 59), rng.randint(0, 59))


def months_between(start, end):
    y, m = start
    out = []
    while (y, m) <= end:
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


# ---------------------------------------------------------------------------
# Account Engagement (Pardot) prospects, Apr-Nov 2025, exported 2025-12-01
# ---------------------------------------------------------------------------
PARDOT_EXPORT = dt.datetime(2025, 12, 1, 9, 5, 0)
PARDOT_SOURCES = [
    ("Google AdWords", "2025_検索広告_EDR"), ("Website", "Website Tracking"), ("Webinar", "2025_ウェビナー_夜間監視"),
    ("White Paper", "2025_WP_ひとり情シスEDR入門"), ("Trade Show", "2025_展示会_中堅企業セキュリティフェア"),
    ("Referral", "2025_紹介キャンペーン"), ("Facebook", "2025_SNS広告_CFO向け"),
]
IS_USERS = ["井之上 沙織", "小暮 健", "安達 美咲", "皆川 翔太"]
GRADES = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D"]


def pardot_records(seed=1101):
    rng = random.Random(seed)
    cos = co_pool(rng, 120)
    emails = set()
    weights = [28, 30, 32, 26, 22, 34, 48, 40]
    months = months_between((2025, 4), (2025, 11))
    recs = []
    for (y, m), n in zip(months, weights):
        for _ in range(n):
            c = rng.choice(cos)
            sj, gj, em = person(rng, emails, c["domain"])
            created = rand_dt_in_month(rng, y, m)
            src, camp = rng.choice(PARDOT_SOURCES)
            if m == 10 and rng.random() < 0.45:
                src, camp = "Trade Show", "2025_展示会_中堅企業セキュリティフェア"
            dept, title, tgrade = rng.choice(TITLES)
            band, emp, egrade = rng.choice(EMP_BANDS)
            if egrade == "C" or tgrade == "C":
                grade = rng.choice(["C+", "C", "C-", "D"])
            elif tgrade == "A":
                grade = rng.choice(["A+", "A", "A-", "B+"])
            else:
                grade = rng.choice(["B+", "B", "B-"])
            score = int(rng.triangular(0, 220, 60))
            pref, tel = rng.choice(PREFS)
            recs.append(dict(
                created=created, first=gj, last=sj, email=em, company=c["name"], industry=c["industry"],
                dept=dept, title=title, band=band, pref=pref, phone=f"{tel}-0000-{rng.randint(1000, 9999)}",
                source=src, campaign=camp, grade=grade, score=score, mql=None, sql=None, status="Prospect",
                assigned="", opted_out=1 if rng.random() < 0.04 else 0))
    recs.sort(key=lambda r: r["created"])
    for r in recs:
        grade_ok = GRADES.index(r["grade"]) <= GRADES.index("B-")
        if r["score"] >= 100 and grade_ok:
            lag = 0 if rng.random() < 0.35 else rng.randint(1, 30)
            md = (r["created"] + dt.timedelta(days=lag)).date()
            if md >= PARDOT_EXPORT.date():
                r["score"] = rng.randint(80, 99)
                continue
            r["mql"] = md
            r["status"] = "MQL"
            r["assigned"] = rng.choice(IS_USERS)
            if rng.random() < 0.42:
                sd = md + dt.timedelta(days=rng.randint(1, 15))
                if sd < PARDOT_EXPORT.date():
                    r["sql"] = sd
                    r["status"] = "SQL"
            elif rng.random() < 0.45:
                r["status"] = "Recycled"
        elif r["grade"] == "D" and rng.random() < 0.7:
            r["status"] = "Disqualified"
    # data gaps: status MQL but MQL Date never filled (status changed by hand)
    cand = [r for r in recs if r["status"] == "Prospect" and r["score"] >= 70
            and GRADES.index(r["grade"]) <= GRADES.index("B-")]
    for r in rng.sample(cand, 4):
        r["status"] = "MQL"
        r["assigned"] = rng.choice(IS_USERS)
    # free-POC applications go straight to SQL (playbook 3.2): SQL Date without MQL Date
    cand = [r for r in recs if r["status"] == "Prospect" and r["created"].month in (5, 7, 9, 10)]
    for r in rng.sample(cand, 5):
        r["source"], r["campaign"] = "Website", "無料POC申込"
        r["sql"] = (r["created"] + dt.timedelta(days=rng.randint(0, 3))).date()
        r["status"] = "SQL"
        r["assigned"] = rng.choice(IS_USERS)
        r["score"] = max(r["score"], 60)
    for i, r in enumerate(recs):
        r["id"] = 48120417 + i * 37 + rng.randint(0, 20)
        last_evt = max([r["created"]] + [dt.datetime.combine(d, dt.time(10, 0)) for d in (r["mql"], r["sql"]) if d])
        la = last_evt + dt.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 8))
        r["last_activity"] = min(la, PARDOT_EXPORT - dt.timedelta(hours=3))
        r["updated"] = min(r["last_activity"] + dt.timedelta(hours=rng.randint(0, 30)), PARDOT_EXPORT - dt.timedelta(hours=1))
    return recs


# ---------------------------------------------------------------------------
# Kairos3 leads, Apr 2024 - Mar 2025, exported 2025-04-01 (before the move to Account Engagement)
# ---------------------------------------------------------------------------
KAIROS_EXPORT = dt.datetime(2025, 4, 1, 8, 30)
KAIROS_ROUTES = ["Webフォーム（資料請求）", "Webフォーム（お問い合わせ）", "展示会", "セミナー", "ホワイトペーパー",
                 "名刺交換", "紹介", "リスティング広告"]
KAIROS_TAGS = ["展示会①", "展示会②", "WP_EDR入門", "セミナー_2024秋", "CFO向けDM", "要フォロー", ""]


def kairos_records(seed=2202):
    rng = random.Random(seed)
    cos = co_pool(rng, 110)
    emails = set()
    weights = [15, 22, 17, 16, 12, 18, 28, 20, 14, 16, 24, 18]
    months = months_between((2024, 4), (2025, 3))
    recs = []
    for (y, m), n in zip(months, weights):
        for _ in range(n):
            c = rng.choice(cos)
            sur = SURNAMES_CP932 if rng.random() < 0.07 else SURNAMES
            sj, gj, em = person(rng, emails, c["domain"], sur)
            name = c["name"]
            if rng.random() < 0.12:
                name = "㈱" + c["core"]
            dept, title, _ = rng.choice(TITLES)
            band, emp, _ = rng.choice(EMP_BANDS)
            pref, tel = rng.choice(PREFS)
            route = rng.choice(KAIROS_ROUTES)
            if m in (5, 10) and rng.random() < 0.5:
                route = "展示会"
            recs.append(dict(
                created=rand_dt_in_month(rng, y, m), company=name, dept=dept, title=title, last=sj, first=gj,
                email=em, phone=f"{tel}-0000-{rng.randint(1000, 9999)}", pref=pref, industry=c["industry"],
                emp=f"{emp}名" if rng.random() < 0.5 else band.replace("-", "〜") + "名",
                route=route, score=int(rng.triangular(0, 140, 30)), status="新規", owner="",
                tag=rng.choice(KAIROS_TAGS), mql=None, sql=None, opp=None,
                unsub="配信停止" if rng.random() < 0.05 else ""))
    recs.sort(key=lambda r: r["created"])
    for r in recs:
        if r["score"] >= 60:
            md = (r["created"] + dt.timedelta(days=0 if rng.random() < 0.3 else rng.randint(1, 35))).date()
            if md >= KAIROS_EXPORT.date():
                r["score"] = rng.randint(40, 59)
                r["status"] = "育成中"
                continue
            r["mql"], r["status"], r["owner"] = md, "MQL", rng.choice(IS_USERS)
            if rng.random() < 0.4:
                sd = md + dt.timedelta(days=rng.randint(1, 20))
                if sd < KAIROS_EXPORT.date():
                    r["sql"], r["status"] = sd, "SQL"
                    if rng.random() < 0.7:
                        od = sd + dt.timedelta(days=rng.randint(2, 12))
                        if od < KAIROS_EXPORT.date():
                            r["opp"], r["status"] = od, "商談化"
                            if rng.random() < 0.3:
                                r["status"] = "受注"
        elif r["score"] >= 25:
            r["status"] = "育成中"
        elif rng.random() < 0.15:
            r["status"] = "対象外"
    # two leads went to 商談 directly (introduced by a partner): 商談化日 without SQL認定日
    cand = [r for r in recs if r["status"] == "育成中" and r["created"].month in (6, 11)]
    for r in rng.sample(cand, 2):
        r["opp"] = (r["created"] + dt.timedelta(days=5)).date()
        r["status"] = "商談化"
        r["route"] = "紹介"
        r["owner"] = rng.choice(IS_USERS)
    for i, r in enumerate(recs):
        r["id"] = 100231 + i * 3 + rng.randint(0, 2)
        la = r["created"] + dt.timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 6))
        r["last_access"] = min(la, KAIROS_EXPORT - dt.timedelta(hours=10))
        r["updated"] = min(r["last_access"] + dt.timedelta(hours=rng.randint(1, 48)), KAIROS_EXPORT - dt.timedelta(hours=9))
    return recs


# ---------------------------------------------------------------------------
# HubSpot contacts (parent's APAC webinar portal), Feb-Oct 2025, exported 2025-11-28
# ---------------------------------------------------------------------------
HUBSPOT_EXPORT = dt.datetime(2025, 11, 28, 17, 40)
HS_SOURCES = [("Offline Sources", "WEBINAR"), ("Email Marketing", "APAC Newsletter"), ("Paid Social", "LinkedIn"),
              ("Organic Search", "google"), ("Direct Traffic", ""), ("Referrals", "partner.example.com"),
              ("Other Campaigns", "apac-webinar-2025")]
HS_OWNERS = ["Daniel Koh", "Priya Raman", "Aya Kirishima"]


def hubspot_records(seed=3303):
    rng = random.Random(seed)
    cos = co_pool(rng, 90)
    emails = set()
    weights = [12, 16, 20, 18, 15, 14, 22, 21, 22]
    months = months_between((2025, 2), (2025, 10))
    recs = []
    for (y, m), n in zip(months, weights):
        for _ in range(n):
            c = rng.choice(cos)
            sj, gj, em = person(rng, emails, c["domain"])
            dept, title, _ = rng.choice(TITLES)
            src, drill = rng.choice(HS_SOURCES)
            recs.append(dict(created=rand_dt_in_month(rng, y, m), first=gj, last=sj, email=em, company=c["name"],
                             jobtitle=f"{dept} {title}", phone=f"03-0000-{rng.randint(1000, 9999)}",
                             source=src, drill=drill, owner=rng.choice(HS_OWNERS),
                             mql=None, sql=None, opp=None, cust=None))
    recs.sort(key=lambda r: r["created"])

    def step(prev, lo, hi):
        d = prev + dt.timedelta(days=rng.randint(lo, hi), hours=rng.randint(0, 5), minutes=rng.randint(0, 59))
        return d if d < HUBSPOT_EXPORT else None

    skip_idx = set(rng.sample(range(len(recs)), 8))
    for i, r in enumerate(recs):
        if i in skip_idx:  # Lead -> SQL directly (a sales rep set the stage by hand)
            r["sql"] = step(r["created"], 1, 20)
        elif rng.random() < 0.45:
            r["mql"] = step(r["created"], 0, 25)
            if r["mql"] and rng.random() < 0.45:
                r["sql"] = step(r["mql"], 1, 14)
        if r["sql"] and rng.random() < 0.6:
            r["opp"] = step(r["sql"], 3, 20)
            if r["opp"] and rng.random() < 0.35:
                r["cust"] = step(r["opp"], 20, 75)
        stage = "Lead"
        for key, name in (("mql", "Marketing Qualified Lead"), ("sql", "Sales Qualified Lead"),
                          ("opp", "Opportunity"), ("cust", "Customer")):
            if r[key]:
                stage = name
        r["stage"] = stage
        r["lead_status"] = {"Lead": rng.choice(["New", "Attempted to Contact", "Unqualified", "Open"]),
                            "Marketing Qualified Lead": rng.choice(["Open", "In Progress", "Attempted to Contact"]),
                            "Sales Qualified Lead": rng.choice(["Connected", "In Progress"]),
                            "Opportunity": "Open Deal", "Customer": ""}[stage]
        r["id"] = 71203000000 + i * 1017 + rng.randint(0, 900)
        last = max(d for d in (r["created"], r["mql"], r["sql"], r["opp"], r["cust"]) if d)
        r["last_activity"] = min(last + dt.timedelta(days=rng.randint(0, 30)), HUBSPOT_EXPORT - dt.timedelta(hours=2))
    return recs


# ---------------------------------------------------------------------------
# Salesforce opportunities (report, Details Only), created Oct 2024 - Nov 2025, exported 2025-12-01
# ---------------------------------------------------------------------------
SF_EXPORT = dt.date(2025, 12, 1)
SF_OWNERS = ["佐久間 拓也", "長谷部 亮", "村田 恵", "吉岡 大輔", "新井 智子", "高嶋 翔", "福永 健"]
SF_SOURCES = ["Web", "Webinar", "Trade Show", "Partner", "Inside Sales", "Referral", "POC"]
SF_OPEN = [("Qualification", 20), ("Needs Analysis", 40), ("Proposal/Price Quote", 60), ("Negotiation/Review", 80)]
PLANS = [("Lite", 900), ("Standard", 1450), ("Premium", 2300)]
NEXT_STEPS = ["POC結果の報告会", "見積再提出", "稟議待ち", "役員向け説明会", "契約書レビュー", "SOC見学", ""]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def salesforce_records(seed=4404):
    rng = random.Random(seed)
    cos = co_pool(rng, 140)
    weights = [8, 9, 7, 9, 10, 12, 9, 10, 11, 8, 9, 11, 14, 13]
    months = months_between((2024, 10), (2025, 11))
    recs, used = [], set()
    for (y, m), n in zip(months, weights):
        for _ in range(n):
            c = rng.choice(cos)
            created = rand_dt_in_month(rng, y, m).date()
            if created >= SF_EXPORT:
                created = SF_EXPORT - dt.timedelta(days=3)
            ep = rng.choice([60, 80, 100, 120, 150, 180, 200, 250, 300, 350, 420, 480, 550, 640, 800])
            plan = PLANS[0] if ep < 120 and rng.random() < 0.6 else (PLANS[2] if ep >= 450 and rng.random() < 0.5 else PLANS[1])
            amount = ep * plan[1] * 12
            typ = "Existing Business" if rng.random() < 0.15 else "New Business"
            nm = f"{c['core']} - Sentinel {plan[0]} {ep}台" + ("（増設）" if typ == "Existing Business" else "")
            if nm in used:
                nm += f" {created.month}月"
            used.add(nm)
            r = dict(created=created, account=c["name"], name=nm, type=typ, source=rng.choice(SF_SOURCES),
                     owner=rng.choice(SF_OWNERS), amount=amount, next_step=rng.choice(NEXT_STEPS))
            age_limit = (SF_EXPORT - created).days
            u = rng.random()
            outcome = "won" if u < 0.33 else ("lost" if u < 0.72 else "open")
            close = created + dt.timedelta(days=rng.randint(25, 140))
            if outcome != "open" and close >= SF_EXPORT:
                outcome = "open"
            if outcome == "won":
                r.update(stage="Closed Won", prob=100, won=True, closed=True, close=close)
            elif outcome == "lost":
                r.update(stage="Closed Lost", prob=0, won=False, closed=True, close=close)
            else:
                st, p = rng.choice(SF_OPEN)
                if close < SF_EXPORT:
                    if rng.random() < 0.8:  # rep moved the expected date forward
                        close = SF_EXPORT + dt.timedelta(days=rng.randint(10, 115))
                r.update(stage=st, prob=p, won=False, closed=False, close=close)
                if rng.random() < 0.08:
                    r["amount"] = None
            r["age"] = (r["close"] - created).days if r["closed"] else age_limit
            if r["closed"]:
                r["next_step"] = ""
            recs.append(r)
    recs.sort(key=lambda r: (r["created"], r["name"]))
    for r in recs:
        r["id"] = "0065j00000" + "".join(rng.choice(B62) for _ in range(5)) + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
    return recs
