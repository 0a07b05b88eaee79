"""What a content brief is about — persona, 訴求軸, funnel stage, format — and why.

Code picks what the team would otherwise argue about, and each pick comes with a claim that
says whether it was requested or defaulted, and on what evidence:

* **axis** — ``request.axis``; by default the persona's first axis, in the survey-based
  priority order (``axes.offered_axes``), whose cell has a message (evidence on both sides).
* **stage** (``options["stage"]``: awareness | consideration | decision) — by default from
  the axis (problem → awareness, ROI → decision, differentiation → consideration; extras in
  ``MessageAxis.default_stage``).
* **format** (``options["format"]``: white-paper | webinar | blog | case-study |
  email-nurture) — by default the first format in the stage's preference list
  (``STAGE_FORMATS``) that the persona's 情報源 lines mention (ウェビナー → webinar, 事例 →
  case study...), else the stage's first format.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.axes import SURVEY, MessageAxis, offered_axes, resolve_axis
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Line, PersonaProfile
from assistant.drafts.kinds import format_name, stage_name
from assistant.drafts.messaging.cells import support_claim
from assistant.drafts.messaging.evidence import CellEvidence, gather
from assistant.errors import NotFoundError
from assistant.text.normalize import fold

# Formats that suit each stage, best first; the persona's 情報源 picks among them.
STAGE_FORMATS = {
    "awareness": ("blog", "white-paper", "webinar"),
    "consideration": ("webinar", "white-paper", "email-nurture", "case-study"),
    "decision": ("case-study", "email-nurture", "webinar"),
}
# Words in a persona's 情報源 line that say it reads/attends this format.
FORMAT_SIGNALS = {
    "white-paper": ("ホワイトペーパー", "white paper", "whitepaper"),
    "webinar": ("ウェビナー", "セミナー", "展示会", "勉強会", "webinar", "seminar"),
    "blog": ("webメディア", "メディア", "ブログ", "比較サイト", "blog", "media"),
    "case-study": ("事例", "case stud"),
    "email-nurture": ("メールマガジン", "メルマガ", "newsletter", "email"),
}


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` as one of ``allowed`` (case, spaces and ``_`` forgiven), else a NotFoundError
    naming the valid ones."""
    wanted = fold(value).strip().replace("_", "-").replace(" ", "-")
    if wanted in allowed:
        return wanted
    raise NotFoundError(f"Unknown {option} '{value}' — use one of: {', '.join(allowed)}")


def resolve_persona(ctx: DraftContext) -> PersonaProfile:
    if not ctx.request.persona:
        known = ", ".join(f"{p.name} ({p.slug})" for p in ctx.corpus.personas)
        raise NotFoundError(
            "A content brief is written for one persona — give --persona with one of: "
            + (known or "none (ingest persona files first, e.g. `axis ingest knowledge/personas`)")
        )
    return ctx.corpus.persona(ctx.request.persona)


def choose_axis(ctx: DraftContext, persona: PersonaProfile) -> CellEvidence:
    """The requested axis, else the first one (survey order, then extras) with a message."""
    if ctx.request.axis:
        return gather(ctx.corpus, persona, resolve_axis(ctx.request.axis))
    axes = offered_axes(ctx.corpus.feedback_notes, ctx.corpus.personas)
    cells = [gather(ctx.corpus, persona, a) for a in axes]
    return next((c for c in cells if c.ok), cells[0])


def choose_format(stage: str, persona: PersonaProfile) -> tuple[str, Line | None]:
    """The stage's first format the persona's 情報源 mention (and that line), else its first."""
    sources = persona.lines("info_sources")
    for fmt in STAGE_FORMATS[stage]:
        for line in sources:
            if any(w in fold(line.text) for w in FORMAT_SIGNALS[fmt]):
                return fmt, line
    return STAGE_FORMATS[stage][0], None


def axis_reason(ctx: DraftContext, ev: CellEvidence, chosen: bool) -> list[Claim]:
    """Why this axis: requested or defaulted, the survey share behind it, its sales notes."""
    axis = ev.axis
    out: list[Claim] = []
    if chosen:
        out.append(
            Claim(
                text=ctx.t(
                    f"訴求軸: {axis.ja}（指定されたもの）",
                    f"Message axis: {axis.en} (as requested)",
                )
            )
        )
    else:
        out.append(
            Claim(
                text=ctx.t(
                    f"訴求軸: {axis.ja}（既定: 調査の優先順位で、このペルソナに根拠がそろう最初の軸）",
                    f"Message axis: {axis.en} (default: the first axis in the survey-based priority "
                    "order with evidence on both sides for this persona)",
                )
            )
        )
    if axis.id in SURVEY.shares:
        refs = SURVEY.register(ctx.book, ctx.lang)
        share = SURVEY.shares[axis.id][1]
        out.append(
            Claim(
                text=ctx.t(
                    f"BtoBマーケティング担当者の{share}[{refs[axis.id]}]がこの訴求を重視"
                    f"（VALUES調査 2024年、n={SURVEY.respondents}[{refs['n']}]）。",
                    f"{share} [{refs[axis.id]}] of B2B marketers value this kind of message "
                    f"(VALUES survey, n={SURVEY.respondents} [{refs['n']}]).",
                ),
                refs=[refs[axis.id], refs["n"]],
            )
        )
    out.append(support_claim(ctx, ev))
    return out


def stage_format(
    ctx: DraftContext, axis: MessageAxis, stage: str, fmt: str, source: Line | None
) -> list[Claim]:
    """The stage and format, each requested or defaulted (the 情報源 line it came from, cited)."""
    opts = ctx.request.options
    stage_label = stage_name(stage, ctx.lang)
    fmt_name = format_name(fmt, ctx.lang)
    if opts.get("stage"):
        why_stage = ctx.t("指定されたもの", "as requested")
    else:
        why_stage = ctx.t(
            f"既定: 「{axis.ja}」の訴求は{stage_label}段階で効く",
            f"default: a “{axis.en}” message works at the {stage_label.lower()} stage",
        )
    out = [
        Claim(
            text=ctx.t(
                f"ファネル段階: {stage_label}（{why_stage}）",
                f"Funnel stage: {stage_label} ({why_stage})",
            )
        )
    ]
    if opts.get("format"):
        out.append(
            Claim(
                text=ctx.t(
                    f"形式: {fmt_name}（指定されたもの）", f"Format: {fmt_name} (as requested)"
                )
            )
        )
    elif source is not None:
        ref = ctx.book.cite_line(source)
        out.append(
            Claim(
                text=ctx.t(
                    f"形式: {fmt_name}（既定: この段階に合う形式のうち、情報源「{source.text}」[{ref}]"
                    "に合うもの）",
                    f"Format: {fmt_name} (default: the stage's format that matches the persona's "
                    f"information source “{source.text}” [{ref}])",
                ),
                refs=[ref],
            )
        )
    else:
        out.append(
            Claim(
                text=ctx.t(
                    f"形式: {fmt_name}（既定: この段階の標準の形式。情報源の記述に手がかりなし）",
                    f"Format: {fmt_name} (default for the stage; the persona's sources give no hint)",
                )
            )
        )
    return out
