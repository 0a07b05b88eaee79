"""Ingest: files and folders in, chunks in the knowledge store out, one report back.

Each file is accepted whole or rejected whole; a rejected file never stops the others.
README files met while walking a folder describe the folder and are skipped (name one
explicitly to ingest it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain import IngestWarning, LoadedFile
from assistant.errors import IngestError
from assistant.ingest.chunking import chunk_file, make_splitter
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_bytes, load_file
from assistant.retrieval.store import KnowledgeStore

ProgressFn = Callable[[str, int], None]
"""Called as ``(event, n)``: ``("files", total)``, ``("file", 1)``, ``("chunks", n_embedded)``."""


@dataclass
class IngestReport:
    files: int = 0
    chunks_added: int = 0
    chunks_skipped: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "files": self.files,
            "chunks_added": self.chunks_added,
            "chunks_skipped": self.chunks_skipped,
            "rejected": self.rejected,
            "warnings": [w.model_dump() for w in self.warnings],
        }


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[dict[str, str]]]:
    """Expand folders; return ``(path, source)`` pairs and rejections for missing paths.

    A file's ``source`` is its path relative to the parent of the argument it came from
    (``knowledge/feedback/a.csv`` for ``axis ingest knowledge``), so it does not depend on
    the current directory and re-ingesting finds the same document.
    """
    found: list[tuple[Path, str]] = []
    rejected: list[dict[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            rejected.append(
                {"path": str(raw), "error": f"{raw}: no such file or folder — check the path"}
            )
            continue
        if path.is_file():
            found.append((path, path.name))
            continue
        root = path.resolve()
        for file in sorted(root.rglob("*")):
            rel = file.relative_to(root)
            if not file.is_file() or any(part.startswith(".") for part in rel.parts):
                continue
            if file.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if file.stem.lower() == "readme":
                continue
            found.append((file, f"{root.name}/{rel.as_posix()}"))
    return found, rejected


def ingest_paths(
    store: KnowledgeStore,
    paths: Iterable[Path],
    *,
    kind: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    files, rejected = discover(paths)
    report = IngestReport(rejected=list(rejected))
    if progress:
        progress("files", len(files))
    settings = store.settings
    wrote = False
    try:
        for path, source in files:
            try:
                loaded = load_file(
                    path,
                    source=source,
                    kind=kind,
                    mapping=dict(mapping) if mapping else None,
                    max_bytes=settings.max_file_bytes,
                )
                digest = _file_hash(path)
                wrote |= _store(store, loaded, digest, report, progress)
            except IngestError as exc:
                report.rejected.append({"path": source, "error": str(exc)})
            if progress:
                progress("file", 1)
    finally:
        if wrote:
            store.refresh_lexical()
    return report


def ingest_bytes(
    store: KnowledgeStore,
    data: bytes,
    *,
    filename: str,
    kind: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Ingest one uploaded file (the browser's Knowledge page); same rules as files on disk."""
    report = IngestReport()
    source = Path(filename).name
    try:
        loaded = load_bytes(
            data,
            filename=source,
            source=source,
            kind=kind,
            mapping=dict(mapping) if mapping else None,
            max_bytes=store.settings.max_file_bytes,
        )
        if _store(store, loaded, hashlib.sha256(data).hexdigest(), report, progress):
            store.refresh_lexical()
    except IngestError as exc:
        report.rejected.append({"path": source, "error": str(exc)})
    return report


def _store(
    store: KnowledgeStore,
    loaded: LoadedFile,
    digest: str,
    report: IngestReport,
    progress: ProgressFn | None,
) -> bool:
    settings = store.settings
    splitter = make_splitter(
        store.embedder.token_count,
        chunk_tokens=settings.chunk_tokens,
        overlap_tokens=settings.chunk_overlap_tokens,
    )
    chunks = chunk_file(loaded, splitter)
    if not chunks:
        raise IngestError("no text to index — the file has no content", path=loaded.source)
    on_embedded = (lambda n: progress("chunks", n)) if progress else None
    result = store.add_file(
        loaded, chunks, file_hash=digest, rebuild_lexical=False, on_embedded=on_embedded
    )
    report.files += 1
    report.chunks_added += result.added
    report.chunks_skipped += result.skipped
    report.warnings.extend(loaded.warnings)
    report.sources.append(loaded.source)
    return result.written


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
