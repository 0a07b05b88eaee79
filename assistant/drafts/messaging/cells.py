"""One messaging cell, cited: the message, the quotes it rests on, or the gap it leaves.

The message is a template around two verbatim quotes (the persona's line and the company's
statement), so nothing in it is invented.  A cell is "ok" only when both sides exist;
otherwise it is a gap that says which evidence is missing, and carries no message.  Each cell
also counts its supporting sales notes as a computed fact and quotes up to
``FEEDBACK_QUOTES`` of them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.domain.grounding import Claim
from assistant.drafts.axes import MessageAxis
from assistant.drafts.claims import cited, cited_line
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Corpus, Line
from assistant.drafts.messaging.evidence import (
    COMPETITOR_HEADINGS,
    PROOF_POINTS,
    CellEvidence,
    Statement,
    note_quote,
    ranked_notes,
    ranked_proof,
)
from assistant.text.normalize import fold

FEEDBACK_QUOTES = 3


class Cell(BaseModel):
    persona: str
    persona_slug: str
    axis: str
    status: Literal["ok", "gap"]
    message: Claim | None = Field(default=None, description="None for a gap: never invented.")
    needs: list[Claim] = Field(default_factory=list, description="The persona's own lines.")
    proof: list[Claim] = Field(default_factory=list, description="Product/competitor quotes.")
    caveats: list[Claim] = Field(default_factory=list)
    support: Claim = Field(description="How many sales notes support the cell, with its fact.")
    note_count: int
    feedback: list[Claim] = Field(default_factory=list, description="Quoted sales notes.")
    missing: str = ""


def product_name(corpus: Corpus) -> str | None:
    """「ケイリクラウド 製品概要・料金」→ ケイリクラウド: what the messages name."""
    products = corpus.of_kind("product")
    return products[0].title.split()[0] if products and products[0].title.split() else None


def _source_label(ctx: DraftContext, st: Statement) -> str:
    if st.competitor:
        heading = next((h for h in COMPETITOR_HEADINGS if h in fold(st.heading)), "")
        part = heading if ctx.ja() else COMPETITOR_HEADINGS.get(heading, heading)
        return f"{st.competitor}の{part}" if ctx.ja() else f"{st.competitor} ({part})"
    return product_name(ctx.corpus) or ctx.t("製品資料", "the product notes")


def message_claim(ctx: DraftContext, axis: MessageAxis, need: Line, st: Statement) -> Claim:
    """The cell's message: a template around two verbatim quotes, both cited."""
    a = ctx.book.cite_line(need)
    b = ctx.book.cite(st.passage, st.text)
    label = _source_label(ctx, st)
    if axis.id == "roi":
        text = ctx.t(
            f"「{need.text}」[{a}]に対し、{label}の「{st.text}」[{b}]という効果を投資判断の"
            "根拠として示します。",
            f"To “{need.text}” [{a}], show {label}'s “{st.text}” [{b}] as the effect the "
            "investment case rests on.",
        )
    elif axis.id == "differentiation":
        text = ctx.t(
            f"「{need.text}」[{a}]という比較の場面で、{label}「{st.text}」[{b}]を軸に違いを"
            "示します。",
            f"Where they compare (“{need.text}” [{a}]), make the difference with {label}: "
            f"“{st.text}” [{b}].",
        )
    else:
        kind = _need_kind(ctx, need)
        text = ctx.t(
            f"「{need.text}」[{a}]という{kind}に、{label}の「{st.text}」[{b}]で応えます。",
            f"For the {kind} “{need.text}” [{a}], {label} answers with “{st.text}” [{b}].",
        )
    return Claim(text=text, refs=[a, b])


def _need_kind(ctx: DraftContext, need: Line) -> str:
    """課題 / 目標 / 懸念: what the persona line is, for the message's wording."""
    persona = next((p for p in ctx.corpus.personas if p.source == need.passage.source), None)
    fields = persona.fields if persona else {}
    if need in fields.get("goals", []):
        return ctx.t("目標", "goal")
    if need in fields.get("objections", []):
        return ctx.t("懸念", "concern")
    return ctx.t("課題", "challenge")


def _feedback_claims(ctx: DraftContext, ev: CellEvidence) -> list[Claim]:
    out: list[Claim] = []
    for stored in ranked_notes(ev):
        passage = ctx.corpus.feedback_passage(stored.source, stored.note.row)
        if passage is None:
            continue
        out.append(cited(ctx.book, passage, note_quote(passage, ev.axis)))
        if len(out) == FEEDBACK_QUOTES:
            break
    return out


def notes_display(ctx: DraftContext, n: int) -> str:
    return ctx.t(f"{n}件", f"{n} note" if n == 1 else f"{n} notes")


def support_claim(ctx: DraftContext, ev: CellEvidence) -> Claim:
    """The count of supporting notes, registered as a fact."""
    n = len(ev.notes)
    axis_name = ev.axis.name(ctx.lang)
    ref = ctx.book.fact(
        f"messaging:notes:{ev.persona.slug}:{ev.axis.id}",
        ctx.t(
            f"{ev.persona.short_name} × {axis_name} を支える営業メモ",
            f"sales notes supporting {ev.persona.short_name} × {axis_name}",
        ),
        n,
        "count",
        notes_display(ctx, n),
        source=ctx.t(
            "営業メモのうち、訴求軸のキーワードを含み、ペルソナの役割語か業種に触れるもの",
            "sales notes that contain an axis keyword and mention the persona's role words or "
            "industry",
        ),
    )
    display = notes_display(ctx, n)
    return Claim(
        text=ctx.t(
            f"この軸を支える営業メモ: {display}[{ref}]",
            f"Supporting sales notes: {display} [{ref}]",
        ),
        refs=[ref],
    )


def _missing(ctx: DraftContext, ev: CellEvidence) -> str:
    role = ev.persona.short_name
    axis = ev.axis.name(ctx.lang)
    if not ev.needs and not ev.statements:
        return ctx.t(
            f"{role}の資料に「{axis}」に当たる記述がなく、製品・競合資料にも裏付けがありません。",
            f"Neither the {role} persona nor the product/competitor notes say anything for "
            f"“{axis}”.",
        )
    if not ev.needs:
        return ctx.t(
            f"{role}のペルソナに「{axis}」に当たる課題・目標・反論の記述がありません。",
            f"The {role} persona has no challenge, goal or objection for “{axis}”.",
        )
    if not ev.statements:
        return ctx.t(
            f"製品・競合資料に「{axis}」を裏付ける記述がありません（製品資料を取り込んでください）。",
            f"No product or competitor statement backs “{axis}” (ingest the product notes).",
        )
    return ctx.t(
        f"{role}の記述と製品資料の記述に共通する内容が見つからず、メッセージを組めません。",
        f"The {role} persona's lines and the product statements share no topic to build a "
        "message on.",
    )


def cell_payload(ctx: DraftContext, ev: CellEvidence) -> Cell:
    """Cite the cell's evidence and build its payload (a gap when a side is missing)."""
    message = None
    used: Statement | None = None
    needs = list(ev.needs)
    if ev.pairs:
        need, used = ev.pairs[0]
        message = message_claim(ctx, ev.axis, need, used)
        needs = [need] + [n for n in needs if n is not need]
    cell = Cell(
        persona=ev.persona.name,
        persona_slug=ev.persona.slug,
        axis=ev.axis.id,
        status="ok" if message else "gap",
        message=message,
        needs=[cited_line(ctx.book, n) for n in needs[:PROOF_POINTS]],
        proof=[cited(ctx.book, s.passage, s.text) for s in ranked_proof(ev, used)],
        caveats=[cited(ctx.book, s.passage, s.text) for s in ev.caveats[:2]],
        support=support_claim(ctx, ev),
        note_count=len(ev.notes),
        feedback=_feedback_claims(ctx, ev),
        missing="" if message else _missing(ctx, ev),
    )
    return cell
