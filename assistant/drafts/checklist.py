"""The marketing director's role checklist and the evidence rules that assess it.

The twenty items live in ``data/checklist.yaml`` (text, question, default action); this module
loads them and implements each item's *evidence rule*: a deterministic function of the
workspace (documents, personas, feedback notes, KPI months) that returns a status —
``met`` / ``partly`` / ``not_met`` / ``unknown`` — and the cited statements and computed facts
it rests on.  A rule says ``unknown`` whenever the data cannot decide: absence of a document in
Axis is not proof that the practice is absent, so it becomes a question for the director.

Rules read statements, never paraphrases: a playbook sentence saying the SLA "is not written
down" is quoted verbatim (``EvidenceBook.cite``), and a KPI figure is registered as a fact, so
every number the plan shows traces back to data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from assistant.analytics.consolidate import month_index
from assistant.analytics.funnel import FunnelRow
from assistant.analytics.report import KpiReport, segments, workspace_report, workspace_rows
from assistant.chat.facts import month_label
from assistant.config import Settings
from assistant.drafts.checks import refs_in
from assistant.drafts.evidence import Corpus, EvidenceBook, Line
from assistant.drafts.models import Claim
from assistant.errors import AxisError, NotFoundError

Status = Literal["met", "partly", "not_met", "unknown"]
STATUSES: tuple[Status, ...] = ("met", "partly", "not_met", "unknown")
KpiName = Literal[
    "leads", "mql", "sql", "won", "lead_to_mql", "mql_to_sql", "sql_to_won", "cpl", "roi", "none"
]
RATE_KPIS = frozenset({"lead_to_mql", "mql_to_sql", "sql_to_won", "roi"})

# How old evidence may be and still count as current (days before the reference date).
KPI_FRESH_MONTHS = 2
FEEDBACK_FRESH_DAYS = 62
COMPETITOR_FRESH_DAYS = 183
_MAX_QUOTES = 3

# A statement that says something is *not* done, written down, decided or agreed.
_NEGATIVE = re.compile(
    r"ていません|ておらず|されていない|ていない|決まっていません|決めていません|未完了|未定"
    r"|とどまって|のみです|ではありません"
    r"|\bnot\b|\bno longer\b|\bonly\b|\bnever\b|\bundecided\b",
    re.IGNORECASE,
)
_DOCS = ("playbook", "strategy", "note", "company")
_BUDGET = r"広告予算|予算(配分|の配分)|budget (allocation|split)|ad budget"


class Localized(BaseModel):
    ja: str
    en: str

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class ActionSpec(BaseModel):
    ja: str
    en: str
    owner: Localized
    weeks: int = Field(gt=0)
    kpi: KpiName
    direction: Literal["up", "down"]


class ChecklistItem(BaseModel):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]+$")
    area: str
    rule: str
    text: Localized
    question: Localized
    action: ActionSpec

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, value: str) -> str:
        if value != "none" and value not in RULES:
            raise ValueError(f"unknown evidence rule {value!r} — use one of: {sorted(RULES)}")
        return value


class ChecklistError(AxisError):
    """The checklist data file is malformed (the message names the item and the fix)."""


@cache
def load_checklist() -> tuple[ChecklistItem, ...]:
    """The checklist shipped with Axis, validated once (ids unique, rules implemented)."""
    raw = resources.files("assistant.drafts").joinpath("data/checklist.yaml").read_text("utf-8")
    items = tuple(ChecklistItem.model_validate(i) for i in yaml.safe_load(raw)["items"])
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ChecklistError(f"checklist.yaml: duplicate item ids {dupes} — make each unique")
    return items


# -- the KPI side ---------------------------------------------------------------------------
_KPI_LABELS = {
    "leads": ("リード数", "leads"),
    "mql": ("MQL数", "MQLs"),
    "sql": ("SQL数", "SQLs"),
    "won": ("受注数", "deals won"),
    "lead_to_mql": ("リード→MQL転換率", "lead→MQL rate"),
    "mql_to_sql": ("MQL→SQL転換率", "MQL→SQL rate"),
    "sql_to_won": ("SQL→受注率", "SQL→won rate"),
    "cpl": ("CPL（リード単価）", "CPL (cost per lead)"),
    "roi": ("マーケティングROI", "marketing ROI"),
    "spend": ("広告費", "ad spend"),
    "revenue": ("売上", "revenue"),
}


def kpi_label(name: str, lang: str) -> str:
    ja, en = _KPI_LABELS.get(name, (name, name))
    return ja if lang == "ja" else en


def display_value(name: str, value: Decimal | int, lang: str) -> str:
    """How a KPI value is shown: counts with 件, rates and ROI as %, yen rounded to the yen."""
    if name in RATE_KPIS:
        return f"{float(value) * 100:.1f}%"
    if name in ("cpl", "spend", "revenue"):
        yen = int(Decimal(value).quantize(Decimal(1)))
        return f"{yen:,}円" if lang == "ja" else f"¥{yen:,}"
    return f"{int(value):,}件" if lang == "ja" else f"{int(value):,}"


class KpiView:
    """The workspace's KPI report (company totals), or nothing when no KPI data is stored."""

    def __init__(self, report: KpiReport | None, segment_names: list[str]) -> None:
        self.report = report
        self.segments = segment_names
        rows = report.funnel.rows if report else []
        self.months = sorted(
            {r.month for r in rows if r.figures.segment is None and r.figures.has_actuals()},
            key=month_index,
        )

    @classmethod
    def of(cls, settings: Settings) -> KpiView:
        try:
            report = workspace_report(settings)
        except NotFoundError:
            return cls(None, [])
        return cls(report, segments(workspace_rows(settings)))

    @property
    def latest(self) -> str | None:
        return self.months[-1] if self.months else None

    def row(self, month: str) -> FunnelRow | None:
        return self.report.funnel.row(month) if self.report else None

    def value(self, name: str, month: str) -> Decimal | int | None:
        row = self.row(month)
        return None if row is None else row.metric(name)

    def source(self, month: str) -> str:
        row = self.row(month)
        locations = row.figures.locations if row else []
        return locations[0].source if locations else "kpi"

    def bottleneck(self) -> str | None:
        """The conversion step the KPI diagnosis names as the bottleneck, if any."""
        if self.report is None:
            return None
        found = next((f for f in self.report.diagnosis if f.category == "bottleneck"), None)
        return found.stage if found else None


def month_end(month: str) -> dt.date:
    year, number = (int(x) for x in month.split("-"))
    first_next = dt.date(year + number // 12, number % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


# -- what rules see ---------------------------------------------------------------------------
@dataclass
class Evidence:
    """The workspace as the rules read it, plus the book their citations and facts go in."""

    corpus: Corpus
    book: EvidenceBook
    lang: str
    kpi: KpiView
    reference_date: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def of(cls, corpus: Corpus, book: EvidenceBook, lang: str) -> Evidence:
        kpi = KpiView.of(corpus.settings)
        return cls(corpus, book, lang, kpi, _reference_date(corpus, kpi))

    def t(self, ja: str, en: str) -> str:
        return ja if self.lang == "ja" else en

    def lines(self, pattern: str, kinds: Iterable[str] = _DOCS) -> list[Line]:
        """Statements of documents of ``kinds`` that match ``pattern`` (first copy of each)."""
        wanted = re.compile(pattern, re.IGNORECASE)
        seen: dict[str, Line] = {}
        for kind in kinds:  # in the order given: the more authoritative kind first
            for passage in self.corpus.of_kind(kind):
                for text in self.corpus.statements(passage):
                    if wanted.search(text) and text not in seen and text in passage.text:
                        seen[text] = Line(text, passage)
        return list(seen.values())

    def quote(self, line: Line) -> Claim:
        """A verbatim statement, cited (the source file travels with the citation)."""
        ref = self.book.cite_line(line)
        text = f"「{line.text}」[{ref}]" if self.lang == "ja" else f"“{line.text}” [{ref}]"
        return Claim(text=text, refs=[ref])

    def quotes(self, lines: Iterable[Line], limit: int = _MAX_QUOTES) -> list[Claim]:
        return [self.quote(line) for line in list(lines)[:limit]]

    def kpi_fact(self, name: str, month: str) -> str | None:
        """The ref of KPI ``name`` in ``month`` (None when the data lacks it)."""
        value = self.kpi.value(name, month)
        if value is None:
            return None
        return register_kpi(self.book, name, month, value, self.lang, self.kpi.source(month))

    def count_fact(self, key: str, label: str, value: int) -> str:
        unit = "件" if self.lang == "ja" else ""
        return self.book.fact(
            key, label, value, "count", f"{value:,}{unit}", source="axis:checklist"
        )

    def shown(self, ref: str | None) -> str:
        """A fact as the reader sees it: its display text and its ref marker."""
        fact = next((f for f in self.book.facts if f.id == ref), None)
        return f"{fact.display}[{ref}]" if fact else ""

    def say(self, ja: str, en: str) -> Claim:
        """A claim in the request's language; its refs are the markers in its text."""
        text = self.t(ja, en)
        return Claim(text=text, refs=refs_in(text))


def register_kpi(
    book: EvidenceBook, name: str, month: str, value: Decimal | int, lang: str, source: str
) -> str:
    """A KPI value as a fact the draft can cite (same month and KPI, same ref)."""
    unit = (
        "ratio"
        if name in RATE_KPIS
        else "yen"
        if name in ("cpl", "spend", "revenue")
        else ("count")
    )
    return book.fact(
        f"{month}:{name}",
        f"{month_label(month, lang)} {kpi_label(name, lang)}",
        float(value),
        unit,
        display_value(name, value, lang),
        source=source,
        month=month,
    )


def _reference_date(corpus: Corpus, kpi: KpiView) -> dt.date:
    """'Now' for freshness: the newest dated evidence (document ``updated``, feedback note,
    end of the latest KPI month), so a plan made from the same data is the same plan on any
    day; today only when nothing carries a date."""
    dates = [d for p in corpus.passages if (d := _as_date(p.meta.get("updated")))]
    dates += [n.note.date for n in corpus.feedback_notes if n.note.date]
    if kpi.latest:
        dates.append(month_end(kpi.latest))
    return max(dates) if dates else dt.date.today()


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


# -- the rules --------------------------------------------------------------------------------
@dataclass
class RuleResult:
    status: Status
    evidence: list[Claim] = field(default_factory=list)


Rule = Callable[[Evidence], RuleResult]


def _split(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(statements that affirm, statements that say something is not done)."""
    negative = [line for line in lines if _NEGATIVE.search(line.text)]
    return [line for line in lines if line not in negative], negative


def _personas(ev: Evidence) -> RuleResult:
    personas = ev.corpus.personas
    if not personas:
        return RuleResult(
            "unknown", [ev.say("ペルソナの資料が見つかりません。", "No persona documents found.")]
        )
    needed = ("challenges", "buying_process", "decision_makers")
    complete = [p for p in personas if all(p.lines(f) for f in needed)]
    total = ev.shown(
        ev.count_fact("checklist:personas", ev.t("ペルソナ数", "personas"), len(personas))
    )
    whole = ev.shown(
        ev.count_fact(
            "checklist:personas:complete",
            ev.t(
                "課題・購買プロセス・意思決定者が揃ったペルソナ数", "personas with all three fields"
            ),
            len(complete),
        )
    )
    claims = [
        ev.say(
            f"ペルソナ{total}のうち、課題・購買プロセス・意思決定者が揃っているのは{whole}です。",
            f"{whole} of {total} personas describe problems, buying process and decision makers.",
        )
    ]
    if complete:
        example = complete[0]
        claims.append(ev.say(f"例：{example.name}", f"For example, {example.name}:"))
        claims += ev.quotes([example.lines(f)[0] for f in needed])
    status: Status = "met" if len(complete) == len(personas) else "partly"
    return RuleResult(status, claims)


def _months_fact(ev: Evidence, key: str, label: str, value: int) -> str:
    display = f"{value}か月" if ev.lang == "ja" else f"{value} months"
    return ev.book.fact(key, label, value, "count", display, source="axis:checklist")


def _kpi_freshness(ev: Evidence) -> RuleResult:
    latest = ev.kpi.latest
    if latest is None:
        return RuleResult(
            "unknown", [ev.say("月次KPIのデータがありません。", "There is no monthly KPI data.")]
        )
    months = ev.shown(
        _months_fact(
            ev,
            "checklist:kpi:months",
            ev.t("KPIデータの月数", "months of KPI data"),
            len(ev.kpi.months),
        )
    )
    claims = [
        ev.say(
            f"月次KPIは{month_label(latest, 'ja')}まで{months}分あります。",
            f"Monthly KPIs cover {months}, up to {latest}.",
        )
    ]
    row = ev.kpi.row(latest)
    targets = dict(row.figures.targets) if row else {}
    if "leads" in targets:
        actual = ev.shown(ev.kpi_fact("leads", latest))
        target = ev.shown(
            ev.count_fact(
                f"{latest}:target:leads", ev.t("目標リード数", "leads target"), targets["leads"]
            )
        )
        claims.append(
            ev.say(
                f"最新月のリード数は{actual}、目標は{target}です。",
                f"Latest month: {actual} leads against a target of {target}.",
            )
        )
    else:
        claims.append(
            ev.say(
                "最新月に段階ごとの目標値がありません。",
                "The latest month has no per-stage targets.",
            )
        )
    fresh = month_index(f"{ev.reference_date:%Y-%m}") - month_index(latest) <= KPI_FRESH_MONTHS
    if not fresh:
        claims.append(
            ev.say(
                "最新のKPIが他の資料より古く、更新が止まっている可能性があります。",
                "The KPI data is older than the other evidence; updates may have stopped.",
            )
        )
    return RuleResult("met" if fresh and targets else "partly", claims)


def _by_balance(ev: Evidence, positive: list[Line], negative: list[Line]) -> RuleResult:
    """met when only affirmed, partly when both, not met when only denied, else unknown."""
    if not positive and not negative:
        return RuleResult("unknown")
    claims = ev.quotes(positive) + ev.quotes(negative)
    if positive and negative:
        return RuleResult("partly", claims)
    return RuleResult("met" if positive else "not_met", claims)


def _lead_scoring(ev: Evidence) -> RuleResult:
    positive, negative = _split(ev.lines(r"スコア|閾値|scor|threshold", kinds=("playbook",)))
    done = re.compile(r"閾値|実装|threshold|implement|configur", re.IGNORECASE)
    return _by_balance(ev, [ln for ln in positive if done.search(ln.text)], negative)


def _handoff(ev: Evidence) -> RuleResult:
    """Criteria written down, and whether sales agreed to them (oral only = not agreed)."""
    criteria = [
        ln
        for ln in ev.lines(r"SQL.*(引き渡|渡し)|hand.?off|hand.?over")
        if not _NEGATIVE.search(ln.text)
    ]
    about = r"(MQL|SQL|引き渡|handoff|定義)"
    denied = [
        ln
        for ln in ev.lines(about + r".*(営業|sales)|(営業|sales).*" + about)
        if re.search(r"口頭|見直していません|日程未定|verbal|not agreed|undecided", ln.text)
    ]
    agreed = [
        ln
        for ln in ev.lines(about + r".*(合意|agreed)")
        if not _NEGATIVE.search(ln.text) and not re.search(r"口頭|verbal", ln.text)
    ]
    if criteria and agreed and not denied:
        return RuleResult("met", ev.quotes(criteria, 1) + ev.quotes(agreed, 2))
    return _by_balance(ev, criteria[:1], denied)


def _nurturing(ev: Evidence) -> RuleResult:
    lines = ev.lines(r"ナーチャリング|nurtur")
    if not lines:
        return RuleResult("unknown")
    positive, negative = _split(lines)
    designed = [ln for ln in positive if re.search(r"シナリオ|scenario|journey", ln.text, re.I)]
    status: Status = "met" if designed and not negative else "partly"
    return RuleResult(status, ev.quotes(designed or positive) + ev.quotes(negative))


def _win_rate(ev: Evidence) -> RuleResult:
    """Measured regularly = an SQL→won rate in each of the last three months of data."""
    recent = ev.kpi.months[-3:]
    measured = [m for m in recent if ev.kpi.value("sql_to_won", m) is not None]
    if not measured:
        return RuleResult(
            "unknown",
            [
                ev.say(
                    "SQL数と受注数の月次データがありません。",
                    "There is no monthly SQL and won-deal data.",
                )
            ],
        )
    m = measured[-1]
    rate, sql, won = (ev.shown(ev.kpi_fact(k, m)) for k in ("sql_to_won", "sql", "won"))
    claims = [
        ev.say(
            f"{month_label(m, 'ja')}のSQL→受注率は{rate}（SQL {sql}、受注 {won}）です。",
            f"SQL→won rate in {m}: {rate} ({won} won of {sql} SQLs).",
        )
    ]
    return RuleResult("met" if len(measured) == len(recent) >= 3 else "partly", claims)


def _feedback_loop(ev: Evidence) -> RuleResult:
    """Collected (notes stored, recent) and used (no statement that it goes nowhere)."""
    notes = ev.corpus.feedback_notes
    gaps = [ln for ln in ev.lines(r"フィードバック|feedback") if _NEGATIVE.search(ln.text)]
    if not notes:
        return RuleResult("unknown", ev.quotes(gaps))
    count = ev.shown(
        ev.count_fact(
            "checklist:feedback:notes",
            ev.t("保存された営業フィードバック", "stored sales feedback notes"),
            len(notes),
        )
    )
    dated = [n.note.date for n in notes if n.note.date]
    newest = max(dated) if dated else None
    claims = [
        ev.say(
            f"営業フィードバックが{count}保存されています。",
            f"{count} sales feedback notes are stored.",
        )
    ]
    if newest:
        claims.append(
            ev.say(
                f"最新のメモの日付は{newest.isoformat()}です。",
                f"The newest note is dated {newest.isoformat()}.",
            )
        )
    recent = newest is not None and (ev.reference_date - newest).days <= FEEDBACK_FRESH_DAYS
    claims += ev.quotes(gaps)
    return RuleResult("met" if recent and not gaps else "partly", claims)


def _money_rule(ev: Evidence, metric: str, parts: tuple[str, str]) -> RuleResult:
    months = [m for m in ev.kpi.months if ev.kpi.value(metric, m) is not None]
    if not months:
        a, b = parts
        return RuleResult(
            "unknown",
            [
                ev.say(
                    f"{kpi_label(metric, 'ja')}を計算できる月次データ（{kpi_label(a, 'ja')}と"
                    f"{kpi_label(b, 'ja')}）がありません。",
                    f"No monthly {kpi_label(a, 'en')} and {kpi_label(b, 'en')} to compute "
                    f"{kpi_label(metric, 'en')} from.",
                )
            ],
        )
    m = months[-1]
    value, a, b = (ev.shown(ev.kpi_fact(k, m)) for k in (metric, *parts))
    ja_names = [kpi_label(k, "ja") for k in (metric, *parts)]
    en_names = [kpi_label(k, "en") for k in (metric, *parts)]
    return RuleResult(
        "met",
        [
            ev.say(
                f"{month_label(m, 'ja')}の{ja_names[0]}は{value}（{ja_names[1]} {a}、{ja_names[2]} {b}）。",
                f"{en_names[0][:1].upper()}{en_names[0][1:]} in {m}: {value} ({en_names[1]} {a}, {en_names[2]} {b}).",
            )
        ],
    )


def _cpl(ev: Evidence) -> RuleResult:
    return _money_rule(ev, "cpl", ("spend", "leads"))


def _roi(ev: Evidence) -> RuleResult:
    return _money_rule(ev, "roi", ("revenue", "spend"))


def _strategy_document(ev: Evidence) -> RuleResult:
    lines = ev.lines(r"マーケティング戦略|marketing strategy")
    return RuleResult("met", ev.quotes(lines, 2)) if lines else RuleResult("unknown")


def _content_strategy(ev: Evidence) -> RuleResult:
    plans = ev.lines(r"コンテンツ(戦略|計画|方針|カレンダー)|content (strategy|plan|calendar)")
    if plans:
        return RuleResult("met", ev.quotes(plans, 2))
    guide = ev.lines(r".", kinds=("brand-voice",))[:1]
    if not guide:
        return RuleResult("unknown")
    note = ev.say(
        "文章の指針はありますが、コンテンツの計画や見直しの記録は見つかりません。",
        "There is a writing guide, but no content plan or record of reviewing one.",
    )
    return RuleResult("unknown", [note, *ev.quotes(guide)])


def _crm_integration(ev: Evidence) -> RuleResult:
    positive, negative = _split(
        ev.lines(r"(SFA|CRM).*(連携|sync|integrat)|(連携|sync|integrat).*(SFA|CRM)")
    )
    return _by_balance(ev, positive[:2], negative)


def _campaign_breakdown(ev: Evidence) -> RuleResult:
    if ev.kpi.segments:
        count = ev.shown(
            ev.count_fact(
                "checklist:kpi:segments", ev.t("KPIの内訳数", "KPI segments"), len(ev.kpi.segments)
            )
        )
        return RuleResult(
            "met",
            [
                ev.say(
                    f"施策・チャネル別のKPIが{count}あります。",
                    f"KPI data is broken down into {count} segments.",
                )
            ],
        )
    if not ev.kpi.months:
        return RuleResult("unknown")
    return RuleResult(
        "unknown",
        [
            ev.say(
                "KPIデータは全社合計のみで、施策別の内訳がありません。",
                "The KPI data holds company totals only, with no per-campaign breakdown.",
            )
        ],
    )


def _budget_mix(ev: Evidence) -> RuleResult:
    """Never decided from data (no spend per bucket); budget decisions on file are context."""
    return RuleResult("unknown", ev.quotes(ev.lines(_BUDGET, kinds=("note", "playbook")), 2))


def _competitor_freshness(ev: Evidence) -> RuleResult:
    sources = ev.corpus.sources("competitor")
    if not sources:
        return RuleResult("unknown")
    count = ev.shown(
        ev.count_fact(
            "checklist:competitors", ev.t("競合分析の資料数", "competitor documents"), len(sources)
        )
    )
    claims = [ev.say(f"競合分析の資料が{count}あります。", f"{count} competitor analyses on file.")]
    dates = [d for p in ev.corpus.of_kind("competitor") if (d := _as_date(p.meta.get("updated")))]
    if not dates:
        claims.append(ev.say("更新日が書かれていません。", "They carry no update date."))
        return RuleResult("partly", claims)
    newest = max(dates)
    claims.append(
        ev.say(f"最終更新日は{newest.isoformat()}です。", f"Last updated on {newest.isoformat()}.")
    )
    fresh = (ev.reference_date - newest).days <= COMPETITOR_FRESH_DAYS
    return RuleResult("met" if fresh else "partly", claims)


def _after(ev: Evidence, line: Line) -> list[Line]:
    """The "not done" statements that follow ``line`` in its document: what a missing SLA
    leaves undefined is usually listed right under the sentence that says it is missing."""
    found: dict[str, Line] = {}
    for passage in ev.corpus.of_kind(line.passage.kind):
        if passage.source != line.passage.source or line.text not in passage.text:
            continue
        start = passage.text.index(line.text) + len(line.text)
        for text in ev.corpus.statements(passage):
            later = passage.text.find(text, start) >= 0
            if later and text != line.text and _NEGATIVE.search(text) and text not in found:
                found[text] = Line(text, passage)
    return list(found.values())


def _sla(ev: Evidence) -> RuleResult:
    positive, negative = _split(ev.lines(r"SLA|サービスレベル|service.level"))
    if negative:
        return RuleResult("not_met", ev.quotes(negative, 1) + ev.quotes(_after(ev, negative[0]), 2))
    documented = [ln for ln in positive if re.search(r"合意|文書|agreed|written", ln.text, re.I)]
    return RuleResult("met", ev.quotes(documented, 2)) if documented else RuleResult("unknown")


def _lead_quality_review(ev: Evidence) -> RuleResult:
    """A recurring review on file; open complaints or postponed decisions make it partly."""
    reviews = [
        ln
        for ln in ev.lines(r"定例会?で|月次.*(会議|確認)|review meeting|monthly review")
        if not _NEGATIVE.search(ln.text)
    ]
    open_items = ev.lines(r"質が|lead quality|日程未定|見直すかどうか|undecided")
    if not reviews:
        return RuleResult("unknown", ev.quotes(open_items, 2))
    status: Status = "partly" if open_items else "met"
    return RuleResult(status, ev.quotes(reviews, 1) + ev.quotes(open_items, 2))


RULES: dict[str, Rule] = {
    "strategy_document": _strategy_document,
    "personas": _personas,
    "kpi_freshness": _kpi_freshness,
    "lead_scoring": _lead_scoring,
    "handoff_agreement": _handoff,
    "nurturing": _nurturing,
    "win_rate": _win_rate,
    "feedback_loop": _feedback_loop,
    "roi": _roi,
    "content_strategy": _content_strategy,
    "crm_integration": _crm_integration,
    "cpl": _cpl,
    "campaign_breakdown": _campaign_breakdown,
    "competitor_freshness": _competitor_freshness,
    "sla": _sla,
    "lead_quality_review": _lead_quality_review,
    "budget_mix": _budget_mix,
}


def assess(item: ChecklistItem, ev: Evidence) -> RuleResult:
    """The item's status from evidence; an item with no rule is ``unknown``."""
    rule = RULES.get(item.rule)
    return rule(ev) if rule else RuleResult("unknown")


def assess_all(ev: Evidence) -> list[tuple[ChecklistItem, RuleResult]]:
    return [(item, assess(item, ev)) for item in load_checklist()]
