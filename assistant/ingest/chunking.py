"""Sentence-aware chunking sized in the embedding model's own tokens.

e5 reads at most 512 tokens (including two special tokens and the ``passage: `` prefix), so
chunk length is measured with the model's tokenizer rather than guessed from characters:
Japanese runs from ~0.7 to ~1.5 characters per token depending on kanji density.  The split
prefers paragraph, then line, then sentence ends (。！？ and their ASCII forms), then commas,
so a chunk rarely cuts a sentence in half.  The default size comes from ``bench/chunking.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.domain import Chunk, LoadedFile, MetaValue

# Ordered from the strongest boundary to the weakest; "" is the last resort (hard cut).
SEPARATORS: list[str] = ["\n\n", "\n", "。", "！", "？", "!", "?", ". ", "、", "，", ", ", " ", ""]
E5_MAX_TOKENS = 510  # 512 minus the CLS/SEP specials; the "passage: " prefix fits in overlap.


def make_splitter(
    token_count: Callable[[str], int], *, chunk_tokens: int, overlap_tokens: int
) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=min(chunk_tokens, E5_MAX_TOKENS - 8),
        chunk_overlap=min(overlap_tokens, chunk_tokens // 4),
        length_function=token_count,
        strip_whitespace=True,
    )


def chunk_id(source: str, text: str) -> str:
    """Content hash of a chunk within its document: identical re-ingests are no-ops."""
    digest = hashlib.sha256(f"{source}\x00{text}".encode()).hexdigest()
    return digest[:32]


def chunk_file(
    loaded: LoadedFile,
    splitter: RecursiveCharacterTextSplitter,
) -> list[Chunk]:
    """Split every text unit of a file into chunks carrying the file's and the unit's metadata."""
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for unit in loaded.units:
        for piece in _split(unit.text, splitter):
            cid = chunk_id(loaded.source, piece)
            if cid in seen:  # the same passage twice in one file is stored once
                continue
            seen.add(cid)
            metadata: dict[str, MetaValue] = {
                **loaded.metadata,
                **unit.metadata,
                "title": loaded.title,
            }
            chunks.append(
                Chunk(
                    chunk_id=cid,
                    source=loaded.source,
                    kind=loaded.kind,
                    text=piece,
                    position=len(chunks),
                    metadata=metadata,
                )
            )
    return chunks


def _split(text: str, splitter: RecursiveCharacterTextSplitter) -> Iterable[str]:
    text = text.strip()
    if not text:
        return []
    # Short units (a feedback note, a KPI month) are the common case: skip the splitter.
    if splitter._length_function(text) <= splitter._chunk_size:
        return [text]
    return [p for p in splitter.split_text(text) if p.strip()]
