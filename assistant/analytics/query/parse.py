"""Offline: a KPI question in Japanese or English → a ``KpiQuery`` (or what was understood).

The parser reads the question as concepts at positions — metrics, the periods
(``period_grammar``), a segment, a condition (「30%を下回った」 "below 32%", 「目標の8割」,
「目標を達成した」), and words that name an operation — and combines them:

1. a condition with 初めて/first → ``first_month_where``; with 最後/直近/last →
   ``last_month_where``; otherwise every month meeting it → ``months_below_threshold``;
2. channels ranked or compared (「どのチャネル」「安い順」 "rank our channels") → ``rank_segments``;
3. 一番/最も/highest/lowest with a month asked → ``best_month``/``worst_month``
   (for a cost, the *best* month is the cheapest);
4. 前年同月/YoY → ``change_yoy``; 前月比/"the month before" → ``change_mom``; two periods,
   「XからYで」 "from X to Y", or 「その前の3か月」 "the quarter before" → ``compare_periods``;
5. several metrics → ``period_aggregate``; 平均/average → ``average``; 推移/monthly/trend →
   ``trend``; 合計/total → ``sum``; 「どうだった」 "how did … close" → ``period_aggregate``;
   else ``value``.

A question with no metric Axis knows and no metric-like word, or an amount asked for with no
period, is not guessed: ``parse`` returns ``Understood`` — what it did find — so the answer
can say what it read and what it can answer instead.  A metric the data cannot have
(「セッション数」 "sessions") still makes a query, which the executor answers as not in the
data.  Nothing here knows any company's files or wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.analytics.query import lexicon as lx
from assistant.analytics.query.model import (
    BASE_METRICS,
    COST_METRICS,
    AllPeriod,
    Condition,
    KpiQuery,
    Period,
    ShiftPeriod,
    Understood,
    is_amount,
    split_metric,
)
from assistant.analytics.query.period_grammar import Mention, periods, shifted_fy
from assistant.analytics.query.periods import Calendar, resolve
from assistant.text.normalize import fold

_STAGES = ("leads", "mql", "sql", "won")
_TARGETED = ("leads", "mql", "sql", "won", "revenue")
_RATIO_UNITS = ("%", "％", "パーセント", "percent", "割")
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_BASELINE_AFTER = re.compile(r"^\s*(?:から|より|比|に比べ|と比べ|と比較|対比|と比して|の水準)")
_BASELINE_BEFORE = re.compile(
    r"(?:\bvs\.?|versus|compared\s+(?:with|to)|against|relative\s+to|\bwith|\bfrom|\bover"
    r"|\bthan)\s*(?:the\s+)?(?:same\s+)?$"
)
_PREVIOUS_FY = re.compile(
    r"前の期|その前の期|前年度比|前期比|previous\s+(?:fiscal\s+)?year|year\s+before"
)
_CHANGE_WORDS = re.compile(
    r"変わ|変化|増減|伸び|改善|悪化|増え|減っ|上が|下が|change|up\s+or\s+down|improv|grow|grew"
    r"|drop|fell|rise|rose|increase|decrease|differ|比べ|比較|compar|\bvs\b"
)
_PLURAL_MONTHS = re.compile(
    r"どの(?:月|ステージ|段階)|洗い出|すべて|全て|一覧|月ある|月があ|段階と月|ステージの何月"
    r"|which\s+months|what\s+months|months\s+(?:did|were|had)|\blist\b|any\s+months"
    r"|in\s+which\s+months"
)
_SUPERLATIVE = re.compile(
    r"(一番|最も|いちばん|もっとも)[^、。？?]{0,12}?(高|多|大|良|よ|取れ|獲れ|伸び|稼|売れ|低|少|小|悪|わる|弱|安|落)"
)
_UP = re.compile(r"高|多|大|良|よ|取れ|獲れ|伸び|稼|売れ")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Read:
    """Everything found in one question."""

    text: str  # folded
    masked: str  # periods blanked
    mentions: list[Mention]
    metrics: list[Found]
    segment: str | None
    channel_asked: bool
    condition: Condition | None


def parse(question: str, *, cal: Calendar, segments: list[str]) -> KpiQuery | Understood:
    """The query a question asks, or what was understood of it (never a guess)."""
    text = fold(question)
    mentions = periods(text, question, cal)
    masked = _masked(text, mentions)
    metrics = _metrics(masked)
    strong = _unknown_metric(masked, strong_only=True)
    if strong is not None:  # 「サイトのセッション数」: asked about data Axis does not have
        metrics = [Found(0, 0, strong)]
    segment, channel_asked = _segment(_masked(text, mentions, metrics), segments)
    condition = _condition(masked, metrics)
    read = _Read(text, masked, mentions, metrics, segment, channel_asked, condition)
    op = _operation(read)
    if not metrics and condition is None:
        unknown = _unknown_metric(masked, strong_only=False)
        if unknown is None:
            return _understood(op, mentions, segment)
        read = _Read(text, masked, mentions, [Found(0, 0, unknown)], segment, False, None)
    return _assemble(read, op, cal)


def _masked(text: str, mentions: Sequence[Mention], found: Sequence[Found] = ()) -> str:
    """``text`` with the periods (and metrics) blanked out, so 「広告費」 is not the channel
    広告 and the 2025 of 「2025年度」 is no threshold."""
    chars = list(text)
    for m in [*mentions, *found]:
        for i in range(m.start, m.end):
            chars[i] = " "
    return "".join(chars)


# -- metrics ----------------------------------------------------------------------------------


def _metrics(masked: str) -> list[Found]:
    """Metric mentions in order, computed ones winning over the base figures inside them."""
    taken = [False] * len(masked)
    found: list[Found] = []
    for name, pattern in lx.METRIC_PATTERNS:
        for m in pattern.finditer(masked):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append(Found(m.start(), m.end(), name))
    found.sort(key=lambda f: f.start)
    return [_wrapped(masked, found, i) for i in range(len(found))]


def _wrapped(text: str, found: list[Found], i: int) -> Found:
    """目標/達成率 next to a base figure: 「受注の達成率」 → achievement(won), 「目標リード数」
    → target(leads); "revenue against target" → achievement(revenue)."""
    f = found[i]
    base = split_metric(f.name)[1]
    if base not in (*_TARGETED, "spend"):
        return f
    nxt = found[i + 1].start if i + 1 < len(found) else len(text)
    after = text[f.end : min(nxt, f.end + 24)]
    before = text[max(0, f.start - 10) : f.start]
    if lx.ACHIEVEMENT.search(after) or re.search(r"(?:attainment|達成)\s*(?:of|の)?\s*$", before):
        return Found(f.start, f.end, f"achievement({base})")
    target_after = re.match(
        r"\s*(?:の)?\s*(?:目標|予算|計画|target|goal|budget)(?!.*(?:達成|比))", after
    )
    target_before = re.search(
        r"(?:目標|予算|target\s+for|goal\s+for|budget\s+for)\s*(?:の)?\s*$", before
    )
    if target_after or target_before:
        return Found(f.start, f.end, f"target({base})")
    return f


def _unknown_metric(masked: str, *, strong_only: bool) -> str | None:
    """A metric-like phrase Axis has no figure for: the named ones (sessions, NPS, 解約率)
    always; a generic 「〜数/〜率」 only when no known metric was found."""
    for m in lx.UNKNOWN_METRIC.finditer(masked):
        generic, named, named_ja = m.groups()
        if strong_only and not (named or named_ja):
            continue
        word = (generic or named or named_ja or "").strip()
        if word and word not in lx.NOT_METRICS and not word.endswith(("何件", "件数")):
            return word
    return None


# -- segments ---------------------------------------------------------------------------------


def _segment(text: str, segments: list[str]) -> tuple[str | None, bool]:
    """The segment a question names (as the data spells it), and whether it asks about
    channels at all.  A channel the data does not have is returned as the question names
    it, so the answer can say the data has no such breakdown."""
    asked = bool(lx.CHANNEL_WORD.search(text))
    named = [n for n in segments if fold(n) and fold(n) in text]
    if named:
        return max(named, key=lambda n: len(fold(n))), True
    concept = _channel_concept(text)
    if concept is not None:
        match = next((n for n in segments if concept in fold(n)), None)
        return match or concept, True
    if m := lx.VIA.search(text):
        return next(g for g in m.groups() if g).strip(), True
    return None, asked


def _channel_concept(text: str) -> str | None:
    for concept, pattern in (*lx.JA_CHANNEL_SYNONYMS, *lx.CHANNEL_CONCEPTS):
        if re.search(rf"\b(?:{pattern})", text) or (concept.isascii() is False and concept in text):
            if lx.SEGMENT_TOTAL.search(text) and not re.search(rf"\b(?:{pattern})", text):
                continue
            return concept
    return None


# -- conditions -------------------------------------------------------------------------------


def _condition(masked: str, metrics: list[Found]) -> Condition | None:
    """The last 「<metric>が<number>を下回る」-style condition in the question (the one asked;
    an earlier one is usually context: "after it first slipped under 30%, when …"), or one
    said without a number (「目標を達成した」, "over budget")."""
    found: list[Condition] = []
    for m in lx.NUMBER.finditer(masked):
        unit = "円" if m.group("yen") else (m.group("unit") or "").lower()
        cmp = _comparison(masked, m.start(), m.end())
        if cmp is None:
            continue
        value = _number_value(m)
        metric = _condition_metric(metrics, m.start())
        if _share_of_target(masked, m) or (
            metric and metric.startswith(("achievement(", "target("))
        ):
            base = split_metric(metric)[1] if metric and split_metric(metric)[0] else None
            found.append(Condition(metric=f"achievement({base or '*'})", cmp=cmp, value=value))
        elif metric is not None and (unit or _bare_threshold(masked, m)):
            found.append(Condition(metric=metric, cmp=cmp, value=value))
    if found:
        return found[-1]
    return _said_condition(masked, metrics)


def _said_condition(masked: str, metrics: list[Found]) -> Condition | None:
    if lx.OVER_BUDGET.search(masked):
        return Condition(metric="achievement(spend)", cmp=">", value=1.0)
    base = next(
        (split_metric(f.name)[1] for f in metrics if split_metric(f.name)[1] in _TARGETED), None
    )
    if lx.MISSED_TARGET.search(masked):
        return Condition(metric=f"achievement({base or '*'})", cmp="<", value=1.0)
    if lx.HIT_TARGET.search(masked):
        return Condition(metric=f"achievement({base or '*'})", cmp=">=", value=1.0)
    return None


def _share_of_target(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 30]
    return bool(
        re.search(
            r"(?:目標|予算|計画|target|goal|plan|達成率|達成度|attainment|achievement)\s*(?:の|が|は|で|of)?\s*$",
            before,
        )
        or re.match(
            r"\s*(?:of|to)\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:target|goal|plan)", after
        )
    )


def _bare_threshold(text: str, m: re.Match[str]) -> bool:
    """A number without a unit that is still a threshold: 「10を下回った」, "18 or more deals"."""
    after = text[m.end() : m.end() + 16]
    before = text[max(0, m.start() - 20) : m.start()]
    return bool(
        re.match(
            r"\s*(?:件|社)?\s*(?:を|に|より)?\s*(?:下回|上回|超え|切|割|未満|以上|以下)", after
        )
        or re.match(r"\s*(?:or\s+(?:more|fewer|less|higher|lower))", after)
        or lx.EN_BELOW.search(before)
        or lx.EN_ABOVE.search(before)
    )


def _number_value(m: re.Match[str]) -> float:
    if m.group("yen"):
        value = float(m.group("ynum").replace(",", ""))
        return value * {"k": 1_000, "m": 1_000_000, "万": 10_000}.get(m.group("yk") or "", 1)
    value = float(m.group("num").replace(",", ""))
    unit = (m.group("unit") or "").lower()
    if unit in ("%", "％", "パーセント", "percent", "pt", "pts"):
        return value / 100
    if unit == "割":
        return value / 10
    scale = {"万円": 10_000, "万": 10_000, "千円": 1_000, "百万円": 1_000_000, "億円": 100_000_000}
    return value * scale.get(unit, 1)


def _comparison(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 14]
    before = text[max(0, start - 28) : start]
    if lx.AT_MOST.search(after[:12]):
        return "<="
    back = re.search(r"(?:at\s+least|back\s+(?:to|above)|(?:back\s+)?up\s+to)\s*$", before)
    if lx.AT_LEAST.search(after[:12]) or back:
        return ">="
    if lx.BELOW.search(after[:10]) or lx.EN_BELOW.search(before):
        return "<"
    if lx.ABOVE.search(after[:10]) or lx.EN_ABOVE.search(before):
        return ">"
    return None


def _condition_metric(metrics: list[Found], at: int) -> str | None:
    before = [f for f in metrics if f.start < at]
    if before:
        return before[-1].name
    return metrics[0].name if metrics else None


# -- operations -------------------------------------------------------------------------------


def _operation(r: _Read) -> str:
    m = r.masked
    if r.condition is not None:
        if lx.FIRST.search(m) and not _PLURAL_MONTHS.search(m):
            return "first_month_where"
        if (
            lx.LAST.search(r.text) or re.search(r"直近|最近|most\s+recent|\blast\b", m)
        ) and not _PLURAL_MONTHS.search(m):
            return "last_month_where"
        return "months_below_threshold"
    if _ranks_channels(r):
        return "rank_segments"
    if _superlative(m) and _month_asked(m):
        return "best_month" if _higher(m) else "worst_month"
    if lx.YOY.search(r.text):
        return "change_yoy"
    if lx.MOM.search(r.text):
        return "change_mom"
    if _compared(r):
        return "compare_periods"
    return _plain_operation(r)


def _plain_operation(r: _Read) -> str:
    m = r.masked
    if len({f.name for f in r.metrics}) > 1:
        return "period_aggregate"
    if lx.AVERAGE.search(m):
        return "average"
    if lx.TREND.search(m):
        return "trend"
    if lx.SUM.search(m) and not lx.SEGMENT_TOTAL.search(r.text):
        return "sum"
    if lx.AGGREGATE.search(r.text):
        return "period_aggregate"
    return "value"


def _ranks_channels(r: _Read) -> bool:
    """Channels put in order (「安い順に」 "rank our channels") or the best one asked for
    (「どのチャネルが一番」 "which channel") — not a month, not one named channel."""
    if _month_asked(r.masked):
        return False
    named = r.segment is not None
    if lx.RANK.search(r.text) and (r.channel_asked or _superlative(r.masked)) and not named:
        return True
    return r.channel_asked and not named and _superlative(r.masked)


def _compared(r: _Read) -> bool:
    if len(r.mentions) >= 2 and lx.COMPARE.search(r.masked):
        return True
    if (
        any(x.parts for x in r.mentions)
        and _CHANGE_WORDS.search(r.masked)
        and not lx.TREND.search(r.masked)
    ):
        return True  # 「8月から9月でどう変わった」 "change from August to September"
    one = len(r.mentions) == 1
    return one and bool(_PREVIOUS_FY.search(r.text) or lx.PREVIOUS_SAME.search(r.text))


def _superlative(text: str) -> bool:
    return bool(lx.MAX_WORDS.search(text) or lx.MIN_WORDS.search(text) or _SUPERLATIVE.search(text))


def _higher(text: str) -> bool:
    """Whether the superlative asks for the largest value (max) rather than the smallest."""
    if m := _SUPERLATIVE.search(text):
        return bool(_UP.fullmatch(m.group(2)))
    up, down = lx.MAX_WORDS.search(text), lx.MIN_WORDS.search(text)
    return bool(up) and (not down or up.start() < down.start())


def _month_asked(text: str) -> bool:
    return bool(lx.WHICH_MONTHS.search(text)) or bool(
        re.search(r"月(?:は|って|が|で|に)?\s*[?？]?$|月を|月でし|\bmonth\b", text)
    )


# -- assembling -------------------------------------------------------------------------------


def _assemble(r: _Read, op: str, cal: Calendar) -> KpiQuery | Understood:
    names = list(dict.fromkeys(f.name for f in r.metrics))
    period, baseline = _periods_for(r, op, cal)
    needs_period = ("value", "sum", "average", "period_aggregate", "change_mom", "change_yoy")
    if op in needs_period and period is None:
        return Understood(metrics=names, segment=r.segment, op=op, missing="period")  # type: ignore[arg-type]
    period = period or AllPeriod()
    if op == "change_mom" and len(resolve(period, cal).months) > 1:
        op, baseline = "compare_periods", _previous_span(period, cal)
    if op == "compare_periods" and baseline is None:
        op = "value"
    if op in ("first_month_where", "last_month_where"):
        assert r.condition is not None
        condition = r.condition
        if condition.metric == "achievement(*)":
            condition = condition.model_copy(update={"metric": "achievement(won)"})
        return KpiQuery(op=op, condition=condition, period=period, segment=r.segment)  # type: ignore[arg-type]
    if op == "months_below_threshold":
        assert r.condition is not None
        return KpiQuery(
            op=op,  # type: ignore[arg-type]
            metrics=_threshold_metrics(r, names),
            threshold=r.condition.value,
            cmp=r.condition.cmp,
            period=period,
            segment=r.segment,
        )
    if op == "period_aggregate":
        metrics = _aggregate_metrics(r.text, names)
        return KpiQuery(op="period_aggregate", metrics=metrics, period=period, segment=r.segment)
    metric = _primary(names)
    if op in ("sum", "average") and not is_amount(metric):
        op = "value"  # "the average CPL" is the CPL of the period (pooled), not a mean of rates
    if op in ("best_month", "worst_month"):
        by = _direction(r.text, metric)
        return KpiQuery(op=op, metric=metric, by=by, period=period, segment=r.segment)  # type: ignore[arg-type]
    if op == "rank_segments":
        order, top = _ranking(r.text, r.masked)
        return KpiQuery(op="rank_segments", metric=metric, period=period, order=order, top=top)
    if op == "compare_periods":
        return KpiQuery(op=op, metric=metric, period=period, baseline=baseline, segment=r.segment)
    return KpiQuery(op=op, metric=metric, period=period, segment=r.segment)  # type: ignore[arg-type]


def _direction(text: str, metric: str) -> str:
    """max or min: "best"/"worst" mean the cheapest/dearest month for a cost."""
    best = bool(lx.BEST_WORDS.search(text))
    worst = bool(lx.WORST_WORDS.search(text))
    wrapper, base = split_metric(metric)
    cost = wrapper is None and base in COST_METRICS
    if best != worst:
        return ("min" if cost else "max") if best else ("max" if cost else "min")
    return "max" if _higher(text) else "min"


def _ranking(text: str, masked: str) -> tuple[str, int | None]:
    down = bool(lx.ASC.search(text)) or (_superlative(masked) and not _higher(masked))
    if re.search(r"安い|cheap|efficient|効率", text) and not re.search(r"高い|expensive", text):
        down = True
    top = None
    if m := lx.TOP_N.search(text):
        raw = next(g for g in m.groups() if g)
        top = _EN_NUMBERS.get(raw) or int(raw)
    elif _superlative(masked) and not lx.ORDERING.search(masked):
        top = 1
    return ("asc" if down else "desc"), top


def _primary(names: list[str]) -> str:
    """The metric a single-metric question is about: a wrapped or computed one first
    (「受注の達成率」 is about achievement, not the won count)."""
    for name in names:
        if split_metric(name)[0] or name not in BASE_METRICS:
            return name
    return names[0]


def _threshold_metrics(r: _Read, names: list[str]) -> list[str]:
    assert r.condition is not None
    metric = r.condition.metric
    if not metric.startswith("achievement("):
        return [metric]
    bases = [split_metric(n)[1] for n in names if split_metric(n)[1] in _TARGETED]
    if metric != "achievement(*)" and not bases:
        return [metric]
    if bases:
        return [f"achievement({b})" for b in dict.fromkeys(bases)]
    pool = _STAGES if lx.STAGES_WORD.search(r.text) else _TARGETED
    return [f"achievement({b})" for b in pool]


def _aggregate_metrics(text: str, names: list[str]) -> list[str]:
    """Actuals first, then their achievements when 達成率/"against target" is asked for all."""
    bases = [n for n in names if split_metric(n)[0] is None]
    wrapped = [n for n in names if split_metric(n)[0] is not None]
    if (
        bases
        and len(wrapped) == 1
        and names[-1] == wrapped[0]
        and wrapped[0].startswith("achievement(")
    ):
        # 「リード・MQL・受注の実績と達成率」: the achievement asked of the last applies to all
        bases, wrapped = [*bases, split_metric(wrapped[0])[1]], []
    if lx.ACHIEVEMENT.search(text) and bases and not wrapped:
        return [*bases, *(f"achievement({b})" for b in bases if b in _TARGETED)]
    out: list[str] = []
    for name in names:
        wrapper, base = split_metric(name)
        out += [base, f"target({base})", name] if wrapper == "achievement" else [name]
    return list(dict.fromkeys(out))


def _previous_span(period: Period, cal: Calendar) -> Period:
    """The period of the same length just before (「直近3か月」と「その前の3か月」)."""
    return ShiftPeriod(period=period, months=-len(resolve(period, cal).months))


def _periods_for(r: _Read, op: str, cal: Calendar) -> tuple[Period | None, Period | None]:
    """The period asked about and, for a comparison, the one it is compared with."""
    mentions, text = r.mentions, r.text
    if not mentions:
        return None, None
    if op == "compare_periods":
        return _comparison_periods(r, cal)
    if op == "trend" and len(mentions) > 1:
        months = [m for x in mentions for m in resolve(x.period, cal).months]
        if months:
            from assistant.analytics.query.model import RangePeriod

            return RangePeriod(start=min(months), end=max(months)), None
    del text
    return mentions[0].period, None


def _comparison_periods(r: _Read, cal: Calendar) -> tuple[Period | None, Period | None]:
    mentions, text = r.mentions, r.text
    if len(mentions) == 1:
        only = mentions[0]
        if only.parts is not None:  # "from X to Y": Y against X
            return only.parts[1], only.parts[0]
        if _PREVIOUS_FY.search(text):
            return only.period, shifted_fy(only.period, cal, -1)
        if lx.PREVIOUS_SAME.search(text):
            return only.period, _previous_span(only.period, cal)
        return only.period, None
    marked = [
        i
        for i, m in enumerate(mentions)
        if _BASELINE_AFTER.match(text[m.end : m.end + 8])
        or _BASELINE_BEFORE.search(text[max(0, m.start - 24) : m.start])
    ]
    if not marked:
        return mentions[0].period, mentions[1].period
    base = marked[0]
    current = next(m for j, m in enumerate(mentions) if j != base)
    return current.period, mentions[base].period


def _understood(op: str, mentions: list[Mention], segment: str | None) -> Understood:
    return Understood(
        period=mentions[0].period if mentions else None,
        segment=segment,
        op=op,  # type: ignore[arg-type]
        missing="metric",
    )
