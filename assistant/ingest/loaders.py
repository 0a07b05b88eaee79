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

from assistant.domain import DOCUMENT_KINDS, MARKDOWN_KINDS, LoadedFile, TextUnit
from assistant.domain.kpi import COUNT_FIELDS, VALUE_FIELDS
from assistant.errors import IngestError
from assistant.ingest.columns import Columns, fields_in, resolve_columns
from assistant.ingest.encoding import binary_kind, decode_bytes
from assistant.ingest.feedback import feedback_from_table, feedback_from_text, note_unit
from assistant.ingest.kpi import TARGET_FIELDS, kpi_from_table, kpi_unit
from assistant.ingest.markdown import load_markdown
from assistant.ingest.personas import load_personas
from assistant.ingest.tabular import read_table
from assistant.text.normalize import normalize_text

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx"})
STRUCTURED_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {*MARKDOWN_SUFFIXES, ".txt", *TABLE_SUFFIXES, *STRUCTURED_SUFFIXES}
)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024
# Kinds a user may force with --kind; "feedback-synthesis" is produced by Axis itself.
USER_KINDS: tuple[str, ...] = tuple(k for k in DOCUMENT_KINDS if k != "feedback-synthesis")
_NOTE_EXAMPLES = "メモ, 内容, コメント, note, comment, …"
_MONTH_EXAMPLES = "年月, 月, 期間, month, period, …"
_COUNT_EXAMPLES = "リード数, MQL数, SQL数, 受注数, leads, mql, sql, won, …"


def load_file(
    path: Path,
    *,
    source: str,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
) -> LoadedFile:
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
    return _load(data, suffix=suffix, source=source, kind=kind, mapping=mapping)


def load_bytes(
    data: bytes,
    *,
    filename: str,
    source: str,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_setting: str = "AXIS_MAX_FILE_MB",
) -> LoadedFile:
    """Load an uploaded file's bytes with the same rules as ``load_file``."""
    suffix = _suffix(filename, source)
    _check_size(len(data), max_bytes, max_setting, source)
    return _load(data, suffix=suffix, source=source, kind=kind, mapping=mapping)


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


def _load(
    data: bytes, *, suffix: str, source: str, kind: str | None, mapping: dict[str, str] | None
) -> LoadedFile:
    kind = _check_kind(kind, source)
    if suffix in TABLE_SUFFIXES:
        if suffix == ".xlsx":
            _check_xlsx(data, source)
        return _load_table(data, suffix=suffix, source=source, kind=kind, mapping=mapping)
    # ``mapping`` names table columns; `axis ingest FOLDER --map ...` passes it for every file,
    # so other formats ignore it rather than fail.
    text, _encoding = decode_bytes(data, source=source)
    if suffix in MARKDOWN_SUFFIXES:
        return load_markdown(text, source=source, kind=kind)
    if suffix in STRUCTURED_SUFFIXES:
        if kind not in (None, "persona"):
            raise IngestError(
                f"a {suffix} file holds personas; --kind {kind} does not apply — remove "
                "--kind or use --kind persona",
                path=source,
            )
        return load_personas(text, suffix=suffix, source=source)
    return _load_text(text, source=source, kind=kind)


def _load_text(text: str, *, source: str, kind: str | None) -> LoadedFile:
    """Plain text is feedback (one note a paragraph) unless a document kind is forced."""
    title = PurePath(source).stem
    if kind in (None, "feedback"):
        notes, warnings = feedback_from_text(text, source=source)
        return LoadedFile(
            source=source,
            kind="feedback",
            title=title,
            units=[note_unit(note) for note in notes],
            feedback_notes=notes,
            warnings=warnings,
        )
    if kind not in MARKDOWN_KINDS:
        raise IngestError(
            f"a .txt file can be feedback or a document ({', '.join(MARKDOWN_KINDS)}), "
            f"not {kind} — change --kind",
            path=source,
        )
    body = normalize_text(text)
    if not body:
        raise IngestError("has no text — write the document body", path=source)
    return LoadedFile(source=source, kind=kind, title=title, units=[TextUnit(text=body)])


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


def _header_score(header: list[str], mapping: dict[str, str] | None, kind: str | None) -> int:
    """2 when a row is a complete header for the (forced) kind, 1 when it has a known column."""
    found = fields_in(header, mapping)
    kpi = "month" in found and any(name in found for name in COUNT_FIELDS)
    if kind == "kpi":
        kpi = "month" in found and any(n in found for n in (*VALUE_FIELDS, *TARGET_FIELDS))
    feedback = "note" in found and kind != "kpi"
    if (kpi and kind != "feedback") or feedback:
        return 2
    return 1 if found else 0


def _table_kind(columns: Columns, kind: str | None, source: str) -> str:
    headers = "[" + ", ".join(f"'{h}'" for h in columns.header) + "]"
    has_month = columns.has("month")
    has_counts = any(columns.has(name) for name in COUNT_FIELDS)
    if kind == "kpi":
        if has_month and any(columns.has(n) for n in (*VALUE_FIELDS, *TARGET_FIELDS)):
            return "kpi"
        raise IngestError(
            f"--kind kpi needs a month column ({_MONTH_EXAMPLES}) and at least one number "
            f"column ({_COUNT_EXAMPLES}, 広告費, 売上) — headers found: {headers}; rename a "
            "column or pass --map COL=month",
            path=source,
        )
    if kind == "feedback":
        if columns.has("note"):
            return "feedback"
        raise IngestError(
            f"--kind feedback needs a note column ({_NOTE_EXAMPLES}) — headers found: "
            f"{headers}; rename a column or pass --map COL=note",
            path=source,
        )
    if kind is not None:
        raise IngestError(
            f"a table can be loaded as feedback or kpi, not {kind} — change --kind", path=source
        )
    if has_month and has_counts:
        return "kpi"
    if columns.has("note"):
        return "feedback"
    if has_month:
        raise IngestError(
            f"has a month column but no count column ({_COUNT_EXAMPLES}) and no note column "
            f"— headers found: {headers}; add a count column, pass --map COL=leads, or pass "
            "--kind kpi for a table of spend/revenue only",
            path=source,
        )
    raise IngestError(
        f"no note column ({_NOTE_EXAMPLES}) and no period column ({_MONTH_EXAMPLES}) found in "
        f"headers {headers} — rename a column or pass --map COL=note",
        path=source,
    )


def _load_table(
    data: bytes, *, suffix: str, source: str, kind: str | None, mapping: dict[str, str] | None
) -> LoadedFile:
    table = read_table(
        data,
        suffix=suffix,
        source=source,
        header_score=lambda header: _header_score(header, mapping, kind),
    )
    columns = resolve_columns(table.header, mapping, source=source)
    title = PurePath(source).stem
    if _table_kind(columns, kind, source) == "kpi":
        months, warnings = kpi_from_table(table, columns, source=source)
        return LoadedFile(
            source=source,
            kind="kpi",
            title=title,
            units=[kpi_unit(month) for month in months],
            kpi_months=months,
            warnings=[*table.warnings, *warnings],
        )
    notes = feedback_from_table(table, columns, source=source)
    return LoadedFile(
        source=source,
        kind="feedback",
        title=title,
        units=[note_unit(note) for note in notes],
        feedback_notes=notes,
        warnings=table.warnings,
    )
