"""``axis feedback``: sales-feedback synthesis on the command line.

    axis feedback synthesize FILE|- [--save] [--map COL=note] [--min-theme N] [--lang ja|en]
                             [--json]
    axis feedback synthesize --workspace-notes [--since YYYY-MM-DD] [--until YYYY-MM-DD] …

``-`` reads pasted notes from stdin (UTF-8 or cp932); ``--workspace-notes`` takes every
note already ingested into the workspace (optionally within a period), each with its file
and row.  With an LLM configured, the model names the themes and writes their summaries
(counts stay code's).  ``--json`` prints ARCHITECTURE.md's document:
``{"notes", "themes", "assignments", "duplicates", "redactions", "flagged"}`` (plus
``duplicate_reasons`` and each theme's ``monthly``); progress, warnings and the diff against
the last saved synthesis go to stderr.  A thin shell over ``assistant.feedback``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.cli._common import JsonOpt, WorkspaceOpt, emit, err, errors, out, parse_map
from assistant.config import load_settings

app = typer.Typer(help="Sales-feedback synthesis: themes, counts, quotes.", no_args_is_help=True)


def _read(source: str, mapping: dict[str, str], max_bytes: int):  # type: ignore[no-untyped-def]
    from assistant.feedback.inputs import notes_from_file, notes_from_text
    from assistant.ingest import decode_bytes

    if source == "-":
        data = typer.get_binary_stream("stdin").read()
        text, _encoding = decode_bytes(data, source="stdin") if data else ("", None)
        return notes_from_text(text, source="stdin")
    return notes_from_file(Path(source), mapping=mapping or None, max_bytes=max_bytes)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{option} {value!r}: use YYYY-MM-DD, e.g. 2026-10-01") from exc


def _print(synthesis) -> None:  # type: ignore[no-untyped-def]
    table = Table("#", "theme", "notes", "share", "funnel", "change", title=synthesis.source)
    for theme in synthesis.themes:
        link = theme.funnel
        change = f"{link.change_pt:+.1f} pt" if link and link.change_pt is not None else ""
        table.add_row(
            theme.id,
            theme.label,
            str(theme.count),
            f"{theme.share:.1%}",
            link.conversion if link else "",
            change,
        )
    out.print(table)
    for theme in synthesis.themes:
        for quote in theme.quotes:
            out.print(f"  [dim]{theme.id} {quote.note_id}[/] {quote.text}", highlight=False)
    out.print(
        f"{synthesis.note_count} notes, {synthesis.distinct} distinct, "
        f"{len(synthesis.duplicates)} duplicate(s) counted once, redacted "
        + ", ".join(f"{k} {v}" for k, v in synthesis.redactions.items())
        + f", {len(synthesis.flagged)} flagged"
    )


def _report_side(synthesis) -> None:  # type: ignore[no-untyped-def]
    """Warnings, flags and the diff: stderr, so --json keeps stdout to one document."""
    for warning in synthesis.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    for flag in synthesis.flagged:
        err.print(f"[yellow]flagged:[/] {flag.note_id}: {flag.reason}", highlight=False)
    for pair in synthesis.duplicates:
        why = pair.why(synthesis.language)
        err.print(f"duplicate: {pair.duplicate_id} = {pair.note_id} ({why})", highlight=False)
    if synthesis.diff:
        err.print(f"since run {synthesis.diff.previous_run} ({synthesis.diff.previous_date}):")
        for change in synthesis.diff.changes:
            err.print(f"  {change.status}: {change.label}", highlight=False)


@app.command()
def synthesize(
    source: Annotated[
        str | None, typer.Argument(help="CSV/TSV/XLSX/TXT file, or - for stdin.")
    ] = None,
    workspace_notes: Annotated[
        bool,
        typer.Option("--workspace-notes", help="Every note stored in the workspace instead."),
    ] = False,
    since: Annotated[
        str | None, typer.Option("--since", help="With --workspace-notes: from YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="With --workspace-notes: to YYYY-MM-DD.")
    ] = None,
    save: Annotated[
        bool, typer.Option("--save", help="Save the synthesis to the knowledge store.")
    ] = False,
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", help="Name the note column: COL=note (repeatable)."),
    ] = None,
    min_theme: Annotated[
        int | None,
        typer.Option("--min-theme", min=2, help="Notes a theme needs (AXIS_FEEDBACK_MIN_THEME)."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ja or en (labels, text).")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Group sales notes into themes with counts, quotes, trends and funnel stages."""

    mapping = parse_map(map_ or [])
    if lang not in (None, "ja", "en"):
        raise typer.BadParameter(f"--lang {lang!r}: use ja or en")
    if (source is None) == (not workspace_notes):
        raise typer.BadParameter("give a FILE (or - for stdin), or --workspace-notes; not both")
    if (since or until) and not workspace_notes:
        raise typer.BadParameter("--since/--until select stored notes: add --workspace-notes")
    start, end = _date(since, "--since"), _date(until, "--until")
    with errors():
        from assistant.feedback.report import cli_payload
        from assistant.feedback.synthesize import synthesize as run

        overrides: dict[str, object] = {}
        if workspace:
            overrides["workspace"] = workspace
        if min_theme:
            overrides["feedback_min_theme"] = min_theme
        settings = load_settings(**overrides)
        from assistant.feedback.namer import namer_for
        from assistant.feedback.workspace import vocabulary
        from assistant.feedback.workspace import workspace_notes as stored
        from assistant.workspace import open_store

        if workspace_notes:
            given = stored(settings, since=start, until=end)
        else:
            given = _read(source or "-", mapping, settings.max_file_bytes)
        store = open_store(settings)
        documents, names = vocabulary(store)
        columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("feedback", total=1.0)
            synthesis = run(
                settings,
                given,
                language=lang,
                namer=namer_for(settings),
                documents=documents,
                names=names,
                progress=lambda step, done: bar.update(task, completed=done, description=step),
            )
        if save:
            from assistant.feedback.knowledge import save_to_knowledge

            name = save_to_knowledge(store, synthesis)
            err.print(f"saved to the knowledge store as {name}", highlight=False)
    _report_side(synthesis)
    if as_json:
        emit(cli_payload(synthesis))
    else:
        _print(synthesis)
    sys.stdout.flush()
