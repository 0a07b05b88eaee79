"""Shared helpers for the performance benchmarks (``ingest_throughput``, ``query_latency``).

Why these exist:

* Every benchmark states its target as a ratio against a baseline measured *in the same run*
  (the machine is shared and its load moves), so both sides need the same timers and the
  same table/JSON output: a table for people, ``--json`` (one document on stdout, progress on
  stderr) for scripts and CI.
* State must never touch ``~/.axis``: ``fresh_axis_home`` points ``AXIS_HOME`` at a temp dir
  before any ``Settings`` is built, and removes it afterwards.
* "Under load" means a second process keeps both cores busy, as an ``axis ingest`` or a build
  would beside the app: ``cpu_burners`` starts pure-Python busy loops and always stops them.
* The corpus is synthetic but realistic Japanese B2B marketing/sales text (front-matter
  Markdown, a feedback CSV, short passages, queries), seeded and varied so chunk ids
  (content hashes) are distinct and BM25 sees a real vocabulary.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

# -- output -------------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress goes to stderr so ``--json`` keeps stdout to exactly one document."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class Table:
    """A titled table; rendered with rich, also serialisable for ``--json``."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""

    def add(self, *cells: Any) -> None:
        self.rows.append(list(cells))

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "rows": [dict(zip(self.columns, row, strict=True)) for row in self.rows],
            "note": self.note,
        }


def _cell(value: Any) -> str:
    if isinstance(value, float):
        if value != value:  # NaN
            return "-"
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def emit(tables: Sequence[Table], summary: dict[str, Any], *, as_json: bool) -> None:
    """Print the tables (rich) or one JSON document with the tables and a summary."""
    if as_json:
        doc = {"summary": summary, "tables": [t.as_json() for t in tables]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=float) + "\n")
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(width=150)
    for t in tables:
        rt = RichTable(title=t.title, title_justify="left", caption=t.note or None)
        for i, col in enumerate(t.columns):
            rt.add_column(col, justify="left" if i == 0 else "right")
        for row in t.rows:
            rt.add_row(*(_cell(c) for c in row))
        console.print(rt)
    scalars = {k: v for k, v in summary.items() if isinstance(v, str | int | float | bool)}
    for key, value in scalars.items():
        console.print(f"{key}: {_cell(value)}", highlight=False, soft_wrap=True)


@contextlib.contextmanager
def stdout_to_stderr(enabled: bool) -> Iterator[None]:
    """While measuring in ``--json`` mode, anything a library prints goes to stderr."""
    if not enabled:
        yield
        return
    with contextlib.redirect_stdout(sys.stderr):
        yield


# -- timing -------------------------------------------------------------------------------


@dataclass
class Stopwatch:
    """Wall and process-CPU seconds of a block (CPU time is much less sensitive to load)."""

    wall: float = 0.0
    cpu: float = 0.0

    @contextlib.contextmanager
    def measure(self) -> Iterator[Stopwatch]:
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            yield self
        finally:
            self.wall += time.perf_counter() - w0
            self.cpu += time.process_time() - c0


def percentiles(samples_s: Sequence[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    arr = np.asarray(samples_s, dtype=np.float64) * 1000.0
    return float(np.percentile(arr, 50)), float(np.percentile(arr, 95))


class Timers:
    """Named wall-clock buckets filled by wrapping functions (monkeypatching, undone on exit).

    Wrapped functions must not call each other, so the buckets add up without double
    counting; the rest of a measured block is reported as "other".
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._undo: list[Callable[[], None]] = []

    def _timed(self, bucket: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[bucket] = self.seconds.get(bucket, 0.0) + time.perf_counter() - t0
                self.calls[bucket] = self.calls.get(bucket, 0) + 1

        return wrapper

    def wrap(self, owner: Any, name: str, bucket: str) -> None:
        """Time ``owner.name`` (a module function, an instance attribute or a class method)."""
        self.seconds.setdefault(bucket, 0.0)
        if isinstance(owner, type):
            raw = owner.__dict__[name]
            if isinstance(raw, classmethod):
                setattr(owner, name, classmethod(self._timed(bucket, raw.__func__)))
            else:
                setattr(owner, name, self._timed(bucket, raw))
            self._undo.append(lambda: setattr(owner, name, raw))
            return
        had_own = name in getattr(owner, "__dict__", {})
        original = getattr(owner, name)
        setattr(owner, name, self._timed(bucket, original))
        if had_own:
            self._undo.append(lambda: setattr(owner, name, original))
        else:  # an instance attribute shadowing a method: remove it to restore
            self._undo.append(lambda: delattr(owner, name))

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


# -- environment --------------------------------------------------------------------------


@contextlib.contextmanager
def fresh_axis_home(prefix: str) -> Iterator[Path]:
    """A temp root whose ``home/`` is ``AXIS_HOME`` (set before any Settings is built)."""
    root = Path(tempfile.mkdtemp(prefix=f"axis-bench-{prefix}-"))
    previous = os.environ.get("AXIS_HOME")
    os.environ["AXIS_HOME"] = str(root / "home")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    try:
        yield root
    finally:
        with contextlib.suppress(Exception):
            from assistant.retrieval.chroma_store import forget_clients

            forget_clients()
        if previous is None:
            os.environ.pop("AXIS_HOME", None)
        else:
            os.environ["AXIS_HOME"] = previous
        shutil.rmtree(root, ignore_errors=True)


_BURN = "while True:\n    pass\n"


@contextlib.contextmanager
def cpu_burners(n: int = 2) -> Iterator[list[int]]:
    """Keep ``n`` cores busy with pure-Python loops in child processes; always stop them."""
    procs = [
        subprocess.Popen([sys.executable, "-c", _BURN], stdin=subprocess.DEVNULL) for _ in range(n)
    ]
    try:
        time.sleep(0.5)  # let them reach the loop before anything is measured
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def load_note() -> str:
    """1-minute load average and core count, printed with results (the machine is shared)."""
    return f"loadavg {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"


# -- synthetic Japanese corpus -------------------------------------------------------------

PRODUCTS = ["ケイリクラウド", "セイキュウ受領", "ワークフロー連携", "経費分析ダッシュボード"]
COMPETITORS = ["ビズフロー経費", "クラウドレシートプラス", "スマート精算ワン", "精算ナビ"]
PERSONAS = ["経理部長", "情報システム部長", "人事総務マネージャー", "CFO", "現場の申請者"]
INDUSTRIES = ["製造業", "建設業", "小売業", "医療・福祉", "IT・通信", "物流", "不動産", "商社"]
CHANNELS = ["ウェビナー", "ホワイトペーパー", "展示会", "リスティング広告", "メルマガ", "導入事例"]
METRICS = ["商談化率", "MQL率", "受注率", "CPL", "リード獲得数", "SQL数", "平均受注単価"]
PAINS = [
    "月末の承認待ちで締めが遅れる",
    "紙の領収書の回収に手間がかかる",
    "インボイス制度の登録番号確認が負担",
    "電子帳簿保存法への対応が不安",
    "会計システムへの手入力で転記ミスが出る",
    "差し戻しが多く申請者の不満が大きい",
    "部門別の経費が見えず予算管理が遅れる",
]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["健太", "美咲", "大輔", "由美", "翔太", "彩", "誠", "直子", "拓也", "真理"]
COMPANY_ROOTS = [
    "東和",
    "北斗",
    "三葉",
    "ミナト",
    "青葉",
    "丸和",
    "ヤマト",
    "サクラ",
    "桜井",
    "大成",
]
COMPANY_TAILS = ["精機", "建設", "物産", "ホールディングス", "メディカル", "ロジスティクス", "電機"]
STAGES = ["初回商談", "課題ヒアリング", "提案", "見積", "稟議", "受注", "失注"]
KINDS = ["company", "product", "persona", "competitor", "brand-voice", "playbook", "note"]

_SENTENCES = [
    "{persona}は「{pain}」という課題を最も強く感じており、{product}の訴求では{pain2}の解消を先に示す。",
    "{month}の{metric}は{pct}%で、前月から{delta}ポイント{updown}した。主因は{channel}経由のリードの質である。",
    "{industry}の従業員{size}名規模では、{competitor}との比較検討になることが多く、価格より連携範囲が論点になる。",
    "{channel}から獲得したリードは{count}件、そのうちMQLは{mql}件で、インサイドセールスの架電まで平均{days}日かかった。",
    "営業との合意では、MQLの定義を「{channel}参加かつ従業員{size}名以上」とし、{days}営業日以内に初回接触する。",
    "{product}の導入により、{industry}の顧客では月次決算が{days}日短縮し、年間{amount}万円の工数削減につながった。",
    "{competitor}は初期費用0円を打ち出しているが、{pain}という点では当社の{product}の方が評価が高い。",
    "{persona}向けのホワイトペーパー「{pain}を解決する{points}のポイント」は、ダウンロード後の商談化率が{pct}%だった。",
    "次四半期は{channel}への予算を{amount}万円に増やし、CPLを{cpl}円以下に抑えることを目標とする。",
    "ブランドの語り口は「現場の手間を減らす実務の相棒」とし、{persona}には専門用語を避けて具体的な数字で伝える。",
    "失注理由の上位は「{pain}への対応が不十分」で、{month}は{count}件中{mql}件がこの理由だった。",
    "{industry}向けの導入事例では、{product}と会計システムの連携で仕訳の手入力が{pct}%減ったことを強調する。",
    "ナーチャリングでは、{persona}の検討段階に合わせて{channel}と導入事例を{days}日間隔で配信する。",
    "SFA上で商談フェーズ「{stage}」に{days}日以上留まる案件は、マネージャーが週次でレビューする。",
    "{month}の広告費は{amount}万円、獲得リードは{count}件で、CPLは{cpl}円だった。",
    "{persona}への訴求軸は「{pain}」の解消と、{product}による承認リードタイムの短縮の二つに絞る。",
    "競合の{competitor}と比べると、当社は{industry}での導入実績が{count}社あり、これを信頼の根拠として示す。",
    "マーケティングと営業のSLAでは、SQLの受け渡し後{days}営業日以内に商談化の可否をSFAに記録する。",
    "展示会で名刺交換した{count}件のうち、{persona}の役職を持つ来場者は{mql}件にとどまった。",
    "{product}の料金はスタンダードプランが月額{amount}円からで、{size}ユーザーを超えるとプロフェッショナルが必要になる。",
]
_NOTES = [
    "{persona}から「{pain}」との声。{competitor}と比較中で、{month}中に結論を出したいとのこと。",
    "デモは好評。ただし{pain}の点で、既存の会計システムとの連携が懸念として挙がった。",
    "{competitor}の見積が月額{amount}円と安く、価格面で押されている。総額での比較を依頼した。",
    "稟議は{persona}決裁。導入事例（{industry}）を求められたので次回持参する。",
    "{channel}経由のリード。情報収集段階で、導入時期は未定。{days}日後に再連絡予定。",
    "現場の申請者が{pain}と強く訴えている。スマホ撮影の読取精度を重視している。",
    "{persona}はROIを重視。年間{amount}万円の削減試算を見せたところ前向きになった。",
    "インボイス対応の締切が迫っており、{month}までに稼働させたいとの要望。",
    "価格ではなく「{pain}」が決め手になりそう。{product}の承認ワークフローを詳しく説明した。",
    "失注。理由は{competitor}の方が既存の人事システムとの連携がスムーズだったため。",
]
_QUERIES = [
    "{persona}向けの訴求軸は？",
    "{persona}が抱える{pain2}への対応",
    "{competitor}との違いを教えて",
    "{channel}の商談化率",
    "{industry}の導入事例",
    "{month}の{metric}はどうだった？",
    "{product}の料金プラン",
    "MQLの定義と営業への受け渡しルール",
    "{competitor}に負けた理由",
    "{channel}のCPLを下げるには",
    "{industry}の顧客が気にする{pain2}",
    "{persona}に響くホワイトペーパーのテーマ",
]


def _fill(template: str, rng: random.Random) -> str:
    pain = rng.choice(PAINS)
    return template.format(
        persona=rng.choice(PERSONAS),
        pain=pain,
        pain2=rng.choice(PAINS).split("が")[0].split("で")[0],
        product=rng.choice(PRODUCTS),
        competitor=rng.choice(COMPETITORS),
        industry=rng.choice(INDUSTRIES),
        channel=rng.choice(CHANNELS),
        metric=rng.choice(METRICS),
        stage=rng.choice(STAGES),
        month=f"{rng.choice([2025, 2026])}年{rng.randint(1, 12)}月",
        pct=f"{rng.uniform(1, 60):.1f}",
        delta=f"{rng.uniform(0.1, 9):.1f}",
        updown=rng.choice(["上昇", "低下"]),
        size=rng.choice([50, 100, 300, 500, 1000, 3000]),
        count=rng.randint(100, 900),
        points=rng.randint(3, 10),
        mql=rng.randint(1, 90),
        days=rng.randint(1, 30),
        amount=rng.randint(5, 3000) * 10,
        cpl=rng.randint(30, 400) * 100,
    )


def sentence(rng: random.Random) -> str:
    """One business sentence with random facts (so texts and content hashes differ)."""
    return _fill(rng.choice(_SENTENCES), rng)


def note(rng: random.Random) -> str:
    """One short sales-feedback note (1-2 sentences)."""
    text = _fill(rng.choice(_NOTES), rng)
    return text if rng.random() < 0.5 else text + _fill(rng.choice(_NOTES), rng)


def queries(n: int, *, seed: int = 7) -> list[str]:
    """``n`` distinct Japanese search queries in the style a director would type."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen.setdefault(_fill(rng.choice(_QUERIES), rng), None)
    return list(seen)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"


def _company(rng: random.Random) -> str:
    return f"株式会社{rng.choice(COMPANY_ROOTS)}{rng.choice(COMPANY_TAILS)}"


def section_text(rng: random.Random, token_count: Callable[[str], int], lo: int, hi: int) -> str:
    """A paragraph of whole sentences whose length (in e5 tokens) falls in ``[lo, hi]``."""
    text = ""
    while True:
        candidate = text + sentence(rng)
        n = token_count(candidate)
        if n > hi:
            if token_count(text) >= lo:
                return text
            continue  # try another (shorter) sentence
        text = candidate
        if n >= lo:
            return text


@dataclass(frozen=True)
class CorpusSpec:
    """How many chunks to aim for and how they split between Markdown and feedback notes."""

    chunks: int
    note_share: float = 0.4
    sections_per_file: int = 8
    section_tokens: tuple[int, int] = (150, 230)  # two never fit in one 256-token chunk


def write_corpus(
    folder: Path, spec: CorpusSpec, token_count: Callable[[str], int], *, seed: int = 1
) -> dict[str, int]:
    """Write Markdown files (one section ≈ one chunk) and a feedback CSV (one note = one chunk).

    ``token_count`` is the embedder's (the chunker sizes chunks with it), so each section is
    just under the store's 256-token chunk size and the chunk count lands near the target.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n_notes = int(spec.chunks * spec.note_share)
    n_sections = spec.chunks - n_notes
    lo, hi = spec.section_tokens
    files = 0
    for start in range(0, n_sections, spec.sections_per_file):
        count = min(spec.sections_per_file, n_sections - start)
        kind = KINDS[files % len(KINDS)]
        title = f"{rng.choice(PRODUCTS)} {rng.choice(METRICS)}メモ 第{files + 1}版"
        parts = [
            "---",
            f"kind: {kind}",
            f"title: {title}",
            f"updated: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"owner: {_person(rng)}",
            f"tags: [{rng.choice(CHANNELS)}, {rng.choice(INDUSTRIES)}]",
            "---",
            "",
            f"# {title}",
            "",
        ]
        for s in range(count):
            parts += [f"## {s + 1}. {rng.choice(PERSONAS)}と{rng.choice(CHANNELS)}", ""]
            parts += [section_text(rng, token_count, lo, hi), ""]
        (folder / f"doc-{files:04d}.md").write_text("\n".join(parts), encoding="utf-8")
        files += 1
    if n_notes:
        with (folder / "sales-feedback.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["日付", "担当者", "企業名", "業種", "商談フェーズ", "メモ"])
            for i in range(n_notes):
                writer.writerow(
                    [
                        f"2026/{rng.randint(1, 12)}/{rng.randint(1, 28)}",
                        _person(rng),
                        _company(rng),
                        rng.choice(INDUSTRIES),
                        rng.choice(STAGES),
                        f"{note(rng)}（案件{i + 1:05d}）",
                    ]
                )
        files += 1
    return {"files": files, "markdown_sections": n_sections, "feedback_notes": n_notes}
