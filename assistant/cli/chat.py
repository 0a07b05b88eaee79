"""``axis ask`` and ``axis chat``: the grounded chat from a terminal (thin over assistant.chat).

Registered in ``assistant/cli.py`` with ``app.command("ask")(ask)`` and
``app.command("chat")(chat)``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli._common import (
    JsonOpt,
    LangOpt,
    WorkspaceOpt,
    emit,
    err,
    errors,
    out,
    settings_for,
)
from assistant.domain.grounding import cite_label
from assistant.errors import AxisError

ConversationOpt = Annotated[
    str | None, typer.Option("--conversation", help="Continue this conversation id.")
]


def _service(workspace: str | None):  # type: ignore[no-untyped-def]
    from assistant.chat import ChatService
    from assistant.workspace import open_store

    settings = settings_for(workspace)
    return ChatService(settings, open_store(settings))


def _print_answer(answer) -> None:  # type: ignore[no-untyped-def]
    for c in answer.citations:
        where = cite_label(c.source, c.location)
        out.print(f"  [dim][{c.ref}] {where} — {c.quote[:80]}[/]", highlight=False)
    for w in answer.warnings:
        err.print(f"[yellow]warning:[/] {w.message}", highlight=False)
    if answer.notice:
        err.print(f"[dim]{answer.notice}[/]", highlight=False)


def ask(
    question: Annotated[str, typer.Argument(help="Your question (Japanese or English).")],
    conversation: ConversationOpt = None,
    lang: LangOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer one question from the workspace's knowledge and KPIs, with sources."""
    with errors():
        service = _service(workspace)
        if as_json:
            answer = service.ask(question, conversation_id=conversation, lang=lang)
        else:
            turn = service.start(question, conversation_id=conversation, lang=lang)
            for piece in turn:
                out.print(piece, end="", highlight=False, soft_wrap=True)
            out.print()
            answer = turn.answer
    if as_json:
        emit(answer.contract())
        return
    _print_answer(answer)


def chat(
    lang: LangOpt = None,
    conversation: ConversationOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """An interactive chat in the terminal (empty line, `exit` or Ctrl-D to leave)."""
    with errors():
        service = _service(workspace)
    out.print(f"[bold]Axis[/] ({service.mode}) — exit / Ctrl-D to leave", highlight=False)
    conversation_id = conversation
    while True:
        try:
            question = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question or question.lower() in ("exit", "quit", ":q"):
            break
        try:
            turn = service.start(question, conversation_id=conversation_id, lang=lang)
            conversation_id = turn.conversation_id
            for piece in turn:
                out.print(piece, end="", highlight=False, soft_wrap=True)
        except AxisError as exc:  # the session goes on: the question is saved, try again
            out.print()
            err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            continue
        out.print()
        _print_answer(turn.answer)
    if conversation_id:
        err.print(f"conversation: {conversation_id}", highlight=False)
