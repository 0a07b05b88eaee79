"""Exports of a reviewed draft: what the Markdown and Word documents carry, and how they fail.

The review view is built straight from the pydantic models (no store): the citations quote the
demo knowledge verbatim and the one computed fact is recomputed here from kpi-monthly.csv, so
the fixture obeys the same rules a generated draft does.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import docx
import docx.document
import pytest
from docx.oxml.ns import qn

from assistant.domain.grounding import Fact, SourceQuote
from assistant.drafts.models import Draft, DraftWarning, Section
from assistant.errors import AxisError, ReviewError
from assistant.review.export.files import export, to_docx, to_markdown
from assistant.review.models import (
    Comment,
    DraftRecord,
    Event,
    ReviewView,
    Snapshot,
    SnapshotDocument,
    Version,
)
from tests.conftest import KNOWLEDGE

PLAYBOOK = "playbook/lead-management.md"
FEEDBACK = "feedback/sales-feedback-2026-h2.csv"
QUOTE_MQL = "スコアが60点以上になったリード"
QUOTE_DISCOUNT = "複数年契約での値引きを強く求められた。"
TITLES = ["MQLの定義と転換率", "引き渡しルール", "予算配分"]
BULLETS = ["値引きの要望は当日中に営業へ共有する [S2]", "初回連絡は48時間以内に行う"]
OVERRIDE = "48時間はSLA会議で合意済みのため、このまま承認する。"
APPROVED_AT = dt.datetime(2026, 10, 5, 9, 30, tzinfo=dt.UTC)
DRAFT_ID = 7


def _sql_per_mql(month: str) -> float:
    """SQL ÷ MQL of one month, read from the demo KPI file (not from Axis code)."""
    with (KNOWLEDGE / "kpi" / "kpi-monthly.csv").open(encoding="utf-8-sig") as fh:
        row = next(r for r in csv.DictReader(fh) if r["年月"] == month)
    return int(row["SQL数"]) / int(row["MQL数"])


RATE = _sql_per_mql("2025年10月")
RATE_DISPLAY = f"{RATE:.1%}"


def _at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, 0, tzinfo=dt.UTC)


def _draft() -> Draft:
    table = (
        "| 段階 | 定義 |\n|---|---|\n"
        "| MQL | スコア60点以上 [S1] |\n"
        f"| SQL/MQL（2025-10） | {RATE_DISPLAY} [F1] |"
    )
    return Draft(
        kind="sla",
        title="マーケティング・営業SLA（経理部長向け）",
        lang="ja",
        mode="offline",
        persona="経理部長 佐藤さん",
        sections=[
            Section(
                key="mql",
                title=TITLES[0],
                body=f"MQLは**スコア60点以上**のリードです [S1]。\n\n{table}",
                refs=["S1", "F1"],
            ),
            Section(
                key="handoff",
                title=TITLES[1],
                body="\n".join(f"- {b}" for b in BULLETS),
                refs=["S2"],
                status="proposal",
            ),
            Section(
                key="budget",
                title=TITLES[2],
                body="予算配分を判断できる資料が見つかりませんでした。",
                status="gap",
            ),
        ],
        citations=[
            SourceQuote(
                ref="S1", chunk_id="c-1", source=PLAYBOOK, kind="playbook", quote=QUOTE_MQL
            ),
            SourceQuote(
                ref="S2", chunk_id="c-2", source=FEEDBACK, kind="feedback", quote=QUOTE_DISCOUNT
            ),
        ],
        facts=[
            Fact(
                id="F1",
                key="2025-10:rate:sql/mql",
                label="SQL/MQL転換率",
                value=RATE,
                unit="ratio",
                display=RATE_DISPLAY,
                source="kpi/kpi-monthly.csv",
                month="2025-10",
            )
        ],
        warnings=[
            DraftWarning(
                code="unverified_number",
                message="「48時間」の根拠が見つかりません",
                section="handoff",
            )
        ],
        notice="LLMを設定していないため、テンプレートから組み立てた下書きです。",
    )


def _view(status: str = "approved", *, version: int = 2, current: int = 2) -> ReviewView:
    events = [
        Event(draft_id=DRAFT_ID, actor="tanaka", action="create", version=1, at=_at(1)),
        Event(draft_id=DRAFT_ID, actor="tanaka", action="edited", version=2, at=_at(2)),
        Event(draft_id=DRAFT_ID, actor="tanaka", action="submit", version=2, at=_at(3)),
        Event(draft_id=DRAFT_ID, actor="suzuki", action="override", version=2, at=_at(5, 9)),
    ]
    if status == "approved":
        events.append(
            Event(draft_id=DRAFT_ID, actor="suzuki", action="approve", version=2, at=APPROVED_AT)
        )
    snapshot = Snapshot(
        generation=3,
        documents=[
            SnapshotDocument(source=s, kind=k, file_hash="h", ingested_at="2026-10-01")
            for s, k in ((PLAYBOOK, "playbook"), (FEEDBACK, "feedback"))
        ],
        kpi_months=["2025-12", "2025-10", "2025-11"],
        feedback_notes=2,
    )
    return ReviewView(
        record=DraftRecord(
            id=DRAFT_ID,
            workspace="default",
            kind="sla",
            title=_draft().title,
            status=status,  # type: ignore[arg-type]
            persona="経理部長 佐藤さん",
            current_version=current,
            created_by="tanaka",
            created_at=_at(1),
            updated_at=APPROVED_AT,
        ),
        version=Version(
            draft_id=DRAFT_ID,
            number=version,
            draft=_draft(),
            reason="edited",
            snapshot=snapshot,
            author="tanaka",
            created_at=_at(2),
        ),
        versions=[1, 2],
        comments=[
            Comment(
                id=1,
                draft_id=DRAFT_ID,
                version=2,
                author="suzuki",
                text=OVERRIDE,
                kind="override",
                created_at=_at(5, 9),
            )
        ],
        events=events,
    )


def _texts(document: docx.document.Document) -> str:
    """Every paragraph and table cell of a Word document, as one string."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_fixture_quotes_the_demo_knowledge_verbatim() -> None:
    assert QUOTE_MQL in (KNOWLEDGE / PLAYBOOK).read_text(encoding="utf-8")
    assert QUOTE_DISCOUNT in (KNOWLEDGE / FEEDBACK).read_text(encoding="utf-8")
    assert RATE_DISPLAY == "45.0%"  # 54 SQL / 120 MQL in 2025年10月


def test_markdown_carries_sections_sources_and_the_approval() -> None:
    md = to_markdown(_view())

    positions = [md.index(f"## {title}") for title in TITLES]
    assert positions == sorted(positions)
    assert md.index(f"## {TITLES[-1]}") < md.index("## 出典") < md.index("## レビュー記録")
    assert "| MQL | スコア60点以上 [S1] |" in md
    for quote in (QUOTE_MQL, QUOTE_DISCOUNT):
        assert quote in md
    assert RATE_DISPLAY in md.split("## 出典")[1]
    assert "suzuki (2026-10-05 09:30 UTC)" in md
    assert "承認済み" in md and "下書き（未承認）" not in md
    gap = md.split(f"## {TITLES[2]}")[1].split("## ")[0]
    assert "要確認：根拠なし" in gap
    assert "提案" in md.split(f"## {TITLES[1]}")[1].split("## ")[0]
    review = md.split("## レビュー記録")[1]
    assert OVERRIDE in review and "「48時間」の根拠が見つかりません" in review
    assert "LLMなし" in md and _draft().notice in md  # type: ignore[operator]
    assert "2025-10〜2025-12" in md and "文書 2件" in md and "営業フィードバック 2件" in md


def test_markdown_in_english_uses_english_labels() -> None:
    md = to_markdown(_view(), lang="en")

    for label in ("## Sources", "## Review record", "Gap: no evidence", "Proposal"):
        assert label in md
    assert "composed without an LLM" in md
    assert "2025-10 to 2025-12 (3 months)" in md
    assert "出典" not in md and "レビュー記録" not in md
    assert TITLES[0] in md  # the draft's own words stay as written


def test_docx_renders_headings_tables_bullets_and_sources(out: Path) -> None:
    path = export(_view(), "docx", out / "sla.docx")
    document = docx.Document(str(path))

    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [*TITLES, "出典", "レビュー記録"]
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == _draft().title

    body_rows = [
        [c.text for c in row.cells]
        for table in document.tables
        if table.rows[0].cells[0].text == "段階"
        for row in table.rows
    ]
    assert body_rows == [
        ["段階", "定義"],
        ["MQL", "スコア60点以上 [S1]"],
        ["SQL/MQL（2025-10）", f"{RATE_DISPLAY} [F1]"],
    ]
    assert all(t.style.name == "Table Grid" for t in document.tables)

    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets[:2] == BULLETS

    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "スコア60点以上" in bold
    text = _texts(document)
    assert "**" not in text.split("出典")[0].replace(_draft().title, "")
    for quote in (QUOTE_MQL, QUOTE_DISCOUNT, RATE_DISPLAY, PLAYBOOK, FEEDBACK, OVERRIDE):
        assert quote in text
    assert "要確認：根拠なし" in text and "suzuki (2026-10-05 09:30 UTC)" in text


def test_docx_names_an_east_asian_font(out: Path) -> None:
    document = docx.Document(str(to_docx(_view(), out / "sla.docx")))

    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK JP"
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    assert document.core_properties.title == _draft().title


def test_docx_in_english(out: Path) -> None:
    document = docx.Document(str(to_docx(_view(), out / "sla.docx", lang="en")))

    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Sources", "Review record"]
    assert "Gap: no evidence" in _texts(document)


def test_unapproved_export_is_refused_with_the_approve_command(out: Path) -> None:
    with pytest.raises(ReviewError, match=f"axis review approve {DRAFT_ID}"):
        export(_view("in_review"), "md", out)
    assert list(out.iterdir()) == []


def test_changes_requested_hint_names_the_steps_before_approval(out: Path) -> None:
    with pytest.raises(ReviewError, match="regenerate .* submit .* approve"):
        export(_view("changes_requested"), "docx", out)


def test_an_older_version_of_an_approved_draft_is_not_approved(out: Path) -> None:
    with pytest.raises(ReviewError, match="not the approved version"):
        export(_view(version=1, current=2), "md", out)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_allowed_unapproved_export_carries_the_banner(out: Path, fmt: str) -> None:
    path = export(_view("in_review"), fmt, out, allow_unapproved=True)  # type: ignore[arg-type]

    text = path.read_text("utf-8") if fmt == "md" else _texts(docx.Document(str(path)))
    head = text[: text.index(TITLES[0])]
    assert "下書き（未承認）" in head
    assert f"axis review approve {DRAFT_ID}" in head
    assert "承認済み" not in text


def test_english_banner() -> None:
    assert "DRAFT — not approved" in to_markdown(_view("draft"), lang="en")


@pytest.mark.parametrize(("fmt", "name"), [("md", "sla-7-v2.md"), ("docx", "sla-7-v2.docx")])
def test_directory_gets_kind_id_version_name_and_no_temp_files(
    out: Path, fmt: str, name: str
) -> None:
    path = export(_view(), fmt, out)  # type: ignore[arg-type]

    assert path == out / name
    assert [p.name for p in out.iterdir()] == [name]


def test_missing_parent_folder_is_an_error(out: Path) -> None:
    with pytest.raises(AxisError, match="does not exist"):
        export(_view(), "md", out / "nope" / "sla.md")
    assert list(out.iterdir()) == []


def test_unknown_format_names_the_formats(out: Path) -> None:
    with pytest.raises(AxisError, match="md, docx"):
        export(_view(), "pdf", out)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "expected"), [(OSError("disk full"), AxisError), (RuntimeError("boom"), RuntimeError)]
)
def test_failed_save_leaves_no_file_behind(
    out: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, expected: type[Exception]
) -> None:
    existing = out / "sla.docx"
    existing.write_bytes(b"previous export")

    def broken_save(self: object, path: object) -> None:
        Path(str(path)).write_bytes(b"half")
        raise error

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    with pytest.raises(expected, match=str(error)):
        export(_view(), "docx", existing)
    with pytest.raises(expected):
        export(_view(), "docx", out / "new.docx")

    assert [p.name for p in out.iterdir()] == ["sla.docx"]
    assert existing.read_bytes() == b"previous export"
