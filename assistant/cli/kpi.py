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

app = typer.Typer(help="KPI funnel report, reverse planning, CRM imports.", no_args_is_help=True)


CrmSystem = StrEnum("CrmSystem", {name: name for name in ("auto", *SYSTEMS)})  # type: ignore[misc]


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else fmt.percent(value)


def _yen_text(value: Decimal | int | None) -> str:
    return "—" if value is None else fmt.yen(value, "en")


@app.command("report")
def report(
    month: Annotated[str | None, typer.Option(help="Only this month (YYYY-MM).")] = None,
    segment: Annotated[str | None, typer.Option(help="Only this segment/channel.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this file's rows.")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Funnel, rates, CPL, ROI, achievement and diagnosis per month."""
    from assistant.analytics.report import workspace_report

    wanted = month_option(month)
    with errors():
        settings = settings_for(workspace)
        result = workspace_report(settings, month=wanted, segment=segment, source=source)
    if as_json:
        emit(result.as_json())
        return
    table = Table(
        "month",
        "leads",
        "MQL",
        "SQL",
        "won",
        "L→MQL",
        "MQL→SQL",
        "SQL→won",
        "CPL",
        "ROI",
        "below target",
    )
    for m in result.months:
        row = result.funnel.row(m)
        assert row is not None
        f = row.figures
        table.add_row(
            m,
            *(f"{v:,}" if v is not None else "—" for v in (f.leads, f.mql, f.sql, f.won)),
            *(_pct(row.rates[r]) for r in ("lead_to_mql", "mql_to_sql", "sql_to_won")),
            _yen_text(row.costs["cpl"]),
            _pct(row.roi),
            ", ".join(result.achievement.flags(m)),
        )
    out.print(table)
    for finding in result.diagnosis:
        out.print(f"[bold]{finding.code}[/] {finding.message(settings.language)}", highlight=False)


@app.command("plan")
def plan(
    revenue_target: Annotated[
        str, typer.Option("--revenue-target", help="Revenue to reach, in yen (5000万円 works).")
    ],
    deal_size: Annotated[
        str | None, typer.Option("--deal-size", help="Average deal in yen (default: history).")
    ] = None,
    window: Annotated[
        int | None, typer.Option(min=1, max=36, help="Months of history (AXIS_KPI_WINDOW).")
    ] = None,
    months: Annotated[int, typer.Option(min=1, max=36, help="Months the target covers.")] = 1,
    end: Annotated[str | None, typer.Option(help="Last history month (YYYY-MM).")] = None,
    what_if_mql_sql: Annotated[
        str | None,
        typer.Option("--what-if-mql-sql", help="Also plan with MQL→SQL at this rate (45%)."),
    ] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Leads, MQL, SQL, won deals and budget a revenue target needs."""
    from assistant.analytics.planning import reverse_plan, what_if
    from assistant.analytics.report import workspace_report

    target, deal = (
        yen_option(revenue_target, "--revenue-target"),
        yen_option(deal_size, "--deal-size"),
    )
    rate, last = rate_option(what_if_mql_sql), month_option(end)
    with errors():
        settings = settings_for(workspace)
        figures = workspace_report(settings).figures
        span = window or settings.kpi_window
        scenario = None
        if rate is None:
            result = reverse_plan(
                figures,
                revenue_target=target or 0,
                deal_size=deal,
                window=span,
                end=last,
                period_months=months,
            )
        else:
            scenario = what_if(
                figures,
                value=rate,
                revenue_target=target or 0,
                deal_size=deal,
                window=span,
                end=last,
                period_months=months,
            )
            result = scenario.base
    if as_json:
        doc: dict[str, object] = dict(result.as_json())
        if scenario is not None:
            doc["what_if"] = scenario.as_json()
        emit(doc)
        return
    a = result.assumptions
    table = Table("", "period", "per month")
    for key in ("won", "sql", "mql", "leads"):
        table.add_row(
            key, f"{getattr(result.required, key):,}", f"{getattr(result.per_month, key):,}"
        )
    table.add_row("budget", _yen_text(result.required.budget), _yen_text(result.per_month.budget))
    out.print(table)
    out.print(
        f"assumptions: deal size {_yen_text(a.deal_size)} ({a.deal_size_source}), "
        + ", ".join(f"{k} {_pct(v)}" for k, v in a.rates.items())
        + f", CPL {_yen_text(a.cpl)}; pooled over {', '.join(a.window_months)}",
        highlight=False,
    )
    if scenario is not None:
        out.print(
            f"what if MQL→SQL were {_pct(scenario.to_rate)} (now {_pct(scenario.from_rate)}): "
            f"{scenario.fewer_leads:,} fewer leads, budget {_yen_text(scenario.budget_saved)} less",
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
