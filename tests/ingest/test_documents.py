"""Word, PowerPoint, PDF and HTML read into structure, and the files Axis must refuse by name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation
from pptx.util import Inches

from assistant.errors import IngestError
from assistant.ingest.documents import read_document
from assistant.ingest.loaders import load_bytes

DOCS = Path(__file__).parent / "data" / "docs"


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("経理部長ペルソナ", level=1)
    document.add_paragraph("中堅製造業の経理部長。月次決算の早期化を任されている。")
    document.add_heading("日々のモヤモヤ", level=2)
    document.add_paragraph("紙の請求書の回覧に時間がかかる", style="List Bullet")
    document.add_paragraph("電帳法への対応が難しい", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "項目", "内容"
    table.cell(1, 0).text, table.cell(1, 1).text = "決裁者", "CFO"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pptx(slides: int = 2) -> bytes:
    deck = Presentation()
    for n in range(slides):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = f"製品の強み {n + 1}"
        slide.placeholders[1].text_frame.text = "請求書の受け取りを自動化"
        slide.notes_slide.notes_text_frame.text = "導入は最短3週間と口頭で伝える"
    shape = deck.slides[0].shapes.add_table(2, 2, Inches(1), Inches(4), Inches(6), Inches(1))
    for (r, c), text in {(0, 0): "プラン", (0, 1): "月額", (1, 0): "標準", (1, 1): "8万円"}.items():
        shape.table.cell(r, c).text = text
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def test_word_keeps_headings_lists_and_tables_in_order() -> None:
    parsed = read_document(_docx(), suffix=".docx", source="persona.docx")
    text = parsed.text()
    assert parsed.title == "経理部長ペルソナ"
    assert (
        text.index("## 日々のモヤモヤ") < text.index("- 紙の請求書の回覧") < text.index("| 決裁者")
    )
    assert "| 項目 | 内容 |" in text and "- 電帳法への対応が難しい" in text


def test_powerpoint_is_one_part_per_slide_with_its_notes_and_tables() -> None:
    parsed = read_document(_pptx(), suffix=".pptx", source="deck.pptx")
    assert [p.label for p in parsed.parts] == ["slide 1", "slide 2"]
    first = parsed.parts[0].markdown()
    assert first.startswith("## 製品の強み 1")
    assert "ノート: 導入は最短3週間と口頭で伝える" in first
    assert "| 標準 | 8万円 |" in first


def test_pdf_pages_become_parts_with_headings_lists_and_tables() -> None:
    parsed = read_document((DOCS / "brochure.pdf").read_bytes(), suffix=".pdf", source="b.pdf")
    assert [p.page for p in parsed.parts] == [1, 2]
    first, second = (p.markdown() for p in parsed.parts)
    assert first.split("\n")[0].lstrip("#").strip() == "サンプル製品 パンフレット"
    assert first.startswith("#")  # set in larger type: a heading
    assert "| スタンダード | 8万円 |" in first
    assert "- 導入企業は1,240社（2026年3月時点）" in second


def test_a_loaded_pdf_chunk_remembers_its_page(tmp_path: Path) -> None:
    loaded = load_bytes((DOCS / "brochure.pdf").read_bytes(), filename="b.pdf", source="b.pdf")
    assert [u.metadata["page"] for u in loaded.units] == [1, 2]
    assert loaded.kind == "product" and "title:製品" in loaded.kind_basis


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("locked.pdf", r"locked\.pdf: is password-protected — save a copy without a password"),
        ("scan.pdf", r"scan\.pdf: has no text layer \(it looks like a scan"),
        ("truncated.pdf", r"truncated\.pdf: cannot be read as a PDF .* damaged or cut short"),
    ],
)
def test_pdfs_that_cannot_be_read_are_refused_by_name(name: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        load_bytes((DOCS / name).read_bytes(), filename=name, source=name)


def test_a_docx_that_is_really_a_zip_of_pictures_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo1.png", b"\x89PNG fake")
    with pytest.raises(IngestError, match=r"old\.docx: is a ZIP file but not a Word document"):
        load_bytes(buffer.getvalue(), filename="old.docx", source="old.docx")
    with pytest.raises(IngestError, match=r"x\.pptx: is not a PowerPoint deck"):
        load_bytes(b"not a zip at all", filename="x.pptx", source="x.pptx")


def test_html_keeps_the_content_and_drops_navigation() -> None:
    page = """<html><head><title>会社概要 | ポータル</title><script>var x=1;</script></head>
    <body><nav><a>ホーム</a><a>ログアウト</a></nav><main><h1>会社概要</h1>
    <p>設立は2012年、従業員は120名です。</p><ul><li>本社：東京</li><li>拠点：大阪</li></ul>
    <table><tr><th>項目</th><th>内容</th></tr><tr><td>資本金</td><td>1億円</td></tr></table>
    </main><footer>© 2026</footer></body></html>"""
    parsed = read_document(page.encode("utf-8"), suffix=".html", source="about.html")
    text = parsed.text()
    assert parsed.title == "会社概要"
    assert "ログアウト" not in text and "var x" not in text and "© 2026" not in text
    assert "- 本社：東京" in text and "| 資本金 | 1億円 |" in text


def test_a_500_slide_deck_is_read_within_bounds() -> None:
    import time

    data = _pptx(500)
    started = time.perf_counter()
    parsed = read_document(data, suffix=".pptx", source="big.pptx")
    assert len(parsed.parts) == 500
    assert time.perf_counter() - started < 60


def test_search_and_citations_name_the_page(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from assistant.cli import app
    from assistant.domain.grounding import cite_label

    runner = CliRunner()
    pdf = tmp_path / "パンフレット.pdf"
    pdf.write_bytes((DOCS / "brochure.pdf").read_bytes())
    assert runner.invoke(app, ["ingest", str(pdf), "--json"]).exit_code == 0
    found = json.loads(runner.invoke(app, ["search", "導入企業は何社", "--json"]).stdout)
    top = found["results"][0]
    assert top["location"] == "p.2" and "1,240社" in top["text"]
    assert cite_label(top["source"], top["location"]) == "パンフレット.pdf p.2"
    assert cite_label("deck.pptx", "slide 4") == "deck.pptx スライド4"
    assert cite_label("deck.pptx", "slide 4", "en") == "deck.pptx slide 4"
