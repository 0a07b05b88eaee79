from __future__ import annotations

import pytest

from assistant.db.conversations import ConversationStore, default_title
from assistant.errors import NotFoundError


def test_create_list_rename_delete_per_workspace(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ensure_dirs()
    store = ConversationStore(settings.database_url, "acme")
    other = ConversationStore(settings.database_url, "globex")
    a = store.create("最初")
    b = store.create("二つ目")
    store.add_message(a.id, "user", "質問")
    store.add_message(a.id, "assistant", "答え [1]", {"mode": "offline"})
    listed = store.list()
    assert [c.id for c in listed] == [a.id, b.id]  # a was active last
    assert [c.messages for c in listed] == [2, 0]
    assert other.list() == []
    with pytest.raises(NotFoundError, match="No conversation"):
        other.messages(a.id)

    store.rename(b.id, "  SLAの相談  ")
    assert store.get(b.id).title == "SLAの相談"
    msgs = store.messages(a.id)
    assert [(m.role, m.content, m.meta) for m in msgs] == [
        ("user", "質問", {}),
        ("assistant", "答え [1]", {"mode": "offline"}),
    ]
    store.delete(a.id)
    assert [c.id for c in store.list()] == [b.id]
    with pytest.raises(NotFoundError):
        store.add_message(a.id, "user", "x")


def test_default_title_is_one_short_line() -> None:
    assert default_title("短い\n質問") == "短い 質問"
    assert default_title("あ" * 50) == "あ" * 39 + "…"
