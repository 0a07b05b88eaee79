# -*- coding: utf-8 -*-
"""Source data for the "zeta" extraction-evaluation set.

Fictional company: Northvale Analytics Japan K.K. (ノースベール・アナリティクス・ジャパン株式会社),
the Japanese subsidiary of Northvale Analytics, Inc. (Seattle, fictional), selling the data-analytics
platform "Northvale Fabric" to large Japanese enterprises (finance, retail, manufacturing).

Every piece of text that fills an answer-key field is wrapped in S(text, field[, entity]).
The generator renders the documents from these structures and derives the answer key from the
S() spans, so the key can never drift from the text.

Block types (documents):
  ("title", pieces)        document title (md "# ", docx Title style)
  ("h1", text) / ("h2", text)
  ("p", pieces)            paragraph
  ("quote", pieces)        md blockquote / docx plain paragraph
  ("ul", [pieces, ...])    bullet list
  ("ol", [pieces, ...])    numbered list
  ("table", [header...], [[cell pieces, ...], ...])
  ("pagebreak",)           docx only
Slides (pptx): dict(title=str, subtitle=pieces | None, bullets=[pieces], notes=[pieces])
"pieces" is a str, an S, or a list of str/S that are concatenated.
"""


class S:
    """A verbatim span that fills `field` for `entity` (None = the document's default entity;
    a tuple = the span belongs to several entities)."""

    def __init__(self, text, field, entity=None):
        self.text = text
        self.field = field
        self.entity = entity

    def __repr__(self):
        return "S(%r, %r)" % (self.text, self.field)


FIELDS = {
    "persona": ["role", "industry", "company_size", "goals", "pains", "buying_process",
                "decision_makers", "objections", "info_sources", "budget"],
    "product": ["features", "pricing", "integrations_supported", "integrations_unsupported",
                "proof_points"],
    "competitor": ["strengths", "weaknesses", "pricing", "wins_when"],
    "playbook": ["mql_definition", "scoring", "handoff_rule", "handoff_deadline", "sql_criteria",
                 "rejection_reasons", "recycling", "meetings", "owners"],
    "brand-voice": ["rules", "forbidden_claims"],
}

DOCS = []

# ---------------------------------------------------------------------------------------------
# 1. Persona A — Markdown, Japanese, playful headings, bullets + numbered list.
#    Budget is a sentence below the buying-process list (scattered field).
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="persona_a_finance_data_strategy.md",
    kind="persona",
    format="md",
    entities=["地銀・カード会社のデータ戦略部長"],
    blocks=[
        ("title", "ペルソナA：地銀・カード会社の「データ戦略部長」"),
        ("quote", "作成：プロダクトマーケティング 水谷／最終更新 2025年2月。社内共有用のため、顧客名は外に出さないこと。"),
        ("h2", "どんな人？"),
        ("ul", [
            ["肩書き：", S("データ戦略部 部長（またはDX推進部 部長）。部下は15〜30名ほど", "role")],
            S("ミッションは「全社のデータを経営と現場が使える状態にすること」。予算と人員の両方を預かっている", "role"),
            ["会社：", S("地方銀行、信販・クレジットカード会社、ネット証券などの金融機関", "industry")],
            ["規模：", S("従業員はおおむね2,000〜8,000名。グループ全体ではもっと大きいことも多い", "company_size")],
            "40代後半〜50代前半。システム部門の出身で、ここ数年でビジネス側に異動してきた人が多い",
        ]),
        ("h2", "3年後にこうなっていたい"),
        ("ul", [
            S("部門ごとにバラバラなデータを一つの基盤に集約し、「数字が合わない会議」をなくす", "goals"),
            S("与信・不正検知モデルの更新サイクルを、今の半年から月次に短縮する", "goals"),
            S("ビジネス部門が自分でダッシュボードを作れる状態にし、データ戦略部への依頼件数を半分にする", "goals"),
            S("金融庁検査や内部監査に耐えられるデータリネージ（どこから来た数字か）を整備する", "goals"),
        ]),
        ("h2", "日々のモヤモヤ"),
        ("ul", [
            S("勘定系・情報系・カード基盤でデータの持ち方が違い、横串で集計するのが難しい", "pains"),
            S("月次の経営会議資料づくりに毎月のべ10人日ほどかかり、集計の手直しに手間がかかる", "pains"),
            S("データサイエンティストを採用しても、データ準備に時間を取られて定着しない", "pains"),
            S("個人情報の持ち出しルールが厳しく、クラウド活用の稟議が通りにくい", "pains"),
        ]),
        ("h2", "検討の進め方（だいたいこの順番）"),
        ("ol", [
            S("まず情報システム部門と一緒に「データ基盤の将来像」を考える社内ワーキンググループが立ち上がる", "buying_process"),
            S("3〜4社から情報提供を受け、RFIで候補を2社程度に絞る", "buying_process"),
            S("本番に近いデータでPoC（2〜3か月）を実施。セキュリティ部門の審査も並行して走る", "buying_process"),
            S("経営会議への付議を経て稟議承認。ここまで通常9〜12か月かかる", "buying_process"),
        ]),
        ("p", [S("予算は前年度の秋（10〜11月）に中期計画の中で確保するケースが多く、初年度で年間2,000万〜5,000万円がひとつの目安", "budget"),
               "。年度途中に動いても、次の予算サイクルまで待たされることが多いので、夏前に接点を作っておきたい。"]),
        ("h2", "決め手になる人たち"),
        ("ul", [
            S("CIO／IT担当役員：最終決裁者。セキュリティとベンダーの継続性を重視", "decision_makers"),
            S("経営企画部長：経営ダッシュボードの主要ユーザー。効果の説明責任を負う", "decision_makers"),
            S("情報システム部長：既存基盤との整合性をチェックする“門番”", "decision_makers"),
            S("リスク管理部・コンプライアンス部：外部クラウド利用の可否について意見を出す", "decision_makers"),
            S("データ戦略部長（本人）：推進役。社内調整のほとんどを担う", "decision_makers"),
        ]),
        ("h2", "この人が気にするところ"),
        ("ul", [
            S("海外ベンダーが日本から撤退したり、サポートが英語だけになったりしないか", "objections"),
            S("データが国外のリージョンに保存されないか（国内リージョンが必須）", "objections"),
            S("FISC安全対策基準への対応を、監査で説明できる資料があるか", "objections"),
            S("既存のBIツール（全社で数千ライセンス）を捨てずに済むか", "objections"),
        ]),
        ("h2", "ふだん何を見て、誰に聞いているか"),
        ("ul", [
            S("金融機関向けのITカンファレンスや業界団体の勉強会", "info_sources"),
            S("ITビジネス系のWebメディア。特に他行の事例記事はよく読んでいる", "info_sources"),
            S("同業他社（とくに同規模の地銀）の導入事例。横並び意識が強い", "info_sources"),
            S("取引のあるSIerの営業担当からの紹介", "info_sources"),
        ]),
    ],
))

# ---------------------------------------------------------------------------------------------
# 2. Persona B — docx, Japanese, heading styles, a profile table, bullets, numbered list.
#    info_sources is deliberately missing (a note says it was not asked).
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="persona_b_retail_crm.docx",
    kind="persona",
    format="docx",
    entities=["小売業 CRM推進マネージャー"],
    title_meta="ペルソナB 小売業 CRM推進マネージャー",
    blocks=[
        ("title", "ペルソナB　小売業 CRM推進マネージャー"),
        ("p", "作成：フィールドマーケティング 大橋／2025年1月版。インタビュー5件（首都圏の食品スーパー2社、ドラッグストア1社、専門店チェーン2社）をもとにまとめた。"),
        ("h1", "基本プロフィール"),
        ("table", ["項目", "内容"], [
            ["ポジション", S("CRM推進部 マネージャー（課長級）。会員プログラムとアプリの企画・運用を担当", "role")],
            ["レポートライン", S("マーケティング本部長の直下。部下は5〜8名", "role")],
            ["業態", S("食品スーパー、ドラッグストア、アパレル・専門店チェーンなどの小売業", "industry")],
            ["規模感", S("従業員1,500〜10,000名（パート・アルバイトを含まず）、店舗数100〜800", "company_size")],
            ["年間の財布", S("ツール費用として年間1,500万〜3,000万円（販促費からの振り替えを含む）", "budget")],
        ]),
        ("h1", "この人のミッション"),
        ("ul", [
            S("会員データ（約800万人）とPOSデータをつなぎ、顧客ごとの購買傾向を把握する", "goals"),
            S("アプリ会員のLTVを3年で20%伸ばす", "goals"),
            S("チラシ中心の販促から、セグメント別のクーポン配信に切り替える", "goals"),
        ]),
        ("h1", "現場で起きていること"),
        ("ul", [
            S("POS・EC・アプリのIDが統合されておらず、同じ顧客を3人として数えてしまう", "pains"),
            S("施策の効果測定に毎回2週間以上かかり、次の施策に間に合わない", "pains"),
            S("分析をベンダーに外注しているため、ちょっとした集計でも見積もりと発注に手間がかかる", "pains"),
            S("店舗からは「本部のデータは現場で使えない」と言われがち", "pains"),
        ]),
        ("h1", "社内の登場人物"),
        ("ul", [
            S("マーケティング本部長 — 予算の最終承認者。売上への効果を数字で求める", "decision_makers"),
            S("情報システム部長 — 既存のPOS・基幹システムとつなげるかどうかを判断する", "decision_makers"),
            S("店舗運営本部 — 現場での使いやすさに意見を言う。反対に回ると導入が止まる", "decision_makers"),
            S("経営企画部 — 全社DX計画との整合を確認する", "decision_makers"),
        ]),
        ("h1", "稟議までの道のり"),
        ("ol", [
            S("年度の販促計画を立てる12〜1月に、CRM推進部が課題と打ち手を整理する", "buying_process"),
            S("既存ベンダーを含む2〜3社に提案を依頼する（この段階で情報システム部が同席）", "buying_process"),
            S("1店舗〜1エリアでの小規模トライアル（約3か月）", "buying_process"),
            S("トライアル結果をマーケティング本部長に報告し、4月の新年度予算で本導入", "buying_process"),
        ]),
        ("h1", "よく出るツッコミ"),
        ("ul", [
            S("「また新しいツール？」——既存のMAツールやBIと何が違うのか説明できないと進まない", "objections"),
            S("外資系の製品は、画面や問い合わせ対応が日本語で完結するのか", "objections"),
            S("会員の個人情報を扱うため、委託先管理の手続き（セキュリティチェックシート）が重い", "objections"),
            S("効果が出るまでの期間が読めないと、本部長に上げられない", "objections"),
        ]),
        ("p", "※ この人がどこで情報を集めているかは、今回のインタビューでは聞けていない。次回の更新で追記する。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# 3. Persona C — Markdown with NO headings at all: prose paragraphs only.
#    A pain sits inside the buying-process paragraph; budget is absent (noted as not discussed).
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="persona_c_mfg_it_notes.md",
    kind="persona",
    format="md",
    headless=True,
    entities=["製造業の情シス課長"],
    blocks=[
        ("p", "2025年1月の営業・マーケ合同ワークショップで話した「製造業の情シス課長」像を、忘れないうちに文章にしておきます（田村）。箇条書きにすると抜け落ちるニュアンスがあるので、あえて文章のままにしました。"),
        ("p", ["想定しているのは、", S("自動車部品や産業機械を手がける国内の大手製造業", "industry"), "です。",
               S("従業員は単体で3,000〜6,000名、国内外に10前後の工場を持つ規模感", "company_size"), "。",
               S("その会社の情報システム部で、データ基盤チーム（5〜8名）を率いる課長", "role"),
               "が今回の主人公です。本人は工場の生産管理システムの担当が長く、現場の事情にも明るい。"]),
        ("p", ["彼（彼女）がいま目指しているのは、",
               S("工場ごとに散らばった品質・設備データを一か所に集め、全社で同じ指標を見られるようにすること", "goals"),
               "。さらに", S("2年以内に、設備の故障予兆をデータで捉える取り組みを本格化させたい", "goals"),
               "と考えている。上からは「生成AIで何かできないか」とも言われていて、",
               S("AI活用の土台としてのデータ整備を先に進めておきたい", "goals"), "という気持ちもある。"]),
        ("p", ["困っていることは山ほどある。",
               S("工場ごとにExcelやAccessで作られた“野良システム”が数百本あり、全体像を把握するのが難しい", "pains"), "。",
               S("基幹システム（オンプレのERP）からデータを抜き出すたびにベンダーへの依頼が必要で、そのやり取りに手間がかかる", "pains"), "。",
               S("海外工場のデータは現地法人の管理下にあり、日本から触るのが難しい", "pains"), "。そして何より、",
               S("チームの人数は増えないのに、依頼だけが増えていく", "pains"), "。"]),
        ("p", ["検討の進め方は、わりと手堅い。",
               S("まず情報システム部の中で候補製品を調べ、3社ほどに声をかけて説明を受ける", "buying_process"), "。",
               S("そのあと1つの工場を選んでPoCを行い、効果が見えたら全社展開の計画を作って役員会に諮る", "buying_process"),
               "という流れで、", S("最初の接触から契約まで1年以上かかることも珍しくない", "buying_process"),
               "。PoCの段階では、", S("工場ごとにデータ項目の定義がバラバラで、比較できる形に揃えるのに手間がかかる", "pains"),
               "という話が毎回のように出てくる。"]),
        ("p", ["社内では何人かが関わってくる。",
               S("最終的に判子を押すのは情報システム担当の常務（CIO）", "decision_makers"), "だが、",
               S("実際に効いてくるのは生産本部長の「現場で使えるのか」という一言", "decision_makers"), "だ。",
               S("品質保証部は、データの正確性を厳しくチェックする立場", "decision_makers"), "にいる。",
               S("工場のDX推進担当は、PoCの協力者であると同時に、手間が増えることを嫌う抵抗勢力にもなりうる", "decision_makers"), "。"]),
        ("p", ["売り込む側として気をつけたいのは、彼らの警戒心だ。",
               S("「クラウドに工場のデータを上げて大丈夫なのか」という不安", "objections"), "は根強いし、",
               S("過去に導入したBIツールが現場に定着しなかった苦い経験", "objections"), "を持つ会社も多い。",
               S("海外製品の場合、日本の商習慣に合わせたサポートをしてくれるのか", "objections"), "という点もよく聞かれる。"]),
        ("p", ["情報の集め方は意外とアナログで、", S("取引のあるSIerや商社からの紹介", "info_sources"), "、",
               S("製造業向けの展示会（スマート工場系）", "info_sources"), "、それに",
               S("同じ業界の情シス仲間との横のつながり", "info_sources"), "が大きい。",
               S("Webでは製品比較サイトよりも、同業他社の導入事例記事をよく読んでいる", "info_sources"), "。"]),
        ("p", "お金まわりの話は今回のワークショップでは出なかったので、次回FSの北条さんに確認します。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# 4. Persona D — pptx, English with some Japanese, one idea per slide; some facts only in notes
#    (budget entirely in notes; one goal, one objection, one info source in notes).
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="persona_d_insurance_planning.pptx",
    kind="persona",
    format="pptx",
    entities=["The Numbers Owner"],
    title_meta="Persona D - The Numbers Owner",
    slides=[
        dict(title="Persona D — “The Numbers Owner”",
             subtitle="Japan Marketing — buyer persona series, draft v0.3 (internal)",
             notes=["Built from 6 interviews in Q4 2024. Please do not share outside Northvale Japan."]),
        dict(title="Who they are",
             bullets=[
                 S("General Manager, Corporate Planning Dept. (経営企画部長) — owns the mid-term plan and board reporting", "role"),
                 S("Industry: life and non-life insurance groups (生損保)", "industry"),
                 S("Size: 5,000–20,000 employees on a group basis; listed holding company", "company_size"),
                 "Typically in their 50s, career-long at the same company, rotated through sales and finance",
             ]),
        dict(title="What success looks like in their eyes",
             bullets=[
                 S("Close the quarter with one set of numbers that finance, actuarial and sales all accept", "goals"),
                 S("Cut the monthly board pack preparation from 3 weeks to 1 week", "goals"),
                 S("Show the FSA and investors a credible capital-efficiency story backed by data", "goals"),
             ],
             notes=[["Heard in 2 of 6 interviews: ",
                     S("they want a small in-house analytics team (3–5 people) under corporate planning, not IT", "goals"), "."]]),
        dict(title="What keeps them up at night",
             bullets=[
                 S("Every business unit brings its own Excel and the numbers never tie out", "pains"),
                 S("集計の締めが月末月初に集中し、部員の残業が常態化している", "pains"),
                 S("IT backlog: any new report request takes 2–3 months", "pains"),
                 S("Hard to explain the “why” behind KPI movements to the board", "pains"),
             ]),
        dict(title="How a deal actually moves",
             bullets=[
                 S("Trigger: a new mid-term plan or a board request for better KPI visibility", "buying_process"),
                 S("Corporate Planning forms a small project team; IT is invited after the concept is agreed", "buying_process"),
                 S("Vendor shortlist via a consultancy or the existing SIer, usually 2–3 vendors", "buying_process"),
                 S("Paid PoC (about 3 months) → 経営会議 approval → contract at fiscal year start (April)", "buying_process"),
             ],
             notes=[[S("Budget: usually ¥30M–¥60M per year, funded from the corporate planning budget, not the IT budget", "budget"),
                     ". Keep this off the slide — it comes from two interviews only."]]),
        dict(title="Who signs, who blocks",
             bullets=[
                 S("CFO or Group CEO: final approver for anything board-facing", "decision_makers"),
                 S("Head of IT / CIO: can veto on security and architecture grounds", "decision_makers"),
                 S("Actuarial and Finance GMs: must trust the numbers, otherwise they keep their own Excel", "decision_makers"),
                 S("Internal Audit: reviews late in the process — plan for it early", "decision_makers"),
             ]),
        dict(title="Pushback we hear",
             bullets=[
                 S("“We already have a data warehouse project running with our SIer.”", "objections"),
                 S("“Will actuarial accept numbers they did not calculate themselves?”", "objections"),
                 S("Worries about storing policyholder data in a foreign vendor's cloud", "objections"),
             ],
             notes=[["One GM also said ", S("the English-first admin screens were a concern for his team", "objections"),
                     ". Product team is aware (JP admin UI planned)."]]),
        dict(title="Where they get their information",
             bullets=[
                 S("Peer executives at other insurers (informal study groups)", "info_sources"),
                 S("Management consultancies they already work with", "info_sources"),
                 S("Business press rather than IT media", "info_sources"),
             ],
             notes=[["Also: ", S("closed-door executive roundtables hosted by our partners", "info_sources"),
                     " worked well in 2024 (2 of 3 opportunities came from there)."]]),
    ],
))

# ---------------------------------------------------------------------------------------------
# 5. Product — Markdown, mixed English/Japanese, English headings, bullets + a table.
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="product_fact_sheet_fabric.md",
    kind="product",
    format="md",
    entities=["Northvale Fabric"],
    blocks=[
        ("title", "Northvale Fabric — Japan Sales Fact Sheet (FY2025 H1)"),
        ("p", "Owner: Product Marketing Japan（水谷）／ Last reviewed: 2025-04-10。This sheet is the single source of truth for 数字と対応範囲。迷ったら Slack の #pmm-japan で聞いてください。"),
        ("h2", "What's in the box"),
        ("p", ["Northvale Fabric は、", S("データ連携から分析・共有までを1つの基盤で提供するクラウド型データ分析プラットフォーム", "features"), "です。"]),
        ("ul", [
            S("Fabric Connect：SaaS・DB・ファイルなど180種類以上のコネクタでデータを取り込む（ノーコード）", "features"),
            S("Fabric Lakehouse：取り込んだデータを東京・大阪リージョンで保管。列単位のマスキングに対応", "features"),
            S("Fabric Insight：ダッシュボード作成とセルフサービス分析。Excelに近い操作感で現場でも使える", "features"),
            S("Fabric Govern：データカタログ、リネージ（データの来歴）、アクセス権限の一元管理", "features"),
            S("Fabric Assist：日本語の自然文で質問するとSQLとグラフを自動生成（生成AI機能、Enterpriseのみ）", "features"),
            S("監査ログ、SSO（SAML 2.0）、IP制限を標準装備", "features"),
        ]),
        ("h2", "Commercials（税別／2025年4月改定）"),
        ("ul", [
            S("Standard：年額1,200万円〜（50ユーザー、ストレージ10TBまで）", "pricing"),
            S("Enterprise：年額3,600万円〜（300ユーザー、ストレージ50TB、全モジュール、専任CSM付き）", "pricing"),
            S("追加ユーザー：1ユーザーあたり月額9,000円（年払い）", "pricing"),
            S("導入支援パッケージ（初期設定・研修）：一括480万円〜", "pricing"),
            S("PoC：最長8週間まで無償。ただしEnterpriseを検討している案件に限る", "pricing"),
        ]),
        ("p", ["※ ", S("3年契約の割引は最大15%まで", "pricing"), "。これを超える場合はAPAC本社の承認が必要（承認まで約2週間）。"]),
        ("h2", "Plays nicely with（標準コネクタで対応）"),
        ("table", ["Category", "Supported"], [
            ["Cloud DWH", S("Snowflake / Amazon Redshift / Google BigQuery / Azure Synapse Analytics", "integrations_supported")],
            ["Business apps", S("Salesforce、SAP S/4HANA（ODP経由）、kintone、Microsoft Dynamics 365", "integrations_supported")],
            ["Databases", S("Oracle Database 12c以降、SQL Server 2016以降、PostgreSQL、MySQL", "integrations_supported")],
            ["Storage / files", S("Amazon S3、Azure Blob Storage、SharePoint上のExcel/CSV", "integrations_supported")],
            ["ID / SSO", S("Microsoft Entra ID、Okta（SAML 2.0）", "integrations_supported")],
            ["Notification", S("Slack、Microsoft Teams（アラート通知）", "integrations_supported")],
        ]),
        ("h2", "Known gaps — not supported as of 2025-04"),
        ("ul", [
            S("IBMメインフレーム（z/OS）上のデータへの直接接続は不可。一度ファイルに出力してもらう必要あり", "integrations_unsupported"),
            S("SAP ECC 6.0 とのリアルタイム連携は未対応（日次バッチのみ）", "integrations_unsupported"),
            S("LINE公式アカウントのデータ直接取り込みは未対応（2025年下期のロードマップ候補。確約はしないこと）", "integrations_unsupported"),
            S("Tableau Server へのデータ書き戻し（双方向連携）は非対応", "integrations_unsupported"),
            [S("オンプレミス版の提供なし", "integrations_unsupported"), "。閉域網が必要な場合は AWS PrivateLink での接続を案内する"],
        ]),
        ("h2", "Customer evidence — always quote the source"),
        ("ol", [
            S("東雲カード株式会社：月次リスクレポートの作成期間を10営業日から2営業日に短縮（出典：2024年3月 同社との共同効果測定レビュー、公開許諾済み）", "proof_points"),
            S("セントラル青葉ストアーズ株式会社：会員データ統合後、クーポン利用率が1.8倍に（出典：同社CRM部による2023年度下期A/Bテスト、事例記事2024年6月公開）", "proof_points"),
            S("旭陽精密工業株式会社：品質データの集計作業を年間約4,300時間削減（出典：導入事例インタビュー、2024年11月公開）", "proof_points"),
            S("Global：3年間のROI 287%（出典：Northvale Inc. が第三者調査会社に委託した経済効果調査、2023年。日本企業は対象外と注記すること）", "proof_points"),
        ]),
        ("p", "NG：出典を書けない数字（「導入企業の9割が満足」など）は、提案書にもメールにも使わないこと。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# 6. Competitor: Kestrel — pptx battlecard in English, exported to PDF (text layer).
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="battlecard_kestrel.pdf",
    kind="competitor",
    format="pdf-from-pptx",
    entities=["Kestrel Analytics"],
    title_meta="Battlecard - Kestrel Analytics",
    slides=[
        dict(title="Battlecard: Kestrel Analytics",
             subtitle="Kestrel Cloud Data Platform — Japan field edition, rev. 2025-03 (internal only)"),
        dict(title="Where Kestrel is genuinely strong",
             bullets=[
                 S("Raw query performance on very large datasets (petabyte-scale benchmarks)", "strengths"),
                 S("Large global partner ecosystem and a data-sharing marketplace", "strengths"),
                 S("Strong brand with data engineers; many certified engineers at Japanese SIers", "strengths"),
                 S("Separate compute and storage with per-second scaling", "strengths"),
             ]),
        dict(title="Where they are exposed",
             bullets=[
                 S("BI and governance are third-party add-ons, so the total cost grows", "weaknesses"),
                 S("Japanese support runs through resellers; no local CSM for mid-size deals", "weaknesses"),
                 S("Costs are hard to predict; finance teams dislike consumption billing", "weaknesses"),
                 S("Business users need SQL or a separate BI tool to get value", "weaknesses"),
             ]),
        dict(title="How they charge",
             bullets=[
                 S("Consumption-based credits; Enterprise edition list price about USD 3.10 per credit", "pricing"),
                 S("Storage billed separately at about USD 23 per TB per month", "pricing"),
                 S("Contracts usually in USD; JPY only via resellers, with an FX buffer of 5–10%", "pricing"),
                 S("Typical first-year commit we see in Japan: ¥25M–¥40M", "pricing"),
             ]),
        dict(title="Where we tend to lose to them",
             bullets=[
                 S("The customer's overseas HQ has already standardised on Kestrel", "wins_when"),
                 S("Evaluations led by a data-engineering team that scores mainly on query speed", "wins_when"),
                 S("Digital-native firms (net banks, e-commerce) with strong in-house engineers", "wins_when"),
             ]),
        dict(title="Talk track: questions to plant early",
             bullets=[
                 "Who will build and maintain the dashboards after go-live?",
                 "How will finance forecast next year's consumption bill?",
                 "Which Japanese-speaking team will you call during month-end close?",
             ]),
    ],
))

# ---------------------------------------------------------------------------------------------
# 7. Competitor: DataMirai — Markdown, Japanese, prose + bullets + table. Pricing is absent.
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="competitor_datamirai.md",
    kind="competitor",
    format="md",
    entities=["データミライ"],
    blocks=[
        ("title", "競合メモ：データミライ（MIRAI BI Enterprise）"),
        ("p", "更新：2025年3月／フィールドセールス 北条（直近の商談5件の振り返りから）"),
        ("h2", "ひとことで言うと"),
        ("p", ["国内ベンダーのBIツール。", S("帳票文化に強く、情シス部門からの信頼が厚い", "strengths"),
               "。最近はクラウド版も出しているが、", S("中身はオンプレ版の移植に近く、クラウドならではの伸縮性はない", "weaknesses"), "。"]),
        ("h2", "手強いところ"),
        ("ul", [
            S("日本語のサポート窓口が手厚く、導入SIerのネットワークも全国にある", "strengths"),
            S("Excelそっくりの帳票をそのまま再現できる（経理・経営企画部門が好む）", "strengths"),
            S("金融機関・自治体での導入実績が多く、稟議で「前例がある」と言いやすい", "strengths"),
            S("オンプレミス版があるので、閉域網必須の案件にも対応できる", "strengths"),
        ]),
        ("h2", "こちらが突けるところ"),
        ("p", [S("大量データになると処理が重く、1億行を超える明細の集計は夜間バッチ頼みになる", "weaknesses"), "。",
               S("データ連携は別製品（MIRAI Link）が必要で、その分ライセンスも構築費もかさむ", "weaknesses"), "。",
               S("生成AI・自然言語での分析機能は発表だけで、まだ提供されていない（2025年3月時点）", "weaknesses"), "。また、",
               S("SnowflakeなどクラウドDWHとの接続は限定的", "weaknesses"), "で、当社のConnectと比べるとかなり見劣りする。"]),
        ("h2", "よく負けるパターン"),
        ("table", ["状況", "理由（商談の振り返りから）"], [
            [S("情報システム部門が主導し、既存帳票の移行が主目的の案件", "wins_when"), "帳票の再現性で比べられると分が悪い"],
            [S("オンプレミスが必須の金融機関", "wins_when"), "そもそも当社は土俵に乗れない"],
            [S("すでにMIRAI製品を使っていて、追加購入で済ませたい場合", "wins_when"), "社内手続きが軽く済む"],
        ]),
        ("p", "価格については、まだ正式な見積書を入手できていない。お客様経由で見積もりを見た人がいたら北条まで。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# 8. Playbook — docx, Japanese, numbered headings, a scoring table, bullets, numbered list.
# ---------------------------------------------------------------------------------------------
PB = "リード運用ガイド（マーケ→IS→FS） 第3版"
DOCS.append(dict(
    file="lead_ops_guide_v3.docx",
    kind="playbook",
    format="docx",
    entities=[PB],
    title_meta=PB,
    blocks=[
        ("title", PB),
        ("p", "ノースベール・アナリティクス・ジャパン株式会社　マーケティング部／インサイドセールス部　2025年4月1日施行"),
        ("h1", "1. このガイドについて"),
        ("p", "展示会・ウェビナー・Webサイトから獲得したリードを、どの時点で誰に渡し、どう扱うかを定めたものです。迷ったときは本ガイドを優先し、例外は週次の定例で相談してください。"),
        ("h1", "2. 「温まったリード」の条件"),
        ("p", [S("スコア合計が65点以上に達し、かつ従業員1,000名以上の企業に所属しているリードをMQLとする", "mql_definition"), "。",
               S("ただし、問い合わせフォーム（「相談したい」）からの流入は、スコアに関係なくMQLとして扱う", "mql_definition"), "。"]),
        ("h1", "3. 点数のつけ方"),
        ("p", "スコアはMAツールで自動計算する。配点は以下のとおり（2025年4月改定）。"),
        ("table", ["区分", "条件と配点", "メモ"], [
            ["行動", S("製品資料・ホワイトペーパーのダウンロード：＋10点", "scoring"), "同じ資料は1回のみ加点"],
            ["行動", S("ウェビナー参加（ライブ視聴）：＋15点", "scoring"), S("録画視聴の場合は＋5点", "scoring")],
            ["行動", S("料金ページの閲覧：＋20点", "scoring"), ""],
            ["行動", S("導入事例ページを3ページ以上閲覧：＋10点", "scoring"), ""],
            ["属性", S("役職が部長以上：＋15点", "scoring"), "名刺情報またはフォーム入力で判定"],
            ["属性", S("従業員1,000名以上の企業：＋10点", "scoring"), ""],
            ["減点", S("フリーメールアドレスでの登録：－30点", "scoring"), ""],
            ["減点", S("競合企業・学生と判明：－100点", "scoring"), "事実上の除外"],
            ["減点", S("30日間アクティビティなし：－10点（以後30日ごと）", "scoring"), ""],
        ]),
        ("h1", "4. インサイドセールスへの渡し方"),
        ("ul", [
            S("MQLに到達したリードは、MAツールからSalesforceのISキューに自動で割り当てる", "handoff_rule"),
            S("割り当てはエリア（東日本／西日本）と業種（金融／小売／製造）の組み合わせで決める", "handoff_rule"),
            S("マーケ担当は、流入経路と直近の行動履歴をリードのメモ欄に残してから渡す", "handoff_rule"),
        ]),
        ("p", ["ISは", S("MQL通知を受けてから24時間以内（営業日ベース）に初回の架電またはメールを行う", "handoff_deadline"), "。",
               S("問い合わせフォーム経由のものは当日中（17時以降の受付は翌営業日の午前中）に対応する", "handoff_deadline"), "。"]),
        ("h1", "5. 商談化してFSに渡す判断"),
        ("p", [S("ISのヒアリングで、次の4つのうち3つ以上を確認できたらSQLとしてFSに引き継ぐ", "sql_criteria"), "。"]),
        ("ol", [
            S("当期または次期に予算化の見込みがある", "sql_criteria"),
            S("決裁者、または決裁者に直接報告する立場の人と会話できている", "sql_criteria"),
            S("12か月以内に導入・切り替えを検討している", "sql_criteria"),
            S("データ統合・分析に関する具体的な課題を本人の言葉で聞けている", "sql_criteria"),
        ]),
        ("h1", "6. マーケに戻すケース"),
        ("ul", [
            S("3回の架電と2回のメールで連絡がつかない", "rejection_reasons"),
            S("従業員1,000名未満の企業だった（パートナー経由の販売に回す）", "rejection_reasons"),
            S("学生・競合・個人的な情報収集が目的だった", "rejection_reasons"),
            S("既存顧客のサポート問い合わせだった（カスタマーサクセスへ転送）", "rejection_reasons"),
            S("導入時期が18か月以上先", "rejection_reasons"),
        ]),
        ("p", "戻すときは、Salesforceの「差し戻し理由」項目を必ず選ぶこと。空欄のままの差し戻しは受け付けない。"),
        ("h1", "7. 戻ってきたリードのその後"),
        ("p", [S("差し戻されたリードはナーチャリング用メール（隔週配信）のリストに戻す", "recycling"), "。",
               S("90日たった時点でスコアを半分にリセットし、そこから再び65点に達したら改めてMQLとして扱う", "recycling"), "。",
               S("「導入時期が先」で戻ったリードは、ISが指定した時期の3か月前に再度コンタクトする", "recycling"), "。"]),
        ("h1", "8. 会議体"),
        ("ul", [
            S("リード定例：毎週火曜 10:00〜10:30（マーケ、IS、FSマネージャー）。前週のMQL・SQL・差し戻しを確認", "meetings"),
            S("パイプライン会議：毎月第1営業日（カントリーマネージャー出席）。受注見込みと施策の効果を確認", "meetings"),
            S("スコアリング見直し会：四半期に1回（マーケ、IS）。配点と閾値を見直す", "meetings"),
        ]),
        ("h1", "9. 担当と連絡先"),
        ("ul", [
            S("ガイド全体の責任者：マーケティング部長 佐伯 真理子", "owners"),
            S("スコア設計・MAツールの運用：デマンドジェネレーション担当 小野寺 悠（onodera@example.jp）", "owners"),
            S("MQLの受け取りとSQL判定：インサイドセールス部 マネージャー 李 成俊", "owners"),
            S("SQL受け入れ後の商談管理：各エリアのフィールドセールス課長", "owners"),
        ]),
        ("p", "改定の提案は、四半期の見直し会の1週間前までに小野寺へ（内線 03-0000-4417）。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# 9. Brand voice — docx exported to PDF (text layer). Short bullets so no span wraps a line.
# ---------------------------------------------------------------------------------------------
BV = "Northvale Japan 表現ガイドライン"
DOCS.append(dict(
    file="brand_voice_guideline.pdf",
    kind="brand-voice",
    format="pdf-from-docx",
    entities=[BV],
    title_meta=BV,
    blocks=[
        ("title", BV),
        ("p", "社外向けのWebサイト・資料・メール・SNSに適用／広報・マーケティング部　2025年版"),
        ("h1", "まず押さえたい書き方"),
        ("ul", [
            S("文体は「です・ます」調で統一する", "rules"),
            S("一文は60字以内を目安に、結論から書く", "rules"),
            S("製品名は英字で「Northvale Fabric」と書く", "rules"),
            S("カタカナ語は、お客様の業務用語に言い換えられないか考える", "rules"),
            S("数字には必ず出典と時点を添える（例：2024年3月時点）", "rules"),
            S("文書では「貴社」、会話とメールでは「御社」を使う", "rules"),
        ]),
        ("h1", "表記をそろえる"),
        ("ul", [
            S("「プラットフォーム」と書く（「ホーム」は使わない）", "rules"),
            S("英数字は半角。数字と単位の間にスペースは入れない", "rules"),
            S("長音は付ける（サーバー、ユーザー、コンピューター）", "rules"),
            S("日付は「2025年4月1日」の形で書く", "rules"),
        ]),
        ("pagebreak",),
        ("h1", "書いてはいけないこと"),
        ("p", "以下は法務・広報のレビューで必ず差し戻しになる。例外はない。"),
        ("ul", [
            S("根拠のない「No.1」「業界初」「シェアトップ」", "forbidden_claims"),
            S("「必ず成果が出る」「ROIを保証」など効果の保証", "forbidden_claims"),
            S("「AIが全部自動でやってくれる」という言い方", "forbidden_claims"),
            S("「FISC完全準拠」など、監査結果を先取りした断定", "forbidden_claims"),
            S("競合他社の名前を出した比較や批判", "forbidden_claims"),
            S("掲載許諾のないお客様の社名・ロゴの使用", "forbidden_claims"),
        ]),
        ("h1", "迷ったときは"),
        ("p", "公開の3営業日前までに広報（brand-jp@example.jp／03-0000-4821）へ。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# Special case (a): titled as a persona, but only a meeting memo — no persona fields at all.
# ---------------------------------------------------------------------------------------------
DOCS.append(dict(
    file="persona_mfg_cxo_draft.docx",
    kind="persona",
    format="docx",
    entities=["製造業CxO（仮）"],
    title_meta="ペルソナ：製造業CxO（仮）",
    special=dict(case="no_fields",
                 detail="ペルソナ「製造業CxO（仮）」という題だが、中身は第1回ペルソナ定義ワークショップの議事メモ（日時・出席者・決定事項・宿題）のみで、ペルソナの項目は一つもない"),
    blocks=[
        ("title", "ペルソナ：製造業CxO（仮）"),
        ("p", "※ ペルソナ定義の置き場所として先にファイルだけ作成。いまは第1回ワークショップの議事メモのみ。"),
        ("h1", "議事メモ　2025年2月14日（金）15:00〜16:00"),
        ("p", "場所：本社12階 会議室「Rainier」（オンライン併用）"),
        ("p", "出席：佐伯（マーケ部長）、水谷（PMM）、大橋（フィールドマーケ）、北条（FS）、李（IS）"),
        ("h2", "決まったこと"),
        ("ul", [
            "ワークショップは全3回、隔週金曜の15時から実施する",
            "まとめ役は水谷。たたき台は第2回までに用意する",
            "インタビュー候補は、FSが既存顧客から2名ずつ挙げる",
        ]),
        ("h2", "宿題"),
        ("ul", [
            "北条：インタビュー候補のリストアップ（2/21まで）",
            "大橋：過去のセミナーアンケート結果の掘り起こし",
            "李：ISのヒアリングメモから使えそうなものを抽出",
        ]),
        ("h2", "次回"),
        ("p", "2025年2月28日（金）15:00〜　同じ会議室。議事メモ担当は大橋。"),
    ],
))

# ---------------------------------------------------------------------------------------------
# Special case (b): playbook that contradicts itself (MQL at 60 points on slide 2, 70 on slide 9).
#    pptx, English slide titles / Japanese content; deadline only in speaker notes; no meetings.
# ---------------------------------------------------------------------------------------------
PB2 = "Lead-to-Revenue Operating Rules — Japan"
DOCS.append(dict(
    file="lead_rules_fy2025_draft.pptx",
    kind="playbook",
    format="pptx",
    entities=[PB2],
    title_meta="Lead-to-Revenue Operating Rules - Japan (FY2025 draft)",
    special=dict(case="contradiction",
                 detail="MQLの閾値が矛盾：slide 2「MQL＝行動スコアと属性スコアの合計が60点以上になったリード」 vs slide 9「MQL件数：スコアが70点以上に達したリードの月間件数」（60点 vs 70点）"),
    slides=[
        dict(title=PB2,
             subtitle="FY2025 改定ドラフト v0.9／APAC統一ルールとの整合用（レビュー中）",
             notes=["レビューコメントは4月25日までにスライドに直接書き込んでください。"]),
        dict(title="MQLの考え方",
             bullets=[
                 S("MQL＝行動スコアと属性スコアの合計が60点以上になったリード", "mql_definition"),
                 S("対象は従業員1,000名以上の企業（APAC定義に合わせて連結ベースで判定）", "mql_definition"),
             ],
             notes=["閾値はAPAC本社の推奨値に合わせたもの。"]),
        dict(title="Scoring Model",
             bullets=[
                 S("ウェビナー参加：+15点", "scoring"),
                 S("料金ページ閲覧：+20点", "scoring"),
                 S("資料ダウンロード：+10点", "scoring"),
                 S("無料トライアル申込：+30点", "scoring"),
                 S("役職 部長以上：+15点", "scoring"),
                 S("フリーメール：-30点", "scoring"),
             ]),
        dict(title="Hand-off to Inside Sales",
             bullets=[
                 S("スコアが閾値を超えた時点で、MAからISのキューへ自動連携する", "handoff_rule"),
                 S("担当ISはラウンドロビンで自動割り当て（業種別の割り当ては廃止）", "handoff_rule"),
             ],
             notes=[["SLA: ", S("IS must make first contact within 4 business hours of assignment", "handoff_deadline"),
                     ". スライドには載せていないが、APACのSLAに合わせる前提。"]]),
        dict(title="SQL Gate",
             bullets=[
                 S("BANTのうち、Budget と Authority の2つが確認できていること", "sql_criteria"),
                 S("次回打ち合わせの日程をFSと合意できていること", "sql_criteria"),
             ]),
        dict(title="When IS sends it back",
             bullets=[
                 S("No response after 5 touches in 14 days", "rejection_reasons"),
                 S("Not in target segment（従業員1,000名未満・対象外業種）", "rejection_reasons"),
                 S("Existing customer or partner", "rejection_reasons"),
             ]),
        dict(title="Recycle",
             bullets=[
                 S("差し戻しリードは自動でナーチャリング・トラックへ（月1回配信）", "recycling"),
                 S("60日後にスコアを0にリセットして再評価する", "recycling"),
             ]),
        dict(title="Owners (RACI)",
             bullets=[
                 S("Responsible：Demand Gen Lead（小野寺）", "owners"),
                 S("Accountable：Head of Marketing Japan（佐伯）", "owners"),
                 S("Consulted：IS Manager（李）、APAC RevOps", "owners"),
                 S("Informed：Country Manager（高村）", "owners"),
             ]),
        dict(title="Appendix: Dashboard KPI definitions",
             bullets=[
                 S("MQL件数：スコアが70点以上に達したリードの月間件数", "mql_definition"),
                 "SQL化率：当月のSQL件数 ÷ 当月のMQL件数",
                 "差し戻し率：差し戻し件数 ÷ ISの受け取り件数",
             ]),
    ],
))

# ---------------------------------------------------------------------------------------------
# Special case (c): two personas in one Markdown file (comparison table + per-person bullets).
# ---------------------------------------------------------------------------------------------
EC = "EC事業部長"
AN = "店舗運営部 分析リーダー"
BOTH = (EC, AN)
DOCS.append(dict(
    file="persona_retail_duo.md",
    kind="persona",
    format="md",
    entities=[EC, AN],
    special=dict(case="two_personas", detail="EC事業部長 / 店舗運営部 分析リーダー"),
    blocks=[
        ("title", "ペルソナ：小売の“二人三脚” — EC事業部長 × 店舗運営部の分析担当"),
        ("p", "同じ会社の中で、予算を持つ人と毎日データを触る人がセットで動くケースが多いので、1枚にまとめました（フィールドマーケ 大橋、2025年3月）。"),
        ("p", ["どちらも、", S("総合スーパーやホームセンターを展開する小売チェーン", "industry", BOTH), "で、",
               S("従業員3,000名以上", "company_size", BOTH), "の会社に勤めている想定です。"]),
        ("h2", "二人のプロフィール"),
        ("table", ["", EC, AN], [
            ["立場", S("EC事業部 部長。EC売上とアプリ会員施策の責任者", "role", EC),
             S("店舗運営部 係長。店舗別の売上・在庫分析を一人で回している", "role", AN)],
            ["やりたいこと", S("EC売上比率を3年で8%から15%に引き上げる", "goals", EC),
             S("週次の店舗別レポートを自動化し、分析そのものに時間を使う", "goals", AN)],
            ["しんどいこと", S("ECと店舗の顧客が別管理で、オムニチャネル施策の効果が見えにくい", "pains", EC),
             S("POSデータの抽出・加工に毎週1日以上の手間がかかる", "pains", AN)],
        ]),
        ("h2", "EC事業部長について（もう少し）"),
        ("ul", [
            S("本人の決裁権限は年間3,000万円まで（ツール・外注費の合計）", "budget", EC),
            S("それを超える案件は、経営会議で社長とCFOが判断する", "decision_makers", EC),
            S("気に入れば話は早く、初回面談から3か月で契約まで進んだ例もある", "buying_process", EC),
            S("「ECのデータはカートシステム側で見られるのでは？」と最初に言われることが多い", "objections", EC),
            S("情報源はEC業界のカンファレンスと、他社のEC責任者との会食", "info_sources", EC),
        ]),
        ("h2", "分析リーダーについて（もう少し）"),
        ("ul", [
            S("本部から急な集計依頼が来ると、その日の予定がすべて飛ぶ", "pains", AN),
            S("新しいツールを覚える時間がないし、Excelで十分だと思っている", "objections", AN),
            S("ExcelやBIの使い方は、YouTubeやQ&Aサイトで調べている", "info_sources", AN),
            S("ツール選定の決裁権はないが、EC事業部長は彼（彼女）の意見をかなり気にする", "decision_makers", AN),
        ]),
        ("h2", "メモ"),
        ("p", "二人に同時に見せられる事例記事としては、セントラル青葉ストアーズ様の記事が使える（掲載許諾済み）。"),
    ],
))
