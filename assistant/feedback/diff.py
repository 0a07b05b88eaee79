"""What changed since the last saved synthesis: new, growing, shrinking and gone themes.

Theme ids and labels are not stable between runs (labels come from the notes' words), so
themes are matched by meaning: each theme keeps the centred mean of its notes' embeddings,
and a current theme matches the previous theme whose centroid is most similar, one to one,
when the cosine reaches ``MATCH_COSINE`` (otherwise by shared distinctive terms).  Two runs
usually differ in size, so growth is judged on *share* of notes: ``GROWTH_PT`` percentage
points or more is growing or shrinking, less is steady.
"""

from __future__ import annotations

import numpy as np

from assistant.feedback.models import Synthesis, SynthesisDiff, Theme, ThemeChange

MATCH_COSINE = 0.5
MATCH_TERMS = 0.4
GROWTH_PT = 3.0


def unit_centroid(vectors: np.ndarray, background: np.ndarray | None) -> list[float]:
    """The theme's direction in embedding space, centred like the clustering space."""
    if len(vectors) == 0:
        return []
    mean = vectors.mean(axis=0)
    if background is not None and background.shape == mean.shape:
        mean = mean - background
    norm = float(np.linalg.norm(mean))
    return [round(float(x), 5) for x in (mean / norm if norm else mean)]


def _similarity(a: Theme, b: Theme) -> float:
    if a.centroid and b.centroid and len(a.centroid) == len(b.centroid):
        cosine = float(np.dot(a.centroid, b.centroid))
        if cosine >= MATCH_COSINE:
            return cosine
    terms_a, terms_b = set(a.terms), set(b.terms)
    if terms_a and terms_b:
        overlap = len(terms_a & terms_b) / len(terms_a | terms_b)
        if overlap >= MATCH_TERMS:
            return MATCH_COSINE * overlap  # below any centroid match, above no match
    return 0.0


def _status(before: float, after: float) -> str:
    delta = (after - before) * 100
    if delta >= GROWTH_PT:
        return "growing"
    if delta <= -GROWTH_PT:
        return "shrinking"
    return "steady"


def compare(previous: Synthesis, current: Synthesis) -> SynthesisDiff:
    """Match ``current``'s themes to ``previous``'s and say how each moved."""
    old = [t for t in previous.themes if not t.insufficient]
    new = [t for t in current.themes if not t.insufficient]
    scored = sorted(
        ((_similarity(n, o), i, j) for i, n in enumerate(new) for j, o in enumerate(old)),
        reverse=True,
    )
    matched_new: dict[int, int] = {}
    matched_old: set[int] = set()
    for score, i, j in scored:
        if score <= 0:
            break
        if i in matched_new or j in matched_old:
            continue
        matched_new[i] = j
        matched_old.add(j)
    changes: list[ThemeChange] = []
    for i, theme in enumerate(new):
        if i not in matched_new:
            changes.append(
                ThemeChange(
                    status="new",
                    label=theme.label,
                    theme_id=theme.id,
                    count_after=theme.count,
                    share_after=theme.share,
                )
            )
            continue
        before = old[matched_new[i]]
        changes.append(
            ThemeChange(
                status=_status(before.share, theme.share),  # type: ignore[arg-type]
                label=theme.label,
                theme_id=theme.id,
                previous_label=before.label,
                count_before=before.count,
                count_after=theme.count,
                share_before=before.share,
                share_after=theme.share,
            )
        )
    changes += [
        ThemeChange(
            status="gone",
            label=theme.label,
            theme_id=None,
            previous_label=theme.label,
            count_before=theme.count,
            share_before=theme.share,
        )
        for j, theme in enumerate(old)
        if j not in matched_old
    ]
    return SynthesisDiff(
        previous_run=previous.run_id, previous_date=previous.created.date(), changes=changes
    )
