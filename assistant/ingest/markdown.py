"""Markdown documents with optional YAML front matter.

The front matter says what the document is (``kind:``) and carries metadata that search can
filter on.  Chroma only stores ``str | int | float | bool`` metadata, so values are flattened
here: dates become ISO strings, lists of scalars become ``"a, b"``, and anything nested
becomes a JSON string (kept whole rather than dropped or refused — it is still searchable
text and the user loses nothing).  The body is one ``TextUnit`` with its headings intact;
the chunker uses them as boundaries.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import PurePath

import yaml

from assistant.domain import MARKDOWN_KINDS, LoadedFile, MetaValue, TextUnit
from assistant.errors import IngestError
from assistant.text.normalize import nfkc, normalize_cell, normalize_text, unify_newlines

# Keys the pipeline sets on every chunk; a front-matter value must not overwrite them.
RESERVED_KEYS = frozenset({"source", "workspace", "chunk_id", "position"})
_HEADING_RE = re.compile(r"^#\s+(.+?)(?:\s+#+)?\s*$")
_CODE_FENCE_RE = re.compile(r"^\s*(```|~~~)")


def split_front_matter(text: str, *, source: str) -> tuple[dict[str, object], str]:
    """Return ``(front matter, body)``; a file without front matter has ``{}``."""
    lines = unify_newlines(text).split("\n")
    if lines[0].rstrip() != "---":
        return {}, "\n".join(lines)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise IngestError(
            "front matter starts with '---' on line 1 but is never closed — add a line '---' "
            "after it",
            path=source,
        )
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise IngestError(
            f"front matter{line}: {problem} — fix the front matter (YAML 'key: value' lines "
            "between two '---' lines)",
            path=source,
        ) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError(
            f"front matter is a {type(data).__name__}, not 'key: value' lines — fix the front "
            "matter",
            path=source,
        )
    return data, "\n".join(lines[end + 1 :])


def meta_value(value: object) -> MetaValue | None:
    """Flatten a YAML value into something Chroma can store (``None`` is dropped)."""
    if value is None or isinstance(value, bool | int | float):
        return value  # type: ignore[return-value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return normalize_text(value)
    if isinstance(value, list | tuple | set) and not any(
        isinstance(item, dict | list | tuple | set) for item in value
    ):
        items = [meta_value(item) for item in value]
        return ", ".join(str(item) for item in items if item is not None and item != "")
    return json.dumps(value, ensure_ascii=False, default=str)


def _metadata(front: dict[str, object], *, source: str) -> dict[str, MetaValue]:
    metadata: dict[str, MetaValue] = {}
    for raw_key, raw_value in front.items():
        key = nfkc(str(raw_key)).strip()
        if key in ("kind", "title"):
            continue
        if key in RESERVED_KEYS:
            raise IngestError(
                f"front-matter key '{key}' is reserved for Axis — rename it (reserved: "
                + ", ".join(sorted(RESERVED_KEYS))
                + ")",
                path=source,
            )
        value = meta_value(raw_value)
        if value is not None and value != "":
            metadata[key] = value
    return metadata


def _kind(front: dict[str, object], forced: str | None, *, source: str) -> str:
    value = forced if forced is not None else (front.get("kind") or "note")
    kind = nfkc(str(value)).strip().lower()
    # Axis writes feedback syntheses as Markdown with this kind in the front matter (issue 6).
    if forced is None and kind == "feedback-synthesis":
        return kind
    if kind not in MARKDOWN_KINDS:
        where = "--kind" if forced is not None else "front-matter 'kind'"
        raise IngestError(
            f"{where} '{value}' is not a Markdown kind — use one of " + ", ".join(MARKDOWN_KINDS),
            path=source,
        )
    return kind


def first_heading(body: str) -> str | None:
    """The text of the first ``# heading`` outside code blocks."""
    in_code = False
    for line in body.split("\n"):
        if _CODE_FENCE_RE.match(line):
            in_code = not in_code
        elif not in_code and (match := _HEADING_RE.match(line)):
            return match.group(1).strip()
    return None


def load_markdown(text: str, *, source: str, kind: str | None = None) -> LoadedFile:
    """A Markdown file as one document; ``kind`` (from ``--kind``) overrides the front matter."""
    front, raw_body = split_front_matter(text, source=source)
    body = normalize_text(raw_body)
    if not body:
        where = " after the front matter" if front else ""
        raise IngestError(f"has no text{where} — write the document body", path=source)
    title = normalize_cell(front.get("title")) or first_heading(body) or PurePath(source).stem
    return LoadedFile(
        source=source,
        kind=_kind(front, kind, source=source),
        title=title,
        units=[TextUnit(text=body)],
        metadata=_metadata(front, source=source),
    )
