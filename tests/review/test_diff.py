"""Version diffs: what a reviewer sees changed, section by section and line by line."""

from __future__ import annotations

from assistant.drafts.models import Draft, Section
from assistant.review.diff import diff_drafts, line_blocks, unified_diff


def _draft(*sections: tuple[str, str]) -> Draft:
    return Draft(
        kind="sla",
        title="SLA",
        mode="offline",
        sections=[Section(key=k, title=k.upper(), body=b) for k, b in sections],
    )


def test_sections_added_removed_changed_and_same() -> None:
    before = _draft(("a", "x"), ("b", "y"), ("c", "z"))
    after = _draft(("a", "x"), ("b", "y2"), ("d", "new"))
    changes = {d.key: d.change for d in diff_drafts(before, after)}
    assert changes == {"a": "same", "b": "changed", "d": "added", "c": "removed"}
    text = unified_diff(before, after, old=1, new=2)
    assert "-y" in text and "+y2" in text and "+new" in text and "-z" in text
    assert "--- v1 A" not in text  # unchanged sections are not in the diff


def test_side_by_side_blocks_mark_only_the_lines_that_changed() -> None:
    blocks = line_blocks("a\nb\nc", "a\nB\nc\nd")
    assert [(changed, old, new) for changed, old, new in blocks] == [
        (False, ["a"], ["a"]),
        (True, ["b"], ["B"]),
        (False, ["c"], ["c"]),
        (True, [], ["d"]),
    ]
