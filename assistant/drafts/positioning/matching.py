"""How positioning decides that two texts are about the same thing: shared content words.

One rule for every part (a note echoing a challenge, a feature answering a problem, our
strength answering a rival's weakness), so a reviewer can check any pick by counting words.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.chat.passages import Statement, terms
from assistant.drafts.evidence import Passage

SUPPORT_MIN = 2  # shared content words for a sales note to count as echoing a challenge


def words(text: str) -> set[str]:
    """Content words worth matching on: two characters or more, not bare numbers."""
    return {t for t in terms(text) if len(t) >= 2 and not t.isdigit()}


def overlap(a: str, b: str) -> int:
    return len(words(a) & words(b))


def pick(
    items: Sequence[tuple[Passage, Statement]], about: str, *, n: int, least: int
) -> list[tuple[Passage, Statement]]:
    """The ``n`` items sharing most words with ``about`` (at least ``least``), best first."""
    scored = sorted(
        ((overlap(st.text, about), i, (p, st)) for i, (p, st) in enumerate(items)),
        key=lambda x: (-x[0], x[1]),
    )
    return [x for k, _, x in scored if k >= least][:n]
