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
from assistant.drafts.checks import refs_in, with_checks
from assistant.drafts.context import DraftContext, DraftRequest
from assistant.drafts.evidence import Corpus
from assistant.drafts.models import DRAFT_KINDS, Claim, Draft, DraftWarning
from assistant.errors import AxisError
from assistant.llm import ChatMessage, LLMClient, default_registry, get_client
from assistant.llm.structured import structured
from assistant.retrieval import KnowledgeStore

OFFLINE = "offline"
_MODULES = {
    "positioning": "assistant.drafts.positioning",
    "messaging": "assistant.drafts.messaging",
    "sla": "assistant.drafts.sla",
    "improvement-plan": "assistant.drafts.improvement_plan",
    "content-brief": "assistant.drafts.content_brief",
}
PROMPT_INPUTS: dict[str, frozenset[str]] = {
    "draft_system": frozenset({"brand_rules"}),
    "draft_rewrite": frozenset({"kind", "sources", "facts", "draft", "instructions"}),
}


def composer(kind: str) -> ModuleType:
    if kind not in _MODULES:
        raise AxisError(f"Unknown draft kind '{kind}' — use one of: {', '.join(DRAFT_KINDS)}")
    return importlib.import_module(_MODULES[kind])


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
    payload = module.compose(ctx)
    llm = get_client(settings) if client == "auto" else client
    mode, notice = OFFLINE, offline_notice(request.lang)
    if llm is not None:
        payload = rewrite(llm, module.PAYLOAD, payload, ctx)
        mode, notice = llm.label, None
    title, sections = module.render(payload, ctx)
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
    lines: list[str] = []
    for passage in ctx.corpus.of_kind("brand-voice"):
        lines += ctx.corpus.statements(passage)
    return lines[:60]


def rewrite(client: LLMClient, schema: type[BaseModel], payload: BaseModel, ctx: DraftContext):
    """The LLM's version of ``payload`` in the same schema; unknown refs dropped and reported."""
    prompts = default_registry()
    lang = ctx.lang
    sources = [
        {"id": c.ref, "file": c.source, "text": c.quote.replace("</source", "< /source")}
        for c in ctx.book.citations
    ]
    facts = [{"id": f.id, "label": f.label, "display": f.display} for f in ctx.book.facts]
    messages = [
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
                draft=json.dumps(payload.model_dump(mode="json"), ensure_ascii=False, indent=1),
                instructions=ctx.request.instructions,
            ),
        ),
    ]
    result = structured(client, schema, messages)
    _drop_unknown_refs(result, ctx)
    return result


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
