"""KPI dashboard: funnel, rate trends, achievement heat table, diagnosis, reverse planning.

Every number comes from ``assistant.analytics``; this page picks what to show, draws it
(Altair) and offers each chart's data as CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import altair as alt
import pandas as pd
import streamlit as st

from assistant.analytics import format as fmt
from assistant.analytics.crm.importer import import_bytes, store_import
from assistant.analytics.format import label
from assistant.analytics.funnel import FunnelRow
from assistant.analytics.options import KpiOptions
from assistant.analytics.planning import (
    PERIOD_MONTHS,
    default_revenue_target,
    target_period,
    what_if,
)
from assistant.analytics.query import KpiData
from assistant.analytics.report import (
    KpiReport,
    segments,
    sources,
    workspace_report,
    workspace_rows,
)
from assistant.analytics.views import (
    achievement_rows,
    first_window_rate,
    funnel_stages,
    period_rows,
    plan_rows,
    rate_series,
)
from assistant.db.records import StoredKpiMonth
from assistant.errors import AxisError
from assistant.text.months import format_period
from ui import state
from ui.i18n import lang, t

settings = state.settings()


def _pct(value: float | Decimal | None) -> str:
    return "—" if value is None else fmt.percent(value)


def _yen(value: float | Decimal | int | None) -> str:
    return "—" if value is None else fmt.yen(value, lang())


def _download(frame: pd.DataFrame, name: str) -> None:
    st.download_button(
        t("dash_download"),
        frame.to_csv(index=False).encode("utf-8-sig"),  # BOM: Excel opens Japanese CSV right
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download-{name}",
    )


def import_section(expanded: bool) -> None:
    with st.expander(t("dash_import_header"), expanded=expanded):
        with st.form("crm-import", clear_on_submit=True):
            system = st.radio(
                t("dash_import_system"),
                ["hubspot", "salesforce"],
                horizontal=True,
                format_func={"hubspot": "HubSpot", "salesforce": "Salesforce"}.get,
            )
            upload = st.file_uploader(t("dash_import_file"), type=["csv", "tsv", "txt", "xlsx"])
            by_channel = st.checkbox(t("dash_import_by_channel"))
            submitted = st.form_submit_button(t("dash_import_button"), type="primary")
        if not (submitted and upload):
            return
        try:
            result = import_bytes(
                upload.getvalue(), filename=upload.name, system=system, by_channel=by_channel
            )
            store_import(state.store(settings.workspace), result)
        except AxisError as exc:
            st.error(str(exc))
            return
        st.success(
            t(
                "dash_imported",
                source=result.source,
                report=result.title,
                records=f"{result.records:,}",
                months=len(result.month_list()),
                skipped=len(result.skipped),
            )
        )
        if result.skipped:
            st.caption(t("dash_skipped_header"))
            st.dataframe(
                pd.DataFrame([s.model_dump() for s in result.skipped]).rename(
                    columns={"row": t("dash_col_row"), "reason": t("dash_col_reason")}
                ),
                hide_index=True,
            )
        if result.cohort:
            st.caption(t("dash_cohort_header"))
            st.dataframe(pd.DataFrame([c.model_dump() for c in result.cohort]), hide_index=True)


def funnel_section(report: KpiReport, month: str) -> None:
    st.subheader(t("dash_funnel", month=format_period([month], lang())))
    rows = funnel_stages(report, month)
    frame = pd.DataFrame(rows)
    frame["label"] = [label(s, lang()) for s in frame["stage"]]
    chart = (
        alt.Chart(frame.dropna(subset=["count"]))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=list(frame["label"]), title=t("dash_col_stage")),
            x=alt.X("count:Q", title=t("dash_col_count")),
            tooltip=["label", "count", alt.Tooltip("rate_from_previous:Q", format=".1%")],
        )
    )
    st.altair_chart(chart, width="stretch")
    st.caption(
        " → ".join(
            f"{label(r['stage'], lang())} {_pct(r['rate_from_previous'])}"
            for r in rows
            if r["rate_from_previous"] is not None
        )
    )
    _download(frame.drop(columns=["label"]), f"funnel-{month}")


def rates_section(report: KpiReport) -> None:
    st.subheader(t("dash_rates"))
    frame = pd.DataFrame(rate_series(report))
    frame["label"] = [label(r, lang()) for r in frame["rate"]]
    chart = (
        alt.Chart(frame.dropna(subset=["value"]))
        .mark_line(point=True)
        .encode(
            x=alt.X("month:O", title=t("dash_col_month")),
            y=alt.Y("value:Q", axis=alt.Axis(format="%"), title=t("dash_col_value")),
            color=alt.Color("label:N", title=t("dash_col_rate")),
            tooltip=["month", "label", alt.Tooltip("value:Q", format=".1%")],
        )
    )
    st.altair_chart(chart, width="stretch")
    _download(frame.drop(columns=["label"]), "conversion-rates")


def periods_section(stored: list[StoredKpiMonth]) -> None:
    """Fiscal quarters, halves or years, pooled by the same engine chat answers with."""
    st.subheader(t("dash_periods"))
    by = st.radio(
        t("dash_periods_by"),
        ["quarter", "half", "year"],
        format_func=lambda b: t(f"dash_by_{b}"),
        horizontal=True,
    )
    data = KpiData.of(stored, KpiOptions.of(settings))
    rows = period_rows(data, by=by, lang=lang())
    if not rows:
        return
    metrics = list(rows[0]["values"])
    frame = pd.DataFrame(
        [{"period": r["name"], "complete": r["complete"], **r["values"]} for r in rows]
    )
    shown = pd.DataFrame(
        {t("dash_col_period_name"): [r["name"] + ("" if r["complete"] else " *") for r in rows]}
    )
    for m in metrics:
        shown[_metric_label(m)] = [_show(m, r["values"][m]) for r in rows]
    st.dataframe(shown, hide_index=True)
    if not all(r["complete"] for r in rows):
        st.caption(t("dash_periods_partial"))
    st.caption(t("dash_periods_fiscal", month=data.calendar.fiscal_start))
    _download(frame, f"kpi-by-{by}")


def _metric_label(metric: str) -> str:
    if metric.startswith("achievement("):
        return t("dash_vs_target", stage=label(metric[len("achievement(") : -1], lang()))
    return label(metric, lang())


def _show(metric: str, value: float | None) -> str:
    if value is None:
        return "—"
    return fmt.metric(metric, Decimal(str(value)), lang())


def achievement_section(report: KpiReport) -> None:
    st.subheader(t("dash_achievement"))
    rows = achievement_rows(report)
    if not rows:
        st.info(t("dash_no_targets"))
        return
    frame = pd.DataFrame(rows)
    grid = frame.pivot(index="stage", columns="month", values="ratio")
    grid = grid.reindex([s for s in dict.fromkeys(frame["stage"])])
    below = frame.pivot(index="stage", columns="month", values="below").reindex(grid.index)
    shown = grid.map(lambda v: "—" if pd.isna(v) else _pct(v))
    shown = shown.where(~below.fillna(False).astype(bool), "⚠ " + shown)
    shown.index = [label(s, lang()) for s in grid.index]
    styles = below.map(
        lambda b: (
            "background-color: #f8d7da; color: #842029"
            if b is True
            else "background-color: #d1e7dd"
            if b is False
            else ""
        )
    )
    styles.index = shown.index
    st.dataframe(shown.style.apply(lambda _: styles, axis=None), width="stretch")
    st.caption(t("dash_achievement_help", threshold=_pct(report.achievement.threshold)))
    _download(frame, "achievement")


def diagnosis_section(report: KpiReport) -> None:
    st.subheader(t("dash_diagnosis"))
    analysis = [f for f in report.diagnosis if f.category != "data"]
    data = [f for f in report.diagnosis if f.category == "data"]
    if not analysis:
        st.success(t("dash_no_findings"))
    show = {"critical": st.error, "warning": st.warning, "info": st.info}
    for finding in analysis:
        show[finding.severity](finding.message(lang()))
    if data:
        with st.expander(t("dash_data_checks", n=len(data))):
            for finding in data:
                st.markdown(f"- {finding.message(lang())}")


def plan_section(report: KpiReport) -> None:
    st.subheader(t("dash_plan"))
    default = default_revenue_target(report.figures, window=settings.kpi_window)
    back_then = first_window_rate(report, "mql_to_sql", months=settings.kpi_window)
    with st.form("plan"):
        c1, c2 = st.columns(2)
        target_text = c1.text_input(
            t("dash_plan_target"),
            value=t("dash_plan_target_value", amount=f"{default.revenue:,}") if default else "",
            placeholder=t("dash_plan_target_placeholder"),
        )
        deal = c2.number_input(t("dash_plan_deal"), min_value=0, value=0, step=100_000)
        c3, c4, c5 = st.columns(3)
        window = c3.number_input(t("dash_plan_window"), 1, 36, settings.kpi_window)
        periods = ["text", *PERIOD_MONTHS]
        period = c4.selectbox(
            t("dash_plan_period"), periods, format_func=lambda p: t(f"dash_period_{p}")
        )
        rate = c5.number_input(
            t("dash_plan_whatif"), 0.1, 100.0, round((back_then or 0.3) * 100, 1), step=0.5
        )
        submitted = st.form_submit_button(t("dash_plan_button"), type="primary")
    if default:
        st.caption(
            t(
                "dash_plan_default",
                month=format_period([default.month], lang()),
                won=default.won_target,
                deal=_yen(default.deal_size),
            )
        )
    if not submitted:
        return
    if not target_text.strip():
        st.error(t("dash_plan_target_needed"))
        return
    try:
        target, covers = target_period(target_text, None if period == "text" else period)
        scenario = what_if(
            report.figures,
            value=Decimal(str(rate)) / 100,
            revenue_target=target,
            deal_size=int(deal) or None,
            window=int(window),
            period_months=PERIOD_MONTHS[covers],
        )
    except AxisError as exc:
        st.error(exc.localized(lang()))
        return
    plan = scenario.base
    frame = pd.DataFrame(plan_rows(plan, scenario))
    shown = frame.assign(
        stage=[label(s, lang()) if s != "budget" else t("dash_budget") for s in frame["stage"]]
    )
    st.dataframe(
        shown.rename(
            columns={
                "stage": t("dash_col_stage"),
                "period": t("dash_col_period"),
                "per_month": t("dash_col_per_month"),
                "run_rate": t("dash_col_run_rate"),
                "gap": t("dash_col_gap"),
                "what_if": t("dash_col_what_if"),
            }
        ),
        hide_index=True,
    )
    a = plan.assumptions
    st.caption(
        t(
            "dash_plan_assumptions",
            deal=_yen(a.deal_size),
            deal_source=t(f"dash_deal_{a.deal_size_source}"),
            rates="、".join(f"{label(k, lang())} {_pct(v)}" for k, v in a.rates.items()),
            cpl=_yen(a.cpl),
            months=format_period(a.window_months, lang()),
        )
    )
    st.info(
        t(
            "dash_whatif_result",
            to=_pct(scenario.to_rate),
            from_=_pct(scenario.from_rate),
            fewer=f"{scenario.fewer_leads:,}",
            saved=_yen(scenario.budget_saved),
        )
    )
    _download(frame, "reverse-plan")


def metrics_section(row: FunnelRow) -> None:
    """The month at a glance, with the change from the month before."""

    def delta(value: Decimal | None, show: Callable[[Decimal], str]) -> str | None:
        return None if value is None else show(value)

    mom = row.mom
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(
        t("dash_metric_leads"),
        f"{row.figures.leads or 0:,}",
        delta(mom["leads"].relative, _pct),
    )
    m2.metric(
        t("dash_metric_mql_sql"),
        _pct(row.rates["mql_to_sql"]),
        delta(mom["mql_to_sql"].delta, _pct),
    )
    m3.metric(
        t("dash_metric_cpl"),
        _yen(row.costs["cpl"]),
        delta(mom["cpl"].delta, _yen),
        delta_color="inverse",
    )
    m4.metric(t("dash_metric_roi"), _pct(row.roi))


def report_sections(stored: list[StoredKpiMonth]) -> None:
    c1, c2, c3 = st.columns(3)
    source = c1.selectbox(
        t("dash_source"),
        [None, *sources(stored)],
        format_func=lambda s: t("dash_all_sources") if s is None else s,
    )
    segment = None
    if names := segments(stored):
        segment = c2.selectbox(
            t("dash_segment"),
            [None, *names],
            format_func=lambda s: t("dash_total") if s is None else s,
        )
    try:
        report = workspace_report(settings, source=source, segment=segment)
    except AxisError as exc:
        st.error(str(exc))
        return
    months = report.funnel.months()
    month = c3.selectbox(t("dash_month"), months, index=len(months) - 1)
    row = report.funnel.row(month)
    if row is not None:
        metrics_section(row)
    funnel_section(report, month)
    rates_section(report)
    periods_section(stored)
    achievement_section(report)
    diagnosis_section(report)
    plan_section(report)


st.title(t("dash_title"))
st.caption(t("dash_intro"))
try:
    stored = workspace_rows(settings)
except AxisError as exc:
    st.error(str(exc))
else:
    if not stored:
        st.info(t("dash_empty"))
        st.markdown(t("dash_empty_steps"))
    import_section(expanded=not stored)
    stored = workspace_rows(settings)  # an import above may have added rows
    if stored:
        report_sections(stored)
