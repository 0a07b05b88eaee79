"""The 訴求軸 messaging matrix: personas × message axes, every cell a cited message or a gap.

A cell pairs what the persona says (a challenge, goal or objection line that speaks to the
axis) with what the company can show for it (a product statement — for ROI its 導入効果
figures, for differentiation the competitor notes' 弱み / 勝ちパターン / 営業での伝え方).  The
pair is the one sharing the most content words, and the message is a template around the two
verbatim quotes, so nothing in it is invented.  A cell is "ok" only when both sides exist;
otherwise it is a gap that says which evidence is missing, and carries no message.  Each cell
also counts the sales notes that support it (the rule is in ``assistant.drafts.axes``) as a
computed fact, and quotes up to ``FEEDBACK_QUOTES`` of them.

Request: ``persona`` limits the rows to one persona, ``axis`` (or ``options["axes"]``,
comma-separated) limits the columns; by default the columns are ``offered_axes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from assistant.chat.passages import normalize, split_sentences, statements, terms
from assistant.db.records import StoredFeedbackNote
from assistant.drafts.axes import (
    SURVEY,
    MessageAxis,
    offered_axes,
    persona_lines,
    resolve_axes,
    resolve_axis,
    role_words,
    supporting_notes,
)
from assistant.drafts.checks import refs_in
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Corpus, Line, Passage, PersonaProfile, refs_text
from assistant.drafts.models import Claim, Section
from assistant.errors import NotFoundError

FEEDBACK_QUOTES = 3
PROOF_POINTS = 3
# Content words (kanji/katakana bigrams, Latin words) a need and a statement must share to be
# paired, or a statement to count as proof for the cell: one shared word (経費) is chance.
MIN_SHARED = 2
# Price lists are not proof of anything an axis argues; they are left to the pricing talk.
_PRICING_HEADINGS = ("料金", "価格", "pricing", "price")
_CAVEAT = re.compile(r"未対応|未取得|非対応|not supported|not yet")
_COMPETITOR_HEADINGS = {
    "弱み": "weaknesses",
    "勝ちパターン": "where we win",
    "営業での伝え方": "how sales frames it",
}
_BOLD_LABEL = re.compile(r"^\*\*[^*]+\*\*\s*[:：]\s*")


# -- evidence ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Statement:
    """A quotable statement of a product or competitor document, with its heading."""

    text: str
    heading: str
    passage: Passage

    @property
    def competitor(self) -> str | None:
        if self.passage.kind != "competitor":
            return None
        return str(self.passage.meta.get("competitor") or self.passage.title)

    @property
    def has_number(self) -> bool:
        return bool(re.search(r"\d", normalize(self.text)))


@dataclass
class CellEvidence:
    """Everything one persona × axis cell rests on, before anything is cited."""

    persona: PersonaProfile
    axis: MessageAxis
    needs: list[Line]
    statements: list[Statement]
    caveats: list[Statement]
    notes: list[StoredFeedbackNote]
    pairs: list[tuple[Line, Statement]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.pairs)


def _quotable(text: str) -> str:
    """A statement without its leading 「**label**:」 (the rest is still verbatim)."""
    return _BOLD_LABEL.sub("", text).strip()


def document_statements(corpus: Corpus, kind: str) -> list[Statement]:
    seen: set[str] = set()
    out: list[Statement] = []
    for passage in corpus.of_kind(kind):
        for st in statements(passage.text):
            text = _quotable(st.text)
            if len(text) < 6 or text.startswith("※") or text in seen:
                continue
            seen.add(text)
            out.append(Statement(text, st.heading, passage))
    return out


def axis_statements(corpus: Corpus, axis: MessageAxis) -> tuple[list[Statement], list[Statement]]:
    """(usable statements, caveats) for ``axis``: product statements matching it and, for
    differentiation, competitor statements under 弱み / 勝ちパターン / 営業での伝え方.
    Product statements that say something is not supported are caveats, never a message."""
    usable: list[Statement] = []
    caveats: list[Statement] = []
    for st in document_statements(corpus, "product"):
        if any(h in normalize(st.heading) for h in _PRICING_HEADINGS):
            continue
        if axis.matches_product(st.text, st.heading):
            (caveats if _CAVEAT.search(normalize(st.text)) else usable).append(st)
    if axis.id == "differentiation":
        usable += [
            st
            for st in document_statements(corpus, "competitor")
            if any(h in normalize(st.heading) for h in _COMPETITOR_HEADINGS)
        ]
    return usable, caveats


def _overlap(a: str, b: str) -> int:
    return len(set(terms(a)) & set(terms(b)))


def _pairs(needs: list[Line], usable: list[Statement], axis: MessageAxis) -> list[tuple]:
    """Need × statement pairs, best first (most shared content words; ROI prefers figures).

    When both sides were picked by the axis keywords they are on topic already, so any pair
    is valid; the problem axis takes every challenge line, so there a pair must share at
    least ``MIN_SHARED`` content words."""
    scored = []
    for i, need in enumerate(needs):
        for j, st in enumerate(usable):
            shared = _overlap(need.text, st.text)
            if shared >= MIN_SHARED or not axis.every_line:
                bonus = 2 * int(axis.id == "roi" and st.has_number)
                bonus += int(axis.matches(st.heading))  # under the axis's own heading
                scored.append((-(shared + bonus), i, j, need, st))
    scored.sort(key=lambda s: s[:3])
    return [(need, st) for *_, need, st in scored]


def gather(corpus: Corpus, persona: PersonaProfile, axis: MessageAxis) -> CellEvidence:
    """The evidence of one cell (nothing cited yet)."""
    needs = persona_lines(persona, axis)
    usable, caveats = axis_statements(corpus, axis)
    notes = supporting_notes(corpus.feedback_notes, persona, axis)
    ev = CellEvidence(persona, axis, needs, usable, caveats, notes)
    ev.pairs = _pairs(needs, usable, axis)
    return ev


def ranked_proof(ev: CellEvidence, used: Statement | None) -> list[Statement]:
    """Statements that share words with the persona's lines (ROI: figures count too)."""
    figures = ev.axis.id == "roi"

    def relevance(st: Statement) -> int:
        best = max((_overlap(n.text, st.text) for n in ev.needs), default=0)
        return best + 2 * int(figures and st.has_number)

    scored = [(relevance(st), i, st) for i, st in enumerate(ev.statements) if st is not used]
    kept = [s for s in scored if s[0] >= MIN_SHARED or not ev.axis.every_line]
    kept.sort(key=lambda s: (-s[0], s[1]))
    return [st for _, _, st in kept[:PROOF_POINTS]]


def _ranked_notes(ev: CellEvidence) -> list[StoredFeedbackNote]:
    """Notes naming the persona's role first, then those matching the most axis keywords."""
    words = role_words(ev.persona)

    def score(n: StoredFeedbackNote) -> tuple[int, int]:
        text = normalize(n.note.text)
        return (-int(any(w in text for w in words)), -sum(k in text for k in ev.axis.keywords))

    return sorted(ev.notes, key=score)


def note_quote(passage: Passage, axis: MessageAxis) -> str:
    """The note's first sentence that names the axis (else its first sentence), verbatim."""
    sentences = split_sentences(passage.text)
    for sentence in sentences:
        if axis.matches(sentence):
            return sentence
    return sentences[0] if sentences else passage.text.strip()


# -- payload ----------------------------------------------------------------------------
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


class AxisPriority(BaseModel):
    axis: str
    reason: Claim


class Messaging(BaseModel):
    priorities: list[AxisPriority]
    cells: list[Cell]


PAYLOAD = Messaging


def product_name(corpus: Corpus) -> str | None:
    """「ケイリクラウド 製品概要・料金」→ ケイリクラウド: what the messages name."""
    products = corpus.of_kind("product")
    return products[0].title.split()[0] if products and products[0].title.split() else None


def _source_label(ctx: DraftContext, st: Statement) -> str:
    if st.competitor:
        heading = next((h for h in _COMPETITOR_HEADINGS if h in normalize(st.heading)), "")
        part = heading if ctx.ja() else _COMPETITOR_HEADINGS.get(heading, heading)
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


def _quote_claim(ctx: DraftContext, passage: Passage, text: str, prefix: str = "") -> Claim:
    ref = ctx.book.cite(passage, text)
    return Claim(text=f"{prefix}「{text}」[{ref}]", refs=[ref])


def _feedback_claims(ctx: DraftContext, ev: CellEvidence) -> list[Claim]:
    out: list[Claim] = []
    for stored in _ranked_notes(ev):
        passage = ctx.corpus.feedback_passage(stored.source, stored.note.row)
        if passage is None:
            continue
        out.append(_quote_claim(ctx, passage, note_quote(passage, ev.axis)))
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
        needs=[_quote_claim(ctx, n.passage, n.text) for n in needs[:PROOF_POINTS]],
        proof=[_quote_claim(ctx, s.passage, s.text) for s in ranked_proof(ev, used)],
        caveats=[_quote_claim(ctx, s.passage, s.text) for s in ev.caveats[:2]],
        support=support_claim(ctx, ev),
        note_count=len(ev.notes),
        feedback=_feedback_claims(ctx, ev),
        missing="" if message else _missing(ctx, ev),
    )
    return cell


# -- compose ----------------------------------------------------------------------------
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


def _claims(claims: list[Claim]) -> str:
    return "\n".join(f"- {c.text}" for c in claims)


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
            parts.append(f"**{heading}**\n{_claims(claims)}")
    parts.append(f"**{cell.support.text}**")
    if cell.feedback:
        parts.append(_claims(cell.feedback))
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
            body=_claims([p.reason for p in payload.priorities]),
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
        body = _cell_body(cell, ctx)
        sections.append(
            Section(
                key=cell_key(cell.persona_slug, cell.axis),
                title=f"{cell.persona} × {_axis_name(cell.axis, ctx)}",
                body=body,
                refs=refs_in(body),
                status="ok" if cell.status == "ok" else "gap",
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
