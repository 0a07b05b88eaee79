"""A KPI question the grammar could not map, read by an LLM into the same query.

The model answers a flat schema (``LlmQuery``: months as ``YYYY-MM``, no nested periods) —
small local models fill flat objects far more reliably than discriminated unions — and code
turns it into a ``KpiQuery``.  Nothing the model says is trusted: the metric must be one the
data has, the segment one the data names, the months real months; anything else returns
``None`` and the question is answered with what was understood.  The model never sees a
figure, only the names of what can be asked, so it cannot put a number into the answer.
"""

from __future__ import annotations

import logging
import re
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.analytics.query.execute import KpiData
from assistant.analytics.query.model import (
    AllPeriod,
    Comparison,
    Condition,
    KpiQuery,
    MonthPeriod,
    Operation,
    Period,
    RangePeriod,
    is_known_metric,
)
from assistant.errors import AxisError
from assistant.llm import ChatMessage, LLMClient, structured
from assistant.llm.prompts import default_registry

log = logging.getLogger(__name__)
PROMPTS = default_registry()
PROMPT_INPUTS: dict[str, frozenset[str]] = {
    "kpi_query": frozenset({"question", "today", "fiscal_start", "metrics", "segments", "months"})
}
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class LlmQuery(BaseModel):
    """What the model fills in (see the prompt for each field's meaning)."""

    answerable: bool = Field(description="False when the question is not about these KPIs.")
    op: Operation | None = None
    metrics: list[str] = Field(default_factory=list, description="Metric ids from the list.")
    start: str | None = Field(default=None, description="First month, YYYY-MM.")
    end: str | None = Field(default=None, description="Last month, YYYY-MM.")
    baseline_start: str | None = None
    baseline_end: str | None = None
    segment: str | None = None
    condition_metric: str | None = None
    cmp: Comparison | None = None
    value: float | None = Field(
        default=None, description="Threshold: rates as fractions (30% = 0.3), money in yen."
    )
    top: int | None = None
    by: Literal["max", "min"] | None = None


def messages(question: str, data: KpiData, lang: str) -> list[ChatMessage]:
    cal = data.calendar
    content = PROMPTS.render(
        "kpi_query",
        lang="ja" if lang == "ja" else "en",
        question=question,
        today=cal.this_month,
        fiscal_start=cal.fiscal_start,
        metrics=data.metrics(),
        segments=data.segments,
        months=list(cal.data_months),
    )
    return [ChatMessage(role="user", content=content)]


def llm_query(question: str, data: KpiData, client: LLMClient, lang: str = "ja") -> KpiQuery | None:
    """The model's reading of ``question`` as a checked ``KpiQuery``, or ``None``."""
    try:
        reply = structured(client, LlmQuery, messages(question, data, lang))
    except AxisError as exc:
        log.warning("the LLM could not read the KPI question: %s", exc)
        return None
    return to_query(reply, data)


def _period(start: str | None, end: str | None) -> Period | None:
    if start is None and end is None:
        return AllPeriod()
    start, end = start or end, end or start
    if not (start and end and _MONTH.match(start) and _MONTH.match(end)):
        return None
    if start == end:
        return MonthPeriod(month=start)
    return RangePeriod(start=min(start, end), end=max(start, end))


def to_query(reply: LlmQuery, data: KpiData) -> KpiQuery | None:
    """Check the model's answer against the data; ``None`` for anything not in it."""
    if not reply.answerable or reply.op is None:
        return None
    known = set(data.metrics())
    names = [m.strip() for m in reply.metrics if m.strip()]
    if any(not is_known_metric(m) or m not in known for m in names):
        log.info("LLM named metrics the data lacks: %s", names)
        return None
    if reply.segment and reply.segment not in data.segments:
        return None
    period = _period(reply.start, reply.end)
    baseline = _period(reply.baseline_start, reply.baseline_end)
    if period is None or (reply.op == "compare_periods" and baseline is None):
        return None
    condition = None
    if reply.condition_metric and reply.cmp and reply.value is not None:
        if reply.condition_metric not in known:
            return None
        condition = Condition(metric=reply.condition_metric, cmp=reply.cmp, value=reply.value)
    multi = reply.op in ("period_aggregate", "months_below_threshold")
    try:
        return KpiQuery(
            op=reply.op,
            metric=None if multi or not names else names[0],
            metrics=names if multi else [],
            period=period,
            baseline=baseline if reply.op == "compare_periods" else None,
            segment=reply.segment or None,
            condition=condition,
            threshold=reply.value if reply.op == "months_below_threshold" else None,
            cmp=reply.cmp or "<",
            top=reply.top,
            by=reply.by,
        )
    except ValidationError as exc:
        log.info("LLM query is incomplete: %s", exc.errors()[0]["msg"])
        return None
