"""``axis ingest``, ``axis search``, ``axis status`` and ``axis docs``: the knowledge store.

Thin over ``assistant.ingest`` and ``assistant.retrieval``; JSON shapes are the CLI contract.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.cli._common import (
    JsonOpt,
    WorkspaceOpt,
    emit,
    err,
    errors,
    out,
    progress,
    settings_for,
)
from assistant.domain import kind_name
from assistant.domain.grounding import cite_label, place_of

app = typer.Typer()
docs_app = typer.Typer(help="List or delete ingested documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")


def _kind_name(kind: str, ja: bool) -> str:
    return kind_name(kind, "ja" if ja else "en")


def _print_ingest(report, ja: bool) -> None:  # type: ignore[no-untyped-def]
    """Every file under ingested, skipped or rejected, in the user's language (stderr for
    the problems, so a pipe of stdout keeps the summary)."""
    t = (lambda j, e: j) if ja else (lambda j, e: e)
    for entry in report.ingested:
        out.print(
            f"  [green]✓[/] {entry['source']}  {_kind_name(entry['kind'], ja)}"
            f"  {entry['chunks']}{t('チャンク', ' chunks')}  [dim]({entry['kind_basis']})[/]",
            highlight=False,
        )
    for part in report.parts_skipped:
        err.print(f"  [dim]-[/] {part['path']} [{part['part']}]: {part['reason']}", highlight=False)
    for skipped in report.skipped:
        reason = skipped.get("reason_ja", skipped["reason"]) if ja else skipped["reason"]
        err.print(f"  [yellow]{t('スキップ', 'skipped')}:[/] {skipped['path']}: {reason}",
                  highlight=False)  # fmt: skip
    for w in report.warnings:
        row = t(f" {w.row}行目", f" row {w.row}") if w.row is not None else ""
        err.print(f"[yellow]{t('注意', 'warning')}:[/] {w.path}{row}: {w.message}", highlight=False)
    for r in report.rejected:
        err.print(f"[red]{t('取り込めません', 'rejected')}:[/] {r['error']}", highlight=False)
    out.print(
        t(
            f"{report.files}件のファイルを取り込みました（追加 {report.chunks_added}チャンク、"
            f"変更なし {report.chunks_skipped}チャンク）。スキップ {len(report.skipped)}件、"
            f"取り込めなかったもの {len(report.rejected)}件。",
            f"Ingested {report.files} file(s): {report.chunks_added} chunk(s) added, "
            f"{report.chunks_skipped} unchanged; {len(report.skipped)} skipped, "
            f"{len(report.rejected)} rejected.",
        )
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    kind: Annotated[str | None, typer.Option(help="Force the document kind.")] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Map a column: COL=FIELD for every file, FILE:COL=FIELD for one (repeatable).",
        ),
    ] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest knowledge files: Word, PowerPoint, PDF, HTML, Markdown, text, CSV/TSV/Excel,
    JSON/YAML personas, and CRM/MA exports (counted by month)."""
    from assistant.ingest.columns import parse_column_map

    try:
        maps = [parse_column_map(pair) for pair in map_ or []]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    with errors():
        from assistant.workspace import ingest as run_ingest
        from assistant.workspace import open_store

        settings = settings_for(workspace)
        store = open_store(settings)
        with progress() as on_progress:
            report = run_ingest(store, paths, kind=kind, mapping=maps, progress=on_progress)
    if as_json:
        emit(report.as_json())
    else:
        _print_ingest(report, settings.language == "ja")
    if report.rejected:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for (Japanese or English).")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="Number of results.")] = 5,
    kind: Annotated[str | None, typer.Option(help="Only this document kind.")] = None,
    source: Annotated[str | None, typer.Option(help="Only this document.")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, bm25 or dense.")] = "hybrid",
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Hybrid (BM25 + dense) search over the workspace's knowledge."""
    with errors():
        from assistant.workspace import open_store

        store = open_store(settings_for(workspace))
        results = store.search(query, k=k, kind=kind, source=source, mode=mode)
    if as_json:
        emit(
            {
                "results": [
                    {
                        "chunk_id": r.chunk_id,
                        "source": r.source,
                        "kind": r.kind,
                        "text": r.text,
                        "score": round(r.score, 6),
                        "location": place_of(r.metadata),
                    }
                    for r in results
                ]
            }
        )
        return
    if not results:
        out.print("No results.")
    for i, r in enumerate(results, start=1):
        where = cite_label(r.source, place_of(r.metadata))
        out.print(f"[bold]{i}. {where}[/] [dim]({r.kind}, {r.chunk_id[:8]})[/]")
        out.print(r.text if len(r.text) < 400 else r.text[:400] + "…", highlight=False)
        out.print()


@app.command()
def status(workspace: WorkspaceOpt = None, as_json: JsonOpt = False) -> None:
    """Show the workspace, its counts and where its services are."""
    with errors():
        from assistant.workspace import open_store
        from assistant.workspace import status as workspace_status

        settings = settings_for(workspace)
        report = workspace_status(settings, open_store(settings))
    if as_json:
        emit(report)
        return
    table = Table(show_header=False)
    for key, value in report.items():
        table.add_row(key, str(value))
    out.print(table)


@docs_app.command("list")
def docs_list(
    kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List ingested documents with their kind and chunk count."""
    with errors():
        from assistant.workspace import open_store

        docs = open_store(settings_for(workspace)).documents(kind=kind)
    if as_json:
        emit(
            {"documents": [{"source": d.source, "kind": d.kind, "chunks": d.chunks} for d in docs]}
        )
        return
    table = Table("source", "kind", "chunks", "title")
    for d in docs:
        table.add_row(d.source, d.kind, str(d.chunks), d.title)
    out.print(table)


@docs_app.command("delete")
def docs_delete(
    source: Annotated[
        str, typer.Argument(help="The document's source, as `axis docs list` shows it.")
    ],
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Delete a document and all its chunks."""
    with errors():
        from assistant.workspace import delete_document, open_store

        removed = delete_document(open_store(settings_for(workspace)), source)
    if as_json:
        emit({"deleted": source, "chunks_removed": removed})
    else:
        out.print(f"Deleted {source} ({removed} chunks).")


@docs_app.command("set-kind")
def docs_set_kind(
    source: Annotated[str, typer.Argument(help="The document, as `axis docs list` shows it.")],
    kind: Annotated[
        str,
        typer.Argument(help="persona, product, competitor, playbook, brand-voice, company, note"),
    ],
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct a document's inferred kind (kept when the file is ingested again)."""
    with errors():
        from assistant.workspace import open_store, set_document_kind

        settings = settings_for(workspace)
        chunks = set_document_kind(settings, open_store(settings), source, kind)
    if as_json:
        emit({"source": source, "kind": kind, "chunks": chunks})
    else:
        out.print(f"{source}: {kind} ({chunks} chunks)")
