"""Ingest: files and folders in, chunks in the knowledge store out, one report back.

Every file found is accounted for under exactly one of ``ingested`` (with the kind and chunk
count of each document it gave), ``rejected`` (the reason and what to do) or ``skipped``
(unsupported, empty, a folder's README, or the same bytes as another file — stored once).
Sheets of an ingested workbook that were not used are listed in ``parts_skipped``.  A file is
accepted whole or rejected whole, and a rejected file never stops the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from assistant.db.documents import kind_overrides, parts_of, sources_with_hash
from assistant.domain import FileLoad, IngestWarning, LoadedFile
from assistant.errors import IngestError
from assistant.ingest.chunking import chunk_file, make_splitter
from assistant.ingest.columns import ColumnMap
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_data, load_path
from assistant.ingest.tables import ExportReader
from assistant.retrieval.store import KnowledgeStore

ProgressFn = Callable[[str, int], None]
"""Called as ``(event, n)``: ``("files", total)``, ``("file", 1)``, ``("chunks", n_embedded)``."""

_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"})
_OLD_OFFICE = {".doc": ".docx", ".ppt": ".pptx", ".xls": ".xlsx"}


@dataclass
class IngestReport:
    files: int = 0
    chunks_added: int = 0
    chunks_skipped: int = 0
    ingested: list[dict] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    parts_skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "files": self.files,
            "chunks_added": self.chunks_added,
            "chunks_skipped": self.chunks_skipped,
            "ingested": self.ingested,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "parts_skipped": self.parts_skipped,
            "warnings": [w.model_dump(exclude_none=True) for w in self.warnings],
        }


def skip_reasons(path: PurePath) -> tuple[str, str] | None:
    """Why a file met in a folder is not read (English, Japanese), or ``None`` when Axis
    reads it."""
    suffix = path.suffix.lower()
    if path.stem.lower() == "readme" and suffix in SUPPORTED_SUFFIXES:
        return (
            "a README describes the folder — pass it by name to ingest it",
            "フォルダの説明（README）です。取り込むにはファイル名を指定してください",
        )
    if suffix in SUPPORTED_SUFFIXES:
        return None
    if suffix in _IMAGES:
        return (
            "an image — Axis reads text, not pictures (no OCR); put its text in a document",
            "画像ファイルです。Axisは文字だけを読みます（OCRなし）。内容を文書に書いてください",
        )
    if suffix in _OLD_OFFICE:
        new = _OLD_OFFICE[suffix]
        return (
            f"an old Office file ({suffix}) — save it as {new} and ingest that",
            f"古いOffice形式（{suffix}）です。{new} で保存し直して取り込んでください",
        )
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    shown = suffix or "(none)"
    return (
        f"unsupported file type '{shown}' — supported: {supported}",
        f"対応していない形式（{shown}）です。対応形式: {supported}",
    )


def skip_reason(path: PurePath) -> str | None:
    reasons = skip_reasons(path)
    return reasons[0] if reasons else None


def _skipped(path: str, reasons: tuple[str, str], **extra: str) -> dict[str, str]:
    return {"path": path, "reason": reasons[0], "reason_ja": reasons[1], **extra}


def _duplicate(path: str, original: str) -> dict[str, str]:
    return _skipped(
        path,
        (
            f"the same content as {original} — stored once",
            f"{original} と同じ内容です（1回だけ保存します）",
        ),
        same_as=original,
    )


def discover(
    paths: Iterable[Path],
) -> tuple[list[tuple[Path, str]], list[dict[str, str]], list[dict[str, str]]]:
    """Expand folders: ``(path, source)`` pairs to read, rejections (missing paths) and
    skipped files (with the reason), so that every file met is accounted for.

    A file's ``source`` is its path relative to the parent of the argument it came from
    (``knowledge/feedback/a.csv`` for ``axis ingest knowledge``), so it does not depend on
    the current directory and re-ingesting finds the same document.
    """
    found: list[tuple[Path, str]] = []
    rejected: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
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
            source = f"{root.name}/{rel.as_posix()}"
            if (reasons := skip_reasons(rel)) is not None:
                skipped.append(_skipped(source, reasons))
                continue
            found.append((file, source))
    return found, rejected, skipped


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Run:
    """One ingest run over a store: duplicates, kind overrides and the report."""

    def __init__(
        self, store: KnowledgeStore, progress: ProgressFn | None, maps: list[ColumnMap] | None
    ) -> None:
        self.store = store
        self.settings = store.settings
        self.progress = progress
        self.maps = maps
        self.report = IngestReport()
        self.seen: dict[str, str] = {}  # file hash -> the source stored with it in this run
        self.overrides = kind_overrides(self.settings.database_url, self.settings.workspace)
        self.wrote = False

    def duplicate_of(self, digest: str, source: str) -> str | None:
        if digest in self.seen:
            return self.seen[digest]
        for stored in sources_with_hash(
            self.settings.database_url, self.settings.workspace, digest
        ):
            base = stored.split("#", 1)[0]
            if base != source:
                return base
        return None

    def add(self, load: FileLoad, *, path: str, digest: str) -> None:
        entries = []
        for loaded in load.documents:
            if (forced := self.overrides.get(loaded.source)) and forced != loaded.kind:
                loaded.kind, loaded.kind_basis = forced, "set by a user"  # type: ignore[assignment]
            chunks, result = _store(self.store, loaded, digest, self.progress)
            self.wrote |= result.written
            self.report.chunks_added += result.added
            self.report.chunks_skipped += result.skipped
            self.report.warnings.extend(loaded.warnings)
            self.report.sources.append(loaded.source)
            entry = {
                "path": path,
                "source": loaded.source,
                "kind": loaded.kind,
                "title": loaded.title,
                "chunks": chunks,
                "kind_basis": loaded.kind_basis,
            }
            entries.append(entry)
        stale = set(parts_of(self.settings.database_url, self.settings.workspace, path))
        for source in stale - {e["source"] for e in entries}:  # a sheet no longer in the book
            self.store.delete_document(source)
        self.report.ingested.extend(entries)
        self.report.parts_skipped.extend(p.model_dump() for p in load.skipped)
        self.report.files += 1
        self.seen[digest] = path


def _store(
    store: KnowledgeStore,
    loaded: LoadedFile,
    digest: str,
    progress: ProgressFn | None,
):  # type: ignore[no-untyped-def]
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
    return len(chunks), result


def ingest_paths(
    store: KnowledgeStore,
    paths: Iterable[Path],
    *,
    kind: str | None = None,
    mapping: Mapping[str, str] | list[ColumnMap] | None = None,
    progress: ProgressFn | None = None,
    exports: ExportReader | None = None,
) -> IngestReport:
    files, rejected, skipped = discover(paths)
    maps = _as_maps(mapping)
    run = _Run(store, progress, maps)
    run.report.rejected.extend(rejected)
    run.report.skipped.extend(skipped)
    if progress:
        progress("files", len(files))
    try:
        for path, source in files:
            try:
                digest = _file_hash(path)
                if (original := run.duplicate_of(digest, source)) is not None:
                    run.report.skipped.append(_duplicate(source, original))
                    continue
                load = load_path(
                    path,
                    source=source,
                    kind=kind,
                    mapping=maps,
                    max_bytes=store.settings.max_file_bytes,
                    exports=exports,
                )
                run.add(load, path=source, digest=digest)
            except IngestError as exc:
                run.report.rejected.append({"path": source, "error": str(exc)})
            if progress:
                progress("file", 1)
    finally:
        if run.wrote:
            store.refresh_lexical()
    return run.report


def _as_maps(mapping: Mapping[str, str] | list[ColumnMap] | None) -> list[ColumnMap] | None:
    if mapping is None or isinstance(mapping, list):
        return mapping
    return [ColumnMap(column, field_name) for column, field_name in mapping.items()]


def ingest_bytes(
    store: KnowledgeStore,
    data: bytes,
    *,
    filename: str,
    kind: str | None = None,
    mapping: Mapping[str, str] | list[ColumnMap] | None = None,
    progress: ProgressFn | None = None,
    exports: ExportReader | None = None,
) -> IngestReport:
    """Ingest one uploaded file (the browser's Knowledge page); same rules as files on disk."""
    source = Path(filename).name
    run = _Run(store, progress, _as_maps(mapping))
    try:
        if (reason := skip_reason(PurePath(source))) is not None and not source.lower().startswith(
            "readme"
        ):
            raise IngestError(reason, path=source)
        digest = hashlib.sha256(data).hexdigest()
        if (original := run.duplicate_of(digest, source)) is not None:
            run.report.skipped.append(_duplicate(source, original))
            return run.report
        load = load_data(
            data,
            filename=source,
            source=source,
            kind=kind,
            mapping=_as_maps(mapping) if mapping is not None else None,
            max_bytes=store.settings.max_file_bytes,
            exports=exports,
        )
        run.add(load, path=source, digest=digest)
    except IngestError as exc:
        run.report.rejected.append({"path": source, "error": str(exc)})
    finally:
        if run.wrote:
            store.refresh_lexical()
    return run.report
