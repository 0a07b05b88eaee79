"""Positioning for one persona (or a segment): who, their problem, what we are, why believe us.

Each part is chosen by code from the workspace's evidence and cites it:

- target: the persona's role / industry / company-size lines;
- problem: the persona's challenge that the most sales notes of the segment echo (a note
  echoes a challenge when they share at least ``SUPPORT_MIN`` content words) — a count;
- category and key benefit: the product document's opening sentence and its 主な機能 items
  closest to that problem (with the product's own caveats, e.g. an integration 未対応);
- reason to believe: 導入効果 statements quoted verbatim, plus won-deal notes;
- alternative: the competitor the segment's notes name most (ties: most named overall);
- differentiation: that competitor's 弱み / 勝ちパターン against our matching feature.

A part with no evidence is a gap that says what is missing; nothing is made up to fill it.

The parts live in their own modules, one concept each: ``segment`` (who, and whose notes
count), ``problem``, ``product`` (category, benefit, caveats), ``rivals`` (alternative and
differentiation), ``reason``; ``notes`` counts and quotes sales notes, ``matching`` is the
shared-words rule, ``gaps`` words what is missing.  ``composition`` builds the payload and
its statement, ``sections`` renders it.  This package offers what every draft kind offers:
``PAYLOAD``, ``compose`` and ``render``.
"""

from __future__ import annotations

from assistant.drafts.positioning.composition import PAYLOAD, Positioning, compose
from assistant.drafts.positioning.matching import SUPPORT_MIN
from assistant.drafts.positioning.product import feature_label
from assistant.drafts.positioning.rivals import competitors, mentions, name_variants
from assistant.drafts.positioning.sections import render
from assistant.drafts.positioning.segment import in_industry, industry_head

__all__ = [
    "PAYLOAD",
    "SUPPORT_MIN",
    "Positioning",
    "competitors",
    "compose",
    "feature_label",
    "in_industry",
    "industry_head",
    "mentions",
    "name_variants",
    "render",
]
