"""The words of KPI questions, Japanese and English: metrics, wrappers, operations, comparisons.

This is a grammar's vocabulary, not a list of questions: each pattern names one concept the
way directors write it (「MQL→SQL」「MQLからSQL」「SQL化率」, "MQL-to-SQL", "MQL to SQL rate"),
and the parser (``parse``) combines concepts by position.  Patterns run on folded text (NFKC,
lower case), so ＭＱＬ, Ｍｑｌ and mql are one word.
"""

from __future__ import annotations

import re

_TO = r"\s*(?:→|->|⇒|から|to|-to-|/|>)\s*"
_ARROW_WON = r"(?:受注|成約|won|wins?|deals?|closed?(?:-won)?|close)"

# Computed metrics before base figures: 「MQL→SQL率」 must not read as MQL and SQL.
METRIC_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("lead_to_won", rf"(?:リード|leads?){_TO}{_ARROW_WON}(?:率|rate|conversion)?"),
        ("lead_to_mql", rf"(?:リード|leads?){_TO}mqls?(?:化|転換|移行)?(?:率|rate)?|mql化率"),
        (
            "mql_to_sql",
            rf"mqls?{_TO}sqls?(?:化|転換|移行)?(?:率|rate|conversion)?|sql化率|sql転換率",
        ),
        (
            "sql_to_won",
            rf"sqls?{_TO}{_ARROW_WON}(?:率|rate|conversion)?|受注率|成約率|win\s*rate|close\s*rate",
        ),
        ("cost_per_mql", r"mql単価|mql獲得単価|cost[\s-]+per[\s-]+mql"),
        ("cost_per_sql", r"sql単価|sql獲得単価|cost[\s-]+per[\s-]+sql"),
        (
            "cac",
            r"\bcac\b|cac(?=[^a-z]|$)|顧客獲得単価|顧客獲得コスト|受注獲得単価"
            r"|cost[\s-]+per[\s-]+(?:deal|win|acquisition|customer|closed)|customer\s+acquisition\s+cost",
        ),
        ("cpl", r"cpl|リード(?:獲得)?単価|cost[\s-]+per[\s-]+lead"),
        (
            "roi",
            r"roi|roas|投資対効果|費用対効果|return\s+on\s+(?:marketing\s+)?(?:investment|spend)",
        ),
        (
            "revenue",
            r"売上(?:高|金額|額)?|受注金額|受注額|成約金額|revenue|bookings|sales\s+amount",
        ),
        (
            "spend",
            r"広告宣伝費|広告費|販促費|マーケ(?:ティング)?(?:費用|費|予算|コスト)|宣伝費"
            r"|(?:ad|advertising|marketing|media|paid)\s+(?:spend|cost|costs|budget)"
            r"|(?:spend|spent|spending)\s+on\s+(?:advertising|ads|marketing|media)|\bspend\b"
            r"|(?:spend|spent|spending)\s+on\s+(?:advertising|ads|marketing|media)|\bspent\b|\bspending\b",
        ),
        ("opportunities", r"商談(?:数|件数)?(?!化)|opportunit(?:y|ies)|\bopps?\b"),
        (
            "won",
            r"受注(?:数|件数|した件数)?|成約(?:数|件数)?|(?:closed[- ]?)?won\s+deals?|deals?\s+won"
            r"|closed[- ]won(?!\s+(?:revenue|amount|value|bookings|sales))|\bwins\b|\bwon\b(?!\s+(?:revenue|amount|value))|new\s+(?:deals|customers)",
        ),
        ("won", r"\bdeals?\b(?!\s+(?:pipeline|value|size|amount|stage))|\bclosed\b(?=\s+\d)"),
        ("sql", r"sqls?(?:数|件数)?"),
        ("mql", r"mqls?(?:数|件数)?"),
        (
            "leads",
            r"リード(?:数|件数|獲得数)?|\bleads?\b|lead\s+count|inquir(?:y|ies)|問い合わせ数",
        ),
    )
)

# A metric-like phrase the data cannot have: a noun run ending in 数/率/単価/回数 (ja), or
# "<word> rate" / "number of <word>s" (en).  Checked only where no known metric was found.
UNKNOWN_METRIC = re.compile(
    r"([ァ-ヴー一-龥a-z]{2,}(?:数|率|単価|回数|件数|時間|期間))"
    r"|((?:[a-z]+\s+){0,2}(?:sessions|visits|visitors|page\s*views|pageviews|traffic"
    r"|clicks|impressions|churn|nps|mrr|arr|ltv|ctr|open\s+rate|bounce\s+rate|downloads"
    r"|signups|sign-ups|registrations|attendees|followers|subscribers|retention))"
    r"|(セッション|訪問|pv|ページビュー|解約|継続率|nps|ltv|mrr|arr|ctr|開封|クリック|インプレッション"
    r"|フォロワー|登録者|参加者|ダウンロード)"
)
NOT_METRICS = frozenset({"件数", "回数", "月数", "何件", "達成率", "転換率", "変化率", "伸び率"})

TARGET = re.compile(r"目標|予算|計画|ノルマ|\btargets?\b|\bgoals?\b|\bbudget(?:ed)?\b|\bplan\b")
ACHIEVEMENT = re.compile(
    r"(?:目標|予算|計画)(?:の|に対して|比)\s*(?:何|\d)|%\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:target|goal|plan)|percent\s+of\s+(?:the\s+)?(?:target|goal)"
    r"|達成率|達成度|達成状況|目標比|予算比|計画比|消化率|未達|達成(?!し)|(?:目標|予算|計画)の\s*\d"
    r"|attainment|achievement|against\s+(?:the\s+)?(?:target|goal|plan|budget)"
    r"|vs\.?\s+(?:target|goal|plan|budget)|(?:of|to)\s+(?:target|goal|plan)"
    r"|(?:hit|hitting|missed|miss|met|meet|beat)\s+(?:the\s+|our\s+)?(?:target|goal|plan)"
)
STAGES_WORD = re.compile(r"ステージ|段階|ファネル|stages?|funnel")

# -- operations ------------------------------------------------------------------------------
TREND = re.compile(
    r"what\s+happened\s+to|how\s+(?:has|have)\b.*\b(?:been|done|trended|developed|evolved)|\bmonthly\b(?!\s+(?:average|mean))|推移|月別|月ごと|月毎|毎月|月次の|月次で|月単位|トレンド|傾向|動き|遷移|変遷"
    r"|\btrend|month\s+by\s+month|by\s+month|monthly\s+(?:breakdown|figures|numbers)"
    r"|each\s+month|every\s+month|over\s+time|month-by-month|how\s+(?:did|has|have)\b.*\bmove"
    r"|\bmoved?\b|\bmoving\b|per\s+month\s+for"
)
AVERAGE = re.compile(r"平均|均すと|ならすと|average|\bavg\b|\bmean\b|on\s+a\s+typical\s+month")
SUM = re.compile(
    r"合計|トータル|累計|総額|総計|合算|通算|合わせて|全部で|total|in\s+all|altogether|\bsum\b"
    r"|cumulative|combined"
)
SEGMENT_TOTAL = re.compile(
    r"全チャネル|全体|全社|合計で|全部|overall|all\s+channels|company[- ]wide"
)
AGGREGATE = re.compile(
    r"まとめ|ざっくり|概況|サマリ|振り返|着地|締め|どうだった|どうでした|どうなった|どんな感じ"
    r"|overview|summary|summar|how\s+did\b.*\b(?:close|go|end|do|land|finish)|wrap\s+up|recap"
)
YOY = re.compile(
    r"前年同月|前年同期|昨年同月|昨年同期|去年同月|去年の同じ|前年の同じ|前年比|昨対|昨年対比|前年対比"
    r"|year[- ]over[- ]year|\byoy\b|a\s+year\s+(?:ago|earlier|before)|same\s+month\s+last\s+year"
    r"|same\s+(?:period|quarter|time)\s+last\s+year|from\s+last\s+year|vs\.?\s+last\s+year"
)
MOM = re.compile(
    r"前月比|前月と|前月から|前の月と|前の月から|先月比|month[- ]over[- ]month|\bmom\b"
    r"|(?:than|vs\.?|versus|with|from|to)\s+the\s+(?:month|one)\s+before"
    r"|(?:than|vs\.?|versus|with|from|to)\s+the\s+(?:previous|prior|preceding)\s+month"
)
COMPARE = re.compile(
    r"比べ|比較|対比|と比して|比で|\bvs\b|\bvs\.|versus|compar|against|relative\s+to|\bthan\b"
    r"|差は|違い|増えた|減った|伸び|改善|悪化|上が|下が|変わ|change|up\s+or\s+down|go\s+up"
    r"|went\s+up|go\s+down|went\s+down|increase|decrease|improv|grow|grew|drop|fell|rise|rose"
)
FIRST = re.compile(r"初めて|はじめて|最初|初の|first")
LAST = re.compile(
    r"最後|直近で|最近で|一番最近|most\s+recent|\blast\s+(?:time|month\s+(?:that|when|where|it|our))"
    r"|when\s+was\s+the\s+last|the\s+last\s+month"
)
WHICH_MONTHS = re.compile(
    r"何月|いつ|どの月|どこの月|月は|月を|月ある|月があ|when|which\s+months?|what\s+months?|months?\s+(?:did|were|was|had|came)"
)
RANK = re.compile(
    r"順に|順で|順番|並べ|ランキング|ランク|順位|どこが|どこの|どこ|どれが|どのチャネル|どの経路|\brank"
    r"|\border\b|\bsort|which\s+(?:channel|segment|source)|by\s+channel|per\s+channel"
    r"|チャネル別|チャネルごと|経路別|施策別|セグメント別|媒体別"
)
CHANNEL_WORD = re.compile(
    r"チャネル|チャンネル|経路|施策|媒体|セグメント|channels?|segments?|sources?"
)
MAX_WORDS = re.compile(
    r"一番(?:高|多|大|良|よ|伸|上)|最も(?:高|多|大|良|よ)|最高|最大|最多|いちばん(?:高|多|大|良|よ)"
    r"|トップ|ベスト|多かった|多い順|高い順|大きい順|高かった|大きかった|良かった|よかった|ピーク|伸びた月"
    r"|highest|most|best|largest|biggest|strongest|top|peak|greatest|record"
)
MIN_WORDS = re.compile(
    r"一番(?:低|少|小|悪|わる|弱)|最も(?:低|少|小|悪)|最低|最小|最少|いちばん(?:低|少|小|悪|わる)"
    r"|ワースト|少なかった|少ない順|低い順|小さい順|低かった|小さかった|悪かった|わるかった|弱かった|落ち込んだ月"
    r"|lowest|least|fewest|worst|weakest|smallest|cheapest|poorest|bottom"
)
BEST_WORDS = re.compile(r"良|よか|ベスト|best|strongest|top")
WORST_WORDS = re.compile(r"悪|わる|ワースト|worst|weakest|poorest")
ASC = re.compile(r"低い順|少ない順|小さい順|安い順|昇順|ascending|lowest\s+first|cheapest\s+first")
HOW_MUCH = re.compile(r"何件|いくら|何%|何パーセント|どれくらい|どのくらい|how\s+(?:many|much)")

# -- conditions ------------------------------------------------------------------------------
NUMBER = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|％|パーセント|percent|割|万円|千円|百万円|億円|円|万|件|pts?)?"
    r"|(?P<yen>[¥￥])\s*(?P<ynum>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<yk>k|m|万)?"
)
BELOW = re.compile(
    r"未満|を下回|下回|を切|切っ|切る|切れ|を割|割っ|割り込|割れ|に届かな|届かな|届いていな|に満たな|満たな"
    r"|より低|より少な|を下ま|落ち込"
)
AT_MOST = re.compile(
    r"以下|を超えな|超えてない|at\s+most|or\s+(?:less|lower|below|under)|no\s+more\s+than"
)
ABOVE = re.compile(r"を超え|超え|超過|を上回|上回|より高|より多|突破|を越え|越え")
AT_LEAST = re.compile(
    r"以上|に達し|達した|at\s+least|or\s+(?:more|higher|above|better)|no\s+less\s+than|back\s+to"
)
EN_BELOW = re.compile(
    r"(?:below|under|less\s+than|lower\s+than|fewer\s+than|beneath|short\s+of|sub|missed|miss|failed\s+to\s+(?:hit|reach|make)|didn't\s+(?:hit|reach|make)|did\s+not\s+(?:hit|reach|make))\s*$"
)
EN_ABOVE = re.compile(
    r"(?:above|over|more\s+than|greater\s+than|higher\s+than|exceed(?:ed|s)?|past|beyond|topped)\s*$"
)

# Segment/channel concepts: the Japanese word a channel name contains, and how English
# questions call it.  A channel in the data is found by its own name first; these let an
# English question name a Japanese-named channel (and notice a channel the data lacks).
CHANNEL_CONCEPTS: tuple[tuple[str, str], ...] = (
    ("メルマガ", r"newsletters?|mail\s+magazines?|email\s+newsletters?"),
    ("展示会", r"trade\s*shows?|exhibitions?|expos?|fairs?|booths?"),
    ("ウェビナー", r"webinars?"),
    ("セミナー", r"seminars?"),
    ("イベント", r"events?"),
    (
        "広告",
        r"paid\s+(?:ads?|media|search|social)|ads\b|advertising|ppc|paid\b|online\s+ads?|web\s+ads?",
    ),
    ("紹介", r"referrals?|referred|word\s+of\s+mouth"),
    ("自然検索", r"organic(?:\s+search)?|seo"),
    ("検索", r"search"),
    ("sns", r"social(?:\s+media)?"),
    ("メール", r"e-?mail(?:\s+campaigns?)?"),
    ("パートナー", r"partners?|resellers?|channel\s+partners?"),
    ("テレアポ", r"cold\s+calls?|outbound\s+calls?|telemarketing"),
    ("インサイドセールス", r"inside\s+sales"),
    ("コンテンツ", r"content|whitepapers?|downloads?"),
    ("直販", r"direct\s+sales"),
)
JA_CHANNEL_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("メルマガ", r"メルマガ|メールマガジン|メール配信"),
    (
        "広告",
        r"ネット広告|オンライン広告|リスティング|ディスプレイ広告|web広告|ウェブ広告|広告経由",
    ),
    ("自然検索", r"オーガニック|seo|検索流入"),
    ("紹介", r"リファラル|紹介経由|口コミ"),
    ("展示会", r"見本市|ブース|展示会経由"),
)

# A channel named by how leads came: 「メルマガ経由」「展示会からの」, "via X", "from the X channel".
VIA = re.compile(
    r"([ァ-ヴーa-z一-龥]{2,12})(?:経由|からの(?:リード|問い合わせ|流入))|\bvia\s+([a-z][a-z ]{1,20}?)(?=[\s,.?]|$)|from\s+(?:the\s+)?([a-z][a-z ]{1,20}?)\s+channel"
)
# Conditions said without a number: 「目標を達成した」 "hit the MQL target", 「予算をオーバー」.
HIT_TARGET = re.compile(
    r"目標(?:を|に)?(?:達成|クリア|到達|超え|上回)|達成した|(?:hit|met|meet|achieved|reached|made|beat|exceeded)\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:target|goal|plan|quota)"
)
MISSED_TARGET = re.compile(
    r"未達|目標(?:に|を)?(?:届かな|下回|割)|(?:missed|fell\s+short\s+of|below)\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:target|goal|plan|quota)"
)
OVER_BUDGET = re.compile(
    r"予算(?:を)?(?:オーバー|超過|超え|上回)|over\s+budget|overspen[dt]|exceed(?:ed)?\s+(?:the\s+|its\s+|our\s+)?(?:\w+\s+)?budget|went\s+over\s+(?:the\s+)?budget"
)
TOP_N = re.compile(
    r"(?:top|トップ|上位|ベスト|ワースト|bottom|下位)\s*(\d+|two|three|four|five)|(\d+|two|three|four|five)\s+(?:channels|segments|sources)|(\d+)\s*(?:つ|チャネル|位まで)"
)
ORDERING = re.compile(
    r"順に|順で|順番|並べ|ランキング|順位|\brank|\border\b|\bsort|\bfirst\b|\blast\b|一覧"
)
PREVIOUS_SAME = re.compile(
    r"その前の|前の(?:四半期|半期|\d+\s*(?:か|ヶ|ケ|カ)?月)|(?:the\s+)?(?:quarter|half|period|\d+\s+months|one)\s+before(?:\s+(?:it|that))?|(?:previous|prior|preceding)\s+(?:quarter|period|half)"
)

# A question for "the numbers" of a period as a whole: 「9月のKPIは？」「今期の実績まとめ」.
OVERVIEW = re.compile(
    r"kpi|数字|数値|実績|状況|ファネル|全体|サマリ|まとめ|概況|業績"
    r"|funnel|numbers|figures|overview|summary|how\s+did\s+we\s+do|performance"
)
