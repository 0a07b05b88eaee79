"""Tables.  The SQL store is the commit point of an ingest: a chunk is visible to search only
once its row is here, so a half-finished write to the vector store is never seen."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("workspace", String(64), primary_key=True),
    Column("source", String(512), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("meta", JSON, nullable=False, default=dict),
    Column("file_hash", String(64), nullable=False),
    Column("chunks", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

chunks = Table(
    "chunks",
    metadata,
    Column("workspace", String(64), primary_key=True),
    Column("chunk_id", String(64), primary_key=True),
    Column("source", String(512), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("meta", JSON, nullable=False, default=dict),
    Column("tokens", Text, nullable=False),
    Index("ix_chunks_source", "workspace", "source"),
)

feedback_notes = Table(
    "feedback_notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(64), nullable=False),
    Column("source", String(512), nullable=False),
    Column("row", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("date", Date, nullable=True),
    Column("rep", Text, nullable=True),
    Column("account", Text, nullable=True),
    Column("industry", Text, nullable=True),
    Column("stage", Text, nullable=True),
    Column("extra", JSON, nullable=False, default=dict),
    Index("ix_feedback_source", "workspace", "source"),
)

kpi_months = Table(
    "kpi_months",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(64), nullable=False),
    Column("source", String(512), nullable=False),
    Column("row", Integer, nullable=False),
    Column("month", String(7), nullable=False),
    Column("segment", Text, nullable=True),
    Column("leads", Integer, nullable=True),
    Column("mql", Integer, nullable=True),
    Column("sql", Integer, nullable=True),
    Column("opportunities", Integer, nullable=True),
    Column("won", Integer, nullable=True),
    Column("spend", BigInteger, nullable=True),
    Column("revenue", BigInteger, nullable=True),
    Column("targets", JSON, nullable=False, default=dict),
    Column("extra", JSON, nullable=False, default=dict),
    Index("ix_kpi_source", "workspace", "source"),
)

generations = Table(
    "generations",
    metadata,
    Column("workspace", String(64), primary_key=True),
    Column("generation", Integer, nullable=False),
    # Which BM25 tokenizer produced chunks.tokens; a different one triggers a re-tokenise.
    Column("tokenizer", String(32), nullable=True),
)

# -- settings a workspace keeps for itself (issue 14): its fiscal year, its sources -----------
workspace_settings = Table(
    "workspace_settings",
    metadata,
    Column("workspace", String(64), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# -- chat (issue 5): conversations and their messages, per workspace --------------------------
conversations = Table(
    "conversations",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("workspace", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_conversations_workspace", "workspace", "updated_at"),
)

chat_messages = Table(
    "chat_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "conversation_id",
        String(36),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("role", String(16), nullable=False),
    Column("content", Text, nullable=False),
    # The assistant's citations, facts, warnings, mode and month (the Answer without text).
    Column("meta", JSON, nullable=False, default=dict),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_chat_messages_conversation", "conversation_id", "id"),
)

# -- feedback synthesis (issue 6): notes persisted before processing, and the results --------
feedback_runs = Table(
    "feedback_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(64), nullable=False),
    Column("source", String(512), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # received → done | failed (with the error), so an interrupted run is visible.
    Column("status", String(16), nullable=False),
    Column("notes", Integer, nullable=False),
    Column("error", Text, nullable=True),
    # PII placeholder map ([PHONE_1] → original): stays local, never exported.
    Column("redactions", JSON, nullable=False, default=list),
    Index("ix_feedback_runs_workspace", "workspace", "created_at"),
)

feedback_run_notes = Table(
    "feedback_run_notes",
    metadata,
    Column(
        "run_id",
        Integer,
        ForeignKey("feedback_runs.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("seq", Integer, primary_key=True),
    Column("row", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("date", Date, nullable=True),
    Column("rep", Text, nullable=True),
    Column("account", Text, nullable=True),
    Column("industry", Text, nullable=True),
    Column("stage", Text, nullable=True),
    Column("extra", JSON, nullable=False, default=dict),
)

feedback_syntheses = Table(
    "feedback_syntheses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(64), nullable=False),
    Column("run_id", Integer, ForeignKey("feedback_runs.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("payload", JSON, nullable=False),
    # Theme id → centroid, to match themes of a later run (the diff).
    Column("centroids", JSON, nullable=False, default=dict),
    # Set when saved to the knowledge store (kind feedback-synthesis).
    Column("saved_source", String(512), nullable=True),
    Column("saved_at", DateTime(timezone=True), nullable=True),
    Index("ix_feedback_syntheses_workspace", "workspace", "saved_at"),
)

# -- drafts and their review (issue 7) --------------------------------------------------------
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False),
    # draft → in_review → changes_requested → approved; archived from anywhere.
    Column("status", String(24), nullable=False),
    Column("persona", Text, nullable=True),
    Column("axis", Text, nullable=True),
    Column("lang", String(8), nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_drafts_workspace", "workspace", "status", "updated_at"),
)

draft_versions = Table(
    "draft_versions",
    metadata,
    Column("draft_id", Integer, ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
    Column("number", Integer, primary_key=True),
    # The whole Draft (sections, citations, facts, warnings, typed content) as JSON.
    Column("payload", JSON, nullable=False),
    # generated | edited | regenerated, and a line saying what changed.
    Column("reason", String(16), nullable=False),
    Column("note", Text, nullable=False, default=""),
    # The documents (with file hashes) and KPI months the version was built from.
    Column("snapshot", JSON, nullable=False, default=dict),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

draft_comments = Table(
    "draft_comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("section", Text, nullable=True),
    Column("author", Text, nullable=False),
    Column("text", Text, nullable=False),
    # comment | request_changes | approval | override | assessment
    Column("kind", String(24), nullable=False),
    # For an ``assessment`` comment: the director's status for a checklist item.
    Column("assessment", String(16), nullable=True),
    # The version that addressed it (a regeneration that took it as an instruction).
    Column("resolved_in", Integer, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_draft_comments_draft", "draft_id", "id"),
)

draft_events = Table(
    "draft_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("version", Integer, nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_draft_events_draft", "draft_id", "id"),
)

# What a user decided about a document that re-ingesting must not undo: its kind, for now.
document_overrides = Table(
    "document_overrides",
    metadata,
    Column("workspace", String(64), primary_key=True),
    Column("source", String(512), primary_key=True),
    Column("kind", String(32), nullable=True),
    Column("updated_by", String(128), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
