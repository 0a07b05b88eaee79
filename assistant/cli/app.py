"""``axis``: the command-line shell over ``assistant``.

Every command takes ``--json`` and then prints exactly one JSON document on stdout; progress
and logs go to stderr.  Exit codes: 0 ok, 1 user error, 2 usage, 3 a service is unreachable.
Each command group lives in its own module of this package and is registered here.
"""

from __future__ import annotations

import typer

from assistant.cli import chat, draft, feedback, knowledge, kpi, review, settings

app = typer.Typer(help="Axis — grounded marketing-strategy assistant.", no_args_is_help=True)
app.command("ingest")(knowledge.ingest)
app.command("search")(knowledge.search)
app.command("status")(knowledge.status)
app.add_typer(knowledge.docs_app, name="docs")
app.command("ask")(chat.ask)
app.command("chat")(chat.chat)
app.command("draft")(draft.draft)
app.add_typer(feedback.app, name="feedback")
app.add_typer(kpi.app, name="kpi")
app.add_typer(review.review_app, name="review")
app.add_typer(settings.app, name="settings")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
