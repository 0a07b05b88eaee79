# -*- coding: utf-8 -*-
"""Per-record MA/SFA exports: Salesforce leads + opportunities, SATORI customers, BowNow leads.
Records are generated with a fixed seed; every record keeps its canonical dates (datetime.date or None)
next to the formatted row so that the answer key is computed from the data, not re-read from the file."""
import datetime as dt
import random

D = dt.date
SF_EXPORT = dt.datetime(2026, 7, 7, 9, 15)        # Salesforce + SATORI exports taken on this day
BOWNOW_EXPORT = dt.datetime(2025, 12, 26, 17, 42)  # BowNow export, just before the switch to SATORI

SF_LEADS_FILE = "CRM/Salesforce/report1783383300000.csv"      # the name Salesforce gives a CSV export
SF_OPPS_FILE = "CRM/Salesforce/SF_商談レポート_20260707.csv"    # renamed by the user
SATORI_FILE = "CRM/SATORI/satori_customers_20260707.csv"
BOWNOW_FILE = "CRM/BowNow/BowNow_リード一覧_2025年7-12月.csv"

SURNAMES = [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"),
            ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"),
            ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"), ("山口", "yamaguchi"), ("松本", "matsumoto"),
            ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"), ("斎藤", "saito"), ("清水", "shimizu"),
            ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"), ("阿部", "abe"),
            ("石川", "ishikawa"), ("山下", "yamashita"), ("中島", "nakajima"), ("前田", "maeda"), ("藤田", "fujita"),
            ("小川", "ogawa"), ("後藤", "goto"), ("岡本", "okamoto"), ("長谷川", "hasegawa"), ("村上", "murakami"),
            ("近藤", "kondo"), ("石井", "ishii"), ("坂本", "sakamoto"), ("遠藤", "endo"), ("青木", "aoki"),
            ("藤井", "fujii"), ("西村", "nishimura"), ("福田", "fukuda"), ("太田", "ota"), ("三浦", "miura"),
            ("藤原", "fujiwara"), ("岡田", "okada"), ("松田", "matsuda"), ("中川", "nakagawa"), ("原田", "harada")]
# cp932-only (NEC/IBM extension) spellings that real people type into forms
SURNAMES_EXT = [("髙橋", "takahashi"), ("山﨑", "yamazaki"), ("德永", "tokunaga"), ("髙木", "takagi")]
GIVEN = [("翔太", "shota"), ("美咲", "misaki"), ("大輔", "daisuke"), ("彩", "aya"), ("健一", "kenichi"),
         ("由美", "yumi"), ("拓也", "takuya"), ("真由美", "mayumi"), ("誠", "makoto"), ("恵", "megumi"),
         ("直樹", "naoki"), ("裕子", "yuko"), ("和也", "kazuya"), ("陽子", "yoko"), ("亮", "ryo"),
         ("麻衣", "mai"), ("浩二", "koji"), ("千尋", "chihiro"), ("隆", "takashi"), ("沙織", "saori"),
         ("健太", "kenta"), ("理恵", "rie"), ("修", "osamu"), ("奈々", "nana"), ("大樹", "daiki"),
         ("智子", "tomoko"), ("雄一", "yuichi"), ("香織", "kaori"), ("聡", "satoshi"), ("愛", "ai")]
NAME_PARTS = [("あおば", "aoba"), ("さくら", "sakura"), ("ひばり", "hibari"), ("みなと", "minato"), ("つばき", "tsubaki"),
              ("ほくと", "hokuto"), ("あさひ", "asahi"), ("わかば", "wakaba"), ("こだま", "kodama"), ("すずらん", "suzuran"),
              ("大和", "yamato"), ("富士見", "fujimi"), ("東雲", "shinonome"), ("瑞穂", "mizuho"), ("白樺", "shirakaba"),
              ("若竹", "wakatake"), ("青葉台", "aobadai"), ("北斗", "hokuto2"), ("紅葉", "momiji"), ("千歳", "chitose"),
              ("ミライ", "mirai"), ("サンライズ", "sunrise"), ("グリーン", "green"), ("スマイル", "smile"), ("ハーベスト", "harvest"),
              ("リバーサイド", "riverside"), ("オリーブ", "olive"), ("フォレスト", "forest"), ("ブルースカイ", "bluesky"), ("ルピナス", "lupinus"),
              ("丸福", "marufuku"), ("三つ星", "mitsuboshi"), ("一番星", "ichibanboshi"), ("かもめ", "kamome"), ("やまと", "yamato2"),
              ("ことぶき", "kotobuki"), ("せせらぎ", "seseragi"), ("はなまる", "hanamaru"), ("みのり", "minori"), ("たちばな", "tachibana")]
INDUSTRIES = [  # (業種 label, company-name suffixes (ja, romaji), store range)
    ("ドラッグストア", [("ドラッグ", "drug"), ("薬局", "pharmacy"), ("薬品", "yakuhin")], (20, 260)),
    ("食品スーパー", [("ストアー", "store"), ("マート", "mart"), ("フーズ", "foods")], (20, 220)),
    ("コンビニFC", [("商事", "shoji"), ("リテール", "retail")], (20, 60)),
    ("アパレル", [("ファッション", "fashion"), ("アパレル", "apparel")], (20, 180)),
    ("ホームセンター", [("ホームセンター", "homecenter"), ("ホームズ", "homes")], (20, 120)),
    ("居酒屋", [("ダイニング", "dining"), ("酒場", "sakaba")], (20, 120)),
    ("カフェ", [("珈琲", "coffee"), ("カフェ", "cafe")], (20, 90)),
    ("ファストフード", [("バーガー", "burger"), ("フードサービス", "foodservice")], (20, 300)),
    ("ファミリーレストラン", [("レストランズ", "restaurants"), ("グリル", "grill")], (30, 400)),
    ("ラーメン", [("麺業", "mengyo"), ("ラーメン", "ramen")], (20, 80)),
    ("焼肉", [("焼肉", "yakiniku"), ("ミート", "meat")], (20, 70)),
]
EXTRA_SUFFIXES = {"眼鏡": [("メガネ", "megane"), ("眼鏡店", "optical")],
                  "スポーツ用品": [("スポーツ", "sports"), ("アスレチック", "athletic")],
                  "ベーカリー": [("ベーカリー", "bakery"), ("製パン", "seipan")]}
TITLES = ["人事部 部長", "人事部 課長", "人事部", "店舗運営部 部長", "店舗運営部 マネージャー", "店舗運営部 SV",
          "経営企画部 課長", "経営企画部", "総務部", "総務部 部長", "管理本部 本部長", "代表取締役", "情報システム部", "店長"]
PREFS = ["東京都", "神奈川県", "埼玉県", "千葉県", "大阪府", "兵庫県", "京都府", "愛知県", "静岡県", "福岡県",
         "北海道", "宮城県", "広島県", "茨城県", "岡山県", "熊本県"]
IS_OWNERS = ["小林 美咲", "田村 悠人"]
FS_OWNERS = ["松本 加奈", "山口 健太", "森 由紀子", "大西 翼"]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _month_days(y, m):
    n = (D(y + (m == 12), m % 12 + 1, 1) - D(y, m, 1)).days
    return [D(y, m, d) for d in range(1, n + 1)]


def _pick_day(rng, y, m, last=None):
    days = [d for d in _month_days(y, m) if (last is None or d <= last)]
    weekdays = [d for d in days if d.weekday() < 5]
    pool = weekdays if (weekdays and rng.random() < 0.9) else days
    return rng.choice(pool)


def _time(rng):
    return dt.time(rng.choice([8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 16, 17, 18, 19, 21, 22]),
                   rng.randrange(60), rng.randrange(60))


class People:
    """Unique fictional people and companies (per file)."""

    def __init__(self, rng):
        self.rng = rng
        self.emails = set()
        self.companies = {}

    def company(self, allow_ext=False, industry=None):
        rng = self.rng
        if industry is None:
            ind, sufs, (lo, hi) = rng.choice(INDUSTRIES)
        else:
            ind, sufs, (lo, hi) = ([x for x in INDUSTRIES if x[0] == industry] or
                                   [(industry, EXTRA_SUFFIXES[industry], (20, 120))])[0]
        part, pr = rng.choice(NAME_PARTS)
        suf, sr = rng.choice(sufs)
        legal = rng.choice(["株式会社{}", "株式会社{}", "株式会社{}", "{}株式会社", "有限会社{}"])
        core = part + suf
        name = legal.format(core)
        if allow_ext and legal.startswith("株式会社") and rng.random() < 0.08:
            name = "㈱" + core                 # typed by the lead into a web form
        stores = int(round(rng.triangular(lo, hi, lo + (hi - lo) * 0.25)))
        if rng.random() < 0.07:
            stores = rng.randint(5, 19)          # too small: not an MQL target
        domain = f"{pr}-{sr}.example.jp"
        return dict(name=name, industry=ind, stores=stores, domain=domain)

    def person(self, comp, allow_ext=False):
        rng = self.rng
        while True:
            if allow_ext and rng.random() < 0.04:
                sn, sr = rng.choice(SURNAMES_EXT)
            else:
                sn, sr = rng.choice(SURNAMES)
            gn, gr = rng.choice(GIVEN)
            local = rng.choice([f"{gr[0]}.{sr}", f"{sr}.{gr}", f"{sr}", f"{gr}.{sr}", f"{sr}{rng.randint(1, 99)}"])
            email = f"{local}@{comp['domain']}"
            if email not in self.emails:
                self.emails.add(email)
                return dict(sn=sn, gn=gn, email=email)

    def phone(self, mobile=False):
        return (f"090-0000-{self.rng.randint(0, 9999):04d}" if mobile
                else f"03-0000-{self.rng.randint(0, 9999):04d}")


def _sfid(rng, prefix):
    return prefix + "".join(rng.choice(B62) for _ in range(12))


def _plus_days(d, n):
    return d + dt.timedelta(days=n)


# =============================================================================================
# One simulated funnel.  BowNow (Jul–Dec 2025) and SATORI (from 2026-01-05) hold the leads; Salesforce gets
#   * Oct–Dec 2025: BowNow leads typed in by IS when they became MQL (作成日 = MQL day; MQL日 sometimes forgotten)
#   * Jan–Feb 2026: every SATORI customer (the sync was misconfigured to "all", fixed end of February)
#   * from Mar 2026: SATORI customers when they become MQL
#   * partner referrals entered by FS (no MQL stage)
# SQL = converted lead (取引開始日); each SQL creates an opportunity on that day.
# The opportunities report covers 作成日 >= 2025-07-01 (Jul–Sep opportunities come from SQLs of leads that are
# older than the leads report).  Opportunities close 21–90 days after creation.
# =============================================================================================
LAST = SF_EXPORT.date() - dt.timedelta(days=1)     # last day with data in the July exports
BOWNOW_LAST = BOWNOW_EXPORT.date()
SF_LEADS_FROM = D(2025, 10, 1)
SF_OPPS_FROM = D(2025, 7, 1)
SATORI_START = D(2026, 1, 5)
SYNC_FIX = D(2026, 3, 1)

# origin -> (Salesforce リードソース, SATORI 流入元, BowNow 流入元, MQL probability)
ORIGINS = {
    "doc_dl": ("資料ダウンロード", "自然検索", "自然検索", 0.42),
    "ads": ("リスティング広告", "広告", "広告", 0.30),
    "sns": ("SNS広告", "SNS", "広告", 0.18),
    "webinar": ("ウェビナー", "メール", "メール", 0.45),
    "site": ("Web問い合わせ", "外部サイト", "参照サイト", 0.35),
    "direct": ("Web問い合わせ", "直接", "直接流入", 0.40),
    "expo": ("展示会", "展示会（名刺）", "展示会", 0.30),
}
ORIGIN_POOL = ["doc_dl", "doc_dl", "doc_dl", "ads", "ads", "sns", "webinar", "webinar", "site", "direct"]
MQL_DELAYS = [0, 0, 0, 1, 2, 3, 5, 8, 12, 20, 30, 41]

BOWNOW_MONTHS = [((2025, 7), 44), ((2025, 8), 38), ((2025, 9), 47), ((2025, 10), 38), ((2025, 11), 51),
                 ((2025, 12), 40)]
BOWNOW_EXPO = (D(2025, 10, 15), D(2025, 10, 17), 35)          # 関西の流通展: cards entered during the show
SATORI_MONTHS = [((2026, 1), 48), ((2026, 2), 54), ((2026, 3), 46), ((2026, 4), 42), ((2026, 5), 40),
                 ((2026, 6), 47)]
SATORI_EXPO = (D(2026, 5, 27), D(2026, 5, 29), 118, 31)        # 店舗DX EXPO 2026: cards, of which booth-demo viewers
MQL_DATE_AUTOMATION = D(2026, 1, 20)   # SATORI custom field MQL認定日 is filled automatically from this day on
HALF_KANA_COMPANIES = [("ｶﾌｪ ｱｻﾋ", "カフェ", "cafe-asahi.example.jp"), ("ﾄﾞﾗｯｸﾞ ﾐﾅﾄ", "ドラッグストア", "drug-minato.example.jp")]
SATORI_TAGS = ["資料DL_人件費WP", "資料DL_製品資料", "ウェビナー202602", "ウェビナー202603", "ウェビナー202604",
               "ウェビナー202605", "ウェビナー202606", "料金ページ", "IS_アポ", "メルマガ"]
PARTNER_LEADS = 12
HIDDEN_SQL_JUL_SEP = {(2025, 7): 6, (2025, 8): 5, (2025, 9): 7}
EXPANSIONS = 14
SF_STAGES_OPEN = [("01_ヒアリング", 10), ("02_デモ・提案", 30), ("03_見積提示", 50), ("04_稟議・最終交渉", 70)]
# won deals of Jul–Sep 2025 from opportunities created before July (not in the report; only the KPI sheet has them)
HIDDEN_WON_BEFORE_REPORT = {(2025, 7): [8420000, 12960000, 5310000], (2025, 8): [9870000], (2025, 9): [6150000]}
COMPETITOR_TALLY = {"won": {"シフトマスターNEO": 5, "タイムカードワン": 4},       # closed Oct 2025 – Mar 2026
                    "lost": {"シフトマスターNEO": 8, "タイムカードワン": 3}}


def _days(a, b):
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def _mql_event(rng, comp, origin, created, cap, boost=0.0):
    if comp["stores"] < 20 or rng.random() >= ORIGINS[origin][3] + boost:
        return None
    d = _plus_days(created, rng.choice(MQL_DELAYS))
    return d if d <= cap else None


def _ma_record(rng, ppl, created, origin, cap, allow_ext, boost=0.0):
    comp = ppl.company(allow_ext=allow_ext)
    per = ppl.person(comp, allow_ext=allow_ext)
    created_dt = dt.datetime.combine(created, _time(rng))
    return dict(comp=comp, per=per, origin=origin, created=created, created_dt=created_dt,
                title=rng.choice(TITLES), pref=rng.choice(PREFS),
                mql_event=_mql_event(rng, comp, origin, created, cap, boost))


def build_world(seed=7):
    rng = random.Random(seed)
    ppl = People(rng)

    # ---------------- BowNow
    bow = []
    for (y, m), n in BOWNOW_MONTHS:
        for _ in range(n):
            created = _pick_day(rng, y, m, BOWNOW_LAST)
            bow.append(_ma_record(rng, ppl, created, rng.choice(ORIGIN_POOL), BOWNOW_LAST, False))
    a, b, n = BOWNOW_EXPO
    for _ in range(n):
        bow.append(_ma_record(rng, ppl, rng.choice(_days(a, b)), "expo", BOWNOW_LAST, False))
    bow.sort(key=lambda r: r["created_dt"])
    lid = 3000
    for r in bow:
        lid += rng.randint(1, 9)
        r["id"] = lid
        if r["comp"]["stores"] < 20:
            r["status"] = "対象外"
        elif r["mql_event"]:
            r["status"] = rng.choice(["アポ獲得", "商談化", "商談化", "受注", "失注", "アプローチ中"])
        else:
            r["status"] = rng.choice(["新規", "新規", "アプローチ中", "アプローチ中", "対象外"])
        r["group"] = BOWNOW_GROUP_OF[r["comp"]["industry"]] if rng.random() < 0.9 else "未分類"
        r["owner"] = rng.choice(["小林 美咲", "田村 悠人", ""])
        r["tags"] = ",".join(sorted(set(rng.sample(["資料DL", "ウェビナー", "料金", "メルマガ"], rng.choice([0, 1, 1, 2])))
                                    | ({"展示会2025"} if r["origin"] == "expo" else set())))
        r["mail"] = rng.choice(["配信する", "配信する", "配信しない"])
        upd = r["created_dt"] + dt.timedelta(days=rng.randint(0, max(0, (BOWNOW_LAST - r["created"]).days)),
                                             minutes=rng.randint(1, 300))
        if upd > BOWNOW_EXPORT:
            upd = BOWNOW_EXPORT - dt.timedelta(minutes=rng.randint(5, 600))
        r["updated"] = max(upd, r["created_dt"])
        r["sess"] = rng.randint(1, 40)
        r["sess30"] = rng.randint(0, min(r["sess"], 6))
        r["pv"] = r["sess"] * rng.randint(1, 6)
        r["pv30"] = r["sess30"] * rng.randint(1, 4)
        r["cv"] = rng.randint(1, 4) if ("資料DL" in r["tags"] or r["origin"] == "doc_dl") else rng.randint(0, 2)
        r["cv30"] = min(r["cv"], rng.randint(0, 1))
        r["phone"] = ppl.phone()
        r["mobile"] = ppl.phone(True) if rng.random() < 0.4 else ""

    # ---------------- SATORI
    sat = []
    for (y, m), n in SATORI_MONTHS:
        for _ in range(n):
            while True:
                created = _pick_day(rng, y, m, LAST)
                if created >= SATORI_START:
                    break
            sat.append(_ma_record(rng, ppl, created, rng.choice(ORIGIN_POOL), LAST, True))
    a, b, n, demo = SATORI_EXPO
    for i in range(n):
        r = _ma_record(rng, ppl, rng.choice(_days(a, b)), "expo", LAST, True, boost=(0.45 if i < demo else 0.0))
        r["booth_demo"] = i < demo
        sat.append(r)
    sat.sort(key=lambda r: r["created_dt"])
    cid = 100000
    for i, r in enumerate(sat):
        cid += rng.randint(1, 40)
        r["id"] = cid
        score = rng.randint(60, 140) if r["mql_event"] else rng.randint(0, 55)
        r["score"] = score
        r["mql_field"] = r["mql_event"] if (r["mql_event"] and r["mql_event"] >= MQL_DATE_AUTOMATION) else None
        acc = r["created_dt"] + dt.timedelta(days=rng.randint(0, max(0, (LAST - r["created"]).days)),
                                             minutes=rng.randint(0, 600))
        r["access"] = min(acc, dt.datetime.combine(LAST, dt.time(20, 11)))
        lo, hi = f"{r['created']:%Y%m}", f"{r['access']:%Y%m}"
        pool = [t for t in SATORI_TAGS if not t.startswith("ウェビナー") or lo <= t[-6:] <= hi]
        tags = set(rng.sample(pool, rng.choice([0, 1, 1, 2, 3])))
        if r["origin"] == "expo":
            tags.add("EXPO2026")
            if r.get("booth_demo"):
                tags.add("EXPO2026_デモ視聴")
        r["tags"] = sorted(tags)
        r["mail"] = rng.choice(["許可", "許可", "許可", "拒否"])
        r["phone"] = ppl.phone(mobile=rng.random() < 0.3)
    # two people typed their company in half-width katakana
    for (name, ind, dom), r in zip(HALF_KANA_COMPANIES,
                                   [[x for x in sat if x["comp"]["industry"] == ind][k] for _, ind, _, k in
                                    [(None, "カフェ", None, 3), (None, "ドラッグストア", None, 9)]]):
        r["comp"] = dict(r["comp"], name=name, domain=dom)
        r["per"] = dict(r["per"], email=r["per"]["email"].split("@")[0] + "@" + dom)

    # ---------------- Salesforce leads
    leads = []

    def add_lead(src_rec, created, mql, src, manual=False):
        leads.append(dict(ma=src_rec, comp=src_rec["comp"], per=src_rec["per"], title=src_rec["title"],
                          pref=src_rec["pref"], src=src, created=created, mql=mql, true_mql=mql, manual=manual,
                          phone=src_rec.get("phone") or ppl.phone()))

    for r in bow:
        if r["mql_event"] and r["mql_event"] >= SF_LEADS_FROM:
            add_lead(r, r["mql_event"], r["mql_event"], ORIGINS[r["origin"]][0], manual=True)
    for r in sat:
        if r["created"] < SYNC_FIX:
            add_lead(r, r["created"], r["mql_event"], "SATORI連携")
        elif r["mql_event"]:
            add_lead(r, r["mql_event"], r["mql_event"], "SATORI連携")
    ppl_p = People(rng)
    months = [(2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3), (2026, 4), (2026, 5), (2026, 6)]
    for k in range(PARTNER_LEADS):
        y, m = months[k * len(months) // PARTNER_LEADS]
        rec = _ma_record(rng, ppl_p, _pick_day(rng, y, m, LAST), "site", LAST, False)
        if rec["comp"]["stores"] < 20:
            rec["comp"]["stores"] += 20
        add_lead(rec, rec["created"], None, "パートナー紹介", manual=True)
    # IS forgot the custom MQL日 on a few hand-entered BowNow-era leads (the date counts nowhere)
    manual_mql = [l for l in leads if l["manual"] and l["mql"]]
    for l in rng.sample(manual_mql, 4):
        l["mql"] = None
        l["mql_blank"] = True
    # SQL
    for l in leads:
        base = l["true_mql"] or (l["created"] if l["src"] == "パートナー紹介" else None)
        l["sql"] = None
        if base is None:
            continue
        p = 0.8 if l["src"] == "パートナー紹介" else 0.40
        if rng.random() < p:
            d = _plus_days(base, rng.randint(1, 16) if l["true_mql"] else rng.randint(0, 6))
            l["sql"] = d if d <= LAST else None
    for l in leads:
        if l["sql"]:
            l["status"] = "取引開始"
        elif l.get("mql_blank"):
            l["status"] = "MQL"
        elif l["true_mql"] and l["true_mql"] <= LAST:
            l["status"] = rng.choice(["MQL", "IS対応中", "IS対応中", "ナーチャリング", "ナーチャリング", "対象外"])
        elif l["comp"]["stores"] < 20:
            l["status"] = "対象外"
        else:
            l["status"] = rng.choice(["新規", "新規", "ナーチャリング", "ナーチャリング", "ナーチャリング", "対象外"])
        if l["mql"] and l["mql"] > LAST:
            l["mql"] = None
        l["owner"] = rng.choice(IS_OWNERS)
    leads.sort(key=lambda l: (l["created"], l["per"]["email"]))
    for l in leads:
        l["id"] = _sfid(rng, "00Q")
    # one partner lead whose surname is outside Shift_JIS: Salesforce writes '?' for it in a cp932 export
    partner = [l for l in leads if l["src"] == "パートナー紹介"]
    partner[3]["per"] = dict(partner[3]["per"], sn="\U00020BB7田")   # 𠮷田 -> "?田"

    # ---------------- opportunities
    opps = []
    ppl_o = People(rng)
    for (y, m), n in HIDDEN_SQL_JUL_SEP.items():
        for _ in range(n):
            rec = _ma_record(rng, ppl_o, _pick_day(rng, y, m), "doc_dl", LAST, False)
            if rec["comp"]["stores"] < 20:
                rec["comp"]["stores"] += 20
            opps.append(_opp(rng, rec["comp"], rec["created"], ORIGINS[rng.choice(ORIGIN_POOL)][0], "新規"))
    for l in leads:
        if l["sql"]:
            opps.append(_opp(rng, l["comp"], l["sql"], l["src"], "新規"))
    all_months = [(2025, 7), (2025, 8), (2025, 9)] + months
    for k in range(EXPANSIONS):
        comp = ppl_o.company()
        comp["stores"] = rng.randint(5, 40)
        y, m = all_months[k * len(all_months) // EXPANSIONS]
        opps.append(_opp(rng, comp, _pick_day(rng, y, m, LAST), "既存顧客", "既存拡大"))
    opps.sort(key=lambda o: (o["created"], o["name"]))
    for o in opps:
        o["id"] = _sfid(rng, "006")
        o["competitor"] = ""
    # competitor field on closed new-business deals of Oct 2025 – Mar 2026 (tallied in the competitor deck)
    h2 = [o for o in opps if o["is_closed"] and o["kind"] == "新規" and D(2025, 10, 1) <= o["close"] <= D(2026, 3, 31)]
    for outcome, tally in COMPETITOR_TALLY.items():
        pool = [o for o in h2 if o["is_won"] == (outcome == "won")]
        need = sum(tally.values())
        assert len(pool) >= need + 2, (outcome, len(pool), need)
        pick = rng.sample(pool, need + 2)
        k = 0
        for comp_name, c in tally.items():
            for _ in range(c):
                pick[k]["competitor"] = comp_name
                k += 1
        for o in pick[k:]:
            o["competitor"] = "その他"
    return dict(bow=bow, sat=sat, leads=leads, opps=opps)


def _opp(rng, comp, created, src, kind):
    plan, price = rng.choice([("ライト", 220), ("スタンダード", 380), ("スタンダード", 380), ("プロ", 520), ("プロ", 520)])
    stores = comp["stores"]
    staff = stores * rng.randint(14, 32)
    if kind == "新規":
        init = 300000 if stores <= 50 else 300000 + (stores - 50) * 4000
        amount = staff * price * 12 + init
    else:
        amount = staff * price * 12
    amount = int(round(amount, -3))
    close = _plus_days(created, rng.randint(21, 90))
    if close <= LAST:
        r = rng.random()
        if r < 0.40:
            stage, prob, is_closed, is_won = "成立", 100, True, True
        elif r < 0.93:
            stage, prob, is_closed, is_won = "不成立", 0, True, False
        else:  # stale: the expected close date has passed but the deal is still open
            stage, prob = rng.choice(SF_STAGES_OPEN[1:])
            is_closed, is_won = False, False
    else:
        stage, prob = rng.choice(SF_STAGES_OPEN)
        is_closed, is_won = False, False
    name = f"{comp['name']}_ハニカム勤怠{plan}_{stores}店舗" if kind == "新規" else f"{comp['name']}_店舗追加{stores}店舗"
    return dict(owner=rng.choice(FS_OWNERS), comp=comp, name=name, kind=kind, stage=stage, amount=amount,
                prob=prob, close=close, created=created, src=src, is_closed=is_closed, is_won=is_won)


# =============================================================================================
# rows as the tools write them
# =============================================================================================
def _d(d):
    return "" if d is None else f"{d.year}/{d.month:02d}/{d.day:02d}"


def _dtm(x):
    return f"{x.year}/{x.month:02d}/{x.day:02d} {x.hour:02d}:{x.minute:02d}"


def _iso(x):
    return f"{x.year}-{x.month:02d}-{x.day:02d} {x.hour:02d}:{x.minute:02d}:{x.second:02d}"


SF_LEAD_HEADER = ["リード所有者", "姓", "名", "会社名", "役職", "メール", "電話", "都道府県", "業種", "店舗数",
                  "リードソース", "状況", "作成日", "MQL日", "取引開始済み", "取引開始日", "リード ID"]
SF_OPP_HEADER = ["商談所有者", "取引先名", "商談名", "種別", "フェーズ", "金額", "確度 (%)", "完了予定日", "作成日",
                 "リードソース", "競合", "完了", "成立", "商談 ID"]


def sf_lead_rows(leads):
    rows = [SF_LEAD_HEADER]
    for l in leads:
        rows.append([l["owner"], l["per"]["sn"], l["per"]["gn"], l["comp"]["name"], l["title"], l["per"]["email"],
                     l["phone"], l["pref"], l["comp"]["industry"], str(l["comp"]["stores"]), l["src"], l["status"],
                     _d(l["created"]), _d(l["mql"]), "1" if l["sql"] else "0", _d(l["sql"]), l["id"]])
    return rows


def sf_opp_rows(opps):
    rows = [SF_OPP_HEADER]
    for o in opps:
        rows.append([o["owner"], o["comp"]["name"], o["name"], o["kind"], o["stage"], str(o["amount"]), str(o["prob"]),
                     _d(o["close"]), _d(o["created"]), o["src"], o["competitor"], "1" if o["is_closed"] else "0",
                     "1" if o["is_won"] else "0", o["id"]])
    return rows


def sf_footer(report_name, when):
    return ["", report_name,
            "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.",
            "Confidential Information - Do Not Distribute",
            f"作成者:  中村 彩  {when.year}/{when.month:02d}/{when.day:02d} {when.hour}:{when.minute:02d}",
            "株式会社ミツバチHR"]


SATORI_HEADER = ["カスタマーID", "苗字", "名前", "会社名", "部署", "役職", "メールアドレス", "電話番号", "都道府県",
                 "流入元", "スコア", "タグ", "作成日時", "最終アクセス日時", "メール配信", "業態", "店舗数", "MQL認定日"]


def satori_rows(recs):
    rows = [SATORI_HEADER]
    for r in recs:
        dept, _, title = r["title"].partition(" ")
        rows.append([str(r["id"]), r["per"]["sn"], r["per"]["gn"], r["comp"]["name"], dept, title, r["per"]["email"],
                     r["phone"], r["pref"], ORIGINS[r["origin"]][1], str(r["score"]), ",".join(r["tags"]),
                     _dtm(r["created_dt"]), _dtm(r["access"]), r["mail"], r["comp"]["industry"],
                     str(r["comp"]["stores"]), _d(r["mql_field"])])
    return rows


BOWNOW_GROUP_OF = {"ドラッグストア": "小売", "食品スーパー": "小売", "コンビニFC": "小売", "アパレル": "小売",
                   "ホームセンター": "小売", "居酒屋": "飲食", "カフェ": "飲食", "ファストフード": "飲食",
                   "ファミリーレストラン": "飲食", "ラーメン": "飲食", "焼肉": "飲食"}
BOWNOW_HEADER = ["リードID", "会社・組織名", "部署名", "役職", "氏名", "姓", "名", "メールアドレス", "電話番号",
                 "携帯電話番号", "FAX番号", "郵便番号", "都道府県", "市区町村", "番地", "建物名", "URL", "業種",
                 "従業員数", "ステータス", "グループ", "担当者", "タグ", "メール配信", "流入元", "最終アクセス日時",
                 "登録日時", "更新日時", "セッション数（累計）", "セッション数（30日）", "PV数（累計）", "PV数（30日）",
                 "CV数（累計）", "CV数（30日）", "店舗数（自由項目）", "業態（自由項目）"]
CITIES = {"東京都": "千代田区", "神奈川県": "横浜市西区", "埼玉県": "さいたま市大宮区", "千葉県": "千葉市中央区",
          "大阪府": "大阪市北区", "兵庫県": "神戸市中央区", "京都府": "京都市下京区", "愛知県": "名古屋市中村区",
          "静岡県": "静岡市葵区", "福岡県": "福岡市博多区", "北海道": "札幌市中央区", "宮城県": "仙台市青葉区",
          "広島県": "広島市中区", "茨城県": "水戸市", "岡山県": "岡山市北区", "熊本県": "熊本市中央区"}


def bownow_rows(recs):
    pre = [["検索条件"], ["登録日時", "2025/07/01 00:00 〜 2025/12/31 23:59"], ["ステータス", "すべて"],
           ["グループ", "すべて"], ["タグ", "指定なし"], ["出力件数", str(len(recs))], []]
    rows = [BOWNOW_HEADER]
    for r in recs:
        dept, _, title = r["title"].partition(" ")
        rows.append([str(r["id"]), r["comp"]["name"], dept, title, f"{r['per']['sn']} {r['per']['gn']}", r["per"]["sn"],
                     r["per"]["gn"], r["per"]["email"], r["phone"], r["mobile"], "", "", r["pref"], CITIES[r["pref"]],
                     "", "", "https://www." + r["comp"]["domain"] + "/", r["comp"]["industry"], "", r["status"],
                     r["group"], r["owner"], r["tags"], r["mail"], ORIGINS[r["origin"]][2], _iso(r["updated"]),
                     _iso(r["created_dt"]), _iso(r["updated"]), str(r["sess"]), str(r["sess30"]), str(r["pv"]),
                     str(r["pv30"]), str(r["cv"]), str(r["cv30"]), str(r["comp"]["stores"]), r["comp"]["industry"]])
    return pre, rows


# =============================================================================================
# answer key (event-month rule) and the numbers other files quote
# =============================================================================================
def _ym(d):
    return f"{d.year}-{d.month:02d}"


def _count(dates):
    out = {}
    for d in dates:
        if d is not None:
            out[_ym(d)] = out.get(_ym(d), 0) + 1
    return out


def crm_months(w):
    """[(file, tool, {metric: {month: value}})] -- computed from the records as written in the files."""
    leads, opps, sat, bow = w["leads"], w["opps"], w["sat"], w["bow"]
    rev = {}
    for o in opps:
        if o["is_won"]:
            rev[_ym(o["close"])] = rev.get(_ym(o["close"]), 0) + o["amount"]
    return [
        (SF_LEADS_FILE, "salesforce", {"leads": _count(l["created"] for l in leads),
                                       "mql": _count(l["mql"] for l in leads),
                                       "sql": _count(l["sql"] for l in leads)}),
        (SF_OPPS_FILE, "salesforce", {"opportunities": _count(o["created"] for o in opps),
                                      "won": _count(o["close"] for o in opps if o["is_won"]),
                                      "revenue": rev}),
        (SATORI_FILE, "satori", {"leads": _count(r["created"] for r in sat),
                                 "mql": _count(r["mql_field"] for r in sat)}),
        (BOWNOW_FILE, "bownow", {"leads": _count(r["created"] for r in bow)}),
    ]


def true_counts(w):
    """What marketing itself counts per month (used for the KPI sheet and the minutes)."""
    leads, opps, sat, bow = w["leads"], w["opps"], w["sat"], w["bow"]
    rev = {}
    for o in opps:
        if o["is_won"]:
            rev[_ym(o["close"])] = rev.get(_ym(o["close"]), 0) + o["amount"]
    lead_m = _count(r["created"] for r in bow)
    for k, v in _count(r["created"] for r in sat).items():
        lead_m[k] = lead_m.get(k, 0) + v
    mql_m = _count(r["mql_event"] for r in bow)
    for k, v in _count(r["mql_event"] for r in sat).items():
        mql_m[k] = mql_m.get(k, 0) + v
    sql_m = _count(o["created"] for o in opps if o["kind"] == "新規")   # one SQL per new-business opportunity
    return dict(leads=lead_m, mql=mql_m, sql=sql_m, opportunities=_count(o["created"] for o in opps),
                won=_count(o["close"] for o in opps if o["is_won"]), revenue=rev,
                h2_won=sum(1 for o in opps if o["is_won"] and D(2025, 10, 1) <= o["close"] <= D(2026, 3, 31)),
                h2_lost=sum(1 for o in opps if o["is_closed"] and not o["is_won"]
                            and D(2025, 10, 1) <= o["close"] <= D(2026, 3, 31)))
