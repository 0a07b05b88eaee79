# -*- coding: utf-8 -*-
"""Key facts: (file, location, question, answer).  The generator checks every answer against the text it
extracts from the built file at that location (NFKC) and fails if it is missing."""

P_DOCX = "01_ペルソナ/ペルソナ定義書_v3.2.docx"
P_PDF = "01_ペルソナ/ペルソナブック_2025年度版.pdf"
DECK = "02_製品・競合/Northgate_Sentinel_MDR_サービス紹介_2025下期.pptx"
BROCH = "02_製品・競合/Sentinel_MDR_サービスパンフレット_2025.pdf"
COMP = "02_製品・競合/競合比較_ArcGuard_Veltrix_営業向け.pptx"
BATTLE = "02_製品・競合/Competitive_Battlecard_Japan_ArcGuard_Veltrix.html"
PLAY = "03_マーケ営業連携/マーケ・営業連携プレイブック_2025年度版.docx"
MIN1 = "03_マーケ営業連携/議事録/2025-10-08_マーケ営業定例_議事録.md"
MIN2 = "03_マーケ営業連携/議事録/2025-11-12_MQL定義見直しWG_メモ.md"
EXPO = "03_マーケ営業連携/展示会振り返り_中堅企業セキュリティフェア2025秋.txt"
BRAND = "04_ブランド・会社/Northgate_Brand_Voice_Guidelines_JP_v2.1.docx"
CORP = "04_ブランド・会社/会社概要_社内ポータル.html"
KPI = "05_KPI/2025年度_マーケティングKPI実績.xlsx"

FACTS = [
    # --- persona docx (persona C only exists here) ---
    (P_DOCX, "section 0. この資料について", "ペルソナを改訂するときに話を聞いた既存顧客は何社？", "既存顧客18社へのインタビュー"),
    (P_DOCX, "section 1.3 意思決定プロセス（ペルソナA）", "情シス部長ペルソナの会社で取締役会の承認が必要になる金額は？", "500万円超は取締役会承認"),
    (P_DOCX, "section 2.1 プロフィール（ペルソナB）", "CFOペルソナの会社は倉庫をいくつ持っている？", "首都圏に倉庫7拠点"),
    (P_DOCX, "section 3.1 プロフィール（ペルソナC）", "総務兼任のIT担当ペルソナが勤める会社の業種と規模は？", "専門商社（従業員160名、本社大阪）"),
    (P_DOCX, "section 3.1 プロフィール（ペルソナC）", "小野寺さんはIT業務にどのくらいの時間を使っている？", "業務時間の約3割"),
    (P_DOCX, "section 3.4 意思決定プロセス（ペルソナC）", "ひとり情シスの会社では社長がいくらまでなら即決する？", "年間300万円未満なら即決もある"),
    (P_DOCX, "section 3.5 響くメッセージと推奨コンテンツ（ペルソナC）", "総務兼任ペルソナに勧めるホワイトペーパーの題名は？", "ひとり情シスのためのEDR入門ガイド"),
    (P_DOCX, "section 3.5 響くメッセージと推奨コンテンツ（ペルソナC）", "「小さな会社は狙われない」と言われたら何で答える？", "取引先経由の侵入（サプライチェーン攻撃）事例で回答する"),
    # --- persona booklet pdf ---
    (P_PDF, "p.1", "ペルソナブックはどのくらいの頻度で改訂する？", "この冊子は半期に一度見直す"),
    (P_PDF, "p.2", "佐伯部長は出社して最初に何を見る？", "夜間に届いたアラートメールを確認"),
    (P_PDF, "p.3", "CFOの村瀬さんはどこから情報を得ている？", "取引銀行が主催する経営者セミナー"),
    (P_PDF, "p.3", "村瀬さんが稟議を決裁するとき必ず見るものは？", "金額の根拠を必ず確認する"),
    (P_PDF, "p.4", "CFO向けの資料で避けるべき書き方は？", "専門用語の羅列"),
    # --- product deck pptx ---
    (DECK, "slide 2 notes", "当社SOCが扱った侵入のうちVPN機器からのものはどれくらい？", "VPN機器経由の侵入が43%"),
    (DECK, "slide 6", "スタンダードプランで端末を隔離するまでの時間は？", "検知から30分以内に端末を隔離"),
    (DECK, "slide 6 notes", "SLAを守れなかった月はどう補償する？", "その月の月額の10%を返金する"),
    (DECK, "slide 7", "プレミアムプランにだけ付いてくるサービスは？", "脅威ハンティング・四半期経営報告"),
    (DECK, "slide 7 notes", "営業部長の承認で出せる値引きの上限は？", "営業部長承認で15%まで"),
    (DECK, "slide 8 notes", "駆けつけ支援を1回頼むといくら？", "1回あたり25万円（税抜）"),
    (DECK, "slide 9 notes", "500台以上の会社だと導入にどれくらいかかる？", "500台以上の場合は4週間を見込んでおく"),
    (DECK, "slide 10", "丸高精工は何台でどのプランを入れた？", "導入：スタンダードプラン、420台"),
    (DECK, "slide 12", "日本語を話せるアナリストは何人いる？", "日本語アナリスト32名"),
    (DECK, "slide 12 notes", "新しいSOCはどこにいつ開く予定？", "2026年4月に大阪SOCを開設する予定"),
    (DECK, "slide 14", "対応しているWindows Serverのバージョンは？", "Windows Server 2016以降"),
    # --- competitor deck pptx ---
    (COMP, "slide 3", "ArcGuardの1台あたりの月額は？", "700円/台"),
    (COMP, "slide 3", "Veltrixを導入するのにかかる期間は？", "6〜8週間"),
    (COMP, "slide 5 notes", "ArcGuardの販売代理店はどのくらいマージンを取っている？", "代理店マージンは約30%と推定"),
    (COMP, "slide 7 notes", "Veltrixが日本法人をつくったのはいつ？", "2025年7月に日本法人を設立"),
    (COMP, "slide 8", "前年度の失注でArcGuardの次に多かった結果は？", "現状維持（導入見送り）"),
    (COMP, "slide 8 notes", "FY2024に失注した商談は全部で何件？", "Closed Lostになった56件"),
    # --- brochure pdf ---
    (BROCH, "p.1", "パンフレットのサービスを運営している会社は？", "運営：ノースゲート・サイバーディフェンス株式会社"),
    (BROCH, "p.2", "お客さまの承認を前提にその場で隔離する仕組みの名前は？", "事前承認隔離"),
    (BROCH, "p.3", "スタンダードプランには何が含まれる？", "監視、隔離、月次報告会"),
    (BROCH, "p.4", "丸高精工がこのサービスを選んだ決め手は？", "隔離まで任せられること"),
    (BROCH, "p.5", "今使っているウイルス対策ソフトと一緒に使える？", "多くの製品と併用できます"),
    # --- playbook docx ---
    (PLAY, "section 1. 目的と適用範囲", "MAツールは何から何に切り替えた？", "Kairos3からAccount Engagement（旧Pardot）へ移行"),
    (PLAY, "section 2. ファネルの定義", "今年度のMQLの条件は？", "スコア100点以上かつグレードB以上"),
    (PLAY, "section 2. ファネルの定義", "Kairos3を使っていた頃のMQLの基準点は？", "スコア60点以上"),
    (PLAY, "section 3.1 行動スコア", "問い合わせフォームを送ったリードはスコアでどう扱う？", "+50点（即時MQL扱い）"),
    (PLAY, "section 4. 引き渡し（ハンドオフ）のルール", "MQLになってからISが電話するまでの期限は？", "MQL化から24時間以内（営業日ベース）に初回架電"),
    (PLAY, "section 4. 引き渡し（ハンドオフ）のルール", "問い合わせフォームから来たMQLには何時間以内に電話する？", "2時間以内に架電する"),
    (PLAY, "section 4. 引き渡し（ハンドオフ）のルール", "連絡がつかないリードはどのくらい育成に戻す？", "90日間のナーチャリングに戻す"),
    (PLAY, "section 5. SQLの判定基準", "SQLと判断するにはBANTをいくつ満たせばよい？", "BANTのうち3項目以上"),
    (PLAY, "section 6. 会議体", "リード品質レビューはいつ開く？", "毎週火曜10:00〜10:30"),
    (PLAY, "section 7. SLA（お互いの約束）", "フィールドセールスが約束している商談化率は？", "SQL→商談化率70%"),
    # --- brand voice docx (English, from the parent) ---
    (BRAND, "section 1. Our voice in three words", "ブランドボイスを3語で言うと？", "Calm, Clear, Accountable"),
    (BRAND, "section 2.2 Don't", "守りについて約束してはいけないことは？", "Never promise 100% protection"),
    (BRAND, "section 3. Taglines", "日本向けのタグラインは？", "見張りは、私たちに。"),
    (BRAND, "section 4. 日本語表記ルール（Japan appendix）", "顧客の呼び方はどう表記する？", "顧客は「お客さま」と書く"),
    (BRAND, "section 5. Approval", "日本の新しいキャンペーン見出しの審査にかかる日数は？", "Allow five business days for review"),
    # --- company overview html ---
    (CORP, "section 基本情報", "日本法人の設立はいつ？", "2019年6月"),
    (CORP, "section 基本情報", "会社の従業員数は？", "86名（2025年10月1日現在）"),
    (CORP, "section 組織と人数", "マーケティング部の部長は誰？", "部長 桐島 彩"),
    (CORP, "section 沿革", "プレミアムプランが追加されたのはいつ？", "2024年7月　プレミアムプランを追加"),
    # --- battlecard html (English) ---
    (BATTLE, "section What changed this quarter", "ArcGuardの夜間オプションの追加料金は？", "extra ¥300 per endpoint per month"),
    (BATTLE, "section List prices (per endpoint per month)", "Veltrixの入門プランの価格は？", "USD 19 per endpoint"),
    (BATTLE, "section Win/loss, Japan FY2025 H1 (Apr–Sep)", "上期のArcGuardとの競合での勝率は？", "we won 38% of closed deals"),
    # --- minutes md ---
    (MIN1, "section 2. MQL基準の見直し", "MQLの基準点はいくつに上がる？", "100点から120点に引き上げる"),
    (MIN1, "section 2. MQL基準の見直し", "新しいMQL基準はいつから使う？", "適用は2025年12月1日から"),
    (MIN1, "section 3. 12月のウェビナー", "12月のウェビナーで何件の申込を目指す？", "集客目標：申込200件"),
    (MIN1, "section 1. 9月の実績", "9月に受注した件数は？", "受注は4件"),
    (MIN2, "section ISの集計結果（10月分）", "10月のホワイトペーパー経由MQLで学生や競合として外したのは何件？", "除外したのは9件"),
    (MIN2, "section 親会社側のコメント", "APACダッシュボードではMQLを何の日付で月に割り当てている？", "「MQL Date」で月に割り当てている"),
    # --- expo memo txt ---
    (EXPO, "section ■結果", "秋の展示会で集めた名刺は何枚？", "名刺獲得数は3日間で312枚"),
    (EXPO, "section ■概要", "秋の展示会の出展にいくらかかった？", "約380万円（税抜）"),
    (EXPO, "section ■来場者の反応", "展示会でいちばん多かった質問は？", "今のウイルス対策ソフトと何が違うのか"),
    # --- KPI workbook, reference sheet ---
    (KPI, "sheet 前提・定義", "KPI表の受注金額は何を基準に計上している？", "初年度の年間契約金額（税抜）"),
    (KPI, "sheet 前提・定義", "広告費に制作費は入っている？", "制作費は含めない"),
]
