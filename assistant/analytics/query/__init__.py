"""KPI questions as typed queries: parse (grammar, or an LLM into the same model), execute on
the one engine, describe what was run.

    data = KpiData.of(stored_rows, KpiOptions.of(settings))
    asked = ask("MQL→SQL転換率が初めて30%を下回ったのは何月？", data)
    asked.result.status, asked.result.months, asked.result.values

Modules: ``model`` (the query), ``periods`` (fiscal calendar, how periods are written),
``lexicon`` and ``period_grammar`` (the words and periods of questions), ``parse`` (offline
parser), ``llm`` (structured output into ``KpiQuery``), ``execute`` (running it), ``render``
(the answer in ja/en), ``service`` (``ask``: parse, check, run).
"""

from __future__ import annotations

from assistant.analytics.query.execute import KpiData, QueryResult, execute
from assistant.analytics.query.model import KpiQuery, Understood
from assistant.analytics.query.service import Asked, ask

__all__ = ["Asked", "KpiData", "KpiQuery", "QueryResult", "Understood", "ask", "execute"]
