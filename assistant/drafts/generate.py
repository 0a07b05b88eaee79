"""Composing a draft: evidence → typed payload → (optional LLM rewrite) → sections → checks.

Each kind is a module with the same three names:

    PAYLOAD                       the pydantic model of the kind's content
    compose(ctx) -> PAYLOAD       built by code from retrieved evidence and computed numbers
    render(payload, ctx) -> (title, [Section])

Without an LLM the composed payload is the draft, labelled as composed without one.  With an
LLM, the model gets the composed payload, the quoted evidence (as data, inside delimiters),
the computed facts, brand-voice rules and any review comments, and returns the same schema
through structured output; refs it invents are dropped and reported.  Either way the draft is
verified (numbers, citations, refs) before anyone sees it.
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType
from typing import Literal

from pydantic import BaseModel

from assistant.config import Settings
from assistant.domain.grounding import Claim
from assistant.drafts.checks import refs_in, with_checks
from assistant.drafts.context import DraftContext, DraftRequest
from assistant.drafts.evidence import Corpus
from assistant.drafts.kinds import spec
from assistant.drafts.models import Draft, DraftWarning
from assistant.errors import LLMResponseError, NotFoundError
from assistant.grounding.injection import defuse, looks_like_instruction
from assistant.llm import ChatMessage, LLMClient, default_registry, get_client
from assistant.llm.structured import structured
from assistant.llm.types import estimate_tokens
from assistant.retrieval import KnowledgeStore

OFFLINE = "offline"
PROMPT_INPUTS: dict[str, frozenset[str]] = {
    "draft_system": frozenset({"brand_rules"}),
    "draft_rewrite": frozenset({"kind", "sources", "facts", "draft", "instructions"}),
}


def composer(kind: str) -> ModuleType:
    """The package that composes ``kind`` (``PAYLOAD``, ``compose``, ``render``)."""
    return importlib.import_module(spec(kind).package)


def draft_client(settings: Settings) -> LLMClient | None:
    """The LLM for drafts: the configured one, allowed a draft-sized answer.

    A draft comes back as one JSON document several times longer than a chat answer, and a
    limit cut in the middle of it is an invalid document, so drafts get
    ``AXIS_MAX_DRAFT_TOKENS`` instead of ``AXIS_MAX_ANSWER_TOKENS``.
    """
    return get_client(settings.model_copy(update={"max_answer_tokens": settings.max_draft_tokens}))


def offline_notice(lang: str) -> str:
    if lang == "ja":
        return (
            "LLMを設定していないため、テンプレートと社内資料の引用・計算値から組み立てた"
            "下書きです（OPENAI_BASE_URL または OPENAI_API_KEY を設定すると文章をLLMが整えます）。"
        )
    return (
        "Composed without an LLM: templates filled with quoted evidence and computed numbers "
        "(set OPENAI_BASE_URL or OPENAI_API_KEY to have an LLM write the prose)."
    )


def generate(
    settings: Settings,
    store: KnowledgeStore,
    request: DraftRequest,
    *,
    client: LLMClient | None | Literal["auto"] = "auto",
    corpus: Corpus | None = None,
) -> Draft:
    """A verified draft of ``request.kind`` from the workspace's evidence."""
    module = composer(request.kind)
    ctx = DraftContext(settings, corpus or Corpus(settings, store), request)
    if not ctx.corpus.passages:
        raise NotFoundError(
            f"Workspace '{settings.workspace}' has no documents to draft from — ingest the "
            f"company's knowledge first (axis ingest knowledge/ --workspace {settings.workspace}),"
            " or check the workspace name"
        )
    payload = module.compose(ctx)
    llm = draft_client(settings) if client == "auto" else client
    mode, notice = OFFLINE, offline_notice(request.lang)
    if llm is not None:
        payload = rewrite(llm, module.PAYLOAD, payload, ctx)
        mode, notice = llm.label, None
    title, sections = module.render(payload, ctx)
    if not ctx.book.citations and not any(w.code == "no_evidence" for w in ctx.warnings):
        ctx.warn(
            "no_evidence",
            ctx.t(
                "この下書きには社内資料からの引用が一つもありません（すべて提案か根拠なし）。"
                "承認するには理由のコメントが必要です。",
                "Nothing in this draft is quoted from the company's documents (all proposals or "
                "gaps); approving it needs a comment saying why.",
            ),
        )
    draft = Draft(
        kind=request.kind,
        title=title,
        lang=request.lang,
        mode=mode,
        persona=request.persona,
        axis=request.axis,
        sections=sections,
        citations=ctx.book.citations,
        facts=ctx.book.facts,
        warnings=ctx.warnings,
        content=payload.model_dump(mode="json"),
        notice=notice,
        options=dict(request.options),
    )
    return with_checks(draft, ctx.corpus)


def _brand_rules(ctx: DraftContext) -> list[str]:
    """The brand guide's statements, as data; any that give orders to an AI are left out."""
    lines: list[str] = []
    for passage in ctx.corpus.of_kind("brand-voice"):
        lines += [
            defuse(s) for s in ctx.corpus.statements(passage) if not looks_like_instruction(s)
        ]
    return lines[:60]


def rewrite(client: LLMClient, schema: type[BaseModel], payload: BaseModel, ctx: DraftContext):
    """The LLM's version of ``payload`` in the same schema; unknown refs dropped and reported."""
    settings = ctx.settings
    answer = estimate_tokens(json.dumps(payload.model_dump(mode="json"), ensure_ascii=False))
    if answer > settings.max_draft_tokens:
        raise LLMResponseError(
            f"This draft is about {answer:,} tokens long, more than the LLM may write "
            f"(AXIS_MAX_DRAFT_TOKENS={settings.max_draft_tokens:,}) — raise it if the model "
            "allows, narrow the draft (one persona, one axis), or draft without an LLM "
            "(AXIS_LLM=offline)"
        )
    messages = rewrite_messages(payload, ctx, with_sources=True)
    if _too_long(messages, ctx):
        # The draft's claims already hold their quotes; the separate source list is the part
        # that can go without losing evidence.
        messages = rewrite_messages(payload, ctx, with_sources=False)
        if _too_long(messages, ctx):
            needed = sum(estimate_tokens(m.content) for m in messages)
            raise LLMResponseError(
                f"This draft needs about {needed:,} prompt tokens, more than the "
                f"{settings.context_tokens:,}-token context window (AXIS_CONTEXT_TOKENS) leaves "
                f"after {settings.max_draft_tokens:,} for the answer (AXIS_MAX_DRAFT_TOKENS) — "
                "use a model with a longer context and set AXIS_CONTEXT_TOKENS to it, narrow "
                "the draft (one persona, one axis), or draft without an LLM (AXIS_LLM=offline)"
            )
    result = structured(client, schema, messages)
    _drop_unknown_refs(result, ctx)
    return result


def _too_long(messages: list[ChatMessage], ctx: DraftContext) -> bool:
    budget = ctx.settings.context_tokens - ctx.settings.max_draft_tokens
    return sum(estimate_tokens(m.content) for m in messages) > budget


def rewrite_messages(
    payload: BaseModel, ctx: DraftContext, *, with_sources: bool
) -> list[ChatMessage]:
    """System rules (with brand voice) and the composed draft, evidence quoted as data."""
    prompts = default_registry()
    lang = ctx.lang
    sources = [
        {"id": c.ref, "file": c.source, "text": defuse(c.quote)}
        for c in (ctx.book.citations if with_sources else [])
    ]
    facts = [
        {"id": f.id, "label": defuse(f.label), "display": defuse(f.display)} for f in ctx.book.facts
    ]
    return [
        ChatMessage(
            role="system",
            content=prompts.render("draft_system", lang=lang, brand_rules=_brand_rules(ctx)),
        ),
        ChatMessage(
            role="user",
            content=prompts.render(
                "draft_rewrite",
                lang=lang,
                kind=ctx.request.kind,
                sources=sources,
                facts=facts,
                draft=defuse(
                    json.dumps(payload.model_dump(mode="json"), ensure_ascii=False, indent=1)
                ),
                instructions=ctx.request.instructions,
            ),
        ),
    ]


def _drop_unknown_refs(model: BaseModel, ctx: DraftContext) -> None:
    """Remove refs the model made up from every ``Claim`` (in place) and say so."""
    known = ctx.book.known_refs()
    for claim in _claims(model):
        bad = [r for r in claim.refs if r not in known]
        bad += [r for r in refs_in(claim.text) if r not in known]
        if bad:
            claim.refs = [r for r in claim.refs if r in known]
            for ref in bad:
                claim.text = claim.text.replace(f"[{ref}]", "")
            ctx.warnings.append(
                DraftWarning(
                    code="unknown_ref",
                    message=f"The LLM cited {', '.join(sorted(set(bad)))}, which is no source "
                    "given to it; the reference was removed",
                    detail=",".join(sorted(set(bad))),
                )
            )


def _claims(value: object):  # type: ignore[no-untyped-def]
    if isinstance(value, Claim):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _claims(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _claims(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _claims(item)
