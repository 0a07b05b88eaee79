"""Content briefs: one persona × axis, defaults explained, every number traced; batches."""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest
import yaml

from assistant.drafts import DraftRequest, generate
from assistant.drafts.content_brief.brief import generate_batch
from assistant.errors import NotFoundError
from tests.conftest import KNOWLEDGE

BLOCKING = {"unverified_number", "bad_citation", "unknown_ref"}
KEYS = ["audience", "axis", "stage_format", "titles", "outline", "messages", "proof", "cta", "kpi"]


def _latest_kpi_row() -> dict[str, str]:
    text = (KNOWLEDGE / "kpi" / "kpi-monthly.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(unicodedata.normalize("NFKC", text))))
    return rows[-1]


def _brief(demo, **kwargs):  # type: ignore[no-untyped-def]
    settings, store = demo
    options = kwargs.pop("options", {})
    request = DraftRequest(kind="content-brief", options=options, **kwargs)
    return generate(settings, store, request, client=None)


def test_brief_end_to_end_with_defaults(demo) -> None:  # type: ignore[no-untyped-def]
    draft = _brief(demo, persona="keiri-bucho")
    assert [s.key for s in draft.sections] == KEYS
    assert draft.mode == "offline"
    assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings
    content = draft.content
    # Default axis: the survey's first axis (customer problem) has evidence for this persona.
    assert content["axis"] == "problem" and content["status"] == "ok"
    assert content["stage"] == "awareness"  # problem -> awareness
    # 経理部長's sources include 「経理・財務向けの専門Webメディア」: a blog at awareness.
    sources = yaml.safe_load((KNOWLEDGE / "personas" / "keiri-bucho.yaml").read_text("utf-8"))
    assert any("Webメディア" in s for s in sources["info_sources"])
    assert content["format"] == "blog"
    assert 2 <= len(content["titles"]) <= 3
    persona_name = sources["name"]
    assert unicodedata.normalize("NFKC", persona_name) in draft.section("audience").body


def test_every_quote_is_verbatim_and_titles_cite_their_numbers(demo) -> None:  # type: ignore[no-untyped-def]
    draft = _brief(demo, persona="経理部長", axis="roi")
    files = "\n".join(
        unicodedata.normalize("NFKC", p.read_bytes().decode("utf-8-sig", errors="ignore"))
        for p in KNOWLEDGE.rglob("*.md")
    )
    files += "\n".join(
        unicodedata.normalize("NFKC", p.read_text("utf-8")) for p in KNOWLEDGE.rglob("*.yaml")
    )
    for citation in draft.citations:
        if citation.kind in ("product", "persona", "competitor"):
            assert unicodedata.normalize("NFKC", citation.quote) in files, citation.quote
    for title in draft.content["titles"]:
        if any(ch.isdigit() for ch in title["text"]):
            assert title["refs"], title
    proof_kinds = {c.kind for c in draft.citations if c.ref in draft.section("proof").refs}
    assert "product" in proof_kinds and "feedback" in proof_kinds


def test_kpi_shows_the_latest_month_of_the_stage_metric(demo) -> None:  # type: ignore[no-untyped-def]
    row = _latest_kpi_row()
    awareness = _brief(demo, persona="keiri-bucho", options={"stage": "awareness"})
    assert f"{int(row['リード数']):,}" in awareness.section("kpi").body
    decision = _brief(demo, persona="keiri-bucho", options={"stage": "decision"})
    body = decision.section("kpi").body
    assert f"{int(row['受注数'])}件" in body
    assert any(f.key.endswith(":won") for f in decision.facts)


def test_options_override_the_defaults(demo) -> None:  # type: ignore[no-untyped-def]
    draft = _brief(
        demo,
        persona="cfo",
        axis="ROI",
        options={"format": "Webinar", "stage": "consideration"},
    )
    assert draft.content["format"] == "webinar"
    assert draft.content["stage"] == "consideration"
    assert "指定" in draft.section("stage_format").body
    assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"format": "podcast"}, "format 'podcast'.*white-paper, webinar, blog, case-study"),
        ({"stage": "retention"}, "stage 'retention'.*awareness, consideration, decision"),
    ],
)
def test_bad_options_name_the_allowed_values(demo, options, match) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match=match):
        _brief(demo, persona="keiri-bucho", options=options)


def test_persona_is_required_and_axis_must_exist(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="keiri-bucho"):
        _brief(demo)
    with pytest.raises(NotFoundError, match="use one of: problem"):
        _brief(demo, persona="keiri-bucho", axis="price")


def test_english_brief(demo) -> None:  # type: ignore[no-untyped-def]
    draft = _brief(demo, persona="joshisu-bucho", lang="en", options={"stage": "decision"})
    assert draft.title.startswith("Content brief")
    assert [s.title for s in draft.sections][3] == "Title options"
    assert "Success KPI" in draft.section("kpi").body
    assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings


def test_batch_makes_one_brief_per_persona_and_axis(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    calls: list[tuple[int, int]] = []
    drafts = generate_batch(
        settings,
        store,
        personas=None,
        axes=["problem", "差別化"],
        lang="ja",
        options={"format": "white-paper"},
        progress=lambda done, total: calls.append((done, total)),
    )
    slugs = sorted(p.stem for p in (KNOWLEDGE / "personas").iterdir())
    pairs = sorted((d.content["persona_slug"], d.content["axis"]) for d in drafts)
    assert pairs == sorted((s, a) for s in slugs for a in ("problem", "differentiation"))
    assert calls[-1] == (len(slugs) * 2, len(slugs) * 2) and len(calls) == len(drafts)
    assert all(d.content["format"] == "white-paper" for d in drafts)
    for draft in drafts:
        assert not [w for w in draft.warnings if w.code in BLOCKING], draft.warnings
        if draft.content["status"] == "gap":
            assert draft.section("messages").status == "gap"


def test_batch_rejects_unknown_names_before_generating(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    with pytest.raises(NotFoundError, match="known personas"):
        generate_batch(settings, store, personas=["誰か"], axes=None, lang="ja", options={})
    with pytest.raises(NotFoundError, match="format"):
        generate_batch(
            settings, store, personas=None, axes=None, lang="ja", options={"format": "tv"}
        )
