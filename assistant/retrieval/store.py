"""The knowledge store: Chroma for vectors, SQL for the committed record, BM25 beside them.

Write path (one file, all or nothing), under the inter-process write lock:
  1. embed the chunks that are new (before taking the lock: embedding is the slow part);
  2. upsert them into Chroma — on failure, delete what was added and stop;
  3. commit the document's rows in SQL in one transaction — on failure, undo step 2;
  4. delete the chunks the new version no longer has from Chroma;
  5. rebuild and save the BM25 index for the new generation.
Readers only return chunks that are committed in SQL, so they never see a half-written file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.config import Settings
from assistant.db.catalog import Catalog, CatalogRows, DocumentInfo
from assistant.domain import Chunk, LoadedFile, MetaValue, SearchResult
from assistant.errors import StoreError
from assistant.retrieval.chroma_store import ChromaCollection
from assistant.retrieval.embeddings import Embedder, get_embedder
from assistant.retrieval.fusion import reciprocal_rank_fusion, zscore_fusion
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.locking import write_lock
from assistant.text.tokens import DEFAULT_TOKENIZER, get_tokenizer, tokenizer_tag

log = logging.getLogger(__name__)
_EMBED_BATCH = 128


@dataclass(frozen=True)
class RetrievalParams:
    """Search recipe; the defaults are what ``bench/retrieval.py`` measured best."""

    tokenizer: str = DEFAULT_TOKENIZER
    bm25_k1: float = 0.9
    bm25_b: float = 0.6
    fusion: str = "zscore"  # or "rrf"
    lexical_stats: str = "all"  # z-score BM25 over all eligible chunks, or "candidates"
    dense_sample: int = 512  # chunks whose vectors estimate the corpus-wide similarity spread
    rrf_k: float = 60.0
    lexical_weight: float = 0.4
    dense_weight: float = 0.6
    candidates: int = 100


@dataclass(frozen=True)
class AddResult:
    added: int
    skipped: int
    removed: int
    written: bool = True


class Snapshot:
    """Every committed chunk of one catalog generation, held in memory (search runs on it).

    Readers use ``generation``, ``chunks()`` and ``metadata_values()``; the columns and
    indexes behind them are the store's own.
    """

    def __init__(
        self, rows: CatalogRows, lexical: LexicalIndex, dense_sample: np.ndarray | None = None
    ) -> None:
        self._rows = rows
        self._chunks: list[Chunk] | None = None
        self.lexical = lexical
        # Vectors of a fixed random sample of chunks: a query's similarity to them estimates
        # the mean and spread of its similarity to the whole corpus, which the dense top-k
        # alone cannot give (it only sees the best matches).
        self.dense_sample = dense_sample
        self.position = {cid: i for i, cid in enumerate(rows.chunk_ids)}
        self.kinds = np.asarray(rows.kinds, dtype=object)
        self.sources = np.asarray(rows.sources, dtype=object)

    @property
    def generation(self) -> int:
        return self._rows.generation

    def __len__(self) -> int:
        return len(self._rows.chunk_ids)

    def chunks(self, *, kind: str | None = None) -> list[Chunk]:
        """The committed chunks (of ``kind``), in catalog order."""
        if self._chunks is None:
            r = self._rows
            self._chunks = [
                Chunk(chunk_id=c, source=s, kind=k, text=t, metadata=m or {})  # type: ignore[arg-type]
                for c, s, k, t, m in zip(
                    r.chunk_ids, r.sources, r.kinds, r.texts, r.metas, strict=True
                )
            ]
        return self._chunks if kind is None else [c for c in self._chunks if c.kind == kind]

    def text_of(self, chunk_id: str) -> str | None:
        """The text of a committed chunk, or ``None`` when it is not in this generation."""
        pos = self.position.get(chunk_id)
        return None if pos is None else self._rows.texts[pos]

    def metadata_values(self, key: str, *, kind: str | None = None) -> set[str]:
        """Every value chunks (of ``kind``) give metadata ``key`` (e.g. feedback industries)."""
        r = self._rows
        return {
            str(m[key])
            for k, m in zip(r.kinds, r.metas, strict=True)
            if (kind is None or k == kind) and m.get(key)
        }

    def mask(
        self, kind: str | None, source: str | None, where: Mapping[str, MetaValue] | None
    ) -> np.ndarray | None:
        if not (kind or source or where):
            return None
        mask = np.ones(len(self._rows.chunk_ids), dtype=bool)
        if kind:
            mask &= self.kinds == kind
        if source:
            mask &= self.sources == source
        for key, value in (where or {}).items():
            mask &= np.fromiter(
                (m.get(key) == value for m in self._rows.metas), dtype=bool, count=len(mask)
            )
        return mask

    def result(self, pos: int, score: float) -> SearchResult:
        r = self._rows
        return SearchResult(
            chunk_id=r.chunk_ids[pos],
            source=r.sources[pos],
            kind=r.kinds[pos],
            text=r.texts[pos],
            score=score,
            metadata=r.metas[pos],
        )


class KnowledgeStore:
    """One workspace's searchable knowledge."""

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        params: RetrievalParams | None = None,
    ) -> None:
        self.settings = settings
        if params is None:
            params = RetrievalParams(tokenizer=settings.tokenizer or DEFAULT_TOKENIZER)
        self.params = params
        self.embedder = embedder or get_embedder(settings)
        self.tokenize = get_tokenizer(self.params.tokenizer)
        self._tokenizer_tag = tokenizer_tag(self.params.tokenizer)
        settings.ensure_dirs()
        self.catalog = Catalog(settings.database_url, settings.workspace)
        self.vectors = ChromaCollection(settings, self.embedder)
        self._snapshot: Snapshot | None = None
        self._snapshot_lock = threading.Lock()

    # -- writing ----------------------------------------------------------------------
    def add_file(
        self,
        loaded: LoadedFile,
        chunks: Sequence[Chunk],
        *,
        file_hash: str,
        rebuild_lexical: bool = True,
        on_embedded: Callable[[int], None] | None = None,
    ) -> AddResult:
        """Make ``chunks`` the whole content of ``loaded.source`` (all or nothing).

        ``rebuild_lexical=False`` lets a batch ingest rebuild BM25 once at the end
        (``refresh_lexical``); readers rebuild for themselves if that never happens.
        """
        existing = self.catalog.chunk_ids_of(loaded.source)
        if {c.chunk_id for c in chunks} == existing and (
            self.catalog.file_hash_of(loaded.source) == file_hash
        ):
            return AddResult(added=0, skipped=len(chunks), removed=0, written=False)
        fresh = [c for c in chunks if c.chunk_id not in existing]
        embeddings = self._embed([c.text for c in fresh], on_embedded)
        tokens = [self.tokenize(c.text) for c in chunks]
        with write_lock(self.settings):
            try:
                self.vectors.upsert(
                    [c.chunk_id for c in fresh],
                    embeddings,
                    [c.text for c in fresh],
                    [_chroma_metadata(c) for c in fresh],
                )
            except BaseException:
                self._undo_vectors(fresh)
                raise
            try:
                stale = self.catalog.replace_document(
                    loaded, chunks, tokens, file_hash=file_hash, tokenizer=self._tokenizer_tag
                )
            except BaseException:
                self._undo_vectors(fresh)
                raise
            if stale:
                self.vectors.delete(sorted(stale))
            if rebuild_lexical:
                self._rebuild_lexical()
        return AddResult(added=len(fresh), skipped=len(chunks) - len(fresh), removed=len(stale))

    def delete_document(self, source: str) -> int | None:
        """Remove a document everywhere; the number of chunks removed, ``None`` if unknown."""
        with write_lock(self.settings):
            ids = self.catalog.delete_document(source)
            if ids is None:
                return None
            self.vectors.delete(sorted(ids))
            self._rebuild_lexical()
        return len(ids)

    def set_kind(self, source: str, kind: str) -> int:
        """Give a stored document another kind everywhere (SQL and Chroma); its chunks."""
        from assistant.db.documents import relabel

        with write_lock(self.settings):
            ids = relabel(self.settings.database_url, self.settings.workspace, source, kind)
            if ids:
                self.vectors.set_kind(ids, kind)
                self._rebuild_lexical()
        return len(ids)

    def refresh_lexical(self) -> None:
        """Rebuild and save BM25 for the current generation (after a batch of writes)."""
        with write_lock(self.settings):
            self._rebuild_lexical()

    def _embed(self, texts: list[str], on_embedded: Callable[[int], None] | None) -> np.ndarray:
        if on_embedded is None or len(texts) <= _EMBED_BATCH:
            vectors = self.embedder.embed_passages(texts)
            if on_embedded:
                on_embedded(len(texts))
            return vectors
        parts = []
        for start in range(0, len(texts), _EMBED_BATCH):
            batch = texts[start : start + _EMBED_BATCH]
            parts.append(self.embedder.embed_passages(batch))
            on_embedded(len(batch))
        return np.concatenate(parts)

    def _undo_vectors(self, fresh: Sequence[Chunk]) -> None:
        try:
            self.vectors.delete([c.chunk_id for c in fresh])
        except Exception:  # the original error matters more; orphans are invisible anyway
            log.exception("could not remove partially added chunks")

    def _rebuild_lexical(self) -> Snapshot:
        rows = self.catalog.load()
        lexical = LexicalIndex.build(
            rows.tokens, generation=rows.generation, k1=self.params.bm25_k1, b=self.params.bm25_b
        )
        try:
            lexical.save(self._lexical_dir)
        except OSError as exc:  # a read-only home still searches; it just rebuilds next time
            log.warning("could not save the BM25 index: %s", exc)
        snap = Snapshot(replace(rows, tokens=[]), lexical, self._dense_sample(rows))
        with self._snapshot_lock:
            self._snapshot = snap
        return snap

    @property
    def _lexical_dir(self):  # type: ignore[no-untyped-def]
        return self.settings.workspace_dir / f"bm25-{self._tokenizer_tag.replace('@', '-v')}"

    # -- reading ----------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The in-memory index for the current generation (reloaded when others wrote)."""
        generation = self.catalog.generation()
        with self._snapshot_lock:
            snap = self._snapshot
        if snap is not None and snap.generation == generation:
            return snap
        rows = self.catalog.load(with_tokens=False)
        if rows.chunk_ids and rows.tokenizer != self._tokenizer_tag:
            # The stored tokens came from another tokenizer: redo them once, for everyone.
            with write_lock(self.settings):
                self.catalog.retokenize(self.tokenize, tokenizer=self._tokenizer_tag)
                return self._rebuild_lexical()
        lexical = LexicalIndex.load(
            self._lexical_dir, generation=rows.generation, n_docs=len(rows.chunk_ids)
        )
        if lexical is None:  # no saved index for this generation: build one from the tokens
            rows = self.catalog.load()
            lexical = LexicalIndex.build(
                rows.tokens,
                generation=rows.generation,
                k1=self.params.bm25_k1,
                b=self.params.bm25_b,
            )
        snap = Snapshot(replace(rows, tokens=[]), lexical, self._dense_sample(rows))
        with self._snapshot_lock:
            self._snapshot = snap
        return snap

    def documents(self, *, kind: str | None = None) -> list[DocumentInfo]:
        return self.catalog.documents(kind=kind)

    def counts(self) -> tuple[int, int]:
        return self.catalog.counts()

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        kind: str | None = None,
        source: str | None = None,
        where: Mapping[str, MetaValue] | None = None,
        mode: str = "hybrid",
    ) -> list[SearchResult]:
        """Best ``k`` chunks for ``query``; ``mode`` is ``hybrid``, ``bm25`` or ``dense``."""
        if mode not in ("hybrid", "bm25", "dense"):
            raise StoreError(f"Unknown search mode {mode!r} — use hybrid, bm25 or dense")
        query = query.strip()
        snap = self.snapshot()
        if not query or not len(snap) or k <= 0:
            return []
        depth = max(k, self.params.candidates)
        mask = snap.mask(kind, source, where)
        lexical: list[tuple[int, float]] = []
        lex_stats: tuple[float, float] | None = None
        if mode != "dense":
            lexical, lex_stats = self._lexical_ranking(snap, query, depth, mask)
        dense: list[tuple[int, float]] = []
        dense_stats: tuple[float, float] | None = None
        if mode != "bm25":
            dense, dense_stats = self._dense_ranking(snap, query, depth, kind, source, where)
        if mode == "bm25":
            return [snap.result(p, s) for p, s in lexical[:k]]
        if mode == "dense":
            return [snap.result(p, s) for p, s in dense[:k]]
        fused = self._fuse(lexical, lex_stats, dense, dense_stats)
        return [snap.result(p, s) for p, s in fused[:k]]

    def _fuse(
        self,
        lexical: list[tuple[int, float]],
        lex_stats: tuple[float, float] | None,
        dense: list[tuple[int, float]],
        dense_stats: tuple[float, float] | None,
    ) -> list[tuple[int, float]]:
        weights = [self.params.lexical_weight, self.params.dense_weight]
        if self.params.fusion == "rrf":
            fused = reciprocal_rank_fusion(
                [[str(p) for p, _ in lexical], [str(p) for p, _ in dense]],
                weights=weights,
                k=self.params.rrf_k,
            )
            return [(int(p), s) for p, s in fused]
        no_signal: tuple[dict[int, float], float, float, float] = ({}, 0.0, 0.0, 0.0)
        signals = [no_signal, no_signal]
        if lexical and lex_stats:
            # BM25 is standardised over every eligible chunk (it scores them all anyway);
            # a chunk BM25 did not rank has at most the last candidate's score.
            signals[0] = (dict(lexical), lex_stats[0], lex_stats[1], lexical[-1][1])
        if dense and dense_stats:
            signals[1] = (dict(dense), dense_stats[0], dense_stats[1], dense[-1][1])
        return zscore_fusion(signals, weights)

    def _lexical_ranking(
        self, snap: Snapshot, query: str, depth: int, mask: np.ndarray | None
    ) -> tuple[list[tuple[int, float]], tuple[float, float] | None]:
        scores = snap.lexical.scores(self.tokenize(query))
        eligible = scores if mask is None else scores[mask]
        if eligible.size == 0:
            return [], None
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        depth = min(depth, scores.size)
        top = np.argpartition(-scores, depth - 1)[:depth]
        top = top[np.argsort(-scores[top], kind="stable")]
        ranked = [(int(i), float(scores[i])) for i in top if scores[i] > 0]
        # Standardise like the dense side (over the returned candidates) so that neither
        # signal dominates just because it was normalised over a different population.
        basis = eligible if self.params.lexical_stats == "all" else scores[top]
        return ranked, (float(basis.mean()), float(basis.std()))

    def _dense_sample(self, rows: CatalogRows) -> np.ndarray | None:
        n = min(self.params.dense_sample, len(rows.chunk_ids))
        if n < 8:
            return None
        rng = np.random.default_rng(rows.generation)  # same sample for a generation
        picked = rng.choice(len(rows.chunk_ids), size=n, replace=False)
        try:
            vectors = self.vectors.embeddings([rows.chunk_ids[i] for i in picked])
        except Exception:  # calibration is an optimisation; search still works without it
            log.warning("could not read calibration vectors", exc_info=True)
            return None
        return vectors if vectors.size else None

    def _dense_ranking(
        self,
        snap: Snapshot,
        query: str,
        depth: int,
        kind: str | None,
        source: str | None,
        where: Mapping[str, MetaValue] | None,
    ) -> tuple[list[tuple[int, float]], tuple[float, float] | None]:
        embedding = self.embedder.embed_query(query)
        hits = self.vectors.query(embedding, k=depth, where=_chroma_where(kind, source, where))
        # Drop ids not (yet, or no longer) committed in SQL: never show half-written files.
        ranked = [(snap.position[cid], sim) for cid, sim in hits if cid in snap.position]
        if snap.dense_sample is not None and snap.dense_sample.shape[1] == embedding.shape[0]:
            sims = snap.dense_sample @ embedding
        elif ranked:
            sims = np.fromiter((sim for _, sim in ranked), dtype=np.float64)
        else:
            return ranked, None
        return ranked, (float(sims.mean()), float(sims.std()))


def _chroma_metadata(chunk: Chunk) -> dict[str, MetaValue]:
    return {
        **chunk.metadata,
        "source": chunk.source,
        "kind": chunk.kind,
        "position": chunk.position,
    }


def _chroma_where(
    kind: str | None, source: str | None, where: Mapping[str, MetaValue] | None
) -> dict | None:
    clauses: list[dict] = []
    if kind:
        clauses.append({"kind": kind})
    if source:
        clauses.append({"source": source})
    clauses.extend({key: value} for key, value in (where or {}).items())
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
