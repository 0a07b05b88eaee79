"""What every ``axis`` command shares: options, consoles, the JSON emitter, error mapping,
progress bars and the parsing of option values (yen, rates, months, column mappings).

Commands import these by name; nothing here knows about any one command.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.config import Settings, load_settings
from assistant.errors import AxisError
from assistant.text.normalize import parse_period, parse_yen

out = Console()
err = Console(stderr=True)

WorkspaceOpt = Annotated[
    str | None, typer.Option("--workspace", "-w", help="Workspace (default: AXIS_WORKSPACE).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
ByOpt = Annotated[
    str | None, typer.Option("--by", help="Who is acting (default: AXIS_USER or login name).")
]
LangOpt = Annotated[str | None, typer.Option(help="ja or en (default: AXIS_LANGUAGE).")]


def settings_for(workspace: str | None) -> Settings:
    """Settings from the environment, with ``--workspace`` when given."""
    return load_settings(workspace=workspace) if workspace else load_settings()


def emit(payload: Any) -> None:
    """The one JSON document of a ``--json`` run, on stdout."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


@contextmanager
def errors() -> Iterator[None]:
    """Turn Axis errors into a message on stderr and the contract's exit code."""
    try:
        yield
    except AxisError as exc:
        lang = _language()
        label = "エラー" if lang == "ja" and exc.ja else "error"
        err.print(f"[bold red]{label}:[/] {exc.localized(lang)}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


def _language() -> str:
    """The user's language for a message (``AXIS_LANGUAGE``); English if settings are broken."""
    try:
        return load_settings().language
    except Exception:  # the error being reported may be the settings themselves
        return "en"


@contextmanager
def progress() -> Iterator[Callable[[str, int], None]]:
    """A progress callback ``(event, n)`` drawn as bars on stderr (files, chunks embedded)."""
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


def parse_map(pairs: list[str]) -> dict[str, str]:
    """``COL=FIELD`` options as a mapping (a usage error names the bad one)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        col, sep, fld = pair.partition("=")
        if not sep or not col.strip() or not fld.strip():
            raise typer.BadParameter(f"{pair!r} is not COL=FIELD (e.g. --map 'Memo=note')")
        mapping[col.strip()] = fld.strip()
    return mapping


def month_option(value: str | None) -> str | None:
    """``2026-09``, ``2026年9月``, ``2026/9`` → ``2026-09`` (a usage error otherwise)."""
    if value is None:
        return None
    try:
        return parse_period(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} {exc}") from None


def yen_option(value: str | None, option: str) -> int | None:
    """An amount of yen as people write it (``5000万円``, ``1.2億``, ``50,000,000``)."""
    if value is None:
        return None
    try:
        return parse_yen(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{option} {value!r} {exc} — write yen like 50000000, 5,000万円 or 1.2億"
        ) from None


def rate_option(value: str | None) -> Decimal | None:
    """``45%``, ``45`` and ``0.45`` all mean 45%."""
    if value is None:
        return None
    text = value.strip().removesuffix("%")
    try:
        rate = Decimal(text)
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a rate — write it like 45% or 0.45") from None
    if value.strip().endswith("%") or rate > 1:
        rate /= 100
    return rate
