"""A reviewed draft as a document someone outside Axis can read: Markdown or Word (DOCX).

An export is what leaves the review loop, so it carries the review with it: who approved which
version and when, the data snapshot the version was built from, every citation and computed
fact behind the numbers, the warnings still open and the override comments that let the
approval through.  An unapproved draft is refused unless the caller allows it, and then every
page says so in a banner — a document that looks approved but is not is the failure to avoid.

Both formats are built from the same pieces (metadata pairs, section blocks, labels), so they
cannot drift apart.  Files are written to a temporary file beside the target and moved into
place with ``os.replace``: a failed export leaves neither a half-written document nor debris.

Layout: ``content`` holds the wording both formats share, ``markdown`` and ``docx`` (with
``blocks`` for section bodies) lay it out; ``files`` is the approval gate, output paths and
atomic writes.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from assistant.errors import InputError, ReviewError, StoreError
from assistant.review.export.content import approved, lang_for
from assistant.review.export.docx import EAST_ASIAN_FONT, build_docx
from assistant.review.export.markdown import markdown
from assistant.review.models import ReviewView

ExportFormat = Literal["md", "docx"]
FORMATS: tuple[ExportFormat, ...] = ("md", "docx")

__all__ = [
    "EAST_ASIAN_FONT",
    "FORMATS",
    "ExportFormat",
    "export",
    "export_bytes",
    "output_path",
    "to_docx",
    "to_markdown",
]


def to_markdown(view: ReviewView, *, lang: str | None = None) -> str:
    """The export as Markdown text (the draft's language unless ``lang`` says otherwise)."""
    return markdown(view, lang_for(view, lang))


def to_docx(view: ReviewView, path: Path, *, lang: str | None = None) -> Path:
    """Write the export as a Word document at ``path`` (or ``<dir>/<kind>-<id>-v<n>.docx``)."""
    target = output_path(view, path, "docx")
    document = build_docx(view, lang_for(view, lang))
    return _write_atomic(target, document.save)


MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _gate(view: ReviewView, fmt: str, allow_unapproved: bool) -> None:
    if fmt not in FORMATS:
        raise InputError(f"Unknown export format '{fmt}' — use one of: {', '.join(FORMATS)}")
    if not approved(view) and not allow_unapproved:
        raise ReviewError(_refusal(view))


def export_bytes(
    view: ReviewView, fmt: ExportFormat, *, allow_unapproved: bool = False
) -> tuple[bytes, str, str]:
    """(content, file name, media type) of an export, for a download: same gate as ``export``."""
    _gate(view, fmt, allow_unapproved)
    name = f"{view.record.kind}-{view.record.id}-v{view.version.number}.{fmt}"
    if fmt == "md":
        return to_markdown(view).encode("utf-8"), name, MEDIA_TYPES[fmt]
    buffer = io.BytesIO()
    build_docx(view, lang_for(view, None)).save(buffer)
    return buffer.getvalue(), name, MEDIA_TYPES[fmt]


def export(
    view: ReviewView,
    fmt: ExportFormat,
    path: Path,
    *,
    allow_unapproved: bool = False,
) -> Path:
    """Export an approved draft; an unapproved one only when allowed, and then bannered."""
    _gate(view, fmt, allow_unapproved)
    target = output_path(view, Path(path), fmt)
    if fmt == "docx":
        return to_docx(view, target)
    text = to_markdown(view)
    return _write_atomic(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def output_path(view: ReviewView, path: Path, fmt: str) -> Path:
    """``path`` itself, or ``<kind>-<id>-v<version>.<fmt>`` inside it when it is a folder."""
    path = Path(path)
    if path.is_dir():
        record = view.record
        return path / f"{record.kind}-{record.id}-v{view.version.number}.{fmt}"
    _require_folder(path)
    return path


def _require_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise InputError(
            f"Cannot export to {path}: the folder {path.parent} does not exist — "
            "create it first or choose another output path"
        )


def _refusal(view: ReviewView) -> str:
    record = view.record
    draft_id = record.id
    if record.status == "approved":
        return (
            f"Draft {draft_id} version {view.version.number} is not the approved version "
            f"(v{record.current_version}) — export the current version, or allow an "
            "unapproved export (--unapproved) to get this one marked as a draft"
        )
    steps = f"approve it first: axis review approve {draft_id}"
    if record.status == "changes_requested":
        steps = (
            f"it needs a new version first: axis review regenerate {draft_id}, "
            f"axis review submit {draft_id}, then axis review approve {draft_id}"
        )
    elif record.status == "archived":
        steps = f"it is archived and can no longer be approved (axis review approve {draft_id})"
    return (
        f"Draft {draft_id} is '{record.status}', not approved — {steps}; or allow an "
        "unapproved export (--unapproved), which marks every copy as a draft"
    )


def _write_atomic(target: Path, write: Callable[[str], object]) -> Path:
    """Write through a temporary file beside ``target``; on any failure remove it."""
    _require_folder(target)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        os.close(fd)
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise StoreError(
            f"Cannot write {target}: {exc} — check that the folder is writable and has space"
        ) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        Path(tmp).unlink(missing_ok=True)
