"""``axis``: the command-line shell over ``assistant``.

Every command takes ``--json`` and then prints exactly one JSON document on stdout; progress
and logs go to stderr.  Exit codes: 0 ok, 1 user error, 2 usage, 3 a service is unreachable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.config import Settings, load_settings
from assistant.errors import AxisError

app = typer.Typer(help="Axis — grounded marketing-strategy assistant.", no_args_is_help=True)
docs_app = typer.Typer(help="List or delete ingested documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")

out = Console()
err = Console(stderr=True)

WorkspaceOpt = Annotated[
    str | None, typer.Option("--workspace", "-w", help="Workspace (default: AXIS_WORKSPACE).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def _settings(workspace: str | None) -> Settings:
    return load_settings(workspace=workspace) if workspace else load_settings()


def _emit(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


@contextmanager
def _errors() -> Iterator[None]:
    """Turn Axis errors into a message on stderr and the contract's exit code."""
    try:
        yield
    except AxisError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


def _parse_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        col, sep, fld = pair.partition("=")
        if not sep or not col.strip() or not fld.strip():
            raise typer.BadParameter(f"{pair!r} is not COL=FIELD (e.g. --map 'Memo=note')")
        mapping[col.strip()] = fld.strip()
    return mapping


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    kind: Annotated[str | None, typer.Option(help="Force the document kind.")] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", help="Map an unrecognised column: COL=FIELD (repeatable)."),
    ] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest knowledge files (Markdown, CSV/TSV/XLSX, TXT, JSON/YAML)."""
    mapping = _parse_map(map_ or [])
    with _errors():
        from assistant.ingest.pipeline import ingest_paths
        from assistant.workspace import open_store

        settings = _settings(workspace)
        store = open_store(settings)
        with _progress() as progress:
            report = ingest_paths(store, paths, kind=kind, mapping=mapping, progress=progress)
    if as_json:
        _emit(report.as_json())
    else:
        out.print(
            f"Ingested {report.files} file(s): {report.chunks_added} chunk(s) added, "
            f"{report.chunks_skipped} unchanged."
        )
        for w in report.warnings:
            row = f" row {w.row}" if w.row is not None else ""
            err.print(f"[yellow]warning:[/] {w.path}{row}: {w.message}", highlight=False)
        for r in report.rejected:
            err.print(f"[red]rejected:[/] {r['error']}", highlight=False)
    if report.rejected:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Callable[[str, int], None]]:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(event: str, n: int) -> None:
            if event == "files":
                tasks["files"] = bar.add_task("files", total=n)
                tasks["chunks"] = bar.add_task("chunks embedded", total=None)
            elif event == "file":
                bar.advance(tasks["files"], n)
            elif event == "chunks":
                bar.advance(tasks["chunks"], n)

        yield update


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
    with _errors():
        from assistant.workspace import open_store

        store = open_store(_settings(workspace))
        results = store.search(query, k=k, kind=kind, source=source, mode=mode)
    if as_json:
        _emit(
            {
                "results": [
                    {
                        "chunk_id": r.chunk_id,
                        "source": r.source,
                        "kind": r.kind,
                        "text": r.text,
                        "score": round(r.score, 6),
                    }
                    for r in results
                ]
            }
        )
        return
    if not results:
        out.print("No results.")
    for i, r in enumerate(results, start=1):
        out.print(f"[bold]{i}. {r.source}[/] [dim]({r.kind}, {r.chunk_id[:8]})[/]")
        out.print(r.text if len(r.text) < 400 else r.text[:400] + "…", highlight=False)
        out.print()


@app.command()
def status(workspace: WorkspaceOpt = None, as_json: JsonOpt = False) -> None:
    """Show the workspace, its counts and where its services are."""
    with _errors():
        from assistant.workspace import open_store
        from assistant.workspace import status as workspace_status

        settings = _settings(workspace)
        report = workspace_status(settings, open_store(settings))
    if as_json:
        _emit(report)
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
    with _errors():
        from assistant.workspace import open_store

        docs = open_store(_settings(workspace)).documents(kind=kind)
    if as_json:
        _emit(
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
    with _errors():
        from assistant.errors import NotFoundError
        from assistant.workspace import open_store

        store = open_store(_settings(workspace))
        removed = store.delete_document(source)
        if removed is None:
            known = [d.source for d in store.documents()]
            hint = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
            raise NotFoundError(
                f"No document {source!r} in workspace '{store.settings.workspace}' — "
                f"run `axis docs list` to see them ({hint or 'none yet'})"
            )
    if as_json:
        _emit({"deleted": source, "chunks_removed": removed})
    else:
        out.print(f"Deleted {source} ({removed} chunks).")


# -- feature sub-commands (each lives in its own module, registered here) -------------------
# (one `app.add_typer(...)` line per feature; keep this block sorted)
from assistant.cli_chat import ask, chat  # noqa: E402

app.command("ask")(ask)
app.command("chat")(chat)
from assistant.cli_draft import draft  # noqa: E402

app.command("draft")(draft)
from assistant.cli_feedback import app as feedback_app  # noqa: E402

app.add_typer(feedback_app, name="feedback")
from assistant.cli_kpi import app as kpi_app  # noqa: E402

app.add_typer(kpi_app, name="kpi")
from assistant.cli_review import review_app  # noqa: E402

app.add_typer(review_app, name="review")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
