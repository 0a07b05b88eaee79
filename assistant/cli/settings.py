"""``axis settings``: what one workspace keeps for itself — its fiscal year and KPI sources.

    axis settings show
    axis settings set fiscal_start_month 10
    axis settings set kpi_sources "won=salesforce,revenue=salesforce"
    axis settings unset kpi_sources

Values are checked before they are stored (``assistant.analytics.options``); a workspace that
sets nothing follows the environment (``AXIS_FISCAL_START_MONTH``, ``AXIS_KPI_SOURCES``).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from assistant.cli._common import JsonOpt, WorkspaceOpt, emit, errors, out, settings_for

app = typer.Typer(help="Workspace settings: fiscal year start, KPI sources.", no_args_is_help=True)

_NAMES = {
    "fiscal_start_month": ("期首月", "fiscal year starts"),
    "kpi_sources": ("KPIのデータ元", "KPI sources"),
}


def _describe(key: str, value: str, lang: str) -> str:
    ja = lang == "ja"
    if key == "fiscal_start_month":
        return f"{value}月" if ja else f"month {value}"
    if not value:
        return (
            "既定（KPIシートを優先し、ないものをCRMから補う）"
            if ja
            else "default (the KPI sheet first; CRM imports fill what it lacks)"
        )
    return value


@app.command("show")
def show(workspace: WorkspaceOpt = None, as_json: JsonOpt = False) -> None:
    """The workspace's settings and where each comes from (the workspace or the default)."""
    from assistant.analytics.options import KpiOptions, stored_options

    with errors():
        settings = settings_for(workspace)
        options = KpiOptions.of(settings)
        stored = stored_options(settings)
    values = {
        "fiscal_start_month": str(options.fiscal_start),
        "kpi_sources": options.policy.as_text(),
    }
    if as_json:
        emit(
            {
                "workspace": settings.workspace,
                "settings": {
                    k: {"value": v, "from": "workspace" if k in stored else "default"}
                    for k, v in values.items()
                },
            }
        )
        return
    lang = settings.language
    ja = lang == "ja"
    table = Table(*(("設定", "値", "設定元") if ja else ("setting", "value", "from")))
    for key, value in values.items():
        origin = (
            ("ワークスペース" if ja else "workspace")
            if key in stored
            else ("既定" if ja else "default")
        )
        table.add_row(f"{_NAMES[key][0 if ja else 1]} ({key})", _describe(key, value, lang), origin)
    out.print(table)


@app.command("set")
def set_(
    key: Annotated[str, typer.Argument(help="fiscal_start_month or kpi_sources.")],
    value: Annotated[str, typer.Argument(help="4 / 10 / April; or won=salesforce,revenue=sheet.")],
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Store one setting for this workspace (checked first)."""
    from assistant.analytics.options import save_option

    with errors():
        settings = settings_for(workspace)
        stored = save_option(settings, key, value)
    if as_json:
        emit({"workspace": settings.workspace, "key": key, "value": stored})
        return
    ja = settings.language == "ja"
    name = _NAMES.get(key, (key, key))[0 if ja else 1]
    shown = _describe(key, stored or "", settings.language)
    out.print(
        f"{name}を「{shown}」にしました。" if ja else f"{name} set to {shown}.", highlight=False
    )


@app.command("unset")
def unset(
    key: Annotated[str, typer.Argument(help="fiscal_start_month or kpi_sources.")],
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Remove a setting: the workspace follows the default again."""
    from assistant.analytics.options import save_option

    with errors():
        settings = settings_for(workspace)
        save_option(settings, key, None)
    if as_json:
        emit({"workspace": settings.workspace, "key": key, "value": None})
        return
    ja = settings.language == "ja"
    name = _NAMES.get(key, (key, key))[0 if ja else 1]
    out.print(
        f"{name}を既定に戻しました。" if ja else f"{name} is back to the default.", highlight=False
    )
