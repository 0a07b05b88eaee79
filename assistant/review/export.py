"""A reviewed draft as a document someone outside Axis can read: Markdown or Word (DOCX).

An export is what leaves the review loop, so it carries the review with it: who approved which
version and when, the data snapshot the version was built from, every citation and computed
fact behind the numbers, the warnings still open and the override comments that let the
approval through.  An unapproved draft is refused unless the caller allows it, and then every
page says so in a banner — a document that looks approved but is not is the failure to avoid.

Both formats are built from the same pieces (metadata pairs, section blocks, labels), so they
cannot drift apart.  Files are written to a temporary file beside the target and moved into
place with ``os.replace``: a failed export leaves neither a half-written document nor debris.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from assistant.drafts.models import Draft, Section
from assistant.errors import AxisError
from assistant.review.models import ReviewView

ExportFormat = Literal["md", "docx"]
FORMATS: tuple[ExportFormat, ...] = ("md", "docx")
EAST_ASIAN_FONT = "Noto Sans CJK JP"
_FONT_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3")

_KINDS = {
    "positioning": ("ポジショニング", "Positioning"),
    "messaging": ("訴求軸メッセージ", "Messaging"),
    "sla": ("マーケティング・営業SLA", "Marketing–sales SLA"),
    "improvement-plan": ("改善計画", "Improvement plan"),
    "content-brief": ("コンテンツブリーフ", "Content brief"),
}
_STATUSES = {
    "draft": ("下書き", "draft"),
    "in_review": ("レビュー中", "in review"),
    "changes_requested": ("修正依頼中", "changes requested"),
    "approved": ("承認済み", "approved"),
    "archived": ("アーカイブ済み", "archived"),
}
_REASONS = {
    "generated": ("生成", "generated"),
    "edited": ("編集", "edited"),
    "regenerated": ("再生成", "regenerated"),
}
_ACTIONS = {
    "create": ("作成", "created"),
    "generated": ("生成", "generated"),
    "edited": ("編集", "edited"),
    "regenerated": ("再生成", "regenerated"),
    "reopen": ("再オープン", "reopened"),
    "comment": ("コメント", "commented"),
    "assessment": ("評価", "assessed"),
    "override": ("警告のオーバーライド", "overrode warnings"),
    "approval": ("承認コメント", "approval comment"),
    "submit": ("レビュー依頼", "submitted"),
    "request_changes": ("修正依頼", "requested changes"),
    "approve": ("承認", "approved"),
    "archive": ("アーカイブ", "archived"),
}
_SECTION_MARKERS = {
    "gap": (
        ("要確認：根拠なし", "Gap: no evidence"),
        (
            "社内資料に根拠が見つからなかった項目です。事実を確かめてから使ってください。",
            "No evidence for this section was found in the workspace; check the facts first.",
        ),
    ),
    "proposal": (
        ("提案", "Proposal"),
        (
            "資料にある事実ではなく、Axisからの提案です。採用するかを判断してください。",
            "A suggestion, not a fact from your documents; decide whether to adopt it.",
        ),
    ),
    "unknown": (
        ("要確認：不明", "Unknown: to be confirmed"),
        (
            "手元のデータからは判断できなかった項目です。",
            "The data at hand could not settle this section.",
        ),
    ),
}
_WARNINGS = {
    "unverified_number": ("根拠のない数値", "Unverified number"),
    "bad_citation": ("引用の不一致", "Bad citation"),
    "unknown_ref": ("不明な参照", "Unknown reference"),
    "injection": ("指示の混入の疑い", "Possible prompt injection"),
    "no_evidence": ("根拠なし", "No evidence"),
    "gap": ("不足", "Gap"),
    "assumption": ("仮定", "Assumption"),
    "brand_voice": ("ブランドボイス", "Brand voice"),
}


@dataclass(frozen=True)
class _Lang:
    """Picks the ja or en wording; every label of an export goes through it."""

    ja: bool

    def __call__(self, ja: str, en: str) -> str:
        return ja if self.ja else en

    def pick(self, table: dict[str, tuple[str, str]], key: str) -> str:
        return self(*table[key]) if key in table else key


# -- public API ---------------------------------------------------------------------------
def to_markdown(view: ReviewView, *, lang: str | None = None) -> str:
    """The export as Markdown text (the draft's language unless ``lang`` says otherwise)."""
    t = _lang(view, lang)
    draft = view.version.draft
    out = [f"# {draft.title}", ""]
    banner = _banner(view, t)
    if banner:
        out += [f"> **{banner[0]}** — {banner[1]}", ""]
    out += [f"- **{label}**: {value}" for label, value in _metadata(view, t)] + [""]
    if draft.notice:
        out += [f"> **{t('注記', 'Notice')}**: {draft.notice}", ""]
    for section in draft.sections:
        out += _md_section(section, t)
    out += _md_sources(draft, t)
    out += _md_review(view, t)
    return "\n".join(out).rstrip() + "\n"


def to_docx(view: ReviewView, path: Path, *, lang: str | None = None) -> Path:
    """Write the export as a Word document at ``path`` (or ``<dir>/<kind>-<id>-v<n>.docx``)."""
    target = output_path(view, path, "docx")
    document = _build_docx(view, _lang(view, lang))
    return _write_atomic(target, document.save)


def export(
    view: ReviewView,
    fmt: ExportFormat,
    path: Path,
    *,
    allow_unapproved: bool = False,
) -> Path:
    """Export an approved draft; an unapproved one only when allowed, and then bannered."""
    if fmt not in FORMATS:
        raise AxisError(f"Unknown export format '{fmt}' — use one of: {', '.join(FORMATS)}")
    if not _approved(view) and not allow_unapproved:
        # Imported here: the store is the review package's hub and may come to import this.
        from assistant.review.store import ReviewError

        raise ReviewError(_refusal(view))
    target = output_path(view, Path(path), fmt)
    if fmt == "docx":
        return to_docx(view, target)
    text = to_markdown(view)
    return _write_atomic(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def output_path(view: ReviewView, path: Path, fmt: str) -> Path:
    """``path`` itself, or ``<kind>-<id>-v<version>.<fmt>`` inside it when it is a folder."""
    path = Path(path)
    if path.is_dir():
        record = view.record
        return path / f"{record.kind}-{record.id}-v{view.version.number}.{fmt}"
    _require_folder(path)
    return path


def _require_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise AxisError(
            f"Cannot export to {path}: the folder {path.parent} does not exist — "
            "create it first or choose another output path"
        )


# -- shared pieces ------------------------------------------------------------------------
def _lang(view: ReviewView, lang: str | None) -> _Lang:
    return _Lang(ja=(lang or view.version.draft.lang) == "ja")


def _approved(view: ReviewView) -> bool:
    """Approved *and* showing the version that was approved (an older one was not)."""
    record = view.record
    return record.status == "approved" and view.version.number == record.current_version


def _refusal(view: ReviewView) -> str:
    record = view.record
    draft_id = record.id
    if record.status == "approved":
        return (
            f"Draft {draft_id} version {view.version.number} is not the approved version "
            f"(v{record.current_version}) — export the current version, or allow an "
            "unapproved export (--unapproved) to get this one marked as a draft"
        )
    steps = f"approve it first: axis review approve {draft_id}"
    if record.status == "changes_requested":
        steps = (
            f"it needs a new version first: axis review regenerate {draft_id}, "
            f"axis review submit {draft_id}, then axis review approve {draft_id}"
        )
    elif record.status == "archived":
        steps = f"it is archived and can no longer be approved (axis review approve {draft_id})"
    return (
        f"Draft {draft_id} is '{record.status}', not approved — {steps}; or allow an "
        "unapproved export (--unapproved), which marks every copy as a draft"
    )


def _banner(view: ReviewView, t: _Lang) -> tuple[str, str] | None:
    if _approved(view):
        return None
    status = t.pick(_STATUSES, view.record.status)
    return (
        t("下書き（未承認）", "DRAFT — not approved"),
        t(
            f"この文書は承認されていません（状態：{status}）。"
            f"承認するには axis review approve {view.record.id} を実行してください。",
            f"This document has not been approved (status: {status}). "
            f"To approve it run: axis review approve {view.record.id}",
        ),
    )


def _when(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} {moment:%Z}".strip()


def _metadata(view: ReviewView, t: _Lang) -> list[tuple[str, str]]:
    """(label, value) pairs for the block under the title, in reading order."""
    record, version, draft = view.record, view.version, view.version.draft
    kind = t.pick(_KINDS, draft.kind)
    reason = t.pick(_REASONS, version.reason)
    pairs = [
        (t("種類", "Kind"), f"{kind} ({draft.kind})"),
        (t("下書きID", "Draft ID"), str(record.id)),
        (
            t("版", "Version"),
            t(
                f"v{version.number}（{reason}・{version.author}・{_when(version.created_at)}）",
                f"v{version.number} ({reason} by {version.author}, {_when(version.created_at)})",
            ),
        ),
        (t("状態", "Status"), t.pick(_STATUSES, record.status)),
        (t("作成方法", "Mode"), _mode(draft.mode, t)),
    ]
    if draft.persona or record.persona:
        pairs.append((t("ペルソナ", "Persona"), str(draft.persona or record.persona)))
    if draft.axis or record.axis:
        pairs.append((t("訴求軸", "Axis"), str(draft.axis or record.axis)))
    pairs.append((t("作成者", "Created by"), f"{record.created_by} ({_when(record.created_at)})"))
    approval = view.approval if _approved(view) else None
    approved = (
        f"{approval.actor} ({_when(approval.at)})" if approval else t("未承認", "not approved")
    )
    pairs.append((t("承認", "Approved by"), approved))
    pairs.append((t("元データ", "Data snapshot"), _snapshot(view, t)))
    return pairs


def _mode(mode: str, t: _Lang) -> str:
    if mode == "offline":
        return t(
            "LLMなしで作成（テンプレートと社内資料の引用・計算値）",
            "composed without an LLM (templates, quoted evidence and computed numbers)",
        )
    return t(f"LLMで作成（{mode}）", f"written with an LLM ({mode})")


def _snapshot(view: ReviewView, t: _Lang) -> str:
    snap = view.version.snapshot
    docs = len(snap.documents)
    months = sorted(snap.kpi_months)
    if months:
        kpi = t(
            f"KPI {months[0]}〜{months[-1]}（{len(months)}か月）",
            f"KPI {months[0]} to {months[-1]} ({len(months)} months)",
        )
    else:
        kpi = t("KPIデータなし", "no KPI months")
    return t(
        f"文書 {docs}件、{kpi}、営業フィードバック {snap.feedback_notes}件",
        f"{docs} documents, {kpi}, {snap.feedback_notes} feedback notes",
    )


def _marker(section: Section, t: _Lang) -> tuple[str, str] | None:
    if section.status not in _SECTION_MARKERS:
        return None
    label, note = _SECTION_MARKERS[section.status]
    return t(*label), t(*note)


def _section_titles(draft: Draft) -> dict[str, str]:
    return {s.key: s.title for s in draft.sections}


def _warning_line(view: ReviewView, index: int, t: _Lang) -> tuple[str, str]:
    """(label, text) of one remaining warning, its section named by title."""
    warning = view.version.draft.warnings[index]
    label = t.pick(_WARNINGS, warning.code)
    where = _section_titles(view.version.draft).get(warning.section or "", warning.section)
    text = warning.message + (t(f"（{where}）", f" ({where})") if where else "")
    if warning.detail:
        text += f" — {warning.detail}"
    return label, text


def _history_rows(view: ReviewView, t: _Lang) -> list[list[str]]:
    return [
        [
            _when(e.at),
            e.actor,
            t.pick(_ACTIONS, e.action),
            f"v{e.version}" if e.version is not None else "",
            e.detail,
        ]
        for e in view.events
    ]


def _history_header(t: _Lang) -> list[str]:
    return [
        t("日時", "Time"),
        t("担当者", "Actor"),
        t("操作", "Action"),
        t("版", "Version"),
        t("詳細", "Detail"),
    ]


def _fact_rows(draft: Draft) -> list[list[str]]:
    return [[f.id, f.label, f.display, f.source] for f in draft.facts]


def _fact_header(t: _Lang) -> list[str]:
    return ["ID", t("項目", "Label"), t("値", "Value"), t("出典", "Source")]


# -- Markdown -----------------------------------------------------------------------------
def _md_section(section: Section, t: _Lang) -> list[str]:
    out = [f"## {section.title}", ""]
    marker = _marker(section, t)
    if marker:
        out += [f"> **{marker[0]}** — {marker[1]}", ""]
    out += [section.body.strip(), ""]
    return out


def _md_quote(text: str, indent: str = "") -> list[str]:
    return [f"{indent}> {line}".rstrip() for line in text.splitlines() or [""]]


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |"]
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_sources(draft: Draft, t: _Lang) -> list[str]:
    out = [f"## {t('出典', 'Sources')}", "", f"### {t('引用', 'Citations')}", ""]
    if not draft.citations:
        out += [t("引用はありません。", "No citations."), ""]
    for c in draft.citations:
        out += [f"- **[{c.ref}]** {c.source}", *_md_quote(c.quote, "  ")]
    out += ["", f"### {t('計算値', 'Computed facts')}", ""]
    if draft.facts:
        out += _md_table(_fact_header(t), _fact_rows(draft))
    else:
        out += [t("計算値はありません。", "No computed facts."), ""]
    return out


def _md_review(view: ReviewView, t: _Lang) -> list[str]:
    draft = view.version.draft
    out = [f"## {t('レビュー記録', 'Review record')}", ""]
    out += [f"### {t('残っている警告', 'Remaining warnings')}", ""]
    for i in range(len(draft.warnings)):
        label, text = _warning_line(view, i, t)
        out.append(f"- **{label}**: {text}")
    if not draft.warnings:
        out.append(t("警告はありません。", "No warnings."))
    out += ["", f"### {t('オーバーライドのコメント', 'Override comments')}", ""]
    for c in view.overrides:
        out += [f"- **{c.author}** ({_when(c.created_at)}, v{c.version})", *_md_quote(c.text, "  ")]
    if not view.overrides:
        out.append(t("オーバーライドはありません。", "No overrides."))
    out += ["", f"### {t('履歴', 'History')}", ""]
    out += _md_table(_history_header(t), _history_rows(view, t))
    return out


# -- body blocks (shared by DOCX) ---------------------------------------------------------
_BULLET = re.compile(r"^(\s*)[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)\d+[.)]\s+(.*)$")
_LIST_ITEMS: tuple[tuple[Literal["bullet", "number"], re.Pattern[str]], ...] = (
    ("bullet", _BULLET),
    ("number", _NUMBERED),
)
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class _Block:
    """One paragraph, list item, table or heading of a section body."""

    kind: Literal["para", "bullet", "number", "table", "heading"]
    lines: list[str] = field(default_factory=list)
    level: int = 1


def _classify(line: str) -> _Block | None:
    stripped = line.strip()
    if not stripped:
        return None
    if stripped.startswith("|"):
        return _Block("table", [stripped])
    for kind, pattern in _LIST_ITEMS:
        match = pattern.match(line)
        if match:
            level = 2 if len(match.group(1).expandtabs(4)) >= 2 else 1
            return _Block(kind, [match.group(2)], level)
    heading = _HEADING.match(stripped)
    if heading:
        return _Block("heading", [heading.group(1)])
    return _Block("para", [stripped])


def _blocks(body: str) -> list[_Block]:
    """Split light Markdown into blocks; a blank line ends a paragraph or table."""
    blocks: list[_Block] = []
    joinable = False
    for line in body.splitlines():
        block = _classify(line)
        if block is None:
            joinable = False
            continue
        last = blocks[-1] if blocks else None
        if joinable and last and last.kind == block.kind and block.kind in ("para", "table"):
            last.lines += block.lines
        else:
            blocks.append(block)
        joinable = True
    return blocks


def _cells(row: str) -> list[str]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(inner)]


def _table_rows(block: _Block) -> list[list[str]]:
    rows = [_cells(line) for line in block.lines if not _RULE.match(line)]
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _runs(text: str) -> list[tuple[str, bool]]:
    """(text, bold) pieces: ``**x**`` becomes a bold run; ref markers stay plain text."""
    parts = _BOLD.split(text)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


# -- DOCX ---------------------------------------------------------------------------------
def _build_docx(view: ReviewView, t: _Lang) -> DocxDocument:
    draft = view.version.draft
    document = docx.Document()
    _east_asian_fonts(document)
    document.core_properties.title = draft.title
    document.core_properties.author = view.record.created_by
    document.core_properties.language = t("ja-JP", "en-US")
    document.add_heading(draft.title, level=0)
    banner = _banner(view, t)
    if banner:
        _docx_alert(document, *banner)
    _docx_table(document, [], [[f"**{k}**", v] for k, v in _metadata(view, t)])
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
    for piece, bold in _runs(text):
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


def _docx_block(document: DocxDocument, block: _Block) -> None:
    if block.kind == "table":
        rows = _table_rows(block)
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


def _docx_section(document: DocxDocument, section: Section, t: _Lang) -> None:
    document.add_heading(section.title, level=1)
    marker = _marker(section, t)
    if marker:
        _docx_alert(document, f"【{marker[0]}】", marker[1])
    for block in _blocks(section.body):
        _docx_block(document, block)


def _docx_sources(document: DocxDocument, draft: Draft, t: _Lang) -> None:
    document.add_heading(t("出典", "Sources"), level=1)
    document.add_heading(t("引用", "Citations"), level=2)
    if not draft.citations:
        document.add_paragraph(t("引用はありません。", "No citations."))
    for c in draft.citations:
        _docx_runs(document.add_paragraph(), f"**[{c.ref}]** {c.source}")
        document.add_paragraph(c.quote, style="Quote")
    document.add_heading(t("計算値", "Computed facts"), level=2)
    if draft.facts:
        _docx_table(document, _fact_header(t), _fact_rows(draft))
    else:
        document.add_paragraph(t("計算値はありません。", "No computed facts."))


def _docx_review(document: DocxDocument, view: ReviewView, t: _Lang) -> None:
    draft = view.version.draft
    document.add_heading(t("レビュー記録", "Review record"), level=1)
    document.add_heading(t("残っている警告", "Remaining warnings"), level=2)
    for i in range(len(draft.warnings)):
        label, text = _warning_line(view, i, t)
        _docx_runs(document.add_paragraph(style="List Bullet"), f"**{label}**: {text}")
    if not draft.warnings:
        document.add_paragraph(t("警告はありません。", "No warnings."))
    document.add_heading(t("オーバーライドのコメント", "Override comments"), level=2)
    for c in view.overrides:
        byline = f"**{c.author}** ({_when(c.created_at)}, v{c.version})"
        _docx_runs(document.add_paragraph(), byline)
        document.add_paragraph(c.text, style="Quote")
    if not view.overrides:
        document.add_paragraph(t("オーバーライドはありません。", "No overrides."))
    document.add_heading(t("履歴", "History"), level=2)
    _docx_table(document, _history_header(t), _history_rows(view, t))


# -- files --------------------------------------------------------------------------------
def _write_atomic(target: Path, write: Callable[[str], object]) -> Path:
    """Write through a temporary file beside ``target``; on any failure remove it."""
    _require_folder(target)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        os.close(fd)
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise AxisError(
            f"Cannot write {target}: {exc} — check that the folder is writable and has space"
        ) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        Path(tmp).unlink(missing_ok=True)
