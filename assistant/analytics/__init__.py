"""KPI analytics: every number Axis shows about the funnel is computed here, exactly.

    report.workspace_report(settings, *, month=None, segment=None, source=None) -> KpiReport
    report.build_report(stored_rows, *, month, segment, source, threshold, options)
    consolidate.consolidate(stored_rows, *, by_segment=False)  -> (MonthFigures, findings)
    funnel.funnel_rows(figures)              rates, CPL, cost per MQL/SQL, CAC, ROI, changes
    achievement.achievement(figures, *, threshold)             actual/target, runs below
    diagnosis.diagnose(figures, table, *, options)             bottleneck and named patterns
    planning.reverse_plan(figures, *, revenue_target, ...)     won/SQL/MQL/leads/budget
    planning.what_if(figures, *, rate, value, ...)             fewer leads at a better rate
    crm.import_export(path, *, system) / crm.store_import(store, result)
                                                               CRM/MA exports (crm/ package)

Modules: ``models`` (Finding, Quantity, exact helpers), ``messages`` (ja/en templates),
``consolidate`` (stored rows → one figure set per month, data checks), ``funnel``,
``achievement``, ``diagnosis``, ``planning``, ``report``; the ``crm`` package (importer,
mapping tables as data, fast reading, vectorised parsing, counting).  Nothing here imports
Streamlit; the CLI is ``assistant/cli/kpi.py`` and the page ``ui/views/dashboard.py``.
"""

from __future__ import annotations

from assistant.analytics.models import Finding, Quantity
from assistant.errors import AnalyticsError

__all__ = ["AnalyticsError", "Finding", "Quantity"]
