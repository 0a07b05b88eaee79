"""The evidence of one messaging cell (persona × 訴求軸), found and ranked, not yet cited.

A cell pairs what the persona says (a challenge, goal or objection line that speaks to the
axis) with what the company can show for it (a product statement — for ROI its 導入効果
figures, for differentiation the competitor notes' 弱み / 勝ちパターン / 営業での伝え方).  The
pair is the one sharing the most content words.  Sales notes that support the cell follow the
rule in ``assistant.drafts.axes``.  The matrix (``messaging``) and the content briefs
(``content_brief``) both start from ``gather``, so they show the same evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.db.records import StoredFeedbackNote
from assistant.drafts.axes import MessageAxis, persona_lines, role_words, supporting_notes
from assistant.drafts.evidence import Corpus, Line, Passage, PersonaProfile
from assistant.text.normalize import fold
from assistant.text.statements import split_sentences, statements, terms

PROOF_POINTS = 3
# Content words (kanji/katakana bigrams, Latin words) a need and a statement must share to be
# paired, or a statement to count as proof for the cell: one shared word (経費) is chance.
MIN_SHARED = 2
# Price lists are not proof of anything an axis argues; they are left to the pricing talk.
_PRICING_HEADINGS = ("料金", "価格", "pricing", "price")
_CAVEAT = re.compile(r"未対応|未取得|非対応|not supported|not yet")
COMPETITOR_HEADINGS = {
    "弱み": "weaknesses",
    "勝ちパターン": "where we win",
    "営業での伝え方": "how sales frames it",
}
_BOLD_LABEL = re.compile(r"^\*\*[^*]+\*\*\s*[:：]\s*")


@dataclass(frozen=True)
class Statement:
    """A quotable statement of a product or competitor document, with its heading."""

    text: str
    heading: str
    passage: Passage

    @property
    def competitor(self) -> str | None:
        if self.passage.kind != "competitor":
            return None
        return str(self.passage.meta.get("competitor") or self.passage.title)

    @property
    def has_number(self) -> bool:
        return bool(re.search(r"\d", fold(self.text)))


@dataclass
class CellEvidence:
    """Everything one persona × axis cell rests on, before anything is cited."""

    persona: PersonaProfile
    axis: MessageAxis
    needs: list[Line]
    statements: list[Statement]
    caveats: list[Statement]
    notes: list[StoredFeedbackNote]
    pairs: list[tuple[Line, Statement]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.pairs)


def _quotable(text: str) -> str:
    """A statement without its leading 「**label**:」 (the rest is still verbatim)."""
    return _BOLD_LABEL.sub("", text).strip()


def document_statements(corpus: Corpus, kind: str) -> list[Statement]:
    """Quotable statements of ``kind`` documents, each once; lines under six characters and
    ※ footnotes are qualifications, not something a message can rest on."""
    seen: set[str] = set()
    out: list[Statement] = []
    for passage in corpus.of_kind(kind):
        for st in statements(passage.text):
            text = _quotable(st.text)
            if len(text) < 6 or text.startswith("※") or text in seen:
                continue
            seen.add(text)
            out.append(Statement(text, st.heading, passage))
    return out


def axis_statements(corpus: Corpus, axis: MessageAxis) -> tuple[list[Statement], list[Statement]]:
    """(usable statements, caveats) for ``axis``: product statements matching it and, for
    differentiation, competitor statements under 弱み / 勝ちパターン / 営業での伝え方.
    Product statements that say something is not supported are caveats, never a message."""
    usable: list[Statement] = []
    caveats: list[Statement] = []
    for st in document_statements(corpus, "product"):
        if any(h in fold(st.heading) for h in _PRICING_HEADINGS):
            continue
        if axis.matches_product(st.text, st.heading):
            (caveats if _CAVEAT.search(fold(st.text)) else usable).append(st)
    if axis.id == "differentiation":
        usable += [
            st
            for st in document_statements(corpus, "competitor")
            if any(h in fold(st.heading) for h in COMPETITOR_HEADINGS)
        ]
    return usable, caveats


def product_caveats(corpus: Corpus) -> list[Statement]:
    """Every product statement saying something is not supported (whatever the axis)."""
    return [
        st
        for st in document_statements(corpus, "product")
        if not any(h in fold(st.heading) for h in _PRICING_HEADINGS)
        and _CAVEAT.search(fold(st.text))
    ]


def unserved(need: Line, caveats: list[Statement]) -> Statement | None:
    """The caveat that says the product does *not* meet ``need``, if one does.

    「大河会計(オンプレミス)と連携できるか不安」 must not be answered with a general
    「会計システムへ連携」 when the product document says 大河会計 on-premises is 未対応:
    that would promise what is not offered (the brand guide forbids it, too)."""
    return next((c for c in caveats if _overlap(need.text, _whole_line(c)) >= MIN_SHARED), None)


def _whole_line(st: Statement) -> str:
    """The document line a statement was taken from, with its label (「大河会計 オンプレミス版:
    API連携は未対応」 — the label names what is not supported)."""
    return next((line for line in st.passage.text.splitlines() if st.text in line), st.text)


def _overlap(a: str, b: str) -> int:
    return len(set(terms(a)) & set(terms(b)))


def _pairs(needs: list[Line], usable: list[Statement], axis: MessageAxis) -> list[tuple]:
    """Need × statement pairs, best first (most shared content words; ROI prefers figures).

    When both sides were picked by the axis keywords they are on topic already, so any pair
    is valid; the problem axis takes every challenge line, so there a pair must share at
    least ``MIN_SHARED`` content words."""
    scored = []
    for i, need in enumerate(needs):
        for j, st in enumerate(usable):
            shared = _overlap(need.text, st.text)
            if shared >= MIN_SHARED or not axis.every_line:
                bonus = 2 * int(axis.id == "roi" and st.has_number)
                bonus += int(axis.matches(st.heading))  # under the axis's own heading
                scored.append((-(shared + bonus), i, j, need, st))
    scored.sort(key=lambda s: s[:3])
    return [(need, st) for *_, need, st in scored]


def gather(corpus: Corpus, persona: PersonaProfile, axis: MessageAxis) -> CellEvidence:
    """The evidence of one cell (nothing cited yet)."""
    needs = persona_lines(persona, axis)
    usable, caveats = axis_statements(corpus, axis)
    notes = supporting_notes(corpus.feedback_notes, persona, axis)
    every_caveat = product_caveats(corpus)
    blocking = {id(n): c for n in needs if (c := unserved(n, every_caveat)) is not None}
    for caveat in blocking.values():  # shown in the cell, so the reader sees why
        if caveat not in caveats:
            caveats.append(caveat)
    ev = CellEvidence(persona, axis, needs, usable, caveats, notes)
    ev.pairs = _pairs([n for n in needs if id(n) not in blocking], usable, axis)
    return ev


def ranked_proof(ev: CellEvidence, used: Statement | None) -> list[Statement]:
    """Statements that share words with the persona's lines (ROI: figures count too)."""
    figures = ev.axis.id == "roi"

    def relevance(st: Statement) -> int:
        best = max((_overlap(n.text, st.text) for n in ev.needs), default=0)
        return best + 2 * int(figures and st.has_number)

    scored = [(relevance(st), i, st) for i, st in enumerate(ev.statements) if st is not used]
    kept = [s for s in scored if s[0] >= MIN_SHARED or not ev.axis.every_line]
    kept.sort(key=lambda s: (-s[0], s[1]))
    return [st for _, _, st in kept[:PROOF_POINTS]]


def ranked_notes(ev: CellEvidence) -> list[StoredFeedbackNote]:
    """Notes naming the persona's role first, then those matching the most axis keywords."""
    words = role_words(ev.persona)

    def score(n: StoredFeedbackNote) -> tuple[int, int]:
        text = fold(n.note.text)
        return (-int(any(w in text for w in words)), -sum(k in text for k in ev.axis.keywords))

    return sorted(ev.notes, key=score)


def note_quote(passage: Passage, axis: MessageAxis) -> str:
    """The note's first sentence that names the axis (else its first sentence), verbatim."""
    sentences = split_sentences(passage.text)
    for sentence in sentences:
        if axis.matches(sentence):
            return sentence
    return sentences[0] if sentences else passage.text.strip()
