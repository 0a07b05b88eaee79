"""Theme labels without an LLM (c-TF-IDF over key phrases), and the namer seam.

Key phrases come from ``tokens.py``: noun phrases (セキュリティ審査, 客室数課金) with the
workspace's own names kept whole (FABRINA, ステイナビ).  A theme's label is its most
distinctive phrases by class-based TF-IDF: a phrase scores
``p(phrase | theme) · log(1 + average theme size / notes with the phrase)``, i.e. frequent in
the theme and rare elsewhere.  Only phrases used by at least two notes qualify, so a label
never rests on one note.  Then the longer phrase wins over a part
of it when at least half the notes that use the part use the whole (セキュリティ審査 over
審査), and a part of a phrase already chosen is not repeated.

A ``ThemeNamer`` may then rename a theme and write its summary (``namer.py``: an LLM through
structured output).  It is given the distinctive phrases and the redacted quotes — never raw
notes, never counts — and whatever it returns, counts stay the ones code computed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.feedback.tokens import NoteTokens

LONGER_WINS = 0.5
LABEL_CHARS = 24


def distinctive_terms(
    classes: dict[str, Sequence[NoteTokens]], *, top: int = 5
) -> dict[str, list[str]]:
    """Best label terms per class by c-TF-IDF (see the module docstring)."""
    df: Counter[str] = Counter()
    class_df: dict[str, Counter[str]] = {}
    for name, members in classes.items():
        counts: Counter[str] = Counter()
        for tokens in members:
            counts.update(set(tokens.label))
        class_df[name] = counts
        df.update(counts)
    sizes = [len(m) for m in classes.values() if m]
    average = sum(sizes) / len(sizes) if sizes else 1.0
    out: dict[str, list[str]] = {}
    for name, members in classes.items():
        size = max(len(members), 1)
        floor = 2 if size >= 2 else 1
        scored = [
            (count / size * math.log(1 + average / df[term]), term)
            for term, count in class_df[name].items()
            if count >= floor
        ]
        scored.sort(key=lambda st: (-st[0], -len(st[1]), st[1]))
        out[name] = _prefer_whole_phrases(scored, class_df[name], top=top)
    return out


def _prefer_whole_phrases(
    scored: list[tuple[float, str]], counts: Counter[str], *, top: int
) -> list[str]:
    chosen: list[str] = []
    for _score, term in scored:
        if any(term in c for c in chosen):
            continue  # a part of a phrase already chosen
        floor = LONGER_WINS * counts[term]
        longer = [t for _s, t in scored if term in t and t != term and counts[t] >= floor]
        if longer:
            term = max(longer, key=lambda t: (counts[t], len(t)))
            if any(term in c for c in chosen):
                continue
        chosen = [c for c in chosen if c not in term]
        chosen.append(term)
        if len(chosen) == top:
            break
    return chosen


# -- naming -----------------------------------------------------------------------------------


class ThemeDraft(BaseModel):
    """What a namer sees of a theme: distinctive terms and redacted quotes, no counts."""

    id: str
    terms: list[str]
    quotes: list[str]


class ThemeName(BaseModel):
    label: str = Field(description="A short theme name (max ~20 characters), no numbers.")
    summary: str = Field(description="One sentence on what these notes say, no numbers.")


class ThemeNamer(Protocol):
    """Names themes.  Implementations must not invent counts: they are never given any."""

    name: str

    def name_themes(
        self, drafts: Sequence[ThemeDraft], *, language: Literal["ja", "en"]
    ) -> list[ThemeName]: ...


class OfflineThemeNamer:
    """Label = the top key phrases (up to three, ~``LABEL_CHARS`` characters); summary = those
    phrases and the best quote."""

    name = "offline"

    def name_themes(
        self, drafts: Sequence[ThemeDraft], *, language: Literal["ja", "en"]
    ) -> list[ThemeName]:
        return [self._one(draft, language) for draft in drafts]

    @staticmethod
    def _one(draft: ThemeDraft, language: str) -> ThemeName:
        terms = draft.terms[:1]
        for term in draft.terms[1:3]:  # a second and third phrase while the label stays short
            if len("・".join([*terms, term])) <= LABEL_CHARS:
                terms.append(term)
        quote = draft.quotes[0] if draft.quotes else ""
        if not terms:
            label = quote[:20] + ("…" if len(quote) > 20 else "") if quote else "—"
            return ThemeName(label=label, summary=quote)
        if language == "ja":
            words = "".join(f"「{t}」" for t in terms)
            summary = f"{words}に触れたメモ。例:「{quote}」" if quote else f"{words}に触れたメモ。"
        else:
            words = ", ".join(terms)
            summary = f"Notes about {words}. e.g. “{quote}”" if quote else f"Notes about {words}."
        return ThemeName(label="・".join(terms), summary=summary)
