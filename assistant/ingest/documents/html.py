"""Saved web pages (.html): the main content as headings, paragraphs, lists and tables.

Intranet and wiki pages wrap the content in navigation, headers, footers and scripts; those
are left out (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<script>``, ``<style>``,
``<form>``).  When the page marks its content (``<main>`` or ``<article>``), only that is read.
Python's own parser is used: it is forgiving with the unclosed tags real pages have.
"""

from __future__ import annotations

from html.parser import HTMLParser

from assistant.ingest.documents.blocks import Block, ParsedDocument, Part

_SKIP = frozenset({"nav", "header", "footer", "aside", "script", "style", "noscript", "form",
                   "template", "svg", "button", "select"})  # fmt: skip
_BLOCKS = frozenset({"p", "div", "section", "br", "blockquote", "pre", "dd", "dt", "figcaption"})


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._text: list[str] = []
        self._heading: int | None = None
        self._lists: list[bool] = []  # ordered?
        self._in_item = False
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.main_depth = 0
        self.main_blocks: list[Block] | None = None

    # -- text --------------------------------------------------------------------------
    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if not text:
            return
        if self._heading is not None:
            block = Block("heading", text, level=self._heading)
        elif self._in_item:
            depth = max(len(self._lists) - 1, 0)
            ordered = bool(self._lists and self._lists[-1])
            block = Block("item", text, level=depth, ordered=ordered)
        else:
            block = Block("paragraph", text)
        self.blocks.append(block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "title":
            self._in_title = True
        elif tag in ("main", "article") and self.main_blocks is None:
            self._flush()
            self.main_depth += 1
            self.main_blocks = []
            self._main_start = len(self.blocks)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._flush()
            self._heading = int(tag[1])
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists.append(tag == "ol")
        elif tag == "li":
            self._flush()
            self._in_item = True
        elif tag == "table":
            self._flush()
            self._table = []
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(self._skip - 1, 0)
            return
        if self._skip:
            return
        if tag == "title":
            self._in_title = False
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "table":
            self._end_table()
        elif tag in ("main", "article"):
            self._end_main()
        else:
            self._end_block(tag)

    def _end_block(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._flush()
            self._heading = None
        elif tag == "li":
            self._flush()
            self._in_item = False
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag in _BLOCKS:
            self._flush()

    def _end_cell(self) -> None:
        if self._table is None or self._cell is None:
            return
        if not self._table:
            self._table.append([])
        self._table[-1].append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_table(self) -> None:
        if self._table is None:
            return
        rows = [r for r in self._table if any(r)]
        if rows:
            self.blocks.append(Block("table", rows=rows))
        self._table = None

    def _end_main(self) -> None:
        if self.main_blocks is None or not self.main_depth:
            return
        self._flush()
        self.main_depth -= 1
        if self.main_depth == 0:
            self.main_blocks = self.blocks[self._main_start :]

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
        elif self._cell is not None:
            self._cell.append(data)
        else:
            self._text.append(data)


def read_html(text: str, *, source: str, title: str) -> ParsedDocument:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader._flush()
    blocks = reader.main_blocks if reader.main_blocks else reader.blocks
    page_title = " ".join(reader.title.split())
    first = next((b.text for b in blocks if b.kind == "heading"), None)
    return ParsedDocument(title=first or page_title or title, parts=[Part(blocks)])
