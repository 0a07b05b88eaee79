"""Read one file (from disk or a browser upload) into a validated ``LoadedFile``.

This is the one entry point the ingest pipeline, the CLI and the UI call.  It checks what
can be checked before reading (existence, suffix, size), decodes, picks the format's loader
and returns everything normalised.  A file is accepted whole or rejected whole: any problem
raises ``IngestError`` naming the file (by its ``source``, never an absolute path), the row
and column, and what to do.  Problems that do not make the data wrong are warnings.
"""

from __future__ import annotations

import stat
from pathlib import Path, PurePath

from assistant.domain import (
    DOCUMENT_KINDS,
    MARKDOWN_KINDS,
    FileLoad,
    IngestWarning,
    LoadedFile,
    TextUnit,
)
from assistant.errors import IngestError
from assistant.ingest.columns import ColumnMap
from assistant.ingest.documents import DOCUMENT_SUFFIXES, ParsedDocument, read_document
from assistant.ingest.documents.plaintext import looks_like_notes, read_plain
from assistant.ingest.encoding import binary_kind, decode_bytes
from assistant.ingest.feedback import feedback_from_text, note_unit
from assistant.ingest.kinds import infer_kind
from assistant.ingest.markdown import load_markdown, split_front_matter
from assistant.ingest.personas import load_personas
from assistant.ingest.tables import ExportReader, load_tables
from assistant.text.normalize import normalize_text

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx"})
STRUCTURED_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {*MARKDOWN_SUFFIXES, ".txt", *TABLE_SUFFIXES, *STRUCTURED_SUFFIXES, *DOCUMENT_SUFFIXES}
)
Mapping = dict[str, str] | list[ColumnMap] | None
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024
# Kinds a user may force with --kind; "feedback-synthesis" is produced by Axis itself.
USER_KINDS: tuple[str, ...] = tuple(k for k in DOCUMENT_KINDS if k != "feedback-synthesis")


def load_file(
    path: Path,
    *,
    source: str,
    kind: str | None = None,
    mapping: Mapping = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
) -> LoadedFile:
    """Load a file on disk as one document (a workbook: its first usable sheet)."""
    return load_path(
        path, source=source, kind=kind, mapping=mapping, max_bytes=max_bytes,
        max_setting=max_setting,
    ).documents[0]  # fmt: skip


def load_path(
    path: Path,
    *,
    source: str,
    kind: str | None = None,
    mapping: Mapping = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
    exports: ExportReader | None = None,
) -> FileLoad:
    """Load a file on disk.  The size is checked from ``stat`` before a byte is read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError("does not exist — check the path", path=source) from None
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror}) — check the path", path=source) from exc
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("is a folder, not a file — pass the files in it", path=source)
    if not stat.S_ISREG(info.st_mode):
        raise IngestError("is not a regular file — pass a file", path=source)
    suffix = _suffix(path.name, source)
    _check_size(info.st_size, max_bytes, max_setting, source)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise IngestError(
            f"cannot be read ({exc.strerror}) — check its permissions", path=source
        ) from exc
    _check_size(len(data), max_bytes, max_setting, source)
    return _load(data, suffix=suffix, source=source, kind=kind, mapping=mapping, exports=exports)


def load_bytes(
    data: bytes,
    *,
    filename: str,
    source: str,
    kind: str | None = None,
    mapping: Mapping = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
) -> LoadedFile:
    """Load an uploaded file's bytes as one document, with the same rules as ``load_file``."""
    return load_data(
        data, filename=filename, source=source, kind=kind, mapping=mapping,
        max_bytes=max_bytes, max_setting=max_setting,
    ).documents[0]  # fmt: skip


def load_data(
    data: bytes,
    *,
    filename: str,
    source: str,
    kind: str | None = None,
    mapping: Mapping = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
    exports: ExportReader | None = None,
) -> FileLoad:
    """Load an uploaded file's bytes: every document it holds, and the parts not used."""
    suffix = _suffix(filename, source)
    _check_size(len(data), max_bytes, max_setting, source)
    return _load(data, suffix=suffix, source=source, kind=kind, mapping=mapping, exports=exports)


def _suffix(filename: str, source: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = " (save an .xls workbook as .xlsx)" if suffix == ".xls" else ""
        raise IngestError(
            f"unsupported file type '{suffix or '(none)'}'{hint} — supported: "
            + ", ".join(sorted(SUPPORTED_SUFFIXES)),
            path=source,
        )
    return suffix


def _check_size(size: int, max_bytes: int, max_setting: str, source: str) -> None:
    if size == 0:
        raise IngestError("file is empty — add content or remove it", path=source)
    if size > max_bytes:
        raise IngestError(
            f"file is {size / _MB:.1f} MB, over the {max_bytes / _MB:g} MB limit — split it, "
            f"or raise the limit with {max_setting}",
            path=source,
        )


def _check_kind(kind: str | None, source: str) -> str | None:
    if kind is None:
        return None
    cleaned = kind.strip().lower()
    if cleaned not in USER_KINDS:
        raise IngestError(
            f"unknown kind '{kind}' — use one of " + ", ".join(USER_KINDS), path=source
        )
    return cleaned


def _maps(mapping: Mapping, source: str) -> list[ColumnMap] | None:
    """A plain ``{COL: FIELD}`` is for this one file, so each column must exist in it."""
    if mapping is None or isinstance(mapping, list):
        return mapping
    return [ColumnMap(column, field, source) for column, field in mapping.items()]


def _load(
    data: bytes,
    *,
    suffix: str,
    source: str,
    kind: str | None,
    mapping: Mapping,
    exports: ExportReader | None = None,
) -> FileLoad:
    kind = _check_kind(kind, source)
    if suffix in TABLE_SUFFIXES:
        if suffix == ".xlsx":
            _check_xlsx(data, source)
        return load_tables(
            data,
            suffix=suffix,
            source=source,
            kind=kind,
            maps=_maps(mapping, source),
            exports=exports,
        )
    # ``mapping`` names table columns; `axis ingest FOLDER --map ...` passes it for every file,
    # so other formats ignore it rather than fail.
    if suffix in DOCUMENT_SUFFIXES:
        _check_document_kind(kind, suffix, source)
        return FileLoad(documents=[_from_parsed(read_document(data, suffix=suffix, source=source),
                                                source=source, kind=kind)])  # fmt: skip
    text, _encoding = decode_bytes(data, source=source)
    if suffix in MARKDOWN_SUFFIXES:
        return FileLoad(documents=[_load_md(text, source=source, kind=kind)])
    if suffix in STRUCTURED_SUFFIXES:
        if kind not in (None, "persona"):
            raise IngestError(
                f"a {suffix} file holds personas; --kind {kind} does not apply — remove "
                "--kind or use --kind persona",
                path=source,
            )
        return FileLoad(documents=[load_personas(text, suffix=suffix, source=source)])
    return FileLoad(documents=[_load_text(text, source=source, kind=kind)])


def _check_document_kind(kind: str | None, suffix: str, source: str) -> None:
    if kind is not None and kind not in MARKDOWN_KINDS:
        raise IngestError(
            f"a {suffix} file is a document ({', '.join(MARKDOWN_KINDS)}), not {kind} — "
            "change --kind",
            path=source,
        )


def _from_parsed(parsed: ParsedDocument, *, source: str, kind: str | None) -> LoadedFile:
    """A read document as a ``LoadedFile``: one unit per page or slide, kind decided."""
    units = []
    for part in parsed.parts:
        text = normalize_text(part.markdown())
        if not text:
            continue
        metadata: dict[str, str | int] = {}
        if part.page is not None:
            metadata["page"] = part.page
        if part.slide is not None:
            metadata["slide"] = part.slide
        units.append(TextUnit(text=text, metadata=metadata))
    if not units:
        raise IngestError("has no text — it may hold only images", path=source)
    if kind is not None:
        chosen, basis = kind, "--kind"
    else:
        guess = infer_kind(
            path=source, title=parsed.title, headings=parsed.headings, body=parsed.text()
        )
        chosen, basis = guess.kind, "inferred from " + guess.explain("en")
    return LoadedFile(
        source=source,
        kind=chosen,  # type: ignore[arg-type]
        title=parsed.title,
        units=units,
        kind_basis=basis,
        warnings=[IngestWarning(path=source, message=w) for w in parsed.warnings],
    )


def _load_md(text: str, *, source: str, kind: str | None) -> LoadedFile:
    """Markdown: the front matter's kind when it has one, else the kind its content shows."""
    front, body = split_front_matter(text, source=source)
    if kind is not None or front.get("kind"):
        loaded = load_markdown(text, source=source, kind=kind)
        loaded.kind_basis = "--kind" if kind is not None else "front matter"
        return loaded
    loaded = load_markdown(text, source=source, kind="note")
    parsed = read_plain(body, title=loaded.title)
    guess = infer_kind(path=source, title=loaded.title, headings=parsed.headings, body=body)
    loaded.kind = guess.kind  # type: ignore[assignment]
    loaded.kind_basis = "inferred from " + guess.explain("en")
    return loaded


def _load_text(text: str, *, source: str, kind: str | None) -> LoadedFile:
    """Plain text: sales notes (one a paragraph) when it reads like notes or ``--kind
    feedback`` says so; otherwise a document whose kind is inferred (or forced)."""
    title = PurePath(source).stem
    if kind == "feedback" or (kind is None and looks_like_notes(text)):
        notes, warnings = feedback_from_text(text, source=source)
        return LoadedFile(
            source=source,
            kind="feedback",
            title=title,
            units=[note_unit(note) for note in notes],
            feedback_notes=notes,
            warnings=warnings,
            kind_basis="--kind" if kind else "text: one note a paragraph",
        )
    if kind is not None and kind not in MARKDOWN_KINDS:
        raise IngestError(
            f"a .txt file can be feedback or a document ({', '.join(MARKDOWN_KINDS)}), "
            f"not {kind} — change --kind",
            path=source,
        )
    body = normalize_text(text)
    if not body:
        raise IngestError("has no text — write the document body", path=source)
    parsed = read_plain(body, title=title)
    loaded = _from_parsed(parsed, source=source, kind=kind)
    return loaded


def _check_xlsx(data: bytes, source: str) -> None:
    """An .xlsx is a ZIP; anything else gets a message that says what it really is."""
    if data.startswith(b"PK\x03\x04"):
        return
    found = binary_kind(data)
    if found and found.startswith("old Office"):
        raise IngestError(
            "is an old .xls workbook or a password-protected one — save it in Excel as .xlsx "
            "without a password, or export the sheet as CSV",
            path=source,
        )
    if found is None and b"\x00" not in data[:8192]:
        raise IngestError(
            "is text, not an Excel workbook — rename it to .csv (or .tsv)", path=source
        )
    raise IngestError(
        f"is not an Excel workbook ({found or 'unknown binary'}) — save it as .xlsx or CSV",
        path=source,
    )
