"""A KPI query's answer in words, ja and en: what was run, every value with its months, and
what the answer must also say (months still running, months without data, what the data has
instead).

Every number shown is a ``Fact`` too, so the chat verifier traces it like any other; the
statement of the query comes first, so a reader sees which question was answered:
「2026年6月〜11月のCPL（月次推移）」.  A question that could not be mapped is answered with
what was understood and what can be asked instead — never with another period's figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from assistant.analytics import format as fmt
from assistant.analytics.query.execute import Note, QueryResult, QueryValue
from assistant.analytics.query.model import (
    COST_METRICS,
    AllPeriod,
    KpiQuery,
    Understood,
    split_metric,
)
from assistant.analytics.query.periods import Calendar, describe_period, span
from assistant.domain.grounding import Fact, Location
from assistant.text.labels import label
from assistant.text.months import format_month, month_index

_MAX_LISTED = 24  # months listed in one line before "and N more"


def metric_name(metric: str, lang: str) -> str:
    """「受注数 目標達成率」, 「目標売上」, 「CPL（リード獲得単価）」; unknown names as written."""
    wrapper, base = split_metric(metric)
    if wrapper == "target":
        return label(f"target_{base}", lang)
    if wrapper == "achievement":
        return (
            f"{label(base, lang)}の目標達成率" if lang == "ja" else f"{label(base, lang)} vs target"
        )
    return label(base, lang)


def show(value: Decimal, kind: str, lang: str, *, mean: bool = False) -> str:
    """A value as a reader sees it; a monthly mean of counts keeps one decimal (12.5件)."""
    if kind == "ratio":
        return fmt.percent(value)
    if kind == "yen":
        return fmt.yen(value, lang)
    if mean and value != value.to_integral_value():
        shown = f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"
        return f"{shown}件" if lang == "ja" else shown
    return fmt.count(value, lang)


def show_change(value: Decimal, kind: str, lang: str) -> str:
    """A difference: rates in points (+2.1pt), money and counts signed."""
    if kind == "ratio":
        points = (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        sign = "+" if points > 0 else ""
        return f"{sign}{points}ポイント" if lang == "ja" else f"{sign}{points} pt"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + show(abs(value), kind, lang, mean=True)


@dataclass
class Rendered:
    """An answer's text, the facts behind its numbers and the chart a trend asks for."""

    text: str
    statement: str
    facts: list[Fact] = field(default_factory=list)
    chart: list[dict[str, object]] = field(default_factory=list)
    chart_metric: str | None = None


# -- the statement of the query -------------------------------------------------------------


def _op_words(q: KpiQuery, cal: Calendar, lang: str) -> str:
    ja = lang == "ja"
    if q.op == "trend":
        return "月次推移" if ja else "monthly trend"
    if q.op == "change_mom":
        return "前月比" if ja else "change on the month before"
    if q.op == "change_yoy":
        return "前年同期比" if ja else "change on a year earlier"
    if q.op == "compare_periods" and q.baseline is not None:
        base = describe_period(q.baseline, cal, lang)
        return f"{base}との比較" if ja else f"compared with {base}"
    if q.op == "sum":
        return "合計" if ja else "total"
    if q.op == "average":
        return "月平均" if ja else "monthly average"
    if q.op in ("best_month", "worst_month"):
        lowest = (q.by or ("max" if q.op == "best_month" else "min")) == "min"
        if q.op == "best_month" and q.metric in COST_METRICS and q.by is None:
            lowest = True
        if ja:
            return "最も低い月" if lowest else "最も高い月"
        return "lowest month" if lowest else "highest month"
    if q.op == "rank_segments":
        top = f"上位{q.top}" if q.top and ja else (f"top {q.top}" if q.top else "")
        if ja:
            return "チャネル別の順位" + (f"（{top}）" if top else "")
        return "ranking by channel" + (f" ({top})" if top else "")
    return ""


def _condition_words(metric: str, cmp: str, value: float, lang: str) -> str:
    kind = (
        "yen" if metric in COST_METRICS or split_metric(metric)[1] in ("spend", "revenue") else ""
    )
    if metric.startswith("achievement(") or metric in fmt.RATE_METRICS:
        kind = "ratio"
    number = show(Decimal(str(value)), kind or "count", lang)
    if lang == "ja":
        words = {"<": "未満", "<=": "以下", ">": "超", ">=": "以上"}[cmp]
        return f"{metric_name(metric, lang)}が{number}{words}"
    words = {"<": "below", "<=": "at or below", ">": "above", ">=": "at or above"}[cmp]
    return f"{metric_name(metric, lang)} {words} {number}"


def statement(q: KpiQuery, cal: Calendar, lang: str) -> str:
    """What was run, as a director would say it: 「2026年6月〜11月のCPL（月次推移）」."""
    ja = lang == "ja"
    period = "" if isinstance(q.period, AllPeriod) else describe_period(q.period, cal, lang)
    if isinstance(q.period, AllPeriod):
        period = ("データのある全期間" if ja else "all months with data") + (
            f"（{span(list(cal.data_months), lang)}）"
            if ja
            else f" ({span(list(cal.data_months), lang)})"
        )
    segment = ""
    if q.segment:
        segment = f"「{q.segment}」の" if ja else f" for {q.segment}"
    if q.op in ("first_month_where", "last_month_where") and q.condition is not None:
        c = q.condition
        cond = _condition_words(c.metric, c.cmp, c.value, lang)
        if ja:
            which = "初めて" if q.op == "first_month_where" else "最後に"
            return f"{period}で{segment}{cond}になった{which}の月"
        which = "first" if q.op == "first_month_where" else "last"
        return f"the {which} month in {period}{segment} with {cond}"
    if q.op == "months_below_threshold" and q.threshold is not None:
        names = ("・" if ja else ", ").join(metric_name(m, lang) for m in q.metrics)
        cond = _condition_words(q.metrics[0], q.cmp, q.threshold, lang)
        cond = cond.replace(metric_name(q.metrics[0], lang), names, 1)
        return (
            f"{period}で{segment}{cond}の月" if ja else f"months in {period}{segment} with {cond}"
        )
    names = [q.metric] if q.metric else list(q.metrics)
    metrics = ("・" if ja else ", ").join(metric_name(m, lang) for m in names)
    words = _op_words(q, cal, lang)
    if ja:
        return f"{period}の{segment}{metrics}" + (f"（{words}）" if words else "")
    return f"{metrics}{segment}, {period}" + (f" ({words})" if words else "")


# -- values and facts --------------------------------------------------------------------------


class _Facts:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[Fact] = []

    def add(self, v: QueryValue, shown: str, name: str) -> str:
        if v.value is None:
            return shown
        fact = Fact(
            id=f"F{sum(f.id.startswith('F') for f in self.items) + 1}",
            key=f"{v.label}:{v.metric}" + (f":{v.segment}" if v.segment else ""),
            label=name,
            value=float(v.value),
            unit=v.kind,
            display=shown,
            source=_sources(v.locations) or "kpi",
            month=v.months[0] if len(v.months) == 1 else None,
        )
        self.items.append(fact)
        return shown


def _sources(locations: Sequence[Location]) -> str:
    return ", ".join(dict.fromkeys(loc.source for loc in locations))


def _when(v: QueryValue, cal: Calendar, lang: str) -> str:
    if len(v.months) == 1:
        return format_month(v.months[0], lang)
    return span(v.months, lang)


def _value_lines(result: QueryResult, cal: Calendar, facts: _Facts) -> list[str]:
    if result.query.op in ("change_mom", "change_yoy", "compare_periods"):
        return _change_lines(result, cal, facts)
    return _plain_lines(result, cal, facts)


def _change_lines(result: QueryResult, cal: Calendar, facts: _Facts) -> list[str]:
    """Two periods and the difference between them (rates in points, else signed with %)."""
    lang, ja = facts.lang, facts.lang == "ja"
    lines: list[str] = []
    by_label = {v.label: v for v in result.values}
    cur, base = by_label.get("period") or _first(result.values, 0), by_label.get("baseline")
    if cur is None:
        return lines
    if base is None:
        base = _first(result.values, 1)
    name = metric_name(cur.metric, lang)
    for v in (cur, base):
        if v is not None and v.value is not None:
            shown = facts.add(v, show(v.value, v.kind, lang), f"{_when(v, cal, lang)} {name}")
            lines.append(f"- {_when(v, cal, lang)}: {shown}")
    change, rel = by_label.get("change"), by_label.get("change_rel")
    if change is not None and change.value is not None:
        text = facts.add(change, show_change(change.value, change.kind, lang), f"{name} 差")
        if rel is not None and rel.value is not None and change.kind != "ratio":
            text += (
                f"（{fmt.percent(rel.value, signed=True)}）"
                if ja
                else f" ({fmt.percent(rel.value, signed=True)})"
            )
            facts.add(rel, fmt.percent(rel.value, signed=True), f"{name} 増減率")
        lines.append(f"- {'差' if ja else 'change'}: {text}")
    return lines


def _plain_lines(result: QueryResult, cal: Calendar, facts: _Facts) -> list[str]:
    """One line per value: a month's, a period's, a mean, or a channel's rank."""
    q, lang, ja = result.query, facts.lang, facts.lang == "ja"
    lines: list[str] = []
    for v in result.values:
        if v.value is None:
            continue
        name = metric_name(v.metric, lang)
        mean = v.label == "monthly_mean"
        shown = facts.add(
            v, show(v.value, v.kind, lang, mean=mean), f"{_when(v, cal, lang)} {name}"
        )
        if q.op == "rank_segments":
            rank = len(lines) + 1
            lines.append(
                f"{rank}. {v.label}: {shown}（{_when(v, cal, lang)}）"
                if ja
                else f"{rank}. {v.label}: {shown} ({_when(v, cal, lang)})"
            )
            continue
        what = name if len(result.query.all_metrics()) > 1 else ""
        if mean:
            what = ("月平均" if ja else "monthly average") + (f" {name}" if what else "")
        when = _when(v, cal, lang)
        if ja:
            lines.append(f"- {when}{'（' + what + '）' if what else ''}: {shown}")
        else:
            lines.append(f"- {when}{' (' + what + ')' if what else ''}: {shown}")
    return lines


def _first(values: Sequence[QueryValue], i: int) -> QueryValue | None:
    return values[i] if len(values) > i else None


# -- notes ---------------------------------------------------------------------------------


def _months_list(months: Sequence[str], lang: str) -> str:
    ordered = sorted(months, key=month_index)
    shown = [format_month(m, lang) for m in ordered[:_MAX_LISTED]]
    more = len(ordered) - len(shown)
    joined = ("、" if lang == "ja" else ", ").join(shown)
    if more:
        joined += f" ほか{more}か月" if lang == "ja" else f" and {more} more"
    return joined


def _available(result: QueryResult, lang: str) -> str:
    names = ("、" if lang == "ja" else ", ").join(
        metric_name(m, lang) for m in result.metrics_available
    )
    return names or ("なし" if lang == "ja" else "none")


_NOTES: dict[str, tuple[str, str]] = {
    "running": (
        "{months}は集計中の月のため含めていません（{metric}）。",
        "{months} is still running and is left out ({metric}).",
    ),
    "partial": (
        "{months}は{metric}のデータがないため含めていません。",
        "{months} has no {metric} data and is left out.",
    ),
    "no_data": (
        "{months}の{metric}はデータにありません。データがあるのは{data}です。",
        "There is no {metric} data for {months}; the data covers {data}.",
    ),
    "no_hits": (
        "{months}に条件に当てはまる月はありませんでした。",
        "No month in {months} meets the condition.",
    ),
    "unknown_metric": (
        "データに「{metric}」はありません。答えられる指標: {available}。",
        "The data has no {metric}. Metrics it can answer: {available}.",
    ),
    "no_segments": (
        "このワークスペースのKPIにはチャネル別・セグメント別の数値がありません（全社合計のみ）。",
        "The KPI data in this workspace has no channel or segment figures (company totals only).",
    ),
    "unknown_segment": (
        "「{names}」というチャネル・セグメントはデータにありません。あるのは {segments} です。",
        "The data has no channel or segment '{names}'; it has {segments}.",
    ),
    "skipped_metrics": (
        "{metrics}はデータにないため対象外です。",
        "{metrics}: not in the data, left out.",
    ),
    "not_an_amount": (
        "{metric}は率・単価のため合計や平均ではなく期間全体の値（合計÷合計）で答えます。",
        "{metric} is a rate or unit cost: ask for its value over the period (pooled) instead "
        "of a sum or average.",
    ),
}


def note_text(note: Note, result: QueryResult, lang: str) -> str:
    """One note in the user's language (every ``Note.code`` has a sentence in ``_NOTES``)."""
    ja = lang == "ja"
    sep = "、" if ja else ", "
    ja_text, en_text = _NOTES[note.code]
    return (ja_text if ja else en_text).format(
        months=_months_list(note.months, lang),
        metric=metric_name(note.metric, lang) if note.metric else "",
        data=span(result.data_months, lang),
        available=_available(result, lang),
        names=sep.join(note.names),
        segments=sep.join(result.segments),
        metrics=sep.join(metric_name(n, lang) for n in note.names),
    )


# -- the whole answer ------------------------------------------------------------------------


def render(result: QueryResult, cal: Calendar, lang: str) -> Rendered:
    """The answer to a query that ran (status ok, no_data or unanswerable)."""
    ja = lang == "ja"
    said = statement(result.query, cal, lang)
    facts = _Facts(lang)
    facts.items += _condition_facts(result.query, lang)
    lines = [f"**{said}**" if ja else f"**{said[:1].upper()}{said[1:]}**"]
    if result.status == "ok":
        values = _value_lines(result, cal, facts)
        if not values and result.query.op in (
            "first_month_where",
            "last_month_where",
            "months_below_threshold",
        ):
            pass  # the no_hits note says so
        lines += values
    notes = [note_text(n, result, lang) for n in result.notes]
    if notes:
        lines.append("")
        lines += [f"※ {n}" if ja else f"Note: {n}" for n in notes]
    sources = _sources(result.locations())
    if sources:
        lines.append("")
        lines.append(f"出典: {sources}" if ja else f"Source: {sources}")
    chart, chart_metric = _chart(result)
    return Rendered("\n".join(lines), said, facts.items, chart, chart_metric)


def _condition_facts(q: KpiQuery, lang: str) -> list[Fact]:
    """The threshold the statement names (「30%未満」) is the query's, so it is a fact too."""
    pairs = []
    if q.condition is not None:
        pairs.append((q.condition.metric, q.condition.value))
    if q.threshold is not None and q.metrics:
        pairs.append((q.metrics[0], q.threshold))
    out = []
    for metric, value in pairs:
        ratio = metric.startswith("achievement(") or metric in fmt.RATE_METRICS
        unit = "ratio" if ratio else ("yen" if metric in COST_METRICS else "count")
        out.append(
            Fact(
                id=f"C{len(out) + 1}",
                key=f"condition:{metric}",
                label=metric_name(metric, lang),
                value=float(value),
                unit=unit,
                display=fmt.percent(Decimal(str(value))) if ratio else str(value),
                source="query",
            )
        )
    return out


def _chart(result: QueryResult) -> tuple[list[dict[str, object]], str | None]:
    """Points for a line chart where a trend over months was asked."""
    if result.status != "ok" or result.query.op != "trend":
        return [], None
    points = [
        {"month": v.label, "value": float(v.value), "metric": v.metric, "kind": v.kind}
        for v in result.values
        if v.value is not None
    ]
    return (points, result.query.metric) if len(points) >= 2 else ([], None)


def render_understood(
    understood: Understood,
    *,
    cal: Calendar,
    metrics: Sequence[str],
    segments: Sequence[str],
    lang: str,
) -> str:
    """What was understood of a question that could not be mapped, and what can be asked."""
    ja = lang == "ja"
    got: list[str] = []
    if understood.metrics:
        names = ("・" if ja else ", ").join(metric_name(m, lang) for m in understood.metrics)
        got.append(f"指標: {names}" if ja else f"metric: {names}")
    if understood.unknown_metric:
        got.append(
            f"データにない指標: {understood.unknown_metric}"
            if ja
            else f"not in the data: {understood.unknown_metric}"
        )
    if understood.period is not None:
        period = describe_period(understood.period, cal, lang)
        got.append(f"期間: {period}" if ja else f"period: {period}")
    if understood.segment:
        got.append(f"チャネル: {understood.segment}" if ja else f"channel: {understood.segment}")
    missing = {
        "metric": ("どの指標か", "which metric"),
        "period": ("どの期間か", "which period"),
        "operation": (
            "何を知りたいか（値・推移・比較など）",
            "what to do with it (value, trend, comparison …)",
        ),
        "segment": ("どのチャネルか", "which channel"),
    }.get(understood.missing or "metric", ("どの指標か", "which metric"))
    data = span(list(cal.data_months), lang)
    names = ("、" if ja else ", ").join(metric_name(m, lang) for m in metrics)
    example = _example([*understood.metrics, *metrics], cal, lang)
    # Paragraphs apart (blank lines), so Markdown keeps them on their own lines.
    if ja:
        head = (
            "KPIの質問として読み取れたのは次のとおりですが、"
            f"{missing[0]}が分からないため数値は出していません。"
        )
        scope = (
            f"答えられる範囲: {data}の月次データ" + (f"（指標: {names}）" if names else "") + "。"
        )
        channels = f"チャネル別: {'、'.join(segments)}。" if segments else ""
        tail = f"例: 「{example}」" if example else ""
    else:
        head = (
            f"I read this as a KPI question but could not tell {missing[1]}, "
            "so no figures are shown."
        )
        scope = (
            f"What I can answer: monthly data for {data}"
            + (f" (metrics: {names})" if names else "")
            + "."
        )
        channels = f"By channel: {', '.join(segments)}." if segments else ""
        tail = f'For example: "{example}"' if example else ""
    parts = [head, "\n".join(f"- {g}" for g in got), scope, channels, tail]
    return "\n\n".join(p for p in parts if p)


def _example(metrics: Sequence[str], cal: Calendar, lang: str) -> str:
    if not cal.data_months or not metrics:
        return ""
    last = cal.data_months[-1]
    metric = metrics[0]
    name = metric_name(metric, lang)
    if lang == "ja":
        return f"{format_month(last, lang)}の{name}は？"
    return f"What was the {name} in {last}?"
