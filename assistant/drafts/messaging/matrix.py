"""The 訴求軸 messaging matrix: personas × message axes, every cell a cited message or a gap.

A cell pairs what the persona says (a challenge, goal or objection line that speaks to the
axis) with what the company can show for it (a product statement — for ROI its 導入効果
figures, for differentiation the competitor notes' 弱み / 勝ちパターン / 営業での伝え方).  The
pair is the one sharing the most content words, and the message is a template around the two
verbatim quotes, so nothing in it is invented.  A cell is "ok" only when both sides exist;
otherwise it is a gap that says which evidence is missing, and carries no message.  Each cell
also counts the sales notes that support it (the rule is in ``assistant.drafts.axes``) as a
computed fact, and quotes a few of them.

Finding a cell's evidence is ``messaging.evidence``; citing it into a ``Cell`` is
``messaging.cells``; this module picks the rows and columns, orders the axes and renders.

Request: ``persona`` limits the rows to one persona, ``axis`` (or ``options["axes"]``,
comma-separated) limits the columns; by default the columns are ``offered_axes``.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.domain.grounding import Claim
from assistant.drafts.axes import (
    SURVEY,
    MessageAxis,
    offered_axes,
    persona_lines,
    resolve_axes,
    resolve_axis,
)
from assistant.drafts.claims import bullets, section
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import PersonaProfile, refs_text
from assistant.drafts.messaging.cells import Cell, cell_payload, notes_display
from assistant.drafts.messaging.evidence import gather
from assistant.drafts.models import Section
from assistant.errors import NotFoundError


class AxisPriority(BaseModel):
    axis: str
    reason: Claim


class Messaging(BaseModel):
    priorities: list[AxisPriority]
    cells: list[Cell]


PAYLOAD = Messaging


def selected_personas(ctx: DraftContext) -> list[PersonaProfile]:
    if ctx.request.persona:
        return [ctx.corpus.persona(ctx.request.persona)]
    if not ctx.corpus.personas:
        raise NotFoundError(
            "No personas in this workspace — ingest persona files (YAML/JSON/Markdown with "
            "kind: persona), e.g. `axis ingest knowledge/personas`"
        )
    return ctx.corpus.personas


def selected_axes(ctx: DraftContext) -> list[MessageAxis]:
    if ctx.request.axis:
        return [resolve_axis(ctx.request.axis)]
    if ctx.request.options.get("axes"):
        return resolve_axes([ctx.request.options["axes"]])
    return offered_axes(ctx.corpus.feedback_notes, ctx.corpus.personas)


def priorities(ctx: DraftContext, axes: list[MessageAxis]) -> list[AxisPriority]:
    """Why the axes come in this order: the survey for the core ones, evidence for extras."""
    refs = SURVEY.register(ctx.book, ctx.lang)
    out: list[AxisPriority] = []
    for axis in axes:
        if axis.id in SURVEY.shares:
            share = SURVEY.shares[axis.id][1]
            text = ctx.t(
                f"{axis.ja}: BtoBマーケティング担当者の{share}[{refs[axis.id]}]が重視"
                f"（VALUES調査 2024年、n={SURVEY.respondents}[{refs['n']}]）。調査の順位を既定の"
                "優先順位にしています。",
                f"{axis.en}: valued by {share} [{refs[axis.id]}] of B2B marketers (VALUES "
                f"survey, n={SURVEY.respondents} [{refs['n']}]); the survey's order is the "
                "default priority.",
            )
            out.append(AxisPriority(axis=axis.id, reason=Claim(text=text, refs=[refs[axis.id]])))
        else:
            out.append(AxisPriority(axis=axis.id, reason=_extra_reason(ctx, axis)))
    return out


def _extra_reason(ctx: DraftContext, axis: MessageAxis) -> Claim:
    notes = sum(1 for n in ctx.corpus.feedback_notes if axis.matches(n.note.text))
    lines = sum(len(persona_lines(p, axis)) for p in ctx.corpus.personas)
    f_notes = ctx.book.fact(
        f"messaging:axis-notes:{axis.id}",
        ctx.t(f"{axis.ja} に触れる営業メモ", f"sales notes on {axis.en}"),
        notes,
        "count",
        notes_display(ctx, notes),
        source=ctx.t("営業メモのキーワード照合", "keyword match over the sales notes"),
    )
    f_lines = ctx.book.fact(
        f"messaging:axis-lines:{axis.id}",
        ctx.t(f"{axis.ja} に触れるペルソナの記述", f"persona lines on {axis.en}"),
        lines,
        "count",
        ctx.t(f"{lines}行", f"{lines} lines"),
        source=ctx.t("ペルソナ資料のキーワード照合", "keyword match over the persona files"),
    )
    text = ctx.t(
        f"{axis.ja}: 調査の対象外の追加軸。営業メモ{notes}件[{f_notes}]・ペルソナの記述"
        f"{lines}行[{f_lines}]が触れているため提示します（中核の三軸の後に置いています）。",
        f"{axis.en}: an extra axis outside the survey, offered because {notes} sales notes "
        f"[{f_notes}] and {lines} persona lines [{f_lines}] raise it (placed after the three "
        "core axes).",
    )
    return Claim(text=text, refs=[f_notes, f_lines])


def compose(ctx: DraftContext) -> Messaging:
    personas = selected_personas(ctx)
    axes = selected_axes(ctx)
    prio = priorities(ctx, axes)
    cells: list[Cell] = []
    for persona in personas:
        for axis in axes:
            cell = cell_payload(ctx, gather(ctx.corpus, persona, axis))
            if cell.status == "gap":
                ctx.warn(
                    "gap",
                    f"{persona.name} × {axis.name(ctx.lang)}: {cell.missing}",
                    section=cell_key(persona.slug, axis.id),
                )
            cells.append(cell)
    return Messaging(priorities=prio, cells=cells)


# -- render -----------------------------------------------------------------------------
def cell_key(persona_slug: str, axis_id: str) -> str:
    return f"cell:{persona_slug}:{axis_id}"


def _axis_name(axis_id: str, ctx: DraftContext) -> str:
    try:
        return resolve_axis(axis_id).name(ctx.lang)
    except NotFoundError:
        return axis_id


def _cell_body(cell: Cell, ctx: DraftContext) -> str:
    parts: list[str] = []
    if cell.message:
        parts.append(f"**{ctx.t('メッセージ', 'Message')}**: {cell.message.text}")
    else:
        parts.append(f"**{ctx.t('ギャップ（根拠不足）', 'Gap (no evidence)')}**: {cell.missing}")
    blocks = (
        (ctx.t("ペルソナの声", "What the persona says"), cell.needs),
        (ctx.t("根拠（製品・競合資料）", "Proof points (product / competitor notes)"), cell.proof),
        (ctx.t("注意点", "Caveats"), cell.caveats),
    )
    for heading, claims in blocks:
        if claims:
            parts.append(f"**{heading}**\n{bullets(claims)}")
    parts.append(f"**{cell.support.text}**")
    if cell.feedback:
        parts.append(bullets(cell.feedback))
    return "\n\n".join(parts)


def _matrix(payload: Messaging, ctx: DraftContext) -> str:
    axes = list(dict.fromkeys(c.axis for c in payload.cells))
    header = "| " + ctx.t("ペルソナ", "Persona") + " | "
    header += " | ".join(_axis_name(a, ctx) for a in axes) + " |"
    rows = [header, "|" + "---|" * (len(axes) + 1)]
    for persona in dict.fromkeys(c.persona for c in payload.cells):
        cells = {c.axis: c for c in payload.cells if c.persona == persona}
        marks = []
        for a in axes:
            cell = cells.get(a)
            if cell is None:
                marks.append("")
                continue
            mark = "✓" if cell.status == "ok" else ctx.t("ギャップ", "gap")
            count = notes_display(ctx, cell.note_count)
            marks.append(f"{mark} {count}{refs_text(cell.support.refs)}")
        rows.append(f"| {persona} | " + " | ".join(marks) + " |")
    return "\n".join(rows)


def render(payload: Messaging, ctx: DraftContext) -> tuple[str, list[Section]]:
    title = ctx.t("訴求軸メッセージマトリクス", "Messaging matrix by persona and axis (訴求軸)")
    prio_refs = [r for p in payload.priorities for r in p.reason.refs]
    sections = [
        Section(
            key="priorities",
            title=ctx.t("訴求軸の優先順位", "Axis priorities"),
            body=bullets([p.reason for p in payload.priorities]),
            refs=prio_refs,
            status="proposal",
        ),
        Section(
            key="matrix",
            title=ctx.t("マトリクス一覧", "Matrix overview"),
            body=_matrix(payload, ctx),
            refs=[r for c in payload.cells for r in c.support.refs],
        ),
    ]
    for cell in payload.cells:
        sections.append(
            section(
                cell_key(cell.persona_slug, cell.axis),
                f"{cell.persona} × {_axis_name(cell.axis, ctx)}",
                _cell_body(cell, ctx),
                cell.status,
            )
        )
    sections.append(_gaps_section(payload, ctx))
    return title, sections


def _gaps_section(payload: Messaging, ctx: DraftContext) -> Section:
    gaps = [c for c in payload.cells if c.status == "gap"]
    if not gaps:
        body = ctx.t(
            "すべてのセルに、ペルソナの記述と製品・競合資料の裏付けがあります。",
            "Every cell has both a persona line and product/competitor evidence.",
        )
    else:
        body = "\n".join(f"- {c.persona} × {_axis_name(c.axis, ctx)}: {c.missing}" for c in gaps)
    return Section(
        key="gaps",
        title=ctx.t("ギャップ（根拠が足りないセル）", "Gaps (cells without evidence)"),
        body=body,
        status="gap" if gaps else "ok",
    )
