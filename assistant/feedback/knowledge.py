"""Saving a synthesis to the knowledge store, so chat answers and drafts can cite it.

The synthesis is rendered as Markdown (``kind: feedback-synthesis`` in its front matter, with
its date and run) and ingested through the same pipeline as any uploaded file, one document
per run (``feedback-synthesis-YYYY-MM-DD-runN.md``).  The run is then marked saved, which
makes it the baseline the next synthesis is compared against.
"""

from __future__ import annotations

from assistant.db import feedback_runs as runs
from assistant.errors import StoreError
from assistant.feedback.models import Synthesis
from assistant.feedback.report import render_markdown
from assistant.retrieval.store import KnowledgeStore


def document_name(synthesis: Synthesis) -> str:
    return f"feedback-synthesis-{synthesis.created.date().isoformat()}-run{synthesis.run_id}.md"


def save_to_knowledge(store: KnowledgeStore, synthesis: Synthesis) -> str:
    """Ingest the synthesis as a document; return its source name."""
    from assistant.ingest.pipeline import ingest_bytes

    name = document_name(synthesis)
    report = ingest_bytes(store, render_markdown(synthesis).encode("utf-8"), filename=name)
    if report.rejected:
        raise StoreError(
            f"Could not save the synthesis to the knowledge store: {report.rejected[0]['error']}"
            " — the synthesis itself is kept (run "
            f"{synthesis.run_id}); try saving again"
        )
    runs.mark_saved(store.settings, synthesis.run_id, source=name)
    return name
