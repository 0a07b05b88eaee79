"""Grouping distinct notes into themes; the number of themes is read off the data.

Average linkage on the hybrid similarity (``space.py``) merges groups in order of how alike
their notes are on average, and stops where two groups are no longer *distinctly* alike:
their mean similarity must exceed the mean similarity of all pairs of notes in this input by
``SPREAD`` of those pairs' standard deviation.  The cut is relative to the input's own
spread, so it means the same for short notes or long ones, one voice or six, 15 notes or
3,000; the number of themes is whatever number of groups clears it.  Groups with at least
``min_theme`` notes are themes (``themes.py``) — a group of three similar notes is a theme
as soon as ``min_theme`` is 3, never その他.

The cut is shrunk towards ``SMALL_INPUT_CUT`` by ``PRIOR_NOTES`` notes, as the centring
is (``space.py``): four pasted notes have no spread to speak of, and on one topic they would
otherwise always be split.

How this was chosen (``bench/feedback_methods.py``, on ``bench/data/feedback_eval`` and
variants of its own notes only — re-written in six rep voices, with a second topic mixed
in, with uneven theme sizes, as small pastes).  Mean and worst adjusted Rand index over the
five full variants, and the themes found (true: 9):

=============================================================  ====  =====  ===========
previous: fixed cut at mean similarity 0.025                   0.50  0.36   7-10
fixed cut 0.025, writers' voices centred out                   0.65  0.58   8-9
silhouette across cuts (rose with every split)                 0.35  0.24   29-36
modularity of the 10/15-nearest-neighbour graph across cuts    0.62  0.56   7-12
relative cut, SPREAD 0.15 / 0.2 / 0.3                          0.64  0.56   8-13 … 13-18
**relative cut, SPREAD 0.1**                                   0.65  0.56   7-10
=============================================================  ====  =====  ===========

The fixed cut scores as well on these variants, but it is a similarity read off one set's
notes; the relative cut is the same number of standard deviations whatever the notes' length
or voice.  Without writer centring the chosen cut falls to 0.48 / 0.35.

Average linkage is O(n²) in memory, so above ``MAX_DIRECT`` distinct notes a fixed sample is
clustered and every other note joins the group it is on average most similar to — the
criterion the linkage merges by — when that similarity clears the same cut; otherwise it
goes to その他.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.feedback.space import HybridSpace

SPREAD = 0.1
SMALL_INPUT_CUT = 0.025
PRIOR_NOTES = 20
MAX_DIRECT = 3000
OTHER = -1


@dataclass(frozen=True)
class Clustering:
    """``labels[i]`` is note ``i``'s group (``OTHER`` = no group was close enough)."""

    labels: np.ndarray
    method: str
    cut: float = 0.0


def relative_cut(similarity: np.ndarray, spread: float = SPREAD) -> float:
    """Mean + ``spread`` standard deviations of the off-diagonal similarities, shrunk towards
    ``SMALL_INPUT_CUT`` by ``PRIOR_NOTES`` notes (a paste of four notes has no spread to
    speak of: all on one topic, it would otherwise always be split)."""
    n = len(similarity)
    if n < 2:
        return SMALL_INPUT_CUT
    pairs = similarity[~np.eye(n, dtype=bool)]
    own = float(pairs.mean() + spread * pairs.std())
    return (n * own + PRIOR_NOTES * SMALL_INPUT_CUT) / (n + PRIOR_NOTES)


def _average_linkage(space: HybridSpace, members: np.ndarray, spread: float):  # type: ignore[no-untyped-def]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(members) == 1:
        return np.zeros(1, dtype=int), 0.0
    similarity = space.similarity(members, members).astype(np.float64)
    cut = relative_cut(similarity, spread)
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return fcluster(tree, 1.0 - cut, criterion="distance") - 1, cut


def cluster(
    space: HybridSpace,
    *,
    spread: float = SPREAD,
    max_direct: int = MAX_DIRECT,
    seed: int = 0,
) -> Clustering:
    """Groups of every note in ``space`` (see the module docstring)."""
    n = len(space)
    if n == 0:
        return Clustering(labels=np.zeros(0, dtype=int), method="none")
    direct = n <= max_direct
    members = (
        np.arange(n)
        if direct
        else np.sort(np.random.default_rng(seed).choice(n, size=max_direct, replace=False))
    )
    labels_of_members, cut = _average_linkage(space, members, spread)
    groups = sorted(set(labels_of_members.tolist()))
    method = (
        "average linkage (cosine; e5 centred per writer + TF-IDF), cut where groups are no "
        f"longer {spread} s.d. more alike than the input's pairs (mean similarity {cut:.3f}): "
        f"{len(groups)} groups"
    )
    if direct:
        return Clustering(labels=labels_of_members, method=method, cut=cut)
    centroids = [space.centroid(members[labels_of_members == g]) for g in groups]
    labels = np.full(n, OTHER, dtype=int)
    labels[members] = labels_of_members
    rest = np.setdiff1d(np.arange(n), members)
    for start in range(0, len(rest), 2048):
        block = rest[start : start + 2048]
        scores = space.mean_similarity(block, centroids)
        best = scores.argmax(axis=1)
        ok = scores[np.arange(len(block)), best] >= cut
        labels[block[ok]] = np.asarray(groups)[best[ok]]
    return Clustering(
        labels=labels,
        method=f"{method}; {max_direct} of {n} notes clustered, the rest joined by similarity",
        cut=cut,
    )
