"""Positioning drafts: every part traced to the demo's own files, gaps instead of inventions.

Expected values are computed here from the raw knowledge files (CSV rows read with ``csv``,
front matter with ``yaml``), not from the composer's output.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from assistant.drafts import DraftRequest, generate
from assistant.drafts.models import Draft
from assistant.errors import NotFoundError
from tests.conftest import KNOWLEDGE

KEYS = [
    "statement",
    "target",
    "problem",
    "category",
    "benefit",
    "reason_to_believe",
    "alternative",
    "differentiation",
]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def raw_notes() -> list[tuple[str | None, str]]:
    """(industry, note) for every sales note of the demo, straight from the files."""
    fb = KNOWLEDGE / "feedback"
    out: list[tuple[str | None, str]] = []
    for name, encoding in (
        ("sales-feedback-2026-h1.csv", "cp932"),
        ("sales-feedback-2026-h2.csv", "utf-8-sig"),
    ):
        with (fb / name).open(encoding=encoding, newline="") as handle:
            out += [(row["業種"], row["メモ"]) for row in csv.DictReader(handle)]
    text = (fb / "field-notes-2026-10.txt").read_text("utf-8")
    for para in re.split(r"\n\s*\n", text):
        if para.strip():
            m = re.search(r"（([^・（）]+)・", para)
            out.append((m.group(1) if m else None, para.strip()))
    return out


def competitor_names() -> list[str]:
    names = []
    for path in sorted((KNOWLEDGE / "competitors").glob("*.md")):
        front = path.read_text("utf-8").split("---")[1]
        names.append(yaml.safe_load(front)["competitor"])
    return names


def keiri() -> dict:
    return yaml.safe_load((KNOWLEDGE / "personas" / "keiri-bucho.yaml").read_text("utf-8"))


def draft_for(demo, **kw) -> Draft:  # type: ignore[no-untyped-def]
    settings, store = demo
    request = DraftRequest(kind="positioning", **kw)
    return generate(settings, store, request, client=None)


def quotes_of(draft: Draft, key: str) -> list[str]:
    section = draft.section(key)
    assert section is not None
    by_ref = {c.ref: c.quote for c in draft.citations}
    return [by_ref[r] for r in section.refs if r in by_ref]


def fact_values(draft: Draft) -> dict[str, float]:
    return {f.label: f.value for f in draft.facts}


def test_end_to_end_offline_draft_is_complete_and_verified(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo, persona="経理部長")
    assert draft.kind == "positioning" and draft.mode == "offline"
    assert [s.key for s in draft.sections] == KEYS
    assert all(s.status == "ok" for s in draft.sections), [
        (s.key, s.status) for s in draft.sections
    ]
    codes = {w.code for w in draft.warnings}
    assert not codes & {"unverified_number", "bad_citation", "unknown_ref"}, draft.warnings
    assert keiri()["name"] in draft.title
    # Every section body cites, and every ref it cites is a citation or a fact of the draft.
    known = {c.ref for c in draft.citations} | {f.id for f in draft.facts}
    for section in draft.sections:
        assert section.refs and set(section.refs) <= known


def test_target_cites_the_persona_profile_lines(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo, persona="経理部長")
    source = nfkc((KNOWLEDGE / "personas" / "keiri-bucho.yaml").read_text("utf-8"))
    quotes = quotes_of(draft, "target")
    expected = {nfkc(keiri()[k]) for k in ("role", "industry", "company_size")}
    assert set(quotes) == expected
    assert all(q in source for q in quotes)
    target = [c for c in draft.citations if c.quote in expected]
    assert {c.source for c in target} == {"knowledge/personas/keiri-bucho.yaml"}


def _words(text: str) -> set[str]:
    """Whole words, written out independently of the module: kanji runs, katakana runs and
    Latin words of two characters or more."""
    text = nfkc(text).lower()
    kanji = re.findall(r"[\u4e00-\u9fff々]{2,}", text)
    katakana = re.findall(r"[\u30a1-\u30ff]{2,}", text)
    latin = re.findall(r"[a-z][a-z0-9.+#-]+", text)
    return set(kanji + katakana + latin)


def test_problem_is_the_challenge_most_echoed_by_the_segments_notes(demo) -> None:  # type: ignore[no-untyped-def]
    persona = keiri()
    industry = re.split(r"[（(、]", persona["industry"])[0]
    notes = [_words(text) for ind, text in raw_notes() if ind == industry]
    assert notes, "the demo has notes of the persona's industry"
    counts = [
        sum(1 for words in notes if len(_words(ch) & words) >= 2) for ch in persona["challenges"]
    ]
    best = max(range(len(counts)), key=lambda i: (counts[i], -i))
    draft = draft_for(demo, persona="経理部長")
    body = draft.section("problem").body  # type: ignore[union-attr]
    assert body.startswith(f"「{nfkc(persona['challenges'][best])}」")
    assert f"{counts[best]}件" in body
    assert counts[best] in fact_values(draft).values()
    # The statement names the same challenge.
    assert nfkc(persona["challenges"][best]) in draft.section("statement").body  # type: ignore[union-attr]


def test_alternative_is_the_competitor_named_most_in_the_segment(demo) -> None:  # type: ignore[no-untyped-def]
    industry = re.split(r"[（(、]", keiri()["industry"])[0]
    notes = raw_notes()
    names = competitor_names()
    in_segment = {n: sum(1 for ind, t in notes if ind == industry and n in t) for n in names}
    overall = {n: sum(1 for _, t in notes if n in t) for n in names}
    expected = max(names, key=lambda n: (in_segment[n], overall[n]))
    assert overall[expected] > 0
    draft = draft_for(demo, persona="経理部長")
    body = draft.section("alternative").body  # type: ignore[union-attr]
    assert body.startswith(f"**{expected}**")
    facts = {f.label: f.value for f in draft.facts}
    for name in names:
        seg_fact = [v for label, v in facts.items() if name in label and industry in label]
        all_fact = [v for label, v in facts.items() if name in label and industry not in label]
        assert seg_fact == [in_segment[name]] and all_fact == [overall[name]]
    # Differentiation quotes the chosen competitor's own notes, and our product document.
    diff = {c.source for c in draft.citations if c.ref in draft.section("differentiation").refs}  # type: ignore[union-attr]
    competitor_file = next(
        p for p in (KNOWLEDGE / "competitors").glob("*.md") if expected in p.read_text("utf-8")
    )
    assert f"knowledge/competitors/{competitor_file.name}" in diff
    assert "knowledge/product/keiri-cloud.md" in diff


def test_reason_to_believe_quotes_product_effects_verbatim(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo, persona="経理部長")
    product = nfkc((KNOWLEDGE / "product" / "keiri-cloud.md").read_text("utf-8"))
    effects = product.split("## 導入効果")[1].split("**ROI")[0]
    quotes = quotes_of(draft, "reason_to_believe")
    from_product = [q for q in quotes if q in effects]
    assert from_product, quotes
    body = draft.section("reason_to_believe").body  # type: ignore[union-attr]
    for quote in from_product:
        assert f"「{quote}」" in body


def test_english_rendering_keeps_keys_and_evidence(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo, persona="経理部長", lang="en")
    assert [s.key for s in draft.sections] == KEYS
    assert draft.title.startswith("Positioning:")
    assert draft.section("statement").body.startswith("For ")  # type: ignore[union-attr]
    assert draft.section("target").title == "Target"  # type: ignore[union-attr]
    assert not [w for w in draft.warnings if w.blocking]


def test_segment_level_positioning_covers_every_persona(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo)
    files = sorted((KNOWLEDGE / "personas").iterdir())
    target = {c.source for c in draft.citations if c.ref in draft.section("target").refs}  # type: ignore[union-attr]
    assert target == {f"knowledge/personas/{f.name}" for f in files}
    assert not [w for w in draft.warnings if w.blocking]


def test_segment_option_filters_personas(demo) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(demo, options={"segment": "製造業"})
    target = {c.source for c in draft.citations if c.ref in draft.section("target").refs}  # type: ignore[union-attr]
    assert target == {"knowledge/personas/keiri-bucho.yaml"}
    assert "製造業" in draft.section("alternative").body  # type: ignore[union-attr]


def test_unknown_persona_lists_the_known_ones(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="keiri-bucho"):
        draft_for(demo, persona="存在しない人")


def test_personas_only_workspace_leaves_gaps_not_inventions(axis_home: Path) -> None:
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    store = open_store(settings)
    assert not ingest_paths(store, [KNOWLEDGE / "personas"]).rejected
    draft = generate(
        settings, store, DraftRequest(kind="positioning", persona="経理部長"), client=None
    )
    assert draft.section("target").status == "ok"  # type: ignore[union-attr]
    gaps = {w.section for w in draft.warnings if w.code == "gap"}
    for key in ("alternative", "differentiation", "category", "benefit", "statement"):
        section = draft.section(key)
        assert section is not None and section.status == "gap", key
        for name in competitor_names():
            assert name not in section.body
    assert {"alternative", "differentiation", "category", "benefit"} <= gaps
    assert draft.section("alternative").refs == []  # type: ignore[union-attr]
    assert not [w for w in draft.warnings if w.blocking]
