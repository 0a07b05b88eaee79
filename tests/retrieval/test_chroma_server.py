"""The same store against a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import pytest

from assistant.config import load_settings
from assistant.errors import ServiceUnavailableError
from assistant.retrieval import KnowledgeStore
from tests.conftest import free_port
from tests.retrieval.helpers import add, loaded

pytestmark = pytest.mark.integration


def test_ingest_search_delete_through_a_chroma_server(chroma_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    host, port = chroma_server
    monkeypatch.setenv("AXIS_CHROMA_HOST", host)
    monkeypatch.setenv("AXIS_CHROMA_PORT", str(port))
    monkeypatch.setenv("AXIS_WORKSPACE", "server-test")
    settings = load_settings()
    store = KnowledgeStore(settings)
    assert not settings.chroma_path.exists()  # nothing embedded on disk: the server holds vectors
    file = loaded("fb.txt", "セキュリティ審査でSSO対応を聞かれた。", "初期費用が高いと言われた。")
    assert add(store, file).added == 2
    assert add(store, file).added == 0
    assert store.search("セキュリティ審査", k=1, mode="dense")[0].source == "fb.txt"
    assert store.vectors.count() == 2
    assert store.delete_document("fb.txt") == 2
    assert store.vectors.count() == 0


def test_unreachable_chroma_server_is_a_service_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("AXIS_CHROMA_PORT", str(free_port()))  # nothing listens there
    with pytest.raises(ServiceUnavailableError, match="Cannot reach the Chroma server") as info:
        KnowledgeStore(load_settings())
    assert info.value.exit_code == 3
