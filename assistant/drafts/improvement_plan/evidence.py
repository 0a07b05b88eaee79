"""What the checklist's evidence rules see, and what they return.

``Evidence`` is the workspace as a rule reads it — statements of documents, personas,
feedback notes, the KPI view — plus the ``EvidenceBook`` its citations and facts go in, and
the reference date freshness is measured from.  A rule returns a ``RuleResult``: a status and
the cited claims it rests on.

Rules read statements, never paraphrases: a playbook sentence saying the SLA "is not written
down" is quoted verbatim (``EvidenceBook.cite``), and a KPI figure is registered as a fact, so
every number the plan shows traces back to data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in
from assistant.drafts.claims import shown
from assistant.drafts.evidence import Corpus, EvidenceBook, Line
from assistant.drafts.kpi import KpiView, month_end, register_kpi

Status = Literal["met", "partly", "not_met", "unknown"]
STATUSES: tuple[Status, ...] = ("met", "partly", "not_met", "unknown")

MAX_QUOTES = 3
# A statement that says something is *not* done, written down, decided or agreed.
NEGATIVE = re.compile(
    r"ていません|ておらず|されていない|ていない|決まっていません|決めていません|未完了|未定"
    r"|とどまって|のみです|ではありません"
    r"|\bnot\b|\bno longer\b|\bonly\b|\bnever\b|\bundecided\b",
    re.IGNORECASE,
)
_DOCS = ("playbook", "strategy", "note", "company")


@dataclass
class Evidence:
    """The workspace as the rules read it, plus the book their citations and facts go in."""

    corpus: Corpus
    book: EvidenceBook
    lang: str
    kpi: KpiView
    reference_date: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def of(cls, corpus: Corpus, book: EvidenceBook, lang: str) -> Evidence:
        kpi = KpiView.of(corpus.settings)
        return cls(corpus, book, lang, kpi, _reference_date(corpus, kpi))

    def t(self, ja: str, en: str) -> str:
        return ja if self.lang == "ja" else en

    def lines(self, pattern: str, kinds: Iterable[str] = _DOCS) -> list[Line]:
        """Statements of documents of ``kinds`` that match ``pattern`` (first copy of each)."""
        wanted = re.compile(pattern, re.IGNORECASE)
        seen: dict[str, Line] = {}
        for kind in kinds:  # in the order given: the more authoritative kind first
            for passage in self.corpus.of_kind(kind):
                for text in self.corpus.statements(passage):
                    if wanted.search(text) and text not in seen and text in passage.text:
                        seen[text] = Line(text, passage)
        return list(seen.values())

    def quote(self, line: Line) -> Claim:
        """A verbatim statement, cited (the source file travels with the citation)."""
        ref = self.book.cite_line(line)
        text = f"「{line.text}」[{ref}]" if self.lang == "ja" else f"“{line.text}” [{ref}]"
        return Claim(text=text, refs=[ref])

    def quotes(self, lines: Iterable[Line], limit: int = MAX_QUOTES) -> list[Claim]:
        return [self.quote(line) for line in list(lines)[:limit]]

    def kpi_fact(self, name: str, month: str) -> str | None:
        """The ref of KPI ``name`` in ``month`` (None when the data lacks it)."""
        value = self.kpi.value(name, month)
        if value is None:
            return None
        return register_kpi(self.book, name, month, value, self.lang, self.kpi.source(month))

    def count_fact(self, key: str, label: str, value: int) -> str:
        unit = "件" if self.lang == "ja" else ""
        return self.book.fact(
            key, label, value, "count", f"{value:,}{unit}", source="axis:checklist"
        )

    def months_fact(self, key: str, label: str, value: int) -> str:
        display = f"{value}か月" if self.lang == "ja" else f"{value} months"
        return self.book.fact(key, label, value, "count", display, source="axis:checklist")

    def shown(self, ref: str | None) -> str:
        """A fact as the reader sees it: its display text and its ref marker."""
        return shown(self.book, ref) or ""

    def say(self, ja: str, en: str) -> Claim:
        """A claim in the request's language; its refs are the markers in its text."""
        text = self.t(ja, en)
        return Claim(text=text, refs=refs_in(text))


@dataclass
class RuleResult:
    status: Status
    evidence: list[Claim] = field(default_factory=list)


Rule = Callable[[Evidence], RuleResult]


def split_negative(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(statements that affirm, statements that say something is not done)."""
    negative = [line for line in lines if NEGATIVE.search(line.text)]
    return [line for line in lines if line not in negative], negative


def as_date(value: object) -> dt.date | None:
    """A document's ``updated`` metadata as a date (None when absent or unreadable)."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _reference_date(corpus: Corpus, kpi: KpiView) -> dt.date:
    """'Now' for freshness: the newest dated evidence (document ``updated``, feedback note,
    end of the latest KPI month), so a plan made from the same data is the same plan on any
    day; today only when nothing carries a date."""
    dates = [d for p in corpus.passages if (d := as_date(p.meta.get("updated")))]
    dates += [n.note.date for n in corpus.feedback_notes if n.note.date]
    if kpi.latest:
        dates.append(month_end(kpi.latest))
    return max(dates) if dates else dt.date.today()
