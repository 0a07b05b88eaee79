"""Theme labels without an LLM (c-TF-IDF over Japanese tokens), and the namer seam.

Tokens come from SudachiPy (mode C, normalised forms), so 見積/見積もり and スマホ/スマート
フォン count as one word and compounds such as 経理課長 stay whole.  Two lists per note:

* ``content`` — nouns, verbs, adjectives: what clustering's TF-IDF half uses;
* ``label`` — nouns and adjectives minus generic meeting words (確認, 検討, 次回, 資料, …),
  in dictionary form (as written, not normalised): what a label may be made of.

A theme's label is its most distinctive label terms by class-based TF-IDF: a term scores
``p(term | theme) · log(1 + average theme size / notes with the term)``, i.e. frequent in
the theme and rare elsewhere.  Only terms used by at least two notes (and a fifth of the
theme) qualify, so a label never rests on one note.

A ``ThemeNamer`` may then rename a theme and write its summary (an LLM through LangChain,
later).  It is given the distinctive terms and the redacted quotes — never raw notes, never
counts — and whatever it returns, counts stay the ones code computed.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.feedback.pii import PLACEHOLDER_RE
from assistant.feedback.wordlists import ENGLISH_STOP, STOP_LABEL_TERMS
from assistant.text.normalize import nfkc

_CONTENT_POS = ("名詞", "動詞", "形容詞", "形状詞")
_LABEL_POS = ("名詞", "形容詞", "形状詞")
_SKIP_SUBPOS = ("数詞", "非自立可能", "助数詞")
_URL = re.compile(r"https?://\S+|www\.\S+")
_ASCII_NOISE = re.compile(r"^[A-Za-z]$|^[\d.,%]+$")
MAX_TOKEN_CHARS = 2000
_local = threading.local()


def _tokenizer():  # type: ignore[no-untyped-def]
    """One SudachiPy tokenizer per thread (Streamlit serves sessions from threads)."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import Dictionary, SplitMode

        tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        _local.tokenizer = tokenizer
    return tokenizer


@dataclass(frozen=True)
class NoteTokens:
    content: list[str]
    label: list[str]


def _form(morpheme, *, normalized: bool) -> str:  # type: ignore[no-untyped-def]
    """Normalised form for comparing (スマホ = スマートフォン), dictionary form for labels
    (normalisation turns 仕訳 into 仕分け); Latin words as written (Sudachi turns "price"
    into プライス)."""
    surface = morpheme.surface().strip()
    if surface.isascii():
        return surface if surface.isupper() else surface.lower()
    form = morpheme.normalized_form() if normalized else morpheme.dictionary_form()
    return form.strip()


def tokenize(text: str) -> NoteTokens:
    """Content and label tokens of one (redacted) note; placeholders and URLs are dropped."""
    text = PLACEHOLDER_RE.sub(" ", _URL.sub(" ", text))[:MAX_TOKEN_CHARS]
    content: list[str] = []
    label: list[str] = []
    for line in nfkc(text).splitlines():
        if not line.strip():
            continue
        for m in _tokenizer().tokenize(line):
            pos = m.part_of_speech()
            if pos[0] not in _CONTENT_POS or pos[1] in _SKIP_SUBPOS or pos[2] in _SKIP_SUBPOS:
                continue
            form = _form(m, normalized=True)
            if not form or _ASCII_NOISE.match(form) or form in ENGLISH_STOP:
                continue
            content.append(form)
            word = _form(m, normalized=False)
            if pos[0] in _LABEL_POS and not {form, word} & STOP_LABEL_TERMS and len(word) > 1:
                label.append(word)
    return NoteTokens(content=content, label=label)


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
        floor = max(2, math.ceil(0.2 * size)) if size >= 2 else 1
        scored = [
            (count / size * math.log(1 + average / df[term]), term)
            for term, count in class_df[name].items()
            if count >= floor
        ]
        scored.sort(key=lambda st: (-st[0], st[1]))
        out[name] = [term for _score, term in scored[:top]]
    return out


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
    """Label = the top distinctive terms; summary = those terms and the best quote."""

    name = "offline"

    def name_themes(
        self, drafts: Sequence[ThemeDraft], *, language: Literal["ja", "en"]
    ) -> list[ThemeName]:
        return [self._one(draft, language) for draft in drafts]

    @staticmethod
    def _one(draft: ThemeDraft, language: str) -> ThemeName:
        terms = draft.terms[:3]
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
