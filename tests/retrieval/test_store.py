"""The knowledge store against a real Chroma persistent client and real SQLite."""

from __future__ import annotations

import pytest

from assistant.retrieval import KnowledgeStore
from assistant.retrieval.chroma_store import ChromaCollection
from tests.retrieval.helpers import add, chunks_of, loaded

SECURITY = (
    "情報システム部からセキュリティ審査の質問票が届いた。SSOとログ保管期間を確認したいとのこと。"
)
PRICE = "初期費用30万円が高いと言われた。月額も他社より高いという反応。"
INTEGRATION = "自社の会計システムとのAPI連携がないと導入は難しいと言われた。"


@pytest.fixture
def store(settings) -> KnowledgeStore:  # type: ignore[no-untyped-def]
    return KnowledgeStore(settings)


def test_reingesting_the_same_file_adds_nothing(store: KnowledgeStore) -> None:
    file = loaded("fb.txt", SECURITY, PRICE, kind="feedback")
    first = add(store, file)
    second = add(store, file)
    assert (first.added, first.skipped) == (2, 0)
    assert (second.added, second.skipped, second.written) == (0, 2, False)
    assert store.vectors.count() == 2
    assert store.counts() == (1, 2)


def test_hybrid_search_finds_the_passage_in_japanese(store: KnowledgeStore) -> None:
    add(store, loaded("fb.txt", SECURITY, PRICE, INTEGRATION, kind="feedback"))
    for mode in ("hybrid", "bm25", "dense"):
        top = store.search("セキュリティ審査", k=3, mode=mode)
        assert top[0].text == SECURITY, mode
    assert store.search("会計システム連携", k=1)[0].text == INTEGRATION


def test_filters_by_kind_source_and_metadata(store: KnowledgeStore) -> None:
    add(store, loaded("fb.txt", SECURITY, kind="feedback", rep="田中"))
    add(
        store,
        loaded("policy.md", "セキュリティ審査の手順書。ISMSの証跡を提出する。", kind="playbook"),
    )
    assert {r.source for r in store.search("セキュリティ審査", k=5)} == {"fb.txt", "policy.md"}
    only_playbook = store.search("セキュリティ審査", k=5, kind="playbook")
    assert [r.source for r in only_playbook] == ["policy.md"]
    assert [r.source for r in store.search("セキュリティ", source="fb.txt")] == ["fb.txt"]
    assert [r.source for r in store.search("セキュリティ", where={"rep": "田中"})] == ["fb.txt"]
    assert store.search("セキュリティ", where={"rep": "佐藤"}) == []


def test_changed_file_replaces_its_chunks(store: KnowledgeStore) -> None:
    add(store, loaded("fb.txt", SECURITY, PRICE))
    result = add(store, loaded("fb.txt", SECURITY, INTEGRATION), file_hash="h2")
    assert (result.added, result.skipped, result.removed) == (1, 1, 1)
    assert store.vectors.count() == 2
    assert all(r.text != PRICE for r in store.search("初期費用が高い", k=5))


def test_delete_removes_chunks_everywhere(store: KnowledgeStore) -> None:
    add(store, loaded("fb.txt", SECURITY, PRICE))
    add(store, loaded("other.md", INTEGRATION))
    assert store.delete_document("fb.txt") == 2
    assert store.vectors.count() == 1
    assert store.counts() == (1, 1)
    assert {r.source for r in store.search("セキュリティ審査", k=5, mode="bm25")} <= {"other.md"}
    assert store.delete_document("fb.txt") is None


def test_a_failing_vector_write_leaves_no_chunks(store: KnowledgeStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add(store, loaded("keep.md", PRICE))
    real_upsert = ChromaCollection.upsert
    calls = {"n": 0}

    def upsert_then_fail(self, ids, embeddings, documents, metadatas):  # type: ignore[no-untyped-def]
        real_upsert(self, ids[:1], embeddings[:1], documents[:1], metadatas[:1])
        calls["n"] += 1
        raise RuntimeError("disk full")

    monkeypatch.setattr(ChromaCollection, "upsert", upsert_then_fail)
    big = loaded("big.txt", SECURITY, INTEGRATION, "三つ目の段落。")
    with pytest.raises(RuntimeError, match="disk full"):
        add(store, big)
    assert calls["n"] == 1
    assert store.vectors.count() == 1  # only keep.md's chunk
    assert [d.source for d in store.documents()] == ["keep.md"]


def test_a_failing_sql_commit_rolls_back_the_vectors(store: KnowledgeStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.db.catalog import Catalog

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Catalog, "replace_document", broken)
    with pytest.raises(RuntimeError, match="database is locked"):
        add(store, loaded("fb.txt", SECURITY, PRICE))
    assert store.vectors.count() == 0
    assert store.search("セキュリティ") == []


def test_uncommitted_vectors_are_never_returned(store: KnowledgeStore) -> None:
    add(store, loaded("fb.txt", PRICE))
    orphan = loaded("orphan.txt", SECURITY)
    chunks = chunks_of(store, orphan)
    # Simulate a writer that has put vectors into Chroma but not yet committed in SQL.
    store.vectors.upsert(
        [c.chunk_id for c in chunks],
        store.embedder.embed_passages([c.text for c in chunks]),
        [c.text for c in chunks],
        [{"source": c.source, "kind": c.kind} for c in chunks],
    )
    assert all(
        r.source != "orphan.txt" for r in store.search("セキュリティ審査", k=5, mode="dense")
    )


def test_another_store_instance_sees_writes_after_reload(settings) -> None:  # type: ignore[no-untyped-def]
    reader = KnowledgeStore(settings)
    assert reader.search("セキュリティ") == []
    writer = KnowledgeStore(settings)
    add(writer, loaded("fb.txt", SECURITY))
    assert reader.search("セキュリティ審査", k=1)[0].text == SECURITY


def test_switching_embedding_provider_on_an_indexed_workspace_is_refused(settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.errors import ConfigError

    store = KnowledgeStore(settings)
    add(store, loaded("fb.txt", SECURITY))

    class Other:
        name = "openai"
        dim = 384

    with pytest.raises(ConfigError, match="AXIS_EMBEDDING"):
        ChromaCollection(settings, Other())  # type: ignore[arg-type]


def test_changing_the_tokenizer_retokenizes_stored_chunks_once(settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.retrieval import RetrievalParams

    old = KnowledgeStore(settings, params=RetrievalParams(tokenizer="bigram"))
    add(old, loaded("fb.txt", SECURITY, PRICE))
    assert old.catalog.load().tokenizer == "bigram@1"
    new = KnowledgeStore(settings, params=RetrievalParams(tokenizer="unibigram"))
    assert new.search("セキュリティ審査", k=1, mode="bm25")[0].text == SECURITY
    rows = new.catalog.load()
    assert rows.tokenizer == "unibigram@2"
    assert "審" in rows.tokens[rows.chunk_ids.index(new.search("審査", k=1)[0].chunk_id)]
