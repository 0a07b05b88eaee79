"""The 訴求軸 matrix: every persona a row, every quote verbatim, counts by the documented rule."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from assistant.drafts import DraftRequest, generate
from assistant.drafts.axes import AXES, CORE_AXES, ROLE_GROUPS, resolve_axis
from assistant.errors import NotFoundError
from tests.conftest import KNOWLEDGE

BLOCKING = {"unverified_number", "bad_citation", "unknown_ref"}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp932")


def _persona_files() -> dict[str, dict]:
    out = {}
    for path in sorted((KNOWLEDGE / "personas").iterdir()):
        text = path.read_text("utf-8")
        out[path.stem] = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    return out


def _notes() -> list[tuple[str, str]]:
    """(industry column or "", note text) for every sales note in the demo, read raw."""
    import csv
    import io

    notes: list[tuple[str, str]] = []
    for path in sorted((KNOWLEDGE / "feedback").glob("*.csv")):
        for row in csv.DictReader(io.StringIO(_read(path))):
            notes.append((row["業種"], row["メモ"]))
    for path in sorted((KNOWLEDGE / "feedback").glob("*.txt")):
        paragraphs = re.split(r"\n\s*\n", _read(path))
        notes += [("", p.strip()) for p in paragraphs if p.strip()]
    return notes


def _expected_count(persona: dict, axis_id: str, notes: list[tuple[str, str]]) -> int:
    """The documented rule, applied to the raw files without the composer's code."""
    axis = resolve_axis(axis_id)
    name = _nfkc(persona["name"]).lower()
    words = [w for triggers, said in ROLE_GROUPS if any(t in name for t in triggers) for w in said]
    industry = re.split(r"[(（]", _nfkc(persona["industry"]), maxsplit=1)[0].strip().lower()
    count = 0
    for column, text in notes:
        folded = _nfkc(text).lower()
        if not any(k in folded for k in axis.keywords):
            continue
        if (
            any(w in folded for w in words)
            or _nfkc(column).lower() == industry
            or (industry in folded)
        ):
            count += 1
    return count


@pytest.fixture
def matrix(demo):  # type: ignore[no-untyped-def]
    settings, store = demo
    return generate(settings, store, DraftRequest(kind="messaging"), client=None)


def test_every_persona_is_a_row_and_core_axes_are_columns(matrix) -> None:  # type: ignore[no-untyped-def]
    keys = [s.key for s in matrix.sections]
    assert keys[0] == "priorities" and keys[-1] == "gaps"
    for slug in _persona_files():
        for axis in CORE_AXES:
            assert f"cell:{slug}:{axis.id}" in keys
    assert matrix.mode == "offline" and matrix.notice
    assert not [w for w in matrix.warnings if w.code in BLOCKING], matrix.warnings


def test_every_quote_is_verbatim_in_a_knowledge_file(matrix) -> None:  # type: ignore[no-untyped-def]
    corpus = "\n".join(_nfkc(_read(p)) for p in KNOWLEDGE.rglob("*") if p.is_file())
    assert matrix.citations
    for citation in matrix.citations:
        assert _nfkc(citation.quote) in corpus, citation.quote


def test_note_counts_follow_the_documented_rule(matrix) -> None:  # type: ignore[no-untyped-def]
    personas = _persona_files()
    notes = _notes()
    assert len(notes) > 100  # the demo's three feedback files
    facts = {f.key: f for f in matrix.facts}
    by_ref = {c.ref: c for c in matrix.citations}
    checked = 0
    for cell in matrix.content["cells"]:
        persona = personas[cell["persona_slug"]]
        fact = facts[f"messaging:notes:{cell['persona_slug']}:{cell['axis']}"]
        assert fact.value == _expected_count(persona, cell["axis"], notes) == cell["note_count"]
        quoted = [by_ref[r] for c in cell["feedback"] for r in c["refs"]]
        assert len(quoted) <= min(3, cell["note_count"])
        axis = resolve_axis(cell["axis"])
        for citation in quoted:
            assert citation.kind == "feedback"
            assert axis.matches(citation.quote), citation.quote
        checked += 1
    assert checked >= len(personas) * len(CORE_AXES)
    assert any(c["note_count"] > 0 for c in matrix.content["cells"])


def test_ok_cells_quote_the_persona_and_the_product(matrix) -> None:  # type: ignore[no-untyped-def]
    by_ref = {c.ref: c for c in matrix.citations}
    cells = matrix.content["cells"]
    ok = [c for c in cells if c["status"] == "ok"]
    assert ok, "the demo has evidence for some cells"
    for cell in ok:
        kinds = {by_ref[r].kind for r in cell["message"]["refs"]}
        assert "persona" in kinds and kinds & {"product", "competitor"}
        section = matrix.section(f"cell:{cell['persona_slug']}:{cell['axis']}")
        assert section is not None and section.status == "ok"
    for cell in cells:
        if cell["status"] == "gap":
            assert cell["message"] is None and cell["missing"]
            assert cell["persona"] in matrix.section("gaps").body


def test_roi_cell_cites_a_measured_effect(matrix) -> None:  # type: ignore[no-untyped-def]
    by_ref = {c.ref: c for c in matrix.citations}
    cell = next(
        c
        for c in matrix.content["cells"]
        if c["persona_slug"] == "keiri-bucho" and c["axis"] == "roi"
    )
    assert cell["status"] == "ok"
    product = [by_ref[r] for r in cell["message"]["refs"] if by_ref[r].kind == "product"]
    assert product and re.search(r"\d", product[0].quote)
    product_text = _nfkc((KNOWLEDGE / "product" / "keiri-cloud.md").read_text("utf-8"))
    assert _nfkc(product[0].quote) in product_text


def test_survey_priorities_are_registered_facts(matrix) -> None:  # type: ignore[no-untyped-def]
    survey = [f for f in matrix.facts if f.key.startswith("survey:")]
    shares = sorted((f.value for f in survey if f.unit == "ratio"), reverse=True)
    assert shares == [0.544, 0.391, 0.388]
    assert all("VALUES" in f.source for f in survey)
    body = matrix.section("priorities").body
    order = [body.index(a.ja) for a in CORE_AXES]
    assert order == sorted(order)


def test_filters_limit_rows_and_columns(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(
        settings,
        store,
        DraftRequest(kind="messaging", persona="経理部長", axis="ROI・費用対効果"),
        client=None,
    )
    cells = [s.key for s in draft.sections if s.key.startswith("cell:")]
    assert cells == ["cell:keiri-bucho:roi"]


def test_english_rendering(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(
        settings, store, DraftRequest(kind="messaging", lang="en", axis="roi"), client=None
    )
    assert draft.title.startswith("Messaging matrix")
    assert "B2B marketers" in draft.section("priorities").body
    assert all("×" in s.title for s in draft.sections if s.key.startswith("cell:"))
    assert not re.search(r"[ぁ-ん]", draft.section("priorities").body)
    assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings


def test_unknown_axis_lists_the_valid_ones(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    with pytest.raises(NotFoundError, match="problem.*roi.*differentiation"):
        generate(settings, store, DraftRequest(kind="messaging", axis="価格訴求"), client=None)


@pytest.mark.parametrize(
    ("name", "axis_id"),
    [
        ("ROI", "roi"),
        ("差別化", "differentiation"),
        ("customer-problem solving", "problem"),
        ("Compliance", "compliance"),
        ("ＲＯＩ", "roi"),
    ],
)
def test_axis_names_resolve(name: str, axis_id: str) -> None:
    assert resolve_axis(name).id == axis_id


def test_axes_have_both_languages_and_keywords() -> None:
    assert [a.id for a in CORE_AXES] == ["problem", "roi", "differentiation"]
    for axis in AXES:
        assert axis.ja and axis.en and axis.keywords
        assert all(k == _nfkc(k).lower() for k in axis.keywords)


def test_personas_without_product_notes_give_gaps_not_messages(settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.ingest.pipeline import ingest_paths
    from assistant.workspace import open_store

    store = open_store(settings)
    report = ingest_paths(store, [KNOWLEDGE / "personas"])
    assert not report.rejected
    draft = generate(settings, store, DraftRequest(kind="messaging"), client=None)
    cells = draft.content["cells"]
    assert {c["persona_slug"] for c in cells} == set(_persona_files())
    assert cells and all(c["status"] == "gap" and c["message"] is None for c in cells)
    assert all(c["note_count"] == 0 for c in cells)
    for section in draft.sections:
        if section.key.startswith("cell:"):
            assert section.status == "gap"
            assert "メッセージ**" not in section.body
    assert draft.section("gaps").status == "gap"
    assert {c.kind for c in draft.citations} <= {"persona"}
    assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings
