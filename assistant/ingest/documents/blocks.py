"""The structure a document is read into, and its Markdown.

A ``Part`` is what a citation can point at: a page of a PDF, a slide of a deck, or the whole
of a Word or HTML document.  Its blocks keep the author's structure — heading levels, list
depth, table cells — because that structure is what tells a reader (and Axis's field
extraction) that a line is a pain point under 「課題」 or a price in a 月額 column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item", "table", "notes"]


@dataclass
class Block:
    kind: BlockKind
    text: str = ""
    level: int = 0  # heading level (1–6) or list depth (0 = top)
    rows: list[list[str]] = field(default_factory=list)  # a table's cells, header first
    ordered: bool = False  # a numbered list item


@dataclass
class Part:
    """One citable piece: ``label`` is how a citation names it (``p.3``, ``slide 4``)."""

    blocks: list[Block]
    page: int | None = None
    slide: int | None = None
    title: str | None = None

    @property
    def label(self) -> str | None:
        if self.page is not None:
            return f"p.{self.page}"
        if self.slide is not None:
            return f"slide {self.slide}"
        return None

    def markdown(self) -> str:
        return render(self.blocks)


@dataclass
class ParsedDocument:
    title: str
    parts: list[Part]
    warnings: list[str] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [b.text for p in self.parts for b in p.blocks if b.kind == "heading"]

    def text(self) -> str:
        return "\n\n".join(p.markdown() for p in self.parts)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "｜").split())


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table; the first row is the header, ragged rows are padded."""
    width = max((len(r) for r in rows), default=0)
    if not width:
        return ""
    padded = [[_cell(c) for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in padded[1:]]
    return "\n".join(lines)


def render(blocks: list[Block]) -> str:
    """Markdown for ``blocks``: ``#`` headings, ``-``/``1.`` items, pipe tables."""
    out: list[str] = []
    previous: BlockKind | None = None
    for block in blocks:
        if block.kind == "heading":
            text = f"{'#' * min(max(block.level, 1), 6)} {block.text}"
        elif block.kind == "item":
            marker = "1." if block.ordered else "-"
            text = f"{'  ' * block.level}{marker} {block.text}"
        elif block.kind == "table":
            text = table_markdown(block.rows)
        elif block.kind == "notes":
            text = block.text
        else:
            text = block.text
        if not text.strip():
            continue
        # List items stay together; everything else is its own paragraph.
        if out and not (block.kind == "item" and previous == "item"):
            out.append("")
        out.append(text)
        previous = block.kind
    return "\n".join(out).strip()
