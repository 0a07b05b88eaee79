"""An export as a Word document: the same pieces as Markdown, laid out with python-docx.

Section bodies go through ``export_blocks`` so lists, tables and bold survive; a Japanese font
is named for East Asian text so the document does not fall back to a Latin-only face.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from assistant.domain.grounding import cite_label
from assistant.drafts.models import Draft, Section
from assistant.review.export.blocks import Block, blocks, runs, table_rows
from assistant.review.export.content import (
    Lang,
    banner,
    fact_header,
    fact_rows,
    history_header,
    history_rows,
    marker,
    metadata,
    warning_line,
    when,
)
from assistant.review.models import ReviewView

EAST_ASIAN_FONT = "Noto Sans CJK JP"
_FONT_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3")


def build_docx(view: ReviewView, t: Lang) -> DocxDocument:
    draft = view.version.draft
    document = docx.Document()
    _east_asian_fonts(document)
    document.core_properties.title = draft.title
    document.core_properties.author = view.record.created_by
    document.core_properties.language = t("ja-JP", "en-US")
    document.add_heading(draft.title, level=0)
    alert = banner(view, t)
    if alert:
        _docx_alert(document, *alert)
    _docx_table(document, [], [[f"**{k}**", v] for k, v in metadata(view, t)])
    if draft.notice:
        paragraph = document.add_paragraph(style="Quote")
        _docx_runs(paragraph, f"**{t('注記', 'Notice')}**: ")
        paragraph.add_run(draft.notice)
    for section in draft.sections:
        _docx_section(document, section, t)
    _docx_sources(document, draft, t)
    _docx_review(document, view, t)
    return document


def _east_asian_fonts(document: DocxDocument) -> None:
    """Name a Japanese font for East Asian text; Word falls back if it is not installed.

    The default template points East Asian text at a theme font, which takes precedence over a
    named one, so the theme attribute goes where the named font is set.
    """
    rprs = [document.styles[name].element.get_or_add_rPr() for name in _FONT_STYLES]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rprs += defaults.findall(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for rpr in rprs:
        fonts = rpr.get_or_add_rFonts()
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "ja-JP")


def _docx_runs(paragraph: Paragraph, text: str) -> None:
    for piece, bold in runs(text):
        paragraph.add_run(piece).bold = bold or None


def _docx_alert(document: DocxDocument, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(label)
    run.bold = True
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    paragraph.add_run(f" — {text}")


def _docx_table(
    document: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """A "Table Grid" table; a header row, when given, is bold."""
    all_rows = [[f"**{h}**" if h else "" for h in header]] if header else []
    all_rows += [list(r) for r in rows]
    if not all_rows:
        return
    table = document.add_table(rows=len(all_rows), cols=len(all_rows[0]))
    table.style = document.styles["Table Grid"]
    for r, values in enumerate(all_rows):
        for c, value in enumerate(values):
            _docx_runs(table.cell(r, c).paragraphs[0], value)


def _docx_block(document: DocxDocument, block: Block) -> None:
    if block.kind == "table":
        rows = table_rows(block)
        has_header = len(rows) > 1 and len(rows) < len(block.lines)  # a |---| rule was there
        _docx_table(document, rows[0] if has_header else [], rows[1:] if has_header else rows)
    elif block.kind == "heading":
        document.add_heading(block.lines[0], level=3)
    elif block.kind in ("bullet", "number"):
        style = "List Bullet" if block.kind == "bullet" else "List Number"
        style += " 2" if block.level == 2 else ""
        _docx_runs(document.add_paragraph(style=style), block.lines[0])
    else:
        paragraph = document.add_paragraph()
        for i, line in enumerate(block.lines):
            if i:
                paragraph.add_run().add_break()
            _docx_runs(paragraph, line)


def _docx_section(document: DocxDocument, section: Section, t: Lang) -> None:
    document.add_heading(section.title, level=1)
    mark = marker(section, t)
    if mark:
        _docx_alert(document, f"【{mark[0]}】", mark[1])
    for block in blocks(section.body):
        _docx_block(document, block)


def _docx_sources(document: DocxDocument, draft: Draft, t: Lang) -> None:
    document.add_heading(t("出典", "Sources"), level=1)
    document.add_heading(t("引用", "Citations"), level=2)
    if not draft.citations:
        document.add_paragraph(t("引用はありません。", "No citations."))
    for c in draft.citations:
        place = cite_label(c.source, c.location, t("ja", "en"))
        _docx_runs(document.add_paragraph(), f"**[{c.ref}]** {place}")
        document.add_paragraph(c.quote, style="Quote")
    document.add_heading(t("計算値", "Computed facts"), level=2)
    if draft.facts:
        _docx_table(document, fact_header(t), fact_rows(draft))
    else:
        document.add_paragraph(t("計算値はありません。", "No computed facts."))


def _docx_review(document: DocxDocument, view: ReviewView, t: Lang) -> None:
    draft = view.version.draft
    document.add_heading(t("レビュー記録", "Review record"), level=1)
    document.add_heading(t("残っている警告", "Remaining warnings"), level=2)
    for i in range(len(draft.warnings)):
        label, text = warning_line(view, i, t)
        _docx_runs(document.add_paragraph(style="List Bullet"), f"**{label}**: {text}")
    if not draft.warnings:
        document.add_paragraph(t("警告はありません。", "No warnings."))
    document.add_heading(t("オーバーライドのコメント", "Override comments"), level=2)
    for c in view.overrides:
        byline = f"**{c.author}** ({when(c.created_at)}, v{c.version})"
        _docx_runs(document.add_paragraph(), byline)
        document.add_paragraph(c.text, style="Quote")
    if not view.overrides:
        document.add_paragraph(t("オーバーライドはありません。", "No overrides."))
    document.add_heading(t("履歴", "History"), level=2)
    _docx_table(document, history_header(t), history_rows(view, t))
