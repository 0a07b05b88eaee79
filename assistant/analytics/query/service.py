"""One KPI question end to end: parse it, check the query against the data, run it.

The grammar parser answers first (fast, offline, deterministic).  Only a question it cannot
map goes to an LLM, when one is configured, as structured output into the same
``KpiQuery`` — and the LLM's query is checked against the metrics, segments and months the
data has before it runs.  A question neither can map comes back as ``Understood``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from assistant.analytics.query.execute import KpiData, QueryResult, execute
from assistant.analytics.query.followup import follow_up
from assistant.analytics.query.lexicon import OVERVIEW
from assistant.analytics.query.model import KpiQuery, Understood
from assistant.analytics.query.parse import parse
from assistant.llm import LLMClient
from assistant.text.normalize import nfkc

log = logging.getLogger(__name__)


@dataclass
class Asked:
    question: str
    query: KpiQuery | None
    understood: Understood | None
    result: QueryResult | None
    parsed_by: Literal["grammar", "follow_up", "llm", "none"]


# A period's numbers as a whole, in funnel order: what 「9月のKPIは？」 shows.
OVERVIEW_METRICS: tuple[str, ...] = (
    "leads",
    "mql",
    "sql",
    "won",
    "lead_to_mql",
    "mql_to_sql",
    "sql_to_won",
    *(f"achievement({m})" for m in ("leads", "mql", "sql", "won", "revenue")),
    "spend",
    "revenue",
    "cpl",
)


def overview(question: str, understood: Understood, data: KpiData) -> KpiQuery | None:
    """「2026年9月のKPIは？」: a period named, no metric, a word for the numbers as a whole —
    every overview metric the data has for that period."""
    if understood.missing != "metric" or understood.period is None or understood.metrics:
        return None
    if not OVERVIEW.search(nfkc(question).lower()):
        return None
    metrics = [m for m in OVERVIEW_METRICS if data.has_metric(m, understood.segment)]
    if not metrics:
        return None
    return KpiQuery(
        op="period_aggregate",
        metrics=metrics,
        period=understood.period,
        segment=understood.segment,
    )


def ask(
    question: str,
    data: KpiData,
    *,
    client: LLMClient | None = None,
    previous: KpiQuery | None = None,
    use_grammar: bool = True,
    lang: str = "ja",
) -> Asked:
    """Parse and run ``question``, a follow-up of ``previous`` when it names only what
    changes; ``use_grammar=False`` asks the LLM only (benchmarks)."""
    parsed: KpiQuery | Understood = Understood(missing="metric")
    by: Literal["grammar", "follow_up", "llm", "none"] = "grammar"
    if use_grammar:
        parsed = parse(question, cal=data.calendar, segments=data.segments)
        if isinstance(parsed, Understood):
            continued = follow_up(question, parsed, previous, data.calendar)
            if continued is not None:
                parsed, by = continued, "follow_up"
            elif (whole := overview(question, parsed, data)) is not None:
                parsed = whole
    if isinstance(parsed, Understood) and client is not None:
        from assistant.analytics.query.llm import llm_query

        from_llm = llm_query(question, data, client, lang)
        if from_llm is not None:
            parsed, by = from_llm, "llm"
    if isinstance(parsed, Understood):
        return Asked(question, None, parsed, None, "none")
    return Asked(question, parsed, None, execute(parsed, data), by)
