"""A content brief's proposed content: title options, outline, key messages, call to action.

Everything here is a template around the cell's cited evidence (``messaging.evidence``): a
title quotes the persona's need, each outline section is filled with the quote it is built on
— or says plainly that the notes hold no evidence for it — and the key messages are the
matrix's message template applied to further need × statement pairs.
"""

from __future__ import annotations

from assistant.domain.grounding import Claim
from assistant.drafts.claims import cited, cited_line
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Corpus, Line
from assistant.drafts.kinds import format_name
from assistant.drafts.messaging.cells import message_claim
from assistant.drafts.messaging.evidence import CellEvidence, Statement, ranked_proof
from assistant.text.normalize import fold
from assistant.text.statements import statements

KEY_MESSAGES = 3


def titles(ctx: DraftContext, ev: CellEvidence, fmt: str) -> list[Claim]:
    """Two titles quoting the persona's need (when it has one), then one that quotes nothing."""
    role = ev.persona.short_name
    axis = ev.axis
    fmt_name = format_name(fmt, ctx.lang)
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


def _slot(ctx: DraftContext, ev: CellEvidence, slot: str, cta: Claim) -> Claim | None:
    """The evidence an outline section is built on (None when there is none)."""
    if slot == "need" and ev.needs:
        line = ev.pairs[0][0] if ev.pairs else ev.needs[0]
        return cited_line(ctx.book, line)
    if slot == "answer" and ev.pairs:
        st = ev.pairs[0][1]
        return cited(ctx.book, st.passage, st.text)
    if slot == "proof":
        proof = ranked_proof(ev, ev.pairs[0][1] if ev.pairs else None)
        if proof:
            return cited(ctx.book, proof[0].passage, proof[0].text)
    if slot == "objection":
        lead = ev.pairs[0][0] if ev.pairs else None
        all_objections = [o for o in ev.persona.lines("objections") if o is not lead]
        on_axis = [o for o in all_objections if o in ev.needs]
        line = (on_axis or all_objections or [None])[0]
        if line is not None:
            return cited_line(ctx.book, line)
    if slot == "cta":
        return cta
    return None


def outline(ctx: DraftContext, ev: CellEvidence, fmt: str, cta: Claim) -> list[Claim]:
    """The format's sections in order, each filled with its evidence or marked missing."""
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


def key_messages(ctx: DraftContext, ev: CellEvidence) -> list[Claim]:
    """The cell's message, then up to two more from other needs paired with other proof."""
    out: list[Claim] = []
    used_needs: list[Line] = []
    used_statements: list[Statement] = []
    for need, st in ev.pairs:
        if need in used_needs or st in used_statements:
            continue
        out.append(message_claim(ctx, ev.axis, need, st))
        used_needs.append(need)
        used_statements.append(st)
        if len(out) == KEY_MESSAGES:
            break
    return out


def call_to_action(ctx: DraftContext, stage: str) -> Claim:
    """What the reader is asked to do at ``stage`` (decision: the product's trial, cited)."""
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


def _trial_line(corpus: Corpus) -> Statement | None:
    """The product's free-trial line, quoted whole (its label carries the word)."""
    for passage in corpus.of_kind("product"):
        for st in statements(passage.text):
            if any(w in fold(st.text) for w in ("トライアル", "trial")):
                return Statement(st.text, st.heading, passage)
    return None
