"""Finding text: embeddings, the Chroma store, BM25 over Japanese-aware tokens, fusion.

Only this package imports Chroma or bm25s; the rest of Axis sees ``KnowledgeStore`` and
``SearchResult``.
"""

from assistant.retrieval.store import AddResult, KnowledgeStore, RetrievalParams

__all__ = ["AddResult", "KnowledgeStore", "RetrievalParams"]
