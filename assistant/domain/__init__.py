"""Types shared by every part of Axis, free of any library types.

    documents   what loaders produce and retrieval returns (LoadedFile, Chunk, SearchResult)
    kpi         one month of the funnel (KpiValues, KpiMonth)
    grounding   evidence and what is said about it (Evidence, Fact, Citation, Claim)

Keeping them here lets LangChain, Chroma and SQLAlchemy stay behind their own seams.
"""

from assistant.domain.documents import (
    DOCUMENT_KINDS,
    KIND_NAMES,
    MARKDOWN_KINDS,
    Chunk,
    DocumentKind,
    FeedbackNote,
    FileLoad,
    IngestWarning,
    LoadedFile,
    MetaValue,
    SearchResult,
    SkippedPart,
    TextUnit,
    kind_name,
)
from assistant.domain.kpi import COUNT_FIELDS, FUNNEL_STAGES, VALUE_FIELDS, KpiMonth, KpiValues

__all__ = [
    "COUNT_FIELDS",
    "DOCUMENT_KINDS",
    "KIND_NAMES",
    "FUNNEL_STAGES",
    "MARKDOWN_KINDS",
    "VALUE_FIELDS",
    "Chunk",
    "DocumentKind",
    "FeedbackNote",
    "FileLoad",
    "IngestWarning",
    "KpiMonth",
    "KpiValues",
    "LoadedFile",
    "MetaValue",
    "SearchResult",
    "SkippedPart",
    "TextUnit",
    "kind_name",
]
