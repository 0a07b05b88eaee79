# -*- coding: utf-8 -*-
"""HTML pages, Markdown minutes and a plain-text memo (written verbatim to files/)."""

COMPANY_HTML = """<!DOCTYPE html>
<!-- saved from url=(0058)https://portal.northgate-cyber.example.jp/wiki/company/about -->
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>会社概要 - Northgate Japan 社内ポータル</title>
<link rel="stylesheet" href="./会社概要_社内ポータル_files/portal.css">
<style>
  body { font-family: "Yu Gothic", "Hiragino Sans", sans-serif; margin: 0; color: #222; }
  header { background: #0b2545; color: #fff; padding: 8px 24px; }
  header a { color: #cfe3ff; margin-right: 16px; text-decoration: none; }
  main { max-width: 960px; margin: 24px auto; padding: 0 24px; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #bbb; padding: 4px 10px; }
  th { background: #eef3f8; }
  .updated { color: #666; font-size: 0.9em; }
</style>
</head>
<body>
<header>
  <nav>
    <a href="https://portal.northgate-cyber.example.jp/">ポータルTOP</a>
    <a href="https://portal.northgate-cyber.example.jp/wiki/">社内Wiki</a>
    <a href="https://portal.northgate-cyber.example.jp/wiki/hr/">人事・総務</a>
    <a href="https://portal.northgate-cyber.example.jp/wiki/sales/">営業ナレッジ</a>
  </nav>
</header>
<main>
<p class="breadcrumb">社内Wiki ＞ 会社情報 ＞ 会社概要</p>
<h1>会社概要</h1>
<p class="updated">最終更新：2025年10月6日（総務部 広報担当）</p>
<p>新しく入社した方、社外向けの資料をつくる方は、まずこのページの情報を使ってください。数字は四半期ごとに更新します。</p>

<h2>基本情報</h2>
<table>
  <tr><th>社名</th><td>ノースゲート・サイバーディフェンス株式会社（Northgate Cyber Defense K.K.）</td></tr>
  <tr><th>設立</th><td>2019年6月</td></tr>
  <tr><th>本社</th><td>東京都千代田区内神田1-0-0 ノースゲートビル5階</td></tr>
  <tr><th>代表者</th><td>代表取締役社長 早瀬 隆之</td></tr>
  <tr><th>親会社</th><td>Northgate Cyber Defense Pte. Ltd.（シンガポール、100%出資）</td></tr>
  <tr><th>従業員数</th><td>86名（2025年10月1日現在）</td></tr>
  <tr><th>決算期</th><td>3月（親会社は12月決算）</td></tr>
  <tr><th>事業内容</th><td>マネージドEDRサービス「Northgate Sentinel MDR」の提供、インシデント対応支援</td></tr>
</table>

<h2>沿革</h2>
<ul>
  <li>2019年6月　東京都千代田区に日本法人を設立</li>
  <li>2020年4月　東京SOCを開設し、Northgate Sentinel MDR の国内提供を開始</li>
  <li>2022年10月　契約社数が100社を突破</li>
  <li>2024年7月　プレミアムプランを追加</li>
  <li>2025年4月　MAツールをAccount Engagementに統一</li>
</ul>

<h2>組織と人数</h2>
<table>
  <thead>
    <tr><th>部署</th><th>人数</th><th>責任者</th></tr>
  </thead>
  <tbody>
    <tr><td>SOC運用部</td><td>41名</td><td>部長 伊吹 直人</td></tr>
    <tr><td>営業部（フィールドセールス）</td><td>14名</td><td>部長 長谷部 亮</td></tr>
    <tr><td>インサイドセールス課</td><td>6名</td><td>課長 井之上 沙織</td></tr>
    <tr><td>マーケティング部</td><td>5名</td><td>部長 桐島 彩</td></tr>
    <tr><td>カスタマーサクセス部</td><td>9名</td><td>部長 真田 圭</td></tr>
    <tr><td>管理部（総務・経理・人事）</td><td>11名</td><td>部長 大河内 誠</td></tr>
  </tbody>
</table>

<h2>拠点</h2>
<ul>
  <li>本社（東京都千代田区）</li>
  <li>東京SOC（東京都江東区、24時間有人）</li>
  <li>大阪営業所（大阪市北区、2023年開設）</li>
</ul>

<h2>行動指針</h2>
<ol>
  <li>お客さまより先に気づく</li>
  <li>分からないことは、分からないと言う</li>
  <li>約束した時間を守る</li>
</ol>
<p>社外向けの文章の書き方は「ブランドボイス・ガイドライン」に従ってください。問い合わせ先：総務部 広報担当（内線 4105）</p>
</main>
<footer><p>© Northgate Cyber Defense K.K. 社内限り</p></footer>
</body>
</html>
"""

BATTLECARD_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Competitive Battlecard: Japan - ArcGuard EDR+ and Veltrix MDR - APAC Product Marketing - Northgate Wiki</title>
<meta name="confluence-space-key" content="APACPMM">
</head>
<body>
<div id="main-header">
  <ol class="breadcrumbs">
    <li><a href="https://wiki.northgate.example.com/display/APACPMM">APAC Product Marketing</a></li>
    <li><a href="https://wiki.northgate.example.com/display/APACPMM/Battlecards">Battlecards</a></li>
  </ol>
  <h1 id="title-text">Competitive Battlecard: Japan — ArcGuard EDR+ and Veltrix MDR</h1>
  <div class="page-metadata">Created by Priya Raman, last updated by Daniel Koh on 2 Oct 2025</div>
</div>
<div id="main-content" class="wiki-content">

<h2>Summary</h2>
<p>In Japan we meet ArcGuard EDR+ in most mid-market deals and Veltrix MDR in larger ones.
Our position: managed isolation in Japanese, around the clock, from 50 endpoints.</p>

<h2>What changed this quarter</h2>
<ul>
  <li>ArcGuard launched a Night Watch add-on in September 2025: remote isolation from 22:00 to 07:00, sold only through partners.</li>
  <li>Night Watch costs an extra ¥300 per endpoint per month.</li>
  <li>Veltrix opened a Tokyo sales office (July 2025) but still runs its SOC from the US and India.</li>
</ul>

<h2>List prices (per endpoint per month)</h2>
<table>
  <thead><tr><th>Vendor</th><th>Entry plan</th><th>Top plan</th><th>Minimum</th></tr></thead>
  <tbody>
    <tr><td>Northgate Sentinel MDR</td><td>¥900 (Lite)</td><td>¥2,300 (Premium)</td><td>50 endpoints</td></tr>
    <tr><td>ArcGuard EDR+</td><td>¥700</td><td>¥1,000 with Night Watch</td><td>30 endpoints</td></tr>
    <tr><td>Veltrix MDR</td><td>USD 19 per endpoint</td><td>USD 32 per endpoint</td><td>500 endpoints</td></tr>
  </tbody>
</table>

<h2>Win/loss, Japan FY2025 H1 (Apr–Sep)</h2>
<table>
  <thead><tr><th>Competitor</th><th>Deals met</th><th>Win rate</th></tr></thead>
  <tbody>
    <tr><td>ArcGuard EDR+</td><td>29</td><td>38%</td></tr>
    <tr><td>Veltrix MDR</td><td>11</td><td>52%</td></tr>
  </tbody>
</table>
<p>Against ArcGuard we won 38% of closed deals; against Veltrix, 52%. Win rates are calculated on closed deals only (won / (won + lost)).</p>

<h2>Landmines to lay</h2>
<ol>
  <li>Ask who isolates a laptop at 3 a.m. on a Sunday, and how long it takes.</li>
  <li>Ask whether the monthly report can go to the board without translation.</li>
  <li>Ask for the vendor's minimum contract size before the demo.</li>
</ol>

<h2>Do not</h2>
<ul>
  <li>Do not share this page or its numbers with customers.</li>
  <li>Do not claim ArcGuard has no night coverage any more; say it is partner-only and add-on priced.</li>
</ul>
</div>
</body>
</html>
"""

MINUTES_1008_MD = """# マーケ・営業定例 議事録（2025年10月8日）

- 日時：2025年10月8日（水）15:00〜16:10
- 場所：本社5階 会議室B／Teams併用
- 出席：桐島（マーケ部長）、長谷部（営業部長）、井之上（IS課長）、三好（MA担当）、佐久間（FS）
- 記録：三好

## 1. 9月の実績

- MQLは目標を上回ったが、SQL化率が下がっている。IS側の所感では、ホワイトペーパー経由のMQLに学生や同業他社が多く混ざっている。
- 受注は4件。うち2件は無料POCからの受注。
- 丸高精工さまの事例記事が公開され、事例ページのPVが前月の約2倍になった。

## 2. MQL基準の見直し

- ホワイトペーパー1本のダウンロードだけでMQLになるケースが多いため、MQLのスコア基準を現在の100点から120点に引き上げる。
- 適用は2025年12月1日から。11月中にAccount Engagementの自動化ルールを変更し、テストする（担当：三好）。
- 過去分の再判定はしない。年度内の比較では12月以降の基準変更を注記する。

## 3. 12月のウェビナー

- テーマ：「ひとり情シスでもできる、夜間のセキュリティ対策」
- 日時：12月10日（水）14:00〜15:00、オンライン開催
- 集客目標：申込200件。総務兼任のIT担当者向けに告知文を書く（担当：桐島）。

## 4. その他

- 営業から「CFO向けの損失試算シートがほしい」との要望。11月末までにマーケで試作する。
- 次回定例：11月12日（水）15:00〜

## 決定事項・宿題

| No. | 内容 | 担当 | 期限 |
|---|---|---|---|
| 1 | MQL基準120点への変更とテスト | 三好 | 11月28日 |
| 2 | ウェビナー告知文と申込ページの作成 | 桐島 | 10月24日 |
| 3 | CFO向け損失試算シートの試作 | 桐島・佐久間 | 11月28日 |
| 4 | ホワイトペーパー経由MQLの架電結果を集計 | 井之上 | 10月31日 |
"""

MINUTES_1112_MD = """# MQL定義見直しWG メモ（2025/11/12）

参加：三好（MA）、井之上（IS）、佐久間（FS）、APACのDaniel Koh（オンライン、英語）

## 決まったこと

1. MQLの基準は予定どおり12月1日から120点に上げる。
2. 従業員1000名超のリードは、これまでどおりグレードCとしてパートナー営業に回す。
3. 親会社のHubSpot（APACウェビナー用）から来るリードは、月1回CSVで受け取り、Account Engagementに取り込む。重複はメールアドレスで判定する。

## ISの集計結果（10月分）

- ホワイトペーパー経由のMQL 61件のうち、1か月以内に会話できたのは22件。
- 学生・競合と判明して除外したのは9件。
- 会話できたうちSQLになったのは7件だった。

## 親会社側のコメント

Daniel からは、APAC全体のダッシュボードではMQLを「MQL Date」で月に割り当てているので、日本側もその方式にそろえてほしいとの依頼があった。異論なし。

## 次のアクション

- 三好：Account Engagementのスコアリングルールを変更（11/21まで）、変更前後の件数比較を12月定例で報告
- 井之上：IS架電メモのフォーマットを統一（Excelで管理し、月末にTSVで共有）
"""

EXPO_MEMO_TXT = """展示会振り返りメモ　中堅企業セキュリティフェア2025 秋（東京ビッグサイト西ホール）
作成：マーケティング部 三好／2025年10月24日

■概要
会期：2025年10月15日（水）〜17日（金）の3日間
小間：2小間（ブース番号 W-214）、デモ機3台、説明員は延べ12名
出展費用：小間料と装飾で約380万円（税抜）

■結果
名刺獲得数は3日間で312枚。前回（2025年春）の241枚から増えた。
ブース内ミニセミナーは1日4回、合計12回で、着席は延べ184名。
その場で無料POCの相談を受けたのは6社。

■来場者の反応
・一番多かった質問は「今のウイルス対策ソフトと何が違うのか」。
・総務部の方が一人で来場しているケースが目立った。名刺の肩書きが総務でも、IT担当を兼ねている人が多い。
・ArcGuardのブースが隣の通路にあり、「夜間の隔離はどこがやるのか」を比べに来た方が何人もいた。
・英語のパネルは読まれていなかった。次回は日本語だけにする。

■反省と次回に向けて
・名刺のスキャンが翌週にずれ込み、お礼メールが遅れた。次回は会期中に毎晩取り込む。
・ノベルティのモバイルバッテリーは2日目の昼になくなった。
・次回は2026年春の大阪会場への出展を検討する（予算は11月の定例で相談）。
"""
