"""``axis kpi``: the funnel report, reverse planning and CRM imports on the command line.

    axis kpi report [--month YYYY-MM] [--segment S] [--source FILE] [--json]
    axis kpi plan --revenue-target YEN [--deal-size YEN] [--window N] [--months N]
                  [--what-if-mql-sql RATE] [--json]
    axis kpi import auto|hubspot|salesforce|marketo|pardot|satori|bownow|kairos3|kintone FILE
                    [--map COLUMN=ROLE] [--by-channel] [--cohort] [--json]

JSON shapes are the CLI contract in ARCHITECTURE.md (see ``assistant.analytics.report`` for
units: counts and yen are ints, rates fractions rounded to 6 places).  The human output shows
rates as % with one decimal.  A thin shell: every command is a few lines over
``assistant.analytics``.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.analytics import format as fmt
from assistant.analytics.crm.mappings import SYSTEMS
from assistant.analytics.planning import Plan
from assistant.cli._common import (
    JsonOpt,
    WorkspaceOpt,
    emit,
    err,
    errors,
    month_option,
    out,
    rate_option,
    settings_for,
    yen_option,
)
from assistant.config import Settings
from assistant.errors import NotFoundError
from assistant.text.months import format_period

app = typer.Typer(help="KPI funnel report, reverse planning, CRM imports.", no_args_is_help=True)


CrmSystem = StrEnum("CrmSystem", {name: name for name in ("auto", *SYSTEMS)})  # type: ignore[misc]


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else fmt.percent(value)


def _yen_text(value: Decimal | int | None) -> str:
    return "—" if value is None else fmt.yen(value, "en")


_SEVERITY = {
    "critical": ("重大", "critical"),
    "warning": ("注意", "warning"),
    "info": ("情報", "info"),
}


@app.command("report")
def report(
    month: Annotated[str | None, typer.Option(help="Only this month (YYYY-MM).")] = None,
    segment: Annotated[str | None, typer.Option(help="Only this segment/channel.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this file's rows.")] = None,
    by: Annotated[
        str,
        typer.Option(help="month, or quarter / half / year of the workspace's fiscal year."),
    ] = "month",
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Funnel, rates, CPL, ROI, achievement and diagnosis per month (or fiscal period)."""
    from assistant.analytics.report import workspace_report

    if by not in ("month", "quarter", "half", "year"):
        raise typer.BadParameter(f"--by {by!r}: one of month, quarter, half, year")
    wanted = month_option(month)
    with errors():
        settings = settings_for(workspace)
        if by != "month":
            _period_report(settings, by, as_json=as_json)
            return
        result = workspace_report(settings, month=wanted, segment=segment, source=source)
    if as_json:
        emit(result.as_json())
        return
    lang = settings.language
    ja = lang == "ja"
    table = Table(
        "月" if ja else "month",
        *(fmt.label(k, lang) for k in ("leads", "mql", "sql", "won")),
        "L→MQL",
        "MQL→SQL",
        "SQL→" + ("受注" if ja else "won"),
        "CPL",
        "ROI",
        "目標未達" if ja else "below target",
    )
    table.columns[0].no_wrap = True
    for m in result.months:
        row = result.funnel.row(m)
        assert row is not None
        f = row.figures
        table.add_row(
            m,
            *(f"{v:,}" if v is not None else "—" for v in (f.leads, f.mql, f.sql, f.won)),
            *(_pct(row.rates[r]) for r in ("lead_to_mql", "mql_to_sql", "sql_to_won")),
            fmt.yen(row.costs["cpl"], lang) if row.costs["cpl"] is not None else "—",
            _pct(row.roi),
            "、".join(fmt.label(s, lang) for s in result.achievement.flags(m)),
        )
    out.print(table)
    for finding in result.diagnosis:
        tag = _SEVERITY.get(finding.severity, (finding.severity, finding.severity))[0 if ja else 1]
        out.print(f"[bold]【{tag}】[/] {finding.message(lang)}", highlight=False)


def _period_report(settings: Settings, by: str, *, as_json: bool) -> None:
    """The funnel per fiscal quarter, half or year, pooled like a question about it."""
    from assistant.analytics.options import KpiOptions
    from assistant.analytics.query import KpiData
    from assistant.analytics.report import workspace_rows
    from assistant.analytics.views import period_rows

    lang = settings.language
    data = KpiData.of(workspace_rows(settings), KpiOptions.of(settings))
    if not data.calendar.data_months:
        raise NotFoundError(
            "No KPI data in this workspace — ingest a KPI file (axis ingest FILE) or import a "
            "CRM export (axis kpi import hubspot FILE)",
            ja="このワークスペースにはKPIデータがありません — KPIファイルを取り込むか（axis ingest "
            "ファイル）、CRMのエクスポートを取り込んでください（axis kpi import hubspot ファイル）",
        )
    rows = period_rows(data, by=by, lang=lang)
    if as_json:
        emit({"by": by, "fiscal_start_month": data.calendar.fiscal_start, "periods": rows})
        return
    ja = lang == "ja"
    shown = ("leads", "mql", "sql", "won", "mql_to_sql", "cpl", "revenue", "achievement(won)")
    table = Table("期間" if ja else "period", *(_short_label(k, lang) for k in shown))
    table.columns[0].no_wrap = True
    for r in rows:
        name = r["name"] + ("" if r["complete"] else (" ※" if ja else " *"))
        table.add_row(name, *(_period_value(k, r["values"].get(k), lang) for k in shown))
    out.print(table)
    if not all(r["complete"] for r in rows):
        out.print(
            "※ 集計中の月やデータのない月を含む期間です（データのある月だけで計算）"
            if ja
            else "* the period has a running month or months without data (computed on the "
            "months it has)",
            highlight=False,
        )


_SHORT = {
    "leads": ("リード", "leads"),
    "mql": ("MQL", "MQL"),
    "sql": ("SQL", "SQL"),
    "won": ("受注", "won"),
    "mql_to_sql": ("MQL→SQL", "MQL→SQL"),
    "cpl": ("CPL", "CPL"),
    "revenue": ("売上", "revenue"),
    "achievement(won)": ("受注達成率", "won/target"),
}


def _short_label(key: str, lang: str) -> str:
    return _SHORT[key][0 if lang == "ja" else 1]


def _period_value(key: str, value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    if key in fmt.RATE_METRICS or key.startswith("achievement"):
        return fmt.percent(Decimal(str(value)))
    if key in fmt.YEN_METRICS:
        return fmt.yen(Decimal(str(value)), lang)
    return f"{int(value):,}"


_PLAN_ROWS = ("won", "sql", "mql", "leads", "budget")
_PERIOD_NAMES = {
    "month": ("1か月", "a month"),
    "quarter": ("四半期", "a quarter"),
    "half": ("半期", "a half year"),
    "year": ("年間", "a year"),
}


@app.command("plan")
def plan(
    revenue_target: Annotated[
        str,
        typer.Option(
            "--revenue-target",
            help="Revenue to reach: 5000万円, or with its period: 年間2億, 月3,000万.",
        ),
    ],
    period: Annotated[
        str | None,
        typer.Option(help="The period the target covers: month, quarter, half or year."),
    ] = None,
    deal_size: Annotated[
        str | None, typer.Option("--deal-size", help="Average deal in yen (default: history).")
    ] = None,
    window: Annotated[
        int | None, typer.Option(min=1, max=36, help="Months of history (AXIS_KPI_WINDOW).")
    ] = None,
    end: Annotated[str | None, typer.Option(help="Last history month (YYYY-MM).")] = None,
    what_if_mql_sql: Annotated[
        str | None,
        typer.Option("--what-if-mql-sql", help="Also plan with MQL→SQL at this rate (45%)."),
    ] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Leads, MQL, SQL, won deals and budget a revenue target needs, against today's pace."""
    from assistant.analytics.planning import PERIOD_MONTHS, reverse_plan, target_period, what_if
    from assistant.analytics.report import workspace_report

    deal = yen_option(deal_size, "--deal-size")
    rate, last = rate_option(what_if_mql_sql), month_option(end)
    with errors():
        settings = settings_for(workspace)
        target, covers = target_period(revenue_target, period)
        months = PERIOD_MONTHS[covers]
        figures = workspace_report(settings).figures
        span = window or settings.kpi_window
        scenario = None
        common = dict(
            revenue_target=target, deal_size=deal, window=span, end=last, period_months=months
        )
        if rate is None:
            result = reverse_plan(figures, **common)  # type: ignore[arg-type]
        else:
            scenario = what_if(figures, value=rate, **common)  # type: ignore[arg-type]
            result = scenario.base
    if as_json:
        doc: dict[str, object] = {"period": covers, **result.as_json()}
        if scenario is not None:
            doc["what_if"] = scenario.as_json()
        emit(doc)
        return
    _print_plan(result, covers, settings.language)
    if scenario is not None:
        ja = settings.language == "ja"
        out.print(
            f"MQL→SQLが{_pct(scenario.to_rate)}なら（現在{_pct(scenario.from_rate)}）: リードは"
            f"{scenario.fewer_leads:,}件少なく、予算は{_yen_text(scenario.budget_saved)}少なくて済みます"
            if ja
            else f"what if MQL→SQL were {_pct(scenario.to_rate)} (now {_pct(scenario.from_rate)}): "
            f"{scenario.fewer_leads:,} fewer leads, budget {_yen_text(scenario.budget_saved)} less",
            highlight=False,
        )


def _print_plan(result: Plan, covers: str, lang: str) -> None:
    """The plan as a table: the period's need, the monthly pace it takes, today's pace, gap."""
    from assistant.analytics.format import label

    ja = lang == "ja"

    def yen(value: Decimal | int | None) -> str:
        return "—" if value is None else fmt.yen(value, lang)

    a, pace = result.assumptions, result.run_rate
    name = _PERIOD_NAMES[covers][0 if ja else 1]
    headers = (
        ("", f"{name}で必要", "月あたり必要", "直近の月平均", "月あたりの差")
        if ja
        else ("", f"needed in {name}", "needed per month", "recent monthly pace", "gap per month")
    )
    table = Table(*headers)
    for key in _PLAN_ROWS:
        money = key == "budget"
        show = yen if money else (lambda v: f"{v:,}" if v is not None else "—")
        now = getattr(pace, key) if pace is not None else None
        gap = result.gap(key)
        row_name = ("予算（広告費）" if ja else "budget") if money else label(key, lang)
        table.add_row(
            row_name,
            show(getattr(result.required, key)),
            show(getattr(result.per_month, key)),
            show(now),
            "—"
            if gap is None
            else (("+" if gap > 0 else "") + (show(gap) if not money else yen(gap))),
        )
    out.print(table)
    rates = "、".join(f"{label(k, lang)} {_pct(v)}" for k, v in a.rates.items())
    months = format_period(a.window_months, lang)
    if ja:
        out.print(
            f"前提: 平均受注単価 {yen(a.deal_size)}（"
            f"{'指定' if a.deal_size_source == 'given' else '実績'}）、{rates}、CPL "
            f"{yen(a.cpl)}（{months}の実績を合算）",
            highlight=False,
        )
    else:
        out.print(
            f"assumptions: deal size {yen(a.deal_size)} ({a.deal_size_source}), "
            + rates.replace("、", ", ")
            + f", CPL {yen(a.cpl)}; pooled over {months}",
            highlight=False,
        )


@app.command("import")
def import_(
    system: Annotated[
        CrmSystem,
        typer.Argument(help="The tool the export comes from, or auto to recognise it."),
    ],
    file: Annotated[Path, typer.Argument(help="The export (CSV, TSV or XLSX).")],
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="A column the tool calls something else: COLUMN=ROLE (created, mql_date, "
            "sql_date, won_date, amount, stage, …; repeatable).",
        ),
    ] = None,
    by_channel: Annotated[
        bool, typer.Option("--by-channel", help="One funnel per source channel.")
    ] = False,
    cohort: Annotated[bool, typer.Option("--cohort", help="Also show the cohort view.")] = False,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Aggregate a per-record export by event month and store it as KPI months."""
    from assistant.analytics.crm.importer import import_export, store_import
    from assistant.workspace import open_store

    overrides: dict[str, str] = {}
    for pair in map_ or []:
        column, sep, role = pair.rpartition("=")
        if not sep or not column.strip() or not role.strip():
            raise typer.BadParameter(f"{pair!r} is not COLUMN=ROLE (e.g. --map '受注日=won_date')")
        overrides[column.strip()] = role.strip()
    with errors():
        settings = settings_for(workspace)
        result = import_export(
            file,
            system=system.value,
            by_channel=by_channel,
            max_bytes=int(settings.max_import_mb * 2**20),
            overrides=overrides or None,
        )
        store_import(open_store(settings), result)
    if as_json:
        emit(result.as_json(cohort=cohort))
        return
    months = result.month_list()
    out.print(
        f"Imported {result.records:,} record(s) from {result.source} ({result.title}) into "
        f"{len(months)} month(s), {months[0]} to {months[-1]}; {len(result.skipped)} row(s) "
        "skipped.",
        highlight=False,
    )
    for skipped in result.skipped[:20]:
        err.print(f"[yellow]skipped:[/] row {skipped.row}: {skipped.reason}", highlight=False)
    if len(result.skipped) > 20:
        err.print(f"… and {len(result.skipped) - 20} more (use --json for all)")
    if cohort and result.cohort:
        table = Table(
            "cohort (created)",
            "records",
            "→MQL",
            "→SQL",
            "→won",
            "revenue",
            title="Cohort view by creation month (not event months)",
        )
        for c in result.cohort:
            table.add_row(
                c.cohort,
                f"{c.leads:,}",
                *(str(v) if v is not None else "—" for v in (c.mql, c.sql, c.won)),
                _yen_text(c.revenue),
            )
        out.print(table)
