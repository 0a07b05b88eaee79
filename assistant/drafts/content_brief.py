"""Content briefs: one persona, one 訴求軸, one funnel stage and format — cited throughout.

A brief reuses the messaging matrix's cell for its persona × axis (``messaging.gather``), so
its key message, proof points and supporting-note count are the same evidence the matrix
shows.  Around it, code picks what the team would otherwise argue about:

* **axis** — ``request.axis``; by default the persona's first axis, in the survey-based
  priority order (``axes.offered_axes``), whose cell has a message (evidence on both sides).
* **stage** (``options["stage"]``: awareness | consideration | decision) — by default from
  the axis (problem → awareness, ROI → decision, differentiation → consideration; extras in
  ``MessageAxis.default_stage``).
* **format** (``options["format"]``: white-paper | webinar | blog | case-study |
  email-nurture) — by default the first format in the stage's preference list
  (``STAGE_FORMATS``) that the persona's 情報源 lines mention (ウェビナー → webinar, 事例 →
  case study...), else the stage's first format.
* **KPI** — the funnel metric the stage moves (awareness → leads, consideration → MQL,
  decision → deals won) with its latest month's value from the KPI table, as facts.

``generate_batch`` builds one brief per persona × axis for the team, over one ``Corpus``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

from pydantic import BaseModel, Field

from assistant.chat.facts import TableKpiFacts
from assistant.chat.passages import normalize, statements
from assistant.config import Settings
from assistant.drafts import messaging
from assistant.drafts.axes import (
    CORE_AXES,
    STAGES,
    SURVEY,
    MessageAxis,
    offered_axes,
    resolve_axes,
    resolve_axis,
)
from assistant.drafts.checks import refs_in
from assistant.drafts.context import DraftContext, DraftRequest
from assistant.drafts.evidence import Corpus, Line, PersonaProfile
from assistant.drafts.generate import generate
from assistant.drafts.models import Claim, Draft, Section
from assistant.errors import NotFoundError
from assistant.llm import LLMClient
from assistant.retrieval import KnowledgeStore

FORMATS: tuple[str, ...] = ("white-paper", "webinar", "blog", "case-study", "email-nurture")
FORMAT_NAMES = {
    "white-paper": ("ホワイトペーパー", "White paper"),
    "webinar": ("ウェビナー", "Webinar"),
    "blog": ("ブログ記事", "Blog post"),
    "case-study": ("導入事例", "Case study"),
    "email-nurture": ("ナーチャリングメール", "Email nurture"),
}
STAGE_NAMES = {
    "awareness": ("認知", "Awareness"),
    "consideration": ("比較検討", "Consideration"),
    "decision": ("意思決定", "Decision"),
}
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
# The funnel metric each stage moves, and the conversion into it.
STAGE_KPI = {
    "awareness": ("leads", None),
    "consideration": ("mql", "rate:mql/leads"),
    "decision": ("won", "rate:won/sql"),
}

ProgressFn = Callable[[int, int], None]


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


# -- choices ------------------------------------------------------------------------------
def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    wanted = normalize(value).strip().replace("_", "-").replace(" ", "-")
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


def choose_axis(ctx: DraftContext, persona: PersonaProfile) -> messaging.CellEvidence:
    """The requested axis, else the first one (survey order, then extras) with a message."""
    if ctx.request.axis:
        return messaging.gather(ctx.corpus, persona, resolve_axis(ctx.request.axis))
    axes = offered_axes(ctx.corpus.feedback_notes, ctx.corpus.personas)
    cells = [messaging.gather(ctx.corpus, persona, a) for a in axes]
    return next((c for c in cells if c.ok), cells[0])


def choose_format(stage: str, persona: PersonaProfile) -> tuple[str, Line | None]:
    """The stage's first format the persona's 情報源 mention (and that line), else its first."""
    sources = persona.lines("info_sources")
    for fmt in STAGE_FORMATS[stage]:
        for line in sources:
            if any(w in normalize(line.text) for w in FORMAT_SIGNALS[fmt]):
                return fmt, line
    return STAGE_FORMATS[stage][0], None


# -- sections -----------------------------------------------------------------------------
def _line_claim(ctx: DraftContext, label: str, line: Line) -> Claim:
    ref = ctx.book.cite_line(line)
    return Claim(text=f"{label}: 「{line.text}」[{ref}]", refs=[ref])


def _audience(ctx: DraftContext, persona: PersonaProfile) -> list[Claim]:
    labels = {
        "role": ctx.t("役割", "Role"),
        "industry": ctx.t("業種", "Industry"),
        "company_size": ctx.t("企業規模", "Company size"),
    }
    out = [Claim(text=f"{ctx.t('ペルソナ', 'Persona')}: {persona.name}")]
    out += [_line_claim(ctx, labels[k], persona.profile[k]) for k in labels if k in persona.profile]
    for field_name, label in (
        ("decision_makers", ctx.t("意思決定者", "Decision maker")),
        ("objections", ctx.t("よくある反論", "Typical objection")),
    ):
        lines = persona.lines(field_name)
        if lines:
            out.append(_line_claim(ctx, label, lines[0]))
    return out


def _axis_reason(ctx: DraftContext, ev: messaging.CellEvidence, chosen: bool) -> list[Claim]:
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
    out.append(messaging.support_claim(ctx, ev))
    return out


def _stage_format(
    ctx: DraftContext, axis: MessageAxis, stage: str, fmt: str, source: Line | None
) -> list[Claim]:
    opts = ctx.request.options
    stage_name = STAGE_NAMES[stage][0 if ctx.ja() else 1]
    fmt_name = FORMAT_NAMES[fmt][0 if ctx.ja() else 1]
    if opts.get("stage"):
        why_stage = ctx.t("指定されたもの", "as requested")
    else:
        why_stage = ctx.t(
            f"既定: 「{axis.ja}」の訴求は{stage_name}段階で効く",
            f"default: a “{axis.en}” message works at the {stage_name.lower()} stage",
        )
    out = [
        Claim(
            text=ctx.t(
                f"ファネル段階: {stage_name}（{why_stage}）",
                f"Funnel stage: {stage_name} ({why_stage})",
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


def _titles(ctx: DraftContext, ev: messaging.CellEvidence, fmt: str) -> list[Claim]:
    role = ev.persona.short_name
    axis = ev.axis
    fmt_name = FORMAT_NAMES[fmt][0 if ctx.ja() else 1]
    need = ev.pairs[0][0] if ev.pairs else (ev.needs[0] if ev.needs else None)
    out: list[Claim] = []
    if need is not None:
        ref = ctx.book.cite_line(need)
        out.append(
            Claim(
                text=ctx.t(
                    f"{role}のための{axis.ja}：「{need.text}」をどう解決するか[{ref}]",
                    f"{axis.en} for the {role}: solving “{need.text}” [{ref}]",
                ),
                refs=[ref],
            )
        )
        out.append(
            Claim(
                text=ctx.t(
                    f"【{fmt_name}】「{need.text}」から考える{axis.ja}[{ref}]",
                    f"{fmt_name}: rethinking “{need.text}” through {axis.en} [{ref}]",
                ),
                refs=[ref],
            )
        )
    out.append(
        Claim(
            text=ctx.t(
                f"{role}が押さえておきたい{axis.ja}のポイント",
                f"What a {role} should know about {axis.en}",
            )
        )
    )
    return out


_OUTLINES = {
    "white-paper": (
        ("課題の整理", "The problem", "need"),
        ("解決の考え方", "How to solve it", "answer"),
        ("根拠となる数字と事例", "Evidence and figures", "proof"),
        ("よくある懸念への回答", "Answers to common concerns", "objection"),
        ("次の一歩", "Next step", "cta"),
    ),
    "webinar": (
        ("オープニング: 課題の提起", "Opening: the problem", "need"),
        ("解説: 解決のアプローチ", "Walkthrough: the approach", "answer"),
        ("事例と根拠", "Cases and evidence", "proof"),
        ("質疑応答（想定される懸念）", "Q&A (expected concerns)", "objection"),
        ("クロージング", "Closing", "cta"),
    ),
    "blog": (
        ("導入: よくある悩み", "Hook: a familiar pain", "need"),
        ("解決のヒント", "How to approach it", "answer"),
        ("裏付け", "Backing it up", "proof"),
        ("まとめと次の一歩", "Wrap-up and next step", "cta"),
    ),
    "case-study": (
        ("導入企業の状況（同じ立場の読者へ）", "The customer's situation", "need"),
        ("選定の決め手", "Why they chose it", "answer"),
        ("導入効果", "Results", "proof"),
        ("導入時の懸念とその解消", "Concerns and how they were settled", "objection"),
        ("同じ立場の方へ", "For readers in the same seat", "cta"),
    ),
    "email-nurture": (
        ("メール（課題の提起）", "Email: the problem", "need"),
        ("メール（解決の考え方）", "Email: the approach", "answer"),
        ("メール（根拠と事例）", "Email: evidence", "proof"),
        ("メール（懸念への回答）", "Email: answering concerns", "objection"),
        ("メール（行動の呼びかけ）", "Email: the call to action", "cta"),
    ),
}


def _slot(ctx: DraftContext, ev: messaging.CellEvidence, slot: str, cta: Claim) -> Claim | None:
    """The evidence an outline section is built on (None when there is none)."""
    if slot == "need" and ev.needs:
        line = ev.pairs[0][0] if ev.pairs else ev.needs[0]
        ref = ctx.book.cite_line(line)
        return Claim(text=f"「{line.text}」[{ref}]", refs=[ref])
    if slot == "answer" and ev.pairs:
        st = ev.pairs[0][1]
        ref = ctx.book.cite(st.passage, st.text)
        return Claim(text=f"「{st.text}」[{ref}]", refs=[ref])
    if slot == "proof":
        proof = messaging.ranked_proof(ev, ev.pairs[0][1] if ev.pairs else None)
        if proof:
            ref = ctx.book.cite(proof[0].passage, proof[0].text)
            return Claim(text=f"「{proof[0].text}」[{ref}]", refs=[ref])
    if slot == "objection":
        lead = ev.pairs[0][0] if ev.pairs else None
        all_objections = [o for o in ev.persona.lines("objections") if o is not lead]
        on_axis = [o for o in all_objections if o in ev.needs]
        line = (on_axis or all_objections or [None])[0]
        if line is not None:
            ref = ctx.book.cite_line(line)
            return Claim(text=f"「{line.text}」[{ref}]", refs=[ref])
    if slot == "cta":
        return cta
    return None


def _outline(ctx: DraftContext, ev: messaging.CellEvidence, fmt: str, cta: Claim) -> list[Claim]:
    out: list[Claim] = []
    for ja, en, slot in _OUTLINES[fmt]:
        heading = ctx.t(ja, en)
        filled = _slot(ctx, ev, slot, cta)
        if filled is None:
            missing = ctx.t(
                "（資料に根拠なし — 追記が必要）", "(no evidence in the notes — add it)"
            )
            out.append(Claim(text=f"{heading}: {missing}"))
        else:
            out.append(Claim(text=f"{heading}: {filled.text}", refs=filled.refs))
    return out


def _messages(ctx: DraftContext, ev: messaging.CellEvidence) -> list[Claim]:
    """The cell's message, then up to two more from other needs paired with other proof."""
    out: list[Claim] = []
    used_needs: list[Line] = []
    used_statements: list[messaging.Statement] = []
    for need, st in ev.pairs:
        if need in used_needs or st in used_statements:
            continue
        out.append(messaging.message_claim(ctx, ev.axis, need, st))
        used_needs.append(need)
        used_statements.append(st)
        if len(out) == 3:
            break
    return out


def _cta(ctx: DraftContext, stage: str) -> Claim:
    if stage == "awareness":
        return Claim(
            text=ctx.t(
                "資料をダウンロードして、自社の状況を確かめてもらう（リード獲得）",
                "Download the material and check their own situation (lead capture)",
            )
        )
    if stage == "consideration":
        return Claim(
            text=ctx.t(
                "デモ・個別相談を申し込み、自社の運用条件で比べてもらう",
                "Book a demo or a consultation to compare on their own operating conditions",
            )
        )
    trial = _trial_line(ctx.corpus)
    text = ctx.t(
        "自社の申請件数と人件費でROI試算を依頼してもらう／無料トライアルを始めてもらう",
        "Ask for an ROI estimate on their own volumes and labour cost, or start a free trial",
    )
    if trial is None:
        return Claim(text=text)
    ref = ctx.book.cite(trial.passage, trial.text)
    quoted = ctx.t(f"（「{trial.text}」[{ref}]）", f" (“{trial.text}” [{ref}])")
    return Claim(text=f"{text}{quoted}", refs=[ref])


def _trial_line(corpus: Corpus) -> messaging.Statement | None:
    """The product's free-trial line, quoted whole (its label carries the word)."""
    for passage in corpus.of_kind("product"):
        for st in statements(passage.text):
            if any(w in normalize(st.text) for w in ("トライアル", "trial")):
                return messaging.Statement(st.text, st.heading, passage)
    return None


def _kpi(ctx: DraftContext, stage: str) -> list[Claim]:
    metric, rate = STAGE_KPI[stage]
    names = {
        "leads": ("リード数", "leads"),
        "mql": ("MQL数", "MQLs"),
        "won": ("受注数", "deals won"),
    }
    name = names[metric][0 if ctx.ja() else 1]
    out = [
        Claim(
            text=ctx.t(
                f"成功指標: {name}（{STAGE_NAMES[stage][0]}段階のコンテンツが動かす指標）",
                f"Success KPI: {name} (what {STAGE_NAMES[stage][1].lower()}-stage content moves)",
            )
        )
    ]
    kpi = TableKpiFacts(ctx.settings.database_url, ctx.settings.workspace)
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


# -- compose / render ----------------------------------------------------------------------
def compose(ctx: DraftContext) -> ContentBrief:
    opts = ctx.request.options
    fmt_opt = _choice(opts["format"], FORMATS, "format") if opts.get("format") else None
    stage_opt = _choice(opts["stage"], STAGES, "stage") if opts.get("stage") else None
    persona = resolve_persona(ctx)
    ev = choose_axis(ctx, persona)
    stage = stage_opt or ev.axis.default_stage
    fmt, source = (fmt_opt, None) if fmt_opt else choose_format(stage, persona)
    cell = messaging.cell_payload(ctx, ev)
    if cell.status == "gap":
        ctx.warn(
            "gap", f"{persona.name} × {ev.axis.name(ctx.lang)}: {cell.missing}", section="messages"
        )
    cta = _cta(ctx, stage)
    return ContentBrief(
        persona=persona.name,
        persona_slug=persona.slug,
        axis=ev.axis.id,
        stage=stage,
        format=fmt,
        status=cell.status,
        audience=_audience(ctx, persona),
        axis_reason=_axis_reason(ctx, ev, chosen=bool(ctx.request.axis)),
        stage_format=_stage_format(ctx, ev.axis, stage, fmt, source),
        titles=_titles(ctx, ev, fmt),
        outline=_outline(ctx, ev, fmt, cta),
        messages=_messages(ctx, ev) or [Claim(text=cell.missing)],
        proof=[*cell.proof, *cell.feedback],
        cta=[cta],
        kpi=_kpi(ctx, stage),
    )


def _bullets(claims: list[Claim]) -> str:
    return "\n".join(f"- {c.text}" for c in claims)


def render(payload: ContentBrief, ctx: DraftContext) -> tuple[str, list[Section]]:
    axis = resolve_axis(payload.axis)
    fmt_name = FORMAT_NAMES.get(payload.format, (payload.format,) * 2)[0 if ctx.ja() else 1]
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
        body = _bullets(claims) or ctx.t("（根拠なし）", "(no evidence)")
        if key == "proof" and not claims:
            status = "gap"
        sections.append(
            Section(key=key, title=heading, body=body, refs=refs_in(body), status=status)
        )
    return title, sections


# -- batch ---------------------------------------------------------------------------------
def generate_batch(
    settings: Settings,
    store: KnowledgeStore,
    *,
    personas: list[str] | None,
    axes: list[str] | None,
    lang: str,
    options: Mapping[str, str] | None = None,
    client: LLMClient | None = None,
    progress: ProgressFn | None = None,
) -> list[Draft]:
    """One brief per persona × axis (all personas / the three core axes by default).

    Names are resolved before anything is generated, so a typo fails fast; one ``Corpus``
    snapshot serves every brief, so the batch is consistent and reads the store once."""
    corpus = Corpus(settings, store)
    chosen = [corpus.persona(p) for p in personas] if personas else list(corpus.personas)
    if not chosen:
        raise NotFoundError(
            "No personas in this workspace — ingest persona files first, e.g. "
            "`axis ingest knowledge/personas`"
        )
    chosen_axes = resolve_axes(axes) if axes else list(CORE_AXES)
    opts = dict(options or {})
    for name, allowed in (("format", FORMATS), ("stage", STAGES)):
        if opts.get(name):
            opts[name] = _choice(opts[name], allowed, name)
    total = len(chosen) * len(chosen_axes)
    drafts: list[Draft] = []
    for persona in chosen:
        for axis in chosen_axes:
            request = DraftRequest(
                kind="content-brief",
                persona=persona.slug,
                axis=axis.id,
                lang=lang,
                options=dict(opts),
            )
            drafts.append(generate(settings, store, request, client=client, corpus=corpus))
            if progress is not None:
                progress(len(drafts), total)
    return drafts
