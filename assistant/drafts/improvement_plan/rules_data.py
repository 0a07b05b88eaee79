"""Checklist rules decided by counting and measuring: personas, KPI months, feedback notes.

Each rule is a deterministic function of the workspace's structured evidence — persona
fields, monthly KPIs, stored sales notes, competitor documents' ``updated`` dates — and every
number it states is registered as a fact.  Freshness is measured from
``Evidence.reference_date`` (the newest dated evidence), so the same data gives the same
status on any day.  No data means ``unknown``, never ``not_met``.
"""

from __future__ import annotations

from assistant.drafts.improvement_plan.evidence import (
    NEGATIVE,
    Evidence,
    RuleResult,
    Status,
    as_date,
)
from assistant.drafts.kpi import kpi_label
from assistant.text.months import format_month, month_index

# How old evidence may be and still count as current (before the reference date).
KPI_FRESH_MONTHS = 2
FEEDBACK_FRESH_DAYS = 62
COMPETITOR_FRESH_DAYS = 183


def personas(ev: Evidence) -> RuleResult:
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


def kpi_freshness(ev: Evidence) -> RuleResult:
    latest = ev.kpi.latest
    if latest is None:
        return RuleResult(
            "unknown", [ev.say("月次KPIのデータがありません。", "There is no monthly KPI data.")]
        )
    months = ev.shown(
        ev.months_fact(
            "checklist:kpi:months",
            ev.t("KPIデータの月数", "months of KPI data"),
            len(ev.kpi.months),
        )
    )
    claims = [
        ev.say(
            f"月次KPIは{format_month(latest, 'ja')}まで{months}分あります。",
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


def win_rate(ev: Evidence) -> RuleResult:
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
            f"{format_month(m, 'ja')}のSQL→受注率は{rate}（SQL {sql}、受注 {won}）です。",
            f"SQL→won rate in {m}: {rate} ({won} won of {sql} SQLs).",
        )
    ]
    return RuleResult("met" if len(measured) == len(recent) >= 3 else "partly", claims)


def feedback_loop(ev: Evidence) -> RuleResult:
    """Collected (notes stored, recent) and used (no statement that it goes nowhere)."""
    notes = ev.corpus.feedback_notes
    gaps = [ln for ln in ev.lines(r"フィードバック|feedback") if NEGATIVE.search(ln.text)]
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
                f"{format_month(m, 'ja')}の{ja_names[0]}は{value}（{ja_names[1]} {a}、{ja_names[2]} {b}）。",
                f"{en_names[0][:1].upper()}{en_names[0][1:]} in {m}: {value} ({en_names[1]} {a}, {en_names[2]} {b}).",
            )
        ],
    )


def cpl(ev: Evidence) -> RuleResult:
    return _money_rule(ev, "cpl", ("spend", "leads"))


def roi(ev: Evidence) -> RuleResult:
    return _money_rule(ev, "roi", ("revenue", "spend"))


def campaign_breakdown(ev: Evidence) -> RuleResult:
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


def competitor_freshness(ev: Evidence) -> RuleResult:
    sources = ev.corpus.sources("competitor")
    if not sources:
        return RuleResult("unknown")
    count = ev.shown(
        ev.count_fact(
            "checklist:competitors", ev.t("競合分析の資料数", "competitor documents"), len(sources)
        )
    )
    claims = [ev.say(f"競合分析の資料が{count}あります。", f"{count} competitor analyses on file.")]
    dates = [d for p in ev.corpus.of_kind("competitor") if (d := as_date(p.meta.get("updated")))]
    if not dates:
        claims.append(ev.say("更新日が書かれていません。", "They carry no update date."))
        return RuleResult("partly", claims)
    newest = max(dates)
    claims.append(
        ev.say(f"最終更新日は{newest.isoformat()}です。", f"Last updated on {newest.isoformat()}.")
    )
    fresh = (ev.reference_date - newest).days <= COMPETITOR_FRESH_DAYS
    return RuleResult("met" if fresh else "partly", claims)
