# -*- coding: utf-8 -*-
"""Fictional people and company names for 株式会社トキワセンス's CRM exports.
All names are invented; e-mail domains are example.jp / example.com."""

SURNAMES = [
    ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"),
    ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"),
    ("吉田", "yoshida"), ("山田", "yamada"), ("佐々木", "sasaki"), ("山口", "yamaguchi"), ("松本", "matsumoto"),
    ("井上", "inoue"), ("木村", "kimura"), ("林", "hayashi"), ("斎藤", "saito"), ("清水", "shimizu"),
    ("山崎", "yamazaki"), ("森", "mori"), ("池田", "ikeda"), ("橋本", "hashimoto"), ("阿部", "abe"),
    ("石川", "ishikawa"), ("前田", "maeda"), ("藤田", "fujita"), ("小川", "ogawa"), ("岡田", "okada"),
    ("後藤", "goto"), ("長谷川", "hasegawa"), ("近藤", "kondo"), ("坂本", "sakamoto"), ("遠藤", "endo"),
    ("青木", "aoki"), ("藤井", "fujii"), ("西村", "nishimura"), ("福田", "fukuda"), ("太田", "ota"),
    ("三浦", "miura"), ("藤原", "fujiwara"), ("岡本", "okamoto"), ("松田", "matsuda"), ("中川", "nakagawa"),
    ("原田", "harada"), ("小野", "ono"), ("竹内", "takeuchi"), ("金子", "kaneko"), ("和田", "wada"),
    ("中野", "nakano"), ("原", "hara"), ("田村", "tamura"), ("安藤", "ando"), ("河野", "kono"),
    ("上田", "ueda"), ("大野", "ono"), ("丸山", "maruyama"), ("今井", "imai"), ("高木", "takagi"),
]
# cp932-only variants (IBM/NEC extension characters) used in the kintone export
SURNAMES_CP932 = [("髙橋", "takahashi"), ("山﨑", "yamazaki"), ("髙木", "takagi"), ("德永", "tokunaga")]

GIVEN = [
    ("大輔", "daisuke"), ("健太", "kenta"), ("翔太", "shota"), ("拓也", "takuya"), ("直樹", "naoki"),
    ("和也", "kazuya"), ("誠", "makoto"), ("浩二", "koji"), ("隆", "takashi"), ("剛", "tsuyoshi"),
    ("美咲", "misaki"), ("陽子", "yoko"), ("真由美", "mayumi"), ("彩", "aya"), ("恵", "megumi"),
    ("優子", "yuko"), ("智子", "tomoko"), ("亮", "ryo"), ("聡", "satoshi"), ("学", "manabu"),
    ("修", "osamu"), ("千尋", "chihiro"), ("さくら", "sakura"), ("雄一", "yuichi"), ("健一", "kenichi"),
    ("博之", "hiroyuki"), ("康弘", "yasuhiro"), ("信也", "shinya"), ("麻衣", "mai"), ("由紀", "yuki"),
    ("洋平", "yohei"), ("俊介", "shunsuke"), ("泰子", "yasuko"), ("明美", "akemi"), ("達也", "tatsuya"),
]

# (kanji prefix, romaji)
COMPANY_PREFIX = [
    ("朝霧", "asagiri"), ("白樺", "shirakaba"), ("青嵐", "seiran"), ("早瀬", "hayase"), ("東雲", "shinonome"),
    ("若葉台", "wakabadai"), ("紫峰", "shiho"), ("北辰", "hokushin"), ("千歳川", "chitosegawa"), ("葵野", "aoino"),
    ("錦織", "nishikiori"), ("日向台", "hyugadai"), ("伊吹野", "ibukino"), ("玄海", "genkai"), ("穂高野", "hotakano"),
    ("柊", "hiiragi"), ("楓原", "kaedehara"), ("桔梗", "kikyo"), ("真砂", "masago"), ("清流", "seiryu"),
    ("飛鳥野", "asukano"), ("桜丘", "sakuragaoka"), ("藤ノ木", "fujinoki"), ("三州", "sanshu"), ("浅葱", "asagi"),
    ("翠嶺", "suirei"), ("紅葉台", "momijidai"), ("白鷺", "shirasagi"), ("夕凪", "yunagi"), ("湊川", "minatogawa"),
    ("岬", "misaki"), ("鶴見台", "tsurumidai"), ("明星", "myojo"), ("琴平", "kotohira"), ("雲雀", "hibari"),
    ("霞台", "kasumidai"), ("松風", "matsukaze"), ("若潮", "wakashio"), ("光陽", "koyo"), ("泉北台", "senbokudai"),
]
# (suffix, romaji, 業種)
COMPANY_SUFFIX = [
    ("精工", "seiko", "自動車部品"), ("プレス工業", "press", "自動車部品"), ("化成", "kasei", "化学"),
    ("樹脂工業", "jushi", "樹脂成形"), ("電子", "denshi", "電子部品"), ("食品", "foods", "食品"),
    ("製菓", "seika", "食品"), ("金属", "kinzoku", "金属加工"), ("鋳工", "chuko", "金属加工"),
    ("製紙", "seishi", "紙・パルプ"), ("機械製作所", "kikai", "産業機械"), ("ゴム工業", "rubber", "ゴム製品"),
    ("薬品工業", "yakuhin", "化学"), ("電機", "denki", "電気機器"), ("鍛造", "tanzo", "金属加工"),
]

TITLES = ["工場長", "副工場長", "生産技術課長", "生産技術課 主任", "保全課長", "保全係長", "製造部長",
          "情報システム部長", "情報システム課 課長代理", "設備管理課長", "品質保証部 課長", "DX推進室 室長",
          "生産管理課 主任", "工務課長", "経営企画部 マネージャー"]
TITLES_EN_MARKETO = TITLES  # Marketo export keeps Japanese job titles as typed by the leads

SALES_REPS = ["石井 隆之", "高田 美穂", "北村 拓真", "宮本 翔", "小島 玲奈", "野口 健司", "桑原 大地"]
IS_REPS = ["川端 亜紀", "安藤 悠", "石原 舞"]
