"""Content briefs: one persona, one 訴求軸, one funnel stage and format — cited throughout.

A brief reuses the messaging matrix's cell for its persona × axis (``messaging.evidence.gather``),
so its key message, proof points and supporting-note count are the same evidence the matrix
shows.  Around it, code picks the axis, stage and format (``content_brief.choices``, where the
defaults are explained) and proposes titles, an outline and a call to action
(``content_brief.outline``).  The **KPI** section names the funnel metric the stage moves
(awareness → leads, consideration → MQL, decision → deals won) with its latest month's value
from the KPI table, as facts.

``generate_batch`` (``content_brief.batch``) builds one brief per persona × axis for the
team, over one ``Corpus``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.analytics.facts import KpiFacts
from assistant.domain.grounding import Claim
from assistant.drafts.axes import resolve_axis
from assistant.drafts.claims import bullets, cited_line, section
from assistant.drafts.content_brief.batch import brief_requests, generate_batch
from assistant.drafts.content_brief.choices import (
    axis_reason,
    choice,
    choose_axis,
    choose_format,
    resolve_persona,
    stage_format,
)
from assistant.drafts.content_brief.outline import call_to_action, key_messages, outline, titles
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import PersonaProfile
from assistant.drafts.kinds import FORMATS, STAGES, format_name, stage_name
from assistant.drafts.kpi import kpi_label
from assistant.drafts.messaging.cells import cell_payload
from assistant.drafts.models import Section

__all__ = [
    "FORMATS",
    "PAYLOAD",
    "ContentBrief",
    "brief_requests",
    "compose",
    "generate_batch",
    "render",
]

# The funnel metric each stage moves, and the conversion into it.
STAGE_KPI = {
    "awareness": ("leads", None),
    "consideration": ("mql", "rate:mql/leads"),
    "decision": ("won", "rate:won/sql"),
}


class ContentBrief(BaseModel):
    persona: str
    persona_slug: str
    axis: str
    stage: str
    format: str
    status: Literal["ok", "gap"] = Field(description="gap: the cell has no message.")
    audience: list[Claim]
    axis_reason: list[Claim]
    stage_format: list[Claim]
    titles: list[Claim]
    outline: list[Claim]
    messages: list[Claim]
    proof: list[Claim]
    cta: list[Claim]
    kpi: list[Claim]


PAYLOAD = ContentBrief


def _audience(ctx: DraftContext, persona: PersonaProfile) -> list[Claim]:
    """Who reads it: the persona, its profile lines, a decision maker and an objection, cited."""
    labels = {
        "role": ctx.t("役割", "Role"),
        "industry": ctx.t("業種", "Industry"),
        "company_size": ctx.t("企業規模", "Company size"),
    }
    out = [Claim(text=f"{ctx.t('ペルソナ', 'Persona')}: {persona.name}")]
    out += [
        cited_line(ctx.book, persona.profile[k], label=labels[k])
        for k in labels
        if k in persona.profile
    ]
    for field_name, label in (
        ("decision_makers", ctx.t("意思決定者", "Decision maker")),
        ("objections", ctx.t("よくある反論", "Typical objection")),
    ):
        lines = persona.lines(field_name)
        if lines:
            out.append(cited_line(ctx.book, lines[0], label=label))
    return out


def _kpi(ctx: DraftContext, stage: str) -> list[Claim]:
    """The metric the stage moves, with its latest month's value, rate and target as facts."""
    metric, rate = STAGE_KPI[stage]
    name = kpi_label(metric, ctx.lang)
    out = [
        Claim(
            text=ctx.t(
                f"成功指標: {name}（{stage_name(stage, 'ja')}段階のコンテンツが動かす指標）",
                f"Success KPI: {name} (what {stage_name(stage, 'en').lower()}-stage content moves)",
            )
        )
    ]
    kpi = KpiFacts.of(ctx.settings)
    months = kpi.months()
    if not months:
        out.append(
            Claim(
                text=ctx.t(
                    "KPIデータがありません — 月次KPI（kpi-monthly.csv など）を取り込むと最新値を示します。",
                    "No KPI data yet — ingest monthly KPIs (e.g. kpi-monthly.csv) to see the latest "
                    "value.",
                )
            )
        )
        return out
    facts = {f.key: f for f in kpi.month_facts(months[-1], lang=ctx.lang)}
    for key in (metric, rate, f"target:{metric}", f"achievement:{metric}"):
        fact = facts.get(f"{months[-1]}:{key}") if key else None
        if fact is not None:
            ref = ctx.book.add_fact(fact)
            out.append(Claim(text=f"{fact.label}: {fact.display}[{ref}]", refs=[ref]))
    return out


def compose(ctx: DraftContext) -> ContentBrief:
    opts = ctx.request.options
    fmt_opt = choice(opts["format"], FORMATS, "format") if opts.get("format") else None
    stage_opt = choice(opts["stage"], STAGES, "stage") if opts.get("stage") else None
    persona = resolve_persona(ctx)
    ev = choose_axis(ctx, persona)
    stage = stage_opt or ev.axis.default_stage
    fmt, source = (fmt_opt, None) if fmt_opt else choose_format(stage, persona)
    cell = cell_payload(ctx, ev)
    if cell.status == "gap":
        ctx.warn(
            "gap", f"{persona.name} × {ev.axis.name(ctx.lang)}: {cell.missing}", section="messages"
        )
    cta = call_to_action(ctx, stage)
    return ContentBrief(
        persona=persona.name,
        persona_slug=persona.slug,
        axis=ev.axis.id,
        stage=stage,
        format=fmt,
        status=cell.status,
        audience=_audience(ctx, persona),
        axis_reason=axis_reason(ctx, ev, chosen=bool(ctx.request.axis)),
        stage_format=stage_format(ctx, ev.axis, stage, fmt, source),
        titles=titles(ctx, ev, fmt),
        outline=outline(ctx, ev, fmt, cta),
        messages=key_messages(ctx, ev) or [Claim(text=cell.missing)],
        proof=[*cell.proof, *cell.feedback],
        cta=[cta],
        kpi=_kpi(ctx, stage),
    )


def render(payload: ContentBrief, ctx: DraftContext) -> tuple[str, list[Section]]:
    axis = resolve_axis(payload.axis)
    fmt_name = format_name(payload.format, ctx.lang)
    title = ctx.t(
        f"コンテンツブリーフ: {payload.persona} × {axis.ja}（{fmt_name}）",
        f"Content brief: {payload.persona} × {axis.en} ({fmt_name})",
    )
    parts = (
        ("audience", ctx.t("対象読者", "Audience"), payload.audience, "ok"),
        ("axis", ctx.t("訴求軸", "Message axis"), payload.axis_reason, "ok"),
        (
            "stage_format",
            ctx.t("ファネル段階と形式", "Funnel stage and format"),
            payload.stage_format,
            "proposal",
        ),
        ("titles", ctx.t("タイトル案", "Title options"), payload.titles, "proposal"),
        ("outline", ctx.t("構成案", "Outline"), payload.outline, "proposal"),
        ("messages", ctx.t("キーメッセージ", "Key messages"), payload.messages, payload.status),
        ("proof", ctx.t("根拠（引用）", "Proof points (cited)"), payload.proof, "ok"),
        ("cta", ctx.t("CTA（行動の呼びかけ）", "Call to action"), payload.cta, "proposal"),
        ("kpi", ctx.t("成功指標（KPI）", "Success KPI"), payload.kpi, "ok"),
    )
    sections = []
    for key, heading, claims, status in parts:
        body = bullets(claims) or ctx.t("（根拠なし）", "(no evidence)")
        if key == "proof" and not claims:
            status = "gap"
        sections.append(section(key, heading, body, status))
    return title, sections
