"""From groups of notes to themes a director can check: every number counted here.

A group with at least ``min_theme`` distinct notes is a theme; smaller groups and notes close
to no group go to その他/Other, which says plainly that there is not enough signal to call
it a theme.  Per theme: distinctive terms, 2-3 representative quotes (the redacted notes
closest to the theme's centre, never a flagged note, never the same words twice), the note
ids, the repeats that were not counted, breakdowns by rep / industry / deal stage, notes
per month, and the funnel stage with its KPI change.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.domain import FeedbackNote
from assistant.feedback import funnel
from assistant.feedback.cluster import OTHER
from assistant.feedback.dedup import dedup_key
from assistant.feedback.diff import unit_centroid
from assistant.feedback.labels import (
    OfflineThemeNamer,
    ThemeDraft,
    ThemeName,
    ThemeNamer,
    distinctive_terms,
)
from assistant.feedback.models import OTHER_THEME, Count, Quote, Theme
from assistant.feedback.space import HybridSpace
from assistant.feedback.tokens import NoteTokens

log = logging.getLogger(__name__)
QUOTES = 3
QUOTE_CHARS = 160
_DIGITS = re.compile(r"\d+")
_OTHER_TEXT = {
    "ja": (
        "その他（シグナル不足）",
        "{min}件未満の小さなまとまりや、どのテーマにも近くないメモです。テーマと呼ぶには根拠が足りません。",
    ),
    "en": (
        "Other (insufficient signal)",
        "Groups of fewer than {min} notes, and notes close to no theme: not enough signal to "
        "call them a theme.",
    ),
}


def _counts(values: Sequence[str | None]) -> list[Count]:
    counter = Counter(v for v in values if v)
    return [
        Count(key=k, count=n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _month_counts(notes: Sequence[FeedbackNote]) -> list[Count]:
    counter = Counter(f"{n.date.year:04d}-{n.date.month:02d}" for n in notes if n.date)
    return [Count(key=k, count=n) for k, n in sorted(counter.items())]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


@dataclass
class ThemeBuilder:
    notes: Sequence[FeedbackNote]
    ids: Sequence[str]
    texts: Sequence[str]
    flags: dict[int, str]
    canonical: Sequence[int]
    distinct: Sequence[int]  # note indices, in the order of ``space`` and ``labels``
    labels: np.ndarray
    space: HybridSpace
    tokens: dict[int, NoteTokens]
    vectors: np.ndarray
    background: np.ndarray | None
    min_theme: int
    language: str
    kpi: funnel.KpiSeries | None

    def _groups(self) -> tuple[list[list[int]], list[int]]:
        """Positions (into ``distinct``) of each theme, biggest first, and of Other."""
        by_label: dict[int, list[int]] = {}
        for position, label in enumerate(self.labels.tolist()):
            by_label.setdefault(label, []).append(position)
        themes, other = [], []
        for label, positions in by_label.items():
            if label != OTHER and len(positions) >= self.min_theme:
                themes.append(positions)
            else:
                other += positions
        themes.sort(key=lambda ps: (-len(ps), ps[0]))
        return themes, sorted(other)

    def _quotes(self, positions: list[int], *, ranked: bool) -> list[Quote]:
        order = positions
        if ranked:
            members = np.asarray(positions)
            scores = self.space.mean_similarity(members, [self.space.centroid(members)])[:, 0]
            order = [positions[k] for k in np.argsort(-scores, kind="stable")]
        quotes: list[Quote] = []
        seen: set[str] = set()
        for position in order:
            i = self.distinct[position]
            key = dedup_key(self.texts[i])
            if i in self.flags or key in seen:
                continue
            seen.add(key)
            quotes.append(
                Quote(note_id=self.ids[i], row=self.notes[i].row, text=_shorten(self.texts[i]))
            )
            if len(quotes) == QUOTES:
                break
        return quotes

    def _theme(self, theme_id: str, positions: list[int], terms: list[str], total: int) -> Theme:
        members = sorted(self.distinct[p] for p in positions)
        member_set = set(members)
        repeats = [i for i, c in enumerate(self.canonical) if c in member_set and c != i]
        notes = [self.notes[i] for i in members]
        theme = Theme(
            id=theme_id,
            label="",
            summary="",
            terms=terms,
            count=len(members),
            share=round(len(members) / total, 4) if total else 0.0,
            note_ids=[self.ids[i] for i in members],
            duplicate_ids=[self.ids[i] for i in repeats],
            quotes=self._quotes(positions, ranked=theme_id != OTHER_THEME),
            by_rep=_counts([n.rep for n in notes]),
            by_industry=_counts([n.industry for n in notes]),
            by_stage=_counts([n.stage for n in notes]),
            monthly=_month_counts(notes),
            centroid=unit_centroid(self.vectors[members], self.background),
        )
        if theme_id != OTHER_THEME:
            found = funnel.infer_stage(notes, [self.texts[i] for i in members])
            if found:
                theme.funnel = funnel.link(
                    found[0],
                    found[1],
                    dates=[n.date for n in notes],
                    kpi=self.kpi,
                    language=self.language,
                )
        return theme

    def build(self, namer: ThemeNamer) -> tuple[list[Theme], list[str]]:
        groups, other = self._groups()
        classes = {
            f"t{k}": [self.tokens[self.distinct[p]] for p in ps] for k, ps in enumerate(groups, 1)
        }
        classes[OTHER_THEME] = [self.tokens[self.distinct[p]] for p in other]
        terms = distinctive_terms(classes)
        total = len(self.distinct)
        themes = [self._theme(f"t{k}", ps, terms[f"t{k}"], total) for k, ps in enumerate(groups, 1)]
        warnings = self._name(themes, namer)
        if other:
            label, summary = _OTHER_TEXT["en" if self.language == "en" else "ja"]
            theme = self._theme(OTHER_THEME, other, [], total)
            theme.label, theme.summary = label, summary.format(min=self.min_theme)
            theme.insufficient = True
            themes.append(theme)
        return themes, warnings

    def _name(self, themes: list[Theme], namer: ThemeNamer) -> list[str]:
        """Ask the namer for words; fall back to the offline namer field by field."""
        drafts = [
            ThemeDraft(id=t.id, terms=t.terms, quotes=[q.text for q in t.quotes]) for t in themes
        ]
        language = "en" if self.language == "en" else "ja"
        offline = OfflineThemeNamer().name_themes(drafts, language=language)
        warnings: list[str] = []
        names: list[ThemeName] = offline
        if namer.name != OfflineThemeNamer.name and drafts:
            try:
                names = namer.name_themes(drafts, language=language)
                if len(names) != len(drafts):
                    raise ValueError(f"returned {len(names)} names for {len(drafts)} themes")
            except Exception as exc:  # a namer is optional: never lose the synthesis to it
                log.warning("theme namer %s failed: %s", namer.name, exc)
                warnings.append(f"theme namer '{namer.name}' failed ({exc}); offline labels used")
                names = offline
        for theme, draft, name, fallback in zip(themes, drafts, names, offline, strict=True):
            allowed = set(_DIGITS.findall(" ".join([*draft.terms, *draft.quotes])))
            label, summary = name.label.strip()[:60], name.summary.strip()[:400]
            if set(_DIGITS.findall(label + " " + summary)) - allowed:
                warnings.append(
                    f"{theme.id}: the namer wrote numbers that are not in the notes; the offline "
                    "label and summary are shown instead (counts always come from code)"
                )
                label, summary = fallback.label, fallback.summary
            theme.label = label or fallback.label
            theme.summary = summary or fallback.summary
        return warnings

    def theme_of_note(self, themes: list[Theme]) -> dict[int, str]:
        """Note index → theme id, for every note that was grouped (repeats follow their note)."""
        index_of = {note_id: i for i, note_id in enumerate(self.ids)}
        out: dict[int, str] = {}
        for theme in themes:
            for note_id in theme.note_ids:
                out[index_of[note_id]] = theme.id
        for i, root in enumerate(self.canonical):
            if root != i and root in out:
                out[i] = out[root]
        return out
