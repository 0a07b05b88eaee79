"""Theme names and one-line summaries written by an LLM, through structured output.

The model sees, per theme, its key phrases and two or three redacted quotes — inside
``<theme>``/``<quote>`` delimiters, as data — and never a count.  It answers in the
``ThemeNames`` schema (``assistant.llm.structured``: JSON schema, function calling or JSON
mode, whichever the endpoint takes).  What it returns is checked here (every theme id once,
nothing else) and again by ``themes.py`` (no number that is not in the quotes); a theme the
model skipped keeps its offline label.  The prompt lives in ``prompts/<lang>/
feedback_theme_names.md`` with the other prompts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.feedback.labels import OfflineThemeNamer, ThemeDraft, ThemeName
from assistant.llm import ChatMessage, LLMClient, get_client, structured
from assistant.llm.prompts import default_registry

log = logging.getLogger(__name__)
PROMPTS = default_registry()
PROMPT_INPUTS: dict[str, frozenset[str]] = {"feedback_theme_names": frozenset({"themes"})}
_DATA_TAGS = ("theme", "quote")


class NamedTheme(BaseModel):
    id: str = Field(description="The theme id exactly as given (t1, t2, ...).")
    label: str = Field(
        description="A short theme name a marketing director would write (about 20 "
        "characters in Japanese, six words in English), no numbers."
    )
    summary: str = Field(description="One sentence on what the quotes say, no numbers.")


class ThemeNames(BaseModel):
    themes: list[NamedTheme] = Field(description="One entry per theme id given.")


def _defuse(text: str) -> str:
    """Keep quoted notes from opening or closing the prompt's delimiters."""
    for tag in _DATA_TAGS:
        text = text.replace(f"</{tag}", f"&lt;/{tag}").replace(f"<{tag}", f"&lt;{tag}")
    return text


class LLMThemeNamer:
    """Names themes with the configured chat model; falls back per theme to the offline one."""

    def __init__(self, client: LLMClient) -> None:
        self.client = client
        self.name = f"llm:{client.model_name}"

    def messages(
        self, drafts: Sequence[ThemeDraft], *, language: Literal["ja", "en"]
    ) -> list[ChatMessage]:
        themes = [
            {
                "id": d.id,
                "terms": [_defuse(t) for t in d.terms],
                "quotes": [_defuse(q) for q in d.quotes],
            }
            for d in drafts
        ]
        content = PROMPTS.render("feedback_theme_names", lang=language, themes=themes)
        return [ChatMessage(role="user", content=content)]

    def name_themes(
        self, drafts: Sequence[ThemeDraft], *, language: Literal["ja", "en"]
    ) -> list[ThemeName]:
        if not drafts:
            return []
        reply = structured(self.client, ThemeNames, self.messages(drafts, language=language))
        by_id = {t.id.strip(): t for t in reply.themes}
        unknown = sorted(set(by_id) - {d.id for d in drafts})
        if unknown:
            log.warning("theme namer returned unknown theme ids %s (ignored)", unknown)
        offline = OfflineThemeNamer().name_themes(drafts, language=language)
        out = []
        for draft, fallback in zip(drafts, offline, strict=True):
            named = by_id.get(draft.id)
            if named is None or not named.label.strip():
                log.warning("theme namer gave no name for %s; the offline label is used", draft.id)
                out.append(fallback)
            else:
                out.append(ThemeName(label=named.label, summary=named.summary or fallback.summary))
        return out


def namer_for(settings: Settings) -> LLMThemeNamer | None:
    """The LLM namer when a chat model is configured (``AXIS_LLM``, ``OPENAI_*``), else
    ``None``: themes keep their offline key-phrase labels."""
    client = get_client(settings)
    return LLMThemeNamer(client) if client is not None else None
