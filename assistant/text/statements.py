"""A chunk read as a reader would: quotable statements, each with the heading it sits under.

The store keeps documents as Markdown-ish chunks (persona YAML and JSON are rendered with
``## よくある反論``-style headings, tables stay tables).  An extractive answer quotes single
statements, and a statement often only makes sense with its section: 「決算期と重なると、導入
作業に人を割けない」 is an *objection* because it sits under ``## よくある反論``; 「8万円」 is a
*monthly price* because the table's header says 月額.  So each statement keeps that context
for scoring and display, while the statement itself stays a verbatim substring of its chunk
(the verifier checks quotes against the chunk).

Also here: ``terms``, the content words used to compare a question with a statement —
kanji/katakana runs as character bigrams (hiragana particles and endings split them) and
Latin/digit runs as whole words, so 「経理部長がよく挙げる反論は?」 gives 経理/理部/部長/挙/反論.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.normalize import fold
from assistant.text.tokens import run_bigrams

_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
_BOLD_LABEL = re.compile(r"^\s*\*\*([^*]+)\*\*\s*[:：]?\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+・●■□◆◇]|\d{1,2}[.)）])\s+")
_CLOSERS = {"(": ")", "（": "）", "「": "」", "『": "』", "[": "]", "【": "】"}
_ENDS = "。！？!?"
_MIN_CHARS = 6
_LONG_ITEM = 200  # list items longer than this are split into sentences like paragraphs

_LATIN = re.compile(r"[a-z0-9]+(?:[.+#][a-z0-9]+)*")
# Kanji and katakana (not the middle dot ・, which separates words).
_CONTENT_RUN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30a1-\u30fa\u30fc-\u30ff々〆]+"
)


@dataclass(frozen=True)
class Statement:
    """One quotable statement of a chunk.

    ``text`` is verbatim from the chunk; ``heading`` is the section (and sub-section) it sits
    under; ``header`` is a table's header row for a table row, empty otherwise.
    """

    text: str
    heading: str
    header: str
    position: int
    table_row: bool = False

    @property
    def context(self) -> str:
        return f"{self.heading} {self.header}".strip()


def terms(text: str) -> list[str]:
    """Content words: Latin/digit words whole, kanji/katakana runs as bigrams (lone kanji kept)."""
    text = fold(text)
    out: list[str] = _LATIN.findall(text)
    for run in _CONTENT_RUN.findall(text):
        out.extend(run_bigrams(run))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。!? — but never inside brackets (「…。」 or a note in (…。…))."""
    out: list[str] = []
    stack: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _CLOSERS:
            stack.append(_CLOSERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in _ENDS and not stack:
            out.append(text[start : i + 1])
            start = i + 1
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def _cells(row: str) -> str:
    return row.strip().strip("|").strip()


def statements(text: str) -> list[Statement]:
    """The statements of a chunk in order, each with its heading and (for rows) table header."""
    out: list[Statement] = []
    heading = sub = header = ""
    last_row: Statement | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or _RULE.match(stripped):
            last_row = None
            continue
        if m := _HEADING.match(stripped):
            heading, sub, header, last_row = m.group(1).strip(), "", "", None
            continue
        if m := _BOLD_LABEL.match(stripped):
            sub, last_row = m.group(1).strip(), None
            continue
        label = f"{heading} {sub}".strip()
        if stripped.startswith("|"):
            if _TABLE_RULE.match(stripped):
                # The row above was the table's header: context for the rows below, not a fact.
                if last_row is not None and out and out[-1] is last_row:
                    out.pop()
                    header = last_row.text
                last_row = None
                continue
            last_row = Statement(_cells(stripped), label, header, len(out), table_row=True)
            out.append(last_row)
            continue
        last_row, header = None, ""
        body = _ITEM.sub("", stripped)
        parts = [body] if _ITEM.match(stripped) and len(body) <= _LONG_ITEM else None
        for part in parts or split_sentences(body):
            out.append(Statement(part, label, "", len(out)))
    return [s for s in out if len(s.text) >= _MIN_CHARS and s.text in text]
