"""Readable differences between two versions of a draft, section by section."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from assistant.drafts.models import Draft

Change = Literal["added", "removed", "changed", "same"]


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    change: Change
    before: str
    after: str

    def unified(self, *, old: int, new: int) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(),
            self.after.splitlines(),
            fromfile=f"v{old} {self.title}",
            tofile=f"v{new} {self.title}",
            lineterm="",
        )
        return "\n".join(lines)


def diff_drafts(before: Draft, after: Draft) -> list[SectionDiff]:
    """Every section of either version, in the newer version's order (removed ones last)."""
    old = {s.key: s for s in before.sections}
    out: list[SectionDiff] = []
    for section in after.sections:
        prior = old.pop(section.key, None)
        if prior is None:
            out.append(SectionDiff(section.key, section.title, "added", "", section.body))
        else:
            change: Change = "same" if prior.body == section.body else "changed"
            out.append(SectionDiff(section.key, section.title, change, prior.body, section.body))
    out += [SectionDiff(s.key, s.title, "removed", s.body, "") for s in old.values()]
    return out


def unified_diff(before: Draft, after: Draft, *, old: int, new: int) -> str:
    """The changed sections as one unified diff (empty when nothing changed)."""
    parts = [d.unified(old=old, new=new) for d in diff_drafts(before, after) if d.change != "same"]
    return "\n".join(p for p in parts if p)


def line_blocks(before: str, after: str) -> list[tuple[bool, list[str], list[str]]]:
    """The two texts as aligned blocks of lines, each marked changed or not: what a
    side-by-side view shows in its two columns."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        (tag != "equal", old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
