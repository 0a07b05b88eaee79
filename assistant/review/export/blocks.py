"""Light Markdown section bodies split into blocks a Word document can hold.

Section bodies are written as Markdown (paragraphs, bullets, numbered items, pipe tables,
headings, ``**bold**``); DOCX needs them as typed blocks.  Ref markers such as ``[S1]`` stay
plain text so a reader can match them to the sources list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_BULLET = re.compile(r"^(\s*)[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
_LIST_ITEMS: tuple[tuple[Literal["bullet", "number"], re.Pattern[str]], ...] = (
    ("bullet", _BULLET),
    ("number", _NUMBERED),
)
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class Block:
    """One paragraph, list item, table or heading of a section body."""

    kind: Literal["para", "bullet", "number", "table", "heading"]
    lines: list[str] = field(default_factory=list)
    level: int = 1


def _classify(line: str) -> Block | None:
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.startswith("|"):
        return Block("table", [stripped])
    for kind, pattern in _LIST_ITEMS:
        match = pattern.match(line)
        if match:
            level = 2 if len(match.group(1).expandtabs(4)) >= 2 else 1
            return Block(kind, [match.group(2)], level)
    heading = _HEADING.match(stripped)
    if heading:
        return Block("heading", [heading.group(1)])
    return Block("para", [stripped])


def blocks(body: str) -> list[Block]:
    """Split light Markdown into blocks; a blank line ends a paragraph or table."""
    found: list[Block] = []
    joinable = False
    for line in body.splitlines():
        block = _classify(line)
        if block is None:
            joinable = False
            continue
        last = found[-1] if found else None
        if joinable and last and last.kind == block.kind and block.kind in ("para", "table"):
            last.lines += block.lines
        else:
            found.append(block)
        joinable = True
    return found


def _cells(row: str) -> list[str]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(inner)]


def table_rows(block: Block) -> list[list[str]]:
    rows = [_cells(line) for line in block.lines if not _RULE.match(line)]
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def runs(text: str) -> list[tuple[str, bool]]:
    """(text, bold) pieces: ``**x**`` becomes a bold run; ref markers stay plain text."""
    parts = _BOLD.split(text)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]
