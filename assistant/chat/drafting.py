"""A drafting request in chat ("SLA案を作って") starts the draft and answers with a link to it.

Which draft is meant is decided by rules over the user's words only (never retrieved text),
the same way the router decides intent.  A content brief needs a persona: when the question
names none, the answer says so and points to the Drafts page instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.drafts.kinds import kind_asked_for
from assistant.text.normalize import nfkc

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.drafts.evidence import Corpus
    from assistant.llm import LLMClient
    from assistant.retrieval import KnowledgeStore


@dataclass(frozen=True)
class DraftStarted:
    text: str
    draft_id: int | None


def _persona_in(question: str, corpus: Corpus) -> str | None:
    text = nfkc(question).replace(" ", "")
    for persona in corpus.personas:
        for name in (persona.name.replace(" ", ""), persona.short_name, persona.slug):
            if name and nfkc(name) in text:
                return persona.name
    return None


def start_draft(
    question: str,
    *,
    settings: Settings,
    store: KnowledgeStore,
    client: LLMClient | None,
    lang: str,
) -> DraftStarted | None:
    """Create the draft the question asks for, or ``None`` when no kind is recognisable."""
    from assistant.drafts.context import DraftRequest
    from assistant.drafts.evidence import Corpus
    from assistant.review.service import ReviewService

    asked = kind_asked_for(question)
    if asked is None:
        return None
    kind = asked.id
    ja = lang != "en"
    corpus = Corpus(settings, store)
    persona = _persona_in(question, corpus)
    name = asked.title("ja" if ja else "en")
    if asked.persona == "required" and persona is None:
        names = (
            "、".join(p.short_name for p in corpus.personas)
            if ja
            else ", ".join(p.short_name for p in corpus.personas)
        )
        return DraftStarted(
            (
                f"{name}は、どのペルソナ向けかを指定してください（{names}）。"
                "「経理部長向けのコンテンツブリーフを作って」のように書くか、下書き画面で選べます。"
            )
            if ja
            else f"Which persona is the {name} for ({names})? Say e.g. “write a content brief "
            "for the 経理部長”, or choose on the Drafts page.",
            None,
        )
    # The chat's client is sized for answers; a draft gets its own, sized for drafts.
    service = ReviewService(settings, store, client="auto" if client is not None else None)
    record, draft = service.create(
        DraftRequest(kind=kind, persona=persona, lang="ja" if ja else "en")
    )
    titles = (
        "、".join(s.title for s in draft.sections)
        if ja
        else ", ".join(s.title for s in draft.sections)
    )
    blocking = bool(draft.blocking_warnings)
    if ja:
        text = (
            f"{name}の下書きを作成しました（下書き #{record.id}「{draft.title}」）。"
            f"構成：{titles}。レビュー画面で根拠を確認し、コメント・承認できます。"
            + ("確認が必要な数値があります。" if blocking else "")
            + (f"\n\n{draft.notice}" if draft.notice else "")
        )
    else:
        text = (
            f"I drafted the {name} (draft #{record.id}, “{draft.title}”): {titles}. Open it on "
            "the Review page to check the sources, comment and approve."
            + (" Some numbers need checking." if blocking else "")
            + (f"\n\n{draft.notice}" if draft.notice else "")
        )
    return DraftStarted(text, record.id)
