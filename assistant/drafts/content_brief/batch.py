"""A team's batch of content briefs: one per persona × 訴求軸, over one evidence snapshot.

``brief_requests`` is the part worth sharing: it resolves every persona, axis, format and
stage name *before* anything is generated, so a typo fails fast instead of after half the
batch; ``generate_batch`` then runs the requests over one ``Corpus``, so the briefs are
consistent with each other and the store is read once.  (Storing a batch for review is
``ReviewService.create_many``, which takes the same requests.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from assistant.config import Settings
from assistant.drafts.axes import CORE_AXES, resolve_axes
from assistant.drafts.content_brief.choices import choice
from assistant.drafts.context import DraftRequest
from assistant.drafts.evidence import Corpus
from assistant.drafts.generate import generate
from assistant.drafts.kinds import FORMATS, STAGES
from assistant.drafts.models import Draft
from assistant.errors import NotFoundError
from assistant.llm import LLMClient
from assistant.retrieval import KnowledgeStore

ProgressFn = Callable[[int, int], None]


def brief_requests(
    corpus: Corpus,
    *,
    personas: list[str] | None,
    axes: list[str] | None,
    lang: str,
    options: Mapping[str, str] | None = None,
) -> list[DraftRequest]:
    """One content-brief request per persona × axis (all personas / the three core axes by
    default), every name resolved first: an unknown one raises before anything is made."""
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
            opts[name] = choice(opts[name], allowed, name)
    return [
        DraftRequest(
            kind="content-brief", persona=persona.slug, axis=axis.id, lang=lang, options=dict(opts)
        )
        for persona in chosen
        for axis in chosen_axes
    ]


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
    """One brief per persona × axis (see ``brief_requests``), generated from one snapshot."""
    corpus = Corpus(settings, store)
    requests = brief_requests(corpus, personas=personas, axes=axes, lang=lang, options=options)
    drafts: list[Draft] = []
    for request in requests:
        drafts.append(generate(settings, store, request, client=client, corpus=corpus))
        if progress is not None:
            progress(len(drafts), len(requests))
    return drafts
