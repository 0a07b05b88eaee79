"""The ``axis`` command: ``app`` (Typer) and ``main`` (the console script).

_common    options, consoles, JSON emitter, error mapping, option parsing
knowledge  ingest, search, status, docs
chat       ask, chat
draft      draft
review     review list/show/diff/comment/.../export
kpi        kpi report/plan/import
feedback   feedback synthesize
"""

from assistant.cli.app import app, main

__all__ = ["app", "main"]
