"""Conversations and messages in SQL, per workspace.

The user's message is written before the model is called (``add_message`` commits at once),
so nothing typed is lost when the model or the network fails.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import delete, func, insert, select, update

from assistant.db.engine import get_engine
from assistant.db.schema import chat_messages, conversations
from assistant.errors import InputError, NotFoundError

Role = Literal["user", "assistant", "error"]
TITLE_CHARS = 40


class Conversation(BaseModel):
    id: str
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime
    messages: int = 0


class StoredMessage(BaseModel):
    id: int
    conversation_id: str
    role: Role
    content: str
    meta: dict = Field(default_factory=dict)
    created_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_title(question: str) -> str:
    line = " ".join(question.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"


class ConversationStore:
    def __init__(self, db_url: str, workspace: str) -> None:
        self.engine = get_engine(db_url)
        self.workspace = workspace

    def create(self, title: str) -> Conversation:
        now = _now()
        conv = Conversation(id=uuid.uuid4().hex, title=title, created_at=now, updated_at=now)
        with self.engine.begin() as conn:
            conn.execute(
                insert(conversations).values(
                    id=conv.id,
                    workspace=self.workspace,
                    title=conv.title,
                    created_at=now,
                    updated_at=now,
                )
            )
        return conv

    def list(self) -> list[Conversation]:
        """This workspace's conversations, most recently active first."""
        counts = (
            select(chat_messages.c.conversation_id, func.count().label("n"))
            .group_by(chat_messages.c.conversation_id)
            .subquery()
        )
        query = (
            select(conversations, func.coalesce(counts.c.n, 0).label("n"))
            .outerjoin(counts, counts.c.conversation_id == conversations.c.id)
            .where(conversations.c.workspace == self.workspace)
            .order_by(conversations.c.updated_at.desc(), conversations.c.id)
        )
        with self.engine.connect() as conn:
            return [
                Conversation(
                    id=r["id"],
                    title=r["title"],
                    created_at=r["created_at"],
                    updated_at=r["updated_at"],
                    messages=r["n"],
                )
                for r in conn.execute(query).mappings()
            ]

    def get(self, conversation_id: str) -> Conversation:
        for conv in self.list():
            if conv.id == conversation_id:
                return conv
        raise NotFoundError(
            f"No conversation {conversation_id!r} in workspace '{self.workspace}' — start a new one"
        )

    def rename(self, conversation_id: str, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise InputError("A conversation title cannot be empty — type a name")
        self._update(conversation_id, title=title)

    def delete(self, conversation_id: str) -> None:
        with self.engine.begin() as conn:
            self._check(conn, conversation_id)
            conn.execute(
                delete(chat_messages).where(chat_messages.c.conversation_id == conversation_id)
            )
            conn.execute(delete(conversations).where(conversations.c.id == conversation_id))

    def add_message(
        self, conversation_id: str, role: Role, content: str, meta: dict | None = None
    ) -> int:
        """Append and commit one message; returns its id."""
        now = _now()
        with self.engine.begin() as conn:
            self._check(conn, conversation_id)
            result = conn.execute(
                insert(chat_messages).values(
                    conversation_id=conversation_id,
                    role=role,
                    content=content,
                    meta=meta or {},
                    created_at=now,
                )
            )
            conn.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(updated_at=now)
            )
            return int(result.inserted_primary_key[0])

    def messages(self, conversation_id: str) -> list[StoredMessage]:
        with self.engine.connect() as conn:
            self._check(conn, conversation_id)
            rows = conn.execute(
                select(chat_messages)
                .where(chat_messages.c.conversation_id == conversation_id)
                .order_by(chat_messages.c.id)
            ).mappings()
            return [StoredMessage(**dict(r)) for r in rows]

    def _update(self, conversation_id: str, **values: object) -> None:
        with self.engine.begin() as conn:
            self._check(conn, conversation_id)
            conn.execute(
                update(conversations).where(conversations.c.id == conversation_id).values(**values)
            )

    def _check(self, conn, conversation_id: str) -> None:  # type: ignore[no-untyped-def]
        found = conn.execute(
            select(conversations.c.id).where(
                conversations.c.id == conversation_id,
                conversations.c.workspace == self.workspace,
            )
        ).first()
        if found is None:
            raise NotFoundError(
                f"No conversation {conversation_id!r} in workspace '{self.workspace}' — "
                "pick one from the list or start a new one"
            )
