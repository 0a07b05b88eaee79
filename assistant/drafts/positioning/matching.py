"""How positioning decides that two texts are about the same thing: shared content words.

One rule for every part (a note echoing a challenge, a feature answering a problem, our
strength answering a rival's weakness), so a reviewer can check any pick by counting words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.drafts.evidence import Passage
from assistant.text.normalize import fold
from assistant.text.statements import Statement

SUPPORT_MIN = 2  # shared content words for a sales note to count as echoing a challenge
# Whole words, not character pairs: kanji runs and katakana runs apart (hiragana particles
# and endings split them), Latin words.  Pairs made 「システム」 alone count as two shared
# "words" (シス, ステ), so a note about 情シス echoed a challenge about 会計システム.
_WORD = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]{2,}|[\u30a1-\u30fa\u30fc-\u30ff]{2,}"
    r"|[a-z][a-z0-9.+#-]+"
)


def words(text: str) -> set[str]:
    """Content words worth matching on: whole kanji, katakana or Latin words of two
    characters or more (numbers are not words)."""
    return set(_WORD.findall(fold(text)))


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
